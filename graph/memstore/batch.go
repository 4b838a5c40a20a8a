package memstore

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/detente/detente/graph"
)

// Import upserts a batch by id in one bbolt transaction.
func (s *Store) Import(ctx context.Context, b graph.Batch, dryRun bool, now time.Time) (graph.ImportResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := b.PrepareWith(s.types, func(id string) bool { return s.actors[id] != nil }); err != nil {
		return graph.ImportResult{}, err
	}
	if err := ctx.Err(); err != nil {
		return graph.ImportResult{}, graph.Unavailable("the import was cancelled", err)
	}
	res := graph.ImportResult{DryRun: dryRun}
	c := &change{}
	for _, t := range b.RelationshipTypes {
		var old *graph.RelationshipType
		if o, ok := s.types.Get(t.Name); ok {
			old = &o
		}
		if res.RelationshipTypes.UpsertType(t, old) {
			c.types = append(c.types, t)
		}
	}
	for _, a := range b.Actors {
		var old *graph.Actor
		if n := s.actors[a.ID]; n != nil {
			old = &n.actor
		}
		if a, ok := res.Actors.UpsertActor(a, old, now); ok {
			c.actors = append(c.actors, a)
		}
	}
	// A batch whose records already carry their timestamps (an export
	// being restored, a generated load) and that changes every record is
	// written straight from the batch: copying a million relationships
	// would only feed the garbage collector. Otherwise the changed records
	// are copied and stamped; the caller's batch is not modified.
	write := make([]bool, len(b.Relationships))
	stamped := true
	for i := range b.Relationships {
		r := &b.Relationships[i]
		if slot, ok := s.ids.get(r.ID, s.edges); ok {
			if graph.SameRelationship(*r, s.relAt(slot)) {
				res.Relationships.Unchanged++
				continue
			}
			res.Relationships.Updated++
		} else {
			res.Relationships.Created++
		}
		write[i] = true
		stamped = stamped && !r.CreatedAt.IsZero() && !r.UpdatedAt.IsZero()
	}
	if dryRun {
		res.Version = s.version
		return res, nil
	}
	c.rels = b.Relationships
	if !stamped || res.Relationships.Unchanged > 0 {
		c.rels = make([]graph.Relationship, 0, len(b.Relationships)-res.Relationships.Unchanged)
		for i, w := range write {
			if !w {
				continue
			}
			r := b.Relationships[i]
			var oldCreated *time.Time
			if slot, ok := s.ids.get(r.ID, s.edges); ok {
				old := s.relAt(slot).CreatedAt
				oldCreated = &old
			}
			r.CreatedAt, r.UpdatedAt = graph.Stamp(r.CreatedAt, r.UpdatedAt, oldCreated, now)
			c.rels = append(c.rels, r)
		}
	}
	if len(c.types)+len(c.actors)+len(c.rels) == 0 {
		res.Version = s.version
		return res, nil
	}
	if err := s.commit(c); err != nil {
		return graph.ImportResult{}, err
	}
	s.addTypes(c.types)
	for _, a := range c.actors {
		s.putActor(a)
	}
	s.putRels(c.rels)
	res.Version = s.version
	return res, nil
}

// Walk lends every actor, then every relationship, in id order, under the
// read lock. Actors are the store's own records; relationships are
// rebuilt into one scratch record (its dates too), so a walk allocates
// nothing per relationship.
func (s *Store) Walk(ctx context.Context, actor func(*graph.Actor) error, rel graph.WalkFunc) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var pos []int32 // by node slot: its position in the actor walk
	if actor != nil {
		pos = make([]int32, len(s.nodes))
		k := int32(0)
		var err error
		s.actorIDs.Ascend(func(id string) bool {
			n := s.actors[id]
			if err = ctx.Err(); err == nil {
				err = actor(&n.actor)
			}
			pos[n.idx] = k
			k++
			return err == nil
		})
		if err != nil {
			return err
		}
	}
	if rel == nil {
		return nil
	}
	var (
		r        graph.Relationship
		from, to graph.Date
	)
	for k, slot := range s.order {
		if k%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		s.relInto(slot, &r, &from, &to)
		src, dst := -1, -1
		if pos != nil {
			e := &s.edges[slot]
			src, dst = int(pos[e.from]), int(pos[e.to])
		}
		if err := rel(&r, src, dst); err != nil {
			return err
		}
	}
	return nil
}

// Export returns the whole graph ordered by id.
func (s *Store) Export(ctx context.Context) (graph.Batch, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	b := graph.Batch{
		RelationshipTypes: slices.Clone(s.userTypes),
		Actors:            make([]graph.Actor, 0, len(s.actors)),
		Relationships:     make([]graph.Relationship, 0, s.ids.len()),
	}
	slices.SortFunc(b.RelationshipTypes, func(x, y graph.RelationshipType) int { return strings.Compare(x.Name, y.Name) })
	s.actorIDs.Ascend(func(id string) bool {
		b.Actors = append(b.Actors, s.actors[id].actor)
		return true
	})
	for _, slot := range s.order {
		b.Relationships = append(b.Relationships, s.relAt(slot))
	}
	return b, nil
}
