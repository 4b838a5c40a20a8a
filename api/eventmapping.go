package api

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/ingest"
)

// The event mapping (issue #21) is data beside the relationship-type
// registry: which type each CAMEO, PLOVER and ACLED event code becomes.
// GET shows the one in use (the stored one, else the shipped
// ingest/mapping.json); PUT replaces it whole, checked whole, and the next
// POST /events and `detente ingest` use it; DELETE goes back to the
// shipped one. Its tag is the hash of its canonical JSON, so it is the same
// on every store and for the shipped mapping before and after a PUT of it.

// EventMappingRule maps one event code to a relationship type.
type EventMappingRule struct {
	// CAMEO code (2-4 digits), PLOVER TYPE or TYPE:mode, ACLED event_type
	// or event_type:sub_event_type.
	Code string `json:"code" validate:"required" example:"163"`
	// A registry type, or "" for a code deliberately left unmapped.
	Type string `json:"type" validate:"required" example:"sanctions"`
	// Why the code maps to the type (or is left unmapped).
	Why string `json:"why" validate:"required" example:"registry: sanctions lists CAMEO 163 impose embargo, boycott or sanctions"`
} //@name EventMappingRule

// EventMapping is the mapping in ingest/mapping.json's format. CAMEO
// codes are looked up as coded, then by their three-digit base; PLOVER
// types with their mode, then alone; ACLED event types with their
// sub-type, then alone.
type EventMapping struct {
	About []string `json:"about,omitempty"`
	// The tables are required ([] maps none of a table's codes).
	CAMEO  []EventMappingRule `json:"cameo" validate:"required"`
	PLOVER []EventMappingRule `json:"plover" validate:"required"`
	ACLED  []EventMappingRule `json:"acled" validate:"required"`
	// PLOVER conflict-cooperation scores by TYPE or TYPE:mode, in [-10, 10].
	PLOVERScores map[string]float64 `json:"plover_scores,omitempty"`
	// PLOVER quad categories (1-4) by TYPE.
	PLOVERQuads map[string]int `json:"plover_quads,omitempty"`
} //@name EventMapping

// EventCodes are the event codes the mapping in use maps to a type.
type EventCodes struct {
	CAMEO  []string `json:"cameo,omitempty" example:"163,1631"`
	PLOVER []string `json:"plover,omitempty" example:"SANCTION"`
	ACLED  []string `json:"acled,omitempty"`
} //@name EventCodes

// mappingSource is the header saying which mapping GET answers (named as
// Detente-Scenario-Stale is: no X- prefix, RFC 6648).
const mappingSource = "Detente-Event-Mapping-Source"

// getEventMapping godoc
//
//	@Summary		Get the event mapping
//	@ID				getEventMapping
//	@Description	The event-code mapping in use: which relationship type each CAMEO (GDELT, ICEWS), PLOVER and ACLED code becomes, each rule with its reason, and the PLOVER scores and quads. It is the stored one (PUT) or, when none is stored, the one shipped with detente; Detente-Event-Mapping-Source says which.
//	@Tags			relationship-types
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			If-None-Match	header		string	false	"Entity tag from a previous read: 304 when it still matches"
//	@Success		200				{object}	EventMapping
//	@Success		304				"Not modified: the If-None-Match tag is current"
//	@Header			200				{string}	ETag					"Entity tag"
//	@Header			200				{string}	Detente-Event-Mapping-Source	"stored or shipped"
//	@Failure		400				{object}	Problem					"A query parameter given"
//	@Failure		401				{object}	Problem					"Missing or invalid API key (when keys are configured)"
//	@Header			401				{string}	WWW-Authenticate		"The authentication challenge: Bearer"
//	@Failure		500				{object}	Problem					"Internal error (a bug)"
//	@Failure		503				{object}	Problem					"Store unavailable"
//	@Header			503				{integer}	Retry-After				"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/event-mapping [get]
func (s *Server) getEventMapping(c *gin.Context) error {
	if err := noQuery(c); err != nil {
		return err
	}
	_, doc, stored, err := ingest.CurrentMapping(c.Request.Context(), s.store)
	if err != nil {
		return err
	}
	return s.writeMapping(c, doc, stored)
}

func (s *Server) writeMapping(c *gin.Context, doc []byte, stored bool) error {
	c.Header(etagKey, ingest.MappingETag(doc))
	c.Header(mappingSource, map[bool]string{true: "stored", false: "shipped"}[stored])
	if c.Request.Method == http.MethodGet {
		if done, err := notModified(c); done || err != nil {
			return err
		}
	}
	writeJSON(c, http.StatusOK, "application/json", json.RawMessage(doc))
	return nil
}

// putEventMapping godoc
//
//	@Summary		Replace the event mapping
//	@ID				replaceEventMapping
//	@Description	Replaces the event mapping whole (the format GET answers). It is checked whole, every problem at its JSON path ($.cameo[3].type): codes well formed (CAMEO 2-4 digits, PLOVER TYPE or TYPE:mode) and listed once, types in the registry (or "" to leave a code unmapped), a reason for every rule, no code mapped across the cooperation-conflict divide (a CAMEO quad class 1-2 code to a conflictual type, or the reverse), PLOVER scores in [-10, 10] and quads 1-4. Stored durably beside the graph (the graph's version does not change); the next POST /events and detente ingest use it. Existing derived ties are not re-derived. With If-Match the write applies only while the mapping in use has that entity tag (else 412). Needs an admin key when the server has keys.
//	@Tags			relationship-types
//	@Accept			json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			If-Match	header		string			false	"Entity tag from a previous read"
//	@Param			mapping		body		EventMapping	true	"The whole mapping"
//	@Success		200			{object}	EventMapping
//	@Header			200			{string}	ETag					"Entity tag of the stored mapping"
//	@Header			200			{string}	Detente-Event-Mapping-Source	"stored"
//	@Failure		400			{object}	Problem					"Malformed JSON or an invalid mapping (every problem with its path); nothing was stored"
//	@Failure		412			{object}	Problem					"If-Match does not match"
//	@Failure		413			{object}	Problem					"Body over 4 MiB"
//	@Failure		415			{object}	Problem					"Content-Type is not application/json"
//	@Failure		401			{object}	Problem					"Missing or invalid API key (when keys are configured)"
//	@Header			401			{string}	WWW-Authenticate		"The authentication challenge: Bearer"
//	@Failure		403			{object}	Problem					"The API key lacks the admin scope"
//	@Failure		500			{object}	Problem					"Internal error (a bug)"
//	@Failure		503			{object}	Problem					"Store unavailable"
//	@Header			503			{integer}	Retry-After				"Seconds to wait (5)"
//	@Failure		507			{object}	Problem					"The store's disk is full; nothing was written"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/event-mapping [put]
func (s *Server) putEventMapping(c *gin.Context) error {
	if err := noQuery(c); err != nil {
		return err
	}
	body, err := readBody(c, bodyOptions{limit: min(s.cfg.MaxBodyBytes, graph.MaxEventMappingBytes)})
	if err != nil {
		return err
	}
	if _, err := parseJSON(body); err != nil { // malformed JSON, as every body's
		return err
	}
	ctx := c.Request.Context()
	// A bad mapping is a 400 whatever If-Match says, as every body is
	// checked before the precondition; ReplaceMapping checks it again
	// against the registry it stores under.
	reg, err := s.store.RelationshipTypes(ctx)
	if err != nil {
		return err
	}
	if _, _, errs := ingest.ParseMapping(body, reg); len(errs) > 0 {
		return graph.Invalid("invalid event mapping", errs...)
	}
	tag, err := ifMatch(c, func() (any, error) { return currentDoc(ctx, s.store) })
	if err != nil {
		return err
	}
	doc, err := ingest.ReplaceMapping(ctx, s.store, body, tag)
	if err != nil {
		return err
	}
	return s.writeMapping(c, doc, true)
}

// deleteEventMapping godoc
//
//	@Summary		Go back to the shipped event mapping
//	@ID				resetEventMapping
//	@Description	Removes the stored event mapping: the next ingest uses the one shipped with detente. With If-Match it applies only while the mapping in use has that entity tag (else 412). Needs an admin key when the server has keys.
//	@Tags			relationship-types
//	@Produce		application/problem+json
//	@Param			If-Match	header	string	false	"Entity tag from a previous read"
//	@Success		204			"Removed (or none was stored)"
//	@Failure		400			{object}	Problem				"A query parameter given"
//	@Failure		412			{object}	Problem				"If-Match does not match"
//	@Failure		401			{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401			{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		403			{object}	Problem				"The API key lacks the admin scope"
//	@Failure		500			{object}	Problem				"Internal error (a bug)"
//	@Failure		503			{object}	Problem				"Store unavailable"
//	@Header			503			{integer}	Retry-After			"Seconds to wait (5)"
//	@Failure		507			{object}	Problem				"The store's disk is full; nothing was written"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/event-mapping [delete]
func (s *Server) deleteEventMapping(c *gin.Context) error {
	if err := noQuery(c); err != nil {
		return err
	}
	ctx := c.Request.Context()
	tag, err := ifMatch(c, func() (any, error) { return currentDoc(ctx, s.store) })
	if err != nil {
		return err
	}
	if err := ingest.ResetMapping(ctx, s.store, tag); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}

// currentDoc is the mapping in use as the value its tag hashes.
func currentDoc(ctx context.Context, s *graph.Store) (json.RawMessage, error) {
	_, doc, _, err := ingest.CurrentMapping(ctx, s)
	return json.RawMessage(doc), err
}

// eventCodes lists, by type, the codes the mapping in use maps to it.
func eventCodes(ctx context.Context, s *graph.Store) (map[string]*EventCodes, error) {
	m, _, _, err := ingest.CurrentMapping(ctx, s)
	if err != nil {
		return nil, err
	}
	out := map[string]*EventCodes{}
	for _, t := range []struct {
		table string
		dst   func(*EventCodes) *[]string
	}{
		{"cameo", func(e *EventCodes) *[]string { return &e.CAMEO }},
		{"plover", func(e *EventCodes) *[]string { return &e.PLOVER }},
		{"acled", func(e *EventCodes) *[]string { return &e.ACLED }},
	} {
		for _, r := range m.Rules(t.table) {
			if r.Type == "" {
				continue
			}
			if out[r.Type] == nil {
				out[r.Type] = &EventCodes{}
			}
			list := t.dst(out[r.Type])
			*list = append(*list, r.Code)
		}
	}
	return out, nil
}
