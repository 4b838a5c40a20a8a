package analysis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/memstore"
)

// Paths and betweenness share one notion of equal cost (graph.SameCost):
// on graphs whose weights make many sums equal in exact arithmetic but not
// in floating point (1/0.3 + 1/0.6 against 1/0.2), the number of
// all_shortest paths /paths lists between two actors is the number of
// shortest paths the betweenness kernel counts. The graphs have at most 11
// actors, so no simple path is longer than MaxHopsCap, and one tie per
// ordered pair, as the projection has one edge per pair.
func TestPathsAndBetweennessShareTheTolerance(t *testing.T) {
	ctx := context.Background()
	weights := []float64{0.1, 0.2, 0.3, 0.6}
	rng := rand.New(rand.NewPCG(7, 49))
	compared, ties := 0, 0
	for g := range 12 {
		n := 6 + rng.IntN(6)
		var rels []tie
		seen := map[[2]int]bool{}
		if g%2 == 0 {
			// A grid, both ways, of 3 columns.
			for v := range n {
				for _, w := range []int{v + 1, v + 3} {
					if w < n && (w != v+1 || w%3 != 0) {
						rels = append(rels, tie{fmt.Sprintf("v%02d", v), fmt.Sprintf("v%02d", w), "supports", weights[rng.IntN(4)]},
							tie{fmt.Sprintf("v%02d", w), fmt.Sprintf("v%02d", v), "supports", weights[rng.IntN(4)]})
					}
				}
			}
		} else {
			for range 3 * n {
				a, b := rng.IntN(n), rng.IntN(n)
				if a == b || seen[[2]int{a, b}] {
					continue
				}
				seen[[2]int{a, b}] = true
				rels = append(rels, tie{fmt.Sprintf("v%02d", a), fmt.Sprintf("v%02d", b), "supports", weights[rng.IntN(4)]})
			}
		}
		b := batchOf(rels)
		p := project(t, b, Filter{Weighted: true})
		d, err := memstore.OpenWith("", memstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		st := graph.NewStore(d)
		if _, err := st.Import(ctx, b, false); err != nil {
			t.Fatal(err)
		}
		sp := newSSSP(p.Len(), true, p.maxLength())
		out := p.withLengths(&p.out)
		for s := range int32(p.Len()) {
			sp.dijkstra(out, s)
			for u := range int32(p.Len()) {
				if u == s || sp.sigma[u] == 0 {
					continue
				}
				paths, err := st.Paths(ctx, graph.PathQuery{From: p.ids[s], To: p.ids[u], Mode: graph.ModeAllShortest,
					Weighted: true, Direction: graph.Out, MaxHops: graph.MaxHopsCap, Limit: 1000})
				if err != nil {
					t.Fatal(err)
				}
				if float64(len(paths)) != sp.sigma[u] {
					t.Fatalf("graph %d, %s -> %s: %d all_shortest paths (cost %v), betweenness counts %v", g, p.ids[s], p.ids[u], len(paths), paths[0].Cost, sp.sigma[u])
				}
				compared++
				if len(paths) > 1 {
					ties++
				}
			}
			sp.reset()
		}
	}
	if ties == 0 {
		t.Fatalf("no pair of %d has tied paths: the test shows nothing", compared)
	}
	t.Logf("%d pairs, %d with tied shortest paths", compared, ties)
}
