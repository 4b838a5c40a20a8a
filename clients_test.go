package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestGeneratedTypeScriptClients (issue 16): the TypeScript clients that
// the common generators make from the served /openapi.json with their
// default settings compile with tsc --strict and drive the real server
// through a workflow (clients/typescript: list with paging, create, read,
// update with If-Match, paths in every mode, influence paged, mediators,
// blocs, balance, the graph in every format read as its own type,
// import, export, delete), on the embedded store and on Neo4j. A client
// that does not compile, or a call that fails, is a fault of the
// description or the server, never of the workflow. The generators and
// tsc come from clients/typescript/node_modules (make test-deps); without
// them, or without NEO4J_URI, the test skips, except under CI=true, where
// it fails.
func TestGeneratedTypeScriptClients(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not generating clients")
	}
	src, err := filepath.Abs("clients/typescript")
	if err != nil {
		t.Fatal(err)
	}
	modules := filepath.Join(src, "node_modules")
	node, err := exec.LookPath("node")
	if err != nil {
		clientToolMissing(t, "node (Node.js)")
	}
	bin := func(name string) string {
		p := filepath.Join(modules, ".bin", name)
		if _, err := os.Stat(p); err != nil {
			clientToolMissing(t, p)
		}
		return p
	}
	tsc := bin("tsc")
	// Each generator with its default settings: only input and output.
	clients := []struct {
		name     string
		workflow string   // in clients/typescript
		prefix   string   // of the ids the workflow creates: the clients share the server
		generate []string // run in the client's directory, on openapi.json
	}{
		{"openapi-typescript+openapi-fetch", "openapi-fetch.ts", "ts-fetch", []string{bin("openapi-typescript"), "openapi.json", "-o", "schema.d.ts"}},
		{"hey-api", "hey-api.ts", "ts-hey", []string{bin("openapi-ts"), "-i", "openapi.json", "-o", "hey"}},
	}
	stores := []string{"embedded"}
	switch {
	case os.Getenv("NEO4J_URI") != "":
		stores = append(stores, "neo4j")
	case os.Getenv("CI") == "true":
		t.Fatal("CI=true but NEO4J_URI is unset: the generated clients must run against Neo4j too")
	}
	for _, store := range stores {
		t.Run(store, func(t *testing.T) {
			const key = "typescript-admin-key"
			env := []string{"DETENTE_API_KEYS=admin:" + key}
			if store == "neo4j" {
				env = append(env, "NEO4J_URI="+os.Getenv("NEO4J_URI"))
				holdNeo4j(t) // the test database, wiped, to this test alone
			}
			p := startServe(t, env, "--data", t.TempDir(), "--rate-limit", "0")
			spec := fetchSpec(t, p.base+"/openapi.json")
			for _, c := range clients {
				t.Run(c.name, func(t *testing.T) {
					dir := t.TempDir()
					// The workflow and its helpers, the packages, the
					// description; CommonJS, as the generated SDK's
					// extensionless imports need.
					for _, f := range []string{c.workflow, "check.ts"} {
						copyFile(t, filepath.Join(src, f), filepath.Join(dir, f))
					}
					if err := os.Symlink(modules, filepath.Join(dir, "node_modules")); err != nil {
						t.Fatal(err)
					}
					writeFile(t, filepath.Join(dir, "package.json"), []byte(`{"private": true, "type": "commonjs"}`+"\n"))
					writeFile(t, filepath.Join(dir, "openapi.json"), spec)
					runIn(t, dir, c.generate[0], c.generate[1:]...)
					runIn(t, dir, tsc, "--strict", "--noEmit", "false", "--target", "es2022", "--module", "nodenext",
						"--moduleResolution", "nodenext", "--types", "node", "--outDir", "out", c.workflow)
					js := filepath.Join("out", strings.TrimSuffix(c.workflow, ".ts")+".js")
					out := runIn(t, dir, node, js, p.base, key, c.prefix)
					if !strings.Contains(out, "workflow passed") {
						t.Fatalf("the workflow did not finish:\n%s", out)
					}
				})
			}
		})
	}
}

func clientToolMissing(t *testing.T, what string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true but %s is missing: run make test-deps", what)
	}
	t.Skipf("%s is missing (make test-deps)", what)
}

// runIn runs a tool in dir and returns its output; it fails the test,
// with the output, when the tool fails.
func runIn(t *testing.T, dir, bin string, args ...string) string {
	t.Helper()
	// A bound against a hung tool, not a speed requirement.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(bin), strings.Join(args, " "), err, tail(string(out), 8000))
	}
	return string(out)
}

func fetchSpec(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK || !bytes.HasPrefix(bytes.TrimSpace(b), []byte("{")) {
		t.Fatalf("GET %s: %d, %v", url, resp.StatusCode, err)
	}
	return b
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, b)
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
