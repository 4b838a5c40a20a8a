package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/neo4jstore/internal/testdb"
	"github.com/detente/detente/graph/storetest"
)

// openStaged returns a store that writes every import of more than n
// records in transactions of n (staged.go), and its database.
func openStaged(t testing.TB, n int) *Store {
	t.Helper()
	return openOn(t, testdb.Acquire(t), n)
}

// openOn opens another store on a database the test holds.
func openOn(t testing.TB, e testdb.Env, n int) *Store {
	t.Helper()
	s, err := Open(ctx, Config{URI: e.URI, Username: e.Username, Password: e.Password, Database: e.Database,
		QueryTimeout: 30 * time.Second, ImportTxRecords: n})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// The conformance suite again, with every import of more than two records
// staged: it must not tell the difference.
func TestConformanceStaged(t *testing.T) {
	testdb.Lookup(t)
	t.Run("neo4j-staged", func(t *testing.T) {
		storetest.Run(t, func(t *testing.T) graph.Driver { return openStaged(t, 2) })
	})
}

// stagedWorld is a graph for the staged import to change: a user type, an
// actor and relationships that the batch updates, replaces and creates.
func stagedWorld(t *testing.T, s *Store) graph.Batch {
	t.Helper()
	base := graph.Batch{
		RelationshipTypes: []graph.RelationshipType{{Name: "trades_with", Polarity: 1, Symmetric: true, DefaultWeight: 0.4}},
		Actors: []graph.Actor{{ID: "usa", Name: "USA", Kind: "state"}, {ID: "iran", Name: "Iran", Kind: "state"},
			{ID: "eu", Name: "EU", Kind: "igo"}},
		Relationships: []graph.Relationship{
			{ID: "upd", Source: "usa", Target: "iran", Type: "sanctions", Weight: 0.5, Confidence: 1},
			{ID: "repl", Source: "eu", Target: "iran", Type: "trades_with", Weight: 0.4, Confidence: 1},
		},
	}
	must[graph.ImportResult](t)(s.Import(ctx, base, false, time.Now()))
	batch := graph.Batch{
		RelationshipTypes: []graph.RelationshipType{
			{Name: "trades_with", Polarity: 1, Symmetric: true, DefaultWeight: 0.6, Description: "changed"},
			{Name: "blockades", Polarity: -1, DefaultWeight: 0.7},
		},
		Actors: []graph.Actor{{ID: "iran", Name: "Iran", Kind: "state", Description: "changed"}},
		Relationships: []graph.Relationship{
			{ID: "upd", Source: "usa", Target: "iran", Type: "sanctions", Weight: 0.9, Confidence: 1},
			{ID: "repl", Source: "usa", Target: "eu", Type: "allied_with", Weight: 0.3, Confidence: 1},
		},
	}
	for i := range 12 {
		id := fmt.Sprintf("new%02d", i)
		batch.Actors = append(batch.Actors, graph.Actor{ID: id, Name: id, Kind: "person"})
		batch.Relationships = append(batch.Relationships,
			graph.Relationship{ID: "r" + id, Source: id, Target: "iran", Type: "blockades", Weight: 0.7, Confidence: 1},
			graph.Relationship{ID: "s" + id, Source: "usa", Target: id, Type: "trades_with", Weight: 0.6, Confidence: 1})
	}
	return batch
}

// leftovers counts what a staged import leaves behind it: undo nodes and
// the registration on :Meta.
func leftovers(t *testing.T, s *Store) int64 {
	t.Helper()
	recs := must[[]*neo4j.Record](t)(run(s, neo4j.AccessModeRead,
		`OPTIONAL MATCH (u:ImportUndo) WITH count(u) AS n
OPTIONAL MATCH (m:Meta {key: 'graph'}) WHERE m.import IS NOT NULL OR m.import_beat IS NOT NULL
WITH n, count(m) AS k RETURN n + k AS n`, nil))
	return count(recs)
}

// A staged import that fails at any of its transactions leaves the graph
// as it was (types, actors, relationships, timestamps), and nothing of
// its own; writes work again afterwards.
func TestStagedImportRollsBack(t *testing.T) {
	s := openStaged(t, 5)
	batch := stagedWorld(t, s)
	before := must[graph.Batch](t)(s.Export(ctx))
	boom := errors.New("boom")
	for fail := 1; ; fail++ {
		s.importHook = func(seq int) error {
			if seq == fail {
				return graph.Unavailable("injected failure", boom)
			}
			return nil
		}
		_, err := s.Import(ctx, batch, false, time.Now())
		if err == nil {
			if fail < 3 {
				t.Fatalf("the import succeeded although transaction %d failed", fail)
			}
			break // fail is past the last transaction
		}
		if !errors.Is(err, boom) {
			t.Fatalf("failure at transaction %d: %v", fail, err)
		}
		if diff := cmp.Diff(before, must[graph.Batch](t)(s.Export(ctx))); diff != "" {
			t.Fatalf("failure at transaction %d changed the graph (-before +after):\n%s", fail, diff)
		}
		if n := leftovers(t, s); n != 0 {
			t.Fatalf("failure at transaction %d left %d undo nodes or registrations", fail, n)
		}
	}
	s.importHook = nil
	after := must[graph.Batch](t)(s.Export(ctx))
	if len(after.Actors) != 3+12 || len(after.Relationships) != 2+24 || len(after.RelationshipTypes) != 2 {
		t.Fatalf("after the import: %d types, %d actors, %d relationships", len(after.RelationshipTypes), len(after.Actors), len(after.Relationships))
	}
	if r := must[graph.Relationship](t)(s.GetRelationship(ctx, "repl")); r.Type != "allied_with" || r.Target != "eu" {
		t.Fatalf("replaced tie %+v", r)
	}
	if n := leftovers(t, s); n != 0 {
		t.Fatalf("a finished import left %d undo nodes or registrations", n)
	}
	must[graph.Actor](t)(layer(s).CreateActor(ctx, graph.Actor{ID: "later", Name: "Later", Kind: "other"}))
}

// An import whose registration commits as its caller's context ends (the
// caller sees an error, the database has the registration) takes the
// registration back: otherwise every write after it was refused until it
// went stale, two minutes later — as the conformance suite's import with
// a 100 ms deadline once did to the next import.
func TestStagedImportUnregistersWhenRegisteringFails(t *testing.T) {
	s := openStaged(t, 5)
	batch := stagedWorld(t, s)
	before := must[graph.Batch](t)(s.Export(ctx))
	s.registeredHook = func() error { return context.DeadlineExceeded }
	if _, err := s.Import(ctx, batch, false, time.Now()); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("import with the registration's answer lost: %v", err)
	}
	s.registeredHook = nil
	if n := leftovers(t, s); n != 0 {
		t.Fatalf("the failed import left %d undo nodes or registrations", n)
	}
	if diff := cmp.Diff(before, must[graph.Batch](t)(s.Export(ctx))); diff != "" {
		t.Fatalf("the failed import changed the graph (-before +after):\n%s", diff)
	}
	must[graph.ImportResult](t)(s.Import(ctx, batch, false, time.Now()))
	must[graph.Actor](t)(layer(s).CreateActor(ctx, graph.Actor{ID: "later", Name: "Later", Kind: "other"}))
}

// An undo that starts while the import's registering transaction, or its
// last one, is committing (the caller's context ended with the commit on
// its way) decides on what that commit leaves: it takes back a
// registration that commits after it started, and finds an import whose
// last transaction commits meanwhile complete, leaving nothing behind
// either way. precommitHook holds the transaction open, with its :Meta
// lock, until the undo has answered or waits for a lock.
func TestStagedImportUndoWaitsForACommitInFlight(t *testing.T) {
	for _, tc := range []struct {
		step     string // the transaction held open
		undoErr  error
		imported bool // whether the graph holds the batch afterwards
	}{
		{step: "register"},
		{step: "unregister", undoErr: errNotRegistered, imported: true},
	} {
		t.Run(tc.step, func(t *testing.T) {
			s := openStaged(t, 5)
			batch := stagedWorld(t, s)
			before := must[graph.Batch](t)(s.Export(ctx))
			plan, reg, v, _, err := s.planStaged(ctx, &batch, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			id := newImportID()
			undone := make(chan error, 1)
			started := false
			s.precommitHook = func(step string) error {
				if step != tc.step || started {
					return nil
				}
				started = true
				go func() { undone <- s.undoImport(ctx, id) }()
				return awaitUndo(s, undone)
			}
			if ok, err := s.registerImport(ctx, id, v); !ok || err != nil {
				t.Fatalf("register: %v %v", ok, err)
			}
			if tc.step == "unregister" {
				if _, err := s.writeStaged(ctx, id, plan, reg); err != nil {
					t.Fatal(err)
				}
			}
			s.precommitHook = nil
			if !started {
				t.Fatalf("no %s transaction ran", tc.step)
			}
			if err := <-undone; !errors.Is(err, tc.undoErr) {
				t.Fatalf("the undo: %v, want %v", err, tc.undoErr)
			}
			if n := leftovers(t, s); n != 0 {
				t.Fatalf("%d undo nodes or registrations left", n)
			}
			after := must[graph.Batch](t)(s.Export(ctx))
			if tc.imported {
				if len(after.Actors) != 3+12 || len(after.Relationships) != 2+24 || len(after.RelationshipTypes) != 2 {
					t.Fatalf("after the import: %d types, %d actors, %d relationships", len(after.RelationshipTypes), len(after.Actors), len(after.Relationships))
				}
			} else if diff := cmp.Diff(before, after); diff != "" {
				t.Fatalf("the undone import changed the graph (-before +after):\n%s", diff)
			}
			must[graph.Actor](t)(layer(s).CreateActor(ctx, graph.Actor{ID: "later", Name: "Later", Kind: "other"}))
		})
	}
}

// awaitUndo returns once the undo running in the background has answered
// on undone (the answer stays there) or a transaction waits for a lock:
// the undo, for the one the caller holds open.
func awaitUndo(s *Store, undone chan error) error {
	deadline := time.Now().Add(time.Minute)
	for {
		select {
		case err := <-undone:
			undone <- err
			return nil
		default:
		}
		recs, err := run(s, neo4j.AccessModeRead,
			`SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n`, nil)
		if err != nil {
			return err
		}
		if count(recs) > 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return errors.New("the undo neither answered nor waited for a lock")
		}
		time.Sleep(5 * time.Millisecond) // between polls only
	}
}

// While a staged import runs, other writes are refused (503); a process
// that dies mid-import leaves a registration that is rolled back once
// stale, by the next start of a store (or the next write refused).
func TestStagedImportHoldsWritersAndRecovers(t *testing.T) {
	e := testdb.Acquire(t)
	s := openOn(t, e, 5)
	batch := stagedWorld(t, s)

	var once sync.Once
	var during error
	s.importHook = func(seq int) error {
		if seq == 2 {
			once.Do(func() {
				_, during = layer(s).CreateActor(ctx, graph.Actor{ID: "intruder", Name: "Intruder", Kind: "other"})
			})
		}
		return nil
	}
	must[graph.ImportResult](t)(s.Import(ctx, batch, false, time.Now()))
	wantCode(t, during, graph.EUNAVAILABLE)
	if _, err := s.GetActor(ctx, "intruder"); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Fatalf("the refused write happened: %v", err)
	}

	// A crash: the process stops after its second transaction, without
	// rolling back. The batch changes what the first import wrote.
	before := must[graph.Batch](t)(s.Export(ctx))
	for i := range batch.Relationships {
		batch.Relationships[i].Weight = 0.25
	}
	batch.Actors[0].Description = "changed again"
	plan, reg, v, _, err := s.planStaged(ctx, &batch, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := s.registerImport(ctx, "crashed", v); !ok || err != nil {
		t.Fatalf("register: %v %v", ok, err)
	}
	s.importHook = func(seq int) error {
		if seq == 3 {
			return errors.New("the process dies")
		}
		return nil
	}
	if _, err := s.writeStaged(ctx, "crashed", plan, reg); err == nil {
		t.Fatal("the crash did not happen")
	}
	s.importHook = nil
	_, err = layer(s).CreateActor(ctx, graph.Actor{ID: "x", Name: "X", Kind: "other"})
	wantCode(t, err, graph.EUNAVAILABLE) // its heartbeat is fresh: it counts as running

	defer func(d time.Duration) { importStale = d }(importStale)
	importStale = 0
	s2 := openOn(t, e, 5) // starts the recovery
	deadline := time.Now().Add(30 * time.Second)
	for leftovers(t, s2) != 0 {
		if time.Now().After(deadline) {
			t.Fatal("the abandoned import was not rolled back")
		}
		time.Sleep(100 * time.Millisecond)
	}
	if diff := cmp.Diff(before, must[graph.Batch](t)(s2.Export(ctx))); diff != "" {
		t.Fatalf("the rollback of the abandoned import (-before +after):\n%s", diff)
	}
	must[graph.Actor](t)(layer(s2).CreateActor(ctx, graph.Actor{ID: "x", Name: "X", Kind: "other"}))
}

// Neo4j's transaction memory limit is transient to the driver; to detente
// it is ETOOLARGE, at once (not after the retry budget) and naming the
// setting.
func TestTxMemoryLimitIsTooLarge(t *testing.T) {
	oom := &neo4j.Neo4jError{Code: "Neo.TransientError.General.MemoryPoolOutOfMemoryError", Msg: "dbms.memory.transaction.total.max threshold reached"}
	for _, err := range []error{oom, fmt.Errorf("wrapped: %w", oom), &neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{oom}}} {
		got := mapError(ctx, err)
		var ge *graph.Error
		if !errors.As(got, &ge) || ge.Code != graph.ETOOLARGE {
			t.Fatalf("%v mapped to %v", err, got)
		}
		if neo4j.IsRetryable(got) {
			t.Fatalf("%v stays retryable", got)
		}
		if want := "dbms.memory.transaction.total.max"; !strings.Contains(ge.Message, want) {
			t.Fatalf("message %q does not name %s", ge.Message, want)
		}
	}
}
