package analysis

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/detente/detente/graph"
)

// Source is what the Service reads the graph from; graph.Store satisfies it.
//
// The Service reads the whole graph with Walk (once per version), keeping
// only what the algorithms need of each relationship, and fetches the
// whole relationships an answer shows with GetRelationship.
type Source interface {
	// Walk lends every actor, then every relationship, as graph.Store.Walk.
	Walk(ctx context.Context, actor func(*graph.Actor) error, rel graph.WalkFunc) error
	// GetRelationship returns one relationship; ENOTFOUND.
	GetRelationship(ctx context.Context, id string) (graph.Relationship, error)
	Version(ctx context.Context) (uint64, error)
	RelationshipTypes(ctx context.Context) (graph.Registry, error)
}

var _ Source = (*graph.Store)(nil)

// changeFeed is what a Source that records its writes offers (graph.Store:
// see its change feed): after a few writes the Service reads just the
// records they touched and patches its base and projections, instead of
// reading the graph whole.
type changeFeed interface {
	ChangePosition() uint64
	Changes(from uint64) (cs graph.ChangeSet, n, next uint64, ok bool)
	GetActor(ctx context.Context, id string) (graph.Actor, error)
}

var _ changeFeed = (*graph.Store)(nil)

// DefaultCacheSize is the number of projections a Service keeps.
const DefaultCacheSize = 8

// Service answers analysis queries over projections of a Source, cached
// per graph version and filter. Every query first reads the store's
// Version (cheap); a write bumps it, so no query is ever answered from a
// projection older than the version it saw. The version is read before the
// walk of the graph, so a cached projection is never older than its key
// says. The whole relationships an answer shows are fetched when it is
// made, so they may be newer than its version (a deleted one keeps what
// the projection knew of it).
//
// After writes recorded by the Source's change feed (an exclusive
// embedded store), the base is brought up to date by reading just the
// records the writes touched, and the cached projections are patched
// when first asked for (catchUp, patch.go): exactly what a fresh read
// and build would make. An overlay (NewOverlay) patches its parent's in
// the same way. Otherwise the graph is read whole once per version.
//
// The cache holds the latest read of the graph (one base: lean records of
// the relationships, about 42 bytes each beside the store's own, never a
// copy of the records) and up to DefaultCacheSize
// projections (least recently used first out; projections of an older
// version go as soon as a newer one is built). Weighted and unweighted
// queries share a projection. Concurrent requests for the same projection,
// or the same centrality on it, wait for one computation; it is cancelled
// when every request waiting for it has gone. A Service is safe for
// concurrent use.
type Service struct {
	src      Source
	capacity int
	// resultBudget is the bytes of answers kept across the cached
	// projections; each holds at most resultBudget/capacity.
	resultBudget int64
	now          func() time.Time // the clock: today is the default analysis date of mediators

	// parent and delta make an overlay (NewOverlay): its graph is
	// parent's with delta applied, and its base and projections are
	// patched from parent's.
	parent *Service
	delta  *graph.Delta

	mu      sync.Mutex
	base    *base
	entries []*entry // most recently used first
	flights flightGroup

	hits, misses, builds, exports, patches atomic.Uint64
}

type entry struct {
	version uint64
	key     string
	data    *data
}

// Option configures a Service.
type Option func(*Service)

// WithCacheSize sets how many projections the Service keeps (at least 1).
func WithCacheSize(n int) Option {
	return func(s *Service) { s.capacity = max(n, 1) }
}

// WithResultBudget sets the bytes of answers the Service keeps across
// its cached projections (DefaultResultBudget by default; see
// memoResult).
func WithResultBudget(bytes int64) Option {
	return func(s *Service) { s.resultBudget = max(bytes, 0) }
}

// WithClock sets the Service's clock (time.Now by default), which gives
// mediator queries without AsOf their analysis date.
func WithClock(now func() time.Time) Option {
	return func(s *Service) { s.now = now }
}

// NewService returns a Service reading from src.
func NewService(src Source, opts ...Option) *Service {
	s := &Service{src: src, capacity: DefaultCacheSize, now: time.Now, resultBudget: DefaultResultBudget}
	for _, o := range opts {
		o(s)
	}
	return s
}

// NewOverlay returns a Service answering on parent's graph with delta
// applied (the graph on a scenario), reading its version, registry and
// whole relationships from src. It never reads the graph whole: its base
// is parent's current base patched with delta, and each projection is
// parent's projection under the same filter, patched (see patch.go); a
// patch makes exactly what a build of the changed graph makes, so every
// answer is the answer on a store holding that graph.
func NewOverlay(parent *Service, src Source, delta graph.Delta, opts ...Option) *Service {
	s := NewService(src, opts...)
	s.parent, s.delta = parent, &delta
	return s
}

// CacheStats are the Service's counters, for metrics.
type CacheStats struct {
	Hits    uint64 `json:"hits"`    // queries served from a cached projection
	Misses  uint64 `json:"misses"`  // queries that waited for a projection to be built
	Builds  uint64 `json:"builds"`  // projections built
	Exports uint64 `json:"exports"` // full reads of the store
	// Patches counts the bases brought up to date by the store's change
	// feed instead of a full read.
	Patches uint64 `json:"patches"`
	Entries int    `json:"entries"` // projections held now
	// ResultBytes estimates the answers kept on the cached projections
	// (at most the result budget).
	ResultBytes int64 `json:"result_bytes"`
}

// Stats returns the cache counters.
func (s *Service) Stats() CacheStats {
	s.mu.Lock()
	n := len(s.entries)
	var bytes int64
	for _, e := range s.entries {
		bytes += e.data.resultCache().Bytes()
	}
	s.mu.Unlock()
	return CacheStats{Hits: s.hits.Load(), Misses: s.misses.Load(), Builds: s.builds.Load(),
		Exports: s.exports.Load(), Patches: s.patches.Load(), Entries: n, ResultBytes: bytes}
}

// Projection returns the projection of the current graph under f, from
// the cache when the graph has not changed since it was built. EINVALID
// for a bad filter; store errors pass through.
func (s *Service) Projection(ctx context.Context, f Filter) (*Projection, error) {
	return s.projection(ctx, f, nil)
}

// projection validates f together with the query's own problems (so a
// caller sees every bad parameter at once) and returns the projection.
func (s *Service) projection(ctx context.Context, f Filter, queryErrs []graph.FieldError) (*Projection, error) {
	v, err := s.src.Version(ctx)
	if err != nil {
		return nil, sourceError(ctx, err)
	}
	b, err := s.loadBase(ctx, v)
	if err != nil {
		return nil, err
	}
	if errs := append(queryErrs, f.fieldErrors(b.reg)...); len(errs) > 0 {
		return nil, graph.Invalid("invalid analysis query", errs...)
	}
	key := strconv.FormatUint(v, 10) + "|" + f.selectionKey()

	if d := s.lookup(key); d != nil {
		s.hits.Add(1)
		return &Projection{data: d, weighted: f.Weighted}, nil
	}
	s.misses.Add(1)

	val, err := s.flights.do(ctx, "projection:"+key, func(ctx context.Context) (any, error) {
		// A flight that ended between our lookup and now may have left it.
		if d := s.lookup(key); d != nil {
			return d, nil
		}
		d, err := s.make(ctx, b, f)
		if err != nil {
			return nil, err
		}
		d.resultBudget = s.resultBudget / int64(s.capacity)
		s.builds.Add(1)
		s.insert(&entry{version: v, key: key, data: d})
		return d, nil
	})
	if err != nil {
		return nil, err
	}
	return &Projection{data: val.(*data), weighted: f.Weighted}, nil
}

// make returns the projection of b under f: built, or, when b was
// patched from a parent's base, the parent's projection under f patched
// the same way.
func (s *Service) make(ctx context.Context, b *base, f Filter) (*data, error) {
	if b.from != nil && s.parent != nil {
		p, err := s.parent.projection(ctx, f, nil)
		if err != nil {
			return nil, err
		}
		if p.base == b.from.from { // else the parent has moved on: build
			return p.data.patch(ctx, b, b.from)
		}
	}
	if d, m := b.takeLater(f.normalized().selectionKey()); d != nil && m != nil && d.base == m.from {
		return d.patch(ctx, b, m)
	}
	return build(ctx, b, f)
}

// currentBase returns the base of the graph as it is now.
func (s *Service) currentBase(ctx context.Context) (*base, error) {
	v, err := s.src.Version(ctx)
	if err != nil {
		return nil, sourceError(ctx, err)
	}
	return s.loadBase(ctx, v)
}

// lookup returns the cached projection data for key, marking it used.
func (s *Service) lookup(key string) *data {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, e := range s.entries {
		if e.key == key {
			copy(s.entries[1:i+1], s.entries[:i])
			s.entries[0] = e
			return e.data
		}
	}
	return nil
}

// insert adds e at the front, dropping entries of older versions and the
// least recently used beyond capacity. A projection of a version older
// than one already cached (a request that read the version just before a
// write) is served but not kept.
func (s *Service) insert(e *entry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, x := range s.entries {
		if x.version > e.version {
			return
		}
	}
	kept := []*entry{e}
	for _, x := range s.entries {
		if x.version == e.version && x.key != e.key && len(kept) < s.capacity {
			kept = append(kept, x)
		}
	}
	s.entries = kept
}

// loadBase returns the base of version v, walking the store once however
// many requests ask at the same time.
func (s *Service) loadBase(ctx context.Context, v uint64) (*base, error) {
	s.mu.Lock()
	b := s.base
	s.mu.Unlock()
	if b != nil && b.version == v {
		return b, nil
	}
	val, err := s.flights.do(ctx, "export:"+strconv.FormatUint(v, 10), func(ctx context.Context) (any, error) {
		s.mu.Lock()
		b := s.base
		s.mu.Unlock()
		if b != nil && b.version == v {
			return b, nil
		}
		reg, err := s.src.RelationshipTypes(ctx)
		if err != nil {
			return nil, sourceError(ctx, err)
		}
		if s.parent != nil {
			pb, err := s.parent.currentBase(ctx)
			if err != nil {
				return nil, err
			}
			nb, m, err := pb.patch(v, reg, *s.delta)
			if err != nil {
				return nil, err
			}
			nb.fetch, nb.from = s.src.GetRelationship, m
			s.mu.Lock()
			s.base = nb
			s.mu.Unlock()
			return nb, nil
		}
		feed, hasFeed := s.src.(changeFeed)
		if hasFeed && b != nil && b.fed && b.version < v {
			nb, err := s.catchUp(ctx, b, v, reg, feed)
			if err != nil {
				return nil, err
			}
			if nb != nil {
				s.patches.Add(1)
				s.mu.Lock()
				if s.base == nil || s.base.version <= v {
					s.base = nb
				}
				s.mu.Unlock()
				return nb, nil
			}
		}
		var pos uint64
		if hasFeed {
			// Every write recorded before pos is in the walk.
			pos = feed.ChangePosition()
		}
		var actors, rels int
		if b != nil {
			actors, rels = len(b.ends), len(b.rels)
		}
		bd := newBuilder(v, reg, actors, rels)
		if err := s.src.Walk(ctx, bd.actor, bd.rel); err != nil {
			return nil, sourceError(ctx, err)
		}
		s.exports.Add(1)
		b = bd.done()
		b.fetch = s.src.GetRelationship
		b.feedPos, b.fed = pos, hasFeed
		s.mu.Lock()
		if s.base == nil || s.base.version <= v {
			s.base = b
		}
		s.mu.Unlock()
		return b, nil
	})
	if err != nil {
		return nil, err
	}
	return val.(*base), nil
}

// catchUp returns prev brought to version v by the change feed: the
// records the writes since prev touched read again and patched in, with
// the projections cached on prev ready to patch the same way (see
// patch.go); nil when the feed cannot say what changed (a write in
// flight, too many writes, an import, a write it did not record — the
// Version moved by more than the writes it holds), and the caller reads
// the graph whole.
func (s *Service) catchUp(ctx context.Context, prev *base, v uint64, reg graph.Registry, feed changeFeed) (*base, error) {
	cs, n, next, ok := feed.Changes(prev.feedPos)
	if !ok || n != v-prev.version {
		return nil, nil
	}
	var d graph.Delta
	for _, id := range cs.Relationships {
		r, err := s.src.GetRelationship(ctx, id)
		switch {
		case graph.ErrorCode(err) == graph.ENOTFOUND:
			d.RemovedRelationships = append(d.RemovedRelationships, id)
		case err != nil:
			return nil, sourceError(ctx, err)
		default:
			d.Relationships = append(d.Relationships, r)
		}
	}
	gone := map[int32]bool{}
	for _, id := range cs.Actors {
		a, err := feed.GetActor(ctx, id)
		switch {
		case graph.ErrorCode(err) == graph.ENOTFOUND:
			d.RemovedActors = append(d.RemovedActors, id)
			if e, ok := prev.endIndex(id); ok {
				gone[int32(e)] = true
			}
		case err != nil:
			return nil, sourceError(ctx, err)
		default:
			d.Actors = append(d.Actors, a)
		}
	}
	// A deleted actor's ties went with it (a cascade lists them not).
	if len(gone) > 0 {
		for i := range prev.rels {
			if r := &prev.rels[i]; gone[r.src] || gone[r.dst] {
				d.RemovedRelationships = append(d.RemovedRelationships, prev.relIDs[i])
			}
		}
	}
	nb, m, err := prev.patch(v, reg, d)
	if err != nil {
		return nil, err
	}
	nb.fetch, nb.feedPos, nb.fed = prev.fetch, next, true
	// The projections cached on prev are patched when asked for; prev's
	// own are dropped, so that no chain of older bases stays behind.
	later := &laterPatches{from: m, data: map[string]*data{}}
	s.mu.Lock()
	for _, e := range s.entries {
		if e.data.base == prev {
			later.data[e.data.filter.selectionKey()] = e.data
		}
	}
	s.mu.Unlock()
	prev.dropLater()
	nb.later = later
	return nb, nil
}

// laterPatches are the projections of the base a base was patched from,
// waiting to be patched when their filter is asked for; each is taken
// once, and all go with the next write.
type laterPatches struct {
	mu   sync.Mutex
	from *remap
	data map[string]*data // by selection key
}

// takeLater returns the projection under the filter of key waiting to be
// patched, and how, taking it.
func (b *base) takeLater(key string) (*data, *remap) {
	l := b.later
	if l == nil {
		return nil, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	d := l.data[key]
	delete(l.data, key)
	return d, l.from
}

// dropLater lets go of the projections waiting to be patched.
func (b *base) dropLater() {
	if l := b.later; l != nil {
		l.mu.Lock()
		l.data, l.from = nil, nil
		l.mu.Unlock()
	}
}

// Influence ranks actors by a global measure (GET /api/v1/influence).
func (s *Service) Influence(ctx context.Context, q InfluenceQuery) (Ranking, error) {
	p, err := s.projection(ctx, q.Filter, q.fieldErrors())
	if err != nil {
		return Ranking{}, err
	}
	return p.Influence(ctx, q)
}

// ActorInfluence answers who an actor influences and who influences it
// (GET /api/v1/actors/{id}/influence).
//
// Structural ties are connections, not influence: with no polarity the
// query runs on the signed ties (PolaritySigned); polarity "all" counts
// structural ties too, as conduits (see ActorInfluence).
func (s *Service) ActorInfluence(ctx context.Context, q ActorInfluenceQuery) (ActorInfluence, error) {
	if q.Polarity == "" {
		q.Polarity = PolaritySigned
	}
	p, err := s.projection(ctx, q.Filter, q.fieldErrors())
	if err != nil {
		return ActorInfluence{}, err
	}
	return p.ActorInfluence(ctx, q)
}

// Mediators ranks the actors with active cooperative access to both a and
// b (GET /api/v1/mediators). It reads every polarity (conflictual ties
// disqualify), and without AsOf the analysis date is today (UTC, by the
// Service's clock): only ties active on it count.
func (s *Service) Mediators(ctx context.Context, q MediatorQuery) (Mediators, error) {
	errs := q.fieldErrors()
	f := q.Filter
	f.Polarity = PolarityAll
	if f.AsOf == nil {
		t := s.now().UTC()
		f.AsOf = &graph.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
	}
	p, err := s.projection(ctx, f, errs)
	if err != nil {
		return Mediators{}, err
	}
	return p.Mediators(ctx, q)
}

// Blocs finds communities of positive ties (Louvain).
func (s *Service) Blocs(ctx context.Context, q BlocQuery) (Blocs, error) {
	errs := q.fieldErrors()
	f := q.Filter
	if q.Method != BlocsLouvain {
		// Signed blocs read hostile ties too; by default they are the
		// method whenever the selection has a hostile pair.
		f.Polarity = PolarityAll
		p, err := s.projection(ctx, f, errs)
		if err != nil {
			return Blocs{}, err
		}
		if q.Method == BlocsSigned || p.hasHostilePair() {
			q.Method = BlocsSigned
			return p.Blocs(ctx, q)
		}
		q.Method = BlocsLouvain
	}
	f.Polarity = PolarityPositive
	p, err := s.projection(ctx, f, errs)
	if err != nil {
		return Blocs{}, err
	}
	return p.Blocs(ctx, q)
}

// Balance measures structural balance on the signed graph.
func (s *Service) Balance(ctx context.Context, q BalanceQuery) (Balance, error) {
	p, err := s.projection(ctx, q.Filter, q.fieldErrors())
	if err != nil {
		return Balance{}, err
	}
	return p.Balance(ctx, q)
}

// ctxError turns the end of a request's context into the domain error the
// API maps to 503: the query ran out of time (or its client left).
func ctxError(ctx context.Context) error {
	return graph.Unavailable("the analysis was cancelled or ran out of time", context.Cause(ctx))
}

// sourceError passes domain errors through and wraps anything else.
func sourceError(ctx context.Context, err error) error {
	var e *graph.Error
	if errors.As(err, &e) {
		return err
	}
	if ctx.Err() != nil {
		return ctxError(ctx)
	}
	return graph.Unavailable("the graph store could not be read", err)
}
