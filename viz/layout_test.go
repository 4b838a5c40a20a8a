package viz_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/viz"
)

// ring is n actors tied in a cycle, plus the ties listed as index pairs.
func ring(n int, extra ...[2]int) ([]graph.Actor, []graph.Relationship) {
	actors := make([]graph.Actor, n)
	for i := range actors {
		actors[i] = graph.Actor{ID: fmt.Sprintf("a%04d", i)}
	}
	var rels []graph.Relationship
	tie := func(a, b int) {
		rels = append(rels, graph.Relationship{ID: fmt.Sprintf("r%d", len(rels)), Source: actors[a].ID, Target: actors[b].ID})
	}
	for i := 0; i < n && n > 1; i++ {
		tie(i, (i+1)%n)
	}
	for _, p := range extra {
		tie(p[0], p[1])
	}
	return actors, rels
}

// scattered is a generated graph shaped like graphgen's: half the ties
// touch the first 1% of the actors.
func scattered(n int) ([]graph.Actor, []graph.Relationship) {
	actors, _ := ring(n)
	var rels []graph.Relationship
	s := uint64(42)
	next := func(k int) int { s = s*6364136223846793005 + 1442695040888963407; return int((s >> 33) % uint64(k)) }
	for len(rels) < 2*n {
		a, b := next(n), next(n)
		if next(2) == 0 {
			a = next(max(1, n/100))
		}
		if a != b {
			rels = append(rels, graph.Relationship{ID: fmt.Sprintf("r%d", len(rels)), Source: actors[a].ID, Target: actors[b].ID})
		}
	}
	return actors, rels
}

func dist(p, q viz.Point) float64 { return math.Hypot(p.X-q.X, p.Y-q.Y) }

func TestForceLayout(t *testing.T) {
	sc := scenarioGraph(t)
	cases := []struct {
		name   string
		actors []graph.Actor
		rels   []graph.Relationship
	}{
		{"scenario", sc.Actors, sc.Relationships},
		{"one actor", []graph.Actor{{ID: "a"}}, nil},
		{"isolated actors", func() []graph.Actor { a, _ := ring(30); return a }(), nil},
		{"two cliques and a bridge", func() []graph.Actor { a, _ := twoCliques(); return a }(), func() []graph.Relationship { _, r := twoCliques(); return r }()},
		{"the most actors the API lays out", func() []graph.Actor { a, _ := scattered(viz.MaxLayoutActors); return a }(), func() []graph.Relationship { _, r := scattered(viz.MaxLayoutActors); return r }()},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pos := viz.ForceLayout(tc.actors, tc.rels)
			if len(pos) != len(tc.actors) {
				t.Fatalf("%d positions for %d actors", len(pos), len(tc.actors))
			}
			var cx, cy float64
			for _, a := range tc.actors {
				p, ok := pos[a.ID]
				if !ok || math.IsNaN(p.X) || math.IsInf(p.X, 0) || math.IsNaN(p.Y) || math.IsInf(p.Y, 0) {
					t.Fatalf("%s at %+v (present: %v)", a.ID, p, ok)
				}
				cx, cy = cx+p.X, cy+p.Y
			}
			n := float64(len(tc.actors))
			if math.Abs(cx/n) > 0.01 || math.Abs(cy/n) > 0.01 {
				t.Errorf("centre at (%g, %g), want the origin", cx/n, cy/n)
			}
			// No two actors drawn on top of each other; the drawing no
			// wider than the actors laid side by side.
			minD, maxR := math.Inf(1), 0.0
			for i, a := range tc.actors {
				maxR = max(maxR, math.Hypot(pos[a.ID].X, pos[a.ID].Y))
				for _, b := range tc.actors[i+1:] {
					minD = min(minD, dist(pos[a.ID], pos[b.ID]))
				}
			}
			if len(tc.actors) > 1 && minD < 0.2*viz.LayoutUnit {
				t.Errorf("two actors %.2f apart (LayoutUnit %g)", minD, viz.LayoutUnit)
			}
			if maxR > n*viz.LayoutUnit {
				t.Errorf("an actor %.0f from the centre: the layout did not hold together", maxR)
			}
			again := viz.ForceLayout(tc.actors, tc.rels)
			for id, p := range pos {
				if again[id] != p {
					t.Fatalf("%s at %+v, then at %+v: not deterministic", id, p, again[id])
				}
			}
			t.Logf("figure: %d actors, %d ties: nearest pair %.1f apart, farthest actor %.0f from the centre", len(tc.actors), len(tc.rels), minD, maxR)
		})
	}
}

// twoCliques is two cliques of 8 joined by one tie (actor 0 to actor 8).
func twoCliques() ([]graph.Actor, []graph.Relationship) {
	var pairs [][2]int
	for c := 0; c < 16; c += 8 {
		for i := c; i < c+8; i++ {
			for j := i + 1; j < c+8; j++ {
				pairs = append(pairs, [2]int{i, j})
			}
		}
	}
	pairs = append(pairs, [2]int{0, 8})
	actors, _ := ring(16)
	var rels []graph.Relationship
	for k, p := range pairs {
		rels = append(rels, graph.Relationship{ID: fmt.Sprintf("r%d", k), Source: actors[p[0]].ID, Target: actors[p[1]].ID})
	}
	return actors, rels
}

// TestForceLayoutDrawsStructure: actors of one clique end up nearer each
// other than actors of different cliques, and a tie shorter than the
// average distance between actors — what makes a force layout readable.
func TestForceLayoutDrawsStructure(t *testing.T) {
	actors, rels := twoCliques()
	pos := viz.ForceLayout(actors, rels)
	var within, across float64
	var nw, na int
	for i := range actors {
		for j := i + 1; j < len(actors); j++ {
			d := dist(pos[actors[i].ID], pos[actors[j].ID])
			if i/8 == j/8 {
				within, nw = within+d, nw+1
			} else {
				across, na = across+d, na+1
			}
		}
	}
	if within/float64(nw) >= across/float64(na)/1.5 {
		t.Errorf("mean distance within a clique %.1f, across %.1f: the cliques are not apart", within/float64(nw), across/float64(na))
	}

	sc := scenarioGraph(t)
	pos = viz.ForceLayout(sc.Actors, sc.Relationships)
	var tied, all float64
	for _, r := range sc.Relationships {
		tied += dist(pos[r.Source], pos[r.Target])
	}
	for i := range sc.Actors {
		for j := i + 1; j < len(sc.Actors); j++ {
			all += dist(pos[sc.Actors[i].ID], pos[sc.Actors[j].ID])
		}
	}
	n := float64(len(sc.Actors))
	tied, all = tied/float64(len(sc.Relationships)), all/(n*(n-1)/2)
	if tied >= all {
		t.Errorf("scenario: a tie is %.1f long on average, two actors %.1f apart: ties are not drawn short", tied, all)
	}
	// Ties to actors outside the list are left out, not a failure.
	extra := append(sc.Relationships[:len(sc.Relationships):len(sc.Relationships)], graph.Relationship{ID: "x", Source: "iran", Target: "atlantis"})
	if got := viz.ForceLayout(sc.Actors, extra); got["iran"] != pos["iran"] {
		t.Errorf("a tie to an actor not in the list moved Iran from %+v to %+v", pos["iran"], got["iran"])
	}
}

// TestWritePositions: without Positions no format carries one; with a
// position missing, Write fails before writing a byte.
func TestWritePositions(t *testing.T) {
	g := scenarioGraph(t)
	markers := map[string]string{"json": `"x":`, "cytoscape": `"position"`, "graphology": `"x":`, "d3": `"x":`, "graphml": `attr.name="x"`, "gexf": "viz:position"}
	for _, format := range viz.Formats() {
		if strings.Contains(string(write(t, format, g)), markers[format]) {
			t.Errorf("%s without positions has %s", format, markers[format])
		}
	}
	g.Positions = viz.ForceLayout(g.Actors[1:], g.Relationships)
	var b strings.Builder
	err := viz.Write(&b, "json", g)
	if err == nil || !strings.Contains(err.Error(), "no position") || b.Len() != 0 {
		t.Fatalf("Write with an actor unplaced: err %v, %d bytes written", err, b.Len())
	}
}

func BenchmarkForceLayout(b *testing.B) {
	for _, n := range []int{25, 100, 500, 1000, 1500} {
		actors, rels := scattered(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				viz.ForceLayout(actors, rels)
			}
		})
	}
}
