package sizedlru

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// simple is the obvious version: a slice, most recent last, scanned.
type simple struct {
	keys           []int
	size           map[int]int64
	budget, maxItm int64
	maxEntries     int
}

func (s *simple) touch(k int) {
	i := slices.Index(s.keys, k)
	s.keys = append(slices.Delete(s.keys, i, i+1), k)
}

func (s *simple) get(k int) bool {
	if _, ok := s.size[k]; !ok {
		return false
	}
	s.touch(k)
	return true
}

func (s *simple) add(k int, size int64) bool {
	if size > min(s.maxItm, s.budget) {
		return false
	}
	if _, ok := s.size[k]; ok {
		s.keys = slices.DeleteFunc(s.keys, func(x int) bool { return x == k })
	}
	s.keys = append(s.keys, k)
	s.size[k] = size
	if len(s.keys) > s.maxEntries {
		delete(s.size, s.keys[0])
		s.keys = s.keys[1:]
	}
	for s.total() > s.budget {
		delete(s.size, s.keys[0])
		s.keys = s.keys[1:]
	}
	return true
}

func (s *simple) total() (t int64) {
	for _, k := range s.keys {
		t += s.size[k]
	}
	return t
}

// TestAgainstSimple: random gets and adds agree with the simple version
// on what is kept, and the total never passes the budget.
func TestAgainstSimple(t *testing.T) {
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 1))
		budget, maxItem, maxEntries := int64(1000), int64(400), 12
		c := New[int, int](budget, maxItem, maxEntries)
		ref := &simple{size: map[int]int64{}, budget: budget, maxItm: maxItem, maxEntries: maxEntries}
		for op := range 2000 {
			k := rng.IntN(30)
			if rng.IntN(3) == 0 {
				_, got := c.Get(k)
				if want := ref.get(k); got != want {
					t.Fatalf("seed %d op %d: Get(%d) %v, want %v", seed, op, k, got, want)
				}
				continue
			}
			size := int64(rng.IntN(500))
			if got, want := c.Add(k, k*10, size), ref.add(k, size); got != want {
				t.Fatalf("seed %d op %d: Add(%d, %d) %v, want %v", seed, op, k, size, got, want)
			}
			if c.Bytes() != ref.total() || c.Len() != len(ref.keys) || c.Bytes() > budget {
				t.Fatalf("seed %d op %d: %d bytes in %d entries, want %d in %d (budget %d)", seed, op, c.Bytes(), c.Len(), ref.total(), len(ref.keys), budget)
			}
		}
		for _, k := range ref.keys {
			if v, ok := c.Get(k); !ok || v != k*10 {
				t.Fatalf("seed %d: %d missing or wrong (%d)", seed, k, v)
			}
		}
	}
}

func TestEstimate(t *testing.T) {
	type rec struct {
		ID   string
		Tags []string
		Next *rec
	}
	shared := &rec{ID: "shared"}
	tests := []struct {
		name string
		v    any
		want int64
	}{
		{"nil", nil, 0},
		{"int", 7, 8},
		{"string", "abcd", 16 + 4},
		{"slice of ints", []int32{1, 2, 3}, 24 + 12},
		{"struct", rec{ID: "ab", Tags: []string{"x", "yz"}}, 48 + 2 + 2*16 + 1 + 2},
		{"pointer followed once", []*rec{shared, shared}, 24 + 2*8 + 48 + 6},
		{"map", map[string]int{"a": 1, "bc": 2}, 8 + 2*(16+8) + 1 + 2},
	}
	for _, tc := range tests {
		if got := Estimate(tc.v); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}
}
