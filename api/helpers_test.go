package api_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph"
)

// env is one server over one store, driven through its http.Handler.
type env struct {
	t     *testing.T
	h     http.Handler
	store *graph.Store
	logs  *bytes.Buffer
}

func newEnv(t *testing.T, store *graph.Store, cfg api.Config) *env {
	t.Helper()
	logs := &bytes.Buffer{}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewJSONHandler(logs, nil))
	}
	srv, err := api.NewServer(cfg, store)
	if err != nil {
		t.Fatalf("NewServer: %v", err)
	}
	return &env{t: t, h: srv.Handler(), store: store, logs: logs}
}

// forEachStore runs f against a fresh server over every store.
func forEachStore(t *testing.T, f func(t *testing.T, e *env)) {
	t.Helper()
	for name, st := range stores(t) {
		t.Run(name, func(t *testing.T) { f(t, newEnv(t, st, api.Config{})) })
	}
}

// do sends a request. hdr holds header name/value pairs; a JSON
// Content-Type is set for a non-empty body unless hdr sets one ("" drops
// it).
func (e *env) do(method, path, body string, hdr ...string) *httptest.ResponseRecorder {
	e.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i+1] == "" {
			req.Header.Del(hdr[i])
		} else {
			req.Header.Set(hdr[i], hdr[i+1])
		}
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	specCheck(e.t, req, body, rec)
	return rec
}

// must sends a request and fails unless the status is want; it decodes
// a JSON body into out when out is not nil.
func (e *env) must(want int, method, path, body string, out any, hdr ...string) *httptest.ResponseRecorder {
	e.t.Helper()
	rec := e.do(method, path, body, hdr...)
	if rec.Code != want {
		e.t.Fatalf("%s %s: status %d, want %d; body: %s", method, path, rec.Code, want, rec.Body)
	}
	if out != nil {
		reflect.ValueOf(out).Elem().SetZero() // decode into a clean value: Unmarshal merges into maps
		if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
			e.t.Fatalf("%s %s: decoding %s: %v", method, path, rec.Body, err)
		}
	}
	return rec
}

// export returns the raw export document.
func (e *env) export() string {
	e.t.Helper()
	return e.must(200, "GET", "/api/v1/export", "", nil).Body.String()
}

// problem checks that rec is an RFC 9457 problem with the given status
// and type slug and returns it.
func problem(t *testing.T, rec *httptest.ResponseRecorder, status int, slug string) api.Problem {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status %d, want %d; body: %s", rec.Code, status, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("Content-Type %q, want application/problem+json", ct)
	}
	dec := json.NewDecoder(bytes.NewReader(rec.Body.Bytes()))
	dec.DisallowUnknownFields()
	var p api.Problem
	if err := dec.Decode(&p); err != nil {
		t.Fatalf("problem body %s: %v", rec.Body, err)
	}
	if want := api.ProblemTypeBase + slug; p.Type != want {
		t.Errorf("type %q, want %q (detail %q, errors %v)", p.Type, want, p.Detail, p.Errors)
	}
	if p.Status != status || p.Title == "" || p.Detail == "" || p.Instance == "" {
		t.Errorf("incomplete problem: %+v", p)
	}
	if p.RequestID == "" || p.RequestID != rec.Header().Get(api.RequestIDHeader) {
		t.Errorf("request_id %q, X-Request-ID %q", p.RequestID, rec.Header().Get(api.RequestIDHeader))
	}
	return p
}

// paths lists the error paths of a problem, in order.
func paths(p api.Problem) []string {
	out := make([]string, len(p.Errors))
	for i, e := range p.Errors {
		out[i] = e.Path
	}
	return out
}

// wantPaths checks that the problem names exactly these paths (in any
// order).
func wantPaths(t *testing.T, p api.Problem, want ...string) {
	t.Helper()
	got := paths(p)
	slices.Sort(got)
	want = slices.Clone(want)
	slices.Sort(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("error paths (-want +got):\n%s\nerrors: %+v", diff, p.Errors)
	}
}

// seed creates a small world: three actors and one relationship.
func seed(t *testing.T, e *env) {
	t.Helper()
	e.must(201, "POST", "/api/v1/actors", `{"name":"Iran","kind":"state","country_code":"IRN","aliases":["Islamic Republic of Iran"],"tags":["jcpoa"]}`, nil)
	e.must(201, "POST", "/api/v1/actors", `{"name":"United States","kind":"state","country_code":"USA"}`, nil)
	e.must(201, "POST", "/api/v1/actors", `{"id":"russia","name":"Russian Federation","kind":"state"}`, nil)
	e.must(201, "POST", "/api/v1/relationships", `{"source":"united-states","target":"iran","type":"sanctions","valid_from":"2018-05-08"}`, nil)
}
