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

// UpdateActor rewrites an actor with what update makes of it, in one write
// transaction under the store lock; when update writes nothing the
// transaction rolls back.
func (s *Store) UpdateActor(ctx context.Context, id string, update func(graph.Actor) (graph.Actor, bool, error)) (graph.Actor, error) {
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
		next, write, err := update(cur)
		if err != nil {
			return graph.Actor{}, err
		}
		if !write {
			return graph.Actor{}, unchanged{next}
		}
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

// DeleteActor removes an actor and its relationships once check allows.
func (s *Store) DeleteActor(ctx context.Context, id string, check func(graph.Actor, int) error) error {
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
		recs, err := collect(ctx, tx, actorDegree, map[string]any{"id": id})
		if err != nil {
			return struct{}{}, err
		}
		if err := check(cur, int(count(recs))); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, exec(ctx, tx, deleteActor, map[string]any{"id": id})
	})
	return err
}

// listActors reads actors in id order after $after. Kind and tag are
// filtered by Cypher; the name/alias search is left to the caller
// (graph.Store applies one filter for every store),
// because Cypher's toLower and Go's strings.ToLower disagree on some
// scripts and results must be identical.
const listActors = `MATCH (a:Actor)
WHERE a.id > $after
  AND ($kind = '' OR a.kind = $kind)
  AND ($tag = '' OR $tag IN a.tags)
WITH a ORDER BY a.id
LIMIT $limit
RETURN properties(a) AS a`

// ListActors reads, in id order, up to n actors that keep accepts.
func (s *Store) ListActors(ctx context.Context, sc graph.ActorScan, n int, keep func(*graph.Actor) bool) ([]graph.Actor, error) {
	rowLimit := int64(1 << 62) // read until n are kept
	if sc.Exact {
		rowLimit = int64(n)
	}
	params := map[string]any{"after": sc.After, "kind": sc.Kind, "tag": sc.Tag, "limit": rowLimit}
	return readTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) ([]graph.Actor, error) {
		var out []graph.Actor
		res, err := tx.Run(ctx, listActors, params)
		if err != nil {
			return nil, err
		}
		for len(out) < n && res.Next(ctx) {
			v, _ := res.Record().Get("a")
			a, err := toActor(v)
			if err != nil {
				return nil, err
			}
			if keep(&a) {
				out = append(out, a)
			}
		}
		return out, res.Err()
	})
}
