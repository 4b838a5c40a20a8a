package memstore

import (
	"context"
	"slices"
	"strings"

	"github.com/detente/detente/graph"
)

// CreateActor stores a new actor.
func (s *Store) CreateActor(ctx context.Context, a graph.Actor) (graph.Actor, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.actors[a.ID] != nil {
		return graph.Actor{}, graph.Errorf(graph.ECONFLICT, "actor %s already exists", a.ID)
	}
	if err := s.commit(&change{actors: []graph.Actor{a}}); err != nil {
		return graph.Actor{}, err
	}
	s.putActor(a)
	return a, nil
}

// GetActor returns one actor.
func (s *Store) GetActor(ctx context.Context, id string) (graph.Actor, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	n := s.actors[id]
	if n == nil {
		return graph.Actor{}, notFound("actor", id)
	}
	return n.actor, nil
}

func notFound(kind, id string) error {
	return graph.Errorf(graph.ENOTFOUND, "%s %s not found", kind, id)
}

// UpdateActor rewrites an actor with what update makes of it.
func (s *Store) UpdateActor(ctx context.Context, id string, update func(graph.Actor) (graph.Actor, bool, error)) (graph.Actor, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.actors[id]
	if n == nil {
		return graph.Actor{}, notFound("actor", id)
	}
	a, write, err := update(n.actor)
	if err != nil || !write {
		return a, err
	}
	if err := s.commit(&change{actors: []graph.Actor{a}}); err != nil {
		return graph.Actor{}, err
	}
	s.putActor(a)
	return a, nil
}

// DeleteActor removes an actor and its relationships once check allows.
func (s *Store) DeleteActor(ctx context.Context, id string, check func(graph.Actor, int) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.actors[id]
	if n == nil {
		return notFound("actor", id)
	}
	if err := check(n.actor, len(n.out)+len(n.in)); err != nil {
		return err
	}
	var (
		slots  []int32
		relIDs []string
	)
	for _, l := range [][]adj{n.out, n.in} {
		for _, a := range l {
			slots = append(slots, a.e)
			relIDs = append(relIDs, s.edges[a.e].id)
		}
	}
	if err := s.commit(&change{delActors: []string{id}, delRels: relIDs}); err != nil {
		return err
	}
	s.dropRels(slots)
	s.dropActor(id)
	return nil
}

// ListActors returns, in id order, up to n actors after sc.After that
// keep accepts.
func (s *Store) ListActors(ctx context.Context, sc graph.ActorScan, n int, keep func(*graph.Actor) bool) ([]graph.Actor, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []graph.Actor
	s.actorIDs.AscendGreaterOrEqual(sc.After, func(id string) bool {
		if id == sc.After {
			return true
		}
		if a := &s.actors[id].actor; keep(a) {
			out = append(out, *a)
		}
		return len(out) < n && ctx.Err() == nil
	})
	return out, ctx.Err()
}

// CreateRelationship stores a new relationship once check allows.
func (s *Store) CreateRelationship(ctx context.Context, r graph.Relationship, check func(graph.Registry, bool, bool) error) (graph.Relationship, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	exists := func(id string) bool { return !graph.ValidID(id) || s.actors[id] != nil }
	if err := check(s.types, exists(r.Source), exists(r.Target)); err != nil {
		return graph.Relationship{}, err
	}
	if _, ok := s.ids.get(r.ID, s.edges); ok {
		return graph.Relationship{}, graph.Errorf(graph.ECONFLICT, "relationship %s already exists", r.ID)
	}
	if err := s.commit(&change{rels: []graph.Relationship{r}}); err != nil {
		return graph.Relationship{}, err
	}
	s.putRels([]graph.Relationship{r})
	return r, nil
}

// GetRelationship returns one relationship.
func (s *Store) GetRelationship(ctx context.Context, id string) (graph.Relationship, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	slot, ok := s.ids.get(id, s.edges)
	if !ok {
		return graph.Relationship{}, notFound("relationship", id)
	}
	return s.relAt(slot), nil
}

// UpdateRelationship rewrites a relationship with what update makes of it.
func (s *Store) UpdateRelationship(ctx context.Context, id string, update func(graph.Relationship, graph.Registry) (graph.Relationship, bool, error)) (graph.Relationship, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	slot, ok := s.ids.get(id, s.edges)
	if !ok {
		return graph.Relationship{}, notFound("relationship", id)
	}
	r, write, err := update(s.relAt(slot), s.types)
	if err != nil || !write {
		return r, err
	}
	if err := s.commit(&change{rels: []graph.Relationship{r}}); err != nil {
		return graph.Relationship{}, err
	}
	s.putRels([]graph.Relationship{r})
	return r, nil
}

// DeleteRelationship removes a relationship once check allows.
func (s *Store) DeleteRelationship(ctx context.Context, id string, check func(graph.Relationship) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	slot, ok := s.ids.get(id, s.edges)
	if !ok {
		return notFound("relationship", id)
	}
	if err := check(s.relAt(slot)); err != nil {
		return err
	}
	if err := s.commit(&change{delRels: []string{id}}); err != nil {
		return err
	}
	s.dropRels([]int32{slot})
	return nil
}

// ListRelationships returns up to limit relationships after after, by id.
// With a source, target or actor filter it scans only that actor's ties.
func (s *Store) ListRelationships(ctx context.Context, f graph.RelationshipFilter, after string, limit int, check func(graph.Registry) error) ([]graph.Relationship, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := check(s.types); err != nil {
		return nil, err
	}
	var out []graph.Relationship
	list, start := s.order, s.orderFrom(after)
	if ends := s.endEdges(f); ends != nil {
		list, start = ends, 0
	}
	for _, slot := range list[start:] {
		if len(out) == limit {
			break
		}
		if s.edges[slot].id <= after {
			continue
		}
		r := s.relAt(slot)
		if !f.MatchesRelationship(&r) {
			continue
		}
		out = append(out, r)
		if len(out)&1023 == 0 && ctx.Err() != nil {
			break
		}
	}
	return out, ctx.Err()
}

// endEdges returns, sorted by id, the slots of the ties of the actor a
// filter names, or nil when it names none. An unknown actor yields an
// empty list.
func (s *Store) endEdges(f graph.RelationshipFilter) []int32 {
	var lists [][]adj
	id := f.Actor
	switch {
	case f.Source != "":
		id = f.Source
		if n := s.actors[id]; n != nil {
			lists = [][]adj{n.out}
		}
	case f.Target != "":
		id = f.Target
		if n := s.actors[id]; n != nil {
			lists = [][]adj{n.in}
		}
	case f.Actor != "":
		if n := s.actors[id]; n != nil {
			lists = [][]adj{n.out, n.in}
		}
	default:
		return nil
	}
	list := []int32{}
	for _, l := range lists {
		for _, a := range l {
			list = append(list, a.e)
		}
	}
	slices.SortFunc(list, func(a, b int32) int { return strings.Compare(s.edges[a].id, s.edges[b].id) })
	return list
}
