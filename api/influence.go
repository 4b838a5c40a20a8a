package api

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/analysis"
	"github.com/detente/detente/internal/sizedlru"
)

// ---- response types of the influence endpoints ----

// Score is one actor's place in a ranking.
type Score struct {
	Actor string  `json:"actor" validate:"required" example:"iran"`
	Name  string  `json:"name" validate:"required" example:"Iran"`
	Score float64 `json:"score" validate:"required" format:"double" example:"0.083"`
	// Competition rank ("1224"): equal scores share a rank; ties are listed by id.
	Rank int `json:"rank" validate:"required" example:"1"`
} //@name Score

// Ranking is the answer of GET /api/v1/influence.
type Ranking struct {
	// The day analysed (YYYY-MM-DD), or all: every tie, whenever valid.
	AsOf       string `json:"as_of" validate:"required" example:"2025-04-12"`
	Algorithm  string `json:"algorithm" validate:"required" example:"pagerank"`
	Weighted   bool   `json:"weighted" validate:"required"`
	Normalized bool   `json:"normalized,omitempty"`
	// Actors and relationships (as projected edges) in the analysed graph.
	Actors int `json:"actors" validate:"required"`
	Edges  int `json:"edges" validate:"required"`
	// Power iterations run (pagerank, eigenvector).
	Iterations int  `json:"iterations,omitempty"`
	Converged  bool `json:"converged" validate:"required"`
	// The graph version the ranking was computed on.
	Version uint64  `json:"version" validate:"required"`
	Results []Score `json:"results" validate:"required"`
	// Pass as cursor to get the next page of the ranking; absent on the last page. A write between pages re-ranks: a cursor whose actor has left the ranking is a 400.
	NextCursor string `json:"next_cursor,omitempty"`
	// With actors=: the asked-for actors that are not in the analysed graph (no selected tie).
	Unranked []string `json:"unranked,omitempty"`
} //@name Ranking

// EvidencePath is a path that carries influence, with its strength.
type EvidencePath struct {
	Path
	// Product of the tie weights along the path.
	Strength float64 `json:"strength" validate:"required" format:"double"`
} //@name EvidencePath

// Influence is one actor's influence on (or from) the actor asked about.
type Influence struct {
	Actor string         `json:"actor" validate:"required" example:"houthis"`
	Name  string         `json:"name" validate:"required" example:"Houthis"`
	Score float64        `json:"score" validate:"required" format:"double"`
	Rank  int            `json:"rank" validate:"required"`
	Paths []EvidencePath `json:"paths" validate:"required"`
} //@name Influence

// ChannelPath is a channel of sway or pressure, read in the direction of influence.
type ChannelPath struct {
	Path
	// attenuation^hops times the product of weight x confidence over the ties when weighted; attenuation^hops when not.
	Strength float64 `json:"strength" validate:"required" format:"double"`
} //@name ChannelPath

// SignedInfluence is one actor in a sway or pressure list.
type SignedInfluence struct {
	Actor string `json:"actor" validate:"required" example:"united-states"`
	Name  string `json:"name" validate:"required" example:"United States"`
	// Sum of the strengths of all this actor's channels of this kind.
	Score float64 `json:"score" validate:"required" format:"double"`
	Rank  int     `json:"rank" validate:"required"`
	// How many channels the score sums.
	Count int `json:"count" validate:"required"`
	// The strongest channels (at most paths of them): strongest first, then fewer hops.
	Channels []ChannelPath `json:"channels" validate:"required"`
} //@name SignedInfluence

// ActorInfluence is the answer of GET /api/v1/actors/{id}/influence.
type ActorInfluence struct {
	// The day analysed (YYYY-MM-DD), or all: every tie, whenever valid.
	AsOf     string `json:"as_of" validate:"required" example:"2025-04-12"`
	Actor    string `json:"actor" validate:"required" example:"iran"`
	Name     string `json:"name" validate:"required" example:"Iran"`
	Weighted bool   `json:"weighted" validate:"required"`
	Version  uint64 `json:"version" validate:"required"`
	// Structural (polarity 0) ties were counted as cooperative conduits (only with polarity=all).
	Structural bool `json:"structural" validate:"required"`
	// The Katz attenuation each hop of a channel costs (0.5).
	Attenuation float64 `json:"attenuation" validate:"required" format:"double" example:"0.5"`
	// The longest channel counted (max_hops).
	MaxHops int `json:"max_hops" validate:"required" example:"3"`
	// The channel enumeration hit its bound: scores may be short.
	Truncated bool `json:"truncated" validate:"required"`
	// Whom the actor sways: channels from the actor made only of cooperative ties.
	Sways []SignedInfluence `json:"sways" validate:"required"`
	// Whom the actor pressures: channels from the actor of cooperative ties ending in one conflictual tie.
	Pressures []SignedInfluence `json:"pressures" validate:"required"`
	// Who sways the actor: channels to the actor made only of cooperative ties.
	SwayedBy []SignedInfluence `json:"swayed_by" validate:"required"`
	// Who pressures the actor: channels to the actor of cooperative ties ending in one conflictual tie on the actor.
	PressuredBy []SignedInfluence `json:"pressured_by" validate:"required"`
	// Deprecated: sign-blind reach (a hostile tie counts as influence); read sways and pressures. Whom the actor reaches: personalised PageRank seeded at the actor, following ties source -> target.
	Influences []Influence `json:"influences" validate:"required"`
	// Deprecated: sign-blind reach; read swayed_by and pressured_by. Who reaches the actor: personalised PageRank seeded at the actor on the reversed graph.
	InfluencedBy []Influence `json:"influenced_by" validate:"required"`
} //@name ActorInfluence

// MediatorTie is a relationship as a mediator answer reads it.
type MediatorTie struct {
	Relationship
	// The polarity of its type: 1 cooperative, -1 conflictual.
	Sign int `json:"sign" validate:"required" example:"1"`
	// 0.5 + 0.5 · 2^(-years since valid_from / 2) as of the analysis date; 0.5 when undated.
	Recency float64 `json:"recency" validate:"required" format:"double" example:"1"`
	// weight × confidence × recency (1 when weighted=false); 0 for a conflictual tie.
	Strength float64 `json:"strength" validate:"required" format:"double" example:"0.63"`
} //@name MediatorTie

// MediatorChannel is a candidate's strongest cooperative path to one side.
type MediatorChannel struct {
	Party string `json:"party" validate:"required" example:"iran"`
	Hops  int    `json:"hops" validate:"required" example:"1"`
	// Product of the ties' strengths, halved for every intermediary.
	Strength float64 `json:"strength" validate:"required" format:"double" example:"0.63"`
	// The candidate first, the party last.
	Actors []string `json:"actors" validate:"required" example:"oman,iran"`
	// The strongest active cooperative relationship of each pair, in path order.
	Ties []MediatorTie `json:"ties" validate:"required"`
} //@name MediatorChannel

// Mediator is a candidate go-between.
type Mediator struct {
	Actor string `json:"actor" validate:"required" example:"oman"`
	Name  string `json:"name" validate:"required" example:"Oman"`
	// access × (1 + brokerage) / 2, in [0, 1].
	Score float64 `json:"score" validate:"required" format:"double"`
	Rank  int     `json:"rank" validate:"required"`
	// Geometric mean of the strengths of its channels to the two sides, in [0, 1].
	Access float64 `json:"access" validate:"required" format:"double"`
	// Share of the shortest cooperative paths between the two camps through it (Brandes' subset betweenness), in [0, 1].
	Brokerage float64 `json:"brokerage" validate:"required" format:"double"`
	// Why it is listed, in one line.
	Reason string `json:"reason" validate:"required" example:"cooperative ties to both: mediates→United States (2025-04-12); mediates→Iran (2025-04-12); no conflict with either"`
	// Its channel to the first side, then to the second.
	Sides []MediatorChannel `json:"sides" validate:"required"`
} //@name Mediator

// ExcludedMediator has channels to both sides but an active conflictual tie to one of them.
type ExcludedMediator struct {
	Actor  string `json:"actor" validate:"required" example:"european-union"`
	Name   string `json:"name" validate:"required" example:"European Union"`
	Reason string `json:"reason" validate:"required" example:"conflictual tie with a party: sanctions→Iran (2022-10-20)"`
	// Its strongest active conflictual tie to each side it is in conflict with.
	Conflicts []MediatorTie `json:"conflicts" validate:"required"`
} //@name ExcludedMediator

// Mediators is the answer of GET /api/v1/mediators.
type Mediators struct {
	Between  []string `json:"between" validate:"required" example:"united-states,iran"`
	Weighted bool     `json:"weighted" validate:"required"`
	Version  uint64   `json:"version" validate:"required"`
	// The day analysed: as_of, or the server's analysis date when it was left out (mediators weigh active ties, so never all).
	AsOf    string `json:"as_of" validate:"required" format:"date" example:"2025-04-12"`
	MaxHops int    `json:"max_hops" validate:"required" example:"2"`
	// The two sides have an active cooperative tie of their own.
	Direct bool `json:"direct" validate:"required"`
	// The two sides have an active conflictual tie.
	Conflict bool `json:"conflict" validate:"required"`
	// Sizes of the two camps: each side and its cooperative neighbours.
	Camps   []int      `json:"camps" validate:"required"`
	Results []Mediator `json:"results" validate:"required"`
	// Pass as cursor to get the next page of results; absent on the last page.
	NextCursor string `json:"next_cursor,omitempty"`
	// Disqualified candidates, by id.
	Excluded []ExcludedMediator `json:"excluded" validate:"required"`
} //@name Mediators

// Bloc is a community of actors bound by positive ties.
type Bloc struct {
	ID      int      `json:"id" validate:"required"`
	Size    int      `json:"size" validate:"required"`
	Members []string `json:"members" validate:"required"`
} //@name Bloc

// Blocs is the answer of GET /api/v1/blocs. Its schema is BlocPartition,
// not Blocs: a schema with a property named as itself (blocs) makes
// openapi-python-client reuse one local name for the list and the model
// (clients/python fails mypy).
type Blocs struct {
	// The day analysed (YYYY-MM-DD), or all: every tie, whenever valid.
	AsOf string `json:"as_of" validate:"required" example:"2025-04-12"`
	// How the blocs were found: signed (allies together, enemies apart) or louvain (communities of the cooperative ties).
	Method string `json:"method" validate:"required" enums:"signed,louvain" example:"signed"`
	// signed: the number of blocs, given or chosen by the criterion.
	K int `json:"k,omitempty" example:"2"`
	// signed: the criterion the blocs minimise, hostile pairs inside a bloc plus cooperative pairs between blocs (their |net| weight when weighted); louvain: 0.
	Frustration float64 `json:"frustration" validate:"required" format:"double" example:"3"`
	Weighted    bool    `json:"weighted" validate:"required"`
	Version     uint64  `json:"version" validate:"required"`
	Resolution  float64 `json:"resolution" validate:"required" format:"double"`
	// Newman-Girvan modularity of the partition.
	Modularity float64 `json:"modularity" validate:"required" format:"double"`
	// signed only: the partition's signed modularity (Gómez, Jensen and Arenas 2009; Traag and Bruggeman 2009) at the resolution, on the signed pairs (|net| weight when weighted, else 1): Q = (2w+ Q+ − 2w− Q−)/(2w+ + 2w−), Q± the modularity of the allied and of the hostile pairs under the same blocs and 2w± their total weights; high when allies share blocs and enemies do not. The quality leidenalg gives the same partition on a positive and a negative layer.
	SignedModularity *float64 `json:"signed_modularity,omitempty" format:"double" example:"0.43"`
	Actors           int      `json:"actors" validate:"required"`
	// Blocs in all; blocs lists a page of them.
	Count int    `json:"count" validate:"required"`
	Blocs []Bloc `json:"blocs" validate:"required"`
	// Pass as cursor to get the next page of blocs; absent on the last page. Bloc ids are positions in one answer: after a write the cursor is refused (400) and paging starts again.
	NextCursor string `json:"next_cursor,omitempty"`
} //@name BlocPartition

// TriadCounts counts triads by their signs.
type TriadCounts struct {
	PPP int64 `json:"ppp" validate:"required"`
	PNN int64 `json:"pnn" validate:"required"`
	PPN int64 `json:"ppn" validate:"required"`
	NNN int64 `json:"nnn" validate:"required"`
} //@name TriadCounts

// ActorBalance is one actor's share of the triads.
type ActorBalance struct {
	Actor      string `json:"actor" validate:"required"`
	Name       string `json:"name" validate:"required"`
	Unbalanced int64  `json:"unbalanced" validate:"required"`
	Triads     int64  `json:"triads" validate:"required"`
} //@name ActorBalance

// Triad is three actors tied pairwise, with the signs of their ties.
type Triad struct {
	Actors []string `json:"actors" validate:"required"`
	Signs  []int    `json:"signs" validate:"required"`
	// "+++" or "+--" (balanced), "++-" or "---" (unbalanced).
	Kind string `json:"kind" validate:"required" example:"++-"`
} //@name Triad

// Balance is the answer of GET /api/v1/balance.
type Balance struct {
	// The day analysed (YYYY-MM-DD), or all: every tie, whenever valid.
	AsOf       string `json:"as_of" validate:"required" example:"2025-04-12"`
	Weighted   bool   `json:"weighted" validate:"required"`
	Version    uint64 `json:"version" validate:"required"`
	Pairs      int    `json:"pairs" validate:"required"`
	Ambivalent int    `json:"ambivalent" validate:"required"`
	Triads     int64  `json:"triads" validate:"required"`
	Balanced   int64  `json:"balanced" validate:"required"`
	Unbalanced int64  `json:"unbalanced" validate:"required"`
	// Balanced triads over all triads (1 when there are none).
	Ratio  float64     `json:"ratio" validate:"required" format:"double"`
	Counts TriadCounts `json:"counts" validate:"required"`
	// The actors in unbalanced triads, most first, then by id: a page of actors_total.
	Actors      []ActorBalance `json:"actors" validate:"required"`
	ActorsTotal int            `json:"actors_total" validate:"required"`
	// Pass as cursor to get the next page of actors; absent on the last page.
	NextCursor       string      `json:"next_cursor,omitempty"`
	UnbalancedTriads []Triad     `json:"unbalanced_triads" validate:"required"`
	Truncated        bool        `json:"truncated" validate:"required"`
	Frustration      Frustration `json:"frustration" validate:"required"`
	// Estrada and Benzi's walk-based balance index tr exp(A) / tr exp(|A|) on the signed pairs (1 when balanced, towards 0 as imbalance grows); null when a connected component has more than 500 actors.
	WalkIndex *float64 `json:"walk_index" validate:"required" extensions:"x-nullable" format:"double" minimum:"0" maximum:"1"`
} //@name Balance

// Frustration is the frustration index of the signed graph (Aref and Wilson): the least number of signed relationships whose removal (or sign flip) leaves the graph balanced.
type Frustration struct {
	// The number of relationships the camps frustrate: the minimum when exact, otherwise an upper bound.
	Index int `json:"index" validate:"required" minimum:"0"`
	// index is proven minimal (the search finished within its budget).
	Exact bool `json:"exact" validate:"required"`
	// A proven lower bound on the minimum (equal to index when exact).
	LowerBound int `json:"lower_bound" validate:"required" minimum:"0"`
	// Two arrays, the two camps (actor ids, sorted) of a split that frustrates index relationships: every actor with a signed relationship, each connected component's larger side in the first camp.
	Camps [][]string `json:"camps" validate:"required"`
	// The relationships that split frustrates (positive between the camps, negative within one), by id, up to limit.
	Frustrated []string `json:"frustrated" validate:"required"`
	// The limit cut the frustrated list.
	Truncated bool `json:"truncated" validate:"required"`
} //@name Frustration

// ---- converters ----

func rankingFromDomain(r analysis.Ranking) Ranking {
	out := Ranking{Algorithm: string(r.Algorithm), Weighted: r.Weighted, Normalized: r.Normalized, Actors: r.Actors, Edges: r.Edges,
		Iterations: r.Iterations, Converged: r.Converged, Version: r.Version, Results: make([]Score, len(r.Results))}
	for i, s := range r.Results {
		out.Results[i] = Score(s)
	}
	if r.Next != "" {
		out.NextCursor = graph.EncodeCursor(r.Next)
	}
	out.Unranked = r.Unranked
	return out
}

func evidenceFromDomain(es []analysis.Evidence) []EvidencePath {
	out := make([]EvidencePath, len(es))
	for i, e := range es {
		out[i] = EvidencePath{Path: pathFromDomain(e.Path), Strength: e.Strength}
	}
	return out
}

func influencesFromDomain(in []analysis.Influence) []Influence {
	out := make([]Influence, len(in))
	for i, x := range in {
		out[i] = Influence{Actor: x.Actor, Name: x.Name, Score: x.Score, Rank: x.Rank, Paths: evidenceFromDomain(x.Paths)}
	}
	return out
}

func signedFromDomain(in []analysis.SignedInfluence) []SignedInfluence {
	out := make([]SignedInfluence, len(in))
	for i, x := range in {
		cs := make([]ChannelPath, len(x.Channels))
		for j, c := range x.Channels {
			cs[j] = ChannelPath{Path: pathFromDomain(c.Path), Strength: c.Strength}
		}
		out[i] = SignedInfluence{Actor: x.Actor, Name: x.Name, Score: x.Score, Rank: x.Rank, Count: x.Count, Channels: cs}
	}
	return out
}

func mediatorTiesFromDomain(ts []analysis.Tie) []MediatorTie {
	out := make([]MediatorTie, len(ts))
	for i, t := range ts {
		out[i] = MediatorTie{Relationship: relationshipFromDomain(t.Relationship), Sign: t.Sign, Recency: t.Recency, Strength: t.Strength}
	}
	return out
}

func actorInfluenceFromDomain(r analysis.ActorInfluence) ActorInfluence {
	return ActorInfluence{Actor: r.Actor, Name: r.Name, Weighted: r.Weighted, Version: r.Version,
		Structural: r.Structural, Attenuation: r.Attenuation, MaxHops: r.MaxHops, Truncated: r.Truncated,
		Sways: signedFromDomain(r.Sways), Pressures: signedFromDomain(r.Pressures),
		SwayedBy: signedFromDomain(r.SwayedBy), PressuredBy: signedFromDomain(r.PressuredBy),
		Influences: influencesFromDomain(r.Influences), InfluencedBy: influencesFromDomain(r.InfluencedBy)}
}

func mediatorsFromDomain(m analysis.Mediators) Mediators {
	out := Mediators{Between: m.Between[:], Weighted: m.Weighted, Version: m.Version, MaxHops: m.MaxHops, Direct: m.Direct,
		Conflict: m.Conflict, Camps: m.Camps[:], Results: make([]Mediator, len(m.Results)), Excluded: make([]ExcludedMediator, len(m.Excluded))}
	if m.AsOf != nil {
		out.AsOf = m.AsOf.String()
	}
	for i, x := range m.Results {
		med := Mediator{Actor: x.Actor, Name: x.Name, Score: x.Score, Rank: x.Rank, Access: x.Access, Brokerage: x.Brokerage,
			Reason: x.Reason, Sides: make([]MediatorChannel, len(x.Sides))}
		for k, c := range x.Sides {
			med.Sides[k] = MediatorChannel{Party: c.Party, Hops: c.Hops, Strength: c.Strength, Actors: c.Actors, Ties: mediatorTiesFromDomain(c.Ties)}
		}
		out.Results[i] = med
	}
	for i, x := range m.Excluded {
		out.Excluded[i] = ExcludedMediator{Actor: x.Actor, Name: x.Name, Reason: x.Reason, Conflicts: mediatorTiesFromDomain(x.Conflicts)}
	}
	return out
}

func blocsFromDomain(b analysis.Blocs) Blocs {
	out := Blocs{Method: b.Method, K: b.K, Frustration: b.Frustration, Weighted: b.Weighted, Version: b.Version, Resolution: b.Resolution, Modularity: b.Modularity, Actors: b.Actors,
		SignedModularity: b.SignedModularity, Count: b.Count, Blocs: make([]Bloc, len(b.Blocs))}
	for i, x := range b.Blocs {
		out.Blocs[i] = Bloc(x)
	}
	if b.Next != 0 {
		out.NextCursor = graph.EncodeCursor(strconv.FormatUint(b.Version, 10) + "-" + strconv.Itoa(b.Next))
	}
	return out
}

func balanceFromDomain(b analysis.Balance) Balance {
	out := Balance{Weighted: b.Weighted, Version: b.Version, Pairs: b.Pairs, Ambivalent: b.Ambivalent, Triads: b.Triads,
		Balanced: b.Balanced, Unbalanced: b.Unbalanced, Ratio: b.Ratio, Counts: TriadCounts(b.Counts), Truncated: b.Truncated, ActorsTotal: b.ActorsTotal,
		Actors: make([]ActorBalance, len(b.Actors)), UnbalancedTriads: make([]Triad, len(b.UnbalancedTriads))}
	for i, a := range b.Actors {
		out.Actors[i] = ActorBalance(a)
	}
	for i, t := range b.UnbalancedTriads {
		out.UnbalancedTriads[i] = Triad{Actors: t.Actors[:], Signs: t.Signs[:], Kind: t.Kind}
	}
	f := b.Frustration
	out.Frustration = Frustration{Index: f.Index, Exact: f.Exact, LowerBound: f.LowerBound,
		Camps: [][]string{f.Camps[0], f.Camps[1]}, Frustrated: f.Frustrated, Truncated: f.Truncated}
	out.WalkIndex = b.WalkIndex
	if b.Next != "" {
		out.NextCursor = graph.EncodeCursor(b.Next)
	}
	return out
}

// Encoded answers of the influence endpoints. An answer is a function of
// the request URI and the graph version it was computed on (parsing is
// deterministic; the analysis caches per version), so its encoded body is
// kept under both: a repeated request — the explorer redrawing, a
// dashboard polling — skips the wire conversion and the JSON encoding,
// which for an actor's influence with its evidence paths cost more than
// the cached analysis itself (issue 6). A write bumps the version, so no
// body outlives the graph it describes. Bounded by bytes (a quarter of
// Config.CacheBudget) and count; bodies over maxAnalysisBody are not kept.
const (
	analysisBodies  = 256
	maxAnalysisBody = 1 << 20
)

func newBodyCache(budget int64) *sizedlru.Cache[string, []byte] {
	return sizedlru.New[string, []byte](budget, maxAnalysisBody, analysisBodies)
}

// writeAnalysis answers 200 with the body for (version, request URI),
// from the cache or encoded from wire().
func (s *Server) writeAnalysis(c *gin.Context, version uint64, wire func() (any, error)) error {
	// The URI alone does not fix the answer: without as_of, the day it
	// is computed for is the server's analysis date, which moves.
	// On a scenario the version is the view's own, so the view's key
	// (the graph version and the scenario chain's revisions) goes in too.
	key := strconv.FormatUint(version, 10) + " " + answerAsOf(c) + " " + c.Request.URL.RequestURI() + " " + c.GetString(viewTagKey)
	if b, ok := s.bodies.Get(key); ok {
		c.Data(http.StatusOK, "application/json", b)
		return nil
	}
	v, err := wire()
	if err != nil {
		return err
	}
	b, err := json.Marshal(v)
	if err != nil {
		c.Status(http.StatusInternalServerError)
		return nil
	}
	b = append(b, '\n')
	s.bodies.Add(key, b, int64(len(b))) // kept unless over maxAnalysisBody
	c.Data(http.StatusOK, "application/json", b)
	return nil
}

// analysisFilter reads the filter parameters every influence endpoint
// takes; polarity is offered only where the algorithm allows a choice.
func analysisFilter(q *query, polarity, weighted bool) analysis.Filter {
	f := analysis.Filter{Types: q.list("types"), AsOf: q.asOf("as_of"), Weighted: q.bool("weighted", weighted)}
	if polarity {
		f.Polarity = q.enum("polarity", analysis.Polarities())
	}
	return f
}

// analyse runs one analysis after the parameter checks; EINVALID from the
// analysis names query parameters, so it is reported as
// invalid-parameter.
func analyse[T any](q *query, run func() (T, error)) (T, error) {
	var zero T
	if err := q.err(); err != nil {
		return zero, err
	}
	v, err := run()
	if err != nil {
		return zero, invalidParam(err)
	}
	return v, nil
}

// influence godoc
//
//	@Summary		Rank actors by influence
//	@ID				rankInfluence
//	@Description	Who matters most? Centralities over a cached projection of the (filtered) graph, defined as NetworkX defines them unless said otherwise: pagerank (damping 0.85, dangling mass spread uniformly), betweenness (exact Brandes, normalised; distance 1/weight when weighted), in_degree / out_degree (the distinct actors tied towards or from the actor, as NetworkX's DiGraph in/out degree of the projected graph; weighted: the sum of the weights), degree (the distinct actors tied in either direction — NetworkX's degree of the undirected graph, NOT its DiGraph degree, which counts a pair tied both ways twice; weighted: the sum of the weights of the actor's ties, a symmetric tie once) — each a plain count, or divided by n-1 with normalized=true, closeness (Wasserman-Faust improved, on distances towards the actor), eigenvector (in-edges); and, for the signed graph, pn (Everett and Borgatti 2014: PN = (I - A/(2n-2))^-1 1 with A = P - 2N on the undirected ties, structural ones ignored; friends raise an actor, enemies lower it, 1 is no signed tie) and signed_eigenvector (Bonacich and Lloyd 2004: the unit eigenvector of the largest eigenvalue of the signed adjacency, oriented to a non-negative sum; two hostile camps get opposite signs). Symmetric relationship types count both ways. The analysed graph holds the actors with at least one selected tie. Results are sorted by score, ties by id, each with the actor's name; an empty filtered graph gives an empty list. The ranking pages (limit, cursor/next_cursor) to its end; actors= reads given actors' scores and ranks.
//	@Tags			queries
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			algorithm	query		string		false	"Centrality"										Enums(pagerank, betweenness, degree, in_degree, out_degree, closeness, eigenvector, pn, signed_eigenvector)	default(pagerank)
//	@Param			weighted	query		bool		false	"Use relationship weights (default false: the centralities as NetworkX computes them on the unweighted graph)"	default(false)
//	@Param			normalized	query		bool		false	"Degrees divided by n-1"							default(false)
//	@Param			types		query		[]string	false	"Only these relationship types (comma-separated)"	collectionFormat(csv)
//	@Param			as_of		query		string		false	"The day analysed: only ties valid on it (YYYY-MM-DD); all: every tie, a path's ties having coexisted. Default: the server's analysis date (--as-of; the seeded scenario's cut-off; else today)"			example(2025-04-12)
//	@Param			polarity	query		string		false	"Only cooperative, conflictual, both (signed: no structural ties) or all ties"	Enums(positive, negative, signed, all)	default(all)
//	@Param			limit		query		int			false	"How many actors (a page)"									minimum(1)	maximum(1000)	default(50)
//	@Param			cursor		query		string		false	"next_cursor of the previous page"
//	@Param			actors		query		[]string	false	"Only these actors' scores and ranks (ranks among all actors; comma-separated, at most 1000)"	collectionFormat(csv)
//	@Param			scenario	query		string		false	"Answer on this what-if scenario's graph (the graph with its changes applied) instead of the graph itself"
//	@Success		200			{object}	Ranking
//	@Failure		400			{object}	Problem				"Invalid parameter (the allowed values are in the message)"
//	@Failure		401			{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401			{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		500			{object}	Problem				"Internal error (a bug)"
//	@Failure		503			{object}	Problem				"Store unavailable or out of time"
//	@Header			503			{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/influence [get]
func (s *Server) influence(c *gin.Context) error {
	q := parseQuery(c, "algorithm", "weighted", "normalized", "types", "as_of", "polarity", "limit", "cursor", "actors")
	iq := analysis.InfluenceQuery{Algorithm: analysis.Algorithm(q.get("algorithm")), Filter: analysisFilter(q, true, false),
		Limit: q.intIn("limit", 1, analysis.MaxLimit), Normalized: q.bool("normalized", false), Actors: q.list("actors")}
	if q.has("cursor") {
		iq.After, _ = graph.DecodeCursor(q.cursor())
	}
	for _, a := range iq.Actors {
		if !graph.ValidID(a) {
			q.errs.add("actors", "%s is not an actor id", graph.Quote(a))
		}
	}
	if q.err() == nil {
		for _, a := range iq.Actors {
			if _, err := s.actorOf(c, a); graph.ErrorCode(err) == graph.ENOTFOUND {
				q.errs.add("actors", "no actor %s", a)
			} else if err != nil {
				return err
			}
		}
	}
	r, err := analyse(q, func() (analysis.Ranking, error) { return s.analysisOf(c).Influence(c.Request.Context(), iq) })
	if err != nil {
		return err
	}
	return s.writeAnalysis(c, r.Version, func() (any, error) { out := rankingFromDomain(r); out.AsOf = answerAsOf(c); return out, nil })
}

// actorInfluence godoc
//
//	@Summary		Who sways an actor, and whom it sways
//	@ID				actorInfluence
//	@Description	Sign-aware influence, in each direction: sways / swayed_by list who the actor sways and who sways it through cooperation; pressures / pressured_by who it pressures and who pressures it. A relationship source -> target is the source acting on the target (symmetric types act both ways). A sway channel is a simple path of at most max_hops ties, all cooperative (polarity +1); a pressure channel is the same but its last tie is conflictual (polarity -1): influence may end in one hostile tie but never passes through one, so "Iran —hostile_to— US —attacks→ Houthis" is no channel from Iran to the Houthis. Only ties whose type relays (relays in /relationship-types: alignment and material support — supports, allied_with, funds, arms, sponsors) may sit inside a channel; direct engagement (negotiates_with, mediates, appeals_to, monitors) can only be its last hop, so "Oman —mediates→ US —sanctions→ Iran" is no pressure of Oman on Iran. A cooperative tie passes influence on to a further tie only if its pair is not hostile on balance (the sum of polarity x weight, or of polarities unweighted, over the pair's signed ties either way is positive, as /balance reads a pair): "US —negotiates_with— Iran" is a direct channel, but Iran does not pressure the Houthis through the US's sanctions. Structural ties (polarity 0: membership, monitoring) are connections, not influence: left out by default (polarity=signed); polarity=all counts them as cooperative conduits (and sets structural); positive gives sways only, negative only direct pressure. Each ordered pair contributes its best tie of each sign (highest weight x confidence, then lowest id), and a channel that goes on past the pair its best tie of that sign whose type relays. A channel's strength is 0.5^hops (Katz attenuation, Katz 1953) times, when weighted (the default), the product of weight x confidence over its ties; an actor's score sums the strengths of all its channels of that kind (count of them), so the sign of a path is the product of its ties' signs as in Cartwright and Harary's structural balance. Each entry lists its strongest channels (at most paths), each a path with relationship ids, types, signs and dates, read in the direction of influence. influences / influenced_by are the older sign-blind reach (personalised PageRank seeded at the actor, on the graph and on the reversed graph, weighted like the rest), deprecated. An actor with no selected tie gets empty lists.
//	@Tags			queries
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			id			path		string		true	"Actor id"											maxlength(128)	example(iran)
//	@Param			weighted	query		bool		false	"Weigh each tie by weight x confidence (default true; false counts every tie as 1)"	default(true)
//	@Param			types		query		[]string	false	"Only these relationship types (comma-separated)"	collectionFormat(csv)
//	@Param			as_of		query		string		false	"The day analysed: only ties valid on it (YYYY-MM-DD); all: every tie, a path's ties having coexisted. Default: the server's analysis date (--as-of; the seeded scenario's cut-off; else today)"			example(2025-04-12)
//	@Param			polarity	query		string		false	"Which ties: cooperative, conflictual, both (signed, no structural ties) or all (structural ties as conduits)"	Enums(positive, negative, signed, all)	default(signed)
//	@Param			limit		query		int			false	"Results per list"								minimum(1)	maximum(1000)	default(10)
//	@Param			paths		query		int			false	"Channels (evidence paths) per result"							minimum(1)	maximum(10)		default(3)
//	@Param			max_hops	query		int			false	"Hops per channel (and evidence path)"				minimum(1)	maximum(4)		default(3)
//	@Param			scenario	query		string		false	"Answer on this what-if scenario's graph (the graph with its changes applied) instead of the graph itself"
//	@Success		200			{object}	ActorInfluence
//	@Failure		400			{object}	Problem				"Invalid parameter"
//	@Failure		401			{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401			{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		404			{object}	Problem				"No such actor"
//	@Failure		500			{object}	Problem				"Internal error (a bug)"
//	@Failure		503			{object}	Problem				"Store unavailable or out of time"
//	@Header			503			{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/actors/{id}/influence [get]
func (s *Server) actorInfluence(c *gin.Context) error {
	q := parseQuery(c, "weighted", "types", "as_of", "polarity", "limit", "paths", "max_hops")
	// weighted defaults to true: a channel's strength is what its ties'
	// weight and confidence say, so an appeal (0.2) does not count as
	// much as arms (0.8) — unlike /influence, whose centralities stay
	// NetworkX's unweighted ones unless asked (issue 18).
	aq := analysis.ActorInfluenceQuery{Actor: c.Param("id"), Filter: analysisFilter(q, true, true), Limit: q.intIn("limit", 1, analysis.MaxLimit),
		Paths: q.intIn("paths", 1, analysis.MaxPaths), MaxHops: q.intIn("max_hops", 1, analysis.MaxPathHops)}
	ctx := c.Request.Context()
	if q.err() == nil {
		if _, err := s.actorOf(c, aq.Actor); err != nil {
			return err
		}
	}
	r, err := analyse(q, func() (analysis.ActorInfluence, error) { return s.analysisOf(c).ActorInfluence(ctx, aq) })
	if err != nil {
		return err
	}
	return s.writeAnalysis(c, r.Version, func() (any, error) {
		out := actorInfluenceFromDomain(r)
		out.AsOf = answerAsOf(c)
		return out, nil
	})
}

// mediators godoc
//
//	@Summary		Who could mediate between two actors
//	@ID				findMediators
//	@Description	Candidates with active cooperative access to both sides, as of the analysis date (as_of, default today UTC): only ties valid that day count, structural types (member_of, monitors) never. A candidate needs a cooperative channel to each side — a direct tie, or a cooperative path of at most max_hops hops not through the other side — and no active conflictual tie (sanctions, attacks, opposes, criticizes, ...) with either: such actors are listed under excluded with the tie, not ranked. A tie's strength is weight × confidence × recency (recency 0.5 + 0.5·2^(-years since valid_from / 2), 0.5 when undated), or 1 with weighted=false; a channel's strength is the product of its ties' strengths, halved for every intermediary. access is the geometric mean of the two channels' strengths; brokerage is Brandes' (2008) subset betweenness from A's camp (A and its cooperative neighbours) to B's camp on the cooperative ties without the A–B pair, as a share of the connected camp-to-camp pairs. score = access × (1 + brokerage) / 2. Each candidate shows its channel to each side (relationships with their sources) and a one-line reason.
//	@Tags			queries
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			between		query		[]string	true	"The two sides, a,b"									collectionFormat(csv)	example(united-states,iran)
//	@Param			weighted	query		bool		false	"Weigh ties by weight, confidence and recency"			default(true)
//	@Param			types		query		[]string	false	"Only these relationship types (comma-separated)"		collectionFormat(csv)
//	@Param			as_of		query		string		false	"The day analysed: only ties valid on it (YYYY-MM-DD); Default: the server's analysis date (--as-of; the seeded scenario's cut-off; else today)"			example(2025-04-12)
//	@Param			max_hops	query		int			false	"Hops of a cooperative channel from a candidate to a side"	minimum(1)	maximum(3)		default(2)
//	@Param			limit		query		int			false	"How many candidates (and excluded actors)"				minimum(1)	maximum(1000)	default(10)
//	@Param			cursor		query		string		false	"next_cursor of the previous page"
//	@Param			scenario	query		string		false	"Answer on this what-if scenario's graph (the graph with its changes applied) instead of the graph itself"
//	@Success		200			{object}	Mediators
//	@Failure		400			{object}	Problem				"Invalid parameter"
//	@Failure		401			{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401			{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		404			{object}	Problem				"No such actor"
//	@Failure		500			{object}	Problem				"Internal error (a bug)"
//	@Failure		503			{object}	Problem				"Store unavailable or out of time"
//	@Header			503			{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/mediators [get]
func (s *Server) mediators(c *gin.Context) error {
	q := parseQuery(c, "between", "weighted", "types", "as_of", "max_hops", "limit", "cursor")
	// Unlike the other analyses, weighted defaults to true: an answer that
	// ignored strength, confidence and recency ranked a 0.3-weight appeal
	// above a mediation round (issue 18).
	if q.get("as_of") == AsOfAll {
		q.errs.add("as_of", "mediators weigh the ties active on one day: must be a date of the form YYYY-MM-DD")
	}
	f := analysis.Filter{Types: q.list("types"), AsOf: q.asOf("as_of"), Weighted: q.bool("weighted", true)}
	// The analysis ranks every candidate and builds the channels of the
	// first Limit. A first page asks for one more than it shows, to know
	// whether another follows; a later page asks for the whole ranking,
	// cached once for every later page, and is cut from it here.
	limit := q.intIn("limit", 1, analysis.MaxLimit)
	if limit == 0 {
		limit = analysis.DefaultActorLimit
	}
	var after string
	if q.has("cursor") {
		after, _ = graph.DecodeCursor(q.cursor())
	}
	mq := analysis.MediatorQuery{Filter: f, Limit: min(limit+1, analysis.MaxLimit),
		MaxHops: q.intIn("max_hops", 1, analysis.MaxMediatorHops)}
	if after != "" {
		mq.Limit = analysis.MaxLimit
	}
	sides := q.list("between")
	if q.values["between"] == nil {
		q.errs.add("between", "is required: two actor ids, a,b")
	} else if sides == nil {
		// list reported it
	} else if len(sides) != 2 {
		q.errs.add("between", "must be exactly two actor ids, a,b")
	} else {
		mq.A, mq.B = sides[0], sides[1]
	}
	ctx := c.Request.Context()
	if q.err() == nil {
		for _, id := range sides {
			if !graph.ValidID(id) {
				continue
			}
			if _, err := s.actorOf(c, id); err != nil {
				return err
			}
		}
	}
	m, err := analyse(q, func() (analysis.Mediators, error) { return s.analysisOf(c).Mediators(ctx, mq) })
	if err != nil {
		return err
	}
	return s.writeAnalysis(c, m.Version, func() (any, error) {
		from := 0
		if after != "" {
			i := slices.IndexFunc(m.Results, func(r analysis.Mediator) bool { return r.Actor == after })
			if i < 0 {
				return nil, paramError(graph.FieldError{Path: "cursor", Message: "its actor is no longer among the mediators (the graph changed); start again without cursor"})
			}
			from = i + 1
		}
		page := m
		to := min(from+limit, len(m.Results))
		page.Results = m.Results[from:to]
		page.Excluded = m.Excluded[:min(limit, len(m.Excluded))]
		out := mediatorsFromDomain(page)
		if to < len(m.Results) {
			out.NextCursor = graph.EncodeCursor(m.Results[to-1].Actor)
		}
		return out, nil
	})
}

// blocs godoc
//
//	@Summary		Which blocs form
//	@ID				findBlocs
//	@Description	Who stands with whom. method=signed (the default when the selected ties include a hostile pair): generalised structural balance (Doreian and Mrvar 1996) — the actors with a signed tie are split into k blocs minimising the frustrated pairs (hostile inside a bloc, cooperative between blocs; pair signs as in /balance, their |net| weight when weighted), searched by relocation from 40 seeded random starts; without k, the blocs and their number are those of the greatest signed modularity (Gómez, Jensen and Arenas 2009; Traag and Bruggeman 2009) at the resolution, found by Louvain on the positive and negative layers (the quality leidenalg optimises on two layers), so an actor joins the bloc of its allies and none of its enemies' unless the balance of ties says otherwise; frustration reports the partition's criterion, and signed_modularity the partition's signed modularity (Gómez, Jensen and Arenas 2009; Traag and Bruggeman 2009) at the resolution. method=louvain (the default otherwise): communities of the cooperative ties by Louvain (Blondel et al. 2008, with the Reichardt-Bornholdt resolution; a fixed seed orders the nodes, so results are stable), a pair's weight being the sum of its positive tie weights (1 each when unweighted). Structural ties count in neither. Blocs are sorted by size, then by their first member.
//	@Tags			queries
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			weighted	query		bool		false	"Use relationship weights"							default(false)
//	@Param			types		query		[]string	false	"Only these relationship types (comma-separated)"	collectionFormat(csv)
//	@Param			as_of		query		string		false	"The day analysed: only ties valid on it (YYYY-MM-DD); all: every tie, a path's ties having coexisted. Default: the server's analysis date (--as-of; the seeded scenario's cut-off; else today)"			example(2025-04-12)
//	@Param			method		query		string		false	"signed or louvain; default: signed when a hostile pair is selected"	Enums(signed, louvain)
//	@Param			k			query		int			false	"signed: the number of blocs (default: chosen by the criterion)"	minimum(2)	maximum(8)
//	@Param			resolution	query		number		false	"Modularity resolution γ (louvain: higher gives smaller blocs; signed: the γ of both layers of signed_modularity)"		minimum(0)	maximum(100)	default(1)
//	@Param			limit		query		int			false	"How many blocs"									minimum(1)	maximum(1000)	default(50)
//	@Param			cursor		query		string		false	"next_cursor of the previous page"
//	@Param			scenario	query		string		false	"Answer on this what-if scenario's graph (the graph with its changes applied) instead of the graph itself"
//	@Success		200			{object}	Blocs
//	@Failure		400			{object}	Problem				"Invalid parameter"
//	@Failure		401			{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401			{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		500			{object}	Problem				"Internal error (a bug)"
//	@Failure		503			{object}	Problem				"Store unavailable or out of time"
//	@Header			503			{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/blocs [get]
func (s *Server) blocs(c *gin.Context) error {
	q := parseQuery(c, "weighted", "types", "as_of", "method", "k", "resolution", "limit", "cursor")
	bq := analysis.BlocQuery{Filter: analysisFilter(q, false, false), Resolution: q.float("resolution", 0, analysis.MaxResolution),
		Limit: q.intIn("limit", 1, analysis.MaxLimit), Method: q.enum("method", analysis.BlocMethods), K: q.intIn("k", 2, analysis.MaxSignedK)}
	// A bloc cursor is the version of the answer and the last bloc's id.
	var version uint64
	if q.has("cursor") && q.cursor() != "" {
		raw, err := graph.DecodeCursor(q.cursor())
		v, id, ok := strings.Cut(raw, "-")
		n, nerr := strconv.Atoi(id)
		ver, verr := strconv.ParseUint(v, 10, 64)
		if err != nil || !ok || nerr != nil || verr != nil || n < 1 {
			q.errs.add("cursor", "must be the next_cursor of a previous answer")
		} else {
			bq.After, version = n, ver
		}
	}
	b, err := analyse(q, func() (analysis.Blocs, error) { return s.analysisOf(c).Blocs(c.Request.Context(), bq) })
	if err != nil {
		return err
	}
	if bq.After > 0 && b.Version != version {
		return paramError(graph.FieldError{Path: "cursor", Message: "the graph changed since the previous page (the blocs may differ); start again without cursor"})
	}
	return s.writeAnalysis(c, b.Version, func() (any, error) { out := blocsFromDomain(b); out.AsOf = answerAsOf(c); return out, nil })
}

// balance godoc
//
//	@Summary		Structural balance: which triangles are unstable, and how far the graph is from two camps
//	@ID				structuralBalance
//	@Description	Structural balance of the signed graph (Heider; Cartwright and Harary): ties read without direction, structural (polarity 0) types ignored; a pair's sign is the sign of the sum of its ties' polarities (times weights when weighted), and pairs whose ties cancel are counted as ambivalent and left out. Triads +++ and +-- are balanced ("the enemy of my enemy is my friend"), ++- and --- unbalanced. Gives the counts, the balance ratio, each actor's unbalanced triads, and the unbalanced triads themselves (up to limit, in id order). Two global measures follow. frustration is the frustration index (Aref and Wilson 2018): the least number of signed relationships, each counted on its own whatever weighted says (a pair with p positive and q negative ones costs q if its actors share a camp, p if not), whose removal splits the signed actors into two camps with every positive tie within a camp and every negative one between them; with such camps and the relationships they frustrate (up to limit, by id). It is computed exactly by a branch-and-bound per connected component, within a budget of search states; a component beyond it (or of more than 1000 signed pairs) keeps a heuristic split (greedy, then single-actor moves), exact is false and lower_bound is a packing of negative cycles (each needs one of its relationships removed). walk_index is Estrada and Benzi's (2014) walk-based index tr exp(A) / tr exp(|A|) over the signed pairs: closed walks of every length weighted by 1/length!, the negative ones counted against; 1 when balanced, null when a connected component has more than 500 actors.
//	@Tags			queries
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			weighted	query		bool		false	"Use relationship weights"							default(false)
//	@Param			types		query		[]string	false	"Only these relationship types (comma-separated)"	collectionFormat(csv)
//	@Param			as_of		query		string		false	"The day analysed: only ties valid on it (YYYY-MM-DD); all: every tie, a path's ties having coexisted. Default: the server's analysis date (--as-of; the seeded scenario's cut-off; else today)"			example(2025-04-12)
//	@Param			limit		query		int			false	"How many actors, unbalanced triads and frustrated relationships to list"		minimum(1)	maximum(1000)	default(50)
//	@Param			cursor		query		string		false	"next_cursor of the previous page: the next page of actors (the triads and frustrated relationships are the first limit, on every page)"
//	@Param			scenario	query		string		false	"Answer on this what-if scenario's graph (the graph with its changes applied) instead of the graph itself"
//	@Success		200			{object}	Balance
//	@Failure		400			{object}	Problem				"Invalid parameter"
//	@Failure		401			{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401			{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		500			{object}	Problem				"Internal error (a bug)"
//	@Failure		503			{object}	Problem				"Store unavailable or out of time"
//	@Header			503			{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/balance [get]
func (s *Server) balance(c *gin.Context) error {
	q := parseQuery(c, "weighted", "types", "as_of", "limit", "cursor")
	bq := analysis.BalanceQuery{Filter: analysisFilter(q, false, false), Limit: q.intIn("limit", 1, analysis.MaxLimit)}
	if q.has("cursor") {
		after, err := graph.DecodeCursor(q.cursor())
		if err != nil {
			q.errs.add("cursor", "must be the next_cursor of a previous answer")
		}
		bq.After = after
	}
	b, err := analyse(q, func() (analysis.Balance, error) { return s.analysisOf(c).Balance(c.Request.Context(), bq) })
	if err != nil {
		return err
	}
	return s.writeAnalysis(c, b.Version, func() (any, error) { out := balanceFromDomain(b); out.AsOf = answerAsOf(c); return out, nil })
}
