package analysis

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/detente/detente/graph"
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

// gahukuGama is Read's (1954) signed network of the 16 Gahuku-Gama
// sub-tribes of the Eastern Central Highlands of New Guinea: 29 alliances
// (rova, +1) and 29 enmities (hina, -1), as KONECT's ucidata-gama (from
// UCINET) lists them, numbered from 0. Aref and Wilson (2018) give its
// frustration index: 7.
var gahukuGama = [][3]int32{
	{0, 1, 1}, {0, 2, -1}, {1, 2, -1}, {0, 3, -1}, {2, 3, 1}, {0, 4, -1}, {1, 4, -1}, {0, 5, -1},
	{1, 5, -1}, {2, 5, 1}, {2, 6, 1}, {4, 6, 1}, {5, 6, 1}, {2, 7, 1}, {3, 7, 1}, {5, 7, 1},
	{6, 7, 1}, {1, 8, -1}, {4, 8, 1}, {5, 8, -1}, {1, 9, -1}, {8, 9, 1}, {5, 10, 1}, {6, 10, 1},
	{7, 10, 1}, {8, 10, -1}, {9, 10, -1}, {0, 11, -1}, {5, 11, 1}, {6, 11, 1}, {7, 11, 1}, {10, 11, 1},
	{5, 12, -1}, {6, 12, 1}, {8, 12, 1}, {9, 12, 1}, {10, 12, -1}, {4, 13, 1}, {7, 13, -1}, {11, 13, -1},
	{12, 13, 1}, {0, 14, 1}, {1, 14, 1}, {4, 14, -1}, {8, 14, -1}, {9, 14, -1}, {10, 14, -1}, {11, 14, -1},
	{12, 14, -1}, {0, 15, 1}, {1, 15, 1}, {4, 15, -1}, {5, 15, -1}, {10, 15, -1}, {11, 15, -1}, {12, 15, -1},
	{13, 15, -1}, {14, 15, 1},
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
		{"Gahuku-Gama highland tribes", 16, gahukuGama, 7},
	} {
		g := newSignedGraph(tc.n, tc.edges)
		if tc.n <= 16 {
			if b := bruteFrustration(g); b != tc.want {
				t.Fatalf("%s: brute force %d, want %d", tc.name, b, tc.want)
			}
		}
		got, err := frustration(ctx, g, frustrationNodes)
		if err != nil {
			t.Fatal(err)
		}
		if !got.exact || got.upper != tc.want || got.lower != tc.want {
			t.Errorf("%s: %d..%d (exact %v), want %d", tc.name, got.lower, got.upper, got.exact, tc.want)
		}
		if h, _ := frustration(ctx, g, 0); h.lower > tc.want || h.upper < tc.want {
			t.Errorf("%s: without search %d..%d, want %d", tc.name, h.lower, h.upper, tc.want)
		} else {
			t.Logf("%s: without search %d..%d", tc.name, h.lower, h.upper)
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

// bruteRelFrustration is the frustration of the batch's signed
// relationships, each its own edge, by enumeration of all colourings of
// its actors (sorted ids, as the projection numbers them).
func bruteRelFrustration(b graph.Batch) int {
	var ids []string
	for _, a := range b.Actors {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	index := map[string]int{}
	for i, id := range ids {
		index[id] = i
	}
	best := -1
	for mask := 0; mask < 1<<len(ids); mask++ {
		c := 0
		for _, r := range b.Relationships {
			t, _ := registry.Get(r.Type)
			same := mask>>index[r.Source]&1 == mask>>index[r.Target]&1
			if t.Polarity > 0 && !same || t.Polarity < 0 && same {
				c++
			}
		}
		if best < 0 || c < best {
			best = c
		}
	}
	return best
}

// randomBatch has n actors and m relationships of random types (all
// polarities, parallel ties on a pair allowed).
func randomBatch(rng *rand.Rand, n, m int) graph.Batch {
	types := registry.Names()
	var ties []tie
	for len(ties) < m {
		u, v := rng.IntN(n), rng.IntN(n)
		if u == v {
			continue
		}
		ties = append(ties, tie{fmt.Sprintf("a%02d", u), fmt.Sprintf("a%02d", v), types[rng.IntN(len(types))], 0.1 + 0.9*rng.Float64()})
	}
	return batchOf(ties)
}

// TestBalanceFrustration: through Balance, on batches with parallel and
// structural ties, the index is the brute force one, the camps and the
// frustrated list agree with it, and the camps partition the signed actors.
func TestBalanceFrustration(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(3, 9))
	for trial := 0; trial < 150; trial++ {
		b := randomBatch(rng, 2+rng.IntN(10), 1+rng.IntN(30))
		want := bruteRelFrustration(b)
		p := project(t, b, Filter{Weighted: trial%2 == 0})
		bal, err := p.Balance(ctx, BalanceQuery{Limit: MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		f := bal.Frustration
		if f.Index != want || f.LowerBound != want || !f.Exact || len(f.Frustrated) != want || f.Truncated {
			t.Errorf("trial %d: %+v, brute force %d", trial, f, want)
		}
		camp := map[string]int{}
		for c, ids := range f.Camps {
			if !slices.IsSorted(ids) {
				t.Errorf("trial %d: camp %d not sorted: %v", trial, c, ids)
			}
			for _, id := range ids {
				camp[id] = c + 1
			}
		}
		frustrated := map[string]bool{}
		for _, id := range f.Frustrated {
			frustrated[id] = true
		}
		for _, r := range b.Relationships {
			pol := p.base.polarity(r.Type)
			if pol == 0 {
				continue
			}
			cs, ct := camp[r.Source], camp[r.Target]
			if cs == 0 || ct == 0 {
				t.Errorf("trial %d: %s has an actor in no camp", trial, r.ID)
				continue
			}
			if got := pol > 0 && cs != ct || pol < 0 && cs == ct; got != frustrated[r.ID] {
				t.Errorf("trial %d: %s (%s, polarity %d) frustrated %v, listed %v", trial, r.ID, r.Type, pol, got, frustrated[r.ID])
			}
		}
	}

	// The hand-built graph of TestBalance: the china-iran-russia triangle
	// (++-), isis against both usa and iran, and oman's support and
	// criticism of iran cost one relationship each; member_of is
	// structural.
	p := project(t, batchOf(balanceGraph), Filter{})
	bal, err := p.Balance(ctx, BalanceQuery{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	f := bal.Frustration
	if f.Index != 3 || !f.Exact || len(f.Frustrated) != 2 || !f.Truncated {
		t.Errorf("balanceGraph: %+v", f)
	}
	if len(f.Camps[0])+len(f.Camps[1]) != 7 {
		t.Errorf("balanceGraph camps: %v", f.Camps)
	}
	side := map[string]int{}
	for c, ids := range f.Camps {
		for _, id := range ids {
			side[id] = c
		}
	}
	if side["usa"] != side["israel"] || side["usa"] == side["iran"] || side["usa"] != side["oman"] || side["iran"] != side["china"] {
		t.Errorf("balanceGraph camps: %v", f.Camps)
	}
}

// taylorWalkIndex computes tr exp(A) / tr exp(|A|) by the Taylor series
// of exp on dense matrices: an independent check of walkIndex's
// eigenvalues.
func taylorWalkIndex(a [][]float64) float64 {
	n := len(a)
	tr := func(abs bool) float64 {
		m := make([][]float64, n)
		for i := range m {
			m[i] = make([]float64, n)
			for j := range m[i] {
				m[i][j] = a[i][j]
				if abs {
					m[i][j] = math.Abs(a[i][j])
				}
			}
		}
		p := make([][]float64, n) // A^k / k!
		for i := range p {
			p[i] = make([]float64, n)
			p[i][i] = 1
		}
		sum := float64(n)
		for k := 1; k < 80; k++ {
			q := make([][]float64, n)
			for i := range q {
				q[i] = make([]float64, n)
				for j := range q[i] {
					for l := 0; l < n; l++ {
						q[i][j] += p[i][l] * m[l][j]
					}
					q[i][j] /= float64(k)
				}
			}
			p = q
			for i := range p {
				sum += p[i][i]
			}
		}
		return sum
	}
	return tr(false) / tr(true)
}

// pairSignMatrix is the adjacency of the projection's signed pairs, built
// from its relationships (the sign of the sum of polarities, unweighted)
// over the actors with a signed pair, in no particular order.
func pairSignMatrix(p *Projection) [][]float64 {
	net := map[[2]string]int{}
	for _, ri := range p.relsSel {
		r := p.base.lean(ri)
		k := [2]string{min(r.Source, r.Target), max(r.Source, r.Target)}
		net[k] += p.base.polarity(r.Type)
	}
	idx := map[string]int{}
	for k, s := range net {
		if s == 0 {
			continue
		}
		for _, id := range k {
			if _, ok := idx[id]; !ok {
				idx[id] = len(idx)
			}
		}
	}
	a := make([][]float64, len(idx))
	for i := range a {
		a[i] = make([]float64, len(idx))
	}
	for k, s := range net {
		if s == 0 {
			continue
		}
		sign := 1.0
		if s < 0 {
			sign = -1
		}
		a[idx[k[0]]][idx[k[1]]], a[idx[k[1]]][idx[k[0]]] = sign, sign
	}
	return a
}

func TestWalkIndex(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(2014, 90))
	for trial := 0; trial < 60; trial++ {
		b := randomBatch(rng, 2+rng.IntN(9), 1+rng.IntN(25))
		p := project(t, b, Filter{})
		bal, err := p.Balance(ctx, BalanceQuery{})
		if err != nil {
			t.Fatal(err)
		}
		a := pairSignMatrix(p)
		want := 1.0
		if len(a) > 0 {
			want = taylorWalkIndex(a)
		}
		if bal.WalkIndex == nil || math.Abs(*bal.WalkIndex-want) > 1e-9 {
			t.Errorf("trial %d: walk index %v, Taylor series %v", trial, bal.WalkIndex, want)
		}
	}
	// Balanced: 1. An all-negative triangle: (e^-2 + 2e) / (e^2 + 2e^-1).
	p := project(t, batchOf(balanceGraph[:3]), Filter{})
	if bal, _ := p.Balance(ctx, BalanceQuery{}); bal.WalkIndex == nil || !closeTo(*bal.WalkIndex, 1) {
		t.Errorf("balanced: walk index %v", bal.WalkIndex)
	}
	p = project(t, batchOf([]tie{{"a", "b", "hostile_to", 1}, {"b", "c", "hostile_to", 1}, {"a", "c", "hostile_to", 1}}), Filter{})
	want := (math.Exp(-2) + 2*math.E) / (math.Exp(2) + 2/math.E)
	if bal, _ := p.Balance(ctx, BalanceQuery{}); bal.WalkIndex == nil || !closeTo(*bal.WalkIndex, want) {
		t.Errorf("negative triangle: walk index %v, want %v", bal.WalkIndex, want)
	}
}

// TestScenarioFrustration: the shipped scenario as of its cut-off. The
// camps should hold the United States and Israel together, apart from
// Iran.
func TestScenarioFrustration(t *testing.T) {
	ctx := context.Background()
	b, asOf := scenario(t)
	p := project(t, b, Filter{AsOf: &asOf})
	bal, err := p.Balance(ctx, BalanceQuery{Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	f := bal.Frustration
	walk := "null"
	if bal.WalkIndex != nil {
		walk = fmt.Sprint(*bal.WalkIndex)
	}
	t.Logf("as of %s: %d signed pairs, triad ratio %v, walk index %s", asOf, bal.Pairs, bal.Ratio, walk)
	t.Logf("frustration index %d (exact %v, lower bound %d) of %d selected relationships", f.Index, f.Exact, f.LowerBound, p.nrels)
	for c, ids := range f.Camps {
		t.Logf("camp %d (%d): %v", c, len(ids), ids)
	}
	rels := map[string]graph.Relationship{}
	for _, r := range b.Relationships {
		rels[r.ID] = r
	}
	for i, id := range f.Frustrated[:min(12, len(f.Frustrated))] {
		r := rels[id]
		t.Logf("frustrated %d: %s %s -%s-> %s", i+1, id, r.Source, r.Type, r.Target)
	}
	if want := taylorWalkIndex(pairSignMatrix(p)); bal.WalkIndex == nil || math.Abs(*bal.WalkIndex-want) > 1e-9 {
		t.Errorf("walk index %s, Taylor series %v", walk, want)
	}
	if !f.Exact || f.Index != len(f.Frustrated) {
		t.Errorf("index %d (exact %v), %d frustrated listed", f.Index, f.Exact, len(f.Frustrated))
	}
	side := map[string]int{}
	for c, ids := range f.Camps {
		for _, id := range ids {
			side[id] = c + 1
		}
	}
	us, il, ir := side["united-states"], side["israel"], side["iran"]
	if us == 0 || us != il || us == ir || ir == 0 {
		t.Errorf("camps: united-states %d, israel %d, iran %d", us, il, ir)
	}
}
