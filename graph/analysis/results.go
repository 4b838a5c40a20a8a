package analysis

import (
	"context"
	"strconv"
	"strings"

	"github.com/detente/detente/internal/sizedlru"
)

// resultCacheSize bounds the number of per-actor and per-pair answers a
// projection keeps (ActorInfluence, Mediators, Blocs, Balance, key
// players); their bytes are bounded too (DefaultResultBudget,
// WithResultBudget), since one actor-influence answer with many evidence
// paths can hold tens of megabytes. Centralities are few (one per
// algorithm and weighting) and kept in memo.
const resultCacheSize = 256

// DefaultResultBudget is the bytes of answers a Service keeps across its
// cached projections (each projection holds at most its share, the
// budget divided by the cache size; an answer larger than that share is
// computed for its request and not kept).
const DefaultResultBudget = 256 << 20

// memoResult returns the answer of key on this projection, computing it
// once: repeated queries (an explorer redrawing, an analyst reloading) are
// then served without re-running personalised PageRank or the path
// search. The cache lives on the projection data, which belongs to one
// graph version and selection, so a write — which bumps the version and
// makes the Service build a new projection — leaves every old answer
// behind. Concurrent callers of one key share one computation (flights).
// Errors are not kept. The answer is shared: callers must not modify it.
func memoResult[T any](ctx context.Context, p *Projection, key string, compute func(context.Context) (T, error)) (T, error) {
	if p.weighted {
		key = "w|" + key
	}
	c := p.resultCache()
	if v, ok := c.Get(key); ok {
		return v.(T), nil
	}
	v, err := p.flights.do(ctx, "result:"+key, func(ctx context.Context) (any, error) {
		if v, ok := c.Get(key); ok {
			return v, nil
		}
		v, err := compute(ctx)
		if err != nil {
			return nil, err
		}
		c.Add(key, v, sizedlru.Estimate(v))
		return v, nil
	})
	if err != nil {
		var zero T
		return zero, err
	}
	return v.(T), nil
}

func (d *data) resultCache() *sizedlru.Cache[string, any] {
	d.resultsOnce.Do(func() {
		budget := d.resultBudget
		if budget <= 0 {
			budget = DefaultResultBudget / DefaultCacheSize
		}
		d.results = sizedlru.New[string, any](budget, budget, resultCacheSize)
	})
	return d.results
}

// resultKey joins a query's parameters into a cache key. Ids cannot
// contain '|' (graph.ValidID), so the key is unambiguous.
func resultKey(kind string, ids []string, ints ...int) string {
	var b strings.Builder
	b.WriteString(kind)
	for _, id := range ids {
		b.WriteByte('|')
		b.WriteString(id)
	}
	for _, n := range ints {
		b.WriteByte('|')
		b.WriteString(strconv.Itoa(n))
	}
	return b.String()
}
