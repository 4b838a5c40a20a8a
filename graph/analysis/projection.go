package analysis

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/detente/detente/internal/sizedlru"

	"github.com/detente/detente/graph"
)

// Projection is a compact, immutable view of the (filtered) graph that the
// algorithms run on: the idea of Neo4j GDS's projected graphs.
//
// Actors are numbered 0..N-1 in sorted id order, so every result is
// deterministic and ties broken by index are ties broken by id. Edges are
// held twice, as compressed sparse rows of out- and in-neighbours.
//
// How relationships become edges:
//   - an asymmetric relationship u->v is the edge u->v; a symmetric one
//     (allied_with, negotiates_with, hostile_to, ...) is both u->v and v->u;
//   - parallel relationships on one ordered pair (two types, or a symmetric
//     tie over an asymmetric one) combine into one edge. Unweighted measures
//     see one edge, as a NetworkX DiGraph would. Flow measures (PageRank,
//     eigenvector, weighted in/out-degree) use the SUM of the weights, as
//     NetworkX does for a MultiDiGraph. Path measures (betweenness,
//     closeness, evidence paths) use the best single relationship: distance
//     1/max(weight), again as NetworkX's shortest paths on a MultiDiGraph.
//     The best relationship (highest weight, then lowest id) is the edge's
//     evidence.
//
// A Projection is safe for concurrent use. Weighted and unweighted views of
// one selection share their arrays (see WithWeighted).
type Projection struct {
	*data
	weighted bool
}

// data is what a Projection holds, shared by its weighted and unweighted
// views and cached by the Service.
type data struct {
	base   *base
	filter Filter // normalized, Weighted false

	ids   []string // sorted: indexOf searches them
	local []int32  // base.ends index -> actor number, -1 when not selected

	out, in adjacency
	outSum  []float64 // per actor: sum of out-edge weights
	outDeg  []float64 // per actor: number of out-edges
	nrels   int       // selected relationships
	relsSel []int32   // the selected relationships (indices into base.rels)
	// flipped holds the relationships read as another type — their sign
	// counterpart (flipType): set only on the masked projections that key
	// players evaluate (see keySearch.masked), nil on every projection the
	// Service builds.
	flipped map[int32]graph.RelationshipType

	undOnce sync.Once
	und     *undirected

	signedOnce          sync.Once
	signedOut, signedIn [][]signedEdge // see signedAdjacencies

	memoMu  sync.Mutex
	memo    map[string]*Centrality
	flights flightGroup

	resultsOnce sync.Once
	results     *sizedlru.Cache[string, any] // see memoResult
	// resultBudget is the bytes of answers results may hold (0: the
	// default share); the Service sets it on the projections it caches.
	resultBudget int64
}

// adjacency is a compressed sparse row structure: the neighbours of node v
// are nbr[off[v]:off[v+1]], sorted by index.
//
// The edge's best weight (the highest single weight, that of rel) and
// its length for path measures (1/best) are not stored: they are read
// from the relationship (see best), and the path kernels get the lengths
// for their run only (see withLengths). Only those set dist.
type adjacency struct {
	off  []int32
	nbr  []int32
	sum  []float64 // sum of the weights of the relationships on the edge
	rel  []int32   // the best relationship (index into base.rels)
	dist []float64 // 1/best, set only on the copies withLengths returns
}

func (a *adjacency) row(v int32) (lo, hi int32) { return a.off[v], a.off[v+1] }

// base is one read of the graph: everything a projection needs from the
// store, and no more. It is built record by record from Source.Walk (or a
// batch's relationships) and never holds graph.Relationship values: each
// relationship is a rel, and the few answers that show whole
// relationships (evidence paths, mediator ties, key-player items) fetch
// them by id when they are made (see hydrate).
type base struct {
	version uint64
	reg     graph.Registry
	rels    []rel    // by id
	relIDs  []string // relationship i's id; ascending
	kind    []uint16 // each relationship's type: its index in types
	// ends are the actors' ids and any relationship endpoint that is not
	// an actor (a hand-built batch), sorted; names[i] is ends[i]'s name
	// ("" when it has none) and isActor[i] whether it is an actor.
	ends    []string
	names   []string
	isActor []bool
	// types holds each kind's registry entry (structural and asymmetric
	// when the registry lacks it); at most maxKinds of them.
	types []graph.RelationshipType
	// dates holds relationship i's packed valid_from and valid_to at 2i
	// and 2i+1 (see packDate), or is nil when no relationship is dated.
	dates []int32
	// odd holds the exact dates of the relationships whose dates do not
	// pack (see packDate): only a hand-built batch has them.
	odd map[int32][2]*graph.Date
	// fetch returns a whole relationship by id (ENOTFOUND when it is gone).
	fetch func(ctx context.Context, id string) (graph.Relationship, error)
	// from says how an overlay's base was patched from its parent's (nil
	// otherwise): the parent's projections patch the same way.
	from *remap
	// fed says the base was read from a change feed, as of its position
	// feedPos; later is what a base the feed brought up to date still
	// has to patch (see Service.catchUp).
	fed     bool
	feedPos uint64
	later   *laterPatches
}

// rel is what the analysis keeps of a relationship: 24 bytes and no
// pointer (the garbage collector never scans the array, and a patch
// copies it whole), with its id in base.relIDs (16 bytes, the string
// shared with the record it was read from), its type in base.kind (2)
// and, when the graph has dated ties, its dates in base.dates (8),
// against some 200 for a graph.Relationship and its dates. Notes,
// citations, attributes and timestamps stay in the store.
type rel struct {
	weight, confidence float64
	src, dst           int32 // indices into base.ends
}

// maxKinds is how many relationship types a base can tell apart.
const maxKinds = math.MaxUint16 + 1

// span is relationship ri's packed dates: openFrom and openTo for open
// ends, oddDate as from when base.odd holds them.
func (b *base) span(ri int32) (from, to int32) {
	if b.dates == nil {
		return openFrom, openTo
	}
	return b.dates[2*ri], b.dates[2*ri+1]
}

// Packed dates: year*512 + month*32 + day orders dates exactly as
// graph.Date.Before does (the embedded store's encoding). The ends of the
// int32 range stand for an open end; oddDate says base.odd holds both.
const (
	openFrom = math.MinInt32
	openTo   = math.MaxInt32
	oddDate  = math.MinInt32 + 1
	maxYear  = math.MaxInt32/512 - 1
	minYear  = math.MinInt32/512 + 2
)

// packDate returns d's key, and false when d does not fit (a hand-built
// Date with an out-of-range field: never one a store holds).
func packDate(d graph.Date) (int32, bool) {
	if d.Year < minYear || d.Year > maxYear || d.Month < 0 || d.Month > 15 || d.Day < 0 || d.Day > 31 {
		return 0, false
	}
	return int32(d.Year*512 + int(d.Month)*32 + d.Day), true
}

func unpackDate(k int32) *graph.Date {
	y := int(k) >> 9 // arithmetic shift: floor division, right for negative years too
	r := int(k) - y*512
	return &graph.Date{Year: y, Month: time.Month(r >> 5), Day: r & 31}
}

// validFrom and validTo are relationship ri's dates (nil when open), new
// values the caller may keep.
func (b *base) validFrom(ri int32) *graph.Date {
	switch k, _ := b.span(ri); k {
	case openFrom:
		return nil
	case oddDate:
		return cloneDate(b.odd[ri][0])
	default:
		return unpackDate(k)
	}
}

func (b *base) validTo(ri int32) *graph.Date {
	switch from, to := b.span(ri); {
	case from == oddDate:
		return cloneDate(b.odd[ri][1])
	case to == openTo:
		return nil
	default:
		return unpackDate(to)
	}
}

func cloneDate(d *graph.Date) *graph.Date {
	if d == nil {
		return nil
	}
	c := *d
	return &c
}

// validOn reports whether relationship ri is valid on day, as
// graph.Relationship.ValidOn does.
func (b *base) validOn(ri int32, day graph.Date) bool {
	from, to := b.span(ri)
	k, ok := packDate(day)
	if from == oddDate || !ok {
		l := b.lean(ri)
		return l.ValidOn(day)
	}
	return from <= k && k <= to
}

// narrow returns the days of w on which relationship ri was valid too,
// as graph.Window.Narrow does (its dates are new values).
func (b *base) narrow(w graph.Window, ri int32) graph.Window {
	if from, to := b.span(ri); from == openFrom && to == openTo {
		return w
	}
	dates := graph.Relationship{ValidFrom: b.validFrom(ri), ValidTo: b.validTo(ri)}
	return w.Narrow(&dates)
}

func (b *base) source(ri int32) string   { return b.ends[b.rels[ri].src] }
func (b *base) target(ri int32) string   { return b.ends[b.rels[ri].dst] }
func (b *base) typeName(ri int32) string { return b.types[b.kind[ri]].Name }

// lean is relationship ri as far as the analysis knows it: id, endpoints,
// type, weight, confidence and dates, with no citations, note or
// timestamps. Answers that show a relationship replace it by the whole
// record (see hydrate).
func (b *base) lean(ri int32) graph.Relationship {
	r := &b.rels[ri]
	return graph.Relationship{ID: b.relIDs[ri], Source: b.ends[r.src], Target: b.ends[r.dst], Type: b.typeName(ri),
		Weight: r.weight, Confidence: r.confidence, ValidFrom: b.validFrom(ri), ValidTo: b.validTo(ri), Sources: []graph.Citation{}}
}

// builder makes a base from a walk: actors first (any order), then
// relationships (any order; a store's walk gives id order, which saves
// the sort).
type builder struct {
	b     *base
	reg   graph.Registry
	at    map[string]int32 // ends index by id
	walk  []int32          // ends index by position in the actor walk
	kinds map[string]int32
	extra bool // an endpoint that is not an actor was added: ends need sorting
	// sorted says the actors, and the relationships, came in id order.
	actorsSorted, relsSorted bool
}

// newBuilder returns a builder expecting about actors actors and rels
// relationships (the last read's, say): reserving them spares the walk
// the copies of growing its arrays.
func newBuilder(version uint64, reg graph.Registry, actors, rels int) *builder {
	actors += actors/128 + 16
	rels += rels/128 + 16
	b := &base{version: version, reg: reg, rels: make([]rel, 0, rels), relIDs: make([]string, 0, rels), kind: make([]uint16, 0, rels),
		ends: make([]string, 0, actors), names: make([]string, 0, actors), isActor: make([]bool, 0, actors)}
	return &builder{b: b, reg: reg, at: make(map[string]int32, actors), walk: make([]int32, 0, actors),
		kinds: map[string]int32{}, actorsSorted: true, relsSorted: true}
}

func (bd *builder) actor(a *graph.Actor) error {
	b := bd.b
	if i, ok := bd.at[a.ID]; ok { // a repeated id: the last record wins, as a map would keep it
		b.names[i] = a.Name
		bd.walk = append(bd.walk, i)
		return nil
	}
	if n := len(b.ends); n > 0 && a.ID < b.ends[n-1] {
		bd.actorsSorted = false
	}
	bd.walk = append(bd.walk, int32(len(b.ends)))
	bd.at[a.ID] = int32(len(b.ends))
	b.ends = append(b.ends, a.ID)
	b.names = append(b.names, a.Name)
	b.isActor = append(b.isActor, true)
	return nil
}

// endAt returns the ends index of id, which the walk says is the actor
// at position pos: found without hashing the id when the walk says so
// (checked), else looked up.
func (bd *builder) endAt(id string, pos int) int32 {
	if pos >= 0 && pos < len(bd.walk) {
		if i := bd.walk[pos]; bd.b.ends[i] == id {
			return i
		}
	}
	return bd.end(id)
}

// end returns the ends index of id, adding it (not an actor) if need be.
func (bd *builder) end(id string) int32 {
	if i, ok := bd.at[id]; ok {
		return i
	}
	b := bd.b
	i := int32(len(b.ends))
	bd.at[id] = i
	b.ends = append(b.ends, id)
	b.names = append(b.names, "")
	b.isActor = append(b.isActor, false)
	bd.extra = true
	return i
}

func (bd *builder) rel(r *graph.Relationship, source, target int) error {
	b := bd.b
	if n := len(b.relIDs); n > 0 && r.ID <= b.relIDs[n-1] {
		bd.relsSorted = false
	}
	k, ok := bd.kinds[r.Type]
	if !ok && len(b.types) == maxKinds {
		return graph.Internal(fmt.Errorf("more than %d relationship types", maxKinds))
	}
	if !ok {
		t, found := bd.reg.Get(r.Type)
		if !found {
			// Stores validate types on write; a type missing from
			// the registry reads as structural and asymmetric.
			t = graph.RelationshipType{Name: r.Type}
		}
		k = int32(len(b.types))
		bd.kinds[r.Type] = k
		b.types = append(b.types, t)
	}
	i := int32(len(b.rels))
	b.rels = append(b.rels, rel{weight: r.Weight, confidence: r.Confidence, src: bd.endAt(r.Source, source), dst: bd.endAt(r.Target, target)})
	b.relIDs = append(b.relIDs, r.ID)
	b.kind = append(b.kind, uint16(k))
	if r.ValidFrom == nil && r.ValidTo == nil {
		if b.dates != nil {
			b.dates = append(b.dates, openFrom, openTo)
		}
		return nil
	}
	from, to, odd := packSpan(r)
	if odd {
		if b.odd == nil {
			b.odd = map[int32][2]*graph.Date{}
		}
		// Keyed by position for now; done re-keys after sorting.
		b.odd[i] = [2]*graph.Date{cloneDate(r.ValidFrom), cloneDate(r.ValidTo)}
	}
	if b.dates == nil { // the first dated tie: the ones before are open
		b.dates = make([]int32, 2*i, 2*cap(b.rels))
		for k := 0; k < len(b.dates); k += 2 {
			b.dates[k], b.dates[k+1] = openFrom, openTo
		}
	}
	b.dates = append(b.dates, from, to)
	return nil
}

// packSpan returns r's packed dates (openFrom and openTo for open ends),
// or oddDate as from and odd true when they do not pack (base.odd then
// holds them).
func packSpan(r *graph.Relationship) (from, to int32, odd bool) {
	from, to = openFrom, openTo
	fromOK, toOK := true, true
	if r.ValidFrom != nil {
		from, fromOK = packDate(*r.ValidFrom)
	}
	if r.ValidTo != nil {
		to, toOK = packDate(*r.ValidTo)
	}
	if !fromOK || !toOK || from == oddDate {
		return oddDate, to, true
	}
	return from, to, false
}

// done sorts what did not come sorted and returns the base.
func (bd *builder) done() *base {
	b := bd.b
	if !bd.actorsSorted || bd.extra {
		perm := make([]int32, len(b.ends))
		for i := range perm {
			perm[i] = int32(i)
		}
		slices.SortFunc(perm, func(x, y int32) int { return cmp.Compare(b.ends[x], b.ends[y]) })
		newAt := make([]int32, len(perm))
		ends, names, isActor := make([]string, len(perm)), make([]string, len(perm)), make([]bool, len(perm))
		for i, old := range perm {
			newAt[old] = int32(i)
			ends[i], names[i], isActor[i] = b.ends[old], b.names[old], b.isActor[old]
		}
		b.ends, b.names, b.isActor = ends, names, isActor
		for i := range b.rels {
			b.rels[i].src, b.rels[i].dst = newAt[b.rels[i].src], newAt[b.rels[i].dst]
		}
	}
	if !bd.relsSorted {
		perm := make([]int32, len(b.rels))
		for i := range perm {
			perm[i] = int32(i)
		}
		slices.SortStableFunc(perm, func(x, y int32) int { return cmp.Compare(b.relIDs[x], b.relIDs[y]) })
		rels, relIDs, kind := make([]rel, len(perm)), make([]string, len(perm)), make([]uint16, len(perm))
		var dates []int32
		if b.dates != nil {
			dates = make([]int32, len(b.dates))
		}
		var odd map[int32][2]*graph.Date
		for i, old := range perm {
			rels[i], relIDs[i], kind[i] = b.rels[old], b.relIDs[old], b.kind[old]
			if dates == nil {
				continue
			}
			dates[2*i], dates[2*i+1] = b.dates[2*old], b.dates[2*old+1]
			if dates[2*i] == oddDate {
				if odd == nil {
					odd = map[int32][2]*graph.Date{}
				}
				odd[int32(i)] = b.odd[old]
			}
		}
		b.rels, b.relIDs, b.kind, b.dates, b.odd = rels, relIDs, kind, dates, odd
	}
	// The walk grew the slices by appending: keep no spare capacity.
	b.rels, b.relIDs, b.kind, b.dates = trim(b.rels), trim(b.relIDs), trim(b.kind), trim(b.dates)
	b.ends, b.names, b.isActor = trim(b.ends), trim(b.names), trim(b.isActor)
	bd.at, bd.walk, bd.kinds = nil, nil, nil
	return b
}

// trim returns s in an array of its own length when s has more than a
// little spare capacity (a sixty-fourth: newBuilder reserves less).
func trim[T any](s []T) []T {
	if cap(s)-len(s) <= len(s)/64 {
		return s
	}
	return append(make([]T, 0, len(s)), s...)
}

// endIndex returns the ends index of id.
func (b *base) endIndex(id string) (int, bool) { return slices.BinarySearch(b.ends, id) }

// newBase reads a batch (an export, or a scenario's graph) into a base
// whose evidence comes from the batch itself.
func newBase(version uint64, bt graph.Batch, reg graph.Registry) (*base, error) {
	bd := newBuilder(version, reg, len(bt.Actors), len(bt.Relationships))
	if err := bt.Walk(context.Background(), bd.actor, bd.rel); err != nil {
		return nil, err
	}
	b := bd.done()
	rels := bt.Relationships
	b.fetch = func(_ context.Context, id string) (graph.Relationship, error) {
		// The last record of an id, as the base keeps it.
		for i := len(rels) - 1; i >= 0; i-- {
			if rels[i].ID == id {
				return rels[i], nil
			}
		}
		return graph.Relationship{}, graph.Errorf(graph.ENOTFOUND, "relationship %s not found", id)
	}
	if slices.IsSortedFunc(rels, func(x, y graph.Relationship) int { return cmp.Compare(x.ID, y.ID) }) {
		b.fetch = func(_ context.Context, id string) (graph.Relationship, error) {
			i, ok := slices.BinarySearchFunc(rels, id, func(r graph.Relationship, id string) int { return cmp.Compare(r.ID, id) })
			if !ok {
				return graph.Relationship{}, graph.Errorf(graph.ENOTFOUND, "relationship %s not found", id)
			}
			return rels[i], nil
		}
	}
	return b, nil
}

func (b *base) name(id string) string {
	if i, ok := b.endIndex(id); ok && b.names[i] != "" {
		return b.names[i]
	}
	return id
}

// Project builds the projection of a batch (an export of the whole graph)
// under filter f, validated against reg, as the Service builds one from a
// walk of its store; call it directly to analyse a graph that is not in a
// store. The answers take the whole relationships they show from b, which
// must not change while the projection is in use.
func Project(ctx context.Context, b graph.Batch, reg graph.Registry, f Filter) (*Projection, error) {
	if err := f.Validate(reg); err != nil {
		return nil, err
	}
	bs, err := newBase(0, b, reg)
	if err != nil {
		return nil, err
	}
	d, err := build(ctx, bs, f)
	if err != nil {
		return nil, err
	}
	return &Projection{data: d, weighted: f.Weighted}, nil
}

func build(ctx context.Context, bs *base, f Filter) (*data, error) {
	f = f.normalized()
	f.Weighted = false
	d := &data{base: bs, filter: f}

	// Select relationships and their actors.
	sel := make([]int32, 0, len(bs.rels))
	sym := make([]bool, 0, len(bs.rels))
	seen := make([]bool, len(bs.ends))
	for i := range bs.rels {
		if i%4096 == 0 && ctx.Err() != nil {
			return nil, ctxError(ctx)
		}
		ok, symmetric := f.selects(bs, int32(i))
		if !ok {
			continue
		}
		r := &bs.rels[i]
		sel = append(sel, int32(i))
		sym = append(sym, symmetric)
		seen[r.src], seen[r.dst] = true, true
	}
	// The actors in id order (ends is sorted), numbered from 0.
	d.local = make([]int32, len(bs.ends))
	for e, ok := range seen {
		d.local[e] = -1
		if ok {
			d.local[e] = int32(len(d.ids))
			d.ids = append(d.ids, bs.ends[e])
		}
	}
	if ctx.Err() != nil {
		return nil, ctxError(ctx)
	}
	d.link(slices.Clone(sel), sym)
	return d, nil
}

// selects reports whether f selects relationship ri of bs, and whether
// its type is symmetric. Stores keep weights in (0, 1]; anything else
// cannot be read as a strength or a distance, so it is left out, as are
// self-ties.
func (f *Filter) selects(bs *base, ri int32) (ok, symmetric bool) {
	r := &bs.rels[ri]
	t := bs.types[bs.kind[ri]]
	if !(r.weight > 0 && r.weight <= 1) || r.src == r.dst || !f.admitsRel(bs, ri, t) {
		return false, false
	}
	return true, t.Symmetric
}

// link sets the selected relationships sel (indices into base.rels, in id
// order; sym[i] says whether sel[i]'s type is symmetric) and builds the
// edges from them: one per direction of each relationship. The actors
// (ids, index, local) must be set and hold every endpoint.
func (d *data) link(sel []int32, sym []bool) {
	bs := d.base
	d.nrels = len(sel)
	d.relsSel = sel
	m := len(sel)
	for _, s := range sym {
		if s {
			m++
		}
	}
	src := make([]int32, 0, m)
	dst := make([]int32, 0, m)
	rel := make([]int32, 0, m)
	for i, ri := range sel {
		u, v := d.local[bs.rels[ri].src], d.local[bs.rels[ri].dst]
		src, dst, rel = append(src, u), append(dst, v), append(rel, ri)
		if sym[i] {
			src, dst, rel = append(src, v), append(dst, u), append(rel, ri)
		}
	}
	d.setEdges(src, dst, rel, func(r int32) float64 { return bs.rels[r].weight })
}

// setEdges builds the adjacencies from directed edges src[i] -> dst[i]
// carrying relationship rel[i] (in relationship id order) of weight
// weight(rel[i]), combining parallel edges.
func (d *data) setEdges(src, dst, rel []int32, weight func(int32) float64) {
	n := len(d.ids)
	// Sort by (source, target, relationship) with two stable counting
	// sorts: relationships already come in id order.
	perm := countingSort(dst, n, nil)
	perm = countingSort(src, n, perm)

	// Count the edges first, so the arrays take no more than they hold.
	m := 0
	for k := range perm {
		if k == 0 || src[perm[k]] != src[perm[k-1]] || dst[perm[k]] != dst[perm[k-1]] {
			m++
		}
	}
	out := adjacency{off: make([]int32, n+1), nbr: make([]int32, 0, m), sum: make([]float64, 0, m), rel: make([]int32, 0, m)}
	for k := 0; k < len(perm); {
		e := perm[k]
		u, v := src[e], dst[e]
		w := weight(rel[e])
		sum, best, bestRel := w, w, rel[e]
		for k++; k < len(perm) && src[perm[k]] == u && dst[perm[k]] == v; k++ {
			r := rel[perm[k]]
			w := weight(r)
			sum += w
			if w > best { // ties keep the lower id, which came first
				best, bestRel = w, r
			}
		}
		out.nbr = append(out.nbr, v)
		out.sum = append(out.sum, sum)
		out.rel = append(out.rel, bestRel)
		out.off[u+1]++
	}
	for v := 0; v < n; v++ {
		out.off[v+1] += out.off[v]
	}
	d.out = out
	d.in = transpose(&out, n)
	d.outSum = make([]float64, n)
	d.outDeg = make([]float64, n)
	for v := int32(0); v < int32(n); v++ {
		lo, hi := out.row(v)
		d.outDeg[v] = float64(hi - lo)
		for e := lo; e < hi; e++ {
			d.outSum[v] += out.sum[e]
		}
	}
}

// countingSort returns the permutation that stably sorts perm (or the
// identity, when perm is nil) by key, keys being in [0, n).
func countingSort(key []int32, n int, perm []int32) []int32 {
	if perm == nil {
		perm = make([]int32, len(key))
		for i := range perm {
			perm[i] = int32(i)
		}
	}
	count := make([]int32, n+1)
	for _, k := range key {
		count[k+1]++
	}
	for i := 0; i < n; i++ {
		count[i+1] += count[i]
	}
	out := make([]int32, len(perm))
	for _, e := range perm {
		k := key[e]
		out[count[k]] = e
		count[k]++
	}
	return out
}

// transpose returns the in-adjacency of out; each row comes out sorted
// because sources are visited in order.
func transpose(out *adjacency, n int) adjacency {
	m := len(out.nbr)
	in := adjacency{off: make([]int32, n+1), nbr: make([]int32, m), sum: make([]float64, m), rel: make([]int32, m)}
	for _, v := range out.nbr {
		in.off[v+1]++
	}
	for v := 0; v < n; v++ {
		in.off[v+1] += in.off[v]
	}
	next := slices.Clone(in.off[:n])
	for u := int32(0); u < int32(n); u++ {
		lo, hi := out.row(u)
		for e := lo; e < hi; e++ {
			v := out.nbr[e]
			k := next[v]
			next[v]++
			in.nbr[k] = u
			in.sum[k], in.rel[k] = out.sum[e], out.rel[e]
		}
	}
	return in
}

// WithWeighted returns the weighted (or unweighted) view of the same
// projection; the two share everything but the flag.
func (p *Projection) WithWeighted(weighted bool) *Projection {
	return &Projection{data: p.data, weighted: weighted}
}

// Weighted reports whether the algorithms read relationship weights.
func (p *Projection) Weighted() bool { return p.weighted }

// Filter returns the filter the projection was built with.
func (p *Projection) Filter() Filter {
	f := p.filter
	f.Types = slices.Clone(f.Types)
	f.Weighted = p.weighted
	return f
}

// Version is the store version the projection was built from (0 for
// projections built directly with Project).
func (p *Projection) Version() uint64 { return p.base.version }

// Len is the number of actors in the projection.
func (p *Projection) Len() int { return len(p.ids) }

// Edges is the number of directed edges (after combining parallel ones).
func (p *Projection) Edges() int { return len(p.out.nbr) }

// Relationships is the number of relationships the filter selected.
func (p *Projection) Relationships() int { return p.nrels }

// IDs returns the actor ids in index order (sorted). Do not modify it.
func (p *Projection) IDs() []string { return p.ids }

// Index returns the index of actor id, if the projection holds it.
func (p *Projection) Index(id string) (int, bool) {
	i, ok := p.indexOf(id)
	return int(i), ok
}

// indexOf returns the actor number of id, if the projection holds it: a
// binary search of ids, which spares a map of every actor per projection.
func (d *data) indexOf(id string) (int32, bool) {
	i, ok := slices.BinarySearch(d.ids, id)
	return int32(i), ok
}

// HasActor reports whether the store the projection was built from holds
// actor id (whether or not it has a selected tie).
func (p *Projection) HasActor(id string) bool {
	if i, ok := p.base.endIndex(id); ok && p.base.isActor[i] {
		return true
	}
	_, ok := p.indexOf(id)
	return ok
}

// checkActor returns ENOTFOUND for an actor the graph does not hold.
func (p *Projection) checkActor(id, field string) error {
	if !graph.ValidID(id) {
		return graph.Invalid("invalid actor id", graph.FieldError{Path: field, Message: "must be an actor id"})
	}
	if !p.HasActor(id) {
		return graph.Errorf(graph.ENOTFOUND, "actor %s not found", id)
	}
	return nil
}

// best is the highest single weight on edge e of a: its relationship's.
func (d *data) best(a *adjacency, e int32) float64 { return d.base.rels[a.rel[e]].weight }

// withLengths returns a copy of a whose dist holds every edge's length,
// 1/best, for one run of a path kernel: kept only while it runs.
func (d *data) withLengths(a *adjacency) *adjacency {
	c := *a
	c.dist = make([]float64, len(a.rel))
	for e, ri := range a.rel {
		c.dist[e] = 1 / d.base.rels[ri].weight
	}
	return &c
}

// flowWeights are the edge weights of a as flow measures read them: the
// summed weights, or nil (every edge counts 1) when unweighted.
func (p *Projection) flowWeights(a *adjacency) []float64 {
	if p.weighted {
		return a.sum
	}
	return nil
}

// polarity is the sign of a relationship type (0 for an unknown type).
func (b *base) polarity(typ string) int {
	t, _ := b.reg.Get(typ)
	return t.Polarity
}

// relPolarity is the sign the projection reads relationship ri with: its
// type's polarity, or its flip type's when ri is flipped. Every signed
// measure reads polarity through it (the undirected view, the signed
// adjacencies, the frustration index, the mediator layer), so a flip is
// seen by all.
func (d *data) relPolarity(ri int32) int { return d.relType(ri).Polarity }

// relType is the type the projection reads relationship ri as: its own,
// or, when ri is flipped, the counterpart type the scenario gives it (so
// its sign and whether it relays are the counterpart's).
func (d *data) relType(ri int32) graph.RelationshipType {
	if t, ok := d.flipped[ri]; ok {
		return t
	}
	return d.base.types[d.base.kind[ri]]
}
