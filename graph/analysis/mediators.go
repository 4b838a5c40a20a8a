package analysis

import (
	"context"
	"slices"
	"strings"

	"github.com/detente/detente/graph"
)

// MediatorQuery asks who could mediate between actors A and B.
type MediatorQuery struct {
	A, B string
	// Filter selects the relationships; only positive ones are ever read,
	// so Polarity may be empty, "positive" or "all", never "negative".
	Filter
	Limit int // 0 means DefaultActorLimit, at most MaxLimit
	Paths int // evidence paths per mediator: 0 means DefaultPaths, at most MaxPaths
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
			Message: "mediators are found on positive ties: must be one of " + strings.Join([]string{PolarityPositive, PolarityAll}, ", ")})
	}
	errs = append(errs, limitError(&q.Limit, "limit", DefaultActorLimit, MaxLimit)...)
	errs = append(errs, limitError(&q.Paths, "paths", DefaultPaths, MaxPaths)...)
	return errs
}

// Mediators is the answer to a MediatorQuery.
//
// Definition: the positive ties (polarity +1, either direction) form an
// undirected graph in which a pair's weight is its strongest positive
// relationship (1 for every pair when unweighted). A path's strength is the
// product of its pair weights. Every simple path of at most 3 hops between
// A and B is a channel of positive connectivity; Strength is their total
// (the direct tie included, when there is one). The candidates are the
// actors positively tied to both A and B; a candidate's Score is the share
// of Strength carried by the paths through it (a-m-b, a-m-x-b, a-x-m-b).
// Unweighted, that is the share of the positive paths of length ≤ 3 that
// pass through it. Shares of different mediators may add up to more than
// 1, since a 3-hop path passes through two actors.
type Mediators struct {
	Between  [2]string  `json:"between"`
	Weighted bool       `json:"weighted"`
	Version  uint64     `json:"version"`
	Direct   bool       `json:"direct"`   // A and B are positively tied themselves
	Paths    int        `json:"paths"`    // positive paths of at most 3 hops between A and B
	Strength float64    `json:"strength"` // their total strength
	Results  []Mediator `json:"results"`
}

// Mediator is one candidate.
type Mediator struct {
	Actor    string     `json:"actor"`
	Name     string     `json:"name"`
	Score    float64    `json:"score"`    // share of the A-B strength through this actor
	Rank     int        `json:"rank"`     // competition rank, ties by id
	Paths    int        `json:"paths"`    // A-B paths of at most 3 hops through it
	Strength float64    `json:"strength"` // their total strength
	Evidence []Evidence `json:"evidence"` // its strongest paths, A first
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
	return memoResult(ctx, p, resultKey("mediators", []string{q.A, q.B}, q.Limit, q.Paths),
		func(ctx context.Context) (Mediators, error) { return p.mediators(ctx, q) })
}

// mediators computes Mediators' answer for a checked query.
func (p *Projection) mediators(ctx context.Context, q MediatorQuery) (Mediators, error) {
	res := Mediators{Between: [2]string{q.A, q.B}, Weighted: p.weighted, Version: p.Version(), Results: []Mediator{}}
	a, okA := p.index[q.A]
	b, okB := p.index[q.B]
	if !okA || !okB {
		return res, nil
	}
	u := p.undirected()
	n := len(p.ids)
	weight := func(e int32) float64 {
		if p.weighted {
			return u.posBest[e]
		}
		return 1
	}
	// Pair weights and relationships of B's positive neighbours.
	wB := make([]float64, n)
	relB := make([]int32, n)
	for e := u.off[b]; e < u.off[b+1]; e++ {
		if u.posRel[e] >= 0 {
			wB[u.nbr[e]], relB[u.nbr[e]] = weight(e), u.posRel[e]
		}
	}
	wA := make([]float64, n)
	for e := u.off[a]; e < u.off[a+1]; e++ {
		if u.posRel[e] >= 0 {
			wA[u.nbr[e]] = weight(e)
		}
	}
	carried := make([]float64, n)
	count := make([]int, n)
	best := map[int32][]medPath{} // candidates' strongest paths
	candidate := func(v int32) bool { return wA[v] > 0 && wB[v] > 0 }
	record := func(mp medPath, through ...int32) {
		res.Paths++
		res.Strength += mp.strength
		for _, m := range through {
			carried[m] += mp.strength
			count[m]++
			if candidate(m) {
				best[m] = keepBest(best[m], mp, q.Paths, p.weighted)
			}
		}
	}
	if wB[a] > 0 {
		res.Direct = true
		record(medPath{nodes: []int32{a, b}, rels: []int32{relB[a]}, strength: wB[a]})
	}
	for e := u.off[a]; e < u.off[a+1]; e++ {
		x := u.nbr[e]
		if u.posRel[e] < 0 || x == b {
			continue
		}
		if ctx.Err() != nil {
			return Mediators{}, ctxError(ctx)
		}
		wax := weight(e)
		if wB[x] > 0 {
			record(medPath{nodes: []int32{a, x, b}, rels: []int32{u.posRel[e], relB[x]}, strength: wax * wB[x]}, x)
		}
		for f := u.off[x]; f < u.off[x+1]; f++ {
			y := u.nbr[f]
			if u.posRel[f] < 0 || y == a || y == b || wB[y] == 0 {
				continue
			}
			mp := medPath{strength: wax * weight(f) * wB[y]}
			if candidate(x) || candidate(y) { // only candidates keep evidence
				mp.nodes, mp.rels = []int32{a, x, y, b}, []int32{u.posRel[e], u.posRel[f], relB[y]}
			}
			record(mp, x, y)
		}
	}
	if res.Strength == 0 {
		return res, nil
	}
	share := make([]float64, n)
	for v := range share {
		share[v] = carried[v] / res.Strength
	}
	ranked := rank(p.ids, share, func(v int) bool { return candidate(int32(v)) })
	ranked = ranked[:min(q.Limit, len(ranked))]
	for _, s := range ranked {
		m := p.index[s.Actor]
		med := Mediator{Actor: s.Actor, Name: p.base.name(s.Actor), Score: s.Score, Rank: s.Rank,
			Paths: count[m], Strength: roundScore(carried[m]), Evidence: []Evidence{}}
		for _, mp := range best[m] {
			med.Evidence = append(med.Evidence, p.makeEvidence(mp.nodes, mp.rels))
		}
		res.Results = append(res.Results, med)
	}
	res.Strength = roundScore(res.Strength)
	return res, nil
}

type medPath struct {
	nodes    []int32
	rels     []int32
	strength float64
}

// keepBest inserts mp into list (at most k, best first): by strength, then
// hops, then actor ids when weighted; by hops first when not.
func keepBest(list []medPath, mp medPath, k int, weighted bool) []medPath {
	less := func(x, y *medPath) bool {
		if weighted && x.strength != y.strength {
			return x.strength > y.strength
		}
		if len(x.nodes) != len(y.nodes) {
			return len(x.nodes) < len(y.nodes)
		}
		if x.strength != y.strength {
			return x.strength > y.strength
		}
		return slices.Compare(x.nodes, y.nodes) < 0
	}
	i := len(list)
	for i > 0 && less(&mp, &list[i-1]) {
		i--
	}
	if i >= k {
		return list
	}
	list = slices.Insert(list, i, mp)
	if len(list) > k {
		list = list[:k]
	}
	return list
}
