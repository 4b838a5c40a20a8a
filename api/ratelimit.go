package api

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"
)

// Rate limiting (API.md, Conventions: 429). Every /api/v1 request, and
// every request of the documentation and the explorer page, takes a
// token from a bucket: the bucket of its API key when it presents a valid
// one, else the bucket of its client IP (c.ClientIP, which trusts no proxy
// header: see NewServer). Requests with an invalid key count against their
// IP, so guessing keys is limited too. A request out of tokens is answered
// 429 with Retry-After, the whole seconds until a token is back. Every
// limited answer, 429 or not, says the client's quota (quotaHeaders).
//
// Memory is bounded: a bucket idle long enough to have refilled is
// indistinguishable from a new one and is dropped by a periodic sweep, and
// at most maxBuckets are held; clients beyond that share one overflow
// bucket until the sweep frees room.

// Defaults of the limiter's memory bounds.
const (
	defaultMaxBuckets = 1 << 16
	minIdle           = time.Minute
)

// rateLimiter holds the buckets of one server.
type rateLimiter struct {
	limit      rate.Limit
	burst      int
	idle       time.Duration // a bucket unused this long is full: dropped
	maxBuckets int
	now        func() time.Time

	mu        sync.Mutex
	buckets   map[string]*bucket
	overflow  *rate.Limiter
	lastSweep time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

// newRateLimiter returns a limiter of perSecond tokens a second, burst at
// most (at least 1); nil when perSecond is not positive (no limit).
func newRateLimiter(perSecond float64, burst int) *rateLimiter {
	if perSecond <= 0 || math.IsNaN(perSecond) {
		return nil
	}
	burst = max(burst, 1)
	// The time to refill a whole burst from empty, with a floor: after
	// that a bucket holds burst tokens, like a new one.
	idle := max(time.Duration(float64(burst)/perSecond*float64(time.Second)), minIdle)
	return &rateLimiter{
		limit:      rate.Limit(perSecond),
		burst:      burst,
		idle:       idle,
		maxBuckets: defaultMaxBuckets,
		now:        time.Now,
		buckets:    map[string]*bucket{},
		overflow:   rate.NewLimiter(rate.Limit(perSecond), burst),
	}
}

// take takes a token from id's bucket; when none is left it returns how
// long until one is. remaining is the tokens the bucket holds after it.
func (l *rateLimiter) take(id string) (ok bool, wait time.Duration, remaining float64) {
	now := l.now()
	l.mu.Lock()
	if now.Sub(l.lastSweep) >= l.idle {
		l.sweep(now)
	}
	b := l.buckets[id]
	var lim *rate.Limiter
	switch {
	case b != nil:
		b.seen = now
		lim = b.lim
	case len(l.buckets) < l.maxBuckets:
		lim = rate.NewLimiter(l.limit, l.burst)
		l.buckets[id] = &bucket{lim: lim, seen: now}
	default:
		lim = l.overflow
	}
	l.mu.Unlock()
	r := lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d, lim.TokensAt(now)
	}
	return true, 0, lim.TokensAt(now)
}

// quotaHeaders says a client's quota in the fields of the IETF draft
// "RateLimit header fields for HTTP" (draft-ietf-httpapi-ratelimit-headers-06,
// the form GitHub's X-RateLimit-* fields have and client libraries read),
// for a token bucket of burst tokens refilled at limit a second:
//   - RateLimit-Limit: the burst, the most requests a full bucket allows at once;
//   - RateLimit-Remaining: the whole tokens left (0 on a 429);
//   - RateLimit-Reset: the whole seconds until the bucket is full again.
//
// remaining is what take returned.
func (l *rateLimiter) quotaHeaders(h http.Header, remaining float64) {
	remaining = max(remaining, 0)
	h.Set("RateLimit-Limit", strconv.Itoa(l.burst))
	h.Set("RateLimit-Remaining", strconv.Itoa(int(math.Floor(remaining))))
	h.Set("RateLimit-Reset", strconv.Itoa(int(math.Ceil((float64(l.burst)-remaining)/float64(l.limit)))))
}

// sweep drops the buckets idle for l.idle; l.mu is held.
func (l *rateLimiter) sweep(now time.Time) {
	for id, b := range l.buckets {
		if now.Sub(b.seen) >= l.idle {
			delete(l.buckets, id)
		}
	}
	l.lastSweep = now
}

// size returns the number of buckets held, for tests.
func (l *rateLimiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}

// rateLimit is the middleware. It runs before authentication, so that
// requests with no or a wrong key are limited by IP.
func (s *Server) rateLimit() gin.HandlerFunc {
	return func(c *gin.Context) {
		if s.limiter == nil {
			c.Next()
			return
		}
		ok, wait, remaining := s.limiter.take(s.clientIdentity(c))
		s.limiter.quotaHeaders(c.Writer.Header(), remaining)
		if ok {
			c.Next()
			return
		}
		secs := max(int(math.Ceil(wait.Seconds())), 1)
		c.Header("Retry-After", strconv.Itoa(secs))
		WriteProblem(c, http.StatusTooManyRequests, ProblemRateLimited,
			"too many requests: the limit is "+strconv.FormatFloat(float64(s.limiter.limit), 'g', -1, 64)+
				" a second (bursts of "+strconv.Itoa(s.limiter.burst)+"); retry after "+strconv.Itoa(secs)+" s")
	}
}

// clientIdentity names the bucket of a request: its API key (by a prefix
// of its SHA-256, never the secret) when the key is valid, else its IP.
func (s *Server) clientIdentity(c *gin.Context) string {
	if len(s.keys) > 0 {
		if key := presentedKey(c.Request); key != "" && s.keys.scopeOf(key) > 0 {
			sum := sha256.Sum256([]byte(key))
			return "key:" + hex.EncodeToString(sum[:16])
		}
	}
	return "ip:" + c.ClientIP()
}
