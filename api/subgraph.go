package api

import (
	"slices"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/viz"
)

// subgraph is the part of an export that GET /graph answers: the actors
// that pass kinds and only (in the export's order), and the relationships
// that pass f with both ends kept. Where a filter keeps every record the
// answer shares the export's slice instead of copying it — the common
// request, the whole graph, then costs no second copy (issue 15); b is
// shared between requests (sharedExport) and neither it nor the answer
// is ever changed.
func subgraph(b *graph.Batch, reg graph.Registry, kinds, only []string, f *graphFilter) viz.Graph {
	actorOK := func(a *graph.Actor) bool {
		return (len(kinds) == 0 || slices.Contains(kinds, string(a.Kind))) && (len(only) == 0 || slices.Contains(only, a.ID))
	}
	actors := keep(b.Actors, actorOK)
	var kept map[string]bool
	if len(actors) < len(b.Actors) {
		kept = make(map[string]bool, len(actors))
		for i := range actors {
			kept[actors[i].ID] = true
		}
	}
	rels := keep(b.Relationships, func(r *graph.Relationship) bool {
		return (kept == nil || kept[r.Source] && kept[r.Target]) && f.admits(r, reg)
	})
	return viz.Graph{Types: reg, Actors: actors, Relationships: rels}
}

// keep returns the elements of s that ok accepts, in order: s itself
// when it accepts them all (never nil), a new slice otherwise.
func keep[T any](s []T, ok func(*T) bool) []T {
	for i := range s {
		if ok(&s[i]) {
			continue
		}
		out := make([]T, i, len(s))
		copy(out, s[:i])
		for j := i + 1; j < len(s); j++ {
			if ok(&s[j]) {
				out = append(out, s[j])
			}
		}
		return out
	}
	if s == nil {
		return []T{}
	}
	return s
}
