package main

import (
	"os"
	"runtime"
	"testing"
	"time"
)

// TestRunProcPeakRSSIsTheChilds: a small child of a big driver is reported
// small. getrusage's ru_maxrss would report it at least as big as this
// process (see runProc).
func TestRunProcPeakRSSIsTheChilds(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	big := make([]byte, 256<<20)
	for i := 0; i < len(big); i += 4096 {
		big[i] = 1
	}
	r, err := runProc("/bin/sleep", os.Environ(), time.Minute, "0.1")
	runtime.KeepAlive(big)
	if err != nil {
		t.Fatal(err)
	}
	if r.MaxRSS <= 0 || r.MaxRSS > 64<<20 {
		t.Fatalf("sleep's peak RSS: %d bytes; want more than 0 and far below this process's 256 MiB", r.MaxRSS)
	}
	t.Logf("sleep's peak RSS %d KiB", r.MaxRSS>>10)
}
