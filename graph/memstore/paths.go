package memstore

import (
	"container/heap"
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/detente/detente/graph"
)

// maxEnumerated is how many candidate paths a search collects before it
// stops: one more than the layer accepts (graph.MaxPathCandidates), so
// that a query on a dense graph cannot exhaust memory.
const maxEnumerated = graph.MaxPathCandidates

// maxExpansions bounds the best-first search of weighted and k-shortest
// queries; a search that reaches it gives up as too broad.
const maxExpansions = 2_000_000

// errTooMany stops a search that found more than maxEnumerated paths or
// reached maxExpansions; Paths reports it as a count above the cap.
var errTooMany = errors.New("memstore: too many candidate paths")

// walker holds one path query's view of the graph: which ties it may use
// and in which direction. The query's filters are compiled once into a
// table by type and a few plain fields, so that admitting a tie reads only
// the compact edge (no string compare, no call through the query). Its
// maps grow with the part of the graph the query touches, never with the
// whole graph.
type walker struct {
	s     *Store
	q     *graph.PathQuery
	allow []uint8 // by type index: alongOut, alongIn
	// open: every tie may be walked both ways (no type, date or
	// confidence filter, direction both), so a search need not read ties.
	open     bool
	dated    bool
	asOf     int32
	minConf  float64
	excluded map[int32]bool // nil when the query excludes no one
	ctx      context.Context
	steps    int
}

const (
	alongOut uint8 = 1 // source -> target
	alongIn  uint8 = 2 // target -> source
)

func (s *Store) newWalker(ctx context.Context, q *graph.PathQuery) *walker {
	w := &walker{s: s, q: q, ctx: ctx, minConf: q.MinConfidence, allow: make([]uint8, len(s.typeNames))}
	for i, name := range s.typeNames {
		if len(q.Types) > 0 && !slices.Contains(q.Types, name) {
			continue
		}
		if q.Direction != graph.In || s.typeSym[i] {
			w.allow[i] |= alongOut
		}
		if q.Direction != graph.Out || s.typeSym[i] {
			w.allow[i] |= alongIn
		}
	}
	w.open = len(q.Types) == 0 && q.Direction == graph.Both && q.AsOf == nil && q.MinConfidence <= 0
	if q.AsOf != nil {
		w.dated = true
		var ok bool
		if w.asOf, ok = packDate(*q.AsOf); !ok {
			w.open, w.dated = false, false // see admits: each tie is checked in full
			w.asOf = 0
		}
	}
	for _, id := range q.Exclude {
		if n := s.actors[id]; n != nil {
			if w.excluded == nil {
				w.excluded = map[int32]bool{}
			}
			w.excluded[n.idx] = true
		}
	}
	return w
}

// admits reports whether the query may walk the tie of adjacency entry a
// in direction along (alongOut: from its source to its target).
func (w *walker) admits(a adj, along uint8) bool {
	if w.excluded != nil && w.excluded[a.v] {
		return false
	}
	if w.open {
		return true
	}
	e := &w.s.edges[a.e]
	if w.allow[e.typ]&along == 0 {
		return false
	}
	if e.flags&flagExact != 0 || (w.q.AsOf != nil && !w.dated) {
		// Values the compact fields cannot hold: the general check.
		r := w.s.relAt(a.e)
		return w.q.Admits(&r)
	}
	if e.confidence < w.minConf {
		return false
	}
	return !w.dated || (e.validFrom <= w.asOf && w.asOf <= e.validTo)
}

// cost is the cost of walking tie slot i.
func (w *walker) cost(i int32) float64 {
	if w.q.Weighted {
		return 1 / w.s.edges[i].weight
	}
	return 1
}

// each calls fn for every tie the query may traverse from u, and the
// actor it leads to. With back set it walks the ties that lead *into* u
// instead (for searches that start at the target).
func (w *walker) each(u int32, back bool, fn func(e, v int32)) {
	n := w.s.nodes[u]
	out, in := alongOut, alongIn
	if back {
		out, in = in, out
	}
	for _, a := range n.out {
		if w.admits(a, out) {
			fn(a.e, a.v)
		}
	}
	for _, a := range n.in {
		if w.admits(a, in) {
			fn(a.e, a.v)
		}
	}
}

// tick checks the query's deadline every few thousand steps.
func (w *walker) tick() error {
	w.steps++
	if w.steps&4095 == 0 {
		if err := w.ctx.Err(); err != nil {
			return graph.Unavailable("the path query ran out of time", err)
		}
	}
	return nil
}

// Paths finds a normalised query's candidate paths in the in-memory graph.
func (s *Store) Paths(ctx context.Context, q graph.PathQuery) (graph.PathCandidates, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	srcNode, dstNode := s.actors[q.From], s.actors[q.To]
	if srcNode == nil {
		return graph.PathCandidates{}, notFound("actor", q.From)
	}
	if dstNode == nil {
		return graph.PathCandidates{}, notFound("actor", q.To)
	}
	src, dst := srcNode.idx, dstNode.idx
	w := s.newWalker(ctx, &q)
	var (
		seqs [][]int32
		err  error
	)
	switch {
	case !q.Weighted && (q.Mode == graph.ModeShortest || q.Mode == graph.ModeAllShortest):
		seqs, err = w.fewestHops(src, dst, q.Mode == graph.ModeShortest)
	case q.Weighted && (q.Mode == graph.ModeShortest || q.Mode == graph.ModeAllShortest):
		seqs, err = w.leastCost(src, dst)
	case q.Mode == graph.ModeAll:
		seqs, err = w.allSimple(src, dst)
	default:
		seqs, err = w.cheapest(src, dst)
	}
	if errors.Is(err, errTooMany) {
		return graph.PathCandidates{Count: graph.MaxPathCandidates + 1}, nil
	}
	if err != nil {
		return graph.PathCandidates{}, err
	}
	paths := make([]graph.Path, len(seqs))
	for i, seq := range seqs {
		paths[i] = s.toPath(src, seq, &q)
	}
	return graph.PathCandidates{Paths: paths, Count: len(paths)}, nil
}

// toPath turns a sequence of ties (slots) walked from src into a graph.Path.
func (s *Store) toPath(src int32, seq []int32, q *graph.PathQuery) graph.Path {
	p := graph.Path{
		Actors:        make([]string, 0, len(seq)+1),
		Names:         make([]string, 0, len(seq)+1),
		Relationships: make([]graph.Relationship, 0, len(seq)),
	}
	at := s.nodes[src]
	p.Actors = append(p.Actors, at.actor.ID)
	p.Names = append(p.Names, at.actor.Name)
	for _, i := range seq {
		at = s.nodes[other(&s.edges[i], at.idx)]
		p.Actors = append(p.Actors, at.actor.ID)
		p.Names = append(p.Names, at.actor.Name)
		p.Relationships = append(p.Relationships, s.relAt(i))
	}
	p.Finish(q, s.types)
	return p
}

// other returns the end of e that is not u.
func other(e *edge, u int32) int32 {
	if e.from == u {
		return e.to
	}
	return e.from
}

// fewestHops finds the paths with the fewest hops by bidirectional
// breadth-first search: both sides grow a level at a time, the smaller
// frontier first, until they meet. It then walks the layers the two
// searches labelled. With first set it returns only the path with the
// smallest actor id sequence (taking, between each pair of actors, the tie
// with the smallest id); otherwise every shortest path.
func (w *walker) fewestHops(src, dst int32, first bool) ([][]int32, error) {
	distF, distB, dead := w.s.getLabels(), w.s.getLabels(), w.s.getLabels()
	defer w.s.putLabels(distF, distB, dead)
	distF.set(src, 0)
	distB.set(dst, 0)
	frontF, frontB := []int32{src}, []int32{dst}
	var spareF, spareB []int32
	kf, kb := 0, 0
	const inf = 1 << 30
	best := inf
	// scan looks at one adjacency list of u during a level's growth. It
	// reads a tie only when its far end is new to this side or labelled by
	// the other: ties to actors this side has already reached cannot
	// matter, and on a hub they are most of the list.
	scan := func(list []adj, along uint8, du int32, dist, other *labels, next []int32) []int32 {
		for _, a := range list {
			dv, met := other.get(a.v)
			_, seen := dist.get(a.v)
			if seen && (!met || int(du+1+dv) >= best) {
				continue
			}
			if !w.admits(a, along) {
				continue
			}
			if met && int(du+1+dv) < best {
				best = int(du + 1 + dv)
			}
			if !seen {
				dist.set(a.v, du+1)
				next = append(next, a.v)
			}
		}
		return next
	}
	// grow expands one whole level of one side, noting every tie that
	// joins it to the other side's labels.
	grow := func(front, next []int32, dist, other *labels, back bool) ([]int32, error) {
		out, in := alongOut, alongIn
		if back {
			out, in = in, out
		}
		next = next[:0]
		for _, u := range front {
			if err := w.tick(); err != nil {
				return nil, err
			}
			du, _ := dist.get(u)
			n := w.s.nodes[u]
			next = scan(n.out, out, du, dist, other, next)
			next = scan(n.in, in, du, dist, other, next)
		}
		return next, nil
	}
	var (
		err  error
		next []int32
	)
	// After kf+kb levels every path of at most kf+kb hops has been seen.
	for best > kf+kb && kf+kb < w.q.MaxHops && len(frontF) > 0 && len(frontB) > 0 {
		if len(frontF) <= len(frontB) {
			next, err = grow(frontF, spareF, distF, distB, false)
			frontF, spareF = next, frontF
			kf++
		} else {
			next, err = grow(frontB, spareB, distB, distF, true)
			frontB, spareB = next, frontB
			kb++
		}
		if err != nil {
			return nil, err
		}
	}
	if best > w.q.MaxHops {
		return nil, nil
	}
	d := best
	// onLayer says whether v can stand at position i of a shortest path:
	// labelled i from the source where the forward search reached, and
	// d-i from the target where the backward search reached. Since
	// kf+kb >= d, at least one of the two applies at every position.
	onLayer := func(v int32, i int) bool {
		if i <= kf {
			if dv, ok := distF.get(v); !ok || int(dv) != i {
				return false
			}
		}
		if d-i <= kb {
			if dv, ok := distB.get(v); !ok || int(dv) != d-i {
				return false
			}
		}
		return true
	}
	var (
		out  [][]int32
		path []int32
	)
	var walk func(u int32, i int) (bool, error)
	walk = func(u int32, i int) (bool, error) {
		if i == d {
			out = append(out, slices.Clone(path))
			if len(out) > maxEnumerated {
				return false, errTooMany
			}
			return true, nil
		}
		if err := w.tick(); err != nil {
			return false, err
		}
		var next []adj
		w.each(u, false, func(e, v int32) {
			if _, isDead := dead.get(v); !isDead && onLayer(v, i+1) {
				next = append(next, adj{e: e, v: v})
			}
		})
		if first {
			next = w.bestTies(next)
		}
		found := false
		for _, a := range next {
			path = append(path, a.e)
			ok, err := walk(a.v, i+1)
			path = path[:len(path)-1]
			if err != nil {
				return false, err
			}
			if ok {
				found = true
				if first {
					return true, nil
				}
			}
		}
		if !found {
			dead.set(u, 1)
		}
		return found, nil
	}
	if _, err := walk(src, 0); err != nil {
		return nil, err
	}
	return out, nil
}

// bestTies orders ties by the id of the actor they lead to, keeping only
// the smallest-id tie to each actor.
func (w *walker) bestTies(as []adj) []adj {
	s := w.s
	slices.SortFunc(as, func(a, b adj) int {
		if c := strings.Compare(s.nodes[a.v].actor.ID, s.nodes[b.v].actor.ID); c != 0 {
			return c
		}
		return strings.Compare(s.edges[a.e].id, s.edges[b.e].id)
	})
	return slices.CompactFunc(as, func(a, b adj) bool { return a.v == b.v })
}

// hopsToTarget labels every actor that can reach dst within max_hops with
// its fewest hops to dst (a breadth-first search backwards from dst).
func (w *walker) hopsToTarget(dst int32) (map[int32]int, error) {
	dist := map[int32]int{dst: 0}
	front := []int32{dst}
	for h := 1; h <= w.q.MaxHops && len(front) > 0; h++ {
		var next []int32
		for _, u := range front {
			if err := w.tick(); err != nil {
				return nil, err
			}
			w.each(u, true, func(e, v int32) {
				if _, seen := dist[v]; !seen {
					dist[v] = h
					next = append(next, v)
				}
			})
		}
		front = next
	}
	return dist, nil
}

// allSimple enumerates every simple path of at most max_hops hops by
// depth-first search, pruned by the hop distance to the target.
func (w *walker) allSimple(src, dst int32) ([][]int32, error) {
	hops, err := w.hopsToTarget(dst)
	if err != nil {
		return nil, err
	}
	if _, ok := hops[src]; !ok {
		return nil, nil
	}
	var (
		out  [][]int32
		path []int32
		on   = map[int32]bool{src: true}
	)
	var walk func(u int32) error
	walk = func(u int32) error {
		if u == dst {
			out = append(out, slices.Clone(path))
			if len(out) > maxEnumerated {
				return errTooMany
			}
			return nil
		}
		if err := w.tick(); err != nil {
			return err
		}
		var failed error
		w.each(u, false, func(e, v int32) {
			h, ok := hops[v]
			if failed != nil || on[v] || !ok || len(path)+1+h > w.q.MaxHops {
				return
			}
			on[v] = true
			path = append(path, e)
			failed = walk(v)
			path = path[:len(path)-1]
			on[v] = false
		})
		return failed
	}
	if err := walk(src); err != nil {
		return nil, err
	}
	return out, nil
}

// partial is a path under construction in the best-first search.
type partial struct {
	at     int32
	via    int32 // tie slot; -1 at the start
	parent *partial
	cost   float64 // so far
	bound  float64 // cost + lower bound of the rest
	hops   int
}

type frontier []*partial

func (f frontier) Len() int           { return len(f) }
func (f frontier) Less(i, j int) bool { return f[i].bound < f[j].bound }
func (f frontier) Swap(i, j int)      { f[i], f[j] = f[j], f[i] }
func (f *frontier) Push(x any)        { *f = append(*f, x.(*partial)) }
func (f *frontier) Pop() any {
	old := *f
	x := old[len(old)-1]
	*f = old[:len(old)-1]
	return x
}

func (p *partial) visits(n int32) bool {
	for ; p != nil; p = p.parent {
		if p.at == n {
			return true
		}
	}
	return false
}

func (p *partial) edges() []int32 {
	seq := make([]int32, p.hops)
	for i := p.hops - 1; p.via >= 0; i, p = i-1, p.parent {
		seq[i] = p.via
	}
	return seq
}

// cheapest enumerates simple paths in order of cost by best-first search
// with an exact lower bound (the cheapest cost to the target ignoring the
// simple-path rule, by Dijkstra backwards from the target), so complete
// paths come off the frontier cheapest first. It gathers whole classes of
// equal cost, because ties are broken by hops and ids, not by arrival; it
// stops once it holds enough paths for the mode: one class for shortest
// and all_shortest, k paths for k_shortest. This gives Yen's k loopless
// shortest paths, with ties broken exactly as the selection order says.
func (w *walker) cheapest(src, dst int32) ([][]int32, error) {
	hops, err := w.hopsToTarget(dst)
	if err != nil {
		return nil, err
	}
	if _, ok := hops[src]; !ok {
		return nil, nil
	}
	lower, err := w.costToTarget(dst, hops)
	if err != nil {
		return nil, err
	}
	want := 1
	if w.q.Mode == graph.ModeKShortest {
		want = w.q.K
	}
	var (
		out       [][]int32
		classCost = -1.0
		f         = &frontier{{at: src, via: -1, bound: lower[src]}}
	)
	for f.Len() > 0 {
		if err := w.tick(); err != nil {
			return nil, err
		}
		if w.steps > maxExpansions {
			return nil, errTooMany
		}
		p := heap.Pop(f).(*partial)
		if classCost >= 0 && !graph.SameCost(p.bound, classCost) && p.bound > classCost {
			// Every path of the class has been found.
			if len(out) >= want {
				break
			}
			classCost = -1
		}
		if p.at == dst {
			if classCost < 0 {
				classCost = p.cost
			}
			out = append(out, p.edges())
			if len(out) > maxEnumerated {
				return nil, errTooMany
			}
			continue
		}
		w.each(p.at, false, func(e, v int32) {
			h, ok := hops[v]
			if !ok || p.hops+1+h > w.q.MaxHops || p.visits(v) {
				return
			}
			c := p.cost + w.cost(e)
			heap.Push(f, &partial{at: v, via: e, parent: p, cost: c, bound: c + lower[v], hops: p.hops + 1})
		})
	}
	return out, nil
}

// costToTarget is the cheapest cost from each actor in reach to dst, by
// Dijkstra over the reversed ties; unweighted, it is the hop count.
func (w *walker) costToTarget(dst int32, reach map[int32]int) (map[int32]float64, error) {
	lower := make(map[int32]float64, len(reach))
	if !w.q.Weighted {
		for n, h := range reach {
			lower[n] = float64(h)
		}
		return lower, nil
	}
	f := &frontier{{at: dst, via: -1}}
	for f.Len() > 0 {
		if err := w.tick(); err != nil {
			return nil, err
		}
		p := heap.Pop(f).(*partial)
		if _, done := lower[p.at]; done {
			continue
		}
		lower[p.at] = p.cost
		w.each(p.at, true, func(e, v int32) {
			if _, ok := reach[v]; !ok {
				return
			}
			if _, done := lower[v]; !done {
				c := p.cost + w.cost(e)
				heap.Push(f, &partial{at: v, via: -1, cost: c, bound: c})
			}
		})
	}
	return lower, nil
}

// leastCost finds every path of least cost by Dijkstra from the source,
// stopping once the target's cost is settled, then walking back along the
// ties that are tight (cost to u + tie = cost to v). The least-cost paths
// ignore max_hops; if none of them fits within it, the hop-bounded
// best-first search (cheapest) answers instead.
func (w *walker) leastCost(src, dst int32) ([][]int32, error) {
	type pred struct{ e, u int32 }
	dist := map[int32]float64{src: 0}
	done := map[int32]bool{}
	preds := map[int32][]pred{}
	f := &frontier{{at: src, via: -1}}
	best := -1.0
	for f.Len() > 0 {
		if err := w.tick(); err != nil {
			return nil, err
		}
		p := heap.Pop(f).(*partial)
		if done[p.at] {
			continue
		}
		if best >= 0 && p.cost > best && !graph.SameCost(p.cost, best) {
			break
		}
		done[p.at] = true
		if p.at == dst {
			best = p.cost
			continue
		}
		w.each(p.at, false, func(e, v int32) {
			if done[v] {
				return
			}
			c := p.cost + w.cost(e)
			old, seen := dist[v]
			switch {
			case !seen || (c < old && !graph.SameCost(c, old)):
				dist[v] = c
				preds[v] = append(preds[v][:0], pred{e, p.at})
				heap.Push(f, &partial{at: v, via: -1, cost: c, bound: c})
			case graph.SameCost(c, old):
				preds[v] = append(preds[v], pred{e, p.at})
			}
		})
	}
	if best < 0 {
		return nil, nil
	}
	var (
		out    [][]int32
		rev    []int32
		tooBig bool
	)
	var back func(v int32) error
	back = func(v int32) error {
		if v == src {
			seq := make([]int32, len(rev))
			for i, e := range rev {
				seq[len(rev)-1-i] = e
			}
			if len(seq) <= w.q.MaxHops {
				out = append(out, seq)
			} else {
				tooBig = true
			}
			if len(out) > maxEnumerated {
				return errTooMany
			}
			return nil
		}
		for _, p := range preds[v] {
			rev = append(rev, p.e)
			err := back(p.u)
			rev = rev[:len(rev)-1]
			if err != nil {
				return err
			}
		}
		return nil
	}
	if err := back(dst); err != nil {
		return nil, err
	}
	if len(out) == 0 && tooBig {
		return w.cheapest(src, dst)
	}
	return out, nil
}

// labels maps actors to small integers for one query: an array indexed by
// the actors' slots, with an epoch stamp per slot so that it need not be
// cleared; stamp and value sit side by side so a look-up touches one
// cache line. Arrays are pooled across queries, so a query allocates
// nothing proportional to the whole graph (once the pool has grown).
type labels struct {
	epoch uint32
	slots []label
}

type label struct {
	stamp uint32
	val   int32
}

// getLabels returns an empty labelling sized for the graph; the caller
// holds s.mu (read), so the number of actor slots is fixed meanwhile.
func (s *Store) getLabels() *labels {
	l, _ := s.scratch.Get().(*labels)
	if l == nil {
		l = &labels{}
	}
	if n := len(s.nodes); len(l.slots) < n {
		l.slots = make([]label, n+n/4)
		l.epoch = 0
	}
	l.epoch++
	if l.epoch == 0 { // wrapped: old stamps could match again
		clear(l.slots)
		l.epoch = 1
	}
	return l
}

func (s *Store) putLabels(ls ...*labels) {
	for _, l := range ls {
		s.scratch.Put(l)
	}
}

func (l *labels) get(n int32) (int32, bool) {
	if x := l.slots[n]; x.stamp == l.epoch {
		return x.val, true
	}
	return 0, false
}

func (l *labels) set(n int32, v int32) {
	l.slots[n] = label{stamp: l.epoch, val: v}
}
