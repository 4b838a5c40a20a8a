package analysis

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphtest"
)

// TestDiff: on a hand-built dated graph, the ties that formed and ended
// between two days, the actors that joined and left, and the measure
// compared with the snapshot answers of both days.
func TestDiff(t *testing.T) {
	ctx := context.Background()
	b := batchOf([]tie{
		{"a", "b", "supports", 0.5},  // undated: always
		{"b", "c", "supports", 0.5},  // 2010..2014: ended
		{"c", "d", "supports", 0.5},  // from 2016: formed, d joins
		{"d", "e", "supports", 0.5},  // 2015..2016: formed and ended
		{"a", "f", "sanctions", 0.5}, // until 2012: ended before from, f absent on both days
	})
	dates := [][2]string{{"", ""}, {"2010-01-01", "2014-12-31"}, {"2016-01-01", ""}, {"2015-03-01", "2016-06-30"}, {"", "2012-12-31"}}
	for i, d := range dates {
		if d[0] != "" {
			b.Relationships[i].ValidFrom = graphtest.DatePtr(d[0])
		}
		if d[1] != "" {
			b.Relationships[i].ValidTo = graphtest.DatePtr(d[1])
		}
	}
	ids := func(is ...int) []string {
		out := []string{}
		for _, i := range is {
			out = append(out, b.Relationships[i].ID)
		}
		slices.Sort(out)
		return out
	}
	s := NewService(&fakeSource{batch: b})
	from, to := graphtest.MustDate("2013-06-01"), graphtest.MustDate("2020-01-01")
	got, err := s.Diff(ctx, DiffQuery{From: from, To: to, Measure: Degree})
	if err != nil {
		t.Fatal(err)
	}
	want := Diff{From: from, To: to, Formed: ids(2, 3), Ended: ids(1, 3), FormedTotal: 2, EndedTotal: 2,
		ActorsJoined: []string{"d"}, ActorsLeft: []string{}}
	slices.Sort(got.Formed)
	slices.Sort(got.Ended)
	if diff := cmp.Diff(want, got, cmp.FilterPath(func(p cmp.Path) bool {
		return p.Last().String() == ".Version" || p.Last().String() == ".Changes" || p.Last().String() == ".ChangesTotal"
	}, cmp.Ignore())); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Each actor's degree on both days is the snapshot's.
	for k, day := range []graph.Date{from, to} {
		r, err := s.Influence(ctx, InfluenceQuery{Algorithm: Degree, Filter: Filter{AsOf: &day}, Limit: MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		snap := map[string]Score{}
		for _, sc := range r.Results {
			snap[sc.Actor] = sc
		}
		for _, ch := range got.Changes {
			sc, rank := ch.FromScore, ch.FromRank
			if k == 1 {
				sc, rank = ch.ToScore, ch.ToRank
			}
			w, ok := snap[ch.Actor]
			if ok != (sc != nil) || (ok && (*sc != w.Score || *rank != w.Rank)) {
				t.Errorf("%s on %v: %v rank %v, snapshot %+v", ch.Actor, day, sc, rank, w)
			}
		}
	}
	// b lost c (degree 2 to 1), d gained c (0 to 1): the largest changes
	// are 1 in size, ordered by id.
	if got.ChangesTotal != 4 || got.Changes[0].Change*got.Changes[0].Change != 1 {
		t.Errorf("changes %+v", got.Changes)
	}
	for _, c := range []struct {
		name   string
		q      DiffQuery
		fields []string
	}{
		{"to before from", DiffQuery{From: to, To: from}, []string{"to"}},
		{"bad measure", DiffQuery{From: from, To: to, Measure: "fame"}, []string{"measure"}},
		{"as_of", DiffQuery{From: from, To: to, Filter: Filter{AsOf: &from}}, []string{"as_of"}},
	} {
		_, err := s.Diff(ctx, c.q)
		checkFields(t, wantCode(t, err, graph.EINVALID), c.fields...)
	}
}
