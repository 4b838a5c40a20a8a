package memstore

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/detente/detente/graph"
)

// Events live in the file only, never loaded into memory (a year of GDELT
// is 10^8 of them): bucketEvents holds each event's JSON by id, and
// bucketEventsByRel the key relationship id + 0x00 + event id (no value)
// for every event that folded into a relationship, so that a
// relationship's events are a prefix scan. The other filters (actor,
// target, type, dates) scan bucketEvents in id order from the cursor and
// keep what matches: simple and correct, and a page costs as much as the
// events it has to skip; an index per filter would cost every write for
// reads that are rare (the relationship's evidence is the common read).
// Ids hold no 0x00 (graph.ValidEventID), so the separator is unambiguous.
//
// A store without a file keeps its events in a map, sorted when listed.
var (
	bucketEvents      = []byte("events")
	bucketEventsByRel = []byte("events_by_relationship")
)

// PutEvents stores the events whose ids the store does not hold, in one
// bbolt transaction, and returns how many.
func (s *Store) PutEvents(ctx context.Context, events []graph.Event) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, graph.Unavailable("the request ended", err)
	}
	s.mu.RLock() // Close waits
	defer s.mu.RUnlock()
	if s.closed {
		return 0, graph.Unavailable("the embedded store is closed", nil)
	}
	if s.db == nil {
		s.evMu.Lock()
		defer s.evMu.Unlock()
		n := 0
		for _, e := range events {
			if _, ok := s.events[e.ID]; !ok {
				s.events[e.ID] = e
				n++
			}
		}
		return n, nil
	}
	n := 0
	err := s.db.Update(func(tx *bolt.Tx) error {
		n = 0
		b, byRel := tx.Bucket(bucketEvents), tx.Bucket(bucketEventsByRel)
		for i := range events {
			e := &events[i]
			if b.Get([]byte(e.ID)) != nil {
				continue
			}
			doc, err := json.Marshal(e)
			if err != nil {
				return err
			}
			if err := b.Put([]byte(e.ID), doc); err != nil {
				return err
			}
			if e.Relationship != "" {
				if err := byRel.Put(relEventKey(e.Relationship, e.ID), nil); err != nil {
					return err
				}
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, graph.WriteFailed("the embedded store could not write", err)
	}
	return n, nil
}

func relEventKey(rel, id string) []byte {
	k := make([]byte, 0, len(rel)+1+len(id))
	k = append(k, rel...)
	k = append(k, 0)
	return append(k, id...)
}

// ListEvents returns up to limit events after the id after that match f,
// in id order.
func (s *Store) ListEvents(ctx context.Context, f graph.EventFilter, after string, limit int) ([]graph.Event, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, graph.Unavailable("the embedded store is closed", nil)
	}
	out := []graph.Event{}
	if s.db == nil {
		s.evMu.RLock()
		defer s.evMu.RUnlock()
		ids := make([]string, 0)
		for id, e := range s.events {
			if id > after && f.Matches(&e) {
				ids = append(ids, id)
			}
		}
		sort.Strings(ids)
		for _, id := range ids[:min(len(ids), limit)] {
			out = append(out, s.events[id])
		}
		return out, nil
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketEvents)
		keep := func(doc []byte) (bool, error) {
			var e graph.Event
			if err := json.Unmarshal(doc, &e); err != nil {
				return false, fmt.Errorf("memstore: event: %w", err)
			}
			if !f.Matches(&e) {
				return false, nil
			}
			out = append(out, e)
			return len(out) >= limit, nil
		}
		if f.Relationship != "" {
			prefix := relEventKey(f.Relationship, "")
			c := tx.Bucket(bucketEventsByRel).Cursor()
			k, _ := c.Seek(relEventKey(f.Relationship, after))
			if after != "" && k != nil && bytes.Equal(k, relEventKey(f.Relationship, after)) {
				k, _ = c.Next()
			}
			for ; k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
				doc := b.Get(k[len(prefix):])
				if doc == nil {
					continue
				}
				if done, err := keep(doc); err != nil || done {
					return err
				}
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			return nil
		}
		c := b.Cursor()
		k, v := c.Seek([]byte(after))
		if k != nil && string(k) == after {
			k, v = c.Next()
		}
		for i := 0; k != nil; k, v = c.Next() {
			if done, err := keep(v); err != nil || done {
				return err
			}
			if i++; i%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil, graph.Unavailable("the request ended", err)
		}
		return nil, graph.Internal(err)
	}
	return out, nil
}
