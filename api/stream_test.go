package api

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
)

// streamServer is a Server with a route /stream that streams what render
// writes; every handler's panic value (nil when none) is sent on panics.
func streamServer(t *testing.T, cfg Config, render func(context.Context, io.Writer) error) (*httptest.Server, chan any) {
	t.Helper()
	cfg.Logger = slog.New(slog.DiscardHandler)
	srv, err := NewServer(cfg, testStore(t))
	if err != nil {
		t.Fatal(err)
	}
	panics := make(chan any, 1)
	srv.v1.GET("/stream", srv.handle(func(c *gin.Context) error { // under the budget of /api/v1
		defer func() {
			v := recover()
			panics <- v
			if v != nil {
				panic(v)
			}
		}()
		return srv.stream(c, "text/plain", func(w io.Writer) error { return render(c.Request.Context(), w) })
	}))
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts, panics
}

// TestStreamInvariants: the invariants stated on streamChunk.
func TestStreamInvariants(t *testing.T) {
	big := bytes.Repeat([]byte("0123456789abcdef"), 4*streamChunk/16) // four chunks
	for _, tc := range []struct {
		name   string
		render func(context.Context, io.Writer) error
		// status and problem: the answer; truncated: a 200 whose body
		// ends early (the connection aborted after the first byte).
		status    int
		problem   bool
		truncated bool
		aborted   bool
	}{
		{"whole", func(_ context.Context, w io.Writer) error { _, err := w.Write(big); return err }, 200, false, false, false},
		{"empty", func(context.Context, io.Writer) error { return nil }, 200, false, false, false},
		{"error before the first byte", func(_ context.Context, w io.Writer) error {
			w.Write([]byte("less than a chunk"))
			return errors.New("boom")
		}, 500, true, false, false},
		{"out of time before the first byte", func(ctx context.Context, w io.Writer) error {
			<-ctx.Done() // the budget (QueryTimeout) runs out while rendering
			_, err := w.Write(big)
			return err
		}, 503, true, false, false},
		{"error after the first byte", func(_ context.Context, w io.Writer) error {
			w.Write(big)
			return errors.New("boom")
		}, 200, false, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Only the case that waits for the budget has a short one: the
			// others must not depend on rendering four chunks within it.
			budget := time.Hour
			if tc.status == http.StatusServiceUnavailable {
				budget = 500 * time.Millisecond
			}
			ts, panics := streamServer(t, Config{QueryTimeout: budget}, tc.render)
			resp, err := http.Get(ts.URL + APIPrefix + "/stream")
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d (%s)", resp.StatusCode, tc.status, body)
			}
			if got := strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json"); got != tc.problem {
				t.Errorf("Content-Type %q, problem %v", resp.Header.Get("Content-Type"), tc.problem)
			}
			if truncated := err != nil; truncated != tc.truncated {
				t.Errorf("reading the body: %v (%d bytes), want truncated %v", err, len(body), tc.truncated)
			}
			if tc.name == "whole" && !bytes.Equal(body, big) {
				t.Errorf("body of %d bytes, want the %d written", len(body), len(big))
			}
			v := <-panics
			if aborted := v != nil; aborted != tc.aborted || (aborted && v != http.ErrAbortHandler) {
				t.Errorf("panic %v, want abort %v", v, tc.aborted)
			}
		})
	}
}

// TestStreamDropsAReaderThatStops: a client that reads one byte of a big
// answer and no more is dropped once a chunk has waited ChunkWriteTimeout:
// the handler aborts instead of waiting for the response's own deadline
// (an hour here). The client's receive buffer is small, so the answer
// stalls whatever the machine; the test waits for the abort, it times
// nothing.
func TestStreamDropsAReaderThatStops(t *testing.T) {
	ts, panics := streamServer(t, Config{QueryTimeout: time.Hour, ChunkWriteTimeout: 200 * time.Millisecond},
		func(_ context.Context, w io.Writer) error {
			chunk := bytes.Repeat([]byte("x"), streamChunk)
			for range 1024 { // 64 MiB, far beyond any socket buffer
				if _, err := w.Write(chunk); err != nil {
					return err
				}
			}
			return nil
		})
	d := net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
		var serr error
		err := c.Control(func(fd uintptr) { serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096) })
		return errors.Join(err, serr)
	}}
	conn, err := d.Dial("tcp", strings.TrimPrefix(ts.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET "+APIPrefix+"/stream HTTP/1.1\r\nHost: x\r\n\r\n")
	if _, err := io.ReadFull(conn, make([]byte, 1)); err != nil {
		t.Fatal(err)
	}
	// The cap only turns a reader that is never dropped into a failure.
	select {
	case v := <-panics:
		if v != http.ErrAbortHandler {
			t.Fatalf("the handler ended with %v, want an abort", v)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("a reader that stopped reading still held its answer after 2 minutes")
	}
}
