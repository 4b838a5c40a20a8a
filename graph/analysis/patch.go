package analysis

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/detente/detente/graph"
)

// Delta projections: the base and the projections of a graph that differs
// from an analysed one by a graph.Delta (a scenario's graph, or the graph
// after a few writes) are made by patching the analysed ones, not by
// reading the whole graph again. What a patch makes is exactly what a
// build from scratch makes of the changed graph — the same actors, the
// same relationships in the same order, the same edges with the same
// sums (added in the same order) and the same evidence — so every
// algorithm gives the same bits on both (TestPatchIsBuild checks it array
// by array). The cost is a few linear copies of the arrays, against the
// hashing, sorting and grouping of a build.

// remap says where the records of a patched base come from.
type remap struct {
	from *base
	rel  []int32 // old relationship index -> new, -1 when removed or replaced
	end  []int32 // old ends index -> new, -1 when removed
	// old holds each new end's old index (-1 for a new end); nil when the
	// ends did not change (end is the identity).
	old []int32
	// removed are the old indices of the relationships removed or
	// replaced, ascending; put the new indices of those put, ascending.
	removed, put []int32
}

// relIndex returns the index of relationship id.
func (b *base) relIndex(id string) (int32, bool) {
	i, ok := slices.BinarySearch(b.relIDs, id)
	return int32(i), ok
}

// patch returns the base of the graph b was read from with d applied, as
// version, reading types from reg, and how its records map to b's. A
// removed record that b lacks, or a put one it holds, is no error: the
// put record replaces it. The records of d must be valid (a store's, or
// a scenario's applied changes).
func (b *base) patch(version uint64, reg graph.Registry, d graph.Delta) (*base, *remap, error) {
	m := &remap{from: b}
	// The relationships put, by id (the last of an id wins), and the old
	// ones they replace or d removes.
	put := slices.Clone(d.Relationships)
	slices.SortStableFunc(put, func(x, y graph.Relationship) int { return cmp.Compare(x.ID, y.ID) })
	for i := len(put) - 1; i > 0; i-- {
		if put[i-1].ID == put[i].ID {
			put = slices.Delete(put, i-1, i)
		}
	}
	for _, id := range d.RemovedRelationships {
		if i, ok := b.relIndex(id); ok {
			m.removed = append(m.removed, i)
		}
	}
	for i := range put {
		if j, ok := b.relIndex(put[i].ID); ok {
			m.removed = append(m.removed, j)
		}
	}
	slices.Sort(m.removed)
	m.removed = slices.Compact(m.removed)
	// A put relationship named as removed too is put (applied after).
	gone := make([]bool, len(b.rels))
	for _, i := range m.removed {
		gone[i] = true
	}

	// The ends: removed actors go unless a relationship kept or put still
	// names them (then they stay, as endpoints that are not actors, as a
	// build keeps them); added actors and new endpoints come in.
	removedEnd := map[int32]bool{}
	for _, id := range d.RemovedActors {
		if i, ok := b.endIndex(id); ok && b.isActor[i] {
			removedEnd[int32(i)] = true
		}
	}
	stillNamed := map[int32]bool{}
	for i := range d.Actors { // removed, then added again
		if e, ok := b.endIndex(d.Actors[i].ID); ok {
			stillNamed[int32(e)] = true
		}
	}
	if len(removedEnd) > 0 {
		for i := range b.rels {
			if r := &b.rels[i]; !gone[i] && (removedEnd[r.src] || removedEnd[r.dst]) {
				stillNamed[r.src], stillNamed[r.dst] = true, true
			}
		}
	}
	names := map[string]string{} // new or renamed actors
	newActor := map[string]bool{}
	for i := range d.Actors {
		names[d.Actors[i].ID] = d.Actors[i].Name
		newActor[d.Actors[i].ID] = true
	}
	var added []string // ids not among b's ends
	for id := range newActor {
		if _, ok := b.endIndex(id); !ok {
			added = append(added, id)
		}
	}
	for i := range put {
		for _, id := range []string{put[i].Source, put[i].Target} {
			if e, ok := b.endIndex(id); ok {
				stillNamed[int32(e)] = true
			} else if !newActor[id] {
				added = append(added, id)
				newActor[id] = false // seen; an endpoint, not an actor
			}
		}
	}
	slices.Sort(added)
	added = slices.Compact(added)
	dropped := 0
	for e := range removedEnd {
		if !stillNamed[e] {
			dropped++
		}
	}

	nb := &base{version: version, reg: reg, fetch: b.fetch}
	if len(added) == 0 && dropped == 0 {
		nb.ends, nb.isActor = b.ends, b.isActor
		if len(names) > 0 || len(removedEnd) > 0 {
			nb.isActor = slices.Clone(b.isActor)
		}
		m.end = nil
	} else {
		n := len(b.ends) - dropped + len(added)
		nb.ends, nb.isActor = make([]string, 0, n), make([]bool, 0, n)
		m.end = make([]int32, len(b.ends))
		m.old = make([]int32, 0, n)
		j := 0
		for i, id := range b.ends {
			for ; j < len(added) && added[j] < id; j++ {
				nb.ends, nb.isActor, m.old = append(nb.ends, added[j]), append(nb.isActor, false), append(m.old, -1)
			}
			if removedEnd[int32(i)] && !stillNamed[int32(i)] {
				m.end[i] = -1
				continue
			}
			m.end[i] = int32(len(nb.ends))
			nb.ends, nb.isActor, m.old = append(nb.ends, id), append(nb.isActor, b.isActor[i]), append(m.old, int32(i))
		}
		for ; j < len(added); j++ {
			nb.ends, nb.isActor, m.old = append(nb.ends, added[j]), append(nb.isActor, false), append(m.old, -1)
		}
	}
	nb.names = make([]string, len(nb.ends))
	for i := range nb.ends {
		if m.old == nil {
			nb.names[i] = b.names[i]
		} else if o := m.old[i]; o >= 0 {
			nb.names[i] = b.names[o]
		}
	}
	for e := range removedEnd {
		if i := m.endOf(e); i >= 0 {
			nb.isActor[i], nb.names[i] = false, ""
		}
	}
	for id, name := range names {
		i, _ := nb.endIndex(id)
		nb.isActor[i], nb.names[i] = true, name
	}

	// The types: b's kinds keep their numbers, read from reg; new types
	// come after them.
	nb.types = make([]graph.RelationshipType, len(b.types), len(b.types)+len(put))
	kinds := make(map[string]int32, len(b.types))
	for k, t := range b.types {
		if rt, ok := reg.Get(t.Name); ok {
			t = rt
		} else {
			t = graph.RelationshipType{Name: t.Name}
		}
		nb.types[k] = t
		kinds[t.Name] = int32(k)
	}

	// The relationships: b's kept ones merged with those put, in id order.
	nrels := len(b.rels) - len(m.removed) + len(put)
	nb.rels, nb.relIDs, nb.kind = make([]rel, 0, nrels), make([]string, 0, nrels), make([]uint16, 0, nrels)
	dated := b.dates != nil
	for i := range put {
		dated = dated || put[i].ValidFrom != nil || put[i].ValidTo != nil
	}
	if dated {
		nb.dates = make([]int32, 0, 2*nrels)
	}
	m.rel = make([]int32, len(b.rels))
	m.put = make([]int32, 0, len(put))
	next := 0 // the first of m.removed not yet passed
	// keep copies b's relationships [lo, hi) but the gone ones, a run of
	// kept ones at a time.
	keep := func(lo, hi int) {
		for lo < hi {
			for next < len(m.removed) && int(m.removed[next]) < lo {
				next++
			}
			g := hi
			if next < len(m.removed) && int(m.removed[next]) < hi {
				g = int(m.removed[next])
			}
			at := len(nb.rels)
			nb.rels = append(nb.rels, b.rels[lo:g]...)
			nb.relIDs = append(nb.relIDs, b.relIDs[lo:g]...)
			nb.kind = append(nb.kind, b.kind[lo:g]...)
			if m.end != nil {
				for i := at; i < len(nb.rels); i++ {
					nb.rels[i].src, nb.rels[i].dst = m.end[nb.rels[i].src], m.end[nb.rels[i].dst]
				}
			}
			for i := lo; i < g; i++ {
				m.rel[i] = int32(at + i - lo)
			}
			switch {
			case nb.dates == nil:
			case b.dates != nil:
				nb.dates = append(nb.dates, b.dates[2*lo:2*g]...)
			default:
				for range g - lo {
					nb.dates = append(nb.dates, openFrom, openTo)
				}
			}
			if g < hi {
				m.rel[g] = -1
				g++
			}
			lo = g
		}
	}
	at := 0
	for i := range put {
		r := &put[i]
		next, _ := b.relIndex(r.ID) // the first old relationship at or after r
		keep(at, int(next))
		at = int(next)
		k, ok := kinds[r.Type]
		if !ok {
			if len(nb.types) == maxKinds {
				return nil, nil, graph.Internal(fmt.Errorf("more than %d relationship types", maxKinds))
			}
			t, found := reg.Get(r.Type)
			if !found {
				t = graph.RelationshipType{Name: r.Type}
			}
			k = int32(len(nb.types))
			kinds[r.Type] = k
			nb.types = append(nb.types, t)
		}
		src, _ := nb.endIndex(r.Source)
		dst, _ := nb.endIndex(r.Target)
		ni := int32(len(nb.rels))
		m.put = append(m.put, ni)
		nb.rels = append(nb.rels, rel{weight: r.Weight, confidence: r.Confidence, src: int32(src), dst: int32(dst)})
		nb.relIDs = append(nb.relIDs, r.ID)
		nb.kind = append(nb.kind, uint16(k))
		if nb.dates != nil {
			from, to, odd := packSpan(r)
			if odd {
				if nb.odd == nil {
					nb.odd = map[int32][2]*graph.Date{}
				}
				nb.odd[ni] = [2]*graph.Date{cloneDate(r.ValidFrom), cloneDate(r.ValidTo)}
			}
			nb.dates = append(nb.dates, from, to)
		}
	}
	keep(at, len(b.rels))
	for ri, dates := range b.odd { // the kept ones' exact dates
		if nr := m.rel[ri]; nr >= 0 {
			if nb.odd == nil {
				nb.odd = map[int32][2]*graph.Date{}
			}
			nb.odd[nr] = dates
		}
	}
	return nb, m, nil
}

// endOf returns the new index of old end e (-1 when it was removed).
func (m *remap) endOf(e int32) int32 {
	if m.end == nil {
		return e
	}
	return m.end[e]
}

// oldEnd returns the old index of new end e (-1 for a new end).
func (m *remap) oldEnd(e int32) int32 {
	if m.old == nil {
		return e
	}
	return m.old[e]
}

// sameTypes reports whether nb reads every type of b as b does (a change
// of the registry can change which relationships a filter selects).
func (m *remap) sameTypes(nb *base) bool {
	for k, t := range m.from.types {
		if !sameType(t, nb.types[k]) {
			return false
		}
	}
	return true
}

func sameType(x, y graph.RelationshipType) bool {
	return x.Name == y.Name && x.Polarity == y.Polarity && x.Symmetric == y.Symmetric
}

// patchedEdge is one direction of a relationship in a patched row.
type patchedEdge struct{ from, to, rel int32 }

// patch returns the projection, under d's filter, of nb, the base m made
// from d's: exactly what build(nb, d.filter) returns. The rows of the
// actors no changed relationship touches are d's, renumbered; the rows
// of the others are made again from their selected relationships.
func (d *data) patch(ctx context.Context, nb *base, m *remap) (*data, error) {
	f := d.filter
	if !m.sameTypes(nb) {
		return build(ctx, nb, f)
	}
	ob := m.from
	nd := &data{base: nb, filter: f}

	// The ends a changed relationship touches (new numbering).
	touched := make([]bool, len(nb.ends))
	for _, ri := range m.removed {
		for _, e := range []int32{ob.rels[ri].src, ob.rels[ri].dst} {
			if ne := m.endOf(e); ne >= 0 {
				touched[ne] = true
			}
		}
	}
	for _, ri := range m.put {
		touched[nb.rels[ri].src], touched[nb.rels[ri].dst] = true, true
	}

	// The selection: d's kept relationships, renumbered, merged with
	// the put ones f selects; both come in id order.
	sel := make([]int32, 0, len(d.relsSel)+len(m.put))
	j := 0
	for _, ri := range d.relsSel {
		nr := m.rel[ri]
		if nr < 0 {
			continue
		}
		for ; j < len(m.put) && m.put[j] < nr; j++ {
			if ok, _ := f.selects(nb, m.put[j]); ok {
				sel = append(sel, m.put[j])
			}
		}
		sel = append(sel, nr)
	}
	for ; j < len(m.put); j++ {
		if ok, _ := f.selects(nb, m.put[j]); ok {
			sel = append(sel, m.put[j])
		}
	}
	if ctx.Err() != nil {
		return nil, ctxError(ctx)
	}

	// The selected relationships with a touched end; which touched ends
	// they keep in the projection.
	var near []int32
	inNear := make([]bool, len(nb.ends))
	for _, ri := range sel {
		r := &nb.rels[ri]
		if touched[r.src] || touched[r.dst] {
			near = append(near, ri)
			inNear[r.src], inNear[r.dst] = true, true
		}
	}

	// The actors: an untouched end is in the projection when it was; a
	// touched one when a selected relationship names it.
	nd.local = make([]int32, len(nb.ends))
	nd.ids = make([]string, 0, len(d.ids)+len(m.put))
	for e := range nb.ends {
		in := false
		if touched[e] {
			in = inNear[e]
		} else if o := m.oldEnd(int32(e)); o >= 0 {
			in = d.local[o] >= 0
		}
		nd.local[e] = -1
		if in {
			nd.local[e] = int32(len(nd.ids))
			nd.ids = append(nd.ids, nb.ends[e])
		}
	}
	// Old actor numbers -> new, for the rows kept.
	renum := make([]int32, len(d.ids))
	for e, k := range d.local {
		if k >= 0 {
			if ne := m.endOf(int32(e)); ne >= 0 {
				renum[k] = nd.local[ne]
			} else {
				renum[k] = -1
			}
		}
	}

	// The edges of the touched actors, both ways, from near.
	var outE, inE []patchedEdge
	for _, ri := range near {
		r := &nb.rels[ri]
		add := func(se, te int32) { // one direction, as ends
			a, b := nd.local[se], nd.local[te]
			if touched[se] {
				outE = append(outE, patchedEdge{a, b, ri})
			}
			if touched[te] {
				inE = append(inE, patchedEdge{b, a, ri}) // keyed by the target
			}
		}
		add(r.src, r.dst)
		if nb.types[nb.kind[ri]].Symmetric {
			add(r.dst, r.src)
		}
	}
	byRow := func(x, y patchedEdge) int {
		return cmp.Or(cmp.Compare(x.from, y.from), cmp.Compare(x.to, y.to), cmp.Compare(x.rel, y.rel))
	}
	slices.SortFunc(outE, byRow)
	slices.SortFunc(inE, byRow)

	endOf := make([]int32, len(nd.ids)) // new actor number -> ends index
	for e, k := range nd.local {
		if k >= 0 {
			endOf[k] = int32(e)
		}
	}
	same := len(nd.ids) == len(d.ids)
	for k := 0; same && k < len(renum); k++ {
		same = renum[k] == int32(k)
	}
	// The two adjacencies are independent: made side by side.
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		nd.in = d.patchRows(&d.in, nb, m, endOf, renum, same, touched, inE)
	}()
	nd.out = d.patchRows(&d.out, nb, m, endOf, renum, same, touched, outE)
	wg.Wait()
	n := len(nd.ids)
	nd.outSum = make([]float64, n)
	nd.outDeg = make([]float64, n)
	for v := int32(0); v < int32(n); v++ {
		lo, hi := nd.out.row(v)
		nd.outDeg[v] = float64(hi - lo)
		for e := lo; e < hi; e++ {
			nd.outSum[v] += nd.out.sum[e]
		}
	}
	nd.nrels = len(sel)
	nd.relsSel = sel
	if ctx.Err() != nil {
		return nil, ctxError(ctx)
	}
	return nd, nil
}

// patchRows makes the new adjacency (out or in, as a is) of the actors
// endOf lists: the row of an actor whose end is untouched is its old row
// renumbered (runs of such rows copied at once); that of a touched one
// combines its edges in es (sorted by row, other end, relationship) as
// setEdges does: the sum of the weights in relationship order, the best
// the first of the highest weight. same says the actors kept their
// numbers (renum is the identity).
func (d *data) patchRows(a *adjacency, nb *base, m *remap, endOf, renum []int32, same bool, touched []bool, es []patchedEdge) adjacency {
	type edge struct {
		from, to, rel int32
		sum           float64
	}
	var combined []edge
	for k := 0; k < len(es); {
		from, to, ri := es[k].from, es[k].to, es[k].rel
		w := nb.rels[ri].weight
		sum, best, bestRel := w, w, ri
		for k++; k < len(es) && es[k].from == from && es[k].to == to; k++ {
			w := nb.rels[es[k].rel].weight
			sum += w
			if w > best {
				best, bestRel = w, es[k].rel
			}
		}
		combined = append(combined, edge{from, to, bestRel, sum})
	}
	n := len(endOf)
	oldRow := func(v int) int32 { return d.local[m.oldEnd(endOf[v])] }
	out := adjacency{off: make([]int32, n+1)}
	for v, k := 0, 0; v < n; v++ {
		if touched[endOf[v]] {
			c := int32(0)
			for ; k < len(combined) && combined[k].from == int32(v); k++ {
				c++
			}
			out.off[v+1] = out.off[v] + c
		} else {
			lo, hi := a.row(oldRow(v))
			out.off[v+1] = out.off[v] + hi - lo
		}
	}
	size := out.off[n]
	out.nbr, out.sum, out.rel = make([]int32, size), make([]float64, size), make([]int32, size)
	for v, k := 0, 0; v < n; {
		at := out.off[v]
		if touched[endOf[v]] {
			for ; k < len(combined) && combined[k].from == int32(v); k++ {
				out.nbr[at], out.sum[at], out.rel[at] = combined[k].to, combined[k].sum, combined[k].rel
				at++
			}
			v++
			continue
		}
		// The run of untouched rows whose old rows follow each other.
		first := oldRow(v)
		w, last := v+1, first
		for w < n && !touched[endOf[w]] && oldRow(w) == last+1 {
			w, last = w+1, last+1
		}
		lo, hi := a.off[first], a.off[last+1]
		copy(out.sum[at:], a.sum[lo:hi])
		if same {
			copy(out.nbr[at:], a.nbr[lo:hi])
		} else {
			for i, x := range a.nbr[lo:hi] {
				out.nbr[at+int32(i)] = renum[x]
			}
		}
		for i, r := range a.rel[lo:hi] {
			out.rel[at+int32(i)] = m.rel[r]
		}
		v = w
	}
	return out
}
