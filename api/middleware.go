package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"regexp"
	"runtime/debug"
	"time"

	"github.com/gin-gonic/gin"
)

// RequestIDHeader carries the request id both ways: a client may send
// one (it is kept when it looks like an id) and every response echoes it.
const RequestIDHeader = "X-Request-ID"

type ctxKey struct{}

// requestIDPattern accepts the ids proxies and tracing systems send (UUIDs,
// hex, base64url) and nothing that could inject into a log line.
var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._:+/=-]{1,128}$`)

// RequestID returns the id of the request ctx belongs to, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(ctxKey{}).(string)
	return id
}

func newRequestID() string {
	var b [12]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b[:])
}

// requestID gives every request an id: the client's X-Request-ID when it
// is well formed, else a fresh random one. The id goes into the request's
// context (so stores and log lines can carry it), the response header and
// every problem body.
func requestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader(RequestIDHeader)
		if !requestIDPattern.MatchString(id) {
			id = newRequestID()
		}
		c.Request = c.Request.WithContext(context.WithValue(c.Request.Context(), ctxKey{}, id))
		c.Header(RequestIDHeader, id)
		c.Next()
	}
}

// log returns the server's logger with the request's id attached.
func (s *Server) log(c *gin.Context) *slog.Logger {
	return s.logger.With("request_id", RequestID(c.Request.Context()))
}

// accessLog logs one line per request once it is answered.
func (s *Server) accessLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		status := c.Writer.Status()
		level := slog.LevelInfo
		if status >= 500 {
			level = slog.LevelError
		}
		s.logger.LogAttrs(c.Request.Context(), level, "request",
			slog.String("request_id", RequestID(c.Request.Context())),
			slog.String("method", c.Request.Method),
			slog.String("path", c.Request.URL.Path),
			slog.String("route", c.FullPath()),
			slog.Int("status", status),
			slog.Int("bytes", c.Writer.Size()),
			slog.Duration("duration", time.Since(start)),
		)
	}
}

// recovery turns a panic into a 500 problem with no internals in it; the
// panic value and stack go to the log with the request id. A panic with
// http.ErrAbortHandler is re-raised: net/http uses it to abort a response
// on purpose.
func (s *Server) recovery() gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
				panic(v)
			}
			s.log(c).Error("panic", "panic", v, "stack", string(debug.Stack()))
			if c.Writer.Written() {
				c.Abort()
				return
			}
			WriteProblem(c, http.StatusInternalServerError, ProblemInternal, "internal error")
		}()
		c.Next()
	}
}

// writeJSON writes v as JSON with the given media type. Encoding our own
// response types cannot fail; if it ever does, that is a bug and the
// client gets a bare 500.
func writeJSON(c *gin.Context, status int, contentType string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		c.Status(http.StatusInternalServerError)
		return
	}
	c.Data(status, contentType, append(b, '\n'))
}
