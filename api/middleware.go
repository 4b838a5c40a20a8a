package api

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"
)

// RequestIDHeader carries the request id both ways: a client may send
// one (it is kept when it looks like an id) and every response echoes it.
const RequestIDHeader = "X-Request-ID"

type ctxKey struct{}

// validRequestID accepts the ids proxies and tracing systems send (UUIDs,
// hex, base64url: `^[A-Za-z0-9._:+/=-]{1,128}$`) and nothing that could
// inject into a log line. A byte loop rather than that regexp: it runs on
// every request (issue 9); TestValidRequestID holds the two to agreement.
func validRequestID(s string) bool {
	if len(s) == 0 || len(s) > 128 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !requestIDByte[s[i]] {
			return false
		}
	}
	return true
}

var requestIDByte = func() (t [256]bool) {
	for _, c := range []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:+/=-") {
		t[c] = true
	}
	return t
}()

// RequestID returns the id of the request ctx belongs to, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(ctxKey{}).(string)
	return id
}

// Request ids need to be unique, not secret: a random prefix drawn once
// per process and a counter, 24 hex digits as before. crypto/rand on
// every request was a large part of the middleware's cost (issue 9).
var (
	requestIDPrefix = func() (p [12]byte) {
		var b [6]byte
		_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
		hex.Encode(p[:], b[:])
		return p
	}()
	requestIDCounter atomic.Uint64
)

func newRequestID() string {
	var b [24]byte
	copy(b[:12], requestIDPrefix[:])
	n := requestIDCounter.Add(1)
	const digits = "0123456789abcdef"
	for i := 23; i >= 12; i-- {
		b[i] = digits[n&0xf]
		n >>= 4
	}
	return string(b[:])
}

// requestIDKey is RequestIDHeader in canonical form ("X-Request-Id"), so
// that reading and setting it are map operations: http.Header's Get and
// Set canonicalise the key on every call, which allocates for "ID".
var requestIDKey = http.CanonicalHeaderKey(RequestIDHeader)

// requestID gives every request an id: the client's X-Request-ID when it
// is well formed, else a fresh one. The id goes into the request's
// context (so stores and log lines can carry it), the response header and
// every problem body.
func requestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		var id string
		if v := c.Request.Header[requestIDKey]; len(v) > 0 {
			id = v[0]
		}
		if !validRequestID(id) {
			id = newRequestID()
		}
		c.Request = c.Request.WithContext(context.WithValue(c.Request.Context(), ctxKey{}, id))
		c.Writer.Header()[requestIDKey] = []string{id}
		c.Next()
	}
}

// nosniffKey is X-Content-Type-Options in canonical form, set as a map
// entry like requestIDKey.
var nosniffKey = http.CanonicalHeaderKey("X-Content-Type-Options")

// nosniff tells browsers to take every response's Content-Type at its
// word: a JSON answer or problem that echoes client input must never be
// sniffed into HTML or script (issue 15). It runs first, so that 404s,
// 405s, 429s and a panic's 500 carry it too; the explorer page sets the
// same value with its own policy.
func nosniff() gin.HandlerFunc {
	v := []string{"nosniff"} // shared by every response: header values are only read, never changed in place
	return func(c *gin.Context) {
		c.Writer.Header()[nosniffKey] = v
		c.Next()
	}
}

// log returns the server's logger with the request's id attached.
func (s *Server) log(c *gin.Context) *slog.Logger {
	return s.logger.With("request_id", RequestID(c.Request.Context()))
}

// accessLog logs one line per request once it is answered: request id,
// method, path, status and duration — five attributes, which a
// slog.Record holds without allocating (the route pattern and sizes are
// in the metrics). It hands the record to the handler itself rather than going
// through Logger.LogAttrs, which captures the caller's program counter
// with runtime.Callers on every line — a source position that would
// always point here — and it skips building the record when the level is
// off.
func (s *Server) accessLog() gin.HandlerFunc {
	h := s.logger.Handler()
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		status := c.Writer.Status()
		level := slog.LevelInfo
		if status >= 500 {
			level = slog.LevelError
		}
		ctx := c.Request.Context()
		if !h.Enabled(ctx, level) {
			return
		}
		now := time.Now()
		r := slog.NewRecord(now, level, "request", 0)
		r.AddAttrs(
			slog.String("request_id", RequestID(ctx)),
			slog.String("method", c.Request.Method),
			slog.String("path", c.Request.URL.Path),
			slog.Int("status", status),
			slog.Duration("duration", now.Sub(start)),
		)
		_ = h.Handle(ctx, r) // as Logger.LogAttrs does, a handler's error is dropped
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

// writeJSON writes v as JSON with the given media type, followed by a
// newline. The encoding goes into a pooled buffer (json.Encoder adds the
// newline), which saves the per-response allocation and copy of
// json.Marshal plus append. Encoding our own response types cannot fail;
// if it ever does, that is a bug and the client gets a bare 500.
func writeJSON(c *gin.Context, status int, contentType string, v any) {
	buf := jsonBuffers.Get().(*bytes.Buffer)
	defer putJSONBuffer(buf)
	buf.Reset()
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		c.Status(http.StatusInternalServerError)
		return
	}
	c.Data(status, contentType, buf.Bytes())
}

var jsonBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putJSONBuffer returns a buffer to the pool unless it grew large: one
// big export should not pin megabytes for the life of the process.
func putJSONBuffer(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 {
		jsonBuffers.Put(b)
	}
}
