package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	neo4jconfig "github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/detente/detente/graph/graphgen"
	"github.com/detente/detente/internal/bench/cypher"
)

// restartNeo4j stops and starts the benchmark's Neo4j: a fresh, empty
// database (scripts/neo4j.sh keeps it in a temporary directory).
func restartNeo4j(cfg *config) error {
	port := fmt.Sprint(cfg.neo4jPort)
	for _, verb := range []string{"stop", "start"} {
		cmd := exec.Command(cfg.neo4jScript, verb, port)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s %s %s: %v", cfg.neo4jScript, verb, port, err)
		}
	}
	return nil
}

// neo4jSide runs statements through the driver as the store does: a
// session per request, a managed read transaction with the store's
// default timeout (10 s), all records collected.
type neo4jSide struct {
	drv neo4j.DriverWithContext
}

func openDriver(uri string) (*neo4jSide, error) {
	drv, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth(), func(c *neo4jconfig.Config) {
		c.MaxTransactionRetryTime = 10 * time.Second
		c.ConnectionAcquisitionTimeout = 10 * time.Second
	})
	if err != nil {
		return nil, err
	}
	return &neo4jSide{drv: drv}, nil
}

type stmt struct {
	cypher string
	params map[string]any
}

func (n *neo4jSide) read(ctx context.Context, stmts ...stmt) error {
	sess := n.drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: "neo4j", AccessMode: neo4j.AccessModeRead})
	defer sess.Close(context.WithoutCancel(ctx))
	_, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) (int, error) {
		rows := 0
		for _, s := range stmts {
			res, err := tx.Run(ctx, s.cypher, s.params)
			if err != nil {
				return 0, err
			}
			recs, err := res.Collect(ctx)
			if err != nil {
				return 0, err
			}
			rows += len(recs)
		}
		return rows, nil
	}, neo4j.WithTxTimeout(10*time.Second))
	return err
}

// neo4jCPU is the Neo4j process' CPU time so far (user + system), read
// from /proc through scripts/neo4j.sh's pid file; 0 if unknown.
func neo4jCPU(cfg *config) time.Duration {
	state := os.Getenv("NEO4J_STATE_DIR")
	if state == "" {
		return 0
	}
	pid, err := os.ReadFile(fmt.Sprintf("%s/neo4j-%d.pid", state, cfg.neo4jPort))
	if err != nil {
		return 0
	}
	stat, err := os.ReadFile("/proc/" + strings.TrimSpace(string(pid)) + "/stat")
	if err != nil {
		return 0
	}
	// Fields after the command's closing parenthesis; utime and stime are
	// the 14th and 15th fields of the line, in clock ticks (100 a second).
	rest := string(stat)
	if i := strings.LastIndexByte(rest, ')'); i >= 0 {
		rest = rest[i+1:]
	}
	f := strings.Fields(rest)
	if len(f) < 13 {
		return 0
	}
	var ut, st int64
	fmt.Sscan(f[11], &ut)
	fmt.Sscan(f[12], &st)
	return time.Duration(ut+st) * 10 * time.Millisecond
}

// phaseWatch samples what Neo4j is running (SHOW TRANSACTIONS) every
// 250 ms while an import runs, to attribute its wall time: the import's
// statements by kind, a transaction with no statement running (the
// client between statements, or committing), or no transaction at all
// (detente reading, decoding and validating the file, opening the store).
type phaseWatch struct {
	mu     sync.Mutex
	counts map[string]int
	n      int
	stop   chan struct{}
	done   chan struct{}
}

func watchPhases(uri string) *phaseWatch {
	w := &phaseWatch{counts: map[string]int{}, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		drv, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
		if err != nil {
			return
		}
		defer drv.Close(context.Background())
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-w.stop:
				return
			case <-tick.C:
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			res, err := neo4j.ExecuteQuery(ctx, drv,
				"SHOW TRANSACTIONS YIELD currentQuery, status WHERE NOT currentQuery STARTS WITH 'SHOW' RETURN currentQuery, status",
				nil, neo4j.EagerResultTransformer)
			cancel()
			if err != nil {
				continue
			}
			phase := "no transaction (detente: read, decode, validate, connect)"
			for _, rec := range res.Records {
				q, _ := rec.Get("currentQuery")
				qs, _ := q.(string)
				switch {
				case strings.Contains(qs, "CREATE (a:Actor"):
					phase = "creating actors"
				case strings.Contains(qs, "MATCH (s:Actor {id: row.source})"):
					phase = "creating relationships"
				case strings.Contains(qs, "count(r)"), strings.Contains(qs, "UNWIND $ids"), strings.Contains(qs, "RelationshipType"), strings.Contains(qs, "Meta"):
					phase = "planning (existing actors, counts, registry)"
				case strings.TrimSpace(qs) == "":
					st, _ := rec.Get("status")
					phase = fmt.Sprintf("transaction open, no statement (%v: client or commit)", st)
				default:
					phase = "other statements"
				}
			}
			w.mu.Lock()
			w.counts[phase]++
			w.n++
			w.mu.Unlock()
		}
	}()
	return w
}

// finish stops sampling and returns each phase's share of wall.
func (w *phaseWatch) finish(wall time.Duration) []string {
	close(w.stop)
	<-w.done
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []string
	for phase, c := range w.counts {
		out = append(out, fmt.Sprintf("%s ≈ %s", phase, ms(time.Duration(float64(wall)*float64(c)/float64(max(w.n, 1))))))
	}
	slices.Sort(out)
	return out
}

func benchNeo4j(ctx context.Context, r *Report, cfg *config, s4, biggest *size) {
	if cfg.neo4jPort == 0 {
		r.missing("1", "API overhead on Neo4j", "median ≤ 1.15×, p99 ≤ 1.3× at 8 clients", "no Neo4j (-neo4j-port 0)")
		r.missing("5", "import into Neo4j", "≤ 60 s", "no Neo4j")
		return
	}
	uri := cfg.neo4jURI()
	r.Machine.Neo4j = "5.26 community (tools/neo4j launcher, scripts/neo4j.sh; heap " + envOr("NEO4J_HEAP", "2g") + ")"
	imp := r.section("5b. Bulk import into Neo4j",
		"As in section 5, with NEO4J_URI set, each on a fresh database. The first command on a fresh database creates the schema "+
			"(a uniqueness constraint per relationship type and three more); it is timed apart, as `detente import` of an empty batch, "+
			"so the import rows are the data alone. CPU: the detente process' and the Neo4j server's during the import.",
		"graph", "way", "wall", "CPU detente / Neo4j", "notes")
	empty := filepath.Join(cfg.work, "graphs", "empty.json")
	os.WriteFile(empty, []byte(`{"actors":[],"relationships":[]}`), 0o644)
	env := serveEnv(uri)
	fresh := func() bool {
		if err := restartNeo4j(cfg); err != nil {
			r.problem("neo4j: %v", err)
			return false
		}
		run, err := runProc(cfg.bin, env, 5*time.Minute, "import", empty)
		if err != nil {
			r.problem("neo4j schema set-up: %v", err)
			return false
		}
		imp.row("(empty)", "schema set-up on a fresh database (`detente import` of an empty batch)", ms(run.Wall), ms(run.CPU)+" / –", "")
		return true
	}
	cliImport := func(s *size, limit time.Duration, watch bool) (procRun, error) {
		logf("neo4j: detente import %s", s.Name)
		var w *phaseWatch
		if watch {
			w = watchPhases(uri)
		}
		c0 := neo4jCPU(cfg)
		run, err := runProc(cfg.bin, env, limit, "import", s.batchFile)
		ncpu := neo4jCPU(cfg) - c0
		cell := ms(run.Wall)
		switch {
		case run.TimedOut:
			cell = "> " + ms(limit) + " (stopped)"
		case err != nil:
			cell = "failed after " + ms(run.Wall)
			if strings.Contains(err.Error(), "MemoryPoolOutOfMemoryError") || strings.Contains(err.Error(), "dbms.memory.transaction.total.max") {
				cell += ": the one transaction passed Neo4j's dbms.memory.transaction.total.max"
			}
		}
		note := fmt.Sprintf("peak RSS of detente %.0f MiB", float64(run.MaxRSS)/(1<<20))
		if w != nil {
			phases := w.finish(run.Wall)
			note += "; Neo4j sampled every 250 ms: " + strings.Join(phases, "; ")
		}
		imp.row(s.Name, "`detente import FILE`", cell, ms(run.CPU)+" / "+ms(ncpu), note)
		return run, err
	}

	// The 10^4/10^5 graph through the CLI: the data of the API-overhead
	// measurement.
	if !fresh() {
		return
	}
	run4, err := cliImport(s4, 10*time.Minute, true)
	if err != nil {
		r.problem("neo4j import %s: %v", s4.Name, err)
		return
	}
	overhead(ctx, r, cfg, uri, s4)
	if ctx.Err() != nil {
		return
	}
	if os.Getenv("BENCH_NEO4J_OVERHEAD_ONLY") == "1" {
		// For work on the API's overhead: the imports below take minutes
		// and measure something else. A full run never sets it.
		r.problem("BENCH_NEO4J_OVERHEAD_ONLY=1: the Neo4j imports after the API-overhead measurement were skipped")
		return
	}

	// The biggest graph through the CLI: only when the 10^5 import says it
	// can end within the limit (BENCH_NEO4J_BIG_IMPORT=1 tries anyway, for
	// up to 20 minutes).
	limit := 5 * time.Minute
	force := os.Getenv("BENCH_NEO4J_BIG_IMPORT") == "1"
	if force {
		limit = 20 * time.Minute
	}
	scale := float64(biggest.Rels) / float64(s4.Rels)
	projected := time.Duration(float64(run4.Wall) * scale)
	var bigOK bool
	var bigWall time.Duration
	switch {
	case biggest == s4:
		r.missing("5", "`detente import` 10^6 relationships, Neo4j", "≤ 60 s", fmt.Sprintf("BENCH_QUICK: 10^5 took %s, see 5b", ms(run4.Wall)))
	case projected > limit && !force:
		imp.row(biggest.Name, "`detente import FILE`", "not run", "", fmt.Sprintf("the 10^5 import took %s: 10^6 would take about %s at that rate, past the run's %s budget (BENCH_NEO4J_BIG_IMPORT=1 runs it)", ms(run4.Wall), ms(projected), ms(limit)))
		r.target("5", "`detente import` 10^6 relationships, Neo4j", "≈ "+ms(projected)+" (projected ×10 from 10^5)",
			"10^5: "+ms(run4.Wall), "≤ 60 s", false)
	default:
		if !fresh() {
			return
		}
		run, err := cliImport(biggest, limit, false)
		if err != nil {
			r.problem("neo4j import %s: %v", biggest.Name, err)
		}
		bigOK, bigWall = err == nil, run.Wall
		cell := ms(run.Wall)
		switch {
		case run.TimedOut:
			cell = "> " + ms(limit) + " (stopped)"
		case err != nil && (strings.Contains(err.Error(), "MemoryPoolOutOfMemoryError") || strings.Contains(err.Error(), "dbms.memory.transaction.total.max")):
			cell = "failed after " + ms(run.Wall) + ": Neo4j transaction memory limit (heap " + envOr("NEO4J_HEAP", "2g") + ")"
		case err != nil:
			cell = "failed after " + ms(run.Wall)
		}
		r.target("5", "`detente import` 10^6 relationships, Neo4j", cell, "10^5: "+ms(run4.Wall), "≤ 60 s", bigOK && run.Wall <= time.Minute)
	}
	if ctx.Err() != nil {
		return
	}

	// POST /api/v1/import: 10^5 relationships in one request, with the
	// server's default --import-timeout (10m), which bounds an import
	// instead of --query-timeout.
	if !fresh() {
		return
	}
	post := func(name string, s *size, timeout string, limit time.Duration) (time.Duration, error) {
		args := []string{"--seed=false"}
		if timeout != "" {
			args = append(args, "--import-timeout", timeout)
		}
		srv, err := startServer(cfg.bin, cfg.work, name, uri, 2*time.Minute, args...)
		if err != nil {
			return 0, err
		}
		defer srv.stop()
		logf("neo4j: POST /api/v1/import ×%d (%s, import timeout %q)", len(s.chunks), s.Name, timeout)
		pctx, cancel := context.WithTimeout(ctx, limit)
		defer cancel()
		c0 := neo4jCPU(cfg)
		t0 := time.Now()
		total, slowest, err := postChunks(pctx, srv.base, s.chunks)
		cell := ms(total)
		if err != nil {
			cell = fmt.Sprintf("failed after %s", ms(time.Since(t0)))
		}
		note := "slowest request " + ms(slowest)
		if err != nil {
			note = tail(err.Error(), 160)
		}
		to := timeout
		if to == "" {
			to = "default 10m"
		}
		imp.row(s.Name, fmt.Sprintf("POST /api/v1/import ×%d, --import-timeout %s", len(s.chunks), to), cell, "– / "+ms(neo4jCPU(cfg)-c0), note)
		return total, err
	}
	if _, err := post("neo4j-post", s4, "", 15*time.Minute); err != nil {
		r.problem("neo4j POST import %s: %v", s4.Name, err)
	}
	if biggest != s4 {
		if bigOK && bigWall <= 2*time.Minute {
			if fresh() {
				total, err := post("neo4j-post-big", biggest, "", limit)
				cell := ms(total)
				if err != nil {
					cell = "failed or > " + ms(limit)
				}
				r.target("5", fmt.Sprintf("POST /api/v1/import 10^6 relationships (%d requests), Neo4j", len(biggest.chunks)), cell, "CLI "+ms(bigWall), "≤ 60 s", err == nil && total <= time.Minute)
			}
		} else {
			r.target("5", fmt.Sprintf("POST /api/v1/import 10^6 relationships (%d requests), Neo4j", len(biggest.chunks)), "not run",
				"each request is the same Store.Import as the CLI's, which missed already (see 5b)", "≤ 60 s", false)
		}
	}
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

// overheadRounds is how many rounds the sides of the API-overhead
// measurement alternate in: short rounds, because the machine is shared
// and its other load comes in bursts of seconds, which two long rounds
// per side left to chance (the same code measured 0.97× and 1.20× in two
// runs an hour apart).
const overheadRounds = 8

// overhead compares GET /api/v1/paths and GET /api/v1/actors/{id} through
// `detente serve` on Neo4j with the same Cypher through the driver.
func overhead(ctx context.Context, r *Report, cfg *config, uri string, s *size) {
	sec := r.section("1. API overhead on Neo4j: detente's HTTP API against the same Cypher through neo4j-go-driver",
		fmt.Sprintf("Graph %s in Neo4j. *direct*: the driver in the benchmark process runs the statement the store runs "+
			"(internal/bench/cypher, kept equal to graph/neo4jstore's by a test there) in a managed read transaction, a session per request, as the store does. "+
			"*API*: `detente serve` (built binary, NEO4J_URI, no rate limit, logging to a file) on loopback. "+
			"*bare net/http + driver*: a plain net/http server in a process of its own (cmd/detente-bench/bareneo4j.go) making *direct*'s driver call and writing the records as JSON: "+
			"the HTTP hop and second process any HTTP front adds, so API ÷ bare is detente's own share. "+
			"The same random pairs / actors in the same order on every side; sides alternate in %d short rounds (A B C, C B A, …; warm-up before the first) so that the machine's other load falls on every side alike, and their samples are pooled.", s.Name, overheadRounds),
		"request", "clients", "side", "requests", "median", "p99", "requests/s", "median ÷ direct", "p99 ÷ direct")
	side, err := openDriver(uri)
	if err != nil {
		r.problem("driver: %v", err)
		return
	}
	defer side.drv.Close(context.Background())
	srv, err := startServer(cfg.bin, cfg.work, "neo4j", uri, 2*time.Minute, "--seed=false")
	if err != nil {
		r.problem("serve on neo4j: %v", err)
		return
	}
	defer srv.stop()
	bare, err := startBareNeo4j(uri)
	if err != nil {
		r.problem("bare net/http peer: %v", err)
		return
	}
	defer bare.stop()

	pp := pairs(s.Actors, 20_000)
	type sideFn struct {
		name string
		do   func(ctx context.Context, i int) error
	}
	pathSides := []sideFn{
		{"direct", func(ctx context.Context, i int) error {
			p := pp[i%len(pp)]
			return side.read(ctx, stmt{cypher.ShortestPath, cypher.ShortestPathParams(p[0], p[1])})
		}},
		{"API", func(ctx context.Context, i int) error {
			p := pp[i%len(pp)]
			return httpGet(ctx, srv.base+"/api/v1/paths?from="+url.QueryEscape(p[0])+"&to="+url.QueryEscape(p[1]))
		}},
		{"bare net/http + driver", func(ctx context.Context, i int) error {
			p := pp[i%len(pp)]
			return httpGet(ctx, bare.base+"/api/v1/paths?from="+url.QueryEscape(p[0])+"&to="+url.QueryEscape(p[1]))
		}},
	}
	actorSides := []sideFn{
		{"direct", func(ctx context.Context, i int) error {
			return side.read(ctx, stmt{cypher.GetActor, map[string]any{"id": pp[i%len(pp)][0]}})
		}},
		{"API", func(ctx context.Context, i int) error {
			return httpGet(ctx, srv.base+"/api/v1/actors/"+pp[i%len(pp)][0])
		}},
		{"bare net/http + driver", func(ctx context.Context, i int) error {
			return httpGet(ctx, bare.base+"/api/v1/actors/"+pp[i%len(pp)][0])
		}},
	}
	// Check that every side answers before timing.
	for _, sd := range append(append([]sideFn{}, pathSides...), actorSides...) {
		if err := sd.do(ctx, 0); err != nil {
			r.problem("neo4j %s: %v", sd.name, err)
			return
		}
	}
	_ = graphgen.ActorID
	type scen struct {
		name    string
		sides   []sideFn
		clients int
		n       int // per side per round
	}
	nPath1, nPath8, nActor1, nActor8 := 250, 600, 1500, 4000
	if cfg.quick {
		nPath1, nPath8, nActor1, nActor8 = 150, 400, 1000, 2500
	}
	scens := []scen{
		{"GET /api/v1/paths (shortest)", pathSides, 1, nPath1},
		{"GET /api/v1/paths (shortest)", pathSides, 8, nPath8},
		{"GET /api/v1/actors/{id}", actorSides, 1, nActor1},
		{"GET /api/v1/actors/{id}", actorSides, 8, nActor8},
	}
	for _, sc := range scens {
		if ctx.Err() != nil {
			return
		}
		lat := make([][]time.Duration, len(sc.sides))
		walls := make([]time.Duration, len(sc.sides))
		errs := make([]int, len(sc.sides))
		per := max(1, 2*sc.n/overheadRounds)
		for round := 0; round < overheadRounds; round++ {
			for k := range sc.sides {
				idx := k
				if round%2 == 1 {
					idx = len(sc.sides) - 1 - k
				}
				sd := sc.sides[idx]
				if round == 0 {
					logf("neo4j overhead: %s, %d clients, %s, %d rounds", sc.name, sc.clients, sd.name, overheadRounds)
				}
				// Each round starts at another offset of the pair list, the
				// same for every side; only the first warms up at length.
				off := round * (per + 100)
				warm := sc.clients
				if round == 0 {
					warm = 50
				}
				l, e, w := load(ctx, sc.clients, warm, per, 90*time.Second, func(ctx context.Context, i int) error { return sd.do(ctx, off+i) })
				lat[idx] = append(lat[idx], l...)
				walls[idx] += w
				errs[idx] += e
			}
		}
		direct := summarize(lat[0], errs[0], walls[0])
		for k, sd := range sc.sides {
			l := summarize(lat[k], errs[k], walls[k])
			mr, pr := ratio(l.Median, direct.Median), ratio(l.P99, direct.P99)
			sec.row(sc.name, fmt.Sprint(sc.clients), sd.name, fmt.Sprint(l.N), ms(l.Median), ms(l.P99), fmt.Sprintf("%.0f", l.Throughput), x(mr), x(pr))
			if errs[k] > 0 {
				r.problem("%s %d clients %s: %d errors", sc.name, sc.clients, sd.name, errs[k])
			}
			if sd.name == "API" {
				what := fmt.Sprintf("API vs driver, %s, %d client(s), Neo4j %s", strings.TrimPrefix(sc.name, "GET "), sc.clients, s.Name)
				if sc.clients == 8 {
					r.target("1", what+": median", ms(l.Median), "direct "+ms(direct.Median)+" → "+x(mr), "≤ 1.15×", mr <= 1.15)
					r.target("1", what+": p99", ms(l.P99), "direct "+ms(direct.P99)+" → "+x(pr), "≤ 1.3×", pr <= 1.3)
				} else {
					r.target("1", what+": median (context)", ms(l.Median), "direct "+ms(direct.Median)+" → "+x(mr), "(≤ 1.15× at 8)", mr <= 1.15)
				}
			}
		}
		if sc.clients == 8 && len(sc.sides) == 3 {
			// What the HTTP hop alone costs in this run, and detente's
			// share on top of it.
			api, bare := summarize(lat[1], errs[1], walls[1]), summarize(lat[2], errs[2], walls[2])
			br := ratio(bare.Median, direct.Median)
			r.target("1", fmt.Sprintf("bare net/http + driver vs driver, %s, 8 client(s), Neo4j %s: median (context)", strings.TrimPrefix(sc.name, "GET "), s.Name),
				ms(bare.Median), "direct "+ms(direct.Median)+" → "+x(br)+"; API ÷ bare "+x(ratio(api.Median, bare.Median)), "(the HTTP hop alone)", br <= 1.15)
		}
	}
	sec.note("For these requests the store runs one statement in one read transaction, the one *direct* runs: Store.Paths with no type filter reads the user-defined types only when a path uses one (none does here) and checks the endpoints (a second statement) only when it finds no path, and the path handler signs the relationships from the path itself (graph.Path.Signs), with no read of the registry.")
	sec.note("The *bare* rows are the floor any HTTP front of these queries stands on here: a second process on the request's way, whose every wake-up waits for one of 2 shared cores (see the load average). On a query of about a millisecond (actors/{id}) that hop alone can cost more than 15%%, whatever the framework; API ÷ bare (in the targets) is what detente adds on top of it.")
}
