package storetest

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphtest"
)

// dated is rel with a validity (empty strings: open).
func dated(id, src, dst, from, to string) graph.Relationship {
	r := rel(id, src, "supports", dst, 0.5)
	if from != "" {
		r.ValidFrom = graphtest.DatePtr(from)
	}
	if to != "" {
		r.ValidTo = graphtest.DatePtr(to)
	}
	return r
}

// testPathsTemporal: mode=temporal keeps the paths whose ties can be used
// in time order and ranks them. a>f>c never coexisted (a-f ended in 2001,
// f-c began in 2005) but influence could travel along it, arriving first;
// a>d>c is no answer (d-c ended before a-d began).
func testPathsTemporal(t *testing.T, s *graph.Store) {
	seedActors(t, s, "a", "b", "c", "d", "e", "f")
	seedRels(t, s,
		dated("ab", "a", "b", "2010-01-01", "2014-06-30"),
		dated("bc", "b", "c", "2014-01-01", "2015-12-31"),
		dated("ad", "a", "d", "2016-01-01", ""),
		dated("dc", "d", "c", "", "2014-12-31"),
		dated("ae", "a", "e", "", ""),
		dated("ec", "e", "c", "2013-01-01", "2013-03-31"),
		dated("af", "a", "f", "2000-01-01", "2001-12-31"),
		dated("fc", "f", "c", "2005-01-01", ""),
		dated("ac", "a", "c", "2020-01-01", ""),
	)
	day := func(s string) *graph.Date {
		if s == "" {
			return nil
		}
		return graphtest.DatePtr(s)
	}
	type want struct {
		seq   string
		times []string // "" is an open day
	}
	q := func(order graph.TemporalOrder, start, end string) graph.PathQuery {
		return graph.PathQuery{From: "a", To: "c", Mode: graph.ModeTemporal, Order: order, Start: day(start), End: day(end)}
	}
	for _, c := range []struct {
		name string
		q    graph.PathQuery
		want []want
	}{
		{"earliest arrival (the default)", q("", "", ""), []want{
			{"a>f>c", []string{"2000-01-01", "2005-01-01"}},
			{"a>e>c", []string{"", "2013-01-01"}},
			{"a>b>c", []string{"2010-01-01", "2014-01-01"}},
			{"a>c", []string{"2020-01-01"}}}},
		{"latest departure", q(graph.LatestDeparture, "", ""), []want{
			{"a>c", []string{""}},
			{"a>b>c", []string{"2014-06-30", "2015-12-31"}},
			{"a>e>c", []string{"2013-03-31", "2013-03-31"}},
			{"a>f>c", []string{"2001-12-31", ""}}}},
		{"fewest hops", q(graph.FewestHops, "", ""), []want{
			{"a>c", []string{"2020-01-01"}},
			{"a>f>c", []string{"2000-01-01", "2005-01-01"}},
			{"a>e>c", []string{"", "2013-01-01"}},
			{"a>b>c", []string{"2010-01-01", "2014-01-01"}}}},
		{"from a start", q("", "2013-06-01", ""), []want{
			{"a>b>c", []string{"2013-06-01", "2014-01-01"}},
			{"a>c", []string{"2020-01-01"}}}},
		{"by an end", q("", "", "2010-12-31"), []want{
			{"a>f>c", []string{"2000-01-01", "2005-01-01"}}}},
		{"latest departure by an end", q(graph.LatestDeparture, "", "2013-02-01"), []want{
			{"a>e>c", []string{"2013-02-01", "2013-02-01"}},
			{"a>f>c", []string{"2001-12-31", "2013-02-01"}}}},
		{"a limit", func() graph.PathQuery { x := q("", "", ""); x.Limit = 1; return x }(), []want{
			{"a>f>c", []string{"2000-01-01", "2005-01-01"}}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			paths := must[[]graph.Path](t)(s.Paths(ctx, c.q))
			got := []want{}
			for _, p := range paths {
				w := want{seq: actorSeqs([]graph.Path{p})[0]}
				for _, d := range p.Times {
					if d == nil {
						w.times = append(w.times, "")
					} else {
						w.times = append(w.times, d.String())
					}
				}
				got = append(got, w)
				if from, to := p.Window.From, p.Window.To; from != p.Times[0] || to != p.Times[len(p.Times)-1] {
					t.Errorf("%s: window %v, times %v", w.seq, p.Window, w.times)
				}
			}
			if diff := cmp.Diff(c.want, got, cmp.AllowUnexported(want{})); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
		})
	}
	// Over all of history the other modes need ties that coexisted:
	// a>f>c is not among them.
	all := must[[]graph.Path](t)(s.Paths(ctx, graph.PathQuery{From: "a", To: "c", Mode: graph.ModeAll}))
	if diff := cmp.Diff([]string{"a>c", "a>b>c", "a>e>c"}, actorSeqs(all)); diff != "" {
		t.Errorf("mode all (-want +got):\n%s", diff)
	}
	for _, c := range []struct {
		name  string
		q     graph.PathQuery
		field string
	}{
		{"as_of", graph.PathQuery{From: "a", To: "c", Mode: graph.ModeTemporal, AsOf: day("2020-01-01")}, "as_of"},
		{"end before start", q("", "2020-01-01", "2019-01-01"), "end"},
		{"unknown order", q("soonest", "", ""), "order"},
		{"order without temporal", graph.PathQuery{From: "a", To: "c", Order: graph.FewestHops}, "order"},
		{"start without temporal", graph.PathQuery{From: "a", To: "c", Mode: graph.ModeAll, Start: day("2020-01-01")}, "start"},
		{"k with temporal", graph.PathQuery{From: "a", To: "c", Mode: graph.ModeTemporal, K: 2}, "k"},
	} {
		t.Run("error "+c.name, func(t *testing.T) {
			_, err := s.Paths(ctx, c.q)
			wantFields(t, wantCode(t, err, graph.EINVALID), c.field)
		})
	}
}
