package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/detente/detente/graph"
)

// The stored event mapping is one (:Meta {key: 'event_mapping', doc})
// node, doc the graph.EventMapping's JSON. Its writes serialise on that
// node (the MERGE and SET take its lock before the read), so that they
// neither wait for nor bump the graph's version. Without a doc there is
// no stored mapping.
const (
	lockEventMapping = `MERGE (m:Meta {key: 'event_mapping'}) ON CREATE SET m.writes = 0 SET m.writes = m.writes + 1`
	getEventMapping  = `MATCH (m:Meta {key: 'event_mapping'}) WHERE m.doc IS NOT NULL RETURN m.doc AS doc`
	putEventMapping  = `MATCH (m:Meta {key: 'event_mapping'}) SET m.doc = $doc`
	delEventMapping  = `MATCH (m:Meta {key: 'event_mapping'}) REMOVE m.doc`
)

// GetEventMapping returns the stored mapping; ENOTFOUND when there is none.
func (s *Store) GetEventMapping(ctx context.Context) (graph.EventMapping, error) {
	return readTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (graph.EventMapping, error) {
		recs, err := collect(ctx, tx, getEventMapping, nil)
		if err != nil {
			return graph.EventMapping{}, err
		}
		if len(recs) == 0 {
			return graph.EventMapping{}, graph.Errorf(graph.ENOTFOUND, "no event mapping is stored; the shipped one applies")
		}
		return eventMappingOf(recs[0])
	})
}

// UpdateEventMapping reads the stored mapping under its lock, calls update
// with it and stores or (nil) removes what it returns, in the same
// transaction.
func (s *Store) UpdateEventMapping(ctx context.Context, update func(*graph.EventMapping) (*graph.EventMapping, error)) error {
	_, err := writeTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		if err := exec(ctx, tx, lockEventMapping, nil); err != nil {
			return struct{}{}, err
		}
		recs, err := collect(ctx, tx, getEventMapping, nil)
		if err != nil {
			return struct{}{}, err
		}
		var cur *graph.EventMapping
		if len(recs) == 1 {
			m, err := eventMappingOf(recs[0])
			if err != nil {
				return struct{}{}, err
			}
			cur = &m
		}
		next, err := update(cur)
		if err != nil {
			return struct{}{}, err
		}
		if next == nil {
			return struct{}{}, exec(ctx, tx, delEventMapping, nil)
		}
		doc, err := json.Marshal(next)
		if err != nil {
			return struct{}{}, graph.Internal(fmt.Errorf("neo4jstore: encode event mapping: %w", err))
		}
		return struct{}{}, exec(ctx, tx, putEventMapping, map[string]any{"doc": string(doc)})
	})
	return err
}

func eventMappingOf(rec *neo4j.Record) (graph.EventMapping, error) {
	var m graph.EventMapping
	doc, _ := rec.Get("doc")
	str, ok := doc.(string)
	if !ok {
		return m, graph.Internal(fmt.Errorf("neo4jstore: event mapping without a document"))
	}
	if err := json.Unmarshal([]byte(str), &m); err != nil {
		return m, graph.Internal(fmt.Errorf("neo4jstore: decode event mapping: %w", err))
	}
	return m, nil
}
