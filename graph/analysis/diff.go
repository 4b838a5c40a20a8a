package analysis

import (
	"context"
	"slices"

	"github.com/detente/detente/graph"
)

// DiffQuery asks what changed between two days.
type DiffQuery struct {
	From, To graph.Date
	// Measure, when set, is a centrality compared at both days.
	Measure Algorithm
	// Limit caps each list (formed, ended, actors, changes): 0 means
	// DefaultLimit, at most MaxLimit; the totals are given in full.
	Limit int
	// Filter selects the ties; its AsOf must be nil.
	Filter
}

// Diff is what changed between two days among the selected ties.
type Diff struct {
	From    graph.Date `json:"from"`
	To      graph.Date `json:"to"`
	Version uint64     `json:"version"`
	// Formed are the ties that began after From and by To (valid_from in
	// (From, To]); Ended those whose last day fell on or after From and
	// before To (valid_to in [From, To)). A tie may be in both. By id.
	Formed      []string `json:"formed"`
	Ended       []string `json:"ended"`
	FormedTotal int      `json:"formed_total"`
	EndedTotal  int      `json:"ended_total"`
	// ActorsJoined have a selected tie valid on To and none on From;
	// ActorsLeft the reverse. By id.
	ActorsJoined []string `json:"actors_joined"`
	ActorsLeft   []string `json:"actors_left"`
	// Changes, with a Measure: every actor in either day's graph with its
	// score and rank on each day (absent: nil), largest change first.
	Changes      []ScoreChange `json:"changes,omitempty"`
	ChangesTotal int           `json:"changes_total,omitempty"`
}

// ScoreChange is one actor's measure on two days.
type ScoreChange struct {
	Actor     string   `json:"actor"`
	FromScore *float64 `json:"from_score"`
	ToScore   *float64 `json:"to_score"`
	FromRank  *int     `json:"from_rank"`
	ToRank    *int     `json:"to_rank"`
	// Change is ToScore − FromScore, a missing score counting as 0.
	Change float64 `json:"change"`
}

func (q *DiffQuery) fieldErrors() []graph.FieldError {
	var errs []graph.FieldError
	if q.To.Before(q.From) {
		errs = append(errs, graph.FieldError{Path: "to", Message: "must not be before from"})
	}
	if q.Measure != "" && !validAlgorithm(q.Measure) {
		errs = append(errs, graph.FieldError{Path: "measure", Message: "must be one of " + algorithmNames()})
	}
	if q.AsOf != nil {
		errs = append(errs, graph.FieldError{Path: "as_of", Message: "does not apply to a diff: it compares from with to"})
	}
	return append(errs, limitError(&q.Limit, "limit", DefaultLimit, MaxLimit)...)
}

// Diff compares the selected ties on two days: which formed, which ended,
// which actors joined or left the analysed graph and, with a measure, how
// each actor's score and rank moved (the snapshot answers of /influence
// with as_of on each day).
func (s *Service) Diff(ctx context.Context, q DiffQuery) (Diff, error) {
	errs := q.fieldErrors()
	f := q.Filter
	f.AsOf = nil
	all, err := s.projection(ctx, f, errs)
	if err != nil {
		return Diff{}, err
	}
	d := Diff{From: q.From, To: q.To, Version: all.Version(), Formed: []string{}, Ended: []string{},
		ActorsJoined: []string{}, ActorsLeft: []string{}}
	before, after := map[string]bool{}, map[string]bool{}
	for i, ri := range all.relsSel {
		if i%4096 == 0 && ctx.Err() != nil {
			return Diff{}, ctxError(ctx)
		}
		bs := all.base
		r := &bs.rels[ri]
		if f := bs.validFrom(ri); f != nil && q.From.Before(*f) && !q.To.Before(*f) {
			d.Formed = append(d.Formed, bs.relIDs[ri])
		}
		if t := bs.validTo(ri); t != nil && !t.Before(q.From) && t.Before(q.To) {
			d.Ended = append(d.Ended, bs.relIDs[ri])
		}
		if bs.validOn(ri, q.From) {
			before[bs.ends[r.src]], before[bs.ends[r.dst]] = true, true
		}
		if bs.validOn(ri, q.To) {
			after[bs.ends[r.src]], after[bs.ends[r.dst]] = true, true
		}
	}
	for a := range after {
		if !before[a] {
			d.ActorsJoined = append(d.ActorsJoined, a)
		}
	}
	for a := range before {
		if !after[a] {
			d.ActorsLeft = append(d.ActorsLeft, a)
		}
	}
	slices.Sort(d.ActorsJoined)
	slices.Sort(d.ActorsLeft)
	d.FormedTotal, d.EndedTotal = len(d.Formed), len(d.Ended)
	d.Formed, d.Ended = d.Formed[:min(q.Limit, len(d.Formed))], d.Ended[:min(q.Limit, len(d.Ended))]
	d.ActorsJoined, d.ActorsLeft = d.ActorsJoined[:min(q.Limit, len(d.ActorsJoined))], d.ActorsLeft[:min(q.Limit, len(d.ActorsLeft))]
	if q.Measure == "" {
		return d, nil
	}
	byActor := map[string]*ScoreChange{}
	for k, day := range []graph.Date{q.From, q.To} {
		fd := f
		fd.AsOf = &day
		p, err := s.projection(ctx, fd, nil)
		if err != nil {
			return Diff{}, err
		}
		c, err := p.Centrality(ctx, q.Measure)
		if err != nil {
			return Diff{}, err
		}
		for _, sc := range c.ranking(p.ids) {
			ch := byActor[sc.Actor]
			if ch == nil {
				ch = &ScoreChange{Actor: sc.Actor}
				byActor[sc.Actor] = ch
			}
			score, rank := sc.Score, sc.Rank
			if k == 0 {
				ch.FromScore, ch.FromRank = &score, &rank
			} else {
				ch.ToScore, ch.ToRank = &score, &rank
			}
		}
	}
	d.Changes = sortedChanges(byActor)
	d.ChangesTotal = len(d.Changes)
	d.Changes = d.Changes[:min(q.Limit, len(d.Changes))]
	return d, nil
}
