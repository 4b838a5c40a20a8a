package analysis

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestSignedEigenvector checks the power iteration against gonum's dense
// symmetric eigendecomposition on generated connected signed graphs whose
// top eigenvalue is well separated, and the camp signs on two camps.
func TestSignedEigenvector(t *testing.T) {
	ctx := context.Background()
	types := []string{"allied_with", "supports", "hostile_to", "attacks", "member_of"}
	rng := rand.New(rand.NewPCG(5, 19))
	checked := 0
	for g := 0; g < 60 && checked < 15; g++ {
		n := 4 + rng.IntN(12)
		var ties []tie
		for i := 1; i < n; i++ { // a spanning path keeps it connected
			ties = append(ties, tie{fmt.Sprint("v", i-1), fmt.Sprint("v", i), types[rng.IntN(2)], 1})
		}
		for range rng.IntN(2 * n) {
			a, b := rng.IntN(n), rng.IntN(n-1)
			if b >= a {
				b++
			}
			ties = append(ties, tie{fmt.Sprint("v", a), fmt.Sprint("v", b), types[rng.IntN(len(types))], 0.1 + 0.9*rng.Float64()})
		}
		p := project(t, batchOf(ties), Filter{})
		ids := p.IDs()
		idx := map[string]int{}
		for i, id := range ids {
			idx[id] = i
		}
		net := mat.NewSymDense(len(ids), nil)
		for _, e := range ties {
			rt, _ := registry.Get(e.typ)
			i, j := idx[e.src], idx[e.dst]
			net.SetSym(i, j, net.At(i, j)+float64(rt.Polarity))
		}
		a := mat.NewSymDense(len(ids), nil)
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				if v := net.At(i, j); v != 0 {
					a.SetSym(i, j, math.Copysign(1, v))
				}
			}
		}
		var es mat.EigenSym
		if !es.Factorize(a, true) {
			t.Fatal("eigendecomposition failed")
		}
		vals := es.Values(nil)
		k := len(vals) - 1
		if vals[k]-vals[k-1] < 0.05 {
			continue // no well-separated top eigenvalue: the vector is not unique enough to compare
		}
		var vecs mat.Dense
		es.VectorsTo(&vecs)
		want := map[string]float64{}
		var sum float64
		for i := range ids {
			sum += vecs.At(i, k)
		}
		for i, id := range ids {
			v := vecs.At(i, k)
			if sum < 0 {
				v = -v
			}
			want[id] = v
		}
		c, err := p.Centrality(ctx, SignedEigenvector)
		if err != nil || !c.Converged {
			t.Fatalf("graph %d: %v converged %v", g, err, c != nil && c.Converged)
		}
		for i, id := range ids {
			if math.Abs(c.Scores[i]-want[id]) > 1e-6 {
				t.Errorf("graph %d: %s = %v, want %v", g, id, c.Scores[i], want[id])
			}
		}
		checked++
	}
	if checked < 10 {
		t.Fatalf("only %d graphs compared", checked)
	}

	// Two hostile camps: opposite signs.
	p := project(t, batchOf([]tie{{"a", "b", "allied_with", 1}, {"b", "c", "supports", 1}, {"a", "c", "allied_with", 1},
		{"x", "y", "allied_with", 1}, {"y", "z", "supports", 1}, {"a", "x", "hostile_to", 1}, {"c", "z", "attacks", 1}, {"b", "y", "hostile_to", 1}}), Filter{})
	c, _ := p.Centrality(ctx, SignedEigenvector)
	score := map[string]float64{}
	for i, id := range p.IDs() {
		score[id] = c.Scores[i]
	}
	for _, s := range []string{"a", "b", "c"} {
		for _, o := range []string{"x", "y", "z"} {
			if score[s]*score[o] >= 0 {
				t.Errorf("%s %v and %s %v share a sign", s, score[s], o, score[o])
			}
		}
	}
}
