package api

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/memstore"
)

// deadlineStore records the time budget its Import and ListActors calls
// were given.
type deadlineStore struct {
	graph.Driver
	budget map[string]time.Duration
}

func (d *deadlineStore) note(ctx context.Context, what string) {
	if dl, ok := ctx.Deadline(); ok {
		d.budget[what] = time.Until(dl)
	} else {
		d.budget[what] = -1
	}
}

func (d *deadlineStore) Import(ctx context.Context, b graph.Batch, dry bool, now time.Time) (graph.ImportResult, error) {
	d.note(ctx, "import")
	return d.Driver.Import(ctx, b, dry, now)
}

func (d *deadlineStore) ListActors(ctx context.Context, sc graph.ActorScan, n int, keep func(*graph.Actor) bool) ([]graph.Actor, error) {
	d.note(ctx, "list")
	return d.Driver.ListActors(ctx, sc, n, keep)
}

// POST /api/v1/import runs under ImportTimeout, every other request under
// QueryTimeout; zero is no bound.
func TestImportHasItsOwnDeadline(t *testing.T) {
	for _, tc := range []struct {
		name       string
		query, imp time.Duration
		wantList   func(time.Duration) bool
		wantImport func(time.Duration) bool
	}{
		{"both set", time.Minute, time.Hour,
			func(d time.Duration) bool { return d > 0 && d <= time.Minute },
			func(d time.Duration) bool { return d > 59*time.Minute }},
		{"import unbounded", time.Minute, 0,
			func(d time.Duration) bool { return d > 0 && d <= time.Minute },
			func(d time.Duration) bool { return d == -1 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms, err := memstore.Open("")
			if err != nil {
				t.Fatal(err)
			}
			defer ms.Close()
			st := &deadlineStore{Driver: ms, budget: map[string]time.Duration{}}
			srv, err := NewServer(Config{Logger: slog.New(slog.DiscardHandler), QueryTimeout: tc.query, ImportTimeout: tc.imp}, graph.NewStore(st))
			if err != nil {
				t.Fatal(err)
			}
			for _, req := range []*http.Request{
				httptest.NewRequest("GET", APIPrefix+"/actors", nil),
				httptest.NewRequest("POST", APIPrefix+"/import", strings.NewReader(`{"actors":[{"id":"x","name":"X","kind":"person"}],"relationships":[]}`)),
			} {
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				srv.Handler().ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					t.Fatalf("%s %s: %d %s", req.Method, req.URL, rec.Code, rec.Body)
				}
			}
			if d := st.budget["list"]; !tc.wantList(d) {
				t.Errorf("GET /actors had %v", d)
			}
			if d := st.budget["import"]; !tc.wantImport(d) {
				t.Errorf("POST /import had %v", d)
			}
		})
	}
}

// TestWriteTimeoutPerRoute: every route's responses must be written
// within its budget and WriteMargin: an import's within ImportTimeout,
// every other route's (reads, /healthz, /metrics, a 404) within
// QueryTimeout, so that a client that never reads cannot hold an answer
// for the import's 10 minutes (issue 15). The routes come from the
// engine, not a hand-kept list.
func TestWriteTimeoutPerRoute(t *testing.T) {
	for _, tc := range []struct {
		name             string
		cfg              Config
		wantRead, wantIm time.Duration
	}{
		{"defaults", Config{QueryTimeout: 10 * time.Second, ImportTimeout: 10 * time.Minute},
			10*time.Second + DefaultWriteMargin, 10*time.Minute + DefaultWriteMargin},
		{"margin", Config{QueryTimeout: 7 * time.Second, ImportTimeout: time.Hour, WriteMargin: time.Second},
			8 * time.Second, time.Hour + time.Second},
		{"no query budget", Config{ImportTimeout: time.Minute}, 0, time.Minute + DefaultWriteMargin},
		{"no import budget", Config{QueryTimeout: time.Second}, time.Second + DefaultWriteMargin, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.cfg.Logger = slog.New(slog.DiscardHandler)
			tc.cfg.Metrics = http.NotFoundHandler()
			srv, err := NewServer(tc.cfg, testStore(t))
			if err != nil {
				t.Fatal(err)
			}
			routes := []gin.RouteInfo{{}} // a request that matches no route
			routes = append(routes, srv.Engine().Routes()...)
			imports := 0
			for _, route := range routes {
				want := tc.wantRead
				if route.Method == http.MethodPost && (route.Path == APIPrefix+"/import" || route.Path == APIPrefix+"/events") {
					want = tc.wantIm
					imports++
				}
				if got := srv.writeTimeout(route.Method, route.Path); got != want {
					t.Errorf("%s %q: write timeout %v, want %v", route.Method, route.Path, got, want)
				}
			}
			if imports != 2 {
				t.Errorf("%d import routes among %d", imports, len(routes))
			}
		})
	}
}

// deadlineWriter is a ResponseWriter that supports write deadlines, as
// net/http's does, and records the last one set.
type deadlineWriter struct {
	*httptest.ResponseRecorder
	deadline time.Time
}

func (w *deadlineWriter) SetWriteDeadline(t time.Time) error { w.deadline = t; return nil }

// TestWriteDeadlineIsSet: the deadline of TestWriteTimeoutPerRoute reaches
// the connection on every kind of request, through Gin's writer. The
// check brackets the request with two clock readings, so it holds
// however slow the machine is.
func TestWriteDeadlineIsSet(t *testing.T) {
	const query, imp = 3 * time.Second, time.Hour
	srv, err := NewServer(Config{Logger: slog.New(slog.DiscardHandler), QueryTimeout: query, ImportTimeout: imp}, testStore(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		method, path, body string
		want               time.Duration
	}{
		{"GET", APIPrefix + "/actors", "", query + DefaultWriteMargin},
		// Streamed answers renew the deadline for each chunk (stream),
		// never past the response's own.
		{"GET", APIPrefix + "/graph?format=gexf", "", min(DefaultChunkWriteTimeout, query+DefaultWriteMargin)},
		{"GET", APIPrefix + "/export", "", min(DefaultChunkWriteTimeout, query+DefaultWriteMargin)},
		{"GET", "/healthz", "", query + DefaultWriteMargin},
		{"GET", "/nowhere", "", query + DefaultWriteMargin},
		{"POST", APIPrefix + "/import", `{"actors":[],"relationships":[]}`, imp + DefaultWriteMargin},
	} {
		req := httptest.NewRequest(tc.method, tc.path, strings.NewReader(tc.body))
		req.Header.Set("Content-Type", "application/json")
		w := &deadlineWriter{ResponseRecorder: httptest.NewRecorder()}
		before := time.Now()
		srv.Handler().ServeHTTP(w, req)
		after := time.Now()
		if w.deadline.IsZero() {
			t.Errorf("%s %s (%d): no write deadline set", tc.method, tc.path, w.Code)
			continue
		}
		if w.deadline.Before(before.Add(tc.want)) || w.deadline.After(after.Add(tc.want)) {
			t.Errorf("%s %s: write deadline %v after the start, want %v", tc.method, tc.path, w.deadline.Sub(before), tc.want)
		}
	}
}

// TestWriteDeadlineReachesTheConnection: on a real server, Gin's writer
// unwraps to net/http's, so the middleware's SetWriteDeadline is not the
// ErrNotSupported it would silently ignore.
func TestWriteDeadlineReachesTheConnection(t *testing.T) {
	srv, err := NewServer(Config{Logger: slog.New(slog.DiscardHandler), QueryTimeout: time.Second}, testStore(t))
	if err != nil {
		t.Fatal(err)
	}
	srv.Engine().GET("/probe", func(c *gin.Context) {
		if err := http.NewResponseController(c.Writer).SetWriteDeadline(time.Now().Add(time.Hour)); err != nil {
			c.String(http.StatusInternalServerError, "%v", err)
			return
		}
		c.String(http.StatusOK, "ok")
	})
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/probe")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("SetWriteDeadline through Gin's writer: %d %s", resp.StatusCode, body)
	}
}

func testStore(t *testing.T) *graph.Store {
	t.Helper()
	ms, err := memstore.Open("")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ms.Close() })
	return graph.NewStore(ms)
}

// TestSlowUploadOfAnImport: an import's body may take longer to arrive
// than the server's ReadTimeout (it has its import budget); any other
// request's body may not. The upload pauses longer than the ReadTimeout,
// however fast the machine: the pause is a lower bound.
func TestSlowUploadOfAnImport(t *testing.T) {
	srv, err := NewServer(Config{Logger: slog.New(slog.DiscardHandler), ImportTimeout: time.Minute}, testStore(t))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(srv.Handler())
	ts.Config.ReadTimeout = time.Second // the headers' time to arrive too: generous
	ts.Start()
	defer ts.Close()
	slowly := func(path, first, rest string) (int, error) {
		pr, pw := io.Pipe()
		go func() {
			pw.Write([]byte(first))
			time.Sleep(1500 * time.Millisecond)
			pw.Write([]byte(rest))
			pw.Close()
		}()
		req, _ := http.NewRequest("POST", ts.URL+path, pr)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	if code, err := slowly(APIPrefix+"/import", `{"actors":[{"name":"Iran",`, `"kind":"state"}],"relationships":[]}`); err != nil || code != 200 {
		t.Errorf("a slow import upload: %d %v, want 200", code, err)
	}
	if code, err := slowly(APIPrefix+"/actors", `{"name":"Oman",`, `"kind":"state"}`); err == nil && code < 400 {
		t.Errorf("a slow actor upload past the ReadTimeout was answered %d", code)
	}
}
