package memstore

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphgen"
	"github.com/detente/detente/graph/graphtest"
)

// compactCases are relationships whose every field must read back exactly
// as written, whether the compact edge holds them or the side table does.
func compactCases() []struct {
	name string
	rel  graph.Relationship
} {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 6_000_000, time.UTC)
	base := graph.Relationship{Source: "a", Target: "b", Type: "allied_with", Weight: 0.37, Confidence: 0.9,
		Sources: []graph.Citation{}, CreatedAt: t0, UpdatedAt: t0.Add(time.Hour)}
	with := func(name string, f func(r *graph.Relationship)) struct {
		name string
		rel  graph.Relationship
	} {
		r := base
		r.ID = name
		f(&r)
		return struct {
			name string
			rel  graph.Relationship
		}{name, r}
	}
	paris := time.FixedZone("CET", 3600)
	return []struct {
		name string
		rel  graph.Relationship
	}{
		with("plain", func(r *graph.Relationship) {}),
		with("cited", func(r *graph.Relationship) {
			r.Sources = []graph.Citation{{Title: "t", URL: "https://x", Published: graphtest.DatePtr("2020-02-29")}}
			r.Note = "a note"
		}),
		with("note-only", func(r *graph.Relationship) { r.Note = "n" }),
		with("nil-sources", func(r *graph.Relationship) { r.Sources = nil }),
		with("dated", func(r *graph.Relationship) {
			r.ValidFrom, r.ValidTo = graphtest.DatePtr("1990-01-01"), graphtest.DatePtr("9999-12-31")
		}),
		with("open-from", func(r *graph.Relationship) { r.ValidTo = graphtest.DatePtr("0001-01-01") }),
		with("open-to", func(r *graph.Relationship) { r.ValidFrom = graphtest.DatePtr("0000-01-31") }),
		with("negative-year", func(r *graph.Relationship) { r.ValidFrom = &graph.Date{Year: -44, Month: 3, Day: 15} }),
		with("huge-year", func(r *graph.Relationship) { r.ValidTo = &graph.Date{Year: 1e8, Month: 1, Day: 1} }),
		with("bad-month", func(r *graph.Relationship) { r.ValidFrom = &graph.Date{Year: 2000, Month: 40, Day: 1} }),
		with("zero-times", func(r *graph.Relationship) { r.CreatedAt, r.UpdatedAt = time.Time{}, time.Time{} }),
		with("zone", func(r *graph.Relationship) { r.CreatedAt = t0.In(paris) }),
		with("nanoseconds", func(r *graph.Relationship) { r.UpdatedAt = t0.Add(7) }),
		with("monotonic", func(r *graph.Relationship) { r.UpdatedAt = time.Now() }),
		with("odd-floats", func(r *graph.Relationship) { r.Weight, r.Confidence = 0.1+0.2, 1.0/3 }),
	}
}

// TestCompactRoundTrip checks that every relationship reads back exactly
// (deep equality, time zones included) after the store has put it in
// compact form, and after an update replaced it.
func TestCompactRoundTrip(t *testing.T) {
	s, err := Open("")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a", "b", "c"} {
		s.putActor(graph.Actor{ID: id, Name: id, Kind: "state"})
	}
	for _, c := range compactCases() {
		t.Run(c.name, func(t *testing.T) {
			s.putRels([]graph.Relationship{c.rel})
			got, err := s.GetRelationship(context.Background(), c.rel.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.rel) {
				t.Errorf("read back differs (-want +got):\n%s", cmp.Diff(c.rel, got))
			}
			// Replace it by a plain one with other endpoints, then by the
			// original again: nothing of the first may linger.
			plain := compactCases()[0].rel
			plain.ID, plain.Target = c.rel.ID, "c"
			s.putRels([]graph.Relationship{plain})
			s.putRels([]graph.Relationship{c.rel})
			got, _ = s.GetRelationship(context.Background(), c.rel.ID)
			if !reflect.DeepEqual(got, c.rel) {
				t.Errorf("after replacement (-want +got):\n%s", cmp.Diff(c.rel, got))
			}
			if n := len(s.nodes[s.actors["c"].idx].in); n != 0 {
				t.Errorf("actor c keeps %d ties after the tie moved away", n)
			}
		})
	}
}

// TestWalkerAdmits checks the compiled per-query filter against its
// definition: PathQuery.Admits plus the direction rule, for every tie of
// compactCases under queries on types, direction, as_of and confidence.
func TestWalkerAdmits(t *testing.T) {
	s, err := Open("")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a", "b", "c"} {
		s.putActor(graph.Actor{ID: id, Name: id, Kind: "state"})
	}
	var rels []graph.Relationship
	for i, c := range compactCases() {
		r := c.rel
		if i%2 == 1 {
			r.Type = "sanctions" // directed
		}
		r.Confidence = float64(i%5) / 4
		rels = append(rels, r)
	}
	s.putRels(rels)
	dates := []*graph.Date{nil, graphtest.DatePtr("1989-12-31"), graphtest.DatePtr("1990-01-01"), graphtest.DatePtr("2026-11-25"),
		graphtest.DatePtr("9999-12-31"), &graph.Date{Year: -44, Month: 3, Day: 15}, &graph.Date{Year: 2e8, Month: 1, Day: 1}}
	for _, typs := range [][]string{nil, {"sanctions"}, {"allied_with", "sanctions"}} {
		for _, dir := range []graph.Direction{graph.Both, graph.Out, graph.In} {
			for _, asOf := range dates {
				for _, conf := range []float64{0, 0.5, 1} {
					q := graph.PathQuery{Types: typs, Direction: dir, AsOf: asOf, MinConfidence: conf}
					w := s.newWalker(context.Background(), &q)
					for _, r := range rels {
						slot, _ := s.ids.get(r.ID, s.edges)
						sym := r.Type == "allied_with"
						for _, along := range []uint8{alongOut, alongIn} {
							want := q.Admits(&r) && (sym || dir == graph.Both || (dir == graph.Out) == (along == alongOut))
							if got := w.admits(adj{e: slot, v: 0}, along); got != want {
								t.Errorf("%s, types %v, %s, as_of %v, min_confidence %v, along %d: admits %v, want %v",
									r.ID, typs, dir, asOf, conf, along, got, want)
							}
						}
					}
				}
			}
		}
	}
}

// TestIDIndex checks the id index through inserts, deletions (which shift
// probe runs back) and reuse of freed slots, against a Go map.
func TestIDIndex(t *testing.T) {
	s, err := Open("")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a", "b"} {
		s.putActor(graph.Actor{ID: id, Name: id, Kind: "state"})
	}
	rel := func(i int) graph.Relationship {
		return graph.Relationship{ID: fmt.Sprintf("r%d", i), Source: "a", Target: "b", Type: "funds", Weight: 1, Confidence: 1, Sources: []graph.Citation{}}
	}
	want := map[string]bool{}
	var batch []graph.Relationship
	const first = 1<<14 + 100 // enough for putRels to resolve in parallel
	for i := range first {
		batch = append(batch, rel(i))
		want[rel(i).ID] = true
	}
	s.putRels(batch)
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 3 {
		var drop []int32
		for id := range want {
			if r.IntN(100) == 0 { // one by one, as DeleteRelationship does
				slot, _ := s.ids.get(id, s.edges)
				s.dropRels([]int32{slot})
				delete(want, id)
			} else if r.IntN(2) == 0 {
				slot, _ := s.ids.get(id, s.edges)
				drop = append(drop, slot)
				delete(want, id)
			}
		}
		s.dropRels(drop)
		var add []graph.Relationship
		for i := range 500 {
			x := rel(first + round*500 + i)
			add = append(add, x)
			want[x.ID] = true
		}
		s.putRels(add)
		for i := range first + 1500 {
			id := rel(i).ID
			slot, ok := s.ids.get(id, s.edges)
			if ok != want[id] || (ok && s.edges[slot].id != id) {
				t.Fatalf("round %d: %s found %v (slot %d), want %v", round, id, ok, slot, want[id])
			}
		}
		if s.ids.len() != len(want) || len(s.order) != len(want) {
			t.Fatalf("round %d: index holds %d, order %d, want %d", round, s.ids.len(), len(s.order), len(want))
		}
		for i := 1; i < len(s.order); i++ {
			if s.edges[s.order[i-1]].id >= s.edges[s.order[i]].id {
				t.Fatalf("round %d: order broken at %d", round, i)
			}
		}
	}
}

// TestReopen checks that a store reads back from its file exactly what it
// held: dated and undated ties interleaved (the load decodes records into
// reused structs, which must not carry a date over), cited ones, and more
// than one load chunk.
func TestReopen(t *testing.T) {
	path := t.TempDir() + "/detente.db"
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	b := graphgen.Generate(graphgen.Options{Actors: 500, Relationships: loadChunk + 5000, Seed: 9, Dated: true})
	for i := range b.Relationships {
		if i%97 == 0 {
			b.Relationships[i].Sources = []graph.Citation{{Title: "report", URL: "https://example.org/r"}}
			b.Relationships[i].Note = "noted"
		}
	}
	if _, err := s.Import(ctx, b, false, time.Now()); err != nil {
		t.Fatal(err)
	}
	want, err := s.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("after reopening (-before +after):\n%s", diff)
	}
	dated := 0
	for _, r := range got.Relationships {
		if r.ValidFrom != nil {
			dated++
		}
	}
	if dated == 0 || dated == len(got.Relationships) {
		t.Errorf("%d of %d relationships dated: the test needs both kinds", dated, len(got.Relationships))
	}
}
