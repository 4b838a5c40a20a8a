package api_test

import (
	"strings"
	"testing"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph/graphtest"
)

// TestAnalysesAsOf: every analysis answers for one day, states it, and
// without as_of uses the server's analysis date; as_of=all reads all of
// history, with a path's ties having coexisted.
//
// The world: a-b ended in 2010, b-c began in 2015, a-d-b overlapped in 2019.
func TestAnalysesAsOf(t *testing.T) {
	day := graphtest.MustDate("2019-06-01")
	e := newEnv(t, memStore(t), api.Config{AsOf: &day})
	for _, id := range []string{"a", "b", "c", "d"} {
		e.must(201, "POST", "/api/v1/actors", `{"id":"`+id+`","name":"`+strings.ToUpper(id)+`","kind":"state"}`, nil)
	}
	for _, r := range []string{
		`{"id":"ab","source":"a","target":"b","type":"supports","valid_to":"2010-12-31"}`,
		`{"id":"bc","source":"b","target":"c","type":"supports","valid_from":"2015-01-01"}`,
		`{"id":"ad","source":"a","target":"d","type":"supports","valid_from":"2018-01-01","valid_to":"2020-06-30"}`,
		`{"id":"db","source":"d","target":"b","type":"supports","valid_from":"2019-03-01"}`,
	} {
		e.must(201, "POST", "/api/v1/relationships", r, nil)
	}

	analyses := []string{
		"/api/v1/paths?from=a&to=c",
		"/api/v1/influence",
		"/api/v1/actors/a/influence",
		"/api/v1/mediators?between=a,b",
		"/api/v1/blocs",
		"/api/v1/balance",
	}
	for _, tc := range []struct{ query, want string }{
		{"", "2019-06-01"},
		{"as_of=2009-01-01", "2009-01-01"},
		{"as_of=all", "all"},
	} {
		for _, path := range analyses {
			if tc.query == "as_of=all" && strings.HasPrefix(path, "/api/v1/mediators") {
				// Mediators weigh the ties active on one day.
				wantPaths(t, problem(t, e.do("GET", path+"&as_of=all", ""), 400, "invalid-parameter"), "as_of")
				continue
			}
			url := path
			if tc.query != "" {
				url += map[bool]string{true: "&", false: "?"}[strings.Contains(path, "?")] + tc.query
			}
			var got struct {
				AsOf string `json:"as_of"`
			}
			e.must(200, "GET", url, "", &got)
			if got.AsOf != tc.want {
				t.Errorf("%s: as_of %q, want %q", url, got.AsOf, tc.want)
			}
		}
	}

	var ps api.PathList
	e.must(200, "GET", "/api/v1/paths?from=a&to=c&mode=all", "", &ps)
	if len(ps.Paths) != 1 || ps.Paths[0].Explanation != "A —supports (2018-01-01 to 2020-06-30)→ D —supports (since 2019-03-01)→ B —supports (since 2015-01-01)→ C" {
		t.Fatalf("as of the analysis date: %+v", ps.Paths)
	}
	e.must(200, "GET", "/api/v1/paths?from=a&to=c&as_of=all", "", &ps)
	if len(ps.Paths) != 1 || len(ps.Paths[0].Actors) != 4 {
		t.Fatalf("all of history: the two-hop path's ties never coexisted: %+v", ps.Paths)
	}
	if p := ps.Paths[0]; p.ValidFrom == nil || *p.ValidFrom != "2019-03-01" || p.ValidTo == nil || *p.ValidTo != "2020-06-30" {
		t.Fatalf("window %v-%v", p.ValidFrom, p.ValidTo)
	}
	e.must(200, "GET", "/api/v1/paths?from=a&to=b&as_of=2009-01-01", "", &ps)
	if len(ps.Paths) != 1 || len(ps.Paths[0].Actors) != 2 {
		t.Fatalf("as of 2009: %+v", ps.Paths)
	}

	// A bad as_of is refused under its name, with the accepted forms.
	for _, path := range analyses {
		sep := map[bool]string{true: "&", false: "?"}[strings.Contains(path, "?")]
		p := problem(t, e.do("GET", path+sep+"as_of=2019-02-30", ""), 400, "invalid-parameter")
		wantPaths(t, p, "as_of")
		if !strings.Contains(p.Errors[0].Message, "or all") {
			t.Errorf("%s: %q", path, p.Errors[0].Message)
		}
	}
}
