package neo4jstore

import (
	"context"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/detente/detente/graph"
)

// chunkSize is how many rows one UNWIND statement carries. An import is one
// transaction made of many such statements: big enough that per-statement
// overhead vanishes, small enough that no single message gets huge.
const chunkSize = 10_000

const (
	getActors    = `UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN properties(a) AS a`
	updateActors = `UNWIND $rows AS row MATCH (a:Actor {id: row.id}) SET a = row`
	exportActors = `MATCH (a:Actor) WITH a ORDER BY a.id RETURN properties(a) AS a`
)

var createActors = `UNWIND $rows AS row CREATE (a:Actor ` + propertyMap(actorKeys) + `)`

// relCountsQuery counts the relationships of each given type, from Neo4j's
// count store (constant time per type). Branch i reports $names[i].
func relCountsQuery(reg graph.Registry, names []string) string {
	q := "CALL () {\n"
	for i, n := range names {
		t, _ := relType(reg, n) // names come from the registry
		if i > 0 {
			q += "  UNION ALL\n"
		}
		q += "  MATCH ()-[r:" + t + "]->() RETURN $names[" + itoa(i) + "] AS name, count(r) AS n\n"
	}
	return q + "}\nRETURN name, n"
}

// Import statements for relationships of type t (from relType).
// createRelsQuery's rows are a relationship's properties plus its
// endpoints' ids (source, target).
func createRelsQuery(t string) string {
	return `UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
CREATE (s)-[r:` + t + ` ` + propertyMap(relKeys) + `]->(t)`
}

// updateRelsQuery's rows are a relationship's properties.
func updateRelsQuery(t string) string {
	return `UNWIND $rows AS row MATCH ()-[r:` + t + ` {id: row.id}]->() SET r = row`
}

func deleteRelsQuery(t string) string {
	return `UNWIND $ids AS id MATCH ()-[r:` + t + ` {id: id}]->() DELETE r`
}

func exportRelsQuery(union string) string {
	return `MATCH (s:Actor)-[r:` + union + `]->(t:Actor)
WITH s, r, t ORDER BY r.id
RETURN s.id AS source, t.id AS target, properties(r) AS props`
}

// importPlan is what an import will write, decided inside its transaction.
type importPlan struct {
	types      []graph.RelationshipType
	newActors  []graph.Actor
	updActors  []graph.Actor
	newRels    map[string][]graph.Relationship // by type name
	updRels    map[string][]graph.Relationship // by type name; same type and endpoints
	delRels    map[string][]string             // by old type name: replaced by a new tie
	relChanges int
	// What the store held of the records the plan changes (a staged
	// import's undo log keeps it).
	oldTypes  map[string]graph.RelationshipType
	oldActors map[string]graph.Actor
	oldRels   map[string]graph.Relationship
}

func (p *importPlan) empty() bool {
	return len(p.types)+len(p.newActors)+len(p.updActors)+p.relChanges == 0
}

// Import upserts a batch by id in one write transaction: all or nothing.
// The batch is validated (Batch.Prepare) inside that transaction, against
// the registry and actors it will write over; with dryRun the same runs in
// a read transaction and nothing is written. A batch of more than
// Config.ImportTxRecords records is written in several transactions
// instead (staged.go), which keeps all or nothing but not isolation.
func (s *Store) Import(ctx context.Context, b graph.Batch, dryRun bool, now time.Time) (graph.ImportResult, error) {
	if err := s.ready(ctx); err != nil {
		return graph.ImportResult{}, err
	}
	if !dryRun && len(b.RelationshipTypes) > 0 {
		// New types get their id constraint before the data transaction
		// (schema changes cannot share it); if the import then fails, an
		// unused constraint is all that remains.
		reg, err := s.RelationshipTypes(ctx)
		if err != nil {
			return graph.ImportResult{}, err
		}
		for _, t := range b.RelationshipTypes {
			if _, ok := reg.Get(t.Name); !ok && graph.ValidTypeName(t.Name) {
				if err := s.ensureTypeConstraint(ctx, t.Name); err != nil {
					return graph.ImportResult{}, err
				}
			}
		}
	}
	if !dryRun && batchRecords(&b) > s.importTxRecs {
		return s.importStaged(ctx, b, now)
	}
	work := func(tx neo4j.ManagedTransaction) (graph.ImportResult, error) {
		res := graph.ImportResult{DryRun: dryRun}
		var (
			version uint64
			err     error
		)
		if dryRun {
			version, err = queryVersion(ctx, tx, versionQuery)
		} else {
			version, err = lock(ctx, tx)
		}
		if err != nil {
			return res, err
		}
		// Prepare normalises the batch in place (derived ids, empty lists,
		// as on every store, so callers see the same batch afterwards); it
		// is idempotent, so a retry of this function is harmless.
		bc := &b
		plan, reg, err := prepareAndPlan(ctx, tx, bc, now, &res)
		if err != nil {
			return res, err
		}
		switch {
		case dryRun:
			res.Version = version
			return res, nil
		case plan.empty():
			res.Version = version - 1 // the bump rolls back
			return res, unchanged{res}
		}
		wreg := graph.NewRegistry(append(reg.Types(), bc.RelationshipTypes...))
		if err := plan.write(ctx, tx, wreg); err != nil {
			return res, err
		}
		res.Version = version
		return res, nil
	}
	if dryRun {
		return readTx(ctx, s, s.bulkTimeout, work)
	}
	return writeTx(ctx, s, s.bulkTimeout, work)
}

// prepareAndPlan validates the batch (Batch.Prepare, against the registry
// and the actors in tx) and plans its writes, counting them in res. It
// returns the stored registry.
func prepareAndPlan(ctx context.Context, tx neo4j.ManagedTransaction, b *graph.Batch, now time.Time, res *graph.ImportResult) (*importPlan, graph.Registry, error) {
	reg, err := readRegistry(ctx, tx)
	if err != nil {
		return nil, reg, err
	}
	existing, err := existingActors(ctx, tx, b.ReferencedActors())
	if err != nil {
		return nil, reg, err
	}
	if err := b.Prepare(reg, existing); err != nil {
		return nil, reg, err
	}
	plan, err := planImport(ctx, tx, reg, b, now, res)
	return plan, reg, err
}

// planImport compares a prepared batch with what the store holds, counts
// what would be created, updated and left unchanged, and stamps the records
// to write (graph.Stamp), exactly as the embedded store does.
func planImport(ctx context.Context, tx neo4j.ManagedTransaction, reg graph.Registry, b *graph.Batch, now time.Time, res *graph.ImportResult) (*importPlan, error) {
	p := &importPlan{
		newRels:  map[string][]graph.Relationship{},
		updRels:  map[string][]graph.Relationship{},
		delRels:  map[string][]string{},
		oldTypes: map[string]graph.RelationshipType{},
	}
	for _, t := range b.RelationshipTypes {
		var old *graph.RelationshipType
		if o, ok := reg.Get(t.Name); ok {
			old = &o
		}
		if res.RelationshipTypes.UpsertType(t, old) {
			if old != nil {
				p.oldTypes[t.Name] = *old
			}
			p.types = append(p.types, t)
		}
	}

	ids := make([]string, len(b.Actors))
	for i, a := range b.Actors {
		ids[i] = a.ID
	}
	oldActors, err := fetchActors(ctx, tx, ids)
	if err != nil {
		return nil, err
	}
	p.oldActors = oldActors
	for _, a := range b.Actors {
		var old *graph.Actor
		if o, ok := oldActors[a.ID]; ok {
			old = &o
		}
		a, write := res.Actors.UpsertActor(a, old, now)
		switch {
		case !write:
		case old != nil:
			p.updActors = append(p.updActors, a)
		default:
			p.newActors = append(p.newActors, a)
		}
	}

	oldRels, err := fetchImportRels(ctx, tx, reg, b.Relationships)
	if err != nil {
		return nil, err
	}
	p.oldRels = oldRels
	for _, r := range b.Relationships {
		var old *graph.Relationship
		if o, ok := oldRels[r.ID]; ok {
			old = &o
		}
		r, write := res.Relationships.UpsertRelationship(r, old, now)
		switch {
		case !write:
			continue
		case old == nil:
			p.newRels[r.Type] = append(p.newRels[r.Type], r)
		case old.Type == r.Type && old.Source == r.Source && old.Target == r.Target:
			p.updRels[r.Type] = append(p.updRels[r.Type], r)
		default:
			// Type and endpoints are the Neo4j relationship itself: a
			// different tie under the same id replaces the old one.
			p.delRels[old.Type] = append(p.delRels[old.Type], old.ID)
			p.newRels[r.Type] = append(p.newRels[r.Type], r)
		}
		p.relChanges++
	}
	return p, nil
}

// fetchActors reads the actors with the given ids that exist.
func fetchActors(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]graph.Actor, error) {
	out := make(map[string]graph.Actor)
	for start := 0; start < len(ids); start += chunkSize {
		recs, err := collect(ctx, tx, getActors, map[string]any{"ids": ids[start:min(start+chunkSize, len(ids))]})
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			v, _ := rec.Get("a")
			a, err := toActor(v)
			if err != nil {
				return nil, err
			}
			out[a.ID] = a
		}
	}
	return out, nil
}

// fetchImportRels reads the stored relationships that share an id with the
// batch's. Types with no relationships (the count store says so in constant
// time) are skipped, so importing into an empty graph looks nothing up. An
// id is first sought under the type the batch gives it (one index seek,
// the usual case when a file is imported again) and only if absent there
// under the other types.
func fetchImportRels(ctx context.Context, tx neo4j.ManagedTransaction, reg graph.Registry, rels []graph.Relationship) (map[string]graph.Relationship, error) {
	names := reg.Names()
	recs, err := collect(ctx, tx, relCountsQuery(reg, names), map[string]any{"names": names})
	if err != nil {
		return nil, err
	}
	inUse := map[string]bool{}
	var used []string
	for _, rec := range recs {
		n, _ := rec.Get("n")
		name, _ := rec.Get("name")
		if c, _ := n.(int64); c > 0 {
			s, _ := name.(string)
			inUse[s] = true
			used = append(used, s)
		}
	}
	found := map[string]graph.Relationship{}
	if len(used) == 0 {
		return found, nil
	}
	sort.Strings(used)
	byType := map[string][]string{}
	for _, r := range rels {
		if inUse[r.Type] {
			byType[r.Type] = append(byType[r.Type], r.ID)
		}
	}
	for _, t := range sortedKeys(byType) {
		m, err := findRels(ctx, tx, reg, []string{t}, byType[t])
		if err != nil {
			return nil, err
		}
		for id, r := range m {
			found[id] = r
		}
	}
	var rest []string
	for _, r := range rels {
		if _, ok := found[r.ID]; !ok {
			rest = append(rest, r.ID)
		}
	}
	m, err := findRels(ctx, tx, reg, used, rest)
	if err != nil {
		return nil, err
	}
	for id, r := range m {
		found[id] = r
	}
	return found, nil
}

// write carries out the plan: types, then actors, then relationships
// (deletions first, so that a tie replaced under the same id frees it).
func (p *importPlan) write(ctx context.Context, tx neo4j.ManagedTransaction, reg graph.Registry) error {
	if len(p.types) > 0 {
		rows := make([]any, len(p.types))
		for i := range p.types {
			rows[i] = typeProps(&p.types[i])
		}
		if err := exec(ctx, tx, upsertTypes, map[string]any{"rows": rows}); err != nil {
			return err
		}
	}
	for _, step := range []struct {
		cypher string
		actors []graph.Actor
	}{{createActors, p.newActors}, {updateActors, p.updActors}} {
		err := chunked(len(step.actors), func(lo, hi int) error {
			rows := make([]any, 0, hi-lo)
			for i := lo; i < hi; i++ {
				props, err := actorProps(&step.actors[i])
				if err != nil {
					return graph.Internal(err)
				}
				rows = append(rows, props)
			}
			return exec(ctx, tx, step.cypher, map[string]any{"rows": rows})
		})
		if err != nil {
			return err
		}
	}
	for _, name := range sortedKeys(p.delRels) {
		t, _ := relType(reg, name)
		ids := p.delRels[name]
		err := chunked(len(ids), func(lo, hi int) error {
			return exec(ctx, tx, deleteRelsQuery(t), map[string]any{"ids": ids[lo:hi]})
		})
		if err != nil {
			return err
		}
	}
	for _, step := range []struct {
		rels   map[string][]graph.Relationship
		query  func(string) string
		create bool
	}{{p.updRels, updateRelsQuery, false}, {p.newRels, createRelsQuery, true}} {
		for _, name := range sortedKeys(step.rels) {
			t, _ := relType(reg, name) // validated by Prepare
			rels := step.rels[name]
			cypher := step.query(t)
			err := chunked(len(rels), func(lo, hi int) error {
				rows := make([]any, 0, hi-lo)
				for i := lo; i < hi; i++ {
					props, err := relProps(&rels[i])
					if err != nil {
						return graph.Internal(err)
					}
					if step.create {
						props["source"], props["target"] = rels[i].Source, rels[i].Target
					}
					rows = append(rows, props)
				}
				return exec(ctx, tx, cypher, map[string]any{"rows": rows})
			})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// chunked calls fn on [lo, hi) windows of at most chunkSize covering n.
func chunked(n int, fn func(lo, hi int) error) error {
	for lo := 0; lo < n; lo += chunkSize {
		if err := fn(lo, min(lo+chunkSize, n)); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Walk streams the export's two queries (actors, then relationships) in
// one explicit read transaction: unlike a managed one, it is never retried,
// so each record reaches actor or rel once. Records are decoded one at a
// time and lent to the functions; nothing is collected.
func (s *Store) Walk(ctx context.Context, actor func(*graph.Actor) error, rel graph.WalkFunc) error {
	if err := s.ready(ctx); err != nil {
		return err
	}
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: neo4j.AccessModeRead})
	defer func() {
		// As in execute: closing returns the connection to the pool.
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_ = sess.Close(cctx)
	}()
	var visitErr error    // an error of actor or rel, returned unchanged
	var at map[string]int // actor id -> its position in the walk
	err := func() error {
		tx, err := sess.BeginTransaction(ctx, neo4j.WithTxTimeout(s.bulkTimeout))
		if err != nil {
			return err
		}
		defer tx.Close(context.WithoutCancel(ctx))
		if actor != nil {
			res, err := tx.Run(ctx, exportActors, nil)
			if err != nil {
				return err
			}
			at = map[string]int{}
			for res.Next(ctx) {
				v, _ := res.Record().Get("a")
				a, err := toActor(v)
				if err != nil {
					return err
				}
				if visitErr = actor(&a); visitErr != nil {
					return visitErr
				}
				at[a.ID] = len(at)
			}
			if err := res.Err(); err != nil {
				return err
			}
		}
		if rel == nil {
			return nil
		}
		user, err := readUserTypes(ctx, tx)
		if err != nil {
			return err
		}
		reg := graph.NewRegistry(append(graph.BuiltinTypes(), user...))
		res, err := tx.Run(ctx, exportRelsQuery(typeUnion(reg, reg.Names())), nil)
		if err != nil {
			return err
		}
		for res.Next(ctx) {
			r, err := relFromRecord(res.Record())
			if err != nil {
				return err
			}
			src, dst := -1, -1
			if i, ok := at[r.Source]; ok {
				src = i
			}
			if i, ok := at[r.Target]; ok {
				dst = i
			}
			if visitErr = rel(&r, src, dst); visitErr != nil {
				return visitErr
			}
		}
		return res.Err()
	}()
	if visitErr != nil {
		return visitErr
	}
	return mapError(ctx, err)
}

// Export returns the whole graph ordered by id: the user-added types, the
// actors and the relationships, in one read transaction (a consistent
// snapshot of committed data).
func (s *Store) Export(ctx context.Context) (graph.Batch, error) {
	return readTx(ctx, s, s.bulkTimeout, func(tx neo4j.ManagedTransaction) (graph.Batch, error) {
		return exportTx(ctx, tx)
	})
}

// exportTx reads the whole graph in tx, as Export returns it.
func exportTx(ctx context.Context, tx neo4j.ManagedTransaction) (graph.Batch, error) {
	b := graph.Batch{Actors: []graph.Actor{}, Relationships: []graph.Relationship{}}
	user, err := readUserTypes(ctx, tx)
	if err != nil {
		return b, err
	}
	b.RelationshipTypes = user
	reg := graph.NewRegistry(append(graph.BuiltinTypes(), user...))
	res, err := tx.Run(ctx, exportActors, nil)
	if err != nil {
		return b, err
	}
	for res.Next(ctx) {
		v, _ := res.Record().Get("a")
		a, err := toActor(v)
		if err != nil {
			return b, err
		}
		b.Actors = append(b.Actors, a)
	}
	if err := res.Err(); err != nil {
		return b, err
	}
	res, err = tx.Run(ctx, exportRelsQuery(typeUnion(reg, reg.Names())), nil)
	if err != nil {
		return b, err
	}
	for res.Next(ctx) {
		r, err := relFromRecord(res.Record())
		if err != nil {
			return b, err
		}
		b.Relationships = append(b.Relationships, r)
	}
	return b, res.Err()
}
