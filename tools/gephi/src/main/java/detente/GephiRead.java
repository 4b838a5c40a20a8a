package detente;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Interval;
import org.gephi.graph.api.Node;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

/**
 * Imports one GEXF or GraphML file with Gephi's importer and its default
 * settings (what File > Open does without touching the import dialog) and
 * prints, as one JSON object on standard output, what Gephi holds: every
 * node (id, label, x, y, attributes), every edge (source, target, directed,
 * type label, weight, attributes, time intervals) and the import report's
 * issues of level WARNING or worse.
 *
 * Usage: java -cp 'target/classes:target/lib/*' detente.GephiRead FILE
 */
public final class GephiRead {
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: GephiRead FILE.gexf|FILE.graphml");
            System.exit(2);
        }
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        pc.newProject();
        Workspace ws = pc.getCurrentWorkspace();
        ImportController ic = Lookup.getDefault().lookup(ImportController.class);
        Container c = ic.importFile(new File(args[0]));
        if (c == null) {
            System.err.println("gephi: no importer read " + args[0]);
            System.exit(1);
        }
        List<String> issues = new ArrayList<>();
        for (Issue is : c.getReport().getIssuesList(Issue.Level.WARNING.toInteger())) {
            issues.add(is.getLevel() + ": " + is.getMessage());
        }
        ic.process(c, new DefaultProcessor(), ws);
        GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
        Graph g = gm.getGraph();

        StringBuilder out = new StringBuilder();
        out.append("{\"directed\":").append(gm.isDirected())
           .append(",\"mixed\":").append(gm.isMixed())
           .append(",\"issues\":");
        strings(out, issues);
        out.append(",\"nodes\":[");
        boolean first = true;
        for (Node n : g.getNodes()) {
            if (!first) out.append(',');
            first = false;
            out.append("{\"id\":");
            str(out, String.valueOf(n.getId()));
            out.append(",\"label\":");
            str(out, n.getLabel());
            out.append(",\"x\":").append(n.x()).append(",\"y\":").append(n.y());
            out.append(",\"attributes\":");
            attributes(out, n);
            out.append('}');
        }
        out.append("],\"edges\":[");
        first = true;
        for (Edge e : g.getEdges()) {
            if (!first) out.append(',');
            first = false;
            out.append("{\"id\":");
            str(out, String.valueOf(e.getId()));
            out.append(",\"source\":");
            str(out, String.valueOf(e.getSource().getId()));
            out.append(",\"target\":");
            str(out, String.valueOf(e.getTarget().getId()));
            out.append(",\"directed\":").append(e.isDirected());
            out.append(",\"kind\":");
            str(out, e.getTypeLabel() == null ? null : String.valueOf(e.getTypeLabel()));
            out.append(",\"weight\":").append(e.getWeight());
            out.append(",\"attributes\":");
            attributes(out, e);
            out.append(",\"intervals\":[");
            Interval[] iv = e.getIntervals();
            for (int i = 0; i < iv.length; i++) {
                if (i > 0) out.append(',');
                out.append('[').append(num(iv[i].getLow())).append(',').append(num(iv[i].getHigh())).append(']');
            }
            out.append("]}");
        }
        out.append("]}");
        System.out.println(out);
        System.exit(0);
    }

    private static String num(double d) {
        return Double.isInfinite(d) ? (d > 0 ? "\"inf\"" : "\"-inf\"") : Double.toString(d);
    }

    private static void attributes(StringBuilder out, org.gephi.graph.api.Element el) {
        Set<String> keys = new TreeSet<>(el.getAttributeKeys());
        out.append('{');
        boolean first = true;
        for (String k : keys) {
            Object v = el.getAttribute(k);
            if (v == null) continue;
            if (!first) out.append(',');
            first = false;
            str(out, k);
            out.append(':');
            str(out, String.valueOf(v));
        }
        out.append('}');
    }

    private static void strings(StringBuilder out, List<String> xs) {
        out.append('[');
        for (int i = 0; i < xs.size(); i++) {
            if (i > 0) out.append(',');
            str(out, xs.get(i));
        }
        out.append(']');
    }

    private static void str(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (ch < 0x20) out.append(String.format("\\u%04x", (int) ch));
                    else out.append(ch);
            }
        }
        out.append('"');
    }
}
