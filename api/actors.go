package api

import (
	"errors"
	"net/http"
	"net/url"
	"slices"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
)

// pathID reads an id path parameter; a value that cannot be an id is a
// bad request rather than a miss.
func pathID(c *gin.Context, name string) (string, error) {
	id := c.Param(name)
	if !graph.ValidID(id) {
		return "", paramError(graph.FieldError{Path: name, Message: "must be an id: 1-128 characters of a-z, 0-9, '-' or '_', starting with a letter or digit"})
	}
	return id, nil
}

// noQuery rejects any query parameter on routes that take none.
func noQuery(c *gin.Context) error { return parseQuery(c).err() }

// listActors godoc
//
//	@Summary		List actors
//	@ID				listActors
//	@Description	Actors ordered by id, a page at a time: pass next_cursor back as cursor until it is absent. Unknown parameters and invalid values are rejected with 400.
//	@Tags			actors
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			kind	query		string	false	"Only actors of this kind"								Enums(state, igo, armed_group, political_group, person, company, other)
//	@Param			tag		query		string	false	"Only actors carrying this tag"							maxlength(200)	example(jcpoa)
//	@Param			q		query		string	false	"Case-insensitive substring of the name or of an alias"	maxlength(200)	example(iran)
//	@Param			limit	query		int		false	"Page size"												minimum(1)		maximum(1000)	default(50)
//	@Param			cursor	query		string	false	"next_cursor from the previous page"
//	@Param			scenario	query		string		false	"Answer on this what-if scenario's graph (the graph with its changes applied) instead of the graph itself"
//	@Success		200		{object}	ActorList
//	@Failure		400		{object}	Problem				"Invalid or unknown query parameter"
//	@Failure		401		{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401		{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		500		{object}	Problem				"Internal error (a bug)"
//	@Failure		503		{object}	Problem				"Store unavailable"
//	@Header			503		{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/actors [get]
func (s *Server) listActors(c *gin.Context) error {
	q := parseQuery(c, "kind", "tag", "q", "limit", "cursor")
	f := graph.ActorFilter{
		Kind:   graph.ActorKind(q.enum("kind", graph.ActorKinds())),
		Tag:    q.text("tag", graph.MaxNameLen),
		Q:      q.text("q", graph.MaxNameLen),
		Limit:  q.limit(),
		Cursor: q.cursor(),
	}
	var de *graph.Error
	if err := f.Validate(); errors.As(err, &de) { // q and tag: valid UTF-8
		for _, fe := range de.Fields {
			if !slices.ContainsFunc(q.errs, func(e graph.FieldError) bool { return e.Path == fe.Path }) {
				q.errs = append(q.errs, fe)
			}
		}
	}
	if err := q.err(); err != nil {
		return err
	}
	page, err := s.storeOf(c).ListActors(c.Request.Context(), f)
	if err != nil {
		return invalidParam(err)
	}
	out := ActorList{Items: make([]Actor, len(page.Items)), NextCursor: page.NextCursor}
	for i, a := range page.Items {
		out.Items[i] = actorFromDomain(a)
	}
	writeJSON(c, http.StatusOK, "application/json", out)
	return nil
}

// createActor godoc
//
//	@Summary		Create an actor
//	@ID				createActor
//	@Description	Creates an actor. The id may be given (a slug) or is derived from the name ("Kata'ib Hezbollah" -> "kataib-hezbollah"). Every invalid field is reported at once with its JSON path; unknown fields, trailing data and bodies over 8 MiB are rejected.
//	@Tags			actors
//	@Accept			json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			actor	body		ActorCreate	true	"The actor"
//	@Success		201		{object}	Actor
//	@Header			201		{string}	Location			"/api/v1/actors/{id}"
//	@Header			201		{string}	ETag				"Entity tag of the new actor"
//	@Failure		400		{object}	Problem				"Malformed JSON or invalid fields"
//	@Failure		409		{object}	Problem				"The id is taken"
//	@Failure		413		{object}	Problem				"Body over 8 MiB"
//	@Failure		415		{object}	Problem				"Content-Type is not application/json"
//	@Failure		401		{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401		{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		403		{object}	Problem				"The API key lacks the write scope"
//	@Failure		500		{object}	Problem				"Internal error (a bug)"
//	@Failure		503		{object}	Problem				"Store unavailable"
//	@Header			503		{integer}	Retry-After			"Seconds to wait (5)"
//	@Failure		507		{object}	Problem				"The store's disk is full; nothing was written"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/actors [post]
func (s *Server) createActor(c *gin.Context) error {
	if err := noQuery(c); err != nil {
		return err
	}
	var in ActorCreate
	_, missing, err := decodeBody(c, &in, bodyOptions{limit: s.cfg.MaxBodyBytes})
	if err != nil {
		return err
	}
	p := problems{errs: missing}
	a := actorToDomain(in, &p)
	if len(p.errs) > 0 {
		return invalidBody(p.errs)
	}
	a, err = s.store.CreateActor(c.Request.Context(), a)
	if err != nil {
		return err
	}
	c.Header("Location", APIPrefix+"/actors/"+url.PathEscape(a.ID))
	setETag(c, a)
	writeJSON(c, http.StatusCreated, "application/json", actorFromDomain(a))
	return nil
}

// getActor godoc
//
//	@Summary	Get an actor
//	@Description	One actor, with its ETag (for If-Match on PATCH and DELETE, and If-None-Match on GET).
//	@ID			getActor
//	@Tags		actors
//	@Produce	json
//	@Produce	application/problem+json
//	@Param		id	path		string	true	"Actor id"	maxlength(128)	example(iran)
//	@Param			scenario	query		string		false	"Answer on this what-if scenario's graph (the graph with its changes applied) instead of the graph itself"
//	@Param			If-None-Match	header	string	false	"Entity tag from a previous read: 304 when it still matches"
//	@Success	200	{object}	Actor
//	@Success		304	"Not modified: the If-None-Match tag is current"
//	@Header		200	{string}	ETag				"Entity tag, for If-Match on PATCH and DELETE"
//	@Failure	400	{object}	Problem				"Not an id, or a query parameter given"
//	@Failure	404	{object}	Problem				"No such actor"
//	@Failure	401	{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header		401	{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure	500	{object}	Problem				"Internal error (a bug)"
//	@Failure	503	{object}	Problem				"Store unavailable"
//	@Header		503	{integer}	Retry-After			"Seconds to wait (5)"
//	@Security	ApiKeyAuth
//	@Security	BearerAuth
//	@Router		/api/v1/actors/{id} [get]
func (s *Server) getActor(c *gin.Context) error {
	id, err := pathID(c, "id")
	if err == nil {
		err = noQuery(c)
	}
	if err != nil {
		return err
	}
	a, err := s.storeOf(c).GetActor(c.Request.Context(), id)
	if err != nil {
		return err
	}
	setETag(c, a)
	if done, err := notModified(c); done || err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, "application/json", actorFromDomain(a))
	return nil
}

// maxMergeRetries bounds the read-merge-write loop of a PATCH that merges
// attributes without an If-Match: a concurrent write in between makes
// the store answer EPRECONDITION, and the merge is redone on fresh data.
const maxMergeRetries = 3

// updateActor godoc
//
//	@Summary		Update an actor
//	@ID				updateActor
//	@Description	A JSON merge patch (RFC 7396): fields left out stay as they are; attributes merge key by key (null removes a key); arrays are replaced whole; null on any other field is rejected. id, created_at and updated_at cannot be changed (400 naming the field). With If-Match the update applies only while the actor still has that entity tag (else 412).
//	@Tags			actors
//	@Accept			json
//	@Accept			application/merge-patch+json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			id			path		string		true	"Actor id"	maxlength(128)	example(iran)
//	@Param			If-Match	header		string		false	"Entity tag from a previous read"
//	@Param			patch		body		ActorPatch	true	"The fields to change"
//	@Success		200			{object}	Actor
//	@Header			200			{string}	ETag				"Entity tag of the updated actor"
//	@Failure		400			{object}	Problem				"Malformed JSON, invalid or immutable fields"
//	@Failure		404			{object}	Problem				"No such actor"
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
//	@Router			/api/v1/actors/{id} [patch]
func (s *Server) updateActor(c *gin.Context) error {
	id, err := pathID(c, "id")
	if err == nil {
		err = noQuery(c)
	}
	if err != nil {
		return err
	}
	var in ActorPatch
	obj, soft, err := decodeBody(c, &in, bodyOptions{
		limit:      s.cfg.MaxBodyBytes,
		mediaTypes: []string{"application/json", "application/merge-patch+json"},
		immutable: map[string]string{
			"id":         "cannot be changed: an actor's id is permanent; create a new actor instead",
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
	var cur *graph.Actor
	current := func() (any, error) {
		a, err := s.store.GetActor(ctx, id)
		cur = &a
		return a, err
	}
	tag, err := ifMatch(c, current)
	if err != nil {
		return err
	}
	p := graph.ActorPatch{
		Name: in.Name, Kind: (*graph.ActorKind)(in.Kind), Aliases: in.Aliases, CountryCode: in.CountryCode,
		Region: in.Region, Tags: in.Tags, Description: in.Description,
	}
	// RFC 7396: null removes an optional field's value.
	empty, none := "", []string{}
	for field, set := range map[string]func(){
		"aliases": func() { p.Aliases = &none }, "tags": func() { p.Tags = &none },
		"country_code": func() { p.CountryCode = &empty }, "region": func() { p.Region = &empty },
		"description": func() { p.Description = &empty },
	} {
		if obj.isNull(field) {
			set()
		}
	}
	var a graph.Actor
	for attempt := 0; ; attempt++ {
		if obj.has("attributes") {
			// Merging needs the current attributes; the write is made
			// conditional on the version merged into.
			if cur == nil || attempt > 0 {
				if _, err := current(); err != nil {
					return err
				}
			}
			if !tag.IsZero() && graph.RevisionOf(*cur) != tag {
				return graph.Errorf(graph.EPRECONDITION, "the actor has changed since the If-Match entity tag")
			}
			merged := mergeAttributes(cur.Attributes, in.Attributes)
			p.Attributes = &merged
		}
		want := tag
		if want.IsZero() && obj.has("attributes") {
			want = graph.RevisionOf(*cur)
		}
		a, err = s.store.UpdateActor(ctx, id, p, want)
		if err != nil && graph.ErrorCode(err) == graph.EPRECONDITION && tag.IsZero() && !want.IsZero() && attempt+1 < maxMergeRetries {
			continue // someone wrote in between; merge again
		}
		break
	}
	if err != nil {
		return err
	}
	setETag(c, a)
	writeJSON(c, http.StatusOK, "application/json", actorFromDomain(a))
	return nil
}

// deleteActor godoc
//
//	@Summary		Delete an actor
//	@ID				deleteActor
//	@Description	Deletes an actor. An actor with relationships is deleted only with cascade=true, which deletes them too; otherwise 409. With If-Match the delete applies only while the actor still has that entity tag (else 412).
//	@Tags			actors
//	@Produce		application/problem+json
//	@Param			id			path	string	true	"Actor id"								maxlength(128)	example(iran)
//	@Param			cascade		query	bool	false	"Also delete the actor's relationships"	default(false)
//	@Param			If-Match	header	string	false	"Entity tag from a previous read"
//	@Success		204			"Deleted"
//	@Failure		400			{object}	Problem				"Not an id, or a bad query parameter"
//	@Failure		404			{object}	Problem				"No such actor"
//	@Failure		409			{object}	Problem				"The actor has relationships and cascade is not true"
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
//	@Router			/api/v1/actors/{id} [delete]
func (s *Server) deleteActor(c *gin.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	q := parseQuery(c, "cascade")
	cascade := q.bool("cascade", false)
	if err := q.err(); err != nil {
		return err
	}
	ctx := c.Request.Context()
	tag, err := ifMatch(c, func() (any, error) { return s.store.GetActor(ctx, id) })
	if err != nil {
		return err
	}
	if err := s.store.DeleteActor(ctx, id, cascade, tag); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}
