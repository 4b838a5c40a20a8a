package api_test

import (
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/api"
)

// TestDocsRateLimited: the documentation routes, and a page added
// through Engine with RateLimit (as the explorer is), take their tokens
// from the client's bucket like /api/v1: once it is empty, 429 with
// Retry-After on each, and on the API too (one allowance per client).
// The rate is a token per 1000 s, so that no refill can happen during
// the test however slow the machine.
func TestDocsRateLimited(t *testing.T) {
	const burst = 3
	for _, path := range []string{"/openapi.json", "/swagger/index.html", "/swagger/doc.json", "/", "/static/app.js"} {
		t.Run(path, func(t *testing.T) {
			srv, err := api.NewServer(api.Config{RateLimit: 0.001, RateBurst: burst}, memStore(t))
			if err != nil {
				t.Fatal(err)
			}
			page := func(c *gin.Context) { c.String(200, "page") }
			for _, p := range []string{"/", "/static/*filepath"} {
				srv.Engine().GET(p, srv.RateLimit(), page)
			}
			e := &env{t: t, h: srv.Handler()}
			const client = "192.0.2.80:4000"
			for i := range burst {
				if rec := e.from(client, path); rec.Code != 200 {
					t.Fatalf("request %d within the burst: %d %.200s", i, rec.Code, rec.Body)
				}
			}
			for _, p := range []string{path, "/api/v1/actors"} {
				rec := e.from(client, p)
				problem(t, rec, 429, api.ProblemRateLimited)
				if ra, err := strconv.Atoi(rec.Header().Get("Retry-After")); err != nil || ra < 1 {
					t.Errorf("%s: Retry-After %q", p, rec.Header().Get("Retry-After"))
				}
			}
			// Another client has its own bucket; probes are not limited.
			if rec := e.from("192.0.2.81:4000", path); rec.Code != 200 {
				t.Errorf("another client: %d", rec.Code)
			}
			for _, p := range []string{"/healthz", "/readyz"} {
				if rec := e.from(client, p); rec.Code != 200 {
					t.Errorf("%s: %d", p, rec.Code)
				}
			}
		})
	}
	// Without a limit the documentation is served as before.
	srv, err := api.NewServer(api.Config{}, memStore(t))
	if err != nil {
		t.Fatal(err)
	}
	for range 2 * burst {
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/openapi.json", nil))
		if rec.Code != 200 {
			t.Fatalf("no limit: %d", rec.Code)
		}
	}
}
