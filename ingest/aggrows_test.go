package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// aggregateRef is the reference writer of the aggregate format: it reads
// GDELT events and groups them as AggregateColumns documents, in Go, so
// that the test does not need DuckDB (bench/aggregate_gdelt.py is the
// same grouping in SQL).
func aggregateRef(tb testing.TB, f Format, r io.Reader) []byte {
	tb.Helper()
	rd, err := NewReader(f, r, ReaderOptions{Latest: testLatest})
	if err != nil {
		tb.Fatal(err)
	}
	type group struct {
		key            []string
		events, maxSrc int
		absSum         float64
		hosts          map[string]bool
		ids            []string
		best           map[string]aggCite // by URL (by id without one)
	}
	groups := map[string]*group{}
	for {
		ev, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		key := []string{string(f), fmt.Sprintf("%04d%02d%02d", ev.Date.Year, int(ev.Date.Month), ev.Date.Day)}
		for _, a := range []Actor{ev.Actor1, ev.Actor2} {
			key = append(key, gdeltColumnsOf(a)...)
		}
		key = append(key, ev.Code)
		k := strings.Join(key, "\t")
		g := groups[k]
		if g == nil {
			g = &group{key: key, hosts: map[string]bool{}, best: map[string]aggCite{}}
			groups[k] = g
		}
		g.events++
		g.absSum += abs(ev.Score)
		g.maxSrc = max(g.maxSrc, ev.Sources)
		if h := host(ev.URL); h != "" {
			g.hosts[h] = true
		}
		g.ids = append(g.ids, ev.SourceID)
		u := ev.URL
		if u == "" {
			u = "id:" + ev.SourceID
		}
		c := aggCite{mentions: ev.Mentions, id: ev.SourceID, url: ev.URL}
		if b, ok := g.best[u]; !ok || c.mentions > b.mentions || (c.mentions == b.mentions && c.id < b.id) {
			g.best[u] = c
		}
	}
	var out bytes.Buffer
	out.WriteString(strings.Join(AggregateColumns, "\t") + "\n")
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		g := groups[k]
		hosts := make([]string, 0, len(g.hosts))
		for h := range g.hosts {
			hosts = append(hosts, h)
		}
		sort.Strings(hosts)
		sort.Strings(g.ids)
		cites := make([]aggCite, 0, len(g.best))
		for _, c := range g.best {
			cites = append(cites, c)
		}
		sort.Slice(cites, func(i, j int) bool {
			a, b := cites[i], cites[j]
			if a.mentions != b.mentions {
				return a.mentions > b.mentions
			}
			if a.url != b.url {
				return a.url < b.url
			}
			return a.id < b.id
		})
		citeJSON := make([][]any, 0, 5)
		for _, c := range cites[:min(5, len(cites))] {
			citeJSON = append(citeJSON, []any{c.mentions, c.id, c.url})
		}
		hj, _ := json.Marshal(hosts)
		ij, _ := json.Marshal(g.ids[:min(10, len(g.ids))])
		cj, _ := json.Marshal(citeJSON)
		fmt.Fprintf(&out, "%s\t%d\t%g\t%d\t%s\t%s\t%s\n", k, g.events, g.absSum, g.maxSrc, hj, ij, cj)
	}
	return out.Bytes()
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// gdeltColumnsOf are the GDELT actor columns an Actor was read from, for
// the generated rows (which code no known group): code, name, country,
// known group, type1.
func gdeltColumnsOf(a Actor) []string {
	if a.Empty() {
		return []string{"", "", "", "", ""}
	}
	type1 := ""
	if strings.HasPrefix(a.Code, a.Country) && len(a.Code) > len(a.Country) {
		type1 = a.Code[len(a.Country):]
	}
	return []string{a.Code, a.Name, a.Country, "", type1}
}

// derivedSummary is what an aggregate run and an event run must agree on.
func derivedSummary(s Summary) Summary {
	s.New, s.Duplicates, s.Errors = 0, 0, nil
	for _, l := range []*[]Tally{&s.Unresolved, &s.Unmapped} {
		for i := range *l {
			(*l)[i].Example = ""
		}
	}
	return s
}

// duckdbPython is a Python with duckdb, or "" (DETENTE_PYTHON, else the
// repository's .venv).
func duckdbPython() string {
	for _, py := range []string{os.Getenv("DETENTE_PYTHON"), filepath.Join("..", ".venv", "bin", "python")} {
		if py != "" && exec.Command(py, "-c", "import duckdb").Run() == nil {
			return py
		}
	}
	return ""
}

// TestAggregateSameTies: the same GDELT events, ingested as events and as
// aggregate rows (grouped by the Go reference and, when a Python with
// duckdb is at hand, by DuckDB with bench/aggregate_gdelt.py), give the
// same relationships — ids, dates, weights, confidences, sources, notes —
// and the same counts.
func TestAggregateSameTies(t *testing.T) {
	dir := t.TempDir()
	var gdelt bytes.Buffer
	st := newGDELTStream(20_000)
	st.unique, st.sharedURLs = true, true
	if _, err := io.Copy(&gdelt, st); err != nil {
		t.Fatal(err)
	}
	var dense bytes.Buffer // ~20 events a group: the samples are cut
	st = newGDELTStream(20_000)
	st.unique, st.sharedURLs, st.days = true, true, 20
	if _, err := io.Copy(&dense, st); err != nil {
		t.Fatal(err)
	}
	valid, _ := os.ReadFile(filepath.Join("testdata", "gdelt2-valid.tsv"))
	files := map[string][]byte{"generated": gdelt.Bytes(), "dense": dense.Bytes(), "sample": valid}
	for _, name := range []string{"generated", "dense", "sample"} {
		t.Run(name, func(t *testing.T) {
			src := filepath.Join(dir, name+".tsv")
			if err := os.WriteFile(src, files[name], 0o644); err != nil {
				t.Fatal(err)
			}
			direct := seeded(t)
			want, err := Run(context.Background(), direct, []Input{{Name: name, R: bytes.NewReader(files[name])}}, Options{Format: GDELT, Latest: testLatest})
			if err != nil {
				t.Fatal(err)
			}
			if want.Folded == 0 {
				t.Fatal("nothing folded: the test tests nothing")
			}
			aggs := map[string][]byte{"go": aggregateRef(t, GDELT, bytes.NewReader(files[name]))}
			if py := duckdbPython(); py != "" {
				out := filepath.Join(dir, name+"-duckdb.tsv")
				cmd := exec.Command(py, filepath.Join("..", "bench", "aggregate_gdelt.py"), out, src)
				if b, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("aggregate_gdelt.py: %v\n%s", err, b)
				}
				aggs["duckdb"], _ = os.ReadFile(out)
			} else if os.Getenv("CI") == "true" {
				t.Fatal("CI=true but no Python with duckdb (DETENTE_PYTHON, ../.venv; make test-deps)")
			} else {
				t.Log("no Python with duckdb (DETENTE_PYTHON, ../.venv): the DuckDB grouping is not checked")
			}
			for by, agg := range aggs {
				t.Run(by, func(t *testing.T) {
					s := seeded(t)
					got, err := Run(context.Background(), s, []Input{{Name: "agg", R: bytes.NewReader(agg)}}, Options{Format: Aggregate, Latest: testLatest})
					if err != nil {
						t.Fatal(err)
					}
					if diff := cmp.Diff(derivedSummary(want), derivedSummary(got)); diff != "" {
						t.Errorf("summary (-events +aggregate):\n%s", diff)
					}
					a, b := derived(t, direct), derived(t, s)
					if len(a) != len(b) {
						t.Fatalf("%d relationships from events, %d from aggregate rows", len(a), len(b))
					}
					ids := make([]string, 0, len(a))
					for id := range a {
						ids = append(ids, id)
					}
					slices.Sort(ids)
					for _, id := range ids {
						if diff := cmp.Diff(a[id], b[id]); diff != "" {
							t.Fatalf("relationship %s (-events +aggregate):\n%s", id, diff)
						}
					}
					t.Logf("%d aggregate rows gave the %d relationships of %d events", bytes.Count(agg, []byte("\n"))-1, len(a), want.Events)
				})
			}
		})
	}
}

// TestAggregateRowsRefused: a malformed aggregate row is refused naming
// its line and column, and a file without the header at once.
func TestAggregateRowsRefused(t *testing.T) {
	head := strings.Join(AggregateColumns, "\t") + "\n"
	row := func(edit func(f []string)) string {
		f := []string{"gdelt", "20250405", "USAGOV", "UNITED STATES", "USA", "", "GOV", "IRNGOV", "IRAN", "IRN", "", "GOV", "036", "2", "8", "2",
			`["a.example"]`, `["1","2"]`, `[[3,"1","https://a.example/x"]]`}
		edit(f)
		return strings.Join(f, "\t") + "\n"
	}
	cases := []struct {
		name, file, column string
	}{
		{"format", head + row(func(f []string) { f[0] = "icews" }), "format"},
		{"day", head + row(func(f []string) { f[1] = "20251341" }), "day"},
		{"code", head + row(func(f []string) { f[12] = "36x" }), "event_code"},
		{"events", head + row(func(f []string) { f[13] = "0" }), "events"},
		{"score sum", head + row(func(f []string) { f[14] = "21" }), "goldstein_abs_sum"},
		{"ids", head + row(func(f []string) { f[17] = `[]` }), "event_ids"},
		{"cites", head + row(func(f []string) { f[18] = `[[3,"1"]]` }), "cites"},
		{"country", head + row(func(f []string) { f[4] = "usa" }), "actor1_country"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Run(context.Background(), seeded(t), []Input{{Name: "agg", R: strings.NewReader(c.file)}}, Options{Format: Aggregate, Strict: true, Latest: testLatest})
			var re *RowError
			if !errors.As(err, &re) || re.Line != 2 || re.Column != c.column {
				t.Errorf("got %v, want a row error at line 2, column %s", err, c.column)
			}
		})
	}
	_, err := Run(context.Background(), seeded(t), []Input{{Name: "agg", R: strings.NewReader(row(func([]string) {}))}}, Options{Format: Aggregate, Latest: testLatest})
	var fe *FormatError
	if !errors.As(err, &fe) {
		t.Errorf("no header: got %v, want a FormatError", err)
	}
}
