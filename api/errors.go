package api

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
)

// ProblemTypeBase prefixes every problem type URI. The URIs are stable
// identifiers (RFC 9457 §3.1.1): clients may switch on them. They are
// documented in the OpenAPI description of Problem.
const ProblemTypeBase = "https://detente.dev/problems/"

// Problem type slugs. Each names one class of failure; the full URI is
// ProblemTypeBase + slug.
const (
	ProblemMalformedJSON    = "malformed-json"         // 400: not one well-formed UTF-8 JSON value (syntax, empty body, trailing data, duplicate keys)
	ProblemValidation       = "validation-failed"      // 400: well-formed JSON that breaks the schema or the domain rules; see errors[]
	ProblemInvalidParameter = "invalid-parameter"      // 400: a bad, unknown or repeated query or path parameter; see errors[]
	ProblemInvalidHeader    = "invalid-header"         // 400: a malformed request header (If-Match, If-None-Match); see errors[]
	ProblemLimitExceeded    = "limit-exceeded"         // 400: a result or query exceeds a documented cap
	ProblemUnauthorized     = "unauthorized"           // 401: reserved for the auth middleware
	ProblemForbidden        = "forbidden"              // 403: reserved for the auth middleware
	ProblemNotFound         = "not-found"              // 404: the named resource does not exist
	ProblemRouteNotFound    = "route-not-found"        // 404: no such route
	ProblemMethodNotAllowed = "method-not-allowed"     // 405: the route exists, the method does not; see Allow
	ProblemConflict         = "conflict"               // 409: duplicate id, or a delete blocked by dependants
	ProblemPrecondition     = "precondition-failed"    // 412: If-Match did not match the current ETag
	ProblemTooLarge         = "payload-too-large"      // 413: the request body exceeds the documented limit
	ProblemMediaType        = "unsupported-media-type" // 415: the body is not application/json
	ProblemRateLimited      = "rate-limited"           // 429: reserved for the rate limiter
	ProblemInternal         = "internal"               // 500: a bug; details are logged, never shown
	ProblemUnavailable      = "unavailable"            // 503: the store cannot be reached; see Retry-After
	ProblemStorageFull      = "insufficient-storage"   // 507: the store's disk is full; nothing was written
)

// RetryAfterSeconds is the Retry-After sent with every 503.
const RetryAfterSeconds = 5

// Problem is an RFC 9457 problem detail, the body of every error response
// (Content-Type application/problem+json).
type Problem struct {
	// A URI identifying the problem class: https://detente.dev/problems/ followed by malformed-json, validation-failed, invalid-parameter, invalid-header, limit-exceeded, unauthorized, forbidden, not-found, route-not-found, method-not-allowed, conflict, precondition-failed, payload-too-large, unsupported-media-type, rate-limited, internal, unavailable or insufficient-storage. New classes may be added.
	Type string `json:"type" validate:"required" format:"uri" example:"https://detente.dev/problems/validation-failed"`
	// A short summary of the problem class; the same for every occurrence.
	Title string `json:"title" validate:"required" example:"Validation failed"`
	// The HTTP status code.
	Status int `json:"status" validate:"required" example:"400"`
	// What went wrong with this request, in words.
	Detail string `json:"detail" validate:"required" example:"the request has 2 invalid fields"`
	// The request path.
	Instance string `json:"instance" validate:"required" example:"/api/v1/relationships"`
	// The request id (also in the X-Request-ID response header and the server's logs).
	RequestID string `json:"request_id" validate:"required" example:"7f3c2a9b1e4d5f60a1b2c3d4"`
	// Every invalid field or parameter, each located by a JSON path into the body ($.relationships[2].weight) or by the parameter's name (limit).
	Errors []FieldError `json:"errors,omitempty"`
} //@name Problem

// FieldError is one invalid input field.
type FieldError struct {
	// A JSON path into the request body ("$.actors[2].kind") or the name of a query or path parameter ("limit").
	Path string `json:"path" validate:"required" example:"$.weight"`
	// What is wrong with it.
	Message string `json:"message" validate:"required" example:"must be in (0, 1]"`
} //@name FieldError

// statusOf is the one table from domain error codes to HTTP statuses and
// problem types. ETOOLARGE is 400 here: it is a result cap a query
// exceeded; an oversized request body is 413, decided by the decoder.
var statusOf = map[graph.Code]struct {
	status int
	slug   string
}{
	graph.EINVALID:      {http.StatusBadRequest, ProblemValidation},
	graph.ENOTFOUND:     {http.StatusNotFound, ProblemNotFound},
	graph.ECONFLICT:     {http.StatusConflict, ProblemConflict},
	graph.EPRECONDITION: {http.StatusPreconditionFailed, ProblemPrecondition},
	graph.ETOOLARGE:     {http.StatusBadRequest, ProblemLimitExceeded},
	graph.EUNAVAILABLE:  {http.StatusServiceUnavailable, ProblemUnavailable},
	graph.EFULL:         {http.StatusInsufficientStorage, ProblemStorageFull},
	graph.EINTERNAL:     {http.StatusInternalServerError, ProblemInternal},
}

// titles are the fixed titles of the problem types.
var titles = map[string]string{
	ProblemMalformedJSON:    "Malformed JSON",
	ProblemValidation:       "Validation failed",
	ProblemInvalidParameter: "Invalid parameter",
	ProblemInvalidHeader:    "Invalid header",
	ProblemLimitExceeded:    "Limit exceeded",
	ProblemUnauthorized:     "Unauthorized",
	ProblemForbidden:        "Forbidden",
	ProblemNotFound:         "Not found",
	ProblemRouteNotFound:    "Route not found",
	ProblemMethodNotAllowed: "Method not allowed",
	ProblemConflict:         "Conflict",
	ProblemPrecondition:     "Precondition failed",
	ProblemTooLarge:         "Payload too large",
	ProblemMediaType:        "Unsupported media type",
	ProblemRateLimited:      "Too many requests",
	ProblemInternal:         "Internal error",
	ProblemUnavailable:      "Service unavailable",
	ProblemStorageFull:      "Insufficient storage",
}

// httpError is an error decided by the HTTP layer itself (bad JSON, bad
// media type, bad parameters), carrying its status and problem type.
type httpError struct {
	status int
	slug   string
	detail string
	fields []graph.FieldError
}

func (e *httpError) Error() string { return e.detail }

func newHTTPError(status int, slug, detail string, fields ...graph.FieldError) *httpError {
	return &httpError{status: status, slug: slug, detail: detail, fields: fields}
}

// paramError reports invalid query or path parameters.
func paramError(fields ...graph.FieldError) *httpError {
	detail := "invalid query parameter"
	if len(fields) != 1 {
		detail = "invalid query parameters"
	}
	return newHTTPError(http.StatusBadRequest, ProblemInvalidParameter, detail, fields...)
}

// headerError is a 400 for bad request headers, each named at its path
// (the header's name).
func headerError(fields ...graph.FieldError) *httpError {
	detail := "invalid request header"
	if len(fields) != 1 {
		detail = "invalid request headers"
	}
	return newHTTPError(http.StatusBadRequest, ProblemInvalidHeader, detail, fields...)
}

// WriteProblem writes a problem+json response and aborts the chain. It is
// exported for middleware written outside this package (auth, rate
// limits); headers such as WWW-Authenticate or Retry-After are the
// caller's to set first.
func WriteProblem(c *gin.Context, status int, slug, detail string, fields ...graph.FieldError) {
	p := Problem{
		Type:      ProblemTypeBase + slug,
		Title:     titles[slug],
		Status:    status,
		Detail:    detail,
		Instance:  c.Request.URL.EscapedPath(),
		RequestID: RequestID(c.Request.Context()),
	}
	for _, f := range fields {
		p.Errors = append(p.Errors, FieldError(f))
	}
	if p.Title == "" {
		p.Title = http.StatusText(status)
	}
	if status == http.StatusServiceUnavailable && c.Writer.Header().Get("Retry-After") == "" {
		c.Header("Retry-After", strconv.Itoa(RetryAfterSeconds))
	}
	c.Abort()
	writeJSON(c, status, "application/problem+json", p)
}

// handlerFunc is the shape of every /api/v1 handler: it writes its
// answer and returns nil, or writes nothing and returns the error, which
// handle turns into the problem response.
type handlerFunc func(c *gin.Context) error

// handle adapts a handlerFunc to Gin: a returned error is answered through
// fail, the one mapping from errors to problems.
func (s *Server) handle(h handlerFunc) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := h(c); err != nil {
			s.fail(c, err)
		}
	}
}

// slugError names the problem type of an EINVALID domain error it wraps:
// the same domain error is a validation failure in a body but an invalid
// parameter when it names a query parameter (a listing's cursor, an
// analysis's filter). Other codes keep their own problem type.
type slugError struct {
	err  error
	slug string
}

func (e *slugError) Error() string { return e.err.Error() }
func (e *slugError) Unwrap() error { return e.err }

// invalidParam marks err, when it is EINVALID, as an invalid-parameter
// problem. A nil err stays nil.
func invalidParam(err error) error {
	if err == nil {
		return nil
	}
	return &slugError{err: err, slug: ProblemInvalidParameter}
}

// fail turns any error into a problem response: errors of the HTTP layer
// keep their own status; domain errors go through the statusOf table
// (EINVALID under the problem type a slugError names, if any); anything
// else is a bug, logged with the request id and answered with "internal
// error" and nothing more.
func (s *Server) fail(c *gin.Context, err error) {
	var he *httpError
	if errors.As(err, &he) {
		WriteProblem(c, he.status, he.slug, he.detail, he.fields...)
		return
	}
	invalidSlug := ""
	var se *slugError
	if errors.As(err, &se) {
		invalidSlug = se.slug
	}
	var de *graph.Error
	switch {
	case errors.As(err, &de):
	case errors.Is(err, context.DeadlineExceeded):
		de = graph.Unavailable("the request ran out of time", err)
	case errors.Is(err, context.Canceled):
		de = graph.Unavailable("the request was cancelled", err)
	default:
		de = graph.Internal(err)
	}
	m, ok := statusOf[de.Code]
	if !ok {
		m = statusOf[graph.EINTERNAL]
		de = graph.Internal(err)
	}
	slug, detail := m.slug, de.Message
	switch {
	case de.Code == graph.EINVALID && invalidSlug != "":
		slug = invalidSlug
	case m.status == http.StatusInternalServerError:
		s.log(c).Error("internal error", "error", err.Error())
		detail = "internal error"
	case m.status == http.StatusServiceUnavailable:
		s.log(c).Warn("store unavailable", "error", err.Error())
	case m.status == http.StatusInsufficientStorage:
		s.log(c).Error("the store's disk is full", "error", err.Error())
	}
	WriteProblem(c, m.status, slug, detail, de.Fields...)
}
