package api_test

import (
	"runtime"
	"testing"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph/graphgen"
)

// TestCacheBudget: sixty different actor-influence answers, each with
// many evidence paths, keep the server's cached answers within its byte
// budget — the cache drops the least recently used instead of growing —
// and the heap after them grows by less than the budget plus a margin
// for the graph's projections.
func TestCacheBudget(t *testing.T) {
	st := memStore(t)
	b := graphgen.Generate(graphgen.Options{Actors: 200, Relationships: 1500, Seed: 11})
	if _, err := st.Import(t.Context(), b, false); err != nil {
		t.Fatal(err)
	}
	const budget = 1 << 20
	srv, err := api.NewServer(api.Config{CacheBudget: budget}, st)
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, st, api.Config{})
	e.h = srv.Handler()
	e.must(200, "GET", "/api/v1/influence", "", nil) // the projection, before the baseline
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	var largest int
	for i := range 60 {
		rec := e.must(200, "GET", "/api/v1/actors/"+graphgen.ActorID(i)+"/influence?limit=200&paths=2&max_hops=2", "", nil)
		largest = max(largest, rec.Body.Len())
		if n := srv.CacheBytes(); n > budget {
			t.Fatalf("after %d answers the cache holds %d bytes, over its budget of %d", i+1, n, budget)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	grew := int64(ms.HeapAlloc) - int64(before)
	t.Logf("figure: cache budget: 60 actor-influence answers (largest body %d bytes): cached %d bytes (budget %d), heap grew %d bytes", largest, srv.CacheBytes(), budget, grew)
	if srv.CacheBytes() == 0 {
		t.Error("nothing was kept: the cache does not cache")
	}
	if grew > budget+64<<20 {
		t.Errorf("the heap grew by %d bytes for a %d-byte budget", grew, budget)
	}
}
