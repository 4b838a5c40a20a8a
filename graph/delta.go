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
	d.RemovedActors, d.Actors = diffRecords(from.Actors, to.Actors, func(a *Actor) string { return a.ID })
	d.RemovedRelationships, d.Relationships = diffRecords(from.Relationships, to.Relationships, func(r *Relationship) string { return r.ID })
	return d
}

// diffRecords returns the ids of from's records that to lacks, sorted,
// and to's records that from lacks or holds otherwise.
func diffRecords[T any](from, to []T, id func(*T) string) (removed []string, put []T) {
	was := make(map[string]*T, len(from))
	for i := range from {
		was[id(&from[i])] = &from[i]
	}
	for i := range to {
		x := &to[i]
		if w, ok := was[id(x)]; !ok || !reflect.DeepEqual(*w, *x) {
			put = append(put, *x)
		}
		delete(was, id(x))
	}
	for k := range was {
		removed = append(removed, k)
	}
	slices.Sort(removed)
	return removed, put
}

// Apply returns b with the delta applied: the removed records dropped,
// then every record put, replacing the one of its id; actors and
// relationships sorted by id, as an export is. b is left alone.
func (d Delta) Apply(b Batch) Batch {
	out := Batch{RelationshipTypes: b.RelationshipTypes}
	out.Actors = applyRecords(b.Actors, d.RemovedActors, d.Actors, func(a *Actor) string { return a.ID })
	out.Relationships = applyRecords(b.Relationships, d.RemovedRelationships, d.Relationships, func(r *Relationship) string { return r.ID })
	return out
}

func applyRecords[T any](records []T, removed []string, put []T, id func(*T) string) []T {
	byID := make(map[string]T, len(records)+len(put))
	for i := range records {
		byID[id(&records[i])] = records[i]
	}
	for _, k := range removed {
		delete(byID, k)
	}
	for i := range put {
		byID[id(&put[i])] = put[i]
	}
	out := make([]T, 0, len(byID))
	for _, x := range byID {
		out = append(out, x)
	}
	slices.SortFunc(out, func(x, y T) int { return cmp.Compare(id(&x), id(&y)) })
	return out
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
