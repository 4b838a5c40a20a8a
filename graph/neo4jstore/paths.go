package neo4jstore

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/detente/detente/graph"
)

// Path queries run natively in Cypher, as quantified path patterns (QPP):
//
//	MATCH (src:Actor {id: $from}), (dst:Actor {id: $to})
//	MATCH p = ALL SHORTEST (src)((x)-[r:`SUPPORTS`|`ARMS`]-(y) WHERE <edge predicate>){1,6}(dst)
//
// The relationship types are the allowed ones (the query's, or the whole
// registry) as a type union in the pattern, so only they are expanded. The
// edge predicate (min_confidence, as_of, exclusions as a predicate on y) sits
// inside the QPP, where Neo4j evaluates it while expanding: for ALL SHORTEST
// it is inlined into the search automaton, for enumeration it is a filter on
// each step of the Repeat(Trail) operator. No query uses shortestPath(), so
// none can fall back to the exhaustive search
// (dbms.cypher.forbid_exhaustive_shortestpath=true is fine).
//
// Direction: with direction both, or when every allowed type is symmetric,
// the pattern is undirected; out (in) over non-symmetric types only is a
// directed pattern. With out/in over a mix of symmetric and non-symmetric
// types the pattern is undirected and the predicate allows a reversed step
// only for a symmetric type: "(r.type IN $symmetric OR startNode(r) = x)".
// Neo4j 5.26's shortest-path automaton inlines only predicates on one
// element, so for ALL SHORTEST that one is applied to the paths it traces
// (still exact: the pattern's predicates hold before shortest selection),
// while the enumerating queries apply it per step.
//
// Types. Without a type filter the pattern names no type, [r]: every
// relationship in the database has a registered type (the store creates
// only those, and types are never removed), so that is the whole registry
// without reading it. User-defined types are read (a second statement)
// only when the query needs them: a filter names a type that is not
// built-in, direction out/in needs to know which types are symmetric, or
// a path found uses a user-defined type (its polarity and symmetry go
// into the path's sign and explanation). The default query is then the
// one statement, and the endpoints' existence is checked only when it
// finds no path.
//
// Modes. Costs: hops, or with weighted the sum of 1/weight. Paths come back
// in the canonical order (graph.SortPaths: hops, cost, actor ids,
// relationship ids); "the k cheapest" means the first k by cost, then that
// order. Cypher computes a path's cost exactly as Path.Finish does (the same
// sum in the same order), sorts by it, and hands over only what is needed.
//
//   - Unweighted shortest / all_shortest: one ALL SHORTEST query (breadth-
//     first), ordered by actor ids then relationship ids, LIMIT 1 / limit.
//   - all, and unweighted k_shortest: paths of the fewest hops from ALL
//     SHORTEST, then each further hop count h in turn (QPP {h,h}) until
//     enough paths are in hand; since the canonical order puts fewer hops
//     first, a level is needed only while the earlier ones fall short.
//   - Weighted queries and k_shortest are answered in Go on the endpoints'
//     neighbourhood (localpaths.go); Cypher searches them as below only
//     when that neighbourhood is too large to read, or in tests.
//   - Weighted shortest / all_shortest / k_shortest: Neo4j has no weighted
//     shortest path without GDS/APOC, so the search enumerates bounded simple
//     paths level by level, cheapest first in each level (ORDER BY cost
//     LIMIT k). A path of h hops costs at least h (weights are at most 1),
//     so once the k-th cheapest candidate costs no more than the next level's
//     hop count, no deeper path can beat it and the search stops; deeper
//     levels are filtered by that k-th cost. (Pruning each step by the
//     weight the bound leaves it, r.weight >= 1/(B-h+1), was measured: on
//     a 10^6-relationship graph it made Neo4j's expansion slower, since the
//     bound rarely excludes much and every step then reads a property.)
//   - all, weighted: as the unweighted one, each level taken cheapest first.
//
// Enumeration matches trails (Cypher's relationship uniqueness) of at most
// max_hops (<= graph.MaxHopsCap) hops; those that repeat an actor are
// dropped in the query (Neo4j 5 has no ACYCLIC path mode). Shortest paths
// are simple by construction. The transaction timeout bounds it all, and a
// query that runs out of time is EUNAVAILABLE.

// Costs are compared with a relative tolerance (graph.SameCost, 1e-9) but
// Cypher sorts by exact cost, so a cut after the n-th path of a level also
// keeps the paths whose cost lies within tieSpan above the n-th's: the
// tolerant order may rank them first (it breaks ties by ids). tieSlack extra
// rows are read with every cut, so that a second query for such ties is
// needed only when more than that many paths share the cut-off cost.
const (
	tieSpan  = 2e-9
	tieSlack = 16
)

const (
	orderCost = "cost, ids, rids"
	orderIDs  = "ids, rids"
)

// Cost filters (constants; their values are parameters).
const (
	filterBound  = "cost <= $bound"
	filterWindow = "cost >= $lo AND cost <= $hi"
)

// level selects the paths of one query: the fewest-hops paths (ALL SHORTEST
// over 1..max_hops hops) or the simple paths of exactly hops hops.
type level struct {
	shortest bool
	hops     int
}

type pathSearch struct {
	q      *graph.PathQuery
	reg    graph.Registry
	full   bool   // reg holds the user-defined types too
	step   string // the QPP body: (x)-[r:T]-(y) WHERE ...
	cost   string // Cypher cost of one relationship e
	params map[string]any
	none   bool // no type to walk
}

// builtinRegistry is the registry of the built-in types alone: enough for
// a query that names no user-defined type (see needsUserTypes).
var builtinRegistry = sync.OnceValue(func() graph.Registry { return graph.NewRegistry(graph.BuiltinTypes()) })

// needsUserTypes reports whether a query (before Normalize) needs the
// user-defined types to be built: a filter that names a type which is not
// built-in (to validate it, and for its symmetry), or no filter with a
// direction other than both (the symmetric types are walked both ways).
func needsUserTypes(q *graph.PathQuery) bool {
	if len(q.Types) == 0 {
		return q.Direction != "" && q.Direction != graph.Both
	}
	for _, t := range q.Types {
		if _, ok := builtinRegistry().Get(t); !ok {
			return true
		}
	}
	return false
}

// newPathSearch builds the search for q (normalized against reg); full
// says whether reg holds the user-defined types too.
func newPathSearch(q *graph.PathQuery, reg graph.Registry, full bool) *pathSearch {
	ps := &pathSearch{q: q, reg: reg, full: full, cost: "1.0"}
	if q.Weighted {
		ps.cost = "1.0 / e.weight"
	}
	names := uniqueNames(q.Types)
	if len(names) == 0 {
		names = reg.Names()
	}
	var (
		sym    = []string{}
		nonSym int
	)
	for _, n := range names {
		if t, ok := reg.Get(n); ok && t.Symmetric {
			sym = append(sym, n)
		} else {
			nonSym++
		}
	}
	union := typeUnion(reg, names)
	if union == "" {
		ps.none = true
		return ps
	}
	rel := "[r:" + union + "]"
	if len(q.Types) == 0 {
		rel = "[r]" // every relationship has a registered type
	}
	left, right := "-", "-"
	var preds []string
	ps.params = map[string]any{"from": q.From, "to": q.To}
	switch {
	case q.Direction == graph.Both || nonSym == 0:
		// every allowed tie may be walked either way
	case len(sym) == 0 && q.Direction == graph.Out:
		right = "->"
	case len(sym) == 0:
		left = "<-"
	case q.Direction == graph.Out:
		preds = append(preds, "(r.type IN $symmetric OR startNode(r) = x)")
		ps.params["symmetric"] = sym
	default:
		preds = append(preds, "(r.type IN $symmetric OR endNode(r) = x)")
		ps.params["symmetric"] = sym
	}
	if q.MinConfidence > 0 {
		preds = append(preds, "r.confidence >= $minConfidence")
		ps.params["minConfidence"] = q.MinConfidence
	}
	if q.AsOf != nil {
		preds = append(preds, "(r.valid_from IS NULL OR r.valid_from <= $asOf)", "(r.valid_to IS NULL OR r.valid_to >= $asOf)")
		ps.params["asOf"] = neo4j.Date(q.AsOf.Time())
	}
	if len(q.Exclude) > 0 {
		preds = append(preds, "NOT y.id IN $exclude")
		ps.params["exclude"] = q.Exclude
	}
	ps.step = "(x)" + left + rel + right + "(y)"
	if len(preds) > 0 {
		ps.step += " WHERE " + strings.Join(preds, " AND ")
	}
	return ps
}

// query builds a path query from the search's allow-listed pieces: hop
// counts are integers, filter and order are the constants above.
func (ps *pathSearch) query(lv level, filter, order string) string {
	var b strings.Builder
	b.WriteString("MATCH (src:Actor {id: $from}), (dst:Actor {id: $to})\nMATCH p = ")
	step := ps.step
	if lv.shortest {
		fmt.Fprintf(&b, "ALL SHORTEST (src)(%s){1,%d}(dst)\n", step, ps.q.MaxHops)
	} else {
		fmt.Fprintf(&b, "(src)(%s){%d,%d}(dst)\n", step, lv.hops, lv.hops)
	}
	b.WriteString("WITH nodes(p) AS ns, relationships(p) AS rs\n")
	if !lv.shortest {
		b.WriteString("WHERE all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])\n")
	}
	b.WriteString("WITH ns, rs, reduce(c = 0.0, e IN rs | c + " + ps.cost + ") AS cost\n")
	if filter != "" {
		b.WriteString("WHERE " + filter + "\n")
	}
	b.WriteString(`WITH ns, rs, cost, [n IN ns | n.id] AS ids, [e IN rs | e.id] AS rids
ORDER BY ` + order + `
LIMIT $limit
RETURN ids, [n IN ns | n.name] AS names,
  [e IN rs | {source: startNode(e).id, target: endNode(e).id, props: properties(e)}] AS rels`)
	return b.String()
}

// run executes one path query and finishes its paths.
func (ps *pathSearch) run(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, extra map[string]any) ([]graph.Path, error) {
	params := make(map[string]any, len(ps.params)+len(extra))
	for k, v := range ps.params {
		params[k] = v
	}
	for k, v := range extra {
		params[k] = v
	}
	recs, err := collect(ctx, tx, cypher, params)
	if err != nil {
		return nil, err
	}
	out := make([]graph.Path, 0, len(recs))
	for _, rec := range recs {
		var p graph.Path
		ids, _ := rec.Get("ids")
		names, _ := rec.Get("names")
		rels, _ := rec.Get("rels")
		if p.Actors, err = stringList(ids); err != nil {
			return nil, err
		}
		nameList, _ := names.([]any)
		p.Names = make([]string, len(nameList))
		for i, n := range nameList {
			p.Names[i], _ = n.(string)
		}
		relList, _ := rels.([]any)
		p.Relationships = make([]graph.Relationship, len(relList))
		for i, x := range relList {
			m, _ := x.(map[string]any)
			if p.Relationships[i], err = toRel(m["source"], m["target"], m["props"]); err != nil {
				return nil, err
			}
		}
		if len(p.Actors) != len(p.Relationships)+1 || len(p.Names) != len(p.Actors) {
			return nil, fmt.Errorf("neo4jstore: malformed path row")
		}
		if err := ps.knowTypes(ctx, tx, p.Relationships); err != nil {
			return nil, err
		}
		p.Finish(ps.q, ps.reg)
		out = append(out, p)
	}
	return out, nil
}

// knowTypes makes sure the search's registry holds the type of every
// relationship in rels, reading the user-defined types in tx the first
// time a path uses one.
func (ps *pathSearch) knowTypes(ctx context.Context, tx neo4j.ManagedTransaction, rels []graph.Relationship) error {
	for i := range rels {
		if _, ok := ps.reg.Get(rels[i].Type); ok {
			continue
		}
		if !ps.full {
			reg, err := readRegistry(ctx, tx)
			if err != nil {
				return err
			}
			ps.reg, ps.full = reg, true
			if _, ok := ps.reg.Get(rels[i].Type); ok {
				continue
			}
		}
		return fmt.Errorf("neo4jstore: relationship %s has the unregistered type %s", rels[i].ID, rels[i].Type)
	}
	return nil
}

// top returns the first n paths of a level in selection order (cost, then
// ids), none dearer than bound; on a weighted query also every path that
// may tie with the n-th under the tolerance, at most tieLimit of those, the
// smallest ids first (a level's paths all have the same hops, so that is
// how the tolerant order breaks their ties).
func (ps *pathSearch) top(ctx context.Context, tx neo4j.ManagedTransaction, lv level, bound float64, n, tieLimit int) ([]graph.Path, error) {
	extra := map[string]any{}
	filter := ""
	if !math.IsInf(bound, 1) {
		filter = filterBound
		extra["bound"] = bound
	}
	if !ps.q.Weighted {
		// cost = hops: Cypher's order is the exact selection order
		extra["limit"] = int64(n)
		return ps.run(ctx, tx, ps.query(lv, filter, orderCost), extra)
	}
	extra["limit"] = int64(n + tieSlack)
	rows, err := ps.run(ctx, tx, ps.query(lv, filter, orderCost), extra)
	if err != nil || len(rows) <= n {
		return rows, err
	}
	cut := rows[n-1].Cost
	hi := math.Nextafter(cut*(1+tieSpan), math.Inf(1))
	out := rows[:n:n]
	for _, p := range rows[n:] {
		if p.Cost <= hi {
			out = append(out, p)
		}
	}
	if len(rows) < n+tieSlack || rows[len(rows)-1].Cost > hi {
		return out, nil // every path near the cut is in hand
	}
	extra["lo"], extra["hi"], extra["limit"] = cut, hi, int64(tieLimit)
	ties, err := ps.run(ctx, tx, ps.query(lv, filterWindow, orderIDs), extra)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, p := range out {
		seen[pathKey(p)] = true
	}
	for _, p := range ties {
		if !seen[pathKey(p)] {
			out = append(out, p)
		}
	}
	return out, nil
}

// pathKey identifies a path of a query: its relationships, in order.
func pathKey(p graph.Path) string {
	ids := make([]string, len(p.Relationships))
	for i, r := range p.Relationships {
		ids[i] = r.ID
	}
	return strings.Join(ids, "\x00")
}

// search finds the candidate paths of the query's mode (see the comment at
// the top of this file); Paths sorts and trims them.
func (ps *pathSearch) search(ctx context.Context, tx neo4j.ManagedTransaction) ([]graph.Path, error) {
	q := ps.q
	inf := math.Inf(1)
	if ps.none {
		return nil, nil
	}
	shortest := level{shortest: true}
	switch {
	case !q.Weighted && (q.Mode == graph.ModeShortest || q.Mode == graph.ModeAllShortest):
		n := 1
		if q.Mode == graph.ModeAllShortest {
			n = q.Limit
		}
		return ps.top(ctx, tx, shortest, inf, n, n)

	case q.Mode == graph.ModeAll || q.Mode == graph.ModeKShortest && !q.Weighted:
		// Fewer hops come first in both orders here: whole levels, the
		// fewest hops first, until enough paths are in hand.
		need := q.Limit
		if q.Mode == graph.ModeKShortest {
			need = q.K
		}
		cands, err := ps.top(ctx, tx, shortest, inf, need, need)
		if err != nil || len(cands) == 0 {
			return cands, err
		}
		for h := cands[0].Hops + 1; h <= q.MaxHops && len(cands) < need; h++ {
			more, err := ps.top(ctx, tx, level{hops: h}, inf, need-len(cands), need-len(cands))
			if err != nil {
				return nil, err
			}
			cands = append(cands, more...)
		}
		if q.Mode == graph.ModeAll {
			graph.SortPaths(cands)
			return cands[:min(need, len(cands))], nil
		}
		return firstBySelection(cands, need), nil
	}

	// Weighted shortest, all_shortest and k_shortest: the k cheapest.
	k, tieLimit := 1, 1
	switch q.Mode {
	case graph.ModeKShortest:
		k, tieLimit = q.K, q.K
	case graph.ModeAllShortest:
		tieLimit = q.Limit
	}
	cands, err := ps.top(ctx, tx, shortest, inf, k, tieLimit)
	if err != nil || len(cands) == 0 {
		return cands, err
	}
	for h := cands[0].Hops + 1; h <= q.MaxHops; h++ {
		bound := inf
		if len(cands) >= k {
			kth := firstBySelection(slices.Clone(cands), k)[k-1].Cost
			// h hops cost at least h. A deeper path that only ties the
			// k-th loses on hops, except that all_shortest keeps ties.
			c := costCompare(float64(h), kth)
			if c > 0 || c == 0 && q.Mode != graph.ModeAllShortest {
				break
			}
			bound = math.Nextafter(kth*(1+tieSpan), inf)
		}
		more, err := ps.top(ctx, tx, level{hops: h}, bound, k, tieLimit)
		if err != nil {
			return nil, err
		}
		cands = append(cands, more...)
	}
	if q.Mode != graph.ModeAllShortest {
		return firstBySelection(cands, k), nil
	}
	best := firstBySelection(cands, 1)[0].Cost
	return slices.DeleteFunc(cands, func(p graph.Path) bool { return !graph.SameCost(p.Cost, best) }), nil
}

// firstBySelection sorts paths in selection order (cost, then the
// canonical order: graph.ComparePathsBySelection) and keeps the first n.
func firstBySelection(paths []graph.Path, n int) []graph.Path {
	slices.SortStableFunc(paths, graph.ComparePathsBySelection)
	return paths[:min(n, len(paths))]
}

// costCompare compares two costs with the tolerance all stores apply.
func costCompare(a, b float64) int {
	switch {
	case graph.SameCost(a, b):
		return 0
	case a < b:
		return -1
	}
	return 1
}

// count returns how many candidate paths the query matches, given those
// search found: it counts beyond them only for all and all_shortest that
// filled their limit, and then no further than one past the cap.
func (ps *pathSearch) count(ctx context.Context, tx neo4j.ManagedTransaction, found []graph.Path) (int, error) {
	q := ps.q
	const enough = graph.MaxPathCandidates + 1
	if len(found) < q.Limit || q.Mode != graph.ModeAll && q.Mode != graph.ModeAllShortest {
		return len(found), nil
	}
	if q.Mode == graph.ModeAllShortest && !q.Weighted {
		return ps.countLevel(ctx, tx, level{shortest: true}, "", nil, enough)
	}
	// all: every simple path from the fewest hops up; weighted
	// all_shortest: those of least cost, which cost at least their hops.
	from, filter, extra := found[0].Hops, "", map[string]any(nil)
	for _, p := range found {
		from = min(from, p.Hops)
	}
	hi := math.Inf(1)
	if q.Mode == graph.ModeAllShortest {
		best := found[0].Cost
		hi = math.Nextafter(best*(1+tieSpan), hi)
		filter, extra = filterWindow, map[string]any{"lo": best * (1 - tieSpan), "hi": hi}
	}
	total := 0
	for h := from; h <= q.MaxHops && float64(h) <= hi && total < enough; h++ {
		n, err := ps.countLevel(ctx, tx, level{hops: h}, filter, extra, enough-total)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// countLevel counts the paths of one level that pass filter (a cost
// filter constant, or none), up to limit.
func (ps *pathSearch) countLevel(ctx context.Context, tx neo4j.ManagedTransaction, lv level, filter string, extra map[string]any, limit int) (int, error) {
	var b strings.Builder
	b.WriteString("MATCH (src:Actor {id: $from}), (dst:Actor {id: $to})\nCALL (src, dst) {\n  MATCH p = ")
	if lv.shortest {
		fmt.Fprintf(&b, "ALL SHORTEST (src)(%s){1,%d}(dst)\n", ps.step, ps.q.MaxHops)
	} else {
		fmt.Fprintf(&b, "(src)(%s){%d,%d}(dst)\n", ps.step, lv.hops, lv.hops)
		b.WriteString("  WITH nodes(p) AS ns, relationships(p) AS rs\n")
		b.WriteString("  WHERE all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])\n")
		if filter != "" {
			b.WriteString("  WITH reduce(c = 0.0, e IN rs | c + " + ps.cost + ") AS cost\n  WHERE " + filter + "\n")
		}
	}
	b.WriteString("  RETURN 1 AS one LIMIT $limit\n}\nRETURN count(one) AS n")
	params := make(map[string]any, len(ps.params)+len(extra)+1)
	for k, v := range ps.params {
		params[k] = v
	}
	for k, v := range extra {
		params[k] = v
	}
	params["limit"] = int64(limit)
	recs, err := collect(ctx, tx, b.String(), params)
	if err != nil {
		return 0, err
	}
	return int(count(recs)), nil
}

// Paths finds a normalised query's candidate paths in one read
// transaction.
func (s *Store) Paths(ctx context.Context, q graph.PathQuery) (graph.PathCandidates, error) {
	return readTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (graph.PathCandidates, error) {
		reg, full := builtinRegistry(), false
		if needsUserTypes(&q) {
			var err error
			if reg, err = readRegistry(ctx, tx); err != nil {
				return graph.PathCandidates{}, err
			}
			full = true
		}
		if searchesLocally(&q) && !s.cypherPaths {
			c, ok, err := s.localPaths(ctx, tx, q, &reg, &full)
			if err != nil || ok {
				return c, err
			}
		}
		ps := newPathSearch(&q, reg, full)
		paths, err := ps.search(ctx, tx)
		if err != nil {
			return graph.PathCandidates{}, err
		}
		if len(paths) == 0 {
			// A path proves both endpoints exist; only an empty answer
			// needs the check (a missing endpoint is 404, not "no path").
			// The search costs little then: it matches from the endpoints.
			have, err := existingActors(ctx, tx, []string{q.From, q.To})
			if err != nil {
				return graph.PathCandidates{}, err
			}
			for _, id := range []string{q.From, q.To} {
				if !have[id] {
					return graph.PathCandidates{}, notFound("actor", id)
				}
			}
		}
		n, err := ps.count(ctx, tx, paths)
		if err != nil {
			return graph.PathCandidates{}, err
		}
		return graph.PathCandidates{Paths: paths, Count: n}, nil
	})
}
