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
		// Time-respecting paths: every tie used on a day within its
		// validity, the days in path order, the last by the analysis date
		// (the seeded scenario's cut-off); ranked by arrival.
		var temporal api.PathList
		e.must(200, "GET", "/api/v1/paths?from=united-states&to=houthis&mode=temporal&max_hops=3&limit=1000", "", &temporal)
		if temporal.AsOf != "all" || len(temporal.Paths) == 0 {
			t.Fatalf("temporal: as_of %q, %d paths", temporal.AsOf, len(temporal.Paths))
		}
		var lastArrival string
		for _, p := range temporal.Paths {
			if len(p.Times) != p.Hops {
				t.Fatalf("temporal path with %d times for %d ties: %+v", len(p.Times), p.Hops, p)
			}
			prev := ""
			for i, d := range p.Times {
				r := p.Relationships[i]
				if d == nil {
					if i > 0 && prev != "" || r.ValidFrom != nil {
						t.Fatalf("open day after a bounded one, or on a tie with a start: %+v", p)
					}
					continue
				}
				if *d < prev || (r.ValidFrom != nil && *d < *r.ValidFrom) || (r.ValidTo != nil && *d > *r.ValidTo) || *d > "2025-04-12" {
					t.Fatalf("day %s of tie %s (%v..%v) after %q: %s", *d, r.ID, r.ValidFrom, r.ValidTo, prev, p.Explanation)
				}
				prev = *d
			}
			if prev < lastArrival {
				t.Fatalf("not ranked by arrival: %s after %s", prev, lastArrival)
			}
			lastArrival = prev
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
			{"as_of with temporal", "from=iran&to=houthis&mode=temporal&as_of=2020-01-01", 400, "invalid-parameter", []string{"as_of"}},
			{"order without temporal", "from=iran&to=houthis&order=fewest_hops", 400, "invalid-parameter", []string{"order"}},
			{"bad order", "from=iran&to=houthis&mode=temporal&order=soonest", 400, "invalid-parameter", []string{"order"}},
			{"end before start", "from=iran&to=houthis&mode=temporal&start=2020-01-01&end=2019-01-01", 400, "invalid-parameter", []string{"end"}},
			{"bad start", "from=iran&to=houthis&mode=temporal&start=2020-02-30", 400, "invalid-parameter", []string{"start"}},
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
