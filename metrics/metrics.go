// Package metrics is detente's Prometheus instrumentation: request counts
// and latencies by route, store call latencies (fed by graph/storemetrics),
// and the analysis projection cache's hits and misses. Everything goes to
// one registry of its own, served by Handler at GET /metrics.
//
// Label values are bounded: routes are Gin's route patterns
// (/api/v1/actors/:id), never raw paths; requests that match no route are
// "unmatched"; methods are the eight of RFC 9110 and PATCH, any other is
// "other" (the label is set before authentication and the rate limit, so
// a client must not be able to mint series); store operations are
// graph.Driver method names; outcomes are graph error codes.
package metrics

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/detente/detente/graph"
)

// Metrics holds the collectors. Its methods are safe for concurrent use.
type Metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	inFlight prometheus.Gauge
	store    *prometheus.HistogramVec

	hits, misses atomic.Uint64
	mu           sync.Mutex
	cacheSources []func() (hits, misses uint64)
	bytesSources []func() int64
	readSources  []func() (reads, patches uint64)
}

// Buckets of the latency histograms, in seconds: from a cached read
// (sub-millisecond) to the 10 s query budget.
var buckets = []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}

// New returns a Metrics with its own registry, which also carries the Go
// runtime and process collectors.
func New() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "detente_http_requests_total",
			Help: "HTTP requests answered, by method, route pattern and status code.",
		}, []string{"method", "route", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "detente_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by method and route pattern.",
			Buckets: buckets,
		}, []string{"method", "route"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "detente_http_requests_in_flight",
			Help: "HTTP requests being answered now.",
		}),
		store: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "detente_store_query_duration_seconds",
			Help:    "Time of one graph store call, by method (graph.Store) and outcome (ok or the error code).",
			Buckets: buckets,
		}, []string{"op", "outcome"}),
	}
	m.registry.MustRegister(
		m.requests, m.latency, m.inFlight, m.store,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "detente_answer_cache_bytes",
			Help: "Estimated bytes of analysis answers and encoded bodies kept for repeated requests (bounded by --cache-budget).",
		}, func() float64 { return float64(m.cacheBytes()) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "detente_analysis_cache_hits_total",
			Help: "Analysis queries answered from a cached projection.",
		}, func() float64 { h, _ := m.cacheTotals(); return float64(h) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "detente_analysis_cache_misses_total",
			Help: "Analysis queries that waited for a projection to be built.",
		}, func() float64 { _, mi := m.cacheTotals(); return float64(mi) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "detente_analysis_graph_reads_total",
			Help: "Times the analysis read the whole graph from the store (at start, and after writes its change feed could not follow).",
		}, func() float64 { r, _ := m.readTotals(); return float64(r) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "detente_analysis_graph_patches_total",
			Help: "Times the analysis brought its copy of the graph up to date after writes by reading only the records they touched (the embedded store's change feed).",
		}, func() float64 { _, p := m.readTotals(); return float64(p) }),
	)
	return m
}

// Registry returns the registry, for collectors of other packages.
func (m *Metrics) Registry() *prometheus.Registry { return m.registry }

// Handler serves the registry in the Prometheus exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

// Middleware counts and times every request by its route pattern. It
// belongs right after request id, logging and recovery (api.Config.Observe),
// so that it sees the final status of every request, 404s and 429s too.
func (m *Metrics) Middleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		m.inFlight.Inc()
		defer m.inFlight.Dec()
		c.Next()
		route := c.FullPath()
		if route == "" {
			route = "unmatched"
		}
		method := methodLabel(c.Request.Method)
		m.requests.WithLabelValues(method, route, strconv.Itoa(c.Writer.Status())).Inc()
		m.latency.WithLabelValues(method, route).Observe(time.Since(start).Seconds())
	}
}

// methodLabel returns the label value of a request method: the method itself
// when HTTP defines it, else "other". Methods are case-sensitive (RFC
// 9110 §9.1), so "get" is other too.
func methodLabel(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions, http.MethodConnect, http.MethodTrace:
		return m
	}
	return "other"
}

// ObserveStore records one store call; it is a storemetrics.Observer.
func (m *Metrics) ObserveStore(op string, d time.Duration, err error) {
	outcome := "ok"
	switch {
	case err == nil:
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		outcome = string(graph.EUNAVAILABLE)
	default:
		outcome = string(graph.ErrorCode(err))
	}
	m.store.WithLabelValues(op, outcome).Observe(d.Seconds())
}

// CacheHit counts an analysis query served from a cached projection.
func (m *Metrics) CacheHit() { m.hits.Add(1) }

// CacheMiss counts an analysis query that waited for a projection.
func (m *Metrics) CacheMiss() { m.misses.Add(1) }

// CacheSource adds a source of cache counters read at scrape time (e.g.
// the analysis Service's Stats): for a package that keeps counters of its
// own instead of calling CacheHit and CacheMiss.
func (m *Metrics) CacheSource(f func() (hits, misses uint64)) {
	m.mu.Lock()
	m.cacheSources = append(m.cacheSources, f)
	m.mu.Unlock()
}

// GraphReadSource adds a source of the analysis's whole reads of the
// graph and of its patches after writes, read at scrape time.
func (m *Metrics) GraphReadSource(f func() (reads, patches uint64)) {
	m.mu.Lock()
	m.readSources = append(m.readSources, f)
	m.mu.Unlock()
}

func (m *Metrics) readTotals() (reads, patches uint64) {
	m.mu.Lock()
	srcs := m.readSources
	m.mu.Unlock()
	return sumPairs(srcs)
}

// sumPairs sums what each source says, pair by pair.
func sumPairs(srcs []func() (uint64, uint64)) (a, b uint64) {
	for _, f := range srcs {
		x, y := f()
		a += x
		b += y
	}
	return a, b
}

// CacheBytesSource adds a source of cached bytes read at scrape time.
func (m *Metrics) CacheBytesSource(f func() int64) {
	m.mu.Lock()
	m.bytesSources = append(m.bytesSources, f)
	m.mu.Unlock()
}

func (m *Metrics) cacheBytes() int64 {
	m.mu.Lock()
	srcs := m.bytesSources
	m.mu.Unlock()
	var n int64
	for _, f := range srcs {
		n += f()
	}
	return n
}

func (m *Metrics) cacheTotals() (hits, misses uint64) {
	m.mu.Lock()
	srcs := m.cacheSources
	m.mu.Unlock()
	h, mi := sumPairs(srcs)
	return m.hits.Load() + h, m.misses.Load() + mi
}
