package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/memstore"
	"github.com/detente/detente/ingest"
)

// TestIngestCommand runs the built binary: detente ingest on the shipped
// scenario with a small GDELT sample between its actors' countries (USA,
// IRN, OMN, ISR; gzipped, as GDELT publishes them), then again (nothing
// changes), then as aggregate rows (nothing changes either), then on a
// file of the wrong format. Afterwards a path query on
// the store answers with a derived tie citing its events.
func TestIngestCommand(t *testing.T) {
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	run := func(args ...string) (string, string, error) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "NEO4J_URI=")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		return out.String(), errb.String(), err
	}
	if out, errs, err := run("seed", "--data", data); err != nil {
		t.Fatalf("seed: %v\n%s%s", err, out, errs)
	}
	sample, err := os.ReadFile("ingest/testdata/gdelt2-valid.tsv")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "20250412.export.CSV.gz")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(sample)
	zw.Close()
	if err := os.WriteFile(file, gz.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}

	out, errs, err := run("ingest", "--format", "gdelt", "--data", data, file)
	if err != nil {
		t.Fatalf("ingest: %v\n%s%s", err, out, errs)
	}
	var sum struct {
		Events, New, Duplicates, Skipped int
		Relationships                    map[string]int
		Unresolved                       []struct {
			Code    string
			Count   int
			Example string
		}
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary: %v\n%s", err, out)
	}
	if sum.Events != 8 || sum.New != 8 || sum.Relationships["created"] != 3 || len(sum.Unresolved) != 1 || sum.Unresolved[0].Code != "IRNOPP" {
		t.Errorf("summary %+v", sum)
	}
	if !strings.Contains(errs, "8 rows read") || !strings.Contains(errs, "rows/s") {
		t.Errorf("no progress on stderr: %s", errs)
	}
	first, _, err := run("export", "--data", data)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(first, `"evt-gdelt--iran--negotiates_with--united-states--2025-04-05"`) ||
		!strings.Contains(first, "https://www.reuters.example/world/talks-muscat") {
		t.Error("the export lacks the derived tie or its citation")
	}
	if out, errs, err := run("ingest", "--format", "gdelt", "--data", data, file); err != nil || !strings.Contains(out, `"unchanged": 3`) {
		t.Fatalf("second ingest: %v\n%s%s", err, out, errs)
	}
	if again, _, _ := run("export", "--data", data); again != first {
		t.Error("ingesting the same file again changed the export")
	}
	// The same events pre-aggregated (by bench/aggregate_gdelt.py): the
	// same ties, so nothing changes either.
	if out, errs, err := run("ingest", "--format", "aggregate", "--data", data, "ingest/testdata/gdelt2-valid.aggregate.tsv"); err != nil || !strings.Contains(out, `"unchanged": 3`) {
		t.Fatalf("ingest of the aggregate rows: %v\n%s%s", err, out, errs)
	}
	if again, _, _ := run("export", "--data", data); again != first {
		t.Error("ingesting the same events as aggregate rows changed the export")
	}
	if _, errs, err := run("ingest", "--format", "gdelt1", "--data", data, file); err == nil || !strings.Contains(errs, "--format gdelt") {
		t.Errorf("wrong format: %v %s", err, errs)
	}
	if _, errs, err := run("ingest", "--data", data, file); err == nil || !strings.Contains(errs, "Usage: detente ingest") {
		t.Errorf("no format: %v %s", err, errs)
	}

	// The store, now that no process holds it: a path answer cites events.
	d, err := memstore.Open(filepath.Join(data, "detente.db"))
	if err != nil {
		t.Fatal(err)
	}
	s := graph.NewStore(d)
	defer s.Close()
	asOf := graph.Date{Year: 2025, Month: 4, Day: 12}
	paths, err := s.Paths(context.Background(), graph.PathQuery{From: "oman", To: "united-states", Mode: graph.ModeAll,
		MaxHops: 2, AsOf: &asOf, Types: []string{"mediates", "negotiates_with"}})
	if err != nil {
		t.Fatal(err)
	}
	cited := false
	for _, p := range paths {
		for _, r := range p.Relationships {
			if ingest.IsDerived(&r) && len(r.Sources) > 0 {
				if ev, ok := ingest.ParseEvidence(r.Note); ok && ev.EventCount > 0 {
					cited = true
				}
			}
		}
	}
	if !cited {
		t.Errorf("no path from oman to united-states cites events: %d paths", len(paths))
	}
}
