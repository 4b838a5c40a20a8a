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
// shortest returns the first path in selection order; all_shortest every
// path of minimal cost (hops when unweighted); k_shortest the first k paths
// in selection order; all every path of at most max_hops hops. Each result
// is then sorted in output order and cut at the limit. Parallel
// relationships between the same two actors make distinct paths.
type PathMode string

const (
	ModeShortest    PathMode = "shortest"     // one shortest path (the first in path order)
	ModeAllShortest PathMode = "all_shortest" // every shortest path
	ModeKShortest   PathMode = "k_shortest"   // the k cheapest loopless paths (Yen)
	ModeAll         PathMode = "all"          // every simple path up to MaxHops
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
	Limit         int  // at most this many paths (all, all_shortest)
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
	// empty.
	Window Window `json:"window"`
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
	case ModeShortest, ModeAllShortest, ModeAll:
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
		errs.add("mode", "must be one of shortest, all_shortest, k_shortest, all")
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
		switch {
		case t.Symmetric:
			b.WriteString(" —" + r.Type + "— ")
		case forward:
			b.WriteString(" —" + r.Type + "→ ")
		default:
			b.WriteString(" ←" + r.Type + "— ")
		}
		b.WriteString(p.Names[i+1])
	}
	if !q.Weighted {
		p.Cost = float64(p.Hops)
	}
	p.Explanation = b.String()
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
