package api

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/memstore"
)

// The graph the budget figures name (10^4 actors, 2·10^5
// relationships), and the budget of TestBlocsStopsAtTheBudget.
const (
	blocsActors = 10_000
	blocsRels   = 200_000
	blocsBudget = 2 * time.Second
)

// TestBlocsStopsAtTheBudget: GET /blocs answers 503 when --query-timeout
// runs out, and when the client leaves, and the work behind it stops.
//
// Signed blocs on the 10^4 / 2·10^5 graph the issue names now take a
// fraction of a second, so that the budget or the client, not the
// analysis, ends the request on any machine, the store's read of the graph waits at its start until the
// request's context ends (gatedDriver). That the work then stops is
// observed, not timed: it runs in goroutines of its own (the analysis
// Service's flights), and the test waits until the process is back to
// the goroutines it had before the request. A computation that never
// stopped would hang the wait until go test's -timeout fails the run.
// The analysis' own loops stopping mid-computation on their context is
// tested in graph/analysis (TestLouvainCancel, TestCancelled).
func TestBlocsStopsAtTheBudget(t *testing.T) {
	ms, err := memstore.Open("")
	if err != nil {
		t.Fatal(err)
	}
	defer ms.Close()

	t.Run("budget", func(t *testing.T) {
		gate := newGatedDriver(ms)
		srv, err := NewServer(Config{Logger: slog.New(slog.DiscardHandler), QueryTimeout: blocsBudget}, graph.NewStore(gate))
		if err != nil {
			t.Fatal(err)
		}
		base := settledGoroutines()
		rec := httptest.NewRecorder()
		began := time.Now()
		srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", APIPrefix+"/blocs", nil))
		answered := time.Since(began)
		checkProblem(t, rec, http.StatusServiceUnavailable)
		select {
		case <-gate.entered:
		default:
			t.Fatal("the analysis never began to read the graph")
		}
		stopped := waitGoroutines(base)
		t.Logf("figure: blocs deadline: --query-timeout %s: 503 after %s; the work stopped %s after the answer",
			blocsBudget, answered.Round(time.Millisecond), stopped.Round(time.Millisecond))
	})

	t.Run("client gone", func(t *testing.T) {
		// No budget of the server's: only the client's leaving can end
		// the request.
		gate := newGatedDriver(ms)
		srv, err := NewServer(Config{Logger: slog.New(slog.DiscardHandler)}, graph.NewStore(gate))
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
		<-gate.entered // the analysis is under way
		cancel()
		left := time.Now()
		<-done
		answered := time.Since(left)
		checkProblem(t, rec, http.StatusServiceUnavailable)
		stopped := waitGoroutines(base)
		t.Logf("figure: blocs client gone: 503 %s after the client left; the work stopped %s after the answer",
			answered.Round(time.Millisecond), stopped.Round(time.Millisecond))
	})
}

// gatedDriver is a store whose Walk — the analysis' read of the graph —
// waits until its context ends and then fails as a cancelled read does,
// so that an analysis cannot finish before its request's budget or
// client ends it. entered is closed when the first Walk begins.
type gatedDriver struct {
	graph.Driver
	entered chan struct{}
	once    sync.Once
}

func newGatedDriver(d graph.Driver) *gatedDriver {
	return &gatedDriver{Driver: d, entered: make(chan struct{})}
}

func (g *gatedDriver) Walk(ctx context.Context, actor func(*graph.Actor) error, rel graph.WalkFunc) error {
	g.once.Do(func() { close(g.entered) })
	<-ctx.Done()
	return graph.Unavailable("the read was cancelled", ctx.Err())
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
// how long that took (see TestBlocsStopsAtTheBudget: work that never
// stopped hangs here until go test's -timeout).
func waitGoroutines(base int) time.Duration {
	began := time.Now()
	for runtime.NumGoroutine() > base {
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
