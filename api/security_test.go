package api_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/storemetrics"
	"github.com/detente/detente/metrics"
)

const testKeys = "read:reader-secret,write:writer-secret,admin:admin-secret"

// routeInstance turns a Gin route pattern into a concrete path.
func routeInstance(pattern string) string {
	parts := strings.Split(pattern, "/")
	for i, p := range parts {
		if strings.HasPrefix(p, ":") || strings.HasPrefix(p, "*") {
			parts[i] = "iran"
		}
	}
	return strings.Join(parts, "/")
}

// TestEveryRouteNeedsItsScope walks the routes the server serves under
// /api/v1 (not a hand-kept list): with keys configured, every route
// without a key is 401; every write route with a read key is 403; reads
// pass with a read key; registry changes need admin.
func TestEveryRouteNeedsItsScope(t *testing.T) {
	srv, err := api.NewServer(api.Config{APIKeys: testKeys, Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))}, memStore(t))
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, h: srv.Handler(), logs: &bytes.Buffer{}}
	adminOnly := map[string]bool{"POST /api/v1/relationship-types": true, "PUT /api/v1/event-mapping": true, "DELETE /api/v1/event-mapping": true}
	var reads, writes int
	for _, r := range srv.Engine().Routes() {
		if !strings.HasPrefix(r.Path, api.APIPrefix+"/") {
			continue
		}
		route := r.Method + " " + r.Path
		path := routeInstance(r.Path)
		body := ""
		if r.Method == "POST" || r.Method == "PATCH" {
			body = `{}`
		}
		t.Run(route, func(t *testing.T) {
			rec := e.do(r.Method, path, body)
			problem(t, rec, 401, api.ProblemUnauthorized)
			rec = e.do(r.Method, path, body, "X-API-Key", "not-a-key")
			problem(t, rec, 401, api.ProblemUnauthorized)
			rec = e.do(r.Method, path, body, "Authorization", "Bearer reader-secret")
			if r.Method == "GET" || r.Method == "HEAD" {
				reads++
				if rec.Code == 401 || rec.Code == 403 {
					t.Fatalf("read key refused on a read: %d %s", rec.Code, rec.Body)
				}
				return
			}
			writes++
			problem(t, rec, 403, api.ProblemForbidden)
			rec = e.do(r.Method, path, body, "Authorization", "Bearer writer-secret")
			if adminOnly[route] {
				problem(t, rec, 403, api.ProblemForbidden)
				rec = e.do(r.Method, path, body, "Authorization", "Bearer admin-secret")
			}
			if rec.Code == 401 || rec.Code == 403 {
				t.Fatalf("a key of sufficient scope was refused: %d %s", rec.Code, rec.Body)
			}
		})
	}
	t.Logf("figure: auth: %d read routes and %d write routes checked with no, an invalid, a read, a write and an admin key", reads, writes)
	if writes < 7 || reads < 10 {
		t.Errorf("only %d write and %d read routes found", writes, reads)
	}
}

// TestRegistryChangesNeedAdmin: adding a type, directly or by import,
// needs an admin key; an import that only repeats the registry (as an
// export does) and a dry run need write.
func TestRegistryChangesNeedAdmin(t *testing.T) {
	forEachStore(t, func(t *testing.T, open *env) {
		e := newEnv(t, open.store, api.Config{APIKeys: testKeys})
		w := []string{"Authorization", "Bearer writer-secret"}
		a := []string{"X-API-Key", "admin-secret"}
		typ := `{"name":"mediates_for","polarity":1,"symmetric":false,"default_weight":0.5,"description":"x"}`
		problem(t, e.do("POST", "/api/v1/relationship-types", typ, w...), 403, api.ProblemForbidden)
		e.must(201, "POST", "/api/v1/relationship-types", typ, nil, a...)

		batch := func(name string) string {
			return `{"relationship_types":[{"name":"` + name + `","polarity":-1,"symmetric":true,"default_weight":0.5,"description":"x"}],"actors":[],"relationships":[]}`
		}
		problem(t, e.do("POST", "/api/v1/import", batch("feuds_with"), w...), 403, api.ProblemForbidden)
		e.must(200, "POST", "/api/v1/import?dry_run=true", batch("feuds_with"), nil, w...)
		if _, err := e.store.RelationshipTypes(t.Context()); err != nil {
			t.Fatal(err)
		}
		reg, _ := e.store.RelationshipTypes(t.Context())
		if _, ok := reg.Get("feuds_with"); ok {
			t.Fatal("a write key added a type by import")
		}
		e.must(200, "POST", "/api/v1/import", batch("feuds_with"), nil, a...)
		// The export carries the user types; a write key may import it back.
		export := e.must(200, "GET", "/api/v1/export", "", nil, w...).Body.String()
		e.must(200, "POST", "/api/v1/import", export, nil, w...)
	})
}

// get sends a GET from a given peer address with extra headers, checking
// the response against the description like env.do.
func (e *env) from(remote, path string, hdr ...string) *httptest.ResponseRecorder {
	e.t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	req.RemoteAddr = remote
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	specCheck(e.t, req, "", rec)
	return rec
}

// TestRateLimit: each client gets a token bucket; beyond it 429 with
// Retry-After, documented on every operation.
func TestRateLimit(t *testing.T) {
	e := newEnv(t, memStore(t), api.Config{RateLimit: 0.5, RateBurst: 3, APIKeys: testKeys})
	reader := []string{"X-API-Key", "reader-secret"}
	// The quota fields on every limited answer. The bucket refills at
	// 0.5 a second; the test's premise (the fourth request is refused)
	// is that its requests take under 2 s, in which the bucket gains
	// under a token. So Remaining counts down whole tokens, and Reset,
	// the time to refill what was used, is 2 s a token used, less up to 2.
	quota := func(rec *httptest.ResponseRecorder, remaining int) {
		t.Helper()
		h := rec.Header()
		if h.Get("RateLimit-Limit") != "3" || h.Get("RateLimit-Remaining") != strconv.Itoa(remaining) {
			t.Errorf("RateLimit-Limit %q, -Remaining %q; want 3 and %d", h.Get("RateLimit-Limit"), h.Get("RateLimit-Remaining"), remaining)
		}
		used := 3 - remaining
		if reset, err := strconv.Atoi(h.Get("RateLimit-Reset")); err != nil || reset < 2*used-2 || reset > 2*used {
			t.Errorf("RateLimit-Reset %q with %d tokens used, want about %d s", h.Get("RateLimit-Reset"), used, 2*used)
		}
	}
	for i := range 3 {
		rec := e.from("192.0.2.1:1000", "/api/v1/actors", reader...)
		if rec.Code != 200 {
			t.Fatalf("request %d within the burst: %d %s", i, rec.Code, rec.Body)
		}
		quota(rec, 2-i)
	}
	rec := e.from("192.0.2.1:1000", "/api/v1/actors", reader...)
	problem(t, rec, 429, api.ProblemRateLimited)
	quota(rec, 0)
	ra, err := strconv.Atoi(rec.Header().Get("Retry-After"))
	if err != nil || ra < 1 || ra > 2 {
		t.Errorf("Retry-After %q, want 1-2 s at 0.5 r/s", rec.Header().Get("Retry-After"))
	}
	// The same key from another address shares its bucket; another key
	// has its own.
	problem(t, e.from("198.51.100.7:2000", "/api/v1/actors", reader...), 429, api.ProblemRateLimited)
	if rec := e.from("192.0.2.1:1000", "/api/v1/actors", "X-API-Key", "writer-secret"); rec.Code != 200 {
		t.Errorf("another key: %d", rec.Code)
	}
	// Requests with a wrong key are limited by IP, so keys cannot be
	// guessed at full speed.
	for range 3 {
		problem(t, e.from("203.0.113.9:3000", "/api/v1/actors", "X-API-Key", "guess"), 401, api.ProblemUnauthorized)
	}
	problem(t, e.from("203.0.113.9:3000", "/api/v1/actors", "X-API-Key", "guess-again"), 429, api.ProblemRateLimited)
	// Operational endpoints are not limited, and say no quota.
	for range 5 {
		if rec := e.from("192.0.2.1:1000", "/healthz"); rec.Code != 200 || rec.Header().Get("RateLimit-Limit") != "" {
			t.Fatalf("/healthz: %d, RateLimit-Limit %q", rec.Code, rec.Header().Get("RateLimit-Limit"))
		}
	}
	// Without a limit, no quota to state.
	open := newEnv(t, memStore(t), api.Config{})
	if rec := open.from("192.0.2.1:1000", "/api/v1/actors"); rec.Code != 200 || rec.Header().Get("RateLimit-Limit") != "" {
		t.Errorf("no rate limit: %d, RateLimit-Limit %q", rec.Code, rec.Header().Get("RateLimit-Limit"))
	}
}

// TestSpoofedForwardedForIgnored: no proxy is trusted, so headers that
// name another client do not give a limited client a fresh bucket.
func TestSpoofedForwardedForIgnored(t *testing.T) {
	e := newEnv(t, memStore(t), api.Config{RateLimit: 0.1, RateBurst: 2})
	const peer = "192.0.2.44:5555"
	for range 2 {
		if rec := e.from(peer, "/api/v1/actors"); rec.Code != 200 {
			t.Fatalf("within the burst: %d", rec.Code)
		}
	}
	spoofs := [][]string{
		{"X-Forwarded-For", "203.0.113.1"},
		{"X-Forwarded-For", "203.0.113.2, 198.51.100.3"},
		{"X-Real-IP", "203.0.113.4"},
		{"Forwarded", "for=203.0.113.5"},
		{"True-Client-IP", "203.0.113.6"},
		{"CF-Connecting-IP", "203.0.113.7"},
		{"X-Client-IP", "203.0.113.8"},
		{"X-Appengine-Remote-Addr", "203.0.113.9"},
		{"Fly-Client-IP", "203.0.113.10"},
	}
	for _, h := range spoofs {
		if rec := e.from(peer, "/api/v1/actors", h...); rec.Code != 429 {
			t.Errorf("%s: %s gave the limited client a fresh bucket (%d)", h[0], h[1], rec.Code)
		}
	}
	if rec := e.from("192.0.2.45:5555", "/api/v1/actors"); rec.Code != 200 {
		t.Errorf("another peer address: %d, want its own bucket", rec.Code)
	}
	t.Logf("figure: rate limit: %d spoofed client-address headers ignored: all 429 for the limited peer", len(spoofs))
}

// TestMetrics: /metrics counts requests by route pattern and status and
// times store calls; with keys it needs an admin key.
func TestMetrics(t *testing.T) {
	m := metrics.New()
	m.CacheHit()
	m.CacheSource(func() (uint64, uint64) { return 2, 3 })
	store := graph.NewStore(storemetrics.New(memStore(t).Driver(), m.ObserveStore))
	e := newEnv(t, store, api.Config{APIKeys: testKeys, Observe: []gin.HandlerFunc{m.Middleware()}, Metrics: m.Handler()})
	r := []string{"X-API-Key", "reader-secret"}
	e.must(404, "GET", "/api/v1/actors/atlantis", "", nil, r...)
	e.must(404, "GET", "/api/v1/actors/lemuria", "", nil, r...)
	e.must(404, "GET", "/no/such/route", "", nil)
	problem(t, e.do("GET", "/metrics", ""), 401, api.ProblemUnauthorized)
	problem(t, e.do("GET", "/metrics", "", r...), 403, api.ProblemForbidden)
	problem(t, e.do("GET", "/metrics", "", "X-API-Key", "writer-secret"), 403, api.ProblemForbidden)
	rec := e.must(200, "GET", "/metrics", "", nil, "Authorization", "Bearer admin-secret")
	text := rec.Body.String()
	for _, want := range []string{
		`detente_http_requests_total{method="GET",route="/api/v1/actors/:id",status="404"} 2`,
		`detente_http_requests_total{method="GET",route="unmatched",status="404"} 1`,
		`detente_http_requests_total{method="GET",route="/metrics",status="401"} 1`,
		`detente_http_request_duration_seconds_count{method="GET",route="/api/v1/actors/:id"} 2`,
		`detente_store_query_duration_seconds_count{op="GetActor",outcome="not_found"} 2`,
		`detente_analysis_cache_hits_total 3`,
		`detente_analysis_cache_misses_total 3`,
		`detente_http_requests_in_flight 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if strings.Contains(text, "atlantis") {
		t.Error("raw paths leak into labels")
	}
	// An open server (loopback only) serves it to anyone.
	open := newEnv(t, memStore(t), api.Config{Metrics: m.Handler()})
	open.must(200, "GET", "/metrics", "", nil)
}

// TestMetricsJunkMethods: request methods are a label recorded before
// authentication and the rate limit, so a client inventing methods must
// not be able to grow /metrics: known methods are kept, any other is
// "other", and a request matching no route is "unmatched" whatever its
// path (issue 15: 3 000 random methods grew /metrics from 260 KB to 238 MB).
func TestMetricsJunkMethods(t *testing.T) {
	m := metrics.New()
	e := newEnv(t, memStore(t), api.Config{Observe: []gin.HandlerFunc{m.Middleware()}, Metrics: m.Handler()})
	scrape := func() string { return e.must(200, "GET", "/metrics", "", nil).Body.String() }
	// Every label value the warm-up can create, so that the junk below
	// can only add samples if a label is unbounded.
	for _, method := range []string{"GET", "POST", "BREW"} {
		for _, path := range []string{"/api/v1/actors", "/api/v1/actors/iran", "/nowhere/1", "/metrics"} {
			e.do(method, path, "")
		}
	}
	before := scrape()
	rng := rand.New(rand.NewPCG(15, 15))
	const n = 300
	for i := range n {
		method := make([]byte, 4+rng.IntN(12))
		for j := range method {
			method[j] = 'A' + byte(rng.IntN(26))
		}
		path := []string{"/api/v1/actors", "/api/v1/actors/iran", "/nowhere/" + strconv.Itoa(i), "/metrics"}[i%4]
		e.do(string(method), path, "")
	}
	after := scrape()
	growth := len(after) - len(before)
	series := func(text string) map[string]bool {
		set := map[string]bool{}
		for _, line := range strings.Split(text, "\n") {
			if strings.HasPrefix(line, "detente_http_") {
				set[line[:strings.LastIndexByte(line, ' ')]] = true
			}
		}
		return set
	}
	methods := map[string]bool{}
	for s := range series(after) {
		if _, rest, ok := strings.Cut(s, `method="`); ok {
			v, _, _ := strings.Cut(rest, `"`)
			methods[v] = true
		}
		if !series(before)[s] {
			t.Errorf("new series %s", s)
		}
	}
	for v := range methods {
		if v != "GET" && v != "POST" && v != "other" {
			t.Errorf("method label %q: want GET, POST or other", v)
		}
	}
	// The series are fixed; only counter values (a few digits) and the Go
	// runtime's gauges may change the size.
	if growth > 10<<10 {
		t.Errorf("%d junk methods grew /metrics by %d bytes (%d -> %d)", n, growth, len(before), len(after))
	}
	t.Logf("figure: metrics: %d junk methods grew /metrics by %d bytes (%d -> %d); method labels %d", n, growth, len(before), len(after), len(methods))
}

// TestNosniff: every response the server writes — JSON, problems of
// every kind (401, 404 of a resource and of a route, 405, 400, 429, a
// panic's 500), the description, the Swagger UI and the metrics — says
// X-Content-Type-Options: nosniff, so that no browser second-guesses its
// media type (issue 15).
func TestNosniff(t *testing.T) {
	m := metrics.New()
	panicky := func(c *gin.Context) {
		if c.GetHeader("X-Panic") != "" {
			panic("test panic")
		}
	}
	e := newEnv(t, memStore(t), api.Config{APIKeys: testKeys,
		Observe: []gin.HandlerFunc{m.Middleware()}, Metrics: m.Handler(), Middleware: []gin.HandlerFunc{panicky}})
	r := []string{"X-API-Key", "reader-secret"}
	w := []string{"X-API-Key", "writer-secret"}
	for _, tc := range []struct {
		method, path, body string
		hdr                []string
		status             int
	}{
		{"GET", "/healthz", "", nil, 200},
		{"GET", "/readyz", "", nil, 200},
		{"GET", "/openapi.json", "", nil, 200},
		{"GET", "/swagger/index.html", "", nil, 200},
		{"GET", "/metrics", "", []string{"X-API-Key", "admin-secret"}, 200},
		{"GET", "/metrics", "", nil, 401},
		{"GET", "/api/v1/actors", "", r, 200},
		{"GET", "/api/v1/actors", "", nil, 401},
		{"GET", "/api/v1/actors/atlantis", "", r, 404},
		{"GET", "/no/such/route", "", nil, 404},
		{"PUT", "/api/v1/actors", "", r, 405},
		{"POST", "/api/v1/actors", `{"name":`, w, 400},
		{"GET", "/api/v1/actors", "", append([]string{"X-Panic", "1"}, r...), 500},
	} {
		rec := e.do(tc.method, tc.path, tc.body, tc.hdr...)
		if rec.Code != tc.status {
			t.Errorf("%s %s: status %d, want %d", tc.method, tc.path, rec.Code, tc.status)
		}
		if got := rec.Header().Values("X-Content-Type-Options"); len(got) != 1 || got[0] != "nosniff" {
			t.Errorf("%s %s (%d): X-Content-Type-Options %q, want nosniff", tc.method, tc.path, rec.Code, got)
		}
	}
	// A burst of one: the second request is refused by the rate limit.
	limited := newEnv(t, memStore(t), api.Config{RateLimit: 0.001, RateBurst: 1})
	limited.must(200, "GET", "/api/v1/actors", "", nil)
	rec := limited.do("GET", "/api/v1/actors", "")
	if rec.Code != 429 || rec.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("rate-limited: status %d, X-Content-Type-Options %q", rec.Code, rec.Header().Get("X-Content-Type-Options"))
	}
}

// TestLogLinesCarryRequestID: every log line the server writes while
// answering requests names the request, whatever the outcome.
func TestLogLinesCarryRequestID(t *testing.T) {
	st := memStore(t)
	logs := &bytes.Buffer{}
	cfg := api.Config{Logger: slog.New(slog.NewJSONHandler(logs, nil)), RateLimit: 1, RateBurst: 50, APIKeys: testKeys}
	e := newEnv(t, st, cfg)
	r := []string{"X-API-Key", "reader-secret"}
	e.do("GET", "/api/v1/actors", "", r...)
	e.do("GET", "/api/v1/actors?limit=0", "", r...)
	e.do("GET", "/api/v1/actors/atlantis", "", r...)
	e.do("PUT", "/api/v1/actors", "", r...)
	e.do("GET", "/nowhere", "")
	e.do("GET", "/api/v1/actors", "")
	e.do("POST", "/api/v1/actors", `{"name":`, "X-API-Key", "writer-secret")
	for range 60 {
		e.do("GET", "/api/v1/relationships", "", r...)
	}
	down := newEnv(t, graph.NewStore(faulty{Driver: st.Driver(), fail: graph.Unavailable("down", errors.New("dial tcp: refused"))}), cfg)
	down.logs = logs
	down.do("GET", "/readyz", "")
	down.do("GET", "/api/v1/actors/iran", "", r...)
	panicky := newEnv(t, graph.NewStore(faulty{Driver: st.Driver(), panic: true}), cfg)
	panicky.do("GET", "/api/v1/actors/iran", "", r...)
	internal := newEnv(t, graph.NewStore(faulty{Driver: st.Driver(), fail: errors.New("boom")}), cfg)
	internal.do("GET", "/api/v1/actors/iran", "", r...)

	lines, statuses := 0, map[float64]int{}
	sc := bufio.NewScanner(logs)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("not a JSON log line: %s", sc.Bytes())
		}
		lines++
		if id, _ := rec["request_id"].(string); id == "" {
			t.Errorf("log line without request_id: %s", sc.Bytes())
		}
		if s, ok := rec["status"].(float64); ok {
			statuses[s]++
		}
	}
	for _, s := range []float64{200, 400, 401, 404, 405, 429, 500, 503} {
		if statuses[s] == 0 {
			t.Errorf("no request answered %v was logged: %v", s, statuses)
		}
	}
	t.Logf("figure: logs: %d log lines, each with a request_id; statuses %v", lines, statuses)
}
