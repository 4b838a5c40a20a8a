package analysis

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
)

// TestAnswersShowWholeRelationships: the projection keeps lean records,
// but every relationship an answer shows (evidence paths and channels,
// mediator ties, key-player items) is the whole record, citations and
// note included, as the source holds it.
func TestAnswersShowWholeRelationships(t *testing.T) {
	ctx := context.Background()
	b, asOf := scenario(t)
	byID := map[string]graph.Relationship{}
	for _, r := range b.Relationships {
		byID[r.ID] = r
	}
	var shown int
	check := func(where string, r *graph.Relationship) {
		t.Helper()
		shown++
		if diff := cmp.Diff(byID[r.ID], *r); diff != "" {
			t.Errorf("%s: relationship %s is not the whole record (-record +shown):\n%s", where, r.ID, diff)
		}
	}
	s := NewService(&fakeSource{version: 1, batch: b})
	f := Filter{AsOf: &asOf}

	ai, err := s.ActorInfluence(ctx, ActorInfluenceQuery{Actor: "iran", Filter: f})
	if err != nil {
		t.Fatal(err)
	}
	var rels []*graph.Relationship
	for _, list := range [][]Influence{ai.Influences, ai.InfluencedBy} {
		for i := range list {
			for j := range list[i].Paths {
				rels = pathRels(rels, &list[i].Paths[j].Path)
			}
		}
	}
	for _, list := range [][]SignedInfluence{ai.Sways, ai.Pressures, ai.SwayedBy, ai.PressuredBy} {
		for i := range list {
			for j := range list[i].Channels {
				rels = pathRels(rels, &list[i].Channels[j].Path)
			}
		}
	}
	for _, r := range rels {
		check("actor influence", r)
	}

	f.Polarity = PolarityAll
	m, err := s.Mediators(ctx, MediatorQuery{A: "united-states", B: "iran", Filter: f})
	if err != nil {
		t.Fatal(err)
	}
	for _, med := range m.Results {
		for _, side := range med.Sides {
			for i := range side.Ties {
				check("mediator tie", &side.Ties[i].Relationship)
			}
		}
	}
	for _, x := range m.Excluded {
		for i := range x.Conflicts {
			check("excluded conflict", &x.Conflicts[i].Relationship)
		}
	}

	kp, err := s.KeyPlayers(ctx, KeyPlayerQuery{Measure: MeasureSway, Target: "iran", Filter: Filter{AsOf: &asOf}})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range kp.Picks {
		if p.Relationship != nil {
			check("key player", p.Relationship)
		}
	}
	if shown == 0 {
		t.Fatal("no answer showed a relationship: the test checks nothing")
	}
}

// TestHydrateErrors: a relationship gone from the source keeps its lean
// form; any other failure of the source fails the answer.
func TestHydrateErrors(t *testing.T) {
	ctx := context.Background()
	bs, err := newBase(1, batchOf([]tie{{"a", "b", "supports", 0.5}}), registry)
	if err != nil {
		t.Fatal(err)
	}
	lean := bs.lean(0)
	bs.fetch = func(context.Context, string) (graph.Relationship, error) {
		return graph.Relationship{}, graph.Errorf(graph.ENOTFOUND, "gone")
	}
	r := lean
	if err := bs.hydrate(ctx, []*graph.Relationship{&r}); err != nil || !cmp.Equal(r, lean) {
		t.Errorf("gone: %v, %+v; want the lean record", err, r)
	}
	bs.fetch = func(context.Context, string) (graph.Relationship, error) {
		return graph.Relationship{}, graph.Unavailable("down", nil)
	}
	if err := bs.hydrate(ctx, []*graph.Relationship{&r}); graph.ErrorCode(err) != graph.EUNAVAILABLE {
		t.Errorf("source down: %v, want EUNAVAILABLE", err)
	}
}
