package api

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphgen"
	"github.com/detente/detente/graph/memstore"
)

// TestRenderingCountsAgainstTheBudget: a GEXF of the whole graph that
// takes longer to render than --query-timeout is cut off when the budget
// runs out, not written to the end (issue 15: 1.2 M relationships
// answered 200 after 8.4 s under a 1 s budget). The reader reads
// everything, so only the budget can stop the answer; the answer has
// begun by then, so the connection is aborted and the reader sees a
// truncated body. Where the whole answer renders within the budget the
// test skips.
func TestRenderingCountsAgainstTheBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a graph of 2·10^5 relationships")
	}
	const budget = time.Second
	ms, err := memstore.Open("")
	if err != nil {
		t.Fatal(err)
	}
	defer ms.Close()
	store := graph.NewStore(ms)
	if _, err := store.Import(context.Background(), graphgen.Generate(graphgen.Options{Actors: blocsActors, Relationships: blocsRels, Seed: 1}), false); err != nil {
		t.Fatal(err)
	}
	srv, err := NewServer(Config{Logger: slog.New(slog.DiscardHandler), QueryTimeout: budget}, store)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	began := time.Now()
	resp, err := http.Get(ts.URL + APIPrefix + "/graph?format=gexf")
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	took := time.Since(began)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if err == nil {
		t.Skipf("the whole GEXF (%d bytes) was rendered within the %s budget: nothing to cut on this machine", n, budget)
	}
	// The render checks the budget before every 64 KiB chunk, so it ends
	// within a chunk's rendering of the deadline; 5 s of slack is for a
	// loaded machine's timers, not for the work.
	if took > budget+5*time.Second {
		t.Errorf("the answer ended after %s, budget %s", took, budget)
	}
	t.Logf("figure: rendering budget: GEXF of %d actors / %d relationships under --query-timeout %s: cut after %.1f MB at %s (%v)",
		blocsActors, blocsRels, budget, float64(n)/1e6, took.Round(time.Millisecond), err)
}
