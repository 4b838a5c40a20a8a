// Command detente-bench is the driver of `make bench` (scripts/bench.sh).
//
// It generates seeded graphs (graph/graphgen, seed 1: 10^3/10^4, 10^4/10^5
// and, unless -quick, 10^5/10^6 actors/relationships), measures detente
// against a peer in the same run for every target of the benchmark issue —
// the API against neo4j-go-driver running the same Cypher, graph/analysis
// against python-igraph and NetworkX (bench/peers.py) on the same
// projection, PN and signed blocs against PageRank and Louvain in the same
// run, Gin against a bare net/http handler, a cached influence
// request over HTTP against /healthz and a bare server sending the same
// bytes, 8 clients against one,
// imports, memory, start-up — prints a summary table and writes
// BENCHMARKS.md (and the raw figures as JSON beside the work files).
//
// It drives the built `detente` binary for everything a user runs (serve,
// import) and links the store and analysis packages for in-process figures
// (heap per relationship, path latency inside the process, PageRank and
// betweenness). scripts/bench.sh installs the Python peers (make
// test-deps), builds both binaries and starts Neo4j; see its header for
// the knobs.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"
)

type config struct {
	bin, python, peers string
	neo4jScript        string
	neo4jPort          int
	work, out          string
	quick              bool
	only               map[string]bool
	commands           []string
}

func (c *config) neo4jURI() string {
	if c.neo4jPort == 0 {
		return ""
	}
	return fmt.Sprintf("bolt://127.0.0.1:%d", c.neo4jPort)
}

func (c *config) want(part string) bool { return len(c.only) == 0 || c.only[part] }

var logFile *os.File

func logf(format string, a ...any) {
	line := fmt.Sprintf("%s %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, a...))
	fmt.Fprint(os.Stderr, line)
	if logFile != nil {
		logFile.WriteString(line)
	}
}

func main() {
	var (
		cfg      config
		only     string
		commands string
		render   string
	)
	fs := flag.NewFlagSet("detente-bench", flag.ExitOnError)
	fs.StringVar(&cfg.bin, "bin", "tmp/bench/bin/detente", "the built detente binary")
	fs.StringVar(&cfg.python, "python", ".venv/bin/python", "Python with networkx and igraph (make test-deps)")
	fs.StringVar(&cfg.peers, "peers", "bench/peers.py", "the Python peers script")
	fs.StringVar(&cfg.neo4jScript, "neo4j-script", "scripts/neo4j.sh", "starts and stops Neo4j (restart = stop + start: a fresh database)")
	fs.IntVar(&cfg.neo4jPort, "neo4j-port", 0, "Bolt port of the Neo4j that -neo4j-script runs; 0: skip the Neo4j measurements")
	fs.StringVar(&cfg.work, "work", "tmp/bench", "work directory (graphs, data, logs, results.json)")
	fs.StringVar(&cfg.out, "out", "BENCHMARKS.md", "the report to (re)write; empty: none")
	fs.BoolVar(&cfg.quick, "quick", false, "the 10^4/10^5 graph only (and 10^3/10^4 where NetworkX needs it)")
	fs.StringVar(&only, "only", "", "comma-separated parts to run (http, analysis, signed, influence, embedded, startup, neo4j, whatif, kshortest, ingest); default all")
	fs.StringVar(&commands, "commands", "", "the commands that ran this, newline-separated, for the report")
	fs.StringVar(&render, "render", "", "write -out from this results.json of an earlier run instead of measuring")
	fs.Parse(os.Args[1:])
	if only != "" {
		cfg.only = map[string]bool{}
		for _, p := range strings.Split(only, ",") {
			cfg.only[strings.TrimSpace(p)] = true
		}
	}
	for _, c := range strings.Split(commands, "\n") {
		if c = strings.TrimSpace(c); c != "" {
			cfg.commands = append(cfg.commands, c)
		}
	}
	cfg.commands = append(cfg.commands, strings.Join(append([]string{"detente-bench"}, os.Args[1:]...), " "))
	cfg.commands = tidyCommands(cfg.commands)
	if render != "" {
		// Re-render a report from a run's results.json, measuring nothing.
		b, err := os.ReadFile(render)
		var r Report
		if err == nil {
			err = json.Unmarshal(b, &r)
		}
		if err == nil {
			r.Commands = tidyCommands(r.Commands)
			r.printTable()
			err = os.WriteFile(cfg.out, []byte(r.markdown()), 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	for _, p := range []*string{&cfg.bin, &cfg.python, &cfg.peers, &cfg.neo4jScript, &cfg.work} {
		if abs, err := filepath.Abs(*p); err == nil {
			*p = abs
		}
	}
	if err := os.MkdirAll(cfg.work, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	logFile, _ = os.Create(filepath.Join(cfg.work, "bench.log"))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	r := run(ctx, &cfg)
	r.printTable()
	if err := r.writeJSON(filepath.Join(cfg.work, "results.json")); err != nil {
		logf("results.json: %v", err)
	}
	if cfg.out != "" {
		if err := os.WriteFile(cfg.out, []byte(r.markdown()), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		logf("wrote %s", cfg.out)
	}
	if ctx.Err() != nil {
		os.Exit(130)
	}
}

// tidyCommands drops repeated lines and the driver's own -commands value
// (the lines above it).
func tidyCommands(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range in {
		if i := strings.Index(c, " -commands "); i >= 0 && strings.HasPrefix(c, "detente-bench") {
			c = c[:i]
		}
		if c = strings.TrimSpace(c); c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// run measures everything, part by part; a part that fails is reported
// and the run goes on.
func run(ctx context.Context, cfg *config) *Report {
	r := &Report{Machine: machine(), Quick: cfg.quick, Started: time.Now(), Commands: cfg.commands}
	defer func() { r.Took = time.Since(r.Started); r.Machine.LoadEnd = loadavg() }()
	r.Yardstick = append(r.Yardstick, yardstick())
	logf("machine: %+v; yardstick %s", r.Machine, ms(r.Yardstick[0]))

	s3 := newSize("10^3/10^4", 1_000, 10_000)
	s4 := newSize("10^4/10^5", 10_000, 100_000)
	s5 := newSize("10^5/10^6", 100_000, 1_000_000)
	big := []*size{s4, s5}
	if cfg.quick {
		big = []*size{s4}
	}
	graphs := filepath.Join(cfg.work, "graphs")
	sizes := append([]*size{s3}, big...)
	if len(cfg.only) == 1 && cfg.only["ingest"] {
		sizes = nil // it makes its own input
	}
	for _, s := range sizes {
		t0 := time.Now()
		b := s.generate()
		if err := s.writeFiles(b, graphs); err != nil {
			r.problem("writing the %s graph: %v", s.Name, err)
			return r
		}
		pe := project(b)
		s.edgeFile = filepath.Join(s.dir, "edges.txt")
		if err := pe.write(s.edgeFile); err != nil {
			r.problem("writing the %s edge list: %v", s.Name, err)
			return r
		}
		logf("graph %s: files in %s (%s)", s.Name, s.dir, time.Since(t0).Round(time.Millisecond))
	}
	debug.FreeOSMemory()

	parts := []struct {
		name string
		fn   func()
	}{
		{"http", func() { benchHTTP(ctx, r, cfg) }},
		{"analysis", func() { benchAnalysis(ctx, r, cfg, s3, big) }},
		{"signed", func() { benchSigned(ctx, r, cfg, s4) }},
		{"influence", func() { benchInfluence(ctx, r, cfg, big) }},
		{"embedded", func() { benchEmbedded(ctx, r, cfg, big) }},
		{"startup", func() { benchStartup(ctx, r, cfg, big[len(big)-1]) }},
		{"neo4j", func() { benchNeo4j(ctx, r, cfg, s4, big[len(big)-1]) }},
		{"whatif", func() { benchWhatIf(ctx, r, cfg, big) }},
		{"kshortest", func() { benchKShortestPart(ctx, r, cfg) }},
		{"ingest", func() { benchIngest(ctx, r, cfg) }},
	}
	for _, p := range parts {
		if ctx.Err() != nil {
			break
		}
		if !cfg.want(p.name) {
			continue
		}
		t0 := time.Now()
		logf("== %s", p.name)
		func() {
			defer func() {
				if v := recover(); v != nil {
					r.problem("part %s panicked: %v\n%s", p.name, v, debug.Stack())
				}
			}()
			p.fn()
		}()
		logf("== %s done in %s", p.name, time.Since(t0).Round(time.Second))
		debug.FreeOSMemory()
	}
	r.Yardstick = append(r.Yardstick, yardstick())
	return r
}

// httpClient is shared by every HTTP load: keep-alive connections, enough
// of them for the most concurrent load.
var httpClient = &http.Client{
	Timeout: 60 * time.Second,
	Transport: &http.Transport{
		MaxIdleConns:        256,
		MaxIdleConnsPerHost: 256,
		DisableCompression:  true,
		IdleConnTimeout:     90 * time.Second,
	},
}
