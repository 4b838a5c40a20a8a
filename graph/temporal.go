package graph

import (
	"cmp"
	"context"
	"slices"
)

// temporalPaths answers a normalised mode=temporal query: every simple
// path within MaxHops under the query's filters (the drivers' mode all,
// so both stores enumerate the same candidates, under the same
// MaxPathCandidates cap), kept when time-respecting, ranked by q.Order.
//
// Only simple paths are considered; that loses no arrival: a
// time-respecting walk that visits an actor twice can drop the loop
// between the visits and stays time-respecting, with fewer hops.
func (s *Store) temporalPaths(ctx context.Context, q PathQuery) ([]Path, bool, error) {
	dq := q
	dq.Mode, dq.Limit = ModeAll, MaxPathCandidates
	dq.Start, dq.End, dq.Order = nil, nil, ""
	c, err := s.d.Paths(ctx, dq)
	if err != nil {
		return nil, false, err
	}
	if c.Count > MaxPathCandidates {
		return nil, false, Errorf(ETOOLARGE, "the query matches more than %d paths; narrow it with types, min_confidence, exclude or a smaller max_hops", MaxPathCandidates)
	}
	kept := c.Paths[:0]
	for _, p := range c.Paths {
		var ok bool
		if q.Order == LatestDeparture {
			p.Times, ok = latestTimes(p.Relationships, q.Start, q.End)
		} else {
			p.Times, ok = earliestTimes(p.Relationships, q.Start, q.End)
		}
		if ok {
			p.Window = Window{From: p.Times[0], To: p.Times[len(p.Times)-1]}
			kept = append(kept, p)
		}
	}
	slices.SortStableFunc(kept, temporalCompare(q.Order))
	cut := len(kept) > q.Limit
	if cut {
		kept = kept[:q.Limit]
	}
	if kept == nil {
		kept = []Path{}
	}
	return kept, cut, nil
}

// earliestTimes returns the earliest day each tie of a path can be used,
// leaving no earlier than start (nil: open) and using each tie no earlier
// than the one before, and whether the path arrives by end (nil: open).
// A nil day is open: no start and no tie so far bounds it from below.
func earliestTimes(rels []Relationship, start, end *Date) ([]*Date, bool) {
	times := make([]*Date, len(rels))
	t := start
	for i := range rels {
		r := &rels[i]
		if f := r.ValidFrom; f != nil && (t == nil || t.Before(*f)) {
			t = f
		}
		if to := r.ValidTo; to != nil && t != nil && to.Before(*t) {
			return nil, false
		}
		times[i] = t
	}
	if end != nil && t != nil && end.Before(*t) {
		return nil, false
	}
	return times, true
}

// latestTimes is earliestTimes backwards: the latest day each tie can be
// used so that the path still arrives by end, and whether it can leave no
// earlier than start. A nil day is open: no end and no later tie bounds it
// from above.
func latestTimes(rels []Relationship, start, end *Date) ([]*Date, bool) {
	times := make([]*Date, len(rels))
	t := end
	for i := len(rels) - 1; i >= 0; i-- {
		r := &rels[i]
		if to := r.ValidTo; to != nil && (t == nil || to.Before(*t)) {
			t = to
		}
		if f := r.ValidFrom; f != nil && t != nil && t.Before(*f) {
			return nil, false
		}
		times[i] = t
	}
	if start != nil && t != nil && t.Before(*start) {
		return nil, false
	}
	return times, true
}

// compareDay orders days with nil as lowOpen: -∞ when true, +∞ when false.
func compareDay(a, b *Date, lowOpen bool) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		if lowOpen {
			return -1
		}
		return 1
	case b == nil:
		if lowOpen {
			return 1
		}
		return -1
	case a.Before(*b):
		return -1
	case b.Before(*a):
		return 1
	}
	return 0
}

// temporalCompare is the ranking of an order, ties broken by the output
// order of the other modes (ComparePaths).
func temporalCompare(o TemporalOrder) func(a, b Path) int {
	arrival := func(p Path) *Date { return p.Times[len(p.Times)-1] }
	switch o {
	case LatestDeparture:
		// Latest departure first: an open (unbounded) departure is latest.
		return func(a, b Path) int {
			return cmp.Or(compareDay(b.Times[0], a.Times[0], false), ComparePaths(a, b))
		}
	case FewestHops:
		return func(a, b Path) int {
			return cmp.Or(cmp.Compare(a.Hops, b.Hops), compareDay(arrival(a), arrival(b), true), ComparePaths(a, b))
		}
	default:
		return func(a, b Path) int {
			return cmp.Or(compareDay(arrival(a), arrival(b), true), ComparePaths(a, b))
		}
	}
}
