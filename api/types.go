package api

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
)

// listTypes godoc
//
//	@Summary		List relationship types
//	@ID				listRelationshipTypes
//	@Description	The registry: the built-in types (see RELATIONSHIP_TYPES.md; mapped to CAMEO/Goldstein and PLOVER) and those users added, ordered by name. Each type lists under event_codes the event codes that the event mapping in use (GET /event-mapping) maps to it.
//	@Tags			relationship-types
//	@Produce		json
//	@Produce		application/problem+json
//	@Success		200	{object}	RelationshipTypeList
//	@Failure		400	{object}	Problem				"A query parameter given"
//	@Failure		401	{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401	{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		500	{object}	Problem				"Internal error (a bug)"
//	@Failure		503	{object}	Problem				"Store unavailable"
//	@Header			503	{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/relationship-types [get]
func (s *Server) listTypes(c *gin.Context) error {
	if err := noQuery(c); err != nil {
		return err
	}
	reg, err := s.store.RelationshipTypes(c.Request.Context())
	if err != nil {
		return err
	}
	codes, err := eventCodes(c.Request.Context(), s.store)
	if err != nil {
		return err
	}
	types := reg.Types()
	out := RelationshipTypeList{Items: make([]RelationshipType, len(types))}
	for i, t := range types {
		out.Items[i] = typeFromDomain(t)
		out.Items[i].EventCodes = codes[t.Name]
	}
	writeJSON(c, http.StatusOK, "application/json", out)
	return nil
}

// getType godoc
//
//	@Summary	Get a relationship type
//	@Description	One relationship type of the registry, with its ETag.
//	@ID			getRelationshipType
//	@Tags		relationship-types
//	@Produce	json
//	@Produce	application/problem+json
//	@Param		name	path		string	true	"Type name"	maxlength(63)	example(sanctions)
//	@Param			If-None-Match	header	string	false	"Entity tag from a previous read: 304 when it still matches"
//	@Success	200		{object}	RelationshipType
//	@Success		304	"Not modified: the If-None-Match tag is current"
//	@Header		200		{string}	ETag				"Entity tag"
//	@Failure	400		{object}	Problem				"Not a type name, or a query parameter given"
//	@Failure	404		{object}	Problem				"No such type"
//	@Failure	401		{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header		401		{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure	500		{object}	Problem				"Internal error (a bug)"
//	@Failure	503		{object}	Problem				"Store unavailable"
//	@Header		503		{integer}	Retry-After			"Seconds to wait (5)"
//	@Security	ApiKeyAuth
//	@Security	BearerAuth
//	@Router		/api/v1/relationship-types/{name} [get]
func (s *Server) getType(c *gin.Context) error {
	name := c.Param("name")
	if !graph.ValidTypeName(name) {
		return paramError(graph.FieldError{Path: "name", Message: "must be a type name: snake_case, starting with a letter, at most 63 characters"})
	}
	if err := noQuery(c); err != nil {
		return err
	}
	reg, err := s.store.RelationshipTypes(c.Request.Context())
	if err != nil {
		return err
	}
	t, ok := reg.Get(name)
	if !ok {
		return graph.Errorf(graph.ENOTFOUND, "relationship type %s not found", name)
	}
	setETag(c, t)
	if done, err := notModified(c); done || err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, "application/json", typeFromDomain(t))
	return nil
}

// createType godoc
//
//	@Summary		Add a relationship type
//	@ID				createRelationshipType
//	@Description	Adds a user-defined type to the registry. Names are snake_case; built-in names cannot be redefined. Needs an admin key when the server has keys: a type changes how every path and ranking is signed and weighted.
//	@Tags			relationship-types
//	@Accept			json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			type	body		RelationshipTypeCreate	true	"The type"
//	@Success		201		{object}	RelationshipType
//	@Header			201		{string}	Location			"/api/v1/relationship-types/{name}"
//	@Header			201		{string}	ETag				"Entity tag of the new type"
//	@Failure		400		{object}	Problem				"Malformed JSON or invalid fields"
//	@Failure		409		{object}	Problem				"The name is taken"
//	@Failure		413		{object}	Problem				"Body over 8 MiB"
//	@Failure		415		{object}	Problem				"Content-Type is not application/json"
//	@Failure		401		{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401		{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		403		{object}	Problem				"The API key lacks the admin scope"
//	@Failure		500		{object}	Problem				"Internal error (a bug)"
//	@Failure		503		{object}	Problem				"Store unavailable"
//	@Header			503		{integer}	Retry-After			"Seconds to wait (5)"
//	@Failure		507		{object}	Problem				"The store's disk is full; nothing was written"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/relationship-types [post]
func (s *Server) createType(c *gin.Context) error {
	if err := noQuery(c); err != nil {
		return err
	}
	var in RelationshipTypeCreate
	_, missing, err := decodeBody(c, &in, bodyOptions{limit: s.cfg.MaxBodyBytes})
	if err != nil {
		return err
	}
	p := problems{errs: missing}
	t := typeToDomain(in, &p)
	if len(p.errs) > 0 {
		return invalidBody(p.errs)
	}
	t, err = s.store.CreateRelationshipType(c.Request.Context(), t)
	if err != nil {
		return err
	}
	c.Header("Location", APIPrefix+"/relationship-types/"+url.PathEscape(t.Name))
	setETag(c, t)
	writeJSON(c, http.StatusCreated, "application/json", typeFromDomain(t))
	return nil
}
