// Package memstore is detente's embedded graph.Driver: the whole graph in
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
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
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

// node is an actor with its adjacency. idx is its slot in s.nodes, which
// the path algorithms also use to address per-query scratch arrays.
type node struct {
	actor graph.Actor
	idx   int32
	out   []adj // ties of which the actor is the source
	in    []adj // ties of which it is the target
}

// adj is one entry of an adjacency list: the tie's slot in s.edges and
// the actor at its other end, so that a search can skip a neighbour it
// has already labelled without reading the tie at all.
type adj struct {
	e, v int32
}

// Store is the embedded store. The zero value is not usable; call Open.
type Store struct {
	mu       sync.RWMutex
	db       *bolt.DB // nil: memory only
	closed   bool
	actors   map[string]*node
	actorIDs *btree.BTreeG[string]
	nodes    []*node // by idx; nil where an actor was deleted
	free     []int32 // node slots to reuse

	// Relationships, compact (see edge.go): edges by slot, ids maps an
	// id to its slot, order lists the slots by id, extra holds what the
	// compact form leaves out.
	edges     []edge
	freeEdges []int32
	ids       idIndex
	order     []int32
	extra     map[int32]*extra

	userTypes []graph.RelationshipType
	types     graph.Registry
	// The type table that edges index: names, their slot, and whether the
	// type is symmetric (kept in step with the registry by syncTypes).
	typeNames []string
	typeIdx   map[string]uint32
	typeSym   []bool
	version   uint64

	scenarios map[string]graph.Scenario // by id; see scenarios.go
	// eventMapping is the stored event mapping, nil when none is; see
	// eventmapping.go.
	eventMapping *graph.EventMapping

	evMu   sync.RWMutex
	events map[string]graph.Event // without a file only; see events.go

	scratch sync.Pool // *labels, see paths.go
}

var _ graph.Driver = (*Store)(nil)

// Open opens the store kept in the bbolt file at path with the default
// Options; see OpenWith.
func Open(path string) (*Store, error) { return OpenWith(path, Options{}) }

func newStore() *Store {
	s := &Store{
		actors:   map[string]*node{},
		actorIDs: btree.NewOrderedG[string](32),
		ids:      newIDIndex(),
		events:   map[string]graph.Event{},
		extra:    map[int32]*extra{},
		typeIdx:  map[string]uint32{},
	}
	s.types = graph.NewRegistry(graph.BuiltinTypes())
	s.syncTypes()
	return s
}

// boltOptions sizes bbolt for bulk writes. The initial mapping is made
// large enough (virtual memory, not resident) that a big import does not
// remap the file as it grows: every remap in a write transaction first
// copies each node the transaction touched out of the old mapping. The
// hashmap freelist allocates pages in constant time on a large file.
// Pages of 16 KiB (for a new file; an existing one keeps its own) cut a
// million-relationship commit's page writes and splits by three quarters,
// while a single write, which fsyncs anyway, hardly notices the size.
func boltOptions(path string) *bolt.Options {
	const minMmap = 1 << 30
	size := int64(minMmap)
	if fi, err := os.Stat(path); err == nil && 2*fi.Size() > size {
		size = 2 * fi.Size()
	}
	return &bolt.Options{
		Timeout:         2 * time.Second,
		InitialMmapSize: int(size),
		FreelistType:    bolt.FreelistMapType,
		PageSize:        16 << 10,
	}
}

// loadChunk is how many relationships load decodes before putting them in
// memory, bounding the transient copies.
const loadChunk = 1 << 16

// load reads the bbolt file into memory. A file without the buckets
// (Open makes them all at once; Check changes nothing) is empty.
func (s *Store) load() error {
	return s.db.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketActors, bucketRels, bucketTypes, bucketMeta} {
			if tx.Bucket(name) == nil {
				return nil
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
		s.syncTypes()
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
		rb := tx.Bucket(bucketRels)
		if n := rb.Stats().KeyN; n > 0 {
			s.edges = make([]edge, 0, n)
			s.order = make([]int32, 0, n)
			s.ids.reserve(n, s.edges)
		}
		// Decoding is most of a load's time; a chunk's records decode on
		// every core (the values point into bbolt's mapping, valid for
		// the transaction), then go into memory together.
		var (
			keys, vals [][]byte
			chunk      = make([]graph.Relationship, loadChunk)
		)
		flush := func() error {
			n := len(vals)
			parts := runtime.GOMAXPROCS(0)
			per := (n + parts - 1) / parts
			errs := make([]error, n)
			var wg sync.WaitGroup
			for w := range parts {
				lo, hi := min(w*per, n), min((w+1)*per, n)
				wg.Go(func() {
					// The values are in bbolt's mapping: see guarded.
					defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
					defer func() {
						if r := recover(); r != nil && lo < hi {
							errs[lo] = fmt.Errorf("reading it failed: %v", r)
						}
					}()
					for i := lo; i < hi; i++ {
						chunk[i] = graph.Relationship{} // Unmarshal would merge into the last record
						errs[i] = json.Unmarshal(vals[i], &chunk[i])
					}
				})
			}
			wg.Wait()
			for i, r := range chunk[:n] {
				switch {
				case errs[i] != nil:
					return fmt.Errorf("memstore: relationship %s: %w", keys[i], errs[i])
				case s.actors[r.Source] == nil || s.actors[r.Target] == nil:
					return fmt.Errorf("memstore: relationship %s refers to a missing actor", keys[i])
				}
				if _, ok := s.types.Get(r.Type); !ok {
					return fmt.Errorf("memstore: relationship %s has an unregistered type %s", keys[i], r.Type)
				}
			}
			s.putRels(chunk[:n])
			keys, vals = keys[:0], vals[:0]
			return nil
		}
		err = rb.ForEach(func(k, v []byte) error {
			keys, vals = append(keys, k), append(vals, v)
			if len(vals) == loadChunk {
				return flush()
			}
			return nil
		})
		if err == nil {
			err = flush()
		}
		if err != nil {
			return err
		}
		// Chunks after the first grew the adjacency lists by appending;
		// give each back its slack.
		for _, n := range s.nodes {
			if n != nil && cap(n.out) > len(n.out) {
				n.out = slices.Clone(n.out)
			}
			if n != nil && cap(n.in) > len(n.in) {
				n.in = slices.Clone(n.in)
			}
		}
		return nil
	})
}

// Close marks the file as closed cleanly (see keyShutdown) and closes
// it. A second Close does nothing.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil || s.closed {
		return nil
	}
	s.closed = true
	err := s.setShutdown(shutdownClosing)
	if err == nil {
		err = s.setShutdown(shutdownClean)
	}
	return errors.Join(err, closeFile(s.db, s.db.Path()))
}

// Ping reports whether the store is usable.
func (s *Store) Ping(ctx context.Context) error { return ctx.Err() }

// Exclusive reports that the store is its graph's only writer: a file is
// locked by the one process that opens it (graph.Exclusive).
func (s *Store) Exclusive() bool { return true }

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
// applies c to memory only when commit succeeded. Records are encoded
// before the bbolt transaction opens, on every core, so that the
// transaction itself only inserts bytes.
func (s *Store) commit(c *change) error {
	next := s.version + 1
	if s.db == nil {
		s.version = next
		return nil
	}
	types, err := encodeAll(c.types, func(t *graph.RelationshipType) string { return t.Name }, nil)
	if err != nil {
		return graph.Internal(fmt.Errorf("memstore: encode: %w", err))
	}
	actors, err := encodeAll(c.actors, func(a *graph.Actor) string { return a.ID }, nil)
	if err != nil {
		return graph.Internal(fmt.Errorf("memstore: encode: %w", err))
	}
	rels, err := encodeAll(c.rels, func(r *graph.Relationship) string { return r.ID }, appendRel)
	if err != nil {
		return graph.Internal(fmt.Errorf("memstore: encode: %w", err))
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		if err := types.put(tx.Bucket(bucketTypes)); err != nil {
			return err
		}
		if err := actors.put(tx.Bucket(bucketActors)); err != nil {
			return err
		}
		if err := rels.put(tx.Bucket(bucketRels)); err != nil {
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
		return graph.WriteFailed("the embedded store could not write", err)
	}
	s.version = next
	return nil
}

// records are encoded key/value pairs, in key order (bbolt fills pages
// best that way, and a bulk load into an empty bucket becomes appends).
type records struct {
	keys, vals [][]byte
}

// encodeAll encodes vals as JSON, sorted by key, splitting the work over
// GOMAXPROCS goroutines when there is enough of it. Each goroutine writes
// into one growing buffer rather than a slice per record, to spare the
// garbage collector a million small objects. fast, when set, encodes the
// records it can (see appendRel); encoding/json does the rest.
func encodeAll[T any](vals []T, key func(*T) string, fast func([]byte, *T) ([]byte, bool)) (records, error) {
	if len(vals) == 0 {
		return records{}, nil
	}
	idx := make([]int32, len(vals))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(i, j int32) int { return strings.Compare(key(&vals[i]), key(&vals[j])) })
	rec := records{keys: make([][]byte, len(vals)), vals: make([][]byte, len(vals))}
	workers := 1
	if len(vals) >= 4096 {
		workers = runtime.GOMAXPROCS(0)
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	per := (len(idx) + workers - 1) / workers
	for w := range workers {
		lo, hi := w*per, min((w+1)*per, len(idx))
		if lo >= hi {
			continue
		}
		wg.Go(func() {
			var buf bytes.Buffer
			if fast != nil {
				buf.Grow((hi - lo) * 256) // a plain relationship takes about 200 bytes
			}
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			ends := make([]int, 0, hi-lo)
			var keyLen int
			for _, i := range idx[lo:hi] {
				if fast != nil {
					buf.Grow(512)
					if b, ok := fast(buf.AvailableBuffer(), &vals[i]); ok {
						buf.Write(b)
						ends = append(ends, buf.Len())
						keyLen += len(key(&vals[i]))
						continue
					}
				}
				if err := enc.Encode(&vals[i]); err != nil {
					errs[w] = err
					return
				}
				buf.Truncate(buf.Len() - 1) // Encode's newline
				ends = append(ends, buf.Len())
				keyLen += len(key(&vals[i]))
			}
			data := buf.Bytes()
			keys := make([]byte, 0, keyLen)
			start := 0
			for n, i := range idx[lo:hi] {
				rec.vals[lo+n] = data[start:ends[n]:ends[n]]
				start = ends[n]
				k := len(keys)
				keys = append(keys, key(&vals[i])...)
				rec.keys[lo+n] = keys[k:len(keys):len(keys)]
			}
		})
	}
	wg.Wait()
	return rec, errors.Join(errs...)
}

// put writes the records into b. When they all sort after what b holds
// (a bulk load), pages are filled completely: nothing will be inserted
// between these keys by this transaction, so half-empty pages would only
// waste the file.
func (r records) put(b *bolt.Bucket) error {
	if len(r.keys) == 0 {
		return nil
	}
	if last, _ := b.Cursor().Last(); last == nil || bytes.Compare(last, r.keys[0]) < 0 {
		b.FillPercent = 1.0
	}
	for i, k := range r.keys {
		if err := b.Put(k, r.vals[i]); err != nil {
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

// RelationshipTypes returns the registry.
func (s *Store) RelationshipTypes(ctx context.Context) (graph.Registry, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.types, nil
}

// CreateRelationshipType adds a user type.
func (s *Store) CreateRelationshipType(ctx context.Context, t graph.RelationshipType) (graph.RelationshipType, error) {
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
	// An import may redefine a user type; edges read symmetry from the
	// type table, so updating it is enough.
	s.syncTypes()
}
