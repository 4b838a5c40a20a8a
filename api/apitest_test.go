package api_test

import (
	"os"
	"testing"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/memstore"
	"github.com/detente/detente/graph/neo4jstore/neo4jtest"
)

// stores returns a fresh, empty store of every kind available: always the
// embedded store (in memory), and Neo4j when NEO4J_URI is set. Under
// CI=true a missing Neo4j is a failure, never a skip.
//
// Neo4j Community has one database, which neo4jtest hands to one test at
// a time (a file lock, wiped on acquisition): call stores once per
// top-level test, never twice in the same test.
func stores(t *testing.T) map[string]*graph.Store {
	t.Helper()
	out := map[string]*graph.Store{"memstore": memStore(t)}
	switch {
	case neo4jtest.Available():
		out["neo4j"] = neo4jtest.Open(t)
	case os.Getenv("CI") == "true":
		t.Fatal("CI=true but NEO4J_URI is unset: the API tests must run against Neo4j too")
	}
	return out
}

// memStore returns a fresh in-memory embedded store.
func memStore(t *testing.T) *graph.Store { return memStoreB(t) }

func memStoreB(t testing.TB) *graph.Store {
	t.Helper()
	s, err := memstore.Open("")
	if err != nil {
		t.Fatalf("memstore.Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return graph.NewStore(s)
}
