package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/detente/detente/graph"
)

// relByIDQuery finds a relationship by id whatever its type: a UNION of one
// branch per registered type, each an index seek on that type's id
// constraint (Neo4j has no index spanning relationship types, and a scan of
// all relationships is what this avoids). With many ids it is UNWOUND.
func relByIDQuery(reg graph.Registry, names []string) string {
	var b strings.Builder
	b.WriteString("UNWIND $ids AS id\nCALL (id) {\n")
	n := typeBranches(&b, reg, names, func(t string) string {
		return "  MATCH (s:Actor)-[r:" + t + " {id: id}]->(t:Actor) RETURN s.id AS source, t.id AS target, properties(r) AS props\n"
	})
	if n == 0 { // no type at all: a query that finds nothing
		b.WriteString("  WITH id WHERE false RETURN null AS source, null AS target, null AS props\n")
	}
	b.WriteString("}\nRETURN source, target, props")
	return b.String()
}

// findRels looks relationships up by id among the given types.
func findRels(ctx context.Context, tx neo4j.ManagedTransaction, reg graph.Registry, names, ids []string) (map[string]graph.Relationship, error) {
	out := make(map[string]graph.Relationship, len(ids))
	if len(ids) == 0 || len(names) == 0 {
		return out, nil
	}
	q := relByIDQuery(reg, names)
	for start := 0; start < len(ids); start += chunkSize {
		chunk := ids[start:min(start+chunkSize, len(ids))]
		recs, err := collect(ctx, tx, q, map[string]any{"ids": chunk})
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			r, err := relFromRecord(rec)
			if err != nil {
				return nil, err
			}
			out[r.ID] = r
		}
	}
	return out, nil
}

func relFromRecord(rec *neo4j.Record) (graph.Relationship, error) {
	src, _ := rec.Get("source")
	tgt, _ := rec.Get("target")
	props, _ := rec.Get("props")
	return toRel(src, tgt, props)
}

// findRel reads one relationship in tx; ok is false when it does not exist.
func findRel(ctx context.Context, tx neo4j.ManagedTransaction, reg graph.Registry, id string) (graph.Relationship, bool, error) {
	found, err := findRels(ctx, tx, reg, reg.Names(), []string{id})
	if err != nil {
		return graph.Relationship{}, false, err
	}
	r, ok := found[id]
	return r, ok, nil
}

const (
	// actorsExist returns which of the given ids are actors.
	actorsExist = `UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN a.id AS id`
)

// existingActors reports which of ids exist.
func existingActors(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]bool, error) {
	out := make(map[string]bool, len(ids))
	for start := 0; start < len(ids); start += chunkSize {
		chunk := ids[start:min(start+chunkSize, len(ids))]
		recs, err := collect(ctx, tx, actorsExist, map[string]any{"ids": chunk})
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			v, _ := rec.Get("id")
			if id, ok := v.(string); ok {
				out[id] = true
			}
		}
	}
	return out, nil
}

// endsExist reports whether r's source and target exist; an end that is
// not a valid id counts as existing (the caller's check reports it).
func endsExist(ctx context.Context, tx neo4j.ManagedTransaction, r *graph.Relationship) (bool, bool, error) {
	var ids []string
	for _, id := range []string{r.Source, r.Target} {
		if graph.ValidID(id) {
			ids = append(ids, id)
		}
	}
	have, err := existingActors(ctx, tx, ids)
	if err != nil {
		return false, false, err
	}
	return !graph.ValidID(r.Source) || have[r.Source], !graph.ValidID(r.Target) || have[r.Target], nil
}

// createRelQuery creates one relationship of type t (from relType).
func createRelQuery(t string) string {
	return `MATCH (s:Actor {id: $source}) MATCH (t:Actor {id: $target})
CREATE (s)-[r:` + t + `]->(t) SET r = $props
RETURN s.id AS source, t.id AS target, properties(r) AS props`
}

// updateRelQuery replaces the properties of one relationship of type t.
func updateRelQuery(t string) string {
	return `MATCH (s:Actor)-[r:` + t + ` {id: $id}]->(t:Actor) SET r = $props
RETURN s.id AS source, t.id AS target, properties(r) AS props`
}

// deleteRelQuery deletes one relationship of type t.
func deleteRelQuery(t string) string {
	return `MATCH ()-[r:` + t + ` {id: $id}]->() DELETE r`
}

func oneRel(recs []*neo4j.Record) (graph.Relationship, error) {
	if len(recs) != 1 {
		return graph.Relationship{}, graph.Internal(errRows(len(recs)))
	}
	return relFromRecord(recs[0])
}

// CreateRelationship stores a new relationship once check allows.
func (s *Store) CreateRelationship(ctx context.Context, r graph.Relationship, check func(graph.Registry, bool, bool) error) (graph.Relationship, error) {
	props, err := relProps(&r)
	if err != nil {
		return graph.Relationship{}, graph.Internal(err)
	}
	return writeTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (graph.Relationship, error) {
		if _, err := lock(ctx, tx); err != nil {
			return graph.Relationship{}, err
		}
		reg, err := readRegistry(ctx, tx)
		if err != nil {
			return graph.Relationship{}, err
		}
		haveSource, haveTarget, err := endsExist(ctx, tx, &r)
		if err != nil {
			return graph.Relationship{}, err
		}
		if err := check(reg, haveSource, haveTarget); err != nil {
			return graph.Relationship{}, err
		}
		if _, ok, err := findRel(ctx, tx, reg, r.ID); err != nil || ok {
			if err == nil {
				err = graph.Errorf(graph.ECONFLICT, "relationship %s already exists", r.ID)
			}
			return graph.Relationship{}, err
		}
		t, ok := relType(reg, r.Type)
		if !ok {
			return graph.Relationship{}, graph.Internal(fmt.Errorf("neo4jstore: unregistered type %s passed the check", r.Type))
		}
		recs, err := collect(ctx, tx, createRelQuery(t), map[string]any{"source": r.Source, "target": r.Target, "props": props})
		if err != nil {
			return graph.Relationship{}, err
		}
		return oneRel(recs)
	})
}

// GetRelationship returns one relationship.
func (s *Store) GetRelationship(ctx context.Context, id string) (graph.Relationship, error) {
	return readTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (graph.Relationship, error) {
		reg, err := readRegistry(ctx, tx)
		if err != nil {
			return graph.Relationship{}, err
		}
		r, ok, err := findRel(ctx, tx, reg, id)
		if err == nil && !ok {
			err = notFound("relationship", id)
		}
		return r, err
	})
}

// UpdateRelationship rewrites a relationship with what update makes of
// it, in one write transaction under the store lock.
func (s *Store) UpdateRelationship(ctx context.Context, id string, update func(graph.Relationship, graph.Registry) (graph.Relationship, bool, error)) (graph.Relationship, error) {
	return writeTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (graph.Relationship, error) {
		if _, err := lock(ctx, tx); err != nil {
			return graph.Relationship{}, err
		}
		reg, err := readRegistry(ctx, tx)
		if err != nil {
			return graph.Relationship{}, err
		}
		cur, ok, err := findRel(ctx, tx, reg, id)
		if err != nil {
			return graph.Relationship{}, err
		}
		if !ok {
			return graph.Relationship{}, notFound("relationship", id)
		}
		next, write, err := update(cur, reg)
		if err != nil {
			return graph.Relationship{}, err
		}
		if !write {
			return graph.Relationship{}, unchanged{next}
		}
		props, err := relProps(&next)
		if err != nil {
			return graph.Relationship{}, graph.Internal(err)
		}
		t, _ := relType(reg, cur.Type) // found under this type
		recs, err := collect(ctx, tx, updateRelQuery(t), map[string]any{"id": id, "props": props})
		if err != nil {
			return graph.Relationship{}, err
		}
		return oneRel(recs)
	})
}

// DeleteRelationship removes one relationship once check allows.
func (s *Store) DeleteRelationship(ctx context.Context, id string, check func(graph.Relationship) error) error {
	_, err := writeTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		if _, err := lock(ctx, tx); err != nil {
			return struct{}{}, err
		}
		reg, err := readRegistry(ctx, tx)
		if err != nil {
			return struct{}{}, err
		}
		cur, ok, err := findRel(ctx, tx, reg, id)
		if err != nil {
			return struct{}{}, err
		}
		if !ok {
			return struct{}{}, notFound("relationship", id)
		}
		if err := check(cur); err != nil {
			return struct{}{}, err
		}
		t, _ := relType(reg, cur.Type)
		return struct{}{}, exec(ctx, tx, deleteRelQuery(t), map[string]any{"id": id})
	})
	return err
}

// The filters of a relationship listing, in Cypher. Each is a constant
// that is true when its parameter is empty; types go into the pattern.
const relFilters = `r.id > $after
  AND ($source = '' OR s.id = $source)
  AND ($target = '' OR t.id = $target)
  AND ($actor = '' OR s.id = $actor OR t.id = $actor)
  AND ($asOf IS NULL OR ((r.valid_from IS NULL OR r.valid_from <= $asOf) AND (r.valid_to IS NULL OR r.valid_to >= $asOf)))`

// listRelsQuery builds a listing query for the pattern types (registered
// names). When the filter names an actor, the pattern starts from that
// actor's node and sorts its relationships; otherwise it is a UNION of one
// branch per type, each reading that type's id index in order and stopping
// at the page size, so a page costs O(types x page), not a scan.
func listRelsQuery(reg graph.Registry, types []string, f *graph.RelationshipFilter) string {
	union := typeUnion(reg, types)
	var match string
	switch {
	case f.Source != "":
		match = "MATCH (s:Actor {id: $source})-[r:" + union + "]->(t:Actor)"
	case f.Target != "":
		match = "MATCH (s:Actor)-[r:" + union + "]->(t:Actor {id: $target})"
	case f.Actor != "":
		match = "MATCH (:Actor {id: $actor})-[r:" + union + "]-(:Actor)\nWITH r, startNode(r) AS s, endNode(r) AS t"
	}
	if match != "" {
		return match + "\nWITH s, r, t WHERE " + relFilters + `
WITH s, r, t ORDER BY r.id LIMIT $limit
RETURN s.id AS source, t.id AS target, properties(r) AS props`
	}
	var b strings.Builder
	b.WriteString("CALL () {\n")
	typeBranches(&b, reg, types, func(t string) string {
		return "  MATCH (s:Actor)-[r:" + t + "]->(t:Actor) WHERE " + relFilters + "\n" +
			"  WITH s, r, t ORDER BY r.id LIMIT $limit\n" +
			"  RETURN s.id AS source, t.id AS target, properties(r) AS props\n"
	})
	b.WriteString("}\nRETURN source, target, props ORDER BY props.id LIMIT $limit")
	return b.String()
}

// ListRelationships returns up to limit relationships after after, by id.
func (s *Store) ListRelationships(ctx context.Context, f graph.RelationshipFilter, after string, limit int, check func(graph.Registry) error) ([]graph.Relationship, error) {
	return readTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) ([]graph.Relationship, error) {
		reg, err := readRegistry(ctx, tx)
		if err != nil {
			return nil, err
		}
		if err := check(reg); err != nil {
			return nil, err
		}
		types := uniqueNames(f.Types)
		if len(types) == 0 {
			types = reg.Names()
		}
		var asOf any
		if f.AsOf != nil {
			asOf = neo4j.Date(f.AsOf.Time())
		}
		params := map[string]any{
			"after": after, "source": f.Source, "target": f.Target, "actor": f.Actor,
			"asOf": asOf, "limit": int64(limit),
		}
		recs, err := collect(ctx, tx, listRelsQuery(reg, types, &f), params)
		if err != nil {
			return nil, err
		}
		out := make([]graph.Relationship, 0, len(recs))
		for _, rec := range recs {
			r, err := relFromRecord(rec)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		return out, nil
	})
}
