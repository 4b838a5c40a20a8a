package memstore

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Options are the settings of OpenWith and Check.
type Options struct {
	// Logger receives the warnings about the file: an unclean shutdown
	// (and the consistency check it causes), a damaged meta page. Nil:
	// discarded.
	Logger *slog.Logger
	// LockTimeout is how long to wait for another process to let go of
	// the file; 0: 2 s.
	LockTimeout time.Duration
}

// DamagedError is a store file that cannot be used as it is: truncated,
// empty, or with pages that are not what they should be.
type DamagedError struct {
	Path    string
	Problem string
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("the store %s is damaged: %s", e.Path, e.Problem)
}

var errLocked = errors.New("memstore: the file is locked")

// LockedError is a store file another process holds (bbolt's lock is
// exclusive), once Options.LockTimeout has passed. PID is the holder's,
// from the file beside the store that each holder writes once it has the
// lock (a flock does not tell its owner); 0 when unknown.
type LockedError struct {
	Path string
	PID  int
}

func (e *LockedError) Error() string {
	switch {
	case e.PID == 0:
		return fmt.Sprintf("the store %s is in use by another process (its pid is unknown)", e.Path)
	case e.PID == os.Getpid():
		return fmt.Sprintf("the store %s is already open in this process (pid %d)", e.Path, e.PID)
	}
	return fmt.Sprintf("the store %s is in use by another detente process (pid %d)", e.Path, e.PID)
}

// pidPath is the file beside the store that names the process holding it.
func pidPath(path string) string { return path + ".pid" }

// holder reads the pid of the process holding the store at path: 0 when
// the file is missing or names a process that is gone (a holder that did
// not write one, such as an older detente, leaves a stale file behind).
func holder(path string) int {
	b, err := os.ReadFile(pidPath(path))
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 || !alive(pid) {
		return 0
	}
	return pid
}

// The shutdown marker, in the meta bucket: set to shutdownOpen by Open
// and to shutdownClosing then shutdownClean, two transactions, by Close.
// A file that does not say clean was not closed: Open runs bbolt's
// consistency check on it. The two transactions at Close make a damaged
// newest meta page decidable: if the transaction before it says closing
// or clean, the damaged one wrote only a marker and going back to the one
// before loses nothing; otherwise it may have been an acknowledged write.
var keyShutdown = []byte("shutdown")

const (
	shutdownOpen    = "open"
	shutdownClosing = "closing"
	shutdownClean   = "clean"
)

// opened is what openChecked learnt while opening a file.
type opened struct {
	state    fileState
	created  bool
	shutdown string   // the marker as found ("" in a new file or one older than the marker)
	checked  bool     // bbolt's consistency check ran (and passed)
	warnings []string // also logged
}

// OpenWith opens (creating if need be) the store kept in the bbolt file
// at path, checking it first (see fileformat.go and Check): a damaged
// file is refused with a *DamagedError, a file another process holds,
// once o.LockTimeout has passed, with an error saying so. An empty path
// keeps the graph in memory only (for tests).
func OpenWith(path string, o Options) (*Store, error) {
	s := newStore()
	if path == "" {
		return s, s.loadScenarios()
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("memstore: %w", err)
	}
	db, _, err := openChecked(path, true, false, o)
	if err != nil {
		return nil, err
	}
	s.db = db
	// Load first: a file refused for a bad record is left as it was.
	err = s.loadAll(path)
	if err == nil {
		err = db.Update(func(tx *bolt.Tx) error {
			for _, b := range [][]byte{bucketActors, bucketRels, bucketTypes, bucketMeta, bucketScenarios, bucketEvents, bucketEventsByRel} {
				if _, err := tx.CreateBucketIfNotExists(b); err != nil {
					return err
				}
			}
			return tx.Bucket(bucketMeta).Put(keyShutdown, []byte(shutdownOpen))
		})
	}
	if err != nil {
		closeFile(db, path)
		return nil, err
	}
	return s, nil
}

// closeFile lets go of the store's file: the pid file first, while the
// lock still makes it ours.
func closeFile(db *bolt.DB, path string) error {
	os.Remove(pidPath(path))
	return db.Close()
}

// Report is what Check found in a sound file.
type Report struct {
	Path          string
	Size          int64 // bytes
	PageSize      int
	Pages         uint64 // in use
	Transaction   uint64 // the newest
	Shutdown      string // the marker: "clean", or how the last run ended otherwise
	Actors        int
	Relationships int
	Scenarios     int
	Warnings      []string
}

// Check checks the store file at path without changing it: everything
// Open checks, bbolt's consistency check whatever the shutdown marker
// says, and every record decoded as Open loads it. A damaged file is a
// *DamagedError; a missing one an error wrapping os.ErrNotExist.
func Check(path string, o Options) (Report, error) {
	db, op, err := openChecked(path, false, true, o)
	if err != nil {
		return Report{}, err
	}
	defer closeFile(db, path)
	s := newStore()
	s.db = db
	if err := s.loadAll(path); err != nil {
		return Report{}, err
	}
	shutdown := op.shutdown
	if shutdown == "" {
		shutdown = "unknown (no marker)"
	}
	return Report{
		Path: path, Size: op.state.size, PageSize: op.state.pageSize, Pages: op.state.meta.pgid,
		Transaction: op.state.meta.txid, Shutdown: shutdown,
		Actors: len(s.actors), Relationships: len(s.edges) - len(s.freeEdges), Scenarios: len(s.scenarios),
		Warnings: op.warnings,
	}, nil
}

// openChecked locks the file, checks it (preflight), has bbolt open it,
// decides about a damaged meta page and runs bbolt's consistency check
// when the last run did not end cleanly, something was damaged, or
// always is set.
func openChecked(path string, create, always bool, o Options) (*bolt.DB, opened, error) {
	var op opened
	log := o.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	warn := func(msg string, args ...any) {
		op.warnings = append(op.warnings, fmt.Sprintf(msg, args...))
		log.Warn(op.warnings[len(op.warnings)-1], "store", path)
	}
	timeout := o.LockTimeout
	if timeout <= 0 {
		timeout = 2 * time.Second
	}
	f, created, err := lockFile(path, create, timeout)
	switch {
	case errors.Is(err, errLocked):
		return nil, op, &LockedError{Path: path, PID: holder(path)}
	case errors.Is(err, os.ErrNotExist):
		return nil, op, fmt.Errorf("memstore: no store at %s: %w", path, err)
	case err != nil:
		return nil, op, fmt.Errorf("memstore: open %s: %w", path, err)
	}
	// Ours while the lock is: Close removes it before letting go.
	os.WriteFile(pidPath(path), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644)
	op.created = created
	if !created {
		if op.state, err = preflight(f, path); err != nil {
			os.Remove(pidPath(path))
			f.Close()
			return nil, op, err
		}
	}
	opts := boltOptions(path)
	opts.Timeout = timeout
	opts.OpenFile = func(string, int, os.FileMode) (*os.File, error) { return f, nil }
	var db *bolt.DB
	err = guarded(path, func() (err error) {
		db, err = bolt.Open(path, 0o600, opts)
		return err
	})
	switch {
	case errors.Is(err, berrors.ErrTimeout): // where lockFile does not lock
		return nil, op, &LockedError{Path: path, PID: holder(path)}
	case err != nil && !errors.As(err, new(*DamagedError)):
		err = &DamagedError{Path: path, Problem: "bbolt refused it: " + err.Error()}
		fallthrough
	case err != nil:
		os.Remove(pidPath(path))
		f.Close() // bbolt closes it on an error it returns, not on a panic
		return nil, op, err
	}
	if created {
		return db, op, nil
	}
	fail := func(err error) (*bolt.DB, opened, error) {
		closeFile(db, path)
		return nil, op, err
	}
	err = guarded(path, func() error {
		return db.View(func(tx *bolt.Tx) error {
			if b := tx.Bucket(bucketMeta); b != nil {
				op.shutdown = string(b.Get(keyShutdown))
			}
			return nil
		})
	})
	if err != nil {
		return fail(err)
	}
	st := op.state
	switch {
	case st.fallback && op.shutdown != shutdownClosing && op.shutdown != shutdownClean:
		return fail(&DamagedError{Path: path, Problem: fmt.Sprintf(
			"the newer copy of its meta page (page %d: %s) is damaged; the transaction before it (#%d) is intact, "+
				"but the damaged one may have held acknowledged writes, which going back to it would lose",
			st.other.page, st.other.problem, st.meta.txid)})
	case st.fallback:
		warn("the newer copy of the meta page (page %d: %s) is damaged; going back to transaction #%d, "+
			"which loses only the shutdown marker the damaged one wrote; the next write replaces the damaged copy",
			st.other.page, st.other.problem, st.meta.txid)
	case st.olderDamaged:
		warn("the older copy of the meta page (page %d: %s) is damaged; the newest (transaction #%d) is intact and the next write replaces the damaged copy",
			st.other.page, st.other.problem, st.meta.txid)
	}
	if !always && op.shutdown == shutdownClean && op.warnings == nil {
		return db, op, nil
	}
	start := time.Now()
	var (
		problems []string
		n        int
	)
	err = guarded(path, func() error {
		return db.View(func(tx *bolt.Tx) error {
			for e := range tx.Check() {
				if n++; len(problems) < 3 {
					problems = append(problems, e.Error())
				}
			}
			return nil
		})
	})
	if err != nil {
		return fail(err)
	}
	if n > 0 {
		return fail(&DamagedError{Path: path, Problem: fmt.Sprintf("bbolt's consistency check found %d problems: %s",
			n, strings.Join(problems, "; "))})
	}
	op.checked = true
	if op.shutdown != shutdownClean && !always {
		how := "was not closed cleanly"
		if op.shutdown == "" {
			how = "has no shutdown marker (written by an older detente, or never closed)"
		}
		warn("the store %s; bbolt's consistency check found no problem (%s)", how, time.Since(start).Round(time.Millisecond))
	}
	return db, op, nil
}

// guarded runs fn, turning a panic or a memory fault into a
// *DamagedError: bbolt trusts its file, asserts by panicking, and reads
// it through a mapping, where a page beyond the end of the file faults.
// preflight makes both unlikely; this is the net beneath it (for this
// goroutine: bbolt's consistency check runs in its own, and recovers its
// own panics).
func guarded(path string, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = &DamagedError{Path: path, Problem: fmt.Sprintf("reading it failed: %v", r)}
		}
	}()
	return fn()
}

// loadAll reads the opened file into memory; a record that does not
// decode, or refers to what is not there, is damage.
func (s *Store) loadAll(path string) error {
	err := guarded(path, func() error {
		if err := s.load(); err != nil {
			return err
		}
		if err := s.loadScenarios(); err != nil {
			return err
		}
		return s.loadEventMapping()
	})
	if err != nil && !errors.As(err, new(*DamagedError)) {
		err = &DamagedError{Path: path, Problem: strings.TrimPrefix(err.Error(), "memstore: ")}
	}
	return err
}

// setShutdown writes the shutdown marker.
func (s *Store) setShutdown(v string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketMeta)
		if b == nil {
			return nil
		}
		return b.Put(keyShutdown, []byte(v))
	})
}
