package analysis

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
)

// TestBaseAgainstRecords checks the lean records a base keeps against the
// relationships it was built from: every field the analysis reads (lean),
// validity on a day (validOn against Relationship.ValidOn), the filter
// (admitsRel against admits), the window and the names — on relationships
// that come out of id order, dated and not, some with dates that do not
// pack, and an endpoint that is not an actor.
func TestBaseAgainstRecords(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	date := func() *graph.Date {
		switch rng.IntN(8) {
		case 0, 1, 2:
			return nil
		case 3: // does not pack: a hand-built date
			return &graph.Date{Year: 1 << 30, Month: time.March, Day: 40}
		default:
			return &graph.Date{Year: 1990 + rng.IntN(30), Month: time.Month(1 + rng.IntN(12)), Day: 1 + rng.IntN(28)}
		}
	}
	types := []string{"allied_with", "supports", "hostile_to", "sanctions", "member_of", "not_a_type"}
	var b graph.Batch
	for i := 20; i > 0; i-- {
		b.Actors = append(b.Actors, graph.Actor{ID: fmt.Sprintf("a%02d", i), Name: fmt.Sprintf("Actor %d", i)})
	}
	b.Actors = append(b.Actors, graph.Actor{ID: "nameless"})
	for i := 300; i > 0; i-- {
		r := graph.Relationship{ID: fmt.Sprintf("r%03d", i), Source: fmt.Sprintf("a%02d", 1+rng.IntN(20)), Target: fmt.Sprintf("a%02d", 1+rng.IntN(20)),
			Type: types[rng.IntN(len(types))], Weight: rng.Float64(), Confidence: rng.Float64(), ValidFrom: date(), ValidTo: date(),
			Note: "note", Sources: []graph.Citation{{Title: "t"}}}
		if i == 7 {
			r.Target = "stray" // not an actor
		}
		b.Relationships = append(b.Relationships, r)
	}
	bs, err := newBase(1, b, registry)
	if err != nil {
		t.Fatal(err)
	}

	want := slices.Clone(b.Relationships)
	slices.SortFunc(want, byID)
	if len(bs.rels) != len(want) {
		t.Fatalf("%d lean records for %d relationships", len(bs.rels), len(want))
	}
	days := []graph.Date{{Year: 1989, Month: 12, Day: 31}, {Year: 2005, Month: 6, Day: 15}, {Year: 2030, Month: 1, Day: 1}, {Year: 1 << 30, Month: 3, Day: 40}}
	filters := []Filter{{}, {Polarity: PolarityPositive}, {Polarity: PolaritySigned, Types: []string{"supports", "hostile_to"}}, {Polarity: PolarityNegative}}
	for i := range want {
		ri := int32(i)
		r := want[i]
		lean := r
		lean.Note, lean.Sources = "", []graph.Citation{}
		if diff := cmp.Diff(lean, bs.lean(ri)); diff != "" {
			t.Fatalf("relationship %s (-record +lean):\n%s", r.ID, diff)
		}
		tt, ok := registry.Get(r.Type)
		if !ok {
			tt = graph.RelationshipType{Name: r.Type}
		}
		for _, day := range days {
			if got, want := bs.validOn(ri, day), r.ValidOn(day); got != want {
				t.Errorf("%s valid on %s: %v, want %v", r.ID, day, got, want)
			}
			for _, f := range filters {
				f.AsOf = &day
				if got, want := f.admitsRel(bs, ri, tt), f.admits(&r, tt); got != want {
					t.Errorf("%s under %+v: admitted %v, want %v", r.ID, f, got, want)
				}
			}
		}
		var w graph.Window
		w = w.Narrow(&r)
		if diff := cmp.Diff(w, bs.narrow(graph.Window{}, ri)); diff != "" {
			t.Errorf("%s window (-record +lean):\n%s", r.ID, diff)
		}
		if r.ID == "r007" && (bs.target(ri) != "stray" || bs.name("stray") != "stray") {
			t.Errorf("stray endpoint: target %s, name %s", bs.target(ri), bs.name("stray"))
		}
	}
	if bs.name("a03") != "Actor 3" || bs.name("nameless") != "nameless" || bs.name("nobody") != "nobody" {
		t.Errorf("names: %q %q %q", bs.name("a03"), bs.name("nameless"), bs.name("nobody"))
	}
	if !slices.IsSorted(bs.ends) {
		t.Errorf("ends not sorted: %v", bs.ends)
	}
	if i, ok := bs.endIndex("stray"); !ok || bs.isActor[i] {
		t.Errorf("stray: in ends %v, actor %v", ok, ok && bs.isActor[i])
	}
	full, err := bs.fetch(t.Context(), "r007")
	if err != nil || full.Note != "note" || len(full.Sources) != 1 {
		t.Errorf("fetch r007: %+v, %v", full, err)
	}
	if _, err := bs.fetch(t.Context(), "r999"); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("fetch of a missing id: %v, want ENOTFOUND", err)
	}
}

// TestBaseUndated: a graph without dated ties keeps no dates at all, and
// every tie is valid on every day.
func TestBaseUndated(t *testing.T) {
	bs, err := newBase(1, batchOf([]tie{{"a", "b", "supports", 0.5}, {"b", "c", "allied_with", 1}}), registry)
	if err != nil {
		t.Fatal(err)
	}
	if bs.dates != nil {
		t.Fatalf("dates kept for an undated graph: %v", bs.dates)
	}
	for ri := range bs.rels {
		if !bs.validOn(int32(ri), graph.Date{Year: 2000, Month: 1, Day: 1}) || bs.validFrom(int32(ri)) != nil || bs.validTo(int32(ri)) != nil {
			t.Errorf("undated %s reads as dated", bs.relIDs[ri])
		}
	}
}

func byID(a, b graph.Relationship) int {
	switch {
	case a.ID < b.ID:
		return -1
	case a.ID > b.ID:
		return 1
	}
	return 0
}
