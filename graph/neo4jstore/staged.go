package neo4jstore

// Staged import: a batch larger than one transaction's worth of records
// (Config.ImportTxRecords) is written in several transactions, because
// Neo4j holds a transaction's changes in memory and 10^6 relationships in
// one exhaust dbms.memory.transaction.total.max at a 4 GB heap.
//
// What that keeps of "all or nothing":
//
//   - The batch is validated and planned (Batch.Prepare, planImport) in
//     one read transaction before anything is written: a batch with a
//     problem writes nothing, as in the one-transaction path.
//   - The import then registers itself on the :Meta node (m.import, with
//     a heartbeat m.import_beat), if the graph is still the one it
//     planned against. While it is registered, every other write is
//     refused (EUNAVAILABLE, 503: see lock in store.go), so nothing
//     interleaves with its transactions.
//   - Each transaction bumps the graph version and writes, with its
//     changes, an :ImportUndo node holding what undoes them (ids created,
//     previous values of records updated or replaced).
//   - If a transaction fails (or the caller's context ends), the import
//     undoes every committed transaction, newest first, from those nodes,
//     and unregisters: the graph holds what it held before (the version
//     has moved on). Every transaction of an import and of its undo takes
//     the :Meta lock before it reads the registration (lockImport), so an
//     undo waits for a registering or last transaction whose commit is
//     still on its way when the caller's context ends. A process that
//     dies mid-import leaves the registration and the undo nodes; once
//     the heartbeat is older than importStale, the next staged import,
//     the next start of a store, or the first write refused because of
//     it, undoes it the same way.
//   - What it does not keep is isolation: readers see the import's
//     transactions as they commit (a partial graph, with a version that
//     changes at each), until the import ends. README and the API
//     description say so.

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/detente/detente/graph"
)

// importStale is how long an import may go without a heartbeat (one per
// transaction) before it counts as abandoned. A variable for tests.
var importStale = 2 * time.Minute

const (
	registerImportQuery = `MATCH (m:Meta {key: 'graph'}) SET m.import = $id, m.import_beat = $now`
	// lockMetaQuery starts each transaction of a registered import (and
	// of its undo): the :Meta lock and the version bump, whatever the
	// registration says.
	lockMetaQuery = `MATCH (m:Meta {key: 'graph'}) SET m.version = m.version + 1`
	// lockImportQuery follows it, under the lock: the heartbeat, if the
	// import is still registered. No row means it is not (it ended, or
	// was rolled back as abandoned, or its registration never committed).
	lockImportQuery = `MATCH (m:Meta {key: 'graph'}) WHERE m.import = $id
SET m.import_beat = $now
RETURN m.version AS version`
	writeUndoQuery   = `CREATE (:ImportUndo {import: $id, seq: $seq, undo: $undo})`
	readUndoQuery    = `MATCH (u:ImportUndo {import: $id}) RETURN u.seq AS seq, u.undo AS undo ORDER BY seq DESC LIMIT 1`
	deleteUndoQuery  = `MATCH (u:ImportUndo {import: $id, seq: $seq}) DELETE u`
	dropUndoQuery    = `MATCH (u:ImportUndo {import: $id}) DELETE u`
	unregisterQuery  = `MATCH (m:Meta {key: 'graph'}) WHERE m.import = $id REMOVE m.import, m.import_beat`
	staleImportQuery = `MATCH (m:Meta {key: 'graph'}) WHERE m.import IS NOT NULL AND m.import_beat < $before RETURN m.import AS id`
	// Undo statements.
	deleteActorsQuery = `UNWIND $ids AS id MATCH (a:Actor {id: id}) DETACH DELETE a`
	deleteTypesQuery  = `UNWIND $ids AS name MATCH (t:RelationshipType {name: name}) DELETE t`
)

// undoLog is what undoes one transaction of a staged import, stored as
// JSON on its :ImportUndo node.
type undoLog struct {
	Types       []string                 `json:"types,omitempty"`        // created: delete
	OldTypes    []graph.RelationshipType `json:"old_types,omitempty"`    // updated: restore
	Actors      []string                 `json:"actors,omitempty"`       // created: delete
	OldActors   []graph.Actor            `json:"old_actors,omitempty"`   // updated: restore
	DeletedRels []graph.Relationship     `json:"deleted_rels,omitempty"` // replaced by a new tie: recreate
	OldRels     []graph.Relationship     `json:"old_rels,omitempty"`     // updated in place: restore
	Rels        map[string][]string      `json:"rels,omitempty"`         // created, by type name: delete
}

// stagedStep is one kind of statement of a staged import over n records;
// rows builds the parameter rows of records [lo, hi) and undo records
// what undoes them.
type stagedStep struct {
	cypher string
	param  string // "rows" or "ids"
	n      int
	rows   func(lo, hi int) ([]any, error)
	undo   func(u *undoLog, lo, hi int)
}

// batchRecords is the number of records a batch carries.
func batchRecords(b *graph.Batch) int {
	return len(b.RelationshipTypes) + len(b.Actors) + len(b.Relationships)
}

// importStaged imports a batch too large for one transaction; see the top
// of this file.
func (s *Store) importStaged(ctx context.Context, b graph.Batch, now time.Time) (graph.ImportResult, error) {
	if err := s.recoverImports(ctx); err != nil {
		return graph.ImportResult{}, err
	}
	id := newImportID()
	var (
		plan *importPlan
		reg  graph.Registry
		res  graph.ImportResult
	)
	for attempt := 0; ; attempt++ {
		var (
			version uint64
			err     error
		)
		plan, reg, version, res, err = s.planStaged(ctx, &b, now)
		if err != nil {
			return graph.ImportResult{}, err
		}
		if plan.empty() {
			res.Version = version
			return res, nil
		}
		ok, err := s.registerImport(ctx, id, version)
		if err == nil && ok && s.registeredHook != nil {
			err = s.registeredHook()
		}
		if err != nil {
			// The registration may have committed as the caller's
			// context ended (a deadline during the commit): left there,
			// it would refuse every other write until it went stale.
			switch rerr := s.undoImport(ctx, id); {
			case rerr == nil, errors.Is(rerr, errNotRegistered):
				return graph.ImportResult{}, err
			default:
				return graph.ImportResult{}, graph.Unavailable("the import failed and its registration could not be removed yet; it will be when the store next starts or imports", errors.Join(err, rerr))
			}
		}
		if ok {
			break
		}
		if attempt == 2 {
			return graph.ImportResult{}, graph.Unavailable("the graph kept changing while the import was being checked; try again", nil)
		}
	}
	version, err := s.writeStaged(ctx, id, plan, reg)
	if err != nil {
		switch rerr := s.undoImport(ctx, id); {
		case errors.Is(rerr, errNotRegistered):
			// Its last transaction (which unregisters it) committed as
			// the error came, or another process rolled it back as
			// abandoned: either all or nothing is there.
			return graph.ImportResult{}, graph.Unavailable("the import's outcome is unknown: it was written in full or rolled back in full; an export shows which, and importing the batch again is harmless", errors.Join(err, rerr))
		case rerr != nil:
			return graph.ImportResult{}, graph.Unavailable("the import failed and what it had written could not be removed yet; it will be when the store next starts or imports", errors.Join(err, rerr))
		}
		return graph.ImportResult{}, err
	}
	res.Version = version
	return res, nil
}

// undoImport rolls import id back under a context of its own: the
// caller's may be what ended the import.
func (s *Store) undoImport(ctx context.Context, id string) error {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.bulkTimeout)
	defer cancel()
	return s.rollbackImport(rctx, id)
}

// planStaged validates and plans the batch in one read transaction and
// returns the plan, the registry to write with and the version planned
// against.
func (s *Store) planStaged(ctx context.Context, b *graph.Batch, now time.Time) (*importPlan, graph.Registry, uint64, graph.ImportResult, error) {
	type planned struct {
		plan    *importPlan
		reg     graph.Registry
		version uint64
		res     graph.ImportResult
	}
	p, err := readTx(ctx, s, s.bulkTimeout, func(tx neo4j.ManagedTransaction) (planned, error) {
		var out planned
		version, err := queryVersion(ctx, tx, versionQuery)
		if err != nil {
			return out, err
		}
		plan, reg, err := prepareAndPlan(ctx, tx, b, now, &out.res)
		if err != nil {
			return out, err
		}
		return planned{plan, graph.NewRegistry(append(reg.Types(), b.RelationshipTypes...)), version, out.res}, nil
	})
	return p.plan, p.reg, p.version, p.res, err
}

// registerImport marks the import as running if the graph is still at the
// version it was planned against; false if it is not (plan again).
func (s *Store) registerImport(ctx context.Context, id string, planned uint64) (bool, error) {
	return writeTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (bool, error) {
		v, err := lock(ctx, tx)
		if err != nil {
			return false, err
		}
		if v-1 != planned {
			return false, unchanged{false}
		}
		if err := exec(ctx, tx, registerImportQuery, map[string]any{"id": id, "now": time.Now().UnixMilli()}); err != nil {
			return false, err
		}
		return true, s.precommit("register")
	})
}

// precommit runs precommitHook, if set, in the transaction of step.
func (s *Store) precommit(step string) error {
	if s.precommitHook == nil {
		return nil
	}
	return s.precommitHook(step)
}

// writeStaged writes the plan in transactions of at most importTxRecs
// records, then unregisters the import; it returns the final version.
func (s *Store) writeStaged(ctx context.Context, id string, p *importPlan, reg graph.Registry) (uint64, error) {
	steps := p.stagedSteps(reg)
	type piece struct {
		step   *stagedStep
		lo, hi int
	}
	var (
		seq     int
		pending []piece
		size    int
	)
	flush := func() error {
		seq++
		if s.importHook != nil {
			if err := s.importHook(seq); err != nil {
				return err
			}
		}
		u := &undoLog{}
		type stmt struct {
			cypher string
			params map[string]any
		}
		stmts := make([]stmt, 0, len(pending))
		for _, pc := range pending {
			rows, err := pc.step.rows(pc.lo, pc.hi)
			if err != nil {
				return graph.Internal(err)
			}
			pc.step.undo(u, pc.lo, pc.hi)
			stmts = append(stmts, stmt{pc.step.cypher, map[string]any{pc.step.param: rows}})
		}
		undo, err := json.Marshal(u)
		if err != nil {
			return graph.Internal(err)
		}
		_, err = writeTx(ctx, s, s.bulkTimeout, func(tx neo4j.ManagedTransaction) (uint64, error) {
			v, err := lockImport(ctx, tx, id)
			if err != nil {
				return 0, err
			}
			for _, st := range stmts {
				if err := exec(ctx, tx, st.cypher, st.params); err != nil {
					return 0, err
				}
			}
			return v, exec(ctx, tx, writeUndoQuery, map[string]any{"id": id, "seq": seq, "undo": string(undo)})
		})
		pending, size = pending[:0], 0
		return err
	}
	for i := range steps {
		st := &steps[i]
		for lo := 0; lo < st.n; {
			hi := min(st.n, lo+s.importTxRecs-size)
			pending = append(pending, piece{st, lo, hi})
			size += hi - lo
			lo = hi
			if size >= s.importTxRecs {
				if err := flush(); err != nil {
					return 0, err
				}
			}
		}
	}
	if len(pending) > 0 {
		if err := flush(); err != nil {
			return 0, err
		}
	}
	// The last transaction: unregister, and drop the undo nodes.
	return writeTx(ctx, s, s.bulkTimeout, func(tx neo4j.ManagedTransaction) (uint64, error) {
		v, err := lockImport(ctx, tx, id)
		if err != nil {
			return 0, err
		}
		if err := exec(ctx, tx, dropUndoQuery, map[string]any{"id": id}); err != nil {
			return 0, err
		}
		if err := exec(ctx, tx, unregisterQuery, map[string]any{"id": id}); err != nil {
			return 0, err
		}
		return v, s.precommit("unregister")
	})
}

// lockImport starts a transaction of the registered import id. It reads
// the registration only once it holds the :Meta lock: the registering
// transaction and the import's last one hold that lock until they commit,
// and their commit can land after the caller stopped waiting for it (its
// context ended). Read before the lock, the registration would look absent
// to an undo while a registration commits (which then stays behind,
// refusing every write), or present while the last transaction removes it.
func lockImport(ctx context.Context, tx neo4j.ManagedTransaction, id string) (uint64, error) {
	if err := exec(ctx, tx, lockMetaQuery, nil); err != nil {
		return 0, err
	}
	recs, err := collect(ctx, tx, lockImportQuery, map[string]any{"id": id, "now": time.Now().UnixMilli()})
	if err != nil {
		return 0, err
	}
	if len(recs) == 0 {
		return 0, graph.Unavailable("the import is no longer registered: it stalled and was rolled back as abandoned", errNotRegistered)
	}
	return versionOf(recs)
}

// stagedSteps lists the plan's statements in the order of the
// one-transaction path (importPlan.write).
func (p *importPlan) stagedSteps(reg graph.Registry) []stagedStep {
	var steps []stagedStep
	if len(p.types) > 0 {
		steps = append(steps, stagedStep{
			cypher: upsertTypes, param: "rows", n: len(p.types),
			rows: func(lo, hi int) ([]any, error) {
				rows := make([]any, 0, hi-lo)
				for i := lo; i < hi; i++ {
					rows = append(rows, typeProps(&p.types[i]))
				}
				return rows, nil
			},
			undo: func(u *undoLog, lo, hi int) {
				for _, t := range p.types[lo:hi] {
					if old, ok := p.oldTypes[t.Name]; ok {
						u.OldTypes = append(u.OldTypes, old)
					} else {
						u.Types = append(u.Types, t.Name)
					}
				}
			},
		})
	}
	actorRows := func(list []graph.Actor) func(lo, hi int) ([]any, error) {
		return func(lo, hi int) ([]any, error) {
			rows := make([]any, 0, hi-lo)
			for i := lo; i < hi; i++ {
				props, err := actorProps(&list[i])
				if err != nil {
					return nil, err
				}
				rows = append(rows, props)
			}
			return rows, nil
		}
	}
	steps = append(steps,
		stagedStep{cypher: createActors, param: "rows", n: len(p.newActors), rows: actorRows(p.newActors),
			undo: func(u *undoLog, lo, hi int) {
				for _, a := range p.newActors[lo:hi] {
					u.Actors = append(u.Actors, a.ID)
				}
			}},
		stagedStep{cypher: updateActors, param: "rows", n: len(p.updActors), rows: actorRows(p.updActors),
			undo: func(u *undoLog, lo, hi int) {
				for _, a := range p.updActors[lo:hi] {
					u.OldActors = append(u.OldActors, p.oldActors[a.ID])
				}
			}})
	for _, name := range sortedKeys(p.delRels) {
		t, _ := relType(reg, name)
		ids := p.delRels[name]
		steps = append(steps, stagedStep{cypher: deleteRelsQuery(t), param: "ids", n: len(ids),
			rows: func(lo, hi int) ([]any, error) {
				rows := make([]any, 0, hi-lo)
				for _, id := range ids[lo:hi] {
					rows = append(rows, id)
				}
				return rows, nil
			},
			undo: func(u *undoLog, lo, hi int) {
				for _, id := range ids[lo:hi] {
					u.DeletedRels = append(u.DeletedRels, p.oldRels[id])
				}
			}})
	}
	relRows := func(rels []graph.Relationship, ends bool) func(lo, hi int) ([]any, error) {
		return func(lo, hi int) ([]any, error) {
			rows := make([]any, 0, hi-lo)
			for i := lo; i < hi; i++ {
				props, err := relProps(&rels[i])
				if err != nil {
					return nil, err
				}
				if ends {
					props["source"], props["target"] = rels[i].Source, rels[i].Target
				}
				rows = append(rows, props)
			}
			return rows, nil
		}
	}
	for _, name := range sortedKeys(p.updRels) {
		t, _ := relType(reg, name)
		rels := p.updRels[name]
		steps = append(steps, stagedStep{cypher: updateRelsQuery(t), param: "rows", n: len(rels), rows: relRows(rels, false),
			undo: func(u *undoLog, lo, hi int) {
				for _, r := range rels[lo:hi] {
					u.OldRels = append(u.OldRels, p.oldRels[r.ID])
				}
			}})
	}
	for _, name := range sortedKeys(p.newRels) {
		t, _ := relType(reg, name)
		rels := p.newRels[name]
		steps = append(steps, stagedStep{cypher: createRelsQuery(t), param: "rows", n: len(rels), rows: relRows(rels, true),
			undo: func(u *undoLog, lo, hi int) {
				if u.Rels == nil {
					u.Rels = map[string][]string{}
				}
				for _, r := range rels[lo:hi] {
					u.Rels[name] = append(u.Rels[name], r.ID)
				}
			}})
	}
	return steps
}

// rollbackImport undoes the committed transactions of import id, newest
// first, each undo in a transaction of its own (as large as the one it
// undoes); the transaction that finds no undo left unregisters the import.
// errNotRegistered: the import is not registered (it ended, was rolled
// back, or its registration never committed).
func (s *Store) rollbackImport(ctx context.Context, id string) error {
	for {
		done, err := writeTx(ctx, s, s.bulkTimeout, func(tx neo4j.ManagedTransaction) (bool, error) {
			if _, err := lockImport(ctx, tx, id); err != nil {
				return false, err
			}
			recs, err := collect(ctx, tx, readUndoQuery, map[string]any{"id": id})
			if err != nil {
				return false, err
			}
			if len(recs) == 0 {
				return true, exec(ctx, tx, unregisterQuery, map[string]any{"id": id})
			}
			seq, _ := recs[0].Get("seq")
			text, _ := recs[0].Get("undo")
			str, _ := text.(string)
			var u undoLog
			if err := json.Unmarshal([]byte(str), &u); err != nil {
				return false, graph.Internal(err)
			}
			if err := u.apply(ctx, tx); err != nil {
				return false, err
			}
			return false, exec(ctx, tx, deleteUndoQuery, map[string]any{"id": id, "seq": seq})
		})
		if err != nil || done {
			return err
		}
	}
}

// apply undoes one transaction: the reverse of its statements, in reverse
// order.
func (u *undoLog) apply(ctx context.Context, tx neo4j.ManagedTransaction) error {
	reg, err := readRegistry(ctx, tx)
	if err != nil {
		return err
	}
	for _, name := range sortedKeys(u.Rels) {
		t, ok := relType(reg, name)
		if !ok {
			continue // its type is gone, and with it the relationships
		}
		if err := exec(ctx, tx, deleteRelsQuery(t), map[string]any{"ids": u.Rels[name]}); err != nil {
			return err
		}
	}
	for _, group := range []struct {
		rels   []graph.Relationship
		query  func(string) string
		create bool
	}{{u.OldRels, updateRelsQuery, false}, {u.DeletedRels, createRelsQuery, true}} {
		for i := range group.rels {
			r := &group.rels[i]
			t, ok := relType(reg, r.Type)
			if !ok {
				return graph.Internal(errors.New("neo4jstore: undo of an import: unknown type " + r.Type))
			}
			props, err := relProps(r)
			if err != nil {
				return graph.Internal(err)
			}
			if group.create {
				props["source"], props["target"] = r.Source, r.Target
			}
			if err := exec(ctx, tx, group.query(t), map[string]any{"rows": []any{props}}); err != nil {
				return err
			}
		}
	}
	if len(u.OldActors) > 0 {
		rows := make([]any, 0, len(u.OldActors))
		for i := range u.OldActors {
			props, err := actorProps(&u.OldActors[i])
			if err != nil {
				return graph.Internal(err)
			}
			rows = append(rows, props)
		}
		if err := exec(ctx, tx, updateActors, map[string]any{"rows": rows}); err != nil {
			return err
		}
	}
	if len(u.Actors) > 0 {
		if err := exec(ctx, tx, deleteActorsQuery, map[string]any{"ids": u.Actors}); err != nil {
			return err
		}
	}
	if len(u.Types) > 0 {
		if err := exec(ctx, tx, deleteTypesQuery, map[string]any{"ids": u.Types}); err != nil {
			return err
		}
	}
	if len(u.OldTypes) > 0 {
		rows := make([]any, 0, len(u.OldTypes))
		for i := range u.OldTypes {
			rows = append(rows, typeProps(&u.OldTypes[i]))
		}
		return exec(ctx, tx, upsertTypes, map[string]any{"rows": rows})
	}
	return nil
}

// recoverImports rolls back the imports whose heartbeat is older than
// importStale: their process died, or lost the database, mid-import.
func (s *Store) recoverImports(ctx context.Context) error {
	ids, err := readTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) ([]string, error) {
		recs, err := collect(ctx, tx, staleImportQuery, map[string]any{"before": time.Now().Add(-importStale).UnixMilli()})
		if err != nil {
			return nil, err
		}
		var ids []string
		for _, rec := range recs {
			if v, _ := rec.Get("id"); v != nil {
				id, _ := v.(string)
				ids = append(ids, id)
			}
		}
		return ids, nil
	})
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := s.rollbackImport(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// recoverInBackground starts recoverImports unless one is running: a
// write refused because of an abandoned import triggers it.
func (s *Store) recoverInBackground() {
	if !s.recovering.CompareAndSwap(false, true) {
		return
	}
	started := s.background(s.bulkTimeout, func(ctx context.Context) {
		defer s.recovering.Store(false)
		_ = s.recoverImports(ctx) // if it fails, the next refused write tries again
	})
	if !started {
		s.recovering.Store(false)
	}
}

// errNotRegistered: a transaction of an import found it unregistered.
var errNotRegistered = errors.New("neo4jstore: the import is not registered")

// errStaleImport marks the refusal of a write because of an abandoned
// import, so that writeTx starts the recovery.
var errStaleImport = errors.New("neo4jstore: an abandoned import holds the graph")

// importRunning is the error of a write refused because import id holds
// the graph; beat is its last heartbeat (Unix ms).
func importRunning(beat any) error {
	if b, ok := beat.(int64); ok && time.Since(time.UnixMilli(b)) > importStale {
		return graph.Unavailable("an interrupted import is being rolled back; try again shortly", errStaleImport)
	}
	return graph.Unavailable("a bulk import is in progress; writes are refused until it ends", nil)
}

func newImportID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
