package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/detente/detente/graph"
)

const (
	getActor    = `MATCH (a:Actor {id: $id}) RETURN properties(a) AS a`
	createActor = `CREATE (a:Actor) SET a = $props RETURN properties(a) AS a`
	updateActor = `MATCH (a:Actor {id: $id}) SET a = $props RETURN properties(a) AS a`
	// actorDegree counts the relationships at an actor, each once.
	actorDegree = `MATCH (a:Actor {id: $id}) RETURN COUNT { (a)--() } AS n`
	deleteActor = `MATCH (a:Actor {id: $id}) DETACH DELETE a`
)

// findActor reads one actor in tx; ok is false when it does not exist.
func findActor(ctx context.Context, tx neo4j.ManagedTransaction, id string) (graph.Actor, bool, error) {
	recs, err := collect(ctx, tx, getActor, map[string]any{"id": id})
	if err != nil || len(recs) == 0 {
		return graph.Actor{}, false, err
	}
	v, _ := recs[0].Get("a")
	a, err := toActor(v)
	return a, err == nil, err
}

// oneActor reads the single actor a query returned.
func oneActor(recs []*neo4j.Record) (graph.Actor, error) {
	if len(recs) != 1 {
		return graph.Actor{}, graph.Internal(errRows(len(recs)))
	}
	v, _ := recs[0].Get("a")
	return toActor(v)
}

// CreateActor stores a new actor.
func (s *Store) CreateActor(ctx context.Context, a graph.Actor) (graph.Actor, error) {
	a.Normalize()
	if errs := graph.ValidateActor(&a, "$"); len(errs) > 0 {
		return graph.Actor{}, graph.Invalid("invalid actor", errs...)
	}
	now := s.now()
	if a.CreatedAt.IsZero() {
		a.CreatedAt = now
	}
	if a.UpdatedAt.IsZero() {
		a.UpdatedAt = now
	}
	props, err := actorProps(&a)
	if err != nil {
		return graph.Actor{}, graph.Internal(err)
	}
	return writeTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (graph.Actor, error) {
		if _, err := lock(ctx, tx); err != nil {
			return graph.Actor{}, err
		}
		if _, ok, err := findActor(ctx, tx, a.ID); err != nil || ok {
			if err == nil {
				err = graph.Errorf(graph.ECONFLICT, "actor %s already exists", a.ID)
			}
			return graph.Actor{}, err
		}
		recs, err := collect(ctx, tx, createActor, map[string]any{"props": props})
		if err != nil {
			return graph.Actor{}, err
		}
		return oneActor(recs)
	})
}

// GetActor returns one actor.
func (s *Store) GetActor(ctx context.Context, id string) (graph.Actor, error) {
	return readTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (graph.Actor, error) {
		a, ok, err := findActor(ctx, tx, id)
		if err == nil && !ok {
			err = notFound("actor", id)
		}
		return a, err
	})
}

// UpdateActor applies a patch. A patch that changes nothing writes nothing.
func (s *Store) UpdateActor(ctx context.Context, id string, p graph.ActorPatch, ifMatch string) (graph.Actor, error) {
	now := s.now()
	return writeTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (graph.Actor, error) {
		if _, err := lock(ctx, tx); err != nil {
			return graph.Actor{}, err
		}
		cur, ok, err := findActor(ctx, tx, id)
		if err != nil {
			return graph.Actor{}, err
		}
		if !ok {
			return graph.Actor{}, notFound("actor", id)
		}
		if err := precondition(ifMatch, cur); err != nil {
			return graph.Actor{}, err
		}
		next := p.Apply(cur)
		next.Normalize()
		if errs := graph.ValidateActor(&next, "$"); len(errs) > 0 {
			return graph.Actor{}, graph.Invalid("invalid actor", errs...)
		}
		if graph.SameActor(next, cur) {
			return graph.Actor{}, unchanged{cur}
		}
		next.UpdatedAt = now
		props, err := actorProps(&next)
		if err != nil {
			return graph.Actor{}, graph.Internal(err)
		}
		recs, err := collect(ctx, tx, updateActor, map[string]any{"id": id, "props": props})
		if err != nil {
			return graph.Actor{}, err
		}
		return oneActor(recs)
	})
}

// DeleteActor removes an actor; its relationships go too only with cascade.
func (s *Store) DeleteActor(ctx context.Context, id string, cascade bool, ifMatch string) error {
	_, err := writeTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		if _, err := lock(ctx, tx); err != nil {
			return struct{}{}, err
		}
		cur, ok, err := findActor(ctx, tx, id)
		if err != nil {
			return struct{}{}, err
		}
		if !ok {
			return struct{}{}, notFound("actor", id)
		}
		if err := precondition(ifMatch, cur); err != nil {
			return struct{}{}, err
		}
		recs, err := collect(ctx, tx, actorDegree, map[string]any{"id": id})
		if err != nil {
			return struct{}{}, err
		}
		if n := count(recs); n > 0 && !cascade {
			return struct{}{}, graph.Errorf(graph.ECONFLICT, "actor %s has %d relationships; delete them first or pass cascade=true", id, n)
		}
		return struct{}{}, exec(ctx, tx, deleteActor, map[string]any{"id": id})
	})
	return err
}

// listActors pages through actors in id order. Kind and tag are filtered
// by Cypher; the name/alias search is filtered here with the very function
// the other stores use (graph.ActorFilter.MatchesActor), because Cypher's
// toLower and Go's strings.ToLower disagree on some scripts and results must
// be identical. With a search the rows stream until the page is full.
const listActors = `MATCH (a:Actor)
WHERE a.id > $after
  AND ($kind = '' OR a.kind = $kind)
  AND ($tag = '' OR $tag IN a.tags)
WITH a ORDER BY a.id
LIMIT $limit
RETURN properties(a) AS a`

// ListActors returns a page of actors ordered by id.
func (s *Store) ListActors(ctx context.Context, f graph.ActorFilter) (graph.Page[graph.Actor], error) {
	if err := f.Validate(); err != nil {
		return graph.Page[graph.Actor]{}, err
	}
	limit, _ := graph.PageLimit(f.Limit)
	after, err := graph.DecodeCursor(f.Cursor)
	if err != nil {
		return graph.Page[graph.Actor]{}, err
	}
	rowLimit := int64(limit + 1)
	if f.Q != "" {
		rowLimit = 1 << 62 // filtered here: read until the page is full
	}
	params := map[string]any{"after": after, "kind": f.Kind, "tag": f.Tag, "limit": rowLimit}
	return readTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (graph.Page[graph.Actor], error) {
		page := graph.Page[graph.Actor]{Items: []graph.Actor{}}
		res, err := tx.Run(ctx, listActors, params)
		if err != nil {
			return page, err
		}
		for res.Next(ctx) {
			v, _ := res.Record().Get("a")
			a, err := toActor(v)
			if err != nil {
				return page, err
			}
			if !f.MatchesActor(&a) {
				continue
			}
			if len(page.Items) == limit {
				page.NextCursor = graph.EncodeCursor(page.Items[limit-1].ID)
				break
			}
			page.Items = append(page.Items, a)
		}
		if err := res.Err(); err != nil {
			return page, err
		}
		return page, nil
	})
}
