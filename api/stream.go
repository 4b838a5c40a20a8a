package api

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// Big answers — an export (GET /export), a graph or neighbourhood in any
// format (GET /graph, /actors/{id}/neighborhood) — are streamed: written
// to the connection as they are rendered, in chunks of streamChunk bytes,
// instead of built whole in memory first. A GEXF of 1.2 M relationships
// was a 531 MB buffer, and the server held 2.75 GB for one request that
// answered 200 after 8.4 s under a 1 s budget (issue 15).
//
// The invariants of a streamed answer:
//
//   - Until its first byte is written (the first chunk is full, or the
//     rendering ends), nothing has been sent: an error then — a render
//     error, the budget out, the client gone — is answered as any other,
//     with its status and a problem JSON.
//   - After the first byte the status (200) and part of the body are on
//     the wire: an error can no longer be reported, so the handler aborts
//     the connection (panic(http.ErrAbortHandler)). The body of a chunked
//     response then ends without its final chunk, which every HTTP client
//     reports as a truncated body, never as a complete answer.
//   - Every chunk must be written within ChunkWriteTimeout (and before the
//     response's own write deadline, writeDeadline): a client that stops
//     reading is dropped once the kernel's buffers are full and that time
//     has passed, instead of holding the answer for the whole deadline.
//   - Rendering counts against the request's budget: before each chunk
//     is written the request's context is checked, so a request out of
//     time (QueryTimeout) or whose client has gone stops rendering at the
//     next chunk.
const streamChunk = 64 << 10

// DefaultChunkWriteTimeout is how long a chunk of a streamed answer may
// take to be written (Config.ChunkWriteTimeout).
const DefaultChunkWriteTimeout = 10 * time.Second

// writeDeadlineKey holds, in the gin context, the response's write
// deadline set by writeDeadline (a time.Time; absent: none).
const writeDeadlineKey = "detente.write_deadline"

// stream answers 200 with the bytes render writes, streamed as the
// comment above says. render must write nothing but the body; it is
// given a buffered writer, so it may write in pieces of any size. An
// error before the first byte is returned, for the handler to answer
// with its problem; after it, the connection is aborted.
func (s *Server) stream(c *gin.Context, contentType string, render func(io.Writer) error) error {
	w := &streamWriter{c: c, ctx: c.Request.Context(), rc: http.NewResponseController(c.Writer),
		contentType: contentType, perWrite: s.cfg.ChunkWriteTimeout}
	if d, ok := c.Get(writeDeadlineKey); ok {
		w.deadline = d.(time.Time)
	}
	bw := bufio.NewWriterSize(w, streamChunk)
	err := render(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		w.begin() // an empty body still has its status and media type
		return nil
	}
	if !w.begun {
		return err
	}
	s.log(c).Warn("streamed answer aborted", "error", err.Error(), "bytes", w.wrote)
	panic(http.ErrAbortHandler)
}

// streamWriter writes a streamed answer's chunks to the connection, each
// under its own write deadline, after a check of the request's context.
type streamWriter struct {
	c           *gin.Context
	ctx         context.Context
	rc          *http.ResponseController
	contentType string
	perWrite    time.Duration
	deadline    time.Time // the response's own write deadline; zero: none
	begun       bool
	wrote       int64 // body bytes handed to the connection
}

// begin sends the status line and headers, once.
func (w *streamWriter) begin() {
	if w.begun {
		return
	}
	w.begun = true
	w.c.Header("Content-Type", w.contentType)
	w.c.Status(http.StatusOK)
	w.c.Writer.WriteHeaderNow()
}

func (w *streamWriter) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 {
		// A render that hands over one big piece (the JSON formats encode
		// whole) is still written a chunk at a time, each with its own
		// deadline.
		chunk := p[:min(len(p), streamChunk)]
		if err := w.chunk(chunk); err != nil {
			return n, err
		}
		n += len(chunk)
		p = p[len(chunk):]
	}
	return n, nil
}

func (w *streamWriter) chunk(p []byte) error {
	if err := w.ctx.Err(); err != nil {
		return context.Cause(w.ctx)
	}
	w.begin()
	if w.perWrite > 0 {
		dl := time.Now().Add(w.perWrite)
		if !w.deadline.IsZero() && w.deadline.Before(dl) {
			dl = w.deadline
		}
		// A writer without deadlines (a test's recorder) has nothing to
		// renew: ErrNotSupported is not a failure of the answer.
		if err := w.rc.SetWriteDeadline(dl); err != nil && !errors.Is(err, http.ErrNotSupported) {
			return err
		}
	}
	m, err := w.c.Writer.Write(p)
	w.wrote += int64(m)
	if err != nil {
		return err
	}
	// Push the chunk to the connection now, under the deadline just set,
	// rather than leave it in net/http's buffer for the next one's.
	if err := w.rc.Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return err
	}
	return nil
}
