// Package whatif answers reads on scenarios (graph.Scenario). A view of a
// scenario starts from the delta between the graph and the graph on the
// scenario (graph.Store.ScenarioDelta: the chain's changes applied to the
// records they name, never an export). Analyses run on an overlay of the
// graph's own analysis Service (analysis.NewOverlay): its base and
// projections are the graph's, patched with the delta, and are exactly
// what a build of the changed graph would be. Single records are read
// through the delta from the store. The reads that need the whole graph
// — listings, exports, paths, neighbourhoods — get it built
// (graph.Store.ScenarioGraph) and imported into an in-memory store, once,
// on the first such read. The answer on a scenario is therefore the
// answer on a store holding the changed graph (the API's oracle test
// checks exactly that).
//
// Views are kept while the graph's version and every scenario of the
// chain stay as they were when the view was built (the key): a write to
// the graph, or an edit of the scenario or of a base it stacks on, makes
// the next read build a new view. At most Capacity views are kept, least
// recently used first out; concurrent reads of a view being built wait
// for one build.
package whatif

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/sync/singleflight"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/analysis"
	"github.com/detente/detente/graph/memstore"
)

// Capacity is how many scenario views a Views keeps by default. A view
// holds its delta, its analysis caches (a patched base and projections,
// about as large as the graph's own) and, once a listing, export or path
// read has asked for them, the whole graph on its scenario and a copy in
// an in-memory store (about 120 bytes a relationship).
const Capacity = 4

// View is the graph on one scenario, ready to read. It is never written.
type View struct {
	// Scenario is the scenario read; Chain its bases, deepest first, then it.
	Scenario graph.Scenario
	Chain    []graph.Scenario
	// Analysis answers analyses on the graph on the scenario.
	Analysis *analysis.Service
	// Stale lists the changes left out because the graph changed since
	// they were written, each at its path in its scenario.
	Stale []graph.FieldError
	// Key identifies what the view was built from: the graph's version
	// and the revision of every scenario of the chain.
	Key string

	base  *graph.Store
	delta graph.Delta
	reg   graph.Registry
	// What the delta removes and puts, by id.
	removedActors, removedRels map[string]bool
	actors                     map[string]*graph.Actor
	rels                       map[string]*graph.Relationship

	batchOnce sync.Once
	batch     graph.Batch // actors and relationships sorted by id
	batchErr  error

	storeOnce sync.Once
	store     *graph.Store
	storeErr  error
}

// viewVersion is the version a view's graph reports: a view never changes
// (a change makes a new view, under a new Key).
const viewVersion = 1

// Export returns the graph on the scenario as an export: actors and
// relationships sorted by id, as a store exports them, built on the first
// call. The batch is shared: callers must not modify it.
func (v *View) Export(ctx context.Context) (graph.Batch, error) {
	v.batchOnce.Do(func() {
		// Not cancelled by the caller leaving: the batch serves the
		// view's later readers too.
		b, _, err := v.base.ScenarioGraph(context.WithoutCancel(ctx), v.Scenario.ID)
		if err != nil {
			v.batchErr = err
			return
		}
		// ScenarioGraph appends what a scenario adds: sort as an export is.
		slices.SortFunc(b.Actors, func(x, y graph.Actor) int { return cmp.Compare(x.ID, y.ID) })
		slices.SortFunc(b.Relationships, func(x, y graph.Relationship) int { return cmp.Compare(x.ID, y.ID) })
		v.batch = b
	})
	return v.batch, v.batchErr
}

// Walk lends the view's actors, then its relationships, in id order, as
// graph.Store.Walk does.
func (v *View) Walk(ctx context.Context, actor func(*graph.Actor) error, rel graph.WalkFunc) error {
	b, err := v.Export(ctx)
	if err != nil {
		return err
	}
	return b.Walk(ctx, actor, rel)
}

// GetRelationship returns relationship id on the scenario; ENOTFOUND.
func (v *View) GetRelationship(ctx context.Context, id string) (graph.Relationship, error) {
	return v.Relationship(ctx, id)
}

// Version is the view's version, constant (see Key for what changes).
func (v *View) Version(context.Context) (uint64, error) { return viewVersion, nil }

// RelationshipTypes returns the registry of the graph the view was built on.
func (v *View) RelationshipTypes(context.Context) (graph.Registry, error) { return v.reg, nil }

// Actor returns the actor id on the scenario; ENOTFOUND when it has none.
func (v *View) Actor(ctx context.Context, id string) (graph.Actor, error) {
	if a, ok := v.actors[id]; ok {
		return *a, nil
	}
	if v.removedActors[id] {
		return graph.Actor{}, graph.Errorf(graph.ENOTFOUND, "actor %s not found", id)
	}
	return v.base.GetActor(ctx, id)
}

// Relationship returns relationship id on the scenario; ENOTFOUND.
func (v *View) Relationship(ctx context.Context, id string) (graph.Relationship, error) {
	if r, ok := v.rels[id]; ok {
		return *r, nil
	}
	if v.removedRels[id] {
		return graph.Relationship{}, graph.Errorf(graph.ENOTFOUND, "relationship %s not found", id)
	}
	return v.base.GetRelationship(ctx, id)
}

// Store returns the graph on the scenario in an in-memory store, built on
// the first call (a copy in the embedded store's compact form, about 120
// bytes a relationship) for the reads the delta does not serve.
func (v *View) Store(ctx context.Context) (*graph.Store, error) {
	v.storeOnce.Do(func() {
		b, err := v.Export(ctx)
		if err != nil {
			v.storeErr = err
			return
		}
		mem, err := memstore.Open("")
		if err != nil {
			v.storeErr = graph.Internal(err)
			return
		}
		st := graph.NewStore(mem)
		// Not cancelled by the caller leaving: the store serves the
		// view's later readers too.
		if _, err := st.Import(context.WithoutCancel(ctx), b, false); err != nil {
			// The batch comes from a valid graph with changes each
			// checked against it: a refusal here is a defect.
			mem.Close()
			v.storeErr = graph.Internal(err)
			return
		}
		v.store = st
	})
	return v.store, v.storeErr
}

// Views builds and keeps scenario views over one base store.
type Views struct {
	base     *graph.Store
	analysis *analysis.Service // the base's: views' analyses overlay it
	opts     []analysis.Option
	cache    *lru.Cache[string, *View] // by scenario id
	flights  singleflight.Group
	mu       sync.Mutex
	builds   int
}

// New returns Views over base, whose analyses overlay baseAnalysis (the
// analysis Service of base), keeping up to capacity views (at least 1);
// opts configure each view's analysis Service.
func New(base *graph.Store, baseAnalysis *analysis.Service, capacity int, opts ...analysis.Option) *Views {
	c, _ := lru.New[string, *View](max(capacity, 1))
	return &Views{base: base, analysis: baseAnalysis, opts: opts, cache: c}
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

// ResultBytes estimates the analysis answers the kept views hold.
func (v *Views) ResultBytes() int64 {
	var n int64
	for _, view := range v.cache.Values() {
		n += view.Analysis.Stats().ResultBytes
	}
	return n
}

func (v *Views) build(ctx context.Context, chain []graph.Scenario, key string) (*View, error) {
	id := chain[len(chain)-1].ID
	d, stale, err := v.base.ScenarioDelta(ctx, id)
	if err != nil {
		return nil, err
	}
	reg, err := v.base.RelationshipTypes(ctx)
	if err != nil {
		return nil, err
	}
	view := &View{Scenario: chain[len(chain)-1], Chain: chain, Stale: stale, Key: key, base: v.base, delta: d, reg: reg,
		removedActors: map[string]bool{}, removedRels: map[string]bool{},
		actors: make(map[string]*graph.Actor, len(d.Actors)), rels: make(map[string]*graph.Relationship, len(d.Relationships))}
	for _, id := range d.RemovedActors {
		view.removedActors[id] = true
	}
	for _, id := range d.RemovedRelationships {
		view.removedRels[id] = true
	}
	for i := range d.Actors {
		view.actors[d.Actors[i].ID] = &d.Actors[i]
	}
	for i := range d.Relationships {
		view.rels[d.Relationships[i].ID] = &d.Relationships[i]
	}
	view.Analysis = analysis.NewOverlay(v.analysis, view, d, v.opts...)
	v.mu.Lock()
	v.builds++
	v.mu.Unlock()
	return view, nil
}
