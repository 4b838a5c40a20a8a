package api

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"
	"time"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphgen"
	"github.com/detente/detente/graph/memstore"
)

// Blocs on a large graph (issue 15): 10^4 actors and 2·10^5
// relationships, the size the issue names.
const (
	blocsActors = 10_000
	blocsRels   = 200_000
	blocsBudget = 2 * time.Second
)

// TestBlocsStopsAtTheBudget: GET /blocs on a graph too large to analyse
// within --query-timeout answers 503 when the budget is out, and the
// computation behind it stops — both when the budget runs out and when
// the client leaves. That it stopped is observed, not timed: the analysis
// runs in goroutines of its own (the analysis Service's flights), and the
// test waits until the process is back to the goroutines it had before
// the request. On a machine fast enough to finish the analysis within
// the budget there is nothing to stop, and the test skips rather than
// fail.
func TestBlocsStopsAtTheBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a graph of 2·10^5 relationships")
	}
	start := time.Now()
	ms, err := memstore.Open("")
	if err != nil {
		t.Fatal(err)
	}
	defer ms.Close()
	store := graph.NewStore(ms)
	if _, err := store.Import(context.Background(), graphgen.Generate(graphgen.Options{Actors: blocsActors, Relationships: blocsRels, Seed: 1}), false); err != nil {
		t.Fatal(err)
	}
	t.Logf("graph of %d actors and %d relationships loaded in %s", blocsActors, blocsRels, time.Since(start).Round(time.Millisecond))

	t.Run("budget", func(t *testing.T) {
		srv, err := NewServer(Config{Logger: slog.New(slog.DiscardHandler), QueryTimeout: blocsBudget}, store)
		if err != nil {
			t.Fatal(err)
		}
		base := settledGoroutines()
		rec := httptest.NewRecorder()
		began := time.Now()
		srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", APIPrefix+"/blocs", nil))
		answered := time.Since(began)
		if rec.Code == http.StatusOK {
			t.Skipf("blocs finished within the %s budget (%s): nothing to stop on this machine", blocsBudget, answered)
		}
		checkProblem(t, rec, http.StatusServiceUnavailable)
		// The handler leaves when its context's deadline fires (the
		// analysis is waited for in a select on it), so this bounds only
		// how late a timer fires on a loaded machine: 5 s of slack, not
		// the 1 s of the issue, so that a busy CI runner does not fail.
		if answered > blocsBudget+5*time.Second {
			t.Errorf("answered after %s, budget %s", answered, blocsBudget)
		}
		stopped := waitGoroutines(t, base)
		t.Logf("figure: blocs deadline: %d actors / %d relationships, --query-timeout %s: 503 after %s; the analysis stopped %s after the answer",
			blocsActors, blocsRels, blocsBudget, answered.Round(time.Millisecond), stopped.Round(time.Millisecond))
	})

	t.Run("client gone", func(t *testing.T) {
		// No budget of the server's: only the client's leaving can stop
		// the work.
		srv, err := NewServer(Config{Logger: slog.New(slog.DiscardHandler)}, store)
		if err != nil {
			t.Fatal(err)
		}
		base := settledGoroutines()
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		rec := httptest.NewRecorder()
		done := make(chan struct{})
		go func() {
			defer close(done)
			srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", APIPrefix+"/blocs", nil).WithContext(ctx))
		}()
		// The client leaves once the analysis is under way: a goroutine
		// beyond the request's own is running (a flight).
		for runtime.NumGoroutine() <= base+1 {
			select {
			case <-done:
				t.Skip("blocs finished before the client could leave: nothing to stop on this machine")
			case <-time.After(time.Millisecond):
			}
		}
		cancel()
		left := time.Now()
		<-done
		answered := time.Since(left)
		if rec.Code == http.StatusOK {
			t.Skip("blocs finished as the client left: nothing to stop on this machine")
		}
		checkProblem(t, rec, http.StatusServiceUnavailable)
		stopped := waitGoroutines(t, base)
		t.Logf("figure: blocs client gone: %d actors / %d relationships: 503 %s after the client left; the analysis stopped %s after the answer",
			blocsActors, blocsRels, answered.Round(time.Millisecond), stopped.Round(time.Millisecond))
	})
}

// settledGoroutines is the number of goroutines once those of earlier
// work have ended.
func settledGoroutines() int {
	n := runtime.NumGoroutine()
	for range 50 {
		time.Sleep(10 * time.Millisecond)
		m := runtime.NumGoroutine()
		if m >= n {
			return min(n, m)
		}
		n = m
	}
	return n
}

// waitGoroutines waits until no more than base goroutines run and returns
// how long that took. The analysis checks its context every 1024 actors
// of a Louvain sweep and at every step of the signed search, so stopping
// takes milliseconds; the two-minute cap only turns work that never stops
// into a failure instead of a hung test.
func waitGoroutines(t *testing.T, base int) time.Duration {
	t.Helper()
	began := time.Now()
	for runtime.NumGoroutine() > base {
		if time.Since(began) > 2*time.Minute {
			buf := make([]byte, 1<<20)
			t.Fatalf("the analysis still runs 2 minutes after the answer: %d goroutines, %d before\n%s",
				runtime.NumGoroutine(), base, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(time.Millisecond)
	}
	return time.Since(began)
}

// checkProblem checks that rec is a problem answer with the given status.
func checkProblem(t *testing.T, rec *httptest.ResponseRecorder, status int) {
	t.Helper()
	var p struct {
		Type   string `json:"type"`
		Status int    `json:"status"`
	}
	if rec.Code != status || json.Unmarshal(rec.Body.Bytes(), &p) != nil || p.Status != status || p.Type == "" {
		t.Fatalf("got %d %s, want a %d problem", rec.Code, rec.Body, status)
	}
}
