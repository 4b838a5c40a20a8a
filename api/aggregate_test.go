package api_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/detente/detente/api"
	detenteseed "github.com/detente/detente/seed"
)

// TestEventsAggregate: POST /events?format=aggregate with the sample GDELT
// file pre-aggregated (by bench/aggregate_gdelt.py) derives the same
// relationships as the file itself, and a malformed row is a 400 naming
// its line and column with nothing written.
func TestEventsAggregate(t *testing.T) {
	tsv := []string{"Content-Type", "text/tab-separated-values"}
	exports := map[string]string{}
	for _, c := range []struct{ format, file string }{{"gdelt", "gdelt2-valid.tsv"}, {"aggregate", "gdelt2-valid.aggregate.tsv"}} {
		st := memStore(t)
		if _, err := detenteseed.Load(t.Context(), st); err != nil {
			t.Fatal(err)
		}
		e := newEnv(t, st, api.Config{})
		if c.format == "aggregate" {
			before := e.export()
			bad := strings.Replace(eventFile(t, c.file), "\t036\t1\t", "\t036\t0\t", 1)
			p := problem(t, e.do("POST", "/api/v1/events?format=aggregate", bad, tsv...), 400, api.ProblemValidation)
			wantPaths(t, p, "line 4, column events")
			if e.export() != before {
				t.Fatal("a refused aggregate file wrote something")
			}
		}
		var sum api.IngestSummary
		e.must(200, "POST", "/api/v1/events?format="+c.format, eventFile(t, c.file), &sum, tsv...)
		if sum.Relationships.Created != 3 || sum.Events != 8 || sum.Folded != 5 {
			t.Errorf("%s: %+v", c.format, sum)
		}
		var b struct {
			Relationships []map[string]any `json:"relationships"`
		}
		json.Unmarshal([]byte(e.export()), &b)
		var rels []string
		for _, r := range b.Relationships {
			if strings.HasPrefix(r["id"].(string), "evt-") {
				delete(r, "created_at") // the wall clock's
				delete(r, "updated_at")
				j, _ := json.Marshal(r)
				rels = append(rels, string(j))
			}
		}
		exports[c.format] = strings.Join(rels, "\n")
	}
	if exports["gdelt"] != exports["aggregate"] || exports["gdelt"] == "" {
		t.Errorf("derived relationships differ:\nevents:    %s\naggregate: %s", exports["gdelt"], exports["aggregate"])
	}
}
