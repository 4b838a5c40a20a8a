package memstore

import (
	"container/heap"
	"context"
	"slices"
	"strings"

	"github.com/detente/detente/graph"
)

// maxEnumerated bounds how many candidate paths one query may collect
// before it is refused as too broad (ETOOLARGE), so that a query on a dense
// graph cannot exhaust memory.
const maxEnumerated = 100_000

// maxExpansions bounds the best-first search of weighted and k-shortest
// queries.
const maxExpansions = 2_000_000

// walker holds one path query's view of the graph: which ties it may use
// and in which direction. Its maps grow with the part of the graph the
// query touches, never with the whole graph.
type walker struct {
	s        *Store
	q        *graph.PathQuery
	excluded map[*node]bool
	ctx      context.Context
	steps    int
}

// forward calls fn for every tie the query may traverse from u, and the
// actor it leads to. With back set it walks the ties that lead *into* u
// instead (for searches that start at the target).
func (w *walker) each(u *node, back bool, fn func(e *edge, v *node)) {
	alongOut := w.q.Direction != graph.In // may follow source -> target
	alongIn := w.q.Direction != graph.Out // may follow target -> source
	if back {
		alongOut, alongIn = alongIn, alongOut
	}
	for _, e := range u.out {
		if (alongOut || e.sym) && (len(w.excluded) == 0 || !w.excluded[e.to]) && w.q.Admits(&e.rel) {
			fn(e, e.to)
		}
	}
	for _, e := range u.in {
		if (alongIn || e.sym) && (len(w.excluded) == 0 || !w.excluded[e.from]) && w.q.Admits(&e.rel) {
			fn(e, e.from)
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

// Paths answers a path query over the in-memory graph.
func (s *Store) Paths(ctx context.Context, q graph.PathQuery) ([]graph.Path, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := q.Normalize(s.types); err != nil {
		return nil, err
	}
	src, dst := s.actors[q.From], s.actors[q.To]
	if src == nil {
		return nil, notFound("actor", q.From)
	}
	if dst == nil {
		return nil, notFound("actor", q.To)
	}
	w := &walker{s: s, q: &q, excluded: map[*node]bool{}, ctx: ctx}
	for _, id := range q.Exclude {
		if n := s.actors[id]; n != nil {
			w.excluded[n] = true
		}
	}
	var (
		seqs [][]*edge
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
	if err != nil {
		return nil, err
	}
	paths := make([]graph.Path, len(seqs))
	for i, seq := range seqs {
		paths[i] = s.toPath(src, seq, &q)
	}
	switch q.Mode {
	case graph.ModeShortest:
		slices.SortFunc(paths, graph.ComparePathsBySelection)
		paths = paths[:min(1, len(paths))]
	case graph.ModeKShortest:
		slices.SortFunc(paths, graph.ComparePathsBySelection)
		paths = paths[:min(q.K, len(paths))]
	case graph.ModeAllShortest:
		if len(paths) > 0 {
			best := slices.MinFunc(paths, graph.ComparePathsBySelection).Cost
			paths = slices.DeleteFunc(paths, func(p graph.Path) bool { return !graph.SameCost(p.Cost, best) })
		}
	}
	graph.SortPaths(paths)
	if len(paths) > q.Limit {
		paths = paths[:q.Limit]
	}
	return paths, nil
}

// toPath turns a sequence of edges walked from src into a graph.Path.
func (s *Store) toPath(src *node, seq []*edge, q *graph.PathQuery) graph.Path {
	p := graph.Path{
		Actors:        make([]string, 0, len(seq)+1),
		Names:         make([]string, 0, len(seq)+1),
		Relationships: make([]graph.Relationship, 0, len(seq)),
	}
	at := src
	p.Actors = append(p.Actors, at.actor.ID)
	p.Names = append(p.Names, at.actor.Name)
	for _, e := range seq {
		if e.from == at {
			at = e.to
		} else {
			at = e.from
		}
		p.Actors = append(p.Actors, at.actor.ID)
		p.Names = append(p.Names, at.actor.Name)
		p.Relationships = append(p.Relationships, e.rel)
	}
	p.Finish(q, s.types)
	return p
}

// fewestHops finds the paths with the fewest hops by bidirectional
// breadth-first search: both sides grow a level at a time, the smaller
// frontier first, until they meet. It then walks the layers the two
// searches labelled. With first set it returns only the path with the
// smallest actor id sequence (taking, between each pair of actors, the tie
// with the smallest id); otherwise every shortest path.
func (w *walker) fewestHops(src, dst *node, first bool) ([][]*edge, error) {
	distF, distB, dead := w.s.getLabels(), w.s.getLabels(), w.s.getLabels()
	defer w.s.putLabels(distF, distB, dead)
	distF.set(src, 0)
	distB.set(dst, 0)
	frontF, frontB := []*node{src}, []*node{dst}
	kf, kb := 0, 0
	const inf = 1 << 30
	best := inf
	// grow expands one whole level of one side, noting every tie that
	// joins it to the other side's labels.
	grow := func(front []*node, dist, other *labels, back bool) ([]*node, error) {
		var next []*node
		for _, u := range front {
			if err := w.tick(); err != nil {
				return nil, err
			}
			du, _ := dist.get(u)
			w.each(u, back, func(e *edge, v *node) {
				if dv, ok := other.get(v); ok && du+1+dv < best {
					best = du + 1 + dv
				}
				if _, seen := dist.get(v); !seen {
					dist.set(v, du+1)
					next = append(next, v)
				}
			})
		}
		return next, nil
	}
	var err error
	// After kf+kb levels every path of at most kf+kb hops has been seen.
	for best > kf+kb && kf+kb < w.q.MaxHops && len(frontF) > 0 && len(frontB) > 0 {
		if len(frontF) <= len(frontB) {
			frontF, err = grow(frontF, distF, distB, false)
			kf++
		} else {
			frontB, err = grow(frontB, distB, distF, true)
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
	onLayer := func(v *node, i int) bool {
		if i <= kf {
			if dv, ok := distF.get(v); !ok || dv != i {
				return false
			}
		}
		if d-i <= kb {
			if dv, ok := distB.get(v); !ok || dv != d-i {
				return false
			}
		}
		return true
	}
	var (
		out  [][]*edge
		path []*edge
	)
	var walk func(u *node, i int) (bool, error)
	walk = func(u *node, i int) (bool, error) {
		if i == d {
			out = append(out, slices.Clone(path))
			if len(out) > maxEnumerated {
				return false, tooMany()
			}
			return true, nil
		}
		if err := w.tick(); err != nil {
			return false, err
		}
		var next []*edge
		w.each(u, false, func(e *edge, v *node) {
			if _, isDead := dead.get(v); !isDead && onLayer(v, i+1) {
				next = append(next, e)
			}
		})
		if first {
			next = bestTies(next, u)
		}
		found := false
		for _, e := range next {
			path = append(path, e)
			ok, err := walk(other(e, u), i+1)
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

// bestTies orders the ties leaving u by the id of the actor they lead to,
// keeping only the smallest-id tie to each actor.
func bestTies(es []*edge, u *node) []*edge {
	slices.SortFunc(es, func(a, b *edge) int {
		if c := strings.Compare(other(a, u).actor.ID, other(b, u).actor.ID); c != 0 {
			return c
		}
		return strings.Compare(a.rel.ID, b.rel.ID)
	})
	return slices.CompactFunc(es, func(a, b *edge) bool { return other(a, u) == other(b, u) })
}

func other(e *edge, u *node) *node {
	if e.from == u {
		return e.to
	}
	return e.from
}

func tooMany() error {
	return graph.Errorf(graph.ETOOLARGE, "the query matches more than %d paths; narrow it with types, as_of, min_confidence, exclude or a smaller max_hops", maxEnumerated)
}

// hopsToTarget labels every actor that can reach dst within max_hops with
// its fewest hops to dst (a breadth-first search backwards from dst).
func (w *walker) hopsToTarget(dst *node) (map[*node]int, error) {
	dist := map[*node]int{dst: 0}
	front := []*node{dst}
	for h := 1; h <= w.q.MaxHops && len(front) > 0; h++ {
		var next []*node
		for _, u := range front {
			if err := w.tick(); err != nil {
				return nil, err
			}
			w.each(u, true, func(e *edge, v *node) {
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
func (w *walker) allSimple(src, dst *node) ([][]*edge, error) {
	hops, err := w.hopsToTarget(dst)
	if err != nil {
		return nil, err
	}
	if _, ok := hops[src]; !ok {
		return nil, nil
	}
	var (
		out  [][]*edge
		path []*edge
		on   = map[*node]bool{src: true}
	)
	var walk func(u *node) error
	walk = func(u *node) error {
		if u == dst {
			out = append(out, slices.Clone(path))
			if len(out) > maxEnumerated {
				return tooMany()
			}
			return nil
		}
		if err := w.tick(); err != nil {
			return err
		}
		var failed error
		w.each(u, false, func(e *edge, v *node) {
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
	at     *node
	via    *edge
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

func (p *partial) visits(n *node) bool {
	for ; p != nil; p = p.parent {
		if p.at == n {
			return true
		}
	}
	return false
}

func (p *partial) edges() []*edge {
	seq := make([]*edge, p.hops)
	for i := p.hops - 1; p.via != nil; i, p = i-1, p.parent {
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
func (w *walker) cheapest(src, dst *node) ([][]*edge, error) {
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
		out       [][]*edge
		classCost = -1.0
		f         = &frontier{{at: src, bound: lower[src]}}
	)
	for f.Len() > 0 {
		if err := w.tick(); err != nil {
			return nil, err
		}
		if w.steps > maxExpansions {
			return nil, tooMany()
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
				return nil, tooMany()
			}
			continue
		}
		w.each(p.at, false, func(e *edge, v *node) {
			h, ok := hops[v]
			if !ok || p.hops+1+h > w.q.MaxHops || p.visits(v) {
				return
			}
			c := p.cost + w.q.EdgeCost(&e.rel)
			heap.Push(f, &partial{at: v, via: e, parent: p, cost: c, bound: c + lower[v], hops: p.hops + 1})
		})
	}
	return out, nil
}

// costToTarget is the cheapest cost from each actor in reach to dst, by
// Dijkstra over the reversed ties; unweighted, it is the hop count.
func (w *walker) costToTarget(dst *node, reach map[*node]int) (map[*node]float64, error) {
	lower := make(map[*node]float64, len(reach))
	if !w.q.Weighted {
		for n, h := range reach {
			lower[n] = float64(h)
		}
		return lower, nil
	}
	f := &frontier{{at: dst}}
	for f.Len() > 0 {
		if err := w.tick(); err != nil {
			return nil, err
		}
		p := heap.Pop(f).(*partial)
		if _, done := lower[p.at]; done {
			continue
		}
		lower[p.at] = p.cost
		w.each(p.at, true, func(e *edge, v *node) {
			if _, ok := reach[v]; !ok {
				return
			}
			if _, done := lower[v]; !done {
				c := p.cost + w.q.EdgeCost(&e.rel)
				heap.Push(f, &partial{at: v, cost: c, bound: c})
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
func (w *walker) leastCost(src, dst *node) ([][]*edge, error) {
	type pred struct {
		e *edge
		u *node
	}
	dist := map[*node]float64{src: 0}
	done := map[*node]bool{}
	preds := map[*node][]pred{}
	f := &frontier{{at: src}}
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
		w.each(p.at, false, func(e *edge, v *node) {
			if done[v] {
				return
			}
			c := p.cost + w.q.EdgeCost(&e.rel)
			old, seen := dist[v]
			switch {
			case !seen || (c < old && !graph.SameCost(c, old)):
				dist[v] = c
				preds[v] = append(preds[v][:0], pred{e, p.at})
				heap.Push(f, &partial{at: v, cost: c, bound: c})
			case graph.SameCost(c, old):
				preds[v] = append(preds[v], pred{e, p.at})
			}
		})
	}
	if best < 0 {
		return nil, nil
	}
	var (
		out    [][]*edge
		rev    []*edge
		tooBig bool
	)
	var back func(v *node) error
	back = func(v *node) error {
		if v == src {
			seq := make([]*edge, len(rev))
			for i, e := range rev {
				seq[len(rev)-1-i] = e
			}
			if len(seq) <= w.q.MaxHops {
				out = append(out, seq)
			} else {
				tooBig = true
			}
			if len(out) > maxEnumerated {
				return tooMany()
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
// the actors' dense idx, with an epoch stamp per slot so that it need not
// be cleared. Arrays are pooled across queries, so a query allocates
// nothing proportional to the whole graph (once the pool has grown).
type labels struct {
	epoch uint32
	stamp []uint32
	val   []int32
}

// getLabels returns an empty labelling sized for the graph; the caller
// holds s.mu (read), so the number of actor slots is fixed meanwhile.
func (s *Store) getLabels() *labels {
	l, _ := s.scratch.Get().(*labels)
	if l == nil {
		l = &labels{}
	}
	if n := len(s.nodes); len(l.stamp) < n {
		l.stamp = make([]uint32, n+n/4)
		l.val = make([]int32, n+n/4)
		l.epoch = 0
	}
	l.epoch++
	if l.epoch == 0 { // wrapped: old stamps could match again
		clear(l.stamp)
		l.epoch = 1
	}
	return l
}

func (s *Store) putLabels(ls ...*labels) {
	for _, l := range ls {
		s.scratch.Put(l)
	}
}

func (l *labels) get(n *node) (int, bool) {
	if l.stamp[n.idx] == l.epoch {
		return int(l.val[n.idx]), true
	}
	return 0, false
}

func (l *labels) set(n *node, v int) {
	l.stamp[n.idx] = l.epoch
	l.val[n.idx] = int32(v)
}
