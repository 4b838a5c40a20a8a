package neo4jstore

import (
	"context"
	"errors"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/detente/detente/graph"
)

// The fixed part of the schema. Each constraint is backed by a range index,
// which is what the id lookups, the id-ordered listings and the MERGE on
// :Meta use. key says what the constraint enforces (see uniqueKey).
var baseSchema = []struct{ key, name, cypher string }{
	{"NODE:Actor.id", "actor_id", `CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE`},
	{"NODE:RelationshipType.name", "relationship_type_name", `CREATE CONSTRAINT relationship_type_name IF NOT EXISTS FOR (t:RelationshipType) REQUIRE t.name IS UNIQUE`},
	{"NODE:Meta.key", "meta_key", `CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (m:Meta) REQUIRE m.key IS UNIQUE`},
	{"NODE:Scenario.id", "scenario_id", `CREATE CONSTRAINT scenario_id IF NOT EXISTS FOR (s:Scenario) REQUIRE s.id IS UNIQUE`},
	{"NODE:Event.id", "event_id", `CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE`},
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
func typeConstraint(name string) (key, constraint, cypher string, ok bool) {
	if !graph.ValidTypeName(name) {
		return "", "", "", false
	}
	key = "RELATIONSHIP:" + cypherName(name) + ".id"
	constraint = "relationship_" + name + "_id"
	cypher = "CREATE CONSTRAINT `" + constraint + "` IF NOT EXISTS FOR ()-[r:`" + cypherName(name) + "`]-() REQUIRE r.id IS UNIQUE"
	return key, constraint, cypher, true
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
	for _, c := range baseSchema {
		if !existing[c.key] {
			if err := s.createConstraint(ctx, c.name, c.cypher); err != nil {
				return err
			}
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
		key, constraint, cypher, ok := typeConstraint(t.Name)
		if ok && !existing[key] {
			if err := s.createConstraint(ctx, constraint, cypher); err != nil {
				return err
			}
		}
	}
	// CREATE INDEX returns before the index is online (a constraint
	// waits): until then the planner cannot use it.
	if err := s.schemaChange(ctx, eventRelIndex); err != nil {
		return err
	}
	if err := s.schemaChange(ctx, awaitEventRelIndex); err != nil {
		return err
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
	_, constraint, cypher, ok := typeConstraint(name)
	if !ok {
		return nil // the type fails validation and will never be stored
	}
	return s.createConstraint(ctx, constraint, cypher)
}

// createConstraint runs a CREATE CONSTRAINT name IF NOT EXISTS. Neo4j
// builds the backing index first and adds the constraint once the index is
// online; a creation cut short (a request out of time, Neo4j killed)
// leaves the index without the constraint, and every later attempt then
// fails with IndexWithNameAlreadyExists: the orphan index is dropped and
// the constraint created again.
func (s *Store) createConstraint(ctx context.Context, name, cypher string) error {
	err := s.schemaChange(ctx, cypher)
	var ne *neo4j.Neo4jError
	if !errors.As(err, &ne) || ne.Code != "Neo.ClientError.Schema.IndexWithNameAlreadyExists" {
		return err
	}
	if err := s.schemaChange(ctx, "DROP INDEX `"+name+"` IF EXISTS"); err != nil {
		return err
	}
	return s.schemaChange(ctx, cypher)
}
