package api

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

// TestAdmission: imports whose bodies do not fit the budget beside those
// in flight are refused at once (503, Retry-After, the handler never
// runs); a body without a length counts as the largest allowed; the
// budget is back once a request ends. Requests are held inside the
// handler by a channel, so nothing depends on timing.
func TestAdmission(t *testing.T) {
	a := newAdmission(1000, 800)
	entered, release := make(chan struct{}), make(chan struct{})
	ran := 0
	r := gin.New()
	r.POST("/import", a.admit(), func(c *gin.Context) {
		ran++
		if c.Query("hold") != "" {
			entered <- struct{}{}
			<-release
		}
		c.Status(http.StatusNoContent)
	})
	send := func(body io.Reader, length int64, hold bool) *httptest.ResponseRecorder {
		url := "/import"
		if hold {
			url += "?hold=1"
		}
		req := httptest.NewRequest(http.MethodPost, url, body)
		req.ContentLength = length
		rec := httptest.NewRecorder()
		r.ServeHTTP(rec, req)
		return rec
	}
	body := func(n int) io.Reader { return bytes.NewReader(make([]byte, n)) }

	// A request of 600 bytes is held in the handler.
	done := make(chan *httptest.ResponseRecorder)
	go func() { done <- send(body(600), 600, true) }()
	<-entered

	cases := []struct {
		name   string
		body   io.Reader
		length int64
		status int
	}{
		{"600 more does not fit", body(600), 600, http.StatusServiceUnavailable},
		{"400 fits beside it", body(400), 400, http.StatusNoContent},
		{"no length counts as 800", strings.NewReader("x"), -1, http.StatusServiceUnavailable},
		{"a declared length over the cap counts as 800", body(10), 5000, http.StatusServiceUnavailable},
	}
	for _, tc := range cases {
		before := ran
		rec := send(tc.body, tc.length, false)
		if rec.Code != tc.status {
			t.Errorf("%s: status %d, want %d", tc.name, rec.Code, tc.status)
		}
		if tc.status == http.StatusServiceUnavailable {
			if rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), ProblemUnavailable) {
				t.Errorf("%s: Retry-After %q, body %s", tc.name, rec.Header().Get("Retry-After"), rec.Body)
			}
			if ran != before {
				t.Errorf("%s: the handler ran", tc.name)
			}
		}
	}
	close(release)
	if rec := <-done; rec.Code != http.StatusNoContent {
		t.Fatalf("held request: %d", rec.Code)
	}
	// The held request's share is back: the largest body fits.
	if rec := send(strings.NewReader("x"), -1, false); rec.Code != http.StatusNoContent {
		t.Errorf("after release: %d", rec.Code)
	}
	// A budget below the body cap is raised to it: one import always fits.
	if b := newAdmission(10, 800); b.budget != 800 {
		t.Errorf("budget %d, want 800", b.budget)
	}
}
