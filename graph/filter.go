package graph

import (
	"encoding/base64"
	"strings"
	"unicode/utf8"
)

// Paging limits, shared by every store and documented in the API.
const (
	DefaultPageSize = 50
	MaxPageSize     = 1000
)

// ActorFilter selects actors. Q matches a case-insensitive substring of the
// name or of any alias. Results are ordered by id.
type ActorFilter struct {
	Kind   ActorKind
	Tag    string
	Q      string
	Limit  int    // 1..MaxPageSize; 0 means DefaultPageSize
	Cursor string // from a previous page's NextCursor
}

// RelationshipFilter selects relationships. Actor matches either end.
// AsOf keeps only relationships valid on that day. Results are ordered by id.
type RelationshipFilter struct {
	Source string
	Target string
	Actor  string
	Types  []string
	AsOf   *Date
	Limit  int
	Cursor string
}

// Page is one page of a listing; NextCursor is empty on the last page.
type Page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// Batch is the import/export format: the whole graph, or part of it.
// Relationship types come first so a batch can bring its own types.
type Batch struct {
	RelationshipTypes []RelationshipType `json:"relationship_types,omitempty"`
	Actors            []Actor            `json:"actors"`
	Relationships     []Relationship     `json:"relationships"`
}

// Counts says what an import did (or, dry, would do) to one kind of record.
type Counts struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

// ImportResult reports an import.
type ImportResult struct {
	DryRun            bool   `json:"dry_run"`
	RelationshipTypes Counts `json:"relationship_types"`
	Actors            Counts `json:"actors"`
	Relationships     Counts `json:"relationships"`
	Version           uint64 `json:"version"`
}

// EncodeCursor makes an opaque paging cursor from the last id of a page.
func EncodeCursor(lastID string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(lastID))
}

// DecodeCursor reads a cursor; an empty cursor means the first page.
func DecodeCursor(c string) (string, error) {
	if c == "" {
		return "", nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !ValidID(string(b)) {
		return "", Invalid("invalid cursor", FieldError{Path: "cursor", Message: "is not a cursor this API issued"})
	}
	return string(b), nil
}

// pageLimit validates a page size and applies the default.
func pageLimit(n int) (int, error) {
	switch {
	case n == 0:
		return DefaultPageSize, nil
	case n < 0 || n > MaxPageSize:
		return 0, Invalid("invalid page size", FieldError{Path: "limit", Message: "must be between 1 and " + itoa(MaxPageSize)})
	}
	return n, nil
}

// matches reports whether a passes f's filters (not the paging).
func (f ActorFilter) matches(a *Actor) bool {
	if f.Kind != "" && a.Kind != f.Kind {
		return false
	}
	if f.Tag != "" && !contains(a.Tags, f.Tag) {
		return false
	}
	if f.Q != "" {
		q := strings.ToLower(f.Q)
		if strings.Contains(strings.ToLower(a.Name), q) {
			return true
		}
		for _, al := range a.Aliases {
			if strings.Contains(strings.ToLower(al), q) {
				return true
			}
		}
		return false
	}
	return true
}

// MatchesRelationship reports whether r passes f's filters.
func (f RelationshipFilter) MatchesRelationship(r *Relationship) bool {
	if f.Source != "" && r.Source != f.Source {
		return false
	}
	if f.Target != "" && r.Target != f.Target {
		return false
	}
	if f.Actor != "" && r.Source != f.Actor && r.Target != f.Actor {
		return false
	}
	if len(f.Types) > 0 && !contains(f.Types, r.Type) {
		return false
	}
	if f.AsOf != nil && !r.ValidOn(*f.AsOf) {
		return false
	}
	return true
}

// Validate checks the filter's values against the registry.
func (f RelationshipFilter) Validate(reg Registry) error {
	var errs fieldErrors
	for _, p := range []struct{ name, v string }{{"source", f.Source}, {"target", f.Target}, {"actor", f.Actor}} {
		if p.v != "" && !ValidID(p.v) {
			errs.add(p.name, "must be an actor id")
		}
	}
	for _, t := range f.Types {
		if _, ok := reg.Get(t); !ok {
			errs.add("type", "unknown relationship type %s; registered: %s", Quote(t), strings.Join(reg.Names(), ", "))
		}
	}
	if _, err := pageLimit(f.Limit); err != nil {
		errs.add("limit", "must be between 1 and %d", MaxPageSize)
	}
	if len(errs) > 0 {
		return Invalid("invalid relationship filter", errs...)
	}
	return nil
}

// Validate checks an actor filter.
func (f ActorFilter) Validate() error {
	var errs fieldErrors
	if f.Kind != "" && !f.Kind.Valid() {
		errs.add("kind", "must be one of %s", strings.Join(ActorKinds(), ", "))
	}
	if len(f.Q) > MaxNameLen || !utf8.ValidString(f.Q) {
		errs.add("q", "must be valid UTF-8 of at most %d bytes", MaxNameLen)
	}
	if len(f.Tag) > MaxNameLen || !utf8.ValidString(f.Tag) {
		errs.add("tag", "must be valid UTF-8 of at most %d bytes", MaxNameLen)
	}
	if _, err := pageLimit(f.Limit); err != nil {
		errs.add("limit", "must be between 1 and %d", MaxPageSize)
	}
	if len(errs) > 0 {
		return Invalid("invalid actor filter", errs...)
	}
	return nil
}
