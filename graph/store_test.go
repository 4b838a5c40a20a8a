package graph_test

import (
	"context"
	"slices"
	"testing"

	"github.com/detente/detente/graph"
)

// pathDriver answers every path query with fixed candidates; the other
// methods are not used (the embedded nil Driver would panic).
type pathDriver struct {
	graph.Driver
	got   *graph.PathQuery
	cands graph.PathCandidates
}

func (d *pathDriver) Paths(_ context.Context, q graph.PathQuery) (graph.PathCandidates, error) {
	d.got = &q
	return d.cands, nil
}

func path(cost float64, ids ...string) graph.Path {
	p := graph.Path{Hops: len(ids) - 1, Cost: cost, Actors: ids}
	for range p.Hops {
		p.Relationships = append(p.Relationships, graph.Relationship{})
	}
	return p
}

// TestPathsPostProcessing: whatever a driver finds, the layer applies the
// candidate cap, the mode's selection, the output order and the limit.
func TestPathsPostProcessing(t *testing.T) {
	cheapLong := path(2, "a", "x", "y", "b")
	dearShort := path(3, "a", "b")
	tie := path(2, "a", "w", "z", "b")
	cands := []graph.Path{dearShort, tie, cheapLong}
	for _, tc := range []struct {
		name  string
		q     graph.PathQuery
		count int
		want  []graph.Path
		code  graph.Code
	}{
		{"shortest chooses by cost", graph.PathQuery{Weighted: true}, 3, []graph.Path{tie}, ""},
		{"k_shortest keeps k by cost", graph.PathQuery{Mode: graph.ModeKShortest, K: 2, Weighted: true}, 3, []graph.Path{tie, cheapLong}, ""},
		{"k_shortest lists the cheapest first", graph.PathQuery{Mode: graph.ModeKShortest, K: 3, Weighted: true}, 3, []graph.Path{tie, cheapLong, dearShort}, ""},
		{"all_shortest keeps the least cost", graph.PathQuery{Mode: graph.ModeAllShortest, Weighted: true}, 3, []graph.Path{tie, cheapLong}, ""},
		{"all in output order", graph.PathQuery{Mode: graph.ModeAll}, 3, []graph.Path{dearShort, tie, cheapLong}, ""},
		{"all cut at the limit", graph.PathQuery{Mode: graph.ModeAll, Limit: 1}, 3, []graph.Path{dearShort}, ""},
		{"at the cap", graph.PathQuery{Mode: graph.ModeAll, Limit: 1}, graph.MaxPathCandidates, []graph.Path{dearShort}, ""},
		{"over the cap", graph.PathQuery{Mode: graph.ModeAll}, graph.MaxPathCandidates + 1, nil, graph.ETOOLARGE},
		{"k without k_shortest never reaches the driver", graph.PathQuery{K: 2}, 3, nil, graph.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &pathDriver{cands: graph.PathCandidates{Paths: slices.Clone(cands), Count: tc.count}}
			tc.q.From, tc.q.To = "a", "b"
			got, err := graph.NewStore(d).Paths(context.Background(), tc.q)
			if code := graph.ErrorCode(err); code != tc.code {
				t.Fatalf("error %v, want code %q", err, tc.code)
			}
			if tc.code == graph.EINVALID && d.got != nil {
				t.Fatal("an invalid query reached the driver")
			}
			if tc.code != "" {
				return
			}
			if d.got.MaxHops != graph.DefaultMaxHops || d.got.Direction != graph.Both || d.got.Limit == 0 {
				t.Errorf("the driver got a query without its defaults: %+v", d.got)
			}
			var ids, want [][]string
			for _, p := range got {
				ids = append(ids, p.Actors)
			}
			for _, p := range tc.want {
				want = append(want, p.Actors)
			}
			if !slices.EqualFunc(ids, want, slices.Equal) {
				t.Errorf("paths %v, want %v", ids, want)
			}
		})
	}
}

// Two paths over the same actors through different spells of a tie read
// differently: each dated tie's explanation says when it held.
func TestExplanationTellsSpellsApart(t *testing.T) {
	d := func(s string) *graph.Date { x, _ := graph.ParseDate(s); return &x }
	reg := graph.NewRegistry(graph.BuiltinTypes())
	q := &graph.PathQuery{}
	for _, tc := range []struct {
		from, to *graph.Date
		want     string
	}{
		{nil, nil, "Iran —arms→ Houthis"},
		{d("2014-01-01"), nil, "Iran —arms (since 2014-01-01)→ Houthis"},
		{nil, d("2019-06-30"), "Iran —arms (until 2019-06-30)→ Houthis"},
		{d("2014-01-01"), d("2019-06-30"), "Iran —arms (2014-01-01 to 2019-06-30)→ Houthis"},
	} {
		p := graph.Path{Actors: []string{"iran", "houthis"}, Names: []string{"Iran", "Houthis"},
			Relationships: []graph.Relationship{{ID: "r", Source: "iran", Target: "houthis", Type: "arms", Weight: 1, ValidFrom: tc.from, ValidTo: tc.to}}}
		p.Finish(q, reg)
		if p.Explanation != tc.want {
			t.Errorf("explanation %q, want %q", p.Explanation, tc.want)
		}
	}
}
