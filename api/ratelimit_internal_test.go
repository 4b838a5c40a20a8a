package api

import (
	"fmt"
	"net/http"
	"runtime"
	"testing"
	"time"
)

// TestRateLimiterMemoryBounded checks that idle buckets go and that no
// more than maxBuckets are ever held, with a clock the test moves.
func TestRateLimiterMemoryBounded(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	l := newRateLimiter(10, 20)
	l.now = func() time.Time { return now }
	l.maxBuckets = 1000
	for i := range 1000 {
		if ok, _, _ := l.take(fmt.Sprintf("ip:10.0.%d.%d", i/256, i%256)); !ok {
			t.Fatalf("client %d: first request refused", i)
		}
	}
	if n := l.size(); n != 1000 {
		t.Fatalf("%d buckets held, want the cap 1000", n)
	}
	// Beyond the cap, new clients share one overflow bucket of burst 20.
	refused := 0
	for i := range 4000 {
		if ok, _, _ := l.take(fmt.Sprintf("ip:172.16.%d.%d", i/256, i%256)); !ok {
			refused++
		}
	}
	if n := l.size(); n != 1000 {
		t.Fatalf("%d buckets held, want the cap 1000", n)
	}
	if refused != 4000-20 {
		t.Errorf("%d of 4000 overflow clients refused, want all but the shared burst of 20", refused)
	}
	now = now.Add(l.idle)
	if ok, _, _ := l.take("ip:192.0.2.1"); !ok {
		t.Fatal("a new client after the sweep was refused")
	}
	if n := l.size(); n != 1 {
		t.Fatalf("%d buckets after every other went idle, want 1", n)
	}
	t.Logf("figure: rate limiter: cap 1000 held under 5000 clients; idle after %s; %d of 4000 overflow clients refused", l.idle, refused)
}

// TestRateLimiterRefill checks the token bucket arithmetic and the wait
// it reports.
func TestRateLimiterRefill(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	l := newRateLimiter(2, 3)
	l.now = func() time.Time { return now }
	for i := range 3 {
		if ok, _, _ := l.take("k"); !ok {
			t.Fatalf("burst request %d refused", i)
		}
	}
	ok, wait, _ := l.take("k")
	if ok || wait <= 0 || wait > 500*time.Millisecond {
		t.Fatalf("4th request: ok %v wait %s, want refused with a wait of at most 0.5 s", ok, wait)
	}
	// A refused request takes no token: after the wait one is there.
	now = now.Add(wait)
	if ok, _, _ := l.take("k"); !ok {
		t.Fatal("refused after waiting the reported time")
	}
	if newRateLimiter(0, 10) != nil || newRateLimiter(-1, 10) != nil {
		t.Error("a rate of 0 or less must mean no limiter")
	}
}

// TestRateLimiterMemory measures what a full limiter holds.
func TestRateLimiterMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	l := newRateLimiter(50, 100)
	for i := range defaultMaxBuckets {
		l.take(fmt.Sprintf("ip:10.%d.%d.%d", i>>16, (i>>8)&255, i&255))
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	held := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("figure: rate limiter: %d buckets (the cap) hold %.1f MiB, %d bytes a bucket", l.size(), float64(held)/(1<<20), held/int64(l.size()))
	if l.size() != defaultMaxBuckets || held > 64<<20 {
		t.Errorf("%d buckets in %d bytes", l.size(), held)
	}
	runtime.KeepAlive(l)
}

// TestRateLimiterQuotaHeaders: the RateLimit-* fields of each answer of a
// bucket of 3 refilled at 2 a second, on a clock the test moves.
func TestRateLimiterQuotaHeaders(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	l := newRateLimiter(2, 3)
	l.now = func() time.Time { return now }
	for i, tc := range []struct {
		advance          time.Duration
		ok               bool
		remaining, reset string
	}{
		{0, true, "2", "1"},                       // 1 used: 0.5 s to refill, rounded up
		{0, true, "1", "1"},                       // 2 used: 1 s
		{0, true, "0", "2"},                       // 3 used: 1.5 s
		{0, false, "0", "2"},                      // refused: nothing taken
		{250 * time.Millisecond, false, "0", "2"}, // 0.5 token back: 1.25 s to go
		{250 * time.Millisecond, true, "0", "2"},  // 1 token back, taken
		{1500 * time.Millisecond, true, "2", "1"}, // full again, one taken
	} {
		now = now.Add(tc.advance)
		ok, _, remaining := l.take("k")
		h := http.Header{}
		l.quotaHeaders(h, remaining)
		if ok != tc.ok || h.Get("RateLimit-Limit") != "3" || h.Get("RateLimit-Remaining") != tc.remaining || h.Get("RateLimit-Reset") != tc.reset {
			t.Errorf("request %d: ok %v, Limit %s, Remaining %s, Reset %s; want %v, 3, %s, %s", i, ok,
				h.Get("RateLimit-Limit"), h.Get("RateLimit-Remaining"), h.Get("RateLimit-Reset"), tc.ok, tc.remaining, tc.reset)
		}
	}
}
