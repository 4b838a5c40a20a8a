package graph_test

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"syscall"
	"testing"

	"github.com/detente/detente/graph"
)

// TestWriteFailed: a write that failed for want of disk space (however
// deeply the cause is wrapped) is EFULL, which no retry fixes; any other
// failed write stays EUNAVAILABLE.
func TestWriteFailed(t *testing.T) {
	enospc := &os.PathError{Op: "write", Path: "data/detente.db", Err: syscall.ENOSPC}
	if runtime.GOOS == "linux" {
		// A real one: /dev/full refuses every write with ENOSPC.
		if f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0); err == nil {
			_, werr := f.Write([]byte("x"))
			f.Close()
			if werr != nil {
				enospc = werr.(*os.PathError)
			}
		}
	}
	for _, tc := range []struct {
		cause error
		want  graph.Code
	}{
		{enospc, graph.EFULL},
		{fmt.Errorf("commit: %w", enospc), graph.EFULL},
		{&os.PathError{Op: "write", Path: "x", Err: syscall.EDQUOT}, graph.EFULL},
		{&os.PathError{Op: "fdatasync", Path: "x", Err: syscall.EIO}, graph.EUNAVAILABLE},
		{errors.New("database not open"), graph.EUNAVAILABLE},
	} {
		err := graph.WriteFailed("the store could not write", tc.cause)
		if err.Code != tc.want || !errors.Is(err, tc.cause) {
			t.Errorf("%v: code %s, want %s (and the cause kept)", tc.cause, err.Code, tc.want)
		}
	}
}
