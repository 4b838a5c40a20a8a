package analysis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

// bruteFrustration is the frustration of g by enumeration of all 2^n
// colourings: the definition, with no search.
func bruteFrustration(g *signedGraph) int {
	n := g.n()
	best := -1
	col := make([]int8, n)
	for mask := 0; mask < 1<<n; mask++ {
		for v := range col {
			col[v] = int8(mask >> v & 1)
		}
		if c := g.cost(col); best < 0 || c < best {
			best = c
		}
	}
	return best
}

// randomSignedGraph has n vertices, each pair an edge with probability p,
// of weight 1..maxW and a random sign; with planted, the signs mostly
// follow a hidden two-camp split (as real data), flipped with probability
// noise.
func randomSignedGraph(rng *rand.Rand, n int, p float64, maxW int, planted bool, noise float64) *signedGraph {
	camp := make([]int, n)
	for v := range camp {
		camp[v] = rng.IntN(2)
	}
	var edges [][3]int32
	for u := 0; u < n; u++ {
		for v := u + 1; v < n; v++ {
			if rng.Float64() >= p {
				continue
			}
			w := int32(1 + rng.IntN(maxW))
			neg := rng.IntN(2) == 0
			if planted {
				neg = camp[u] != camp[v]
				if rng.Float64() < noise {
					neg = !neg
				}
			}
			if neg {
				w = -w
			}
			edges = append(edges, [3]int32{int32(u), int32(v), w})
		}
	}
	return newSignedGraph(n, edges)
}

func TestFrustrationAgainstBruteForce(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(18, 2018))
	for trial := 0; trial < 400; trial++ {
		n := 1 + rng.IntN(12)
		p := 0.2 + 0.8*rng.Float64()
		maxW := 1 + rng.IntN(3)*rng.IntN(2) // mostly 1
		g := randomSignedGraph(rng, n, p, maxW, trial%2 == 0, 0.2)
		name := fmt.Sprintf("trial %d (n=%d, m=%d)", trial, n, g.m)
		want := bruteFrustration(g)

		got, err := frustration(ctx, g, frustrationNodes)
		if err != nil {
			t.Fatal(err)
		}
		if !got.exact || got.upper != want || got.lower != want {
			t.Errorf("%s: frustration = %d..%d (exact %v), brute force %d", name, got.lower, got.upper, got.exact, want)
		}
		if c := g.cost(got.col); c != got.upper {
			t.Errorf("%s: the colouring frustrates %d, reported %d", name, c, got.upper)
		}

		// No search: the heuristic's upper bound and the packing's lower
		// bound straddle the index.
		h, err := frustration(ctx, g, 0)
		if err != nil {
			t.Fatal(err)
		}
		if h.lower > want || h.upper < want || g.cost(h.col) != h.upper || h.exact != (h.lower == h.upper) {
			t.Errorf("%s: heuristic %d..%d (exact %v), index %d", name, h.lower, h.upper, h.exact, want)
		}
	}
}

func TestFrustrationClassics(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		n     int
		edges [][3]int32
		want  int
	}{
		{"empty", 3, nil, 0},
		{"balanced: two camps", 4, [][3]int32{{0, 1, 1}, {2, 3, 1}, {0, 2, -1}, {0, 3, -1}, {1, 2, -1}, {1, 3, -1}}, 0},
		{"all-negative triangle", 3, [][3]int32{{0, 1, -1}, {1, 2, -1}, {0, 2, -1}}, 1},
		{"++- triangle", 3, [][3]int32{{0, 1, 1}, {1, 2, 1}, {0, 2, -1}}, 1},
		{"two negative triangles sharing an edge", 4, [][3]int32{{0, 1, -1}, {1, 2, -1}, {0, 2, -1}, {1, 3, -1}, {2, 3, -1}}, 1},
		{"all-negative K4", 4, [][3]int32{{0, 1, -1}, {0, 2, -1}, {0, 3, -1}, {1, 2, -1}, {1, 3, -1}, {2, 3, -1}}, 2},
		{"heavy edge kept", 3, [][3]int32{{0, 1, 5}, {1, 2, 5}, {0, 2, -2}}, 2},
	} {
		g := newSignedGraph(tc.n, tc.edges)
		got, err := frustration(ctx, g, frustrationNodes)
		if err != nil {
			t.Fatal(err)
		}
		if !got.exact || got.upper != tc.want || got.lower != tc.want {
			t.Errorf("%s: %d..%d (exact %v), want %d", tc.name, got.lower, got.upper, got.exact, tc.want)
		}
	}
}

// TestFrustrationHeuristicBounds: on graphs too big to enumerate, with the
// search allowed, cut short, or not run, lower ≤ exact ≤ upper.
func TestFrustrationHeuristicBounds(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(7, 14))
	for trial := 0; trial < 20; trial++ {
		g := randomSignedGraph(rng, 30, 0.15, 1, trial%2 == 0, 0.3)
		exact, err := frustration(ctx, g, frustrationNodes)
		if err != nil {
			t.Fatal(err)
		}
		if !exact.exact {
			t.Fatalf("trial %d: the search did not finish on %d ties", trial, g.m)
		}
		for _, nodes := range []int{0, 10, 1000} {
			h, err := frustration(ctx, g, nodes)
			if err != nil {
				t.Fatal(err)
			}
			if h.lower > exact.upper || h.upper < exact.upper || g.cost(h.col) != h.upper {
				t.Errorf("trial %d, %d nodes: %d..%d, index %d", trial, nodes, h.lower, h.upper, exact.upper)
			}
		}
	}
}

func TestFrustrationCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	g := randomSignedGraph(rand.New(rand.NewPCG(1, 1)), 20, 0.3, 1, false, 0)
	if _, err := frustration(ctx, g, frustrationNodes); err == nil {
		t.Error("a cancelled context: no error")
	}
}
