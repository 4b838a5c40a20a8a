package analysis

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphgen"
)

// bruteSignedCriterion is the least P(C) over every partition of the
// actors with a signed pair into exactly k non-empty blocs, by exhaustive
// enumeration of labellings, with pair signs worked out from the ties
// independently of the projection (majority vote of polarities, or the
// sign and size of Σ polarity × weight).
func bruteSignedCriterion(t *testing.T, ties []tie, k int, weighted bool) float64 {
	t.Helper()
	type pair struct{ a, b string }
	net := map[pair]float64{}
	for _, e := range ties {
		rt, _ := registry.Get(e.typ)
		if rt.Polarity == 0 {
			continue
		}
		a, b := min(e.src, e.dst), max(e.src, e.dst)
		w := 1.0
		if weighted {
			w = e.w
		}
		net[pair{a, b}] += float64(rt.Polarity) * w
	}
	idx := map[string]int{}
	var ids []string
	for pr, v := range net {
		if math.Abs(v) < 1e-12 {
			continue
		}
		for _, id := range []string{pr.a, pr.b} {
			if _, ok := idx[id]; !ok {
				idx[id] = len(ids)
				ids = append(ids, id)
			}
		}
	}
	n := len(ids)
	k = min(k, n)
	label := make([]int, n)
	best := math.Inf(1)
	var rec func(i int)
	rec = func(i int) {
		if i == n {
			used := make([]bool, k)
			for _, l := range label {
				used[l] = true
			}
			if slices.Contains(used, false) {
				return
			}
			var pc float64
			for pr, v := range net {
				if math.Abs(v) < 1e-12 {
					continue
				}
				mag := 1.0
				if weighted {
					mag = math.Abs(v)
				}
				same := label[idx[pr.a]] == label[idx[pr.b]]
				if v < 0 && same || v > 0 && !same {
					pc += mag
				}
			}
			best = min(best, pc)
			return
		}
		for c := range k {
			label[i] = c
			rec(i + 1)
		}
	}
	rec(0)
	return best
}

func TestSignedBlocs(t *testing.T) {
	ctx := context.Background()
	types := []string{"allied_with", "supports", "hostile_to", "attacks", "sanctions", "member_of"}
	rng := rand.New(rand.NewPCG(3, 96))
	for g := range 30 {
		n := 3 + rng.IntN(6)
		var ties []tie
		for range 1 + rng.IntN(3*n) {
			a, b := rng.IntN(n), rng.IntN(n-1)
			if b >= a {
				b++
			}
			ties = append(ties, tie{fmt.Sprint("v", a), fmt.Sprint("v", b), types[rng.IntN(len(types))], 0.1 + 0.9*rng.Float64()})
		}
		for _, weighted := range []bool{false, true} {
			p := project(t, batchOf(ties), Filter{Weighted: weighted})
			for _, k := range []int{2, 3} {
				t.Run(fmt.Sprintf("random %d k=%d weighted=%t", g, k, weighted), func(t *testing.T) {
					res, err := p.Blocs(ctx, BlocQuery{Method: BlocsSigned, K: k})
					if err != nil {
						t.Fatal(err)
					}
					want := bruteSignedCriterion(t, ties, k, weighted)
					if math.IsInf(want, 1) {
						if res.Count != 0 {
							t.Fatalf("no signed pair, yet %d blocs", res.Count)
						}
						return
					}
					if math.Abs(res.Frustration-want) > 1e-9 {
						t.Fatalf("criterion %v, exhaustive optimum %v (blocs %v)", res.Frustration, want, res.Blocs)
					}
				})
			}
		}
	}

	// Two camps at war: allies together, enemies apart, nothing frustrated;
	// with k omitted the greatest signed modularity is the two camps.
	camps := []tie{
		{"usa", "israel", "allied_with", 0.9}, {"usa", "saudi", "allied_with", 0.8}, {"israel", "saudi", "supports", 0.5},
		{"iran", "houthis", "arms", 0.8}, {"iran", "hezbollah", "supports", 0.9}, {"houthis", "hezbollah", "supports", 0.4},
		{"usa", "iran", "sanctions", 0.9}, {"israel", "hezbollah", "attacks", 0.9}, {"houthis", "saudi", "attacks", 0.9},
		{"usa", "un", "member_of", 1},
	}
	res, err := project(t, batchOf(camps), Filter{}).Blocs(ctx, BlocQuery{Method: BlocsSigned})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, b := range res.Blocs {
		got = append(got, b.Members)
	}
	want := [][]string{{"hezbollah", "houthis", "iran"}, {"israel", "saudi", "usa"}}
	if fmt.Sprint(got) != fmt.Sprint(want) || res.Frustration != 0 || res.K != 2 || res.Actors != 6 {
		t.Fatalf("camps: %+v", res)
	}

	// The query's checks.
	for _, q := range []BlocQuery{{Method: "spectral"}, {Method: BlocsLouvain, K: 2}, {Method: BlocsSigned, K: 1}, {K: MaxSignedK + 1}} {
		if _, err := project(t, batchOf(camps), Filter{}).Blocs(ctx, q); err == nil {
			t.Errorf("%+v: no error", q)
		}
	}
}

// TestRelocateSkipsExactly: relocate, which weighs only the actors whose
// gains may have changed, finds the same labelling and criterion as
// weighing every actor on every pass, for k from 2 to 6, weighted and not,
// on generated graphs with parallel, structural and cancelling ties and on
// a generated graph with hubs (graphgen).
func TestRelocateSkipsExactly(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(7, 1996))
	batches := []graph.Batch{graphgen.Generate(graphgen.Options{Actors: 300, Relationships: 3000, Seed: 2})}
	for range 6 {
		batches = append(batches, randomBatch(rng, 10+rng.IntN(40), 30+rng.IntN(200)))
	}
	for bi, b := range batches {
		for _, weighted := range []bool{false, true} {
			p := project(t, b, Filter{Weighted: weighted})
			u := p.undirected()
			w, nodes := p.signedPairWeights(u)
			g := newSignedRows(u, w, len(p.ids))
			for k := 2; k <= min(6, len(nodes)); k++ {
				got, pc, err := relocate(ctx, g, nodes, len(p.ids), k)
				if err != nil {
					t.Fatal(err)
				}
				want, wpc, err := relocateEveryActor(ctx, u, w, nodes, len(p.ids), k)
				if err != nil {
					t.Fatal(err)
				}
				if pc != wpc || !slices.Equal(got, want) {
					t.Errorf("batch %d weighted=%v k=%d: criterion %v, every actor weighed %v; labellings equal %v",
						bi, weighted, k, pc, wpc, slices.Equal(got, want))
				}
			}
		}
	}
}

// relocateEveryActor is relocate as Doreian and Mrvar describe it,
// weighing every actor on every pass, over the undirected view: what
// relocate, which skips the actors whose gains cannot have changed, must
// reproduce move for move.
func relocateEveryActor(ctx context.Context, u *undirected, w []float64, nodes []int32, n, k int) ([]int, float64, error) {
	rng := rand.New(rand.NewPCG(louvainSeed, uint64(k)))
	label := make([]int, n)
	size := make([]int, k)
	gain := make([]float64, k)
	best := math.Inf(1)
	bestLabel := make([]int, n)
	for range signedRestarts {
		if err := ctx.Err(); err != nil {
			return nil, 0, ctxError(ctx)
		}
		// A random partition with every bloc non-empty.
		clear(size)
		perm := rng.Perm(len(nodes))
		for i, pi := range perm {
			c := i
			if i >= k {
				c = rng.IntN(k)
			}
			label[nodes[pi]] = c
			size[c]++
		}
		for moved := true; moved; {
			moved = false
			if err := ctx.Err(); err != nil {
				return nil, 0, ctxError(ctx)
			}
			for _, v := range nodes {
				from := label[v]
				if size[from] == 1 {
					continue // blocs stay non-empty
				}
				// cost(v in c) = Σ over v's pairs of what they would frustrate:
				// an enemy in c, or an ally outside c. gain[c] collects
				// Σ_{x in c} w(v,x): allies in c lower the cost, enemies raise it.
				clear(gain)
				for e := u.off[v]; e < u.off[v+1]; e++ {
					if w[e] != 0 {
						gain[label[u.nbr[e]]] += w[e]
					}
				}
				to := from
				for c := range k {
					if gain[c] > gain[to]+1e-12 {
						to = c
					}
				}
				if to != from {
					label[v] = to
					size[from]--
					size[to]++
					moved = true
				}
			}
		}
		if pc := criterionEveryPair(u, w, nodes, label); pc < best-1e-12 {
			best = pc
			copy(bestLabel, label)
		}
	}
	return bestLabel, best, nil
}

// criterionEveryPair is P(C) over the undirected view.
func criterionEveryPair(u *undirected, w []float64, nodes []int32, label []int) float64 {
	var pc float64
	for _, v := range nodes {
		for e := u.off[v]; e < u.off[v+1]; e++ {
			x := u.nbr[e]
			if x <= v || w[e] == 0 {
				continue
			}
			same := label[v] == label[x]
			if w[e] < 0 && same || w[e] > 0 && !same {
				pc += math.Abs(w[e])
			}
		}
	}
	return pc
}
