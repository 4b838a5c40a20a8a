// Package storemetrics wraps a graph.Store so that every call is timed: a
// decorator that delegates each method and reports its name, duration and
// error to an Observer (the metrics package turns that into a Prometheus
// histogram). It adds no behaviour of its own.
package storemetrics

import (
	"context"
	"time"

	"github.com/detente/detente/graph"
)

// Observer receives one call: the method's name (e.g. "Paths"), how long
// it took, and the error it returned. It must be safe for concurrent use.
type Observer func(op string, d time.Duration, err error)

// Store is a graph.Store that reports every call but Close to its
// Observer. The embedded Store only keeps the wrapper compiling when the
// interface grows; every method is overridden here (a test checks that).
type Store struct {
	graph.Store
	observe Observer
}

var _ graph.Store = (*Store)(nil)

// New wraps inner.
func New(inner graph.Store, observe Observer) *Store {
	return &Store{Store: inner, observe: observe}
}

// Unwrap returns the wrapped store.
func (s *Store) Unwrap() graph.Store { return s.Store }

func call[T any](s *Store, op string, f func() (T, error)) (T, error) {
	start := time.Now()
	v, err := f()
	s.observe(op, time.Since(start), err)
	return v, err
}

func call0(s *Store, op string, f func() error) error {
	start := time.Now()
	err := f()
	s.observe(op, time.Since(start), err)
	return err
}

func (s *Store) CreateActor(ctx context.Context, a graph.Actor) (graph.Actor, error) {
	return call(s, "CreateActor", func() (graph.Actor, error) { return s.Store.CreateActor(ctx, a) })
}

func (s *Store) GetActor(ctx context.Context, id string) (graph.Actor, error) {
	return call(s, "GetActor", func() (graph.Actor, error) { return s.Store.GetActor(ctx, id) })
}

func (s *Store) UpdateActor(ctx context.Context, id string, p graph.ActorPatch, ifMatch string) (graph.Actor, error) {
	return call(s, "UpdateActor", func() (graph.Actor, error) { return s.Store.UpdateActor(ctx, id, p, ifMatch) })
}

func (s *Store) DeleteActor(ctx context.Context, id string, cascade bool, ifMatch string) error {
	return call0(s, "DeleteActor", func() error { return s.Store.DeleteActor(ctx, id, cascade, ifMatch) })
}

func (s *Store) ListActors(ctx context.Context, f graph.ActorFilter) (graph.Page[graph.Actor], error) {
	return call(s, "ListActors", func() (graph.Page[graph.Actor], error) { return s.Store.ListActors(ctx, f) })
}

func (s *Store) CreateRelationship(ctx context.Context, r graph.Relationship) (graph.Relationship, error) {
	return call(s, "CreateRelationship", func() (graph.Relationship, error) { return s.Store.CreateRelationship(ctx, r) })
}

func (s *Store) GetRelationship(ctx context.Context, id string) (graph.Relationship, error) {
	return call(s, "GetRelationship", func() (graph.Relationship, error) { return s.Store.GetRelationship(ctx, id) })
}

func (s *Store) UpdateRelationship(ctx context.Context, id string, p graph.RelationshipPatch, ifMatch string) (graph.Relationship, error) {
	return call(s, "UpdateRelationship", func() (graph.Relationship, error) {
		return s.Store.UpdateRelationship(ctx, id, p, ifMatch)
	})
}

func (s *Store) DeleteRelationship(ctx context.Context, id string, ifMatch string) error {
	return call0(s, "DeleteRelationship", func() error { return s.Store.DeleteRelationship(ctx, id, ifMatch) })
}

func (s *Store) ListRelationships(ctx context.Context, f graph.RelationshipFilter) (graph.Page[graph.Relationship], error) {
	return call(s, "ListRelationships", func() (graph.Page[graph.Relationship], error) {
		return s.Store.ListRelationships(ctx, f)
	})
}

func (s *Store) RelationshipTypes(ctx context.Context) (graph.Registry, error) {
	return call(s, "RelationshipTypes", func() (graph.Registry, error) { return s.Store.RelationshipTypes(ctx) })
}

func (s *Store) CreateRelationshipType(ctx context.Context, t graph.RelationshipType) (graph.RelationshipType, error) {
	return call(s, "CreateRelationshipType", func() (graph.RelationshipType, error) {
		return s.Store.CreateRelationshipType(ctx, t)
	})
}

func (s *Store) Import(ctx context.Context, b graph.Batch, dryRun bool) (graph.ImportResult, error) {
	return call(s, "Import", func() (graph.ImportResult, error) { return s.Store.Import(ctx, b, dryRun) })
}

func (s *Store) Export(ctx context.Context) (graph.Batch, error) {
	return call(s, "Export", func() (graph.Batch, error) { return s.Store.Export(ctx) })
}

func (s *Store) Paths(ctx context.Context, q graph.PathQuery) ([]graph.Path, error) {
	return call(s, "Paths", func() ([]graph.Path, error) { return s.Store.Paths(ctx, q) })
}

func (s *Store) Version(ctx context.Context) (uint64, error) {
	return call(s, "Version", func() (uint64, error) { return s.Store.Version(ctx) })
}

func (s *Store) Ping(ctx context.Context) error {
	return call0(s, "Ping", func() error { return s.Store.Ping(ctx) })
}

// Close is not timed: it is called once, at shutdown.
func (s *Store) Close() error { return s.Store.Close() }
