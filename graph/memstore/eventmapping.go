package memstore

import (
	"context"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/detente/detente/graph"
)

// keyEventMapping holds the stored event mapping's JSON in bucketMeta.
// Like the scenarios it lives beside the graph: writing it bumps no
// version. A file without the key has no stored mapping (the shipped one
// applies), so files written before it existed need no migration.
var keyEventMapping = []byte("event_mapping")

// loadEventMapping reads the stored mapping of an opened file into memory.
func (s *Store) loadEventMapping() error {
	s.eventMapping = nil
	if s.db == nil {
		return nil
	}
	return s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketMeta)
		if b == nil {
			return nil
		}
		v := b.Get(keyEventMapping)
		if v == nil {
			return nil
		}
		var m graph.EventMapping
		if err := json.Unmarshal(v, &m); err != nil {
			return fmt.Errorf("memstore: event mapping: %w", err)
		}
		s.eventMapping = &m
		return nil
	})
}

// GetEventMapping returns the stored mapping; ENOTFOUND when there is none.
func (s *Store) GetEventMapping(ctx context.Context) (graph.EventMapping, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.eventMapping == nil {
		return graph.EventMapping{}, graph.Errorf(graph.ENOTFOUND, "no event mapping is stored; the shipped one applies")
	}
	return *s.eventMapping, nil
}

// UpdateEventMapping reads the stored mapping, calls update with it and
// stores (or, for nil, removes) what it returns: durably first, then in
// memory.
func (s *Store) UpdateEventMapping(ctx context.Context, update func(*graph.EventMapping) (*graph.EventMapping, error)) error {
	if err := ctx.Err(); err != nil {
		return graph.Unavailable("the request ended", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var cur *graph.EventMapping
	if s.eventMapping != nil {
		m := *s.eventMapping
		cur = &m
	}
	next, err := update(cur)
	if err != nil {
		return err
	}
	if s.db != nil {
		var doc []byte
		if next != nil {
			if doc, err = json.Marshal(next); err != nil {
				return graph.Internal(fmt.Errorf("memstore: encode event mapping: %w", err))
			}
		}
		err = s.db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketMeta)
			if next == nil {
				return b.Delete(keyEventMapping)
			}
			return b.Put(keyEventMapping, doc)
		})
		if err != nil {
			return graph.WriteFailed("the embedded store could not write", err)
		}
	}
	if next == nil {
		s.eventMapping = nil
	} else {
		m := *next
		s.eventMapping = &m
	}
	return nil
}
