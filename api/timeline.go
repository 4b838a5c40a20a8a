package api

import (
	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/analysis"
	"github.com/detente/detente/viz"
)

// TimelinePoint is a measure as of one day.
type TimelinePoint struct {
	AsOf string `json:"as_of" validate:"required" format:"date" example:"2020-01-01"`
	// Actor measures: each followed actor's score that day (an actor with no selected tie that day is absent).
	Values map[string]float64 `json:"values,omitempty"`
	// Actor measures: each followed actor's rank among all actors that day.
	Ranks map[string]int `json:"ranks,omitempty"`
	// Graph measures: the value that day (balance: ratio of balanced triads; frustration: the frustration index; blocs: the number of Louvain blocs).
	Value *float64 `json:"value,omitempty" format:"double"`
	// Graph measures: what else the measure reports (balance: triads, unbalanced; frustration: lower_bound, exact as 1 or 0; blocs: modularity).
	Details map[string]float64 `json:"details,omitempty"`
	// True when no selected tie started or ended since the previous point: the previous answer, not computed again.
	Unchanged bool `json:"unchanged" validate:"required"`
} //@name TimelinePoint

// Timeline is a measure at successive days.
type Timeline struct {
	Measure string `json:"measure" validate:"required" example:"pagerank"`
	From    string `json:"from" validate:"required" format:"date" example:"2015-01-01"`
	To      string `json:"to" validate:"required" format:"date" example:"2025-04-12"`
	Step    string `json:"step" validate:"required" example:"1y"`
	// Graph version the answer was computed on.
	Version uint64 `json:"version" validate:"required" example:"42"`
	// Actor measures: the actors followed.
	Actors []string        `json:"actors,omitempty" example:"iran,united-states"`
	Points []TimelinePoint `json:"points" validate:"required"`
} //@name Timeline

func timelineFromDomain(t analysis.Timeline) Timeline {
	out := Timeline{Measure: t.Measure, From: t.From.String(), To: t.To.String(), Step: t.Step, Version: t.Version,
		Actors: t.Actors, Points: make([]TimelinePoint, len(t.Points))}
	for i, p := range t.Points {
		out.Points[i] = TimelinePoint{AsOf: p.AsOf.String(), Values: p.Values, Ranks: p.Ranks, Value: p.Value,
			Details: p.Details, Unchanged: p.Unchanged}
	}
	return out
}

// timeline godoc
//
//	@Summary		How a measure moved over time
//	@ID				timeline
//	@Description	A measure at each day from from to to, step apart (from, from+step, … while not after to; at most 200 points). Actor measures (the centralities of /influence: pagerank, betweenness, degree, in_degree, out_degree, closeness, eigenvector, pn, signed_eigenvector) give each followed actor's score and rank among all actors that day: the actors named in actors, else the limit highest ranked on the last day. Graph measures: balance (the share of balanced triads), frustration (the frustration index) and blocs (the number of Louvain blocs of cooperative ties, with their modularity), as /balance and /blocs?method=louvain answer them. Every point is exactly the snapshot answer of its day (the same query with as_of); a point where no selected tie started or ended since the previous one is that answer again (unchanged), so a timeline costs one computation per change in the graph.
//	@Tags			queries
//	@Produce		json
//	@Produce		application/gexf+xml
//	@Produce		application/problem+json
//	@Param			format		query		string		false	"json, or gexf: the ties valid between from and to with the followed actors' measure as a dynamic node attribute (GEXF 1.3 spells; Gephi's timeline plays it); actor measures only"	Enums(json, gexf)	default(json)
//	@Param			measure		query		string		false	"What to follow"	Enums(pagerank, betweenness, degree, in_degree, out_degree, closeness, eigenvector, pn, signed_eigenvector, balance, frustration, blocs)	default(pagerank)
//	@Param			from		query		string		true	"First day (YYYY-MM-DD)"	format(date)
//	@Param			to			query		string		true	"Last day (YYYY-MM-DD)"	format(date)
//	@Param			step		query		string		true	"Days between points: a count and d, w, m or y"	example(1y)
//	@Param			actors		query		[]string	false	"Actor measures: the actors to follow (comma-separated)"	collectionFormat(csv)
//	@Param			limit		query		int			false	"Actor measures without actors: how many of the highest ranked on the last day"	minimum(1)	maximum(1000)	default(10)
//	@Param			weighted	query		bool		false	"Use relationship weights"							default(false)
//	@Param			types		query		[]string	false	"Only these relationship types (comma-separated)"	collectionFormat(csv)
//	@Param			polarity	query		string		false	"Which ties (actor measures)"	Enums(positive, negative, signed, all)	default(all)
//	@Param			scenario	query		string		false	"Answer on this what-if scenario's graph (the graph with its changes applied) instead of the graph itself"
//	@Success		200			{object}	Timeline
//	@Failure		400			{object}	Problem				"Invalid parameter (more than 200 points included)"
//	@Failure		401			{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401			{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		500			{object}	Problem				"Internal error (a bug)"
//	@Failure		503			{object}	Problem				"Store unavailable or out of time"
//	@Header			503			{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/timeline [get]
func (s *Server) timeline(c *gin.Context) error {
	q := parseQuery(c, "measure", "from", "to", "step", "actors", "limit", "weighted", "types", "polarity", "format")
	format := q.enum("format", []string{"json", "gexf"})
	tq := analysis.TimelineQuery{Measure: q.get("measure"), Actors: q.list("actors"), Limit: q.intIn("limit", 1, analysis.MaxLimit),
		Filter: analysis.Filter{Types: q.list("types"), Weighted: q.bool("weighted", false), Polarity: q.enum("polarity", analysis.Polarities())}}
	tq.From, tq.To = q.requiredDate("from"), q.requiredDate("to")
	if s := q.get("step"); s == "" {
		q.errs.add("step", "is required")
	} else {
		st, err := analysis.ParseStep(s)
		if err != nil {
			q.errs.add("step", "must be a count and a unit d, w, m or y, e.g. 1y, 6m, 1w, 1d")
		}
		tq.Step = st
	}
	for _, a := range tq.Actors {
		if !graph.ValidID(a) {
			q.errs.add("actors", "%s is not an actor id", graph.Quote(a))
		}
	}
	if format == "gexf" {
		switch tq.Measure {
		case analysis.MeasureBalance, analysis.MeasureFrustration, analysis.MeasureBlocs:
			q.errs.add("format", "gexf carries actor measures (a value per actor and day); %s is a measure of the whole graph", tq.Measure)
		}
	}
	if q.err() == nil {
		for _, a := range tq.Actors {
			if _, err := s.actorOf(c, a); graph.ErrorCode(err) == graph.ENOTFOUND {
				q.errs.add("actors", "there is no actor %s", a)
			} else if err != nil {
				return err
			}
		}
	}
	t, err := analyse(q, func() (analysis.Timeline, error) { return s.analysisOf(c).Timeline(c.Request.Context(), tq) })
	if err != nil {
		return err
	}
	if format == "gexf" {
		return s.writeTimelineGEXF(c, tq, t)
	}
	return s.writeAnalysis(c, t.Version, func() (any, error) { return timelineFromDomain(t), nil })
}

// writeTimelineGEXF answers a timeline as a dynamic GEXF graph: the ties
// valid on some day from the timeline's first to its last (as
// /graph?from=&to=, under the timeline's types and polarity), their
// endpoints and the followed actors, each followed actor carrying the
// measure as a dynamic attribute whose value on a point's day holds until
// the next point (Gephi's timeline plays it).
func (s *Server) writeTimelineGEXF(c *gin.Context, q analysis.TimelineQuery, t analysis.Timeline) error {
	ctx := c.Request.Context()
	reg, err := s.sourceOf(c).RelationshipTypes(ctx)
	if err != nil {
		return err
	}
	b, err := s.sourceOf(c).Export(ctx)
	if err != nil {
		return err
	}
	series := &viz.Series{Name: t.Measure, End: t.To}
	for _, p := range t.Points {
		series.Days = append(series.Days, p.AsOf)
		series.Values = append(series.Values, p.Values)
	}
	g := viz.Graph{Types: reg, Actors: []graph.Actor{}, Relationships: []graph.Relationship{}, Series: series}
	f := graphFilter{types: q.Types, from: &t.From, to: &t.To}
	keep := map[string]bool{}
	for _, a := range t.Actors {
		keep[a] = true
	}
	for i := range b.Relationships {
		r := &b.Relationships[i]
		if !f.admits(r, reg) || !polarityAdmits(q.Polarity, r, reg) {
			continue
		}
		g.Relationships = append(g.Relationships, *r)
		keep[r.Source], keep[r.Target] = true, true
	}
	for _, a := range b.Actors {
		if keep[a.ID] {
			g.Actors = append(g.Actors, a)
		}
	}
	return s.writeGraph(c, graphAnswer{format: "gexf"}, g)
}

// polarityAdmits applies an analysis polarity (positive, negative,
// signed, all) to a tie.
func polarityAdmits(polarity string, r *graph.Relationship, reg graph.Registry) bool {
	t, _ := reg.Get(r.Type)
	switch polarity {
	case analysis.PolarityPositive:
		return t.Polarity > 0
	case analysis.PolarityNegative:
		return t.Polarity < 0
	case analysis.PolaritySigned:
		return t.Polarity != 0
	}
	return true
}
