package analysis

import (
	"context"
	"math/rand/v2"
	"slices"
)

// Frustration is the frustration index of the signed graph: see
// Balance.
type Frustration struct {
	// Index is the least number of signed relationships whose removal
	// leaves the graph balanced (when Exact; otherwise the number that
	// the colouring Camps frustrates, an upper bound).
	Index int `json:"index"`
	// Exact says Index is the minimum; LowerBound is a proven lower
	// bound, equal to Index when Exact.
	Exact      bool `json:"exact"`
	LowerBound int  `json:"lower_bound"`
	// Camps are the two camps of a colouring that frustrates Index
	// relationships, each sorted by id: the actors with a signed
	// relationship, the larger camp of each connected component (of the
	// pairs whose relationships do not cancel out) first.
	Camps [2][]string `json:"camps"`
	// Frustrated lists the relationships that colouring frustrates (a
	// positive one between the camps, a negative one within a camp), by
	// id, up to the limit; Truncated says the limit cut the list.
	Frustrated []string `json:"frustrated"`
	Truncated  bool     `json:"truncated"`
}

// frustration computes the frustration index of the projection's signed
// relationships, each its own edge, without direction (see the comment
// below on the problem form).
func (p *Projection) frustration(ctx context.Context, limit int) (Frustration, error) {
	u := p.undirected()
	n := len(p.ids)
	constant := 0
	var edges [][3]int32
	hasSigned := make([]bool, n)
	for v := 0; v < n; v++ {
		for e := u.off[v]; e < u.off[v+1]; e++ {
			w := u.nbr[e]
			if u.nsigned[e] == 0 {
				continue
			}
			hasSigned[v] = true
			if int32(v) > w {
				continue
			}
			// p positive and q negative relationships: s = p+q, d = p-q.
			s, d := u.nsigned[e], u.netCount[e]
			constant += int(min(s+d, s-d) / 2)
			if d != 0 {
				edges = append(edges, [3]int32{int32(v), w, d})
			}
		}
	}
	r, err := frustration(ctx, newSignedGraph(n, edges), frustrationNodes)
	if err != nil {
		return Frustration{}, ctxError(ctx)
	}
	res := Frustration{Index: constant + r.upper, Exact: r.exact, LowerBound: constant + r.lower,
		Camps: [2][]string{{}, {}}, Frustrated: []string{}}
	for v := 0; v < n; v++ {
		if hasSigned[v] {
			res.Camps[r.col[v]] = append(res.Camps[r.col[v]], p.ids[v])
		}
	}
	for _, ri := range p.relsSel {
		rel := &p.base.rels[ri]
		pol := p.relPolarity(ri)
		if pol == 0 {
			continue
		}
		same := r.col[p.local[rel.src]] == r.col[p.local[rel.dst]]
		if pol > 0 && !same || pol < 0 && same {
			if len(res.Frustrated) < limit {
				res.Frustrated = append(res.Frustrated, p.base.relIDs[ri])
			} else {
				res.Truncated = true
			}
		}
	}
	slices.Sort(res.Frustrated)
	return res, nil
}

// The frustration index (Aref and Wilson 2018, "Measuring partial balance
// in signed networks", J. Complex Networks 6(4); computed exactly by
// integer programming in Aref, Mason and Wilson 2020, "A modeling and
// computational study of the frustration index in signed networks",
// Networks 75(1)) is the least number of edges whose
// removal, or equivalently whose sign flip, leaves a signed graph balanced:
// the minimum, over the 2-colourings s of the actors into two camps, of the
// number of frustrated edges, positive between the camps or negative within
// one.
//
// Aref et al. solve the binary program with Gurobi. No well-kept Go MILP
// solver fits (gonum has an LP simplex but no branch-and-bound; the Go
// bindings of GLPK, HiGHS or CBC need cgo and a system library), so this
// file has its own branch-and-bound, exact on components small enough for
// its node budget, and a heuristic with a proven lower bound beyond.
//
// Problem form. Every signed relationship is its own edge: a pair with p
// positive and q negative relationships costs q if its actors share a camp
// and p if they do not. It is therefore min(p, q) whatever the colouring,
// plus a reduced edge of weight |p-q| and the sign of p-q. The search runs
// on the reduced graph (integer weights), one connected component at a time
// (components are independent; each has one camp fixed, since swapping a
// colouring's camps frustrates the same edges).

// Budgets of the frustration search, per request.
const (
	// frustrationNodes caps the branch-and-bound states explored over all
	// components; a component whose search is not finished within what is
	// left keeps its heuristic answer, with exact false.
	// 2^20 states took 0.19 s on a 543-tie graph here.
	frustrationNodes = 1 << 20
	// frustrationExactTies: larger components are not searched exactly at
	// all (their heuristic answer stands). A 100-tie component takes about
	// 1 ms (BenchmarkFrustration); on a random graph of 4300 ties the
	// search was nowhere near finishing after 2^22 states.
	frustrationExactTies = 1000
	// frustrationPackWork caps the vertex visits of the cycle packings that
	// give the lower bounds (a bound is valid whenever it stops).
	frustrationPackWork = 4 << 20
)

// signedGraph is an undirected graph with signed integer edge weights:
// w > 0 costs w when its ends are in different camps, w < 0 costs -w when
// they share one. Each edge is stored in both rows, with one edge id.
type signedGraph struct {
	off []int32
	nbr []int32
	w   []int32
	eid []int32 // undirected edge id, 0..m-1
	m   int
}

func (g *signedGraph) n() int { return len(g.off) - 1 }

// newSignedGraph builds the graph on n vertices from edges (u, v, w), u != v,
// at most one per unordered pair, w != 0.
func newSignedGraph(n int, edges [][3]int32) *signedGraph {
	g := &signedGraph{off: make([]int32, n+1), m: len(edges)}
	for _, e := range edges {
		g.off[e[0]+1]++
		g.off[e[1]+1]++
	}
	for v := 0; v < n; v++ {
		g.off[v+1] += g.off[v]
	}
	g.nbr = make([]int32, 2*len(edges))
	g.w = make([]int32, 2*len(edges))
	g.eid = make([]int32, 2*len(edges))
	pos := slices.Clone(g.off[:n])
	for i, e := range edges {
		for _, d := range [2][2]int32{{e[0], e[1]}, {e[1], e[0]}} {
			k := pos[d[0]]
			pos[d[0]]++
			g.nbr[k], g.w[k], g.eid[k] = d[1], e[2], int32(i)
		}
	}
	return g
}

// edgeCost is what the edge of weight w costs between vertices of colours
// a and b.
func edgeCost(w int32, a, b int8) int {
	switch {
	case w > 0 && a != b:
		return int(w)
	case w < 0 && a == b:
		return int(-w)
	}
	return 0
}

// cost is the weight of the edges col frustrates.
func (g *signedGraph) cost(col []int8) int {
	c := 0
	for v := 0; v < g.n(); v++ {
		for k := g.off[v]; k < g.off[v+1]; k++ {
			if u := g.nbr[k]; u > int32(v) {
				c += edgeCost(g.w[k], col[v], col[u])
			}
		}
	}
	return c
}

// components returns the connected components of g, each a list of
// vertices in increasing order, ordered by their smallest vertex.
func (g *signedGraph) components() [][]int32 {
	n := g.n()
	seen := make([]bool, n)
	var comps [][]int32
	var queue []int32
	for s := 0; s < n; s++ {
		if seen[s] {
			continue
		}
		seen[s] = true
		queue = append(queue[:0], int32(s))
		for i := 0; i < len(queue); i++ {
			v := queue[i]
			for k := g.off[v]; k < g.off[v+1]; k++ {
				if u := g.nbr[k]; !seen[u] {
					seen[u] = true
					queue = append(queue, u)
				}
			}
		}
		c := slices.Clone(queue)
		slices.Sort(c)
		comps = append(comps, c)
	}
	return comps
}

// subgraph is g induced on vs (sorted), renumbered 0..len(vs)-1.
func (g *signedGraph) subgraph(vs []int32) *signedGraph {
	local := make(map[int32]int32, len(vs))
	for i, v := range vs {
		local[v] = int32(i)
	}
	var edges [][3]int32
	for i, v := range vs {
		for k := g.off[v]; k < g.off[v+1]; k++ {
			if j, ok := local[g.nbr[k]]; ok && j > int32(i) {
				edges = append(edges, [3]int32{int32(i), j, g.w[k]})
			}
		}
	}
	return newSignedGraph(len(vs), edges)
}

// frustrationResult is the answer on one graph: a colouring, the weight it
// frustrates (an upper bound), a proven lower bound, and whether the two
// meet because the search finished.
type frustrationResult struct {
	col   []int8
	upper int
	lower int
	exact bool
}

// frustration computes the frustration index of g, component by component,
// exploring at most nodes branch-and-bound states in all. Each component's
// larger camp is camp 0 (on a tie, the camp of its first vertex); a vertex
// without edges is in camp 0.
func frustration(ctx context.Context, g *signedGraph, nodes int) (frustrationResult, error) {
	res := frustrationResult{col: make([]int8, g.n()), exact: true}
	budget := nodes
	pack := frustrationPackWork
	for _, comp := range g.components() {
		if err := ctx.Err(); err != nil {
			return frustrationResult{}, err
		}
		if len(comp) == 1 {
			continue
		}
		sg := g.subgraph(comp)
		r, err := frustrationComponent(ctx, sg, &budget, &pack)
		if err != nil {
			return frustrationResult{}, err
		}
		// Orient: the larger camp first, on a tie the one of the
		// component's first vertex.
		ones := 0
		for _, c := range r.col {
			ones += int(c)
		}
		flip := int8(0)
		if 2*ones > len(comp) || 2*ones == len(comp) && r.col[0] == 1 {
			flip = 1
		}
		for i, v := range comp {
			res.col[v] = r.col[i] ^ flip
		}
		res.upper += r.upper
		res.lower += r.lower
		res.exact = res.exact && r.exact
	}
	return res, nil
}

func frustrationComponent(ctx context.Context, g *signedGraph, budget, pack *int) (frustrationResult, error) {
	col, upper, err := frustrationHeuristic(ctx, g)
	if err != nil {
		return frustrationResult{}, err
	}
	lower := cyclePacking(g, nil, pack)
	res := frustrationResult{col: col, upper: upper, lower: lower, exact: lower == upper}
	if res.exact || g.m > frustrationExactTies || *budget <= 0 {
		return res, nil
	}
	bb := newBranchBound(g, col, upper, budget, pack)
	done, err := bb.run(ctx)
	if err != nil {
		return frustrationResult{}, err
	}
	if done {
		return frustrationResult{col: bb.bestCol, upper: bb.best, lower: bb.best, exact: true}, nil
	}
	// Unfinished: keep the better colouring the search may have found; the
	// packing bound stands.
	return frustrationResult{col: bb.bestCol, upper: bb.best, lower: lower}, nil
}

// ---- heuristic: greedy colouring and single-vertex moves ----

// frustrationHeuristic returns a good colouring of a connected g and what it
// frustrates: a greedy colouring in breadth-first order from a random
// start, then single-vertex moves while one lowers the cost (a local
// minimum), the best of a few restarts (fewer on big graphs). The random
// source has a fixed seed, so the answer is deterministic.
func frustrationHeuristic(ctx context.Context, g *signedGraph) ([]int8, int, error) {
	n := g.n()
	rng := rand.New(rand.NewPCG(1, 2))
	restarts := max(1, min(16, (4<<20)/(len(g.nbr)+n)))
	best, bestCost := make([]int8, n), -1
	col := make([]int8, n)
	set := make([]bool, n)  // queued
	done := make([]bool, n) // coloured
	queue := make([]int32, 0, n)
	for r := 0; r < restarts; r++ {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		clear(set)
		clear(done)
		start := int32(0)
		if r > 0 {
			start = int32(rng.IntN(n))
		}
		queue = append(queue[:0], start)
		set[start] = true
		for i := 0; i < len(queue); i++ {
			v := queue[i]
			// The camp that frustrates least against the coloured
			// neighbours; ties at random after the first restart.
			var c [2]int
			for k := g.off[v]; k < g.off[v+1]; k++ {
				u := g.nbr[k]
				if done[u] {
					c[0] += edgeCost(g.w[k], 0, col[u])
					c[1] += edgeCost(g.w[k], 1, col[u])
				}
			}
			switch {
			case c[0] < c[1]:
				col[v] = 0
			case c[1] < c[0]:
				col[v] = 1
			case r == 0:
				col[v] = 0
			default:
				col[v] = int8(rng.IntN(2))
			}
			done[v] = true
			for k := g.off[v]; k < g.off[v+1]; k++ {
				if u := g.nbr[k]; !set[u] {
					set[u] = true
					queue = append(queue, u)
				}
			}
		}
		if err := localSearch(ctx, g, col); err != nil {
			return nil, 0, err
		}
		if c := g.cost(col); bestCost < 0 || c < bestCost {
			bestCost = c
			copy(best, col)
		}
		if bestCost == 0 {
			break
		}
	}
	return best, bestCost, nil
}

// localSearch moves single vertices to the other camp while a move lowers
// the cost. Each move lowers it by at least 1, so it ends.
func localSearch(ctx context.Context, g *signedGraph, col []int8) error {
	n := g.n()
	inQueue := make([]bool, n)
	queue := make([]int32, n)
	for v := range queue {
		queue[v] = int32(v)
		inQueue[v] = true
	}
	for steps := 0; len(queue) > 0; steps++ {
		if steps%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		v := queue[0]
		queue = queue[1:]
		inQueue[v] = false
		gain := 0 // cost now minus cost after the move
		for k := g.off[v]; k < g.off[v+1]; k++ {
			u := g.nbr[k]
			gain += edgeCost(g.w[k], col[v], col[u]) - edgeCost(g.w[k], 1-col[v], col[u])
		}
		if gain <= 0 {
			continue
		}
		col[v] = 1 - col[v]
		for k := g.off[v]; k < g.off[v+1]; k++ {
			if u := g.nbr[k]; !inQueue[u] {
				inQueue[u] = true
				queue = append(queue, u)
			}
		}
	}
	return nil
}

// ---- lower bound: a packing of negative cycles ----

// cyclePacking returns a lower bound on the frustration of g restricted to
// the vertices keep (all when nil): the value of a greedy packing of
// negative closed walks, each w_C units, under the edge weights as
// capacities.
//
// Why it is a bound: a cycle is negative (an odd number of negative edges)
// exactly when no colouring balances it, and every colouring frustrates an
// odd number, so at least one, of its edges (the colours' products cancel
// around the cycle). A closed walk with an odd number of negative steps
// contains such a cycle among its edges (the edges walked an odd number of
// times form an even subgraph with an odd number of negative edges, and an
// even subgraph splits into cycles). So if walks W carry amounts y_W with
// Σ_{W∋e} y_W ≤ |w_e| for every edge, any colouring frustrates weight
// Σ_e |w_e| [e frustrated] ≥ Σ_W y_W |frustrated ∩ W| ≥ Σ_W y_W: the linear
// programming dual of Aref et al.'s binary program, rounded to a feasible
// integer packing. The walks come from a breadth-first search in the
// signed double cover (vertex, parity of negative edges so far) — shortest
// first: walks closing within 3, 4, 6 edges, then any length. work caps
// the vertex visits; a packing cut short is still a bound.
func cyclePacking(g *signedGraph, keep []bool, work *int) int {
	n := g.n()
	capac := make([]int32, g.m)
	ends := make([][2]int32, g.m)
	wt := make([]int32, g.m)
	for v := 0; v < n; v++ {
		for k := g.off[v]; k < g.off[v+1]; k++ {
			e := g.eid[k]
			if keep != nil && (!keep[v] || !keep[g.nbr[k]]) {
				continue
			}
			capac[e] = abs32(g.w[k])
			ends[e], wt[e] = [2]int32{int32(v), g.nbr[k]}, g.w[k]
		}
	}
	// Double cover state s = 2v + parity.
	stamp := make([]int32, 2*n)
	parent := make([]int32, 2*n) // the directed entry k that reached s
	dist := make([]int32, 2*n)
	queue := make([]int32, 0, 2*n)
	gen := int32(0)
	lower := 0
	for _, limit := range []int32{2, 3, 5, 1 << 30} {
		for e := 0; e < g.m; e++ {
			for capac[e] > 0 {
				if *work <= 0 {
					return lower
				}
				u, v := ends[e][0], ends[e][1]
				// A path u -> v whose parity makes the cycle with e
				// negative: odd in all, so the path has odd parity when e
				// is positive and even when e is negative.
				want := int32(1)
				if wt[e] < 0 {
					want = 0
				}
				gen++
				src, dst := 2*u, 2*v+want
				stamp[src], dist[src], parent[src] = gen, 0, -1
				queue = append(queue[:0], src)
				found := false
				for i := 0; i < len(queue) && !found; i++ {
					s := queue[i]
					*work--
					if dist[s] >= limit {
						continue
					}
					x, par := s/2, s%2
					for k := g.off[x]; k < g.off[x+1]; k++ {
						f := g.eid[k]
						if f == int32(e) || capac[f] == 0 {
							continue
						}
						np := par
						if g.w[k] < 0 {
							np ^= 1
						}
						t := 2*g.nbr[k] + np
						if stamp[t] == gen {
							continue
						}
						stamp[t], dist[t], parent[t] = gen, dist[s]+1, int32(k)
						if t == dst {
							found = true
							break
						}
						queue = append(queue, t)
					}
				}
				if !found {
					break
				}
				// The walk's distinct edges, and the least capacity.
				y := capac[e]
				walk := []int32{int32(e)}
				for t := dst; t != src; {
					k := parent[t]
					f := g.eid[k]
					walk = append(walk, f)
					y = min(y, capac[f])
					// Step back: the entry k is in the row of the
					// previous vertex; find it by the edge's ends.
					prev := ends[f][0]
					if prev == t/2 {
						prev = ends[f][1]
					}
					np := t % 2
					if g.w[k] < 0 {
						np ^= 1
					}
					t = 2*prev + np
				}
				slices.Sort(walk)
				walk = slices.Compact(walk)
				for _, f := range walk {
					capac[f] -= y
				}
				lower += int(y)
			}
		}
	}
	return lower
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// ---- exact: branch and bound ----

// branchBound colours the vertices of a connected graph one at a time in a
// fixed order (the first in camp 0), pruning a partial colouring when what
// it already frustrates plus a lower bound for the rest reaches the best
// complete colouring found (the heuristic's to start with). The bound for
// the rest is, per uncoloured vertex, the cheaper of its camps against its
// coloured neighbours (these edges are separate per vertex), plus the cycle
// packing bound of the subgraph the uncoloured vertices induce (edges none
// of the first terms count).
type branchBound struct {
	g       *signedGraph
	order   []int32 // vertices in colouring order
	pos     []int32 // position of each vertex in order
	suffix  []int   // suffix[i]: packing bound of the graph on order[i:]
	c       [2][]int
	col     []int8
	best    int
	bestCol []int8
	budget  *int
	nodes   int
	ctx     context.Context
	aborted bool
	err     error
}

func newBranchBound(g *signedGraph, col []int8, upper int, budget, pack *int) *branchBound {
	n := g.n()
	bb := &branchBound{g: g, pos: make([]int32, n), c: [2][]int{make([]int, n), make([]int, n)},
		col: make([]int8, n), best: upper, bestCol: slices.Clone(col), budget: budget}
	// Order: start at the heaviest vertex, then always the uncoloured
	// vertex with the most weight to the coloured ones (the ties that
	// decide), then by degree, then by index.
	deg := make([]int, n)
	for v := 0; v < n; v++ {
		for k := g.off[v]; k < g.off[v+1]; k++ {
			deg[v] += int(abs32(g.w[k]))
		}
	}
	attach := make([]int, n)
	placed := make([]bool, n)
	for len(bb.order) < n {
		b := -1
		for v := 0; v < n; v++ {
			if placed[v] {
				continue
			}
			if b < 0 || attach[v] > attach[b] || attach[v] == attach[b] && deg[v] > deg[b] {
				b = v
			}
		}
		placed[b] = true
		bb.pos[b] = int32(len(bb.order))
		bb.order = append(bb.order, int32(b))
		for k := g.off[b]; k < g.off[b+1]; k++ {
			attach[g.nbr[k]] += int(abs32(g.w[k]))
		}
	}
	// Suffix bounds at checkpoints; between them the next checkpoint's
	// (a subgraph's bound is a bound).
	bb.suffix = make([]int, n+1)
	step := max(1, n/64)
	keep := make([]bool, n)
	next := 0
	for i := n - 1; i >= 0; i-- {
		keep[bb.order[i]] = true
		if i%step == 0 {
			next = cyclePacking(g, keep, pack)
		}
		bb.suffix[i] = next
	}
	return bb
}

// run searches; it reports whether the search finished (best is optimal).
func (bb *branchBound) run(ctx context.Context) (bool, error) {
	bb.ctx = ctx
	sep := 0
	bb.search(0, 0, sep)
	if bb.err != nil {
		return false, bb.err
	}
	return !bb.aborted, nil
}

// search colours order[i:] given cur, the weight frustrated among
// order[:i], and sep, the sum over uncoloured vertices of min(c0, c1).
func (bb *branchBound) search(i int, cur, sep int) {
	g := bb.g
	n := len(bb.order)
	if i == n {
		if cur < bb.best {
			bb.best = cur
			copy(bb.bestCol, bb.col)
		}
		return
	}
	v := bb.order[i]
	first, last := int8(0), int8(1)
	if i == 0 {
		last = 0 // one camp fixed
	} else if bb.c[1][v] < bb.c[0][v] {
		first, last = 1, 0
	}
	sep -= min(bb.c[0][v], bb.c[1][v])
	for c := first; ; c = last {
		if bb.aborted {
			return
		}
		bb.nodes++
		*bb.budget--
		if *bb.budget < 0 {
			bb.aborted = true
			return
		}
		if bb.nodes%4096 == 0 && bb.ctx.Err() != nil {
			bb.aborted, bb.err = true, bb.ctx.Err()
			return
		}
		bb.col[v] = c
		nc := cur + bb.c[c][v]
		ns := sep
		for k := g.off[v]; k < g.off[v+1]; k++ {
			u := g.nbr[k]
			if bb.pos[u] <= int32(i) {
				continue
			}
			old := min(bb.c[0][u], bb.c[1][u])
			bb.c[0][u] += edgeCost(g.w[k], c, 0)
			bb.c[1][u] += edgeCost(g.w[k], c, 1)
			ns += min(bb.c[0][u], bb.c[1][u]) - old
		}
		if nc+ns+bb.suffix[i+1] < bb.best {
			bb.search(i+1, nc, ns)
		}
		for k := g.off[v]; k < g.off[v+1]; k++ {
			u := g.nbr[k]
			if bb.pos[u] <= int32(i) {
				continue
			}
			bb.c[0][u] -= edgeCost(g.w[k], c, 0)
			bb.c[1][u] -= edgeCost(g.w[k], c, 1)
		}
		if c == last {
			return
		}
	}
}
