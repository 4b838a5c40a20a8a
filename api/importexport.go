package api

import (
	"errors"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
)

// importBatch godoc
//
//	@Summary		Import a batch
//	@ID				importBatch
//	@Description	Upserts relationship types, actors and relationships by id, all or nothing. Records get the defaults of the create endpoints (actor id from the name; relationship id derived, weight from the type, confidence 1); timestamps in the batch are kept, so an export restores exactly. Relationships may reference actors in the batch or already stored, and types in the batch or registered. Every problem comes back at once, each with its JSON path ($.relationships[3].weight), and then nothing is written. With dry_run=true the batch is validated and counted but not written. A batch that would add or change relationship types needs an admin key (types already registered as given are fine with a write key). Bodies over 64 MiB are rejected with 413. The request has the server's --import-timeout (default 10m), not --query-timeout. On Neo4j a batch of more than 20000 records is written in several transactions: it is still validated in full first and undone if it fails, but while it is written other writes get 503 and reads see its progress (README, "Large imports on Neo4j").
//	@Tags			import-export
//	@Accept			json
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			dry_run	query		bool	false	"Validate and count only; write nothing"	default(false)
//	@Param			batch	body		Batch	true	"The records"
//	@Success		200		{object}	ImportResult
//	@Failure		400		{object}	Problem				"Malformed JSON or invalid records; nothing was written"
//	@Failure		413		{object}	Problem				"Body over 64 MiB"
//	@Failure		415		{object}	Problem				"Content-Type is not application/json"
//	@Failure		401		{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401		{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		403		{object}	Problem				"The API key lacks the write scope, or the batch adds or changes relationship types (not a dry run) and the key is not admin"
//	@Failure		500		{object}	Problem				"Internal error (a bug)"
//	@Failure		503		{object}	Problem				"Store unavailable, or another large import in progress"
//	@Header			503		{integer}	Retry-After			"Seconds to wait (5)"
//	@Failure		507		{object}	Problem				"The store's disk is full; nothing was written"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/import [post]
func (s *Server) importBatch(c *gin.Context) error {
	q := parseQuery(c, "dry_run")
	dry := q.bool("dry_run", false)
	if err := q.err(); err != nil {
		return err
	}
	body, err := readBody(c, bodyOptions{limit: s.cfg.MaxImportBytes})
	if err != nil {
		return err
	}
	in, missing, shape, err := decodeBatchJSON(body)
	if err == nil && len(shape) > 0 {
		err = invalidBody(shape)
	}
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	reg, err := s.store.RelationshipTypes(ctx)
	if err != nil {
		return err
	}
	p := problems{errs: missing}
	b := batchToDomain(in, reg, &p)
	if len(p.errs) > 0 {
		// Checks of the whole batch (duplicate ids, missing endpoints,
		// redefined built-in types) are the store's: a dry run collects
		// them so that every problem is reported in one response.
		if _, err := s.store.Import(ctx, b, true); graph.ErrorCode(err) == graph.EINVALID {
			var de *graph.Error
			if errors.As(err, &de) {
				p.merge(de.Fields)
			}
		}
		return newHTTPError(http.StatusBadRequest, ProblemValidation, "the batch has invalid records; nothing was written", p.errs...)
	}
	// Registry changes need admin (see scopes.go); a batch that only
	// repeats registered types, as an export does, needs write.
	if len(b.RelationshipTypes) > 0 && !dry && s.requestScope(c) < ScopeAdmin {
		res, err := s.store.Import(ctx, b, true)
		if err != nil {
			return err
		}
		if res.RelationshipTypes.Created+res.RelationshipTypes.Updated > 0 && !s.allow(c, ScopeAdmin) {
			return nil
		}
	}
	res, err := s.store.Import(ctx, b, dry)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, "application/json", importResultFromDomain(res))
	return nil
}

// exportBatch godoc
//
//	@Summary		Export the graph
//	@ID				exportBatch
//	@Description	The whole graph in the import format, ordered by id: user-defined relationship types, actors, relationships, with their timestamps. POST it to /api/v1/import on an empty store and the next export is identical.
//	@Tags			import-export
//	@Produce		json
//	@Produce		application/problem+json
//	@Param			scenario	query		string		false	"Answer on this what-if scenario's graph (the graph with its changes applied) instead of the graph itself"
//	@Success		200	{object}	Batch
//	@Failure		400	{object}	Problem				"A query parameter given"
//	@Failure		401	{object}	Problem				"Missing or invalid API key (when keys are configured)"
//	@Header			401	{string}	WWW-Authenticate	"The authentication challenge: Bearer"
//	@Failure		500	{object}	Problem				"Internal error (a bug)"
//	@Failure		503	{object}	Problem				"Store unavailable"
//	@Header			503	{integer}	Retry-After			"Seconds to wait (5)"
//	@Security		ApiKeyAuth
//	@Security		BearerAuth
//	@Router			/api/v1/export [get]
func (s *Server) exportBatch(c *gin.Context) error {
	if err := noQuery(c); err != nil {
		return err
	}
	b, release, err := s.sharedExport(c)
	if err != nil {
		return err
	}
	defer release()
	return s.stream(c, "application/json", func(w io.Writer) error { return writeBatch(w, b) })
}
