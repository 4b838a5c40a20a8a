package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
)

// testImportAllOrNothing cuts imports short by their context, wherever the
// deadline happens to fall (before, during or after the writes, which on
// Neo4j may span several transactions for a large batch): afterwards the
// graph is either as it was or holds the whole batch, never a part of it.
// (An error does not prove that nothing was written: a commit can land as
// the deadline passes; what must not happen is half a batch.)
func testImportAllOrNothing(t *testing.T, s *graph.Store) {
	seedActors(t, s, "usa", "iran")
	batch := graph.Batch{
		RelationshipTypes: []graph.RelationshipType{{Name: "trades_with", Polarity: 1, Symmetric: true, DefaultWeight: 0.4}},
		Actors:            []graph.Actor{{ID: "iran", Name: "Iran", Kind: "state", Description: "changed"}},
	}
	for i := range 30 {
		id := fmt.Sprintf("a%02d", i)
		batch.Actors = append(batch.Actors, actor(id, "person"))
		batch.Relationships = append(batch.Relationships,
			rel("r"+id, "usa", "sanctions", id, 0.5), rel("t"+id, id, "trades_with", "iran", 0.4))
	}
	before := must[graph.Batch](t)(s.Export(ctx))
	for _, d := range []time.Duration{0, time.Millisecond, 3 * time.Millisecond, 10 * time.Millisecond, 30 * time.Millisecond, 100 * time.Millisecond, time.Minute} {
		cctx, cancel := context.WithTimeout(ctx, d)
		_, err := s.Import(cctx, batch, false)
		cancel()
		after := must[graph.Batch](t)(s.Export(ctx))
		if cmp.Equal(before, after) {
			if d == time.Minute {
				t.Fatalf("an import with a minute to go wrote nothing: %v", err)
			}
			continue
		}
		// Something was written: all of it.
		if len(after.RelationshipTypes) != 1 || len(after.Actors) != 32 || len(after.Relationships) != 60 {
			t.Fatalf("an import cut short after %v (error %v) left part of the batch: %d types, %d actors, %d relationships",
				d, err, len(after.RelationshipTypes), len(after.Actors), len(after.Relationships))
		}
		if a := must[graph.Actor](t)(s.GetActor(ctx, "iran")); a.Description != "changed" {
			t.Fatalf("the import's update of iran is missing: %+v", a)
		}
		return
	}
}
