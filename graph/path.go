package graph

import (
	"cmp"
	"slices"
	"strings"
)

// PathMode selects what a path query returns.
//
// Every store answers with exactly the same paths, so the modes are defined
// by two total orders over simple paths (no actor twice):
//
//   - selection order: cost, then hops, then the actor id sequence, then the
//     relationship id sequence (ComparePathsBySelection);
//   - output order: hops, then cost, then actor ids, then relationship ids
//     (ComparePaths).
//
// shortest returns the first path in selection order; k_shortest the first
// k paths in selection order, in that order (cheapest first, as Yen
// defines them); all_shortest every path of minimal cost (hops when
// unweighted), and all every path of at most max_hops hops, each sorted in
// output order and cut at the limit. Parallel relationships between the
// same two actors make distinct paths.
//
// Costs are compared with one tolerance everywhere (SameCost: relative
// 1e-9), in paths as in the path-based centralities, so that sums of
// 1/weight added in another order, or 0.1 + 0.2 against 0.3, tie.
//
// temporal returns the time-respecting simple paths (see TemporalOrder),
// best first by the query's Order, cut at the limit.
type PathMode string

const (
	ModeShortest    PathMode = "shortest"     // one shortest path (the first in path order)
	ModeAllShortest PathMode = "all_shortest" // every shortest path
	ModeKShortest   PathMode = "k_shortest"   // the k cheapest loopless paths (Yen)
	ModeAll         PathMode = "all"          // every simple path up to MaxHops
	ModeTemporal    PathMode = "temporal"     // time-respecting paths, best first by Order
)

// TemporalOrder ranks time-respecting paths, in the terms of Holme and
// Saramäki's review ("Temporal networks", Physics Reports 519(3), 2012,
// 97–125, §4.1). A path of ties r1..rk is time-respecting when there are
// days t1 ≤ t2 ≤ … ≤ tk, each ti within ri's validity and all within the
// query's [Start, End]: influence could have travelled along it in the
// order the ties held. Days are whole, so two ties may be used on the same
// day.
type TemporalOrder string

const (
	// EarliestArrival: the path that reaches To first (each tie used as
	// early as it can be: Path.Times are the earliest days).
	EarliestArrival TemporalOrder = "earliest_arrival"
	// LatestDeparture: the path that can leave From last and still reach
	// To by End (each tie used as late as it can be: Path.Times are the
	// latest days).
	LatestDeparture TemporalOrder = "latest_departure"
	// FewestHops: the shortest time-respecting path, then earliest
	// arrival.
	FewestHops TemporalOrder = "fewest_hops"
)

// Direction says which way relationships may be traversed. Symmetric types
// are always traversed both ways.
type Direction string

const (
	Out  Direction = "out"
	In   Direction = "in"
	Both Direction = "both"
)

// Path query limits, documented in the API.
const (
	DefaultMaxHops   = 6
	MaxHopsCap       = 10
	DefaultPathLimit = 100
	MaxPathLimit     = 1000
	MaxK             = 100
)

// PathQuery asks how two actors are connected.
type PathQuery struct {
	From, To      string
	Mode          PathMode
	K             int // k_shortest only (any other mode wants 0): 1..MaxK
	MaxHops       int // 1..MaxHopsCap
	Types         []string
	Direction     Direction
	AsOf          *Date
	MinConfidence float64
	Exclude       []string
	Weighted      bool // cost = sum of 1/weight, else cost = hops
	Limit         int  // at most this many paths (all, all_shortest, temporal)

	// Temporal only: the first and last day a path may use (nil: open),
	// and how its paths are ranked (default EarliestArrival).
	Start, End *Date
	Order      TemporalOrder
}

// Path is one chain of relationships from the query's From to its To.
type Path struct {
	Hops          int            `json:"hops"`
	Cost          float64        `json:"cost"`
	Sign          int            `json:"sign"`
	Actors        []string       `json:"actors"`
	Names         []string       `json:"names"`
	Relationships []Relationship `json:"relationships"`
	// Signs holds the polarity of each relationship's type, in path order
	// (Finish fills it from the registry), so that whoever presents the
	// path need not read the registry again.
	Signs       []int  `json:"signs"`
	Explanation string `json:"explanation"`
	// Window is the span on which all of the path's ties were valid
	// (CommonWindow); Store.Paths never returns a path whose window is
	// empty. On a temporal path it is the span the path takes: from the
	// day its first tie is used to the day its last is.
	Window Window `json:"window"`
	// Times, on a temporal path only, is the day each tie is used (see
	// TemporalOrder); nil where the tie's validity is open on that side
	// and nothing bounds it: any day up to (earliest) or from (latest)
	// the next bound.
	Times []*Date `json:"times,omitempty"`
}

// Normalize validates q against the registry, applies defaults, and
// returns every problem at once.
func (q *PathQuery) Normalize(reg Registry) error {
	var errs fieldErrors
	if !ValidID(q.From) {
		errs.add("from", "must be an actor id")
	}
	if !ValidID(q.To) {
		errs.add("to", "must be an actor id")
	}
	if q.From != "" && q.From == q.To {
		errs.add("to", "must differ from from")
	}
	if q.Mode == "" {
		q.Mode = ModeShortest
	}
	switch q.Mode {
	case ModeShortest, ModeAllShortest, ModeAll, ModeTemporal:
		if q.K != 0 {
			errs.add("k", "applies only to mode=k_shortest")
		}
	case ModeKShortest:
		if q.K == 0 {
			q.K = 3
		}
		if q.K < 1 || q.K > MaxK {
			errs.add("k", "must be between 1 and %d", MaxK)
		}
	default:
		errs.add("mode", "must be one of shortest, all_shortest, k_shortest, all, temporal")
	}
	if q.Mode == ModeTemporal {
		if q.AsOf != nil {
			errs.add("as_of", "does not apply to mode=temporal: a time-respecting path spans time; bound it with start and end")
		}
		if q.Order == "" {
			q.Order = EarliestArrival
		}
		switch q.Order {
		case EarliestArrival, LatestDeparture, FewestHops:
		default:
			errs.add("order", "must be one of earliest_arrival, latest_departure, fewest_hops")
		}
		if q.Start != nil && q.End != nil && q.End.Before(*q.Start) {
			errs.add("end", "must not be before start")
		}
	} else {
		for _, f := range []struct {
			name string
			set  bool
		}{{"start", q.Start != nil}, {"end", q.End != nil}, {"order", q.Order != ""}} {
			if f.set {
				errs.add(f.name, "applies only to mode=temporal")
			}
		}
	}
	if q.MaxHops == 0 {
		q.MaxHops = DefaultMaxHops
	}
	if q.MaxHops < 1 || q.MaxHops > MaxHopsCap {
		errs.add("max_hops", "must be between 1 and %d (the hard cap)", MaxHopsCap)
	}
	if q.Direction == "" {
		q.Direction = Both
	}
	switch q.Direction {
	case Out, In, Both:
	default:
		errs.add("direction", "must be one of out, in, both")
	}
	for _, t := range q.Types {
		if _, ok := reg.Get(t); !ok {
			errs.add("types", "unknown relationship type %s; registered: %s", Quote(t), strings.Join(reg.Names(), ", "))
		}
	}
	if !(q.MinConfidence >= 0 && q.MinConfidence <= 1) {
		errs.add("min_confidence", "must be in [0, 1]")
	}
	for _, x := range q.Exclude {
		if !ValidID(x) {
			errs.add("exclude", "%s is not an actor id", Quote(x))
		} else if x == q.From || x == q.To {
			errs.add("exclude", "must not name an endpoint (%s)", x)
		}
	}
	if q.Limit == 0 {
		q.Limit = DefaultPathLimit
	}
	if q.Limit < 1 || q.Limit > MaxPathLimit {
		errs.add("limit", "must be between 1 and %d", MaxPathLimit)
	}
	if len(errs) > 0 {
		return Invalid("invalid path query", errs...)
	}
	return nil
}

// Admits reports whether the query lets a path use relationship r (type,
// date and confidence filters; direction and exclusions are the caller's).
func (q *PathQuery) Admits(r *Relationship) bool {
	if len(q.Types) > 0 && !slices.Contains(q.Types, r.Type) {
		return false
	}
	if q.AsOf != nil && !r.ValidOn(*q.AsOf) {
		return false
	}
	return r.Confidence >= q.MinConfidence
}

// EdgeCost is the cost of traversing r under q.
func (q *PathQuery) EdgeCost(r *Relationship) float64 {
	if q.Weighted {
		return 1 / r.Weight
	}
	return 1
}

// Finish fills a path's derived fields (hops, cost, sign, signs,
// explanation) from its actors, names and relationships, so every store
// describes a path in exactly the same words.
func (p *Path) Finish(q *PathQuery, reg Registry) {
	p.Hops = len(p.Relationships)
	p.Cost = 0
	p.Sign = 1
	p.Signs = make([]int, len(p.Relationships))
	var b strings.Builder
	b.WriteString(p.Names[0])
	for i := range p.Relationships {
		r := &p.Relationships[i]
		p.Cost += q.EdgeCost(r)
		t, _ := reg.Get(r.Type)
		p.Signs[i] = t.Polarity
		p.Sign *= t.Polarity
		forward := r.Source == p.Actors[i]
		// A dated tie says when it held, so that two paths over the
		// same actors through different spells read differently.
		label := r.Type + spell(r.ValidFrom, r.ValidTo)
		switch {
		case t.Symmetric:
			b.WriteString(" —" + label + "— ")
		case forward:
			b.WriteString(" —" + label + "→ ")
		default:
			b.WriteString(" ←" + label + "— ")
		}
		b.WriteString(p.Names[i+1])
	}
	if !q.Weighted {
		p.Cost = float64(p.Hops)
	}
	p.Explanation = b.String()
}

// spell describes a validity interval in a path's explanation: empty when
// the tie is undated.
func spell(from, to *Date) string {
	switch {
	case from != nil && to != nil:
		return " (" + from.String() + " to " + to.String() + ")"
	case from != nil:
		return " (since " + from.String() + ")"
	case to != nil:
		return " (until " + to.String() + ")"
	}
	return ""
}

// ComparePaths orders paths by hops, then cost, then actor ids, then
// relationship ids: the order every store returns.
func ComparePaths(a, b Path) int {
	if c := cmp.Compare(a.Hops, b.Hops); c != 0 {
		return c
	}
	if c := compareCost(a.Cost, b.Cost); c != 0 {
		return c
	}
	if c := slices.Compare(a.Actors, b.Actors); c != 0 {
		return c
	}
	return slices.CompareFunc(a.Relationships, b.Relationships, func(x, y Relationship) int { return strings.Compare(x.ID, y.ID) })
}

// ComparePathsBySelection orders paths by cost, then hops, then actor ids,
// then relationship ids: the order in which shortest and k_shortest choose.
func ComparePathsBySelection(a, b Path) int {
	if c := compareCost(a.Cost, b.Cost); c != 0 {
		return c
	}
	return ComparePaths(a, b)
}

// SameCost reports whether two path costs are equal within the tolerance
// that every store applies (relative 1e-9).
func SameCost(a, b float64) bool { return compareCost(a, b) == 0 }

// compareCost treats costs within a relative 1e-9 as equal, so that sums
// of 1/weight added in a different order on another store tie the same way.
func compareCost(a, b float64) int {
	d := a - b
	tol := 1e-9 * max(1, max(a, b))
	switch {
	case d < -tol:
		return -1
	case d > tol:
		return 1
	}
	return 0
}

// SortPaths sorts paths into the canonical order.
func SortPaths(ps []Path) { slices.SortStableFunc(ps, ComparePaths) }
