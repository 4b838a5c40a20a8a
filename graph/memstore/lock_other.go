//go:build windows || plan9 || solaris || aix || android

package memstore

import (
	"errors"
	"os"
	"time"
)

// lockFile opens the store's file; on these systems bbolt takes the lock
// itself (with the same timeout) when it opens the file, so preflight
// reads it unlocked.
func lockFile(path string, create bool, timeout time.Duration) (f *os.File, created bool, err error) {
	f, err = os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) && create {
		f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		created = err == nil
	}
	return f, created, err
}

// alive cannot tell here: a pid file names the holder.
func alive(int) bool { return true }
