package memstore

import (
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/detente/detente/graph"
)

// edge is a relationship in the compact form the store keeps in memory:
// about 72 bytes in one slice, against some 200 for a graph.Relationship
// behind a pointer, which matters at millions of ties. Endpoints are node
// slots, the type an index into the store's type table, dates packed into
// ordered integers and timestamps Unix milliseconds. Whatever the compact
// fields cannot hold exactly (citations, a note, or an unusual value such
// as a timestamp in another zone) lives in the store's side table, so a
// read returns exactly what was written.
type edge struct {
	id                 string
	created, updated   int64 // Unix milliseconds, UTC
	weight, confidence float64
	from, to           int32 // node slots; from < 0 marks a free slot
	validFrom, validTo int32 // packDate keys; openFrom, openTo when open
	typ                uint32
	flags              uint8
}

const (
	flagExtra uint8 = 1 << iota // s.extra holds sources and note
	flagExact                   // s.extra holds the whole relationship: the compact fields are not exact
)

// extra is what a compact edge does not hold itself. Most generated and
// bulk-imported ties carry neither citations nor a note, so they need none.
type extra struct {
	sources []graph.Citation
	note    string
	exact   *graph.Relationship
}

// Packed dates: year*512 + month*32 + day orders dates exactly as
// graph.Date.Before does, without calendar arithmetic. The two ends of the
// int32 range stand for an open interval end.
const (
	openFrom = math.MinInt32
	openTo   = math.MaxInt32
	maxYear  = math.MaxInt32/512 - 1
	minYear  = math.MinInt32/512 + 1
)

// packDate returns d's key, and false when d does not fit (a hand-built
// Date with an out-of-range field: never one parsed from JSON).
func packDate(d graph.Date) (int32, bool) {
	if d.Year < minYear || d.Year > maxYear || d.Month < 0 || d.Month > 15 || d.Day < 0 || d.Day > 31 {
		return 0, false
	}
	return int32(d.Year*512 + int(d.Month)*32 + d.Day), true
}

func unpackDate(k int32) *graph.Date { return unpackDateInto(k, new(graph.Date)) }

// unpackDateInto writes k's date into d and returns d.
func unpackDateInto(k int32, d *graph.Date) *graph.Date {
	y := int(k) >> 9 // arithmetic shift: floor division, right for negative years too
	r := int(k) - y*512
	*d = graph.Date{Year: y, Month: time.Month(r >> 5), Day: r & 31}
	return d
}

// packTime returns t as Unix milliseconds, and false when that would not
// give back exactly t (a zone other than UTC, a finer precision, or a
// monotonic reading): stored timestamps are normalised, so that is rare.
func packTime(t time.Time) (int64, bool) {
	ms := t.UnixMilli()
	return ms, unpackTime(ms) == t
}

func unpackTime(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// noSources is what a relationship without citations reads back as:
// stores normalise a missing list to an empty one.
var noSources = []graph.Citation{}

// encode fills e from r (endpoints and type already resolved by the
// caller) and returns what must go to the side table, if anything.
func encode(e *edge, r *graph.Relationship) *extra {
	e.id = r.ID
	e.weight, e.confidence = r.Weight, r.Confidence
	e.flags = 0
	exact := true
	var ok bool
	e.created, ok = packTime(r.CreatedAt)
	exact = exact && ok
	e.updated, ok = packTime(r.UpdatedAt)
	exact = exact && ok
	e.validFrom, e.validTo = openFrom, openTo
	if r.ValidFrom != nil {
		e.validFrom, ok = packDate(*r.ValidFrom)
		exact = exact && ok
	}
	if r.ValidTo != nil {
		e.validTo, ok = packDate(*r.ValidTo)
		exact = exact && ok
	}
	if !exact {
		e.flags = flagExtra | flagExact
		c := *r
		return &extra{exact: &c}
	}
	if r.Sources == nil || len(r.Sources) > 0 || r.Note != "" {
		e.flags = flagExtra
		return &extra{sources: r.Sources, note: r.Note}
	}
	return nil
}

// relAt rebuilds the relationship in slot i.
func (s *Store) relAt(i int32) graph.Relationship {
	e := &s.edges[i]
	if e.flags&flagExact != 0 {
		return *s.extra[i].exact
	}
	r := graph.Relationship{
		ID:         e.id,
		Source:     s.nodes[e.from].actor.ID,
		Target:     s.nodes[e.to].actor.ID,
		Type:       s.typeNames[e.typ],
		Weight:     e.weight,
		Confidence: e.confidence,
		Sources:    noSources,
		CreatedAt:  unpackTime(e.created),
		UpdatedAt:  unpackTime(e.updated),
	}
	if e.validFrom != openFrom {
		r.ValidFrom = unpackDate(e.validFrom)
	}
	if e.validTo != openTo {
		r.ValidTo = unpackDate(e.validTo)
	}
	if e.flags&flagExtra != 0 {
		x := s.extra[i]
		r.Sources, r.Note = x.sources, x.note
	}
	return r
}

// relInto rebuilds the relationship in slot i into r as relAt does, but
// with its dates in from and to instead of new allocations: r is valid
// only until the next call.
func (s *Store) relInto(i int32, r *graph.Relationship, from, to *graph.Date) {
	e := &s.edges[i]
	if e.flags&flagExact != 0 {
		*r = *s.extra[i].exact
		return
	}
	*r = graph.Relationship{
		ID:         e.id,
		Source:     s.nodes[e.from].actor.ID,
		Target:     s.nodes[e.to].actor.ID,
		Type:       s.typeNames[e.typ],
		Weight:     e.weight,
		Confidence: e.confidence,
		Sources:    noSources,
		CreatedAt:  unpackTime(e.created),
		UpdatedAt:  unpackTime(e.updated),
	}
	if e.validFrom != openFrom {
		unpackDateInto(e.validFrom, from)
		r.ValidFrom = from
	}
	if e.validTo != openTo {
		unpackDateInto(e.validTo, to)
		r.ValidTo = to
	}
	if e.flags&flagExtra != 0 {
		x := s.extra[i]
		r.Sources, r.Note = x.sources, x.note
	}
}

// typeIndex returns the index of a type name in the store's table, adding
// it if need be. Indexes are never reused: types are not deleted.
func (s *Store) typeIndex(name string) uint32 {
	if i, ok := s.typeIdx[name]; ok {
		return i
	}
	i := uint32(len(s.typeNames))
	s.typeIdx[name] = i
	s.typeNames = append(s.typeNames, name)
	t, _ := s.types.Get(name)
	s.typeSym = append(s.typeSym, t.Symmetric)
	return i
}

// syncTypes refreshes the per-index type flags from the registry (an
// import may redefine a user type's symmetry).
func (s *Store) syncTypes() {
	for _, name := range s.types.Names() {
		s.typeIndex(name)
	}
	for i, name := range s.typeNames {
		t, _ := s.types.Get(name)
		s.typeSym[i] = t.Symmetric
	}
}

// putRels inserts or replaces relationships in memory; their endpoints
// exist and their types are registered. It sizes the slices it grows once
// for the whole batch, so a bulk import leaves no growth slack behind.
func (s *Store) putRels(rels []graph.Relationship) {
	// Resolve every id, endpoint and type once: on a million ties the map
	// look-ups, not the copying, are what a bulk load spends its time on.
	// They only read, so a big batch resolves on every core.
	places := make([]place, len(rels))
	parts := 1
	if len(rels) >= 1<<14 {
		parts = runtime.GOMAXPROCS(0)
	}
	counts := make([]int, parts)
	per := (len(rels) + parts - 1) / parts
	var wg sync.WaitGroup
	for w := range parts {
		lo, hi := min(w*per, len(rels)), min((w+1)*per, len(rels))
		wg.Go(func() { counts[w] = s.resolve(rels[lo:hi], places[lo:hi]) })
	}
	wg.Wait()
	fresh := 0
	for _, n := range counts {
		fresh += n
	}
	if fresh > len(s.freeEdges) {
		s.edges = slices.Grow(s.edges, fresh-len(s.freeEdges))
	}
	s.ids.reserve(s.ids.len()+fresh, s.edges)
	if fresh > 64 && fresh >= s.ids.len() {
		// A bulk load (at least doubling the ties): count each node's new
		// ties first, so that each adjacency list grows once, to its
		// exact size. Smaller batches append (load trims at the end).
		deg := make([]int32, 2*len(s.nodes))
		for _, p := range places {
			if p.slot < 0 {
				deg[2*p.from]++
				deg[2*p.to+1]++
			}
		}
		for i, n := range s.nodes {
			if n != nil {
				n.out = slices.Grow(n.out, int(deg[2*i]))
				n.in = slices.Grow(n.in, int(deg[2*i+1]))
			}
		}
	}
	added := make([]int32, 0, fresh)
	for i, p := range places {
		r := &rels[i]
		if p.typ == noType {
			p.typ = s.typeIndex(r.Type)
		}
		if p.slot >= 0 {
			e := &s.edges[p.slot]
			if e.from != p.from || e.to != p.to {
				s.unlink(p.slot)
				e.from, e.to = p.from, p.to
				s.link(p.slot)
			}
			e.typ = p.typ
			had := e.flags&flagExtra != 0
			s.setExtra(p.slot, encode(e, r), had)
			continue
		}
		var slot int32
		if k := len(s.freeEdges); k > 0 {
			slot = s.freeEdges[k-1]
			s.freeEdges = s.freeEdges[:k-1]
		} else {
			slot = int32(len(s.edges))
			s.edges = append(s.edges, edge{})
		}
		e := &s.edges[slot]
		e.from, e.to, e.typ = p.from, p.to, p.typ
		s.setExtra(slot, encode(e, r), false)
		s.link(slot)
		s.ids.put(slot, s.edges)
		added = append(added, slot)
	}
	s.addToOrder(added)
}

// place is where putRels puts a relationship: its slot (-1 for a new
// one), its endpoints' slots and its type's index.
type place struct {
	slot, from, to int32
	typ            uint32
}

// noType marks a type resolve did not find in the table (every
// registered type is there, see syncTypes); putRels then adds it.
const noType = math.MaxUint32

// resolve fills places for rels and returns how many are new. It only
// reads the store, so that parts of a batch can resolve in parallel.
func (s *Store) resolve(rels []graph.Relationship, places []place) int {
	fresh := 0
	for i := range rels {
		r := &rels[i]
		p := place{slot: -1, from: s.actors[r.Source].idx, to: s.actors[r.Target].idx, typ: noType}
		if t, ok := s.typeIdx[r.Type]; ok {
			p.typ = t
		}
		if slot, ok := s.ids.get(r.ID, s.edges); ok {
			p.slot = slot
		} else {
			fresh++
		}
		places[i] = p
	}
	return fresh
}

// setExtra records what the compact edge in slot left out (x), or forgets
// what it had when had is set and x is nil.
func (s *Store) setExtra(slot int32, x *extra, had bool) {
	switch {
	case x != nil:
		s.extra[slot] = x
	case had:
		delete(s.extra, slot)
	}
}

// link adds slot to its endpoints' adjacency lists.
func (s *Store) link(slot int32) {
	e := &s.edges[slot]
	from, to := s.nodes[e.from], s.nodes[e.to]
	from.out = append(from.out, adj{e: slot, v: e.to})
	to.in = append(to.in, adj{e: slot, v: e.from})
}

// unlink removes slot from its endpoints' adjacency lists.
func (s *Store) unlink(slot int32) {
	e := &s.edges[slot]
	from, to := s.nodes[e.from], s.nodes[e.to]
	from.out = removeAdj(from.out, slot)
	to.in = removeAdj(to.in, slot)
}

func removeAdj(list []adj, slot int32) []adj {
	i := slices.IndexFunc(list, func(a adj) bool { return a.e == slot })
	last := len(list) - 1
	list[i] = list[last]
	return list[:last]
}

// dropRels removes relationships (by slot) from memory.
func (s *Store) dropRels(slots []int32) {
	if len(slots) == 0 {
		return
	}
	for _, slot := range slots {
		s.unlink(slot)
		s.ids.del(s.edges[slot].id, s.edges)
		delete(s.extra, slot)
	}
	if len(slots) <= 16 { // a single delete: find each by binary search
		for _, slot := range slots {
			i, _ := slices.BinarySearchFunc(s.order, s.edges[slot].id, func(o int32, id string) int {
				return strings.Compare(s.edges[o].id, id)
			})
			s.order = slices.Delete(s.order, i, i+1)
		}
	} else {
		for _, slot := range slots {
			s.edges[slot].from = -1
		}
		s.order = slices.DeleteFunc(s.order, func(slot int32) bool { return s.edges[slot].from < 0 })
	}
	for _, slot := range slots {
		s.edges[slot] = edge{from: -1}
		s.freeEdges = append(s.freeEdges, slot)
	}
}

// addToOrder merges new slots into the id-ordered index. One sorted slice
// of slots costs 4 bytes a relationship, against a B-tree of id strings'
// 16 and more; the price is an O(n) copy per write, which a disk write
// (fsync) dwarfs, and a bulk import pays it once.
func (s *Store) addToOrder(added []int32) {
	if len(added) == 0 {
		return
	}
	byID := func(a, b int32) int { return strings.Compare(s.edges[a].id, s.edges[b].id) }
	slices.SortFunc(added, byID)
	n := len(s.order)
	if n == 0 || byID(s.order[n-1], added[0]) < 0 {
		s.order = append(slices.Grow(s.order, len(added)), added...)
		return
	}
	if len(added) <= 16 { // a single write: insert in place
		for _, slot := range added {
			i, _ := slices.BinarySearchFunc(s.order, slot, byID)
			s.order = slices.Insert(s.order, i, slot)
		}
		return
	}
	merged := make([]int32, 0, n+len(added))
	i, j := 0, 0
	for i < n && j < len(added) {
		if byID(s.order[i], added[j]) < 0 {
			merged = append(merged, s.order[i])
			i++
		} else {
			merged = append(merged, added[j])
			j++
		}
	}
	merged = append(append(merged, s.order[i:]...), added[j:]...)
	s.order = merged
}

// orderFrom returns the position in s.order of the first id after after.
func (s *Store) orderFrom(after string) int {
	i, _ := slices.BinarySearchFunc(s.order, after, func(slot int32, id string) int {
		return strings.Compare(s.edges[slot].id, id)
	})
	for i < len(s.order) && s.edges[s.order[i]].id == after {
		i++
	}
	return i
}
