package analysis

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/detente/detente/graph"
)

// louvainSeed seeds the Louvain node shuffles: the same graph always gives
// the same blocs.
const louvainSeed = 1

// MaxResolution bounds BlocQuery.Resolution.
const MaxResolution = 100

// BlocQuery asks for the blocs (communities) of the positive ties.
type BlocQuery struct {
	// Filter selects the relationships; only positive ones are read, so
	// Polarity may be empty, "positive" or "all", never "negative".
	Filter
	// Resolution is the modularity resolution γ (Reichardt-Bornholdt):
	// above 1 gives more, smaller blocs. 0 means 1.
	Resolution float64
	// Limit is the number of blocs returned, largest first: 0 means
	// DefaultLimit, at most MaxLimit.
	Limit int
	// After pages: the blocs after the one of this id (0: from the
	// first). The blocs are computed once for every page.
	After int
	// Method is BlocsLouvain or BlocsSigned; empty: signed when the
	// selected graph has a hostile pair, else louvain (Service.Blocs).
	Method string
	// K is the number of signed blocs, 2..MaxSignedK; 0 lets the
	// criterion choose (signedBlocs). Signed only.
	K int
}

func (q *BlocQuery) fieldErrors() []graph.FieldError {
	var errs []graph.FieldError
	switch q.Polarity {
	case "", PolarityPositive, PolarityAll:
	default:
		errs = append(errs, graph.FieldError{Path: "polarity",
			Message: "blocs are found on positive ties: must be one of " + strings.Join([]string{PolarityPositive, PolarityAll}, ", ")})
	}
	if q.Resolution == 0 {
		q.Resolution = 1
	}
	if !(q.Resolution > 0 && q.Resolution <= MaxResolution) {
		errs = append(errs, graph.FieldError{Path: "resolution", Message: "must be greater than 0 and at most " + strconv.Itoa(MaxResolution)})
	}
	errs = append(errs, limitError(&q.Limit, "limit", DefaultLimit, MaxLimit)...)
	if !validBlocMethod(q.Method) {
		errs = append(errs, graph.FieldError{Path: "method", Message: "must be one of " + strings.Join(BlocMethods, ", ")})
	}
	switch {
	case q.K != 0 && q.Method == BlocsLouvain:
		errs = append(errs, graph.FieldError{Path: "k", Message: "applies only to method=signed (louvain chooses its number of blocs)"})
	case q.K != 0 && (q.K < 2 || q.K > MaxSignedK):
		errs = append(errs, graph.FieldError{Path: "k", Message: "must be between 2 and " + strconv.Itoa(MaxSignedK)})
	}
	return errs
}

// Blocs is the answer to a BlocQuery.
//
// Definition: the positive relationships (polarity +1) form an undirected
// graph of the actors that have one; a pair's weight is the sum of the
// weights of its positive relationships, each relationship once (1 per
// pair when unweighted). Blocs are its communities by Louvain modularity
// optimisation (gonum's community.Modularize, with a fixed random seed and
// deterministic node and neighbour order, so results are repeatable), and
// Modularity is the modularity Q of that partition at Resolution (the
// formula of NetworkX's community.modularity). Each bloc's members are
// sorted by id; blocs are sorted by size, largest first, then by their
// first member's id.
//
// With Method BlocsSigned the blocs are signedBlocs' partition of the
// actors with a signed pair (allies together, enemies apart), Frustration
// is its criterion P (the frustrated pairs, or their |net| weight) and K
// its number of blocs; Modularity is still that of the cooperative ties,
// and SignedModularity is the partition's signed modularity at Resolution
// on the signed pairs (signedModularity: Gómez, Jensen and Arenas 2009;
// Traag and Bruggeman 2009), the quality leidenalg gives the partition on
// a positive and a negative layer.
type Blocs struct {
	Method      string  `json:"method"`
	K           int     `json:"k,omitempty"`
	Frustration float64 `json:"frustration"`
	Weighted    bool    `json:"weighted"`
	Version     uint64  `json:"version"`
	Resolution  float64 `json:"resolution"`
	Modularity  float64 `json:"modularity"`
	// SignedModularity is set with Method BlocsSigned only.
	SignedModularity *float64 `json:"signed_modularity,omitempty"`
	Actors           int      `json:"actors"` // actors with a positive tie
	Count            int      `json:"count"`  // blocs in all (Blocs may be cut by the limit)
	Blocs            []Bloc   `json:"blocs"`
	// Next is the id of the last bloc listed when more follow (pass it
	// as After for the next page), else 0.
	Next int `json:"-"`

	all []Bloc // every bloc; Blocs is the page of it asked for
}

// page returns b with the blocs of the page after after, limit long.
func (b Blocs) page(after, limit int) (Blocs, error) {
	if after < 0 || after > len(b.all) {
		return Blocs{}, graph.Invalid("invalid bloc query", graph.FieldError{Path: "cursor", Message: "names no bloc of this answer; start again without cursor"})
	}
	to := min(after+limit, len(b.all))
	b.Blocs = append([]Bloc{}, b.all[after:to]...)
	b.Next = 0
	if to < len(b.all) {
		b.Next = to
	}
	return b, nil
}

// Bloc is one community.
type Bloc struct {
	ID      int      `json:"id"` // 1-based position in the ordering
	Size    int      `json:"size"`
	Members []string `json:"members"`
}

// Blocs answers q on the projection's positive ties.
func (p *Projection) Blocs(ctx context.Context, q BlocQuery) (Blocs, error) {
	if errs := q.fieldErrors(); len(errs) > 0 {
		return Blocs{}, graph.Invalid("invalid bloc query", errs...)
	}
	q.Method = cmp.Or(q.Method, BlocsLouvain)
	key := resultKey("blocs|"+q.Method+"|"+strconv.FormatFloat(q.Resolution, 'g', -1, 64), nil, q.K)
	res, err := memoResult(ctx, p, key, func(ctx context.Context) (Blocs, error) { return p.blocs(ctx, q) })
	if err != nil {
		return Blocs{}, err
	}
	return res.page(q.After, q.Limit)
}

// blocs computes Blocs' answer.
func (p *Projection) blocs(ctx context.Context, q BlocQuery) (Blocs, error) {
	res := Blocs{Method: q.Method, Weighted: p.weighted, Version: p.Version(), Resolution: q.Resolution, Blocs: []Bloc{}}
	g := newPositiveGraph(p)
	if res.Method == BlocsSigned {
		members, crit, k, smod, err := p.signedBlocs(ctx, q.K, q.Resolution)
		if err != nil {
			return Blocs{}, err
		}
		smod = roundScore(smod)
		res.K, res.Frustration, res.SignedModularity = k, roundScore(crit), &smod
		if g.m2 > 0 {
			res.Modularity = roundScore(g.modularity(members, q.Resolution))
		}
		return p.listBlocs(res, members), nil
	}
	if len(g.nodes) == 0 || g.m2 == 0 {
		return res, nil
	}
	comm, err := louvain(ctx, g.u.off, g.u.nbr, g.weights, q.Resolution, louvainSeed)
	if err != nil {
		return Blocs{}, err
	}
	// Actors without a positive tie are in no bloc.
	byComm := map[int32][]int32{}
	for _, v := range g.nodes {
		c := comm[v.ID()]
		byComm[c] = append(byComm[c], int32(v.ID()))
	}
	members := make([][]int32, 0, len(byComm))
	for _, ms := range byComm {
		members = append(members, ms) // g.nodes is in index order
	}
	slices.SortFunc(members, func(a, b []int32) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return cmp.Compare(a[0], b[0])
	})
	res.Modularity = roundScore(g.modularity(members, q.Resolution))
	return p.listBlocs(res, members), nil
}

// listBlocs fills res with every bloc (sorted, each sorted); Blocs pages
// them.
func (p *Projection) listBlocs(res Blocs, members [][]int32) Blocs {
	res.Count = len(members)
	res.all = make([]Bloc, 0, len(members))
	for i, ms := range members {
		res.Actors += len(ms)
		b := Bloc{ID: i + 1, Size: len(ms), Members: make([]string, len(ms))}
		for j, v := range ms {
			b.Members[j] = p.ids[v]
		}
		res.all = append(res.all, b)
	}
	return res
}

// positiveGraph adapts the projection's positive ties to gonum's
// graph.WeightedUndirected. Node ids are projection indices; nodes and
// neighbours iterate in index order (gonum's own simple graphs iterate
// maps, which would make Louvain's tie-breaking vary from run to run).
type positiveGraph struct {
	u       *undirected
	has     []bool // actor has a positive tie
	nodes   []gg.Node
	weights []float64 // per undirected entry: pair weight, 0 if not positive
	m2      float64   // twice the total weight
}

var _ gg.WeightedUndirected = (*positiveGraph)(nil)

func newPositiveGraph(p *Projection) *positiveGraph {
	u := p.undirected()
	n := len(p.ids)
	g := &positiveGraph{u: u, has: make([]bool, n), weights: make([]float64, len(u.nbr))}
	for e := range u.nbr {
		if u.posRel[e] < 0 {
			continue
		}
		w := 1.0
		if p.weighted {
			w = u.posSum[e]
		}
		g.weights[e] = w
		g.m2 += w
	}
	for v := 0; v < n; v++ {
		for e := u.off[v]; e < u.off[v+1]; e++ {
			if g.weights[e] > 0 {
				g.has[v] = true
				g.nodes = append(g.nodes, simple.Node(v))
				break
			}
		}
	}
	return g
}

func (g *positiveGraph) Node(id int64) gg.Node {
	if id >= 0 && id < int64(len(g.has)) && g.has[id] {
		return simple.Node(id)
	}
	return nil
}

func (g *positiveGraph) Nodes() gg.Nodes { return iterator.NewOrderedNodes(g.nodes) }

func (g *positiveGraph) From(id int64) gg.Nodes {
	if g.Node(id) == nil {
		return gg.Empty
	}
	var out []gg.Node
	for e := g.u.off[id]; e < g.u.off[id+1]; e++ {
		if g.weights[e] > 0 {
			out = append(out, simple.Node(g.u.nbr[e]))
		}
	}
	return iterator.NewOrderedNodes(out)
}

// entry finds the undirected entry of pair (x, y) by binary search.
func (g *positiveGraph) entry(xid, yid int64) (int32, bool) {
	if xid < 0 || yid < 0 || xid >= int64(len(g.has)) || yid >= int64(len(g.has)) {
		return 0, false
	}
	lo, hi := g.u.off[xid], g.u.off[xid+1]
	i, ok := slices.BinarySearch(g.u.nbr[lo:hi], int32(yid))
	if !ok || g.weights[lo+int32(i)] == 0 {
		return 0, false
	}
	return lo + int32(i), true
}

func (g *positiveGraph) HasEdgeBetween(xid, yid int64) bool {
	_, ok := g.entry(xid, yid)
	return ok
}

func (g *positiveGraph) Edge(uid, vid int64) gg.Edge { return g.WeightedEdge(uid, vid) }

func (g *positiveGraph) EdgeBetween(xid, yid int64) gg.Edge { return g.WeightedEdge(xid, yid) }

func (g *positiveGraph) WeightedEdgeBetween(xid, yid int64) gg.WeightedEdge {
	return g.WeightedEdge(xid, yid)
}

func (g *positiveGraph) WeightedEdge(uid, vid int64) gg.WeightedEdge {
	e, ok := g.entry(uid, vid)
	if !ok {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(uid), T: simple.Node(vid), W: g.weights[e]}
}

func (g *positiveGraph) Weight(xid, yid int64) (float64, bool) {
	if xid == yid {
		return 0, true // no self-loops
	}
	e, ok := g.entry(xid, yid)
	if !ok {
		return 0, false
	}
	return g.weights[e], true
}

// modularity is Q = Σ_c [ L_c/m − γ (d_c/2m)² ], with L_c the weight inside
// community c and d_c the total weighted degree of its members: NetworkX's
// community.modularity, in O(m) rather than gonum's community.Q, which
// looks up every pair inside each community.
func (g *positiveGraph) modularity(comms [][]int32, gamma float64) float64 {
	of := make([]int32, len(g.has))
	for i := range of {
		of[i] = -1 // in no community (a signed partition leaves some out)
	}
	for c, ms := range comms {
		for _, v := range ms {
			of[v] = int32(c)
		}
	}
	inside := make([]float64, len(comms)) // counts each internal pair twice
	degree := make([]float64, len(comms))
	for _, nd := range g.nodes {
		v := nd.ID()
		if of[v] < 0 {
			continue
		}
		for e := g.u.off[v]; e < g.u.off[v+1]; e++ {
			w := g.weights[e]
			if w == 0 {
				continue
			}
			degree[of[v]] += w
			if of[g.u.nbr[e]] == of[v] {
				inside[of[v]] += w
			}
		}
	}
	var q float64
	for c := range comms {
		d := degree[c] / g.m2
		q += inside[c]/g.m2 - gamma*d*d
	}
	return q
}
