package analysis

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/seed"
)

var registry = graph.NewRegistry(graph.BuiltinTypes())

// tie is a relationship in a hand-built test graph: "a>b:type:weight".
type tie struct {
	src, dst, typ string
	w             float64
}

// batchOf builds a batch from ties; actors are their endpoints plus extra.
func batchOf(ties []tie, extra ...string) graph.Batch {
	var b graph.Batch
	seen := map[string]bool{}
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			b.Actors = append(b.Actors, graph.Actor{ID: id, Name: "Actor " + id, Kind: "state"})
		}
	}
	for i, t := range ties {
		add(t.src)
		add(t.dst)
		b.Relationships = append(b.Relationships, graph.Relationship{
			ID: fmt.Sprintf("r%04d", i), Source: t.src, Target: t.dst, Type: t.typ, Weight: t.w, Confidence: 1})
	}
	for _, id := range extra {
		add(id)
	}
	return b
}

// scenario returns the shipped scenario and its cut-off.
func scenario(t *testing.T) (graph.Batch, graph.Date) {
	t.Helper()
	b, err := seed.Scenario()
	if err != nil {
		t.Fatal(err)
	}
	asOf, ok := seed.AsOf()
	if !ok {
		t.Fatal("the scenario has no cut-off")
	}
	return b, asOf
}

func project(tb testing.TB, b graph.Batch, f Filter) *Projection {
	tb.Helper()
	p, err := Project(context.Background(), b, registry, f)
	if err != nil {
		tb.Fatalf("Project: %v", err)
	}
	return p
}

// close reports whether got matches want to 1e-6 relative, with an
// absolute floor of 1e-12 for values that are (nearly) zero.
func closeTo(got, want float64) bool {
	return math.Abs(got-want) <= 1e-6*math.Max(math.Abs(got), math.Abs(want))+1e-12
}

// checkScores compares a centrality with expected values by actor id.
func checkScores(t *testing.T, name string, p *Projection, got []float64, want map[string]float64) {
	t.Helper()
	if len(want) != p.Len() {
		t.Errorf("%s: %d actors, want %d", name, p.Len(), len(want))
	}
	bad := 0
	for id, w := range want {
		i, ok := p.Index(id)
		if !ok {
			t.Errorf("%s: actor %s missing from the projection", name, id)
			continue
		}
		if !closeTo(got[i], w) {
			if bad < 5 {
				t.Errorf("%s[%s] = %.15g, want %.15g (rel err %.2g)", name, id, got[i], w, math.Abs(got[i]-w)/math.Abs(w))
			}
			bad++
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d values differ in all", name, bad)
	}
}

func readJSON(tb testing.TB, name string, v any) {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
}

func wantCode(t *testing.T, err error, code graph.Code) *graph.Error {
	t.Helper()
	if graph.ErrorCode(err) != code {
		t.Fatalf("error = %v, want code %s", err, code)
	}
	e, _ := err.(*graph.Error)
	return e
}

func toGonum(comms [][]int32) [][]gg.Node {
	out := make([][]gg.Node, len(comms))
	for i, c := range comms {
		for _, v := range c {
			out[i] = append(out[i], simple.Node(v))
		}
	}
	return out
}
