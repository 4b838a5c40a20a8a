package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// The tests of this package run the real program: buildBinary compiles it
// once per test run and startServe runs `detente serve` from it.

// buildBinary compiles detente once per test run.
var buildBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "detente-bin-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "detente")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

var listening = regexp.MustCompile(`listening on (\S+)`)

// proc is a running `detente serve`.
type proc struct {
	cmd    *exec.Cmd
	base   string // http://host:port
	stderr *syncBuffer
	exited chan struct{} // closed once the process has exited
	err    error         // Wait's result, once exited is closed
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServer runs `detente serve` with the embedded store in dataDir.
func startServer(t *testing.T, dataDir string, extra ...string) *proc {
	t.Helper()
	return startServe(t, nil, append([]string{"--data", dataDir}, extra...)...)
}

// startServe runs `detente serve` on a free loopback port with env added
// to the environment (NEO4J_URI and DETENTE_API_KEYS are cleared unless
// env sets them) and waits until it listens. The process is killed when
// the test ends; if the test failed, its log is kept in a file.
func startServe(t *testing.T, env []string, args ...string) *proc {
	t.Helper()
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	args = append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(append(os.Environ(), "NEO4J_URI=", "DETENTE_API_KEYS="), env...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, stderr: &syncBuffer{}, exited: make(chan struct{})}
	cmd.Stderr = p.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
		io.Copy(io.Discard, stdout)
		p.err = cmd.Wait()
		close(p.exited)
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-p.exited
		if t.Failed() {
			full := filepath.Join(os.TempDir(), "detente-"+strings.NewReplacer("/", "-", " ", "_").Replace(t.Name())+".log")
			os.WriteFile(full, []byte(p.stderr.String()), 0o644)
			t.Logf("server log (all of it in %s; the last 3000 bytes):\n%s", full, tail(p.stderr.String(), 3000))
		}
	})
	select {
	case a := <-addr:
		p.base = "http://" + a
		return p
	case <-p.exited:
		t.Fatalf("server exited before listening (%v); stderr:\n%s", p.err, p.stderr.String())
	case <-time.After(60 * time.Second):
		t.Fatalf("server did not start; stderr:\n%s", p.stderr.String())
	}
	return nil
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
