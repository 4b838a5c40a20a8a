package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"golang.org/x/sync/semaphore"
)

// admission bounds the work in flight that a request's size makes
// expensive: imports hold their body, its decoded batch and the store's
// write set at once (a 64 MiB import peaks near 1 GB of the server's
// memory), so the bytes of import bodies being processed together are
// capped by a weighted semaphore (golang.org/x/sync/semaphore). A request
// whose share does not fit now is refused at once with 503 and
// Retry-After rather than queued: a queued body would already sit in
// memory, and the client can retry.
type admission struct {
	sem    *semaphore.Weighted
	budget int64
	max    int64 // the largest body the route accepts
}

func newAdmission(budget, maxBody int64) *admission {
	budget = max(budget, maxBody) // the largest allowed body always fits alone
	return &admission{sem: semaphore.NewWeighted(budget), budget: budget, max: maxBody}
}

// cost is a request's share of the budget: its declared length, or the
// route's body limit when it declares none (chunked) or more (it will be
// refused with 413 without being read whole).
func (a *admission) cost(r *http.Request) int64 {
	if r.ContentLength > 0 && r.ContentLength < a.max {
		return r.ContentLength
	}
	return a.max
}

// admit is the middleware: it holds the request's share until the handler
// returns.
func (a *admission) admit() gin.HandlerFunc {
	return func(c *gin.Context) {
		n := a.cost(c.Request)
		if !a.sem.TryAcquire(n) {
			WriteProblem(c, http.StatusServiceUnavailable, ProblemUnavailable,
				"the server is processing as many imports as its memory budget allows ("+strconv.FormatInt(a.budget>>20, 10)+
					" MiB of bodies); nothing was written: retry later")
			c.Abort()
			return
		}
		defer a.sem.Release(n)
		c.Next()
	}
}
