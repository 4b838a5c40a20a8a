package api_test

import (
	"context"
	"testing"

	"github.com/detente/detente/api"
	scenariodata "github.com/detente/detente/seed"
)

// scenario loads the shipped scenario into the env's store.
func scenario(t *testing.T, e *env) {
	t.Helper()
	if _, err := scenariodata.Load(context.Background(), e.store); err != nil {
		t.Fatal(err)
	}
}

func TestPaths(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		scenario(t, e)
		var out api.PathList
		e.must(200, "GET", "/api/v1/paths?from=united-states&to=houthis&mode=all_shortest", "", &out)
		if len(out.Paths) == 0 {
			t.Fatal("no path from the United States to the Houthis in the scenario")
		}
		for _, p := range out.Paths {
			if p.Hops != len(p.Relationships) || len(p.Actors) != p.Hops+1 || p.Actors[0] != "united-states" || p.Actors[p.Hops] != "houthis" {
				t.Fatalf("malformed path %+v", p)
			}
			sign := 1
			for i, r := range p.Relationships {
				sign *= r.Sign
				if r.Reversed != (r.Source != p.Actors[i]) {
					t.Fatalf("reversed flag wrong on %+v", r)
				}
			}
			if sign != p.Sign || p.Explanation == "" {
				t.Fatalf("sign %d vs product %d; explanation %q", p.Sign, sign, p.Explanation)
			}
		}
		var avoid api.PathList
		e.must(200, "GET", "/api/v1/paths?from=russia&to=houthis&exclude=iran&as_of=2019-06-01&mode=k_shortest&k=3", "", &avoid)
		for _, p := range avoid.Paths {
			for _, a := range p.Actors {
				if a == "iran" {
					t.Fatalf("exclude=iran ignored: %v", p.Actors)
				}
			}
		}
		var none api.PathList
		e.must(200, "GET", "/api/v1/paths?from=united-states&to=houthis&types=member_of&max_hops=1", "", &none)
		if len(none.Paths) != 0 {
			t.Fatalf("want no path, got %+v", none.Paths)
		}
	})
}

func TestPathsBadInput(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		scenario(t, e)
		cases := []struct {
			name, query string
			status      int
			slug        string
			paths       []string
		}{
			{"missing ends", "", 400, "invalid-parameter", []string{"from", "to"}},
			{"unknown actor", "from=united-states&to=atlantis", 404, "not-found", nil},
			{"same ends", "from=iran&to=iran", 400, "invalid-parameter", []string{"to"}},
			{"unknown type", "from=iran&to=houthis&types=befriends", 400, "invalid-parameter", []string{"types"}},
			{"bad date", "from=iran&to=houthis&as_of=2019-13-01", 400, "invalid-parameter", []string{"as_of"}},
			{"k out of range", "from=iran&to=houthis&mode=k_shortest&k=0", 400, "invalid-parameter", []string{"k"}},
			{"k without k_shortest", "from=iran&to=houthis&k=2", 400, "invalid-parameter", []string{"k"}},
			{"max_hops over the cap", "from=iran&to=houthis&max_hops=11", 400, "invalid-parameter", []string{"max_hops"}},
			{"bad mode", "from=iran&to=houthis&mode=longest", 400, "invalid-parameter", []string{"mode"}},
			{"unknown parameter", "from=iran&to=houthis&depth=2", 400, "invalid-parameter", []string{"depth"}},
			{"bad confidence", "from=iran&to=houthis&min_confidence=1.5", 400, "invalid-parameter", []string{"min_confidence"}},
			{"injection in an id", "from=iran%27%20OR%201%3D1&to=houthis", 400, "invalid-parameter", []string{"from"}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				before := e.export()
				p := problem(t, e.do("GET", "/api/v1/paths?"+c.query, ""), c.status, c.slug)
				if c.paths != nil {
					wantPaths(t, p, c.paths...)
				}
				if e.export() != before {
					t.Fatal("a query changed the graph")
				}
			})
		}
	})
}
