package api

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	swaggerFiles "github.com/swaggo/files"
	ginSwagger "github.com/swaggo/gin-swagger"

	"github.com/detente/detente/graph"
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
)

// Config configures a Server. The zero value is usable: every field has a
// default.
type Config struct {
	// Logger receives one line per request and every internal error, each
	// with its request_id. Default: slog.Default().
	Logger *slog.Logger
	// MaxBodyBytes caps JSON request bodies (413 beyond). Default 8 MiB.
	MaxBodyBytes int64
	// MaxImportBytes caps the body of POST /api/v1/import. Default 64 MiB.
	MaxImportBytes int64
	// PingTimeout bounds the store check of /readyz. Default 2s.
	PingTimeout time.Duration
	// QueryTimeout bounds each /api/v1 request's store work through its
	// context; a request out of time is answered 503. Zero: no bound.
	QueryTimeout time.Duration
	// APIKeys holds comma-separated scope:key pairs (scope read, write or
	// admin; key given as is or as sha256:HEX). Empty: the API is open.
	APIKeys string
	// Middleware runs on every /api/v1 request after the request id,
	// logging, panic recovery and authentication: the place for rate
	// limits or metrics, which answer errors with WriteProblem.
	Middleware []gin.HandlerFunc
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
	if c.PingTimeout <= 0 {
		c.PingTimeout = DefaultPingTimeout
	}
	return c
}

// Server is the HTTP API over a graph.Store.
type Server struct {
	cfg     Config
	store   graph.Store
	logger  *slog.Logger
	keys    keyring
	engine  *gin.Engine
	v1      *gin.RouterGroup // /api/v1, behind authentication: routes added later go here
	openapi []byte           // OpenAPI 3 description, converted once at start-up
}

// APIPrefix is where the resources live.
const APIPrefix = "/api/v1"

// NewServer builds the routes over store. It fails on malformed API keys
// and if the OpenAPI description cannot be converted (a build defect).
func NewServer(cfg Config, store graph.Store) (*Server, error) {
	cfg = cfg.withDefaults()
	gin.SetMode(gin.ReleaseMode)
	s := &Server{cfg: cfg, store: store, logger: cfg.Logger}
	var err error
	if s.keys, err = parseAPIKeys(cfg.APIKeys); err != nil {
		return nil, err
	}
	if s.openapi, err = OpenAPI3JSON(); err != nil {
		return nil, err
	}

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
	r.Use(requestID(), s.accessLog(), s.recovery())
	r.NoRoute(func(c *gin.Context) {
		WriteProblem(c, http.StatusNotFound, ProblemRouteNotFound, "no route "+c.Request.Method+" "+c.Request.URL.Path)
	})
	r.NoMethod(func(c *gin.Context) {
		WriteProblem(c, http.StatusMethodNotAllowed, ProblemMethodNotAllowed,
			c.Request.Method+" is not allowed on "+c.Request.URL.Path+"; allowed: "+c.Writer.Header().Get("Allow"))
	})

	r.GET("/healthz", s.healthz)
	r.GET("/readyz", s.readyz)
	r.GET("/swagger/*any", ginSwagger.WrapHandler(swaggerFiles.Handler))
	r.GET("/openapi.json", s.openAPI)

	v1 := r.Group(APIPrefix, append([]gin.HandlerFunc{s.authenticate(), s.deadline()}, cfg.Middleware...)...)
	s.v1 = v1
	v1.GET("/actors", s.listActors)
	v1.POST("/actors", s.createActor)
	v1.GET("/actors/:id", s.getActor)
	v1.PATCH("/actors/:id", s.updateActor)
	v1.DELETE("/actors/:id", s.deleteActor)
	v1.GET("/relationships", s.listRelationships)
	v1.POST("/relationships", s.createRelationship)
	v1.GET("/relationships/:id", s.getRelationship)
	v1.PATCH("/relationships/:id", s.updateRelationship)
	v1.DELETE("/relationships/:id", s.deleteRelationship)
	v1.GET("/relationship-types", s.listTypes)
	v1.POST("/relationship-types", s.createType)
	v1.GET("/relationship-types/:name", s.getType)
	v1.POST("/import", s.importBatch)
	v1.GET("/export", s.exportBatch)
	v1.GET("/paths", s.findPaths)
	v1.GET("/graph", s.getGraph)
	v1.GET("/actors/:id/neighborhood", s.getNeighborhood)

	s.engine = r
	return s, nil
}

// deadline bounds the request's store work by QueryTimeout.
func (s *Server) deadline() gin.HandlerFunc {
	return func(c *gin.Context) {
		if s.cfg.QueryTimeout <= 0 {
			c.Next()
			return
		}
		ctx, cancel := context.WithTimeout(c.Request.Context(), s.cfg.QueryTimeout)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}

// Handler returns the server's http.Handler.
func (s *Server) Handler() http.Handler { return s.engine }

// Engine returns the Gin engine, for callers that add routes of their own
// (the query endpoints, metrics, the explorer page).
func (s *Server) Engine() *gin.Engine { return s.engine }

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
