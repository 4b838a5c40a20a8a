package viz_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/viz"
)

// gephiGraph is what tools/gephi's reader prints: the graph Gephi's own
// importer (gephi-toolkit 0.10.1) made of a file with its default import
// settings.
type gephiGraph struct {
	Directed bool     `json:"directed"`
	Mixed    bool     `json:"mixed"`
	Issues   []string `json:"issues"`
	Nodes    []struct {
		ID, Label string
		X, Y      float64
	} `json:"nodes"`
	Edges []struct {
		ID, Source, Target string
		Directed           bool
		Kind               *string
		Weight             float64
		Attributes         map[string]string
		Intervals          [][2]any
	} `json:"edges"`
}

// readWithGephi runs the reader on path.
func readWithGephi(t *testing.T, root, path string) gephiGraph {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	dir := filepath.Join(root, "tools", "gephi", "target")
	cmd := exec.CommandContext(ctx, "java", "-Djava.awt.headless=true", "-cp",
		filepath.Join(dir, "classes")+string(os.PathListSeparator)+filepath.Join(dir, "lib", "*"), "detente.GephiRead", path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("gephi reader on %s: %v\n%s", filepath.Base(path), err, stderr.String())
	}
	var g gephiGraph
	if err := json.Unmarshal(out, &g); err != nil {
		t.Fatalf("gephi reader output: %v\n%s", err, out)
	}
	return g
}

// dayMillis is a date as Gephi holds it: milliseconds since the epoch at
// UTC midnight.
func dayMillis(d *graph.Date) float64 { return float64(d.Time().UnixMilli()) }

// Gephi (gephi-toolkit, its importer with default settings, as File >
// Open does) reads the shipped scenario's GEXF and GraphML: every actor
// once, with its label and position; every relationship as an edge of
// its own (parallel ties, of one type or several, are not merged), with
// its weight and type; in GEXF symmetric ties as undirected edges of a
// mixed graph, the others directed, each with its validity as its time
// interval, and no import issue above INFO.
func TestConsumersGephi(t *testing.T) {
	root := repoRoot(t)
	requireTool(t, "the Gephi reader", filepath.Join(root, "tools", "gephi", "target", "lib", "gephi-toolkit-0.10.1-all.jar"), "make gephi-reader")
	g := scenarioGraph(t)
	g.Positions = viz.ForceLayout(g.Actors, g.Relationships)
	rels := map[string]graph.Relationship{}
	for _, r := range g.Relationships {
		rels[r.ID] = r
	}
	dir := t.TempDir()
	for _, format := range []string{"gexf", "graphml"} {
		t.Run(format, func(t *testing.T) {
			path := filepath.Join(dir, "scenario"+viz.Extension(format))
			if err := os.WriteFile(path, write(t, format, g), 0o644); err != nil {
				t.Fatal(err)
			}
			got := readWithGephi(t, root, path)
			for _, is := range got.Issues {
				if !strings.HasPrefix(is, "INFO") {
					t.Errorf("import issue: %s", is)
				}
			}
			if len(got.Nodes) != len(g.Actors) {
				t.Errorf("%d nodes, want %d", len(got.Nodes), len(g.Actors))
			}
			names := map[string]string{}
			for _, a := range g.Actors {
				names[a.ID] = a.Name
			}
			for _, n := range got.Nodes {
				p, ok := g.Positions[n.ID]
				switch {
				case !ok:
					t.Errorf("node %q is no actor", n.ID)
				case n.Label != names[n.ID]:
					t.Errorf("node %s: label %q, want %q", n.ID, n.Label, names[n.ID])
				case math.Abs(n.X-p.X) > 1e-3*max(1, math.Abs(p.X)) || math.Abs(n.Y-p.Y) > 1e-3*max(1, math.Abs(p.Y)):
					t.Errorf("node %s at (%g, %g), want (%g, %g)", n.ID, n.X, n.Y, p.X, p.Y)
				}
			}
			if len(got.Edges) != len(g.Relationships) {
				t.Errorf("%d edges, want one per relationship: %d", len(got.Edges), len(g.Relationships))
			}
			seen := map[string]bool{}
			for _, e := range got.Edges {
				r, ok := rels[e.ID]
				if !ok || seen[e.ID] {
					t.Errorf("edge %q: no relationship, or twice", e.ID)
					continue
				}
				seen[e.ID] = true
				typ, _ := g.Types.Get(r.Type)
				ends := e.Source == r.Source && e.Target == r.Target
				if !e.Directed {
					ends = ends || e.Source == r.Target && e.Target == r.Source
				}
				if !ends {
					t.Errorf("edge %s: %s -> %s, want %s -> %s", e.ID, e.Source, e.Target, r.Source, r.Target)
				}
				if math.Abs(e.Weight-r.Weight) > 1e-6 {
					t.Errorf("edge %s: weight %g, want %g", e.ID, e.Weight, r.Weight)
				}
				if e.Kind == nil || !strings.HasPrefix(*e.Kind, r.Type) {
					t.Errorf("edge %s: kind %v, want %s", e.ID, e.Kind, r.Type)
				}
				if format == "graphml" {
					continue // GraphML readers other than Gephi's (NetworkX) refuse mixed graphs
				}
				if e.Directed == typ.Symmetric {
					t.Errorf("edge %s: directed %v, its type %s symmetric %v", e.ID, e.Directed, r.Type, typ.Symmetric)
				}
				lo, hi := math.Inf(-1), math.Inf(1)
				if r.ValidFrom != nil {
					lo = dayMillis(r.ValidFrom)
				}
				if r.ValidTo != nil {
					hi = dayMillis(r.ValidTo)
				}
				if len(e.Intervals) != 1 || !sameBound(e.Intervals[0][0], lo) || !sameBound(e.Intervals[0][1], hi) {
					if r.ValidFrom != nil || r.ValidTo != nil || len(e.Intervals) > 0 {
						t.Errorf("edge %s: intervals %v, want [%v, %v]", e.ID, e.Intervals, lo, hi)
					}
				}
			}
		})
	}
}

// sameBound compares an interval bound as the reader prints it (a number,
// or "inf"/"-inf") with want.
func sameBound(v any, want float64) bool {
	switch x := v.(type) {
	case float64:
		return x == want
	case string:
		return x == "inf" && math.IsInf(want, 1) || x == "-inf" && math.IsInf(want, -1)
	}
	return false
}
