package analysis

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"

	"github.com/detente/detente/graph"
)

// Key players (GET /api/v1/keyplayers): the ties, or the actors, whose
// removal — or, for ties, whose sign flip — most lowers a measure.
//
// The problem is Borgatti's (S. P. Borgatti 2006, "Identifying sets of key
// players in a social network", Computational and Mathematical
// Organization Theory 12:21–34): choose the set of k nodes whose removal
// most damages a property of the network (his KPP-Neg, there measured by
// fragmentation and distance). Here the items may be ties as well as
// actors, and the property is one of this package's sign-aware measures:
//
//   - sway, pressure: the total sway (or pressure) Target exerts, the sum
//     of every score in ActorInfluence.Sways (Pressures) — all of them, not
//     the first Limit; swayed_by, pressured_by: what Target receives, the
//     sum of SwayedBy (PressuredBy). Channels of at most MaxHops ties, on
//     the signed ties by default (as ActorInfluence).
//   - separation: how strongly Target and Other are linked by cooperative
//     channels, Target's sway on Other plus Other's on Target (the scores
//     of Other in Target's Sways and SwayedBy). Lowering it separates them.
//   - frustration: the frustration index of the signed graph
//     (Balance.Frustration.Index, Aref and Wilson 2018), on every polarity.
//
// Semantics. The measure is computed on the projection of the graph under
// the query's filter (as_of, types, polarity, weighted), by the very code
// that answers /actors/{id}/influence and /balance, on the projection
// with the chosen items masked out: a removed tie is not selected, a
// removed actor loses every selected tie (it stays an isolated actor,
// which no measure here counts), a flipped tie is read with the opposite
// polarity, keeping its direction, symmetry, weight, confidence and dates.
// The value reported for a set is therefore the measure on the graph
// without those ties or actors (TestKeyPlayersBruteForce checks this
// against the graph rebuilt without them, through a store), and the
// scenario the result converts to (KeyPlayers.Changes) is that graph.
//
// Greedy search. Starting from nothing removed (Base), each step tries
// every remaining candidate with the items already picked and keeps the
// one giving the lowest value, rounded to 12 significant digits, ties to
// the lowest id (relationship or actor id); each pick reports the value
// before and after it and its marginal Delta (After − Before, negative:
// a reduction). The search stops after K picks, or earlier when no
// candidate lowers the value (Exhausted): picks always lower it. Finding
// the best set is combinatorial, and Borgatti's own heuristic improves a
// random starting set by the best swap of a member for a non-member until
// no swap helps. The forward greedy here is deterministic and its steps
// are what an analyst reads (each item's marginal effect); it is optimal
// for k = 1, not in general (two ties may cut together what neither cuts
// alone), which is what the exact search is for on small cases.
//
// Exact search (Exact true) goes through every set of at most K
// candidates, smaller sets first, and returns the lowest value (ties: the
// smaller set, then the first in candidate order), within
// MaxKeyPlayerSets sets. Both searches stop early at a floor no set can go
// below (see keySearch.floor), which changes nothing but the work.
// Invariants: Final ≤ Base, and every pick lowers the value; Exact.Value
// ≤ Final (the greedy set is one of the sets tried); every value is the
// measure on the graph without the items.
//
// Candidates are only the items that can change the value, so that the
// search is local and cheap: for the channel measures, the ties (actors)
// within reach of Target along any selected tie (a channel of at most
// MaxHops ties cannot use anything further away; for separation, on a
// path of at most MaxHops between Target and Other), signed ties only
// unless the projection counts structural ties as conduits (polarity
// all, when the op is remove); Target and
// Other themselves are never candidates. For frustration, the signed ties
// and the actors with one. Only a signed tie can be flipped, to its sign
// counterpart type (see KeyPlayerItem.FlipTo). More than
// MaxKeyPlayerCandidates candidates is ETOOLARGE.
//
// The searches compare exact values: when the measure on the graph
// itself is only bounded — the channel enumeration hits its bound
// (maxEvidenceExpansions), or the frustration search its budget, as on
// dense random graphs where each evaluation would also cost the whole
// budget — the query is ETOOLARGE. Approximate is set when the measure on
// some masked graph was only bounded.
//
// Why masked projections: a Projection is immutable and shared (cached by
// the Service, used concurrently), so each evaluation builds a new one
// from the parent's selected relationships (keySearch.masked): the same
// actor numbering and base, the selection minus the masked items, the
// edges rebuilt (O(m) in the selected relationships). The alternative,
// teaching every measure to skip masked items, would put a key-player
// branch in the hot loops of every query for a search that is bounded
// anyway; rebuilding keeps the measures' code the only code.

// Limits of a key-player search.
const (
	DefaultKeyPlayers = 3
	MaxKeyPlayers     = 10
	// MaxKeyPlayerCandidates caps the ties or actors a search tries; a
	// greedy step evaluates each at most once. Near the cap, 10 steps took
	// 1.5 s for sway (466 candidates, 3117 evaluations) and 4 s for the
	// frustration index (480 ties, each evaluation a full search) here
	// (BenchmarkKeyPlayers): within a request's time, which the context
	// bounds anyway.
	MaxKeyPlayerCandidates = 500
	// MaxKeyPlayerSets caps the sets an exact search evaluates.
	MaxKeyPlayerSets = 20_000
)

// Key-player measures (KeyPlayerQuery.Measure); MeasureFrustration is the
// frustration index.
const (
	MeasureSway        = "sway"
	MeasurePressure    = "pressure"
	MeasureSwayedBy    = "swayed_by"
	MeasurePressuredBy = "pressured_by"
	MeasureSeparation  = "separation"
)

// What a key-player search removes (KeyPlayerQuery.Kind) and how
// (KeyPlayerQuery.Op).
const (
	KeyPlayerTies   = "ties"
	KeyPlayerActors = "actors"
	KeyPlayerRemove = "remove"
	KeyPlayerFlip   = "flip"
)

// KeyPlayerMeasures returns the measures a key-player search lowers; the
// slice is the caller's.
func KeyPlayerMeasures() []string {
	return []string{MeasureSway, MeasurePressure, MeasureSwayedBy, MeasurePressuredBy, MeasureSeparation, MeasureFrustration}
}

// KeyPlayerQuery asks which K ties or actors most lower a measure.
type KeyPlayerQuery struct {
	// Measure is one of KeyPlayerMeasures.
	Measure string
	// Target is the actor of the channel measures; Other the second actor
	// of separation. Frustration takes neither.
	Target, Other string
	// Filter selects the relationships. Polarity defaults to "signed" for
	// the channel measures (as actor influence) and must be empty or "all"
	// for frustration; a flip needs both signs selected (signed or all).
	Filter
	// K is the number of items: 0 means DefaultKeyPlayers, at most
	// MaxKeyPlayers.
	K int
	// Kind is KeyPlayerTies (the default) or KeyPlayerActors.
	Kind string
	// Op is KeyPlayerRemove (the default) or KeyPlayerFlip (ties only).
	Op string
	// MaxHops bounds the channels of the channel measures: 0 means
	// DefaultPathHops, at most MaxPathHops.
	MaxHops int
	// Exact also searches every set of at most K candidates.
	Exact bool
}

func (q *KeyPlayerQuery) channelMeasure() bool {
	switch q.Measure {
	case MeasureSway, MeasurePressure, MeasureSwayedBy, MeasurePressuredBy, MeasureSeparation:
		return true
	}
	return false
}

// fieldErrors fills in the defaults and reports every problem, each under
// its query parameter.
func (q *KeyPlayerQuery) fieldErrors() []graph.FieldError {
	var errs []graph.FieldError
	add := func(path, msg string) { errs = append(errs, graph.FieldError{Path: path, Message: msg}) }
	channel := q.channelMeasure()
	switch {
	case q.Measure == "":
		add("measure", "is required: one of "+strings.Join(KeyPlayerMeasures(), ", "))
	case !channel && q.Measure != MeasureFrustration:
		add("measure", "must be one of "+strings.Join(KeyPlayerMeasures(), ", "))
	}
	switch {
	case q.Target != "" && !graph.ValidID(q.Target):
		add("target", "must be an actor id")
	case channel && q.Target == "":
		add("target", "is required: measure "+q.Measure+" is about one actor")
	case q.Measure == MeasureFrustration && q.Target != "":
		add("target", "not taken by measure frustration, which is about the whole graph")
	}
	switch {
	case q.Other != "" && !graph.ValidID(q.Other):
		add("other", "must be an actor id")
	case q.Measure == MeasureSeparation && q.Other == "":
		add("other", "is required: separation is between target and other")
	case q.Measure == MeasureSeparation && q.Other == q.Target:
		add("other", "must differ from target")
	case q.Measure != MeasureSeparation && q.Other != "":
		add("other", "taken only by measure separation")
	}
	errs = append(errs, limitError(&q.K, "k", DefaultKeyPlayers, MaxKeyPlayers)...)
	if q.Kind == "" {
		q.Kind = KeyPlayerTies
	}
	if q.Kind != KeyPlayerTies && q.Kind != KeyPlayerActors {
		add("kind", "must be one of "+KeyPlayerTies+", "+KeyPlayerActors)
	}
	if q.Op == "" {
		q.Op = KeyPlayerRemove
	}
	switch {
	case q.Op != KeyPlayerRemove && q.Op != KeyPlayerFlip:
		add("op", "must be one of "+KeyPlayerRemove+", "+KeyPlayerFlip)
	case q.Op == KeyPlayerFlip && q.Kind == KeyPlayerActors:
		add("op", "flip changes a tie's sign: it needs kind ties")
	}
	if q.Measure == MeasureFrustration {
		if q.MaxHops != 0 {
			add("max_hops", "taken only by the channel measures (sway, pressure, swayed_by, pressured_by, separation)")
		}
	} else {
		errs = append(errs, limitError(&q.MaxHops, "max_hops", DefaultPathHops, MaxPathHops)...)
	}
	switch {
	// An unknown polarity is the filter's to report.
	case q.Measure == MeasureFrustration && (q.Polarity == PolarityPositive || q.Polarity == PolarityNegative || q.Polarity == PolaritySigned):
		add("polarity", "frustration needs both signs: must be all")
	case q.Op == KeyPlayerFlip && (q.Polarity == PolarityPositive || q.Polarity == PolarityNegative):
		add("polarity", "a flipped tie changes sign and must stay selected: must be signed or all")
	}
	return errs
}

// KeyPlayers is the answer to a KeyPlayerQuery: see the file comment in
// keyplayers.go for the definitions and invariants. Values are rounded to
// 12 significant digits.
type KeyPlayers struct {
	Measure  string      `json:"measure"`
	Target   string      `json:"target,omitempty"`
	Other    string      `json:"other,omitempty"`
	Kind     string      `json:"kind"`
	Op       string      `json:"op"`
	K        int         `json:"k"`
	MaxHops  int         `json:"max_hops,omitempty"` // channel measures
	Weighted bool        `json:"weighted"`
	Version  uint64      `json:"version"`
	AsOf     *graph.Date `json:"as_of,omitempty"`
	// Candidates is the number of ties or actors tried at each step;
	// Evaluations the number of times the measure was computed.
	Candidates  int `json:"candidates"`
	Evaluations int `json:"evaluations"`
	// Base is the measure with nothing removed, Final with every pick.
	Base  float64         `json:"base"`
	Picks []KeyPlayerPick `json:"picks"`
	Final float64         `json:"final"`
	// Exhausted says there are fewer than K picks because no remaining
	// candidate lowers the measure.
	Exhausted bool `json:"exhausted"`
	// Approximate says some value was a bound, not the measure (see the
	// file comment).
	Approximate bool `json:"approximate"`
	// Exact is the best set of at most K, when asked for.
	Exact *KeyPlayerSet `json:"exact,omitempty"`
}

// KeyPlayerItem is a tie or an actor a search can pick.
type KeyPlayerItem struct {
	ID string `json:"id"` // the relationship's or the actor's
	// Label reads the item: the actor's name, or the tie as a path reads
	// it ("Iran —arms→ Houthis", "Iran —allied_with— Russia").
	Label string `json:"label"`
	// Relationship is the tie, for kind ties.
	Relationship *graph.Relationship `json:"relationship,omitempty"`
	// FlipTo is, for op flip, the type the scenario gives the tie: the
	// registered type of the opposite polarity and the same symmetry
	// (among the filter's types, when it names some) whose Goldstein score
	// is nearest the negated score of the tie's type, then by name
	// (supports ↔ opposes, arms → sanctions, allied_with ↔ hostile_to).
	// The measures read only a type's polarity and symmetry, so the
	// scenario's graph is the graph the search measured.
	FlipTo string `json:"flip_to,omitempty"`
}

// KeyPlayerPick is one step of the greedy search.
type KeyPlayerPick struct {
	Rank int `json:"rank"` // 1 for the first pick
	KeyPlayerItem
	Before float64 `json:"before"` // the measure with the earlier picks
	After  float64 `json:"after"`  // … and this one
	Delta  float64 `json:"delta"`  // After − Before: this pick's marginal effect
	// Cumulative is After − Base: the effect of this and every earlier pick.
	Cumulative float64 `json:"cumulative"`
}

// KeyPlayerSet is the exact search's answer: the set of at most K items
// with the lowest value.
type KeyPlayerSet struct {
	Members []KeyPlayerItem `json:"members"` // in candidate (id) order
	Value   float64         `json:"value"`
	Delta   float64         `json:"delta"` // Value − Base
	Sets    int             `json:"sets"`  // sets evaluated
}

// Changes returns the scenario changes that make the graph the one the
// item's value was measured on: remove_actor, remove_relationship, or for
// a flip remove_relationship then add_relationship of the same tie (same
// id) with type FlipTo — a relationship's type is not patchable.
func (it KeyPlayerItem) Changes() []graph.Change {
	switch {
	case it.Relationship == nil:
		return []graph.Change{{Op: graph.OpRemoveActor, ID: it.ID}}
	case it.FlipTo == "":
		return []graph.Change{{Op: graph.OpRemoveRelationship, ID: it.ID}}
	}
	r := *it.Relationship
	r.Type = it.FlipTo
	r.Sources = slices.Clone(r.Sources)
	if r.ValidFrom != nil {
		d := *r.ValidFrom
		r.ValidFrom = &d
	}
	if r.ValidTo != nil {
		d := *r.ValidTo
		r.ValidTo = &d
	}
	return []graph.Change{{Op: graph.OpRemoveRelationship, ID: it.ID}, {Op: graph.OpAddRelationship, Relationship: &r}}
}

// Changes returns the scenario of the greedy picks, in pick order: saved
// as a graph.Scenario on the graph the search ran on, its graph measures
// Final.
func (k KeyPlayers) Changes() []graph.Change {
	out := []graph.Change{}
	for _, p := range k.Picks {
		out = append(out, p.Changes()...)
	}
	return out
}

// Changes returns the scenario of the set: its graph measures Value.
func (s KeyPlayerSet) Changes() []graph.Change {
	out := []graph.Change{}
	for _, m := range s.Members {
		out = append(out, m.Changes()...)
	}
	return out
}

// KeyPlayers finds the ties or actors that most lower a measure (GET
// /api/v1/keyplayers): see the file comment in keyplayers.go. EINVALID
// for a bad query (every problem at once), ENOTFOUND for an actor the
// graph does not hold, ETOOLARGE beyond MaxKeyPlayerCandidates candidates
// or MaxKeyPlayerSets sets, EUNAVAILABLE when the context ends.
func (s *Service) KeyPlayers(ctx context.Context, q KeyPlayerQuery) (KeyPlayers, error) {
	errs := q.fieldErrors()
	f := q.Filter
	if f.Polarity == "" && q.channelMeasure() {
		f.Polarity = PolaritySigned
	}
	p, err := s.projection(ctx, f, errs)
	if err != nil {
		return KeyPlayers{}, err
	}
	return p.KeyPlayers(ctx, q)
}

// KeyPlayers answers q on the projection as it is: q.Filter is not read,
// and the projection's polarity must suit the measure and op (see
// KeyPlayerQuery.Filter). The answer is kept (see memoResult).
func (p *Projection) KeyPlayers(ctx context.Context, q KeyPlayerQuery) (KeyPlayers, error) {
	q.Filter = p.Filter() // the polarity checked is the projection's
	if errs := q.fieldErrors(); len(errs) > 0 {
		return KeyPlayers{}, graph.Invalid("invalid key player query", errs...)
	}
	if q.channelMeasure() {
		if err := p.checkActor(q.Target, "target"); err != nil {
			return KeyPlayers{}, err
		}
	}
	if q.Measure == MeasureSeparation {
		if err := p.checkActor(q.Other, "other"); err != nil {
			return KeyPlayers{}, err
		}
	}
	exact := 0
	if q.Exact {
		exact = 1
	}
	return memoResult(ctx, p, resultKey("keyplayers", []string{q.Measure, q.Target, q.Other, q.Kind, q.Op}, q.K, q.MaxHops, exact),
		func(ctx context.Context) (KeyPlayers, error) {
			res, err := p.keyPlayers(ctx, q)
			if err == nil {
				err = p.hydrateKeyPlayers(ctx, &res)
			}
			return res, err
		})
}

// keyItem is a candidate: a selected relationship (rel ≥ 0) or an actor.
type keyItem struct {
	rel   int32 // index into base.rels, -1 for an actor
	actor int32 // index into ids, -1 for a tie
}

// keySearch is one key-player search on a projection.
type keySearch struct {
	p      *Projection
	q      KeyPlayerQuery
	sym    []bool // per p.relsSel: its type is symmetric
	target int32  // -1 when not in the projection (or frustration)
	other  int32
	evals  int
	approx bool
}

// keyPlayers computes KeyPlayers' answer for a checked query.
func (p *Projection) keyPlayers(ctx context.Context, q KeyPlayerQuery) (KeyPlayers, error) {
	res := KeyPlayers{Measure: q.Measure, Target: q.Target, Other: q.Other, Kind: q.Kind, Op: q.Op, K: q.K,
		Weighted: p.weighted, Version: p.Version(), Picks: []KeyPlayerPick{}}
	if q.channelMeasure() {
		res.MaxHops = q.MaxHops
	}
	if p.filter.AsOf != nil {
		d := *p.filter.AsOf
		res.AsOf = &d
	}
	ks := &keySearch{p: p, q: q, sym: make([]bool, len(p.relsSel)), target: -1, other: -1}
	for i, ri := range p.relsSel {
		t, _ := p.base.reg.Get(p.base.typeName(ri))
		ks.sym[i] = t.Symmetric
	}
	if v, ok := p.indexOf(q.Target); ok && q.channelMeasure() {
		ks.target = v
	}
	if v, ok := p.indexOf(q.Other); ok && q.Measure == MeasureSeparation {
		ks.other = v
	}

	cands := ks.candidates()
	res.Candidates = len(cands)
	if len(cands) > MaxKeyPlayerCandidates {
		return KeyPlayers{}, graph.Errorf(graph.ETOOLARGE,
			"the search would try %d %s, more than %d; narrow it with as_of, types, polarity or a smaller max_hops",
			len(cands), q.Kind, MaxKeyPlayerCandidates)
	}
	size := min(q.K, len(cands))
	if q.Exact {
		if n := subsetsUpTo(len(cands), size, MaxKeyPlayerSets); n > MaxKeyPlayerSets {
			return KeyPlayers{}, graph.Errorf(graph.ETOOLARGE,
				"an exact search would evaluate more than %d sets of up to %d of %d %s; lower k, narrow the graph or leave exact out",
				MaxKeyPlayerSets, size, len(cands), q.Kind)
		}
	}

	ev, err := ks.eval(ctx, p)
	if err != nil {
		return KeyPlayers{}, err
	}
	if !ev.exact {
		// Every evaluation would cost the whole budget and compare bounds.
		what := "the channels of " + q.Target + " number more than the enumeration bound; lower max_hops or narrow the graph with as_of, types or polarity"
		if q.Measure == MeasureFrustration {
			what = "the frustration index of this graph is not found exactly within the search budget; narrow the graph with as_of or types"
		}
		return KeyPlayers{}, graph.Errorf(graph.ETOOLARGE, "key players compare exact values, but %s", what)
	}
	base := ev.value
	res.Base, res.Final = base, base

	// Greedy: add the candidate giving the lowest value, ties by id.
	picked := make([]bool, len(cands))
	var set []keyItem
	cur := ev
	for len(res.Picks) < q.K {
		best, bestEv := -1, cur
		floor := ks.floor(cur.value, 1)
		for i, c := range cands {
			if picked[i] || bestEv.value <= floor {
				continue
			}
			e, err := ks.eval(ctx, ks.masked(append(set, c)))
			if err != nil {
				return KeyPlayers{}, err
			}
			if e.value < bestEv.value {
				best, bestEv = i, e
			}
		}
		if best < 0 {
			res.Exhausted = true
			break
		}
		picked[best] = true
		set = append(set, cands[best])
		res.Picks = append(res.Picks, KeyPlayerPick{Rank: len(res.Picks) + 1, KeyPlayerItem: ks.item(cands[best]),
			Before: cur.value, After: bestEv.value, Delta: roundScore(bestEv.value - cur.value), Cumulative: roundScore(bestEv.value - base)})
		cur = bestEv
	}
	res.Final = cur.value

	if q.Exact {
		ex, err := ks.exact(ctx, cands, size, base)
		if err != nil {
			return KeyPlayers{}, err
		}
		res.Exact = ex
	}
	res.Evaluations = ks.evals
	res.Approximate = ks.approx
	return res, nil
}

// exact evaluates every set of 1..size candidates, in order of size then
// candidate order, keeping the first with the lowest value.
func (ks *keySearch) exact(ctx context.Context, cands []keyItem, size int, base float64) (*KeyPlayerSet, error) {
	best, bestVal := []int{}, base
	sets := 0
	idx := make([]int, 0, size)
	set := make([]keyItem, 0, size)
	floor := ks.floor(base, size)
	var visit func(start, left int) error
	visit = func(start, left int) error {
		if bestVal <= floor {
			return nil // nothing later can do better
		}
		if left == 0 {
			sets++
			e, err := ks.eval(ctx, ks.masked(set))
			if err != nil {
				return err
			}
			if e.value < bestVal {
				best, bestVal = slices.Clone(idx), e.value
			}
			return nil
		}
		for i := start; i <= len(cands)-left; i++ {
			idx, set = append(idx, i), append(set, cands[i])
			if err := visit(i+1, left-1); err != nil {
				return err
			}
			idx, set = idx[:len(idx)-1], set[:len(set)-1]
		}
		return nil
	}
	for s := 1; s <= size; s++ {
		if err := visit(0, s); err != nil {
			return nil, err
		}
	}
	out := &KeyPlayerSet{Members: []KeyPlayerItem{}, Value: bestVal, Delta: roundScore(bestVal - base), Sets: sets}
	for _, i := range best {
		out.Members = append(out.Members, ks.item(cands[i]))
	}
	return out, nil
}

// floor is a value no set of at most k more items can go below, from
// value cur: 0 (every measure is a sum of strengths or a count), and for
// the frustration index of ties cur − k, since removing or flipping one
// relationship changes what any split frustrates by at most one. A search
// that reaches it stops: nothing later in its order can do strictly
// better, so the answer is the one a full scan would give.
func (ks *keySearch) floor(cur float64, k int) float64 {
	if ks.q.Measure == MeasureFrustration && ks.q.Kind == KeyPlayerTies {
		return max(0, cur-float64(k))
	}
	return 0
}

// subsetsUpTo is Σ_{s=1..k} C(n, s), or anything above limit once it
// passes it.
func subsetsUpTo(n, k, limit int) int {
	total, c := 0, 1
	for s := 1; s <= k; s++ {
		// C(n, s) = C(n, s-1) (n-s+1) / s, exact in integers.
		c = c * (n - s + 1) / s
		total += c
		if total > limit || c > limit {
			return limit + 1
		}
	}
	return total
}

// keyValue is the measure on one graph: its value, rounded to 12
// significant digits, and whether it is the measure, not a bound.
type keyValue struct {
	value float64
	exact bool
}

// eval is the measure on q (a masked projection, or the projection
// itself): the same functions that answer ActorInfluence and Balance.
func (ks *keySearch) eval(ctx context.Context, q *Projection) (keyValue, error) {
	if ctx.Err() != nil {
		return keyValue{}, ctxError(ctx)
	}
	ks.evals++
	if ks.q.Measure == MeasureFrustration {
		f, err := q.frustration(ctx, 0)
		if err != nil {
			return keyValue{}, err
		}
		ks.approx = ks.approx || !f.Exact
		return keyValue{float64(f.Index), f.Exact}, nil
	}
	if ks.target < 0 {
		return keyValue{0, true}, nil
	}
	out, in := q.signedAdjacencies()
	var total float64
	exact := true
	for _, dir := range []struct {
		reverse bool
		used    bool
	}{
		{false, ks.q.Measure == MeasureSway || ks.q.Measure == MeasurePressure || ks.q.Measure == MeasureSeparation},
		{true, ks.q.Measure == MeasureSwayedBy || ks.q.Measure == MeasurePressuredBy || ks.q.Measure == MeasureSeparation},
	} {
		if !dir.used {
			continue
		}
		adj := out
		if dir.reverse {
			adj = in
		}
		sway, pressure, truncated, err := q.enumerateChannels(ctx, adj, ks.target, dir.reverse, ks.q.MaxHops, 0)
		if err != nil {
			return keyValue{}, err
		}
		ks.approx = ks.approx || truncated
		exact = exact && !truncated
		t := sway
		if ks.q.Measure == MeasurePressure || ks.q.Measure == MeasurePressuredBy {
			t = pressure
		}
		if ks.q.Measure == MeasureSeparation {
			if ks.other >= 0 && t.count[ks.other] > 0 && t.score[ks.other] > 0 {
				total += t.score[ks.other]
			}
			continue
		}
		// The actors channelList lists, all of them.
		for v, s := range t.score {
			if int32(v) != ks.target && t.count[v] > 0 && s > 0 {
				total += s
			}
		}
	}
	return keyValue{roundScore(total), exact}, nil
}

// masked returns the projection without the ties and actors of set (or,
// for op flip, with its ties' polarity negated): see the file comment. It
// shares the parent's base and actor numbering; removed actors stay, with
// no tie.
func (ks *keySearch) masked(set []keyItem) *Projection {
	p := ks.p
	d := &data{base: p.base, filter: p.filter, ids: p.ids, local: p.local}
	flip := ks.q.Op == KeyPlayerFlip
	var dropRel, dropActor []int32
	for _, c := range set {
		if c.rel >= 0 {
			dropRel = append(dropRel, c.rel)
		} else {
			dropActor = append(dropActor, c.actor)
		}
	}
	if flip {
		d.flipped = make(map[int32]graph.RelationshipType, len(dropRel))
		for _, ri := range dropRel {
			// Only ties with a counterpart are candidates (flipType).
			name, _ := flipType(p.base.reg, p.base.typeName(ri), p.filter.Types)
			d.flipped[ri], _ = p.base.reg.Get(name)
		}
		dropRel = nil
	}
	sel := make([]int32, 0, len(p.relsSel))
	sym := make([]bool, 0, len(p.relsSel))
	for i, ri := range p.relsSel {
		if slices.Contains(dropRel, ri) {
			continue
		}
		if len(dropActor) > 0 {
			r := &p.base.rels[ri]
			if slices.Contains(dropActor, p.local[r.src]) || slices.Contains(dropActor, p.local[r.dst]) {
				continue
			}
		}
		sel = append(sel, ri)
		sym = append(sym, ks.sym[i])
	}
	d.link(sel, sym)
	return &Projection{data: d, weighted: p.weighted}
}

// candidates lists the items that can change the value (see the file
// comment), in id order.
func (ks *keySearch) candidates() []keyItem {
	p := ks.p
	n := len(p.ids)
	var within func(v int32) bool // an actor a channel can reach
	var relevant func(u, v int32) bool
	switch {
	case ks.q.Measure == MeasureFrustration:
		within = func(int32) bool { return true }
		relevant = func(int32, int32) bool { return true }
	case ks.target < 0 || ks.q.Measure == MeasureSeparation && ks.other < 0:
		return nil // no channel at all
	case ks.q.Measure == MeasureSeparation:
		h := int32(ks.q.MaxHops)
		dt, do := p.hopsFrom(ks.target), p.hopsFrom(ks.other)
		within = func(v int32) bool { return dt[v] >= 0 && do[v] >= 0 && dt[v]+do[v] <= h }
		relevant = func(u, v int32) bool {
			return dt[u] >= 0 && do[v] >= 0 && dt[u]+1+do[v] <= h || dt[v] >= 0 && do[u] >= 0 && dt[v]+1+do[u] <= h
		}
	default:
		h := int32(ks.q.MaxHops)
		dt := p.hopsFrom(ks.target)
		within = func(v int32) bool { return dt[v] >= 0 && dt[v] <= h }
		relevant = func(u, v int32) bool { return dt[u] >= 0 && dt[u] < h || dt[v] >= 0 && dt[v] < h }
	}
	structural := ks.q.channelMeasure() && p.filter.Polarity == PolarityAll && ks.q.Op == KeyPlayerRemove
	var out []keyItem
	if ks.q.Kind == KeyPlayerActors {
		signed := make([]bool, n)
		for _, ri := range p.relsSel {
			if p.relPolarity(ri) != 0 || structural {
				r := &p.base.rels[ri]
				signed[p.local[r.src]], signed[p.local[r.dst]] = true, true
			}
		}
		for v := int32(0); v < int32(n); v++ {
			if signed[v] && v != ks.target && v != ks.other && within(v) {
				out = append(out, keyItem{rel: -1, actor: v})
			}
		}
		return out
	}
	for _, ri := range p.relsSel {
		r := &p.base.rels[ri]
		if p.relPolarity(ri) == 0 && !structural {
			continue
		}
		if ks.q.Op == KeyPlayerFlip {
			if _, ok := flipType(p.base.reg, p.base.typeName(ri), p.filter.Types); !ok {
				continue
			}
		}
		if relevant(p.local[r.src], p.local[r.dst]) {
			out = append(out, keyItem{rel: ri, actor: -1})
		}
	}
	return out
}

// hopsFrom is the number of hops from src to every actor along any
// selected tie, either way (-1: unreachable).
func (p *Projection) hopsFrom(src int32) []int32 {
	u := p.undirected()
	dist := make([]int32, len(p.ids))
	for i := range dist {
		dist[i] = -1
	}
	dist[src] = 0
	queue := []int32{src}
	for i := 0; i < len(queue); i++ {
		v := queue[i]
		for _, w := range u.nbr[u.off[v]:u.off[v+1]] {
			if dist[w] < 0 {
				dist[w] = dist[v] + 1
				queue = append(queue, w)
			}
		}
	}
	return dist
}

// item describes a candidate.
func (ks *keySearch) item(c keyItem) KeyPlayerItem {
	p := ks.p
	if c.rel < 0 {
		id := p.ids[c.actor]
		return KeyPlayerItem{ID: id, Label: p.base.name(id)}
	}
	r := p.base.lean(c.rel) // whole once hydrated
	t, _ := p.base.reg.Get(r.Type)
	arrow := " —" + r.Type + "→ "
	if t.Symmetric {
		arrow = " —" + r.Type + "— "
	}
	it := KeyPlayerItem{ID: r.ID, Label: p.base.name(r.Source) + arrow + p.base.name(r.Target), Relationship: &r}
	if ks.q.Op == KeyPlayerFlip {
		it.FlipTo, _ = flipType(p.base.reg, r.Type, p.filter.Types)
	}
	return it
}

// flipType is the sign counterpart of type typ (see KeyPlayerItem.FlipTo),
// among allowed when it is not empty.
func flipType(reg graph.Registry, typ string, allowed []string) (string, bool) {
	t, ok := reg.Get(typ)
	if !ok || t.Polarity == 0 {
		return "", false
	}
	var best graph.RelationshipType
	found := false
	// dist is how far a counterpart's score is from the negated score;
	// +Inf when either has none, so scored counterparts come first.
	dist := func(c graph.RelationshipType) float64 {
		if t.Goldstein == nil || c.Goldstein == nil {
			return math.Inf(1)
		}
		return math.Abs(*c.Goldstein + *t.Goldstein)
	}
	for _, c := range reg.Types() { // by name
		if c.Polarity != -t.Polarity || c.Symmetric != t.Symmetric || len(allowed) > 0 && !slices.Contains(allowed, c.Name) {
			continue
		}
		if !found || cmp.Compare(dist(c), dist(best)) < 0 {
			best, found = c, true
		}
	}
	return best.Name, found
}
