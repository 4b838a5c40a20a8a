package memstore_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/memstore"
	"github.com/detente/detente/graph/storetest"
)

func TestConformance(t *testing.T) {
	for _, durable := range []bool{false, true} {
		name := map[bool]string{false: "memory", true: "bbolt"}[durable]
		t.Run(name, func(t *testing.T) {
			storetest.Run(t, func(t *testing.T) graph.Driver {
				path := ""
				if durable {
					path = filepath.Join(t.TempDir(), "detente.db")
				}
				s, err := memstore.Open(path)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { s.Close() })
				return s
			})
		})
	}
}

// TestScenariosDurable: a scenario written to the file is there after a
// reopen, and scenario writes leave the graph's version alone.
func TestScenariosDurable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "detente.db")
	s, err := memstore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st := graph.NewStore(s)
	ctx := context.Background()
	if _, err := st.CreateScenario(ctx, graph.Scenario{ID: "empty", Name: "Nothing changes"}); err != nil {
		t.Fatal(err)
	}
	if v, _ := st.Version(ctx); v != 0 {
		t.Fatalf("version %d after a scenario write, want 0", v)
	}
	s.Close()
	s, err = memstore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sc, err := graph.NewStore(s).GetScenario(ctx, "empty")
	if err != nil || sc.Name != "Nothing changes" {
		t.Fatalf("after reopen: %+v, %v", sc, err)
	}
}
