package api_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/api"
	"github.com/detente/detente/ingest"
	detenteseed "github.com/detente/detente/seed"
)

func eventFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sameAsCommand checks that an answer is detente ingest's summary: it
// decodes into ingest.Summary with no field left over, and encodes back
// to the same JSON.
func sameAsCommand(t *testing.T, body []byte) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var sum ingest.Summary
	if err := dec.Decode(&sum); err != nil {
		t.Fatalf("the answer is not ingest's summary: %v\n%s", err, body)
	}
	again, _ := json.Marshal(sum)
	var a, b any
	json.Unmarshal(body, &a)
	json.Unmarshal(again, &b)
	if diff := cmp.Diff(b, a); diff != "" {
		t.Errorf("the answer differs from ingest's summary (-command +api):\n%s", diff)
	}
}

func eventIDs(items []api.Event) []string {
	out := make([]string, len(items))
	for i, e := range items {
		out[i] = e.ID
	}
	return out
}

// TestEvents: a GDELT file POSTed on the shipped data is stored and folded
// as detente ingest does; its events are listed with their provenance,
// filtered and paged; a derived tie lists its events; posting it again
// adds nothing; a malformed file is refused naming its line and column,
// and one of another format at once, nothing written either way.
func TestEvents(t *testing.T) {
	for name, st := range stores(t) {
		t.Run(name, func(t *testing.T) {
			if _, err := detenteseed.Load(t.Context(), st); err != nil {
				t.Fatal(err)
			}
			e := newEnv(t, st, api.Config{})
			tsv := []string{"Content-Type", "text/tab-separated-values"}
			before := e.export()

			// Refused, nothing written: a malformed row (strict by default),
			// a file of another format, a bad or missing format, a body of
			// another media type.
			valid := eventFile(t, "gdelt2-valid.tsv")
			bad := strings.Replace(valid, "1100000003\t20250412", "1100000003\t20251341", 1) // line 3, no such day
			if bad == valid {
				t.Fatal("the sample changed")
			}
			p := problem(t, e.do("POST", "/api/v1/events?format=gdelt", bad, tsv...), 400, api.ProblemValidation)
			wantPaths(t, p, "line 3, column SQLDATE")
			if !strings.Contains(p.Detail, "line 3, column SQLDATE") {
				t.Errorf("malformed file: %+v", p)
			}
			p = problem(t, e.do("POST", "/api/v1/events?format=gdelt", eventFile(t, "gdelt1-valid.tsv"), tsv...), 400, api.ProblemValidation)
			wantPaths(t, p, "format")
			if !strings.Contains(p.Detail, "gdelt1") {
				t.Errorf("wrong format: %s", p.Detail)
			}
			p = problem(t, e.do("POST", "/api/v1/events?format=cameo", eventFile(t, "gdelt2-valid.tsv"), tsv...), 400, api.ProblemInvalidParameter)
			wantPaths(t, p, "format")
			p = problem(t, e.do("POST", "/api/v1/events", eventFile(t, "gdelt2-valid.tsv"), tsv...), 400, api.ProblemInvalidParameter)
			wantPaths(t, p, "format")
			problem(t, e.do("POST", "/api/v1/events?format=gdelt", eventFile(t, "gdelt2-valid.tsv"), "Content-Type", "application/json"), 415, api.ProblemMediaType)
			if e.export() != before {
				t.Fatal("a refused event file wrote something")
			}
			var list api.EventList
			e.must(200, "GET", "/api/v1/events", "", &list)
			if len(list.Items) != 0 {
				t.Fatalf("events stored by refused files: %v", eventIDs(list.Items))
			}

			var sum api.IngestSummary
			rec := e.must(200, "POST", "/api/v1/events?format=gdelt", eventFile(t, "gdelt2-valid.tsv"), &sum, tsv...)
			sameAsCommand(t, rec.Body.Bytes())
			if sum.Events != 8 || sum.New != 8 || sum.Duplicates != 0 || sum.Folded != 5 || sum.Relationships.Created != 3 ||
				len(sum.Unresolved) != 1 || sum.Unresolved[0].Code != "IRNOPP" {
				t.Errorf("summary %+v", sum)
			}

			// Every event, paged three at a time, with its provenance.
			var all []api.Event
			for cursor, pages := "", 0; ; pages++ {
				if pages > 5 {
					t.Fatal("paging does not end")
				}
				e.must(200, "GET", "/api/v1/events?limit=3&cursor="+cursor, "", &list)
				all = append(all, list.Items...)
				if list.NextCursor == "" {
					break
				}
				cursor = list.NextCursor
			}
			want := []string{"gdelt:1100000001", "gdelt:1100000002", "gdelt:1100000003", "gdelt:1100000004",
				"gdelt:1100000005", "gdelt:1100000006", "gdelt:1100000007", "gdelt:1100000008"}
			if got := eventIDs(all); !slices.Equal(got, want) {
				t.Fatalf("events %v, want %v", got, want)
			}
			first := all[1]
			if first.Format != "gdelt" || first.SourceID != "1100000002" || first.Date != "2025-04-12" ||
				first.URL != "https://www.reuters.example/world/talks-muscat" || first.Code != "046" ||
				first.Source != "united-states" || first.Target != "iran" || first.Type != "negotiates_with" ||
				first.Relationship != "evt-gdelt--iran--negotiates_with--united-states--2025-04-05" || first.Score == nil || *first.Score != 7 {
				t.Errorf("event %+v", first)
			}

			for _, c := range []struct {
				query string
				want  []string
			}{
				{"actor=iran", want[:5]},
				{"target=iran&from=2025-04-10", []string{"gdelt:1100000002", "gdelt:1100000004", "gdelt:1100000005"}},
				{"type=threatens", []string{"gdelt:1100000005"}},
				{"actor=united-states&to=2025-04-09", []string{"gdelt:1100000001", "gdelt:1100000006", "gdelt:1100000007"}}, // 7 is one-sided
				{"actor=russia", []string{}},
			} {
				e.must(200, "GET", "/api/v1/events?"+c.query, "", &list)
				if got := eventIDs(list.Items); !slices.Equal(got, c.want) {
					t.Errorf("%s: %v, want %v", c.query, got, c.want)
				}
			}
			wantPaths(t, problem(t, e.do("GET", "/api/v1/events?actor=Iran&from=2025-13-01", ""), 400, api.ProblemInvalidParameter), "actor", "from")
			wantPaths(t, problem(t, e.do("GET", "/api/v1/events?cursor=nonsense", ""), 400, api.ProblemInvalidParameter), "cursor")
			wantPaths(t, problem(t, e.do("GET", "/api/v1/events?from=2025-05-01&to=2025-04-01", ""), 400, api.ProblemInvalidParameter), "to")

			// A derived tie's events, two at a time; a curated tie has none;
			// a missing one is 404.
			rel := "/api/v1/relationships/evt-gdelt--iran--negotiates_with--united-states--2025-04-05/events"
			e.must(200, "GET", rel+"?limit=2", "", &list)
			if got := eventIDs(list.Items); !slices.Equal(got, want[:2]) || list.NextCursor == "" {
				t.Fatalf("first page %v, next %q", got, list.NextCursor)
			}
			e.must(200, "GET", rel+"?limit=2&cursor="+list.NextCursor, "", &list)
			if got := eventIDs(list.Items); !slices.Equal(got, want[2:3]) || list.NextCursor != "" {
				t.Fatalf("second page %v, next %q", got, list.NextCursor)
			}
			var rels api.RelationshipList
			e.must(200, "GET", "/api/v1/relationships?limit=1&source=united-states&type=sanctions", "", &rels)
			if len(rels.Items) != 1 || strings.HasPrefix(rels.Items[0].ID, "evt-") {
				t.Fatalf("no curated tie: %+v", rels.Items)
			}
			e.must(200, "GET", "/api/v1/relationships/"+rels.Items[0].ID+"/events", "", &list)
			if len(list.Items) != 0 {
				t.Errorf("a curated tie has events %v", eventIDs(list.Items))
			}
			problem(t, e.do("GET", "/api/v1/relationships/no-such-tie/events", ""), 404, api.ProblemNotFound)

			// Again: nothing new, nothing changed.
			after := e.export()
			e.must(200, "POST", "/api/v1/events?format=gdelt", eventFile(t, "gdelt2-valid.tsv"), &sum, "Content-Type", "application/octet-stream")
			if sum.Events != 8 || sum.New != 0 || sum.Duplicates != 8 || sum.Relationships.Created != 0 || sum.Relationships.Unchanged != 3 {
				t.Errorf("second post: %+v", sum)
			}
			if e.export() != after {
				t.Error("posting the same file again changed the graph")
			}
			e.must(200, "GET", "/api/v1/events?limit=100", "", &list)
			if len(list.Items) != 8 {
				t.Errorf("%d events after a second post, want 8", len(list.Items))
			}

			// The other formats, in their media types, stored under their own
			// prefix.
			for _, c := range []struct{ format, file, media string }{
				{"plover", "plover-valid.jsonl", "application/x-ndjson"},
				{"acled", "acled-valid.csv", "text/csv"},
				{"icews", "icews-valid.tsv", "text/tab-separated-values"},
			} {
				e.must(200, "POST", "/api/v1/events?format="+c.format, eventFile(t, c.file), &sum, "Content-Type", c.media)
				if sum.Events == 0 || sum.New != sum.Events || sum.Skipped != 0 {
					t.Errorf("%s: %+v", c.format, sum)
				}
				e.must(200, "GET", "/api/v1/events?limit=1000", "", &list)
				n := 0
				for _, ev := range list.Items {
					if ev.Format == c.format {
						n++
					}
				}
				if n != sum.New {
					t.Errorf("%s: %d events listed, %d stored", c.format, n, sum.New)
				}
			}

			// strict=false skips and counts the malformed rows.
			e.must(200, "POST", "/api/v1/events?format=gdelt&strict=false", eventFile(t, "gdelt2-malformed.tsv"), &sum, tsv...)
			if sum.Skipped != 10 || len(sum.Errors) != 10 || !strings.Contains(sum.Errors[0], "line 2") {
				t.Errorf("strict=false: %+v", sum)
			}
		})
	}
}
