package main

import (
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestAnalysisFollowsWritesWithoutRereading: the real server on the
// embedded store reads the graph whole once, for its first analysis;
// after each write the next analysis reads only what the write touched
// (its change feed), and /metrics says so; the answer after the write
// counts the new actor's tie.
func TestAnalysisFollowsWritesWithoutRereading(t *testing.T) {
	p := startServer(t, t.TempDir(), "--rate-limit", "0")
	do := func(method, path, body string) string {
		t.Helper()
		req, err := http.NewRequest(method, p.base+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if err != nil || res.StatusCode >= 300 {
			t.Fatalf("%s %s: %d %v %s", method, path, res.StatusCode, err, b)
		}
		return string(b)
	}
	counter := func(name string) int {
		t.Helper()
		m := regexp.MustCompile(`(?m)^` + name + ` (\d+)$`).FindStringSubmatch(do("GET", "/metrics", ""))
		if m == nil {
			t.Fatalf("/metrics has no %s", name)
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}
	const influence = "/api/v1/influence?algorithm=degree&as_of=all&limit=1000"
	if !strings.Contains(do("GET", influence, ""), `"actor":"iran"`) {
		t.Fatal("the seeded graph's ranking lacks Iran")
	}
	reads := counter("detente_analysis_graph_reads_total")
	if reads != 1 {
		t.Fatalf("%d whole reads after the first analysis, want 1", reads)
	}
	for i, w := range []struct{ method, path, body string }{
		{"POST", "/api/v1/actors", `{"id":"newcomer","name":"Newcomer","kind":"state"}`},
		{"POST", "/api/v1/relationships", `{"source":"newcomer","target":"iran","type":"supports","weight":0.5,"confidence":1}`},
		{"PATCH", "/api/v1/actors/newcomer", `{"name":"Newcomer State"}`},
	} {
		do(w.method, w.path, w.body)
		got := do("GET", influence, "")
		if i > 0 && !strings.Contains(got, `"actor":"newcomer"`) {
			t.Fatalf("after %s %s the ranking lacks the newcomer's tie", w.method, w.path)
		}
		if n := counter("detente_analysis_graph_patches_total"); n != i+1 {
			t.Errorf("after write %d: %d patches, want %d", i+1, n, i+1)
		}
	}
	if n := counter("detente_analysis_graph_reads_total"); n != reads {
		t.Errorf("%d whole reads after the writes, want still %d", n, reads)
	}
}
