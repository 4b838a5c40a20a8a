package storetest

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/detente/detente/graph"
)

// testEventMapping: the stored event mapping is absent until stored
// (ENOTFOUND), read back as stored, replaced and removed under the
// driver's lock, left as it was when the update fails or the document is
// not JSON, and its writes leave the graph and its version alone.
func testEventMapping(t *testing.T, s *graph.Store) {
	seedActors(t, s, "usa", "iran")
	before, version := snapshot(t, s)
	// A store shared between cases (Neo4j) may hold one: start from none.
	if _, err := s.UpdateEventMapping(ctx, func(*graph.EventMapping) (*graph.EventMapping, error) { return nil, nil }); err != nil {
		t.Fatal(err)
	}
	_, err := s.GetEventMapping(ctx)
	wantCode(t, err, graph.ENOTFOUND)

	docs := []string{`{"cameo":[{"code":"163","type":"sanctions","why":"a"}]}`, `{"cameo":[],"plover":[{"code":"AID","type":"","why":"ü\t"}]}`}
	for i, doc := range docs {
		var seen *graph.EventMapping
		got, err := s.UpdateEventMapping(ctx, func(cur *graph.EventMapping) (*graph.EventMapping, error) {
			seen = cur
			return &graph.EventMapping{Doc: json.RawMessage(doc)}, nil
		})
		if err != nil {
			t.Fatalf("storing mapping %d: %v", i, err)
		}
		if (seen == nil) != (i == 0) {
			t.Errorf("mapping %d: update saw %v, want the mapping stored before", i, seen)
		}
		if i > 0 && seen != nil && string(seen.Doc) != docs[i-1] {
			t.Errorf("mapping %d: update saw %s, want %s", i, seen.Doc, docs[i-1])
		}
		if got == nil || string(got.Doc) != doc || got.UpdatedAt.IsZero() {
			t.Fatalf("mapping %d: UpdateEventMapping returned %+v", i, got)
		}
		read := must[graph.EventMapping](t)(s.GetEventMapping(ctx))
		if string(read.Doc) != doc || !read.UpdatedAt.Equal(got.UpdatedAt) {
			t.Errorf("mapping %d: read back %s at %v, want %s at %v", i, read.Doc, read.UpdatedAt, doc, got.UpdatedAt)
		}
	}

	// Refused: the update's own error, and a document that is not JSON.
	boom := errors.New("refused")
	if _, err := s.UpdateEventMapping(ctx, func(*graph.EventMapping) (*graph.EventMapping, error) { return nil, boom }); !errors.Is(err, boom) {
		t.Errorf("an update's error: got %v", err)
	}
	_, err = s.UpdateEventMapping(ctx, func(*graph.EventMapping) (*graph.EventMapping, error) {
		return &graph.EventMapping{Doc: json.RawMessage(`{"cameo": [`)}, nil
	})
	wantFields(t, wantCode(t, err, graph.EINVALID), "$")
	if read := must[graph.EventMapping](t)(s.GetEventMapping(ctx)); string(read.Doc) != docs[len(docs)-1] {
		t.Errorf("after refused updates: %s, want %s", read.Doc, docs[len(docs)-1])
	}

	// Removed: the shipped mapping applies again.
	if _, err := s.UpdateEventMapping(ctx, func(*graph.EventMapping) (*graph.EventMapping, error) { return nil, nil }); err != nil {
		t.Fatal(err)
	}
	_, err = s.GetEventMapping(ctx)
	wantCode(t, err, graph.ENOTFOUND)
	wantUnchanged(t, s, before, version)
}
