package viz_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/viz"
)

// TestStreamedFormatsKeepTheirBytes: every format is written element by
// element (elementSeq, jsonList) and must stay byte for byte what the
// writers built as one document before (issue 15): testdata/stream.sums
// holds the SHA-256 of each format for the scenario graph plain, laid
// out, with a series, and empty, as those whole-document writers
// produced them (go test ./viz/ -run TestStreamedFormatsKeepTheirBytes
// -update rewrites it; only do so for a deliberate change of format).
func TestStreamedFormatsKeepTheirBytes(t *testing.T) {
	plain := scenarioGraph(t)
	laid := scenarioGraph(t)
	laid.Positions = viz.ForceLayout(laid.Actors, laid.Relationships)
	series := scenarioGraph(t)
	day := func(y int) graph.Date { return graph.DateOf(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)) }
	series.Series = &viz.Series{Name: "pagerank", Days: []graph.Date{day(2020), day(2021)},
		Values: []map[string]float64{{"iran": 0.25}, {"iran": 0.5, "oman": 0.125}}, End: day(2022)}
	empty := viz.Graph{Types: plain.Types, Actors: []graph.Actor{}, Relationships: []graph.Relationship{}}
	var lines []string
	for _, g := range []struct {
		name string
		g    viz.Graph
	}{{"plain", plain}, {"laid-out", laid}, {"series", series}, {"empty", empty}} {
		for _, format := range viz.Formats() {
			sum := sha256.Sum256(write(t, format, g.g))
			lines = append(lines, g.name+" "+format+" "+hex.EncodeToString(sum[:]))
		}
	}
	got := strings.Join(lines, "\n") + "\n"
	path := filepath.Join("testdata", "stream.sums")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal([]byte(got), want) {
		t.Errorf("the XML formats changed:\n got %s\nwant %s", got, want)
	}
}
