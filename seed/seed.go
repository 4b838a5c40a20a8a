// Package seed ships detente's demonstration scenario: the stakeholders of
// the US–Iran talks and the typed, dated and sourced relationships between
// them, as data (scenario.json: the graph.Batch import format plus a
// top-level "as_of", the scenario's stated cut-off, and "as_of_note", the
// reasoning behind it).
//
// The cut-off (AsOf) is the article's inferred date: no relationship starts
// after it, and one ends after it only where the record dates that end.
// Analysis of the seeded graph is meant to be asked as of that day.
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

// file is scenario.json: a batch and its cut-off.
type file struct {
	AsOf     *graph.Date `json:"as_of"`
	AsOfNote string      `json:"as_of_note"`
	graph.Batch
}

func decode() (file, error) {
	var f file
	dec := json.NewDecoder(bytes.NewReader(scenarioJSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return file{}, fmt.Errorf("seed: scenario.json: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return file{}, errors.New("seed: scenario.json: unexpected data after the batch")
	}
	return f, nil
}

// Scenario decodes the shipped scenario. Decoding is strict: a field the
// format does not know, or trailing data, is an error. Each call returns a
// fresh Batch that the caller may modify.
func Scenario() (graph.Batch, error) {
	f, err := decode()
	return f.Batch, err
}

// AsOf returns the scenario's cut-off: the day the article is taken to
// describe (2025-04-12, the opening of the US–Iran talks in Muscat). It
// is the natural as_of of any analysis of the seeded graph. ok is false
// only if the embedded file has no valid cut-off, which its tests rule out.
func AsOf() (d graph.Date, ok bool) {
	f, err := decode()
	if err != nil || f.AsOf == nil || !f.AsOf.Valid() {
		return graph.Date{}, false
	}
	return *f.AsOf, true
}

// AsOfNote returns why the cut-off is that day.
func AsOfNote() string {
	f, _ := decode()
	return f.AsOfNote
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
