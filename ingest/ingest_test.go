package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/memstore"
	"github.com/detente/detente/seed"
)

// seeded returns a store holding the shipped scenario, with a fixed clock.
func seeded(tb testing.TB) *graph.Store { tb.Helper(); return seededAt(tb, "") }

// seededAt is seeded on the embedded store in file path ("": in memory).
func seededAt(tb testing.TB, path string) *graph.Store {
	tb.Helper()
	d, err := memstore.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	s := graph.NewStore(d)
	s.Now = func() time.Time { return time.Date(2025, 5, 1, 12, 0, 0, 0, time.UTC) }
	tb.Cleanup(func() { s.Close() })
	if _, err := seed.Load(context.Background(), s); err != nil {
		tb.Fatal(err)
	}
	return s
}

func ingestFiles(tb testing.TB, s *graph.Store, f Format, o Options, files ...string) (Summary, error) {
	tb.Helper()
	var inputs []Input
	for _, name := range files {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			tb.Fatal(err)
		}
		inputs = append(inputs, Input{Name: name, R: bytes.NewReader(b)})
	}
	o.Format = f
	if (o.Latest == graph.Date{}) {
		o.Latest = testLatest
	}
	return Run(context.Background(), s, inputs, o)
}

func export(tb testing.TB, s *graph.Store) []byte {
	tb.Helper()
	b, err := s.Export(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	out, _ := json.MarshalIndent(b, "", "  ")
	return out
}

func derived(tb testing.TB, s *graph.Store) map[string]graph.Relationship {
	tb.Helper()
	b, _ := s.Export(context.Background())
	out := map[string]graph.Relationship{}
	for _, r := range b.Relationships {
		if IsDerived(&r) {
			out[r.ID] = r
		}
	}
	return out
}

func curated(tb testing.TB, s *graph.Store) []graph.Relationship {
	tb.Helper()
	b, _ := s.Export(context.Background())
	return slices.DeleteFunc(b.Relationships, func(r graph.Relationship) bool { return IsDerived(&r) })
}

// TestRunGDELTOnSeed ingests the GDELT sample into the shipped scenario:
// the derived ties carry their evidence, the curated ones are untouched,
// what cannot be resolved or mapped is reported, and a second run changes
// nothing (the export is byte-identical).
func TestRunGDELTOnSeed(t *testing.T) {
	s := seeded(t)
	before := curated(t, s)
	sum, err := ingestFiles(t, s, GDELT, Options{}, "gdelt2-valid.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Events != 8 || sum.New != 8 || sum.Duplicates != 0 || sum.Skipped != 0 || sum.OneSided != 1 || sum.Folded != 5 {
		t.Errorf("summary %+v", sum)
	}
	if sum.Relationships.Created != 3 || len(sum.Conflicts) != 0 {
		t.Errorf("relationships %+v, conflicts %v", sum.Relationships, sum.Conflicts)
	}
	if len(sum.Unresolved) != 1 || sum.Unresolved[0].Code != "IRNOPP" || sum.Unresolved[0].Count != 1 ||
		!strings.Contains(sum.Unresolved[0].Example, "1100000006") {
		t.Errorf("unresolved %+v", sum.Unresolved)
	}
	if len(sum.Unmapped) != 1 || sum.Unmapped[0].Code != "191" || !strings.Contains(sum.Unmapped[0].Note, "COERCE") {
		t.Errorf("unmapped %+v", sum.Unmapped)
	}
	got := derived(t, s)
	neg, ok := got["evt-gdelt--iran--negotiates_with--united-states--2025-04-05"]
	if !ok {
		t.Fatalf("no derived negotiation tie; derived: %v", keys(got))
	}
	ev, ok := ParseEvidence(neg.Note)
	if !ok || ev.EventCount != 3 || ev.FirstEvent.String() != "2025-04-05" || ev.LastEvent.String() != "2025-04-12" ||
		!slices.Equal(ev.EventIDs, []string{"1100000001", "1100000002", "1100000003"}) || ev.DerivedFrom != "gdelt" {
		t.Errorf("evidence %+v", ev)
	}
	if neg.ValidTo.String() != "2025-05-12" || neg.Confidence != 0.95 || !(neg.Weight > 0 && neg.Weight <= 1) {
		t.Errorf("tie %+v", neg)
	}
	if len(neg.Sources) != 3 || neg.Sources[0].URL != "https://www.reuters.example/world/talks-muscat" ||
		neg.Sources[0].Published.String() != "2025-04-12" || !strings.Contains(neg.Sources[0].Title, "1100000002") {
		t.Errorf("citations %+v", neg.Sources)
	}
	if _, ok := got["evt-gdelt--oman--mediates--iran--2025-04-11"]; !ok {
		t.Errorf("no oman mediates iran; derived: %v", keys(got))
	}
	if _, ok := got["evt-gdelt--united-states--threatens--iran--2025-04-10"]; !ok {
		t.Errorf("no united-states threatens iran; derived: %v", keys(got))
	}
	if after := curated(t, s); !slices.EqualFunc(before, after, graph.SameRelationship) {
		t.Error("the ingest changed curated relationships")
	}

	first := export(t, s)
	again, err := ingestFiles(t, s, GDELT, Options{}, "gdelt2-valid.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if again.Relationships.Created != 0 || again.Relationships.Updated != 0 || again.Relationships.Unchanged != 3 {
		t.Errorf("second run: %+v", again.Relationships)
	}
	if second := export(t, s); !bytes.Equal(first, second) {
		t.Error("re-ingesting the same file changed the export")
	}
	if again.Events != 8 || again.New != 0 || again.Duplicates != 8 {
		t.Errorf("second run: events %d, new %d, duplicates %d; want 8, 0, 8", again.Events, again.New, again.Duplicates)
	}
	checkStoredEvents(t, s, 8)
}

// checkStoredEvents: the store holds n events, each derived tie's events
// are exactly the ones its evidence counts, and each event that names a
// relationship names one that exists, between its source and target
// with its type.
func checkStoredEvents(t *testing.T, s *graph.Store, n int) {
	t.Helper()
	ctx := context.Background()
	all, err := s.ListEvents(ctx, graph.EventFilter{}, "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Items) != n {
		t.Fatalf("%d events stored, want %d", len(all.Items), n)
	}
	linked := 0
	for _, e := range all.Items {
		if !strings.HasPrefix(e.ID, "gdelt:") {
			t.Errorf("event id %s", e.ID)
		}
		if e.Relationship == "" {
			continue
		}
		linked++
		r, err := s.GetRelationship(ctx, e.Relationship)
		if err != nil {
			t.Errorf("event %s names relationship %s: %v", e.ID, e.Relationship, err)
			continue
		}
		same := r.Source == e.Source && r.Target == e.Target
		swapped := r.Source == e.Target && r.Target == e.Source // a symmetric type's tie is in id order
		if !(same || swapped) || r.Type != e.Type {
			t.Errorf("event %s (%s -%s-> %s) folded into %+v", e.ID, e.Source, e.Type, e.Target, r)
		}
	}
	for id, r := range derived(t, s) {
		ev, _ := ParseEvidence(r.Note)
		p, err := s.RelationshipEvents(ctx, id, "", 100)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Items) != ev.EventCount {
			t.Errorf("%s: %d events stored, its evidence counts %d", id, len(p.Items), ev.EventCount)
		}
		linked -= len(p.Items)
	}
	if linked != 0 {
		t.Errorf("%d linked events are not among the derived ties' events", linked)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestRunCitesEventsInPaths: after the ingest, a path query answers with
// a derived tie and its event citations.
func TestRunCitesEventsInPaths(t *testing.T) {
	s := seeded(t)
	if _, err := ingestFiles(t, s, GDELT, Options{}, "gdelt2-valid.tsv"); err != nil {
		t.Fatal(err)
	}
	asOf := graph.Date{Year: 2025, Month: 4, Day: 20}
	paths, err := s.Paths(context.Background(), graph.PathQuery{
		From: "united-states", To: "iran", Mode: graph.ModeAll, MaxHops: 1, AsOf: &asOf, Types: []string{"threatens"},
	})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range paths {
		for _, r := range p.Relationships {
			if IsDerived(&r) && len(r.Sources) > 0 && r.Sources[0].URL != "" {
				found = true
			}
		}
	}
	if !found {
		t.Fatalf("no path cites events: %+v", paths)
	}
}

// TestRunLeavesCuratedTiesAlone: a relationship that is not derived from
// events but holds a derived id is reported, never overwritten.
func TestRunLeavesCuratedTiesAlone(t *testing.T) {
	s := seeded(t)
	from := graph.Date{Year: 2025, Month: 4, Day: 10}
	mine := graph.Relationship{ID: "evt-gdelt--united-states--threatens--iran--2025-04-10", Source: "united-states", Target: "iran",
		Type: "threatens", Weight: 0.4, Confidence: 0.9, ValidFrom: &from, Note: "Entered by hand."}
	if _, err := s.CreateRelationship(context.Background(), mine); err != nil {
		t.Fatal(err)
	}
	sum, err := ingestFiles(t, s, GDELT, Options{}, "gdelt2-valid.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sum.Conflicts, []string{mine.ID}) || sum.Relationships.Created != 2 {
		t.Errorf("conflicts %v, relationships %+v", sum.Conflicts, sum.Relationships)
	}
	if got, _ := s.GetRelationship(context.Background(), mine.ID); got.Note != "Entered by hand." || got.Weight != 0.4 {
		t.Errorf("the hand-made tie changed: %+v", got)
	}
}

// TestRunMalformed: by default malformed rows are skipped and counted,
// duplicates counted; with Strict the first stops the run and nothing is
// written.
func TestRunMalformed(t *testing.T) {
	s := seeded(t)
	before := export(t, s)
	_, err := ingestFiles(t, s, GDELT, Options{Strict: true}, "gdelt2-malformed.tsv")
	if err == nil || !strings.Contains(err.Error(), "gdelt2-malformed.tsv: line 2:") {
		t.Fatalf("strict: %v", err)
	}
	if !bytes.Equal(before, export(t, s)) {
		t.Fatal("a strict run that failed wrote something")
	}
	sum, err := ingestFiles(t, s, GDELT, Options{}, "gdelt2-malformed.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Events != 3 || sum.New != 2 || sum.Duplicates != 1 || sum.Skipped != 10 || len(sum.Errors) != 10 ||
		!strings.Contains(sum.Errors[5], "line 9, column Actor1Name: contains bytes that are not UTF-8") {
		t.Errorf("summary %+v", sum)
	}
	if _, err := ingestFiles(t, s, GDELT, Options{}, "gdelt1-valid.tsv"); err == nil || !strings.Contains(err.Error(), "--format gdelt1") {
		t.Errorf("wrong format: %v", err)
	}
}

// TestRunCreateActors: unresolved actors are created from the events'
// names, tagged unreviewed, with their codes so that the next run resolves
// them; a second run changes nothing.
func TestRunCreateActors(t *testing.T) {
	s := seeded(t)
	sum, err := ingestFiles(t, s, GDELT, Options{CreateActors: true}, "gdelt2-valid.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Actors.Created != 1 || len(sum.Unresolved) != 0 || sum.Relationships.Created != 4 {
		t.Fatalf("summary %+v", sum)
	}
	a, err := s.GetActor(context.Background(), "iran-irnopp")
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != "IRAN (IRNOPP)" || !slices.Contains(a.Tags, "unreviewed") || a.Kind != graph.KindOther || a.CountryCode != "IRN" {
		t.Errorf("created %+v", a)
	}
	first := export(t, s)
	again, err := ingestFiles(t, s, GDELT, Options{CreateActors: true}, "gdelt2-valid.tsv")
	if err != nil || again.Actors.Created != 0 || !bytes.Equal(first, export(t, s)) {
		t.Errorf("second run: %v %+v, or the export changed", err, again)
	}
}

// TestRunOtherFormats: each format's sample becomes derived ties on the
// shipped scenario.
func TestRunOtherFormats(t *testing.T) {
	for _, tc := range []struct {
		f          Format
		file       string
		want       []string
		unresolved string
	}{
		{GDELT1, "gdelt1-valid.tsv", []string{
			"evt-gdelt1--iran--negotiates_with--united-states--2013-04-02",
			"evt-gdelt1--iran--criticizes--united-states--2013-04-03",
			"evt-gdelt1--oman--mediates--iran--2013-03-01",
		}, ""},
		{PLOVER, "plover-valid.jsonl", []string{
			"evt-plover--iran--negotiates_with--united-states--2025-04-12",
			"evt-plover--united-states--sanctions--iran--2025-04-10",
			"evt-plover--hezbollah--attacks--israel--2025-04-10", // by name
		}, "OMN"}, // a person of Oman with a QID no actor holds: not the state
		{ICEWS, "icews-valid.tsv", []string{
			"evt-icews--united-states--sanctions--iran--2019-05-08",
			"evt-icews--iran--criticizes--united-states--2019-05-09",
			"evt-icews--oman--mediates--iran--2019-05-11",
		}, ""},
		{ACLED, "acled-valid.csv", []string{
			"evt-acled--israel--attacks--iran--2024-04-19",
			"evt-acled--iran--attacks--israel--2024-04-13",
			"evt-acled--hezbollah--attacks--israel--2024-04-21",
		}, ""},
	} {
		t.Run(string(tc.f), func(t *testing.T) {
			s := seeded(t)
			sum, err := ingestFiles(t, s, tc.f, Options{}, tc.file)
			if err != nil {
				t.Fatal(err)
			}
			got := derived(t, s)
			for _, id := range tc.want {
				if _, ok := got[id]; !ok {
					t.Errorf("no %s; derived: %v; summary %+v", id, keys(got), sum)
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("derived %v, want %v", keys(got), tc.want)
			}
			if tc.unresolved != "" && (len(sum.Unresolved) == 0 || sum.Unresolved[0].Code != tc.unresolved) {
				t.Errorf("unresolved %+v, want %s", sum.Unresolved, tc.unresolved)
			}
		})
	}
}
