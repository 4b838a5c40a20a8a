package whatif

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/analysis"
	"github.com/detente/detente/graph/graphgen"
	"github.com/detente/detente/graph/memstore"
)

func testStore(t *testing.T) *graph.Store {
	t.Helper()
	d, err := memstore.Open("")
	if err != nil {
		t.Fatal(err)
	}
	st := graph.NewStore(d)
	t.Cleanup(func() { st.Close() })
	b := graph.Batch{
		Actors: []graph.Actor{{ID: "iran", Name: "Iran", Kind: graph.KindState}, {ID: "oman", Name: "Oman", Kind: graph.KindState},
			{ID: "usa", Name: "United States", Kind: graph.KindState}},
		Relationships: []graph.Relationship{
			{ID: "oman-mediates-iran", Source: "oman", Target: "iran", Type: "mediates", Weight: 0.7, Confidence: 0.9},
			{ID: "oman-mediates-usa", Source: "oman", Target: "usa", Type: "mediates", Weight: 0.7, Confidence: 0.9},
			{ID: "usa-sanctions-iran", Source: "usa", Target: "iran", Type: "sanctions", Weight: 1, Confidence: 1},
		},
	}
	if _, err := st.Import(context.Background(), b, false); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestViews: a view is the graph with the changes applied, kept while
// the graph and its chain stay as they were, built again after either
// changes, built once for concurrent readers.
func TestViews(t *testing.T) {
	ctx := context.Background()
	st := testStore(t)
	views := New(st, analysis.NewService(st), 2)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := st.CreateScenario(ctx, graph.Scenario{ID: "no-oman", Name: "No Oman", Changes: []graph.Change{{Op: graph.OpRemoveActor, ID: "oman"}}})
	must(err)
	_, err = st.CreateScenario(ctx, graph.Scenario{ID: "and-talks", Name: "And talks", Base: "no-oman", Changes: []graph.Change{
		{Op: graph.OpAddRelationship, Relationship: &graph.Relationship{ID: "usa-negotiates-iran", Source: "usa", Target: "iran", Type: "negotiates_with", Weight: 0.5, Confidence: 0.8}}}})
	must(err)

	// Concurrent readers of one scenario share one build.
	var wg sync.WaitGroup
	got := make([]*View, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := views.Get(ctx, "and-talks")
			if err != nil {
				t.Error(err)
			}
			got[i] = v
		}()
	}
	wg.Wait()
	if views.Builds() != 1 {
		t.Fatalf("%d builds for 8 concurrent readers, want 1", views.Builds())
	}
	v := got[0]
	b, _ := v.Export(ctx)
	var rels []string
	for _, r := range b.Relationships {
		rels = append(rels, r.ID)
	}
	if want := []string{"usa-negotiates-iran", "usa-sanctions-iran"}; !slices.Equal(rels, want) {
		t.Fatalf("the view's ties %v, want %v (sorted by id, Oman's gone, the talks added)", rels, want)
	}
	if _, err := v.Actor(ctx, "oman"); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("oman on the view: %v", err)
	}
	if r, err := v.Relationship(ctx, "usa-negotiates-iran"); err != nil || r.Type != "negotiates_with" {
		t.Errorf("the added tie: %+v %v", r, err)
	}
	// The store of the view holds the same graph.
	vs, err := v.Store(ctx)
	must(err)
	exp, err := vs.Export(ctx)
	must(err)
	if len(exp.Actors) != 2 || len(exp.Relationships) != 2 {
		t.Errorf("the view's store: %d actors, %d ties", len(exp.Actors), len(exp.Relationships))
	}
	// The graph itself is untouched.
	if base, _ := st.Export(ctx); len(base.Actors) != 3 || len(base.Relationships) != 3 {
		t.Errorf("the graph changed: %d actors, %d ties", len(base.Actors), len(base.Relationships))
	}

	// Kept while nothing changes; built again after a write to the
	// graph, and after an edit of a scenario of the chain.
	steps := []struct {
		name    string
		change  func()
		rebuilt bool
	}{
		{"nothing changed", func() {}, false},
		{"a write to the graph", func() {
			_, err := st.CreateActor(ctx, graph.Actor{ID: "qatar", Name: "Qatar", Kind: graph.KindState})
			must(err)
		}, true},
		{"nothing changed again", func() {}, false},
		{"an edit of the base scenario", func() {
			sc, err := st.GetScenario(ctx, "no-oman")
			must(err)
			sc.Description = "edited"
			_, err = st.ReplaceScenario(ctx, "no-oman", sc, graph.Revision{})
			must(err)
		}, true},
	}
	for _, s := range steps {
		before := views.Builds()
		s.change()
		nv, err := views.Get(ctx, "and-talks")
		must(err)
		if rebuilt := views.Builds() > before; rebuilt != s.rebuilt || (nv != v) != s.rebuilt {
			t.Errorf("%s: rebuilt %v (same view %v), want %v", s.name, rebuilt, nv == v, s.rebuilt)
		}
		v = nv
	}
	if _, err := v.Actor(ctx, "qatar"); err != nil {
		t.Errorf("the view after the write lacks it: %v", err)
	}

	// A change the graph no longer allows is stale, not applied.
	must(st.DeleteRelationship(ctx, "usa-sanctions-iran", graph.Revision{}))
	_, err = st.CreateScenario(ctx, graph.Scenario{ID: "lift", Name: "Lift"})
	must(err)
	sc, _ := st.GetScenario(ctx, "lift")
	sc.Changes = []graph.Change{{Op: graph.OpRemoveRelationship, ID: "oman-mediates-usa"}}
	_, err = st.ReplaceScenario(ctx, "lift", sc, graph.Revision{})
	must(err)
	must(st.DeleteRelationship(ctx, "oman-mediates-usa", graph.Revision{}))
	lv, err := views.Get(ctx, "lift")
	must(err)
	if len(lv.Stale) != 1 || lv.Stale[0].Path != "lift.changes[0].id" {
		t.Errorf("stale %+v", lv.Stale)
	}
	if _, err := views.Get(ctx, "atlantis"); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("a missing scenario: %v", err)
	}
}

// TestOverlayAnswersAsTheChangedGraph: a view's analyses, patched from
// the graph's, give the bits a projection of the changed graph
// (ScenarioGraph, the whole export with the changes applied) gives, for
// changes of every kind stacked two deep; and no view reads the graph
// whole: the graph's Service walked the store once, the views' never.
func TestOverlayAnswersAsTheChangedGraph(t *testing.T) {
	ctx := context.Background()
	d, err := memstore.Open("")
	if err != nil {
		t.Fatal(err)
	}
	st := graph.NewStore(d)
	defer st.Close()
	b := graphgen.Generate(graphgen.Options{Actors: 120, Relationships: 800, Seed: 3, Dated: true})
	if _, err := st.Import(ctx, b, false); err != nil {
		t.Fatal(err)
	}
	a := func(i int) string { return b.Actors[i].ID }
	w := 0.25
	changes := []graph.Change{
		{Op: graph.OpRemoveRelationship, ID: b.Relationships[5].ID},
		{Op: graph.OpUpdateRelationship, ID: b.Relationships[40].ID, Patch: &graph.RelationshipPatch{Weight: &w, ValidFrom: &graph.Date{Year: 2016, Month: 2, Day: 3}}},
		{Op: graph.OpRemoveActor, ID: a(7)},
		{Op: graph.OpAddActor, Actor: &graph.Actor{ID: a(10) + "-b", Name: "Newcomer", Kind: graph.KindState}},
		{Op: graph.OpAddRelationship, Relationship: &graph.Relationship{ID: "added-1", Source: a(10) + "-b", Target: a(3), Type: "supports", Weight: 0.4, Confidence: 0.5}},
		{Op: graph.OpAddRelationship, Relationship: &graph.Relationship{ID: "added-2", Source: a(1), Target: a(2), Type: "allied_with", Weight: 0.9, Confidence: 0.5}},
	}
	if _, err := st.CreateScenario(ctx, graph.Scenario{ID: "one", Name: "One", Changes: changes[:3]}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateScenario(ctx, graph.Scenario{ID: "two", Name: "Two", Base: "one", Changes: changes[3:]}); err != nil {
		t.Fatal(err)
	}
	reg, err := st.RelationshipTypes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	parent := analysis.NewService(st)
	views := New(st, parent, 2)
	for _, id := range []string{"one", "two"} {
		v, err := views.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		changed, _, err := st.ScenarioGraph(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []analysis.Filter{{}, {Weighted: true}, {Polarity: analysis.PolaritySigned}, {AsOf: &graph.Date{Year: 2015, Month: 1, Day: 1}}} {
			want, err := analysis.Project(ctx, changed, reg, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, alg := range []analysis.Algorithm{analysis.PageRank, analysis.Betweenness} {
				w, err := want.Centrality(ctx, alg)
				if err != nil {
					t.Fatal(err)
				}
				p, err := v.Analysis.Projection(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				g, err := p.Centrality(ctx, alg)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(p.IDs(), want.IDs()) || !slices.Equal(g.Scores, w.Scores) {
					t.Errorf("%s, %+v: %s on the view differs from the changed graph's", id, f, alg)
				}
			}
		}
		if n := v.Analysis.Stats().Exports; n != 0 {
			t.Errorf("view %s read the graph whole %d times", id, n)
		}
	}
	if n := parent.Stats().Exports; n != 1 {
		t.Errorf("the graph's Service read it %d times, want 1", n)
	}
}
