package storetest

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphtest"
)

// testWalk: Walk lends the same actors and relationships as Export, in
// the same order, each once, with the endpoints' positions among the
// actors lent (-1 without them); a nil function skips its half; an error
// of either function ends the walk and comes back unchanged.
func testWalk(t *testing.T, s *graph.Store) {
	batch := graph.Batch{
		Actors: []graph.Actor{
			{ID: "b", Name: "B", Kind: "state", Tags: []string{"x"}},
			{ID: "a", Name: "A", Kind: "state", Attributes: map[string]any{"n": 1.5}},
			{ID: "c", Name: "C", Kind: "person"},
		},
		Relationships: []graph.Relationship{
			{ID: "r2", Source: "a", Target: "b", Type: "allied_with", Weight: 0.5, Confidence: 0.25,
				ValidFrom: graphtest.DatePtr("1979-11-04"), ValidTo: graphtest.DatePtr("1981-01-20"), Note: "n",
				Sources: []graph.Citation{{Title: "t", URL: "https://example.org"}}},
			{ID: "r1", Source: "b", Target: "c", Type: "supports", Weight: 0.75, Confidence: 1,
				ValidFrom: graphtest.DatePtr("2001-02-03")},
			{ID: "r3", Source: "c", Target: "a", Type: "hostile_to", Weight: 1, Confidence: 0.5},
		},
	}
	must[graph.ImportResult](t)(s.Import(ctx, batch, false))
	want := must[graph.Batch](t)(s.Export(ctx))

	var got graph.Batch
	err := s.Walk(ctx,
		func(a *graph.Actor) error { got.Actors = append(got.Actors, *a); return nil },
		func(r *graph.Relationship, source, target int) error {
			if source < 0 || source >= len(got.Actors) || got.Actors[source].ID != r.Source ||
				target < 0 || target >= len(got.Actors) || got.Actors[target].ID != r.Target {
				t.Errorf("%s: positions %d, %d for %s -> %s", r.ID, source, target, r.Source, r.Target)
			}
			c := *r // lent: copy the dates too
			if r.ValidFrom != nil {
				d := *r.ValidFrom
				c.ValidFrom = &d
			}
			if r.ValidTo != nil {
				d := *r.ValidTo
				c.ValidTo = &d
			}
			got.Relationships = append(got.Relationships, c)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want.Actors, got.Actors); diff != "" {
		t.Errorf("walked actors differ from the export (-export +walk):\n%s", diff)
	}
	if diff := cmp.Diff(want.Relationships, got.Relationships); diff != "" {
		t.Errorf("walked relationships differ from the export (-export +walk):\n%s", diff)
	}

	// Either half alone.
	var ids []string
	if err := s.Walk(ctx, nil, func(r *graph.Relationship, source, target int) error {
		if source != -1 || target != -1 {
			t.Errorf("%s: positions %d, %d without actors, want -1", r.ID, source, target)
		}
		ids = append(ids, r.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"r1", "r2", "r3"}, ids); diff != "" {
		t.Errorf("relationships alone (-want +got):\n%s", diff)
	}
	ids = nil
	if err := s.Walk(ctx, func(a *graph.Actor) error { ids = append(ids, a.ID); return nil }, nil); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a", "b", "c"}, ids); diff != "" {
		t.Errorf("actors alone (-want +got):\n%s", diff)
	}

	// An error stops the walk at once and is returned as it is.
	stop := errors.New("stop")
	n := 0
	err = s.Walk(ctx, nil, func(*graph.Relationship, int, int) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("relationship error: got %v after %d calls, want the error itself after 1", err, n)
	}
	n = 0
	err = s.Walk(ctx, func(*graph.Actor) error { n++; return stop },
		func(*graph.Relationship, int, int) error {
			t.Error("rel called after the actor walk failed")
			return nil
		})
	if err != stop || n != 1 {
		t.Errorf("actor error: got %v after %d calls, want the error itself after 1", err, n)
	}
}
