package analysis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphgen"
)

// randomDelta makes a delta of every kind of change on b: ties removed,
// changed (weight, type, dates), added between old and new actors (ids
// that sort among the old ones), actors removed with their ties, added,
// renamed, and one removed and added again.
func randomDelta(rng *rand.Rand, b graph.Batch, n int) graph.Delta {
	var d graph.Delta
	types := []string{"supports", "opposes", "allied_with", "hostile_to", "sanctions", "member_of", "negotiates_with"}
	removedActor := map[string]bool{}
	for range max(1, n/4) {
		a := b.Actors[rng.IntN(len(b.Actors))].ID
		if removedActor[a] {
			continue
		}
		removedActor[a] = true
		d.RemovedActors = append(d.RemovedActors, a)
	}
	var actors []string
	for _, a := range b.Actors {
		if !removedActor[a.ID] {
			actors = append(actors, a.ID)
		}
	}
	for i := range max(1, n/4) {
		a := graph.Actor{ID: fmt.Sprintf("%s-new%d", b.Actors[rng.IntN(len(b.Actors))].ID, i), Name: fmt.Sprintf("New %d", i), Kind: "state"}
		d.Actors = append(d.Actors, a)
		actors = append(actors, a.ID)
	}
	// One removed actor comes back, renamed.
	if len(d.RemovedActors) > 0 {
		d.Actors = append(d.Actors, graph.Actor{ID: d.RemovedActors[0], Name: "Back again", Kind: "state"})
		actors = append(actors, d.RemovedActors[0])
	}
	// One actor kept is renamed.
	d.Actors = append(d.Actors, graph.Actor{ID: actors[0], Name: "Renamed", Kind: "state"})
	for _, r := range b.Relationships {
		if removedActor[r.Source] || removedActor[r.Target] {
			d.RemovedRelationships = append(d.RemovedRelationships, r.ID)
		}
	}
	for range n {
		r := b.Relationships[rng.IntN(len(b.Relationships))]
		switch rng.IntN(3) {
		case 0:
			d.RemovedRelationships = append(d.RemovedRelationships, r.ID)
		case 1:
			if removedActor[r.Source] || removedActor[r.Target] {
				continue
			}
			r.Weight = float64(1+rng.IntN(10)) / 10
			r.Type = types[rng.IntN(len(types))]
			if rng.IntN(2) == 0 {
				r.ValidFrom, r.ValidTo = &graph.Date{Year: 2000 + rng.IntN(20), Month: 1, Day: 1}, nil
			}
			d.Relationships = append(d.Relationships, r)
		case 2:
			src, dst := actors[rng.IntN(len(actors))], actors[rng.IntN(len(actors))]
			nr := graph.Relationship{ID: r.ID + "-added", Source: src, Target: dst, Type: types[rng.IntN(len(types))],
				Weight: float64(1+rng.IntN(10)) / 10, Confidence: 0.5, Sources: []graph.Citation{}}
			if rng.IntN(3) == 0 {
				nr.ValidTo = &graph.Date{Year: 2010 + rng.IntN(10), Month: 6, Day: 30}
			}
			d.Relationships = append(d.Relationships, nr)
		}
	}
	return d
}

// TestPatchIsBuild: a base and its projections patched with a delta are,
// array by array, what a build from scratch makes of the changed graph
// (the oracle: applyDelta, then newBase and build), for deltas of every
// kind, under every filter; and PageRank and betweenness on both agree to
// the bit.
func TestPatchIsBuild(t *testing.T) {
	ctx := context.Background()
	asOf := graph.Date{Year: 2012, Month: 3, Day: 1}
	filters := []Filter{{}, {Polarity: PolarityPositive}, {Polarity: PolaritySigned}, {AsOf: &asOf},
		{Types: []string{"supports", "hostile_to"}}, {Polarity: PolarityNegative, AsOf: &asOf}}
	for _, tc := range []struct {
		name  string
		dated bool
		n     int
	}{{"undated, 1 change", false, 1}, {"undated, 10 changes", false, 10}, {"dated, 10 changes", true, 10}, {"dated, 200 changes", true, 200}} {
		t.Run(tc.name, func(t *testing.T) {
			for seed := range uint64(6) {
				b := graphgen.Generate(graphgen.Options{Actors: 150, Relationships: 900, Seed: seed + 1, Dated: tc.dated})
				rng := rand.New(rand.NewPCG(seed, 7))
				d := randomDelta(rng, b, tc.n)
				old, err := newBase(1, b, registry)
				if err != nil {
					t.Fatal(err)
				}
				patched, m, err := old.patch(2, registry, d)
				if err != nil {
					t.Fatal(err)
				}
				want, err := newBase(2, d.Apply(b), registry)
				if err != nil {
					t.Fatal(err)
				}
				if msg := sameBase(patched, want); msg != "" {
					t.Fatalf("seed %d: patched base differs: %s", seed, msg)
				}
				for _, f := range filters {
					od, err := build(ctx, old, f)
					if err != nil {
						t.Fatal(err)
					}
					got, err := od.patch(ctx, patched, m)
					if err != nil {
						t.Fatal(err)
					}
					wd, err := build(ctx, want, f)
					if err != nil {
						t.Fatal(err)
					}
					if msg := sameData(got, wd); msg != "" {
						t.Fatalf("seed %d, filter %+v: patched projection differs: %s", seed, f, msg)
					}
					for _, alg := range []Algorithm{PageRank, Betweenness} {
						for _, weighted := range []bool{false, true} {
							x, err := (&Projection{data: got, weighted: weighted}).Centrality(ctx, alg)
							if err != nil {
								t.Fatal(err)
							}
							y, err := (&Projection{data: wd, weighted: weighted}).Centrality(ctx, alg)
							if err != nil {
								t.Fatal(err)
							}
							if !slices.Equal(x.Scores, y.Scores) {
								t.Fatalf("seed %d, filter %+v: %s (weighted %v) differs on the patched projection", seed, f, alg, weighted)
							}
						}
					}
				}
			}
		})
	}
}

// sameBase compares two bases by what they say, not how they number
// types: ends, names, actors, and each relationship's id, ends, weight,
// confidence, type and dates.
func sameBase(x, y *base) string {
	switch {
	case !slices.Equal(x.ends, y.ends):
		return "ends"
	case !slices.Equal(x.names, y.names):
		return "names"
	case !slices.Equal(x.isActor, y.isActor):
		return "isActor"
	case len(x.rels) != len(y.rels):
		return fmt.Sprintf("%d relationships, want %d", len(x.rels), len(y.rels))
	}
	for i := range x.rels {
		ri := int32(i)
		if x.rels[i] != y.rels[i] || x.relIDs[i] != y.relIDs[i] {
			return fmt.Sprintf("relationship %d: %s %+v, want %s %+v", i, x.relIDs[i], x.rels[i], y.relIDs[i], y.rels[i])
		}
		if !sameType(x.types[x.kind[i]], y.types[y.kind[i]]) {
			return fmt.Sprintf("relationship %s: type %s, want %s", x.relIDs[i], x.typeName(ri), y.typeName(ri))
		}
		if fmt.Sprint(x.validFrom(ri), x.validTo(ri)) != fmt.Sprint(y.validFrom(ri), y.validTo(ri)) {
			return fmt.Sprintf("relationship %s: dates differ", x.relIDs[i])
		}
	}
	return ""
}

// sameData compares two projections array by array (relationships by id).
func sameData(x, y *data) string {
	ids := func(d *data, rs []int32) []string {
		out := make([]string, len(rs))
		for i, r := range rs {
			out[i] = d.base.relIDs[r]
		}
		return out
	}
	switch {
	case !slices.Equal(x.ids, y.ids):
		return fmt.Sprintf("actors: %d, want %d", len(x.ids), len(y.ids))
	case !slices.Equal(x.local, y.local):
		return "local"
	case x.nrels != y.nrels || !slices.Equal(ids(x, x.relsSel), ids(y, y.relsSel)):
		return "selected relationships"
	case !slices.Equal(x.outSum, y.outSum) || !slices.Equal(x.outDeg, y.outDeg):
		return "out sums or degrees"
	}
	for _, a := range []struct {
		name string
		x, y *adjacency
	}{{"out", &x.out, &y.out}, {"in", &x.in, &y.in}} {
		switch {
		case !slices.Equal(a.x.off, a.y.off):
			return a.name + " offsets"
		case !slices.Equal(a.x.nbr, a.y.nbr):
			return a.name + " neighbours"
		case !slices.Equal(a.x.sum, a.y.sum):
			return a.name + " sums"
		case !slices.Equal(ids(x, a.x.rel), ids(y, a.y.rel)):
			return a.name + " evidence"
		}
	}
	return ""
}
