package analysis

import (
	"cmp"
	"context"
	"slices"
	"sync"

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

	ids   []string
	index map[string]int32
	local []int32 // base.ends index -> actor number, -1 when not selected

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
type adjacency struct {
	off  []int32
	nbr  []int32
	sum  []float64 // sum of the weights of the relationships on the edge
	best []float64 // highest single weight on the edge
	dist []float64 // 1/best: the edge's length for path measures
	rel  []int32   // the best relationship (index into base.rels)
}

func (a *adjacency) row(v int32) (lo, hi int32) { return a.off[v], a.off[v+1] }

// base is one exported graph: everything a projection needs from the store.
type base struct {
	version uint64
	reg     graph.Registry
	rels    []graph.Relationship // by id
	actors  map[string]*graph.Actor
	// ends are the endpoints of rels, sorted; src and dst number each
	// relationship's endpoints in ends, so that a projection selects
	// and links relationships without hashing an id.
	ends     []string
	src, dst []int32
	// weight is each relationship's weight, and kind its type's index in
	// types (the registry's entry; structural and asymmetric when the
	// registry lacks it), read by every projection without touching the
	// relationships themselves.
	weight []float64
	kind   []int32
	types  []graph.RelationshipType
}

func newBase(version uint64, b graph.Batch, reg graph.Registry) *base {
	rels := b.Relationships
	if !slices.IsSortedFunc(rels, byRelID) {
		rels = slices.Clone(rels)
		slices.SortFunc(rels, byRelID)
	}
	bs := &base{version: version, reg: reg, rels: rels, actors: make(map[string]*graph.Actor, len(b.Actors))}
	for i := range b.Actors {
		bs.actors[b.Actors[i].ID] = &b.Actors[i]
	}
	at := make(map[string]int32, len(b.Actors))
	for i := range rels {
		at[rels[i].Source], at[rels[i].Target] = 0, 0
	}
	bs.ends = make([]string, 0, len(at))
	for id := range at {
		bs.ends = append(bs.ends, id)
	}
	slices.Sort(bs.ends)
	for i, id := range bs.ends {
		at[id] = int32(i)
	}
	bs.src, bs.dst = make([]int32, len(rels)), make([]int32, len(rels))
	bs.weight, bs.kind = make([]float64, len(rels)), make([]int32, len(rels))
	kinds := map[string]int32{}
	for i := range rels {
		r := &rels[i]
		bs.src[i], bs.dst[i], bs.weight[i] = at[r.Source], at[r.Target], r.Weight
		k, ok := kinds[r.Type]
		if !ok {
			t, found := reg.Get(r.Type)
			if !found {
				// Stores validate types on write; a type missing from
				// the registry reads as structural and asymmetric.
				t = graph.RelationshipType{Name: r.Type}
			}
			k = int32(len(bs.types))
			kinds[r.Type] = k
			bs.types = append(bs.types, t)
		}
		bs.kind[i] = k
	}
	return bs
}

func byRelID(a, b graph.Relationship) int { return cmp.Compare(a.ID, b.ID) }

func (b *base) name(id string) string {
	if a, ok := b.actors[id]; ok && a.Name != "" {
		return a.Name
	}
	return id
}

// Project builds the projection of a batch (an export of the whole graph)
// under filter f, validated against reg. It is what the Service caches;
// call it directly to analyse a graph that is not in a store.
func Project(ctx context.Context, b graph.Batch, reg graph.Registry, f Filter) (*Projection, error) {
	if err := f.Validate(reg); err != nil {
		return nil, err
	}
	d, err := build(ctx, newBase(0, b, reg), f)
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
		r := &bs.rels[i]
		t := bs.types[bs.kind[i]]
		// Stores keep weights in (0, 1]; anything else cannot be read as
		// a strength or a distance, so it is left out.
		if !(r.Weight > 0 && r.Weight <= 1) || r.Source == r.Target || !f.admits(r, t) {
			continue
		}
		sel = append(sel, int32(i))
		sym = append(sym, t.Symmetric)
		seen[bs.src[i]], seen[bs.dst[i]] = true, true
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
	d.index = make(map[string]int32, len(d.ids))
	for i, id := range d.ids {
		d.index[id] = int32(i)
	}
	if ctx.Err() != nil {
		return nil, ctxError(ctx)
	}
	d.link(slices.Clone(sel), sym)
	return d, nil
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
		u, v := d.local[bs.src[ri]], d.local[bs.dst[ri]]
		src, dst, rel = append(src, u), append(dst, v), append(rel, ri)
		if sym[i] {
			src, dst, rel = append(src, v), append(dst, u), append(rel, ri)
		}
	}
	d.setEdges(src, dst, rel, func(r int32) float64 { return bs.weight[r] })
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

	m := len(perm) // at most m edges: reserve them, appends never copy
	out := adjacency{off: make([]int32, n+1), nbr: make([]int32, 0, m), sum: make([]float64, 0, m),
		best: make([]float64, 0, m), dist: make([]float64, 0, m), rel: make([]int32, 0, m)}
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
		out.best = append(out.best, best)
		out.dist = append(out.dist, 1/best)
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
	in := adjacency{off: make([]int32, n+1), nbr: make([]int32, m), sum: make([]float64, m),
		best: make([]float64, m), dist: make([]float64, m), rel: make([]int32, m)}
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
			in.sum[k], in.best[k], in.dist[k], in.rel[k] = out.sum[e], out.best[e], out.dist[e], out.rel[e]
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
	i, ok := p.index[id]
	return int(i), ok
}

// HasActor reports whether the store the projection was built from holds
// actor id (whether or not it has a selected tie).
func (p *Projection) HasActor(id string) bool {
	if _, ok := p.base.actors[id]; ok {
		return true
	}
	_, ok := p.index[id]
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
