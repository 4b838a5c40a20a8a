package memstore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/memstore"
)

// TestTemporalPathsReference checks mode=temporal on generated dated
// graphs against two references written independently of the layer:
//
//   - the set of paths: every simple path within max_hops (a depth-first
//     search over the batch), kept when for every i ≤ j tie i can start
//     no later than tie j ends (and the query's start and end allow it) —
//     the condition for days t1 ≤ … ≤ tk inside the validities to exist;
//   - the earliest arrival: a hop-bounded relaxation over walks (Holme and
//     Saramäki's earliest-arrival problem), which must equal the first
//     path's arrival.
func TestTemporalPathsReference(t *testing.T) {
	ctx := context.Background()
	rnd := rand.New(rand.NewPCG(11, 13))
	found, dropped := 0, 0 // paths kept, simple paths not time-respecting
	for g := range 30 {
		drv, err := memstore.Open("")
		if err != nil {
			t.Fatal(err)
		}
		s := graph.NewStore(drv)
		n := 6 + rnd.IntN(3)
		ids := make([]string, n)
		var b graph.Batch
		for i := range ids {
			ids[i] = fmt.Sprintf("x%d", i)
			b.Actors = append(b.Actors, graph.Actor{ID: ids[i], Name: ids[i], Kind: graph.KindState})
		}
		for r := range 14 {
			u, v := rnd.IntN(n), rnd.IntN(n)
			if u == v {
				continue
			}
			rel := graph.Relationship{ID: fmt.Sprintf("r%02d", r), Source: ids[u], Target: ids[v], Type: "supports",
				Weight: 0.5, Confidence: 0.9, Sources: []graph.Citation{{Title: "t"}}}
			if rnd.IntN(4) > 0 {
				d := day(2000 + rnd.IntN(20))
				rel.ValidFrom = &d
			}
			if rnd.IntN(4) > 0 {
				d := day(2000 + rnd.IntN(20))
				if rel.ValidFrom != nil && d.Before(*rel.ValidFrom) {
					d = *rel.ValidFrom
				}
				rel.ValidTo = &d
			}
			b.Relationships = append(b.Relationships, rel)
		}
		if _, err := s.Import(ctx, b, false); err != nil {
			t.Fatal(err)
		}
		for range 4 {
			from, to := ids[rnd.IntN(n)], ids[rnd.IntN(n)]
			if from == to {
				continue
			}
			var start, end *graph.Date
			if rnd.IntN(2) == 0 {
				d := day(2000 + rnd.IntN(20))
				start = &d
			}
			if rnd.IntN(2) == 0 {
				d := day(2005 + rnd.IntN(20))
				if start == nil || !d.Before(*start) {
					end = &d
				}
			}
			const hops = 4
			q := graph.PathQuery{From: from, To: to, Mode: graph.ModeTemporal, MaxHops: hops, Start: start, End: end, Limit: graph.MaxPathLimit}
			got, err := s.Paths(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("graph %d, %s to %s, start %v, end %v", g, from, to, start, end)
			want := referencePaths(b.Relationships, from, to, hops, start, end, true)
			found += len(want)
			dropped += len(referencePaths(b.Relationships, from, to, hops, nil, nil, false)) - len(want)
			var gotKeys []string
			for _, p := range got {
				gotKeys = append(gotKeys, pathKey(p.Actors, p.Relationships))
			}
			slices.Sort(gotKeys)
			if !slices.Equal(gotKeys, want) {
				t.Errorf("%s: paths %v, want %v", name, gotKeys, want)
			}
			arr, reach := earliestArrival(b.Relationships, from, to, hops, start, end)
			if reach != (len(got) > 0) {
				t.Errorf("%s: reachable %v, %d paths", name, reach, len(got))
			} else if reach {
				a := got[0].Times[len(got[0].Times)-1]
				if (a == nil) != (arr == nil) || (a != nil && *a != *arr) {
					t.Errorf("%s: earliest arrival %v, reference %v", name, a, arr)
				}
			}
		}
		s.Close()
	}
	t.Logf("%d time-respecting paths; %d simple paths that are not", found, dropped)
	if found < 50 || dropped < 50 {
		t.Errorf("the generated graphs exercise too little: %d paths kept, %d dropped", found, dropped)
	}
}

func day(year int) graph.Date {
	return graph.DateOf(time.Date(year, time.Month(1+year%12), 1+year%28, 0, 0, 0, 0, time.UTC))
}

func pathKey(actors []string, rels []graph.Relationship) string {
	ids := make([]string, len(rels))
	for i := range rels {
		ids[i] = rels[i].ID
	}
	return strings.Join(actors, ">") + " " + strings.Join(ids, ",")
}

// before reports a < b with nil as lo (-∞) or not (+∞).
func less(a, b *graph.Date, aLow, bLow bool) bool {
	switch {
	case a == nil && b == nil:
		return aLow && !bLow
	case a == nil:
		return aLow
	case b == nil:
		return !bLow
	}
	return a.Before(*b)
}

// referencePaths lists, sorted, the simple paths of at most hops ties from
// one actor to another (ties walked either way), only the time-respecting
// ones when timed.
func referencePaths(rels []graph.Relationship, from, to string, hops int, start, end *graph.Date, timed bool) []string {
	var out []string
	var actors []string
	var path []graph.Relationship
	var dfs func(at string)
	dfs = func(at string) {
		if at == to {
			if !timed || respects(path, start, end) {
				out = append(out, pathKey(actors, path))
			}
			return
		}
		if len(path) == hops {
			return
		}
		for _, r := range rels {
			var next string
			switch at {
			case r.Source:
				next = r.Target
			case r.Target:
				next = r.Source
			default:
				continue
			}
			if slices.Contains(actors, next) {
				continue
			}
			actors, path = append(actors, next), append(path, r)
			dfs(next)
			actors, path = actors[:len(actors)-1], path[:len(path)-1]
		}
	}
	actors = []string{from}
	dfs(from)
	slices.Sort(out)
	return out
}

// respects: days t1 ≤ … ≤ tk within the validities and [start, end]
// exist exactly when no tie must start after a later (or the same) tie,
// the end or nothing has ended: from_i ≤ to_j for i ≤ j, start ≤ to_j,
// from_i ≤ end, start ≤ end.
func respects(path []graph.Relationship, start, end *graph.Date) bool {
	lows := []*graph.Date{start}
	highs := []*graph.Date{end}
	for i := range path {
		lows = append(lows, path[i].ValidFrom)
		highs = append(highs, path[i].ValidTo)
	}
	// lows[i] (i ≥ 1: tie i-1) must not exceed highs[j] for every j ≥ i
	// among the ties, nor end; start (lows[0]) bounds them all.
	for i := 0; i <= len(path); i++ {
		for j := max(i, 1); j <= len(path); j++ {
			if less(highs[j], lows[i], false, true) {
				return false
			}
		}
		if less(end, lows[i], false, true) {
			return false
		}
	}
	return true
}

// earliestArrival is the earliest day to can be reached from from in at
// most hops ties used in time order from start, by relaxing every tie
// hops times; reach is false when no such walk arrives by end. nil: the
// arrival is open (any day).
func earliestArrival(rels []graph.Relationship, from, to string, hops int, start, end *graph.Date) (*graph.Date, bool) {
	type at struct {
		day  *graph.Date
		seen bool
	}
	best := map[string]at{from: {start, true}}
	for range hops {
		next := map[string]at{}
		for k, v := range best {
			next[k] = v
		}
		for _, r := range rels {
			for _, e := range [][2]string{{r.Source, r.Target}, {r.Target, r.Source}} {
				u, ok := best[e[0]]
				if !ok {
					continue
				}
				t := u.day
				if less(t, r.ValidFrom, true, true) {
					t = r.ValidFrom
				}
				if less(r.ValidTo, t, false, true) {
					continue
				}
				if end != nil && t != nil && end.Before(*t) {
					continue
				}
				if v, ok := next[e[1]]; !ok || less(t, v.day, true, true) {
					next[e[1]] = at{t, true}
				}
			}
		}
		best = next
	}
	v, ok := best[to]
	return v.day, ok
}
