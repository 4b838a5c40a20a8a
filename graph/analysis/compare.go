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

// CompareMediators scores every mediator between q.A and q.B on two
// graphs (Service.Mediators on each, every candidate kept) and returns
// each actor of either with its score and rank on both and the change,
// largest change first: who gains or loses standing as a go-between.
func CompareMediators(ctx context.Context, base, scen *Service, q MediatorQuery) ([]ScoreChange, error) {
	q.Limit = MaxLimit
	byActor := map[string]*ScoreChange{}
	for k, s := range []*Service{base, scen} {
		m, err := s.Mediators(ctx, q)
		if err != nil {
			return nil, err
		}
		for _, r := range m.Results {
			ch := byActor[r.Actor]
			if ch == nil {
				ch = &ScoreChange{Actor: r.Actor}
				byActor[r.Actor] = ch
			}
			score, rank := r.Score, r.Rank
			if k == 0 {
				ch.FromScore, ch.FromRank = &score, &rank
			} else {
				ch.ToScore, ch.ToRank = &score, &rank
			}
		}
	}
	return sortedChanges(byActor), nil
}

// BlocMove is an actor whose bloc changed: From and To are bloc ids on
// the base and on the scenario (0: in no bloc there).
type BlocMove struct {
	Actor    string `json:"actor"`
	From, To int
}

// BlocComparison compares the blocs of two graphs.
type BlocComparison struct {
	Base, Scenario Blocs
	// A scenario bloc continues the base bloc it shares the most members
	// with (its predecessor; ties: the lower id), and a base bloc goes
	// on in the scenario bloc that holds the most of its members (its
	// successor). Split lists the base blocs that two or more scenario
	// blocs continue; Merged the scenario blocs that are the successor of
	// two or more base blocs (ids ascending; ids are each side's own).
	Split, Merged []int
	// Moved lists, by actor id, the actors that are not in a bloc
	// continuing theirs: members of a scenario bloc that came from
	// another base bloc than its predecessor, or from no bloc, and the
	// base actors that are in no scenario bloc.
	Moved []BlocMove
}

// CompareBlocs finds the blocs of both graphs with the same query (every
// bloc kept) and says which split, which merged and who moved.
func CompareBlocs(ctx context.Context, base, scen *Service, q BlocQuery) (BlocComparison, error) {
	q.Limit = MaxLimit
	var out BlocComparison
	var err error
	if out.Base, err = base.Blocs(ctx, q); err != nil {
		return out, err
	}
	if out.Scenario, err = scen.Blocs(ctx, q); err != nil {
		return out, err
	}
	from, to := blocOf(out.Base), blocOf(out.Scenario)
	// shared[i][j]: members of base bloc i in scenario bloc j.
	shared := map[int]map[int]int{}
	for a, j := range to {
		if i := from[a]; i != 0 {
			if shared[i] == nil {
				shared[i] = map[int]int{}
			}
			shared[i][j]++
		}
	}
	// match[j], a scenario bloc's predecessor: the base bloc it shares
	// the most members with (ties: the lower id; 0: none). next[i], a
	// base bloc's successor, likewise.
	match, next := map[int]int{}, map[int]int{}
	best := map[int]int{}
	for i, row := range shared {
		n := 0
		for j, c := range row {
			if c > n || c == n && j < next[i] {
				next[i], n = j, c
			}
			if c > best[j] || c == best[j] && i < match[j] {
				match[j], best[j] = i, c
			}
		}
	}
	succeeds, precedes := map[int]int{}, map[int]int{}
	for _, i := range match {
		if i != 0 {
			precedes[i]++
		}
	}
	for _, j := range next {
		succeeds[j]++
	}
	for i, n := range precedes {
		if n >= 2 {
			out.Split = append(out.Split, i)
		}
	}
	for j, n := range succeeds {
		if n >= 2 {
			out.Merged = append(out.Merged, j)
		}
	}
	for a, j := range to {
		if i := from[a]; i == 0 || i != match[j] {
			out.Moved = append(out.Moved, BlocMove{Actor: a, From: i, To: j})
		}
	}
	for a, i := range from {
		if _, ok := to[a]; !ok {
			out.Moved = append(out.Moved, BlocMove{Actor: a, From: i})
		}
	}
	slices.Sort(out.Split)
	slices.Sort(out.Merged)
	slices.SortFunc(out.Moved, func(x, y BlocMove) int { return cmp.Compare(x.Actor, y.Actor) })
	return out, nil
}

// blocOf maps each member to its bloc's id.
func blocOf(b Blocs) map[string]int {
	m := map[string]int{}
	for _, bl := range b.Blocs {
		for _, a := range bl.Members {
			m[a] = bl.ID
		}
	}
	return m
}
