package analysis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphgen"
	"github.com/detente/detente/graph/memstore"
)

// TestChangeFeedKeepsTheServiceExact: a Service that answered before a
// few writes brings its base and projections up to date through the
// store's change feed, reading the graph whole only once, and its
// projections are array for array those of a fresh Service (so every
// answer is the same bits); writes of every kind: actors created,
// renamed, deleted with their ties; ties created, changed, deleted. A
// write the feed did not record (straight to the driver) makes it read
// the graph whole again, and still answer right.
func TestChangeFeedKeepsTheServiceExact(t *testing.T) {
	ctx := context.Background()
	d, err := memstore.Open("")
	if err != nil {
		t.Fatal(err)
	}
	st := graph.NewStore(d)
	defer st.Close()
	b := graphgen.Generate(graphgen.Options{Actors: 80, Relationships: 500, Seed: 9, Dated: true})
	if _, err := st.Import(ctx, b, false); err != nil {
		t.Fatal(err)
	}
	asOf := graph.Date{Year: 2014, Month: 6, Day: 1}
	filters := []Filter{{}, {Polarity: PolaritySigned}, {AsOf: &asOf}, {Types: []string{"supports", "allied_with"}}}
	svc := NewService(st)
	check := func(step string) {
		t.Helper()
		fresh := NewService(st)
		for _, f := range filters {
			got, err := svc.Projection(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := fresh.Projection(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if msg := sameData(got.data, want.data); msg != "" {
				t.Fatalf("%s, filter %+v: the Service's projection differs from a fresh one's: %s", step, f, msg)
			}
			if msg := sameBase(got.base, want.base); msg != "" {
				t.Fatalf("%s: the Service's base differs from a fresh one's: %s", step, msg)
			}
			x, _ := got.Centrality(ctx, PageRank)
			y, _ := want.Centrality(ctx, PageRank)
			if !slices.Equal(x.Scores, y.Scores) {
				t.Fatalf("%s, filter %+v: PageRank differs", step, f)
			}
		}
	}
	check("before any write")

	rng := rand.New(rand.NewPCG(9, 9))
	types := []string{"supports", "opposes", "allied_with", "hostile_to", "sanctions"}
	actor := func() string { return b.Actors[rng.IntN(len(b.Actors))].ID }
	for step := range 12 {
		for w := range 1 + step%4 {
			var err error
			switch rng.IntN(6) {
			case 0:
				_, err = st.CreateActor(ctx, graph.Actor{ID: fmt.Sprintf("%s-n%d-%d", actor(), step, w), Name: "New", Kind: graph.KindState})
			case 1:
				name := fmt.Sprintf("Renamed %d", step)
				_, err = st.UpdateActor(ctx, actor(), graph.ActorPatch{Name: &name}, graph.Revision{})
			case 2:
				err = st.DeleteActor(ctx, actor(), true, graph.Revision{})
			case 3:
				_, err = st.CreateRelationship(ctx, graph.Relationship{ID: fmt.Sprintf("new-%d-%d", step, w), Source: actor(), Target: actor(),
					Type: types[rng.IntN(len(types))], Weight: float64(1+rng.IntN(10)) / 10, Confidence: 0.5})
			case 4:
				r := b.Relationships[rng.IntN(len(b.Relationships))]
				wt := float64(1+rng.IntN(10)) / 10
				_, err = st.UpdateRelationship(ctx, r.ID, graph.RelationshipPatch{Weight: &wt, ValidTo: &graph.Date{Year: 2015, Month: 1, Day: 1}}, graph.Revision{})
			case 5:
				err = st.DeleteRelationship(ctx, b.Relationships[rng.IntN(len(b.Relationships))].ID, graph.Revision{})
			}
			// Writes refused (a deleted actor, a self-tie, a missing
			// record) are part of the test: they record nothing.
			if err != nil && graph.ErrorCode(err) == graph.EINTERNAL {
				t.Fatal(err)
			}
		}
		check(fmt.Sprintf("after step %d", step))
	}
	stats := svc.Stats()
	if stats.Exports != 1 || stats.Patches < 10 {
		t.Errorf("the Service read the graph whole %d times and patched it %d times; want once, and a patch after (nearly) every step", stats.Exports, stats.Patches)
	}

	// A write the feed does not know of: read whole again.
	if _, err := st.Driver().CreateActor(ctx, graph.Actor{ID: "unrecorded", Name: "Unrecorded", Kind: graph.KindState}); err != nil {
		t.Fatal(err)
	}
	check("after a write behind the feed's back")
	if n := svc.Stats().Exports; n != 2 {
		t.Errorf("after an unrecorded write the Service read the graph whole %d times in all, want 2", n)
	}
}

// TestChangeLog: positions, what a run of writes touched, and when the
// log cannot say.
func TestChangeLog(t *testing.T) {
	d, err := memstore.Open("")
	if err != nil {
		t.Fatal(err)
	}
	st := graph.NewStore(d)
	defer st.Close()
	ctx := context.Background()
	p0 := st.ChangePosition()
	st.CreateActor(ctx, graph.Actor{ID: "a", Name: "A", Kind: graph.KindState})
	st.CreateActor(ctx, graph.Actor{ID: "b", Name: "B", Kind: graph.KindState})
	st.CreateActor(ctx, graph.Actor{ID: "a", Name: "A again", Kind: graph.KindState}) // refused: not recorded
	same := "A"
	st.UpdateActor(ctx, "a", graph.ActorPatch{Name: &same}, graph.Revision{}) // changes nothing: not recorded
	st.CreateRelationship(ctx, graph.Relationship{ID: "r", Source: "a", Target: "b", Type: "supports", Weight: 1, Confidence: 1})
	cs, n, next, ok := st.Changes(p0)
	if !ok || n != 3 || next != p0+3 || !slices.Equal(cs.Actors, []string{"a", "b"}) || !slices.Equal(cs.Relationships, []string{"r"}) {
		t.Fatalf("Changes: %+v n=%d next=%d ok=%v", cs, n, next, ok)
	}
	if _, n, _, ok := st.Changes(next); !ok || n != 0 {
		t.Errorf("nothing since the end: n=%d ok=%v", n, ok)
	}
	if _, _, _, ok := st.Changes(next + 1); ok {
		t.Error("a position past the end answered")
	}
	if _, err := st.Import(ctx, graph.Batch{Actors: []graph.Actor{{ID: "c", Name: "C", Kind: graph.KindState}}}, false); err != nil {
		t.Fatal(err)
	}
	if _, _, _, ok := st.Changes(p0); ok {
		t.Error("an import is too much to list, but Changes answered")
	}
}
