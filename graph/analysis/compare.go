package analysis

import (
	"cmp"
	"context"
	"math"
	"slices"

	"github.com/detente/detente/graph"
)

// CompareMeasure ranks every actor by centrality m on two graphs — a base
// and a scenario on it, read through their own Services with the same
// filter — and returns each actor of either with its score and rank on
// both (absent: nil) and the change (scenario − base, a missing score
// counting as 0), largest change first, then by id. This is the
// counterfactual centrality of a what-if: the measure recomputed on the
// changed graph, not estimated from the base.
func CompareMeasure(ctx context.Context, base, scen *Service, f Filter, m Algorithm) ([]ScoreChange, error) {
	if !validAlgorithm(m) {
		return nil, graph.Invalid("invalid comparison",
			graph.FieldError{Path: "measures", Message: "must be one of " + algorithmNames()})
	}
	byActor := map[string]*ScoreChange{}
	for k, s := range []*Service{base, scen} {
		p, err := s.projection(ctx, f, nil)
		if err != nil {
			return nil, err
		}
		c, err := p.Centrality(ctx, m)
		if err != nil {
			return nil, err
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
	return sortedChanges(byActor), nil
}

// sortedChanges fills in each change and lists them largest first.
func sortedChanges(byActor map[string]*ScoreChange) []ScoreChange {
	out := make([]ScoreChange, 0, len(byActor))
	for _, ch := range byActor {
		var a, b float64
		if ch.FromScore != nil {
			a = *ch.FromScore
		}
		if ch.ToScore != nil {
			b = *ch.ToScore
		}
		ch.Change = roundScore(b - a)
		out = append(out, *ch)
	}
	slices.SortFunc(out, func(x, y ScoreChange) int {
		return cmp.Or(cmp.Compare(math.Abs(y.Change), math.Abs(x.Change)), cmp.Compare(x.Actor, y.Actor))
	})
	return out
}
