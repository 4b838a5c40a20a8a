package viz_test

// Consumer tests: each export of a fixed sample graph is loaded by the
// library that a frontend or analyst would use — Cytoscape.js, graphology
// and d3-force under Node (web/test/consumers.test.mjs), NetworkX's
// readers under Python (viz/testdata/read_nx.py) — and what they read is
// compared with what the sample holds.
//
// The tools are installed by the repository's own files:
//
//	npm ci --prefix web/test
//	python3 -m venv .venv && .venv/bin/pip install -r requirements-test.txt
//
// Without them the tests skip, except under CI=true, where a missing tool
// is a failure: a green CI must mean the consumers really read the exports.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphtest"
	"github.com/detente/detente/seed"
	"github.com/detente/detente/viz"
)

// repoRoot is the directory holding go.mod, found upwards from the test's
// working directory (the package directory under go test).
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// requireTool skips when a consumer's tool is missing, or fails under CI.
func requireTool(t *testing.T, what, path, install string) {
	t.Helper()
	if _, err := os.Stat(path); err == nil {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s: not installed (%s) and CI=true: install with `%s`", what, path, install)
	}
	t.Skipf("%s: not installed (%s); install with `%s`", what, path, install)
}

// scenarioGraph is the shipped scenario as the API would hand it to viz.
func scenarioGraph(t *testing.T) viz.Graph {
	t.Helper()
	b, err := seed.Scenario()
	if err != nil {
		t.Fatal(err)
	}
	reg := graph.NewRegistry(append(graph.BuiltinTypes(), b.RelationshipTypes...))
	if err := b.Prepare(reg, nil); err != nil {
		t.Fatalf("scenario: %v", err)
	}
	return viz.Graph{Actors: b.Actors, Relationships: b.Relationships, Types: reg}
}

// consumerSample is the scenario plus the cases a consumer is most likely
// to trip on: markup and non-Latin characters in a name, an actor with no
// optional fields, and a relationship whose id is also an actor's id; its
// actors have positions.
func consumerSample(t *testing.T) viz.Graph {
	g := scenarioGraph(t)
	g.Actors = append(g.Actors, graph.Actor{ID: "test-escapes", Name: `Kata'ib <"Hezbollah"> & Co — كتائب حزب الله`,
		Kind: "armed_group", Aliases: []string{}, Tags: []string{}})
	g.Relationships = append(g.Relationships, graph.Relationship{ID: "iran", Source: "test-escapes", Target: "united-states",
		Type: "threatens", Weight: 0.25, Confidence: 0.5, ValidFrom: graphtest.DatePtr("2024-02-29"), Sources: []graph.Citation{}})
	// Laid out, as with layout=force: each reader must find every
	// actor's position where its format keeps it.
	g.Positions = viz.ForceLayout(g.Actors, g.Relationships)
	return g
}

// The expectations file the consumer scripts read (VIZ_EXPECTATIONS).
type expectations struct {
	Files map[string]string `json:"files"`
	Nodes []expectedNode    `json:"nodes"`
	Edges []expectedEdge    `json:"edges"`
}

type expectedNode struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	CountryCode string   `json:"country_code"`
	Region      string   `json:"region"`
	Tags        []string `json:"tags"`
	Aliases     []string `json:"aliases"`
	X           float64  `json:"x"`
	Y           float64  `json:"y"`
}

type expectedEdge struct {
	ID         string  `json:"id"`
	Source     string  `json:"source"`
	Target     string  `json:"target"`
	Type       string  `json:"type"`
	Sign       int     `json:"sign"`
	Weight     float64 `json:"weight"`
	Confidence float64 `json:"confidence"`
	ValidFrom  string  `json:"valid_from"`
	ValidTo    string  `json:"valid_to"`
	Symmetric  bool    `json:"symmetric"`
}

// writeExports writes every format of g and the expectations into a
// temporary directory and returns the expectations file's path.
func writeExports(t *testing.T, g viz.Graph) string {
	t.Helper()
	dir := t.TempDir()
	exp := expectations{Files: map[string]string{}}
	for _, format := range viz.Formats() {
		path := filepath.Join(dir, "graph."+format+viz.Extension(format))
		if err := os.WriteFile(path, write(t, format, g), 0o644); err != nil {
			t.Fatal(err)
		}
		exp.Files[format] = path
	}
	// NetworkX reads no mixed graph: its GEXF check reads the sample
	// without its symmetric ties (read_nx.py).
	directed := g
	directed.Relationships = nil
	for _, r := range g.Relationships {
		if ty, _ := g.Types.Get(r.Type); !ty.Symmetric {
			directed.Relationships = append(directed.Relationships, r)
		}
	}
	directedPath := filepath.Join(dir, "graph.directed.gexf")
	if err := os.WriteFile(directedPath, write(t, "gexf", directed), 0o644); err != nil {
		t.Fatal(err)
	}
	exp.Files["gexf_directed"] = directedPath
	for _, a := range g.Actors {
		p := g.Positions[a.ID]
		exp.Nodes = append(exp.Nodes, expectedNode{a.ID, a.Name, string(a.Kind), a.CountryCode, a.Region, nonNil(a.Tags), nonNil(a.Aliases), p.X, p.Y})
	}
	for _, r := range g.Relationships {
		ty, _ := g.Types.Get(r.Type)
		exp.Edges = append(exp.Edges, expectedEdge{r.ID, r.Source, r.Target, r.Type, ty.Polarity, r.Weight, r.Confidence,
			dateStr(r.ValidFrom), dateStr(r.ValidTo), ty.Symmetric})
	}
	b, err := json.MarshalIndent(exp, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "expected.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func runConsumer(t *testing.T, root, expect string, name string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "VIZ_EXPECTATIONS="+expect)
	out, err := cmd.CombinedOutput()
	t.Logf("%s %v:\n%s", name, args, out)
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
}

func TestConsumersNode(t *testing.T) {
	root := repoRoot(t)
	install := "npm ci --prefix web/test"
	node, err := exec.LookPath("node")
	if err != nil {
		node = "node (not on PATH)"
	}
	requireTool(t, "Node.js", node, "apt-get install -y nodejs npm")
	requireTool(t, "web/test's npm packages", filepath.Join(root, "web/test/node_modules/cytoscape"), install)
	requireTool(t, "web/test's npm packages", filepath.Join(root, "web/test/node_modules/graphology"), install)
	expect := writeExports(t, consumerSample(t))
	runConsumer(t, root, expect, node, "--test", "--test-reporter=spec", "web/test/consumers.test.mjs")
}

func TestConsumersNetworkX(t *testing.T) {
	root := repoRoot(t)
	python := filepath.Join(root, ".venv/bin/python")
	requireTool(t, "the test virtual environment", python,
		"python3 -m venv .venv && .venv/bin/pip install -r requirements-test.txt")
	expect := writeExports(t, consumerSample(t))
	runConsumer(t, root, expect, python, "viz/testdata/read_nx.py")
}

// TestSeriesNetworkX: a graph with a series, written as GEXF, read by
// NetworkX's GEXF reader: each actor's dynamic attribute holds the
// series' values with their spells (a value from its day to the day
// before the next; the last to End), and an actor without a value on a
// day has no spell for it.
func TestSeriesNetworkX(t *testing.T) {
	root := repoRoot(t)
	python := filepath.Join(root, ".venv/bin/python")
	requireTool(t, "the test virtual environment", python,
		"python3 -m venv .venv && .venv/bin/pip install -r requirements-test.txt")
	day := graph.DateOf
	g := viz.Graph{
		Types:  graph.NewRegistry(graph.BuiltinTypes()),
		Actors: []graph.Actor{{ID: "iran", Name: "Iran", Kind: "state"}, {ID: "oman", Name: "Oman", Kind: "state"}},
		Relationships: []graph.Relationship{{ID: "oman--mediates--iran", Source: "oman", Target: "iran", Type: "mediates",
			Weight: 0.8, Confidence: 0.9}},
		Series: &viz.Series{Name: "pagerank",
			Days:   []graph.Date{day(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)), day(time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC))},
			Values: []map[string]float64{{"iran": 0.25}, {"iran": 0.5, "oman": 0.125}},
			End:    day(time.Date(2021, 6, 30, 0, 0, 0, 0, time.UTC))},
	}
	path := filepath.Join(t.TempDir(), "series.gexf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := viz.Write(f, "gexf", g); err != nil {
		t.Fatal(err)
	}
	f.Close()
	script := `import json, sys, networkx as nx
g = nx.read_gexf(sys.argv[1])
print(json.dumps({n: [list(v) for v in d.get("pagerank", [])] for n, d in g.nodes(data=True)}, sort_keys=True))`
	out, err := exec.Command(python, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("networkx: %v\n%s", err, out)
	}
	var got map[string][][]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	want := map[string][][]any{
		"iran": {{0.25, "2020-01-01", "2020-12-31"}, {0.5, "2021-01-01", "2021-06-30"}},
		"oman": {{0.125, "2021-01-01", "2021-06-30"}},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("networkx read %v, want %v", got, want)
	}
}
