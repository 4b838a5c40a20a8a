package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/analysis"
	"github.com/detente/detente/graph/graphgen"
	"github.com/detente/detente/graph/memstore"
)

// pairs returns n (from, to) actor pairs drawn as BenchmarkPaths draws
// them (PCG(7, 7)), so every run and every side queries the same pairs.
func pairs(actors, n int) [][2]string {
	r := rand.New(rand.NewPCG(7, 7))
	out := make([][2]string, n)
	for i := range out {
		f, t := r.IntN(actors), r.IntN(actors)
		if f == t {
			t = (f + 1 + r.IntN(actors-1)) % actors
		}
		out[i] = [2]string{graphgen.ActorID(f), graphgen.ActorID(t)}
	}
	return out
}

func heap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// memoryAndPaths imports the graph into an in-memory embedded store in two
// steps (actors, then relationships) and reads the live heap after each,
// then times shortest paths between random pairs inside the process.
// Last it reads the live heap of an analysis Service over the store after
// its first PageRank (its read of the graph, the projection and the
// answer kept): analysis is that beyond the store, per relationship.
func memoryAndPaths(ctx context.Context, s *size) (perActor, perRel, allIn, analysisRel float64, lat Lat, found int, err error) {
	h0 := heap()
	d, err := memstore.Open("")
	if err != nil {
		return
	}
	st := graph.NewStore(d)
	defer st.Close()
	func() {
		b := s.generate()
		b.Relationships = nil
		_, err = st.Import(ctx, b, false)
	}()
	if err != nil {
		return
	}
	h1 := heap()
	func() {
		b := s.generate()
		b.Actors = nil
		_, err = st.Import(ctx, b, false)
	}()
	if err != nil {
		return
	}
	h2 := heap()
	perActor = float64(int64(h1)-int64(h0)) / float64(s.Actors)
	perRel = float64(int64(h2)-int64(h1)) / float64(s.Rels)
	allIn = float64(int64(h2)-int64(h0)) / float64(s.Rels)

	ps := pairs(s.Actors, 2000)
	times := make([]time.Duration, 0, len(ps))
	for i, p := range ps {
		t0 := time.Now()
		paths, e := st.Paths(ctx, graph.PathQuery{From: p[0], To: p[1], Mode: graph.ModeShortest})
		el := time.Since(t0)
		if e != nil && graph.ErrorCode(e) != graph.ETOOLARGE {
			err = e
			return
		}
		if i >= 100 { // the first hundred warm up
			times = append(times, el)
			if len(paths) > 0 {
				found++
			}
		}
	}
	lat = summarize(times, 0, 0)
	h3 := heap()
	svc := analysis.NewService(st)
	if _, err = svc.Influence(ctx, analysis.InfluenceQuery{Algorithm: analysis.PageRank}); err != nil {
		return
	}
	analysisRel = float64(int64(heap())-int64(h3)) / float64(s.Rels)
	runtime.KeepAlive(svc)
	runtime.KeepAlive(st)
	return
}

// projectionMemory is the live heap of graph/analysis's projection of the
// graph (the batch it reads is already on the heap before and after).
func projectionMemory(ctx context.Context, s *size) (perEdge, perRel float64, edges int, err error) {
	b := s.generate()
	h0 := heap()
	p, err := analysis.Project(ctx, b, graph.NewRegistry(graph.BuiltinTypes()), analysis.Filter{})
	if err != nil {
		return
	}
	h1 := heap()
	edges = p.Edges()
	perEdge = float64(int64(h1)-int64(h0)) / float64(edges)
	perRel = float64(int64(h1)-int64(h0)) / float64(s.Rels)
	runtime.KeepAlive(p)
	runtime.KeepAlive(b)
	return
}

func benchEmbedded(ctx context.Context, r *Report, cfg *config, sizes []*size) {
	mem := r.section("6. Memory",
		"Live heap (runtime.MemStats.HeapAlloc after two GCs) of an embedded store (memstore, in-memory mode: the same structures `serve` keeps; bbolt's file is mapped, not heap) "+
			"after importing the actors, then the relationships; the all-in figure divides the whole store by the relationships, as BenchmarkImport's heap-B/rel does. "+
			"Peak RSS is the `detente import FILE` process's VmHWM (embedded, bbolt; read from /proc every 10 ms: getrusage's ru_maxrss of a child carries over the driver's own peak). The projection is graph/analysis's CSR view with the default filter.",
		"graph", "store B/actor", "store B/relationship", "store all-in B/relationship", "`detente import` peak RSS", "RSS B/relationship", "projection B/directed edge", "projection B/relationship")
	inproc := r.section("7b. Shortest path inside the process (embedded)",
		"memstore.Paths, mode shortest, unweighted, between 1,900 random pairs drawn as BenchmarkPaths draws them (after 100 warm-up queries); "+
			"the in-memory store of the memory measurement.",
		"graph", "median", "p99", "mean", "pairs with a path")
	imp := r.section("5. Bulk import",
		"Wall time of each way in. `detente import FILE` is the built binary (embedded: a fresh --data directory, bbolt; Neo4j: NEO4J_URI, a fresh database); "+
			"its peer is `detente import --dry-run FILE` on the same empty store (reading, decoding and validating the file, writing nothing). "+
			fmt.Sprintf("POST /api/v1/import goes to a running `detente serve` in requests of %d relationships (the first also carries every actor): ", chunkRels)+
			"10^6 relationships are about 110 MB of JSON and the server caps an import body at 64 MiB (api.DefaultMaxImportBytes); each request is one all-or-nothing import. "+
			"The server runs with --import-timeout 30m (an import has its own budget, default 10m, instead of --query-timeout).",
		"graph", "store", "way", "wall", "peer", "notes")
	paths := r.section("4. Path queries over HTTP: 8 concurrent clients against 1 (embedded)",
		"GET /api/v1/paths?from=…&to=… (defaults: shortest, unweighted, max 6 hops) against `detente serve` on the imported data, "+
			"keep-alive clients on loopback in the driver's process, closed loop (each client sends its next request when the last is answered), "+
			"the same random pairs for both. Both processes share the machine's 2 cores.",
		"graph", "clients", "requests", "median", "p99", "requests/s")
	paths.note("On 2 cores a closed loop of 8 clients queues: by Little's law the mean latency at 8 clients is 8 ÷ throughput, so once the server saturates, every percentile at 8 clients is at least about 8 ÷ (cores) ≈ 4× the single-client figure, and the p99 also carries the path query's own tail (some pairs explore much of the graph: compare the single-client p99 and 7b).")

	for _, s := range sizes {
		if ctx.Err() != nil {
			return
		}
		logf("embedded %s: memory and in-process paths", s.Name)
		pa, pr, all, arel, lat, found, err := memoryAndPaths(ctx, s)
		if err != nil {
			r.problem("embedded memory %s: %v", s.Name, err)
			continue
		}
		pe, prel, edges, err := projectionMemory(ctx, s)
		if err != nil {
			r.problem("projection memory %s: %v", s.Name, err)
		}
		inproc.row(s.Name, ms(lat.Median), ms(lat.P99), ms(lat.Mean), fmt.Sprintf("%d/%d", found, lat.N))
		big := s.Rels >= 1_000_000

		// The CLI import, with the dry run as its peer.
		dir := filepath.Join(cfg.work, "data", fmt.Sprintf("cli-%d", s.Rels))
		os.RemoveAll(dir)
		env := serveEnv("", "DETENTE_DATA="+dir)
		logf("embedded %s: detente import --dry-run", s.Name)
		dry, err := runProc(cfg.bin, env, 10*time.Minute, "import", "--dry-run", s.batchFile)
		if err != nil {
			r.problem("embedded dry run %s: %v", s.Name, err)
		}
		logf("embedded %s: detente import", s.Name)
		cli, err := runProc(cfg.bin, env, 10*time.Minute, "import", s.batchFile)
		if err != nil {
			r.problem("embedded import %s: %v", s.Name, err)
			continue
		}
		mem.row(s.Name, fmt.Sprintf("%.0f", pa), fmt.Sprintf("%.0f", pr), fmt.Sprintf("%.0f", all),
			fmt.Sprintf("%.0f MiB", float64(cli.MaxRSS)/(1<<20)), fmt.Sprintf("%.0f", float64(cli.MaxRSS)/float64(s.Rels)),
			fmt.Sprintf("%.0f (%d edges)", pe, edges), fmt.Sprintf("%.0f", prel))
		imp.row(s.Name, "embedded", "`detente import FILE`", ms(cli.Wall), "dry run "+ms(dry.Wall), fmt.Sprintf("peak RSS %.0f MiB", float64(cli.MaxRSS)/(1<<20)))
		if big || cfg.quick {
			goal := "≤ 200 B"
			r.target("6", "embedded store heap per relationship, "+s.Name, fmt.Sprintf("%.0f B (all-in %.0f B)", pr, all),
				fmt.Sprintf("%.0f B per actor; projection %.0f B/rel", pa, prel), goal, pr <= 200)
			r.target("14", "analysis heap beyond the store per relationship (Service after its first PageRank), "+s.Name, fmt.Sprintf("%.0f B", arel),
				fmt.Sprintf("store %.0f B/rel; projection of a batch %.0f B/rel", pr, prel), "≤ 100 B", arel <= 100)
			r.target("6", "`detente import` peak RSS per relationship, "+s.Name, fmt.Sprintf("%.0f B", float64(cli.MaxRSS)/float64(s.Rels)),
				fmt.Sprintf("%.0f MiB peak", float64(cli.MaxRSS)/(1<<20)), "(≤ 200 B heap)", float64(cli.MaxRSS)/float64(s.Rels) <= 200)
			r.target("7", "shortest path median inside the process, "+s.Name, ms(lat.Median), fmt.Sprintf("p99 %s; yardstick %s", ms(lat.P99), ms(r.Yardstick[0])),
				"< 1 ms", lat.Median < time.Millisecond)
			if big {
				r.target("5", "`detente import` 10^6 relationships, embedded", ms(cli.Wall), "dry run "+ms(dry.Wall), "≤ 10 s", cli.Wall <= 10*time.Second)
			}
		}

		// Serve the imported data: start-up with a big store, and the
		// path load of target 4.
		logf("embedded %s: serve the imported data", s.Name)
		srv, err := startServer(cfg.bin, cfg.work, fmt.Sprintf("embedded-%d", s.Rels), "", 5*time.Minute, "--data", dir, "--seed=false")
		if err != nil {
			r.problem("serve %s: %v", s.Name, err)
			continue
		}
		startupWithData[s.Name] = srv.Startup
		pp := pairs(s.Actors, 20_000)
		do := func(ctx context.Context, i int) error {
			p := pp[i%len(pp)]
			return httpGet(ctx, srv.base+"/api/v1/paths?from="+url.QueryEscape(p[0])+"&to="+url.QueryEscape(p[1]))
		}
		var one, eight Lat
		for _, c := range []int{1, 8} {
			n := 1500
			if c == 8 {
				n = 4000
			}
			lt, errs, wall := load(ctx, c, 200, n, 60*time.Second, do)
			l := summarize(lt, errs, wall)
			paths.row(s.Name, fmt.Sprint(c), fmt.Sprint(l.N), ms(l.Median), ms(l.P99), fmt.Sprintf("%.0f", l.Throughput))
			if errs > 0 {
				r.problem("paths over HTTP %s, %d clients: %d errors", s.Name, c, errs)
			}
			if c == 1 {
				one = l
			} else {
				eight = l
			}
		}
		if big || cfg.quick {
			rt := ratio(eight.P99, one.Median)
			r.target("4", "path p99 at 8 clients ÷ median at 1 client, HTTP, embedded "+s.Name, fmt.Sprintf("%s → %s", ms(eight.P99), x(rt)),
				fmt.Sprintf("1 client: median %s, p99 %s (p99 8÷1: %s); 8 clients: median %s; %.0f vs %.0f req/s",
					ms(one.Median), ms(one.P99), x(ratio(eight.P99, one.P99)), ms(eight.Median), eight.Throughput, one.Throughput),
				"≤ 4×", rt <= 4)
		}
		srv.stop()

		// POST /api/v1/import into a fresh server.
		pdir := filepath.Join(cfg.work, "data", fmt.Sprintf("post-%d", s.Rels))
		os.RemoveAll(pdir)
		srv, err = startServer(cfg.bin, cfg.work, fmt.Sprintf("post-%d", s.Rels), "", time.Minute, "--data", pdir, "--seed=false", "--import-timeout", "30m")
		if err != nil {
			r.problem("serve for POST %s: %v", s.Name, err)
			continue
		}
		logf("embedded %s: POST /api/v1/import ×%d", s.Name, len(s.chunks))
		total, slowest, err := postChunks(ctx, srv.base, s.chunks)
		srv.stop()
		if err != nil {
			r.problem("POST import %s: %v", s.Name, err)
			continue
		}
		imp.row(s.Name, "embedded", fmt.Sprintf("POST /api/v1/import ×%d", len(s.chunks)), ms(total), "CLI "+ms(cli.Wall), "slowest request "+ms(slowest))
		if big {
			r.target("5", fmt.Sprintf("POST /api/v1/import 10^6 relationships (%d requests), embedded", len(s.chunks)), ms(total), "CLI "+ms(cli.Wall), "≤ 10 s", total <= 10*time.Second)
		}
		os.RemoveAll(pdir)
	}
	if cfg.quick {
		r.missing("5", "import of 10^6 relationships (embedded)", "≤ 10 s", "BENCH_QUICK: 10^5 only, see section 5")
	}
}

// startupWithData holds `detente serve` start-up with an imported graph.
var startupWithData = map[string]time.Duration{}

// postChunks POSTs each file to /api/v1/import in turn.
func postChunks(ctx context.Context, base string, files []string) (total, slowest time.Duration, err error) {
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			return 0, 0, err
		}
		t0 := time.Now()
		req, _ := http.NewRequestWithContext(ctx, "POST", base+"/api/v1/import", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := (&http.Client{Timeout: 15 * time.Minute}).Do(req)
		if err != nil {
			return 0, 0, err
		}
		out, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		el := time.Since(t0)
		if resp.StatusCode != 200 {
			return 0, 0, fmt.Errorf("%s: %d %s", filepath.Base(f), resp.StatusCode, tail(string(out), 500))
		}
		total += el
		slowest = max(slowest, el)
	}
	return total, slowest, nil
}

// benchStartup times `detente serve` from process start to /healthz and
// /readyz answering: on a fresh data directory (the default, seeding the
// shipped scenario), five times; its peer is `detente version`, the
// binary's bare exec-to-exit time.
func benchStartup(ctx context.Context, r *Report, cfg *config, biggest *size) {
	sec := r.section("7a. Start-up of `detente serve` (embedded)",
		"From the process' start (exec of the built binary) until GET /healthz and GET /readyz both answer 200, polled every 2 ms. "+
			"Fresh: an empty --data directory and the default --seed=true (the shipped scenario is loaded). The peer is `detente version` (exec to exit).",
		"case", "runs", "median", "min", "max")
	var fresh, version []time.Duration
	for i := 0; i < 5 && ctx.Err() == nil; i++ {
		v, err := runProc(cfg.bin, serveEnv(""), time.Minute, "version")
		if err != nil {
			r.problem("detente version: %v", err)
			return
		}
		version = append(version, v.Wall)
		dir := filepath.Join(cfg.work, "data", fmt.Sprintf("startup-%d", i))
		os.RemoveAll(dir)
		srv, err := startServer(cfg.bin, cfg.work, "startup", "", time.Minute, "--data", dir)
		if err != nil {
			r.problem("startup: %v", err)
			return
		}
		fresh = append(fresh, srv.Startup)
		srv.stop()
		os.RemoveAll(dir)
	}
	row := func(name string, d []time.Duration) {
		s := append([]time.Duration(nil), d...)
		mn, mx := s[0], s[0]
		for _, x := range s {
			mn, mx = min(mn, x), max(mx, x)
		}
		sec.row(name, fmt.Sprint(len(d)), ms(medianDur(d)), ms(mn), ms(mx))
	}
	row("`detente serve`, fresh data directory, seeded", fresh)
	row("`detente version` (peer)", version)
	for name, d := range startupWithData {
		sec.row(fmt.Sprintf("`detente serve --seed=false` on an imported %s store", name), "1", ms(d), "", "")
	}
	r.target("7", "`detente serve` start-up to /healthz+/readyz, embedded, fresh", ms(medianDur(fresh)),
		"`detente version` "+ms(medianDur(version)), "< 2 s", medianDur(fresh) < 2*time.Second)
	if d, ok := startupWithData[biggest.Name]; ok {
		sec.note("With the %s graph already in its bbolt file, start-up (loading it into memory) took %s.", biggest.Name, ms(d))
	}
}
