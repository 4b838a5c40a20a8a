package neo4jstore

import (
	"reflect"
	"testing"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/internal/bench/cypher"
)

// TestBenchCypherMatchesStore keeps the benchmark's copy of this store's
// Cypher (internal/bench/cypher, run through the driver directly by
// `make bench` to measure the API's overhead) equal to what the store runs.
// If this fails after a change here, update internal/bench/cypher.
func TestBenchCypherMatchesStore(t *testing.T) {
	reg := graph.NewRegistry(graph.BuiltinTypes())
	q := graph.PathQuery{From: "a0000001", To: "a0000002"}
	if err := q.Normalize(reg); err != nil {
		t.Fatal(err)
	}
	ps := newPathSearch(&q, reg, false)
	if got := ps.query(level{shortest: true}, "", orderCost); got != cypher.ShortestPath {
		t.Errorf("the default shortest-path query changed; the store runs\n%s\nthe benchmark has\n%s", got, cypher.ShortestPath)
	}
	want := map[string]any{"limit": int64(1)}
	for k, v := range ps.params {
		want[k] = v
	}
	if got := cypher.ShortestPathParams(q.From, q.To); !reflect.DeepEqual(got, want) {
		t.Errorf("parameters: the store sends %#v, the benchmark %#v", want, got)
	}
	for _, c := range []struct{ name, store, bench string }{
		{"getActor", getActor, cypher.GetActor},
	} {
		if c.store != c.bench {
			t.Errorf("%s changed: the store runs %q, the benchmark has %q", c.name, c.store, c.bench)
		}
	}
}
