package graph

import (
	"cmp"
	"context"
	"reflect"
	"slices"
)

// Delta is how one graph differs from another it was derived from (a
// scenario's graph from the graph, the graph now from the graph at an
// earlier version): the actors and relationships that are gone, and the
// whole records of those that are new or changed. Applying it to the
// first graph — drop the removed, then put every record, replacing one of
// the same id — gives the second.
type Delta struct {
	RemovedActors        []string
	Actors               []Actor // added or changed
	RemovedRelationships []string
	Relationships        []Relationship // added or changed
}

// Empty reports whether the delta changes nothing.
func (d *Delta) Empty() bool {
	return len(d.RemovedActors) == 0 && len(d.Actors) == 0 && len(d.RemovedRelationships) == 0 && len(d.Relationships) == 0
}

// ScenarioDelta returns how the graph on scenario id differs from the
// graph, and the changes of its chain that no longer apply (as
// ScenarioGraph reports them), without reading the whole graph: the
// chain's changes are applied (Scenario.Apply, the one definition of a
// scenario's graph) to just the records they name — the actors and
// relationships they remove, update or add, the endpoints of the ties
// they add, and every tie of an actor they remove — read from the store.
// Every check Apply makes looks only at those records, so the changes
// that apply and the problems reported are those of ScenarioGraph, and
// the graph with the delta applied is ScenarioGraph's. ENOTFOUND when
// there is no such scenario.
func (s *Store) ScenarioDelta(ctx context.Context, id string) (Delta, []FieldError, error) {
	chain, err := s.ScenarioChain(ctx, id)
	if err != nil {
		return Delta{}, nil, err
	}
	reg, err := s.d.RelationshipTypes(ctx)
	if err != nil {
		return Delta{}, nil, err
	}
	actorIDs, relIDs := map[string]bool{}, map[string]bool{}
	var removed []string // actors whose ties the part must hold
	for _, sc := range chain {
		for _, ch := range sc.Changes {
			switch ch.Op {
			case OpRemoveRelationship, OpUpdateRelationship:
				relIDs[ch.ID] = true
			case OpAddRelationship:
				relIDs[ch.Relationship.ID] = true
				actorIDs[ch.Relationship.Source], actorIDs[ch.Relationship.Target] = true, true
			case OpRemoveActor:
				actorIDs[ch.ID] = true
				removed = append(removed, ch.ID)
			case OpAddActor:
				actorIDs[ch.Actor.ID] = true
			}
		}
	}
	var part Batch
	for _, id := range sortedKeys(actorIDs) {
		a, err := s.d.GetActor(ctx, id)
		switch {
		case ErrorCode(err) == ENOTFOUND:
		case err != nil:
			return Delta{}, nil, err
		default:
			part.Actors = append(part.Actors, a)
		}
	}
	for _, id := range sortedKeys(relIDs) {
		r, err := s.d.GetRelationship(ctx, id)
		switch {
		case ErrorCode(err) == ENOTFOUND:
		case err != nil:
			return Delta{}, nil, err
		default:
			part.Relationships = append(part.Relationships, r)
		}
	}
	for _, id := range removed {
		if !slices.ContainsFunc(part.Actors, func(a Actor) bool { return a.ID == id }) {
			continue // Apply reports the change; the actor has no ties
		}
		for cursor := ""; ; {
			page, err := s.ListRelationships(ctx, RelationshipFilter{Actor: id, Limit: MaxPageSize, Cursor: cursor})
			if err != nil {
				return Delta{}, nil, err
			}
			part.Relationships = append(part.Relationships, page.Items...)
			if cursor = page.NextCursor; cursor == "" {
				break
			}
		}
	}
	// A tie both named and listed is held once (Apply keys records by id).
	slices.SortStableFunc(part.Relationships, func(x, y Relationship) int { return cmp.Compare(x.ID, y.ID) })
	part.Relationships = slices.CompactFunc(part.Relationships, func(x, y Relationship) bool { return x.ID == y.ID })

	out := part
	var stale []FieldError
	for i := range chain {
		var errs []FieldError
		out, errs = chain[i].Apply(out, reg, chain[i].ID)
		stale = append(stale, errs...)
	}
	return diffBatches(part, out), stale, nil
}

// diffBatches returns the delta that takes from to to.
func diffBatches(from, to Batch) Delta {
	var d Delta
	actors := make(map[string]*Actor, len(from.Actors))
	for i := range from.Actors {
		actors[from.Actors[i].ID] = &from.Actors[i]
	}
	for i := range to.Actors {
		a := &to.Actors[i]
		if was, ok := actors[a.ID]; !ok || !reflect.DeepEqual(*was, *a) {
			d.Actors = append(d.Actors, *a)
		}
		delete(actors, a.ID)
	}
	for id := range actors {
		d.RemovedActors = append(d.RemovedActors, id)
	}
	rels := make(map[string]*Relationship, len(from.Relationships))
	for i := range from.Relationships {
		rels[from.Relationships[i].ID] = &from.Relationships[i]
	}
	for i := range to.Relationships {
		r := &to.Relationships[i]
		if was, ok := rels[r.ID]; !ok || !reflect.DeepEqual(*was, *r) {
			d.Relationships = append(d.Relationships, *r)
		}
		delete(rels, r.ID)
	}
	for id := range rels {
		d.RemovedRelationships = append(d.RemovedRelationships, id)
	}
	slices.Sort(d.RemovedActors)
	slices.Sort(d.RemovedRelationships)
	return d
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
