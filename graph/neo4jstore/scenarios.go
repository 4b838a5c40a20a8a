package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/detente/detente/graph"
)

// Scenarios are (:Scenario {id, doc}) nodes, doc the scenario's JSON: they
// are read whole and never queried inside. Their writes serialise on their
// own (:Meta {key: 'scenarios'}) node, so that they neither wait for nor
// bump the graph's version.
const (
	lockScenarios = `MERGE (m:Meta {key: 'scenarios'}) ON CREATE SET m.writes = 0 SET m.writes = m.writes + 1`
	getScenario   = `MATCH (s:Scenario {id: $id}) RETURN s.doc AS doc`
	putScenario   = `MERGE (s:Scenario {id: $id}) SET s.doc = $doc`
	delScenario   = `MATCH (s:Scenario {id: $id}) DELETE s`
	listScenarios = `MATCH (s:Scenario) WHERE s.id > $after RETURN s.doc AS doc ORDER BY s.id LIMIT $limit`
)

// UpdateScenario reads scenario id under the scenarios' lock, calls update
// with it (nil when there is none) and stores or (nil) removes what it
// returns, in the same transaction.
func (s *Store) UpdateScenario(ctx context.Context, id string, update func(*graph.Scenario) (*graph.Scenario, error)) error {
	_, err := writeTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		if err := exec(ctx, tx, lockScenarios, nil); err != nil {
			return struct{}{}, err
		}
		recs, err := collect(ctx, tx, getScenario, map[string]any{"id": id})
		if err != nil {
			return struct{}{}, err
		}
		var cur *graph.Scenario
		if len(recs) == 1 {
			sc, err := scenarioOf(recs[0])
			if err != nil {
				return struct{}{}, err
			}
			cur = &sc
		}
		next, err := update(cur)
		if err != nil {
			return struct{}{}, err
		}
		if next == nil {
			return struct{}{}, exec(ctx, tx, delScenario, map[string]any{"id": id})
		}
		doc, err := json.Marshal(next)
		if err != nil {
			return struct{}{}, graph.Internal(fmt.Errorf("neo4jstore: encode scenario: %w", err))
		}
		return struct{}{}, exec(ctx, tx, putScenario, map[string]any{"id": id, "doc": string(doc)})
	})
	return err
}

// GetScenario returns one scenario; ENOTFOUND.
func (s *Store) GetScenario(ctx context.Context, id string) (graph.Scenario, error) {
	return readTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (graph.Scenario, error) {
		recs, err := collect(ctx, tx, getScenario, map[string]any{"id": id})
		if err != nil {
			return graph.Scenario{}, err
		}
		if len(recs) == 0 {
			return graph.Scenario{}, notFound("scenario", id)
		}
		return scenarioOf(recs[0])
	})
}

// ListScenarios returns up to limit scenarios after the id after, in id
// order.
func (s *Store) ListScenarios(ctx context.Context, after string, limit int) ([]graph.Scenario, error) {
	return readTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) ([]graph.Scenario, error) {
		recs, err := collect(ctx, tx, listScenarios, map[string]any{"after": after, "limit": limit})
		if err != nil {
			return nil, err
		}
		out := make([]graph.Scenario, 0, len(recs))
		for _, rec := range recs {
			sc, err := scenarioOf(rec)
			if err != nil {
				return nil, err
			}
			out = append(out, sc)
		}
		return out, nil
	})
}

func scenarioOf(rec *neo4j.Record) (graph.Scenario, error) {
	var sc graph.Scenario
	doc, _ := rec.Get("doc")
	str, ok := doc.(string)
	if !ok {
		return sc, graph.Internal(fmt.Errorf("neo4jstore: scenario without a document"))
	}
	if err := json.Unmarshal([]byte(str), &sc); err != nil {
		return sc, graph.Internal(fmt.Errorf("neo4jstore: decode scenario: %w", err))
	}
	return sc, nil
}
