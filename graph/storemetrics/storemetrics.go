// Package storemetrics wraps a graph.Driver so that every call is timed: a
// decorator that delegates each method and reports its name, duration and
// error to an Observer (the metrics package turns that into a Prometheus
// histogram). It adds no behaviour of its own; graph.NewStore puts the
// portable layer above it, so what is timed is the backend's work.
package storemetrics

import (
	"context"
	"time"

	"github.com/detente/detente/graph"
)

// Observer receives one call: the method's name (e.g. "Paths"), how long
// it took, and the error it returned. It must be safe for concurrent use.
type Observer func(op string, d time.Duration, err error)

// Driver is a graph.Driver that reports every call but Close to its
// Observer. The embedded Driver only keeps the wrapper compiling when the
// interface grows; every method is overridden here (a test checks that).
type Driver struct {
	graph.Driver
	observe Observer
}

var _ graph.Driver = (*Driver)(nil)

// New wraps inner.
func New(inner graph.Driver, observe Observer) *Driver {
	return &Driver{Driver: inner, observe: observe}
}

// Unwrap returns the wrapped driver.
func (s *Driver) Unwrap() graph.Driver { return s.Driver }

// Exclusive reports whether the wrapped driver is its graph's only writer
// (graph.Exclusive).
func (s *Driver) Exclusive() bool {
	x, ok := s.Driver.(graph.Exclusive)
	return ok && x.Exclusive()
}

func call[T any](s *Driver, op string, f func() (T, error)) (T, error) {
	start := time.Now()
	v, err := f()
	s.observe(op, time.Since(start), err)
	return v, err
}

func call0(s *Driver, op string, f func() error) error {
	start := time.Now()
	err := f()
	s.observe(op, time.Since(start), err)
	return err
}

func (s *Driver) CreateActor(ctx context.Context, a graph.Actor) (graph.Actor, error) {
	return call(s, "CreateActor", func() (graph.Actor, error) { return s.Driver.CreateActor(ctx, a) })
}

func (s *Driver) GetActor(ctx context.Context, id string) (graph.Actor, error) {
	return call(s, "GetActor", func() (graph.Actor, error) { return s.Driver.GetActor(ctx, id) })
}

func (s *Driver) UpdateActor(ctx context.Context, id string, update func(graph.Actor) (graph.Actor, bool, error)) (graph.Actor, error) {
	return call(s, "UpdateActor", func() (graph.Actor, error) { return s.Driver.UpdateActor(ctx, id, update) })
}

func (s *Driver) DeleteActor(ctx context.Context, id string, check func(graph.Actor, int) error) error {
	return call0(s, "DeleteActor", func() error { return s.Driver.DeleteActor(ctx, id, check) })
}

func (s *Driver) ListActors(ctx context.Context, sc graph.ActorScan, n int, keep func(*graph.Actor) bool) ([]graph.Actor, error) {
	return call(s, "ListActors", func() ([]graph.Actor, error) { return s.Driver.ListActors(ctx, sc, n, keep) })
}

func (s *Driver) CreateRelationship(ctx context.Context, r graph.Relationship, check func(graph.Registry, bool, bool) error) (graph.Relationship, error) {
	return call(s, "CreateRelationship", func() (graph.Relationship, error) { return s.Driver.CreateRelationship(ctx, r, check) })
}

func (s *Driver) GetRelationship(ctx context.Context, id string) (graph.Relationship, error) {
	return call(s, "GetRelationship", func() (graph.Relationship, error) { return s.Driver.GetRelationship(ctx, id) })
}

func (s *Driver) UpdateRelationship(ctx context.Context, id string, update func(graph.Relationship, graph.Registry) (graph.Relationship, bool, error)) (graph.Relationship, error) {
	return call(s, "UpdateRelationship", func() (graph.Relationship, error) {
		return s.Driver.UpdateRelationship(ctx, id, update)
	})
}

func (s *Driver) DeleteRelationship(ctx context.Context, id string, check func(graph.Relationship) error) error {
	return call0(s, "DeleteRelationship", func() error { return s.Driver.DeleteRelationship(ctx, id, check) })
}

func (s *Driver) ListRelationships(ctx context.Context, f graph.RelationshipFilter, after string, limit int, check func(graph.Registry) error) ([]graph.Relationship, error) {
	return call(s, "ListRelationships", func() ([]graph.Relationship, error) {
		return s.Driver.ListRelationships(ctx, f, after, limit, check)
	})
}

func (s *Driver) RelationshipTypes(ctx context.Context) (graph.Registry, error) {
	return call(s, "RelationshipTypes", func() (graph.Registry, error) { return s.Driver.RelationshipTypes(ctx) })
}

func (s *Driver) CreateRelationshipType(ctx context.Context, t graph.RelationshipType) (graph.RelationshipType, error) {
	return call(s, "CreateRelationshipType", func() (graph.RelationshipType, error) {
		return s.Driver.CreateRelationshipType(ctx, t)
	})
}

func (s *Driver) Import(ctx context.Context, b graph.Batch, dryRun bool, now time.Time) (graph.ImportResult, error) {
	return call(s, "Import", func() (graph.ImportResult, error) { return s.Driver.Import(ctx, b, dryRun, now) })
}

func (s *Driver) Export(ctx context.Context) (graph.Batch, error) {
	return call(s, "Export", func() (graph.Batch, error) { return s.Driver.Export(ctx) })
}

func (s *Driver) Walk(ctx context.Context, actor func(*graph.Actor) error, rel graph.WalkFunc) error {
	return call0(s, "Walk", func() error { return s.Driver.Walk(ctx, actor, rel) })
}

func (s *Driver) Paths(ctx context.Context, q graph.PathQuery) (graph.PathCandidates, error) {
	return call(s, "Paths", func() (graph.PathCandidates, error) { return s.Driver.Paths(ctx, q) })
}

func (s *Driver) UpdateScenario(ctx context.Context, id string, update func(*graph.Scenario) (*graph.Scenario, error)) error {
	return call0(s, "UpdateScenario", func() error { return s.Driver.UpdateScenario(ctx, id, update) })
}

func (s *Driver) GetScenario(ctx context.Context, id string) (graph.Scenario, error) {
	return call(s, "GetScenario", func() (graph.Scenario, error) { return s.Driver.GetScenario(ctx, id) })
}

func (s *Driver) ListScenarios(ctx context.Context, after string, limit int) ([]graph.Scenario, error) {
	return call(s, "ListScenarios", func() ([]graph.Scenario, error) { return s.Driver.ListScenarios(ctx, after, limit) })
}

func (s *Driver) PutEvents(ctx context.Context, events []graph.Event) (int, error) {
	return call(s, "PutEvents", func() (int, error) { return s.Driver.PutEvents(ctx, events) })
}

func (s *Driver) ListEvents(ctx context.Context, f graph.EventFilter, after string, limit int) ([]graph.Event, error) {
	return call(s, "ListEvents", func() ([]graph.Event, error) { return s.Driver.ListEvents(ctx, f, after, limit) })
}

func (s *Driver) GetEventMapping(ctx context.Context) (graph.EventMapping, error) {
	return call(s, "GetEventMapping", func() (graph.EventMapping, error) { return s.Driver.GetEventMapping(ctx) })
}

func (s *Driver) UpdateEventMapping(ctx context.Context, update func(*graph.EventMapping) (*graph.EventMapping, error)) error {
	return call0(s, "UpdateEventMapping", func() error { return s.Driver.UpdateEventMapping(ctx, update) })
}

func (s *Driver) Version(ctx context.Context) (uint64, error) {
	return call(s, "Version", func() (uint64, error) { return s.Driver.Version(ctx) })
}

func (s *Driver) Ping(ctx context.Context) error {
	return call0(s, "Ping", func() error { return s.Driver.Ping(ctx) })
}

// Close is not timed: it is called once, at shutdown.
func (s *Driver) Close() error { return s.Driver.Close() }
