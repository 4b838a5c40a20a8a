package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// freePort asks the kernel for a free loopback port.
func freePort() int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// server is a `detente serve` process.
type server struct {
	cmd  *exec.Cmd
	done chan struct{} // closed when the process has exited
	base string        // http://127.0.0.1:PORT
	log  string
	// Startup is the time from the process' start to /healthz and /readyz
	// both answering 200.
	Startup time.Duration
}

// serveEnv is the environment of the detente processes: the caller's,
// without a Neo4j unless neo4jURI is set, with no rate limit (the default
// 50 requests a second per client would be what the benchmark measures),
// and no API keys.
func serveEnv(neo4jURI string, extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		switch {
		case hasPrefix(kv, "NEO4J_URI="), hasPrefix(kv, "DETENTE_"):
			continue
		}
		env = append(env, kv)
	}
	if neo4jURI != "" {
		env = append(env, "NEO4J_URI="+neo4jURI)
	}
	return append(env, extra...)
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// startServer runs `detente serve` with args on a free port and waits for
// /healthz and /readyz, up to wait.
func startServer(bin, logDir, name, neo4jURI string, wait time.Duration, args ...string) (*server, error) {
	port := freePort()
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	logPath := filepath.Join(logDir, "serve-"+name+".log")
	lf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, append([]string{"serve", "--addr", fmt.Sprintf("127.0.0.1:%d", port)}, args...)...)
	cmd.Env = serveEnv(neo4jURI, "DETENTE_RATE_LIMIT=0")
	cmd.Stdout, cmd.Stderr = lf, lf
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		lf.Close()
		return nil, err
	}
	lf.Close()
	s := &server{cmd: cmd, base: base, log: logPath, done: make(chan struct{})}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait(); close(s.done) }()
	cl := &http.Client{Timeout: time.Second}
	ok := func(path string) bool {
		resp, err := cl.Get(base + path)
		if err != nil {
			return false
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode == 200
	}
	healthy := false
	for time.Since(t0) < wait {
		select {
		case err := <-exited:
			return nil, fmt.Errorf("detente serve exited (%v); log %s", err, logPath)
		default:
		}
		if !healthy {
			healthy = ok("/healthz")
		}
		if healthy && ok("/readyz") {
			s.Startup = time.Since(t0)
			return s, nil
		}
		time.Sleep(2 * time.Millisecond)
	}
	cmd.Process.Kill()
	<-s.done
	return nil, fmt.Errorf("detente serve did not answer /healthz and /readyz within %s; log %s", wait, logPath)
}

// stop ends the server with SIGTERM (SIGKILL after 10 s).
func (s *server) stop() {
	if s == nil || s.cmd == nil || s.cmd.Process == nil {
		return
	}
	terminate(s.cmd, s.done, 10*time.Second)
}

// terminate sends cmd SIGTERM and, if it has not exited (done closed)
// within grace, SIGKILL; it returns once it has exited.
func terminate(cmd *exec.Cmd, done <-chan struct{}, grace time.Duration) {
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-done:
	case <-time.After(grace):
		cmd.Process.Kill()
		<-done
	}
}

// procRun is one finished process: wall time and peak resident set.
type procRun struct {
	Wall     time.Duration `json:"wall_ns"`
	CPU      time.Duration `json:"cpu_ns"` // user + system of the process
	MaxRSS   int64         `json:"max_rss_bytes"`
	Output   string        `json:"-"`
	TimedOut bool          `json:"timed_out"`
}

// runProc runs bin args to completion (at most timeout) and reports its
// wall time, CPU time and peak RSS.
//
// The peak RSS is the child's VmHWM (/proc/PID/status), read every 10 ms
// while it runs, not getrusage's ru_maxrss: Go starts a child with vfork,
// and Linux carries the parent's high-water mark over the exec into the
// child's ru_maxrss, so a child of this driver (which holds the generated
// graphs, hundreds of MiB) was reported at least as big as the driver.
// Growth in the last 10 ms before the child exits is missed.
func runProc(bin string, env []string, timeout time.Duration, args ...string) (procRun, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = env
	out := &limitedBuffer{max: 64 << 10}
	cmd.Stdout, cmd.Stderr = out, out
	t0 := time.Now()
	err := cmd.Start()
	var hwm int64
	if err == nil {
		status := fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)
		done := make(chan struct{})
		polled := make(chan struct{})
		go func() {
			defer close(polled)
			tick := time.NewTicker(10 * time.Millisecond)
			defer tick.Stop()
			for {
				if v := vmHWM(status); v > hwm {
					hwm = v
				}
				select {
				case <-done:
					return
				case <-tick.C:
				}
			}
		}()
		err = cmd.Wait()
		close(done)
		<-polled
	}
	r := procRun{Wall: time.Since(t0), Output: out.String(), MaxRSS: hwm}
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			r.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
	}
	if ctx.Err() != nil {
		r.TimedOut = true
		return r, fmt.Errorf("%s %v: no result within %s", filepath.Base(bin), args, timeout)
	}
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return r, fmt.Errorf("%s %v: %v: %s", filepath.Base(bin), args, err, tail(r.Output, 2000))
		}
		return r, err
	}
	return r, nil
}

type limitedBuffer struct {
	buf []byte
	max int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	b.buf = append(b.buf, p...)
	if len(b.buf) > b.max {
		b.buf = b.buf[len(b.buf)-b.max:]
	}
	return len(p), nil
}

func (b *limitedBuffer) String() string { return string(b.buf) }

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// vmHWM reads the peak resident set ("VmHWM:   123 kB") from a
// /proc/PID/status file; 0 when the process is gone.
func vmHWM(status string) int64 {
	b, err := os.ReadFile(status)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil {
				return kb * 1024
			}
		}
	}
	return 0
}
