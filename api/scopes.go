package api

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
)

// Routes that need more than authenticate's method rule (reads: read,
// writes: write) say so with require. Registry changes need admin: a
// relationship type changes how every path and ranking is signed and
// weighted, for every user.

// requestScope is the scope of the request's key: ScopeAdmin on an open
// server (no keys configured), 0 for a missing or unknown key.
func (s *Server) requestScope(c *gin.Context) Scope {
	if len(s.keys) == 0 {
		return ScopeAdmin
	}
	key := presentedKey(c.Request)
	if key == "" {
		return 0
	}
	return s.keys.scopeOf(key)
}

// require answers 401 without a valid key and 403 when the key's scope is
// narrower than need.
func (s *Server) require(need Scope) gin.HandlerFunc {
	return func(c *gin.Context) {
		if !s.allow(c, need) {
			return
		}
		c.Next()
	}
}

// allow is require for a handler that learns the scope it needs only
// from the body: it writes the 401 or 403 itself and reports whether the
// request may go on.
func (s *Server) allow(c *gin.Context, need Scope) bool {
	got := s.requestScope(c)
	switch {
	case got == 0:
		c.Header("WWW-Authenticate", `Bearer realm="detente"`)
		WriteProblem(c, http.StatusUnauthorized, ProblemUnauthorized,
			"an API key is required: send Authorization: Bearer KEY or X-API-Key: KEY")
		return false
	case got < need:
		WriteProblem(c, http.StatusForbidden, ProblemForbidden,
			fmt.Sprintf("this request needs a %s key; the key given has scope %s", need, got))
		return false
	}
	return true
}
