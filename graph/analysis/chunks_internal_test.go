package analysis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/detente/detente/graph/graphgen"
)

// TestPageRankSameOnAnyProcessorCount: PageRank's chunked pass gives the
// same bits on one processor as on several (the chunks depend on the
// number of actors alone), on a graph of several chunks.
func TestPageRankSameOnAnyProcessorCount(t *testing.T) {
	ctx := context.Background()
	b := graphgen.Generate(graphgen.Options{Actors: 3*chunkSize + 17, Relationships: 60000, Seed: 5})
	run := func(procs int, weighted bool) []float64 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		p, err := Project(ctx, b, registry, Filter{Weighted: weighted})
		if err != nil {
			t.Fatal(err)
		}
		if chunksOf(p.Len()) < 2 {
			t.Fatalf("%d actors: one chunk", p.Len())
		}
		c, err := p.Centrality(ctx, PageRank)
		if err != nil {
			t.Fatal(err)
		}
		return c.Scores
	}
	for _, weighted := range []bool{false, true} {
		one, several := run(1, weighted), run(4, weighted)
		if !slices.Equal(one, several) {
			t.Errorf("weighted %v: PageRank on 1 processor differs from PageRank on 4", weighted)
		}
	}
}

// TestRankOfIsRank: rankOf gives each actor the rank rank gives it, on
// scores with exact ties, ties after rounding to 12 digits, and zeros.
func TestRankOfIsRank(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	for trial := range 50 {
		n := 1 + rng.IntN(300)
		scores := make([]float64, n)
		for i := range scores {
			switch rng.IntN(4) {
			case 0:
				scores[i] = float64(rng.IntN(5)) / 7 // exact ties
			case 1:
				scores[i] = 0.25 + float64(rng.IntN(3))*1e-15 // equal once rounded
			default:
				scores[i] = rng.Float64()
			}
		}
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprintf("a%04d", i)
		}
		for _, sc := range rank(ids, scores, nil) {
			var i int
			fmt.Sscanf(sc.Actor, "a%d", &i)
			if got := rankOf(scores, i); got != sc.Rank {
				t.Fatalf("trial %d: rankOf(%s) = %d, rank gives %d", trial, sc.Actor, got, sc.Rank)
			}
		}
	}
}
