package main

// Operational tests against the real program (issue 8): graceful
// shutdown, a load test, Neo4j down at start and killed under load (with
// the real launcher, scripts/neo4j.sh), and schemathesis against the live
// OpenAPI description. Each prints its figures with t.Logf, prefixed
// "figure:" (make test shows those lines). DETENTE_TEST_LONG=1 (make
// test-long) runs the long variants.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// long reports whether the long variants are asked for.
func long() bool { return os.Getenv("DETENTE_TEST_LONG") != "" }

// TestGracefulShutdown: SIGTERM while a request is in flight (its body
// half sent) lets that request finish and be answered, refuses new
// connections, and exits 0.
func TestGracefulShutdown(t *testing.T) {
	p := startServe(t, nil, "--data", t.TempDir(), "--seed=false")
	conn, err := net.Dial("tcp", strings.TrimPrefix(p.base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := `{"id":"in-flight","name":"In flight","kind":"person"}`
	half := len(body) / 2
	fmt.Fprintf(conn, "POST /api/v1/actors HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:half])
	time.Sleep(200 * time.Millisecond) // the server is reading the body now
	start := time.Now()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	// The listener closes at once: a new connection is refused (or, if
	// accepted before the close, not served).
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", strings.TrimPrefix(p.base, "http://"), time.Second)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("still accepting connections 5 s after SIGTERM")
		}
		time.Sleep(20 * time.Millisecond)
	}
	select {
	case <-p.exited:
		t.Fatalf("the server exited (%v) before its in-flight request was answered", p.err)
	case <-time.After(500 * time.Millisecond):
	}
	if _, err := io.WriteString(conn, body[half:]); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("reading the in-flight response: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("in-flight request: %d", resp.StatusCode)
	}
	select {
	case <-p.exited:
		if p.err != nil {
			t.Fatalf("exit after SIGTERM: %v", p.err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit within 10 s of its last request")
	}
	t.Logf("figure: graceful shutdown: in-flight request answered 201 after SIGTERM, new connections refused, exit 0 after %s", time.Since(start).Round(time.Millisecond))
	if !strings.Contains(p.stderr.String(), "shutting down") {
		t.Error("no shutdown line in the log")
	}
}

// ---- load ----

// loadStats collects latencies and outcomes by kind of request.
type loadStats struct {
	mu        sync.Mutex
	lat       map[string][]time.Duration
	errs      map[string]int
	limited   int
	errSample []string
}

func (s *loadStats) add(kind string, d time.Duration, err string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lat[kind] = append(s.lat[kind], d)
	switch {
	case err == "429":
		s.limited++
	case err != "":
		s.errs[kind]++
		if len(s.errSample) < 10 {
			s.errSample = append(s.errSample, kind+": "+err)
		}
	}
}

func percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	d = slices.Clone(d)
	slices.Sort(d)
	return d[min(len(d)-1, int(p*float64(len(d))))]
}

// TestLoad: 64 concurrent clients mix reads, path queries, influence
// rankings and writes against a live server on the embedded store for
// 5 s (30 s with DETENTE_TEST_LONG): no error but deliberate 429s (the
// limit is raised for the test, so none are expected), and every
// acknowledged write readable afterwards.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	dur := 5 * time.Second
	if long() {
		dur = 30 * time.Second
	}
	p := startServe(t, nil, "--data", t.TempDir(), "--rate-limit", "100000", "--rate-burst", "100000")
	runLoad(t, p.base, dur, 64, "embedded")
}

// scenarioIDs lists the seeded actors.
func scenarioIDs(t *testing.T, c *http.Client, base string) []string {
	t.Helper()
	resp, err := c.Get(base + "/api/v1/actors?limit=1000")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var page struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil || len(page.Items) < 10 {
		t.Fatalf("listing the scenario: %v (%d actors)", err, len(page.Items))
	}
	ids := make([]string, len(page.Items))
	for i, a := range page.Items {
		ids[i] = a.ID
	}
	return ids
}

func runLoad(t *testing.T, base string, dur time.Duration, clients int, label string) {
	tr := &http.Transport{MaxIdleConns: clients * 2, MaxIdleConnsPerHost: clients * 2, IdleConnTimeout: time.Minute}
	c := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	defer tr.CloseIdleConnections()
	ids := scenarioIDs(t, c, base)
	influence := specHasPath(t, c, base, "/api/v1/influence")
	stats := &loadStats{lat: map[string][]time.Duration{}, errs: map[string]int{}}
	var (
		mu       sync.Mutex
		actors   []string
		rels     []string
		wg       sync.WaitGroup
		deadline = time.Now().Add(dur)
	)
	do := func(kind, method, url, body string, want int) []byte {
		var rd io.Reader
		if body != "" {
			rd = strings.NewReader(body)
		}
		req, _ := http.NewRequest(method, url, rd)
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		start := time.Now()
		resp, err := c.Do(req)
		if err != nil {
			stats.add(kind, time.Since(start), err.Error())
			return nil
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		d := time.Since(start)
		switch {
		case resp.StatusCode == want:
			stats.add(kind, d, "")
			return b
		case resp.StatusCode == http.StatusTooManyRequests:
			stats.add(kind, d, "429")
		default:
			stats.add(kind, d, fmt.Sprintf("%s %s: %d %.200s", method, url, resp.StatusCode, b))
		}
		return nil
	}
	algorithms := []string{"pagerank", "degree", "in_degree", "betweenness", "closeness"}
	for w := range clients {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(w), 42))
			for i := 0; time.Now().Before(deadline); i++ {
				a, b := ids[rng.IntN(len(ids))], ids[rng.IntN(len(ids))]
				for b == a {
					b = ids[rng.IntN(len(ids))]
				}
				switch r := rng.IntN(100); {
				case r < 25:
					do("read", "GET", base+"/api/v1/actors/"+a, "", 200)
				case r < 35:
					do("read", "GET", base+"/api/v1/relationships?actor="+a+"&limit=20", "", 200)
				case r < 45:
					do("read", "GET", base+"/api/v1/actors?limit=20&q="+a[:1], "", 200)
				case r < 65:
					mode := []string{"shortest", "all_shortest", "k_shortest&k=3"}[rng.IntN(3)]
					do("paths", "GET", base+"/api/v1/paths?from="+a+"&to="+b+"&mode="+mode, "", 200)
				case r < 75 && influence:
					do("influence", "GET", base+"/api/v1/influence?limit=10&algorithm="+algorithms[rng.IntN(len(algorithms))], "", 200)
				case r < 88:
					id := fmt.Sprintf("load-%d-%d", w, i)
					if do("write", "POST", base+"/api/v1/actors", `{"id":"`+id+`","name":"Load `+id+`","kind":"person"}`, 201) != nil {
						mu.Lock()
						actors = append(actors, id)
						mu.Unlock()
					}
				default:
					mu.Lock()
					var src string
					if len(actors) > 0 {
						src = actors[rng.IntN(len(actors))]
					}
					mu.Unlock()
					if src == "" {
						continue
					}
					body := fmt.Sprintf(`{"id":"load-rel-%d-%d","source":%q,"target":%q,"type":"supports","valid_from":"2020-01-0%d"}`, w, i, src, a, 1+rng.IntN(9))
					if out := do("write", "POST", base+"/api/v1/relationships", body, 201); out != nil {
						var r struct {
							ID string `json:"id"`
						}
						if json.Unmarshal(out, &r) == nil {
							mu.Lock()
							rels = append(rels, r.ID)
							mu.Unlock()
						} else {
							stats.add("write", 0, "undecodable 201")
						}
					}
				}
			}
		})
	}
	wg.Wait()
	// Every acknowledged write is readable.
	lost := 0
	for _, id := range actors {
		if do("verify", "GET", base+"/api/v1/actors/"+id, "", 200) == nil {
			lost++
		}
	}
	for _, id := range rels {
		if do("verify", "GET", base+"/api/v1/relationships/"+id, "", 200) == nil {
			lost++
		}
	}
	total, errs := 0, 0
	var all []time.Duration
	var kinds []string
	for k, l := range stats.lat {
		if k == "verify" {
			continue
		}
		total += len(l)
		errs += stats.errs[k]
		all = append(all, l...)
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	var per []string
	for _, k := range kinds {
		l := stats.lat[k]
		per = append(per, fmt.Sprintf("%s %d (errors %d, p50 %s, p99 %s)", k, len(l), stats.errs[k],
			percentile(l, .5).Round(10*time.Microsecond), percentile(l, .99).Round(10*time.Microsecond)))
	}
	t.Logf("figure: load (%s): %d clients for %s: %d requests (%.0f/s), errors %d, 429s %d, p50 %s, p99 %s; %s; acknowledged writes %d actors + %d relationships, lost %d",
		label, clients, dur, total, float64(total)/dur.Seconds(), errs, stats.limited,
		percentile(all, .5).Round(10*time.Microsecond), percentile(all, .99).Round(10*time.Microsecond),
		strings.Join(per, "; "), len(actors), len(rels), lost)
	if errs > 0 || lost > 0 || stats.errs["verify"] > 0 {
		t.Errorf("%d errors, %d acknowledged writes lost; first errors:\n%s", errs, lost, strings.Join(stats.errSample, "\n"))
	}
	if len(actors) == 0 || stats.lat["paths"] == nil {
		t.Error("the mix did not run: no write acknowledged or no path query")
	}
}

// specHasPath reports whether the live OpenAPI description has path.
func specHasPath(t *testing.T, c *http.Client, base, path string) bool {
	t.Helper()
	resp, err := c.Get(base + "/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var doc struct {
		Paths map[string]any `json:"paths"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		t.Fatal(err)
	}
	_, ok := doc.Paths[path]
	return ok
}
