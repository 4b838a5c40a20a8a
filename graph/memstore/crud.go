package memstore

import (
	"context"
	"slices"
	"strings"

	"github.com/detente/detente/graph"
)

// CreateActor stores a new actor.
func (s *Store) CreateActor(ctx context.Context, a graph.Actor) (graph.Actor, error) {
	a.Normalize()
	if errs := graph.ValidateActor(&a, "$"); len(errs) > 0 {
		return graph.Actor{}, graph.Invalid("invalid actor", errs...)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.actors[a.ID] != nil {
		return graph.Actor{}, graph.Errorf(graph.ECONFLICT, "actor %s already exists", a.ID)
	}
	now := s.now()
	if a.CreatedAt.IsZero() {
		a.CreatedAt = now
	}
	if a.UpdatedAt.IsZero() {
		a.UpdatedAt = now
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

func precondition(ifMatch string, current any) error {
	if ifMatch != "" && ifMatch != "*" && ifMatch != graph.ETag(current) {
		return graph.Errorf(graph.EPRECONDITION, "the resource has changed: If-Match %s does not match its current ETag", ifMatch)
	}
	return nil
}

// UpdateActor applies a patch.
func (s *Store) UpdateActor(ctx context.Context, id string, p graph.ActorPatch, ifMatch string) (graph.Actor, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.actors[id]
	if n == nil {
		return graph.Actor{}, notFound("actor", id)
	}
	if err := precondition(ifMatch, n.actor); err != nil {
		return graph.Actor{}, err
	}
	a := p.Apply(n.actor)
	a.Normalize()
	if errs := graph.ValidateActor(&a, "$"); len(errs) > 0 {
		return graph.Actor{}, graph.Invalid("invalid actor", errs...)
	}
	if graph.SameActor(a, n.actor) {
		return n.actor, nil
	}
	a.UpdatedAt = s.now()
	if err := s.commit(&change{actors: []graph.Actor{a}}); err != nil {
		return graph.Actor{}, err
	}
	s.putActor(a)
	return a, nil
}

// DeleteActor removes an actor, and with cascade its relationships.
func (s *Store) DeleteActor(ctx context.Context, id string, cascade bool, ifMatch string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.actors[id]
	if n == nil {
		return notFound("actor", id)
	}
	if err := precondition(ifMatch, n.actor); err != nil {
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
	if len(relIDs) > 0 && !cascade {
		return graph.Errorf(graph.ECONFLICT, "actor %s has %d relationships; delete them first or pass cascade=true", id, len(relIDs))
	}
	if err := s.commit(&change{delActors: []string{id}, delRels: relIDs}); err != nil {
		return err
	}
	s.dropRels(slots)
	s.dropActor(id)
	return nil
}

// ListActors returns a page of actors ordered by id.
func (s *Store) ListActors(ctx context.Context, f graph.ActorFilter) (graph.Page[graph.Actor], error) {
	if err := f.Validate(); err != nil {
		return graph.Page[graph.Actor]{}, err
	}
	limit, _ := graph.PageLimit(f.Limit)
	after, err := graph.DecodeCursor(f.Cursor)
	if err != nil {
		return graph.Page[graph.Actor]{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	page := graph.Page[graph.Actor]{Items: []graph.Actor{}}
	more := false
	s.actorIDs.AscendGreaterOrEqual(after, func(id string) bool {
		if id == after {
			return true
		}
		a := &s.actors[id].actor
		if !f.MatchesActor(a) {
			return true
		}
		if len(page.Items) == limit {
			more = true
			return false
		}
		page.Items = append(page.Items, *a)
		return ctx.Err() == nil
	})
	if more {
		page.NextCursor = graph.EncodeCursor(page.Items[len(page.Items)-1].ID)
	}
	return page, ctx.Err()
}

// checkEnds reports missing endpoints of r as field errors under prefix.
func (s *Store) checkEnds(r *graph.Relationship, prefix string) []graph.FieldError {
	var errs []graph.FieldError
	if graph.ValidID(r.Source) && s.actors[r.Source] == nil {
		errs = append(errs, graph.FieldError{Path: prefix + ".source", Message: "actor " + r.Source + " does not exist"})
	}
	if graph.ValidID(r.Target) && s.actors[r.Target] == nil {
		errs = append(errs, graph.FieldError{Path: prefix + ".target", Message: "actor " + r.Target + " does not exist"})
	}
	return errs
}

// CreateRelationship stores a new relationship.
func (s *Store) CreateRelationship(ctx context.Context, r graph.Relationship) (graph.Relationship, error) {
	if r.ID == "" && graph.ValidID(r.Source) && graph.ValidID(r.Target) {
		r.ID = graph.RelationshipID(r.Source, r.Type, r.Target, r.ValidFrom)
	}
	r.Normalize()
	s.mu.Lock()
	defer s.mu.Unlock()
	errs := graph.ValidateRelationship(&r, s.types, "$")
	errs = append(errs, s.checkEnds(&r, "$")...)
	if len(errs) > 0 {
		return graph.Relationship{}, graph.Invalid("invalid relationship", errs...)
	}
	if _, ok := s.ids.get(r.ID, s.edges); ok {
		return graph.Relationship{}, graph.Errorf(graph.ECONFLICT, "relationship %s already exists", r.ID)
	}
	now := s.now()
	if r.CreatedAt.IsZero() {
		r.CreatedAt = now
	}
	if r.UpdatedAt.IsZero() {
		r.UpdatedAt = now
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

// UpdateRelationship applies a patch.
func (s *Store) UpdateRelationship(ctx context.Context, id string, p graph.RelationshipPatch, ifMatch string) (graph.Relationship, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	slot, ok := s.ids.get(id, s.edges)
	if !ok {
		return graph.Relationship{}, notFound("relationship", id)
	}
	cur := s.relAt(slot)
	if err := precondition(ifMatch, cur); err != nil {
		return graph.Relationship{}, err
	}
	r := p.Apply(cur)
	r.Normalize()
	if errs := graph.ValidateRelationship(&r, s.types, "$"); len(errs) > 0 {
		return graph.Relationship{}, graph.Invalid("invalid relationship", errs...)
	}
	if graph.SameRelationship(r, cur) {
		return cur, nil
	}
	r.UpdatedAt = s.now()
	if err := s.commit(&change{rels: []graph.Relationship{r}}); err != nil {
		return graph.Relationship{}, err
	}
	s.putRels([]graph.Relationship{r})
	return r, nil
}

// DeleteRelationship removes a relationship.
func (s *Store) DeleteRelationship(ctx context.Context, id string, ifMatch string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	slot, ok := s.ids.get(id, s.edges)
	if !ok {
		return notFound("relationship", id)
	}
	if err := precondition(ifMatch, s.relAt(slot)); err != nil {
		return err
	}
	if err := s.commit(&change{delRels: []string{id}}); err != nil {
		return err
	}
	s.dropRels([]int32{slot})
	return nil
}

// ListRelationships returns a page of relationships ordered by id. With a
// source, target or actor filter it scans only that actor's ties.
func (s *Store) ListRelationships(ctx context.Context, f graph.RelationshipFilter) (graph.Page[graph.Relationship], error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := f.Validate(s.types); err != nil {
		return graph.Page[graph.Relationship]{}, err
	}
	limit, _ := graph.PageLimit(f.Limit)
	after, err := graph.DecodeCursor(f.Cursor)
	if err != nil {
		return graph.Page[graph.Relationship]{}, err
	}
	page := graph.Page[graph.Relationship]{Items: []graph.Relationship{}}
	list, start := s.order, s.orderFrom(after)
	if ends := s.endEdges(f); ends != nil {
		list, start = ends, 0
	}
	for _, slot := range list[start:] {
		if s.edges[slot].id <= after {
			continue
		}
		r := s.relAt(slot)
		if !f.MatchesRelationship(&r) {
			continue
		}
		if len(page.Items) == limit {
			page.NextCursor = graph.EncodeCursor(page.Items[limit-1].ID)
			break
		}
		page.Items = append(page.Items, r)
		if len(page.Items)&1023 == 0 && ctx.Err() != nil {
			break
		}
	}
	return page, ctx.Err()
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
