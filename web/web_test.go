package web_test

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/detente/detente/web"
)

func TestHandler(t *testing.T) {
	h := web.Handler()
	tests := []struct {
		name, method, path string
		status             int
		contentType        string // prefix
		body               string // substring
	}{
		{"page", "GET", "/", 200, "text/html", `<section id="cy"`},
		{"page by name", "GET", "/index.html", 200, "text/html", "<title>detente explorer</title>"},
		{"head", "HEAD", "/", 200, "text/html", ""},
		{"app module", "GET", "/static/app.js", 200, "text/javascript", "import { api"},
		{"stylesheet", "GET", "/static/style.css", 200, "text/css", "#cy"},
		{"vendored cytoscape", "GET", "/static/vendor/cytoscape.min.js", 200, "text/javascript", "Cytoscape Consortium"},
		{"its licence", "GET", "/static/vendor/cytoscape.LICENSE", 200, "text/plain", "Permission is hereby granted"},
		{"no directory listing", "GET", "/static/", 404, "", ""},
		{"no vendor listing", "GET", "/static/vendor", 404, "", ""},
		{"missing file", "GET", "/static/nope.js", 404, "", ""},
		{"not the page's", "GET", "/web.go", 404, "", ""},
		{"headers file is not served", "GET", "/headers.json", 404, "", ""},
		{"escape attempt", "GET", "/static/../web.go", 404, "", ""},
		{"api is not ours", "GET", "/api/v1/actors", 404, "", ""},
		{"write", "POST", "/", 405, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
			if rec.Code != tc.status {
				t.Fatalf("%s %s: status %d, want %d", tc.method, tc.path, rec.Code, tc.status)
			}
			if tc.status != 200 {
				return
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, tc.contentType) {
				t.Errorf("Content-Type %q, want %s...", ct, tc.contentType)
			}
			if !strings.Contains(rec.Body.String(), tc.body) {
				t.Errorf("body lacks %q", tc.body)
			}
			for k, v := range web.Headers {
				if got := rec.Header().Get(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
			if rec.Header().Get("ETag") == "" || rec.Header().Get("Cache-Control") != "no-cache" {
				t.Errorf("ETag %q Cache-Control %q: want a validator and no-cache", rec.Header().Get("ETag"), rec.Header().Get("Cache-Control"))
			}
		})
	}
}

func TestHandlerRevalidates(t *testing.T) {
	h := web.Handler()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/static/app.js", nil))
	etag := rec.Header().Get("ETag")
	req := httptest.NewRequest("GET", "/static/app.js", nil)
	req.Header.Set("If-None-Match", etag)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Errorf("If-None-Match %s: status %d, want 304", etag, rec.Code)
	}
}

func TestContentSecurityPolicy(t *testing.T) {
	csp := web.Headers["Content-Security-Policy"]
	for _, want := range []string{"default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") || strings.Contains(csp, "http") {
		t.Errorf("CSP %q allows inline code or another origin", csp)
	}
}

// Every file the page links or imports is embedded, and nothing is loaded
// from another origin: the page must work offline and under the CSP.
func TestPageReferencesResolve(t *testing.T) {
	ref := regexp.MustCompile(`(?:src|href)="([^"]+)"|from '(\./[^']+)'|import\('(\./[^']+)'\)`)
	check := func(file, base string) {
		b, err := fs.ReadFile(web.Files, file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ref.FindAllStringSubmatch(string(b), -1) {
			target := m[1] + m[2] + m[3]
			switch {
			case strings.HasPrefix(target, "data:"):
				continue
			case strings.HasPrefix(target, "api/v1/"):
				// A preloaded API request: relative, so on the page's
				// origin, and answered by the API, not the embedded files.
				continue
			case strings.Contains(target, "://") || strings.HasPrefix(target, "//"):
				t.Errorf("%s loads %s from another origin", file, target)
				continue
			}
			path := strings.TrimPrefix(base+strings.TrimPrefix(target, "./"), "/")
			if _, err := fs.Stat(web.Files, path); err != nil {
				t.Errorf("%s refers to %s, which is not embedded (%v)", file, target, err)
			}
		}
	}
	check("index.html", "")
	entries, err := fs.ReadDir(web.Files, "static")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".js") {
			check("static/"+e.Name(), "static/")
		}
	}
}

// The ids the browser test and the brief's contract rely on.
func TestPageTestIDs(t *testing.T) {
	b, err := fs.ReadFile(web.Files, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"cy", "search-input", "search-results", "path-from", "path-to", "path-types", "path-as-of",
		"path-submit", "path-results", "influence-results", "asof-slider", "status"} {
		if !strings.Contains(string(b), `id="`+id+`"`) {
			t.Errorf("index.html has no element with id %q", id)
		}
	}
	for _, id := range []string{"evidence-panel", "whatif-panel", "filter-panel", "timeline", "size-by", "export-image", "export-svg", "legend"} {
		if !strings.Contains(string(b), `data-testid="`+id+`"`) {
			t.Errorf("index.html has no element with data-testid %q", id)
		}
	}
}

// The page's own scripts put data into the document as text only: no
// HTML parsing of strings (a record's quote, a scenario's name are data,
// and the CSP would not stop markup injected that way from being shown),
// and no code from strings. The vendored Cytoscape.js is not ours to check.
func TestScriptsInsertNoMarkup(t *testing.T) {
	sinks := regexp.MustCompile(`\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|\beval\(|new Function\(|setTimeout\(\s*['"]`)
	entries, err := fs.ReadDir(web.Files, "static")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".js") {
			continue
		}
		n++
		b, err := fs.ReadFile(web.Files, "static/"+e.Name())
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if m := sinks.FindString(line); m != "" {
				t.Errorf("static/%s:%d uses %s: insert text (textContent, el()) instead", e.Name(), i+1, m)
			}
		}
	}
	if n == 0 {
		t.Error("found no script to check in static/")
	}
}
