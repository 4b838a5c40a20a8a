package api

import (
	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/analysis"
)

// KeyPlayerItem is a tie or an actor a key-player search picked.
type KeyPlayerItem struct {
	// The relationship's id (kind ties) or the actor's (kind actors).
	ID string `json:"id" validate:"required" example:"iran--sponsors--hezbollah"`
	// The actor's name, or the tie as a path reads it.
	Label string `json:"label" validate:"required" example:"Iran —sponsors→ Hezbollah"`
	// The tie, for kind ties.
	Relationship *Relationship `json:"relationship,omitempty"`
	// op flip: the type the tie takes, the registered type of the opposite sign and the same symmetry whose Goldstein score is nearest the negated one.
	FlipTo string `json:"flip_to,omitempty" example:"opposes"`
} //@name KeyPlayerItem

// KeyPlayerPick is one step of the greedy search.
type KeyPlayerPick struct {
	Rank int `json:"rank" validate:"required" example:"1"`
	KeyPlayerItem
	// The measure with the earlier picks, then with this one too.
	Before float64 `json:"before" validate:"required" format:"double"`
	After  float64 `json:"after" validate:"required" format:"double"`
	// after − before: this pick's marginal effect (negative: a reduction).
	Delta float64 `json:"delta" validate:"required" format:"double"`
	// after − base: this pick's and the earlier ones' effect.
	Cumulative float64 `json:"cumulative" validate:"required" format:"double"`
} //@name KeyPlayerPick

// KeyPlayerSet is the exact search's best set.
type KeyPlayerSet struct {
	Members []KeyPlayerItem `json:"members" validate:"required"`
	Value   float64         `json:"value" validate:"required" format:"double"`
	// value − base.
	Delta float64 `json:"delta" validate:"required" format:"double"`
	// Sets evaluated.
	Sets int `json:"sets" validate:"required"`
	// The scenario of this set, ready for POST /api/v1/scenarios.
	Changes []ScenarioChange `json:"changes" validate:"required"`
} //@name KeyPlayerSet

// KeyPlayers is the answer of GET /api/v1/keyplayers.
type KeyPlayers struct {
	// The day analysed (YYYY-MM-DD), or all.
	AsOf     string `json:"as_of" validate:"required" example:"2025-04-12"`
	Measure  string `json:"measure" validate:"required" enums:"sway,pressure,swayed_by,pressured_by,separation,frustration" example:"sway"`
	Target   string `json:"target,omitempty" example:"iran"`
	Other    string `json:"other,omitempty"`
	Kind     string `json:"kind" validate:"required" enums:"ties,actors"`
	Op       string `json:"op" validate:"required" enums:"remove,flip"`
	K        int    `json:"k" validate:"required"`
	MaxHops  int    `json:"max_hops,omitempty"`
	Weighted bool   `json:"weighted" validate:"required"`
	Version  uint64 `json:"version" validate:"required"`
	// Ties or actors tried at each step, and how many times the measure was computed.
	Candidates  int `json:"candidates" validate:"required"`
	Evaluations int `json:"evaluations" validate:"required"`
	// The measure on the graph as it is, and with every pick.
	Base  float64         `json:"base" validate:"required" format:"double"`
	Final float64         `json:"final" validate:"required" format:"double"`
	Picks []KeyPlayerPick `json:"picks" validate:"required"`
	// Fewer picks than k: no remaining candidate lowers the measure.
	Exhausted bool `json:"exhausted" validate:"required"`
	// Some value was a bound, not the measure.
	Approximate bool `json:"approximate" validate:"required"`
	// The scenario of the picks, ready for POST /api/v1/scenarios: its graph measures final.
	Changes []ScenarioChange `json:"changes" validate:"required"`
	// With exact=true: the best set of at most k.
	Exact *KeyPlayerSet `json:"exact,omitempty"`
} //@name KeyPlayers

func keyPlayerItemFromDomain(it analysis.KeyPlayerItem) KeyPlayerItem {
	out := KeyPlayerItem{ID: it.ID, Label: it.Label, FlipTo: it.FlipTo}
	if it.Relationship != nil {
		r := relationshipFromDomain(*it.Relationship)
		out.Relationship = &r
	}
	return out
}

func keyPlayersFromDomain(k analysis.KeyPlayers) KeyPlayers {
	out := KeyPlayers{Measure: k.Measure, Target: k.Target, Other: k.Other, Kind: k.Kind, Op: k.Op, K: k.K, MaxHops: k.MaxHops,
		Weighted: k.Weighted, Version: k.Version, Candidates: k.Candidates, Evaluations: k.Evaluations,
		Base: k.Base, Final: k.Final, Picks: make([]KeyPlayerPick, len(k.Picks)), Exhausted: k.Exhausted,
		Approximate: k.Approximate, Changes: changesFromDomain(k.Changes())}
	for i, p := range k.Picks {
		out.Picks[i] = KeyPlayerPick{Rank: p.Rank, KeyPlayerItem: keyPlayerItemFromDomain(p.KeyPlayerItem),
			Before: p.Before, After: p.After, Delta: p.Delta, Cumulative: p.Cumulative}
	}
	if e := k.Exact; e != nil {
		out.Exact = &KeyPlayerSet{Members: make([]KeyPlayerItem, len(e.Members)), Value: e.Value, Delta: e.Delta, Sets: e.Sets,
			Changes: changesFromDomain(e.Changes())}
		for i, m := range e.Members {
			out.Exact.Members[i] = keyPlayerItemFromDomain(m)
		}
	}
	return out
}

// keyPlayers godoc
//
//	@Summary		Key players: the ties or actors that matter most to a measure
//	@ID				keyPlayers
//	@Description	The k ties (or actors) whose removal — or, op=flip, a tie's sign change — most lowers a measure: an actor's total sway or pressure (what it exerts), swayed_by / pressured_by (what it receives), separation (how strongly target and other are linked by cooperative channels), or the frustration index of the signed graph. Borgatti's key-player problem (Borgatti 2006, KPP-Neg) on detente's sign-aware measures, by forward greedy search: each pick is the candidate that lowers the value most given the earlier picks (ties: lowest id), with its marginal effect; exact=true also searches every set of at most k (at most 20000 sets). Every value is the measure on the graph without the picked items, computed by the code that answers /actors/{id}/influence and /balance; changes is the scenario of the picks, ready for POST /api/v1/scenarios. Candidates are the items within reach of target (at most 500, else 400 limit-exceeded).
//	@Tags			queries
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			measure		query		string		true	"What to lower"	Enums(sway, pressure, swayed_by, pressured_by, separation, frustration)
//	@Param			target		query		string		false	"The actor of sway, pressure, swayed_by, pressured_by and separation"	example(iran)
//	@Param			other		query		string		false	"separation: the second actor"
//	@Param			k			query		int			false	"How many ties or actors"	minimum(1)	maximum(10)	default(3)
//	@Param			kind		query		string		false	"Remove ties or actors"	Enums(ties, actors)	default(ties)
//	@Param			op			query		string		false	"remove, or flip a tie's sign (kind ties)"	Enums(remove, flip)	default(remove)
//	@Param			exact		query		bool		false	"Also search every set of at most k"	default(false)
//	@Param			max_hops	query		int			false	"Ties per channel (channel measures)"	minimum(1)	maximum(4)	default(3)
//	@Param			weighted	query		bool		false	"Use relationship weights and confidence (as /actors/{id}/influence)"	default(true)
//	@Param			types		query		[]string	false	"Only these relationship types (comma-separated)"	collectionFormat(csv)
//	@Param			polarity	query		string		false	"Which ties (default: signed for the channel measures, all for frustration)"	Enums(positive, negative, signed, all)
//	@Param			as_of		query		string		false	"The day analysed (YYYY-MM-DD) or all. Default: the server's analysis date"	example(2025-04-12)
//	@Param			scenario	query		string		false	"Answer on this what-if scenario's graph (the graph with its changes applied) instead of the graph itself"
//	@Success		200			{object}	KeyPlayers
//	@Failure		400			{object}	Problem				"Invalid parameter, or too many candidates (limit-exceeded)"
//	@Failure		401			{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401			{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		404			{object}	Problem				"No such actor"
//	@Failure		500			{object}	Problem				"Internal error (a bug)"
//	@Failure		503			{object}	Problem				"Store unavailable or out of time"
//	@Header			503			{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/keyplayers [get]
func (s *Server) keyPlayers(c *gin.Context) error {
	q := parseQuery(c, "measure", "target", "other", "k", "kind", "op", "exact", "max_hops", "weighted", "types", "polarity", "as_of")
	kq := analysis.KeyPlayerQuery{Measure: q.get("measure"), Target: q.get("target"), Other: q.get("other"),
		Filter: analysisFilter(q, true, true), K: q.intIn("k", 1, analysis.MaxKeyPlayers), Kind: q.get("kind"), Op: q.get("op"),
		MaxHops: q.intIn("max_hops", 1, analysis.MaxPathHops), Exact: q.bool("exact", false)}
	if q.err() == nil {
		for _, id := range []string{kq.Target, kq.Other} {
			if id == "" || !graph.ValidID(id) {
				continue
			}
			if _, err := s.actorOf(c, id); err != nil {
				return err
			}
		}
	}
	k, err := analyse(q, func() (analysis.KeyPlayers, error) { return s.analysisOf(c).KeyPlayers(c.Request.Context(), kq) })
	if err != nil {
		return err
	}
	return s.writeAnalysis(c, k.Version, func() (any, error) { out := keyPlayersFromDomain(k); out.AsOf = answerAsOf(c); return out, nil })
}
