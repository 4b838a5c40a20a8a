package graph

import (
	"context"
	"time"
)

// Driver is what a backend implements for Store, the portable layer above
// it (in the manner of go-cloud's docstore/driver, or database/sql/driver).
// A driver stores, reads and searches; it does not decide. Store
// normalises, validates, stamps, checks revisions, pages and post-processes
// paths before or after calling it, so every backend answers alike.
//
// Each read-modify-write takes a function from Store and calls it on the
// current record under the driver's own lock or transaction: the rules are
// Store's, the atomicity the driver's. Such a function is pure and may be
// called more than once (a transaction may be retried). An error it returns
// is returned unchanged and nothing is written.
//
// Every method returns *Error values (see errors.go): a driver maps its own
// failures to EUNAVAILABLE or EINTERNAL, and returns the other codes each
// method names. Every write happens whole or not at all and bumps Version.
type Driver interface {
	// CreateActor stores a valid, stamped actor; ECONFLICT (id taken).
	CreateActor(ctx context.Context, a Actor) (Actor, error)
	// GetActor returns one actor; ENOTFOUND.
	GetActor(ctx context.Context, id string) (Actor, error)
	// UpdateActor reads actor id and calls update with it; when update
	// says to write, it stores next and returns it, otherwise it returns
	// next without writing. ENOTFOUND.
	UpdateActor(ctx context.Context, id string, update func(cur Actor) (next Actor, write bool, err error)) (Actor, error)
	// DeleteActor reads actor id and how many relationships it has, calls
	// check with them and, when check returns nil, removes the actor and
	// all its relationships. ENOTFOUND.
	DeleteActor(ctx context.Context, id string, check func(cur Actor, ties int) error) error
	// ListActors returns, in id order, up to n of the actors whose id
	// sorts after s.After and that keep accepts (keep is pure: it may be
	// called again on a retry).
	ListActors(ctx context.Context, s ActorScan, n int, keep func(*Actor) bool) ([]Actor, error)

	// CreateRelationship calls check with the registry and whether r's
	// source and target exist (an endpoint that is not a valid id counts
	// as existing: check reports it), under the same lock as the write;
	// when check returns nil it stores r. ECONFLICT (id taken).
	CreateRelationship(ctx context.Context, r Relationship, check func(reg Registry, haveSource, haveTarget bool) error) (Relationship, error)
	// GetRelationship returns one relationship; ENOTFOUND.
	GetRelationship(ctx context.Context, id string) (Relationship, error)
	// UpdateRelationship is UpdateActor for relationships; update also
	// gets the registry. ENOTFOUND.
	UpdateRelationship(ctx context.Context, id string, update func(cur Relationship, reg Registry) (next Relationship, write bool, err error)) (Relationship, error)
	// DeleteRelationship reads relationship id, calls check with it and,
	// when check returns nil, removes it. ENOTFOUND.
	DeleteRelationship(ctx context.Context, id string, check func(cur Relationship) error) error
	// ListRelationships calls check with the registry, then returns, in id
	// order, up to limit relationships whose id sorts after after and that
	// match f (whose Limit and Cursor it ignores).
	ListRelationships(ctx context.Context, f RelationshipFilter, after string, limit int, check func(reg Registry) error) ([]Relationship, error)

	// RelationshipTypes returns the registry: built-in and user types.
	RelationshipTypes(ctx context.Context) (Registry, error)
	// CreateRelationshipType stores a valid user type; ECONFLICT.
	CreateRelationshipType(ctx context.Context, t RelationshipType) (RelationshipType, error)

	// Import upserts a batch as Store.Import describes, stamping the
	// records it writes with now (see Stamp). It validates the batch with
	// Batch.Prepare or PrepareWith against the registry and actors it holds.
	Import(ctx context.Context, b Batch, dryRun bool, now time.Time) (ImportResult, error)
	// Export returns the whole graph as Store.Export describes.
	Export(ctx context.Context) (Batch, error)
	// Walk reads the whole graph without copying it: from one consistent
	// read, it calls actor with every actor in id order, then rel with
	// every relationship in id order (a nil function skips its half),
	// each record exactly once. rel also gets the positions of the
	// relationship's source and target in the actor walk (0 for the first
	// actor lent), so that a reader numbering the actors need not look
	// their ids up again; -1 when actor was nil. The records are the
	// driver's own or scratch space: valid only during the call, never to
	// be changed or kept (copy what is needed). The functions must not
	// call the driver: it may hold its read lock or transaction while
	// they run. The first error either returns ends the walk and is
	// returned unchanged.
	Walk(ctx context.Context, actor func(*Actor) error, rel WalkFunc) error

	// Paths finds the candidate paths of a normalised query's mode, each
	// finished (Path.Finish); see PathCandidates. ENOTFOUND names a
	// missing endpoint.
	Paths(ctx context.Context, q PathQuery) (PathCandidates, error)

	// UpdateScenario reads scenario id, calls update with it (nil when
	// there is none) and, under the same lock, stores what update returns
	// or, when it returns nil, removes the scenario. Scenarios live beside
	// the graph: their writes do not bump Version.
	UpdateScenario(ctx context.Context, id string, update func(cur *Scenario) (next *Scenario, err error)) error
	// GetScenario returns one scenario; ENOTFOUND.
	GetScenario(ctx context.Context, id string) (Scenario, error)
	// ListScenarios returns, in id order, up to limit scenarios whose id
	// sorts after after.
	ListScenarios(ctx context.Context, after string, limit int) ([]Scenario, error)

	// PutEvents stores the events (valid, their ids distinct) whose ids
	// it does not hold and returns how many; the others are left as they
	// are. Events live beside the graph: their writes do not bump Version.
	PutEvents(ctx context.Context, events []Event) (stored int, err error)
	// ListEvents returns, in id order, up to limit events whose id sorts
	// after after and that match f.
	ListEvents(ctx context.Context, f EventFilter, after string, limit int) ([]Event, error)

	// GetEventMapping returns the stored event mapping; ENOTFOUND when
	// none is stored.
	GetEventMapping(ctx context.Context) (EventMapping, error)
	// UpdateEventMapping reads the stored event mapping, calls update with
	// it (nil when there is none) and, under the same lock, stores what
	// update returns or, when it returns nil, removes it. The mapping lives
	// beside the graph: its writes do not bump Version.
	UpdateEventMapping(ctx context.Context, update func(cur *EventMapping) (next *EventMapping, err error)) error

	// Version is a number that every successful write of the graph
	// increases.
	Version(ctx context.Context) (uint64, error)
	// Ping reports whether the backend is reachable.
	Ping(ctx context.Context) error
	// Close releases the backend.
	Close() error
}

// WalkFunc receives one relationship of a walk (Driver.Walk) and the
// positions of its source and target in the walk's actors (-1 when the
// walk lent no actors).
type WalkFunc func(r *Relationship, source, target int) error

// ActorScan is what Driver.ListActors reads: the actors after an id, and
// the filters a driver may apply itself (keep checks them anyway). Exact
// says that keep accepts every actor that passes Kind and Tag, so that a
// driver that filters on those need read no more than n actors.
type ActorScan struct {
	After string
	Kind  ActorKind
	Tag   string
	Exact bool
}

// MaxPathCandidates is how many candidate paths one query may match
// before it is refused as too broad (ETOOLARGE), on every backend, so that
// a query on a dense graph cannot exhaust memory or time.
const MaxPathCandidates = 100_000

// PathCandidates is a driver's answer to a path query.
//
// Paths holds the candidates of the query's mode: for shortest and
// k_shortest at least the first 1 or k paths in selection order
// (ComparePathsBySelection), and every path that ties with the last of
// them; for all_shortest the paths of least cost; for all the simple paths
// of at most MaxHops hops. For all and all_shortest a driver may return
// only the first Limit of them in output order (ComparePaths).
//
// Count is how many candidates the query matches, at least len(Paths); a
// driver may stop counting past MaxPathCandidates, and reports a count
// above it when its search gave up as too broad.
type PathCandidates struct {
	Paths []Path
	Count int
}
