package graph

import (
	"context"
	"slices"
	"sync"
	"time"
)

// Store is the graph as every caller sees it: the portable layer over a
// backend's Driver. It normalises and validates what comes in, stamps
// timestamps, checks revisions, pages listings and selects, sorts and
// caps paths, once for every backend; the driver stores and searches.
//
// All methods return *Error values (see the codes in errors.go); each
// method's comment names the codes it returns besides EUNAVAILABLE (store
// unreachable, out of time) and EINTERNAL. Every write either happens
// whole or not at all, and bumps Version. A Store is safe for concurrent
// use; its fields must not change once it is in use.
type Store struct {
	d Driver
	// log is the change feed (changelog.go), kept when the driver is the
	// graph's only writer (exclusive).
	log       changeLog
	exclusive bool

	// Now is the clock that stamps created_at and updated_at; tests may
	// replace it before the store is used.
	Now func() time.Time
}

// NewStore returns the Store over d. Closing the Store closes d.
func NewStore(d Driver) *Store {
	x, ok := d.(Exclusive)
	return &Store{d: d, Now: time.Now, exclusive: ok && x.Exclusive()}
}

// Driver returns the driver the store runs on, for what only that
// backend offers.
func (s *Store) Driver() Driver { return s.d }

func (s *Store) now() time.Time { return Timestamp(s.Now()) }

// CreateActor stores a new actor; EINVALID, ECONFLICT (id taken).
func (s *Store) CreateActor(ctx context.Context, a Actor) (Actor, error) {
	a.Normalize()
	if errs := ValidateActor(&a, "$"); len(errs) > 0 {
		return Actor{}, Invalid("invalid actor", errs...)
	}
	now := s.now()
	if a.CreatedAt.IsZero() {
		a.CreatedAt = now
	}
	if a.UpdatedAt.IsZero() {
		a.UpdatedAt = now
	}
	done := s.log.begin()
	a, err := s.d.CreateActor(ctx, a)
	done(err == nil, &ChangeSet{Actors: []string{a.ID}})
	return a, err
}

// GetActor returns one actor; ENOTFOUND.
func (s *Store) GetActor(ctx context.Context, id string) (Actor, error) {
	return s.d.GetActor(ctx, id)
}

// UpdateActor applies a patch, when rev is set only while the actor is at
// that revision. A patch that changes nothing writes nothing. ENOTFOUND,
// EINVALID, EPRECONDITION.
func (s *Store) UpdateActor(ctx context.Context, id string, p ActorPatch, rev Revision) (Actor, error) {
	now := s.now()
	done, wrote := s.log.begin(), false
	defer func() { done(wrote, &ChangeSet{Actors: []string{id}}) }()
	a, err := s.d.UpdateActor(ctx, id, func(cur Actor) (Actor, bool, error) {
		wrote = false
		if err := rev.check(cur); err != nil {
			return Actor{}, false, err
		}
		next := p.Apply(cur)
		next.Normalize()
		if errs := ValidateActor(&next, "$"); len(errs) > 0 {
			return Actor{}, false, Invalid("invalid actor", errs...)
		}
		if sameActor(next, cur) {
			return cur, false, nil
		}
		next.UpdatedAt = now
		wrote = true
		return next, true, nil
	})
	wrote = wrote && err == nil
	return a, err
}

// DeleteActor removes an actor, when rev is set only while it is at that
// revision; with cascade its relationships go too, without it an actor that
// has relationships is ECONFLICT. ENOTFOUND, EPRECONDITION.
func (s *Store) DeleteActor(ctx context.Context, id string, cascade bool, rev Revision) error {
	// The ties a cascade removes are not listed: a reader drops the ties
	// of every actor it finds gone.
	done := s.log.begin()
	err := s.d.DeleteActor(ctx, id, func(cur Actor, ties int) error {
		if err := rev.check(cur); err != nil {
			return err
		}
		if ties > 0 && !cascade {
			return Errorf(ECONFLICT, "actor %s has %d relationships; delete them first or pass cascade=true", id, ties)
		}
		return nil
	})
	done(err == nil, &ChangeSet{Actors: []string{id}})
	return err
}

// ListActors returns a page of actors ordered by id; EINVALID.
func (s *Store) ListActors(ctx context.Context, f ActorFilter) (Page[Actor], error) {
	if err := f.Validate(); err != nil {
		return Page[Actor]{}, err
	}
	limit, _ := pageLimit(f.Limit)
	after, err := DecodeCursor(f.Cursor)
	if err != nil {
		return Page[Actor]{}, err
	}
	scan := ActorScan{After: after, Kind: f.Kind, Tag: f.Tag, Exact: f.Q == ""}
	actors, err := s.d.ListActors(ctx, scan, limit+1, f.matches)
	if err != nil {
		return Page[Actor]{}, err
	}
	return pageOf(actors, limit, func(a *Actor) string { return a.ID }), nil
}

// pageOf makes a page of the first limit items of a listing that read up
// to one more, so as to know whether another page follows.
func pageOf[T any](items []T, limit int, id func(*T) string) Page[T] {
	page := Page[T]{Items: items}
	if page.Items == nil {
		page.Items = []T{}
	}
	if len(items) > limit {
		page.Items = items[:limit]
		page.NextCursor = EncodeCursor(id(&items[limit-1]))
	}
	return page
}

// CreateRelationship stores a new relationship, deriving its id when it
// has none (RelationshipID); EINVALID (including an unknown type or a
// missing endpoint, each with its JSON path), ECONFLICT (id taken).
func (s *Store) CreateRelationship(ctx context.Context, r Relationship) (Relationship, error) {
	if r.ID == "" && ValidID(r.Source) && ValidID(r.Target) {
		r.ID = RelationshipID(r.Source, r.Type, r.Target, r.ValidFrom)
	}
	r.Normalize()
	now := s.now()
	if r.CreatedAt.IsZero() {
		r.CreatedAt = now
	}
	if r.UpdatedAt.IsZero() {
		r.UpdatedAt = now
	}
	done := s.log.begin()
	out, err := s.d.CreateRelationship(ctx, r, func(reg Registry, haveSource, haveTarget bool) error {
		errs := ValidateRelationship(&r, reg, "$")
		if !haveSource {
			errs = append(errs, FieldError{Path: "$.source", Message: "actor " + r.Source + " does not exist"})
		}
		if !haveTarget {
			errs = append(errs, FieldError{Path: "$.target", Message: "actor " + r.Target + " does not exist"})
		}
		if len(errs) > 0 {
			return Invalid("invalid relationship", errs...)
		}
		return nil
	})
	done(err == nil, &ChangeSet{Relationships: []string{r.ID}})
	return out, err
}

// GetRelationship returns one relationship; ENOTFOUND.
func (s *Store) GetRelationship(ctx context.Context, id string) (Relationship, error) {
	return s.d.GetRelationship(ctx, id)
}

// UpdateRelationship applies a patch, when rev is set only while the
// relationship is at that revision. A patch that changes nothing writes
// nothing. ENOTFOUND, EINVALID, EPRECONDITION.
func (s *Store) UpdateRelationship(ctx context.Context, id string, p RelationshipPatch, rev Revision) (Relationship, error) {
	now := s.now()
	done, wrote := s.log.begin(), false
	defer func() { done(wrote, &ChangeSet{Relationships: []string{id}}) }()
	r, err := s.d.UpdateRelationship(ctx, id, func(cur Relationship, reg Registry) (Relationship, bool, error) {
		wrote = false
		if err := rev.check(cur); err != nil {
			return Relationship{}, false, err
		}
		next := p.Apply(cur)
		next.Normalize()
		if errs := ValidateRelationship(&next, reg, "$"); len(errs) > 0 {
			return Relationship{}, false, Invalid("invalid relationship", errs...)
		}
		if SameRelationship(next, cur) {
			return cur, false, nil
		}
		next.UpdatedAt = now
		wrote = true
		return next, true, nil
	})
	wrote = wrote && err == nil
	return r, err
}

// DeleteRelationship removes one relationship, when rev is set only while
// it is at that revision; ENOTFOUND, EPRECONDITION.
func (s *Store) DeleteRelationship(ctx context.Context, id string, rev Revision) error {
	done := s.log.begin()
	err := s.d.DeleteRelationship(ctx, id, func(cur Relationship) error { return rev.check(cur) })
	done(err == nil, &ChangeSet{Relationships: []string{id}})
	return err
}

// ListRelationships returns a page ordered by id; EINVALID.
func (s *Store) ListRelationships(ctx context.Context, f RelationshipFilter) (Page[Relationship], error) {
	limit, err := pageLimit(f.Limit)
	if err != nil {
		limit = DefaultPageSize // Validate reports it, with the filter's other problems
	}
	after, cursorErr := DecodeCursor(f.Cursor)
	rels, err := s.d.ListRelationships(ctx, f, after, limit+1, func(reg Registry) error {
		if err := f.Validate(reg); err != nil {
			return err
		}
		return cursorErr
	})
	if err != nil {
		return Page[Relationship]{}, err
	}
	return pageOf(rels, limit, func(r *Relationship) string { return r.ID }), nil
}

// RelationshipTypes returns the registry: the built-in types and those
// users added.
func (s *Store) RelationshipTypes(ctx context.Context) (Registry, error) {
	return s.d.RelationshipTypes(ctx)
}

// CreateRelationshipType adds a type; EINVALID, ECONFLICT.
func (s *Store) CreateRelationshipType(ctx context.Context, t RelationshipType) (RelationshipType, error) {
	if errs := ValidateType(&t, "$"); len(errs) > 0 {
		return RelationshipType{}, Invalid("invalid relationship type", errs...)
	}
	done := s.log.begin()
	t, err := s.d.CreateRelationshipType(ctx, t)
	done(err == nil, nil) // the registry changed: everything may read differently
	return t, err
}

// Import upserts a batch by id, all or nothing; every problem comes back
// at once in one EINVALID error with a JSON path per problem. With dryRun
// nothing is written. The batch is normalised in place (derived ids,
// empty lists).
func (s *Store) Import(ctx context.Context, b Batch, dryRun bool) (ImportResult, error) {
	done := s.log.begin()
	res, err := s.d.Import(ctx, b, dryRun, s.now())
	done(err == nil && !dryRun, nil) // too much to list
	return res, err
}

// Export returns the whole graph, ordered by id, in the import format;
// importing it into an empty store and exporting again gives the same.
func (s *Store) Export(ctx context.Context) (Batch, error) {
	return s.d.Export(ctx)
}

// Walk reads the whole graph, ordered by id, without copying it: actor
// sees every actor, then rel every relationship, each once, from one
// consistent read (see Driver.Walk: the records are lent for the call, and
// the functions must not call the store). Analysis builds its projection
// this way instead of holding an Export.
func (s *Store) Walk(ctx context.Context, actor func(*Actor) error, rel WalkFunc) error {
	return s.d.Walk(ctx, actor, rel)
}

// Paths answers a path query (see PathQuery); ENOTFOUND names a missing
// endpoint, EINVALID a bad query, ETOOLARGE a query that matches more than
// MaxPathCandidates paths.
//
// Every path's ties coexisted: each path carries its Window, and a path
// whose ties never were valid on one common day is not an answer. With an
// AsOf day every selected tie is valid on it, so every window holds it;
// without one (all of history), the drivers' shortest-path searches may
// return paths whose ties never coexisted, so the layer asks for every
// path within MaxHops (only when a candidate had to be dropped), drops
// those, and selects by mode among the rest: a shortest path of ties that
// never coexisted gives way to a longer one that did.
func (s *Store) Paths(ctx context.Context, q PathQuery) ([]Path, error) {
	paths, _, err := s.FindPaths(ctx, q)
	return paths, err
}

// FindPaths is Paths, also saying whether the answer was cut to q.Limit:
// truncated is true when more paths match than the answer holds (for
// all_shortest, when a driver stopped at the limit, more may match).
func (s *Store) FindPaths(ctx context.Context, q PathQuery) (paths []Path, truncated bool, err error) {
	q.Types = slices.Clone(q.Types)
	q.Exclude = slices.Clone(q.Exclude)
	reg := builtinRegistry()
	for _, t := range q.Types {
		if _, ok := reg.Get(t); !ok {
			// Only a query naming a user type needs the store's registry.
			var err error
			if reg, err = s.d.RelationshipTypes(ctx); err != nil {
				return nil, false, err
			}
			break
		}
	}
	if err := q.Normalize(reg); err != nil {
		return nil, false, err
	}
	if q.Mode == ModeTemporal {
		return s.temporalPaths(ctx, q)
	}
	c, err := s.d.Paths(ctx, q)
	if err != nil {
		return nil, false, err
	}
	paths, dropped := coexisting(c.Paths)
	if dropped && (q.Mode != ModeAll || len(c.Paths) >= q.Limit) && c.Count <= MaxPathCandidates {
		// The driver's candidates included ties that never coexisted,
		// so they may not hold the best that did: ask for every path.
		dq := q
		dq.Mode, dq.K, dq.Limit = ModeAll, 0, MaxPathCandidates
		if c, err = s.d.Paths(ctx, dq); err != nil {
			return nil, false, err
		}
		paths, _ = coexisting(c.Paths)
	}
	if c.Count > MaxPathCandidates {
		return nil, false, Errorf(ETOOLARGE, "the query matches more than %d paths; narrow it with types, as_of, min_confidence, exclude or a smaller max_hops", MaxPathCandidates)
	}
	// A driver may have stopped at the limit (all, all_shortest).
	driverCut := c.Count > len(c.Paths) && (q.Mode == ModeAll || q.Mode == ModeAllShortest)
	paths, cut := selectPaths(paths, &q)
	return paths, cut || driverCut, nil
}

// coexisting fills each path's Window and keeps those whose window is not
// empty; dropped says whether any was not.
func coexisting(paths []Path) ([]Path, bool) {
	kept := paths[:0]
	for _, p := range paths {
		p.Window = CommonWindow(p.Relationships)
		if !p.Window.Empty() {
			kept = append(kept, p)
		}
	}
	return kept, len(kept) < len(paths)
}

// selectPaths keeps the candidates the query's mode asks for, in output
// order, cut at the limit.
func selectPaths(paths []Path, q *PathQuery) ([]Path, bool) {
	switch q.Mode {
	case ModeShortest:
		slices.SortStableFunc(paths, ComparePathsBySelection)
		paths = paths[:min(1, len(paths))]
	case ModeKShortest:
		slices.SortStableFunc(paths, ComparePathsBySelection)
		paths = paths[:min(q.K, len(paths))]
	case ModeAllShortest:
		if len(paths) > 0 {
			best := slices.MinFunc(paths, ComparePathsBySelection).Cost
			paths = slices.DeleteFunc(paths, func(p Path) bool { return !SameCost(p.Cost, best) })
		}
		SortPaths(paths)
	default:
		SortPaths(paths)
	}
	cut := len(paths) > q.Limit
	if cut {
		paths = paths[:q.Limit]
	}
	if paths == nil {
		paths = []Path{}
	}
	return paths, cut
}

// builtinRegistry is the registry of the built-in types alone: enough to
// check a query that names no user type, since types are never removed.
var builtinRegistry = sync.OnceValue(func() Registry { return NewRegistry(BuiltinTypes()) })

// Version is a number that every successful write increases.
func (s *Store) Version(ctx context.Context) (uint64, error) { return s.d.Version(ctx) }

// Ping reports whether the store is reachable.
func (s *Store) Ping(ctx context.Context) error { return s.d.Ping(ctx) }

// Close releases the store and its driver.
func (s *Store) Close() error { return s.d.Close() }
