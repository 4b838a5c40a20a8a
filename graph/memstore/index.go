package memstore

import "hash/maphash"

// idIndex finds a relationship's slot by id: an open-addressing hash table
// (linear probing, backward-shift deletion) of slots alone, the keys being
// read from the edges themselves.
//
// Written here rather than using a Go map because a map must hold its keys:
// a map[string]int32 costs 40 to 56 bytes a relationship (a 16-byte string
// header and a 4-byte value per slot, at the load factors its growth
// leaves), this table 5 to 11, and at a million relationships that
// difference is a quarter of the store's memory.
type idIndex struct {
	seed  maphash.Seed
	table []int32 // slot+1; 0 marks an empty bucket
	n     int
}

func newIDIndex() idIndex { return idIndex{seed: maphash.MakeSeed()} }

func (x *idIndex) len() int { return x.n }

func (x *idIndex) home(id string) int {
	return int(maphash.String(x.seed, id) & uint64(len(x.table)-1))
}

// get returns the slot of id.
func (x *idIndex) get(id string, edges []edge) (int32, bool) {
	if x.n == 0 {
		return 0, false
	}
	mask := len(x.table) - 1
	for i := x.home(id); ; i = (i + 1) & mask {
		v := x.table[i]
		if v == 0 {
			return 0, false
		}
		if edges[v-1].id == id {
			return v - 1, true
		}
	}
}

// reserve makes room for n ids in all without a rehash (load <= 3/4).
func (x *idIndex) reserve(n int, edges []edge) {
	size := max(len(x.table), 8)
	for n > size/4*3 {
		size *= 2
	}
	if size == len(x.table) {
		return
	}
	old := x.table
	x.table = make([]int32, size)
	x.n = 0
	for _, v := range old {
		if v != 0 {
			x.put(v-1, edges)
		}
	}
}

// put adds slot, whose edge holds its id already and is not indexed yet.
func (x *idIndex) put(slot int32, edges []edge) {
	x.reserve(x.n+1, edges)
	mask := len(x.table) - 1
	i := x.home(edges[slot].id)
	for x.table[i] != 0 {
		i = (i + 1) & mask
	}
	x.table[i] = slot + 1
	x.n++
}

// del removes id, which is indexed.
func (x *idIndex) del(id string, edges []edge) {
	mask := len(x.table) - 1
	i := x.home(id)
	for edges[x.table[i]-1].id != id {
		i = (i + 1) & mask
	}
	// Backward shift: move later entries of the probe run into the hole
	// when the hole lies between their home and where they sit.
	for j := (i + 1) & mask; x.table[j] != 0; j = (j + 1) & mask {
		h := x.home(edges[x.table[j]-1].id)
		if (j-h)&mask >= (j-i)&mask {
			x.table[i] = x.table[j]
			i = j
		}
	}
	x.table[i] = 0
	x.n--
}
