package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
)

// PathRelationship is one tie of a path, with its sign.
type PathRelationship struct {
	ID     string `json:"id" validate:"required" example:"iran--arms--houthis"`
	Source string `json:"source" validate:"required" example:"iran"`
	Target string `json:"target" validate:"required" example:"houthis"`
	Type   string `json:"type" validate:"required" example:"arms"`
	// The type's polarity: 1 cooperative, -1 conflictual, 0 structural.
	Sign       int     `json:"sign" validate:"required" enums:"-1,0,1" example:"1"`
	Weight     float64 `json:"weight" validate:"required" format:"double" example:"0.8"`
	Confidence float64 `json:"confidence" validate:"required" format:"double" example:"0.8"`
	ValidFrom  *string `json:"valid_from,omitempty" format:"date"`
	ValidTo    *string `json:"valid_to,omitempty" format:"date"`
	// True when the path walks the tie against its direction (target to source).
	Reversed bool       `json:"reversed" validate:"required"`
	Sources  []Citation `json:"sources" validate:"required"`
	Note     string     `json:"note,omitempty"`
} //@name PathRelationship

// Path is one chain of relationships between the two actors asked about.
type Path struct {
	Hops int `json:"hops" validate:"required" example:"2"`
	// Sum of 1/weight over the ties when weighted=true, else the hop count.
	Cost float64 `json:"cost" validate:"required" format:"double" example:"2"`
	// Product of the ties' signs: -1 means the ends stand opposed along this chain (the enemy of my friend).
	Sign          int                `json:"sign" validate:"required" enums:"-1,0,1" example:"-1"`
	Actors        []string           `json:"actors" validate:"required" example:"united-states,iran,houthis"`
	Names         []string           `json:"names" validate:"required" example:"United States,Iran,Houthis"`
	Relationships []PathRelationship `json:"relationships" validate:"required"`
	// The days on which all of the path's ties were valid (open ends omitted): a path is only an answer if they coexisted.
	ValidFrom *string `json:"valid_from,omitempty" format:"date"`
	ValidTo   *string `json:"valid_to,omitempty" format:"date"`
	// The path in words, e.g. "United States —sanctions→ Iran —arms→ Houthis".
	Explanation string `json:"explanation" validate:"required" example:"United States —sanctions→ Iran —arms→ Houthis"`
	// mode=temporal only: the day each tie is used, in path order (null: open, any day up to the next bound for earliest_arrival and fewest_hops, from the previous one for latest_departure); valid_from and valid_to are then the first and last of them.
	Times []*string `json:"times,omitempty" format:"date"`
} //@name Path

// PathList is the answer to a path query.
type PathList struct {
	// The day analysed (YYYY-MM-DD), or all: every tie, a path's ties having coexisted.
	AsOf  string `json:"as_of" validate:"required" example:"2025-04-12"`
	Paths []Path `json:"paths" validate:"required"`
	// More paths match than limit let through (raise limit, or narrow the query).
	Truncated bool `json:"truncated" validate:"required"`
} //@name PathList

// pathFromDomain converts a finished path (graph.Path.Finish has filled
// its signs: no registry needed here, so no second read of the store).
func pathFromDomain(p graph.Path) Path {
	out := Path{Hops: p.Hops, Cost: p.Cost, Sign: p.Sign, Actors: p.Actors, Names: p.Names, Explanation: p.Explanation,
		ValidFrom: dateString(p.Window.From), ValidTo: dateString(p.Window.To),
		Relationships: make([]PathRelationship, len(p.Relationships))}
	for _, d := range p.Times {
		out.Times = append(out.Times, dateString(d))
	}
	for i, r := range p.Relationships {
		out.Relationships[i] = PathRelationship{
			ID: r.ID, Source: r.Source, Target: r.Target, Type: r.Type, Sign: p.Signs[i],
			Weight: r.Weight, Confidence: r.Confidence, ValidFrom: dateString(r.ValidFrom), ValidTo: dateString(r.ValidTo),
			Reversed: r.Source != p.Actors[i], Sources: citationsFromDomain(r.Sources), Note: r.Note,
		}
	}
	return out
}

// float reads a number in [lo, hi].
func (q *query) float(name string, lo, hi float64) float64 {
	s := q.get(name)
	if s == "" {
		return 0
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || !(f >= lo && f <= hi) {
		q.errs.add(name, "must be a number between %g and %g", lo, hi)
		return 0
	}
	return f
}

// intIn reads an integer in [lo, hi]; absent is 0 (the domain default).
func (q *query) intIn(name string, lo, hi int) int {
	s := q.get(name)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		q.errs.add(name, "must be an integer between %d and %d", lo, hi)
		return 0
	}
	return n
}

// findPaths godoc
//
//	@Summary		Find paths between two actors
//	@ID				findPaths
//	@Description	How is one actor connected to another? Modes: shortest (one path), all_shortest (every path of least cost), k_shortest (the k cheapest loopless paths, Yen-style), all (every simple path up to max_hops), temporal (time-respecting paths: ties usable on days t1 ≤ t2 ≤ … within their validity and within start..end, so influence could have travelled along them in the order the ties held — Holme and Saramäki, Temporal networks, 2012; ranked by order: earliest_arrival, latest_departure or fewest_hops; each path gives the day each tie is used in times; a temporal path's ties need not have coexisted, and as_of does not apply). Costs are hops, or the sum of 1/weight with weighted=true. Symmetric relationship types are walked both ways whatever the direction. k_shortest lists its paths cheapest first (then fewer hops, actor ids, relationship ids: Yen's order); all_shortest and all by hops, then cost, then actor ids, then relationship ids. Costs within a relative 1e-9 of each other are equal, here and in betweenness and closeness. No path is 200 with an empty list. Limits: max_hops at most 10, k at most 100, limit at most 1000, at most 100000 candidate paths per query (beyond: 400 limit-exceeded) and the server's query time budget (beyond: 503 with Retry-After).
//	@Tags			queries
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			from			query		string		true	"Actor id the paths start from"									maxlength(128)	example(russia)
//	@Param			to				query		string		true	"Actor id the paths end at"										maxlength(128)	example(houthis)
//	@Param			mode			query		string		false	"What to return"												Enums(shortest, all_shortest, k_shortest, all, temporal)	default(shortest)
//	@Param			order			query		string		false	"temporal only (refused with any other mode, so no declared default: clients that send every default would send it): how paths are ranked; default earliest_arrival"	Enums(earliest_arrival, latest_departure, fewest_hops)
//	@Param			start			query		string		false	"temporal: the first day a path may use (YYYY-MM-DD). Default: open"	format(date)
//	@Param			end				query		string		false	"temporal: the last day a path may use (YYYY-MM-DD). Default: the server's analysis date"	format(date)
//	@Param			k				query		int			false	"k_shortest only: how many paths (default 3; refused with any other mode)"									minimum(1)	maximum(100)
//	@Param			max_hops		query		int			false	"Longest path considered, in hops (hard cap 10)"				minimum(1)	maximum(10)		default(6)
//	@Param			types			query		[]string	false	"Only these relationship types (comma-separated)"				collectionFormat(csv)	example(supports,arms,funds)
//	@Param			direction		query		string		false	"Walk ties along (out), against (in) or regardless of (both) their direction"	Enums(out, in, both)	default(both)
//	@Param			as_of			query		string		false	"The day analysed: only ties valid on it (YYYY-MM-DD); all: every tie, a path's ties having coexisted. Default: the server's analysis date (--as-of; the seeded scenario's cut-off; else today)"						example(2025-04-12)
//	@Param			min_confidence	query		number		false	"Only ties at least this confident"								minimum(0)	maximum(1)	default(0)
//	@Param			exclude			query		[]string	false	"Actors no path may pass through (comma-separated)"				collectionFormat(csv)	example(iran)
//	@Param			weighted		query		bool		false	"Cost = sum of 1/weight instead of hops"						default(false)
//	@Param			limit			query		int			false	"At most this many paths"										minimum(1)	maximum(1000)	default(100)
//	@Param			scenario	query		string		false	"Answer on this what-if scenario's graph (the graph with its changes applied) instead of the graph itself"
//	@Success		200				{object}	PathList
//	@Failure		400				{object}	Problem				"Invalid parameter, or a cap exceeded (the cap is in the message)"
//	@Failure		401				{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401				{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		404				{object}	Problem				"An endpoint actor does not exist"
//	@Failure		500				{object}	Problem				"Internal error (a bug)"
//	@Failure		503				{object}	Problem				"Store unavailable or the query ran out of time"
//	@Header			503				{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/paths [get]
func (s *Server) findPaths(c *gin.Context) error {
	q := parseQuery(c, "from", "to", "mode", "k", "max_hops", "types", "direction", "as_of", "min_confidence", "exclude", "weighted", "limit",
		"start", "end", "order")
	pq := graph.PathQuery{
		From:          q.id("from"),
		To:            q.id("to"),
		Mode:          graph.PathMode(q.enum("mode", []string{"shortest", "all_shortest", "k_shortest", "all", "temporal"})),
		K:             q.intIn("k", 1, graph.MaxK),
		MaxHops:       q.intIn("max_hops", 1, graph.MaxHopsCap),
		Types:         q.list("types"),
		Direction:     graph.Direction(q.enum("direction", []string{"out", "in", "both"})),
		AsOf:          q.asOf("as_of"),
		MinConfidence: q.float("min_confidence", 0, 1),
		Exclude:       q.list("exclude"),
		Weighted:      q.bool("weighted", false),
		Limit:         q.intIn("limit", 1, graph.MaxPathLimit),
		Start:         q.date("start"),
		End:           q.date("end"),
		Order:         graph.TemporalOrder(q.enum("order", []string{"earliest_arrival", "latest_departure", "fewest_hops"})),
	}
	if pq.Mode == graph.ModeTemporal {
		// A temporal path spans time: no analysis day applies unless
		// the request names one (which the domain refuses), and the
		// analysis date bounds its end instead.
		if q.get("as_of") == "" {
			pq.AsOf = nil
			c.Set(answerAsOfKey, AsOfAll)
		}
		if q.get("end") == "" {
			d := q.analysisDate()
			pq.End = &d
		}
	}
	for _, name := range []string{"from", "to"} {
		if !q.has(name) {
			q.errs.add(name, "is required")
		}
	}
	if pq.K != 0 && pq.Mode != graph.ModeKShortest {
		q.errs.add("k", "applies only to mode=k_shortest")
	}
	if err := q.err(); err != nil {
		return err
	}
	paths, truncated, err := s.storeOf(c).FindPaths(c.Request.Context(), pq)
	if err != nil {
		return invalidParam(err)
	}
	out := PathList{AsOf: answerAsOf(c), Paths: make([]Path, len(paths)), Truncated: truncated}
	for i, p := range paths {
		out.Paths[i] = pathFromDomain(p)
	}
	writeJSON(c, http.StatusOK, "application/json", out)
	return nil
}
