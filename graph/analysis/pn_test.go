package analysis

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// pnReference solves (I − A/(2n−2)) x = 1 directly (gonum's LU), with A
// built from the batch's ties independently of the projection: pair signs
// by the majority vote of polarities (weighted: the sign of Σ polarity ×
// weight, magnitude |Σ|), structural ties ignored.
//
// The actors are the projection's (ids): those with a selected tie.
func pnReference(t *testing.T, ties []tie, ids []string, weighted bool) map[string]float64 {
	t.Helper()
	idx := map[string]int{}
	for i, id := range ids {
		idx[id] = i
	}
	n := len(ids)
	net := mat.NewDense(n, n, nil)
	for _, e := range ties {
		rt, _ := registry.Get(e.typ)
		pol := float64(rt.Polarity)
		if pol == 0 || e.src == e.dst {
			continue
		}
		w := 1.0
		if weighted {
			w = e.w
		}
		i, j := idx[e.src], idx[e.dst]
		net.Set(i, j, net.At(i, j)+pol*w)
		net.Set(j, i, net.At(j, i)+pol*w)
	}
	m := mat.NewDense(n, n, nil)
	beta := 1 / float64(2*n-2)
	for i := range n {
		m.Set(i, i, 1)
		for j := range n {
			v := net.At(i, j)
			a := 0.0
			switch {
			case v > 1e-12:
				a = 1
			case v < -1e-12:
				a = -2
			}
			if weighted {
				a *= min(math.Abs(v), 1)
			}
			m.Set(i, j, m.At(i, j)-beta*a)
		}
	}
	ones := mat.NewVecDense(n, nil)
	for i := range n {
		ones.SetVec(i, 1)
	}
	var x mat.VecDense
	if err := x.SolveVec(m, ones); err != nil {
		t.Fatalf("reference solve: %v", err)
	}
	out := map[string]float64{}
	for i, id := range ids {
		out[id] = x.AtVec(i)
	}
	return out
}

func TestPNCentrality(t *testing.T) {
	ctx := context.Background()
	types := []string{"allied_with", "supports", "funds", "hostile_to", "attacks", "sanctions", "member_of"}
	cases := []struct {
		name  string
		ties  []tie
		extra []string
	}{
		{name: "balance graph", ties: balanceGraph},
		{name: "a triangle of enemies", ties: []tie{{"a", "b", "hostile_to", 1}, {"b", "c", "hostile_to", 1}, {"a", "c", "attacks", 1}}},
		{name: "a star of friends and a structural tie", ties: []tie{{"hub", "a", "supports", 1}, {"hub", "b", "supports", 1}, {"hub", "c", "allied_with", 1}, {"z", "hub", "member_of", 1}}},
	}
	rng := rand.New(rand.NewPCG(7, 18))
	for g := range 20 {
		n := 3 + rng.IntN(25)
		var ties []tie
		for range rng.IntN(4 * n) {
			a, b := rng.IntN(n), rng.IntN(n-1)
			if b >= a {
				b++ // no self-ties
			}
			ties = append(ties, tie{fmt.Sprint("v", a), fmt.Sprint("v", b), types[rng.IntN(len(types))], 0.1 + 0.9*rng.Float64()})
		}
		if len(ties) > 0 {
			cases = append(cases, struct {
				name  string
				ties  []tie
				extra []string
			}{name: fmt.Sprintf("random %d", g), ties: ties})
		}
	}
	for _, tc := range cases {
		for _, weighted := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s weighted=%t", tc.name, weighted), func(t *testing.T) {
				p := project(t, batchOf(tc.ties, tc.extra...), Filter{Weighted: weighted})
				c, err := p.Centrality(ctx, PN)
				if err != nil {
					t.Fatal(err)
				}
				if !c.Converged {
					t.Fatalf("did not converge in %d iterations", c.Iterations)
				}
				checkScores(t, "pn", p, c.Scores, pnReference(t, tc.ties, p.IDs(), weighted))
			})
		}
	}

	// Friends raise, enemies lower: in the star the hub outscores its
	// friends, they outscore z, whose only tie is structural (1), and in the triangle of
	// enemies every actor scores below 1.
	p := project(t, batchOf(cases[1].ties), Filter{})
	c, _ := p.Centrality(ctx, PN)
	for i, s := range c.Scores {
		if s >= 1 {
			t.Errorf("enemy triangle: %s scores %v, want < 1", p.IDs()[i], s)
		}
	}
	p = project(t, batchOf(cases[2].ties, cases[2].extra...), Filter{})
	c, _ = p.Centrality(ctx, PN)
	score := map[string]float64{}
	for i, s := range c.Scores {
		score[p.IDs()[i]] = s
	}
	if !(score["hub"] > score["a"] && score["a"] > score["z"] && score["z"] == 1) {
		t.Errorf("star: %v", score)
	}
}
