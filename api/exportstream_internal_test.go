package api

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/seed"
)

// TestWriteBatchIsEncoderOutput: the streamed export is byte for byte what
// encoding the whole converted batch gave (the answer before issue 15), on
// the shipped scenario, with user-defined types or none, records with HTML
// characters, attributes and citations, and on an empty graph.
func TestWriteBatchIsEncoderOutput(t *testing.T) {
	scenario, err := seed.Scenario()
	if err != nil {
		t.Fatal(err)
	}
	day := graph.DateOf(time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC))
	at := time.Date(2025, 1, 2, 3, 4, 5, 678e6, time.UTC)
	odd := graph.Batch{
		RelationshipTypes: []graph.RelationshipType{{Name: "trades_with", Polarity: 1, Symmetric: true, DefaultWeight: 0.5, Description: "<trade> & more"}},
		Actors: []graph.Actor{
			{ID: "at-t", Name: "AT&T <Inc>", Kind: "company", Tags: []string{"telecom", "u\u2028s"}, Attributes: map[string]any{"founded": 1885.0, "html": "<b>"}, CreatedAt: at, UpdatedAt: at},
			{ID: "x", Name: "X", Kind: "person"},
		},
		Relationships: []graph.Relationship{{ID: "t1", Source: "at-t", Target: "x", Type: "trades_with", Weight: 0.25, Confidence: 1,
			ValidFrom: &day, Sources: []graph.Citation{{Title: "a > b"}}, Note: "\"quoted\"", CreatedAt: at, UpdatedAt: at}},
	}
	for _, tc := range []struct {
		name string
		b    graph.Batch
	}{
		{"scenario", scenario},
		{"no user types", graph.Batch{Actors: scenario.Actors, Relationships: scenario.Relationships}},
		{"odd records", odd},
		{"empty", graph.Batch{Actors: []graph.Actor{}, Relationships: []graph.Relationship{}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var want, got bytes.Buffer
			if err := json.NewEncoder(&want).Encode(batchFromDomain(tc.b)); err != nil {
				t.Fatal(err)
			}
			if err := writeBatch(&got, &tc.b); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("streamed export differs:\n got %s\nwant %s", got.Bytes(), want.Bytes())
			}
		})
	}
}
