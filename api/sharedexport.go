package api

import (
	"context"
	"strconv"
	"sync"

	"github.com/gin-gonic/gin"
	"golang.org/x/sync/singleflight"

	"github.com/detente/detente/graph"
)

// sharedExports is the graph's export shared by the requests that stream
// it at the same time. Streaming made an answer's own bytes small, but
// each request still held its copy of the graph (graph.Store.Export) for
// as long as its client took to read: 60 clients that never read a 17 MB
// export held 60 copies (issue 15). Requests on one version of the graph
// now read one copy, dropped when the last of them is done.
//
// The batch is read-only for everyone who holds it: the handlers convert
// records as they write them and never change the slices.
type sharedExports struct {
	mu      sync.Mutex
	version uint64
	batch   *graph.Batch // nil when no request holds one
	users   int          // requests holding batch
	flight  singleflight.Group
}

// sharedExport returns the graph the request reads (sourceOf) as an
// export, and the function to call when done with it. On a scenario the
// view's batch is returned as it is (a view holds it anyway). On the
// graph itself, requests that ask while another holds the export of the
// same version share it, and requests that ask at once share one Export
// call.
//
// The version is read before the export, so a shared batch is never
// older than the version it is kept under: a write that lands between
// the two makes it newer, which is also a consistent graph; the next
// request reads the new version and exports again.
func (s *Server) sharedExport(c *gin.Context) (*graph.Batch, func(), error) {
	ctx := c.Request.Context()
	src := s.sourceOf(c)
	if viewOf(c) != nil {
		b, err := src.Export(ctx)
		return &b, func() {}, err
	}
	v, err := src.Version(ctx)
	if err != nil {
		return nil, nil, err
	}
	e := &s.exports
	if b := e.acquire(v); b != nil {
		return b, e.releaser(b), nil
	}
	ch := e.flight.DoChan(strconv.FormatUint(v, 10), func() (any, error) {
		// The export runs apart from the first caller's cancellation, so
		// one client leaving does not fail the others that joined; it
		// keeps that caller's deadline (every request has the same
		// budget).
		ectx := context.WithoutCancel(ctx)
		if dl, ok := ctx.Deadline(); ok {
			var cancel context.CancelFunc
			ectx, cancel = context.WithDeadline(ectx, dl)
			defer cancel()
		}
		b, err := src.Export(ectx)
		if err != nil {
			return nil, err
		}
		return &b, nil
	})
	select {
	case r := <-ch:
		if r.Err != nil {
			return nil, nil, r.Err
		}
		b := r.Val.(*graph.Batch)
		e.hold(v, b)
		return b, e.releaser(b), nil
	case <-ctx.Done():
		return nil, nil, context.Cause(ctx)
	}
}

// acquire returns the batch held for version v, counting one more user,
// or nil.
func (e *sharedExports) acquire(v uint64) *graph.Batch {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.batch == nil || e.version != v {
		return nil
	}
	e.users++
	return e.batch
}

// hold counts one more user of b, the export of version v, and keeps it
// for the next requests unless a newer version is held (then b is the
// caller's alone).
func (e *sharedExports) hold(v uint64, b *graph.Batch) {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch {
	case e.batch == b:
		e.users++
	case e.batch == nil || e.version < v:
		e.version, e.batch, e.users = v, b, 1
	}
}

// releaser returns the function that ends one use of b: the last user of
// the held batch drops it. A batch no longer held (a newer version
// replaced it) has nothing to count.
func (e *sharedExports) releaser(b *graph.Batch) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			e.mu.Lock()
			defer e.mu.Unlock()
			if e.batch != b {
				return
			}
			if e.users--; e.users == 0 {
				e.batch = nil
			}
		})
	}
}
