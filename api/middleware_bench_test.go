package api_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph"
)

// discardWriter is the cheapest http.ResponseWriter, so that the
// benchmarks below time the engine (middleware, routing, handler) rather
// than httptest.ResponseRecorder's buffering.
type discardWriter struct {
	h    http.Header
	code int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) WriteHeader(code int)        { w.code = code }
func (w *discardWriter) Write(p []byte) (int, error) { return len(p), nil }

// benchEngine times GET path through detente's engine with the access
// log formatted as `detente serve` formats it (JSON), into io.Discard.
// cmd/detente-bench compares the same requests with a bare net/http
// handler; these are for profiling (go test -bench Engine -cpuprofile).
func benchEngine(b *testing.B, path string) { benchEngineLog(b, path, slog.LevelInfo) }

// benchEngineLog is benchEngine with the logger at level: above Info, the
// access log's lines are skipped, which isolates their cost.
func benchEngineLog(b *testing.B, path string, level slog.Level) {
	st := memStoreB(b)
	ctx := context.Background()
	if _, err := st.CreateActor(ctx, graph.Actor{ID: "iran", Name: "Iran", Kind: "state"}); err != nil {
		b.Fatal(err)
	}
	srv, err := api.NewServer(api.Config{Logger: slog.New(slog.NewJSONHandler(io.Discard, &slog.HandlerOptions{Level: level}))}, st)
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	req := httptest.NewRequest("GET", path, nil)
	w := &discardWriter{h: http.Header{}}
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		w.code = 0
		h.ServeHTTP(w, req)
		if w.code != 0 && w.code != 200 {
			b.Fatalf("status %d", w.code)
		}
	}
}

func BenchmarkEngineHealthz(b *testing.B)  { benchEngine(b, "/healthz") }
func BenchmarkEngineGetActor(b *testing.B) { benchEngine(b, "/api/v1/actors/iran") }

func BenchmarkEngineHealthzNoAccessLog(b *testing.B) { benchEngineLog(b, "/healthz", slog.LevelWarn) }
