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

// TestEventsDurable: events written to the file, and the index of a tie's
// events, are there after a reopen; a closed store refuses event calls.
func TestEventsDurable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "detente.db")
	s, err := memstore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	day, _ := graph.ParseDate("2025-04-05")
	evs := []graph.Event{{ID: "gdelt:1", Date: day, Code: "036", Relationship: "a-tie"}, {ID: "gdelt:2", Date: day, Code: "046"}}
	if n, err := graph.NewStore(s).PutEvents(ctx, evs); n != 2 || err != nil {
		t.Fatalf("PutEvents: %d, %v", n, err)
	}
	s.Close()
	if _, err := s.ListEvents(ctx, graph.EventFilter{}, "", 10); graph.ErrorCode(err) != graph.EUNAVAILABLE {
		t.Errorf("ListEvents on a closed store: %v", err)
	}
	s, err = memstore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.ListEvents(ctx, graph.EventFilter{}, "", 10)
	if err != nil || len(all) != 2 || all[0].ID != "gdelt:1" || all[0].Relationship != "a-tie" {
		t.Fatalf("after reopen: %+v, %v", all, err)
	}
	tie, err := s.ListEvents(ctx, graph.EventFilter{Relationship: "a-tie"}, "", 10)
	if err != nil || len(tie) != 1 || tie[0].ID != "gdelt:1" {
		t.Fatalf("the tie's events after reopen: %+v, %v", tie, err)
	}
	if n, err := s.PutEvents(ctx, evs); n != 0 || err != nil {
		t.Fatalf("PutEvents after reopen: %d new, %v; want 0", n, err)
	}
}

// TestEventMappingDurable: a stored event mapping is there after a reopen,
// and storing it leaves the graph's version alone.
func TestEventMappingDurable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "detente.db")
	s, err := memstore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	doc := `{"cameo":[{"code":"163","type":"sanctions","why":"x"}]}`
	if _, err := graph.NewStore(s).UpdateEventMapping(ctx, func(*graph.EventMapping) (*graph.EventMapping, error) {
		return &graph.EventMapping{Doc: []byte(doc)}, nil
	}); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Version(ctx); v != 0 {
		t.Fatalf("version %d after an event-mapping write, want 0", v)
	}
	s.Close()
	s, err = memstore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := s.GetEventMapping(ctx)
	if err != nil || string(m.Doc) != doc {
		t.Fatalf("after reopen: %s, %v", m.Doc, err)
	}
}
