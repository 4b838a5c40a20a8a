package analysis

import (
	"context"
	"slices"

	"github.com/detente/detente/graph"
)

// Limits of the personalised-influence and mediator queries.
const (
	DefaultActorLimit = 10 // results per direction
	DefaultPaths      = 3  // evidence paths per result
	MaxPaths          = 10
	DefaultPathHops   = 3 // hops of an evidence path
	MaxPathHops       = 4
	// maxEvidenceExpansions bounds the best-first evidence search: on a
	// dense graph some results may come with fewer paths than asked.
	maxEvidenceExpansions = 200_000
)

// ActorInfluenceQuery asks who one actor influences and who influences it.
type ActorInfluenceQuery struct {
	Actor string
	Filter
	Limit   int // results per direction: 0 means DefaultActorLimit, at most MaxLimit
	Paths   int // evidence paths per result: 0 means DefaultPaths, at most MaxPaths
	MaxHops int // hops per evidence path: 0 means DefaultPathHops, at most MaxPathHops
}

func (q *ActorInfluenceQuery) fieldErrors() []graph.FieldError {
	var errs []graph.FieldError
	if !graph.ValidID(q.Actor) {
		errs = append(errs, graph.FieldError{Path: "id", Message: "must be an actor id"})
	}
	errs = append(errs, limitError(&q.Limit, "limit", DefaultActorLimit, MaxLimit)...)
	errs = append(errs, limitError(&q.Paths, "paths", DefaultPaths, MaxPaths)...)
	errs = append(errs, limitError(&q.MaxHops, "max_hops", DefaultPathHops, MaxPathHops)...)
	return errs
}

// ActorInfluence is the answer to an ActorInfluenceQuery.
//
// Sign-aware influence (Sways, Pressures, SwayedBy, PressuredBy) is what
// an analyst should read. It is a truncated Katz path sum (L. Katz, "A new
// status index derived from sociometric analysis", Psychometrika 18, 1953:
// a tie of length k counts with attenuation α^k) restricted to the paths
// that signed-graph reasoning allows (D. Cartwright and F. Harary,
// "Structural balance: a generalization of Heider's theory", Psychological
// Review 63, 1956: the sign of a path is the product of its tie signs).
// A relationship source -> target is the source acting on the target
// (symmetric types act both ways), and:
//
//   - a sway channel from s to t is a simple path s -> ... -> t of at most
//     MaxHops ties, every one cooperative (polarity +1): s backs someone
//     who backs t, so t is swayed by s;
//   - a pressure channel is a simple path of at most MaxHops ties whose
//     ties are all cooperative except the last, which is conflictual
//     (polarity -1): s backs someone who sanctions, attacks, threatens t.
//     A channel never passes through a conflictual tie: "the enemy of my
//     enemy" is a balance argument about sentiment, not a conduit of
//     influence, so Iran —hostile_to— US —attacks→ Houthis is no channel
//     from Iran to the Houthis at all;
//   - a cooperative tie relays influence on to a further tie only if its
//     pair is not hostile on balance: the pair's net tie, Σ polarity ×
//     weight (Σ polarity unweighted) over its selected signed ties in
//     either direction — the pair sign Balance reads — is positive, or the
//     pair has no signed tie. The US and Iran negotiate while the US
//     sanctions Iran and both are hostile: US —negotiates_with— Iran is a
//     direct sway channel, but Iran —negotiates_with— US —sanctions→
//     Houthis is no pressure of Iran on the Houthis;
//   - only alignment and material support relay (the registry's
//     graph.RelationshipType.Relays: supports, allied_with, funds, arms,
//     sponsors): a tie of a direct-engagement type (negotiates_with,
//     mediates, appeals_to, monitors) reaches its own target and can be a
//     channel's last hop only. Oman mediates with the US, which sanctions
//     Iran: Oman sways the US, but Oman —mediates→ US —sanctions→ Iran is
//     no pressure of Oman on Iran — the mediator has no hand in what the
//     party does next, as a patron has in what its client does;
//   - structural ties (polarity 0: membership, monitoring) are
//     connections, not influence: they carry none, unless the projection
//     selects them explicitly (Polarity "all"), in which case they count as
//     cooperative conduits and Structural is set. The Service runs this
//     query on PolaritySigned unless a polarity is given.
//
// On each ordered pair and sign the channel takes the pair's best
// relationship of that sign (highest weight × confidence, then lowest id),
// as the path measures do (see Projection); a channel that goes on past
// the pair takes the best of those whose type relays (a pair that both
// mediates, 0.9, and supports, 0.3, ends channels by its mediation and
// passes them on by its support). A channel's strength is
// α^hops × Π weight×confidence over its ties when weighted, α^hops when
// not, with α = KatzAttenuation; an actor's score is the sum of the
// strengths of all its channels of that kind (Count of them), so
// unweighted it is the attenuated count of channels. Sways and Pressures
// follow influence from the actor (the actor at the start of each
// channel); SwayedBy and PressuredBy towards it (the actor at the end).
// Lists are ranked by score (competition ranks, ties by id), at most Limit
// long; each entry lists its Paths strongest channels (ties: fewer hops,
// then actor and relationship order), always read in the direction of
// influence. Truncated is set when the channel enumeration hit its bound
// (maxEvidenceExpansions) and scores may be short. Without as_of (all of
// history) a channel's ties must have coexisted: the days on which all of
// them were valid may not be empty (each hop being the pair's best tie of
// its sign, a pair whose best tie never overlapped the rest blocks the
// channel even if a weaker one did).
//
// Influences and InfluencedBy are the older sign-blind reach, kept for
// compatibility: personalised PageRank seeded at the actor on the graph as
// it is, i.e. networkx.pagerank(G, personalization={actor: 1}): where a
// random walk that keeps restarting at the actor spends its time.
// InfluencedBy: the same on the reversed graph, so the walk goes against
// the edges to the actors that act on this one. Scores are that stationary
// probability (the actor's own share excluded from the list); actors the
// walk never reaches are left out. They read every selected tie alike,
// hostile or friendly.
type ActorInfluence struct {
	Actor        string      `json:"actor"`
	Name         string      `json:"name"`
	Weighted     bool        `json:"weighted"`
	Version      uint64      `json:"version"`
	Influences   []Influence `json:"influences"`
	InfluencedBy []Influence `json:"influenced_by"`

	Structural  bool              `json:"structural"`  // structural ties counted as conduits
	Attenuation float64           `json:"attenuation"` // α, KatzAttenuation
	MaxHops     int               `json:"max_hops"`    // longest channel
	Truncated   bool              `json:"truncated"`   // the enumeration hit its bound
	Sways       []SignedInfluence `json:"sways"`       // whom the actor sways through cooperation
	Pressures   []SignedInfluence `json:"pressures"`   // whom the actor pressures
	SwayedBy    []SignedInfluence `json:"swayed_by"`   // who sways the actor
	PressuredBy []SignedInfluence `json:"pressured_by"`
}

// KatzAttenuation is α, the factor each hop of a channel costs (see
// ActorInfluence): 0.5 halves a channel's strength with every tie, so a
// direct tie outweighs any single longer channel of equal weights, and it
// takes two two-hop channels to match it.
const KatzAttenuation = 0.5

// SignedInfluence is one actor in a sign-aware influence list: its score,
// the number of channels summed in it (Count) and the strongest of them.
type SignedInfluence struct {
	Actor    string        `json:"actor"`
	Name     string        `json:"name"`
	Score    float64       `json:"score"`
	Rank     int           `json:"rank"`
	Count    int           `json:"count"`
	Channels []ChannelPath `json:"channels"`
}

// ChannelPath is a channel of sway or pressure: a graph.Path (actors,
// relationships with their ids, types and dates, each tie's sign in
// Signs, explanation) in the direction of influence, and its strength,
// α^hops × Π weight×confidence (weighted) or α^hops (unweighted).
type ChannelPath struct {
	graph.Path
	Strength float64 `json:"strength"`
}

// Influence is one actor in an ActorInfluence list, with the evidence: up
// to Paths paths of at most MaxHops hops, strongest first (see evidence),
// or, for an actor further away than that, one shortest path.
type Influence struct {
	Actor string     `json:"actor"`
	Name  string     `json:"name"`
	Score float64    `json:"score"`
	Rank  int        `json:"rank"`
	Paths []Evidence `json:"paths"`
}

// Evidence is a path that carries influence or mediation: a graph.Path
// (actors, relationships, hops, cost, sign, explanation — the shape of the
// paths endpoint, always in the direction of influence) and its strength,
// the product of the weights of its relationships.
type Evidence struct {
	graph.Path
	Strength float64 `json:"strength"`
}

// ActorInfluence answers q on the projection. ENOTFOUND when the graph has
// no such actor; an actor with no tie under the filter gets empty lists.
func (p *Projection) ActorInfluence(ctx context.Context, q ActorInfluenceQuery) (ActorInfluence, error) {
	if errs := q.fieldErrors(); len(errs) > 0 {
		return ActorInfluence{}, graph.Invalid("invalid influence query", errs...)
	}
	if err := p.checkActor(q.Actor, "id"); err != nil {
		return ActorInfluence{}, err
	}
	return memoResult(ctx, p, resultKey("actor", []string{q.Actor}, q.Limit, q.Paths, q.MaxHops),
		func(ctx context.Context) (ActorInfluence, error) {
			res, err := p.actorInfluence(ctx, q)
			if err == nil {
				err = p.hydrateActorInfluence(ctx, &res)
			}
			return res, err
		})
}

// actorInfluence computes ActorInfluence's answer for a checked query.
func (p *Projection) actorInfluence(ctx context.Context, q ActorInfluenceQuery) (ActorInfluence, error) {
	res := ActorInfluence{Actor: q.Actor, Name: p.base.name(q.Actor), Weighted: p.weighted,
		Version: p.Version(), Influences: []Influence{}, InfluencedBy: []Influence{},
		Structural: p.filter.Polarity == PolarityAll, Attenuation: KatzAttenuation, MaxHops: q.MaxHops,
		Sways: []SignedInfluence{}, Pressures: []SignedInfluence{}, SwayedBy: []SignedInfluence{}, PressuredBy: []SignedInfluence{}}
	seed, ok := p.indexOf(q.Actor)
	if !ok {
		return res, nil
	}
	for _, dir := range []struct {
		reverse bool
		dst     *[]Influence
	}{{false, &res.Influences}, {true, &res.InfluencedBy}} {
		scores, _, _, err := p.pageRank(ctx, seed, dir.reverse)
		if err != nil {
			return ActorInfluence{}, err
		}
		ranked := rank(p.ids, scores, func(v int) bool { return int32(v) != seed && scores[v] > 0 })
		ranked = ranked[:min(q.Limit, len(ranked))]
		targets := make([]int32, len(ranked))
		for i, s := range ranked {
			targets[i], _ = p.indexOf(s.Actor)
		}
		walk := &p.out
		if dir.reverse {
			walk = &p.in
		}
		paths, err := p.evidence(ctx, walk, seed, targets, q.Paths, q.MaxHops)
		if err != nil {
			return ActorInfluence{}, err
		}
		list := make([]Influence, len(ranked))
		for i, s := range ranked {
			list[i] = Influence{Actor: s.Actor, Name: p.base.name(s.Actor), Score: s.Score, Rank: s.Rank,
				Paths: p.toEvidence(paths[targets[i]], dir.reverse)}
		}
		*dir.dst = list
	}
	if err := p.signedInfluence(ctx, q, seed, &res); err != nil {
		return ActorInfluence{}, err
	}
	return res, nil
}

// rawPath is a path through the projection: actor indices and the
// relationship on each hop.
type rawPath struct {
	nodes    [MaxPathHops + 1]int32
	rels     [MaxPathHops]int32
	hops     int
	strength float64
	// long and longRels hold a path of any length (the shortest-path
	// fallback); nodes and rels are then unused.
	long, longRels []int32
}

func (r *rawPath) seq() ([]int32, []int32) {
	if r.long != nil {
		return r.long, r.longRels
	}
	return r.nodes[:r.hops+1], r.rels[:r.hops]
}

// evidence finds, for each target, up to k paths of at most maxHops edges
// from src walking adjacency a, the strongest first: a best-first search
// over simple paths. An edge's strength is the weight of its best
// relationship; a path's is the product. Weighted projections order paths
// by strength, then hops; unweighted ones by hops, then strength; then by
// actor ids. Both orders only get worse as a path grows (weights are at
// most 1), so paths leave the queue in order and the first k to reach a
// target are its best k. The search is pruned to actors within reach of a
// target and bounded by maxEvidenceExpansions.
func (p *Projection) evidence(ctx context.Context, a *adjacency, src int32, targets []int32, k, maxHops int) (map[int32][]rawPath, error) {
	out := make(map[int32][]rawPath, len(targets))
	if len(targets) == 0 {
		return out, nil
	}
	// Hops from each actor to the nearest target, walking a backwards.
	back := &p.in
	if a == &p.in {
		back = &p.out
	}
	toTarget := make(map[int32]int, 4*len(targets))
	frontier := slices.Clone(targets)
	for _, t := range targets {
		toTarget[t] = 0
	}
	for h := 1; h <= maxHops && len(frontier) > 0; h++ {
		var next []int32
		for _, v := range frontier {
			for _, u := range back.nbr[back.off[v]:back.off[v+1]] {
				if _, ok := toTarget[u]; !ok {
					toTarget[u] = h
					next = append(next, u)
				}
			}
		}
		frontier = next
	}
	isTarget := make(map[int32]bool, len(targets))
	for _, t := range targets {
		isTarget[t] = true
	}
	remaining := len(targets)

	less := func(x, y *rawPath) bool { return p.pathLess(x, y) }
	h := pathHeap{less: less}
	start := rawPath{strength: 1}
	start.nodes[0] = src
	h.push(start)
	for pushes := 0; len(h.items) > 0 && remaining > 0; {
		if pushes%4096 == 0 && ctx.Err() != nil {
			return nil, ctxError(ctx)
		}
		cur := h.pop()
		last := cur.nodes[cur.hops]
		if cur.hops > 0 && isTarget[last] && len(out[last]) < k {
			out[last] = append(out[last], cur)
			if len(out[last]) == k {
				remaining--
			}
		}
		if cur.hops == maxHops || pushes >= maxEvidenceExpansions {
			continue
		}
		lo, hi := a.off[last], a.off[last+1]
	next:
		for e := lo; e < hi; e++ {
			y := a.nbr[e]
			if d, ok := toTarget[y]; !ok || cur.hops+1+d > maxHops {
				continue
			}
			for _, x := range cur.nodes[:cur.hops+1] {
				if x == y {
					continue next
				}
			}
			np := cur
			np.hops++
			np.nodes[np.hops] = y
			np.rels[np.hops-1] = a.rel[e]
			np.strength *= p.best(a, e)
			h.push(np)
			pushes++
		}
	}
	// Targets out of reach within maxHops still get one path: a shortest
	// one (fewest hops; among those, the first found walking neighbours in
	// id order), so that every result comes with its explanation.
	var far []int32
	for _, t := range targets {
		if len(out[t]) == 0 {
			far = append(far, t)
		}
	}
	if len(far) > 0 {
		for t, path := range p.shortestPaths(a, src, far) {
			out[t] = []rawPath{path}
		}
	}
	return out, nil
}

// shortestPaths finds by breadth-first search one fewest-hop path from src
// to each target along a.
func (p *Projection) shortestPaths(a *adjacency, src int32, targets []int32) map[int32]rawPath {
	type via struct{ node, edge int32 }
	parent := map[int32]via{src: {-1, -1}}
	want := make(map[int32]bool, len(targets))
	for _, t := range targets {
		want[t] = true
	}
	found := map[int32]rawPath{}
	queue := []int32{src}
	for head := 0; head < len(queue) && len(found) < len(targets); head++ {
		v := queue[head]
		for e := a.off[v]; e < a.off[v+1]; e++ {
			w := a.nbr[e]
			if _, seen := parent[w]; seen {
				continue
			}
			parent[w] = via{v, e}
			queue = append(queue, w)
			if !want[w] {
				continue
			}
			path := rawPath{strength: 1}
			for x := w; x != src; x = parent[x].node {
				e := parent[x].edge
				path.long = append(path.long, x)
				path.longRels = append(path.longRels, a.rel[e])
				path.strength *= p.best(a, e)
			}
			path.long = append(path.long, src)
			slices.Reverse(path.long)
			slices.Reverse(path.longRels)
			path.hops = len(path.longRels)
			found[w] = path
		}
	}
	return found
}

// pathLess is the evidence order (see evidence).
func (p *Projection) pathLess(x, y *rawPath) bool {
	if p.weighted {
		if x.strength != y.strength {
			return x.strength > y.strength
		}
		if x.hops != y.hops {
			return x.hops < y.hops
		}
	} else {
		if x.hops != y.hops {
			return x.hops < y.hops
		}
		if x.strength != y.strength {
			return x.strength > y.strength
		}
	}
	return slices.Compare(x.nodes[:x.hops+1], y.nodes[:y.hops+1]) < 0
}

// toEvidence turns raw paths into Evidence; reverse paths were found
// walking against the edges and are turned round to read in the direction
// of influence.
func (p *Projection) toEvidence(raw []rawPath, reverse bool) []Evidence {
	out := make([]Evidence, 0, len(raw))
	for _, r := range raw {
		nodes, rels := r.seq()
		nodes, rels = slices.Clone(nodes), slices.Clone(rels)
		if reverse {
			slices.Reverse(nodes)
			slices.Reverse(rels)
		}
		out = append(out, p.makeEvidence(nodes, rels))
	}
	return out
}

// makeEvidence builds the graph.Path for a sequence of actors and the
// relationships between them.
func (p *Projection) makeEvidence(nodes, rels []int32) Evidence {
	path := graph.Path{Actors: make([]string, len(nodes)), Names: make([]string, len(nodes)),
		Relationships: make([]graph.Relationship, len(rels))}
	for i, v := range nodes {
		path.Actors[i] = p.ids[v]
		path.Names[i] = p.base.name(p.ids[v])
	}
	strength := 1.0
	for i, ri := range rels {
		path.Relationships[i] = p.base.lean(ri) // whole once hydrated
		strength *= p.base.rels[ri].weight
	}
	q := graph.PathQuery{Weighted: p.weighted}
	path.Finish(&q, p.base.reg)
	return Evidence{Path: path, Strength: roundScore(strength)}
}

// pathHeap is a binary heap of paths under less.
type pathHeap struct {
	items []rawPath
	less  func(x, y *rawPath) bool
}

func (h *pathHeap) push(x rawPath) {
	h.items = append(h.items, x)
	i := len(h.items) - 1
	for i > 0 {
		parent := (i - 1) / 2
		if !h.less(&h.items[i], &h.items[parent]) {
			break
		}
		h.items[i], h.items[parent] = h.items[parent], h.items[i]
		i = parent
	}
}

func (h *pathHeap) pop() rawPath {
	top := h.items[0]
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(h.items) && h.less(&h.items[l], &h.items[m]) {
			m = l
		}
		if r < len(h.items) && h.less(&h.items[r], &h.items[m]) {
			m = r
		}
		if m == i {
			return top
		}
		h.items[i], h.items[m] = h.items[m], h.items[i]
		i = m
	}
}
