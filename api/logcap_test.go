package api_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph"
)

// quoting is a store whose import fails quoting the whole batch, as a
// driver error that echoes its input does, and whose dry run panics with
// it.
type quoting struct{ graph.Driver }

func (q quoting) Import(ctx context.Context, b graph.Batch, dryRun bool, now time.Time) (graph.ImportResult, error) {
	if dryRun {
		panic(fmt.Sprint(b))
	}
	return graph.ImportResult{}, graph.Internal(fmt.Errorf("the store refused %v", b))
}

// TestLogLinesCapped: whatever a client sends, and whatever an error or
// a panic quotes of it, no log line outgrows a bound: an 8 MiB body
// quoted by an internal error and by a panic, a 1 MiB path, a 64 KiB
// method. A capped value says how long it was.
func TestLogLinesCapped(t *testing.T) {
	e := newEnv(t, graph.NewStore(quoting{memStore(t).Driver()}), api.Config{})
	var body strings.Builder
	body.WriteString(`{"actors":[`)
	for i := 0; body.Len() < 8<<20; i++ {
		if i > 0 {
			body.WriteByte(',')
		}
		fmt.Fprintf(&body, `{"id":"a%d","name":"A%d","kind":"person","description":%q}`, i, i, strings.Repeat("d", 9000))
	}
	body.WriteString(`],"relationships":[]}`)
	if body.Len() < 8<<20 {
		t.Fatal("the body is short")
	}
	problem(t, e.do("POST", "/api/v1/import", body.String()), 500, api.ProblemInternal)
	problem(t, e.do("POST", "/api/v1/import?dry_run=true", body.String()), 500, api.ProblemInternal)
	longPath := "/api/v1/actors/" + strings.Repeat("x", 1<<20)
	if rec := e.do("GET", longPath, ""); rec.Code < 400 {
		t.Fatalf("GET a 1 MiB path: %d", rec.Code)
	}
	if rec := e.do(strings.Repeat("M", 64<<10), "/api/v1/actors", ""); rec.Code < 400 {
		t.Fatalf("a 64 KiB method: %d", rec.Code)
	}

	// The bound: a stack trace's cap, the error's, and room for the rest.
	const maxLine, maxAccessLine = 24 << 10, 2 << 10
	sc := bufio.NewScanner(bytes.NewReader(e.logs.Bytes()))
	sc.Buffer(nil, 64<<20)
	var lines, markers, longest int
	for sc.Scan() {
		line := sc.Text()
		lines++
		longest = max(longest, len(line))
		if strings.Contains(line, "bytes)") {
			markers++
		}
		switch {
		case len(line) > maxLine:
			t.Errorf("a log line of %d bytes (bound %d): %.300s…", len(line), maxLine, line)
		case strings.Contains(line, `"msg":"request"`) && len(line) > maxAccessLine:
			t.Errorf("an access log line of %d bytes (bound %d): %.300s…", len(line), maxAccessLine, line)
		}
	}
	for _, want := range []string{
		fmt.Sprintf("…(%d bytes)", len(longPath)),
		fmt.Sprintf("…(%d bytes)", 64<<10),
		`"msg":"internal error"`, `"msg":"panic"`,
	} {
		if !strings.Contains(e.logs.String(), want) {
			t.Errorf("the log has no %q", want)
		}
	}
	if lines < 6 || markers < 4 {
		t.Errorf("%d lines, %d of them capped; want the access lines and the error and panic lines, capped", lines, markers)
	}
	t.Logf("figure: log lines: %d bytes at most for requests echoing 8 MiB bodies, a 1 MiB path and a 64 KiB method (%d lines)", longest, lines)
}
