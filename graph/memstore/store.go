// Package memstore is detente's embedded graph.Store: the whole graph in
// memory for fast traversal, made durable in a bbolt file. It is the
// default store, so that `detente serve` works on a machine with nothing
// else installed.
//
// Every write runs under one lock: it is validated against the in-memory
// state, committed to bbolt (fsynced) and only then applied in memory, so an
// acknowledged write survives kill -9 and a failed one leaves no trace. A
// bulk import is one bbolt transaction: all of it lands or none of it.
package memstore

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/btree"
	bolt "go.etcd.io/bbolt"

	"github.com/detente/detente/graph"
)

var (
	bucketActors = []byte("actors")
	bucketRels   = []byte("relationships")
	bucketTypes  = []byte("relationship_types")
	bucketMeta   = []byte("meta")
	keyVersion   = []byte("version")
)

// node is an actor with its adjacency. idx is a dense index used by the
// path algorithms to address per-query scratch arrays.
type node struct {
	actor graph.Actor
	idx   int32
	out   []*edge
	in    []*edge
}

// edge is a relationship between two nodes.
type edge struct {
	rel      graph.Relationship
	from, to *node
	sym      bool // the type is symmetric: walkable both ways
}

// Store is the embedded store. The zero value is not usable; call Open.
type Store struct {
	mu        sync.RWMutex
	db        *bolt.DB // nil: memory only
	actors    map[string]*node
	actorIDs  *btree.BTreeG[string]
	rels      map[string]*edge
	relIDs    *btree.BTreeG[string]
	nodes     []*node // by idx; nil where an actor was deleted
	free      []int32 // idx slots to reuse
	userTypes []graph.RelationshipType
	types     graph.Registry
	version   uint64

	scratch sync.Pool // *scratch, see paths.go

	// Now is the clock; tests may replace it.
	Now func() time.Time
}

var _ graph.Store = (*Store)(nil)

// Open opens (creating if need be) the store kept in the bbolt file at
// path; an empty path keeps the graph in memory only (for tests).
func Open(path string) (*Store, error) {
	s := &Store{
		actors:   map[string]*node{},
		actorIDs: btree.NewOrderedG[string](32),
		rels:     map[string]*edge{},
		relIDs:   btree.NewOrderedG[string](32),
		Now:      time.Now,
	}
	s.types = graph.NewRegistry(graph.BuiltinTypes())
	if path == "" {
		return s, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("memstore: %w", err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("memstore: open %s: %w", path, err)
	}
	s.db = db
	if err := s.load(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// load reads the bbolt file into memory.
func (s *Store) load() error {
	return s.db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketActors, bucketRels, bucketTypes, bucketMeta} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		if v := tx.Bucket(bucketMeta).Get(keyVersion); len(v) == 8 {
			s.version = binary.BigEndian.Uint64(v)
		}
		err := tx.Bucket(bucketTypes).ForEach(func(k, v []byte) error {
			var t graph.RelationshipType
			if err := json.Unmarshal(v, &t); err != nil {
				return fmt.Errorf("memstore: type %s: %w", k, err)
			}
			s.userTypes = append(s.userTypes, t)
			return nil
		})
		if err != nil {
			return err
		}
		s.types = graph.NewRegistry(append(graph.BuiltinTypes(), s.userTypes...))
		err = tx.Bucket(bucketActors).ForEach(func(k, v []byte) error {
			var a graph.Actor
			if err := json.Unmarshal(v, &a); err != nil {
				return fmt.Errorf("memstore: actor %s: %w", k, err)
			}
			s.putActor(a)
			return nil
		})
		if err != nil {
			return err
		}
		return tx.Bucket(bucketRels).ForEach(func(k, v []byte) error {
			var r graph.Relationship
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("memstore: relationship %s: %w", k, err)
			}
			if s.actors[r.Source] == nil || s.actors[r.Target] == nil {
				return fmt.Errorf("memstore: relationship %s refers to a missing actor", k)
			}
			s.putRel(r)
			return nil
		})
	})
}

// Close closes the bbolt file.
func (s *Store) Close() error {
	if s.db == nil {
		return nil
	}
	return s.db.Close()
}

// Ping reports whether the store is usable.
func (s *Store) Ping(ctx context.Context) error { return ctx.Err() }

// Version returns the graph version.
func (s *Store) Version(ctx context.Context) (uint64, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.version, nil
}

// change is one write: what to put and delete in bbolt. It is committed
// before the in-memory state is touched.
type change struct {
	actors    []graph.Actor
	rels      []graph.Relationship
	types     []graph.RelationshipType
	delActors []string
	delRels   []string
}

// commit makes c durable and bumps the version; the caller holds s.mu and
// applies c to memory only when commit succeeded.
func (s *Store) commit(c *change) error {
	next := s.version + 1
	if s.db == nil {
		s.version = next
		return nil
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := putJSON(tx.Bucket(bucketTypes), c.types, func(t graph.RelationshipType) string { return t.Name }); err != nil {
			return err
		}
		if err := putJSON(tx.Bucket(bucketActors), c.actors, func(a graph.Actor) string { return a.ID }); err != nil {
			return err
		}
		if err := putJSON(tx.Bucket(bucketRels), c.rels, func(r graph.Relationship) string { return r.ID }); err != nil {
			return err
		}
		for _, id := range c.delRels {
			if err := tx.Bucket(bucketRels).Delete([]byte(id)); err != nil {
				return err
			}
		}
		for _, id := range c.delActors {
			if err := tx.Bucket(bucketActors).Delete([]byte(id)); err != nil {
				return err
			}
		}
		var v [8]byte
		binary.BigEndian.PutUint64(v[:], next)
		return tx.Bucket(bucketMeta).Put(keyVersion, v[:])
	})
	if err != nil {
		return graph.Unavailable("the embedded store could not write", err)
	}
	s.version = next
	return nil
}

// putJSON writes values in key order (bbolt fills pages best that way).
func putJSON[T any](b *bolt.Bucket, vals []T, key func(T) string) error {
	if len(vals) == 0 {
		return nil
	}
	idx := make([]int, len(vals))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(i, j int) int { return strings.Compare(key(vals[i]), key(vals[j])) })
	for _, i := range idx {
		v, err := json.Marshal(vals[i])
		if err != nil {
			return err
		}
		if err := b.Put([]byte(key(vals[i])), v); err != nil {
			return err
		}
	}
	return nil
}

// putActor inserts or replaces an actor in memory.
func (s *Store) putActor(a graph.Actor) {
	if n := s.actors[a.ID]; n != nil {
		n.actor = a
		return
	}
	n := &node{actor: a}
	if k := len(s.free); k > 0 {
		n.idx = s.free[k-1]
		s.free = s.free[:k-1]
		s.nodes[n.idx] = n
	} else {
		n.idx = int32(len(s.nodes))
		s.nodes = append(s.nodes, n)
	}
	s.actors[a.ID] = n
	s.actorIDs.ReplaceOrInsert(a.ID)
}

// dropActor removes an actor that has no relationships left.
func (s *Store) dropActor(id string) {
	n := s.actors[id]
	delete(s.actors, id)
	s.actorIDs.Delete(id)
	s.nodes[n.idx] = nil
	s.free = append(s.free, n.idx)
}

// putRel inserts or replaces a relationship in memory; its endpoints exist.
func (s *Store) putRel(r graph.Relationship) {
	if e := s.rels[r.ID]; e != nil {
		if e.rel.Source == r.Source && e.rel.Target == r.Target {
			e.rel = r
			e.sym = s.symmetric(r.Type)
			return
		}
		s.dropRel(r.ID)
	}
	e := &edge{rel: r, from: s.actors[r.Source], to: s.actors[r.Target], sym: s.symmetric(r.Type)}
	e.from.out = append(e.from.out, e)
	e.to.in = append(e.to.in, e)
	s.rels[r.ID] = e
	s.relIDs.ReplaceOrInsert(r.ID)
}

// dropRel removes a relationship from memory.
func (s *Store) dropRel(id string) {
	e := s.rels[id]
	e.from.out = removeEdge(e.from.out, e)
	e.to.in = removeEdge(e.to.in, e)
	delete(s.rels, id)
	s.relIDs.Delete(id)
}

func removeEdge(list []*edge, e *edge) []*edge {
	i := slices.Index(list, e)
	last := len(list) - 1
	list[i] = list[last]
	list[last] = nil
	return list[:last]
}

func (s *Store) now() time.Time { return graph.Timestamp(s.Now()) }

// RelationshipTypes returns the registry.
func (s *Store) RelationshipTypes(ctx context.Context) (graph.Registry, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.types, nil
}

// CreateRelationshipType adds a user type.
func (s *Store) CreateRelationshipType(ctx context.Context, t graph.RelationshipType) (graph.RelationshipType, error) {
	if errs := graph.ValidateType(&t, "$"); len(errs) > 0 {
		return graph.RelationshipType{}, graph.Invalid("invalid relationship type", errs...)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.types.Get(t.Name); ok {
		return graph.RelationshipType{}, graph.Errorf(graph.ECONFLICT, "relationship type %s already exists", t.Name)
	}
	if err := s.commit(&change{types: []graph.RelationshipType{t}}); err != nil {
		return graph.RelationshipType{}, err
	}
	s.addTypes([]graph.RelationshipType{t})
	return t, nil
}

func (s *Store) addTypes(ts []graph.RelationshipType) {
	if len(ts) == 0 {
		return
	}
	for _, t := range ts {
		i := slices.IndexFunc(s.userTypes, func(u graph.RelationshipType) bool { return u.Name == t.Name })
		if i >= 0 {
			s.userTypes[i] = t
		} else {
			s.userTypes = append(s.userTypes, t)
		}
	}
	s.types = graph.NewRegistry(append(graph.BuiltinTypes(), s.userTypes...))
	// An import may redefine a user type; keep the edges' flags in step.
	for _, e := range s.rels {
		e.sym = s.symmetric(e.rel.Type)
	}
}

func (s *Store) symmetric(typ string) bool {
	t, _ := s.types.Get(typ)
	return t.Symmetric
}
