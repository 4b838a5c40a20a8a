package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/memstore"
)

// Weighted and k-shortest queries are answered in Go, on the part of the
// graph a path of at most max_hops hops can use, read from Neo4j in a few
// statements of the query's transaction. Cypher has no weighted shortest
// path without GDS or APOC and no k-shortest at all, so the Cypher search
// (paths.go) enumerates bounded trails level by level; on a graph of a few
// hundred actors with max_hops 10 that is seconds where the same search in
// Go is a millisecond. The Go search is the embedded store's own
// (memstore's walker: Yen for k_shortest, label-setting for cheapest
// paths), run on an in-memory memstore holding the neighbourhood: one
// search algorithm for both stores, so both give the same answers.
//
// Which part suffices. Every actor on a path of h <= H hops from s to t
// is its i-th actor for some i, at most i hops from s and h-i from t along
// the path's own relationships, so within floor(H/2) hops of s or of t.
// The neighbourhood is therefore the actors within floor(H/2) hops of
// either endpoint over the allowed relationship types, walked in both
// directions, and every relationship of an allowed type between two of
// them: a superset of every path's actors and relationships. Confidence,
// dates, direction and exclusions are not used to narrow it (the search
// applies them), so it is a superset for every query with those types and
// max_hops.
//
// When the neighbourhood is larger than localPathsMaxActors actors or
// localPathsMaxRels relationships, reading it would cost more than the
// Cypher search saves, and the query falls back to Cypher.
const (
	localPathsMaxActors = 20_000
	localPathsMaxRels   = 50_000
)

const (
	// neighboursQuery returns the actors one hop from the given ones over
	// the types of the union (spliced in for %s), either direction.
	neighboursQuery = `UNWIND $ids AS id MATCH (:Actor {id: id})-[:%s]-(b:Actor) RETURN DISTINCT b.id AS id`
	// outgoingQuery returns the relationships of the union leaving the
	// given actors, at most $cap of them.
	outgoingQuery = `UNWIND $ids AS id MATCH (a:Actor {id: id})-[r:%s]->(b:Actor) RETURN a.id AS source, b.id AS target, properties(r) AS props LIMIT $cap`
	// actorsQuery returns the given actors.
	actorsQuery = `UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN properties(a) AS a`
)

// searchesLocally reports whether a normalised query is answered in Go
// (weighted, or k_shortest) rather than by Cypher alone.
func searchesLocally(q *graph.PathQuery) bool {
	return q.Weighted || q.Mode == graph.ModeKShortest
}

// localPaths answers q in Go on the neighbourhood of its endpoints (see
// above). ok is false, with nothing answered, when the neighbourhood is
// too large and the caller should search with Cypher. Missing endpoints
// are ENOTFOUND, From first.
func (s *Store) localPaths(ctx context.Context, tx neo4j.ManagedTransaction, q graph.PathQuery, reg graph.Registry) (c graph.PathCandidates, ok bool, err error) {
	have, err := existingActors(ctx, tx, []string{q.From, q.To})
	if err != nil {
		return c, false, err
	}
	for _, id := range []string{q.From, q.To} {
		if !have[id] {
			return c, false, notFound("actor", id)
		}
	}
	names := q.Types
	if len(names) == 0 {
		names = reg.Names()
	}
	union := typeUnion(reg, names)
	if union == "" {
		return c, false, nil
	}
	b, ok, err := s.neighbourhood(ctx, tx, []string{q.From, q.To}, q.MaxHops/2, union, reg)
	if err != nil || !ok {
		return c, ok, err
	}
	local, err := memstore.OpenWith("", memstore.Options{})
	if err != nil {
		return c, false, graph.Internal(err)
	}
	defer local.Close()
	if _, err := local.Import(ctx, b, false, time.Time{}); err != nil {
		return c, false, err
	}
	c, err = local.Paths(ctx, q)
	if err != nil {
		return c, false, err
	}
	// The paths carry the relationships as Neo4j holds them.
	byID := make(map[string]*graph.Relationship, len(b.Relationships))
	for i := range b.Relationships {
		byID[b.Relationships[i].ID] = &b.Relationships[i]
	}
	for _, p := range c.Paths {
		for i := range p.Relationships {
			if r := byID[p.Relationships[i].ID]; r != nil {
				p.Relationships[i] = *r
			}
		}
	}
	return c, true, nil
}

// neighbourhood reads the actors within radius hops of seeds over the
// types of union, and the relationships of those types between them, as
// a batch (with the registry's user-defined types). ok is false when it
// holds more than localPathsMaxActors actors or localPathsMaxRels
// relationships.
func (s *Store) neighbourhood(ctx context.Context, tx neo4j.ManagedTransaction, seeds []string, radius int, union string, reg graph.Registry) (b graph.Batch, ok bool, err error) {
	in := make(map[string]bool, len(seeds))
	frontier := make([]string, 0, len(seeds))
	for _, id := range seeds {
		if !in[id] {
			in[id] = true
			frontier = append(frontier, id)
		}
	}
	step := fmt.Sprintf(neighboursQuery, union)
	for r := 0; r < radius && len(frontier) > 0; r++ {
		var next []string
		for start := 0; start < len(frontier); start += chunkSize {
			recs, err := collect(ctx, tx, step, map[string]any{"ids": frontier[start:min(start+chunkSize, len(frontier))]})
			if err != nil {
				return b, false, err
			}
			for _, rec := range recs {
				v, _ := rec.Get("id")
				id, _ := v.(string)
				if id != "" && !in[id] {
					in[id] = true
					next = append(next, id)
				}
			}
			if len(in) > localPathsMaxActors {
				return b, false, nil
			}
		}
		frontier = next
	}
	ids := make([]string, 0, len(in))
	for id := range in {
		ids = append(ids, id)
	}
	slices.Sort(ids)

	out := fmt.Sprintf(outgoingQuery, union)
	read := 0 // relationships leaving the actors, inside or not
	for start := 0; start < len(ids); start += chunkSize {
		res, err := tx.Run(ctx, out, map[string]any{"ids": ids[start:min(start+chunkSize, len(ids))], "cap": localPathsMaxRels + 1 - read})
		if err != nil {
			return b, false, err
		}
		for res.Next(ctx) {
			read++
			r, err := relFromRecord(res.Record())
			if err != nil {
				return b, false, err
			}
			if in[r.Target] {
				b.Relationships = append(b.Relationships, r)
			}
		}
		if err := res.Err(); err != nil {
			return b, false, err
		}
		if read > localPathsMaxRels {
			return b, false, nil
		}
	}
	for start := 0; start < len(ids); start += chunkSize {
		recs, err := collect(ctx, tx, actorsQuery, map[string]any{"ids": ids[start:min(start+chunkSize, len(ids))]})
		if err != nil {
			return b, false, err
		}
		for _, rec := range recs {
			v, _ := rec.Get("a")
			a, err := toActor(v)
			if err != nil {
				return b, false, err
			}
			b.Actors = append(b.Actors, a)
		}
	}
	for _, t := range reg.Types() {
		if !t.Builtin {
			b.RelationshipTypes = append(b.RelationshipTypes, t)
		}
	}
	return b, true, nil
}
