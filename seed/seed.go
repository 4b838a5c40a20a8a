// Package seed ships detente's demonstration scenario: the stakeholders of
// the US–Iran talks and the typed, dated and sourced relationships between
// them, as data (scenario.json, in the graph.Batch import format).
//
// Every relationship cites either the article the scenario is built on
// (with the exact sentence that supports it) or a named public record; the
// notes say where a tie's dating or confidence rests on thin evidence.
//
// Load imports the scenario through any graph.Store and is idempotent;
// Reset empties a store, for `detente seed --reset`.
package seed

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/detente/detente/graph"
)

//go:embed scenario.json
var scenarioJSON []byte

// Scenario decodes the shipped scenario. Decoding is strict: a field the
// Batch format does not know, or trailing data, is an error. Each call
// returns a fresh Batch that the caller may modify.
func Scenario() (graph.Batch, error) {
	var b graph.Batch
	dec := json.NewDecoder(bytes.NewReader(scenarioJSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return graph.Batch{}, fmt.Errorf("seed: scenario.json: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return graph.Batch{}, errors.New("seed: scenario.json: unexpected data after the batch")
	}
	return b, nil
}

// Load imports the scenario into s through s.Import, so it works on any
// store. Records are upserted by id: a second Load reports everything
// unchanged, and a Load over edited seed records puts them back.
func Load(ctx context.Context, s *graph.Store) (graph.ImportResult, error) {
	b, err := Scenario()
	if err != nil {
		return graph.ImportResult{}, err
	}
	return s.Import(ctx, b, false)
}

// Reset deletes every relationship and every actor in s, whether or not it
// came from the scenario, through the Store interface: it exports the graph
// and deletes what the export lists (relationships first, then actors with
// cascade, so ties written meanwhile go with their actors). A record that
// has already gone is not an error. User-defined relationship types stay:
// the Store interface has no way to delete them.
func Reset(ctx context.Context, s *graph.Store) error {
	b, err := s.Export(ctx)
	if err != nil {
		return fmt.Errorf("seed: reset: export: %w", err)
	}
	for _, r := range b.Relationships {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.DeleteRelationship(ctx, r.ID, graph.Revision{}); err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
			return fmt.Errorf("seed: reset: delete relationship %s: %w", r.ID, err)
		}
	}
	for _, a := range b.Actors {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.DeleteActor(ctx, a.ID, true, graph.Revision{}); err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
			return fmt.Errorf("seed: reset: delete actor %s: %w", a.ID, err)
		}
	}
	return nil
}
