package analysis

import (
	"context"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/detente/detente/graph"
)

// MaxTimelinePoints caps the points of one timeline; DefaultTimelineActors
// is how many of the highest ranked actors an actor measure follows when
// the query names none.
const (
	MaxTimelinePoints     = 200
	DefaultTimelineActors = 10
)

// Graph-level measures a timeline can follow besides the centralities.
const (
	MeasureBalance     = "balance"     // Balance.Ratio: the share of balanced triads
	MeasureFrustration = "frustration" // Balance.Frustration.Index
	MeasureBlocs       = "blocs"       // Blocs.Count, with the modularity in Details
)

// Step is a timeline's stride: N days, weeks, months or years.
type Step struct {
	N    int
	Unit byte // 'd', 'w', 'm' or 'y'
}

// ParseStep reads a step such as 1y, 6m, 2w or 1d (N from 1 to 1000).
func ParseStep(s string) (Step, error) {
	bad := graph.Invalid("invalid timeline query", graph.FieldError{Path: "step",
		Message: "must be a count and a unit d, w, m or y, e.g. 1y, 6m, 1w, 1d"})
	if len(s) < 2 {
		return Step{}, bad
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n < 1 || n > 1000 || !strings.Contains("dwmy", s[len(s)-1:]) {
		return Step{}, bad
	}
	return Step{N: n, Unit: s[len(s)-1]}, nil
}

func (s Step) String() string { return strconv.Itoa(s.N) + string(s.Unit) }

// at returns from plus i steps (counted from from, so months do not drift).
func (s Step) at(from graph.Date, i int) graph.Date {
	t := from.Time()
	switch s.Unit {
	case 'd':
		t = t.AddDate(0, 0, i*s.N)
	case 'w':
		t = t.AddDate(0, 0, 7*i*s.N)
	case 'm':
		t = t.AddDate(0, i*s.N, 0)
	default:
		t = t.AddDate(i*s.N, 0, 0)
	}
	return graph.DateOf(t)
}

// TimelineQuery asks how a measure moved between two days.
type TimelineQuery struct {
	// Measure is a centrality (an Algorithm) or MeasureBalance,
	// MeasureFrustration or MeasureBlocs.
	Measure string
	// Actors whose values an actor measure reports; empty: the Limit
	// (default DefaultTimelineActors) actors ranked highest on the last
	// day.
	Actors []string
	Limit  int
	// From and To bound the days, Step spaces them: From, From+Step, …
	// up to To (included).
	From, To graph.Date
	Step     Step
	// Filter selects the ties; its AsOf is each point's day.
	Filter
}

// Timeline is a measure at successive days.
type Timeline struct {
	Measure string          `json:"measure"`
	From    graph.Date      `json:"from"`
	To      graph.Date      `json:"to"`
	Step    string          `json:"step"`
	Version uint64          `json:"version"`
	Actors  []string        `json:"actors,omitempty"`
	Points  []TimelinePoint `json:"points"`
}

// TimelinePoint is the measure as of one day: exactly the snapshot
// answer of that day (/influence, /balance or /blocs with as_of).
type TimelinePoint struct {
	AsOf graph.Date `json:"as_of"`
	// Actor measures: each asked-for actor's score and rank among all
	// actors that day (absent: the actor has no selected tie that day).
	Values map[string]float64 `json:"values,omitempty"`
	Ranks  map[string]int     `json:"ranks,omitempty"`
	// Graph measures: the value, and what else the measure reports.
	Value   *float64           `json:"value,omitempty"`
	Details map[string]float64 `json:"details,omitempty"`
	// Unchanged says no selected tie started or ended since the previous
	// point: its answer is the previous one, not computed again.
	Unchanged bool `json:"unchanged"`
}

func (q *TimelineQuery) fieldErrors() []graph.FieldError {
	var errs []graph.FieldError
	if !q.isGraphMeasure() && !validAlgorithm(Algorithm(q.Measure)) {
		errs = append(errs, graph.FieldError{Path: "measure",
			Message: "must be one of " + algorithmNames() + ", " + strings.Join([]string{MeasureBalance, MeasureFrustration, MeasureBlocs}, ", ")})
	}
	if q.isGraphMeasure() && len(q.Actors) > 0 {
		errs = append(errs, graph.FieldError{Path: "actors", Message: "applies only to actor measures (centralities)"})
	}
	if q.AsOf != nil {
		errs = append(errs, graph.FieldError{Path: "as_of", Message: "does not apply to a timeline: each point is its own day (from, to, step)"})
	}
	if q.To.Before(q.From) {
		errs = append(errs, graph.FieldError{Path: "to", Message: "must not be before from"})
	} else if q.Step.N > 0 {
		if n := q.points(); n > MaxTimelinePoints {
			errs = append(errs, graph.FieldError{Path: "step",
				Message: "from, to and step give " + strconv.Itoa(n) + " points; at most " + strconv.Itoa(MaxTimelinePoints) + ": take a longer step or a shorter range"})
		}
	}
	if q.Step.N == 0 {
		errs = append(errs, graph.FieldError{Path: "step", Message: "is required"})
	}
	errs = append(errs, limitError(&q.Limit, "limit", DefaultTimelineActors, MaxLimit)...)
	return errs
}

func (q *TimelineQuery) isGraphMeasure() bool {
	switch q.Measure {
	case MeasureBalance, MeasureFrustration, MeasureBlocs:
		return true
	}
	return false
}

// points counts the days from From to To, stopping past the cap.
func (q *TimelineQuery) points() int {
	n := 0
	for ; n <= MaxTimelinePoints; n++ {
		if q.To.Before(q.Step.at(q.From, n)) {
			break
		}
	}
	return n
}

// Timeline computes q's measure at each day from q.From to q.To. A point
// whose selected ties are those of the previous point (no tie started or
// ended in between: the graph's change days) reuses its answer, so a
// timeline costs one computation per change, not per point.
func (s *Service) Timeline(ctx context.Context, q TimelineQuery) (Timeline, error) {
	if q.Measure == "" {
		q.Measure = string(PageRank)
	}
	errs := q.fieldErrors()
	f := q.Filter
	f.AsOf = nil
	if q.Measure == MeasureBlocs {
		f.Polarity = PolarityPositive
	}
	// The whole-history projection validates the filter and gives the
	// change days.
	all, err := s.projection(ctx, f, errs)
	if err != nil {
		return Timeline{}, err
	}
	changes := all.changeDays()
	t := Timeline{Measure: q.Measure, From: q.From, To: q.To, Step: q.Step.String(), Version: all.Version(), Points: []TimelinePoint{}}
	days := make([]graph.Date, q.points())
	for i := range days {
		days[i] = q.Step.at(q.From, i)
	}
	if !q.isGraphMeasure() && len(q.Actors) == 0 && len(days) > 0 {
		// The highest ranked on the last day.
		last := days[len(days)-1]
		fl := f
		fl.AsOf = &last
		r, err := s.Influence(ctx, InfluenceQuery{Algorithm: Algorithm(q.Measure), Filter: fl, Limit: q.Limit})
		if err != nil {
			return Timeline{}, err
		}
		for _, sc := range r.Results {
			q.Actors = append(q.Actors, sc.Actor)
		}
	}
	if !q.isGraphMeasure() {
		t.Actors = slices.Clone(q.Actors)
		if t.Actors == nil {
			t.Actors = []string{}
		}
	}
	// The days where a selected tie started or ended since the previous
	// point are computed, each on its own projection of the one export,
	// as many at once as there are processors; the others repeat the
	// previous point. The day projections are not put in the Service's
	// cache: a timeline of fifty days would push out the projections that
	// every other request reuses.
	t.Points = make([]TimelinePoint, len(days))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, d := range days {
		if i > 0 && !changedBetween(changes, days[i-1], d) {
			continue
		}
		g.Go(func() error {
			fd := f.normalized()
			fd.AsOf = &d
			data, err := build(gctx, all.base, fd)
			if err != nil {
				return err
			}
			pt, err := q.point(gctx, &Projection{data: data, weighted: f.Weighted})
			if err != nil {
				return err
			}
			pt.AsOf = d
			t.Points[i] = pt
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		if ctx.Err() != nil {
			return Timeline{}, ctxError(ctx)
		}
		return Timeline{}, err
	}
	for i := 1; i < len(days); i++ {
		if !changedBetween(changes, days[i-1], days[i]) {
			t.Points[i] = t.Points[i-1]
			t.Points[i].AsOf, t.Points[i].Unchanged = days[i], true
		}
	}
	return t, nil
}

// point computes the measure on one day's projection.
func (q *TimelineQuery) point(ctx context.Context, p *Projection) (TimelinePoint, error) {
	var pt TimelinePoint
	switch q.Measure {
	case MeasureBalance, MeasureFrustration:
		b, err := p.Balance(ctx, BalanceQuery{Filter: p.filter, Limit: 1})
		if err != nil {
			return pt, err
		}
		v := b.Ratio
		pt.Details = map[string]float64{"triads": float64(b.Triads), "unbalanced": float64(b.Unbalanced)}
		if q.Measure == MeasureFrustration {
			v = float64(b.Frustration.Index)
			pt.Details = map[string]float64{"lower_bound": float64(b.Frustration.LowerBound), "exact": boolFloat(b.Frustration.Exact)}
		}
		pt.Value = &v
	case MeasureBlocs:
		b, err := p.Blocs(ctx, BlocQuery{Filter: p.filter, Method: BlocsLouvain, Limit: 1})
		if err != nil {
			return pt, err
		}
		v := float64(b.Count)
		pt.Value = &v
		pt.Details = map[string]float64{"modularity": b.Modularity}
	default:
		c, err := p.Centrality(ctx, Algorithm(q.Measure))
		if err != nil {
			return pt, err
		}
		pt.Values, pt.Ranks = map[string]float64{}, map[string]int{}
		for _, a := range q.Actors {
			if i, ok := p.Index(a); ok {
				pt.Values[a] = roundScore(c.Scores[i])
				pt.Ranks[a] = rankOf(c.Scores, i)
			}
		}
	}
	return pt, nil
}

func boolFloat(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// changeDays lists, sorted and without repeats, the days on which a tie
// of the projection (over all of history) starts to hold or stops: its
// valid_from, and the day after its valid_to. Between two days with no
// change day in (d1, d2], a day filter selects the same ties.
func (p *Projection) changeDays() []graph.Date {
	var days []graph.Date
	for _, i := range p.relsSel {
		if f := p.base.validFrom(i); f != nil {
			days = append(days, *f)
		}
		if t := p.base.validTo(i); t != nil {
			days = append(days, graph.DateOf(t.Time().Add(24*time.Hour)))
		}
	}
	slices.SortFunc(days, compareDate)
	return slices.Compact(days)
}

func compareDate(a, b graph.Date) int {
	switch {
	case a.Before(b):
		return -1
	case b.Before(a):
		return 1
	}
	return 0
}

// changedBetween reports whether a change day falls in (a, b].
func changedBetween(changes []graph.Date, a, b graph.Date) bool {
	i, _ := slices.BinarySearchFunc(changes, a, compareDate)
	for ; i < len(changes); i++ {
		c := changes[i]
		if !a.Before(c) {
			continue // c == a
		}
		return !b.Before(c)
	}
	return false
}
