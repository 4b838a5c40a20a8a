// Command detente serves the stakeholder relationship graph API and runs
// its maintenance tasks: seed, import, export, ingest, check, version.
//
// Configuration comes from flags, each with an environment twin, in one
// Config struct that is printed (secrets masked) at start-up.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/memstore"
	"github.com/detente/detente/graph/neo4jstore"
	"github.com/detente/detente/graph/storemetrics"
	"github.com/detente/detente/ingest"
	"github.com/detente/detente/metrics"
	"github.com/detente/detente/seed"
	"github.com/detente/detente/web"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case errors.Is(err, errUsage):
		os.Exit(2)
	case err != nil:
		fmt.Fprintln(os.Stderr, "detente:", err)
		os.Exit(1)
	}
}

var errUsage = errors.New("usage")

const usage = `detente — a stakeholder relationship graph API.

Usage:
  detente serve   [flags]        run the HTTP API (default store: embedded, seeded when empty)
  detente seed    [--reset]      load the shipped US–Iran scenario (idempotent)
  detente import  [flags] FILE   import a JSON batch {"actors": [...], "relationships": [...]} ("-" reads stdin)
  detente export  [flags]        write the whole graph as a JSON batch to stdout
  detente ingest  --format F [flags] FILE...
                                 derive relationships from event data (gdelt, gdelt1, plover, icews, acled, aggregate)
  detente check   [--data DIR]   check the embedded store's file; exits non-zero when it is damaged
  detente version                print the version

Run "detente COMMAND --help" for a command's flags. Every flag has an
environment twin (DETENTE_ADDR, DETENTE_DATA, DETENTE_SEED, …); the store is
Neo4j when NEO4J_URI is set (with NEO4J_USERNAME, NEO4J_PASSWORD,
NEO4J_DATABASE), else the embedded store under --data.
`

// Config is everything detente reads from flags and environment.
type Config struct {
	Addr          string
	Data          string
	Seed          bool
	Neo4jURI      string
	Neo4jUser     string
	Neo4jPassword string
	Neo4jDatabase string
	APIKeys       string
	QueryTimeout  time.Duration
	ImportTimeout time.Duration // an import's (and an export's) budget, instead of QueryTimeout
	RateLimit     float64       // requests a second per API key (or client IP when open); 0: no limit
	RateBurst     int
	ImportBudget  int // MiB of import bodies processed at once; 0: the API's default
	CacheBudget   int // MiB of answers kept for repeated requests
	// ChunkWriteTimeout is how long each 64 KiB chunk of a streamed
	// answer (an export, a graph) may take to be written.
	ChunkWriteTimeout time.Duration
	// AsOf is the analysis date (YYYY-MM-DD) analyses without as_of are
	// answered for; empty: the seeded scenario's cut-off when the server
	// seeds it, else the current day.
	AsOf string
}

// String prints the config with secrets masked.
func (c Config) String() string {
	mask := func(s string) string {
		if s == "" {
			return ""
		}
		return "****"
	}
	store := "embedded (" + filepath.Join(c.Data, "detente.db") + ")"
	if c.Neo4jURI != "" {
		store = fmt.Sprintf("neo4j (%s, user %q, password %q, database %q)", c.Neo4jURI, c.Neo4jUser, mask(c.Neo4jPassword), c.Neo4jDatabase)
	}
	return fmt.Sprintf("addr=%s store=%s seed=%t api_keys=%s query_timeout=%s import_timeout=%s rate_limit=%g/s burst=%d as_of=%s",
		c.Addr, store, c.Seed, mask(c.APIKeys), c.QueryTimeout, c.ImportTimeout, c.RateLimit, c.RateBurst, c.AsOf)
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}

func envFloat(name string, def float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(name), 64); err == nil {
		return v
	}
	return def
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func envDuration(name string, def time.Duration) time.Duration {
	if v, err := time.ParseDuration(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func envBool(name string, def bool) bool {
	if v, err := strconv.ParseBool(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

// flags declares the flags every command shares and returns the config
// they fill.
func flags(fs *flag.FlagSet) *Config {
	c := &Config{
		Neo4jURI:      os.Getenv("NEO4J_URI"),
		Neo4jUser:     env("NEO4J_USERNAME", "neo4j"),
		Neo4jPassword: os.Getenv("NEO4J_PASSWORD"),
		Neo4jDatabase: os.Getenv("NEO4J_DATABASE"),
		APIKeys:       os.Getenv("DETENTE_API_KEYS"),
	}
	fs.StringVar(&c.Data, "data", env("DETENTE_DATA", "data"), "directory of the embedded store's file (env DETENTE_DATA)")
	timeout, err := time.ParseDuration(env("DETENTE_QUERY_TIMEOUT", "10s"))
	if err != nil {
		timeout = 10 * time.Second
	}
	fs.DurationVar(&c.QueryTimeout, "query-timeout", timeout, "time budget of one store query (env DETENTE_QUERY_TIMEOUT)")
	importTimeout, err := time.ParseDuration(env("DETENTE_IMPORT_TIMEOUT", "10m"))
	if err != nil {
		importTimeout = 10 * time.Minute
	}
	fs.DurationVar(&c.ImportTimeout, "import-timeout", importTimeout,
		"time budget of an import (POST /api/v1/import, detente import) and of an export, instead of --query-timeout (env DETENTE_IMPORT_TIMEOUT)")
	return c
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	cmd, args := args[0], args[1:]
	fs := flag.NewFlagSet("detente "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := flags(fs)
	cliLog := slog.New(slog.NewTextHandler(stderr, nil))
	switch cmd {
	case "serve":
		fs.StringVar(&cfg.Addr, "addr", env("DETENTE_ADDR", "127.0.0.1:8080"), "listen address (env DETENTE_ADDR)")
		fs.BoolVar(&cfg.Seed, "seed", envBool("DETENTE_SEED", true), "load the shipped scenario into an empty store at start (env DETENTE_SEED)")
		fs.Float64Var(&cfg.RateLimit, "rate-limit", envFloat("DETENTE_RATE_LIMIT", 50),
			"requests a second each API key (or client IP on an open server) may make under /api/v1, of the documentation and of the explorer page; 0 disables (env DETENTE_RATE_LIMIT)")
		fs.IntVar(&cfg.RateBurst, "rate-burst", envInt("DETENTE_RATE_BURST", 100),
			"requests a client may make at once above the rate (env DETENTE_RATE_BURST)")
		fs.IntVar(&cfg.ImportBudget, "import-budget", envInt("DETENTE_IMPORT_BUDGET", 128),
			"MiB of import bodies processed at once (at least the 64 MiB an import may be); an import beyond it gets 503 with Retry-After (env DETENTE_IMPORT_BUDGET)")
		fs.IntVar(&cfg.CacheBudget, "cache-budget", envInt("DETENTE_CACHE_BUDGET", 256),
			"MiB of analysis answers and encoded bodies kept for repeated requests, least recently used out first (env DETENTE_CACHE_BUDGET)")
		fs.DurationVar(&cfg.ChunkWriteTimeout, "chunk-write-timeout", envDuration("DETENTE_CHUNK_WRITE_TIMEOUT", api.DefaultChunkWriteTimeout),
			"time each 64 KiB chunk of a streamed answer (export, graph, neighbourhood) may take to be written; a client that stops reading is dropped after it (env DETENTE_CHUNK_WRITE_TIMEOUT)")
		fs.StringVar(&cfg.AsOf, "as-of", os.Getenv("DETENTE_AS_OF"),
			"analysis date (YYYY-MM-DD): the day analyses without as_of are answered for; default: the seeded scenario's cut-off when --seed, else today (env DETENTE_AS_OF)")
		fs.Usage = func() {
			fmt.Fprintf(stderr, "Usage: detente serve [flags]\n\nRun the HTTP API.\n\n")
			fs.PrintDefaults()
		}
		if err := fs.Parse(args); err != nil {
			return err
		}
		return serve(ctx, *cfg, stdout)
	case "seed":
		reset := fs.Bool("reset", false, "delete everything first, then load the scenario")
		fs.Usage = func() {
			fmt.Fprintf(stderr, "Usage: detente seed [--reset] [flags]\n\nLoad the shipped US–Iran scenario; running it twice changes nothing.\n\n")
			fs.PrintDefaults()
		}
		if err := fs.Parse(args); err != nil {
			return err
		}
		return withStore(ctx, *cfg, cliLog, func(s *graph.Store) error {
			if *reset {
				if err := seed.Reset(ctx, s); err != nil {
					return err
				}
			}
			res, err := seed.Load(ctx, s)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "seeded: actors %+v, relationships %+v\n", res.Actors, res.Relationships)
			if d, ok := seed.AsOf(); ok {
				fmt.Fprintf(stdout, "scenario as of %s (its cut-off)\n", d)
			}
			return nil
		})
	case "import":
		dry := fs.Bool("dry-run", false, "validate only; write nothing")
		fs.Usage = func() {
			fmt.Fprintf(stderr, "Usage: detente import [flags] FILE\n\nImport a JSON batch, all or nothing, upserting by id. FILE \"-\" reads stdin.\n\n")
			fs.PrintDefaults()
		}
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() != 1 {
			fs.Usage()
			return errUsage
		}
		if cfg.ImportTimeout > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, cfg.ImportTimeout)
			defer cancel()
		}
		return withStore(ctx, *cfg, cliLog, func(s *graph.Store) error { return importFile(ctx, s, fs.Arg(0), *dry, stdout, stderr) })
	case "ingest":
		o := ingest.Options{Rules: ingest.DefaultRules()}
		format := fs.String("format", "", "the files' format: "+strings.Join(ingest.InputFormats(), ", ")+" (required; aggregate: GDELT rows pre-aggregated, see README)")
		fs.BoolVar(&o.Strict, "strict", false, "stop at the first malformed row (default: skip and count it)")
		fs.BoolVar(&o.CreateActors, "create-actors", false, "create the actors that do not resolve, from the events' names, tagged unreviewed")
		fs.IntVar(&o.Rules.GapDays, "gap-days", o.Rules.GapDays, "days without events after which a derived tie ends")
		fs.Usage = func() {
			fmt.Fprintf(stderr, "Usage: detente ingest --format %s [flags] FILE...\n\n"+
				"Read coded event data (GDELT 2.0 or 1.0 event files, PLOVER/POLECAT JSON Lines, ICEWS, ACLED), resolve\n"+
				"the events' actors to the graph's, map their codes to relationship types (the mapping stored by PUT /api/v1/event-mapping, else\n"+
				"ingest/mapping.json), and "+
				"fold them into dated, sourced relationships (see README, \"Event data\"). FILE \"-\" reads stdin;\n"+
				"FILE.gz and a FILE.zip holding one file (as GDELT publishes them) are read compressed. Progress\n"+
				"goes to stderr, a JSON summary to stdout. Ingesting the same files again changes nothing.\n\n",
				strings.Join(ingest.InputFormats(), "|"))
			fs.PrintDefaults()
		}
		if err := fs.Parse(args); err != nil {
			return err
		}
		f, err := ingest.ParseInputFormat(*format)
		if err != nil || fs.NArg() == 0 || o.Rules.GapDays < 0 {
			if err != nil {
				fmt.Fprintf(stderr, "detente ingest: --format: %v\n\n", err)
			}
			fs.Usage()
			return errUsage
		}
		o.Format = f
		if cfg.ImportTimeout > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, cfg.ImportTimeout)
			defer cancel()
		}
		return withStore(ctx, *cfg, cliLog, func(s *graph.Store) error { return ingestFiles(ctx, s, fs.Args(), o, stdout, stderr) })
	case "export":
		fs.Usage = func() {
			fmt.Fprintf(stderr, "Usage: detente export [flags]\n\nWrite the whole graph as a JSON batch to stdout.\n\n")
			fs.PrintDefaults()
		}
		if err := fs.Parse(args); err != nil {
			return err
		}
		return withStore(ctx, *cfg, cliLog, func(s *graph.Store) error { return exportTo(ctx, s, stdout) })
	case "check":
		fs.Usage = func() {
			fmt.Fprintf(stderr, "Usage: detente check [--data DIR]\n\n"+
				"Check the embedded store's file (DIR/detente.db) without changing it: its meta pages, size and\n"+
				"pages, bbolt's consistency check, and every record. It needs the file to itself: stop the server\n"+
				"first. Exits 1 with what is wrong when the file is damaged.\n\n")
			fs.PrintDefaults()
		}
		if err := fs.Parse(args); err != nil {
			return err
		}
		return checkStore(*cfg, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "detente", versionString())
		return nil
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprintf(stderr, "detente: unknown command %q\n\n%s", cmd, usage)
		return errUsage
	}
}

func versionString() string {
	v := version
	if info, ok := debug.ReadBuildInfo(); ok {
		v += " (" + info.GoVersion + ")"
	}
	return v
}

// openDriver opens Neo4j when a URI is configured, else the embedded
// store, whose warnings (an unclean shutdown, a damaged meta page) go to
// log.
func openDriver(ctx context.Context, cfg Config, log *slog.Logger) (graph.Driver, error) {
	if cfg.Neo4jURI != "" {
		d, err := neo4jstore.Open(ctx, neo4jstore.Config{
			URI: cfg.Neo4jURI, Username: cfg.Neo4jUser, Password: cfg.Neo4jPassword,
			Database: cfg.Neo4jDatabase, QueryTimeout: cfg.QueryTimeout, BulkTimeout: cfg.ImportTimeout,
		})
		if err != nil {
			return nil, err
		}
		return d, nil
	}
	d, err := memstore.OpenWith(storePath(cfg), memstore.Options{Logger: log})
	if err != nil {
		return nil, storeError(cfg, err)
	}
	return d, nil
}

func storePath(cfg Config) string { return filepath.Join(cfg.Data, "detente.db") }

// storeError adds to a damaged or locked file's error what the operator
// can do.
func storeError(cfg Config, err error) error {
	if errors.As(err, new(*memstore.DamagedError)) {
		return fmt.Errorf("%w.\nRestore %s from a backup (a copy made while no detente had it open) or rebuild it from an export "+
			"(detente import FILE --data EMPTY_DIR), or start with --data pointing to another directory; "+
			"detente check --data %s tells what is wrong without changing anything", err, storePath(cfg), cfg.Data)
	}
	if errors.As(err, new(*memstore.LockedError)) {
		return fmt.Errorf("%w: stop it first, or ask it instead (GET /api/v1/export for an export, POST /api/v1/import for an import)", err)
	}
	return err
}

// checkStore runs memstore.Check on the embedded store's file.
func checkStore(cfg Config, stdout, stderr io.Writer) error {
	rep, err := memstore.Check(storePath(cfg), memstore.Options{})
	if err != nil {
		return storeError(cfg, err)
	}
	for _, w := range rep.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	fmt.Fprintf(stdout, "%s: no problems found\n  records:       %d actors, %d relationships, %d scenarios\n"+
		"  file:          %d bytes; %d pages of %d bytes in use; transaction #%d\n  last shutdown: %s\n",
		rep.Path, rep.Actors, rep.Relationships, rep.Scenarios, rep.Size, rep.Pages, rep.PageSize, rep.Transaction, rep.Shutdown)
	return nil
}

func withStore(ctx context.Context, cfg Config, log *slog.Logger, fn func(*graph.Store) error) error {
	d, err := openDriver(ctx, cfg, log)
	if err != nil {
		return err
	}
	s := graph.NewStore(d)
	defer s.Close()
	return fn(s)
}

// isLoopback reports whether addr listens only on a loopback address.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func serve(ctx context.Context, cfg Config, stdout io.Writer) error {
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	// The guard looks at the keys the server will use, not at the raw
	// variable: " " once passed a comparison with "" and then parsed to
	// no keys, an open API on 0.0.0.0 (issue 15).
	keys, err := api.ParseAPIKeys(cfg.APIKeys)
	if err != nil {
		return fmt.Errorf("DETENTE_API_KEYS: %w", err)
	}
	if len(keys) == 0 && !isLoopback(cfg.Addr) {
		return fmt.Errorf("refusing to listen on %s without API keys: an open server may only listen on a loopback address "+
			"(set DETENTE_API_KEYS, e.g. \"write:SECRET\", or listen on 127.0.0.1)", cfg.Addr)
	}
	asOf, err := analysisDate(cfg)
	if err != nil {
		return err
	}
	log.Info("config", "config", cfg.String())
	drv, err := openDriver(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer drv.Close()
	if cfg.Seed {
		if err := seedIfEmpty(ctx, graph.NewStore(drv)); err != nil {
			// A store that is down at start must not stop the server:
			// it reports not ready until the store answers.
			log.Warn("seeding skipped", "error", err)
		}
	}
	// Metrics: requests by route, store calls (through a timing
	// decorator, so the analysis service's reads are timed too), and the
	// analysis cache. /metrics needs an admin key when keys are set.
	m := metrics.New()
	srv, err := api.NewServer(api.Config{
		Logger: log, APIKeys: cfg.APIKeys, QueryTimeout: cfg.QueryTimeout, ImportTimeout: cfg.ImportTimeout,
		RateLimit: cfg.RateLimit, RateBurst: cfg.RateBurst, AsOf: asOf, ImportBudget: int64(cfg.ImportBudget) << 20,
		CacheBudget: int64(cfg.CacheBudget) << 20, ChunkWriteTimeout: cfg.ChunkWriteTimeout,
		Observe: []gin.HandlerFunc{m.Middleware()}, Metrics: m.Handler(),
	}, graph.NewStore(storemetrics.New(drv, m.ObserveStore)))
	if err != nil {
		return err
	}
	m.CacheSource(func() (uint64, uint64) { st := srv.Analysis().Stats(); return st.Hits, st.Misses })
	m.GraphReadSource(func() (uint64, uint64) { st := srv.Analysis().Stats(); return st.Exports, st.Patches })
	m.CacheBytesSource(srv.CacheBytes)
	// The explorer page: static files, a client of the public API.
	// It draws on its clients' rate limits, as the API does.
	page := gin.WrapH(web.Handler())
	for _, p := range []string{"/", "/static/*filepath"} {
		srv.Engine().GET(p, srv.RateLimit(), page)
		srv.Engine().HEAD(p, srv.RateLimit(), page)
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	// WriteTimeout is the ceiling only: each response's own write deadline
	// is its route's budget + api.DefaultWriteMargin (api.Config.WriteMargin),
	// so only an import may take this long to be written.
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      max(cfg.QueryTimeout, cfg.ImportTimeout) + api.DefaultWriteMargin,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	fmt.Fprint(stdout, banner(ln.Addr().String(), cfg.Seed, asOf))
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing in-flight requests")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return hs.Shutdown(shutdownCtx)
}

// banner is what serve prints once it listens: where the API, its
// documentation and the explorer are, and, when the server seeds the
// shipped scenario, the scenario's cut-off, the day to ask it as_of.
func banner(addr string, seeded bool, asOf *graph.Date) string {
	base := "http://" + addr
	s := fmt.Sprintf("detente %s listening on %s\n  API:        %s/api/v1\n  Swagger UI: %s/swagger/index.html\n  OpenAPI 3:  %s/openapi.json\n  explorer:   %s/\n",
		version, addr, base, base, base, base)
	if d, ok := seed.AsOf(); seeded && ok {
		s += fmt.Sprintf("  scenario:   US–Iran talks, as of %s (its cut-off)\n", d)
	}
	if asOf != nil {
		s += fmt.Sprintf("  analyses:   as of %s unless a request gives as_of (a day, or all)\n", asOf)
	} else {
		s += "  analyses:   as of the current day unless a request gives as_of (a day, or all)\n"
	}
	return s
}

// analysisDate is the day analyses without as_of are answered for:
// --as-of, else the seeded scenario's cut-off when the server seeds, else
// nil (the current day, at each request).
func analysisDate(cfg Config) (*graph.Date, error) {
	if cfg.AsOf != "" {
		d, err := graph.ParseDate(cfg.AsOf)
		if err != nil {
			return nil, fmt.Errorf("--as-of (DETENTE_AS_OF) %q: must be a date of the form YYYY-MM-DD", cfg.AsOf)
		}
		return &d, nil
	}
	if d, ok := seed.AsOf(); cfg.Seed && ok {
		return &d, nil
	}
	return nil, nil
}

// seedIfEmpty loads the scenario into a store with no actors.
func seedIfEmpty(ctx context.Context, s *graph.Store) error {
	page, err := s.ListActors(ctx, graph.ActorFilter{Limit: 1})
	if err != nil {
		return err
	}
	if len(page.Items) > 0 {
		return nil
	}
	_, err = seed.Load(ctx, s)
	return err
}
