package analysis

import (
	"context"
	"math"
	"testing"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphtest"
)

// TestTimelineEqualsSnapshots: on the shipped scenario every point of a
// timeline is the snapshot answer of its day, computed afresh (a point
// marked unchanged included), and unchanged points occur only where no
// tie started or ended.
func TestTimelineEqualsSnapshots(t *testing.T) {
	ctx := context.Background()
	b, _ := scenario(t)
	s := NewService(&fakeSource{batch: b})
	from, to := graphtest.MustDate("2015-01-01"), graphtest.MustDate("2025-04-01")
	unchanged := 0
	for _, measure := range []string{string(PageRank), string(PN), string(Betweenness), MeasureBalance, MeasureFrustration, MeasureBlocs} {
		for _, step := range []string{"1y", "3m"} {
			st, err := ParseStep(step)
			if err != nil {
				t.Fatal(err)
			}
			q := TimelineQuery{Measure: measure, From: from, To: to, Step: st}
			if measure == string(PageRank) {
				q.Actors = []string{"iran", "united-states", "houthis", "atlantis"}
			}
			tl, err := s.Timeline(ctx, q)
			if err != nil {
				t.Fatalf("%s %s: %v", measure, step, err)
			}
			if len(tl.Points) != q.points() || tl.Points[0].AsOf != from {
				t.Fatalf("%s %s: %d points from %v", measure, step, len(tl.Points), tl.Points[0].AsOf)
			}
			for _, pt := range tl.Points {
				if pt.Unchanged {
					unchanged++
				}
				d := pt.AsOf
				f := Filter{AsOf: &d}
				switch measure {
				case MeasureBalance, MeasureFrustration:
					bal, err := s.Balance(ctx, BalanceQuery{Filter: f})
					if err != nil {
						t.Fatal(err)
					}
					want := bal.Ratio
					if measure == MeasureFrustration {
						want = float64(bal.Frustration.Index)
					}
					if pt.Value == nil || *pt.Value != want {
						t.Errorf("%s %s %v: %v, snapshot %v", measure, step, d, pt.Value, want)
					}
				case MeasureBlocs:
					f.Polarity = PolarityPositive
					bl, err := s.Blocs(ctx, BlocQuery{Filter: f, Method: BlocsLouvain})
					if err != nil {
						t.Fatal(err)
					}
					if pt.Value == nil || *pt.Value != float64(bl.Count) || pt.Details["modularity"] != bl.Modularity {
						t.Errorf("%s %s %v: %v %v, snapshot %d %v", measure, step, d, pt.Value, pt.Details, bl.Count, bl.Modularity)
					}
				default:
					r, err := s.Influence(ctx, InfluenceQuery{Algorithm: Algorithm(measure), Filter: f, Limit: MaxLimit})
					if err != nil {
						t.Fatal(err)
					}
					want := map[string]Score{}
					for _, sc := range r.Results {
						want[sc.Actor] = sc
					}
					if len(tl.Actors) == 0 {
						t.Fatalf("%s %s: no actors", measure, step)
					}
					for _, a := range tl.Actors {
						v, ok := pt.Values[a]
						w, wok := want[a]
						if ok != wok || math.Abs(v-w.Score) > 1e-12 || pt.Ranks[a] != w.Rank {
							t.Errorf("%s %s %v %s: %v (rank %d), snapshot %v", measure, step, d, a, v, pt.Ranks[a], w)
						}
					}
				}
			}
		}
	}
	if unchanged == 0 {
		t.Error("no point reused the previous answer: quarterly steps over ten years should have some")
	}
}

func TestChangedBetween(t *testing.T) {
	d := graphtest.MustDate
	changes := []graph.Date{d("2019-01-01"), d("2020-06-01")}
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"2018-01-01", "2018-12-31", false},
		{"2018-01-01", "2019-01-01", true},  // the change day itself is new
		{"2019-01-01", "2020-01-01", false}, // a change on the first day is already in it
		{"2019-01-02", "2020-06-01", true},
		{"2020-06-01", "2030-01-01", false},
	} {
		if got := changedBetween(changes, d(c.a), d(c.b)); got != c.want {
			t.Errorf("(%s, %s]: %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestTimelineErrors(t *testing.T) {
	ctx := context.Background()
	b, _ := scenario(t)
	s := NewService(&fakeSource{batch: b})
	d := graphtest.MustDate
	year := Step{N: 1, Unit: 'y'}
	day := Step{N: 1, Unit: 'd'}
	for _, c := range []struct {
		name   string
		q      TimelineQuery
		fields []string
	}{
		{"unknown measure", TimelineQuery{Measure: "fame", From: d("2020-01-01"), To: d("2021-01-01"), Step: year}, []string{"measure"}},
		{"actors on a graph measure", TimelineQuery{Measure: MeasureBalance, Actors: []string{"iran"}, From: d("2020-01-01"), To: d("2021-01-01"), Step: year}, []string{"actors"}},
		{"to before from", TimelineQuery{From: d("2021-01-01"), To: d("2020-01-01"), Step: year}, []string{"to"}},
		{"too many points", TimelineQuery{From: d("2020-01-01"), To: d("2021-01-01"), Step: day}, []string{"step"}},
		{"no step", TimelineQuery{From: d("2020-01-01"), To: d("2021-01-01")}, []string{"step"}},
		{"as_of", TimelineQuery{From: d("2020-01-01"), To: d("2021-01-01"), Step: year, Filter: Filter{AsOf: graphtest.DatePtr("2020-01-01")}}, []string{"as_of"}},
		{"every problem at once", TimelineQuery{Measure: "fame", From: d("2021-01-01"), To: d("2020-01-01"), Filter: Filter{Polarity: "sideways"}}, []string{"measure", "to", "step", "polarity"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.Timeline(ctx, c.q)
			checkFields(t, wantCode(t, err, graph.EINVALID), c.fields...)
		})
	}
	for _, bad := range []string{"", "y", "0y", "1x", "1001d", "-1m", "1.5y"} {
		if _, err := ParseStep(bad); graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("step %q: %v", bad, err)
		}
	}
}
