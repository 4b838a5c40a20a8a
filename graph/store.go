package graph

import (
	"context"
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
	Kind   string
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

// Store is what every backend provides. All methods return *Error values
// (see the codes in errors.go); each method's comment names the codes it
// returns besides EUNAVAILABLE (store unreachable, out of time) and EINTERNAL.
//
// Every write either happens whole or not at all, and bumps Version.
type Store interface {
	// CreateActor stores a new actor; EINVALID, ECONFLICT (id taken).
	CreateActor(ctx context.Context, a Actor) (Actor, error)
	// GetActor returns one actor; ENOTFOUND.
	GetActor(ctx context.Context, id string) (Actor, error)
	// UpdateActor applies a patch; ifMatch, when set, must equal the
	// actor's current ETag. ENOTFOUND, EINVALID, EPRECONDITION.
	UpdateActor(ctx context.Context, id string, p ActorPatch, ifMatch string) (Actor, error)
	// DeleteActor removes an actor; with cascade its relationships go too,
	// without it an actor that has relationships is ECONFLICT. ENOTFOUND,
	// EPRECONDITION.
	DeleteActor(ctx context.Context, id string, cascade bool, ifMatch string) error
	// ListActors returns a page of actors ordered by id; EINVALID.
	ListActors(ctx context.Context, f ActorFilter) (Page[Actor], error)

	// CreateRelationship stores a new relationship; EINVALID (including an
	// unknown type or a missing endpoint, each with its JSON path),
	// ECONFLICT (id taken).
	CreateRelationship(ctx context.Context, r Relationship) (Relationship, error)
	// GetRelationship returns one relationship; ENOTFOUND.
	GetRelationship(ctx context.Context, id string) (Relationship, error)
	// UpdateRelationship applies a patch; ENOTFOUND, EINVALID, EPRECONDITION.
	UpdateRelationship(ctx context.Context, id string, p RelationshipPatch, ifMatch string) (Relationship, error)
	// DeleteRelationship removes one relationship; ENOTFOUND, EPRECONDITION.
	DeleteRelationship(ctx context.Context, id string, ifMatch string) error
	// ListRelationships returns a page ordered by id; EINVALID.
	ListRelationships(ctx context.Context, f RelationshipFilter) (Page[Relationship], error)

	// RelationshipTypes returns the registry: the built-in types and those
	// users added.
	RelationshipTypes(ctx context.Context) (Registry, error)
	// CreateRelationshipType adds a type; EINVALID, ECONFLICT.
	CreateRelationshipType(ctx context.Context, t RelationshipType) (RelationshipType, error)

	// Import upserts a batch by id, all or nothing; every problem comes
	// back at once in one EINVALID error with a JSON path per problem.
	// With dryRun nothing is written.
	Import(ctx context.Context, b Batch, dryRun bool) (ImportResult, error)
	// Export returns the whole graph, ordered by id, in the import format;
	// importing it into an empty store and exporting again gives the same.
	Export(ctx context.Context) (Batch, error)

	// Paths answers a path query (see PathQuery); ENOTFOUND names a missing
	// endpoint, EINVALID a bad query, ETOOLARGE a cap exceeded.
	Paths(ctx context.Context, q PathQuery) ([]Path, error)

	// Version is a number that every successful write increases.
	Version(ctx context.Context) (uint64, error)
	// Ping reports whether the store is reachable.
	Ping(ctx context.Context) error
	// Close releases the store.
	Close() error
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

// PageLimit validates a page size and applies the default.
func PageLimit(n int) (int, error) {
	switch {
	case n == 0:
		return DefaultPageSize, nil
	case n < 0 || n > MaxPageSize:
		return 0, Invalid("invalid page size", FieldError{Path: "limit", Message: "must be between 1 and " + itoa(MaxPageSize)})
	}
	return n, nil
}

// MatchesActor reports whether a passes f's filters (not the paging).
func (f ActorFilter) MatchesActor(a *Actor) bool {
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
	if _, err := PageLimit(f.Limit); err != nil {
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
	if f.Kind != "" && !contains(ActorKinds, f.Kind) {
		errs.add("kind", "must be one of %s", strings.Join(ActorKinds, ", "))
	}
	if len(f.Q) > MaxNameLen || !utf8.ValidString(f.Q) {
		errs.add("q", "must be valid UTF-8 of at most %d bytes", MaxNameLen)
	}
	if len(f.Tag) > MaxNameLen || !utf8.ValidString(f.Tag) {
		errs.add("tag", "must be valid UTF-8 of at most %d bytes", MaxNameLen)
	}
	if _, err := PageLimit(f.Limit); err != nil {
		errs.add("limit", "must be between 1 and %d", MaxPageSize)
	}
	if len(errs) > 0 {
		return Invalid("invalid actor filter", errs...)
	}
	return nil
}
