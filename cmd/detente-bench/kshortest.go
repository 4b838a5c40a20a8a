package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphgen"
	"github.com/detente/detente/graph/neo4jstore"
)

// benchKShortestPart runs benchKShortest on a fresh Neo4j.
func benchKShortestPart(ctx context.Context, r *Report, cfg *config) {
	if cfg.neo4jPort == 0 {
		r.missing("15", "weighted k_shortest on both stores", "same answers, both ≤ 100 ms median", "no Neo4j (-neo4j-port 0)")
		return
	}
	if err := restartNeo4j(cfg); err != nil {
		r.problem("neo4j: %v", err)
		return
	}
	if err := benchKShortest(ctx, r, cfg.neo4jURI()); err != nil {
		r.problem("weighted k_shortest on both stores: %v", err)
	}
}

// benchKShortest times weighted k_shortest (k=5, max_hops=10) on a
// 300-actor / 1 668-relationship graph in both stores, in the process:
// the same random pairs in the same order, alternating store by store.
// The Neo4j database must be fresh (the graph's ids are graphgen's).
func benchKShortest(ctx context.Context, r *Report, uri string) error {
	b := graphgen.Generate(graphgen.Options{Actors: 300, Relationships: 1668, Seed: Seed})
	mem, err := memStoreOf(ctx, b)
	if err != nil {
		return err
	}
	defer mem.Close()
	d, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: uri, QueryTimeout: time.Minute})
	if err != nil {
		return err
	}
	neo := graph.NewStore(d)
	defer neo.Close()
	if _, err := neo.Import(ctx, b, false); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(Seed, 5))
	var tm, tn []time.Duration
	differ := 0
	for len(tm) < 60 && ctx.Err() == nil {
		from, to := graphgen.ActorID(rng.IntN(300)), graphgen.ActorID(rng.IntN(300))
		if from == to {
			continue
		}
		q := graph.PathQuery{From: from, To: to, Mode: graph.ModeKShortest, K: 5, MaxHops: 10, Weighted: true}
		t0 := time.Now()
		pm, err := mem.Paths(ctx, q)
		tm = append(tm, time.Since(t0))
		if err != nil {
			return err
		}
		t0 = time.Now()
		pn, err := neo.Paths(ctx, q)
		tn = append(tn, time.Since(t0))
		if err != nil {
			return err
		}
		if fmt.Sprint(pathActors(pm)) != fmt.Sprint(pathActors(pn)) {
			differ++
		}
	}
	sec := r.section("7c. Weighted k_shortest on both stores (in the process)",
		"Graph of 300 actors and 1 668 relationships (graphgen, built-in types), weighted k_shortest with k=5 and max_hops=10 between 60 random pairs, "+
			"the same pairs on each store in turn: the embedded store in memory, and Neo4j through neo4jstore (which reads the endpoints' neighbourhood and searches it in Go). Medians.",
		"graph", "embedded median", "Neo4j median", "pairs whose paths differ")
	sec.row("300/1668", ms(medianDur(tm)), ms(medianDur(tn)), fmt.Sprint(differ))
	r.target("15", "weighted k_shortest (k=5, max_hops=10) on 300/1668, both stores", "embedded "+ms(medianDur(tm))+", Neo4j "+ms(medianDur(tn)),
		fmt.Sprintf("%d of %d pairs differ", differ, len(tm)), "same answers, both ≤ 100 ms median", differ == 0 && medianDur(tm) <= 100*time.Millisecond && medianDur(tn) <= 100*time.Millisecond)
	return nil
}

func pathActors(ps []graph.Path) [][]string {
	out := make([][]string, len(ps))
	for i, p := range ps {
		out[i] = p.Actors
	}
	return out
}
