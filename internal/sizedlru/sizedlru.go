// Package sizedlru is a least-recently-used cache bounded by the bytes of
// what it holds, not by a count: the answers detente keeps (analysis
// results, encoded bodies) range from a hundred bytes to tens of
// megabytes, so a count bound says nothing about memory.
//
// It is a thin layer over hashicorp/golang-lru, which keeps the order and
// evicts; golang-lru bounds entries by count only, and the cost-based
// caches that exist (ristretto) admit entries probabilistically, so an
// answer just computed may not be kept, which a cache of identical
// concurrent requests cannot have. The layer adds a byte total kept under
// a budget by evicting the least recently used entries, and refuses an
// entry larger than a set share of the budget.
//
// Invariant: Bytes() ≤ the budget after every Add returns.
package sizedlru

import (
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"
)

type entry[V any] struct {
	v    V
	size int64
}

// Cache is a byte-bounded LRU cache, safe for concurrent use.
type Cache[K comparable, V any] struct {
	mu      sync.Mutex // serialises Add's evictions with the total
	c       *lru.Cache[K, entry[V]]
	budget  int64
	maxItem int64
	total   int64
}

// New returns a cache holding at most budget bytes (by the sizes given
// to Add) in at most maxEntries entries; an entry of more than maxItem
// bytes is not kept.
func New[K comparable, V any](budget, maxItem int64, maxEntries int) *Cache[K, V] {
	c := &Cache[K, V]{budget: budget, maxItem: min(maxItem, budget)}
	// The callback runs inside golang-lru's own calls, which Add makes
	// with c.mu held; Get never evicts.
	c.c, _ = lru.NewWithEvict(max(maxEntries, 1), func(_ K, e entry[V]) { c.total -= e.size })
	return c
}

// Get returns the value for key and marks it recently used.
func (c *Cache[K, V]) Get(key K) (V, bool) {
	e, ok := c.c.Get(key)
	return e.v, ok
}

// Add keeps v under key with its size in bytes, evicting the least
// recently used entries until the total is within the budget. It reports
// whether v was kept (false: larger than the largest entry allowed).
func (c *Cache[K, V]) Add(key K, v V, size int64) bool {
	if size > c.maxItem || size < 0 {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.c.Remove(key) // a replaced entry leaves the total first
	c.c.Add(key, entry[V]{v, size})
	c.total += size
	for c.total > c.budget {
		if _, _, ok := c.c.RemoveOldest(); !ok {
			break
		}
	}
	return true
}

// Bytes is the total size of the entries held.
func (c *Cache[K, V]) Bytes() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.total
}

// Len is the number of entries held.
func (c *Cache[K, V]) Len() int { return c.c.Len() }
