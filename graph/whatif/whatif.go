// Package whatif answers reads on scenarios (graph.Scenario). The graph on
// a scenario is built from the store (graph.Store.ScenarioGraph: the
// export with the changes of the scenario's chain applied) into an
// in-memory store, and every read — listings, paths, exports, analyses —
// runs on that store through the same graph.Store layer and analysis
// Service as on the graph itself. The answer on a scenario is therefore,
// by construction, the answer on a store holding the changed graph.
//
// Views are kept while the graph's version and every scenario of the
// chain stay as they were when the view was built (the key): a write to
// the graph, or an edit of the scenario or of a base it stacks on, makes
// the next read build a new view. At most Capacity views are kept, least
// recently used first out; concurrent reads of a view being built wait
// for one build.
package whatif

import (
	"context"
	"strconv"
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/sync/singleflight"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/analysis"
	"github.com/detente/detente/graph/memstore"
)

// Capacity is how many scenario views a Views keeps by default. A view
// holds a copy of the graph on its scenario (the embedded store's compact
// form, about 120 bytes a relationship) and its analysis caches.
const Capacity = 4

// View is the graph on one scenario, ready to read.
type View struct {
	// Scenario is the scenario read; Chain its bases, deepest first, then it.
	Scenario graph.Scenario
	Chain    []graph.Scenario
	// Store holds the graph on the scenario; it is never written.
	Store *graph.Store
	// Analysis answers analyses on Store.
	Analysis *analysis.Service
	// Stale lists the changes left out because the graph changed since
	// they were written, each at its path in its scenario.
	Stale []graph.FieldError
	// Key identifies what the view was built from: the graph's version
	// and the revision of every scenario of the chain.
	Key string
}

// Views builds and keeps scenario views over one base store.
type Views struct {
	base    *graph.Store
	opts    []analysis.Option
	cache   *lru.Cache[string, *View] // by scenario id
	flights singleflight.Group
	mu      sync.Mutex
	builds  int
}

// New returns Views over base keeping up to capacity views (at least 1);
// opts configure each view's analysis Service.
func New(base *graph.Store, capacity int, opts ...analysis.Option) *Views {
	c, _ := lru.New[string, *View](max(capacity, 1))
	return &Views{base: base, opts: opts, cache: c}
}

// Get returns the view of scenario id as the graph and the scenarios are
// now; ENOTFOUND when there is no such scenario, EINVALID when its chain
// is broken.
func (v *Views) Get(ctx context.Context, id string) (*View, error) {
	// The version is read before the chain and the graph: a view is never
	// older than its key says.
	version, err := v.base.Version(ctx)
	if err != nil {
		return nil, err
	}
	chain, err := v.base.ScenarioChain(ctx, id)
	if err != nil {
		return nil, err
	}
	key := strconv.FormatUint(version, 10)
	for _, sc := range chain {
		key += " " + sc.ID + "@" + graph.ETag(sc)
	}
	if view, ok := v.cache.Get(id); ok && view.Key == key {
		return view, nil
	}
	// The build reads the store under the context of the first caller
	// only while they all wait; it is not cancelled by one leaving, as
	// its result serves the others (singleflight).
	res, err, _ := v.flights.Do(key, func() (any, error) {
		return v.build(context.WithoutCancel(ctx), chain, key)
	})
	if err != nil {
		return nil, err
	}
	view := res.(*View)
	v.cache.Add(id, view)
	return view, nil
}

// Builds returns how many views have been built (for tests and metrics).
func (v *Views) Builds() int {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.builds
}

func (v *Views) build(ctx context.Context, chain []graph.Scenario, key string) (*View, error) {
	id := chain[len(chain)-1].ID
	b, stale, err := v.base.ScenarioGraph(ctx, id)
	if err != nil {
		return nil, err
	}
	mem, err := memstore.Open("")
	if err != nil {
		return nil, graph.Internal(err)
	}
	st := graph.NewStore(mem)
	if _, err := st.Import(ctx, b, false); err != nil {
		// The batch comes from a valid graph with changes each checked
		// against it: a refusal here is a defect, not the client's.
		return nil, graph.Internal(err)
	}
	v.mu.Lock()
	v.builds++
	v.mu.Unlock()
	return &View{
		Scenario: chain[len(chain)-1],
		Chain:    chain,
		Store:    st,
		Analysis: analysis.NewService(st, v.opts...),
		Stale:    stale,
		Key:      key,
	}, nil
}
