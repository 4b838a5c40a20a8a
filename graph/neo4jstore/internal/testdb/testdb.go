// Package testdb hands tests the Neo4j database named by NEO4J_URI, empty
// and to themselves: Community Neo4j has one user database, so tests of
// every package that use it (neo4jstore, api, ...) take a lock first and
// wipe the data, then run.
package testdb

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Env is the connection the environment names.
type Env struct {
	URI, Username, Password, Database string
}

// Lookup reads NEO4J_URI and friends. Without NEO4J_URI the test is
// skipped, except under CI=true, where a missing Neo4j is a failure.
func Lookup(t testing.TB) Env {
	t.Helper()
	e := Env{
		URI:      os.Getenv("NEO4J_URI"),
		Username: os.Getenv("NEO4J_USERNAME"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
	if e.URI == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but NEO4J_URI is unset: the Neo4j store must be tested, not skipped")
		}
		t.Skip("NEO4J_URI is unset (start one with `make neo4j` and export NEO4J_URI=bolt://127.0.0.1:7687)")
	}
	if e.Database == "" {
		e.Database = "neo4j"
	}
	return e
}

// Acquire takes the database for the rest of the test (released by
// t.Cleanup) and empties it: every node and relationship goes; the schema
// (constraints, indexes) stays, as the store would recreate it anyway.
func Acquire(t testing.TB) Env {
	t.Helper()
	e := Lookup(t)
	name := regexp.MustCompile(`[^A-Za-z0-9]+`).ReplaceAllString(e.URI+"-"+e.Database, "_")
	unlock, err := lockFile(filepath.Join(os.TempDir(), "detente-neo4j-"+name+".lock"))
	if err != nil {
		t.Fatalf("locking the test database: %v", err)
	}
	t.Cleanup(unlock)
	if err := Wipe(e); err != nil {
		t.Fatalf("emptying the test database %s: %v", e.URI, err)
	}
	return e
}

// Wipe deletes all data of the database, in batches so that a big graph
// does not need one huge transaction.
func Wipe(e Env) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	auth := neo4j.NoAuth()
	if e.Username != "" {
		auth = neo4j.BasicAuth(e.Username, e.Password, "")
	}
	drv, err := neo4j.NewDriverWithContext(e.URI, auth)
	if err != nil {
		return err
	}
	defer drv.Close(ctx)
	sess := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: e.Database})
	defer sess.Close(ctx)
	// CALL ... IN TRANSACTIONS needs an auto-commit transaction (Run).
	res, err := sess.Run(ctx, `MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`, nil)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// Configured reports whether NEO4J_URI is set.
func Configured() bool { return os.Getenv("NEO4J_URI") != "" }
