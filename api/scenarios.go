package api

import (
	"cmp"
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/analysis"
	"github.com/detente/detente/graph/whatif"
)

// ---- wire types of the scenario endpoints ----

// ScenarioChange is one edit of a what-if scenario. remove_relationship,
// update_relationship and remove_actor name their record by id;
// add_relationship carries the relationship, add_actor the actor,
// update_relationship the patch (a merge patch as PATCH /relationships/{id}
// takes: null on valid_from or valid_to opens that end).
type ScenarioChange struct {
	Op           string             `json:"op" validate:"required" enums:"remove_relationship,add_relationship,update_relationship,remove_actor,add_actor" example:"remove_relationship"`
	ID           string             `json:"id,omitempty" maxLength:"128" example:"united-states--sanctions--iran--2018-11-05"`
	Relationship *BatchRelationship `json:"relationship,omitempty"`
	Actor        *BatchActor        `json:"actor,omitempty"`
	Patch        *RelationshipPatch `json:"patch,omitempty"`
} //@name ScenarioChange

// ScenarioCreate is the body of POST /api/v1/scenarios.
type ScenarioCreate struct {
	// Derived from name when absent.
	ID          string `json:"id,omitempty" minLength:"1" maxLength:"128" example:"lift-oil-sanctions"`
	Name        string `json:"name" validate:"required" maxLength:"200" example:"The US lifts the oil sanctions"`
	Description string `json:"description,omitempty" maxLength:"10000"`
	// The scenario this one stacks on; absent: the graph itself.
	Base    string           `json:"base,omitempty" maxLength:"128"`
	Changes []ScenarioChange `json:"changes" validate:"required,max=1000"`
} //@name ScenarioCreate

// ScenarioPatch is the body of PATCH /api/v1/scenarios/{id}, a JSON merge
// patch: fields left out stay; changes, when given, replace the list whole;
// base null puts the scenario on the graph itself.
type ScenarioPatch struct {
	Name        *string          `json:"name,omitempty" maxLength:"200"`
	Description *string          `json:"description,omitempty" maxLength:"10000"`
	Base        *string          `json:"base,omitempty" maxLength:"128" extensions:"x-nullable"`
	Changes     []ScenarioChange `json:"changes,omitempty" validate:"max=1000"`
} //@name ScenarioPatch

// Scenario is a stored what-if scenario.
type Scenario struct {
	ID          string           `json:"id" validate:"required" example:"lift-oil-sanctions"`
	Name        string           `json:"name" validate:"required" example:"The US lifts the oil sanctions"`
	Description string           `json:"description,omitempty"`
	Base        string           `json:"base,omitempty"`
	Changes     []ScenarioChange `json:"changes" validate:"required"`
	// Changes that no longer apply because the graph (or a base scenario) changed since they were written, each at its path as scenario-id.changes[i]; reads on the scenario leave them out.
	Stale     []FieldError `json:"stale" validate:"required"`
	CreatedAt time.Time    `json:"created_at" validate:"required" format:"date-time"`
	UpdatedAt time.Time    `json:"updated_at" validate:"required" format:"date-time"`
} //@name Scenario

// ScenarioList is one page of scenarios.
type ScenarioList struct {
	Items []Scenario `json:"items" validate:"required"`
	// Pass as cursor to get the next page; absent on the last page.
	NextCursor string `json:"next_cursor,omitempty"`
} //@name ScenarioList

// ScenarioScore is one actor's measure on the base and on the scenario.
type ScenarioScore struct {
	Actor string `json:"actor" validate:"required" example:"iran"`
	Name  string `json:"name" validate:"required" example:"Iran"`
	// Score and rank on the base (null: not in the base's analysed graph).
	Base     *float64 `json:"base" validate:"required" format:"double" extensions:"x-nullable"`
	BaseRank *int     `json:"base_rank" validate:"required" extensions:"x-nullable"`
	// Score and rank on the scenario (null: not in its analysed graph).
	Scenario     *float64 `json:"scenario" validate:"required" format:"double" extensions:"x-nullable"`
	ScenarioRank *int     `json:"scenario_rank" validate:"required" extensions:"x-nullable"`
	// scenario − base, a missing score counting as 0.
	Delta float64 `json:"delta" validate:"required" format:"double"`
} //@name ScenarioScore

// MeasureComparison is one centrality compared.
type MeasureComparison struct {
	Measure string `json:"measure" validate:"required" example:"pagerank"`
	// Every actor of either graph, largest |delta| first, then by id; at most limit.
	Actors []ScenarioScore `json:"actors" validate:"required"`
	Total  int             `json:"total" validate:"required"`
} //@name MeasureComparison

// BalanceComparison compares structural balance.
type BalanceComparison struct {
	// Frustration index (least ties to remove for balance) on each, and the change.
	BaseFrustration     int  `json:"base_frustration" validate:"required"`
	ScenarioFrustration int  `json:"scenario_frustration" validate:"required"`
	FrustrationDelta    int  `json:"frustration_delta" validate:"required"`
	Exact               bool `json:"exact" validate:"required"`
	// Share of balanced triads on each.
	BaseRatio     float64 `json:"base_ratio" validate:"required" format:"double"`
	ScenarioRatio float64 `json:"scenario_ratio" validate:"required" format:"double"`
	// Unbalanced triads on each.
	BaseUnbalanced     int64 `json:"base_unbalanced" validate:"required"`
	ScenarioUnbalanced int64 `json:"scenario_unbalanced" validate:"required"`
} //@name BalanceComparison

// ScenarioComparison is the answer of GET /api/v1/scenarios/{id}/compare.
type ScenarioComparison struct {
	Scenario string `json:"scenario" validate:"required" example:"lift-oil-sanctions"`
	// What it is compared with: a scenario id, or empty for the graph itself.
	With string `json:"with,omitempty"`
	// The day analysed (YYYY-MM-DD), or all.
	AsOf     string              `json:"as_of" validate:"required" example:"2025-04-12"`
	Weighted bool                `json:"weighted" validate:"required"`
	Measures []MeasureComparison `json:"measures" validate:"required"`
	// With balance among measures.
	Balance *BalanceComparison `json:"balance,omitempty"`
	// With blocs among measures.
	Blocs *BlocComparison `json:"blocs,omitempty"`
	// One per pair of pairs=, in the order given.
	Pairs []PairComparison `json:"pairs,omitempty"`
} //@name ScenarioComparison

// BlocMove is an actor not in a bloc continuing its own.
type BlocMove struct {
	Actor string `json:"actor" validate:"required" example:"oman"`
	Name  string `json:"name" validate:"required" example:"Oman"`
	// Bloc ids on the base and on the scenario (each side's own numbering; 0: in no bloc there).
	From int `json:"from" validate:"required"`
	To   int `json:"to" validate:"required"`
} //@name BlocMove

// BlocComparison compares the blocs of both sides. A scenario bloc continues the base bloc it shares the most members with (ties: the lower id); a base bloc goes on in the scenario bloc holding the most of its members.
type BlocComparison struct {
	BaseMethod     string `json:"base_method" validate:"required" enums:"signed,louvain"`
	ScenarioMethod string `json:"scenario_method" validate:"required" enums:"signed,louvain"`
	Base           []Bloc `json:"base" validate:"required"`
	Scenario       []Bloc `json:"scenario" validate:"required"`
	// Base blocs that two or more scenario blocs continue.
	Split []int `json:"split" validate:"required"`
	// Scenario blocs in which two or more base blocs go on.
	Merged []int `json:"merged" validate:"required"`
	// Actors not in a bloc continuing theirs, by id.
	Moved []BlocMove `json:"moved" validate:"required"`
} //@name BlocComparison

// PairComparison is how two actors are connected on each side: every simple path of at most max_hops ties (as GET /paths?mode=all), and the paths only one side has.
type PairComparison struct {
	From          string `json:"from" validate:"required" example:"russia"`
	To            string `json:"to" validate:"required" example:"houthis"`
	BasePaths     int    `json:"base_paths" validate:"required"`
	ScenarioPaths int    `json:"scenario_paths" validate:"required"`
	// Paths on the scenario only, then on the base only (shortest first; at most limit each).
	Gained []Path `json:"gained" validate:"required"`
	Lost   []Path `json:"lost" validate:"required"`
} //@name PairComparison

// ---- conversions ----

func scenarioFromDomain(sc graph.Scenario, stale []graph.FieldError) Scenario {
	out := Scenario{ID: sc.ID, Name: sc.Name, Description: sc.Description, Base: sc.Base,
		Changes: changesFromDomain(sc.Changes), Stale: make([]FieldError, 0, len(stale)),
		CreatedAt: sc.CreatedAt, UpdatedAt: sc.UpdatedAt}
	for _, fe := range stale {
		out.Stale = append(out.Stale, FieldError{Path: fe.Path, Message: fe.Message})
	}
	return out
}

// changesFromDomain converts scenario changes to their wire form, the
// form POST /scenarios takes.
func changesFromDomain(chs []graph.Change) []ScenarioChange {
	out := make([]ScenarioChange, len(chs))
	for i, ch := range chs {
		w := ScenarioChange{Op: string(ch.Op), ID: ch.ID}
		if ch.Actor != nil || ch.Relationship != nil {
			b := graph.Batch{}
			if ch.Actor != nil {
				b.Actors = []graph.Actor{*ch.Actor}
			}
			if ch.Relationship != nil {
				b.Relationships = []graph.Relationship{*ch.Relationship}
			}
			wb := batchFromDomain(b)
			if len(wb.Actors) == 1 {
				w.Actor = &wb.Actors[0]
			}
			if len(wb.Relationships) == 1 {
				w.Relationship = &wb.Relationships[0]
			}
		}
		if p := ch.Patch; p != nil {
			wp := RelationshipPatch{Weight: p.Weight, Confidence: p.Confidence, ValidFrom: dateString(p.ValidFrom), ValidTo: dateString(p.ValidTo), Note: p.Note}
			if p.Sources != nil {
				cs := citationsFromDomain(*p.Sources)
				wp.Sources = &cs
			}
			w.Patch = &wp
		}
		out[i] = w
	}
	return out
}

// changesToDomain converts the changes of a body at path prefix
// ("$.changes"); nulls tells which patch fields were sent as null.
func changesToDomain(in []ScenarioChange, reg graph.Registry, prefix string, nulls func(i int, field string) bool, p *problems) []graph.Change {
	out := make([]graph.Change, len(in))
	for i, w := range in {
		at := prefix + "[" + itoa(i) + "]"
		ch := graph.Change{Op: graph.ChangeOp(w.Op), ID: w.ID}
		if w.Actor != nil {
			a := actorFields(*w.Actor, at+".actor", p)
			ch.Actor = &a
		}
		if w.Relationship != nil {
			r := relationshipFields(*w.Relationship, reg, at+".relationship", p)
			ch.Relationship = &r
		}
		if w.Patch != nil {
			rp := graph.RelationshipPatch{Weight: w.Patch.Weight, Confidence: w.Patch.Confidence,
				ValidFrom: parseDate(w.Patch.ValidFrom), ValidTo: parseDate(w.Patch.ValidTo),
				ClearValidFrom: nulls(i, "valid_from"), ClearValidTo: nulls(i, "valid_to"), Note: w.Patch.Note}
			if w.Patch.Sources != nil {
				cs := citationsToDomain(*w.Patch.Sources)
				rp.Sources = &cs
			}
			ch.Patch = &rp
		}
		out[i] = ch
	}
	return out
}

// patchNulls reports, for the changes array of a decoded body, whether
// changes[i].patch.field was sent as null.
func patchNulls(obj *jobject) func(i int, field string) bool {
	return func(i int, field string) bool {
		if obj == nil {
			return false
		}
		changes, _ := obj.get("changes")
		list, _ := changes.([]any)
		if i >= len(list) {
			return false
		}
		ch, _ := list[i].(*jobject)
		if ch == nil {
			return false
		}
		pv, _ := ch.get("patch")
		patch, _ := pv.(*jobject)
		return patch != nil && patch.isNull(field)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// ---- reading on a scenario ----

// Gin context keys of a request answered on a scenario.
const (
	viewKey    = "detente.view"
	viewTagKey = "detente.view_tag"
)

// onScenario serves a read route's scenario parameter: with scenario=ID
// the request is answered on the graph of that scenario (whatif.View)
// instead of the graph itself. The parameter is taken out of the query
// string here, so the route's own parameter checks see the rest; the view
// goes into the context, where storeOf, sourceOf, analysisOf, actorOf and
// relationshipOf find it, and its key into every cache key of the answer.
// Routes that read through a graph.Store (listings, single records,
// paths, neighbourhoods: needStore) get the view's store built here; the
// others read the view's graph directly. Answers on a scenario carry
// Detente-Scenario (its id) and, when some of its changes no longer apply,
// Detente-Scenario-Stale (how many; GET /scenarios/{id} lists them).
func (s *Server) onScenario(needStore bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		raw := c.Request.URL.RawQuery
		if !strings.Contains(raw, "scenario") {
			return
		}
		vals, err := url.ParseQuery(raw)
		if err != nil || vals["scenario"] == nil {
			return // parseQuery reports a malformed query string
		}
		var fe []graph.FieldError
		id := vals.Get("scenario")
		switch {
		case len(vals["scenario"]) > 1:
			fe = append(fe, graph.FieldError{Path: "scenario", Message: "given " + itoa(len(vals["scenario"])) + " times; give it once"})
		case !graph.ValidID(id):
			fe = append(fe, graph.FieldError{Path: "scenario", Message: "must be a scenario id"})
		}
		if fe != nil {
			s.fail(c, paramError(fe...))
			c.Abort()
			return
		}
		view, err := s.views.Get(c.Request.Context(), id)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			err = paramError(graph.FieldError{Path: "scenario", Message: "scenario " + id + " does not exist"})
		}
		if err == nil && needStore {
			_, err = view.Store(c.Request.Context())
		}
		if err != nil {
			s.fail(c, invalidParam(err))
			c.Abort()
			return
		}
		kept := make([]string, 0, 8)
		for _, part := range strings.Split(raw, "&") {
			k, _, _ := strings.Cut(part, "=")
			if name, err := url.QueryUnescape(k); err != nil || name != "scenario" {
				kept = append(kept, part)
			}
		}
		c.Request.URL.RawQuery = strings.Join(kept, "&")
		c.Set(viewKey, view)
		c.Set(viewTagKey, "scenario "+id+" "+view.Key)
		c.Header("Detente-Scenario", id)
		if len(view.Stale) > 0 {
			c.Header("Detente-Scenario-Stale", itoa(len(view.Stale)))
		}
	}
}

func viewOf(c *gin.Context) *whatif.View {
	if v, ok := c.Get(viewKey); ok {
		return v.(*whatif.View)
	}
	return nil
}

// storeOf is the store a read answers on: the scenario's (built by
// onScenario on the routes that need it), or the graph's.
func (s *Server) storeOf(c *gin.Context) *graph.Store {
	if v := viewOf(c); v != nil {
		st, err := v.Store(c.Request.Context())
		if err != nil {
			panic(err) // onScenario(true) built it; a route without it is a defect (500)
		}
		return st
	}
	return s.store
}

// source is a whole graph to read: the graph's store, or a scenario's view.
type source interface {
	Export(ctx context.Context) (graph.Batch, error)
	Version(ctx context.Context) (uint64, error)
	RelationshipTypes(ctx context.Context) (graph.Registry, error)
}

// sourceOf is the whole graph a read answers on (exports, /graph).
func (s *Server) sourceOf(c *gin.Context) source {
	if v := viewOf(c); v != nil {
		return v
	}
	return s.store
}

// analysisOf is the analysis Service a read answers with.
func (s *Server) analysisOf(c *gin.Context) *analysis.Service {
	if v := viewOf(c); v != nil {
		return v.Analysis
	}
	return s.analysis
}

// actorOf reads one actor of the graph a read answers on.
func (s *Server) actorOf(c *gin.Context, id string) (graph.Actor, error) {
	if v := viewOf(c); v != nil {
		return v.Actor(c.Request.Context(), id)
	}
	return s.store.GetActor(c.Request.Context(), id)
}

// relationshipOf reads one relationship of the graph a read answers on.
func (s *Server) relationshipOf(c *gin.Context, id string) (graph.Relationship, error) {
	if v := viewOf(c); v != nil {
		return v.Relationship(c.Request.Context(), id)
	}
	return s.store.GetRelationship(c.Request.Context(), id)
}

// ---- the scenario resource ----

// listScenarios godoc
//
//	@Summary		List what-if scenarios
//	@ID				listScenarios
//	@Description	The stored scenarios in id order, each with the changes that no longer apply (stale).
//	@Tags			scenarios
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			limit	query		int		false	"Page size"	minimum(1)	maximum(1000)	default(50)
//	@Param			cursor	query		string	false	"next_cursor of the previous page"
//	@Success		200		{object}	ScenarioList
//	@Failure		400		{object}	Problem				"Invalid query parameter"
//	@Failure		401		{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401		{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		500		{object}	Problem				"Internal error (a bug)"
//	@Failure		503		{object}	Problem				"Store unavailable"
//	@Header			503		{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/scenarios [get]
func (s *Server) listScenarios(c *gin.Context) error {
	q := parseQuery(c, "limit", "cursor")
	limit, cursor := q.limit(), q.cursor()
	if err := q.err(); err != nil {
		return err
	}
	ctx := c.Request.Context()
	page, err := s.store.ListScenarios(ctx, cursor, limit)
	if err != nil {
		return invalidParam(err)
	}
	out := ScenarioList{Items: make([]Scenario, len(page.Items)), NextCursor: page.NextCursor}
	for i, sc := range page.Items {
		_, stale, err := s.store.ScenarioGraph(ctx, sc.ID)
		if err != nil && graph.ErrorCode(err) != graph.EINVALID {
			return err
		}
		out.Items[i] = scenarioFromDomain(sc, stale)
	}
	writeJSON(c, http.StatusOK, "application/json", out)
	return nil
}

// createScenario godoc
//
//	@Summary		Create a what-if scenario
//	@ID				createScenario
//	@Description	Stores a list of changes over the graph (or over another scenario, base), without copying the graph. Every read that takes scenario= then answers on the graph with the changes applied in order. Each change is checked against the base as it is now: a change naming a missing record, adding one that exists or a tie to a missing actor is a 400 naming it. Removing an actor removes its ties. Writing a scenario does not change the graph or its version.
//	@Tags			scenarios
//	@Accept			json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			scenario	body		ScenarioCreate	true	"The scenario"
//	@Success		201			{object}	Scenario
//	@Header			201			{string}	Location			"URL of the new scenario"
//	@Header			201			{string}	ETag				"Entity tag, for If-Match"
//	@Failure		400			{object}	Problem				"Malformed JSON, invalid fields, or changes that do not apply"
//	@Failure		409			{object}	Problem				"A scenario with this id exists"
//	@Failure		413			{object}	Problem				"Body over 8 MiB"
//	@Failure		415			{object}	Problem				"Content-Type is not JSON"
//	@Failure		401			{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401			{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		403			{object}	Problem				"The API key lacks the write scope"
//	@Failure		500			{object}	Problem				"Internal error (a bug)"
//	@Failure		503			{object}	Problem				"Store unavailable"
//	@Header			503			{integer}	Retry-After			"Seconds to wait (5)"
//	@Failure		507			{object}	Problem				"The store's disk is full; nothing was written"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/scenarios [post]
func (s *Server) createScenario(c *gin.Context) error {
	if err := noQuery(c); err != nil {
		return err
	}
	var in ScenarioCreate
	obj, missing, err := decodeBody(c, &in, bodyOptions{limit: s.cfg.MaxBodyBytes})
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	reg, err := s.store.RelationshipTypes(ctx)
	if err != nil {
		return err
	}
	p := problems{errs: missing}
	sc := graph.Scenario{ID: in.ID, Name: in.Name, Description: in.Description, Base: in.Base,
		Changes: changesToDomain(in.Changes, reg, "$.changes", patchNulls(obj), &p)}
	if sc.ID == "" {
		sc.ID = graph.Slugify(sc.Name)
	}
	if len(p.errs) > 0 {
		return invalidBody(p.errs)
	}
	sc, err = s.store.CreateScenario(ctx, sc)
	if err != nil {
		return err
	}
	c.Header("Location", APIPrefix+"/scenarios/"+url.PathEscape(sc.ID))
	setETag(c, sc)
	writeJSON(c, http.StatusCreated, "application/json", scenarioFromDomain(sc, nil))
	return nil
}

// getScenario godoc
//
//	@Summary		Get a what-if scenario
//	@ID				getScenario
//	@Description	The scenario with the changes that no longer apply to the graph as it is now (stale), which reads on the scenario leave out.
//	@Tags			scenarios
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			id	path		string	true	"Scenario id"	maxlength(128)
//	@Param			If-None-Match	header	string	false	"Entity tag from a previous read: 304 when it still matches"
//	@Success		200	{object}	Scenario
//	@Success		304	"Not modified: the If-None-Match tag is current"
//	@Header			200	{string}	ETag				"Entity tag, for If-Match on PATCH and DELETE"
//	@Failure		400	{object}	Problem				"Not an id, or a query parameter given"
//	@Failure		404	{object}	Problem				"No such scenario"
//	@Failure		401	{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401	{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		500	{object}	Problem				"Internal error (a bug)"
//	@Failure		503	{object}	Problem				"Store unavailable"
//	@Header			503	{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/scenarios/{id} [get]
func (s *Server) getScenario(c *gin.Context) error {
	id, err := pathID(c, "id")
	if err == nil {
		err = noQuery(c)
	}
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	sc, err := s.store.GetScenario(ctx, id)
	if err != nil {
		return err
	}
	_, stale, err := s.store.ScenarioGraph(ctx, id)
	if err != nil && graph.ErrorCode(err) != graph.EINVALID {
		return err
	}
	setETag(c, sc)
	if done, err := notModified(c); done || err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, "application/json", scenarioFromDomain(sc, stale))
	return nil
}

// updateScenario godoc
//
//	@Summary		Update a what-if scenario
//	@ID				updateScenario
//	@Description	A JSON merge patch: name, description and base change when given (base null: the graph itself); changes, when given, replace the list whole and are checked as on create. With If-Match the update applies only while the scenario still has that entity tag (else 412).
//	@Tags			scenarios
//	@Accept			json
//	@Accept			application/merge-patch+json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			id			path		string			true	"Scenario id"	maxlength(128)
//	@Param			If-Match	header		string			false	"Entity tag from a previous read"
//	@Param			patch		body		ScenarioPatch	true	"The fields to change"
//	@Success		200			{object}	Scenario
//	@Header			200			{string}	ETag				"Entity tag of the updated scenario"
//	@Failure		400			{object}	Problem				"Malformed JSON, invalid fields, or changes that do not apply"
//	@Failure		404			{object}	Problem				"No such scenario"
//	@Failure		412			{object}	Problem				"If-Match does not match"
//	@Failure		413			{object}	Problem				"Body over 8 MiB"
//	@Failure		415			{object}	Problem				"Content-Type is not JSON"
//	@Failure		401			{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401			{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		403			{object}	Problem				"The API key lacks the write scope"
//	@Failure		500			{object}	Problem				"Internal error (a bug)"
//	@Failure		503			{object}	Problem				"Store unavailable"
//	@Header			503			{integer}	Retry-After			"Seconds to wait (5)"
//	@Failure		507			{object}	Problem				"The store's disk is full; nothing was written"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/scenarios/{id} [patch]
func (s *Server) updateScenario(c *gin.Context) error {
	id, err := pathID(c, "id")
	if err == nil {
		err = noQuery(c)
	}
	if err != nil {
		return err
	}
	var in ScenarioPatch
	obj, soft, err := decodeBody(c, &in, bodyOptions{
		limit:      s.cfg.MaxBodyBytes,
		mediaTypes: []string{"application/json", "application/merge-patch+json"},
		immutable: map[string]string{
			"id":         "cannot be changed: a scenario's id is permanent",
			"created_at": "cannot be changed: it is set by the server",
			"updated_at": "cannot be changed: it is set by the server",
		},
	})
	if err != nil {
		return err
	}
	if len(soft) > 0 {
		return invalidBody(soft)
	}
	ctx := c.Request.Context()
	cur, err := s.store.GetScenario(ctx, id)
	if err != nil {
		return err
	}
	tag, err := ifMatch(c, func() (any, error) { return cur, nil })
	if err != nil {
		return err
	}
	if tag.IsZero() {
		tag = graph.RevisionOf(cur) // the changes are merged onto cur: never onto a newer one unseen
	}
	reg, err := s.store.RelationshipTypes(ctx)
	if err != nil {
		return err
	}
	next := cur
	if in.Name != nil {
		next.Name = *in.Name
	}
	if in.Description != nil {
		next.Description = *in.Description
	}
	if in.Base != nil {
		next.Base = *in.Base
	} else if obj.isNull("base") {
		next.Base = ""
	}
	var p problems
	if obj.has("changes") {
		next.Changes = changesToDomain(in.Changes, reg, "$.changes", patchNulls(obj), &p)
	}
	if len(p.errs) > 0 {
		return invalidBody(p.errs)
	}
	sc, err := s.store.ReplaceScenario(ctx, id, next, tag)
	if err != nil {
		return err
	}
	setETag(c, sc)
	writeJSON(c, http.StatusOK, "application/json", scenarioFromDomain(sc, nil))
	return nil
}

// deleteScenario godoc
//
//	@Summary		Delete a what-if scenario
//	@ID				deleteScenario
//	@Description	A scenario that another stacks on cannot be deleted (409). With If-Match the delete applies only while the scenario still has that entity tag (else 412). The graph is not touched.
//	@Tags			scenarios
//	@Produce		application/problem+json
//	@Param			id			path	string	true	"Scenario id"	maxlength(128)
//	@Param			If-Match	header	string	false	"Entity tag from a previous read"
//	@Success		204			"Deleted"
//	@Failure		400			{object}	Problem				"Not an id, or a query parameter given"
//	@Failure		404			{object}	Problem				"No such scenario"
//	@Failure		409			{object}	Problem				"Another scenario stacks on it"
//	@Failure		412			{object}	Problem				"If-Match does not match"
//	@Failure		401			{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401			{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		403			{object}	Problem				"The API key lacks the write scope"
//	@Failure		500			{object}	Problem				"Internal error (a bug)"
//	@Failure		503			{object}	Problem				"Store unavailable"
//	@Header			503			{integer}	Retry-After			"Seconds to wait (5)"
//	@Failure		507			{object}	Problem				"The store's disk is full; nothing was written"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/scenarios/{id} [delete]
func (s *Server) deleteScenario(c *gin.Context) error {
	id, err := pathID(c, "id")
	if err == nil {
		err = noQuery(c)
	}
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	tag, err := ifMatch(c, func() (any, error) { return s.store.GetScenario(ctx, id) })
	if err != nil {
		return err
	}
	if err := s.store.DeleteScenario(ctx, id, tag); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}

// compareScenario godoc
//
//	@Summary		Compare a scenario with its base
//	@ID				compareScenario
//	@Description	What the changes do: each measure recomputed on the scenario's graph and on the graph itself (or on the scenario with=), for every actor of either, with both scores and ranks and the change, largest |delta| first (counterfactual centrality: recomputed, not estimated). mediators ranks the go-betweens of between=a,b on both sides. blocs lists both sides' blocs, which split, which merged and who moved. balance compares the frustration index (Aref and Wilson), the balanced share of triads and the unbalanced triads. pairs=a:b lists the paths between two actors that the scenario opens (gained) and closes (lost). Filters (types, polarity, weighted, as_of) apply to both sides alike.
//	@Tags			scenarios
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			id			path		string		true	"Scenario id"	maxlength(128)
//	@Param			with		query		string		false	"Compare with this scenario instead of the graph itself"
//	@Param			measures	query		[]string	false	"What to compare (comma-separated; default pagerank,pn,balance): any centrality of /influence, mediators (needs between), blocs, balance"	collectionFormat(csv)
//	@Param			between		query		[]string	false	"The two parties whose mediators are compared (a,b)"	collectionFormat(csv)
//	@Param			pairs		query		[]string	false	"Pairs of actors (a:b, comma-separated, at most 10) whose paths are compared"	collectionFormat(csv)
//	@Param			max_hops	query		int			false	"Ties per path for pairs (default 3), and per channel for mediators (default 2)"	minimum(1)	maximum(10)
//	@Param			weighted	query		bool		false	"Use relationship weights (default false; for mediators true, as on /mediators)"
//	@Param			types		query		[]string	false	"Only these relationship types (comma-separated)"	collectionFormat(csv)
//	@Param			polarity	query		string		false	"Ties by the sign of their type"				Enums(all, signed, positive, negative)
//	@Param			as_of		query		string		false	"Analyse the graph as of this day (YYYY-MM-DD), or all; default: the analysis date"
//	@Param			limit		query		int			false	"Actors per measure"							minimum(1)	maximum(1000)	default(50)
//	@Success		200			{object}	ScenarioComparison
//	@Failure		400			{object}	Problem				"Invalid query parameter, or no such scenario for with"
//	@Failure		404			{object}	Problem				"No such scenario"
//	@Failure		401			{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401			{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		500			{object}	Problem				"Internal error (a bug)"
//	@Failure		503			{object}	Problem				"Store unavailable or out of time"
//	@Header			503			{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/scenarios/{id}/compare [get]
func (s *Server) compareScenario(c *gin.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	q := parseQuery(c, "with", "measures", "weighted", "types", "polarity", "as_of", "limit", "between", "pairs", "max_hops")
	with := q.id("with")
	measures := q.list("measures")
	if measures == nil {
		measures = []string{string(analysis.PageRank), string(analysis.PN), "balance"}
	}
	between := q.list("between")
	if slices.Contains(measures, "mediators") && len(between) != 2 {
		q.errs.add("between", "mediators compares the go-betweens of two actors: give between=a,b")
	}
	if len(between) > 0 && len(between) != 2 {
		q.errs.add("between", "must be two actor ids")
	}
	var pairs [][2]string
	for i, p := range q.list("pairs") {
		a, b, ok := strings.Cut(p, ":")
		if !ok || !graph.ValidID(a) || !graph.ValidID(b) {
			q.errs.add("pairs", "pair %d (%s) must be two actor ids as a:b", i+1, p)
			continue
		}
		pairs = append(pairs, [2]string{a, b})
	}
	if len(pairs) > maxComparePairs {
		q.errs.add("pairs", "at most %d pairs", maxComparePairs)
	}
	maxHops := q.intIn("max_hops", 1, graph.MaxHopsCap)
	f := analysis.Filter{Types: q.list("types"), Weighted: q.bool("weighted", false),
		Polarity: q.enum("polarity", analysis.Polarities()), AsOf: q.asOf("as_of")}
	limit := q.intIn("limit", 1, analysis.MaxLimit)
	if limit == 0 {
		limit = analysis.DefaultLimit
	}
	if err := q.err(); err != nil {
		return err
	}
	ctx := c.Request.Context()
	scen, err := s.views.Get(ctx, id)
	if err != nil {
		return err
	}
	base := s.analysis
	var withView *whatif.View
	if with != "" {
		w, err := s.views.Get(ctx, with)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			err = paramError(graph.FieldError{Path: "with", Message: "scenario " + with + " does not exist"})
		}
		if err != nil {
			return invalidParam(err)
		}
		base, withView = w.Analysis, w
	}
	// An actor listed is on the scenario, or else on the side compared
	// with (one the scenario removed): its name is read from there, for
	// the few actors an answer lists rather than from a whole export.
	nameOf := func(id string) string {
		if a, err := scen.Actor(ctx, id); err == nil {
			return a.Name
		}
		var a graph.Actor
		var err error
		if withView != nil {
			a, err = withView.Actor(ctx, id)
		} else {
			a, err = s.store.GetActor(ctx, id)
		}
		if err != nil {
			return id
		}
		return a.Name
	}
	out := ScenarioComparison{Scenario: id, With: with, AsOf: answerAsOf(c), Weighted: f.Weighted, Measures: []MeasureComparison{}}
	for _, m := range measures {
		if m == "balance" {
			var sides [2]analysis.Balance
			for k, svc := range []*analysis.Service{base, scen.Analysis} {
				if sides[k], err = svc.Balance(ctx, analysis.BalanceQuery{Filter: f}); err != nil {
					return invalidParam(err)
				}
			}
			out.Balance = &BalanceComparison{
				BaseFrustration: sides[0].Frustration.Index, ScenarioFrustration: sides[1].Frustration.Index,
				FrustrationDelta: sides[1].Frustration.Index - sides[0].Frustration.Index,
				Exact:            sides[0].Frustration.Exact && sides[1].Frustration.Exact,
				BaseRatio:        sides[0].Ratio, ScenarioRatio: sides[1].Ratio,
				BaseUnbalanced: sides[0].Unbalanced, ScenarioUnbalanced: sides[1].Unbalanced,
			}
			continue
		}
		if m == "blocs" {
			bc, err := analysis.CompareBlocs(ctx, base, scen.Analysis, analysis.BlocQuery{Filter: f})
			if err != nil {
				return invalidParam(err)
			}
			out.Blocs = &BlocComparison{BaseMethod: bc.Base.Method, ScenarioMethod: bc.Scenario.Method,
				Base: blocsFromDomain(bc.Base).Blocs, Scenario: blocsFromDomain(bc.Scenario).Blocs,
				Split: append([]int{}, bc.Split...), Merged: append([]int{}, bc.Merged...), Moved: make([]BlocMove, len(bc.Moved))}
			for i, mv := range bc.Moved {
				out.Blocs.Moved[i] = BlocMove{Actor: mv.Actor, Name: nameOf(mv.Actor), From: mv.From, To: mv.To}
			}
			continue
		}
		var changes []analysis.ScoreChange
		if m == "mediators" {
			mf := f // weighted by default, as on GET /mediators
			mf.Weighted = q.get("weighted") == "" || f.Weighted
			changes, err = analysis.CompareMediators(ctx, base, scen.Analysis, analysis.MediatorQuery{A: between[0], B: between[1], Filter: mf, MaxHops: maxHops})
		} else {
			changes, err = analysis.CompareMeasure(ctx, base, scen.Analysis, f, analysis.Algorithm(m))
		}
		if err != nil {
			return invalidParam(err)
		}
		mc := MeasureComparison{Measure: m, Total: len(changes), Actors: make([]ScenarioScore, 0, min(limit, len(changes)))}
		for _, ch := range changes[:min(limit, len(changes))] {
			mc.Actors = append(mc.Actors, ScenarioScore{Actor: ch.Actor, Name: nameOf(ch.Actor), Base: ch.FromScore, BaseRank: ch.FromRank,
				Scenario: ch.ToScore, ScenarioRank: ch.ToRank, Delta: ch.Change})
		}
		out.Measures = append(out.Measures, mc)
	}
	var stores [2]*graph.Store // for pairs: the base's and the scenario's
	if len(pairs) > 0 {
		stores[0] = s.store
		if withView != nil {
			stores[0], err = withView.Store(ctx)
		}
		if err == nil {
			stores[1], err = scen.Store(ctx)
		}
		if err != nil {
			return err
		}
	}
	for _, p := range pairs {
		pc, err := comparePaths(ctx, stores[0], stores[1], graph.PathQuery{From: p[0], To: p[1], Mode: graph.ModeAll,
			MaxHops: cmp.Or(maxHops, graph.DefaultMaxHops), Types: f.Types, AsOf: f.AsOf, Weighted: f.Weighted, Limit: graph.MaxPathLimit}, limit)
		if err != nil {
			return invalidParam(err)
		}
		out.Pairs = append(out.Pairs, pc)
	}
	writeJSON(c, http.StatusOK, "application/json", out)
	return nil
}

// maxComparePairs bounds pairs= on compare: each pair is two all-paths
// searches.
const maxComparePairs = 10

// comparePaths lists the simple paths of q on both stores and the ones
// only one side has (a path is its sequence of ties), at most limit each.
func comparePaths(ctx context.Context, base, scen *graph.Store, q graph.PathQuery, limit int) (PairComparison, error) {
	out := PairComparison{From: q.From, To: q.To, Gained: []Path{}, Lost: []Path{}}
	var sides [2][]graph.Path
	for k, st := range []*graph.Store{base, scen} {
		ps, err := st.Paths(ctx, q)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			ps, err = nil, nil // the actor is not on this side: no paths
		}
		if err != nil {
			return out, err
		}
		if len(ps) >= q.Limit {
			return out, graph.Errorf(graph.ETOOLARGE, "%s and %s have at least %d paths of at most %d ties on one side, too many to compare; lower max_hops or narrow types",
				q.From, q.To, q.Limit, q.MaxHops)
		}
		sides[k] = ps
	}
	key := func(p graph.Path) string {
		ids := make([]string, len(p.Relationships))
		for i, r := range p.Relationships {
			ids[i] = r.ID
		}
		return strings.Join(ids, " ")
	}
	only := func(a, b []graph.Path) []Path {
		in := make(map[string]bool, len(b))
		for _, p := range b {
			in[key(p)] = true
		}
		out := []Path{}
		for _, p := range a {
			if !in[key(p)] && len(out) < limit {
				out = append(out, pathFromDomain(p))
			}
		}
		return out
	}
	out.BasePaths, out.ScenarioPaths = len(sides[0]), len(sides[1])
	out.Gained, out.Lost = only(sides[1], sides[0]), only(sides[0], sides[1])
	return out, nil
}
