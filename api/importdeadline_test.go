package api

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

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
		{"both set", 2 * time.Second, time.Hour,
			func(d time.Duration) bool { return d > 0 && d <= 2*time.Second },
			func(d time.Duration) bool { return d > 59*time.Minute }},
		{"import unbounded", 2 * time.Second, 0,
			func(d time.Duration) bool { return d > 0 && d <= 2*time.Second },
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
