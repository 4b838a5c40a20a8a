package analysis

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/detente/detente/graph"
)

// Mediator search parameters.
const (
	DefaultMediatorHops = 2 // hops of a cooperative channel from a candidate to a party
	MaxMediatorHops     = 3
	// RecencyHalfLife is the half-life, in years, of the recent part of a
	// tie's strength (see Mediators).
	RecencyHalfLife = 2.0
	// RecencyFloor is the share of a tie's strength that never decays.
	RecencyFloor = 0.5
	// HopDecay is the factor every intermediary of a channel costs.
	HopDecay = 0.5
	// MaxBrokerageSources bounds the breadth-first searches of brokerage:
	// a larger camp is sampled (see Mediators).
	MaxBrokerageSources = 64
)

// MediatorQuery asks who could mediate between actors A and B.
type MediatorQuery struct {
	A, B string
	// Filter selects the relationships. Cooperative ones give access,
	// conflictual ones disqualify, so Polarity may be empty, "positive" or
	// "all", never "negative" (the Service always reads "all"). AsOf is
	// the analysis date: only ties valid on it are active, and recency is
	// measured from it.
	Filter
	Limit   int // 0 means DefaultActorLimit, at most MaxLimit
	MaxHops int // hops of a channel to a party: 0 means DefaultMediatorHops, at most MaxMediatorHops
}

func (q *MediatorQuery) fieldErrors() []graph.FieldError {
	var errs []graph.FieldError
	if !graph.ValidID(q.A) || !graph.ValidID(q.B) {
		errs = append(errs, graph.FieldError{Path: "between", Message: "must be two actor ids, a,b"})
	} else if q.A == q.B {
		errs = append(errs, graph.FieldError{Path: "between", Message: "must name two different actors"})
	}
	switch q.Polarity {
	case "", PolarityPositive, PolarityAll:
	default:
		errs = append(errs, graph.FieldError{Path: "polarity",
			Message: "mediators are found on cooperative ties: must be one of " + strings.Join([]string{PolarityPositive, PolarityAll}, ", ")})
	}
	errs = append(errs, limitError(&q.Limit, "limit", DefaultActorLimit, MaxLimit)...)
	errs = append(errs, limitError(&q.MaxHops, "max_hops", DefaultMediatorHops, MaxMediatorHops)...)
	return errs
}

// Mediators is the answer to a MediatorQuery.
//
// Definition. The relationships active on the analysis date (AsOf: valid
// on that day) are read without direction. The cooperative layer is the
// graph of pairs with at least one active cooperative (polarity +1)
// relationship; structural (polarity 0) types never count. A pair is in
// conflict when it has an active conflictual (polarity -1) relationship.
//
// Tie strength. Weighted (the API's default), a relationship's strength is
// weight × confidence × recency, with
//
//	recency = RecencyFloor + (1-RecencyFloor) · 2^(-age/RecencyHalfLife)
//
// where age is the years from its valid_from to AsOf: a tie begun on the
// analysis date counts in full, one begun two years earlier three
// quarters, and an old or undated one half. Active ties never fall below
// half: a standing alliance is still a channel, but a fresh mediation
// round is better evidence of access today than a decades-old tie. (A
// projection without AsOf has no analysis date: recency is 1.) Unweighted,
// every cooperative relationship has strength 1. A pair's strength is its
// strongest active cooperative relationship.
//
// Access. A channel from a candidate m to a party is a cooperative path of
// at most MaxHops hops that does not pass through the other party; its
// strength is the product of its pairs' strengths times HopDecay for every
// intermediary (a direct tie is not decayed). A candidate is an actor
// other than A and B with a channel to each; its Access is the geometric
// mean √(s_A · s_B) of its strongest channels, in [0, 1]: it needs both.
//
// Conflict. A candidate with an active conflictual tie to A or to B is
// disqualified: it is listed in Excluded, with the tie and a reason, and
// never ranked. A penalty was rejected: an actor sanctioning or attacking
// a party is a party to the dispute, and no weighting of its cooperative
// ties makes it a go-between, so no score should let it outrank a neutral.
//
// Brokerage. A's camp S is A and its cooperative neighbours, B's camp T
// likewise. Brokerage is the subset betweenness of Brandes (2008, "On
// variants of shortest-path betweenness centrality and their generic
// computation", Social Networks 30(2), §3.1) from S to T on the cooperative
// layer without the A–B pair itself:
//
//	b(v) = Σ_{s∈S, t∈T, s≠t} σ_st(v) / σ_st
//
// over shortest (fewest-hop) paths, v being neither s nor t, divided by
// the number of pairs (s, t) with s ≠ t connected on that layer, so it is
// the share of camp-to-camp connections running through v, in [0, 1]. By
// symmetry the searches start from the smaller camp; when it has more than
// MaxBrokerageSources actors, from a fixed pseudo-random sample of them
// (seeded by the pair), which estimates the share as Brandes and Pich
// (2007, "Centrality estimation in large networks") estimate betweenness
// from pivots: exact on camps of up to 64, bounded in cost on hubs. The
// parties' own direct ties are left out because a single negotiates_with
// between them would otherwise give every shortest path between the camps
// to A and B and every candidate a brokerage of zero. Brokerage reads no
// weights: strength, confidence and recency enter through Access.
//
// Score = Access × (1 + Brokerage) / 2, in [0, 1]: access sets the scale
// (without channels to both sides there is no mediator), and brokering
// every camp-to-camp connection doubles it.
type Mediators struct {
	Between  [2]string   `json:"between"`
	Weighted bool        `json:"weighted"`
	Version  uint64      `json:"version"`
	AsOf     *graph.Date `json:"as_of,omitempty"` // the analysis date
	MaxHops  int         `json:"max_hops"`
	Direct   bool        `json:"direct"`   // A and B have an active cooperative tie
	Conflict bool        `json:"conflict"` // A and B have an active conflictual tie
	Camps    [2]int      `json:"camps"`    // sizes of A's and B's camps
	Results  []Mediator  `json:"results"`
	// Actors with channels to both sides but an active conflictual tie to
	// either, by id (at most Limit).
	Excluded []Excluded `json:"excluded"`
}

// Mediator is one candidate.
type Mediator struct {
	Actor     string     `json:"actor"`
	Name      string     `json:"name"`
	Score     float64    `json:"score"` // Access × (1 + Brokerage) / 2
	Rank      int        `json:"rank"`  // competition rank, ties by id
	Access    float64    `json:"access"`
	Brokerage float64    `json:"brokerage"`
	Reason    string     `json:"reason"`
	Sides     [2]Channel `json:"sides"` // its strongest channel to A, then to B
}

// Channel is a candidate's strongest cooperative path to one party.
type Channel struct {
	Party    string   `json:"party"`
	Hops     int      `json:"hops"`
	Strength float64  `json:"strength"`
	Actors   []string `json:"actors"` // the candidate first, the party last
	Ties     []Tie    `json:"ties"`   // the strongest relationship of each pair, in path order
}

// Tie is a relationship as a mediator answer reads it.
type Tie struct {
	graph.Relationship
	Sign     int     `json:"sign"`     // its type's polarity
	Recency  float64 `json:"recency"`  // see Mediators
	Strength float64 `json:"strength"` // weight × confidence × recency (1 unweighted)
}

// Excluded is a disqualified candidate.
type Excluded struct {
	Actor     string `json:"actor"`
	Name      string `json:"name"`
	Reason    string `json:"reason"`
	Conflicts []Tie  `json:"conflicts"` // its strongest active conflictual tie to each party it is in conflict with
}

// Mediators answers q. ENOTFOUND when the graph has no actor A or B.
func (p *Projection) Mediators(ctx context.Context, q MediatorQuery) (Mediators, error) {
	if errs := q.fieldErrors(); len(errs) > 0 {
		return Mediators{}, graph.Invalid("invalid mediator query", errs...)
	}
	for _, id := range []string{q.A, q.B} {
		if err := p.checkActor(id, "between"); err != nil {
			return Mediators{}, err
		}
	}
	return memoResult(ctx, p, resultKey("mediators", []string{q.A, q.B}, q.Limit, q.MaxHops),
		func(ctx context.Context) (Mediators, error) {
			res, err := p.mediators(ctx, q)
			if err == nil {
				err = p.hydrateMediators(ctx, &res)
			}
			return res, err
		})
}

// medLayer is the signed, undirected layer a mediator query reads: per
// undirected entry (see undirected), the strongest cooperative and
// conflictual relationship and the cooperative strength.
type medLayer struct {
	u        *undirected
	coopRel  []int32   // strongest cooperative relationship by tie strength, -1 if none
	coopStr  []float64 // its strength
	coopRec  []float64 // its recency
	confRel  []int32   // strongest conflictual relationship by weight, -1 if none
	weighted bool
	asOf     *graph.Date
}

// recency is the recency factor of a tie beginning on from, as of asOf.
func recency(from, asOf *graph.Date) float64 {
	if asOf == nil {
		return 1
	}
	if from == nil {
		return RecencyFloor
	}
	age := asOf.Time().Sub(from.Time()).Hours() / 24 / 365.25
	if age < 0 {
		age = 0
	}
	return RecencyFloor + (1-RecencyFloor)*math.Exp2(-age/RecencyHalfLife)
}

// entry returns the undirected entry of pair (u, v), -1 if none.
func (g *undirected) entry(u, v int32) int32 {
	lo, hi := g.off[u], g.off[u+1]
	i, ok := slices.BinarySearch(g.nbr[lo:hi], v)
	if !ok {
		return -1
	}
	return lo + int32(i)
}

func (p *Projection) medLayer() *medLayer {
	u := p.undirected()
	m := len(u.nbr)
	l := &medLayer{u: u, coopRel: make([]int32, m), coopStr: make([]float64, m), coopRec: make([]float64, m),
		confRel: make([]int32, m), weighted: p.weighted, asOf: p.filter.AsOf}
	for e := range l.coopRel {
		l.coopRel[e], l.confRel[e] = -1, -1
	}
	for _, ri := range p.relsSel {
		r := &p.base.rels[ri]
		a, b := p.local[r.src], p.local[r.dst]
		switch p.relPolarity(ri) {
		case 1:
			rec := RecencyFloor
			if l.asOf == nil {
				rec = 1
			} else if from, _ := p.base.span(ri); from != openFrom {
				rec = recency(p.base.validFrom(ri), l.asOf)
			}
			s := 1.0
			if p.weighted {
				s = r.weight * r.confidence * rec
			}
			for _, e := range []int32{u.entry(a, b), u.entry(b, a)} {
				if l.coopRel[e] < 0 || s > l.coopStr[e] { // ties keep the lower id, which came first
					l.coopRel[e], l.coopStr[e], l.coopRec[e] = ri, s, rec
				}
			}
		case -1:
			for _, e := range []int32{u.entry(a, b), u.entry(b, a)} {
				if l.confRel[e] < 0 || r.weight > p.base.rels[l.confRel[e]].weight {
					l.confRel[e] = ri
				}
			}
		}
	}
	return l
}

// channels is the strongest channel from every actor to party, avoiding
// other, of at most h hops: a hop-bounded Bellman-Ford on the product of
// strengths (all at most 1, and HopDecay < 1, so the best walks are simple
// paths). best[k][v] is the strongest of at most k hops; from[k][v] the
// next actor towards party and via[k][v] the entry used, -1 when the
// value is that of k-1 hops.
type channels struct {
	best [][]float64
	from [][]int32
	via  [][]int32
}

func (l *medLayer) channels(party, other int32, h, n int) *channels {
	c := &channels{best: make([][]float64, h+1), from: make([][]int32, h+1), via: make([][]int32, h+1)}
	c.best[0] = make([]float64, n)
	c.best[0][party] = 1
	for k := 1; k <= h; k++ {
		prev := c.best[k-1]
		cur := slices.Clone(prev)
		from := make([]int32, n)
		via := make([]int32, n)
		for v := range from {
			from[v], via[v] = -1, -1
		}
		for x := int32(0); x < int32(n); x++ {
			if prev[x] == 0 || x == other {
				continue
			}
			decay := HopDecay
			if x == party {
				decay = 1
			}
			for e := l.u.off[x]; e < l.u.off[x+1]; e++ {
				v := l.u.nbr[e]
				if l.coopRel[e] < 0 || v == party {
					continue
				}
				if s := prev[x] * l.coopStr[e] * decay; s > cur[v] {
					cur[v], from[v], via[v] = s, x, e
				}
			}
		}
		c.best[k], c.from[k], c.via[k] = cur, from, via
	}
	return c
}

// path returns the strongest channel of v: its actors (v first) and entries.
func (c *channels) path(v int32) (nodes, entries []int32) {
	k := len(c.best) - 1
	nodes = []int32{v}
	for k > 0 {
		if c.from[k][v] < 0 {
			k--
			continue
		}
		entries = append(entries, c.via[k][v])
		v = c.from[k][v]
		nodes = append(nodes, v)
		k--
	}
	return nodes, entries
}

// subsetBetweenness is Brandes' (2008) betweenness from sources S to
// targets T on the undirected graph whose edges are the entries e with
// keep(e): for every s in S, a breadth-first search counts shortest paths
// σ, and the dependencies δ(v) = Σ_{w: v∈pred(w)} σ_v/σ_w (1[w∈T] + δ(w))
// accumulate back from the farthest actors. It returns the sums, not
// normalised, and the number of (s, t) pairs, s ≠ t, with t reachable.
func subsetBetweenness(ctx context.Context, u *undirected, n int, S, T []int32, keep func(e int32) bool) ([]float64, int, error) {
	bc := make([]float64, n)
	inT := make([]bool, n)
	for _, t := range T {
		inT[t] = true
	}
	dist := make([]int32, n)
	sigma := make([]float64, n)
	delta := make([]float64, n)
	order := make([]int32, 0, n)
	pairs := 0
	for _, s := range S {
		if ctx.Err() != nil {
			return nil, 0, ctxError(ctx)
		}
		for v := range dist {
			dist[v], sigma[v], delta[v] = -1, 0, 0
		}
		order = order[:0]
		dist[s], sigma[s] = 0, 1
		order = append(order, s)
		// Once every target is found, actors beyond the farthest lie on
		// no shortest path to one: the search stops at its level.
		left := len(T)
		if inT[s] {
			left--
		}
		far := int32(-1)
		for i := 0; i < len(order); i++ {
			v := order[i]
			if left == 0 && dist[v] >= far {
				break
			}
			for e := u.off[v]; e < u.off[v+1]; e++ {
				if !keep(e) {
					continue
				}
				w := u.nbr[e]
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					order = append(order, w)
					if inT[w] {
						left--
						far = dist[w]
					}
				}
				if dist[w] == dist[v]+1 {
					sigma[w] += sigma[v]
				}
			}
		}
		for _, v := range order {
			if v != s && inT[v] {
				pairs++
			}
		}
		for i := len(order) - 1; i >= 0; i-- {
			w := order[i]
			coeff := delta[w]
			if inT[w] {
				coeff++
			}
			coeff /= sigma[w]
			for e := u.off[w]; e < u.off[w+1]; e++ {
				if !keep(e) {
					continue
				}
				v := u.nbr[e]
				if dist[v] == dist[w]-1 {
					delta[v] += sigma[v] * coeff
				}
			}
			if w != s {
				bc[w] += delta[w]
			}
		}
	}
	return bc, pairs, nil
}

// mediators computes Mediators' answer for a checked query.
func (p *Projection) mediators(ctx context.Context, q MediatorQuery) (Mediators, error) {
	res := Mediators{Between: [2]string{q.A, q.B}, Weighted: p.weighted, Version: p.Version(), MaxHops: q.MaxHops,
		Results: []Mediator{}, Excluded: []Excluded{}}
	if p.filter.AsOf != nil {
		d := *p.filter.AsOf
		res.AsOf = &d
	}
	a, okA := p.indexOf(q.A)
	b, okB := p.indexOf(q.B)
	if !okA || !okB {
		return res, nil
	}
	l := p.medLayer()
	u := l.u
	n := len(p.ids)
	ab := u.entry(a, b)
	res.Direct = ab >= 0 && l.coopRel[ab] >= 0
	res.Conflict = ab >= 0 && l.confRel[ab] >= 0

	chA := l.channels(a, b, q.MaxHops, n)
	chB := l.channels(b, a, q.MaxHops, n)
	if ctx.Err() != nil {
		return Mediators{}, ctxError(ctx)
	}

	// Camps and brokerage on the cooperative layer without the A-B pair.
	camp := func(x int32) []int32 {
		c := []int32{x}
		for e := u.off[x]; e < u.off[x+1]; e++ {
			if l.coopRel[e] >= 0 {
				c = append(c, u.nbr[e])
			}
		}
		return c
	}
	S, T := camp(a), camp(b)
	res.Camps = [2]int{len(S), len(T)}
	ba := u.entry(b, a)
	keep := func(e int32) bool { return l.coopRel[e] >= 0 && e != ab && e != ba }
	// On undirected paths the sum is symmetric in S and T: search from
	// the smaller camp, and from a fixed sample of it when it is large.
	src, dst := S, T
	if len(T) < len(S) {
		src, dst = T, S
	}
	if len(src) > MaxBrokerageSources {
		rnd := rand.New(rand.NewPCG(uint64(a), uint64(b)))
		perm := rnd.Perm(len(src))[:MaxBrokerageSources]
		slices.Sort(perm)
		sample := make([]int32, len(perm))
		for i, k := range perm {
			sample[i] = src[k]
		}
		src = sample
	}
	bc, pairs, err := subsetBetweenness(ctx, u, n, src, dst, keep)
	if err != nil {
		return Mediators{}, err
	}

	hA, hB := q.MaxHops, q.MaxHops
	score := make([]float64, n)
	access := make([]float64, n)
	isCand := make([]bool, n)
	var excluded []int32
	for v := int32(0); v < int32(n); v++ {
		if v == a || v == b || chA.best[hA][v] == 0 || chB.best[hB][v] == 0 {
			continue
		}
		if l.conflict(v, a) >= 0 || l.conflict(v, b) >= 0 {
			excluded = append(excluded, v)
			continue
		}
		isCand[v] = true
		access[v] = math.Sqrt(chA.best[hA][v] * chB.best[hB][v])
		brk := 0.0
		if pairs > 0 {
			brk = bc[v] / float64(pairs)
		}
		score[v] = access[v] * (1 + brk) / 2
	}
	ranked := rank(p.ids, score, func(v int) bool { return isCand[v] })
	ranked = ranked[:min(q.Limit, len(ranked))]
	for _, s := range ranked {
		v, _ := p.indexOf(s.Actor)
		brk := 0.0
		if pairs > 0 {
			brk = bc[v] / float64(pairs)
		}
		med := Mediator{Actor: s.Actor, Name: p.base.name(s.Actor), Score: s.Score, Rank: s.Rank,
			Access: roundScore(access[v]), Brokerage: roundScore(brk)}
		med.Sides[0] = p.channel(l, chA, v, a)
		med.Sides[1] = p.channel(l, chB, v, b)
		med.Reason = p.mediatorReason(med)
		res.Results = append(res.Results, med)
	}
	for _, v := range excluded[:min(q.Limit, len(excluded))] {
		x := Excluded{Actor: p.ids[v], Name: p.base.name(p.ids[v]), Conflicts: []Tie{}}
		var parts []string
		for _, party := range []int32{a, b} {
			if e := l.conflict(v, party); e >= 0 {
				t := p.tie(l, l.confRel[e], -1)
				x.Conflicts = append(x.Conflicts, t)
				parts = append(parts, p.describeTie(t, v))
			}
		}
		x.Reason = "conflictual tie with a party: " + strings.Join(parts, ", ")
		res.Excluded = append(res.Excluded, x)
	}
	return res, nil
}

// conflict returns the entry of pair (v, party) when it is in conflict, -1 if not.
func (l *medLayer) conflict(v, party int32) int32 {
	e := l.u.entry(v, party)
	if e >= 0 && l.confRel[e] >= 0 {
		return e
	}
	return -1
}

// tie describes relationship ri; e is its cooperative entry (for its
// strength), -1 for a conflictual one.
func (p *Projection) tie(l *medLayer, ri, e int32) Tie {
	r := p.base.lean(ri) // whole once hydrated
	t := Tie{Relationship: r, Sign: p.relPolarity(ri), Recency: roundScore(recency(r.ValidFrom, l.asOf))}
	if e >= 0 {
		t.Strength = roundScore(l.coopStr[e])
	}
	return t
}

// channel builds v's strongest channel to party.
func (p *Projection) channel(l *medLayer, c *channels, v, party int32) Channel {
	nodes, entries := c.path(v)
	ch := Channel{Party: p.ids[party], Hops: len(entries), Strength: roundScore(c.best[len(c.best)-1][v]),
		Actors: make([]string, len(nodes)), Ties: make([]Tie, len(entries))}
	for i, x := range nodes {
		ch.Actors[i] = p.ids[x]
	}
	for i, e := range entries {
		ch.Ties[i] = p.tie(l, l.coopRel[e], e)
	}
	return ch
}

// describeTie is a relationship as the reason reads it, seen from actor
// from: "mediates→Iran (2025-04-12)" for its own tie, "supports←United
// States" for one it receives, "allied_with↔France" for a symmetric type.
func (p *Projection) describeTie(t Tie, from int32) string {
	var s string
	typ, _ := p.base.reg.Get(t.Type)
	switch {
	case typ.Symmetric:
		other := t.Target
		if other == p.ids[from] {
			other = t.Source
		}
		s = t.Type + "↔" + p.base.name(other)
	case t.Source == p.ids[from]:
		s = t.Type + "→" + p.base.name(t.Target)
	default:
		s = t.Type + "←" + p.base.name(t.Source)
	}
	if t.ValidFrom != nil {
		s += " (" + t.ValidFrom.String() + ")"
	}
	return s
}

// mediatorReason is a mediator's one-line explanation.
func (p *Projection) mediatorReason(m Mediator) string {
	direct := m.Sides[0].Hops == 1 && m.Sides[1].Hops == 1
	var parts []string
	for _, ch := range m.Sides {
		from, _ := p.indexOf(m.Actor)
		var hops []string
		for i, t := range ch.Ties {
			hops = append(hops, p.describeTie(t, from))
			if i+1 < len(ch.Actors) {
				from, _ = p.indexOf(ch.Actors[i+1])
			}
		}
		if ch.Hops == 1 {
			parts = append(parts, hops[0])
		} else {
			parts = append(parts, fmt.Sprintf("reaches %s through %s (%s)", p.base.name(ch.Party),
				strings.Join(names(p, ch.Actors[1:len(ch.Actors)-1]), ", "), strings.Join(hops, ", ")))
		}
	}
	head := "cooperative channels to both: "
	if direct {
		head = "cooperative ties to both: "
	}
	s := head + strings.Join(parts, "; ") + "; no conflict with either"
	if m.Brokerage > 0 {
		s += fmt.Sprintf("; on %.0f%% of the shortest cooperative paths between the camps", 100*m.Brokerage)
	}
	return s
}

func names(p *Projection, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = p.base.name(id)
	}
	return out
}
