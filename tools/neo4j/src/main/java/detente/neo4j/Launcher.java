package detente.neo4j;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;

/**
 * Runs Neo4j community embedded with its Bolt connector on 127.0.0.1, auth
 * off, so detente's Go tests can use the real database without Docker.
 *
 * Usage: Launcher [--port N] [--data DIR] [--keep] [--setting key=value]...
 * With no --data a temporary directory is used and removed on exit.
 * Each --setting passes a raw Neo4j configuration entry, e.g.
 * --setting dbms.cypher.forbid_exhaustive_shortestpath=true.
 * Prints "READY bolt://127.0.0.1:N" once Bolt accepts connections.
 */
public final class Launcher {
    public static void main(String[] args) throws Exception {
        int port = 7687;
        Path data = null;
        boolean keep = false;
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data" -> data = Paths.get(args[++i]);
                case "--keep" -> keep = true;
                case "--setting" -> {
                    String kv = args[++i];
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        System.err.println("--setting wants key=value, got: " + kv);
                        System.exit(2);
                    }
                    settings.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "-h", "--help" -> {
                    System.out.println("usage: Launcher [--port N] [--data DIR] [--keep] [--setting key=value]...");
                    return;
                }
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    System.exit(2);
                }
            }
        }
        boolean temporary = data == null;
        if (temporary) {
            data = Files.createTempDirectory("detente-neo4j-");
        }
        final Path home = data;
        final boolean removeAfter = temporary && !keep;

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(rawSettings(settings))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
            } finally {
                if (removeAfter) {
                    deleteTree(home);
                }
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        waitForBolt(port, Duration.ofSeconds(120));
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    /**
     * Resolves raw key=value settings against Neo4j's declared settings (the
     * public builder has no setConfigRaw), so an unknown key or a bad value
     * fails at start-up with Neo4j's own message.
     */
    private static Map<Setting<?>, Object> rawSettings(Map<String, String> raw) {
        Map<Setting<?>, Object> out = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return out;
        }
        Config parsed = Config.newBuilder().setRaw(raw).build();
        for (String key : raw.keySet()) {
            Setting<Object> setting = parsed.getSetting(key);
            out.put(setting, parsed.get(setting));
        }
        return out;
    }

    private static void waitForBolt(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Bolt did not open on port " + port);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp dir left behind is harmless
        }
    }
}
