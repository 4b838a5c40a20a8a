package neo4jstore

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/memstore"
	"github.com/detente/detente/graph/neo4jstore/internal/testdb"
	"github.com/detente/detente/graph/storetest"
)

// randomWorld is a random graph of n actors and m relationships: built-in
// types of every polarity and symmetry plus a user-defined symmetric one,
// weights and confidences spread over (0, 1], a third of the ties dated.
func randomWorld(seed uint64, n, m int) graph.Batch {
	rng := rand.New(rand.NewPCG(seed, 7))
	b := graph.Batch{RelationshipTypes: []graph.RelationshipType{{Name: "shares_border", Polarity: 0, Symmetric: true, DefaultWeight: 0.5}}}
	for i := range n {
		b.Actors = append(b.Actors, graph.Actor{ID: fmt.Sprintf("a%03d", i), Name: fmt.Sprintf("Actor %d", i), Kind: graph.KindState})
	}
	types := []string{"supports", "arms", "sanctions", "attacks", "allied_with", "hostile_to", "negotiates_with", "mediates", "shares_border"}
	seen := map[string]bool{}
	for len(b.Relationships) < m {
		s, t := rng.IntN(n), rng.IntN(n)
		typ := types[rng.IntN(len(types))]
		if s == t {
			continue
		}
		r := graph.Relationship{Source: b.Actors[s].ID, Target: b.Actors[t].ID, Type: typ,
			Weight: float64(1+rng.IntN(20)) / 20, Confidence: float64(5+rng.IntN(16)) / 20, Sources: []graph.Citation{}}
		if rng.IntN(3) == 0 {
			r.ValidFrom = &graph.Date{Year: 2000 + rng.IntN(20), Month: time.Month(1 + rng.IntN(12)), Day: 1}
		}
		r.ID = graph.RelationshipID(r.Source, r.Type, r.Target, r.ValidFrom)
		if seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		b.Relationships = append(b.Relationships, r)
	}
	return b
}

// The search in Go on the neighbourhood and the Cypher search are two
// implementations of one definition: on a random graph they must give the
// same answers, path for path, for every mode they both serve.
func TestLocalPathsMatchCypher(t *testing.T) {
	e := testdb.Acquire(t)
	s := openOn(t, e, DefaultImportTxRecords)
	world := randomWorld(1, 60, 240)
	if _, err := s.Import(ctx, world, false, time.Now()); err != nil {
		t.Fatal(err)
	}
	cypher := openOn(t, e, DefaultImportTxRecords)
	cypher.cypherPaths = true
	viaCypher := graph.NewStore(cypher)
	// The neighbourhood read on every query, and the replica (after the
	// first query has had it built).
	noReplica := openOn(t, e, DefaultImportTxRecords)
	noReplica.noReplica = true
	locals := []*graph.Store{graph.NewStore(noReplica), graph.NewStore(s)}
	if _, err := locals[1].Paths(ctx, graph.PathQuery{From: world.Actors[0].ID, To: world.Actors[1].ID, Mode: graph.ModeKShortest, K: 1, MaxHops: 2}); err != nil {
		t.Fatal(err)
	}
	s.bg.Wait() // the replica's build
	if s.replica == nil {
		t.Fatal("no replica was built")
	}

	rng := rand.New(rand.NewPCG(3, 9))
	asOf := graph.Date{Year: 2010, Month: 6, Day: 1}
	queries := 0
	for i := range 30 {
		from, to := world.Actors[rng.IntN(60)].ID, world.Actors[rng.IntN(60)].ID
		if from == to {
			continue
		}
		for _, q := range []graph.PathQuery{
			{Mode: graph.ModeKShortest, K: 5, MaxHops: 4, Weighted: true},
			{Mode: graph.ModeKShortest, K: 3, MaxHops: 4},
			{Mode: graph.ModeShortest, MaxHops: 5, Weighted: true, Direction: graph.Out},
			{Mode: graph.ModeAllShortest, MaxHops: 4, Weighted: true, Limit: 50, MinConfidence: 0.5},
			{Mode: graph.ModeAll, MaxHops: 3, Weighted: true, Limit: 20, Types: []string{"supports", "allied_with", "shares_border"}},
			{Mode: graph.ModeKShortest, K: 4, MaxHops: 4, Weighted: true, AsOf: &asOf, Exclude: []string{world.Actors[i].ID}},
		} {
			q.From, q.To = from, to
			if slices.Contains(q.Exclude, from) || slices.Contains(q.Exclude, to) {
				q.Exclude = nil
			}
			want, wantCut, errC := viaCypher.FindPaths(ctx, q)
			for k, local := range locals {
				got, gotCut, errL := local.FindPaths(ctx, q)
				if (errC == nil) != (errL == nil) {
					t.Fatalf("%+v (local %d): cypher error %v, local error %v", q, k, errC, errL)
				}
				if diff := cmp.Diff(want, got); diff != "" || wantCut != gotCut {
					t.Fatalf("%+v (local %d): truncated %v/%v; cypher -> local (-+):\n%s", q, k, wantCut, gotCut, diff)
				}
			}
			queries++
		}
	}
	if queries < 120 {
		t.Fatalf("only %d queries compared", queries)
	}
}

// Weighted k_shortest with a deep max_hops, where the Cypher search
// enumerates millions of trails: Neo4j answers with the embedded store's
// paths.
func TestLocalPathsSameAsEmbedded(t *testing.T) {
	e := testdb.Acquire(t)
	s := openOn(t, e, DefaultImportTxRecords)
	world := randomWorld(2, 300, 1668)
	if _, err := s.Import(ctx, world, false, time.Now()); err != nil {
		t.Fatal(err)
	}
	embedded, err := memstore.OpenWith("", memstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer embedded.Close()
	if _, err := embedded.Import(ctx, world, false, time.Now()); err != nil {
		t.Fatal(err)
	}
	neo, mem := graph.NewStore(s), graph.NewStore(embedded)
	rng := rand.New(rand.NewPCG(5, 11))
	var took, tookEmbedded []time.Duration
	for range 30 {
		from, to := world.Actors[rng.IntN(300)].ID, world.Actors[rng.IntN(300)].ID
		if from == to {
			continue
		}
		q := graph.PathQuery{From: from, To: to, Mode: graph.ModeKShortest, K: 5, MaxHops: 10, Weighted: true}
		start := time.Now()
		got, err := neo.Paths(ctx, q)
		took = append(took, time.Since(start))
		if err != nil {
			t.Fatal(err)
		}
		start = time.Now()
		want, err := mem.Paths(ctx, q)
		tookEmbedded = append(tookEmbedded, time.Since(start))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s -> %s: %d paths on Neo4j, %d embedded", from, to, len(got), len(want))
		}
		for i := range got {
			if !slices.Equal(got[i].Actors, want[i].Actors) || got[i].Cost != want[i].Cost {
				t.Fatalf("%s -> %s path %d: Neo4j %v (%g), embedded %v (%g)", from, to, i, got[i].Actors, got[i].Cost, want[i].Actors, want[i].Cost)
			}
		}
	}
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	sort.Slice(tookEmbedded, func(i, j int) bool { return tookEmbedded[i] < tookEmbedded[j] })
	// A figure, not a bound: how fast this machine is decides it.
	t.Logf("figure: weighted k_shortest (k=5, max_hops=10) on a 300-actor / 1668-relationship graph: same paths on Neo4j and embedded for %d pairs; median Neo4j %s, embedded %s",
		len(took), took[len(took)/2].Round(time.Microsecond), tookEmbedded[len(tookEmbedded)/2].Round(time.Microsecond))
}

// The path cases of the conformance suite on the Cypher search alone,
// which the Go search on the neighbourhood answers for weighted and
// k_shortest queries otherwise (and Cypher only for a neighbourhood too
// large to read).
func TestConformanceCypherPaths(t *testing.T) {
	testdb.Lookup(t)
	storetest.RunPaths(t, func(t *testing.T) graph.Driver {
		s := openStaged(t, DefaultImportTxRecords)
		s.cypherPaths = true
		return s
	})
}

// A write makes the replica stale: the next query reads the graph as it
// is, and the one after that searches a replica of the new version.
func TestLocalPathsReplicaFollowsWrites(t *testing.T) {
	s := openStaged(t, DefaultImportTxRecords)
	st := graph.NewStore(s)
	world := randomWorld(4, 40, 60)
	if _, err := st.Import(ctx, world, false); err != nil {
		t.Fatal(err)
	}
	from, to := world.Actors[0].ID, world.Actors[39].ID
	q := graph.PathQuery{From: from, To: to, Mode: graph.ModeKShortest, K: 2, MaxHops: 6, Weighted: true}
	if _, err := st.Paths(ctx, q); err != nil {
		t.Fatal(err)
	}
	s.bg.Wait()
	direct := graph.Relationship{ID: "direct", Source: from, Target: to, Type: "allied_with", Weight: 1, Confidence: 1}
	if _, err := st.CreateRelationship(ctx, direct); err != nil {
		t.Fatal(err)
	}
	for round := range 2 {
		ps, err := st.Paths(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) == 0 || len(ps[0].Relationships) != 1 || ps[0].Relationships[0].ID != "direct" {
			t.Fatalf("round %d: first path %+v, want the new direct tie", round, ps)
		}
		s.bg.Wait()
	}
	v, err := st.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.replicaAt(v) == nil {
		t.Fatalf("no replica at version %d after a query found it stale", v)
	}
}
