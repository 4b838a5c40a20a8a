// Package storetest is the conformance suite every graph.Store must pass:
// one set of cases, run against the embedded store and against Neo4j, so
// that both give the same answers, the same errors and the same order.
//
// In the spirit of testing/fstest.TestFS and go-cloud's drivertest, a store
// package calls Run with a function that opens a fresh, empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphtest"
)

// Opener returns a driver over a fresh, empty store for one test, closed
// (t.Cleanup) when the test ends. Run tests it through graph.Store, the
// layer every caller uses.
type Opener func(t *testing.T) graph.Driver

// Run runs every conformance case against stores made by open.
func Run(t *testing.T, open Opener) { run(t, open, "") }

// RunPaths runs the path cases alone, for a backend with more than one
// way to search paths.
func RunPaths(t *testing.T, open Opener) { run(t, open, "Paths") }

// run runs the cases whose name starts with prefix.
func run(t *testing.T, open Opener, prefix string) {
	cases := []struct {
		name string
		fn   func(*testing.T, *graph.Store)
	}{
		{"ActorCRUD", testActorCRUD},
		{"ActorValidation", testActorValidation},
		{"ActorPaging", testActorPaging},
		{"ActorFilters", testActorFilters},
		{"RelationshipCRUD", testRelationshipCRUD},
		{"RelationshipValidation", testRelationshipValidation},
		{"RelationshipFilters", testRelationshipFilters},
		{"RelationshipPaging", testRelationshipPaging},
		{"Preconditions", testPreconditions},
		{"CascadeDelete", testCascade},
		{"RelationshipTypes", testTypes},
		{"ImportAtomic", testImportAtomic},
		{"ImportUpsert", testImportUpsert},
		{"ImportAllOrNothing", testImportAllOrNothing},
		{"ExportRoundTrip", testRoundTrip},
		{"Walk", testWalk},
		{"ConcurrentWriters", testConcurrent},
		{"Version", testVersion},
		{"Clock", testClock},
		{"PathsSmall", testPathsSmall},
		{"PathsFilters", testPathsFilters},
		{"PathsCoexist", testPathsCoexist},
		{"PathsTemporal", testPathsTemporal},
		{"PathsErrors", testPathsErrors},
		{"PathsKarate", testPathsKarate},
		{"PathsCandidateCap", testPathsCandidateCap},
		{"PathsShortestCap", testPathsShortestCap},
		{"PathsTruncated", testPathsTruncated},
		{"Scenarios", testScenarios},
		{"Events", testEvents},
		{"EventMapping", testEventMapping},
	}
	for _, c := range cases {
		if !strings.HasPrefix(c.name, prefix) {
			continue
		}
		t.Run(c.name, func(t *testing.T) { c.fn(t, graph.NewStore(open(t))) })
	}
}

var ctx = context.Background()

// wantCode fails unless err is a graph error with the given code.
func wantCode(t *testing.T, err error, code graph.Code) *graph.Error {
	t.Helper()
	var ge *graph.Error
	if !errors.As(err, &ge) {
		t.Fatalf("got error %v, want a graph.Error with code %s", err, code)
	}
	if ge.Code != code {
		t.Fatalf("got code %s (%v), want %s", ge.Code, err, code)
	}
	return ge
}

// wantFields fails unless the error reports exactly these field paths.
func wantFields(t *testing.T, ge *graph.Error, paths ...string) {
	t.Helper()
	var got []string
	for _, f := range ge.Fields {
		got = append(got, f.Path)
	}
	sort.Strings(got)
	sort.Strings(paths)
	if diff := cmp.Diff(paths, got); diff != "" {
		t.Fatalf("field paths (-want +got):\n%s\nerror: %v", diff, ge)
	}
}

func must[T any](t *testing.T) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func actor(id, kind string, tags ...string) graph.Actor {
	return graph.Actor{ID: id, Name: strings.ToUpper(id[:1]) + id[1:], Kind: graph.ActorKind(kind), Tags: tags}
}

func rel(id, src, typ, dst string, w float64) graph.Relationship {
	return graph.Relationship{ID: id, Source: src, Target: dst, Type: typ, Weight: w, Confidence: 0.9,
		Sources: []graph.Citation{{Title: "test"}}}
}

func seedActors(t *testing.T, s *graph.Store, ids ...string) {
	t.Helper()
	for _, id := range ids {
		must[graph.Actor](t)(s.CreateActor(ctx, actor(id, "state")))
	}
}

func seedRels(t *testing.T, s *graph.Store, rs ...graph.Relationship) {
	t.Helper()
	for _, r := range rs {
		must[graph.Relationship](t)(s.CreateRelationship(ctx, r))
	}
}

// snapshot is what must not change when a write is refused.
func snapshot(t *testing.T, s *graph.Store) (graph.Batch, uint64) {
	t.Helper()
	b := must[graph.Batch](t)(s.Export(ctx))
	v := must[uint64](t)(s.Version(ctx))
	return b, v
}

func wantUnchanged(t *testing.T, s *graph.Store, b graph.Batch, v uint64) {
	t.Helper()
	b2, v2 := snapshot(t, s)
	if diff := cmp.Diff(b, b2); diff != "" {
		t.Fatalf("a refused write changed the graph (-before +after):\n%s", diff)
	}
	if v2 != v {
		t.Fatalf("a refused write bumped the version from %d to %d", v, v2)
	}
}

var ignoreTimes = cmpopts.IgnoreFields(graph.Actor{}, "CreatedAt", "UpdatedAt")
var ignoreRelTimes = cmpopts.IgnoreFields(graph.Relationship{}, "CreatedAt", "UpdatedAt")

func testActorCRUD(t *testing.T, s *graph.Store) {
	in := graph.Actor{ID: "iran", Name: "Iran", Kind: "state", Aliases: []string{"Islamic Republic of Iran"},
		CountryCode: "IRN", Region: "Middle East", Tags: []string{"jcpoa"}, Description: "d",
		Attributes: map[string]any{"capital": "Tehran", "population_m": 89.0}}
	got := must[graph.Actor](t)(s.CreateActor(ctx, in))
	if got.CreatedAt.IsZero() || !got.CreatedAt.Equal(got.UpdatedAt) {
		t.Fatalf("timestamps not set on create: %+v", got)
	}
	if diff := cmp.Diff(in, got, ignoreTimes); diff != "" {
		t.Fatalf("create (-want +got):\n%s", diff)
	}
	read := must[graph.Actor](t)(s.GetActor(ctx, "iran"))
	if diff := cmp.Diff(got, read); diff != "" {
		t.Fatalf("get (-created +read):\n%s", diff)
	}
	_, err := s.CreateActor(ctx, in)
	wantCode(t, err, graph.ECONFLICT)

	name, tags := "Islamic Republic of Iran", []string{}
	up := must[graph.Actor](t)(s.UpdateActor(ctx, "iran", graph.ActorPatch{Name: &name, Tags: &tags}, graph.Revision{}))
	if up.Name != name || len(up.Tags) != 0 || up.Region != "Middle East" || !up.CreatedAt.Equal(got.CreatedAt) {
		t.Fatalf("patch applied wrongly: %+v", up)
	}
	if diff := cmp.Diff(up, must[graph.Actor](t)(s.GetActor(ctx, "iran"))); diff != "" {
		t.Fatalf("update not persisted:\n%s", diff)
	}
	bad := graph.ActorKind("nation")
	_, err = s.UpdateActor(ctx, "iran", graph.ActorPatch{Kind: &bad}, graph.Revision{})
	wantFields(t, wantCode(t, err, graph.EINVALID), "$.kind")
	_, err = s.UpdateActor(ctx, "nobody", graph.ActorPatch{Name: &name}, graph.Revision{})
	wantCode(t, err, graph.ENOTFOUND)

	if err := s.DeleteActor(ctx, "iran", false, graph.Revision{}); err != nil {
		t.Fatal(err)
	}
	_, err = s.GetActor(ctx, "iran")
	wantCode(t, err, graph.ENOTFOUND)
	wantCode(t, s.DeleteActor(ctx, "iran", false, graph.Revision{}), graph.ENOTFOUND)
}

func testActorValidation(t *testing.T, s *graph.Store) {
	b, v := snapshot(t, s)
	cases := []struct {
		name  string
		actor graph.Actor
		paths []string
	}{
		{"everything wrong at once", graph.Actor{ID: "Bad Id", Name: " ", Kind: "nation", CountryCode: "IR"},
			[]string{"$.id", "$.name", "$.kind", "$.country_code"}},
		{"empty alias", graph.Actor{ID: "x", Name: "X", Kind: "state", Aliases: []string{""}}, []string{"$.aliases[0]"}},
		{"long name", graph.Actor{ID: "x", Name: strings.Repeat("n", graph.MaxNameLen+1), Kind: "state"}, []string{"$.name"}},
		{"NUL in description", graph.Actor{ID: "x", Name: "X", Kind: "state", Description: "a\x00b"}, []string{"$.description"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.CreateActor(ctx, c.actor)
			wantFields(t, wantCode(t, err, graph.EINVALID), c.paths...)
			wantUnchanged(t, s, b, v)
		})
	}
}

func testActorPaging(t *testing.T, s *graph.Store) {
	ids := []string{"a1", "a2", "b1", "b2", "c1", "c2", "c3"}
	seedActors(t, s, "c3", "a2", "b1", "a1", "c2", "b2", "c1")
	var got []string
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > 5 {
			t.Fatal("paging does not end")
		}
		p := must[graph.Page[graph.Actor]](t)(s.ListActors(ctx, graph.ActorFilter{Limit: 3, Cursor: cursor}))
		if len(p.Items) > 3 {
			t.Fatalf("page of %d items with limit 3", len(p.Items))
		}
		for _, a := range p.Items {
			got = append(got, a.ID)
		}
		if p.NextCursor == "" {
			break
		}
		cursor = p.NextCursor
	}
	if diff := cmp.Diff(ids, got); diff != "" {
		t.Fatalf("paged ids (-want +got):\n%s", diff)
	}
	full := must[graph.Page[graph.Actor]](t)(s.ListActors(ctx, graph.ActorFilter{Limit: 7}))
	if len(full.Items) != 7 || full.NextCursor != "" {
		t.Fatalf("an exactly full page must not offer a next cursor: %d items, cursor %q", len(full.Items), full.NextCursor)
	}
	for _, f := range []graph.ActorFilter{{Limit: -1}, {Limit: graph.MaxPageSize + 1}, {Cursor: "!!"}, {Kind: "planet"}} {
		_, err := s.ListActors(ctx, f)
		wantCode(t, err, graph.EINVALID)
	}
}

func testActorFilters(t *testing.T, s *graph.Store) {
	for _, a := range []graph.Actor{
		{ID: "houthis", Name: "Houthis", Kind: "armed_group", Aliases: []string{"Ansar Allah"}, Tags: []string{"axis", "yemen"}},
		{ID: "hezbollah", Name: "Hezbollah", Kind: "armed_group", Tags: []string{"axis"}},
		{ID: "iran", Name: "Iran", Kind: "state", Tags: []string{"axis"}},
		{ID: "eu", Name: "European Union", Kind: "igo"},
	} {
		must[graph.Actor](t)(s.CreateActor(ctx, a))
	}
	cases := []struct {
		f    graph.ActorFilter
		want []string
	}{
		{graph.ActorFilter{Kind: "armed_group"}, []string{"hezbollah", "houthis"}},
		{graph.ActorFilter{Tag: "axis"}, []string{"hezbollah", "houthis", "iran"}},
		{graph.ActorFilter{Tag: "yemen", Kind: "armed_group"}, []string{"houthis"}},
		{graph.ActorFilter{Q: "ansar"}, []string{"houthis"}},
		{graph.ActorFilter{Q: "UNION"}, []string{"eu"}},
		{graph.ActorFilter{Q: "h"}, []string{"hezbollah", "houthis"}},
		{graph.ActorFilter{Q: "nobody"}, []string{}},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%+v", c.f), func(t *testing.T) {
			p := must[graph.Page[graph.Actor]](t)(s.ListActors(ctx, c.f))
			got := []string{}
			for _, a := range p.Items {
				got = append(got, a.ID)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
		})
	}
}

func testRelationshipCRUD(t *testing.T, s *graph.Store) {
	seedActors(t, s, "usa", "iran")
	in := graph.Relationship{Source: "usa", Target: "iran", Type: "sanctions", Weight: 0.9, Confidence: 1,
		ValidFrom: graphtest.DatePtr("2018-11-05"), Note: "maximum pressure",
		Sources: []graph.Citation{{Title: "Article", URL: "https://example.org/a", Quote: "q", Published: graphtest.DatePtr("2025-04-12")}}}
	got := must[graph.Relationship](t)(s.CreateRelationship(ctx, in))
	if got.ID != "usa--sanctions--iran--2018-11-05" {
		t.Fatalf("derived id %q", got.ID)
	}
	in.ID = got.ID
	if diff := cmp.Diff(in, got, ignoreRelTimes); diff != "" {
		t.Fatalf("create (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(got, must[graph.Relationship](t)(s.GetRelationship(ctx, got.ID))); diff != "" {
		t.Fatalf("get:\n%s", diff)
	}
	_, err := s.CreateRelationship(ctx, in)
	wantCode(t, err, graph.ECONFLICT)

	w := 0.5
	to := graphtest.MustDate("2019-01-01")
	up := must[graph.Relationship](t)(s.UpdateRelationship(ctx, got.ID, graph.RelationshipPatch{Weight: &w, ValidTo: &to}, graph.Revision{}))
	if up.Weight != 0.5 || up.ValidTo == nil || *up.ValidTo != to || up.Note != "maximum pressure" {
		t.Fatalf("patch: %+v", up)
	}
	early := graphtest.MustDate("2010-01-01")
	_, err = s.UpdateRelationship(ctx, got.ID, graph.RelationshipPatch{ValidTo: &early}, graph.Revision{})
	wantFields(t, wantCode(t, err, graph.EINVALID), "$.valid_to")
	up = must[graph.Relationship](t)(s.UpdateRelationship(ctx, got.ID, graph.RelationshipPatch{ClearValidTo: true}, graph.Revision{}))
	if up.ValidTo != nil {
		t.Fatalf("valid_to not cleared: %v", up.ValidTo)
	}
	if diff := cmp.Diff(up, must[graph.Relationship](t)(s.GetRelationship(ctx, got.ID))); diff != "" {
		t.Fatalf("update not persisted:\n%s", diff)
	}
	if err := s.DeleteRelationship(ctx, got.ID, graph.Revision{}); err != nil {
		t.Fatal(err)
	}
	_, err = s.GetRelationship(ctx, got.ID)
	wantCode(t, err, graph.ENOTFOUND)
	wantCode(t, s.DeleteRelationship(ctx, got.ID, graph.Revision{}), graph.ENOTFOUND)
}

func testRelationshipValidation(t *testing.T, s *graph.Store) {
	seedActors(t, s, "usa", "iran")
	seedRels(t, s, rel("r1", "usa", "sanctions", "iran", 0.8))
	b, v := snapshot(t, s)
	base := rel("r2", "usa", "sanctions", "iran", 0.5)
	cases := []struct {
		name  string
		edit  func(r *graph.Relationship)
		code  graph.Code
		paths []string
	}{
		{"unknown type", func(r *graph.Relationship) { r.Type = "befriends" }, graph.EINVALID, []string{"$.type"}},
		{"missing endpoints", func(r *graph.Relationship) { r.Source, r.Target = "nobody", "noone" }, graph.EINVALID, []string{"$.source", "$.target"}},
		{"weight zero", func(r *graph.Relationship) { r.Weight = 0 }, graph.EINVALID, []string{"$.weight"}},
		{"weight above one", func(r *graph.Relationship) { r.Weight = 1.5 }, graph.EINVALID, []string{"$.weight"}},
		{"confidence negative", func(r *graph.Relationship) { r.Confidence = -0.1 }, graph.EINVALID, []string{"$.confidence"}},
		{"valid_to before valid_from", func(r *graph.Relationship) {
			r.ValidFrom, r.ValidTo = graphtest.DatePtr("2020-01-03"), graphtest.DatePtr("2019-01-01")
		}, graph.EINVALID, []string{"$.valid_to"}},
		{"impossible dates", func(r *graph.Relationship) {
			r.ValidFrom, r.ValidTo = &graph.Date{Year: 2020, Month: 40, Day: 1}, &graph.Date{Year: 2021, Month: 2, Day: 29}
		}, graph.EINVALID, []string{"$.valid_from", "$.valid_to"}},
		{"self loop", func(r *graph.Relationship) { r.Target = "usa" }, graph.EINVALID, []string{"$.target"}},
		{"bad citation", func(r *graph.Relationship) { r.Sources = []graph.Citation{{Title: "", URL: "ftp://x"}} }, graph.EINVALID,
			[]string{"$.sources[0].title", "$.sources[0].url"}},
		{"several at once", func(r *graph.Relationship) { r.Type, r.Weight, r.Target = "befriends", 2, "noone" }, graph.EINVALID,
			[]string{"$.type", "$.weight", "$.target"}},
		{"duplicate id", func(r *graph.Relationship) { r.ID = "r1" }, graph.ECONFLICT, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := base
			c.edit(&r)
			_, err := s.CreateRelationship(ctx, r)
			ge := wantCode(t, err, c.code)
			if c.paths != nil {
				wantFields(t, ge, c.paths...)
			}
			wantUnchanged(t, s, b, v)
		})
	}
}

func relIDs(p graph.Page[graph.Relationship]) []string {
	ids := []string{}
	for _, r := range p.Items {
		ids = append(ids, r.ID)
	}
	return ids
}

func testRelationshipFilters(t *testing.T, s *graph.Store) {
	seedActors(t, s, "usa", "iran", "houthis", "eu")
	r1 := rel("r1", "usa", "sanctions", "iran", 0.8)
	r1.ValidFrom = graphtest.DatePtr("2018-11-05")
	r2 := rel("r2", "iran", "arms", "houthis", 0.7)
	r2.ValidFrom, r2.ValidTo = graphtest.DatePtr("2014-01-01"), graphtest.DatePtr("2016-12-31")
	r3 := rel("r3", "eu", "mediates", "iran", 0.5)
	r4 := rel("r4", "usa", "negotiates_with", "iran", 0.5)
	seedRels(t, s, r4, r2, r3, r1)
	cases := []struct {
		name string
		f    graph.RelationshipFilter
		want []string
	}{
		{"all", graph.RelationshipFilter{}, []string{"r1", "r2", "r3", "r4"}},
		{"source", graph.RelationshipFilter{Source: "usa"}, []string{"r1", "r4"}},
		{"target", graph.RelationshipFilter{Target: "iran"}, []string{"r1", "r3", "r4"}},
		{"actor", graph.RelationshipFilter{Actor: "iran"}, []string{"r1", "r2", "r3", "r4"}},
		{"types", graph.RelationshipFilter{Types: []string{"arms", "mediates"}}, []string{"r2", "r3"}},
		{"as_of inside", graph.RelationshipFilter{AsOf: graphtest.DatePtr("2015-06-01")}, []string{"r2", "r3", "r4"}},
		{"as_of on the last day", graph.RelationshipFilter{AsOf: graphtest.DatePtr("2016-12-31")}, []string{"r2", "r3", "r4"}},
		{"as_of on the first day", graph.RelationshipFilter{AsOf: graphtest.DatePtr("2018-11-05")}, []string{"r1", "r3", "r4"}},
		{"source and type", graph.RelationshipFilter{Source: "usa", Types: []string{"sanctions"}}, []string{"r1"}},
		{"unknown actor", graph.RelationshipFilter{Actor: "nobody"}, []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := relIDs(must[graph.Page[graph.Relationship]](t)(s.ListRelationships(ctx, c.f)))
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
		})
	}
	_, err := s.ListRelationships(ctx, graph.RelationshipFilter{Types: []string{"befriends"}})
	wantCode(t, err, graph.EINVALID)
}

func testRelationshipPaging(t *testing.T, s *graph.Store) {
	seedActors(t, s, "a", "b", "c")
	var want []string
	for i := 0; i < 9; i++ {
		id := fmt.Sprintf("r%02d", i)
		want = append(want, id)
		src, dst := "a", "b"
		if i%2 == 1 {
			src, dst = "c", "a"
		}
		seedRels(t, s, rel(id, src, "supports", dst, 0.5))
	}
	for _, f := range []graph.RelationshipFilter{{}, {Actor: "a"}} {
		var got []string
		f.Limit = 2
		for pages := 0; ; pages++ {
			if pages > 10 {
				t.Fatal("paging does not end")
			}
			p := must[graph.Page[graph.Relationship]](t)(s.ListRelationships(ctx, f))
			got = append(got, relIDs(p)...)
			if p.NextCursor == "" {
				break
			}
			f.Cursor = p.NextCursor
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("filter %+v (-want +got):\n%s", f, diff)
		}
	}
}

func testPreconditions(t *testing.T, s *graph.Store) {
	seedActors(t, s, "usa", "iran")
	seedRels(t, s, rel("r1", "usa", "sanctions", "iran", 0.8))
	a := must[graph.Actor](t)(s.GetActor(ctx, "usa"))
	tag := graph.ETag(a)
	name := "United States"
	_, err := s.UpdateActor(ctx, "usa", graph.ActorPatch{Name: &name}, graph.ParseRevision(`"stale"`))
	wantCode(t, err, graph.EPRECONDITION)
	a2 := must[graph.Actor](t)(s.UpdateActor(ctx, "usa", graph.ActorPatch{Name: &name}, graph.ParseRevision(tag)))
	if graph.ETag(a2) == tag {
		t.Fatal("ETag did not change with the resource")
	}
	wantCode(t, s.DeleteActor(ctx, "usa", true, graph.ParseRevision(tag)), graph.EPRECONDITION)
	r := must[graph.Relationship](t)(s.GetRelationship(ctx, "r1"))
	wantCode(t, s.DeleteRelationship(ctx, "r1", graph.ParseRevision(`"stale"`)), graph.EPRECONDITION)
	w := 0.1
	_, err = s.UpdateRelationship(ctx, "r1", graph.RelationshipPatch{Weight: &w}, graph.ParseRevision(`"stale"`))
	wantCode(t, err, graph.EPRECONDITION)
	if err := s.DeleteRelationship(ctx, "r1", graph.RevisionOf(r)); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteActor(ctx, "usa", false, graph.RevisionOf(a2)); err != nil {
		t.Fatal(err)
	}
}

func testCascade(t *testing.T, s *graph.Store) {
	seedActors(t, s, "usa", "iran", "eu")
	seedRels(t, s, rel("r1", "usa", "sanctions", "iran", 0.8), rel("r2", "eu", "mediates", "iran", 0.5),
		rel("r3", "eu", "supports", "usa", 0.5))
	b, v := snapshot(t, s)
	ge := wantCode(t, s.DeleteActor(ctx, "iran", false, graph.Revision{}), graph.ECONFLICT)
	if !strings.Contains(ge.Message, "2 relationships") {
		t.Fatalf("conflict message should count the relationships: %q", ge.Message)
	}
	wantUnchanged(t, s, b, v)
	if err := s.DeleteActor(ctx, "iran", true, graph.Revision{}); err != nil {
		t.Fatal(err)
	}
	got := relIDs(must[graph.Page[graph.Relationship]](t)(s.ListRelationships(ctx, graph.RelationshipFilter{})))
	if diff := cmp.Diff([]string{"r3"}, got); diff != "" {
		t.Fatalf("cascade left (-want +got):\n%s", diff)
	}
}

func testTypes(t *testing.T, s *graph.Store) {
	reg := must[graph.Registry](t)(s.RelationshipTypes(ctx))
	for _, name := range []string{"supports", "sanctions", "mediates", "negotiates_with", "member_of", "hostile_to"} {
		if _, ok := reg.Get(name); !ok {
			t.Fatalf("built-in type %s missing", name)
		}
	}
	if tt, _ := reg.Get("sanctions"); tt.Polarity != -1 || tt.PLOVER != "SANCTION" || tt.Goldstein == nil || *tt.Goldstein != -8 {
		t.Fatalf("sanctions: %+v", tt)
	}
	g := 2.0
	// Trade engages the partner directly and relays nothing (Direct):
	// the attribute is stored and read back like every other.
	custom := graph.RelationshipType{Name: "trades_with", Polarity: 1, Symmetric: true, DefaultWeight: 0.4, Description: "trade", Goldstein: &g, Direct: true}
	got := must[graph.RelationshipType](t)(s.CreateRelationshipType(ctx, custom))
	if diff := cmp.Diff(custom, got); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	_, err := s.CreateRelationshipType(ctx, custom)
	wantCode(t, err, graph.ECONFLICT)
	_, err = s.CreateRelationshipType(ctx, graph.RelationshipType{Name: "supports", Polarity: 1, DefaultWeight: 1})
	wantCode(t, err, graph.ECONFLICT)
	_, err = s.CreateRelationshipType(ctx, graph.RelationshipType{Name: "Bad-Name`) DETACH DELETE", Polarity: 3, DefaultWeight: 0})
	wantFields(t, wantCode(t, err, graph.EINVALID), "$.name", "$.polarity", "$.default_weight")
	reg = must[graph.Registry](t)(s.RelationshipTypes(ctx))
	if tt, ok := reg.Get("trades_with"); !ok || !tt.Symmetric || tt.Builtin || tt.Relays() {
		t.Fatalf("custom type not listed: %+v", tt)
	}
	seedActors(t, s, "china", "iran")
	seedRels(t, s, rel("t1", "china", "trades_with", "iran", 0.4))
	paths := must[[]graph.Path](t)(s.Paths(ctx, graph.PathQuery{From: "iran", To: "china", Direction: graph.Out}))
	if len(paths) != 1 {
		t.Fatalf("a symmetric custom type must be walkable both ways: %+v", paths)
	}
	// With no type filter a path over a custom type is signed and told
	// by that type, as is one asked for by name.
	for _, q := range []graph.PathQuery{{From: "iran", To: "china"}, {From: "iran", To: "china", Types: []string{"trades_with"}}} {
		paths = must[[]graph.Path](t)(s.Paths(ctx, q))
		if len(paths) != 1 || paths[0].Sign != 1 || len(paths[0].Signs) != 1 || paths[0].Signs[0] != 1 || paths[0].Explanation != "Iran —trades_with— China" {
			t.Fatalf("types %v: %+v", q.Types, paths)
		}
	}
}

func testImportAtomic(t *testing.T, s *graph.Store) {
	seedActors(t, s, "usa")
	b, v := snapshot(t, s)
	batch := graph.Batch{
		Actors: []graph.Actor{actor("iran", "state"), actor("houthis", "armed_group"), {ID: "Bad", Name: "", Kind: "state"}},
		Relationships: []graph.Relationship{
			rel("r1", "usa", "sanctions", "iran", 0.8),
			rel("r2", "iran", "arms", "houthis", 0.8),
			rel("r3", "iran", "befriends", "nobody", 0.8),
			rel("r1", "usa", "sanctions", "iran", 2),
		},
	}
	for _, dry := range []bool{false, true} {
		_, err := s.Import(ctx, batch, dry)
		ge := wantCode(t, err, graph.EINVALID)
		wantFields(t, ge, "$.actors[2].id", "$.actors[2].name", "$.relationships[2].type", "$.relationships[2].target",
			"$.relationships[3].id", "$.relationships[3].weight")
		wantUnchanged(t, s, b, v)
	}
	batch.Actors = batch.Actors[:2]
	batch.Relationships = batch.Relationships[:2]
	res := must[graph.ImportResult](t)(s.Import(ctx, batch, true))
	want := graph.ImportResult{DryRun: true, Actors: graph.Counts{Created: 2}, Relationships: graph.Counts{Created: 2}, Version: v}
	if diff := cmp.Diff(want, res); diff != "" {
		t.Fatalf("dry run result (-want +got):\n%s", diff)
	}
	wantUnchanged(t, s, b, v)
	res = must[graph.ImportResult](t)(s.Import(ctx, batch, false))
	if res.Actors.Created != 2 || res.Relationships.Created != 2 || res.Version <= v {
		t.Fatalf("import result %+v", res)
	}
	if n := len(must[graph.Batch](t)(s.Export(ctx)).Relationships); n != 2 {
		t.Fatalf("%d relationships after import, want 2", n)
	}
}

func testImportUpsert(t *testing.T, s *graph.Store) {
	batch := graph.Batch{
		RelationshipTypes: []graph.RelationshipType{{Name: "trades_with", Polarity: 1, Symmetric: true, DefaultWeight: 0.4}},
		Actors:            []graph.Actor{actor("usa", "state"), actor("iran", "state"), actor("china", "state")},
		Relationships:     []graph.Relationship{rel("", "usa", "sanctions", "iran", 0.8), rel("x", "china", "trades_with", "iran", 0.4)},
	}
	res := must[graph.ImportResult](t)(s.Import(ctx, batch, false))
	if res.RelationshipTypes.Created != 1 || res.Actors.Created != 3 || res.Relationships.Created != 2 {
		t.Fatalf("first import %+v", res)
	}
	first, v := snapshot(t, s)
	res = must[graph.ImportResult](t)(s.Import(ctx, batch, false))
	want := graph.ImportResult{RelationshipTypes: graph.Counts{Unchanged: 1}, Actors: graph.Counts{Unchanged: 3},
		Relationships: graph.Counts{Unchanged: 2}, Version: v}
	if diff := cmp.Diff(want, res); diff != "" {
		t.Fatalf("repeated import must change nothing (-want +got):\n%s", diff)
	}
	wantUnchanged(t, s, first, v)
	batch.Actors[1].Description = "changed"
	batch.Relationships[0].Weight = 0.3
	res = must[graph.ImportResult](t)(s.Import(ctx, batch, false))
	if res.Actors.Updated != 1 || res.Actors.Unchanged != 2 || res.Relationships.Updated != 1 || res.Relationships.Unchanged != 1 {
		t.Fatalf("upsert counts %+v", res)
	}
	got := must[graph.Actor](t)(s.GetActor(ctx, "iran"))
	if got.Description != "changed" || !got.CreatedAt.Equal(first.Actors[1].CreatedAt) {
		t.Fatalf("upserted actor %+v", got)
	}
	r := must[graph.Relationship](t)(s.GetRelationship(ctx, "usa--sanctions--iran"))
	if r.Weight != 0.3 {
		t.Fatalf("upserted relationship %+v", r)
	}
}

func testRoundTrip(t *testing.T, s *graph.Store) {
	batch := graph.Batch{
		RelationshipTypes: []graph.RelationshipType{{Name: "trades_with", Polarity: 1, Symmetric: true, DefaultWeight: 0.4, Description: "trade", PLOVER: "COOPERATE"}},
		Actors: []graph.Actor{
			{ID: "iran", Name: "Iran", Kind: "state", Aliases: []string{"IRI", "Persia"}, CountryCode: "IRN", Tags: []string{"a", "b"},
				Attributes: map[string]any{"n": 1.5, "s": "x", "l": []any{"a", 2.0}, "o": map[string]any{"k": true}}},
			{ID: "usa", Name: "United States", Kind: "state", Description: "ünïcødé ✓ \"quotes\" `ticks`"},
		},
		Relationships: []graph.Relationship{{ID: "r", Source: "usa", Target: "iran", Type: "trades_with", Weight: 0.123456789, Confidence: 0.5,
			ValidFrom: graphtest.DatePtr("1979-11-04"), ValidTo: graphtest.DatePtr("1981-01-20"), Note: "n",
			Sources: []graph.Citation{{Title: "t", URL: "https://example.org", Quote: "q", Published: graphtest.DatePtr("2020-01-03")}}}},
	}
	must[graph.ImportResult](t)(s.Import(ctx, batch, false))
	exported := must[graph.Batch](t)(s.Export(ctx))
	if diff := cmp.Diff(batch, exported, ignoreTimes, ignoreRelTimes); diff != "" {
		t.Fatalf("export differs from import (-imported +exported):\n%s", diff)
	}
	if err := s.DeleteActor(ctx, "usa", true, graph.Revision{}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteActor(ctx, "iran", true, graph.Revision{}); err != nil {
		t.Fatal(err)
	}
	must[graph.ImportResult](t)(s.Import(ctx, exported, false))
	again := must[graph.Batch](t)(s.Export(ctx))
	if diff := cmp.Diff(exported, again); diff != "" {
		t.Fatalf("export -> import -> export is not exact (-first +second):\n%s", diff)
	}
}

func testConcurrent(t *testing.T, s *graph.Store) {
	seedActors(t, s, "hub")
	v0 := must[uint64](t)(s.Version(ctx))
	const workers, each = 8, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				id := fmt.Sprintf("w%d-%d", w, i)
				if _, err := s.CreateActor(ctx, actor(id, "person")); err != nil {
					errs <- err
					continue
				}
				if _, err := s.CreateRelationship(ctx, rel("r-"+id, id, "supports", "hub", 0.5)); err != nil {
					errs <- err
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	b := must[graph.Batch](t)(s.Export(ctx))
	if len(b.Actors) != 1+workers*each || len(b.Relationships) != workers*each {
		t.Fatalf("%d actors and %d relationships after concurrent writes", len(b.Actors), len(b.Relationships))
	}
	if v := must[uint64](t)(s.Version(ctx)); v < v0+2*workers*each {
		t.Fatalf("version %d after %d writes from %d", v, 2*workers*each, v0)
	}
}

func testVersion(t *testing.T, s *graph.Store) {
	v0 := must[uint64](t)(s.Version(ctx))
	seedActors(t, s, "a")
	v1 := must[uint64](t)(s.Version(ctx))
	if v1 <= v0 {
		t.Fatalf("a write did not bump the version: %d -> %d", v0, v1)
	}
	must[graph.Actor](t)(s.GetActor(ctx, "a"))
	must[graph.Batch](t)(s.Export(ctx))
	if v := must[uint64](t)(s.Version(ctx)); v != v1 {
		t.Fatalf("a read changed the version: %d -> %d", v1, v)
	}
}

// testClock: the store's clock (Store.Now) stamps what is created, updated
// and imported without timestamps, at millisecond precision in UTC; a
// patch that changes nothing stamps nothing and writes nothing.
func testClock(t *testing.T, s *graph.Store) {
	first := time.Date(2026, 1, 2, 3, 4, 5, 999999999, time.FixedZone("IRST", 3*3600+1800))
	later := first.Add(time.Hour)
	s.Now = func() time.Time { return first }
	a := must[graph.Actor](t)(s.CreateActor(ctx, actor("iran", "state")))
	if want := graph.Timestamp(first); a.CreatedAt != want || a.UpdatedAt != want {
		t.Fatalf("created %v, updated %v; want both %v", a.CreatedAt, a.UpdatedAt, want)
	}
	if diff := cmp.Diff(a, must[graph.Actor](t)(s.GetActor(ctx, "iran"))); diff != "" {
		t.Fatalf("read back (-created +read):\n%s", diff)
	}
	s.Now = func() time.Time { return later }
	name := "Islamic Republic of Iran"
	up := must[graph.Actor](t)(s.UpdateActor(ctx, "iran", graph.ActorPatch{Name: &name}, graph.Revision{}))
	if up.CreatedAt != a.CreatedAt || up.UpdatedAt != graph.Timestamp(later) {
		t.Fatalf("update stamped created %v, updated %v", up.CreatedAt, up.UpdatedAt)
	}
	v := must[uint64](t)(s.Version(ctx))
	s.Now = func() time.Time { return later.Add(time.Hour) }
	same := must[graph.Actor](t)(s.UpdateActor(ctx, "iran", graph.ActorPatch{Name: &name}, graph.RevisionOf(up)))
	if diff := cmp.Diff(up, same); diff != "" {
		t.Fatalf("a patch that changes nothing changed the actor:\n%s", diff)
	}
	if v2 := must[uint64](t)(s.Version(ctx)); v2 != v {
		t.Fatalf("a patch that changes nothing bumped the version %d -> %d", v, v2)
	}
	must[graph.ImportResult](t)(s.Import(ctx, graph.Batch{Actors: []graph.Actor{actor("usa", "state")},
		Relationships: []graph.Relationship{rel("r1", "usa", "sanctions", "iran", 0.5)}}, false))
	r := must[graph.Relationship](t)(s.GetRelationship(ctx, "r1"))
	u := must[graph.Actor](t)(s.GetActor(ctx, "usa"))
	if want := graph.Timestamp(later.Add(time.Hour)); r.CreatedAt != want || r.UpdatedAt != want || u.CreatedAt != want {
		t.Fatalf("import stamped relationship %v/%v, actor %v; want %v", r.CreatedAt, r.UpdatedAt, u.CreatedAt, want)
	}
	// A record that brings its created_at keeps it, in UTC.
	given := a
	given.ID, given.CreatedAt = "eu", first
	e := must[graph.Actor](t)(s.CreateActor(ctx, given))
	if e.CreatedAt != graph.Timestamp(first) || e.CreatedAt.Location() != time.UTC {
		t.Fatalf("a given created_at came back as %v", e.CreatedAt)
	}
}
