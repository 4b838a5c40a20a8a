package metrics

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/detente/detente/graph"
)

func TestStoreOutcomesAndCache(t *testing.T) {
	m := New()
	m.ObserveStore("GetActor", time.Millisecond, nil)
	m.ObserveStore("GetActor", time.Millisecond, graph.Errorf(graph.ENOTFOUND, "x"))
	m.ObserveStore("Paths", time.Second, fmt.Errorf("wrapped: %w", context.DeadlineExceeded))
	m.ObserveStore("Export", time.Second, errors.New("a bug"))
	m.CacheHit()
	m.CacheMiss()
	m.CacheSource(func() (uint64, uint64) { return 10, 20 })
	m.GraphReadSource(func() (uint64, uint64) { return 2, 7 })
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	text := rec.Body.String()
	for _, want := range []string{
		`detente_store_query_duration_seconds_count{op="GetActor",outcome="ok"} 1`,
		`detente_store_query_duration_seconds_count{op="GetActor",outcome="not_found"} 1`,
		`detente_store_query_duration_seconds_count{op="Paths",outcome="unavailable"} 1`,
		`detente_store_query_duration_seconds_count{op="Export",outcome="internal"} 1`,
		`detente_analysis_cache_hits_total 11`,
		`detente_analysis_cache_misses_total 21`,
		`detente_analysis_graph_reads_total 2`,
		`detente_analysis_graph_patches_total 7`,
		`process_start_time_seconds`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %s", want)
		}
	}
}

func TestMethodLabel(t *testing.T) {
	for in, want := range map[string]string{
		"GET": "GET", "HEAD": "HEAD", "POST": "POST", "PUT": "PUT", "PATCH": "PATCH",
		"DELETE": "DELETE", "OPTIONS": "OPTIONS", "CONNECT": "CONNECT", "TRACE": "TRACE",
		"get": "other", "BREW": "other", "PROPFIND": "other", "": "other",
		strings.Repeat("X", 1<<16): "other",
	} {
		if got := methodLabel(in); got != want {
			t.Errorf("methodLabel(%.20q) = %q, want %q", in, got, want)
		}
	}
}
