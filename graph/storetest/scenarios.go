package storetest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/detente/detente/graph"
)

// testScenarios: scenarios are stored, read, listed, replaced under
// If-Match and deleted alike on every store; their writes leave the graph
// and its version alone; a change naming a missing record is refused at
// its path; scenarios stack; the graph on a scenario is the base with the
// changes applied, and a base write that undoes a change is reported.
func testScenarios(t *testing.T, s *graph.Store) {
	seedActors(t, s, "usa", "iran", "oman", "russia", "houthis")
	seedRels(t, s,
		rel("us-sanctions-iran", "usa", "sanctions", "iran", 0.8),
		rel("oman-mediates-iran", "oman", "mediates", "iran", 0.7),
		rel("oman-mediates-usa", "oman", "mediates", "usa", 0.7),
		rel("iran-arms-houthis", "iran", "arms", "houthis", 0.9))
	before, version := snapshot(t, s)

	lift := graph.Scenario{ID: "lift", Name: "Lift the sanctions", Changes: []graph.Change{
		{Op: graph.OpRemoveRelationship, ID: "us-sanctions-iran"},
	}}
	got := must[graph.Scenario](t)(s.CreateScenario(ctx, lift))
	if got.CreatedAt.IsZero() || !got.UpdatedAt.Equal(got.CreatedAt) {
		t.Fatalf("created scenario not stamped: %+v", got)
	}
	_, err := s.CreateScenario(ctx, lift)
	wantCode(t, err, graph.ECONFLICT)

	w := 0.2
	arms := graph.Relationship{ID: "russia-arms-houthis", Source: "russia", Target: "houthis", Type: "arms", Weight: 0.6, Confidence: 0.5,
		Sources: []graph.Citation{{Title: "hypothesis"}}}
	stacked := graph.Scenario{ID: "lift-and-arm", Name: "Lift, and Russia arms the Houthis", Base: "lift", Changes: []graph.Change{
		{Op: graph.OpAddRelationship, Relationship: &arms},
		{Op: graph.OpUpdateRelationship, ID: "iran-arms-houthis", Patch: &graph.RelationshipPatch{Weight: &w}},
		{Op: graph.OpRemoveActor, ID: "oman"},
		{Op: graph.OpAddActor, Actor: &graph.Actor{ID: "qatar", Name: "Qatar", Kind: graph.KindState}},
	}}
	must[graph.Scenario](t)(s.CreateScenario(ctx, stacked))
	wantUnchanged(t, s, before, version)

	// Refused: every problem at once, each at its path — a malformed
	// change and the well-formed ones that do not apply to the base —
	// nothing stored.
	bad := graph.Scenario{ID: "bad", Name: "Bad", Base: "lift", Changes: []graph.Change{
		{Op: graph.OpRemoveRelationship, ID: "us-sanctions-iran"}, // already removed by the base
		{Op: graph.OpRemoveActor, ID: "nobody"},
		{Op: "explode"},
		{Op: graph.OpAddRelationship, Relationship: &graph.Relationship{ID: "x", Source: "usa", Target: "ghost", Type: "arms", Weight: 0.5, Confidence: 0.5}},
	}}
	_, err = s.CreateScenario(ctx, bad)
	wantFields(t, wantCode(t, err, graph.EINVALID), "$.changes[0].id", "$.changes[1].id", "$.changes[2].op", "$.changes[3].relationship.target")
	bad.Changes = append(bad.Changes[:2], bad.Changes[3])
	_, err = s.CreateScenario(ctx, bad)
	wantFields(t, wantCode(t, err, graph.EINVALID), "$.changes[0].id", "$.changes[1].id", "$.changes[2].relationship.target")
	_, err = s.CreateScenario(ctx, graph.Scenario{ID: "orphan", Name: "Orphan", Base: "missing"})
	wantFields(t, wantCode(t, err, graph.EINVALID), "$.base")
	wantCode(t, must2(s.GetScenario(ctx, "bad")), graph.ENOTFOUND)

	// The graph on the stacked scenario is the base with both lists applied.
	b, stale, err := s.ScenarioGraph(ctx, "lift-and-arm")
	if err != nil || len(stale) > 0 {
		t.Fatalf("ScenarioGraph: %v, stale %v", err, stale)
	}
	var ids, rels []string
	for _, a := range b.Actors {
		ids = append(ids, a.ID)
	}
	weights := map[string]float64{}
	for _, r := range b.Relationships {
		rels = append(rels, r.ID)
		weights[r.ID] = r.Weight
	}
	sorted := cmpopts.SortSlices(func(a, b string) bool { return a < b })
	if d := cmp.Diff([]string{"houthis", "iran", "qatar", "russia", "usa"}, ids, sorted); d != "" {
		t.Errorf("actors on the scenario (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"iran-arms-houthis", "russia-arms-houthis"}, rels, sorted); d != "" {
		t.Errorf("relationships on the scenario (-want +got):\n%s", d)
	}
	if weights["iran-arms-houthis"] != 0.2 {
		t.Errorf("updated weight = %v, want 0.2", weights["iran-arms-houthis"])
	}

	// The delta, read from the records the changes name, takes the graph
	// to the same graph on the scenario.
	wantDeltaIsGraph(t, s, "lift-and-arm")

	// Listing pages by id.
	page := must[graph.Page[graph.Scenario]](t)(s.ListScenarios(ctx, "", 1))
	if len(page.Items) != 1 || page.Items[0].ID != "lift" || page.NextCursor == "" {
		t.Fatalf("first page %+v", page)
	}
	page = must[graph.Page[graph.Scenario]](t)(s.ListScenarios(ctx, page.NextCursor, 1))
	if len(page.Items) != 1 || page.Items[0].ID != "lift-and-arm" || page.NextCursor != "" {
		t.Fatalf("second page %+v", page)
	}

	// Replace under If-Match; a stale revision is refused.
	cur := must[graph.Scenario](t)(s.GetScenario(ctx, "lift"))
	renamed := cur
	renamed.Name = "Lift the oil sanctions"
	_, err = s.ReplaceScenario(ctx, "lift", renamed, graph.ParseRevision(`"stale"`))
	wantCode(t, err, graph.EPRECONDITION)
	next := must[graph.Scenario](t)(s.ReplaceScenario(ctx, "lift", renamed, graph.RevisionOf(cur)))
	if next.Name != renamed.Name || !next.CreatedAt.Equal(cur.CreatedAt) || graph.ETag(next) == graph.ETag(cur) {
		t.Fatalf("replaced %+v from %+v", next, cur)
	}

	// A base that another stacks on cannot go.
	wantCode(t, s.DeleteScenario(ctx, "lift", graph.Revision{}), graph.ECONFLICT)

	// A base write that undoes a change is reported, not ignored.
	must[struct{}](t)(struct{}{}, s.DeleteRelationship(ctx, "us-sanctions-iran", graph.Revision{}))
	_, stale, err = s.ScenarioGraph(ctx, "lift-and-arm")
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) != 1 || stale[0].Path != "lift.changes[0].id" {
		t.Fatalf("stale changes %v, want lift.changes[0].id", stale)
	}
	wantDeltaIsGraph(t, s, "lift-and-arm")

	wantCode(t, s.DeleteScenario(ctx, "lift-and-arm", graph.ParseRevision(`"stale"`)), graph.EPRECONDITION)
	if err := s.DeleteScenario(ctx, "lift-and-arm", graph.Revision{}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteScenario(ctx, "lift", graph.Revision{}); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.DeleteScenario(ctx, "lift", graph.Revision{}), graph.ENOTFOUND)
	page = must[graph.Page[graph.Scenario]](t)(s.ListScenarios(ctx, "", 10))
	if len(page.Items) != 0 {
		t.Fatalf("scenarios left: %+v", page.Items)
	}
}

func must2[T any](_ T, err error) error { return err }

// wantDeltaIsGraph: the graph with ScenarioDelta applied (record by
// record, as the delta says) is ScenarioGraph's graph, and both report
// the same stale changes.
func wantDeltaIsGraph(t *testing.T, s *graph.Store, id string) {
	t.Helper()
	want, wantStale, err := s.ScenarioGraph(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	d, stale, err := s.ScenarioDelta(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantStale, stale, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("ScenarioDelta's stale changes (-ScenarioGraph's +delta's):\n%s", diff)
	}
	got := d.Apply(must[graph.Batch](t)(s.Export(ctx)))
	byID := func(b graph.Batch) (map[string]graph.Actor, map[string]graph.Relationship) {
		actors, rels := map[string]graph.Actor{}, map[string]graph.Relationship{}
		for _, a := range b.Actors {
			actors[a.ID] = a
		}
		for _, r := range b.Relationships {
			rels[r.ID] = r
		}
		return actors, rels
	}
	actors, rels := byID(got)
	wantActors, wantRels := byID(want)
	if diff := cmp.Diff(wantActors, actors, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("actors with the delta applied (-ScenarioGraph +delta):\n%s", diff)
	}
	if diff := cmp.Diff(wantRels, rels, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("relationships with the delta applied (-ScenarioGraph +delta):\n%s", diff)
	}
}
