package graph

import (
	"reflect"
	"testing"
)

// TestDeltaTakesFromTo: the delta diffBatches finds between two batches,
// applied to the first, gives the second (sorted by id), for additions,
// removals, changes and their mixes; and the empty delta changes nothing.
func TestDeltaTakesFromTo(t *testing.T) {
	a := func(id, name string) Actor { return Actor{ID: id, Name: name, Kind: KindState} }
	r := func(id string, w float64) Relationship {
		return Relationship{ID: id, Source: "a", Target: "b", Type: "supports", Weight: w, Confidence: 1}
	}
	for _, tc := range []struct {
		name     string
		from, to Batch
	}{
		{"nothing", Batch{Actors: []Actor{a("a", "A")}}, Batch{Actors: []Actor{a("a", "A")}}},
		{"added", Batch{Actors: []Actor{a("a", "A")}}, Batch{Actors: []Actor{a("a", "A"), a("b", "B")}, Relationships: []Relationship{r("x", 1)}}},
		{"removed", Batch{Actors: []Actor{a("a", "A"), a("b", "B")}, Relationships: []Relationship{r("x", 1)}}, Batch{Actors: []Actor{a("b", "B")}}},
		{"changed", Batch{Actors: []Actor{a("a", "A")}, Relationships: []Relationship{r("x", 1), r("y", 1)}},
			Batch{Actors: []Actor{a("a", "Renamed")}, Relationships: []Relationship{r("x", 0.5), r("y", 1)}}},
		{"mixed, unsorted", Batch{Actors: []Actor{a("c", "C"), a("a", "A")}, Relationships: []Relationship{r("z", 1), r("x", 1)}},
			Batch{Actors: []Actor{a("d", "D"), a("a", "A2")}, Relationships: []Relationship{r("y", 1), r("x", 0.2)}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := diffBatches(tc.from, tc.to)
			got := d.Apply(tc.from)
			want := Delta{}.Apply(tc.to) // tc.to, sorted by id
			if !reflect.DeepEqual(got, want) {
				t.Errorf("from + delta = %+v, want %+v (delta %+v)", got, want, d)
			}
			if d.Empty() != reflect.DeepEqual(Delta{}.Apply(tc.from), want) {
				t.Errorf("Empty() = %v for %+v", d.Empty(), d)
			}
		})
	}
}
