package analysis

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strconv"

	"github.com/detente/detente/graph"
)

// Result-size limits.
const (
	DefaultLimit = 50
	MaxLimit     = graph.MaxPageSize
)

// Score is one actor's place in a ranking.
type Score struct {
	Actor string  `json:"actor"`
	Name  string  `json:"name,omitempty"` // set on Ranking results
	Score float64 `json:"score"`
	Rank  int     `json:"rank"`
}

// Ranking is the answer to an influence query.
type Ranking struct {
	Algorithm Algorithm `json:"algorithm"`
	Weighted  bool      `json:"weighted"`
	// Normalized is set when degree scores were divided by n-1.
	Normalized bool `json:"normalized,omitempty"`
	// Actors and Edges size the analysed (filtered) graph.
	Actors int `json:"actors"`
	Edges  int `json:"edges"`
	// Iterations and Converged report the power iteration (pagerank,
	// eigenvector); exact measures report converged true.
	Iterations int     `json:"iterations,omitempty"`
	Converged  bool    `json:"converged"`
	Version    uint64  `json:"version"`
	Results    []Score `json:"results"`
	// Next is the id of the last actor of this page when more follow
	// (the After of the next page); empty on the last page.
	Next string `json:"next,omitempty"`
	// Unranked lists the asked-for Actors that are not in the analysed
	// graph (no selected tie), in the order asked.
	Unranked []string `json:"unranked,omitempty"`
}

// InfluenceQuery asks for a global ranking.
type InfluenceQuery struct {
	Algorithm Algorithm
	Filter
	// Limit is the number of results: 0 means DefaultLimit, at most MaxLimit.
	Limit int
	// Normalized divides degree, in_degree and out_degree by n-1, as
	// NetworkX's degree_centrality does. The default is the plain degree
	// (NetworkX's G.degree), which is what the karate reference holds.
	Normalized bool
	// After, when set, starts the page after this actor in the ranking
	// (paging: the Next of the previous page).
	After string
	// Actors, when set, selects these actors' scores and ranks (ranks
	// among all actors), in ranking order, instead of the top Limit.
	Actors []string
}

func (q *InfluenceQuery) fieldErrors() []graph.FieldError {
	var errs []graph.FieldError
	if q.Algorithm == "" {
		q.Algorithm = PageRank
	}
	if !validAlgorithm(q.Algorithm) {
		errs = append(errs, graph.FieldError{Path: "algorithm", Message: "must be one of " + algorithmNames()})
	}
	errs = append(errs, limitError(&q.Limit, "limit", DefaultLimit, MaxLimit)...)
	if q.After != "" && len(q.Actors) > 0 {
		errs = append(errs, graph.FieldError{Path: "cursor", Message: "does not apply with actors: their answer is one page"})
	}
	if len(q.Actors) > MaxLimit {
		errs = append(errs, graph.FieldError{Path: "actors", Message: "at most " + strconv.Itoa(MaxLimit) + " actors"})
	}
	return errs
}

// limitError applies a default to *n and checks its range.
func limitError(n *int, field string, def, max int) []graph.FieldError {
	if *n == 0 {
		*n = def
	}
	if *n < 1 || *n > max {
		return []graph.FieldError{{Path: field, Message: "must be between 1 and " + strconv.Itoa(max)}}
	}
	return nil
}

// Influence ranks the projection's actors by q.Algorithm. Like every
// Projection method it analyses the projection as it is: q.Filter is not
// read (the Service builds the projection from it).
func (p *Projection) Influence(ctx context.Context, q InfluenceQuery) (Ranking, error) {
	if errs := q.fieldErrors(); len(errs) > 0 {
		return Ranking{}, graph.Invalid("invalid influence query", errs...)
	}
	c, err := p.Centrality(ctx, q.Algorithm)
	if err != nil {
		return Ranking{}, err
	}
	r := Ranking{Algorithm: q.Algorithm, Weighted: p.weighted, Actors: p.Len(), Edges: p.Edges(),
		Iterations: c.Iterations, Converged: c.Converged, Version: p.Version()}
	ranked := c.ranking(p.ids)
	switch {
	case len(q.Actors) > 0:
		pos := make(map[string]int, len(ranked))
		for i, sc := range ranked {
			pos[sc.Actor] = i
		}
		var at []int
		for _, a := range q.Actors {
			if i, ok := pos[a]; ok {
				at = append(at, i)
			} else if !slices.Contains(r.Unranked, a) {
				r.Unranked = append(r.Unranked, a)
			}
		}
		slices.Sort(at)
		at = slices.Compact(at)
		r.Results = make([]Score, len(at))
		for k, i := range at {
			r.Results[k] = ranked[i]
		}
	default:
		from := 0
		if q.After != "" {
			i := slices.IndexFunc(ranked, func(sc Score) bool { return sc.Actor == q.After })
			if i < 0 {
				return Ranking{}, graph.Invalid("invalid influence query", graph.FieldError{Path: "cursor",
					Message: "its actor is no longer in this ranking (the graph changed); start again without cursor"})
			}
			from = i + 1
		}
		to := min(from+q.Limit, len(ranked))
		r.Results = slices.Clone(ranked[from:to])
		if to < len(ranked) && to > from {
			r.Next = ranked[to-1].Actor
		}
	}
	for i := range r.Results {
		r.Results[i].Name = p.base.name(r.Results[i].Actor)
	}
	switch q.Algorithm {
	case Degree, InDegree, OutDegree:
		if q.Normalized {
			r.Normalized = true
			// Dividing by a constant keeps the order; ranks are unchanged.
			if k := p.Len() - 1; k > 0 {
				for i := range r.Results {
					r.Results[i].Score = roundScore(r.Results[i].Score / float64(k))
				}
			}
		}
	}
	return r, nil
}

// ranking returns every actor in ranking order, computed once.
func (c *Centrality) ranking(ids []string) []Score {
	c.rankOnce.Do(func() { c.ranked = rank(ids, c.Scores, nil) })
	return c.ranked
}

// rank orders actors by score, highest first, ties by id (index order),
// and numbers them with standard competition ranking ("1224": equal scores
// share a rank and the next rank skips). Scores are rounded to 12
// significant digits first, so that values equal up to floating-point
// noise tie, and the rounded value is the one reported. keep, when not
// nil, selects the actors to rank.
func rank(ids []string, scores []float64, keep func(v int) bool) []Score {
	type item struct {
		v int
		s float64
	}
	items := make([]item, 0, len(scores))
	for v, s := range scores {
		if keep == nil || keep(v) {
			items = append(items, item{v, roundScore(s)})
		}
	}
	slices.SortFunc(items, func(a, b item) int {
		if c := cmp.Compare(b.s, a.s); c != 0 {
			return c
		}
		return cmp.Compare(a.v, b.v)
	})
	out := make([]Score, len(items))
	for i, it := range items {
		r := i + 1
		if i > 0 && it.s == items[i-1].s {
			r = out[i-1].Rank
		}
		out[i] = Score{Actor: ids[it.v], Score: it.s, Rank: r}
	}
	return out
}

// rankOf is the rank rank gives actor i among scores, without ranking
// them all: 1 + the number of actors whose rounded score is higher.
// Rounding keeps order (a higher rounded score is a higher score), so
// only the actors scoring above i are rounded: a few for the actors near
// the top that a timeline follows, against every actor for a ranking.
func rankOf(scores []float64, i int) int {
	x := scores[i]
	rx := roundScore(x)
	r := 1
	for _, s := range scores {
		if s > x && roundScore(s) > rx {
			r++
		}
	}
	return r
}

// roundScore rounds x to 12 significant digits.
func roundScore(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	if err != nil {
		return x
	}
	return r
}
