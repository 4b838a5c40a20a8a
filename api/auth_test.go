package api_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph"
)

func TestAPIKeys(t *testing.T) {
	sum := sha256.Sum256([]byte("admin-secret"))
	keys := "read:reader-secret, write:writer-secret,admin:sha256:" + hex.EncodeToString(sum[:])
	forEachStore(t, func(t *testing.T, open *env) {
		e := newEnv(t, open.store, api.Config{APIKeys: keys})
		body := `{"name":"Iran","kind":"state"}`
		for _, tc := range []struct {
			name         string
			method, path string
			body         string
			hdr          []string
			status       int
			slug         string
		}{
			{"no key", "GET", "/api/v1/actors", "", nil, 401, api.ProblemUnauthorized},
			{"wrong key", "GET", "/api/v1/actors", "", []string{"X-API-Key", "nope"}, 401, api.ProblemUnauthorized},
			{"wrong scheme", "GET", "/api/v1/actors", "", []string{"Authorization", "Basic cmVhZGVyLXNlY3JldA=="}, 401, api.ProblemUnauthorized},
			{"hash is not the key", "GET", "/api/v1/actors", "", []string{"X-API-Key", hex.EncodeToString(sum[:])}, 401, api.ProblemUnauthorized},
			{"read key writes", "POST", "/api/v1/actors", body, []string{"X-API-Key", "reader-secret"}, 403, api.ProblemForbidden},
			{"read key deletes", "DELETE", "/api/v1/actors/iran", "", []string{"Authorization", "Bearer reader-secret"}, 403, api.ProblemForbidden},
			{"two different keys", "GET", "/api/v1/actors", "", []string{"Authorization", "Bearer admin-secret", "X-API-Key", "nope"}, 401, api.ProblemUnauthorized},
			{"two different valid keys", "POST", "/api/v1/actors", body, []string{"Authorization", "Bearer reader-secret", "X-API-Key", "writer-secret"}, 401, api.ProblemUnauthorized},
			{"read key imports", "POST", "/api/v1/import?dry_run=true", `{"actors":[],"relationships":[]}`, []string{"Authorization", "Bearer reader-secret"}, 403, api.ProblemForbidden},
		} {
			t.Run(tc.name, func(t *testing.T) {
				rec := e.do(tc.method, tc.path, tc.body, tc.hdr...)
				problem(t, rec, tc.status, tc.slug)
				if tc.status == 401 && rec.Header().Get("WWW-Authenticate") == "" {
					t.Error("401 without WWW-Authenticate")
				}
			})
		}
		e.must(200, "GET", "/api/v1/actors", "", nil, "Authorization", "bearer reader-secret")
		e.must(200, "GET", "/api/v1/actors", "", nil, "Authorization", "Bearer reader-secret", "X-API-Key", "reader-secret")
		e.must(201, "POST", "/api/v1/actors", body, nil, "Authorization", "Bearer writer-secret")
		e.must(200, "GET", "/api/v1/actors/iran", "", nil, "X-API-Key", "writer-secret")
		e.must(204, "DELETE", "/api/v1/actors/iran", "", nil, "X-API-Key", "admin-secret")
		// operational endpoints stay open
		e.must(200, "GET", "/healthz", "", nil)
		e.must(200, "GET", "/readyz", "", nil)
		e.must(200, "GET", "/openapi.json", "", nil)
	})
}

func TestBadAPIKeys(t *testing.T) {
	for _, keys := range []string{"root:x", "read", "read:", "write:sha256:abc", "read:a,,write:b", " ", "\t", ",", " , ,", "read:a,"} {
		if _, err := api.NewServer(api.Config{APIKeys: keys}, memStore(t)); err == nil {
			t.Errorf("%q accepted", keys)
		}
	}
}

// TestParseAPIKeys: only "" is an open API; a value that is set must hold
// at least one key (issue 15: " " was parsed to no keys while main's
// guard, comparing the raw string with "", took it for keys).
func TestParseAPIKeys(t *testing.T) {
	for _, tc := range []struct {
		in   string
		keys int
		err  string
	}{
		{in: "", keys: 0},
		{in: "read:a", keys: 1},
		{in: " read:a , admin:b ", keys: 2},
		{in: "write:sha256:" + strings.Repeat("ab", 32), keys: 1},
		{in: " ", err: "holds no key"},
		{in: "\t\r\n", err: "holds no key"},
		{in: ",", err: "holds no key"},
		{in: " , , ", err: "holds no key"},
		{in: "read:a,", err: "entry 2"},
		{in: "read:", err: "entry 1: empty key"},
	} {
		keys, err := api.ParseAPIKeys(tc.in)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: error %v, want one saying %q", tc.in, err, tc.err)
		case len(keys) != tc.keys:
			t.Errorf("%q: %d keys, want %d", tc.in, len(keys), tc.keys)
		}
	}
}

func TestQueryTimeout(t *testing.T) {
	forEachStore(t, func(t *testing.T, open *env) {
		e := newEnv(t, graph.NewStore(slow{open.store.Driver()}), api.Config{QueryTimeout: 20 * time.Millisecond})
		rec := e.do("GET", "/api/v1/actors", "")
		problem(t, rec, 503, api.ProblemUnavailable)
		if rec.Header().Get("Retry-After") != "5" {
			t.Errorf("Retry-After %q", rec.Header().Get("Retry-After"))
		}
	})
}
