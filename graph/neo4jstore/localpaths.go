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
// A graph of at most localPathsMaxRels relationships is also kept whole in
// memory, as a replica tagged with the graph's version: a query that finds
// the replica at the version its transaction reads searches it without
// reading the graph at all. A query that finds it stale (a write since)
// reads the neighbourhood as above and starts rebuilding the replica in
// the background (one rebuild at a time).
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
	// relCountQuery counts every relationship (Neo4j's count store).
	relCountQuery = `MATCH ()-[r]->() RETURN count(r) AS n`
	// actorsQuery returns the given actors.
	actorsQuery = `UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN properties(a) AS a`
)

// searchesLocally reports whether a normalised query is answered in Go
// (weighted, or k_shortest) rather than by Cypher alone.
func searchesLocally(q *graph.PathQuery) bool {
	return q.Weighted || q.Mode == graph.ModeKShortest
}

// localPaths answers q in Go, on the replica or on the neighbourhood of
// its endpoints (see above). ok is false, with nothing answered, when the
// neighbourhood is too large and the caller should search with Cypher.
// Missing endpoints are ENOTFOUND, From first. reg is the registry the
// caller has, full whether it holds the user-defined types: the
// neighbourhood needs them, and reads them into both when it does not.
func (s *Store) localPaths(ctx context.Context, tx neo4j.ManagedTransaction, q graph.PathQuery, reg *graph.Registry, full *bool) (c graph.PathCandidates, ok bool, err error) {
	if !s.noReplica {
		v, err := queryVersion(ctx, tx, versionQuery)
		if err != nil {
			return c, false, err
		}
		if r := s.replicaAt(v); r != nil {
			c, err = r.Paths(ctx, q)
			return c, err == nil, err
		}
		s.refreshReplica(v)
	}
	if !*full {
		if *reg, err = readRegistry(ctx, tx); err != nil {
			return c, false, err
		}
		*full = true
	}
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
	union := typeUnion(*reg, names)
	if union == "" {
		return c, false, nil
	}
	b, ok, err := s.neighbourhood(ctx, tx, []string{q.From, q.To}, q.MaxHops/2, union, *reg)
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

// replica is the whole graph at one version, in memory (see above).
type replica struct {
	version uint64
	store   *memstore.Store
}

// replicaAt returns the replica when it holds version v.
func (s *Store) replicaAt(v uint64) *memstore.Store {
	s.replicaMu.Lock()
	defer s.replicaMu.Unlock()
	if s.replica != nil && s.replica.version == v {
		return s.replica.store
	}
	return nil
}

// refreshReplica rebuilds the replica in the background unless a rebuild
// is running, or the graph at version v was found too large for one.
func (s *Store) refreshReplica(v uint64) {
	s.replicaMu.Lock()
	if s.replicaBusy || s.replicaTooLarge == v+1 {
		s.replicaMu.Unlock()
		return
	}
	s.replicaBusy = true
	s.replicaMu.Unlock()
	if !s.background(s.bulkTimeout, s.buildReplica) {
		s.replicaMu.Lock()
		s.replicaBusy = false
		s.replicaMu.Unlock()
	}
}

// buildReplica reads the graph and its version in one transaction, when it
// has at most localPathsMaxRels relationships, and makes it the replica.
func (s *Store) buildReplica(ctx context.Context) {
	type read struct {
		version uint64
		batch   graph.Batch
		small   bool
	}
	got, err := readTx(ctx, s, s.bulkTimeout, func(tx neo4j.ManagedTransaction) (read, error) {
		v, err := queryVersion(ctx, tx, versionQuery)
		if err != nil {
			return read{}, err
		}
		recs, err := collect(ctx, tx, relCountQuery, nil)
		if err != nil || count(recs) > localPathsMaxRels {
			return read{version: v}, err
		}
		b, err := exportTx(ctx, tx)
		return read{version: v, batch: b, small: true}, err
	})
	// An in-memory memstore holds no file and needs no Close: a search
	// still running on a replaced replica keeps it alive until it ends.
	var built *replica
	if err == nil && got.small {
		if st, oerr := memstore.OpenWith("", memstore.Options{}); oerr == nil {
			if _, ierr := st.Import(ctx, got.batch, false, time.Time{}); ierr == nil {
				built = &replica{version: got.version, store: st}
			}
		}
	}
	s.replicaMu.Lock()
	defer s.replicaMu.Unlock()
	s.replicaBusy = false
	switch {
	case built != nil && (s.replica == nil || s.replica.version < built.version):
		s.replica = built
	case err == nil && !got.small:
		s.replicaTooLarge = got.version + 1
	}
}
