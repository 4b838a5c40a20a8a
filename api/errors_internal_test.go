package api

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
)

// TestHandleMapsErrors: the adapter answers a handler's error through the
// one mapping, and a slugError changes the problem type of EINVALID only.
func TestHandleMapsErrors(t *testing.T) {
	invalid := graph.Errorf(graph.EINVALID, "bad cursor")
	cases := []struct {
		name       string
		err        error
		status     int
		slug       string
		retryAfter string
	}{
		{"nil writes the handler's answer", nil, http.StatusOK, "", ""},
		{"EINVALID", invalid, http.StatusBadRequest, ProblemValidation, ""},
		{"EINVALID as a parameter", invalidParam(invalid), http.StatusBadRequest, ProblemInvalidParameter, ""},
		{"wrapped twice", invalidParam(errors.Join(invalid)), http.StatusBadRequest, ProblemInvalidParameter, ""},
		{"not found keeps its type", invalidParam(graph.Errorf(graph.ENOTFOUND, "no actor x")), http.StatusNotFound, ProblemNotFound, ""},
		{"HTTP error keeps its type", invalidParam(headerError(graph.FieldError{Path: "If-Match", Message: "bad"})), http.StatusBadRequest, ProblemInvalidHeader, ""},
		{"deadline", invalidParam(context.DeadlineExceeded), http.StatusServiceUnavailable, ProblemUnavailable, "5"},
		{"unknown error", errors.New("boom"), http.StatusInternalServerError, ProblemInternal, ""},
	}
	gin.SetMode(gin.ReleaseMode)
	s := &Server{logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			c, _ := gin.CreateTestContext(w)
			c.Request = httptest.NewRequest(http.MethodGet, "/api/v1/x", nil)
			s.handle(func(c *gin.Context) error {
				if tc.err == nil {
					c.Status(http.StatusOK)
				}
				return tc.err
			})(c)
			c.Writer.WriteHeaderNow()
			if w.Code != tc.status {
				t.Fatalf("status %d, want %d", w.Code, tc.status)
			}
			if got := w.Header().Get("Retry-After"); got != tc.retryAfter {
				t.Errorf("Retry-After %q, want %q", got, tc.retryAfter)
			}
			if tc.slug == "" {
				return
			}
			var p Problem
			if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
				t.Fatal(err)
			}
			if p.Type != ProblemTypeBase+tc.slug {
				t.Errorf("type %s, want %s", p.Type, ProblemTypeBase+tc.slug)
			}
			if tc.status == http.StatusInternalServerError && p.Detail != "internal error" {
				t.Errorf("internal detail shown: %q", p.Detail)
			}
		})
	}
}
