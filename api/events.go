package api

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/ingest"
)

// Event is one coded event as its source published it, with where it came
// from and the derived relationship it folded into (issue #21).
type Event struct {
	// The format and the source's own id: "gdelt:1100000001".
	ID string `json:"id" validate:"required" example:"gdelt:1100000001"`
	// The format it was read as (gdelt, gdelt1, plover, icews, acled).
	Format string `json:"format" validate:"required" example:"gdelt"`
	// The source's own event id (GLOBALEVENTID, id, Event ID, event_id_cnty).
	SourceID   string `json:"source_id" validate:"required" example:"1100000001"`
	Date       string `json:"date" validate:"required" format:"date" example:"2025-04-05"`
	Actor1Code string `json:"actor1_code,omitempty" example:"USAGOV"`
	Actor1Name string `json:"actor1_name,omitempty" example:"UNITED STATES"`
	Actor2Code string `json:"actor2_code,omitempty" example:"IRNGOV"`
	Actor2Name string `json:"actor2_name,omitempty" example:"IRAN"`
	// The actor the first side resolved to, when it did.
	Source string `json:"source,omitempty" example:"united-states"`
	// The actor the second side resolved to, when it did.
	Target string `json:"target,omitempty" example:"iran"`
	// The event's code as coded: CAMEO, PLOVER type, ACLED event_type.
	Code string `json:"code" validate:"required" example:"036"`
	// The relationship type the mapping derives from the code, when it maps.
	Type string `json:"type,omitempty" example:"negotiates_with"`
	// Goldstein scale, ICEWS intensity or PLOVER score, -10 to 10, when coded.
	Score *float64 `json:"score,omitempty" minimum:"-10" maximum:"10" format:"double"`
	// QuadClass, 1-4, when coded.
	Quad     int `json:"quad,omitempty" minimum:"0" maximum:"4"`
	Mentions int `json:"mentions,omitempty" minimum:"0"`
	Sources  int `json:"sources,omitempty" minimum:"0"`
	// The source article.
	URL  string `json:"url,omitempty"`
	Text string `json:"text,omitempty"`
	// The derived relationship the event folded into, when it did.
	Relationship string `json:"relationship,omitempty" example:"evt-gdelt--iran--negotiates_with--united-states--2025-04-05"`
} //@name Event

// EventList is one page of events.
type EventList struct {
	Items []Event `json:"items" validate:"required"`
	// Pass as cursor to get the next page; absent on the last page.
	NextCursor string `json:"next_cursor,omitempty"`
} //@name EventList

// IngestSummary reports an event ingest, as detente ingest prints it.
type IngestSummary struct {
	// Well-formed events read.
	Events int `json:"events" validate:"required"`
	// Events the store did not hold, now stored.
	New int `json:"new" validate:"required"`
	// Events the store held already, or repeated in the file.
	Duplicates int `json:"duplicates" validate:"required"`
	// Malformed rows, skipped (strict=false).
	Skipped       int          `json:"skipped" validate:"required"`
	Folded        int          `json:"folded" validate:"required"`
	OneSided      int          `json:"one_sided" validate:"required"`
	SelfTies      int          `json:"self_ties" validate:"required"`
	Relationships ImportCounts `json:"relationships" validate:"required"`
	Actors        struct {
		Created int `json:"created" validate:"required"`
	} `json:"actors" validate:"required"`
	Unresolved      []IngestTally `json:"unresolved" validate:"required"`
	UnresolvedTotal int           `json:"unresolved_total" validate:"required"`
	Unmapped        []IngestTally `json:"unmapped" validate:"required"`
	// Derived ids a relationship not derived from events holds: left alone.
	Conflicts []string `json:"conflicts" validate:"required"`
	// The first 100 malformed rows, each with its line and column.
	Errors []string `json:"errors" validate:"required"`
} //@name IngestSummary

// IngestTally counts the events behind one unresolved actor code or
// unmapped event code.
type IngestTally struct {
	Code    string `json:"code" validate:"required" example:"IRNOPP"`
	Count   int    `json:"count" validate:"required" example:"1"`
	Example string `json:"example" validate:"required"`
	Note    string `json:"note,omitempty"`
} //@name IngestTally

func eventFromDomain(e graph.Event) Event {
	format, sourceID, _ := strings.Cut(e.ID, ":")
	return Event{ID: e.ID, Format: format, SourceID: sourceID, Date: e.Date.String(),
		Actor1Code: e.Actor1Code, Actor1Name: e.Actor1Name, Actor2Code: e.Actor2Code, Actor2Name: e.Actor2Name,
		Source: e.Source, Target: e.Target, Code: e.Code, Type: e.Type, Score: e.Score, Quad: e.Quad,
		Mentions: e.Mentions, Sources: e.Sources, URL: e.URL, Text: e.Text, Relationship: e.Relationship}
}

func eventListFromDomain(p graph.Page[graph.Event]) EventList {
	out := EventList{Items: make([]Event, len(p.Items)), NextCursor: p.NextCursor}
	for i, e := range p.Items {
		out.Items[i] = eventFromDomain(e)
	}
	return out
}

func talliesFromDomain(ts []ingest.Tally) []IngestTally {
	out := make([]IngestTally, len(ts))
	for i, t := range ts {
		out[i] = IngestTally{Code: t.Code, Count: t.Count, Example: t.Example, Note: t.Note}
	}
	return out
}

func ingestSummaryFromDomain(s ingest.Summary) IngestSummary {
	out := IngestSummary{Events: s.Events, New: s.New, Duplicates: s.Duplicates, Skipped: s.Skipped,
		Folded: s.Folded, OneSided: s.OneSided, SelfTies: s.SelfTies,
		Relationships: ImportCounts{Created: s.Relationships.Created, Updated: s.Relationships.Updated, Unchanged: s.Relationships.Unchanged},
		Unresolved:    talliesFromDomain(s.Unresolved), UnresolvedTotal: s.UnresolvedTotal, Unmapped: talliesFromDomain(s.Unmapped),
		Conflicts: s.Conflicts, Errors: s.Errors}
	out.Actors.Created = s.Actors.Created
	if out.Conflicts == nil {
		out.Conflicts = []string{}
	}
	if out.Errors == nil {
		out.Errors = []string{}
	}
	return out
}

// eventCursor reads an events cursor (event ids are not graph ids, so
// query.cursor does not check them; the store does).
func eventCursor(q *query) string { return q.get("cursor") }

// listEvents godoc
//
//	@Summary		List events
//	@ID				listEvents
//	@Description	The stored events in id order (format, then the source's id as text), each with its provenance (format, source id, URL) and the derived relationship it folded into. Filters combine: actor matches either resolved side, target the target only, type the derived relationship type, from and to the event's date (both inclusive).
//	@Tags			events
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			actor	query		string	false	"An actor on either side"
//	@Param			target	query		string	false	"The target actor"
//	@Param			type	query		string	false	"The derived relationship type"
//	@Param			from	query		string	false	"First day (YYYY-MM-DD)"	format(date)
//	@Param			to		query		string	false	"Last day (YYYY-MM-DD)"		format(date)
//	@Param			limit	query		int		false	"Page size"					minimum(1)	maximum(1000)	default(50)
//	@Param			cursor	query		string	false	"next_cursor of the previous page"
//	@Success		200		{object}	EventList
//	@Failure		400		{object}	Problem				"Invalid query parameter"
//	@Failure		401		{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401		{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		500		{object}	Problem				"Internal error (a bug)"
//	@Failure		503		{object}	Problem				"Store unavailable"
//	@Header			503		{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/events [get]
func (s *Server) listEvents(c *gin.Context) error {
	q := parseQuery(c, "actor", "target", "type", "from", "to", "limit", "cursor")
	f := graph.EventFilter{Actor: q.id("actor"), Target: q.id("target"), Type: q.get("type"), From: q.date("from"), To: q.date("to")}
	limit, cursor := q.limit(), eventCursor(q)
	if err := q.err(); err != nil {
		return err
	}
	page, err := s.store.ListEvents(c.Request.Context(), f, cursor, limit)
	if err != nil {
		return invalidParam(err)
	}
	writeJSON(c, http.StatusOK, "application/json", eventListFromDomain(page))
	return nil
}

// relationshipEvents godoc
//
//	@Summary		List a relationship's events
//	@ID				listRelationshipEvents
//	@Description	The stored events that folded into a relationship derived from event data, in id order: its evidence. A relationship not derived from events has none.
//	@Tags			events
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			id		path		string	true	"Relationship id"
//	@Param			limit	query		int		false	"Page size"	minimum(1)	maximum(1000)	default(50)
//	@Param			cursor	query		string	false	"next_cursor of the previous page"
//	@Success		200		{object}	EventList
//	@Failure		400		{object}	Problem				"Invalid id or query parameter"
//	@Failure		401		{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401		{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		404		{object}	Problem				"No such relationship"
//	@Failure		500		{object}	Problem				"Internal error (a bug)"
//	@Failure		503		{object}	Problem				"Store unavailable"
//	@Header			503		{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/relationships/{id}/events [get]
func (s *Server) relationshipEvents(c *gin.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	q := parseQuery(c, "limit", "cursor")
	limit, cursor := q.limit(), eventCursor(q)
	if err := q.err(); err != nil {
		return err
	}
	page, err := s.store.RelationshipEvents(c.Request.Context(), id, cursor, limit)
	if err != nil {
		return invalidParam(err)
	}
	writeJSON(c, http.StatusOK, "application/json", eventListFromDomain(page))
	return nil
}

// eventMediaTypes are the bodies POST /events takes.
var eventMediaTypes = []string{"text/tab-separated-values", "text/csv", "application/x-ndjson", "application/octet-stream"}

// ingestEvents godoc
//
//	@Summary		Ingest an event file
//	@ID				ingestEvents
//	@Description	Reads a file of coded events (the body) as detente ingest does: stores its events (idempotent by the source's id), resolves their actors, maps their codes and folds them into derived relationships, and answers the same summary. By default the first malformed row refuses the file with 400, naming its line and column, and nothing is written; with strict=false malformed rows are skipped and counted. A file of another format is refused with 400 at once. Bodies over 64 MiB are rejected with 413; the request has the server's --import-timeout (default 10m).
//	@Tags			events
//	@Accept			text/tab-separated-values
//	@Accept			text/csv
//	@Accept			application/x-ndjson
//	@Accept			application/octet-stream
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			format			query		string	true	"The file's format (aggregate: GDELT events pre-aggregated by day, actor pair and code, folded exactly as the events; see README)"	Enums(gdelt, gdelt1, plover, icews, acled, aggregate)
//	@Param			strict			query		bool	false	"Refuse the file at its first malformed row (false: skip and count them)"	default(true)
//	@Param			create_actors	query		bool	false	"Create the actors that do not resolve, tagged unreviewed"					default(false)
//	@Param			gap_days		query		int		false	"Days without events after which a derived tie ends"							minimum(1)	maximum(3650)	default(30)
//	@Param			file			body		string	true	"The event file"
//	@Success		200				{object}	IngestSummary
//	@Failure		400				{object}	Problem				"Invalid query parameter, a file of another format, or a malformed row (strict); nothing was written"
//	@Failure		401				{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401				{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		403				{object}	Problem				"The API key lacks the write scope"
//	@Failure		413				{object}	Problem				"Body over 64 MiB"
//	@Failure		415				{object}	Problem				"Content-Type is not one of the accepted types"
//	@Failure		500				{object}	Problem				"Internal error (a bug)"
//	@Failure		503				{object}	Problem				"Store unavailable, or too many imports in flight"
//	@Header			503				{integer}	Retry-After			"Seconds to wait (5)"
//	@Failure		507				{object}	Problem				"The store's disk is full"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/events [post]
func (s *Server) ingestEvents(c *gin.Context) error {
	q := parseQuery(c, "format", "strict", "create_actors", "gap_days")
	format := q.enum("format", ingest.InputFormats())
	if format == "" && q.get("format") == "" {
		q.errs.add("format", "is required: one of %s", strings.Join(ingest.InputFormats(), ", "))
	}
	o := ingest.Options{Format: ingest.Format(format), Strict: q.bool("strict", true), CreateActors: q.bool("create_actors", false),
		Rules: ingest.DefaultRules()}
	if q.has("gap_days") {
		o.Rules.GapDays = q.intIn("gap_days", 1, 3650)
	}
	if err := q.err(); err != nil {
		return err
	}
	r := c.Request
	if r.ContentLength == 0 {
		return newHTTPError(http.StatusBadRequest, ProblemValidation, "the request body is empty; an event file is expected")
	}
	if err := checkMediaType(r.Header.Get("Content-Type"), eventMediaTypes); err != nil {
		return err
	}
	if r.ContentLength > s.cfg.MaxImportBytes {
		return tooLarge(s.cfg.MaxImportBytes)
	}
	body := http.MaxBytesReader(c.Writer, r.Body, s.cfg.MaxImportBytes)
	sum, err := ingest.Run(r.Context(), s.store, []ingest.Input{{Name: "body", R: body}}, o)
	var (
		mbe *http.MaxBytesError
		fe  *ingest.FormatError
		re  *ingest.RowError
	)
	switch {
	case errors.As(err, &mbe):
		return tooLarge(s.cfg.MaxImportBytes)
	case errors.As(err, &fe):
		return newHTTPError(http.StatusBadRequest, ProblemValidation, fe.Error()+"; nothing was written",
			graph.FieldError{Path: "format", Message: fe.Msg})
	case errors.As(err, &re):
		path := "line " + itoa(re.Line)
		if re.Column != "" {
			path += ", column " + re.Column
		}
		return newHTTPError(http.StatusBadRequest, ProblemValidation, re.Error()+"; nothing was written (strict=false skips malformed rows)",
			graph.FieldError{Path: path, Message: re.Msg})
	case err != nil:
		return err
	}
	writeJSON(c, http.StatusOK, "application/json", ingestSummaryFromDomain(sum))
	return nil
}
