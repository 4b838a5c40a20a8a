package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/detente/detente/graph"
)

// The fixed part of the schema. Each constraint is backed by a range index,
// which is what the id lookups, the id-ordered listings and the MERGE on
// :Meta use. key says what the constraint enforces (see uniqueKey).
var baseSchema = []struct{ key, cypher string }{
	{"NODE:Actor.id", `CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE`},
	{"NODE:RelationshipType.name", `CREATE CONSTRAINT relationship_type_name IF NOT EXISTS FOR (t:RelationshipType) REQUIRE t.name IS UNIQUE`},
	{"NODE:Meta.key", `CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (m:Meta) REQUIRE m.key IS UNIQUE`},
}

const (
	// showConstraints lists the single-property uniqueness constraints
	// (key constraints, an Enterprise feature, imply uniqueness).
	showConstraints = `SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties
WHERE type IN ['UNIQUENESS', 'RELATIONSHIP_UNIQUENESS', 'NODE_KEY', 'RELATIONSHIP_KEY'] AND size(properties) = 1
RETURN entityType + ':' + labelsOrTypes[0] + '.' + properties[0] AS key, name`
	initMeta = `MERGE (m:Meta {key: 'graph'}) ON CREATE SET m.version = 0`
)

// typeConstraint is the uniqueness constraint on the id of one relationship
// type: relationship ids are unique across types, and the per-type
// constraint's index makes every lookup by id an index seek (a UNION over
// the registry's types, see relByIDQuery). name must be a registered type.
// key identifies what it enforces, whatever name it was created under.
func typeConstraint(name string) (key, cypher string, ok bool) {
	if !graph.ValidTypeName(name) {
		return "", "", false
	}
	key = "RELATIONSHIP:" + graph.CypherName(name) + ".id"
	cypher = "CREATE CONSTRAINT `relationship_" + name + "_id` IF NOT EXISTS FOR ()-[r:`" + graph.CypherName(name) + "`]-() REQUIRE r.id IS UNIQUE"
	return key, cypher, true
}

// EnsureSchema creates the constraints (and their indexes) the store relies
// on, one per registered relationship type included, and the :Meta node.
// It is idempotent and cheap when everything exists (one SHOW CONSTRAINTS,
// which it matches by what each constraint enforces, not by its name).
// Open calls it; when Neo4j was down then, the first query calls it again.
func (s *Store) EnsureSchema(ctx context.Context) error {
	s.schemaMu.Lock()
	defer s.schemaMu.Unlock()
	existing, err := execute(ctx, s, neo4j.AccessModeRead, s.queryTimeout, func(tx neo4j.ManagedTransaction) (map[string]bool, error) {
		recs, err := collect(ctx, tx, showConstraints, nil)
		if err != nil {
			return nil, err
		}
		have := map[string]bool{}
		for _, rec := range recs {
			if k, _ := rec.Get("key"); k != nil {
				have[k.(string)] = true
			}
		}
		return have, nil
	})
	if err != nil {
		return err
	}
	var stmts []string
	for _, c := range baseSchema {
		if !existing[c.key] {
			stmts = append(stmts, c.cypher)
		}
	}
	for _, c := range stmts {
		if err := s.schemaChange(ctx, c); err != nil {
			return err
		}
	}
	// The stored types need the id constraint too; reading them needs the
	// RelationshipType constraint in place, hence this second step.
	user, err := execute(ctx, s, neo4j.AccessModeRead, s.queryTimeout, func(tx neo4j.ManagedTransaction) ([]graph.RelationshipType, error) {
		return readUserTypes(ctx, tx)
	})
	if err != nil {
		return err
	}
	for _, t := range append(graph.BuiltinTypes(), user...) {
		key, cypher, ok := typeConstraint(t.Name)
		if ok && !existing[key] {
			if err := s.schemaChange(ctx, cypher); err != nil {
				return err
			}
		}
	}
	_, err = execute(ctx, s, neo4j.AccessModeWrite, s.queryTimeout, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, initMeta, nil)
	})
	if err != nil {
		return err
	}
	s.schemaOK.Store(true)
	return nil
}

// schemaChange runs one schema statement in its own transaction: Neo4j does
// not mix schema and data changes in one transaction.
func (s *Store) schemaChange(ctx context.Context, cypher string) error {
	_, err := execute(ctx, s, neo4j.AccessModeWrite, s.queryTimeout, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, cypher, nil)
	})
	return err
}

// ensureTypeConstraint creates the id constraint of a type about to be
// added, before any relationship of that type can exist.
func (s *Store) ensureTypeConstraint(ctx context.Context, name string) error {
	_, cypher, ok := typeConstraint(name)
	if !ok {
		return nil // the type fails validation and will never be stored
	}
	return s.schemaChange(ctx, cypher)
}
