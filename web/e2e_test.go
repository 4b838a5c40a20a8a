package web_test

// TestExplorerInBrowser runs the page's browser test (web/test/e2e.test.mjs):
// headless Chromium, driven by playwright-core, loads the page and uses it.
// Here it runs against the test's fake API (web/test/fake-api.mjs), which
// serves these very files and answers from the shipped scenario, so the
// page is tested whether or not the server's routes are in place; with
// DETENTE_URL set it runs against that live server instead.
//
// It needs Node, `npm ci --prefix web/test` and Chromium (apt-get install
// -y chromium; CHROMIUM names another binary). Without them it skips,
// except under CI=true, where a missing tool fails the test.

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

func TestExplorerInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: not in -short mode")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	node, err := exec.LookPath("node")
	if err != nil {
		node = "node (not on PATH)"
	}
	for _, tool := range []struct{ what, path, install string }{
		{"Node.js", node, "apt-get install -y nodejs npm"},
		{"playwright-core", filepath.Join(root, "web/test/node_modules/playwright-core"), "npm ci --prefix web/test"},
		{"Chromium", chromium, "apt-get update && apt-get install -y chromium"},
	} {
		if _, err := os.Stat(tool.path); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is missing (%s) and CI=true: install it with `%s`", tool.what, tool.path, tool.install)
			}
			t.Skipf("%s is missing (%s); install it with `%s`", tool.what, tool.path, tool.install)
		}
	}
	ctx, cancel := context.WithTimeout(t.Context(), 8*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "--test", "--test-reporter=spec", "web/test/e2e.test.mjs")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	out, err := cmd.CombinedOutput()
	t.Logf("node --test web/test/e2e.test.mjs:\n%s", out)
	if err != nil {
		t.Fatalf("browser test: %v", err)
	}
}
