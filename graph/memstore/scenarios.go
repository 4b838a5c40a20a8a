package memstore

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/detente/detente/graph"
)

// bucketScenarios holds the scenarios, JSON by id. They live beside the
// graph: writing one neither touches the graph's buckets nor bumps the
// version.
var bucketScenarios = []byte("scenarios")

// loadScenarios reads the scenarios of an opened file into memory (Open
// creates their bucket in a file written before scenarios existed).
func (s *Store) loadScenarios() error {
	s.scenarios = map[string]graph.Scenario{}
	if s.db == nil {
		return nil
	}
	return s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketScenarios)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var sc graph.Scenario
			if err := json.Unmarshal(v, &sc); err != nil {
				return fmt.Errorf("memstore: scenario %s: %w", k, err)
			}
			s.scenarios[sc.ID] = sc
			return nil
		})
	})
}

// UpdateScenario reads scenario id, calls update with it (nil when there
// is none) and stores what it returns, or removes the scenario when it
// returns nil: durably first, then in memory.
func (s *Store) UpdateScenario(ctx context.Context, id string, update func(*graph.Scenario) (*graph.Scenario, error)) error {
	if err := ctx.Err(); err != nil {
		return graph.Unavailable("the request ended", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var cur *graph.Scenario
	if sc, ok := s.scenarios[id]; ok {
		cur = &sc
	}
	next, err := update(cur)
	if err != nil {
		return err
	}
	if s.db != nil {
		var doc []byte
		if next != nil {
			if doc, err = json.Marshal(next); err != nil {
				return graph.Internal(fmt.Errorf("memstore: encode scenario: %w", err))
			}
		}
		err = s.db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketScenarios)
			if next == nil {
				return b.Delete([]byte(id))
			}
			return b.Put([]byte(id), doc)
		})
		if err != nil {
			return graph.WriteFailed("the embedded store could not write", err)
		}
	}
	if next == nil {
		delete(s.scenarios, id)
	} else {
		s.scenarios[id] = *next
	}
	return nil
}

// GetScenario returns one scenario; ENOTFOUND.
func (s *Store) GetScenario(ctx context.Context, id string) (graph.Scenario, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	sc, ok := s.scenarios[id]
	if !ok {
		return graph.Scenario{}, notFound("scenario", id)
	}
	return sc, nil
}

// ListScenarios returns up to limit scenarios after the id after, in id
// order.
func (s *Store) ListScenarios(ctx context.Context, after string, limit int) ([]graph.Scenario, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ids := make([]string, 0, len(s.scenarios))
	for id := range s.scenarios {
		if id > after {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	out := make([]graph.Scenario, 0, min(len(ids), limit))
	for _, id := range ids[:min(len(ids), limit)] {
		out = append(out, s.scenarios[id])
	}
	return out, nil
}
