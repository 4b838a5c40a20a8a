package api

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	swaggerFiles "github.com/swaggo/files"
	ginSwagger "github.com/swaggo/gin-swagger"
	"golang.org/x/sync/singleflight"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/analysis"
	"github.com/detente/detente/graph/whatif"
	"github.com/detente/detente/internal/sizedlru"
)

// Defaults of Config, documented in the OpenAPI description.
const (
	// DefaultMaxBodyBytes caps the JSON body of every write but import.
	DefaultMaxBodyBytes = 8 << 20
	// DefaultMaxImportBytes caps the body of POST /api/v1/import, which
	// may carry a whole graph.
	DefaultMaxImportBytes = 64 << 20
	// DefaultPingTimeout bounds the store check of /readyz.
	DefaultPingTimeout = 2 * time.Second
	// DefaultWriteMargin is the time a response has to be written beyond
	// its route's budget.
	DefaultWriteMargin = 30 * time.Second
)

// Config configures a Server. The zero value is usable: every field has a
// default.
type Config struct {
	// Logger receives one line per request and every internal error, each
	// with its request_id, every value capped (see LogValueCap). Default:
	// slog.Default().
	Logger *slog.Logger
	// MaxBodyBytes caps JSON request bodies (413 beyond). Default 8 MiB.
	MaxBodyBytes int64
	// MaxImportBytes caps the body of POST /api/v1/import and of POST
	// /api/v1/events. Default 64 MiB.
	MaxImportBytes int64
	// ImportBudget caps the bytes of import bodies processed at once
	// (each counted at its Content-Length, or MaxImportBytes when it has
	// none); an import that does not fit is refused with 503 and
	// Retry-After. Default: 2 × MaxImportBytes; never below it.
	ImportBudget int64
	// CacheBudget caps the bytes of analysis answers kept for repeated
	// requests: half for the analysis Service's results
	// (analysis.WithResultBudget), a quarter for the what-if views'
	// (whatif.Capacity of them), a quarter for encoded answer bodies.
	// Default 256 MiB.
	CacheBudget int64
	// PingTimeout bounds the store check of /readyz. Default 2s.
	PingTimeout time.Duration
	// QueryTimeout bounds each /api/v1 request's store work through its
	// context; a request out of time is answered 503. Zero: no bound.
	QueryTimeout time.Duration
	// ImportTimeout bounds POST /api/v1/import (and /events) instead of QueryTimeout:
	// an import of 10^6 relationships takes far longer than a query.
	// Zero: no bound.
	ImportTimeout time.Duration
	// WriteMargin is how long past its budget (QueryTimeout, or
	// ImportTimeout for an import) a request may take to be answered:
	// each response's write deadline is its start + budget + WriteMargin,
	// so a client that never reads holds a large answer that long, not
	// for the longest budget of any route. No budget: no deadline of the
	// server's own (the http.Server's WriteTimeout still applies).
	// Default 30s.
	WriteMargin time.Duration
	// ChunkWriteTimeout is how long each chunk (64 KiB) of a streamed
	// answer — an export, a graph — may take to reach the connection
	// (see stream): a client that stops reading is dropped after it, not
	// after the whole write deadline. Default 10s.
	ChunkWriteTimeout time.Duration
	// APIKeys holds comma-separated scope:key pairs (scope read, write or
	// admin; key given as is or as sha256:HEX), read by ParseAPIKeys.
	// Empty: the API is open; blanks or commas alone are an error.
	APIKeys string
	// Middleware runs on every /api/v1 request after the request id,
	// logging, panic recovery, the rate limit and authentication: the
	// place for further checks, which answer errors with WriteProblem.
	Middleware []gin.HandlerFunc

	// Operations (issue 8): rate limits and metrics.

	// RateLimit is the sustained requests a second each client may make
	// under /api/v1 and of the documentation (/openapi.json, /swagger/),
	// from one bucket per client (its API key, else its IP); beyond it,
	// 429 with Retry-After. Zero: no limit.
	RateLimit float64
	// RateBurst is how many requests a client may make at once, above
	// the sustained rate. Default (when RateLimit is set): 2 × RateLimit.
	RateBurst int
	// Observe runs on every request (every route, 404s too) right after
	// the request id, logging and panic recovery: the place for request
	// metrics. Routes' labels come from c.FullPath().
	Observe []gin.HandlerFunc
	// Metrics, when set, is served at GET /metrics (not under /api/v1 and
	// not in the OpenAPI description): open on an open server, which
	// listens on loopback only; with keys, it needs an admin key.
	Metrics http.Handler

	// AsOf is the analysis date: the day analyses (paths, influence,
	// mediators, blocs, balance) are answered for when a request gives no
	// as_of. Nil: the current day (UTC) at each request.
	AsOf *graph.Date
}

func (c Config) withDefaults() Config {
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.MaxImportBytes <= 0 {
		c.MaxImportBytes = DefaultMaxImportBytes
	}
	if c.CacheBudget <= 0 {
		c.CacheBudget = analysis.DefaultResultBudget
	}
	if c.ImportBudget <= 0 {
		c.ImportBudget = 2 * c.MaxImportBytes
	}
	if c.PingTimeout <= 0 {
		c.PingTimeout = DefaultPingTimeout
	}
	if c.WriteMargin <= 0 {
		c.WriteMargin = DefaultWriteMargin
	}
	if c.ChunkWriteTimeout <= 0 {
		c.ChunkWriteTimeout = DefaultChunkWriteTimeout
	}
	if c.RateLimit > 0 && c.RateBurst <= 0 {
		c.RateBurst = max(int(2*c.RateLimit), 1)
	}
	return c
}

// Server is the HTTP API over a graph.Store.
type Server struct {
	cfg      Config
	store    *graph.Store
	logger   *slog.Logger
	keys     Keys
	engine   *gin.Engine
	v1       *gin.RouterGroup // /api/v1, behind authentication: routes added later go here
	openapi  []byte           // OpenAPI 3 description, converted once at start-up
	limiter  *rateLimiter     // nil: no rate limit
	analysis *analysis.Service
	views    *whatif.Views                   // the graphs on scenarios (scenario=)
	bodies   *sizedlru.Cache[string, []byte] // encoded influence answers (writeAnalysis) and laid-out graphs (writeGraph)
	layouts  singleflight.Group              // laid-out graphs being computed (writeGraph)
	exports  sharedExports                   // the graph's export, shared by the requests streaming it (sharedExport)
}

// APIPrefix is where the resources live.
const APIPrefix = "/api/v1"

// NewServer builds the routes over store. It fails on malformed API keys
// and if the OpenAPI description cannot be converted (a build defect).
func NewServer(cfg Config, store *graph.Store) (*Server, error) {
	cfg = cfg.withDefaults()
	gin.SetMode(gin.ReleaseMode)
	s := &Server{cfg: cfg, store: store, logger: slog.New(capHandler{cfg.Logger.Handler()}), analysis: analysis.NewService(store, analysis.WithResultBudget(cfg.CacheBudget/2)),
		bodies: newBodyCache(cfg.CacheBudget / 4)}
	s.views = whatif.New(store, s.analysis, whatif.Capacity, analysis.WithResultBudget(cfg.CacheBudget/4/whatif.Capacity))
	var err error
	if s.keys, err = ParseAPIKeys(cfg.APIKeys); err != nil {
		return nil, err
	}
	sp, err := servedSpec()
	if err != nil {
		return nil, err
	}
	s.openapi = sp.text

	r := gin.New()
	r.HandleMethodNotAllowed = true
	// A strict API: /actors/ is not /actors, and no path is "fixed" by
	// redirect; clients get a 404 that names the problem instead.
	r.RedirectTrailingSlash = false
	r.RedirectFixedPath = false
	r.ContextWithFallback = true
	// No proxy is trusted: ClientIP is the peer address unless the
	// operator says otherwise. The error is impossible for a nil list.
	_ = r.SetTrustedProxies(nil)
	r.Use(append([]gin.HandlerFunc{nosniff(), s.writeDeadline(), requestID(), s.accessLog(), s.recovery()}, cfg.Observe...)...)
	r.NoRoute(func(c *gin.Context) {
		WriteProblem(c, http.StatusNotFound, ProblemRouteNotFound, "no route "+c.Request.Method+" "+c.Request.URL.Path)
	})
	r.NoMethod(func(c *gin.Context) {
		WriteProblem(c, http.StatusMethodNotAllowed, ProblemMethodNotAllowed,
			c.Request.Method+" is not allowed on "+c.Request.URL.Path+"; allowed: "+c.Writer.Header().Get("Allow"))
	})

	s.limiter = newRateLimiter(cfg.RateLimit, cfg.RateBurst)
	// Probes are not limited; the documentation is, from the same
	// buckets as the API: it is the biggest answer an anonymous client
	// can ask for (issue 15).
	r.GET("/healthz", s.healthz)
	r.GET("/readyz", s.readyz)
	// Swagger UI opens the OpenAPI 3 description (/openapi.json, the
	// contract), not swag's Swagger 2.0 one (still at /swagger/doc.json);
	// /swagger and /swagger/ lead to it.
	ui := ginSwagger.WrapHandler(swaggerFiles.Handler, ginSwagger.URL("/openapi.json"))
	r.GET("/swagger/*any", s.rateLimit(), func(c *gin.Context) {
		if p := c.Param("any"); p == "" || p == "/" {
			c.Redirect(http.StatusMovedPermanently, "/swagger/index.html")
			return
		}
		ui(c)
	})
	r.GET("/swagger", s.rateLimit(), func(c *gin.Context) { c.Redirect(http.StatusMovedPermanently, "/swagger/index.html") })
	r.GET("/openapi.json", s.rateLimit(), s.openAPI)
	if cfg.Metrics != nil {
		r.GET("/metrics", s.require(ScopeAdmin), metrics(cfg.Metrics))
	}

	v1 := r.Group(APIPrefix, append([]gin.HandlerFunc{s.rateLimit(), s.authenticate(), s.deadline(), s.analysisDate()}, cfg.Middleware...)...)
	s.v1 = v1
	// Reads that take scenario= (onScenario) answer on a what-if's graph:
	// sc for those that read through a store, sa for those that read the
	// whole graph (exports, analyses).
	sc, sa := s.onScenario(true), s.onScenario(false)
	v1.GET("/actors", sc, s.handle(s.listActors))
	v1.POST("/actors", s.handle(s.createActor))
	v1.GET("/actors/:id", sc, s.handle(s.getActor))
	v1.PATCH("/actors/:id", s.handle(s.updateActor))
	v1.DELETE("/actors/:id", s.handle(s.deleteActor))
	v1.GET("/relationships", sc, s.handle(s.listRelationships))
	v1.POST("/relationships", s.handle(s.createRelationship))
	v1.GET("/relationships/:id", sc, s.handle(s.getRelationship))
	v1.PATCH("/relationships/:id", s.handle(s.updateRelationship))
	v1.DELETE("/relationships/:id", s.handle(s.deleteRelationship))
	v1.GET("/relationship-types", s.handle(s.listTypes))
	v1.POST("/relationship-types", s.require(ScopeAdmin), s.handle(s.createType))
	v1.GET("/relationship-types/:name", s.handle(s.getType))
	v1.GET("/event-mapping", s.handle(s.getEventMapping))
	v1.PUT("/event-mapping", s.require(ScopeAdmin), s.handle(s.putEventMapping))
	v1.DELETE("/event-mapping", s.require(ScopeAdmin), s.handle(s.deleteEventMapping))
	// Batch imports and event files share one admission budget.
	imports := newAdmission(s.cfg.ImportBudget, s.cfg.MaxImportBytes).admit()
	v1.POST("/import", imports, s.handle(s.importBatch))
	v1.GET("/export", sa, s.handle(s.exportBatch))
	v1.GET("/paths", sc, s.handle(s.findPaths))
	v1.GET("/graph", sa, s.handle(s.getGraph))
	v1.GET("/influence", sa, s.handle(s.influence))
	v1.GET("/actors/:id/influence", sa, s.handle(s.actorInfluence))
	v1.GET("/mediators", sa, s.handle(s.mediators))
	v1.GET("/blocs", sa, s.handle(s.blocs))
	v1.GET("/balance", sa, s.handle(s.balance))
	v1.GET("/keyplayers", sa, s.handle(s.keyPlayers))
	v1.GET("/timeline", sa, s.handle(s.timeline))
	v1.GET("/diff", sa, s.handle(s.diff))
	v1.GET("/actors/:id/neighborhood", sc, s.handle(s.getNeighborhood))
	v1.GET("/scenarios", s.handle(s.listScenarios))
	v1.POST("/scenarios", s.handle(s.createScenario))
	v1.GET("/scenarios/:id", s.handle(s.getScenario))
	v1.PATCH("/scenarios/:id", s.handle(s.updateScenario))
	v1.DELETE("/scenarios/:id", s.handle(s.deleteScenario))
	v1.GET("/scenarios/:id/compare", s.handle(s.compareScenario))
	v1.GET("/events", s.handle(s.listEvents))
	v1.POST("/events", imports, s.handle(s.ingestEvents))
	v1.GET("/relationships/:id/events", s.handle(s.relationshipEvents))

	s.engine = r
	return s, nil
}

// budget is the time a request of method and route (a Gin route
// pattern, "" when none matched) may take: ImportTimeout for an import
// (a batch, or an event file), QueryTimeout for anything else; zero is no
// bound.
func (s *Server) budget(method, route string) time.Duration {
	if isImport(method, route) {
		return s.cfg.ImportTimeout
	}
	return s.cfg.QueryTimeout
}

// isImport reports whether a request of method and route is an import.
func isImport(method, route string) bool {
	return method == http.MethodPost && (route == APIPrefix+"/import" || route == APIPrefix+"/events")
}

// writeTimeout is how long after its start a request of route may take
// to be written: its budget and WriteMargin; zero is no deadline.
func (s *Server) writeTimeout(method, route string) time.Duration {
	b := s.budget(method, route)
	if b <= 0 {
		return 0
	}
	return b + s.cfg.WriteMargin
}

// writeDeadline sets each response's write deadline from its route
// (writeTimeout), on every route: the http.Server's WriteTimeout, one
// value for all, had to fit an import, so a client that never read a
// large GEXF answer held it for 10 m 30 s (issue 15). A ResponseWriter
// without deadlines (a test's recorder) is left as it is.
//
// An import's body (up to 64 MiB) also gets its budget to arrive: the
// http.Server's ReadTimeout (30 s), one value for every request, would
// cut a large upload over a slow link; every other route keeps it.
func (s *Server) writeDeadline() gin.HandlerFunc {
	return func(c *gin.Context) {
		method, route := c.Request.Method, c.FullPath()
		rc := http.NewResponseController(c.Writer)
		if d := s.writeTimeout(method, route); d > 0 {
			dl := time.Now().Add(d)
			_ = rc.SetWriteDeadline(dl)
			c.Set(writeDeadlineKey, dl) // a streamed answer renews deadlines up to it, never past it
		}
		if d := s.readTimeout(method, route); d > 0 {
			_ = rc.SetReadDeadline(time.Now().Add(d))
		}
		c.Next()
	}
}

// readTimeout is how long an import's body (a batch, or an event file)
// may take to arrive (its budget); zero for every other request, which
// keeps the server's ReadTimeout.
func (s *Server) readTimeout(method, route string) time.Duration {
	if isImport(method, route) {
		return s.budget(method, route)
	}
	return 0
}

// deadline bounds the request's store work by its budget: QueryTimeout,
// or ImportTimeout for an import.
func (s *Server) deadline() gin.HandlerFunc {
	return func(c *gin.Context) {
		limit := s.budget(c.Request.Method, c.FullPath())
		if limit <= 0 {
			c.Next()
			return
		}
		ctx, cancel := context.WithTimeout(c.Request.Context(), limit)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}

// analysisDate puts the server's analysis date on the request: the day an
// analysis without as_of is answered for (Config.AsOf, else today).
func (s *Server) analysisDate() gin.HandlerFunc {
	return func(c *gin.Context) {
		d := today()
		if s.cfg.AsOf != nil {
			d = *s.cfg.AsOf
		}
		c.Set(analysisDateKey, d)
		c.Next()
	}
}

// Analysis returns the influence service, whose cache statistics feed
// the metrics.
func (s *Server) Analysis() *analysis.Service { return s.analysis }

// CacheBytes estimates the bytes of answers the server keeps: the
// analysis results of the graph and of the what-if views, and the encoded
// bodies (at most Config.CacheBudget).
func (s *Server) CacheBytes() int64 {
	return s.analysis.Stats().ResultBytes + s.views.ResultBytes() + s.bodies.Bytes()
}

// Handler returns the server's http.Handler.
func (s *Server) Handler() http.Handler { return s.engine }

// Engine returns the Gin engine, for callers that add routes of their own
// (the query endpoints, metrics, the explorer page).
func (s *Server) Engine() *gin.Engine { return s.engine }

// RateLimit returns the middleware that takes each request's token from
// its client's bucket (429 with Retry-After when there is none), for
// routes added through Engine that clients may call at will, such as the
// explorer page: the same buckets as /api/v1 and the documentation.
func (s *Server) RateLimit() gin.HandlerFunc { return s.rateLimit() }

// healthz godoc
//
//	@Summary		Liveness
//	@ID				healthz
//	@Description	Always 200 while the process serves HTTP; it does not touch the store (see /readyz).
//	@Tags			operations
//	@Produce		json
//	@Success		200	{object}	Status
//	@Router			/healthz [get]
func (s *Server) healthz(c *gin.Context) {
	writeJSON(c, http.StatusOK, "application/json", Status{Status: "ok"})
}

// readyz godoc
//
//	@Summary		Readiness
//	@ID				readyz
//	@Description	200 when the store answers a ping within 2 seconds, else 503 with Retry-After. Load balancers should route only to ready instances.
//	@Tags			operations
//	@Produce		json
//	@Produce		application/problem+json
//	@Success		200	{object}	Status
//	@Failure		503	{object}	Problem		"The store is unreachable"
//	@Header			503	{integer}	Retry-After	"Seconds to wait before retrying (5)"
//	@Router			/readyz [get]
func (s *Server) readyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), s.cfg.PingTimeout)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		s.log(c).Warn("store not ready", "error", err.Error())
		WriteProblem(c, http.StatusServiceUnavailable, ProblemUnavailable, "the store is unreachable")
		return
	}
	writeJSON(c, http.StatusOK, "application/json", Status{Status: "ok"})
}

// metrics godoc
//
//	@Summary		Prometheus metrics
//	@ID				metrics
//	@Description	The server's metrics in the Prometheus text exposition format: requests by method, route and status, their latency, store calls, the analysis cache (hits, misses, bytes kept), the Go runtime and the process. Open on a server without API keys; with keys, an admin key is needed. Served only when the server was started with metrics (detente serve always is).
//	@Tags			operations
//	@Produce		plain
//	@Produce		application/problem+json
//	@Success		200	{string}	string				"Prometheus text format 0.0.4"
//	@Failure		401	{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401	{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		403	{object}	Problem				"The API key lacks the admin scope"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/metrics [get]
func metrics(h http.Handler) gin.HandlerFunc { return gin.WrapH(h) }
