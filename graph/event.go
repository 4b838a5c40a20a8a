package graph

import (
	"context"
	"encoding/base64"
	"strings"
	"unicode/utf8"
)

// Event is one coded event as an event data source published it, kept
// beside the graph as the evidence of the relationships derived from it
// (issue #21). Its id is the source's own id prefixed with the format
// ("gdelt:1100000001", "acled:IRN1234"), so that re-reading a file finds
// the events it already holds. Events live beside the graph, like
// scenarios: storing them does not bump Version.
type Event struct {
	ID         string `json:"id"`
	Date       Date   `json:"date"`
	Actor1Code string `json:"actor1_code,omitempty"`
	Actor1Name string `json:"actor1_name,omitempty"`
	Actor2Code string `json:"actor2_code,omitempty"`
	Actor2Name string `json:"actor2_name,omitempty"`
	// Source and Target are the actors the event's sides resolved to, when
	// they did.
	Source   string   `json:"source,omitempty"`
	Target   string   `json:"target,omitempty"`
	Code     string   `json:"code"`            // the event's code as coded (CAMEO, PLOVER type, ACLED event_type)
	Type     string   `json:"type,omitempty"`  // the relationship type the mapping derives, when it maps
	Score    *float64 `json:"score,omitempty"` // Goldstein / intensity / PLOVER score, when coded
	Quad     int      `json:"quad,omitempty"`  // QuadClass, 1-4, when coded
	Mentions int      `json:"mentions,omitempty"`
	Sources  int      `json:"sources,omitempty"`
	URL      string   `json:"url,omitempty"`
	Text     string   `json:"text,omitempty"`
	// Relationship is the id of the derived relationship the event folded
	// into, when it folded into one.
	Relationship string `json:"relationship,omitempty"`
}

// EventFilter selects events: each set field must match. Actor matches
// either side (Source or Target), Target the target only; From and To
// bound the date, both inclusive.
type EventFilter struct {
	Actor        string
	Target       string
	Type         string
	From         *Date
	To           *Date
	Relationship string
}

// Matches reports whether e passes f.
func (f *EventFilter) Matches(e *Event) bool {
	switch {
	case f.Actor != "" && e.Source != f.Actor && e.Target != f.Actor,
		f.Target != "" && e.Target != f.Target,
		f.Type != "" && e.Type != f.Type,
		f.Relationship != "" && e.Relationship != f.Relationship,
		f.From != nil && e.Date.Before(*f.From),
		f.To != nil && f.To.Before(e.Date):
		return false
	}
	return true
}

// MaxEventBatch is how many events one PutEvents call takes.
const MaxEventBatch = 10_000

// The caps on an event's text fields, in bytes: an event is evidence, not
// a document.
const (
	maxEventID   = 200
	maxEventText = 4000
	maxEventName = 500
)

// ValidEventID reports whether s may be an event id: "format:id", the
// format a lower-case name, the id up to 200 bytes of printable UTF-8
// without spaces.
func ValidEventID(s string) bool {
	f, rest, ok := strings.Cut(s, ":")
	if !ok || f == "" || rest == "" || len(s) > maxEventID || !utf8.ValidString(s) {
		return false
	}
	for i := 0; i < len(f); i++ {
		if !lowerOrDigit(f[i]) {
			return false
		}
	}
	for _, r := range rest {
		if r <= ' ' || r == 0x7f {
			return false
		}
	}
	return true
}

// ValidateEvent returns the problems of one event, each with its path.
func ValidateEvent(e *Event, path string) []FieldError {
	var errs []FieldError
	bad := func(field, msg string) { errs = append(errs, FieldError{Path: path + "." + field, Message: msg}) }
	if !ValidEventID(e.ID) {
		bad("id", "must be format:id (a lower-case format, then up to 200 bytes without spaces)")
	}
	if !e.Date.Valid() {
		bad("date", "must be a valid date")
	}
	for _, f := range []struct{ name, v string }{{"source", e.Source}, {"target", e.Target}, {"relationship", e.Relationship}} {
		if f.v != "" && !ValidID(f.v) {
			bad(f.name, "must be an id")
		}
	}
	if e.Type != "" && !ValidTypeName(e.Type) {
		bad("type", "must be a relationship type name")
	}
	if e.Quad < 0 || e.Quad > 4 {
		bad("quad", "must be between 0 and 4")
	}
	if e.Mentions < 0 {
		bad("mentions", "must not be negative")
	}
	if e.Sources < 0 {
		bad("sources", "must not be negative")
	}
	if e.Score != nil && (*e.Score < -10 || *e.Score > 10) {
		bad("score", "must be between -10 and 10")
	}
	for _, f := range []struct {
		name, v string
		max     int
	}{{"actor1_code", e.Actor1Code, maxEventName}, {"actor1_name", e.Actor1Name, maxEventName},
		{"actor2_code", e.Actor2Code, maxEventName}, {"actor2_name", e.Actor2Name, maxEventName},
		{"code", e.Code, maxEventName}, {"url", e.URL, maxEventText}, {"text", e.Text, maxEventText}} {
		if len(f.v) > f.max {
			bad(f.name, "must be at most "+itoa(f.max)+" bytes")
		}
		if !utf8.ValidString(f.v) {
			bad(f.name, "must be UTF-8")
		}
	}
	return errs
}

// PutEvents stores events whose ids the store does not hold yet and
// returns how many it stored; an event whose id is held already (or came
// before in the batch) is left as it is, a duplicate. EINVALID (a bad
// event, each problem with its path; more than MaxEventBatch events).
func (s *Store) PutEvents(ctx context.Context, events []Event) (stored int, err error) {
	if len(events) > MaxEventBatch {
		return 0, Invalid("too many events", FieldError{Path: "$", Message: "at most " + itoa(MaxEventBatch) + " events a call"})
	}
	var errs []FieldError
	seen := make(map[string]bool, len(events))
	uniq := make([]Event, 0, len(events))
	for i := range events {
		if e := ValidateEvent(&events[i], "$["+itoa(i)+"]"); len(e) > 0 {
			errs = append(errs, e...)
			continue
		}
		if seen[events[i].ID] {
			continue
		}
		seen[events[i].ID] = true
		uniq = append(uniq, events[i])
	}
	if len(errs) > 0 {
		return 0, Invalid("invalid events", errs...)
	}
	if len(uniq) == 0 {
		return 0, nil
	}
	return s.d.PutEvents(ctx, uniq)
}

// ListEvents returns a page of the events that match f, in id order;
// EINVALID (a bad filter, cursor or page size).
func (s *Store) ListEvents(ctx context.Context, f EventFilter, cursor string, limit int) (Page[Event], error) {
	limit, err := pageLimit(limit)
	if err != nil {
		return Page[Event]{}, err
	}
	var errs []FieldError
	for _, x := range []struct{ name, v string }{{"actor", f.Actor}, {"target", f.Target}, {"relationship", f.Relationship}} {
		if x.v != "" && !ValidID(x.v) {
			errs = append(errs, FieldError{Path: x.name, Message: "must be an id"})
		}
	}
	if f.Type != "" && !ValidTypeName(f.Type) {
		errs = append(errs, FieldError{Path: "type", Message: "must be a relationship type name"})
	}
	if f.From != nil && f.To != nil && f.To.Before(*f.From) {
		errs = append(errs, FieldError{Path: "to", Message: "must not be before from"})
	}
	if len(errs) > 0 {
		return Page[Event]{}, Invalid("invalid event filter", errs...)
	}
	after, err := decodeEventCursor(cursor)
	if err != nil {
		return Page[Event]{}, err
	}
	list, err := s.d.ListEvents(ctx, f, after, limit+1)
	if err != nil {
		return Page[Event]{}, err
	}
	page := pageOf(list, limit, func(e *Event) string { return e.ID })
	if page.NextCursor != "" {
		page.NextCursor = encodeEventCursor(page.Items[len(page.Items)-1].ID)
	}
	return page, nil
}

// RelationshipEvents returns a page of the events relationship id folded
// in; ENOTFOUND (no such relationship), EINVALID.
func (s *Store) RelationshipEvents(ctx context.Context, id, cursor string, limit int) (Page[Event], error) {
	if _, err := s.d.GetRelationship(ctx, id); err != nil {
		return Page[Event]{}, err
	}
	return s.ListEvents(ctx, EventFilter{Relationship: id}, cursor, limit)
}

// Event ids are not graph ids (they hold a colon), so their cursors are
// checked against ValidEventID.
func encodeEventCursor(id string) string { return base64.RawURLEncoding.EncodeToString([]byte(id)) }

func decodeEventCursor(c string) (string, error) {
	if c == "" {
		return "", nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !ValidEventID(string(b)) {
		return "", Invalid("invalid cursor", FieldError{Path: "cursor", Message: "is not a cursor this API issued"})
	}
	return string(b), nil
}
