package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// importMemoryBound is the peak resident memory the server may reach
// while four imports of the largest allowed body (64 MiB) arrive at once
// with the default --import-budget (128 MiB of bodies: two of them
// admitted, the others refused with 503). README states it. Measured: 1.06
// GiB; with every import admitted (--import-budget 1024) 2.0 GiB.
const importMemoryBound = 1536 << 20

// TestConcurrentImportsBounded sends four 64 MiB dry-run imports at once
// and reads the server's peak resident memory (VmHWM) afterwards: it
// stays under importMemoryBound whatever the timing, since however the
// requests overlap at most two bodies are processed together.
func TestConcurrentImportsBounded(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc: cannot read the server's peak memory")
	}
	srv := startServer(t, t.TempDir(), "--seed=false", "--rate-limit", "0", "--import-timeout", "10m")
	body := bigImport(64<<20 - 1024)
	statuses := make([]int, 4)
	var wg sync.WaitGroup
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, srv.base+"/api/v1/import?dry_run=true", bytes.NewReader(body))
			if err != nil {
				t.Error(err)
				return
			}
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			msg, _ := io.ReadAll(resp.Body)
			statuses[i] = resp.StatusCode
			if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusServiceUnavailable {
				t.Errorf("import %d: %d %s", i, resp.StatusCode, msg)
			}
			if resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") == "" {
				t.Errorf("import %d: 503 without Retry-After", i)
			}
		}()
	}
	wg.Wait()
	ok := 0
	for _, s := range statuses {
		if s == http.StatusOK {
			ok++
		}
	}
	if ok == 0 {
		t.Errorf("no import was admitted: %v", statuses)
	}
	hwm := peakRSS(t, srv.cmd.Process.Pid)
	t.Logf("figure: four concurrent 64 MiB dry-run imports (--import-budget 128): statuses %v, server peak RSS %d MiB (bound %d MiB)",
		statuses, hwm>>20, importMemoryBound>>20)
	if hwm > importMemoryBound {
		t.Errorf("peak RSS %d MiB, over the stated bound %d MiB", hwm>>20, importMemoryBound>>20)
	}
}

// bigImport is an import body of about n bytes: actors in a chain and a
// tie between each neighbour pair, each tie with one citation.
func bigImport(n int) []byte {
	var b bytes.Buffer
	b.Grow(n + 4096)
	const actors = 20000
	b.WriteString(`{"actors":[`)
	for i := range actors {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"b%d","name":"B %d","kind":"other"}`, i, i)
	}
	b.WriteString(`],"relationships":[`)
	for i := 0; b.Len() < n-200; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"t%d","source":"b%d","target":"b%d","type":"supports","weight":0.5,"confidence":0.5,"sources":[{"title":"t"}]}`,
			i, i%actors, (i*7+1)%actors)
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

// peakRSS reads a process' peak resident set size (VmHWM) in bytes.
func peakRSS(t *testing.T, pid int) int64 {
	t.Helper()
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatalf("no VmHWM in /proc/%d/status", pid)
	return 0
}
