package seed

import (
	"bytes"
	"context"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphtest"
)

// articlePaths lists where the scenario's source article may be read: the
// copy kept in testdata first, then the shared original next to the repo.
var articlePaths = []string{
	"testdata/us-iran-talks.txt",
	"../../shared/sources/us-iran-talks.txt",
}

// article returns the article's title (its first line) and full text.
func article(t *testing.T) (title, text string) {
	t.Helper()
	for _, p := range articlePaths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		text = string(b)
		title, _, _ = strings.Cut(text, "\n")
		return strings.TrimSpace(title), text
	}
	t.Fatalf("the source article is not readable at any of %v", articlePaths)
	return "", ""
}

func scenario(t *testing.T) graph.Batch {
	t.Helper()
	b, err := Scenario()
	if err != nil {
		t.Fatalf("Scenario: %v", err)
	}
	return b
}

func registry() graph.Registry { return graph.NewRegistry(graph.BuiltinTypes()) }

func TestScenarioDecodes(t *testing.T) {
	b := scenario(t)
	if len(b.Actors) == 0 || len(b.Relationships) == 0 {
		t.Fatalf("empty scenario: %d actors, %d relationships", len(b.Actors), len(b.Relationships))
	}
	if len(b.RelationshipTypes) != 0 {
		t.Errorf("the scenario brings %d relationship types; it should use the built-in registry only", len(b.RelationshipTypes))
	}
}

func TestScenarioReturnsAFreshBatch(t *testing.T) {
	b := scenario(t)
	b.Actors[0].Name = "changed"
	b.Relationships = nil
	again := scenario(t)
	if again.Actors[0].Name == "changed" || len(again.Relationships) == 0 {
		t.Fatal("Scenario returned a batch sharing state with an earlier call")
	}
}

func TestScenarioDecodesStrictly(t *testing.T) {
	orig := scenarioJSON
	t.Cleanup(func() { scenarioJSON = orig })
	for _, tc := range []struct{ name, json string }{
		{"unknown field", `{"actors": [], "relationships": [], "extra": 1}`},
		{"unknown nested field", `{"actors": [{"id": "x", "name": "X", "kind": "state", "colour": "red"}], "relationships": []}`},
		{"trailing data", `{"actors": [], "relationships": []} {}`},
		{"bad date", `{"actors": [], "relationships": [{"id": "r", "valid_from": "2015-7-14"}]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			scenarioJSON = []byte(tc.json)
			if _, err := Scenario(); err == nil {
				t.Fatal("Scenario accepted invalid data")
			}
		})
	}
}

func TestScenarioPassesValidation(t *testing.T) {
	b := scenario(t)
	if err := b.Prepare(registry(), nil); err != nil {
		t.Fatalf("Prepare: %v", err)
	}
}

func TestScenarioCarriesNoTimestamps(t *testing.T) {
	for _, field := range []string{`"created_at"`, `"updated_at"`, `"builtin"`} {
		if bytes.Contains(scenarioJSON, []byte(field)) {
			t.Errorf("scenario.json contains %s: stores stamp records themselves", field)
		}
	}
}

func TestScenarioSize(t *testing.T) {
	b := scenario(t)
	if n := len(b.Relationships); n < 150 {
		t.Errorf("%d relationships, want at least 150", n)
	}
	if n := len(b.Actors); n < 25 {
		t.Errorf("%d actors, want at least 25", n)
	}
	types := map[string]int{}
	for _, r := range b.Relationships {
		types[r.Type]++
	}
	if len(types) < 10 {
		t.Errorf("%d distinct relationship types, want at least 10: %v", len(types), types)
	}
	for _, want := range []string{"supports", "sanctions", "mediates", "negotiates_with", "attacks", "hostile_to", "member_of", "criticizes", "appeals_to"} {
		if types[want] == 0 {
			t.Errorf("no %s relationship", want)
		}
	}
}

func TestRelationshipIDsAreDerived(t *testing.T) {
	for _, r := range scenario(t).Relationships {
		if want := graph.RelationshipID(r.Source, r.Type, r.Target, r.ValidFrom); r.ID != want {
			t.Errorf("relationship id %q, want the derived id %q", r.ID, want)
		}
	}
}

func TestSymmetricTiesAreNotMirrored(t *testing.T) {
	reg := registry()
	seen := map[string]string{}
	for _, r := range scenario(t).Relationships {
		typ, _ := reg.Get(r.Type)
		if !typ.Symmetric {
			continue
		}
		a, b := r.Source, r.Target
		if b < a {
			a, b = b, a
		}
		key := a + "|" + r.Type + "|" + b
		if r.ValidFrom != nil {
			key += "|" + r.ValidFrom.String()
		}
		if other, ok := seen[key]; ok {
			t.Errorf("symmetric %s tie stated twice: %s and %s", r.Type, other, r.ID)
		}
		seen[key] = r.ID
	}
}

func TestEveryRelationshipIsSourced(t *testing.T) {
	title, text := article(t)
	cited := 0
	for _, r := range scenario(t).Relationships {
		if len(r.Sources) == 0 {
			t.Errorf("%s has no source", r.ID)
			continue
		}
		for i, c := range r.Sources {
			if strings.TrimSpace(c.Title) == "" {
				t.Errorf("%s: source %d has no title", r.ID, i)
			}
			if c.Title != title {
				continue
			}
			cited++
			if c.Quote == "" {
				t.Errorf("%s: cites the article without a quote", r.ID)
			} else if !strings.Contains(text, c.Quote) {
				t.Errorf("%s: quote is not verbatim in the article: %q", r.ID, c.Quote)
			}
			if c.URL != "" {
				t.Errorf("%s: the article gives no URL, but the citation has %q", r.ID, c.URL)
			}
		}
	}
	if cited < 15 {
		t.Errorf("only %d citations of the article %q; the scenario should cover what it says", cited, title)
	}
}

// TestMostTiesAreDated: at least 90% of the relationships have a start or
// an end date (issue #17). An undated tie holds on every day, so each one
// left undated says why in its note.
func TestMostTiesAreDated(t *testing.T) {
	rels := scenario(t).Relationships
	dated := 0
	for _, r := range rels {
		if r.ValidFrom != nil || r.ValidTo != nil {
			dated++
			continue
		}
		if !strings.Contains(strings.ToLower(r.Note), "undated") {
			t.Errorf("%s is undated and its note does not say why", r.ID)
		}
	}
	if share := float64(dated) / float64(len(rels)); share < 0.9 {
		t.Errorf("%d of %d relationships dated (%.1f%%), want at least 90%%", dated, len(rels), 100*share)
	}
}

// TestIssue17Ties checks ties the public record requires that the first
// version of the scenario lacked (issue #17).
func TestIssue17Ties(t *testing.T) {
	b, reg := scenario(t), registry()
	for _, tc := range []struct{ source, typ, target string }{
		{"houthis", "attacks", "united-states"},
		{"united-states", "sanctions", "houthis"},
		{"iaea", "monitors", "iran"},
		{"iaea", "criticizes", "iran"},
		{"iran", "opposes", "iaea"},
		{"switzerland", "mediates", "united-states"},
		{"switzerland", "mediates", "iran"},
		{"iraq", "opposes", "united-states"},
		{"popular-mobilization-forces", "member_of", "iraq"},
		{"iraq", "mediates", "saudi-arabia"},
		{"kataib-hezbollah", "attacks", "united-states"},
		{"united-states", "attacks", "quds-force"},
		{"irgc", "attacks", "united-states"},
		{"iran", "supports", "hamas"},
		{"hamas", "attacks", "israel"},
		{"israel", "attacks", "hamas"},
		{"israel", "attacks", "hezbollah"},
		{"israel", "opposes", "united-states"},
		{"russia", "opposes", "united-states"},
		{"china", "opposes", "united-states"},
		{"china", "funds", "iran"},
		{"oman", "mediates", "united-states"},
		{"european-union", "mediates", "united-states"},
	} {
		if !has(b, reg, tc.source, tc.typ, tc.target, "") {
			t.Errorf("no %s -%s-> %s", tc.source, tc.typ, tc.target)
		}
	}
	// The EU's mediation of the Vienna talks ended when they stalled.
	for _, r := range b.Relationships {
		if r.ID == "european-union--mediates--united-states--2021-04-06" && (r.ValidTo == nil || r.ValidTo.String() != "2022-09-01") {
			t.Errorf("%s: valid_to %s, want 2022-09-01", r.ID, dateString(r.ValidTo))
		}
	}
}

func TestThinEvidenceIsExplained(t *testing.T) {
	for _, r := range scenario(t).Relationships {
		if r.Confidence < 0.9 && strings.TrimSpace(r.Note) == "" {
			t.Errorf("%s has confidence %.2f but no note saying why", r.ID, r.Confidence)
		}
	}
}

func TestRequiredActors(t *testing.T) {
	actors := map[string]graph.Actor{}
	for _, a := range scenario(t).Actors {
		actors[a.ID] = a
	}
	for _, tc := range []struct{ id, kind, country string }{
		{"united-states", "state", "USA"},
		{"iran", "state", "IRN"},
		{"russia", "state", "RUS"},
		{"china", "state", "CHN"},
		{"european-union", "igo", ""},
		{"france", "state", "FRA"},
		{"germany", "state", "DEU"},
		{"united-kingdom", "state", "GBR"},
		{"united-nations", "igo", ""},
		{"un-security-council", "igo", ""},
		{"israel", "state", "ISR"},
		{"saudi-arabia", "state", "SAU"},
		{"irgc", "armed_group", "IRN"},
		{"quds-force", "armed_group", "IRN"},
		{"hezbollah", "armed_group", "LBN"},
		{"houthis", "armed_group", "YEM"},
		{"kataib-hezbollah", "armed_group", "IRQ"},
		{"popular-mobilization-forces", "armed_group", "IRQ"},
		{"syria-assad-government", "state", "SYR"},
		{"qasem-soleimani", "person", "IRN"},
		{"iaea", "igo", ""},
		{"switzerland", "state", "CHE"},
		{"iraq", "state", "IRQ"},
		{"hamas", "armed_group", "PSE"},
		{"fatemiyoun", "armed_group", ""},
	} {
		t.Run(tc.id, func(t *testing.T) {
			a, ok := actors[tc.id]
			switch {
			case !ok:
				t.Fatal("missing")
			case string(a.Kind) != tc.kind:
				t.Errorf("kind %q, want %q", a.Kind, tc.kind)
			case a.CountryCode != tc.country:
				t.Errorf("country_code %q, want %q", a.CountryCode, tc.country)
			case a.Description == "" || a.Region == "":
				t.Error("no description or region")
			}
		})
	}
}

// has reports whether the batch holds a source -type-> target relationship
// (either way round for symmetric types) that cites the given title.
func has(b graph.Batch, reg graph.Registry, source, typ, target, title string) bool {
	t, _ := reg.Get(typ)
	for _, r := range b.Relationships {
		if r.Type != typ {
			continue
		}
		if !(r.Source == source && r.Target == target) && !(t.Symmetric && r.Source == target && r.Target == source) {
			continue
		}
		if title == "" || slices.ContainsFunc(r.Sources, func(c graph.Citation) bool { return c.Title == title }) {
			return true
		}
	}
	return false
}

// TestArticleIsCovered checks that each thing the article says is in the
// graph, citing the article.
func TestArticleIsCovered(t *testing.T) {
	title, _ := article(t)
	b, reg := scenario(t), registry()
	for _, tc := range []struct{ source, typ, target string }{
		{"united-states", "hostile_to", "iran"},
		{"united-states", "sanctions", "iran"},
		{"iran", "supports", "fatemiyoun"},
		{"iran", "supports", "kataib-hezbollah"},
		{"iran", "supports", "houthis"},
		{"united-states", "attacks", "qasem-soleimani"},
		{"united-states", "negotiates_with", "iran"},
		{"russia", "supports", "iran"},
		{"china", "supports", "iran"},
		{"russia", "criticizes", "united-states"},
		{"china", "criticizes", "united-states"},
		{"russia", "member_of", "un-security-council"},
		{"china", "member_of", "un-security-council"},
		{"european-union", "mediates", "united-states"},
		{"european-union", "mediates", "iran"},
		{"united-nations", "appeals_to", "united-states"},
		{"united-nations", "appeals_to", "iran"},
		{"united-states", "opposes", "iran"},
		{"iran", "opposes", "united-states"},
	} {
		if !has(b, reg, tc.source, tc.typ, tc.target, title) {
			t.Errorf("no %s -%s-> %s citing the article", tc.source, tc.typ, tc.target)
		}
	}
}

// TestTheUNDoesNotMediate: the article says the UN "called for restraint",
// an appeal, not mediation (issue #17); coding it as mediation made the UN
// the top US–Iran mediator.
func TestTheUNDoesNotMediate(t *testing.T) {
	for _, r := range scenario(t).Relationships {
		if r.Source == "united-nations" && r.Type == "mediates" && (r.Target == "united-states" || r.Target == "iran") {
			t.Errorf("%s: the UN appeals for restraint between the US and Iran; it does not mediate", r.ID)
		}
	}
}

// cutOff returns the scenario's stated cut-off.
func cutOff(t *testing.T) graph.Date {
	t.Helper()
	d, ok := AsOf()
	if !ok {
		t.Fatal("scenario.json has no valid as_of")
	}
	return d
}

func TestAsOf(t *testing.T) {
	if d := cutOff(t); d.String() != "2025-04-12" {
		t.Errorf("AsOf = %s, want 2025-04-12 (the opening of the Muscat talks the article describes)", d)
	}
	if note := AsOfNote(); !strings.Contains(note, "2025-04-12") {
		t.Errorf("as_of_note does not give the reasoning for the cut-off: %q", note)
	}
	// The talks the article describes begin on the cut-off, and hold on it.
	for _, r := range scenario(t).Relationships {
		if r.ID == "united-states--negotiates_with--iran--2025-04-12" && !r.ValidOn(cutOff(t)) {
			t.Errorf("%s does not hold on the cut-off", r.ID)
		}
	}
}

// TestNothingStartsAfterTheCutOff: the scenario describes the world as of
// its cut-off; a tie that ends after it is kept only if the record dates
// that end (a citation published on the end date).
func TestNothingStartsAfterTheCutOff(t *testing.T) {
	asOf := cutOff(t)
	for _, r := range scenario(t).Relationships {
		if r.ValidFrom != nil && asOf.Before(*r.ValidFrom) {
			t.Errorf("%s starts on %s, after the cut-off %s", r.ID, r.ValidFrom, asOf)
		}
		if r.ValidTo == nil || !asOf.Before(*r.ValidTo) {
			continue
		}
		if !slices.ContainsFunc(r.Sources, func(c graph.Citation) bool { return c.Published != nil && *c.Published == *r.ValidTo }) {
			t.Errorf("%s ends on %s, after the cut-off, without a record of that date", r.ID, r.ValidTo)
		}
	}
}

func TestKeyDates(t *testing.T) {
	rels := map[string]graph.Relationship{}
	for _, r := range scenario(t).Relationships {
		rels[r.ID] = r
	}
	for _, tc := range []struct{ id, from, to string }{
		{"united-states--hostile_to--iran--1979-11-04", "1979-11-04", ""},
		{"united-states--negotiates_with--iran--2013-11-24", "2013-11-24", "2015-07-14"},
		{"un-security-council--sanctions--iran--2006-12-23", "2006-12-23", "2016-01-16"},
		{"european-union--sanctions--iran--2012-01-23", "2012-01-23", "2016-01-16"},
		{"united-states--sanctions--iran--2018-08-07", "2018-08-07", ""},
		{"united-states--sanctions--iran--2018-11-05", "2018-11-05", ""},
		{"united-states--attacks--qasem-soleimani--2020-01-03", "2020-01-03", "2020-01-03"},
		{"qasem-soleimani--member_of--quds-force", "", "2020-01-03"},
		{"united-kingdom--member_of--european-union--1973-01-01", "1973-01-01", "2020-01-31"},
		{"iran--allied_with--syria-assad-government--2006-06-15", "2006-06-15", "2024-12-08"},
		{"united-states--negotiates_with--iran--2025-04-12", "2025-04-12", ""},
	} {
		t.Run(tc.id, func(t *testing.T) {
			r, ok := rels[tc.id]
			if !ok {
				t.Fatal("missing")
			}
			if got := dateString(r.ValidFrom); got != tc.from {
				t.Errorf("valid_from %q, want %q", got, tc.from)
			}
			if got := dateString(r.ValidTo); got != tc.to {
				t.Errorf("valid_to %q, want %q", got, tc.to)
			}
		})
	}
}

func dateString(d *graph.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

// TestTiesEndWithTheirActors checks that no tie of an actor that ceased to
// exist outlives it.
func TestTiesEndWithTheirActors(t *testing.T) {
	ends := map[string]graph.Date{
		"syria-assad-government": graphtest.MustDate("2024-12-08"),
		"qasem-soleimani":        graphtest.MustDate("2020-01-03"),
	}
	for _, r := range scenario(t).Relationships {
		for _, id := range []string{r.Source, r.Target} {
			end, ok := ends[id]
			if !ok {
				continue
			}
			if r.ValidTo == nil || end.Before(*r.ValidTo) {
				t.Errorf("%s: valid_to %s, but %s ended on %s", r.ID, dateString(r.ValidTo), id, end)
			}
		}
	}
}

// TestIranProxyTiesArePositive checks that every tie between Iran (or its
// IRGC and Quds Force) and the groups it backs has a positive type, and that
// Iran itself has a tie to each of them.
func TestIranProxyTiesArePositive(t *testing.T) {
	patrons := []string{"iran", "irgc", "quds-force"}
	proxies := []string{"hezbollah", "houthis", "kataib-hezbollah", "popular-mobilization-forces", "syria-assad-government", "fatemiyoun"}
	reg := registry()
	fromIran := map[string]bool{}
	for _, r := range scenario(t).Relationships {
		var proxy string
		switch {
		case slices.Contains(patrons, r.Source) && slices.Contains(proxies, r.Target):
			proxy = r.Target
		case slices.Contains(patrons, r.Target) && slices.Contains(proxies, r.Source):
			proxy = r.Source
		default:
			continue
		}
		if typ, _ := reg.Get(r.Type); typ.Polarity <= 0 {
			t.Errorf("%s: type %s has polarity %d, want positive", r.ID, r.Type, typ.Polarity)
		}
		if r.Source == "iran" {
			fromIran[proxy] = true
		}
	}
	for _, p := range proxies {
		if !fromIran[p] {
			t.Errorf("no tie from iran to %s", p)
		}
	}
}

// neighbours is the undirected adjacency of the scenario, leaving out the
// ties for which skip returns true.
func neighbours(b graph.Batch, skip func(graph.Relationship) bool) map[string][]string {
	adj := map[string][]string{}
	for _, r := range b.Relationships {
		if skip != nil && skip(r) {
			continue
		}
		adj[r.Source] = append(adj[r.Source], r.Target)
		adj[r.Target] = append(adj[r.Target], r.Source)
	}
	return adj
}

// reachable returns the actors reachable from start, breadth first.
func reachable(adj map[string][]string, start string) map[string]bool {
	seen := map[string]bool{start: true}
	queue := []string{start}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, n := range adj[cur] {
			if !seen[n] {
				seen[n] = true
				queue = append(queue, n)
			}
		}
	}
	return seen
}

func TestPaths(t *testing.T) {
	b := scenario(t)
	direct := func(x, y string) func(graph.Relationship) bool {
		return func(r graph.Relationship) bool {
			return (r.Source == x && r.Target == y) || (r.Source == y && r.Target == x)
		}
	}
	for _, tc := range []struct {
		name     string
		from, to string
		skip     func(graph.Relationship) bool
	}{
		{"united-states to houthis", "united-states", "houthis", nil},
		{"united-states to houthis, not directly", "united-states", "houthis", direct("united-states", "houthis")},
		{"united-states to hezbollah", "united-states", "hezbollah", nil},
		{"oman to russia", "oman", "russia", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !reachable(neighbours(b, tc.skip), tc.from)[tc.to] {
				t.Errorf("no path from %s to %s", tc.from, tc.to)
			}
		})
	}
	t.Run("every actor is connected", func(t *testing.T) {
		seen := reachable(neighbours(b, nil), "united-states")
		for _, a := range b.Actors {
			if !seen[a.ID] {
				t.Errorf("%s is not connected to united-states", a.ID)
			}
		}
	})
}

// fakeStore implements the few Driver methods Load and Reset use, with
// the upsert semantics every store's Import has. Other methods panic.
type fakeStore struct {
	graph.Driver
	actors map[string]graph.Actor
	rels   map[string]graph.Relationship
}

func newFakeStore() *fakeStore {
	return &fakeStore{actors: map[string]graph.Actor{}, rels: map[string]graph.Relationship{}}
}

func (f *fakeStore) Import(_ context.Context, b graph.Batch, dryRun bool, now time.Time) (graph.ImportResult, error) {
	existing := map[string]bool{}
	for _, id := range b.ReferencedActors() {
		_, existing[id] = f.actors[id]
	}
	if err := b.Prepare(registry(), existing); err != nil {
		return graph.ImportResult{}, err
	}
	res := graph.ImportResult{DryRun: dryRun}
	for _, a := range b.Actors {
		var old *graph.Actor
		if o, ok := f.actors[a.ID]; ok {
			old = &o
		}
		if a, write := res.Actors.UpsertActor(a, old, now); write && !dryRun {
			f.actors[a.ID] = a
		}
	}
	for _, r := range b.Relationships {
		var old *graph.Relationship
		if o, ok := f.rels[r.ID]; ok {
			old = &o
		}
		if r, write := res.Relationships.UpsertRelationship(r, old, now); write && !dryRun {
			f.rels[r.ID] = r
		}
	}
	return res, nil
}

func (f *fakeStore) Export(context.Context) (graph.Batch, error) {
	var b graph.Batch
	for _, a := range f.actors {
		b.Actors = append(b.Actors, a)
	}
	for _, r := range f.rels {
		b.Relationships = append(b.Relationships, r)
	}
	sort.Slice(b.Actors, func(i, j int) bool { return b.Actors[i].ID < b.Actors[j].ID })
	sort.Slice(b.Relationships, func(i, j int) bool { return b.Relationships[i].ID < b.Relationships[j].ID })
	return b, nil
}

func (f *fakeStore) DeleteRelationship(_ context.Context, id string, check func(graph.Relationship) error) error {
	r, ok := f.rels[id]
	if !ok {
		return graph.Errorf(graph.ENOTFOUND, "relationship %s not found", id)
	}
	if err := check(r); err != nil {
		return err
	}
	delete(f.rels, id)
	return nil
}

func (f *fakeStore) DeleteActor(_ context.Context, id string, check func(graph.Actor, int) error) error {
	a, ok := f.actors[id]
	if !ok {
		return graph.Errorf(graph.ENOTFOUND, "actor %s not found", id)
	}
	var ties []string
	for rid, r := range f.rels {
		if r.Source == id || r.Target == id {
			ties = append(ties, rid)
		}
	}
	if err := check(a, len(ties)); err != nil {
		return err
	}
	for _, rid := range ties {
		delete(f.rels, rid)
	}
	delete(f.actors, id)
	return nil
}

func TestLoadIsIdempotent(t *testing.T) {
	ctx := context.Background()
	b := scenario(t)
	s := newFakeStore()
	first, err := Load(ctx, graph.NewStore(s))
	if err != nil {
		t.Fatalf("first Load: %v", err)
	}
	want := graph.ImportResult{
		Actors:        graph.Counts{Created: len(b.Actors)},
		Relationships: graph.Counts{Created: len(b.Relationships)},
	}
	if first != want {
		t.Errorf("first Load: %+v, want %+v", first, want)
	}
	second, err := Load(ctx, graph.NewStore(s))
	if err != nil {
		t.Fatalf("second Load: %v", err)
	}
	want = graph.ImportResult{
		Actors:        graph.Counts{Unchanged: len(b.Actors)},
		Relationships: graph.Counts{Unchanged: len(b.Relationships)},
	}
	if second != want {
		t.Errorf("second Load: %+v, want %+v", second, want)
	}
}

func TestReset(t *testing.T) {
	ctx := context.Background()
	s := newFakeStore()
	if _, err := Load(ctx, graph.NewStore(s)); err != nil {
		t.Fatalf("Load: %v", err)
	}
	// A record that is not part of the scenario goes too.
	extra := graph.Batch{
		Actors: []graph.Actor{{ID: "turkey", Name: "Turkey", Kind: "state", CountryCode: "TUR"}},
		Relationships: []graph.Relationship{{
			Source: "turkey", Type: "supports", Target: "iran", Weight: 0.5, Confidence: 0.5,
			Sources: []graph.Citation{{Title: "test"}},
		}},
	}
	if _, err := s.Import(ctx, extra, false, time.Now()); err != nil {
		t.Fatalf("Import: %v", err)
	}
	if err := Reset(ctx, graph.NewStore(s)); err != nil {
		t.Fatalf("Reset: %v", err)
	}
	if len(s.actors) != 0 || len(s.rels) != 0 {
		t.Errorf("after Reset: %d actors, %d relationships left", len(s.actors), len(s.rels))
	}
	if err := Reset(ctx, graph.NewStore(s)); err != nil {
		t.Errorf("Reset of an empty store: %v", err)
	}
	if _, err := Load(ctx, graph.NewStore(s)); err != nil {
		t.Errorf("Load after Reset: %v", err)
	}
}

func TestResetStopsWhenCancelled(t *testing.T) {
	s := newFakeStore()
	if _, err := Load(context.Background(), graph.NewStore(s)); err != nil {
		t.Fatalf("Load: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Reset(ctx, graph.NewStore(s)); err == nil {
		t.Error("Reset with a cancelled context returned nil")
	}
}
