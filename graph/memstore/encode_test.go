package memstore

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphgen"
)

// TestAppendRel holds the hand-written encoder to encoding/json: where it
// encodes a relationship at all, the bytes must be the same.
func TestAppendRel(t *testing.T) {
	var rels []graph.Relationship
	for _, c := range compactCases() {
		rels = append(rels, c.rel)
	}
	rels = append(rels, graphgen.Generate(graphgen.Options{Actors: 50, Relationships: 300, Seed: 3, Dated: true}).Relationships...)
	odd := rels[0]
	for _, f := range []func(r *graph.Relationship){
		func(r *graph.Relationship) { r.Weight = 1e-7 },
		func(r *graph.Relationship) { r.Confidence = 1e-6 },
		func(r *graph.Relationship) { r.Weight = 123456789012345678901234.0 },
		func(r *graph.Relationship) { r.ID = `quote"d` },
		func(r *graph.Relationship) { r.Source = "<a&b>" },
		func(r *graph.Relationship) { r.Target = "é" },
		func(r *graph.Relationship) { r.Type = "tab\t" },
		func(r *graph.Relationship) { r.CreatedAt = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) },
		func(r *graph.Relationship) {
			r.CreatedAt = time.Date(2000, 1, 1, 0, 0, 0, 0, time.FixedZone("LMT", 561))
		},
		func(r *graph.Relationship) {
			r.UpdatedAt = time.Date(2000, 1, 1, 0, 0, 0, 0, time.FixedZone("X", -5*3600))
		},
		func(r *graph.Relationship) { r.ValidFrom = &graph.Date{Year: 2000, Month: 2, Day: 30} },
		func(r *graph.Relationship) { r.ValidTo = &graph.Date{Year: 99999, Month: 1, Day: 1} },
		func(r *graph.Relationship) { r.ValidTo = &graph.Date{Year: 12, Month: 0, Day: 1} },
	} {
		r := odd
		f(&r)
		rels = append(rels, r)
	}
	fast := 0
	for _, r := range rels {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		wantErr := enc.Encode(&r)
		got, ok := appendRel(nil, &r)
		if !ok {
			if len(got) != 0 {
				t.Errorf("%s: declined but appended %q", r.ID, got)
			}
			continue
		}
		fast++
		if wantErr != nil {
			t.Errorf("%s: encoded %s where encoding/json fails: %v", r.ID, got, wantErr)
			continue
		}
		if w := bytes.TrimSuffix(want.Bytes(), []byte("\n")); !bytes.Equal(got, w) {
			t.Errorf("%s:\n got %s\nwant %s", r.ID, got, w)
		}
	}
	if fast < 300 {
		t.Errorf("the fast path encoded only %d of %d relationships", fast, len(rels))
	}
}

// TestAppendRelFields fails when graph.Relationship gains, loses or
// renames a field: appendRel must then be brought in step, or it would
// silently leave the field out of the file.
func TestAppendRelFields(t *testing.T) {
	want := []string{"id", "source", "target", "type", "weight", "confidence", "valid_from,omitempty", "valid_to,omitempty",
		"sources", "note,omitempty", "created_at", "updated_at"}
	typ := reflect.TypeFor[graph.Relationship]()
	var got []string
	for i := range typ.NumField() {
		got = append(got, typ.Field(i).Tag.Get("json"))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("graph.Relationship's JSON fields are %v; appendRel writes %v", got, want)
	}
}
