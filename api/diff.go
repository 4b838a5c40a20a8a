package api

import (
	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/analysis"
)

// ScoreChange is one actor's measure on the two days of a diff.
type ScoreChange struct {
	Actor string `json:"actor" validate:"required" example:"iran"`
	// Score and rank on from (null: the actor had no selected tie that day).
	FromScore *float64 `json:"from_score" validate:"required" format:"double" extensions:"x-nullable"`
	FromRank  *int     `json:"from_rank" validate:"required" extensions:"x-nullable"`
	// Score and rank on to (null: no selected tie that day).
	ToScore *float64 `json:"to_score" validate:"required" format:"double" extensions:"x-nullable"`
	ToRank  *int     `json:"to_rank" validate:"required" extensions:"x-nullable"`
	// to_score − from_score, a missing score counting as 0.
	Change float64 `json:"change" validate:"required" format:"double" example:"-0.012"`
} //@name ScoreChange

// Diff is what changed between two days.
type Diff struct {
	From string `json:"from" validate:"required" format:"date" example:"2018-05-07"`
	To   string `json:"to" validate:"required" format:"date" example:"2018-05-09"`
	// Graph version the answer was computed on.
	Version uint64 `json:"version" validate:"required" example:"42"`
	// Ties that began after from and by to (valid_from in (from, to]), by id, at most limit.
	Formed []Relationship `json:"formed" validate:"required"`
	// Ties whose last day fell on or after from and before to (valid_to in [from, to)), by id, at most limit.
	Ended       []Relationship `json:"ended" validate:"required"`
	FormedTotal int            `json:"formed_total" validate:"required" example:"3"`
	EndedTotal  int            `json:"ended_total" validate:"required" example:"1"`
	// Actors with a selected tie valid on to and none on from, and the reverse; at most limit each.
	ActorsJoined []string `json:"actors_joined" validate:"required"`
	ActorsLeft   []string `json:"actors_left" validate:"required"`
	// With measure: every actor of either day's graph, largest change first, at most limit.
	Changes      []ScoreChange `json:"changes,omitempty"`
	ChangesTotal int           `json:"changes_total,omitempty"`
} //@name Diff

// diff godoc
//
//	@Summary		What changed between two days
//	@ID				diff
//	@Description	Among the selected ties: which formed between from and to, which ended, which actors joined the analysed graph (a selected tie valid on to and none on from) and which left it; with measure (a centrality of /influence), every actor's score and rank on both days — the snapshot answers of /influence with as_of=from and as_of=to — and the change, largest first. Each list is cut at limit; the totals count them all.
//	@Tags			queries
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			from		query		string		true	"The earlier day (YYYY-MM-DD)"	format(date)
//	@Param			to			query		string		true	"The later day (YYYY-MM-DD)"	format(date)
//	@Param			measure		query		string		false	"A centrality to compare"	Enums(pagerank, betweenness, degree, in_degree, out_degree, closeness, eigenvector, pn, signed_eigenvector)
//	@Param			limit		query		int			false	"Entries per list"	minimum(1)	maximum(1000)	default(50)
//	@Param			weighted	query		bool		false	"Use relationship weights (measure)"				default(false)
//	@Param			types		query		[]string	false	"Only these relationship types (comma-separated)"	collectionFormat(csv)
//	@Param			polarity	query		string		false	"Which ties"	Enums(positive, negative, signed, all)	default(all)
//	@Param			scenario	query		string		false	"Answer on this what-if scenario's graph (the graph with its changes applied) instead of the graph itself"
//	@Success		200			{object}	Diff
//	@Failure		400			{object}	Problem				"Invalid parameter"
//	@Failure		401			{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401			{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		500			{object}	Problem				"Internal error (a bug)"
//	@Failure		503			{object}	Problem				"Store unavailable or out of time"
//	@Header			503			{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/diff [get]
func (s *Server) diff(c *gin.Context) error {
	q := parseQuery(c, "from", "to", "measure", "limit", "weighted", "types", "polarity")
	dq := analysis.DiffQuery{Measure: analysis.Algorithm(q.get("measure")), Limit: q.intIn("limit", 1, analysis.MaxLimit),
		Filter: analysis.Filter{Types: q.list("types"), Weighted: q.bool("weighted", false), Polarity: q.enum("polarity", analysis.Polarities())}}
	dq.From, dq.To = q.requiredDate("from"), q.requiredDate("to")
	ctx := c.Request.Context()
	d, err := analyse(q, func() (analysis.Diff, error) { return s.analysisOf(c).Diff(ctx, dq) })
	if err != nil {
		return err
	}
	// The ties themselves, with their evidence, from the store.
	rels := func(ids []string) ([]Relationship, error) {
		out := make([]Relationship, 0, len(ids))
		for _, id := range ids {
			r, err := s.relationshipOf(c, id)
			if graph.ErrorCode(err) == graph.ENOTFOUND {
				return nil, graph.Unavailable("the graph changed while the diff was read; ask again", err)
			} else if err != nil {
				return nil, err
			}
			out = append(out, relationshipFromDomain(r))
		}
		return out, nil
	}
	return s.writeAnalysis(c, d.Version, func() (any, error) {
		out := Diff{From: d.From.String(), To: d.To.String(), Version: d.Version, FormedTotal: d.FormedTotal, EndedTotal: d.EndedTotal,
			ActorsJoined: d.ActorsJoined, ActorsLeft: d.ActorsLeft, ChangesTotal: d.ChangesTotal}
		var err error
		if out.Formed, err = rels(d.Formed); err != nil {
			return nil, err
		}
		if out.Ended, err = rels(d.Ended); err != nil {
			return nil, err
		}
		for _, ch := range d.Changes {
			out.Changes = append(out.Changes, ScoreChange{Actor: ch.Actor, FromScore: ch.FromScore, FromRank: ch.FromRank,
				ToScore: ch.ToScore, ToRank: ch.ToRank, Change: ch.Change})
		}
		return out, nil
	})
}
