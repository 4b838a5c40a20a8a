package viz

import (
	"cmp"
	"math"
	"slices"

	"github.com/detente/detente/graph"
)

// Point is where an actor is drawn. Layout units are screen-like: y grows
// downwards as in Cytoscape.js, sigma.js and SVG, and actors tied to each
// other end up about LayoutUnit apart.
type Point struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// LayoutUnit is the distance ForceLayout aims for between tied actors: a
// node of 20–30 px with its label below it fits between two such actors
// at zoom 1.
const LayoutUnit = 100.0

// MaxLayoutActors bounds what the API lays out. Every pair of actors
// repels, so an iteration costs n²/2 force terms: at this size a layout
// takes about as long as the explorer's own first paint (BenchmarkForceLayout),
// and a drawing of more actors says little that a filter would not say
// better. The explorer lays bigger graphs out itself.
const MaxLayoutActors = 500

const (
	layoutIterations = 300
	// layoutGravity pulls every actor towards the centre, so that
	// components and isolated actors stay in the picture.
	layoutGravity = 0.5
)

// ForceLayout places actors by Fruchterman and Reingold's force-directed
// algorithm ("Graph drawing by force-directed placement", 1991): tied
// actors attract with d²/k, every pair repels with k²/d (and harder closer
// than k: see repulsion), a weak pull towards the centre keeps components
// together, and the largest step an iteration may take cools linearly to
// zero. A pair tied by m relationships pulls with 1 + ln(m)/4: more ties,
// a little closer, without the hubs of a dense crisis collapsing onto
// each other. Relationships whose ends are not both among actors are
// ignored.
//
// It is deterministic — actors start on a sunflower spiral in the order
// given, nothing is random and sums are taken in a fixed order — so the
// same graph is drawn the same way on every request and on both stores.
// Coordinates are centred on the origin and rounded to 0.01.
//
// Why not a library: gonum's layout.EadesR2, the maintained Go option,
// starts from random points in the unit square in map order (a layout
// that differs per run) and diverged to ±1e18 on generated graphs of 200
// actors; go-graphviz runs Graphviz compiled to WebAssembly and did not
// finish compiling it in two minutes on this machine.
func ForceLayout(actors []graph.Actor, rels []graph.Relationship) map[string]Point {
	n := len(actors)
	out := make(map[string]Point, n)
	if n == 0 {
		return out
	}
	index := make(map[string]int32, n)
	for i := range actors {
		index[actors[i].ID] = int32(i)
	}
	pos, disp := make([]vec, n), make([]vec, n)
	golden := math.Pi * (3 - math.Sqrt(5))
	for i := range pos {
		r, a := math.Sqrt(float64(i)+0.5), float64(i)*golden
		pos[i] = vec{r * math.Cos(a), r * math.Sin(a)}
	}
	springs := layoutSprings(rels, index)
	start := 0.5 + 0.5*math.Sqrt(float64(n)) // largest first step, about a tenth of the drawing's width
	for it := 0; it < layoutIterations; it++ {
		clear(disp)
		repelAll(pos, disp)
		for _, s := range springs {
			d := pos[s.b].sub(pos[s.a])
			f := d.scale(d.len() * s.strength) // |d|²/k along d, k = 1
			disp[s.a] = disp[s.a].add(f)
			disp[s.b] = disp[s.b].sub(f)
		}
		limit := start * (1 - float64(it)/layoutIterations)
		for i := range pos {
			f := disp[i].sub(pos[i].scale(layoutGravity))
			if l := f.len(); l > 0 {
				pos[i] = pos[i].add(f.scale(math.Min(l, limit) / l))
			}
		}
	}
	var c vec
	for _, p := range pos {
		c = c.add(p)
	}
	c = c.scale(1 / float64(n))
	round := func(x float64) float64 { return math.Round(x*LayoutUnit*100) / 100 }
	for i, p := range pos {
		out[actors[i].ID] = Point{X: round(p.x - c.x), Y: round(p.y - c.y)}
	}
	return out
}

type vec struct{ x, y float64 }

func (v vec) add(w vec) vec       { return vec{v.x + w.x, v.y + w.y} }
func (v vec) sub(w vec) vec       { return vec{v.x - w.x, v.y - w.y} }
func (v vec) scale(f float64) vec { return vec{v.x * f, v.y * f} }
func (v vec) len() float64        { return math.Hypot(v.x, v.y) }
func apart(i, j int) vec          { return vec{1e-3 * float64(i-j), 1e-3 * float64(1+(i+j)%7)} }

// repulsion is the force between two actors |d| apart, given 1/|d|², as a
// factor of d: Fruchterman and Reingold's k²/|d| (k = 1) plus a term in
// 1/|d|³ that matters only closer than k: drawn nodes have a size and a
// label, and hubs that share their neighbours would otherwise be drawn on
// top of each other.
func repulsion(inv float64) float64 { return inv + 0.25*inv*inv }

type spring struct {
	a, b     int32
	strength float64
}

// layoutSprings merges the relationships between each pair of actors into
// one spring, sorted by its ends so that forces add up in the same order
// on every run.
func layoutSprings(rels []graph.Relationship, index map[string]int32) []spring {
	ties := map[[2]int32]int{}
	for i := range rels {
		a, okA := index[rels[i].Source]
		b, okB := index[rels[i].Target]
		if !okA || !okB || a == b {
			continue
		}
		ties[[2]int32{min(a, b), max(a, b)}]++
	}
	out := make([]spring, 0, len(ties))
	for p, k := range ties {
		out = append(out, spring{a: p[0], b: p[1], strength: 1 + math.Log(float64(k))/4})
	}
	slices.SortFunc(out, func(x, y spring) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	return out
}

// repelAll adds the repulsion between every pair of actors to disp: the
// inner loop of the layout (n²/2 pairs an iteration), so written for
// speed — one division a pair, the row's own sum kept in registers.
func repelAll(pos, disp []vec) {
	for i := range pos {
		p := pos[i]
		var acc vec
		rest, drest := pos[i+1:], disp[i+1:]
		for k := range rest {
			dx, dy := p.x-rest[k].x, p.y-rest[k].y
			d2 := dx*dx + dy*dy
			if d2 < 1e-12 {
				a := apart(i, i+1+k)
				dx, dy, d2 = a.x, a.y, a.x*a.x+a.y*a.y
			}
			inv := 1 / d2
			f := repulsion(inv)
			acc.x, acc.y = acc.x+dx*f, acc.y+dy*f
			drest[k].x -= dx * f
			drest[k].y -= dy * f
		}
		disp[i] = disp[i].add(acc)
	}
}
