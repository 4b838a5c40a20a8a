package analysis

import (
	"cmp"
	"context"
	"slices"

	"github.com/detente/detente/graph"
)

// BalanceQuery asks how structurally balanced the signed graph is.
type BalanceQuery struct {
	// Filter selects the relationships; balance needs both signs, so
	// Polarity must be empty or "all".
	Filter
	// Limit caps the lists (actors, unbalanced triads, frustrated
	// relationships; not the camps): 0 means
	// DefaultLimit, at most MaxLimit. Counts are always complete.
	Limit int
	// After pages the actors: those after this one (by id; "": from the
	// first). The balance is computed once for every page.
	After string
}

func (q *BalanceQuery) fieldErrors() []graph.FieldError {
	var errs []graph.FieldError
	switch q.Polarity {
	case "", PolarityAll:
	default:
		errs = append(errs, graph.FieldError{Path: "polarity", Message: "balance needs both signs: must be all"})
	}
	errs = append(errs, limitError(&q.Limit, "limit", DefaultLimit, MaxLimit)...)
	return errs
}

// Balance is the answer to a BalanceQuery.
//
// Definition (Heider, Cartwright-Harary): the signed relationships
// (polarity ±1; structural polarity-0 ones are ignored) are read without
// direction. A pair's sign is the sign of its net tie, Σ polarity × weight
// over its relationships (weighted) or Σ polarity, a majority vote
// (unweighted); a pair whose ties cancel exactly is ambivalent and left
// out. Every triangle of signed pairs is a triad: balanced when the product
// of its signs is positive (+++ "the friend of my friend", +-- "the enemy
// of my enemy"), unbalanced otherwise (++-, ---). Ratio is
// balanced/triads, and 1 when there is no triad (a graph without cycles
// is balanced).
//
// Two global measures complete the triad counts. The frustration index
// (Aref and Wilson 2018) is the least number of signed relationships,
// each counted on its own (a pair with p positive and q negative ones
// frustrates q of them when its actors share a camp, p when they do not),
// that must go for the graph to split into two camps with every positive
// tie within a camp and every negative one between them; it comes with
// such a split, exact up to a search budget and bounded from below beyond
// it. The walk index (Estrada and Benzi 2014) weighs all closed walks of
// the signed pairs, not only triangles.
type Balance struct {
	Weighted   bool        `json:"weighted"`
	Version    uint64      `json:"version"`
	Pairs      int         `json:"pairs"`      // signed pairs
	Ambivalent int         `json:"ambivalent"` // pairs whose ties cancel
	Triads     int64       `json:"triads"`
	Balanced   int64       `json:"balanced"`
	Unbalanced int64       `json:"unbalanced"`
	Ratio      float64     `json:"ratio"`
	Counts     TriadCounts `json:"counts"`
	// Actors lists the actors in unbalanced triads, most first, then by
	// id: the page after After, Limit long, of the ActorsTotal; Next is
	// the last one listed when more follow.
	Actors      []ActorBalance `json:"actors"`
	ActorsTotal int            `json:"actors_total"`
	Next        string         `json:"-"`
	allActors   []ActorBalance
	// UnbalancedTriads lists unbalanced triads in order of their sorted
	// actor ids; Truncated says the limit cut the list.
	UnbalancedTriads []Triad `json:"unbalanced_triads"`
	Truncated        bool    `json:"truncated"`
	// Frustration is the frustration index: see the type and
	// frustration.go. It counts relationships, weighted or not.
	Frustration Frustration `json:"frustration"`
	// WalkIndex is Estrada and Benzi's walk-based balance index on the
	// signed pairs (see walkIndex); nil when the graph is too big for it.
	WalkIndex *float64 `json:"walk_index"`
}

// TriadCounts counts triads by their signs.
type TriadCounts struct {
	PPP int64 `json:"ppp"` // balanced
	PNN int64 `json:"pnn"` // balanced
	PPN int64 `json:"ppn"` // unbalanced
	NNN int64 `json:"nnn"` // unbalanced
}

// ActorBalance is one actor's share of the imbalance.
type ActorBalance struct {
	Actor      string `json:"actor"`
	Name       string `json:"name"`
	Unbalanced int64  `json:"unbalanced"` // unbalanced triads it belongs to
	Triads     int64  `json:"triads"`     // triads it belongs to
}

// Triad is three actors (sorted by id) and the signs of their pairs, in the
// order ab, ac, bc.
type Triad struct {
	Actors [3]string `json:"actors"`
	Signs  [3]int    `json:"signs"`
	Kind   string    `json:"kind"` // "++-" or "---" (or "+++", "+--")
}

// Balance answers q on the projection. The answer is kept (see
// memoResult): the walk index and the frustration search cost up to a
// second or so on big graphs.
func (p *Projection) Balance(ctx context.Context, q BalanceQuery) (Balance, error) {
	if errs := q.fieldErrors(); len(errs) > 0 {
		return Balance{}, graph.Invalid("invalid balance query", errs...)
	}
	res, err := memoResult(ctx, p, resultKey("balance", nil, q.Limit),
		func(ctx context.Context) (Balance, error) { return p.balance(ctx, q) })
	if err != nil {
		return Balance{}, err
	}
	from := 0
	if q.After != "" {
		i := slices.IndexFunc(res.allActors, func(a ActorBalance) bool { return a.Actor == q.After })
		if i < 0 {
			return Balance{}, graph.Invalid("invalid balance query", graph.FieldError{Path: "cursor", Message: "its actor is no longer in an unbalanced triad (the graph changed); start again without cursor"})
		}
		from = i + 1
	}
	to := min(from+q.Limit, len(res.allActors))
	res.Actors, res.Next = append([]ActorBalance{}, res.allActors[from:to]...), ""
	if to < len(res.allActors) {
		res.Next = res.allActors[to-1].Actor
	}
	return res, nil
}

// balance computes Balance's answer for a checked query.
func (p *Projection) balance(ctx context.Context, q BalanceQuery) (Balance, error) {
	res := Balance{Weighted: p.weighted, Version: p.Version(), Ratio: 1,
		Actors: []ActorBalance{}, UnbalancedTriads: []Triad{}}
	u := p.undirected()
	n := len(p.ids)

	// Signed adjacency: rows of (neighbour, sign), sorted by neighbour.
	off := make([]int32, n+1)
	var nbr []int32
	var sgn []int8
	for v := 0; v < n; v++ {
		for e := u.off[v]; e < u.off[v+1]; e++ {
			if !u.signed[e] {
				continue
			}
			net := p.pairNet(u, e)
			w := u.nbr[e]
			switch {
			case net > 0:
				nbr, sgn = append(nbr, w), append(sgn, 1)
			case net < 0:
				nbr, sgn = append(nbr, w), append(sgn, -1)
			default:
				if int32(v) < w {
					res.Ambivalent++
				}
				continue
			}
			if int32(v) < w {
				res.Pairs++
			}
		}
		off[v+1] = int32(len(nbr))
	}

	unbalanced := make([]int64, n)
	triads := make([]int64, n)
	// Triangles i < j < k in lexicographic order: merge the rows of i and
	// j above j.
	for i := int32(0); i < int32(n); i++ {
		if i%256 == 0 && ctx.Err() != nil {
			return Balance{}, ctxError(ctx)
		}
		ri, ri1 := off[i], off[i+1]
		for a := ri; a < ri1; a++ {
			j := nbr[a]
			if j < i {
				continue
			}
			x, y := a+1, off[j]
			for y < off[j+1] && nbr[y] <= j {
				y++
			}
			for x < ri1 && y < off[j+1] {
				switch {
				case nbr[x] < nbr[y]:
					x++
				case nbr[x] > nbr[y]:
					y++
				default:
					k := nbr[x]
					sij, sik, sjk := sgn[a], sgn[x], sgn[y]
					neg := 0
					for _, s := range [3]int8{sij, sik, sjk} {
						if s < 0 {
							neg++
						}
					}
					res.Triads++
					triads[i]++
					triads[j]++
					triads[k]++
					switch neg {
					case 0:
						res.Counts.PPP++
					case 1:
						res.Counts.PPN++
					case 2:
						res.Counts.PNN++
					case 3:
						res.Counts.NNN++
					}
					if neg%2 == 1 {
						res.Unbalanced++
						unbalanced[i]++
						unbalanced[j]++
						unbalanced[k]++
						if len(res.UnbalancedTriads) < q.Limit {
							res.UnbalancedTriads = append(res.UnbalancedTriads, Triad{
								Actors: [3]string{p.ids[i], p.ids[j], p.ids[k]},
								Signs:  [3]int{int(sij), int(sik), int(sjk)},
								Kind:   triadKind(neg),
							})
						} else {
							res.Truncated = true
						}
					} else {
						res.Balanced++
					}
					x++
					y++
				}
			}
		}
	}
	if res.Triads > 0 {
		res.Ratio = roundScore(float64(res.Balanced) / float64(res.Triads))
	}
	var actors []int32
	for v := range unbalanced {
		if unbalanced[v] > 0 {
			actors = append(actors, int32(v))
		}
	}
	slices.SortFunc(actors, func(a, b int32) int {
		if c := cmp.Compare(unbalanced[b], unbalanced[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	res.allActors = make([]ActorBalance, 0, len(actors))
	for _, v := range actors {
		id := p.ids[v]
		res.allActors = append(res.allActors, ActorBalance{Actor: id, Name: p.base.name(id), Unbalanced: unbalanced[v], Triads: triads[v]})
	}
	res.ActorsTotal = len(actors)
	var err error
	if res.WalkIndex, err = walkIndex(ctx, off, nbr, sgn); err != nil {
		return Balance{}, err
	}
	if res.Frustration, err = p.frustration(ctx, q.Limit); err != nil {
		return Balance{}, err
	}
	return res, nil
}

func triadKind(neg int) string { return [...]string{"+++", "++-", "+--", "---"}[neg] }
