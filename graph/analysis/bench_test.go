package analysis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphgen"
)

// randomProjection builds a projection of n actors and about m directed
// edges straight from edge arrays (a batch of 10^6 graph.Relationship
// values would dominate the benchmark's memory). Endpoints are drawn with
// a skew so that degrees spread out, weights uniformly in [0.05, 1); the seed
// is fixed.
func randomProjection(n, m int, weighted bool) *Projection {
	rnd := rand.New(rand.NewPCG(42, uint64(n)))
	d := &data{base: &base{}, ids: make([]string, n)}
	for i := range d.ids {
		d.ids[i] = fmt.Sprintf("a%07d", i)
	}
	src, dst, rel := make([]int32, 0, m), make([]int32, 0, m), make([]int32, 0, m)
	w := make([]float64, 0, m)
	pick := func() int32 {
		// a mixture: 80% uniform, 20% towards low indices (hubs)
		if rnd.IntN(5) == 0 {
			x := rnd.Float64()
			return int32(x * x * x * float64(n))
		}
		return int32(rnd.IntN(n))
	}
	for len(src) < m {
		u, v := pick(), pick()
		if u == v {
			continue
		}
		src, dst = append(src, u), append(dst, v)
		rel = append(rel, int32(len(rel)))
		w = append(w, 0.05+0.95*rnd.Float64())
	}
	// The edges' best weights are read from the relationships.
	d.base.rels = relsOfWeights(w)
	d.setEdges(src, dst, rel, func(r int32) float64 { return w[r] })
	return &Projection{data: d, weighted: weighted}
}

// relsOfWeights returns lean relationships of the given weights.
func relsOfWeights(w []float64) []rel {
	rels := make([]rel, len(w))
	for i, x := range w {
		rels[i].weight = x
	}
	return rels
}

func BenchmarkPageRank(b *testing.B) {
	for _, size := range []struct{ n, m int }{{10_000, 100_000}, {100_000, 1_000_000}} {
		for _, weighted := range []bool{false, true} {
			p := randomProjection(size.n, size.m, weighted)
			b.Run(fmt.Sprintf("n=%d/m=%d/weighted=%v", size.n, p.Edges(), weighted), func(b *testing.B) {
				var iters int
				for b.Loop() {
					_, it, ok, err := p.pageRank(context.Background(), -1, false)
					if err != nil || !ok {
						b.Fatal(err, ok)
					}
					iters += it
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(iters)/float64(p.Edges()), "ns/edge/iter")
				b.ReportMetric(float64(iters)/float64(b.N), "iters/op")
			})
		}
	}
}

func BenchmarkBetweenness(b *testing.B) {
	for _, size := range []struct{ n, m int }{{1_000, 10_000}, {10_000, 100_000}} {
		for _, weighted := range []bool{false, true} {
			p := randomProjection(size.n, size.m, weighted)
			b.Run(fmt.Sprintf("n=%d/m=%d/weighted=%v", size.n, p.Edges(), weighted), func(b *testing.B) {
				for b.Loop() {
					if _, err := p.betweenness(context.Background()); err != nil {
						b.Fatal(err)
					}
				}
				// one search (and one accumulation) per source
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(p.Len())/float64(p.Edges()), "ns/edge/source")
			})
		}
	}
}

func BenchmarkClosenessEigenvector(b *testing.B) {
	p := randomProjection(10_000, 100_000, false)
	b.Run("closeness", func(b *testing.B) {
		for b.Loop() {
			if _, err := p.closeness(context.Background()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("eigenvector", func(b *testing.B) {
		for b.Loop() {
			if _, _, _, err := p.eigenvector(context.Background()); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkProject measures a cache miss: building the projection of an
// exported graph of 10^4 actors and 10^5 relationships.
func BenchmarkProject(b *testing.B) {
	rnd := rand.New(rand.NewPCG(7, 7))
	types := []string{"supports", "allied_with", "negotiates_with", "funds", "sanctions", "hostile_to", "member_of"}
	var batch graph.Batch
	const n, m = 10_000, 100_000
	for i := 0; i < n; i++ {
		batch.Actors = append(batch.Actors, graph.Actor{ID: fmt.Sprintf("a%05d", i), Name: "x", Kind: "state"})
	}
	for i := 0; i < m; i++ {
		u, v := rnd.IntN(n), rnd.IntN(n)
		if u == v {
			continue
		}
		batch.Relationships = append(batch.Relationships, graph.Relationship{ID: fmt.Sprintf("r%06d", i),
			Source: batch.Actors[u].ID, Target: batch.Actors[v].ID, Type: types[rnd.IntN(len(types))], Weight: 0.5})
	}
	for b.Loop() {
		if _, err := Project(context.Background(), batch, registry, Filter{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMediators: two hubs of a skewed signed graph (their camps hold
// hundreds of actors, so brokerage runs that many searches).
func BenchmarkMediators(b *testing.B) {
	for _, size := range []struct{ n, m int }{{10_000, 100_000}, {100_000, 1_000_000}} {
		rnd := rand.New(rand.NewPCG(7, uint64(size.n)))
		pick := func() int {
			if rnd.IntN(5) == 0 {
				x := rnd.Float64()
				return int(x * x * x * float64(size.n))
			}
			return rnd.IntN(size.n)
		}
		types := []string{"allied_with", "supports", "mediates", "negotiates_with", "sanctions", "opposes"}
		var bt graph.Batch
		for i := 0; i < size.n; i++ {
			bt.Actors = append(bt.Actors, graph.Actor{ID: fmt.Sprintf("a%07d", i), Name: fmt.Sprintf("a%07d", i), Kind: "state"})
		}
		for len(bt.Relationships) < size.m {
			u, v := pick(), pick()
			if u == v {
				continue
			}
			bt.Relationships = append(bt.Relationships, graph.Relationship{ID: fmt.Sprintf("r%08d", len(bt.Relationships)),
				Source: bt.Actors[u].ID, Target: bt.Actors[v].ID, Type: types[rnd.IntN(len(types))], Weight: 0.05 + 0.95*rnd.Float64(), Confidence: 1})
		}
		p := project(b, bt, Filter{Weighted: true})
		b.Run(fmt.Sprintf("n=%d/m=%d", size.n, size.m), func(b *testing.B) {
			for b.Loop() {
				if _, err := p.mediators(context.Background(), MediatorQuery{A: "a0000000", B: "a0000001", Limit: DefaultActorLimit, MaxHops: DefaultMediatorHops}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFrustration: the exact frustration index of a graph of 100
// ties, on 40 actors with signs at random (the hard case: no camps to find) and
// planted camps with a fifth of the signs flipped (as real data). The seed
// is fixed.
func BenchmarkFrustration(b *testing.B) {
	for _, tc := range []struct {
		name    string
		n       int
		planted bool
	}{{"random", 40, false}, {"planted", 40, true}, {"random-dense", 20, false}} {
		b.Run(tc.name, func(b *testing.B) {
			rng := rand.New(rand.NewPCG(100, 40))
			var g *signedGraph
			for g == nil || g.m != 100 || len(g.components()) != 1 {
				g = randomSignedGraph(rng, tc.n, 100.0/float64(tc.n*(tc.n-1)/2), 1, tc.planted, 0.2)
			}
			ctx := context.Background()
			if r, _ := frustration(ctx, g, 0); true {
				b.Logf("%d actors, %d ties: heuristic %d..%d", g.n(), g.m, r.lower, r.upper)
			}
			for b.Loop() {
				r, err := frustration(ctx, g, frustrationNodes)
				if err != nil || !r.exact {
					b.Fatalf("%+v, %v", r.exact, err)
				}
			}
		})
	}
}

// BenchmarkBalance: the whole /balance answer (triads, walk index,
// frustration), not the kept one, on 500 actors and 5000 relationships
// (walk index computed; frustration heuristic and bounded), and on 10^4
// actors and 10^5 relationships (walk index null).
func BenchmarkBalance(b *testing.B) {
	for _, size := range []struct{ n, m int }{{500, 5_000}, {10_000, 100_000}} {
		rnd := rand.New(rand.NewPCG(7, 7))
		types := []string{"supports", "allied_with", "negotiates_with", "funds", "sanctions", "hostile_to", "member_of"}
		var batch graph.Batch
		for i := 0; i < size.n; i++ {
			batch.Actors = append(batch.Actors, graph.Actor{ID: fmt.Sprintf("a%05d", i), Name: "x", Kind: "state"})
		}
		for i := 0; i < size.m; i++ {
			u, v := rnd.IntN(size.n), rnd.IntN(size.n)
			if u == v {
				continue
			}
			batch.Relationships = append(batch.Relationships, graph.Relationship{ID: fmt.Sprintf("r%06d", i),
				Source: batch.Actors[u].ID, Target: batch.Actors[v].ID, Type: types[rnd.IntN(len(types))], Weight: 0.5})
		}
		p, err := Project(context.Background(), batch, registry, Filter{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("n=%d/m=%d", size.n, size.m), func(b *testing.B) {
			var bal Balance
			for b.Loop() {
				if bal, err = p.balance(context.Background(), BalanceQuery{Limit: DefaultLimit}); err != nil { // not the kept answer
					b.Fatal(err)
				}
			}
			f := bal.Frustration
			b.Logf("frustration %d..%d (exact %v), walk index %v", f.LowerBound, f.Index, f.Exact, bal.WalkIndex != nil)
		})
	}
}

// BenchmarkSignedMeasures times, on the generated 10^4/10^5 graph of make
// bench (graphgen, seed 1), each signed measure and its unsigned
// counterpart on a fresh projection, as cmd/detente-bench's "signed" part
// does: PageRank and PN, Louvain and signed blocs; view is building the
// undirected view alone (which PN and both bloc methods read first).
func BenchmarkSignedMeasures(b *testing.B) {
	batch := graphgen.Generate(graphgen.Options{Actors: 10_000, Relationships: 100_000, Seed: 1})
	ctx := context.Background()
	for _, weighted := range []bool{false, true} {
		for _, m := range []struct {
			name string
			run  func(p *Projection) error
		}{
			{"view", func(p *Projection) error { p.undirected(); return nil }},
			{"pagerank", func(p *Projection) error { _, err := p.Centrality(ctx, PageRank); return err }},
			{"pn", func(p *Projection) error { _, err := p.Centrality(ctx, PN); return err }},
			{"louvain", func(p *Projection) error { _, err := p.Blocs(ctx, BlocQuery{Method: BlocsLouvain}); return err }},
			{"signed", func(p *Projection) error { _, err := p.Blocs(ctx, BlocQuery{Method: BlocsSigned}); return err }},
		} {
			b.Run(fmt.Sprintf("%s/weighted=%v", m.name, weighted), func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					p := project(b, batch, Filter{Weighted: weighted})
					b.StartTimer()
					if err := m.run(p); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
