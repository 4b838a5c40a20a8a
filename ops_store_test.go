package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runBin runs the built detente with args (the embedded store: NEO4J_URI
// cleared) and returns its output and exit code; a run that outlives a
// minute (a server that started when it should have refused) fails.
func runBin(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "NEO4J_URI=", "DETENTE_API_KEYS=")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("detente %s still running after a minute; stderr:\n%s", strings.Join(args, " "), errb.String())
	}
	code = cmd.ProcessState.ExitCode()
	return out.String(), errb.String(), code
}

// TestDamagedStoreRefusedByTheBinary: `detente serve` and `detente check`
// on a damaged store file exit non-zero, without a panic, with a message
// naming the file and saying what to do, and leave the file as it was (a
// zero-length file is not seeded as a new store). The damage kinds one by
// one are graph/memstore's TestDamagedFiles; here, the program's answer.
func TestDamagedStoreRefusedByTheBinary(t *testing.T) {
	const pageSize = 16 << 10
	good := t.TempDir()
	if _, errs, code := runBin(t, "seed", "--data", good); code != 0 {
		t.Fatalf("seed: exit %d\n%s", code, errs)
	}
	out, errs, code := runBin(t, "check", "--data", good)
	if code != 0 || !strings.Contains(out, "no problems found") || !strings.Contains(out, "last shutdown: clean") {
		t.Fatalf("check on a sound store: exit %d\n%s%s", code, out, errs)
	}
	t.Logf("check on the seeded store:\n%s", out)
	seeded, err := os.ReadFile(filepath.Join(good, "detente.db"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		damage func([]byte) []byte
		want   string
	}{
		{"zero-length", func([]byte) []byte { return nil }, "the file is empty (0 bytes)"},
		{"truncated to two pages", func(b []byte) []byte { return b[:2*pageSize] }, "the file is truncated"},
		{"garbage after the meta pages", func(b []byte) []byte {
			for i := 2 * pageSize; i < len(b); i++ {
				b[i] = byte(i * 7)
			}
			return b
		}, "garbage"},
		{"a flipped byte in both meta pages", func(b []byte) []byte {
			b[16+16] ^= 1
			b[pageSize+16+16] ^= 1
			return b
		}, "neither copy of its meta page is valid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := t.TempDir()
			file := filepath.Join(data, "detente.db")
			damaged := tc.damage(bytes.Clone(seeded))
			if err := os.WriteFile(file, damaged, 0o600); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{
				{"serve", "--data", data, "--addr", "127.0.0.1:0"},
				{"check", "--data", data},
				{"export", "--data", data},
			} {
				out, errs, code := runBin(t, args...)
				if code == 0 || strings.Contains(errs, "panic") || strings.Contains(errs, "SIGBUS") ||
					!strings.Contains(errs, file) || !strings.Contains(errs, tc.want) || !strings.Contains(errs, "Restore") {
					t.Errorf("detente %s: exit %d, want non-zero with a message naming %s, containing %q and what to do; stdout:\n%s\nstderr:\n%s",
						args[0], code, file, tc.want, out, errs)
				}
				if now, _ := os.ReadFile(file); !bytes.Equal(now, damaged) {
					t.Fatalf("detente %s changed the damaged file", args[0])
				}
			}
		})
	}
	// The newest meta page damaged after kill -9: going back one
	// transaction could lose an acknowledged write, so serve refuses;
	// undamaged, the same file starts with a warning that the check ran.
	t.Run("a flipped byte in the newest meta page after kill -9", func(t *testing.T) {
		data := t.TempDir()
		file := filepath.Join(data, "detente.db")
		s := startServer(t, data, "--seed=false")
		resp, err := post(context.Background(), s.base+"/api/v1/actors", map[string]any{"id": "acked", "name": "Acked", "kind": "person"})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 201 {
			t.Fatalf("create: %d", resp.StatusCode)
		}
		s.cmd.Process.Signal(syscall.SIGKILL)
		<-s.exited
		killed, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		newest := 0
		if binary.NativeEndian.Uint64(killed[pageSize+16+48:]) > binary.NativeEndian.Uint64(killed[16+48:]) {
			newest = 1
		}
		damaged := bytes.Clone(killed)
		damaged[newest*pageSize+16+16] ^= 0x40
		os.WriteFile(file, damaged, 0o600)
		for _, args := range [][]string{{"serve", "--data", data, "--addr", "127.0.0.1:0"}, {"check", "--data", data}} {
			out, errs, code := runBin(t, args...)
			if code == 0 || !strings.Contains(errs, file) || !strings.Contains(errs, "the newer copy of its meta page") {
				t.Errorf("detente %s: exit %d; stdout:\n%s\nstderr:\n%s", args[0], code, out, errs)
			}
		}
		os.WriteFile(file, killed, 0o600)
		s = startServer(t, data, "--seed=false")
		if !strings.Contains(s.stderr.String(), "was not closed cleanly") || !exportedActors(t, s.base)["acked"] {
			t.Errorf("restart after kill -9: want the warning and the acknowledged actor; log:\n%s", s.stderr.String())
		}
	})
}

// TestLockedStoreNamesTheServer: `detente export` (or seed, import,
// check, a second serve) beside a running server says the store is in
// use and by which process, instead of bbolt's "timeout".
func TestLockedStoreNamesTheServer(t *testing.T) {
	data := t.TempDir()
	s := startServer(t, data, "--seed=false")
	want := fmt.Sprintf("the store %s is in use by another detente process (pid %d)", filepath.Join(data, "detente.db"), s.cmd.Process.Pid)
	for _, args := range [][]string{{"export", "--data", data}, {"check", "--data", data}} {
		out, errs, code := runBin(t, args...)
		if code == 0 || !strings.Contains(errs, want) {
			t.Errorf("detente %s beside a server: exit %d, want %q; stdout:\n%s\nstderr:\n%s", args[0], code, want, out, errs)
		}
	}
}

// TestExplorerAndDocsRateLimited: in the real program, the explorer page,
// its static files and the documentation draw on the client's rate
// limit: once a burst is spent, each answers 429 with Retry-After. One
// token per 1000 s: no refill during the test, however slow the machine.
func TestExplorerAndDocsRateLimited(t *testing.T) {
	s := startServe(t, nil, "--data", t.TempDir(), "--seed=false", "--rate-limit", "0.001", "--rate-burst", "3")
	for i := range 3 {
		resp, err := http.Get(s.base + "/")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("GET / %d within the burst: %d", i, resp.StatusCode)
		}
	}
	for _, path := range []string{"/", "/static/app.js", "/openapi.json", "/swagger/index.html", "/api/v1/actors"} {
		resp, err := http.Get(s.base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 429 || resp.Header.Get("Retry-After") == "" {
			t.Errorf("GET %s after the burst: %d, Retry-After %q; want 429 with Retry-After", path, resp.StatusCode, resp.Header.Get("Retry-After"))
		}
	}
	resp, err := http.Get(s.base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("/healthz: %d", resp.StatusCode)
	}
}
