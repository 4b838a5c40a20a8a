package neo4jstore

import (
	"context"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/detente/detente/graph"
)

const (
	userTypesQuery = `MATCH (t:RelationshipType) RETURN properties(t) AS t ORDER BY t.name`
	typeExists     = `MATCH (t:RelationshipType {name: $name}) RETURN count(t) AS n`
	createType     = `CREATE (t:RelationshipType) SET t = $props`
	// upsertTypes writes the types of an import.
	upsertTypes = `UNWIND $rows AS row MERGE (t:RelationshipType {name: row.name}) SET t = row`
)

// readUserTypes returns the stored (user-added) types, ordered by name.
func readUserTypes(ctx context.Context, tx neo4j.ManagedTransaction) ([]graph.RelationshipType, error) {
	recs, err := collect(ctx, tx, userTypesQuery, nil)
	if err != nil {
		return nil, err
	}
	var out []graph.RelationshipType
	for _, rec := range recs {
		v, _ := rec.Get("t")
		t, err := toType(v)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// readRegistry returns the registry: the built-in types and the stored ones.
func readRegistry(ctx context.Context, tx neo4j.ManagedTransaction) (graph.Registry, error) {
	user, err := readUserTypes(ctx, tx)
	if err != nil {
		return graph.Registry{}, err
	}
	return graph.NewRegistry(append(graph.BuiltinTypes(), user...)), nil
}

// cypherName is the Neo4j relationship type of a registered name: upper
// case. Only names the registry accepted (graph.ValidTypeName) reach it.
func cypherName(name string) string { return strings.ToUpper(name) }

// relType is the backquoted Neo4j relationship type of a registered type
// name, the only way a type name reaches Cypher text: the registry must
// hold the name, and the name must be snake_case (so that its upper-case
// form contains no quote or other syntax).
func relType(reg graph.Registry, name string) (string, bool) {
	if _, ok := reg.Get(name); !ok || !graph.ValidTypeName(name) {
		return "", false
	}
	return "`" + cypherName(name) + "`", true
}

// typeUnion is the label expression A|B|C of the given registered names,
// for a relationship pattern; names outside the registry are left out.
func typeUnion(reg graph.Registry, names []string) string {
	parts := make([]string, 0, len(names))
	for _, n := range names {
		if t, ok := relType(reg, n); ok {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "|")
}

// typeBranches writes one UNION ALL branch per registered name of names,
// branch(t) giving the body of the branch for relationship type t (from
// relType); names outside the registry are left out. It reports how many
// branches it wrote.
func typeBranches(b *strings.Builder, reg graph.Registry, names []string, branch func(t string) string) int {
	n := 0
	for _, name := range names {
		t, ok := relType(reg, name)
		if !ok {
			continue
		}
		if n > 0 {
			b.WriteString("  UNION ALL\n")
		}
		b.WriteString(branch(t))
		n++
	}
	return n
}

// RelationshipTypes returns the registry.
func (s *Store) RelationshipTypes(ctx context.Context) (graph.Registry, error) {
	return readTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (graph.Registry, error) {
		return readRegistry(ctx, tx)
	})
}

// CreateRelationshipType adds a user type, with the id constraint that all
// relationships of a type get.
func (s *Store) CreateRelationshipType(ctx context.Context, t graph.RelationshipType) (graph.RelationshipType, error) {
	if err := s.ready(ctx); err != nil {
		return graph.RelationshipType{}, err
	}
	// Schema first, in its own transaction: harmless if the type then
	// turns out to exist, and no relationship of the type can exist
	// without it.
	if err := s.ensureTypeConstraint(ctx, t.Name); err != nil {
		return graph.RelationshipType{}, err
	}
	props := typeProps(&t)
	return writeTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (graph.RelationshipType, error) {
		if _, err := lock(ctx, tx); err != nil {
			return graph.RelationshipType{}, err
		}
		if _, ok := graph.NewRegistry(graph.BuiltinTypes()).Get(t.Name); ok {
			return graph.RelationshipType{}, graph.Errorf(graph.ECONFLICT, "relationship type %s already exists", t.Name)
		}
		recs, err := collect(ctx, tx, typeExists, map[string]any{"name": t.Name})
		if err != nil {
			return graph.RelationshipType{}, err
		}
		if count(recs) > 0 {
			return graph.RelationshipType{}, graph.Errorf(graph.ECONFLICT, "relationship type %s already exists", t.Name)
		}
		if err := exec(ctx, tx, createType, map[string]any{"props": props}); err != nil {
			return graph.RelationshipType{}, err
		}
		return t, nil
	})
}
