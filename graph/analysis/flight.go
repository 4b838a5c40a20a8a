package analysis

import (
	"context"
	"strings"
	"sync"
)

// flightGroup runs one computation per key however many callers ask for it
// at once, like golang.org/x/sync/singleflight, with one difference that
// matters for request-scoped work: the computation runs under its own
// context, cancelled only when every caller waiting for it has gone. With
// singleflight the function runs under the first caller's context, so one
// client hanging up (or timing out early) fails every other caller that
// joined the same flight; here each caller leaves on its own deadline and
// the work stops only when nobody wants it any more.
type flightGroup struct {
	mu sync.Mutex
	m  map[string]*flight
}

type flight struct {
	done    chan struct{}
	val     any
	err     error
	waiters int
	cancel  context.CancelFunc
}

// do returns fn's result for key, running fn at most once at a time per key.
func (g *flightGroup) do(ctx context.Context, key string, fn func(context.Context) (any, error)) (any, error) {
	if ctx.Err() != nil {
		return nil, ctxError(ctx)
	}
	g.mu.Lock()
	if g.m == nil {
		g.m = make(map[string]*flight)
	}
	f, ok := g.m[key]
	if !ok {
		fctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		f = &flight{done: make(chan struct{}), cancel: cancel}
		g.m[key] = f
		go func() {
			defer close(f.done)
			defer cancel()
			f.val, f.err = fn(fctx)
			g.mu.Lock()
			if g.m[key] == f {
				delete(g.m, key)
			}
			g.mu.Unlock()
		}()
	}
	f.waiters++
	g.mu.Unlock()

	select {
	case <-f.done:
		return f.val, f.err
	case <-ctx.Done():
		g.mu.Lock()
		f.waiters--
		if f.waiters == 0 {
			// Nobody wants the result: stop the work, and let the next
			// caller start afresh rather than join a cancelled flight.
			f.cancel()
			if g.m[key] == f {
				delete(g.m, key)
			}
		}
		g.mu.Unlock()
		return nil, ctxError(ctx)
	}
}

// waiting is how many callers wait on the flights whose key starts with
// prefix: tests use it to know a caller has joined a flight.
func (g *flightGroup) waiting(prefix string) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	n := 0
	for k, f := range g.m {
		if strings.HasPrefix(k, prefix) {
			n += f.waiters
		}
	}
	return n
}
