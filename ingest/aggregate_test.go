package ingest

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
)

func day(n int) graph.Date {
	return dayDate(dayNumber(graph.Date{Year: 2025, Month: 1, Day: 1}) + int32(n-1))
}

func evOn(id string, d int, score float64, url string) Event {
	return Event{SourceID: id, Format: GDELT, Date: day(d), Code: "046", Score: score, HasScore: true, Sources: 1, URL: url,
		Actor1: Actor{Code: "USA"}, Actor2: Actor{Code: "IRN"}}
}

func spellsOf(rels []graph.Relationship) [][2]graph.Date {
	var out [][2]graph.Date
	for _, r := range rels {
		out = append(out, [2]graph.Date{*r.ValidFrom, *r.ValidTo})
	}
	return out
}

// TestGapRule: events at most GapDays apart make one spell, valid from
// its first event to GapDays after its last; an event can bridge two.
func TestGapRule(t *testing.T) {
	typ, _ := registry.Get("threatens")
	for _, tc := range []struct {
		name string
		days []int
		want [][2]int // first event day, last event day
	}{
		{"one event", []int{5}, [][2]int{{5, 5}}},
		{"30 days apart: one spell", []int{1, 31}, [][2]int{{1, 31}}},
		{"31 days apart: two", []int{1, 32}, [][2]int{{1, 1}, {32, 32}}},
		{"chain", []int{1, 25, 50, 75}, [][2]int{{1, 75}}},
		{"bridged", []int{1, 61, 31}, [][2]int{{1, 61}}},
		{"bridge and spread", []int{100, 1, 200, 61, 31, 150, 125}, [][2]int{{1, 61}, {100, 150}, {200, 200}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := NewAggregator(GDELT, DefaultRules())
			for i, d := range tc.days {
				ev := evOn(strconv.Itoa(i), d, -4, "")
				a.Add("united-states", "iran", typ, &ev)
			}
			var want [][2]graph.Date
			for _, w := range tc.want {
				want = append(want, [2]graph.Date{day(w[0]), day(w[1] + 30)})
			}
			if d := cmp.Diff(want, spellsOf(a.Relationships(registry))); d != "" {
				t.Errorf("spells (-want +got):\n%s", d)
			}
			if a.Spells() != len(tc.want) {
				t.Errorf("Spells() = %d", a.Spells())
			}
		})
	}
}

// TestAggregationOrderFree: the relationships do not depend on the order
// the events come in (so a re-ingest, or a file sorted otherwise, gives
// the same records), and the bounded samples keep the best of them.
func TestAggregationOrderFree(t *testing.T) {
	neg, _ := registry.Get("negotiates_with")
	var evs []Event
	for i := 0; i < 60; i++ {
		ev := evOn(strconv.Itoa(1000+i), 1+(i*7)%90, float64(i%8), "https://site"+strconv.Itoa(i%9)+".example/a"+strconv.Itoa(i%13))
		ev.Mentions = i % 11
		ev.Code = []string{"046", "036"}[i%2]
		evs = append(evs, ev)
	}
	build := func(order []int) []graph.Relationship {
		a := NewAggregator(GDELT, DefaultRules())
		for _, i := range order {
			src, tgt := "united-states", "iran"
			if i%3 == 0 {
				src, tgt = tgt, src // a symmetric type folds both directions
			}
			a.Add(src, tgt, neg, &evs[i])
		}
		return a.Relationships(registry)
	}
	order := make([]int, len(evs))
	for i := range order {
		order[i] = i
	}
	want := build(order)
	if len(want) != 1 || want[0].Source != "iran" || want[0].Target != "united-states" {
		t.Fatalf("want one tie iran -> united-states (id order), got %+v", want)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for k := 0; k < 20; k++ {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		if d := cmp.Diff(want, build(order)); d != "" {
			t.Fatalf("shuffle %d changed the result:\n%s", k, d)
		}
	}
	ev, ok := ParseEvidence(want[0].Note)
	if !ok || ev.EventCount != 60 || len(ev.EventIDs) != 10 || ev.EventIDs[0] != "1000" || ev.Codes["046"] != 30 || ev.Sources != 9 {
		t.Errorf("evidence %+v", ev)
	}
	if n := len(want[0].Sources); n != 5 || want[0].Sources[0].Published == nil || want[0].Sources[0].URL == "" {
		t.Errorf("citations: %+v", want[0].Sources)
	}
	if want[0].ID != "evt-gdelt--iran--negotiates_with--united-states--2025-01-01" {
		t.Errorf("id %s", want[0].ID)
	}
}

func TestWeightAndConfidence(t *testing.T) {
	r := DefaultRules()
	for _, tc := range []struct {
		n         int
		intensity float64
		want      float64
	}{
		{1, 1, 0.2}, {4, 1, 0.5}, {40, 1, 0.909}, {4, 0.5, 0.25}, {1, 0, 0.01}, {1_000_000, 1, 1}, {1, 0.001, 0.01},
	} {
		if got := r.Weight(tc.n, tc.intensity); got != tc.want || got <= 0 || got > 1 {
			t.Errorf("Weight(%d, %g) = %g, want %g", tc.n, tc.intensity, got, tc.want)
		}
	}
	for k, want := range map[int]float64{0: 0.5, 1: 0.5, 2: 0.75, 3: 0.875, 4: 0.938, 5: 0.95, 100: 0.95} {
		if got := r.Confidence(k); got != want {
			t.Errorf("Confidence(%d) = %g, want %g", k, got, want)
		}
	}
}

// TestDerivedIDs: long ids are hashed to 128 characters, deterministically.
func TestDerivedIDs(t *testing.T) {
	long := "a-very-long-actor-id-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	id := DerivedID(GDELT, long, "negotiates_with", long, day(1))
	if len(id) > 128 || !graph.ValidID(id) || id != DerivedID(GDELT, long, "negotiates_with", long, day(1)) {
		t.Errorf("id %q (%d)", id, len(id))
	}
}
