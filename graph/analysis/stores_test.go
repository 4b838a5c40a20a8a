package analysis

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/memstore"
	"github.com/detente/detente/graph/neo4jstore/neo4jtest"
)

// storeKinds opens a fresh store of every kind: the embedded store always,
// Neo4j when NEO4J_URI is set (and under CI=true it must be).
func storeKinds(t *testing.T) map[string]func(t *testing.T) *graph.Store {
	kinds := map[string]func(t *testing.T) *graph.Store{
		"memstore": func(t *testing.T) *graph.Store {
			s, err := memstore.Open("")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return graph.NewStore(s)
		},
	}
	switch {
	case neo4jtest.Available():
		kinds["neo4j"] = func(t *testing.T) *graph.Store { return neo4jtest.Open(t) }
	case os.Getenv("CI") == "true":
		t.Fatal("CI=true but NEO4J_URI is unset: the reference must be reproduced on Neo4j too")
	}
	return kinds
}

// TestStoresReproduceReference loads the karate club and the generated
// graphs into each store and checks that the service, reading the graph
// back through the store, reproduces NetworkX's values.
func TestStoresReproduceReference(t *testing.T) {
	ctx := context.Background()
	kb, k := karate(t)
	type load struct {
		name  string
		batch graph.Batch
		check func(t *testing.T, svc *Service)
	}
	loads := []load{{"karate", kb, func(t *testing.T, svc *Service) {
		for _, weighted := range []bool{false, true} {
			p, err := svc.Projection(ctx, Filter{Weighted: weighted})
			if err != nil {
				t.Fatal(err)
			}
			for _, alg := range Algorithms {
				if alg == PN || alg == SignedEigenvector {
					continue // NetworkX has neither; TestPNCentrality and TestSignedEigenvector check them
				}
				c, err := p.Centrality(ctx, alg)
				if err != nil {
					t.Fatal(err)
				}
				checkScores(t, fmt.Sprintf("karate %s(weighted=%v)", alg, weighted), p, c.Scores, k.Expected[string(alg)])
			}
		}
	}}}
	for _, name := range []string{"random-a", "random-c"} {
		var g genFile
		readJSON(t, name+".json", &g)
		b := graph.Batch{Relationships: g.Relationships}
		for _, id := range g.Actors {
			b.Actors = append(b.Actors, graph.Actor{ID: id, Name: id, Kind: "state"})
		}
		loads = append(loads, load{name, b, func(t *testing.T, svc *Service) {
			for ci, c := range g.Cases {
				f := Filter{Types: c.Filter.Types, AsOf: c.Filter.AsOf, Polarity: c.Filter.Polarity, Weighted: c.Filter.Weighted}
				p, err := svc.Projection(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				e := c.Expected
				if p.Len() != e.Nodes || p.Edges() != e.Edges {
					t.Fatalf("case %d: projection %d actors, %d edges; want %d, %d", ci, p.Len(), p.Edges(), e.Nodes, e.Edges)
				}
				for alg, want := range map[Algorithm]map[string]float64{PageRank: e.PageRank, Betweenness: e.Betweenness, Closeness: e.Closeness} {
					res, err := p.Centrality(ctx, alg)
					if err != nil {
						t.Fatal(err)
					}
					checkScores(t, fmt.Sprintf("%s case %d %s", name, ci, alg), p, res.Scores, want)
				}
			}
		}})
	}
	for kind, open := range storeKinds(t) {
		t.Run(kind, func(t *testing.T) {
			// One store per kind: Neo4j Community has a single database,
			// which neo4jtest hands to one test at a time.
			s := open(t)
			for _, l := range loads {
				t.Run(l.name, func(t *testing.T) {
					if err := wipe(ctx, s); err != nil {
						t.Fatal(err)
					}
					if _, err := s.Import(ctx, l.batch, false); err != nil {
						t.Fatal(err)
					}
					l.check(t, NewService(s))
				})
			}
		})
	}
}

// wipe deletes every actor (and so every relationship) through the Store.
func wipe(ctx context.Context, s *graph.Store) error {
	b, err := s.Export(ctx)
	if err != nil {
		return err
	}
	for _, a := range b.Actors {
		if err := s.DeleteActor(ctx, a.ID, true, graph.Revision{}); err != nil {
			return err
		}
	}
	return nil
}
