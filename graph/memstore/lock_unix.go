//go:build !windows && !plan9 && !solaris && !aix && !android

package memstore

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// lockFile opens the store's file and takes its exclusive lock before
// anything reads it: preflight must not read a file another process is
// writing. The descriptor is then handed to bbolt, whose own flock on it
// succeeds at once (a flock belongs to the open file description), and
// bbolt releases the lock and closes the file on Close. create says
// whether the file may be created; created, whether this call made it.
func lockFile(path string, create bool, timeout time.Duration) (f *os.File, created bool, err error) {
	f, err = os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) && create {
		f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		created = err == nil
		if errors.Is(err, os.ErrExist) { // made by another process meanwhile
			f, err = os.OpenFile(path, os.O_RDWR, 0)
		}
	}
	if err != nil {
		return nil, false, err
	}
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return f, created, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, false, err
		}
		if !time.Now().Before(deadline) {
			f.Close()
			return nil, false, errLocked
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// alive reports whether process pid exists.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
