package analysis

import (
	"context"
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
