package graph

// Revision names the version of a record that a write is conditional on:
// the write applies only while the record is still at that revision. The
// zero Revision places no condition. A record's revision is its ETag, so a
// client that read a record can name the version it read.
type Revision struct {
	tag string
}

// RevisionOf returns the current revision of an actor, relationship or
// relationship type (by value or pointer).
func RevisionOf(v any) Revision { return Revision{tag: ETag(v)} }

// ParseRevision reads a revision in the form String gives (an ETag); the
// empty string is the zero Revision.
func ParseRevision(s string) Revision { return Revision{tag: s} }

// IsZero reports whether r places no condition.
func (r Revision) IsZero() bool { return r.tag == "" }

// String returns the revision as an ETag, or "" for the zero Revision.
func (r Revision) String() string { return r.tag }

// check returns EPRECONDITION unless cur is at revision r.
func (r Revision) check(cur any) error {
	if r.tag != "" && r.tag != ETag(cur) {
		return Errorf(EPRECONDITION, "the resource has changed: revision %s is not its current one", r.tag)
	}
	return nil
}
