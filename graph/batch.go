package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"sort"
	"time"
)

// RelationshipID derives a stable id for a relationship that came without
// one, from what identifies the tie: its endpoints, type and start date.
// Deriving it (rather than drawing a random one) makes a repeated import of
// the same file, or a retried create, land on the same record.
func RelationshipID(source, typ, target string, from *Date) string {
	id := source + "--" + typ + "--" + target
	if from != nil {
		id += "--" + from.String()
	}
	if len(id) > 128 {
		sum := sha256.Sum256([]byte(id))
		id = id[:100] + "-" + hex.EncodeToString(sum[:8])
	}
	return id
}

// Prepare validates a batch as a whole, before any of it is written: every
// type, actor and relationship on its own, duplicate ids inside the batch,
// and that every relationship's endpoints exist either in the batch or in
// the store (existing reports which of ReferencedActors the store has).
// It returns every problem at once, each with its JSON path.
func (b *Batch) Prepare(reg Registry, existing map[string]bool) error {
	return b.PrepareWith(reg, func(id string) bool { return existing[id] })
}

// PrepareWith is Prepare for a store that can answer "does this actor
// exist" directly (an in-memory one): it asks exists about the endpoints
// the batch does not define, and saves building ReferencedActors' list
// and map, a second pass over every relationship of the batch.
func (b *Batch) PrepareWith(reg Registry, exists func(id string) bool) error {
	var errs []FieldError
	seenType := map[string]bool{}
	for i := range b.RelationshipTypes {
		t := &b.RelationshipTypes[i]
		p := "$.relationship_types[" + itoa(i) + "]"
		t.Builtin = false
		errs = append(errs, ValidateType(t, p)...)
		if seenType[t.Name] {
			errs = append(errs, FieldError{p + ".name", "duplicate type " + t.Name + " in this batch"})
		}
		seenType[t.Name] = true
		if old, ok := reg.Get(t.Name); ok && old.Builtin {
			errs = append(errs, FieldError{p + ".name", "built-in type " + t.Name + " cannot be redefined"})
		}
	}
	reg = NewRegistry(append(reg.Types(), b.RelationshipTypes...))

	// The loops below run once per record of batches of 10^6 records: a
	// record's JSON path is built only when it has a problem (the
	// validators get an empty prefix and their paths are prefixed after).
	inBatch := make(map[string]bool, len(b.Actors))
	for i := range b.Actors {
		a := &b.Actors[i]
		a.Normalize()
		errs = appendAt(errs, "$.actors", i, ValidateActor(a, ""))
		if !insert(inBatch, a.ID, true) {
			errs = append(errs, FieldError{"$.actors[" + itoa(i) + "].id", "duplicate actor id " + a.ID + " in this batch"})
		}
	}
	seenRel := make(map[string]struct{}, len(b.Relationships))
	for i := range b.Relationships {
		r := &b.Relationships[i]
		srcOK, dstOK := ValidID(r.Source), ValidID(r.Target)
		if r.ID == "" && srcOK && dstOK {
			r.ID = RelationshipID(r.Source, r.Type, r.Target, r.ValidFrom)
		}
		r.Normalize()
		errs = appendAt(errs, "$.relationships", i, ValidateRelationship(r, reg, ""))
		if !insert(seenRel, r.ID, struct{}{}) {
			errs = append(errs, FieldError{"$.relationships[" + itoa(i) + "].id", "duplicate relationship id " + r.ID + " in this batch"})
		}
		if srcOK && !inBatch[r.Source] && !exists(r.Source) {
			errs = append(errs, FieldError{"$.relationships[" + itoa(i) + "].source", "actor " + r.Source + " does not exist"})
		}
		if dstOK && !inBatch[r.Target] && !exists(r.Target) {
			errs = append(errs, FieldError{"$.relationships[" + itoa(i) + "].target", "actor " + r.Target + " does not exist"})
		}
	}
	if len(errs) > 0 {
		return Invalid("the batch has invalid records; nothing was written", errs...)
	}
	return nil
}

// insert sets m[k] = v and reports whether k is new: one map operation,
// not a lookup and then an insert (the map grows exactly when k is new).
func insert[V any](m map[string]V, k string, v V) bool {
	n := len(m)
	m[k] = v
	return len(m) > n
}

// appendAt appends the problems of the record list[i], found with an empty
// path prefix, under that record's path.
func appendAt(errs []FieldError, list string, i int, found []FieldError) []FieldError {
	if len(found) == 0 {
		return errs
	}
	p := list + "[" + itoa(i) + "]"
	for _, e := range found {
		errs = append(errs, FieldError{p + e.Path, e.Message})
	}
	return errs
}

// ReferencedActors lists the relationship endpoints that the batch does not
// define itself, sorted: the ones a store must look up.
func (b *Batch) ReferencedActors() []string {
	def := make(map[string]bool, len(b.Actors))
	for _, a := range b.Actors {
		def[a.ID] = true
	}
	ref := map[string]bool{}
	for i := range b.Relationships {
		r := &b.Relationships[i]
		if !def[r.Source] && ValidID(r.Source) {
			ref[r.Source] = true
		}
		if !def[r.Target] && ValidID(r.Target) {
			ref[r.Target] = true
		}
	}
	out := make([]string, 0, len(ref))
	for id := range ref {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// sameActor reports whether two actors hold the same data, ignoring
// timestamps: an import of an unchanged record leaves it untouched.
func sameActor(a, b Actor) bool {
	a.CreatedAt, a.UpdatedAt = b.CreatedAt, b.UpdatedAt
	a.Normalize()
	b.Normalize()
	return reflect.DeepEqual(a, b)
}

// sameType reports whether two registry entries say the same thing.
func sameType(a, b RelationshipType) bool {
	ga, gb := a.Goldstein, b.Goldstein
	a.Goldstein, b.Goldstein = nil, nil
	if a != b {
		return false
	}
	return (ga == nil && gb == nil) || (ga != nil && gb != nil && *ga == *gb)
}

// SameRelationship reports whether two relationships hold the same data,
// ignoring timestamps.
func SameRelationship(a, b Relationship) bool {
	a.CreatedAt, a.UpdatedAt = b.CreatedAt, b.UpdatedAt
	a.Normalize()
	b.Normalize()
	return reflect.DeepEqual(a, b)
}

// UpsertType tallies an imported type against the stored one (nil when
// there is none) and reports whether the import writes it.
func (c *Counts) UpsertType(t RelationshipType, old *RelationshipType) bool {
	switch {
	case old == nil:
		c.Created++
	case sameType(*old, t):
		c.Unchanged++
		return false
	default:
		c.Updated++
	}
	return true
}

// UpsertActor tallies an imported actor against the stored one (nil when
// there is none) and returns it stamped (Stamp) for writing, or false
// when the import leaves it as it is.
func (c *Counts) UpsertActor(a Actor, old *Actor, now time.Time) (Actor, bool) {
	var oldCreated *time.Time
	switch {
	case old == nil:
		c.Created++
	case sameActor(a, *old):
		c.Unchanged++
		return Actor{}, false
	default:
		c.Updated++
		oldCreated = &old.CreatedAt
	}
	a.CreatedAt, a.UpdatedAt = Stamp(a.CreatedAt, a.UpdatedAt, oldCreated, now)
	return a, true
}

// UpsertRelationship is UpsertActor for a relationship.
func (c *Counts) UpsertRelationship(r Relationship, old *Relationship, now time.Time) (Relationship, bool) {
	var oldCreated *time.Time
	switch {
	case old == nil:
		c.Created++
	case SameRelationship(r, *old):
		c.Unchanged++
		return Relationship{}, false
	default:
		c.Updated++
		oldCreated = &old.CreatedAt
	}
	r.CreatedAt, r.UpdatedAt = Stamp(r.CreatedAt, r.UpdatedAt, oldCreated, now)
	return r, true
}

// Stamp returns the timestamps of an imported record. A record that
// carries its own (an export being restored) keeps them; otherwise a new
// record is stamped now, and an updated one keeps its creation time.
func Stamp(created, updated time.Time, old *time.Time, now time.Time) (time.Time, time.Time) {
	if created.IsZero() {
		created = now
		if old != nil {
			created = *old
		}
	}
	if updated.IsZero() {
		updated = now
	}
	return Timestamp(created), Timestamp(updated)
}

// Walk lends b's actors, then its relationships, in the batch's order,
// as Store.Walk lends a store's (an export is in id order): the records
// are b's own, not to be changed. An endpoint's position is that of the
// last actor with its id (-1 when there is none, or actor is nil). A nil
// function skips its half; the first error either returns ends the walk
// and is returned unchanged.
func (b *Batch) Walk(ctx context.Context, actor func(*Actor) error, rel WalkFunc) error {
	var at map[string]int
	if actor != nil {
		at = make(map[string]int, len(b.Actors))
		for i := range b.Actors {
			if err := actor(&b.Actors[i]); err != nil {
				return err
			}
			at[b.Actors[i].ID] = i
		}
	}
	pos := func(id string) int {
		if i, ok := at[id]; ok {
			return i
		}
		return -1
	}
	if rel != nil {
		for i := range b.Relationships {
			if i%4096 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			r := &b.Relationships[i]
			if err := rel(r, pos(r.Source), pos(r.Target)); err != nil {
				return err
			}
		}
	}
	return nil
}
