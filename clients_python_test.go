package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestPythonClient runs the Python client (clients/python) against the
// real server, on the embedded store and on Neo4j (NEO4J_URI): the
// issue's workflow through the client openapi-python-client generated with
// its default settings (tests/workflow_generated.py: a call that fails
// there is a fault of the API description or the server), then the
// analyst layer's tests (tests/test_detente.py: each DataFrame, graph and
// page sequence against the raw JSON of the same question; on the embedded
// store also tests/test_retry.py, against a second server that
// rate-limits: 429s retried after Retry-After). Before them,
// ruff on the analyst layer, and mypy: the generated client and the workflow with mypy's defaults (the
// generated code is not ours to make strict), the analyst layer and its
// tests with --strict. The package comes from this checkout
// (PYTHONPATH), its dependencies from .venv (make test-deps). Under
// CI=true a missing tool or NEO4J_URI fails the test; otherwise it skips.
func TestPythonClient(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the Python client needs the server and .venv")
	}
	python := mustAbs(t, ".venv/bin/python")
	pkg := mustAbs(t, "clients/python")
	// What the run needs from .venv: the interpreter, pytest, mypy, the
	// analyst layer's dependencies, and the package itself as make
	// test-deps installs it (pip install -e clients/python).
	probe := exec.Command(python, "-c", "import pytest, mypy, pandas, networkx, httpx, attrs, dateutil, importlib.metadata as m; m.version('detente-client')")
	if out, err := probe.CombinedOutput(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but .venv lacks the Python client's tools (make test-deps): %v\n%s", err, out)
		}
		t.Skipf(".venv lacks the Python client's tools (make test-deps): %v", err)
	}
	pyEnv := func(extra ...string) []string {
		return append(append(os.Environ(), "PYTHONPATH="+pkg, "PYTHONDONTWRITEBYTECODE=1", "NO_COLOR=1"), extra...)
	}
	run := func(t *testing.T, env []string, args ...string) {
		t.Helper()
		cmd := exec.Command(python, args...)
		cmd.Dir, cmd.Env = pkg, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, tail(string(out), 12000))
		}
		t.Logf("%s:\n%s", strings.Join(args, " "), tail(string(out), 2000))
	}

	t.Run("static", func(t *testing.T) {
		cache := filepath.Join(t.TempDir(), "mypy")
		mypy := []string{"-m", "mypy", "--cache-dir", cache, "--no-color-output"}
		for _, tc := range []struct {
			name string
			args []string
		}{
			{"mypy-generated", append(slices.Clone(mypy), "detente_api_client", "tests/workflow_generated.py")},
			// silent: the generated modules it imports are checked by
			// the case above, with the defaults, not with --strict.
			{"mypy-strict", append(slices.Clone(mypy), "--strict", "--follow-imports=silent", "detente", "tests/test_detente.py", "tests/test_retry.py")},
			// pyproject.toml's rules; the generated client is excluded.
			{"ruff", []string{"-m", "ruff", "check", "--no-cache", "."}},
			{"ruff-format", []string{"-m", "ruff", "format", "--check", "--no-cache", "."}},
		} {
			t.Run(tc.name, func(t *testing.T) { run(t, pyEnv(), tc.args...) })
		}
	})

	stores := []string{"embedded"}
	switch {
	case os.Getenv("NEO4J_URI") != "":
		stores = append(stores, "neo4j")
	case os.Getenv("CI") == "true":
		t.Fatal("CI=true but NEO4J_URI is unset: the Python client must run against Neo4j too")
	}
	for _, store := range stores {
		t.Run(store, func(t *testing.T) {
			const key = "python-client-admin-key"
			env := []string{"DETENTE_API_KEYS=admin:" + key}
			if store == "neo4j" {
				env = append(env, "NEO4J_URI="+os.Getenv("NEO4J_URI"))
				holdNeo4j(t)
			}
			// A fresh store, seeded by serve; no rate limit: the tests
			// page with small pages on purpose.
			p := startServe(t, env, "--data", t.TempDir(), "--rate-limit", "0")
			// One server for both, the workflow first: each checks what it
			// wrote itself and compares the rest with answers read in the
			// same test, so neither depends on the other's writes.
			t.Run("workflow-generated", func(t *testing.T) {
				run(t, pyEnv(), "tests/workflow_generated.py", p.base, key)
			})
			t.Run("pytest-analyst", func(t *testing.T) {
				run(t, pyEnv("DETENTE_URL="+p.base, "DETENTE_API_KEY="+key),
					"-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_detente.py")
			})
			if store != "embedded" {
				return // the rate limit is the API's, above the store: once is enough
			}
			// The client's retries against a server that does limit: one
			// request a second, bursts of one.
			limited := startServe(t, env, "--data", t.TempDir(), "--rate-limit", "1", "--rate-burst", "1")
			t.Run("pytest-retries", func(t *testing.T) {
				run(t, pyEnv("DETENTE_LIMITED_URL="+limited.base, "DETENTE_API_KEY="+key),
					"-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_retry.py")
			})
		})
	}
}
