package analysis

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
)

// clique returns the ties of a clique over ids, each pair allied once.
func clique(ids ...string) []tie {
	var out []tie
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			out = append(out, tie{a, b, "allied_with", 1})
		}
	}
	return out
}

func TestCompareBlocs(t *testing.T) {
	two := append(clique("a", "b", "c", "d"), clique("e", "f", "g", "h")...)
	two = append(two, tie{"d", "e", "allied_with", 1}) // a bridge: still two blocs
	without := func(ties []tie, drop ...string) []tie {
		return slices.DeleteFunc(slices.Clone(ties), func(x tie) bool { return slices.Contains(drop, x.src) || slices.Contains(drop, x.dst) })
	}
	moved := append(without(two, "d"), clique("d", "e", "f", "g", "h")...)
	merged := append(slices.Clone(two), clique("a", "b", "c", "d", "e", "f", "g", "h")...)
	joined := append(slices.Clone(two), clique("x", "y", "z")...)
	tests := []struct {
		name          string
		scen          []tie
		split, merged []int
		moved         []string
	}{
		{name: "unchanged", scen: two},
		{name: "d changes sides", scen: moved, moved: []string{"d"}},
		{name: "the blocs merge", scen: merged, merged: []int{1}, moved: []string{"e", "f", "g", "h"}},
		{name: "a new bloc", scen: joined, moved: []string{"x", "y", "z"}},
		{name: "the second bloc leaves", scen: without(two, "e", "f", "g", "h"), moved: []string{"e", "f", "g", "h"}},
		{name: "a bloc splits", scen: append(clique("a", "b"), append(clique("c", "d"), clique("e", "f", "g", "h")...)...), split: []int{1}},
	}
	base := NewService(&fakeSource{version: 1, batch: batchOf(two)})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			scen := NewService(&fakeSource{version: 1, batch: batchOf(tc.scen)})
			got, err := CompareBlocs(t.Context(), base, scen, BlocQuery{Method: BlocsLouvain})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, m := range got.Moved {
				ids = append(ids, m.Actor)
			}
			if d := cmp.Diff(tc.moved, ids); d != "" {
				t.Errorf("moved (-want +got):\n%s\nbase %+v\nscenario %+v", d, got.Base.Blocs, got.Scenario.Blocs)
			}
			if !slices.Equal(tc.split, got.Split) || !slices.Equal(tc.merged, got.Merged) {
				t.Errorf("split %v merged %v, want %v %v\nscenario %+v", got.Split, got.Merged, tc.split, tc.merged, got.Scenario.Blocs)
			}
		})
	}
}

// TestCompareMediators: the comparison holds each side's own ranking.
func TestCompareMediators(t *testing.T) {
	b, asOf := scenario(t)
	base := NewService(&fakeSource{version: 1, batch: b})
	cut := b
	cut.Relationships = slices.DeleteFunc(slices.Clone(b.Relationships), func(r graph.Relationship) bool { return r.Source == "oman" || r.Target == "oman" })
	scen := NewService(&fakeSource{version: 1, batch: cut})
	q := MediatorQuery{A: "united-states", B: "iran", Filter: Filter{AsOf: &asOf}}
	got, err := CompareMediators(t.Context(), base, scen, q)
	if err != nil {
		t.Fatal(err)
	}
	q.Limit = MaxLimit
	mb, _ := base.Mediators(t.Context(), q)
	ms, _ := scen.Mediators(t.Context(), q)
	want := map[string][2]*float64{}
	for k, m := range []Mediators{mb, ms} {
		for _, r := range m.Results {
			v := want[r.Actor]
			s := r.Score
			v[k] = &s
			want[r.Actor] = v
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d actors, want %d", len(got), len(want))
	}
	for _, ch := range got {
		w := want[ch.Actor]
		if !cmp.Equal(ch.FromScore, w[0]) || !cmp.Equal(ch.ToScore, w[1]) {
			t.Errorf("%s: %v→%v, want %v→%v", ch.Actor, ch.FromScore, ch.ToScore, w[0], w[1])
		}
	}
	if got[0].Actor != "oman" || got[0].ToScore != nil {
		t.Errorf("largest change %+v, want Oman gone", got[0])
	}
}
