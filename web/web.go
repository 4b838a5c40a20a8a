// Package web is detente's explorer page: static HTML, CSS and plain ES
// modules, embedded in the binary, that draw the graph with Cytoscape.js
// (vendored in static/vendor/, no CDN) and talk only to the public API
// under api/v1, by relative URLs. It has no Go dependency on the rest of
// the project: mount Handler at "/" and "/static/".
//
// The page's features and the endpoints each one calls are listed in
// README.md beside this file; its tests live in web/test (Node).
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// Files holds index.html and static/: the page, its scripts and styles,
// and the vendored Cytoscape.js with its licence.
//
//go:embed index.html static
var Files embed.FS

//go:embed headers.json
var headersJSON []byte

// Headers are the security headers sent with every file of the page: a
// Content-Security-Policy that allows only the page's own scripts, styles
// and API, nosniff, and no referrer. Read from headers.json, which the
// browser test's fake server shares.
var Headers = mustHeaders()

func mustHeaders() map[string]string {
	var doc struct {
		Headers map[string]string `json:"headers"`
	}
	if err := json.Unmarshal(headersJSON, &doc); err != nil || len(doc.Headers) == 0 {
		panic("web: headers.json: invalid")
	}
	return doc.Headers
}

// asset is one embedded file with its validator, computed once: embedded
// files have no modification time, so a content hash is what lets a
// browser revalidate (If-None-Match) instead of downloading again.
type asset struct {
	body []byte
	etag string
}

// Handler serves the page: GET or HEAD of "/" (or "/index.html") is the
// page and "/static/..." its files; anything else is 404, directories
// included (no listings). Responses carry Headers, a strong ETag and
// Cache-Control: no-cache, so a new release is picked up on the next load
// while unchanged files cost a 304.
func Handler() http.Handler {
	assets := map[string]asset{}
	err := fs.WalkDir(Files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := Files.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		assets["/"+p] = asset{body: b, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
		return nil
	})
	if err != nil {
		panic("web: reading the embedded files: " + err.Error())
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := path.Clean("/" + r.URL.Path)
		if p == "/" {
			p = "/index.html"
		}
		a, ok := assets[p]
		if !ok || !(p == "/index.html" || strings.HasPrefix(p, "/static/")) {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		for k, v := range Headers {
			h.Set(k, v)
		}
		h.Set("ETag", a.etag)
		h.Set("Cache-Control", "no-cache")
		// ServeContent picks the Content-Type from the extension and
		// answers If-None-Match and Range.
		http.ServeContent(w, r, p, time.Time{}, bytes.NewReader(a.body))
	})
}
