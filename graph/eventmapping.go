package graph

import (
	"context"
	"encoding/json"
	"time"
)

// EventMapping is the event-code mapping the stores keep when a user has
// replaced the shipped one (package ingest's mapping.json): which
// relationship type each CAMEO, PLOVER and ACLED code becomes. Doc is the
// document in mapping.json's format, as compact JSON; package graph holds
// it without reading it (package ingest checks it, against the registry,
// before it is stored), as it holds scenarios: beside the graph, so that
// storing one does not bump the graph's version.
type EventMapping struct {
	Doc       json.RawMessage `json:"doc"`
	UpdatedAt time.Time       `json:"updated_at"`
}

// MaxEventMappingBytes caps a stored mapping's document (the shipped one
// is about 30 KB).
const MaxEventMappingBytes = 4 << 20

// GetEventMapping returns the stored event mapping; ENOTFOUND when none
// has been stored (the shipped mapping applies).
func (s *Store) GetEventMapping(ctx context.Context) (EventMapping, error) {
	return s.d.GetEventMapping(ctx)
}

// UpdateEventMapping reads the stored mapping, calls update with it (nil
// when there is none) and, under the same lock, stores what update
// returns, stamped now, or, when update returns nil, removes it (the
// shipped mapping applies again). A document that is not one JSON value,
// or over MaxEventMappingBytes, is EINVALID.
func (s *Store) UpdateEventMapping(ctx context.Context, update func(cur *EventMapping) (*EventMapping, error)) (*EventMapping, error) {
	now := s.now()
	var stored *EventMapping
	err := s.d.UpdateEventMapping(ctx, func(cur *EventMapping) (*EventMapping, error) {
		next, err := update(cur)
		if err != nil || next == nil {
			stored = nil
			return nil, err
		}
		switch {
		case len(next.Doc) > MaxEventMappingBytes:
			return nil, Invalid("the event mapping is too large", FieldError{Path: "$", Message: "at most " + itoa(MaxEventMappingBytes) + " bytes"})
		case !json.Valid(next.Doc):
			return nil, Invalid("the event mapping is not JSON", FieldError{Path: "$", Message: "must be one JSON object"})
		}
		m := EventMapping{Doc: append(json.RawMessage(nil), next.Doc...), UpdatedAt: now}
		stored = &m
		return stored, nil
	})
	if err != nil {
		return nil, err
	}
	return stored, nil
}
