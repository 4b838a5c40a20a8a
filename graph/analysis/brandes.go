package analysis

import (
	"cmp"
	"context"
	"math"
	"slices"
	"sync"

	"github.com/detente/detente/graph"
)

// workers is the number of source partitions of the all-pairs kernels
// (betweenness, closeness). It is fixed, not runtime.GOMAXPROCS, so the
// floating-point reduction is the same on every machine: partition k sums
// its sources in order and the partitions are added in order.
const workers = 2

// forSources runs fn over every source s in [0, n), split into `workers`
// contiguous partitions run concurrently, each with its own state from
// newState. It stops early when ctx is done.
func forSources[S any](ctx context.Context, n int, newState func() S, fn func(st S, s int32)) ([]S, error) {
	states := make([]S, workers)
	var wg sync.WaitGroup
	for k := 0; k < workers; k++ {
		states[k] = newState()
		lo, hi := n*k/workers, n*(k+1)/workers
		wg.Add(1)
		go func(st S) {
			defer wg.Done()
			for s := lo; s < hi; s++ {
				if (s-lo)%cancelCheckEvery == 0 && ctx.Err() != nil {
					return
				}
				fn(st, int32(s))
			}
		}(states[k])
	}
	wg.Wait()
	if ctx.Err() != nil {
		return nil, ctxError(ctx)
	}
	return states, nil
}

// sssp is the reusable state of one worker's single-source shortest paths.
// Buffers are reset only where a search touched them, so a search costs
// O(reached), not O(n).
type sssp struct {
	order []int32 // actors in the order their distance became final

	// unweighted: per-actor state in one place, one cache line per visit
	nodes []bnode

	// weighted (Dijkstra)
	dist  []float64 // distance, +Inf unreached
	done  []bool    // distance final
	sigma []float64 // number of shortest paths from the source
	coef  []float64 // (1+delta)/sigma, once final
	heap  nodeHeap
	// buckets: Dial's circular buckets by floor(distance), used instead of
	// the heap when edge lengths are at most maxDialLength (see dijkstra)
	buckets [][]int32

	bc    []float64 // betweenness: this worker's partial sums
	score []float64 // closeness: written at the source's index
}

// bnode is an actor's state in an unweighted search, 16 bytes so that a
// visit touches one small slot: hop distance (-1 unreached) and val, the
// number of shortest paths (sigma) in the forward pass, overwritten with
// (1+delta)/sigma in the backward pass once sigma has been used.
type bnode struct {
	val  float64
	hops int32
}

// maxDialLength bounds the edge length (1/weight) up to which weighted
// searches use Dial's buckets rather than a heap (a variable so tests can
// exercise both).
var maxDialLength = 1024.0

// newSSSP returns search state for n actors; maxLength is the longest edge
// (weighted searches only).
func newSSSP(n int, weighted bool, maxLength float64) *sssp {
	s := &sssp{order: make([]int32, 0, n)}
	if weighted && maxLength <= maxDialLength {
		s.buckets = make([][]int32, int(maxLength)+2)
	}
	if !weighted {
		s.nodes = make([]bnode, n)
		for i := range s.nodes {
			s.nodes[i].hops = -1
		}
		return s
	}
	s.dist, s.done, s.sigma, s.coef = make([]float64, n), make([]bool, n), make([]float64, n), make([]float64, n)
	s.heap.pos = make([]int32, n)
	for i := range s.dist {
		s.dist[i] = math.Inf(1)
		s.heap.pos[i] = -1
	}
	return s
}

// brandesBFS is one source of unweighted Brandes: a breadth-first count of
// shortest paths, then the dependencies pulled back over out-edges in
// reverse visit order (w follows v on a shortest path exactly when
// hops[w] = hops[v]+1, so no predecessor lists are needed; the coefficient
// (1+delta[w])/sigma[w] is stored once w is final, so there is no division
// per edge), then a reset of what the search touched.
func (st *sssp) brandesBFS(a *adjacency, s int32) {
	nodes, order, bc := st.nodes, st.order[:0], st.bc
	off, nbr := a.off, a.nbr
	nodes[s] = bnode{val: 1, hops: 0}
	order = append(order, s)
	for head := 0; head < len(order); head++ {
		v := order[head]
		dv := nodes[v].hops + 1
		sv := nodes[v].val
		for _, w := range nbr[off[v]:off[v+1]] {
			nw := &nodes[w]
			switch nw.hops {
			case -1:
				*nw = bnode{val: sv, hops: dv}
				order = append(order, w)
			case dv:
				nw.val += sv
			}
		}
	}
	for i := len(order) - 1; i >= 0; i-- {
		v := order[i]
		nv := &nodes[v]
		next := nv.hops + 1
		var acc float64
		for _, w := range nbr[off[v]:off[v+1]] {
			if nw := &nodes[w]; nw.hops == next {
				acc += nw.val // a successor: already (1+delta)/sigma
			}
		}
		sigma := nv.val
		delta := sigma * acc
		if v != s {
			bc[v] += delta
		}
		nv.val = (1 + delta) / sigma
	}
	for _, v := range order {
		nodes[v] = bnode{hops: -1}
	}
	st.order = order[:0]
}

// reset clears what the last search touched.
func (st *sssp) reset() {
	for _, v := range st.order {
		if st.nodes != nil {
			st.nodes[v] = bnode{hops: -1}
		} else {
			st.dist[v], st.done[v], st.sigma[v], st.coef[v] = math.Inf(1), false, 0, 0
		}
	}
	st.order = st.order[:0]
}

// bfs finds hop distances from s over a (closeness needs no path counts).
func (st *sssp) bfs(a *adjacency, s int32) {
	nodes, order := st.nodes, st.order
	off, nbr := a.off, a.nbr
	nodes[s].hops = 0
	order = append(order, s)
	for head := 0; head < len(order); head++ {
		v := order[head]
		dv := nodes[v].hops + 1
		for _, w := range nbr[off[v]:off[v+1]] {
			if nodes[w].hops < 0 {
				nodes[w].hops = dv
				order = append(order, w)
			}
		}
	}
	st.order = order
}

// dijkstra counts shortest paths from s over a with edge lengths a.dist.
// Two paths tie when their lengths are equal within graph.SameCost's
// tolerance, the one /paths applies: the distance of a path is built
// edge by edge along it (dist[v] + length(v, w)), and sums such as
// 1/0.1 + 1/0.2 against 1/0.3 + ... that are equal in exact arithmetic
// tie although their floats differ in the last bits. (NetworkX compares
// the floats exactly, so it can count fewer shortest paths there.)
//
// Edge lengths are 1/weight with weight in (0, 1], so every edge is at
// least 1 long, and a relaxation from distance d lands at d+1 or beyond
// (rounding is monotone and floor(d)+1 is a float). So every actor whose
// distance has floor k is final once the buckets before k are done, in any
// order: Dial's algorithm with circular buckets of width 1 replaces the
// heap when lengths are bounded. Within a bucket actors come out unsorted,
// which neither path counting (every predecessor of v is in an earlier
// bucket) nor the backward pass (every successor is in a later one) minds.
func (st *sssp) dijkstra(a *adjacency, s int32) {
	if st.buckets != nil {
		st.dial(a, s)
		return
	}
	dist, sigma, done, order := st.dist, st.sigma, st.done, st.order
	off, nbr, length := a.off, a.nbr, a.dist
	dist[s], sigma[s] = 0, 1
	h := &st.heap
	h.items = h.items[:0]
	h.update(s, 0)
	for h.len() > 0 {
		v := h.pop()
		done[v] = true
		order = append(order, v)
		dv, sv := dist[v], sigma[v]
		lo, hi := off[v], off[v+1]
		ds := length[lo:hi]
		for k, w := range nbr[lo:hi] {
			nd := dv + ds[k]
			switch dw := dist[w]; {
			case shorter(nd, dw):
				dist[w] = nd
				sigma[w] = sv
				h.update(w, nd)
			case !done[w] && tied(nd, dw):
				sigma[w] += sv
			}
		}
	}
	st.order = order
}

// dial is dijkstra with circular buckets (see dijkstra).
func (st *sssp) dial(a *adjacency, s int32) {
	dist, sigma, done, order, buckets := st.dist, st.sigma, st.done, st.order, st.buckets
	off, nbr, length := a.off, a.nbr, a.dist
	c := len(buckets)
	dist[s], sigma[s] = 0, 1
	buckets[0] = append(buckets[0], s)
	pending := 1 // entries in the buckets, stale ones included
	for k := 0; pending > 0; k++ {
		b := k % c
		// A relaxation from bucket k lands in a later bucket, but a tie
		// within the tolerance may lie just below k+1, in bucket k: taking
		// the bucket's actors by distance finalises such a w after every v
		// that ties into it.
		slices.SortFunc(buckets[b], func(x, y int32) int { return cmp.Compare(dist[x], dist[y]) })
		for i := 0; i < len(buckets[b]); i++ {
			v := buckets[b][i]
			pending--
			if done[v] || int(dist[v]) != k {
				continue // superseded by a shorter distance
			}
			done[v] = true
			order = append(order, v)
			dv, sv := dist[v], sigma[v]
			lo, hi := off[v], off[v+1]
			ds := length[lo:hi]
			for j, w := range nbr[lo:hi] {
				nd := dv + ds[j]
				switch dw := dist[w]; {
				case shorter(nd, dw):
					dist[w] = nd
					sigma[w] = sv
					bw := int(nd) % c
					buckets[bw] = append(buckets[bw], w)
					pending++
				case !done[w] && tied(nd, dw):
					sigma[w] += sv
				}
			}
		}
		buckets[b] = buckets[b][:0]
	}
	st.order = order
}

// accumulate adds the dependencies of source s to st.bc after dijkstra,
// pulling over out-edges in reverse order of finality: w follows v on a
// shortest path exactly when dist[v] + length(v, w) == dist[w], the test
// (on the same floats) that counted v into sigma[w], so no predecessor
// lists are needed. coef[w] = (1+delta[w])/sigma[w] is stored once w is
// final, so the inner loop has no division.
func (st *sssp) accumulate(a *adjacency, s int32) {
	order, sigma, dist, coef, bc := st.order, st.sigma, st.dist, st.coef, st.bc
	off, nbr, length := a.off, a.nbr, a.dist
	for i := len(order) - 1; i >= 0; i-- {
		v := order[i]
		lo, hi := off[v], off[v+1]
		dv := dist[v]
		ds := length[lo:hi]
		var acc float64
		for k, w := range nbr[lo:hi] {
			// an unreached w has dist +Inf and never matches
			if tied(dv+ds[k], dist[w]) {
				acc += coef[w]
			}
		}
		delta := sigma[v] * acc
		if v != s {
			bc[v] += delta
		}
		coef[v] = (1 + delta) / sigma[v]
	}
}

// betweenness is exact Brandes betweenness, normalised as NetworkX's
// betweenness_centrality(normalized=True) for a directed graph: divided by
// (n-1)(n-2). Symmetric ties are edges both ways, and on such a graph the
// directed sum over ordered pairs with this normalisation equals NetworkX's
// undirected value (checked on the karate club). Weighted, an edge's length
// is 1/weight of its best relationship and paths are found by Dijkstra.
//
// gonum's network.Betweenness walks graph interfaces with maps per source
// and BetweennessWeighted needs an all-pairs path.AllShortest (n² memory),
// so this is a CSR kernel with buffers reused across sources and two
// workers over fixed source partitions.
func (p *Projection) betweenness(ctx context.Context) ([]float64, error) {
	n := len(p.ids)
	weighted := p.weighted
	out := &p.out
	if weighted {
		out = p.withLengths(out)
	}
	states, err := forSources(ctx, n, func() *sssp {
		st := newSSSP(n, weighted, p.maxLength())
		st.bc = make([]float64, n)
		return st
	}, func(st *sssp, s int32) {
		if !weighted {
			st.brandesBFS(out, s)
			return
		}
		st.dijkstra(out, s)
		st.accumulate(out, s)
		st.reset()
	})
	if err != nil {
		return nil, err
	}
	bc := make([]float64, n)
	for _, st := range states {
		for v, x := range st.bc {
			bc[v] += x
		}
	}
	if n > 2 {
		scale := 1 / (float64(n-1) * float64(n-2))
		for v := range bc {
			bc[v] *= scale
		}
	}
	return bc, nil
}

// closeness is NetworkX's closeness_centrality with wf_improved=True: for a
// directed graph it measures distances TO the actor (NetworkX runs on
// G.reverse()), so it searches the in-adjacency. With r actors reaching u
// (u included) at total distance d, closeness = (r-1)/d · (r-1)/(n-1), and 0
// when nothing reaches u. Weighted, distance is 1/weight.
//
// gonum's network.Closeness needs an all-pairs path.AllShortest (n²
// memory) and omits the Wasserman-Faust factor, hence this kernel.
func (p *Projection) closeness(ctx context.Context) ([]float64, error) {
	n := len(p.ids)
	weighted := p.weighted
	cl := make([]float64, n)
	in := &p.in
	if weighted {
		in = p.withLengths(in)
	}
	_, err := forSources(ctx, n, func() *sssp {
		st := newSSSP(n, weighted, p.maxLength())
		st.score = cl // each source writes only its own index
		return st
	}, func(st *sssp, u int32) {
		var total float64
		if weighted {
			st.dijkstra(in, u)
			for _, v := range st.order {
				total += st.dist[v]
			}
		} else {
			st.bfs(&p.in, u)
			for _, v := range st.order {
				total += float64(st.nodes[v].hops)
			}
		}
		if r := float64(len(st.order)); total > 0 && n > 1 {
			st.score[u] = (r - 1) / total * ((r - 1) / float64(n-1))
		}
		st.reset()
	})
	if err != nil {
		return nil, err
	}
	return cl, nil
}

// maxLength is the longest edge of the projection (1/lowest weight).
func (p *Projection) maxLength() float64 {
	var m float64
	for _, ri := range p.out.rel {
		m = max(m, 1/p.base.rels[ri].weight)
	}
	return m
}

// nodeHeap is an indexed 4-ary min-heap of nodes by tentative distance,
// with decrease-key, so each node is in it at most once (no stale entries).
// Keys are stored with the nodes (no indirection when sifting) and no
// container/heap interface call sits in the inner loop.
type nodeHeap struct {
	items []heapItem
	pos   []int32 // position of a node in items, -1 when absent
}

type heapItem struct {
	d    float64
	node int32
}

func (h *nodeHeap) len() int { return len(h.items) }

// update inserts v with key d, or moves it up after its key decreased to d.
func (h *nodeHeap) update(v int32, d float64) {
	i := h.pos[v]
	if i < 0 {
		i = int32(len(h.items))
		h.items = append(h.items, heapItem{})
	}
	for i > 0 {
		parent := (i - 1) / 4
		p := h.items[parent]
		if p.d <= d {
			break
		}
		h.items[i] = p
		h.pos[p.node] = i
		i = parent
	}
	h.items[i] = heapItem{d, v}
	h.pos[v] = i
}

func (h *nodeHeap) pop() int32 {
	items := h.items
	top := items[0].node
	h.pos[top] = -1
	last := items[len(items)-1]
	items = items[:len(items)-1]
	h.items = items
	n := int32(len(items))
	if n == 0 {
		return top
	}
	i := int32(0)
	for {
		c := 4*i + 1
		if c >= n {
			break
		}
		m := c
		for k := c + 1; k < c+4 && k < n; k++ {
			if items[k].d < items[m].d {
				m = k
			}
		}
		if last.d <= items[m].d {
			break
		}
		items[i] = items[m]
		h.pos[items[i].node] = i
		i = m
	}
	items[i] = last
	h.pos[last.node] = i
	return top
}

// shorter reports whether a path of length nd beats the best known, dw,
// by more than the tolerance of graph.SameCost (any length beats +Inf).
func shorter(nd, dw float64) bool {
	return nd < dw && (math.IsInf(dw, 1) || !graph.SameCost(nd, dw))
}

// tied reports whether lengths nd and dw are equal within the tolerance
// of graph.SameCost (+Inf ties nothing).
func tied(nd, dw float64) bool {
	return !math.IsInf(dw, 1) && graph.SameCost(nd, dw)
}
