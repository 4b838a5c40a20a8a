// Package graphgen generates synthetic stakeholder graphs with a fixed seed,
// for benchmarks and load tests: the same arguments always give the same
// graph, so every store and every peer (NetworkX, igraph, the driver) is
// measured on identical data.
package graphgen

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/detente/detente/graph"
)

// Options shape a generated graph.
type Options struct {
	Actors        int
	Relationships int
	Seed          uint64
	// Dated gives a third of the relationships a validity interval.
	Dated bool
}

// ActorID is the id of the i-th generated actor.
func ActorID(i int) string { return fmt.Sprintf("a%07d", i) }

// Generate returns a batch of o.Actors actors and o.Relationships ties
// between them. Endpoints follow a preferential pattern (a few hubs and a
// long tail, as in real alliance and proxy networks): half of the ties pick
// an endpoint from the first 1% of actors. Types are drawn from the
// built-in registry; no self loops; parallel ties may occur.
func Generate(o Options) graph.Batch {
	r := rand.New(rand.NewPCG(o.Seed, 0x6465746e))
	types := graph.BuiltinTypes()
	created := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b := graph.Batch{
		Actors:        make([]graph.Actor, o.Actors),
		Relationships: make([]graph.Relationship, 0, o.Relationships),
	}
	kinds := graph.ActorKinds()
	for i := range b.Actors {
		id := ActorID(i)
		b.Actors[i] = graph.Actor{ID: id, Name: "Actor " + id[1:], Kind: graph.ActorKind(kinds[i%len(kinds)]), Aliases: []string{}, Tags: []string{},
			CreatedAt: created, UpdatedAt: created}
	}
	hubs := max(1, o.Actors/100)
	pick := func() int {
		if r.IntN(2) == 0 {
			return r.IntN(hubs)
		}
		return r.IntN(o.Actors)
	}
	for len(b.Relationships) < o.Relationships {
		s, t := pick(), r.IntN(o.Actors)
		if s == t {
			continue
		}
		typ := types[r.IntN(len(types))]
		rel := graph.Relationship{
			ID:     fmt.Sprintf("r%08d", len(b.Relationships)),
			Source: ActorID(s), Target: ActorID(t), Type: typ.Name,
			Weight:     float64(1+r.IntN(100)) / 100,
			Confidence: float64(50+r.IntN(51)) / 100,
			Sources:    []graph.Citation{},
			CreatedAt:  created, UpdatedAt: created,
		}
		if o.Dated && r.IntN(3) == 0 {
			from := graph.DateOf(time.Date(1990+r.IntN(30), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC))
			to := graph.DateOf(from.Time().AddDate(1+r.IntN(10), 0, 0))
			rel.ValidFrom, rel.ValidTo = &from, &to
		}
		b.Relationships = append(b.Relationships, rel)
	}
	return b
}
