package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ingestRows is how many generated GDELT rows the ingest part reads (the
// target: 10^6 on the embedded store within 60 s and 1 GiB).
const ingestRows = 1_000_000

// benchCountries are countries of the shipped scenario's states and
// others (which stay unresolved), as in package ingest's generator.
var benchCountries = []string{"USA", "IRN", "ISR", "RUS", "CHN", "FRA", "DEU", "GBR", "SAU", "IRQ", "OMN", "QAT", "DZA", "CHE",
	"SYR", "LBN", "YEM", "TUR", "EGY", "JOR", "ARE", "PAK", "IND", "JPN", "KOR", "BRA", "ZAF", "NGA", "UKR", "AFG"}

var benchCodes = []string{"036", "046", "045", "051", "057", "0256", "062", "071", "072", "111", "112", "120", "129",
	"1312", "138", "163", "190", "195", "010", "042", "043", "191", "173"}

// writeGDELT writes n GDELT 2.0 rows (61 columns, no header) over 540
// days of 2024-2025, ids distinct, to path.
func writeGDELT(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	rng := rand.New(rand.NewPCG(7, 11))
	c := make([]string, 61)
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 1; i <= n; i++ {
		for j := range c {
			c[j] = ""
		}
		d := start.AddDate(0, 0, rng.IntN(540))
		a1, a2 := benchCountries[rng.IntN(len(benchCountries))], benchCountries[rng.IntN(len(benchCountries))]
		code := benchCodes[rng.IntN(len(benchCodes))]
		id := 1_200_000_000 + i
		c[0], c[1] = fmt.Sprint(id), d.Format("20060102")
		c[2], c[3], c[4] = c[1][:6], c[1][:4], c[1][:4]+".5"
		c[5], c[6], c[7], c[12] = a1+"GOV", "COUNTRY "+a1, a1, "GOV"
		c[15], c[16], c[17] = a2, "COUNTRY "+a2, a2
		base := code
		if len(base) > 3 {
			base = base[:3]
		}
		c[25], c[26], c[27], c[28] = "1", code, base, code[:2]
		c[29] = "1"
		if code[:2] >= "10" {
			c[29] = "3"
		}
		c[30] = fmt.Sprintf("%.1f", rng.Float64()*20-10)
		c[31], c[32], c[33], c[34] = fmt.Sprint(1+rng.IntN(50)), fmt.Sprint(1+rng.IntN(5)), "3", "-2.1"
		c[59] = c[1] + "081500"
		c[60] = fmt.Sprintf("https://site%d.example/news/%d", rng.IntN(200), id)
		w.WriteString(strings.Join(c, "\t"))
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// ingestSummary is what the part reads of detente ingest's answer.
type ingestSummary struct {
	Events        int `json:"events"`
	Folded        int `json:"folded"`
	Relationships struct {
		Created int `json:"created"`
	} `json:"relationships"`
}

// lastJSON decodes the last JSON object of out that starts a line: the
// summary detente ingest prints (indented) to stdout, or the peer's line
// (stdout and stderr share the captured output; what follows the object,
// the closing stderr line, is not read).
func lastJSON(out string, v any) error {
	i := strings.LastIndex("\n"+out, "\n{")
	if i < 0 {
		return fmt.Errorf("no JSON object in %s", tail(out, 500))
	}
	return json.NewDecoder(strings.NewReader(out[i:])).Decode(v)
}

// benchIngest: detente ingest of 10^6 generated GDELT rows into a seeded
// embedded store, against DuckDB doing the aggregation of the same file
// (bench/aggregate_gdelt.py: read_csv + GROUP BY into the aggregate
// format), and detente ingest --format aggregate of DuckDB's output.
func benchIngest(ctx context.Context, r *Report, cfg *config) {
	sec := r.section("9. Event ingest: `detente ingest` vs DuckDB",
		fmt.Sprintf("%d generated GDELT 2.0 rows (61 columns, 540 days, 30 countries, 23 CAMEO codes; package ingest's generator) in one TSV file. "+
			"`detente ingest --format gdelt` into a freshly seeded embedded store (read, resolve, map, sort by id on disk, fold, write the ties, store every event). "+
			"The peer is DuckDB (Python package, bench/aggregate_gdelt.py): read_csv of the same file and the GROUP BY that writes the aggregate format "+
			"(day, actor pair, code; counts, |Goldstein| sums, hosts, sampled ids and citations), timed inside Python, the interpreter's start excluded. "+
			"Then `detente ingest --format aggregate` of DuckDB's rows into another fresh store: the same ties (TestAggregateSameTies), no events stored. "+
			"Wall time of each process; peak RSS its VmHWM.", ingestRows),
		"run", "rows", "wall", "rows/s", "peak RSS", "ties created")
	dir := filepath.Join(cfg.work, "ingest")
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		r.problem("ingest: %v", err)
		return
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, "gdelt.tsv")
	t0 := time.Now()
	if err := writeGDELT(src, ingestRows); err != nil {
		r.problem("ingest: writing the GDELT file: %v", err)
		return
	}
	st, _ := os.Stat(src)
	logf("ingest: %d rows, %d MiB written in %s", ingestRows, st.Size()>>20, time.Since(t0).Round(time.Millisecond))

	ingestInto := func(name, format, file string) (procRun, ingestSummary, error) {
		data := filepath.Join(dir, "data-"+name)
		if _, err := runProc(cfg.bin, serveEnv(""), 5*time.Minute, "seed", "--data", data); err != nil {
			return procRun{}, ingestSummary{}, err
		}
		p, err := runProc(cfg.bin, serveEnv(""), 10*time.Minute, "ingest", "--format", format, "--data", data, file)
		var sum ingestSummary
		if err == nil {
			err = lastJSON(p.Output, &sum)
		}
		return p, sum, err
	}
	mib := func(b int64) string { return fmt.Sprintf("%d MiB", b>>20) }
	rate := func(rows int, d time.Duration) string { return fmt.Sprintf("%.0f", float64(rows)/d.Seconds()) }

	direct, dsum, err := ingestInto("events", "gdelt", src)
	if err != nil {
		r.problem("ingest: detente ingest: %v", err)
		return
	}
	sec.row("`detente ingest --format gdelt`", fmt.Sprint(dsum.Events), ms(direct.Wall), rate(dsum.Events, direct.Wall), mib(direct.MaxRSS), fmt.Sprint(dsum.Relationships.Created))
	logf("ingest: detente %s, %s rows/s, RSS %s", ms(direct.Wall), rate(dsum.Events, direct.Wall), mib(direct.MaxRSS))

	agg := filepath.Join(dir, "aggregate.tsv")
	peer, err := runProc(cfg.python, os.Environ(), 10*time.Minute, filepath.Join(filepath.Dir(cfg.peers), "aggregate_gdelt.py"), agg, src)
	var duck struct {
		RowsIn  int     `json:"rows_in"`
		RowsOut int     `json:"rows_out"`
		Seconds float64 `json:"seconds"`
	}
	if err == nil {
		err = lastJSON(peer.Output, &duck)
	}
	if err != nil {
		r.problem("ingest: DuckDB (needs duckdb in %s: make test-deps): %v", cfg.python, err)
		return
	}
	dd := time.Duration(duck.Seconds * float64(time.Second))
	sec.row("DuckDB read_csv + GROUP BY to the aggregate format (peer)", fmt.Sprint(duck.RowsIn), ms(dd), rate(duck.RowsIn, dd), mib(peer.MaxRSS)+" (process)", fmt.Sprintf("%d rows out", duck.RowsOut))

	aggRun, asum, err := ingestInto("aggregate", "aggregate", agg)
	if err != nil {
		r.problem("ingest: detente ingest --format aggregate: %v", err)
		return
	}
	sec.row("`detente ingest --format aggregate` of DuckDB's rows", fmt.Sprint(duck.RowsOut), ms(aggRun.Wall), rate(duck.RowsOut, aggRun.Wall), mib(aggRun.MaxRSS), fmt.Sprint(asum.Relationships.Created))
	both := dd + aggRun.Wall
	sec.row("DuckDB + `detente ingest --format aggregate`", fmt.Sprint(duck.RowsIn), ms(both), rate(duck.RowsIn, both), "", fmt.Sprint(asum.Relationships.Created))
	sec.note("detente ingest takes %.1f× DuckDB's time for the aggregation alone (which stores nothing and resolves no actors); "+
		"the DuckDB route (aggregate, then fold the rows) takes %.2f× the direct ingest.", ratio(direct.Wall, dd), ratio(both, direct.Wall))
	if asum.Relationships.Created != dsum.Relationships.Created {
		r.problem("ingest: %d ties from the events, %d from DuckDB's aggregate rows", dsum.Relationships.Created, asum.Relationships.Created)
	}
	r.target("9", fmt.Sprintf("`detente ingest` of %d GDELT rows, embedded store", ingestRows),
		fmt.Sprintf("%s (%s rows/s), peak RSS %s", ms(direct.Wall), rate(dsum.Events, direct.Wall), mib(direct.MaxRSS)),
		fmt.Sprintf("DuckDB GROUP BY %s (%.1f×)", ms(dd), ratio(direct.Wall, dd)), "≤ 60 s, ≤ 1 GiB",
		direct.Wall <= time.Minute && direct.MaxRSS <= 1<<30)
}
