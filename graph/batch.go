package graph

import (
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

	inBatch := make(map[string]bool, len(b.Actors))
	for i := range b.Actors {
		a := &b.Actors[i]
		p := "$.actors[" + itoa(i) + "]"
		a.Normalize()
		errs = append(errs, ValidateActor(a, p)...)
		if inBatch[a.ID] {
			errs = append(errs, FieldError{p + ".id", "duplicate actor id " + a.ID + " in this batch"})
		}
		inBatch[a.ID] = true
	}
	seenRel := make(map[string]bool, len(b.Relationships))
	for i := range b.Relationships {
		r := &b.Relationships[i]
		p := "$.relationships[" + itoa(i) + "]"
		if r.ID == "" && ValidID(r.Source) && ValidID(r.Target) {
			r.ID = RelationshipID(r.Source, r.Type, r.Target, r.ValidFrom)
		}
		r.Normalize()
		errs = append(errs, ValidateRelationship(r, reg, p)...)
		if seenRel[r.ID] {
			errs = append(errs, FieldError{p + ".id", "duplicate relationship id " + r.ID + " in this batch"})
		}
		seenRel[r.ID] = true
		for _, end := range []struct{ field, id string }{{"source", r.Source}, {"target", r.Target}} {
			if ValidID(end.id) && !inBatch[end.id] && !existing[end.id] {
				errs = append(errs, FieldError{p + "." + end.field, "actor " + end.id + " does not exist"})
			}
		}
	}
	if len(errs) > 0 {
		return Invalid("the batch has invalid records; nothing was written", errs...)
	}
	return nil
}

// ReferencedActors lists the relationship endpoints that the batch does not
// define itself, sorted: the ones a store must look up.
func (b *Batch) ReferencedActors() []string {
	def := make(map[string]bool, len(b.Actors))
	for _, a := range b.Actors {
		def[a.ID] = true
	}
	ref := map[string]bool{}
	for _, r := range b.Relationships {
		for _, id := range []string{r.Source, r.Target} {
			if !def[id] && ValidID(id) {
				ref[id] = true
			}
		}
	}
	out := make([]string, 0, len(ref))
	for id := range ref {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// SameActor reports whether two actors hold the same data, ignoring
// timestamps: an import of an unchanged record leaves it untouched.
func SameActor(a, b Actor) bool {
	a.CreatedAt, a.UpdatedAt = b.CreatedAt, b.UpdatedAt
	a.Normalize()
	b.Normalize()
	return reflect.DeepEqual(a, b)
}

// SameRelationship reports whether two relationships hold the same data,
// ignoring timestamps.
func SameRelationship(a, b Relationship) bool {
	a.CreatedAt, a.UpdatedAt = b.CreatedAt, b.UpdatedAt
	a.Normalize()
	b.Normalize()
	return reflect.DeepEqual(a, b)
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
