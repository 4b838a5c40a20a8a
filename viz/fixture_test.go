package viz_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the committed fixtures from the current writers")

// The explorer page's browser test runs against a fake API that serves the
// shipped scenario from web/test/fixtures/scenario.cytoscape.json, so the
// fixture must be exactly what viz writes for the scenario: this test keeps
// it so (go test ./viz/ -run TestScenarioFixture -update rewrites it).
func TestScenarioFixture(t *testing.T) {
	path := filepath.Join(repoRoot(t), "web/test/fixtures/scenario.cytoscape.json")
	got := write(t, "cytoscape", scenarioGraph(t))
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./viz/ -run TestScenarioFixture -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not what viz writes for the scenario: run go test ./viz/ -run TestScenarioFixture -update", path)
	}
}
