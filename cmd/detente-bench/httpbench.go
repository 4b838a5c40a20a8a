package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphgen"
	"github.com/detente/detente/graph/memstore"
)

// sinkWriter is the cheapest http.ResponseWriter: the harness adds as
// little as possible to either side, so the ratio is the handlers'.
type sinkWriter struct {
	h    http.Header
	code int
	n    int
}

func (w *sinkWriter) Header() http.Header         { return w.h }
func (w *sinkWriter) WriteHeader(code int)        { w.code = code }
func (w *sinkWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

// serveBench times h serving req (the same request value each time).
func serveBench(h http.Handler, req *http.Request) testing.BenchmarkResult {
	return testing.Benchmark(func(b *testing.B) {
		w := &sinkWriter{h: http.Header{}}
		b.ReportAllocs()
		for b.Loop() {
			clear(w.h)
			w.code = 0
			h.ServeHTTP(w, req)
			if w.code != 0 && w.code != 200 {
				b.Fatalf("status %d", w.code)
			}
		}
	})
}

type pairResult struct {
	bare, gin             []float64 // ns/op per round
	bareAllocs, ginAllocs int64
}

// compareHandlers runs bare and gin alternately, rounds times each.
func compareHandlers(rounds int, bare, gn http.Handler, req func() *http.Request) pairResult {
	var p pairResult
	for i := 0; i < rounds; i++ {
		rb := serveBench(bare, req())
		rg := serveBench(gn, req())
		p.bare = append(p.bare, float64(rb.NsPerOp()))
		p.gin = append(p.gin, float64(rg.NsPerOp()))
		p.bareAllocs, p.ginAllocs = rb.AllocsPerOp(), rg.AllocsPerOp()
	}
	return p
}

func benchHTTP(ctx context.Context, r *Report, cfg *config) {
	rounds := 5
	if cfg.quick {
		rounds = 3
	}
	gin.SetMode(gin.ReleaseMode)

	// A store with a few actors; one actor's response, pre-encoded.
	d, err := memstore.Open("")
	if err != nil {
		r.problem("memstore: %v", err)
		return
	}
	st := graph.NewStore(d)
	defer st.Close()
	b := graphgen.Generate(graphgen.Options{Actors: 1000, Relationships: 2000, Seed: Seed})
	if _, err := st.Import(ctx, b, false); err != nil {
		r.problem("import: %v", err)
		return
	}
	id := graphgen.ActorID(42)
	quiet := slog.New(slog.NewJSONHandler(io.Discard, nil))
	srv, err := api.NewServer(api.Config{Logger: quiet}, st)
	if err != nil {
		r.problem("api.NewServer: %v", err)
		return
	}
	detente := srv.Handler()
	rec := httptest.NewRecorder()
	detente.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/actors/"+id, nil))
	if rec.Code != 200 {
		r.problem("GET /api/v1/actors/%s: %d", id, rec.Code)
		return
	}
	actorJSON := rec.Body.Bytes()

	// 3a: the router and context alone: the same pre-encoded bytes.
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/actors/{id}", func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("id") == "" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(actorJSON)
	})
	plain := gin.New()
	plain.GET("/api/v1/actors/:id", func(c *gin.Context) {
		if c.Param("id") == "" {
			c.Status(404)
			return
		}
		c.Data(200, "application/json", actorJSON)
	})
	actorReq := func() *http.Request { return httptest.NewRequest("GET", "/api/v1/actors/"+id, nil) }
	logf("http: bare vs plain Gin, pre-encoded actor (%d rounds)", rounds)
	pa := compareHandlers(rounds, mux, plain, actorReq)

	// 3b: detente's whole engine (request id, access log, recovery; the
	// logger discards) on /healthz, against a bare handler doing the same
	// encoding and header.
	bareHealth := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := json.Marshal(api.Status{Status: "ok"})
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set(api.RequestIDHeader, "0123456789abcdef")
		w.Write(append(b, '\n'))
	})
	logf("http: bare vs detente /healthz")
	ph := compareHandlers(rounds, bareHealth, detente, func() *http.Request { return httptest.NewRequest("GET", "/healthz", nil) })

	// 3c: detente's GET /api/v1/actors/{id} (store read, wire conversion,
	// ETag, middleware) against a bare handler reading the same store and
	// encoding the domain actor.
	bareActor := http.NewServeMux()
	bareActor.HandleFunc("GET /api/v1/actors/{id}", func(w http.ResponseWriter, r *http.Request) {
		a, err := st.GetActor(r.Context(), r.PathValue("id"))
		if err != nil {
			http.Error(w, err.Error(), 404)
			return
		}
		b, _ := json.Marshal(a)
		w.Header().Set("Content-Type", "application/json")
		w.Write(append(b, '\n'))
	})
	logf("http: bare vs detente GET actor")
	pd := compareHandlers(rounds, bareActor, detente, actorReq)

	sec := r.section("3. Gin against a bare net/http handler",
		fmt.Sprintf("In-process: `testing.Benchmark` of `ServeHTTP` with a minimal ResponseWriter, "+
			"the two sides alternating, %d rounds each; medians of the rounds' ns/op. "+
			"Then a real loopback server each, 8 keep-alive clients in this process.", rounds),
		"case", "bare net/http", "Gin", "ratio", "allocs/op bare → Gin")
	add := func(name string, p pairResult) float64 {
		mb, mg := medianF(p.bare), medianF(p.gin)
		sec.row(name, fmt.Sprintf("%.0f ns", mb), fmt.Sprintf("%.0f ns", mg), x(mg/mb), fmt.Sprintf("%d → %d", p.bareAllocs, p.ginAllocs))
		return mg / mb
	}
	ra := add("same pre-encoded actor JSON, ServeMux `{id}` vs gin.New() `:id`", pa)
	rh := add("GET /healthz: bare vs detente's engine (all middleware)", ph)
	rd := add("GET /api/v1/actors/{id} on the embedded store: bare (GetActor + json) vs detente", pd)
	r.target("3", "Gin vs bare net/http, same pre-encoded actor JSON (in-process, median ns/op)",
		fmt.Sprintf("%.0f ns", medianF(pa.gin)), fmt.Sprintf("%.0f ns bare → %s", medianF(pa.bare), x(ra)), "≤ 1.2×", ra <= 1.2)
	r.target("3", "detente's engine vs bare, GET /healthz (in-process)",
		fmt.Sprintf("%.0f ns", medianF(ph.gin)), fmt.Sprintf("%.0f ns bare → %s", medianF(ph.bare), x(rh)), "≤ 1.2×", rh <= 1.2)
	r.target("3", "detente vs bare, GET /api/v1/actors/{id} embedded (in-process)",
		fmt.Sprintf("%.0f ns", medianF(pd.gin)), fmt.Sprintf("%.0f ns bare → %s", medianF(pd.bare), x(rd)), "≤ 1.2×", rd <= 1.2)

	// Loopback: real servers, the client in this process.
	n := 30_000
	if cfg.quick {
		n = 15_000
	}
	for _, c := range []struct {
		name      string
		bare, gin http.Handler
		path      string
	}{
		{"pre-encoded actor, ServeMux vs gin.New()", mux, plain, "/api/v1/actors/" + id},
		{"GET /healthz, bare vs detente", bareHealth, detente, "/healthz"},
		{"GET /api/v1/actors/{id}, bare vs detente", bareActor, detente, "/api/v1/actors/" + id},
	} {
		var lb, lg []time.Duration
		var tb, tg []float64
		for i := 0; i < 2; i++ {
			for _, side := range []struct {
				h   http.Handler
				lat *[]time.Duration
				thr *[]float64
			}{{c.bare, &lb, &tb}, {c.gin, &lg, &tg}} {
				l, err := loopbackLoad(ctx, side.h, c.path, 8, n)
				if err != nil {
					r.problem("loopback: %v", err)
					return
				}
				*side.lat = append(*side.lat, l.Median)
				*side.thr = append(*side.thr, l.Throughput)
			}
		}
		mb, mg := medianDur(lb), medianDur(lg)
		sec.row("loopback, 8 clients: "+c.name+" — median latency; requests/s",
			fmt.Sprintf("%s; %.0f/s", ms(mb), medianF(tb)), fmt.Sprintf("%s; %.0f/s", ms(mg), medianF(tg)),
			fmt.Sprintf("%s latency; %s throughput", x(ratio(mg, mb)), x(medianF(tb)/medianF(tg))), "")
	}
	sec.note("detente's engine here is api.NewServer with a discarding slog handler and no metrics middleware; `detente serve` adds the metrics middleware and logs to stdout.")
}

// loopbackLoad serves h on a loopback port and sends n GETs of path from
// clients keep-alive clients.
func loopbackLoad(ctx context.Context, h http.Handler, path string, clients, n int) (Lat, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return Lat{}, err
	}
	hs := &http.Server{Handler: h}
	go hs.Serve(l)
	defer hs.Close()
	url := "http://" + l.Addr().String() + path
	lat, errs, wall := load(ctx, clients, 500, n, 60*time.Second, func(ctx context.Context, i int) error {
		return httpGet(ctx, url)
	})
	if errs > 0 {
		return Lat{}, fmt.Errorf("%d errors", errs)
	}
	return summarize(lat, errs, wall), nil
}

// httpGet GETs url and wants a 200.
func httpGet(ctx context.Context, url string) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	resp, err := httpClient.Do(req)
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("GET %s: %d", url, resp.StatusCode)
	}
	return err
}

var _ = graph.ModeShortest
