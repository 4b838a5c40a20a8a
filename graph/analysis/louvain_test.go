package analysis

import (
	"context"
	"math/rand/v2"
	"slices"
	"sync/atomic"
	"testing"

	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/detente/detente/graph"
)

// csrGraph is a weighted undirected graph in the CSR shape louvain reads,
// built from an edge list (parallel edges summed, self-loops dropped).
type csrGraph struct {
	off, nbr []int32
	w        []float64
}

func newCSRGraph(n int, edges [][3]float64) csrGraph {
	adj := make([]map[int32]float64, n)
	for i := range adj {
		adj[i] = map[int32]float64{}
	}
	for _, e := range edges {
		u, v := int32(e[0]), int32(e[1])
		if u == v {
			continue
		}
		adj[u][v] += e[2]
		adj[v][u] += e[2]
	}
	g := csrGraph{off: make([]int32, n+1)}
	for v := range n {
		keys := make([]int32, 0, len(adj[v]))
		for u := range adj[v] {
			keys = append(keys, u)
		}
		slices.Sort(keys)
		for _, u := range keys {
			g.nbr = append(g.nbr, u)
			g.w = append(g.w, adj[v][u])
		}
		g.off[v+1] = int32(len(g.nbr))
	}
	return g
}

// modularity is Q of a partition straight from the definition, summing
// over every ordered pair of nodes: the reference for louvain's answers.
func (g csrGraph) modularity(comm []int32, gamma float64) float64 {
	n := len(g.off) - 1
	a := make([][]float64, n)
	k := make([]float64, n)
	var m2 float64
	for v := range n {
		a[v] = make([]float64, n)
		for e := g.off[v]; e < g.off[v+1]; e++ {
			a[v][g.nbr[e]] += g.w[e]
			k[v] += g.w[e]
			m2 += g.w[e]
		}
	}
	var q float64
	for i := range n {
		for j := range n {
			if comm[i] == comm[j] {
				q += a[i][j] - gamma*k[i]*k[j]/m2
			}
		}
	}
	return q / m2
}

func (g csrGraph) gonum() *simple.WeightedUndirectedGraph {
	n := len(g.off) - 1
	gu := simple.NewWeightedUndirectedGraph(0, 0)
	for v := range n {
		gu.AddNode(simple.Node(v))
	}
	for v := range n {
		for e := g.off[v]; e < g.off[v+1]; e++ {
			if u := g.nbr[e]; int(u) > v {
				gu.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(v), T: simple.Node(u), W: g.w[e]})
			}
		}
	}
	return gu
}

// plantedGraph has c groups of size s, dense inside (probability pin) and
// sparse across (pout), weights in [0.1, 1).
func plantedGraph(rnd *rand.Rand, c, s int, pin, pout float64) csrGraph {
	n := c * s
	var edges [][3]float64
	for u := range n {
		for v := u + 1; v < n; v++ {
			p := pout
			if u/s == v/s {
				p = pin
			}
			if rnd.Float64() < p {
				edges = append(edges, [3]float64{float64(u), float64(v), 0.1 + 0.9*rnd.Float64()})
			}
		}
	}
	return newCSRGraph(n, edges)
}

func TestLouvainPlanted(t *testing.T) {
	// Two 5-cliques joined by one tie: the two cliques, whatever the seed.
	var edges [][3]float64
	for _, base := range []int{0, 5} {
		for u := range 5 {
			for v := u + 1; v < 5; v++ {
				edges = append(edges, [3]float64{float64(base + u), float64(base + v), 1})
			}
		}
	}
	edges = append(edges, [3]float64{4, 5, 1})
	g := newCSRGraph(11, edges) // node 10 has no tie
	for seed := range uint64(5) {
		comm, err := louvain(context.Background(), g.off, g.nbr, g.w, 1, seed)
		if err != nil {
			t.Fatal(err)
		}
		want := []int32{0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2}
		if !slices.Equal(comm, want) {
			t.Errorf("seed %d: %v, want %v", seed, comm, want)
		}
	}
}

// TestLouvainAgainstGonum checks the partitions against the definition of
// modularity and against gonum's Louvain (community.Modularize) on
// generated graphs: the same modularity, to within what a different node
// order can cost, and the planted groups found.
func TestLouvainAgainstGonum(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 7))
	cases := []struct {
		name      string
		c, s      int
		pin, pout float64
		gamma     float64
	}{
		{"planted 4x10", 4, 10, 0.7, 0.02, 1},
		{"planted 6x15", 6, 15, 0.5, 0.03, 1},
		{"planted 3x20 γ=2", 3, 20, 0.6, 0.05, 2},
		{"random 60", 1, 60, 0.1, 0, 1},
		{"random 80 γ=0.5", 1, 80, 0.08, 0, 0.5},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := plantedGraph(rnd, tc.c, tc.s, tc.pin, tc.pout)
			comm, err := louvain(context.Background(), g.off, g.nbr, g.w, tc.gamma, 1)
			if err != nil {
				t.Fatal(err)
			}
			q := g.modularity(comm, tc.gamma)
			red := community.Modularize(g.gonum(), tc.gamma, rand.NewPCG(1, 1))
			gcomm := make([]int32, len(comm))
			for i, c := range red.Communities() {
				for _, v := range c {
					gcomm[v.ID()] = int32(i)
				}
			}
			gq := g.modularity(gcomm, tc.gamma)
			t.Logf("modularity %.4f (%d communities); gonum %.4f (%d)", q, int(slices.Max(comm))+1, gq, len(red.Communities()))
			if q < gq-0.02 {
				t.Errorf("modularity %v, gonum's %v", q, gq)
			}
			if tc.c > 1 && tc.gamma == 1 {
				for v := range comm {
					if comm[v] != comm[(v/tc.s)*tc.s] {
						t.Errorf("node %d not with its planted group", v)
						break
					}
				}
			}
		})
	}
}

// countingCtx is a context whose Err reports cancellation from its n-th
// call on: a run that checks its context is stopped part-way through, on
// any machine, however fast.
type countingCtx struct {
	context.Context
	calls, after atomic.Int64
}

func (c *countingCtx) Err() error {
	if c.calls.Add(1) > c.after.Load() {
		return context.Canceled
	}
	return nil
}

func TestLouvainCancel(t *testing.T) {
	g := plantedGraph(rand.New(rand.NewPCG(3, 3)), 10, 300, 0.02, 0.001)
	full := &countingCtx{Context: context.Background()}
	full.after.Store(1 << 62)
	if _, err := louvain(full, g.off, g.nbr, g.w, 1, 1); err != nil {
		t.Fatal(err)
	}
	checks := full.calls.Load()
	if checks < 10 {
		t.Fatalf("louvain checked its context %d times on 3000 nodes", checks)
	}
	// Cancelled half-way: it stops with the analysis' unavailable error
	// after the check that saw it.
	half := &countingCtx{Context: context.Background()}
	half.after.Store(checks / 2)
	_, err := louvain(half, g.off, g.nbr, g.w, 1, 1)
	if graph.ErrorCode(err) != graph.EUNAVAILABLE {
		t.Fatalf("error %v, want unavailable", err)
	}
	// (the error's cause reads Err once more)
	if got := half.calls.Load(); got > checks/2+2 {
		t.Errorf("ran on for %d checks after the cancellation", got-checks/2-1)
	}
}

// TestBlocsMemo: identical bloc queries on a projection
// are answered once.
func TestBlocsMemo(t *testing.T) {
	p := project(t, batchOf(blocsGraph()), Filter{})
	ctx := &countingCtx{Context: context.Background()}
	ctx.after.Store(1 << 62)
	a, err := p.Blocs(ctx, BlocQuery{})
	if err != nil {
		t.Fatal(err)
	}
	first := ctx.calls.Load()
	b, err := p.Blocs(ctx, BlocQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if ctx.calls.Load() != first {
		t.Errorf("the second identical query computed again")
	}
	if !slices.EqualFunc(a.Blocs, b.Blocs, func(x, y Bloc) bool { return slices.Equal(x.Members, y.Members) }) {
		t.Errorf("answers differ")
	}
	if _, err := p.Blocs(ctx, BlocQuery{Resolution: 2}); err != nil || ctx.calls.Load() == first {
		t.Errorf("another resolution was answered from the first query's result (%v)", err)
	}
}

// BenchmarkLouvain: 10^4 actors and 2·10^5 ties drawn with a skew towards
// hubs, as the /blocs hardening case (gonum's Modularize took minutes).
func BenchmarkLouvain(b *testing.B) {
	rnd := rand.New(rand.NewPCG(1, 2))
	const n, m = 10_000, 200_000
	edges := make([][3]float64, 0, m)
	for range m {
		u, v := rnd.IntN(n), rnd.IntN(n)
		if rnd.IntN(5) == 0 {
			x := rnd.Float64()
			u = int(x * x * x * n)
		}
		edges = append(edges, [3]float64{float64(u), float64(v), 1})
	}
	g := newCSRGraph(n, edges)
	b.ResetTimer()
	for b.Loop() {
		comm, err := louvain(context.Background(), g.off, g.nbr, g.w, 1, 1)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(slices.Max(comm)+1), "communities")
	}
}
