package storetest

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
)

// testEvents: events are stored once by id (a repeat, in the store or in
// the batch, is a duplicate and changes nothing), refused whole when one
// is invalid, listed in id order with every filter, alone or together,
// paged by cursor (the relationship's events too), and leave the graph and
// its version alone.
func testEvents(t *testing.T, s *graph.Store) {
	seedActors(t, s, "usa", "iran", "oman")
	seedRels(t, s, rel("us-sanctions-iran", "usa", "sanctions", "iran", 0.8), rel("oman-mediates-iran", "oman", "mediates", "iran", 0.7))
	before, version := snapshot(t, s)

	day := func(s string) graph.Date { return must[graph.Date](t)(graph.ParseDate(s)) }
	score := func(f float64) *float64 { return &f }
	evs := []graph.Event{
		{ID: "gdelt:105", Date: day("2024-03-05"), Actor1Code: "USAGOV", Actor1Name: "UNITED STATES", Actor2Code: "IRN", Actor2Name: "IRAN",
			Source: "usa", Target: "iran", Code: "163", Type: "sanctions", Score: score(-8), Quad: 4, Mentions: 12, Sources: 3,
			URL: "https://example.org/a", Relationship: "us-sanctions-iran"},
		{ID: "gdelt:101", Date: day("2024-03-01"), Actor1Code: "USA", Source: "usa", Target: "iran", Code: "1631", Type: "sanctions",
			Score: score(0), Quad: 4, Relationship: "us-sanctions-iran"},
		{ID: "gdelt:103", Date: day("2024-03-03"), Actor1Code: "USA", Source: "usa", Target: "iran", Code: "163", Type: "sanctions",
			Relationship: "us-sanctions-iran"},
		{ID: "acled:OMN1", Date: day("2024-02-01"), Actor1Name: "Oman", Source: "oman", Target: "iran", Code: "Strategic developments",
			Type: "mediates", Text: "talks\tin Muscat — ü", Relationship: "oman-mediates-iran"},
		{ID: "gdelt:200", Date: day("2024-04-01"), Actor1Code: "IRNOPP", Code: "010"}, // one-sided, unresolved
		{ID: "plover:x-1", Date: day("2024-03-02"), Source: "iran", Target: "usa", Code: "THREATEN", Type: "threatens", Score: score(-4.5)},
	}
	if n := must[int](t)(s.PutEvents(ctx, evs)); n != len(evs) {
		t.Fatalf("PutEvents stored %d, want %d", n, len(evs))
	}
	wantUnchanged(t, s, before, version)

	// Again, with one event changed and one new one twice: only the new
	// one is stored, the changed one keeps what it had.
	again := append([]graph.Event{}, evs...)
	again[0].URL = "https://example.org/changed"
	again[0].Relationship = "oman-mediates-iran"
	fresh := graph.Event{ID: "gdelt:102", Date: day("2024-03-02"), Source: "usa", Target: "iran", Code: "163", Type: "sanctions",
		Relationship: "us-sanctions-iran"}
	again = append(again, fresh, fresh)
	if n := must[int](t)(s.PutEvents(ctx, again)); n != 1 {
		t.Fatalf("PutEvents of a repeated batch stored %d, want 1", n)
	}
	if n := must[int](t)(s.PutEvents(ctx, again)); n != 0 {
		t.Fatalf("PutEvents of the same batch stored %d, want 0", n)
	}
	evs = append(evs, fresh)

	// Refused whole, each problem at its path.
	bad := []graph.Event{
		{ID: "gdelt:900", Date: day("2024-01-01"), Code: "010"},
		{ID: "no-format", Date: day("2024-01-01")},
		{ID: "gdelt:901"},
		{ID: "gdelt:902", Date: day("2024-01-01"), Source: "Not An Id", Quad: 7, Score: score(11)},
	}
	_, err := s.PutEvents(ctx, bad)
	wantFields(t, wantCode(t, err, graph.EINVALID), "$[1].id", "$[2].date", "$[3].source", "$[3].quad", "$[3].score")
	_, err = s.PutEvents(ctx, make([]graph.Event, graph.MaxEventBatch+1))
	wantCode(t, err, graph.EINVALID)

	byID := map[string]graph.Event{}
	for _, e := range evs {
		byID[e.ID] = e
	}
	want := func(ids ...string) []graph.Event {
		out := []graph.Event{}
		for _, id := range ids {
			out = append(out, byID[id])
		}
		return out
	}
	list := func(f graph.EventFilter, limit int) []graph.Event {
		t.Helper()
		var all []graph.Event
		cursor := ""
		for pages := 0; ; pages++ {
			if pages > 20 {
				t.Fatal("paging does not end")
			}
			p := must[graph.Page[graph.Event]](t)(s.ListEvents(ctx, f, cursor, limit))
			if len(p.Items) > limit || (p.NextCursor != "" && len(p.Items) != limit) {
				t.Fatalf("page of %d items with limit %d, next %q", len(p.Items), limit, p.NextCursor)
			}
			all = append(all, p.Items...)
			if p.NextCursor == "" {
				return all
			}
			cursor = p.NextCursor
		}
	}
	from, to := day("2024-03-02"), day("2024-03-05")
	for _, c := range []struct {
		name string
		f    graph.EventFilter
		want []graph.Event
	}{
		{"all", graph.EventFilter{}, want("acled:OMN1", "gdelt:101", "gdelt:102", "gdelt:103", "gdelt:105", "gdelt:200", "plover:x-1")},
		{"actor either side", graph.EventFilter{Actor: "usa"}, want("gdelt:101", "gdelt:102", "gdelt:103", "gdelt:105", "plover:x-1")},
		{"target", graph.EventFilter{Target: "iran"}, want("acled:OMN1", "gdelt:101", "gdelt:102", "gdelt:103", "gdelt:105")},
		{"actor and target", graph.EventFilter{Actor: "iran", Target: "usa"}, want("plover:x-1")},
		{"type", graph.EventFilter{Type: "mediates"}, want("acled:OMN1")},
		{"from to inclusive", graph.EventFilter{From: &from, To: &to}, want("gdelt:102", "gdelt:103", "gdelt:105", "plover:x-1")},
		{"from", graph.EventFilter{From: &to}, want("gdelt:105", "gdelt:200")},
		{"relationship", graph.EventFilter{Relationship: "us-sanctions-iran"}, want("gdelt:101", "gdelt:102", "gdelt:103", "gdelt:105")},
		{"relationship and dates", graph.EventFilter{Relationship: "us-sanctions-iran", From: &from}, want("gdelt:102", "gdelt:103", "gdelt:105")},
		{"nothing", graph.EventFilter{Actor: "oman", Type: "sanctions"}, want()},
	} {
		for _, limit := range []int{1, 2, 100} {
			got := list(c.f, limit)
			if got == nil {
				got = []graph.Event{}
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("%s, limit %d (-want +got):\n%s", c.name, limit, diff)
			}
		}
	}

	p := must[graph.Page[graph.Event]](t)(s.RelationshipEvents(ctx, "us-sanctions-iran", "", 3))
	if len(p.Items) != 3 || p.Items[0].ID != "gdelt:101" || p.NextCursor == "" {
		t.Fatalf("RelationshipEvents first page: %+v", p)
	}
	p = must[graph.Page[graph.Event]](t)(s.RelationshipEvents(ctx, "us-sanctions-iran", p.NextCursor, 3))
	if len(p.Items) != 1 || p.Items[0].ID != "gdelt:105" || p.NextCursor != "" {
		t.Fatalf("RelationshipEvents second page: %+v", p)
	}
	wantCode(t, must2(s.RelationshipEvents(ctx, "nobody-knows", "", 0)), graph.ENOTFOUND)

	_, err = s.ListEvents(ctx, graph.EventFilter{}, "%%%", 0)
	wantFields(t, wantCode(t, err, graph.EINVALID), "cursor")
	_, err = s.ListEvents(ctx, graph.EventFilter{From: &to, To: &from, Actor: "Bad Id"}, "", 0)
	wantFields(t, wantCode(t, err, graph.EINVALID), "to", "actor")
	_, err = s.ListEvents(ctx, graph.EventFilter{}, "", graph.MaxPageSize+1)
	wantCode(t, err, graph.EINVALID)
	wantUnchanged(t, s, before, version)
}
