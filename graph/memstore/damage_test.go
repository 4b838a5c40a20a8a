package memstore_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphgen"
	"github.com/detente/detente/graph/memstore"
)

// The damage cases of issue 15, each on a real store file: built by the
// store, damaged as a disk, a bad copy or a crash would, then opened and
// checked. None may panic or fault (either would end this test binary);
// each must be refused with an error naming the file, or, where nothing
// acknowledged is lost, opened with a warning.

const pageSize = 16 << 10 // what Open gives a new file (boltOptions)

// storeFile builds a store at path with a generated graph large enough
// that its relationships need branch pages. clean closes it; otherwise
// the file is copied while the store is open, which is what kill -9
// leaves (every commit is fsynced), and the copy replaces it.
func storeFile(t *testing.T, path string, clean bool) graph.Batch {
	t.Helper()
	s, err := memstore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	b := graphgen.Generate(graphgen.Options{Actors: 300, Relationships: 2000, Seed: 15})
	ctx := context.Background()
	if _, err := graph.NewStore(s).Import(ctx, b, false); err != nil {
		t.Fatal(err)
	}
	if _, err := graph.NewStore(s).CreateActor(ctx, graph.Actor{ID: "last-write", Name: "Last write", Kind: "person"}); err != nil {
		t.Fatal(err)
	}
	if clean {
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		return b
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return b
}

// pageOf returns the root page of the relationships bucket, a branch
// page, or (typ "leaf") its first child, a leaf page: the bucket's root
// from bbolt, the child from the branch page's first element.
func pageOf(t *testing.T, path, typ string) int {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var root int
	db.View(func(tx *bolt.Tx) error {
		root = int(tx.Bucket([]byte("relationships")).Root())
		return nil
	})
	db.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := data[root*pageSize:]
	if flags := binary.NativeEndian.Uint16(page[8:]); flags != 0x01 {
		t.Fatalf("the relationships bucket's root (page %d) is not a branch page (flags %#x): make the graph larger", root, flags)
	}
	if typ == "branch" {
		return root
	}
	leaf := int(binary.NativeEndian.Uint64(page[16+8:]))
	if flags := binary.NativeEndian.Uint16(data[leaf*pageSize+8:]); flags != 0x02 {
		t.Fatalf("page %d is not a leaf page (flags %#x)", leaf, flags)
	}
	return leaf
}

// metaTxids reads the transaction ids of the two meta pages.
func metaTxids(t *testing.T, data []byte) (int64, int64) {
	t.Helper()
	const txidAt = 16 + 48 // page header, then the meta fields before txid
	return int64(binary.NativeEndian.Uint64(data[txidAt:])), int64(binary.NativeEndian.Uint64(data[pageSize+txidAt:]))
}

func edit(t *testing.T, path string, f func(data []byte) []byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, f(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

// flipMeta flips a byte of the root page id in the newer (or older) of
// the two meta pages, which its checksum then no longer matches.
func flipMeta(newer bool) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		edit(t, path, func(data []byte) []byte {
			t0, t1 := metaTxids(t, data)
			page := 0
			if (t1 > t0) == newer {
				page = 1
			}
			data[page*pageSize+16+16] ^= 0x40
			return data
		})
	}
}

func TestDamagedFiles(t *testing.T) {
	garbage := func(keepHeader bool) func(*testing.T, string) {
		return func(t *testing.T, path string) {
			id := pageOf(t, path, "branch")
			edit(t, path, func(data []byte) []byte {
				r := rand.New(rand.NewPCG(15, uint64(id)))
				from := id * pageSize
				if keepHeader {
					from += 16
				}
				for i := from; i < (id+1)*pageSize; i++ {
					data[i] = byte(r.Uint32())
				}
				return data
			})
		}
	}
	truncate := func(size func(fileSize int64) int64) func(*testing.T, string) {
		return func(t *testing.T, path string) {
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(path, size(fi.Size())); err != nil {
				t.Fatal(err)
			}
		}
	}
	// disorder makes the first key of a relationships leaf page sort
	// after the second: a page bbolt reads without complaint, which
	// only its consistency check sees.
	disorder := func(t *testing.T, path string) {
		id := pageOf(t, path, "leaf")
		edit(t, path, func(data []byte) []byte {
			page := data[id*pageSize:]
			pos := binary.NativeEndian.Uint32(page[16+4:])
			page[16+pos] = 0xFF
			return data
		})
	}
	// undecodable spoils the first byte of a relationship record.
	undecodable := func(t *testing.T, path string) {
		id := pageOf(t, path, "leaf")
		edit(t, path, func(data []byte) []byte {
			page := data[id*pageSize:]
			pos, ksize := binary.NativeEndian.Uint32(page[16+4:]), binary.NativeEndian.Uint32(page[16+8:])
			page[16+pos+ksize] = '#'
			return data
		})
	}
	for _, tc := range []struct {
		name    string
		crashed bool // the store was not closed (kill -9), else closed cleanly
		damage  func(*testing.T, string)
		want    string // in the error; "" when the file must open
		warn    string // in the log when it opens
		// check: what Check says when it differs from Open (Check runs
		// the consistency check whatever the shutdown marker says).
		check string
	}{
		{name: "zero-length", damage: truncate(func(int64) int64 { return 0 }), want: "the file is empty (0 bytes)"},
		{name: "truncated to a few pages", damage: truncate(func(int64) int64 { return 3 * pageSize }), want: "the file is truncated"},
		{name: "truncated to less than a page", damage: truncate(func(int64) int64 { return 40 }), want: "too short to be a store"},
		{name: "truncated by one page", damage: func(t *testing.T, path string) {
			data, _ := os.ReadFile(path)
			t0, t1 := metaTxids(t, data)
			page := 0
			if t1 > t0 {
				page = 1
			}
			pages := int64(binary.NativeEndian.Uint64(data[page*pageSize+16+40:]))
			truncate(func(int64) int64 { return (pages - 1) * pageSize })(t, path)
		}, want: "the file is truncated"},
		{name: "garbage branch page", damage: garbage(false), want: "is garbage"},
		{name: "branch page with a good header and garbage elements", damage: garbage(true), want: "page"},
		{name: "flipped byte in the newest meta page after a crash", crashed: true, damage: flipMeta(true),
			want: "the newer copy of its meta page (page"},
		{name: "flipped byte in the newest meta page after a clean close", damage: flipMeta(true),
			warn: "loses only the shutdown marker"},
		{name: "flipped byte in the older meta page", crashed: true, damage: flipMeta(false),
			warn: "the older copy of the meta page"},
		{name: "keys out of order after a crash", crashed: true, damage: disorder, want: "bbolt's consistency check found"},
		{name: "keys out of order after a clean close", damage: disorder, check: "bbolt's consistency check found"},
		{name: "a record that does not decode", damage: undecodable, want: "invalid character '#'"},
		{name: "a crash and nothing damaged", crashed: true, damage: func(*testing.T, string) {}, warn: "was not closed cleanly"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "detente.db")
			b := storeFile(t, path, !tc.crashed)
			tc.damage(t, path)
			damaged, _ := os.ReadFile(path)

			var logged bytes.Buffer
			opts := memstore.Options{Logger: slog.New(slog.NewTextHandler(&logged, nil))}
			s, err := memstore.OpenWith(path, opts)
			if tc.want != "" {
				if err == nil {
					s.Close()
					t.Fatalf("opened; want an error containing %q", tc.want)
				}
				var de *memstore.DamagedError
				if !errors.As(err, &de) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("error %q (%T), want a *DamagedError naming %s and containing %q", err, err, path, tc.want)
				}
				t.Logf("%v", err)
				// Refusing changes nothing: a zero-length file, above all,
				// is not made into a new store.
				if now, _ := os.ReadFile(path); !bytes.Equal(now, damaged) {
					t.Fatal("refusing the file changed it")
				}
			} else {
				if err != nil {
					t.Fatalf("open: %v", err)
				}
				if tc.warn != "" && (!strings.Contains(logged.String(), tc.warn) || !strings.Contains(logged.String(), "level=WARN")) {
					t.Errorf("log %q, want a warning containing %q", logged.String(), tc.warn)
				}
				ctx := context.Background()
				page, err := graph.NewStore(s).ListActors(ctx, graph.ActorFilter{Limit: 1000})
				if err != nil || len(page.Items) != len(b.Actors)+1 {
					t.Errorf("after opening: %d actors (%v), want %d", len(page.Items), err, len(b.Actors)+1)
				}
				if err := s.Close(); err != nil {
					t.Fatal(err)
				}
			}
			// Check says the same, from an unchanged copy.
			if err := os.WriteFile(path, damaged, 0o600); err != nil {
				t.Fatal(err)
			}
			want := tc.want
			if tc.check != "" {
				want = tc.check
			}
			rep, err := memstore.Check(path, memstore.Options{})
			switch {
			case want == "" && err != nil:
				t.Errorf("Check: %v", err)
			case want == "" && (rep.Actors != len(b.Actors)+1 || rep.Relationships != len(b.Relationships)):
				t.Errorf("Check: %+v", rep)
			case want != "" && (err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path)):
				t.Errorf("Check: %v, want an error naming the file and containing %q", err, want)
			}
		})
	}
}

// TestCleanShutdownSkipsTheCheck: the consistency check runs after an
// unclean shutdown (see TestDamagedFiles), not after a clean one, and a
// clean file opens without a warning.
func TestCleanShutdownSkipsTheCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "detente.db")
	storeFile(t, path, true)
	var logged bytes.Buffer
	s, err := memstore.OpenWith(path, memstore.Options{Logger: slog.New(slog.NewTextHandler(&logged, nil))})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if logged.Len() != 0 {
		t.Errorf("a cleanly closed store logged: %s", logged.String())
	}
	rep, err := memstore.Check(path, memstore.Options{})
	if err != nil || rep.Shutdown != "clean" {
		t.Errorf("Check: %+v, %v", rep, err)
	}
}

// TestLockedStore: a store another Open holds is refused once the lock
// timeout has passed, with the holder's pid; the pid file goes with the
// holder's Close, and a stale one (its process gone) gives no pid.
func TestLockedStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "detente.db")
	// The premise: bbolt's flock belongs to the open file description,
	// so a second bolt.Open of the file in the same process waits too.
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if db2, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 100 * time.Millisecond}); err == nil {
		db2.Close()
		t.Fatal("a second bolt.Open in the same process did not wait for the lock")
	}
	db.Close()
	os.Remove(path)

	first, err := memstore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	short := memstore.Options{LockTimeout: 100 * time.Millisecond}
	for name, open := range map[string]func() error{
		"OpenWith": func() error {
			s, err := memstore.OpenWith(path, short)
			if err == nil {
				s.Close()
			}
			return err
		},
		"Check": func() error { _, err := memstore.Check(path, short); return err },
	} {
		err := open()
		var le *memstore.LockedError
		if !errors.As(err, &le) || le.PID != os.Getpid() || le.Path != path || !strings.Contains(err.Error(), path) {
			t.Errorf("%s of a held store: %v, want a *LockedError naming %s with pid %d", name, err, path, os.Getpid())
		}
	}
	// A stale pid file: the process it names has exited.
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path+".pid", []byte(strconv.Itoa(gone.ProcessState.Pid())), 0o644)
	_, err = memstore.OpenWith(path, short)
	var le *memstore.LockedError
	if !errors.As(err, &le) || le.PID != 0 || !strings.Contains(err.Error(), "in use by another process (its pid is unknown)") {
		t.Errorf("a stale pid file: %v, want no pid", err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".pid"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the pid file outlived Close: %v", err)
	}
	again, err := memstore.OpenWith(path, short)
	if err != nil {
		t.Fatalf("reopening after Close: %v", err)
	}
	if b, _ := os.ReadFile(path + ".pid"); strings.TrimSpace(string(b)) != strconv.Itoa(os.Getpid()) {
		t.Errorf("pid file %q, want %d", b, os.Getpid())
	}
	again.Close()
}
