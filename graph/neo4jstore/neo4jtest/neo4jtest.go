// Package neo4jtest opens the Neo4j store for tests of any package: a
// fresh, empty database (NEO4J_URI), held by the test until it ends, so
// that packages tested in parallel do not wipe each other's data.
//
// Without NEO4J_URI the test is skipped, except under CI=true, where a
// missing Neo4j is a failure.
//
// The database is held through a file lock (flock) taken per test, so a
// test must open at most one Neo4j store: a second Open in the same test
// would wait for the first to be released.
package neo4jtest

import (
	"context"
	"testing"
	"time"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/neo4jstore"
	"github.com/detente/detente/graph/neo4jstore/internal/testdb"
)

// Open returns the portable layer over an empty Neo4j store, closed when
// the test ends.
func Open(t testing.TB) *graph.Store {
	t.Helper()
	e := testdb.Acquire(t)
	s, err := neo4jstore.Open(context.Background(), neo4jstore.Config{
		URI: e.URI, Username: e.Username, Password: e.Password, Database: e.Database,
		QueryTimeout: 30 * time.Second, // the race detector and a shared CI box are slow
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return graph.NewStore(s)
}

// Available reports whether NEO4J_URI is set, for tests that run a case
// per store and simply leave Neo4j out without it.
func Available() bool { return testdb.Configured() }
