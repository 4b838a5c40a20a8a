package api_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/detente/detente/api"
)

// TestSpecLint runs the public validators and linters on both API
// documents as a live server serves them: openapi-spec-validator (PyPI,
// in .venv by make test-deps) on /openapi.json and /swagger/doc.json,
// Redocly CLI (recommended ruleset) and Spectral (spectral:oas) from
// web/test/node_modules on /openapi.json. Any error fails, and so does
// any warning not justified in testdata/speclint.txt (tool, rule, JSON
// pointer, reason), as does a justification no finding uses. Without the
// tools it skips, except under CI=true, where a missing tool fails it.
func TestSpecLint(t *testing.T) {
	validator, redocly, spectral := tool(t, "../.venv/bin/openapi-spec-validator"),
		tool(t, "../web/test/node_modules/.bin/redocly"), tool(t, "../web/test/node_modules/.bin/spectral")
	if _, err := exec.LookPath("node"); err != nil {
		missing(t, "node (Node.js, apt-get install -y nodejs npm)")
	}
	justified := readJustified(t, "testdata/speclint.txt")

	e := newEnv(t, memStore(t), api.Config{})
	ts := httptest.NewServer(e.h)
	defer ts.Close()
	dir := t.TempDir()
	oas3, swagger2 := filepath.Join(dir, "openapi.json"), filepath.Join(dir, "doc.json")
	for file, path := range map[string]string{oas3: "/openapi.json", swagger2: "/swagger/doc.json"} {
		res, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d %v", path, res.StatusCode, err)
		}
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	redoclyConf := write("redocly.yaml", "extends:\n  - recommended\n")
	spectralConf := write(".spectral.yaml", "extends:\n  - spectral:oas\n")

	// openapi-spec-validator: exit status 0 and "OK" for each file.
	out, _, err := runTool(t, dir, validator, "--validation-errors", "all", oas3, swagger2)
	if err != nil {
		t.Errorf("openapi-spec-validator: %v\n%s", err, out)
	} else {
		t.Logf("openapi-spec-validator:\n%s", out)
	}

	var findings []finding
	// Redocly CLI: a JSON report on stdout (exit status 1 with errors).
	stdout, all, err := runTool(t, dir, redocly, "lint", "--config", redoclyConf, "--format=json", oas3)
	var rep struct {
		Problems []struct {
			RuleID, Severity, Message string
			Location                  []struct{ Pointer string }
		}
	}
	if jerr := json.Unmarshal(stdout, &rep); jerr != nil {
		t.Fatalf("redocly lint: %v, no JSON report (%v):\n%s", err, jerr, all)
	}
	for _, p := range rep.Problems {
		f := finding{tool: "redocly", rule: p.RuleID, severity: p.Severity, msg: p.Message}
		if len(p.Location) > 0 {
			f.pointer = p.Location[0].Pointer
		}
		findings = append(findings, f)
	}
	// Spectral: a JSON array on stdout; severity 0 error, 1 warning,
	// 2 information, 3 hint.
	stdout, all, err = runTool(t, dir, spectral, "lint", "--ruleset", spectralConf, "--format", "json", "--quiet", oas3)
	var results []struct {
		Code     string
		Message  string
		Path     []any
		Severity int
	}
	if jerr := json.Unmarshal(stdout, &results); jerr != nil {
		t.Fatalf("spectral lint: %v, no JSON report (%v):\n%s", err, jerr, all)
	}
	for _, r := range results {
		f := finding{tool: "spectral", rule: r.Code, severity: [...]string{"error", "warn", "info", "hint"}[min(max(r.Severity, 0), 3)], msg: r.Message, pointer: pointer(r.Path)}
		findings = append(findings, f)
	}

	used := map[string]bool{}
	for _, f := range findings {
		key := f.tool + " " + f.rule + " " + f.pointer
		switch {
		case f.severity == "error":
			t.Errorf("%s error %s at %s: %s", f.tool, f.rule, f.pointer, f.msg)
		case f.severity == "warn" && justified[key] == "":
			t.Errorf("%s warning %s at %s: %s (fix it, or justify it in testdata/speclint.txt)", f.tool, f.rule, f.pointer, f.msg)
		case f.severity == "warn":
			used[key] = true
			t.Logf("%s warning %s at %s, justified: %s", f.tool, f.rule, f.pointer, justified[key])
		default:
			t.Logf("%s %s %s at %s: %s", f.tool, f.severity, f.rule, f.pointer, f.msg)
		}
	}
	for key := range justified {
		if !used[key] {
			t.Errorf("testdata/speclint.txt justifies %q, which no tool reports: remove the line", key)
		}
	}
}

// finding is one problem a linter reports.
type finding struct{ tool, rule, severity, pointer, msg string }

// tool is the absolute path of a test tool, or a skip (a failure under
// CI=true) when it is missing.
func tool(t *testing.T, rel string) string {
	t.Helper()
	p, err := filepath.Abs(rel)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		missing(t, p)
	}
	return p
}

func missing(t *testing.T, what string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true but %s is missing: run make test-deps", what)
	}
	t.Skipf("%s is missing (make test-deps)", what)
}

// runTool runs a tool in dir and returns its stdout, stdout and stderr
// together (for messages), and its error.
func runTool(t *testing.T, dir, bin string, args ...string) (stdout, all []byte, err error) {
	t.Helper()
	// A bound against a hung tool, not a speed requirement.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	// No telemetry, no update checks: the run is offline and repeatable.
	cmd.Env = append(os.Environ(), "REDOCLY_TELEMETRY=off", "REDOCLY_SUPPRESS_UPDATE_NOTICE=true", "NO_UPDATE_NOTIFIER=1")
	// Standard output and error are copied by two goroutines: the buffer
	// both write to is locked.
	var out bytes.Buffer
	both := &lockedBuffer{}
	cmd.Stdout = io.MultiWriter(&out, both)
	cmd.Stderr = both
	err = cmd.Run()
	return out.Bytes(), both.b.Bytes(), err
}

// lockedBuffer is a bytes.Buffer safe for concurrent writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// pointer is a Spectral path as a JSON pointer fragment, as Redocly
// reports locations: #/paths/~1healthz/get.
func pointer(path []any) string {
	var b strings.Builder
	b.WriteString("#")
	for _, seg := range path {
		s := fmt.Sprint(seg)
		s = strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
		b.WriteString("/" + s)
	}
	return b.String()
}

// readJustified reads the justified warnings: "tool rule pointer reason"
// per line, # comments; the key is tool, rule and pointer.
func readJustified(t *testing.T, name string) map[string]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 4 || !slices.Contains([]string{"redocly", "spectral"}, fields[0]) || !strings.HasPrefix(fields[2], "#/") {
			t.Fatalf("%s:%d: want: redocly|spectral RULE #/POINTER REASON", name, n)
		}
		key := strings.Join(fields[:3], " ")
		if _, dup := m[key]; dup {
			t.Fatalf("%s:%d: %s justified twice", name, n, key)
		}
		m[key] = strings.Join(fields[3:], " ")
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return m
}
