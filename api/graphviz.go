package api

import (
	"bytes"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/viz"
)

// Limits of the visualisation endpoints, documented in the API.
const (
	MaxNeighborhoodDepth  = 3
	MaxNeighborhoodActors = 2000
)

// graphFilter is the filter the visualisation endpoints share.
type graphFilter struct {
	types    []string
	asOf     *graph.Date
	polarity string
	// from, to: a window; a tie is kept when valid on any day of it
	// (either end may be open).
	from, to *graph.Date
}

func (f *graphFilter) admits(r *graph.Relationship, reg graph.Registry) bool {
	if len(f.types) > 0 && !slices.Contains(f.types, r.Type) {
		return false
	}
	if f.asOf != nil && !r.ValidOn(*f.asOf) {
		return false
	}
	if f.from != nil && r.ValidTo != nil && r.ValidTo.Before(*f.from) {
		return false
	}
	if f.to != nil && r.ValidFrom != nil && f.to.Before(*r.ValidFrom) {
		return false
	}
	t, _ := reg.Get(r.Type)
	switch f.polarity {
	case "positive":
		return t.Polarity > 0
	case "negative":
		return t.Polarity < 0
	case "structural":
		return t.Polarity == 0
	}
	return true
}

// checkTypes reports unregistered type names as parameter errors.
func checkTypes(q *query, name string, types []string, reg graph.Registry) {
	for _, t := range types {
		if _, ok := reg.Get(t); !ok {
			q.errs.add(name, "unknown relationship type %s; registered: %s", graph.Quote(t), strings.Join(reg.Names(), ", "))
		}
	}
}

// Layouts the visualisation endpoints offer (the layout parameter).
var layouts = []string{"none", "force"}

// graphAnswer is a visualisation request after its parameter checks: how
// to write the answer and where it is cached.
type graphAnswer struct {
	format string
	layout string
	key    string // cache key of a laid-out answer, "" when not cached
}

// cached answers a laid-out graph from the body cache when it holds one.
// A force layout costs more than the export it is drawn from, and the
// explorer asks for the same one on every load; the answer is a function
// of the request URI and the graph version (the export is sorted and the
// layout deterministic), so it is kept under both, like the influence
// answers (writeAnalysis). Plain exports are not kept: they are cheap
// next to the layout and can be far bigger than maxAnalysisBody.
func (s *Server) cached(c *gin.Context, a *graphAnswer) bool {
	if a.layout != "force" {
		return false
	}
	v, err := s.sourceOf(c).Version(c.Request.Context())
	if err != nil {
		return false // the export that follows reports the store's state
	}
	a.key = strconv.FormatUint(v, 10) + " " + c.Request.URL.RequestURI() + " " + c.GetString(viewTagKey)
	b, ok := s.bodies.Get(a.key)
	if ok {
		c.Data(http.StatusOK, viz.ContentType(a.format), b)
	}
	return ok
}

// writeGraph lays g out when asked and renders it in the answer's format.
// An answer that is not cached (no layout) is streamed (see stream): a
// plain export may be hundreds of megabytes. A laid-out one (at most
// MaxLayoutActors actors) is rendered into a buffer and kept for the
// next request. Requests for a laid-out answer not cached yet — the
// explorer open in several tabs when a write lands — share one
// computation (golang.org/x/sync/singleflight); the work needs no context
// once the graph is read, so the first caller leaving does not fail the
// others.
func (s *Server) writeGraph(c *gin.Context, a graphAnswer, g viz.Graph) error {
	if a.layout == "force" && len(g.Actors) > viz.MaxLayoutActors {
		return graph.Errorf(graph.ETOOLARGE, "layout=force draws at most %d actors and this graph has %d; narrow it (kind, actors, types, polarity) or leave layout out",
			viz.MaxLayoutActors, len(g.Actors))
	}
	if a.key == "" {
		if a.layout == "force" {
			g.Positions = viz.ForceLayout(g.Actors, g.Relationships)
		}
		return s.stream(c, viz.ContentType(a.format), func(w io.Writer) error { return viz.Write(w, a.format, g) })
	}
	render := func() (any, error) {
		if a.layout == "force" {
			g.Positions = viz.ForceLayout(g.Actors, g.Relationships)
		}
		var buf bytes.Buffer
		if err := viz.Write(&buf, a.format, g); err != nil {
			return nil, err
		}
		if a.key != "" && buf.Len() <= maxAnalysisBody {
			s.bodies.Add(a.key, buf.Bytes(), int64(buf.Len()))
		}
		return buf.Bytes(), nil
	}
	var (
		body any
		err  error
	)
	if a.key != "" {
		body, err, _ = s.layouts.Do(a.key, render)
	} else {
		body, err = render()
	}
	if err != nil {
		return graph.Internal(err)
	}
	c.Data(http.StatusOK, viz.ContentType(a.format), body.([]byte))
	return nil
}

// getGraph godoc
//
//	@Summary		The graph for visualisation
//	@ID				getGraph
//	@Description	The whole graph, or the part the filters keep, in the format a frontend library or desktop tool reads: json (detente's node/edge lists), cytoscape (Cytoscape.js elements), graphology (graphology's serialised graph, for sigma.js), d3 (d3-force node-link), graphml (GraphML 1.0), gexf (GEXF 1.3, dynamic, with validity dates as time spells). Every format carries kind, sign, weight, confidence and dates as attributes. Relationships are kept when they pass types, as_of and polarity and both ends are kept; actors are kept when they pass kind and actors. layout=force adds a deterministic force-directed position to every actor (the same graph is always drawn the same way; tied actors sit about 100 units apart, y downwards): x and y in json, d3 and graphology's node attributes (what sigma.js draws from), the element's position in cytoscape (the preset layout), x and y data in graphml, viz:position in gexf. It is limited to 500 actors (400 limit-exceeded beyond; narrow the graph with the filters).
//	@Tags			visualisation
//	@Produce		json
//	@Produce		application/graphml+xml
//	@Produce		application/gexf+xml
//	@Produce		application/problem+json
//	@Param			format		query		string		false	"Output format"												Enums(json, cytoscape, graphology, d3, graphml, gexf)	default(json)
//	@Param			layout		query		string		false	"force: give every actor a position (x, y; see the description); at most 500 actors"	Enums(none, force)	default(none)
//	@Param			types		query		[]string	false	"Only these relationship types (comma-separated)"			collectionFormat(csv)
//	@Param			as_of		query		string		false	"Only relationships valid on this day (YYYY-MM-DD)"			format(date)
//	@Param			from		query		string		false	"With to: only relationships valid on some day from this one (YYYY-MM-DD; alone: open-ended); not with as_of"	format(date)
//	@Param			to			query		string		false	"With from: only relationships valid on some day up to this one (YYYY-MM-DD; alone: from the beginning); not with as_of"	format(date)
//	@Param			polarity	query		string		false	"Only cooperative, conflictual or structural relationships"	Enums(positive, negative, structural, all)	default(all)
//	@Param			kind		query		[]string	false	"Only actors of these kinds (comma-separated)"				collectionFormat(csv)
//	@Param			actors		query		[]string	false	"Only these actors (comma-separated ids)"					collectionFormat(csv)
//	@Param			scenario	query		string		false	"Answer on this what-if scenario's graph (the graph with its changes applied) instead of the graph itself"
//	@Success		200			{object}	object				"The graph in the requested format"
//	@Failure		400			{object}	Problem				"Invalid parameter, or layout=force on more than 500 actors"
//	@Failure		401			{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401			{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		500			{object}	Problem				"Internal error (a bug)"
//	@Failure		503			{object}	Problem				"Store unavailable"
//	@Header			503			{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/graph [get]
func (s *Server) getGraph(c *gin.Context) error {
	q := parseQuery(c, "format", "layout", "types", "as_of", "polarity", "kind", "actors", "from", "to")
	a := graphAnswer{format: q.enum("format", viz.Formats()), layout: q.enum("layout", layouts)}
	if a.format == "" {
		a.format = "json"
	}
	f := graphFilter{types: q.list("types"), asOf: q.date("as_of"), polarity: q.enum("polarity", []string{"positive", "negative", "structural", "all"}),
		from: q.date("from"), to: q.date("to")}
	if f.asOf != nil && (f.from != nil || f.to != nil) {
		q.errs.add("as_of", "give either as_of (one day) or from and to (a window), not both")
	}
	if f.from != nil && f.to != nil && f.to.Before(*f.from) {
		q.errs.add("to", "must not be before from")
	}
	kinds := q.list("kind")
	for _, k := range kinds {
		if !graph.ActorKind(k).Valid() {
			q.errs.add("kind", "%s is not a kind; kinds: %s", graph.Quote(k), strings.Join(graph.ActorKinds(), ", "))
		}
	}
	only := q.list("actors")
	for _, id := range only {
		if !graph.ValidID(id) {
			q.errs.add("actors", "%s is not an actor id", graph.Quote(id))
		}
	}
	ctx := c.Request.Context()
	reg, err := s.sourceOf(c).RelationshipTypes(ctx)
	if err != nil {
		return err
	}
	checkTypes(q, "types", f.types, reg)
	if err := q.err(); err != nil {
		return err
	}
	if s.cached(c, &a) {
		return nil
	}
	b, release, err := s.sharedExport(c)
	if err != nil {
		return err
	}
	defer release()
	return s.writeGraph(c, a, subgraph(b, reg, kinds, only, &f))
}

// getNeighborhood godoc
//
//	@Summary		The neighbourhood of an actor
//	@ID				getNeighborhood
//	@Description	The actor, every actor within depth ties of it, and the ties among them that pass the filters, in any format of /api/v1/graph. direction says which way ties may be followed from the centre (symmetric types both ways). At most 2000 actors: a larger neighbourhood is 400 limit-exceeded; lower depth or filter types.
//	@Tags			visualisation
//	@Produce		json
//	@Produce		application/graphml+xml
//	@Produce		application/gexf+xml
//	@Produce		application/problem+json
//	@Param			id			path		string		true	"Actor id"													maxlength(128)	example(iran)
//	@Param			depth		query		int			false	"How many ties out"											minimum(1)	maximum(3)	default(1)
//	@Param			types		query		[]string	false	"Only these relationship types (comma-separated)"			collectionFormat(csv)
//	@Param			direction	query		string		false	"Follow ties along (out), against (in) or regardless of (both) their direction"	Enums(out, in, both)	default(both)
//	@Param			as_of		query		string		false	"Only relationships valid on this day (YYYY-MM-DD)"			format(date)
//	@Param			polarity	query		string		false	"Only cooperative, conflictual or structural relationships"	Enums(positive, negative, structural, all)	default(all)
//	@Param			format		query		string		false	"Output format"												Enums(json, cytoscape, graphology, d3, graphml, gexf)	default(json)
//	@Param			layout		query		string		false	"force: give every actor a position, as in /api/v1/graph; at most 500 actors"	Enums(none, force)	default(none)
//	@Param			scenario	query		string		false	"Answer on this what-if scenario's graph (the graph with its changes applied) instead of the graph itself"
//	@Success		200			{object}	object				"The neighbourhood in the requested format"
//	@Failure		400			{object}	Problem				"Invalid parameter, more than 2000 actors, or layout=force on more than 500"
//	@Failure		401			{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401			{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		404			{object}	Problem				"No such actor"
//	@Failure		500			{object}	Problem				"Internal error (a bug)"
//	@Failure		503			{object}	Problem				"Store unavailable"
//	@Header			503			{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/actors/{id}/neighborhood [get]
func (s *Server) getNeighborhood(c *gin.Context) error {
	q := parseQuery(c, "depth", "types", "direction", "as_of", "polarity", "format", "layout")
	id := c.Param("id")
	depth := q.intIn("depth", 1, MaxNeighborhoodDepth)
	if depth == 0 {
		depth = 1
	}
	dir := q.enum("direction", []string{"out", "in", "both"})
	a := graphAnswer{format: q.enum("format", viz.Formats()), layout: q.enum("layout", layouts)}
	if a.format == "" {
		a.format = "json"
	}
	f := graphFilter{types: q.list("types"), asOf: q.date("as_of"), polarity: q.enum("polarity", []string{"positive", "negative", "structural", "all"})}
	ctx := c.Request.Context()
	reg, err := s.storeOf(c).RelationshipTypes(ctx)
	if err != nil {
		return err
	}
	checkTypes(q, "types", f.types, reg)
	if err := q.err(); err != nil {
		return err
	}
	if s.cached(c, &a) {
		return nil
	}
	centre, err := s.storeOf(c).GetActor(ctx, id)
	if err != nil {
		return err
	}
	actors := map[string]graph.Actor{id: centre}
	rels := map[string]graph.Relationship{}
	front := []string{id}
	for d := 0; d < depth && len(front) > 0; d++ {
		var next []string
		for _, at := range front {
			ties, err := s.allTies(c, at)
			if err != nil {
				return err
			}
			for _, r := range ties {
				if !f.admits(&r, reg) {
					continue
				}
				t, _ := reg.Get(r.Type)
				out, in := r.Source == at, r.Target == at
				if !t.Symmetric && ((dir == "out" && !out) || (dir == "in" && !in)) {
					continue
				}
				other := r.Target
				if in {
					other = r.Source
				}
				rels[r.ID] = r
				if _, seen := actors[other]; !seen {
					a, err := s.storeOf(c).GetActor(ctx, other)
					if err != nil {
						return err
					}
					actors[other] = a
					next = append(next, other)
					if len(actors) > MaxNeighborhoodActors {
						return graph.Errorf(graph.ETOOLARGE, "the neighbourhood has more than %d actors; lower depth or filter types", MaxNeighborhoodActors)
					}
				}
			}
		}
		front = next
	}
	g := viz.Graph{Types: reg}
	for _, a := range actors {
		g.Actors = append(g.Actors, a)
	}
	slices.SortFunc(g.Actors, func(a, b graph.Actor) int { return strings.Compare(a.ID, b.ID) })
	for _, r := range rels {
		g.Relationships = append(g.Relationships, r)
	}
	slices.SortFunc(g.Relationships, func(a, b graph.Relationship) int { return strings.Compare(a.ID, b.ID) })
	if g.Relationships == nil {
		g.Relationships = []graph.Relationship{}
	}
	return s.writeGraph(c, a, g)
}

// allTies lists every relationship at either end of an actor, page by page.
func (s *Server) allTies(c *gin.Context, actor string) ([]graph.Relationship, error) {
	var out []graph.Relationship
	f := graph.RelationshipFilter{Actor: actor, Limit: graph.MaxPageSize}
	for {
		page, err := s.storeOf(c).ListRelationships(c.Request.Context(), f)
		if err != nil {
			return nil, err
		}
		out = append(out, page.Items...)
		if page.NextCursor == "" || len(out) > 10*MaxNeighborhoodActors {
			return out, nil
		}
		f.Cursor = page.NextCursor
	}
}
