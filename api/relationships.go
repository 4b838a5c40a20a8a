package api

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
)

// listRelationships godoc
//
//	@Summary		List relationships
//	@ID				listRelationships
//	@Description	Relationships ordered by id, a page at a time: pass next_cursor back as cursor until it is absent. type takes a comma-separated list of registered type names; an unregistered one is a 400 that lists the registered names.
//	@Tags			relationships
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			source	query		string		false	"Only relationships from this actor"				maxlength(128)	example(united-states)
//	@Param			target	query		string		false	"Only relationships to this actor"					maxlength(128)	example(iran)
//	@Param			actor	query		string		false	"Only relationships with this actor at either end"	maxlength(128)
//	@Param			type	query		[]string	false	"Only these relationship types (comma-separated)"	collectionFormat(csv)	example(sanctions)
//	@Param			as_of	query		string		false	"Only relationships valid on this day (YYYY-MM-DD)"	format(date)			example(2019-01-01)
//	@Param			limit	query		int			false	"Page size"											minimum(1)				maximum(1000)	default(50)
//	@Param			cursor	query		string		false	"next_cursor from the previous page"
//	@Param			scenario	query		string		false	"Answer on this what-if scenario's graph (the graph with its changes applied) instead of the graph itself"
//	@Success		200		{object}	RelationshipList
//	@Failure		400		{object}	Problem				"Invalid or unknown query parameter"
//	@Failure		401		{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401		{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		500		{object}	Problem				"Internal error (a bug)"
//	@Failure		503		{object}	Problem				"Store unavailable"
//	@Header			503		{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/relationships [get]
func (s *Server) listRelationships(c *gin.Context) error {
	q := parseQuery(c, "source", "target", "actor", "type", "as_of", "limit", "cursor")
	f := graph.RelationshipFilter{
		Source: q.id("source"),
		Target: q.id("target"),
		Actor:  q.id("actor"),
		Types:  q.list("type"),
		AsOf:   q.date("as_of"),
		Limit:  q.limit(),
		Cursor: q.cursor(),
	}
	ctx := c.Request.Context()
	if len(f.Types) > 0 {
		reg, err := s.storeOf(c).RelationshipTypes(ctx)
		if err != nil {
			return err
		}
		for _, t := range f.Types {
			if _, ok := reg.Get(t); !ok {
				q.errs.add("type", "unknown relationship type %s; registered: %s", graph.Quote(t), strings.Join(reg.Names(), ", "))
			}
		}
	}
	if err := q.err(); err != nil {
		return err
	}
	page, err := s.storeOf(c).ListRelationships(ctx, f)
	if err != nil {
		return invalidParam(err)
	}
	out := RelationshipList{Items: make([]Relationship, len(page.Items)), NextCursor: page.NextCursor}
	for i, r := range page.Items {
		out.Items[i] = relationshipFromDomain(r)
	}
	writeJSON(c, http.StatusOK, "application/json", out)
	return nil
}

// createRelationship godoc
//
//	@Summary		Create a relationship
//	@ID				createRelationship
//	@Description	Creates a relationship between two existing actors. weight defaults to the type's default_weight, confidence to 1 (asserted), id to source--type--target[--valid_from]. Every invalid field is reported at once with its JSON path, including an unregistered type and a missing endpoint actor.
//	@Tags			relationships
//	@Accept			json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			relationship	body		RelationshipCreate	true	"The relationship"
//	@Success		201				{object}	Relationship
//	@Header			201				{string}	Location			"/api/v1/relationships/{id}"
//	@Header			201				{string}	ETag				"Entity tag of the new relationship"
//	@Failure		400				{object}	Problem				"Malformed JSON or invalid fields"
//	@Failure		409				{object}	Problem				"The id is taken"
//	@Failure		413				{object}	Problem				"Body over 8 MiB"
//	@Failure		415				{object}	Problem				"Content-Type is not application/json"
//	@Failure		401				{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401				{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		403				{object}	Problem				"The API key lacks the write scope"
//	@Failure		500				{object}	Problem				"Internal error (a bug)"
//	@Failure		503				{object}	Problem				"Store unavailable"
//	@Header			503				{integer}	Retry-After			"Seconds to wait (5)"
//	@Failure		507				{object}	Problem				"The store's disk is full; nothing was written"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/relationships [post]
func (s *Server) createRelationship(c *gin.Context) error {
	if err := noQuery(c); err != nil {
		return err
	}
	var in RelationshipCreate
	_, missing, err := decodeBody(c, &in, bodyOptions{limit: s.cfg.MaxBodyBytes})
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	reg, err := s.store.RelationshipTypes(ctx)
	if err != nil {
		return err
	}
	p := problems{errs: missing}
	r := relationshipToDomain(in, reg, &p)
	if len(p.errs) > 0 {
		// The store would report missing endpoints only once the rest is
		// valid; look them up now so that every problem comes back at once.
		for _, end := range []struct{ path, id string }{{"$.source", r.Source}, {"$.target", r.Target}} {
			if !graph.ValidID(end.id) {
				continue
			}
			if _, err := s.store.GetActor(ctx, end.id); graph.ErrorCode(err) == graph.ENOTFOUND {
				p.merge([]graph.FieldError{{Path: end.path, Message: "actor " + end.id + " does not exist"}})
			}
		}
		return invalidBody(p.errs)
	}
	r, err = s.store.CreateRelationship(ctx, r)
	if err != nil {
		return err
	}
	c.Header("Location", APIPrefix+"/relationships/"+url.PathEscape(r.ID))
	setETag(c, r)
	writeJSON(c, http.StatusCreated, "application/json", relationshipFromDomain(r))
	return nil
}

// getRelationship godoc
//
//	@Summary	Get a relationship
//	@Description	One relationship with its sources, dates, weight and confidence, and its ETag.
//	@ID			getRelationship
//	@Tags		relationships
//	@Produce	json
//	@Produce	application/problem+json
//	@Param		id	path		string	true	"Relationship id"	maxlength(128)
//	@Param			scenario	query		string		false	"Answer on this what-if scenario's graph (the graph with its changes applied) instead of the graph itself"
//	@Param			If-None-Match	header	string	false	"Entity tag from a previous read: 304 when it still matches"
//	@Success	200	{object}	Relationship
//	@Success		304	"Not modified: the If-None-Match tag is current"
//	@Header		200	{string}	ETag				"Entity tag, for If-Match on PATCH and DELETE"
//	@Failure	400	{object}	Problem				"Not an id, or a query parameter given"
//	@Failure	404	{object}	Problem				"No such relationship"
//	@Failure	401	{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header		401	{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure	500	{object}	Problem				"Internal error (a bug)"
//	@Failure	503	{object}	Problem				"Store unavailable"
//	@Header		503	{integer}	Retry-After			"Seconds to wait (5)"
//	@Security	ApiKeyAuth
//	@Security	BearerAuth
//	@Router		/api/v1/relationships/{id} [get]
func (s *Server) getRelationship(c *gin.Context) error {
	id, err := pathID(c, "id")
	if err == nil {
		err = noQuery(c)
	}
	if err != nil {
		return err
	}
	r, err := s.storeOf(c).GetRelationship(c.Request.Context(), id)
	if err != nil {
		return err
	}
	setETag(c, r)
	if done, err := notModified(c); done || err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, "application/json", relationshipFromDomain(r))
	return nil
}

// updateRelationship godoc
//
//	@Summary		Update a relationship
//	@ID				updateRelationship
//	@Description	A JSON merge patch (RFC 7396) of weight, confidence, valid_from, valid_to, sources and note: fields left out stay as they are; valid_from or valid_to set to null opens that end; null on any other field is rejected. id, source, target, type, created_at and updated_at cannot be changed (400 naming the field): a different tie is a different relationship. With If-Match the update applies only while the relationship still has that entity tag (else 412).
//	@Tags			relationships
//	@Accept			json
//	@Accept			application/merge-patch+json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			id			path		string				true	"Relationship id"	maxlength(128)
//	@Param			If-Match	header		string				false	"Entity tag from a previous read"
//	@Param			patch		body		RelationshipPatch	true	"The fields to change"
//	@Success		200			{object}	Relationship
//	@Header			200			{string}	ETag				"Entity tag of the updated relationship"
//	@Failure		400			{object}	Problem				"Malformed JSON, invalid or immutable fields"
//	@Failure		404			{object}	Problem				"No such relationship"
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
//	@Router			/api/v1/relationships/{id} [patch]
func (s *Server) updateRelationship(c *gin.Context) error {
	id, err := pathID(c, "id")
	if err == nil {
		err = noQuery(c)
	}
	if err != nil {
		return err
	}
	fixed := "cannot be changed: a different tie is a different relationship; delete this one and create another"
	var in RelationshipPatch
	obj, soft, err := decodeBody(c, &in, bodyOptions{
		limit:      s.cfg.MaxBodyBytes,
		mediaTypes: []string{"application/json", "application/merge-patch+json"},
		immutable: map[string]string{
			"id":         "cannot be changed: a relationship's id is permanent",
			"source":     fixed,
			"target":     fixed,
			"type":       fixed,
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
	p := graph.RelationshipPatch{
		Weight:         in.Weight,
		Confidence:     in.Confidence,
		ValidFrom:      parseDate(in.ValidFrom),
		ValidTo:        parseDate(in.ValidTo),
		ClearValidFrom: obj.isNull("valid_from"),
		ClearValidTo:   obj.isNull("valid_to"),
		Note:           in.Note,
	}
	if in.Sources != nil {
		cs := citationsToDomain(*in.Sources)
		p.Sources = &cs
	}
	// RFC 7396: null removes the note, or every citation.
	if obj.isNull("note") {
		p.Note = new(string)
	}
	if obj.isNull("sources") {
		p.Sources = &[]graph.Citation{}
	}
	ctx := c.Request.Context()
	tag, err := ifMatch(c, func() (any, error) { return s.store.GetRelationship(ctx, id) })
	if err != nil {
		return err
	}
	r, err := s.store.UpdateRelationship(ctx, id, p, tag)
	if err != nil {
		return err
	}
	setETag(c, r)
	writeJSON(c, http.StatusOK, "application/json", relationshipFromDomain(r))
	return nil
}

// deleteRelationship godoc
//
//	@Summary		Delete a relationship
//	@ID				deleteRelationship
//	@Description	With If-Match the delete applies only while the relationship still has that entity tag (else 412).
//	@Tags			relationships
//	@Produce		application/problem+json
//	@Param			id			path	string	true	"Relationship id"	maxlength(128)
//	@Param			If-Match	header	string	false	"Entity tag from a previous read"
//	@Success		204			"Deleted"
//	@Failure		400			{object}	Problem				"Not an id, or a query parameter given"
//	@Failure		404			{object}	Problem				"No such relationship"
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
//	@Router			/api/v1/relationships/{id} [delete]
func (s *Server) deleteRelationship(c *gin.Context) error {
	id, err := pathID(c, "id")
	if err == nil {
		err = noQuery(c)
	}
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	tag, err := ifMatch(c, func() (any, error) { return s.store.GetRelationship(ctx, id) })
	if err != nil {
		return err
	}
	if err := s.store.DeleteRelationship(ctx, id, tag); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}
