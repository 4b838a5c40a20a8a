package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/detente/detente/graph"
)

// gdeltStream generates GDELT 2.0 rows on the fly, to the column spec,
// between the seed's countries and others, so that a large file is read
// without being held anywhere.
type gdeltStream struct {
	rows, n int
	// unique: no duplicate ids; sharedURLs: an URL cited by up to 20
	// events (TestAggregateSameTies).
	unique, sharedURLs bool
	days               int // the span of dates; 0: 540
	rng                *rand.Rand
	buf                bytes.Buffer
	cols               []string
}

var streamCountries = []string{"USA", "IRN", "ISR", "RUS", "CHN", "FRA", "DEU", "GBR", "SAU", "IRQ", "OMN", "QAT", "DZA", "CHE",
	"SYR", "LBN", "YEM", "TUR", "EGY", "JOR", "ARE", "PAK", "IND", "JPN", "KOR", "BRA", "ZAF", "NGA", "UKR", "AFG"}

var streamCodes = []string{"036", "046", "045", "051", "057", "0256", "062", "071", "072", "111", "112", "120", "129",
	"1312", "138", "163", "190", "195", "010", "042", "043", "191", "173"}

func newGDELTStream(rows int) *gdeltStream {
	return &gdeltStream{rows: rows, rng: rand.New(rand.NewPCG(7, 11)), cols: make([]string, len(gdelt2Columns))}
}

func (g *gdeltStream) Read(p []byte) (int, error) {
	for g.buf.Len() < len(p) && g.n < g.rows {
		g.row()
	}
	if g.buf.Len() == 0 {
		return 0, io.EOF
	}
	return g.buf.Read(p)
}

func (g *gdeltStream) row() {
	g.n++
	c := g.cols
	for i := range c {
		c[i] = ""
	}
	days := 540
	if g.days > 0 {
		days = g.days
	}
	d := graph.DateOf(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.rng.IntN(days)))
	a1, a2 := streamCountries[g.rng.IntN(len(streamCountries))], streamCountries[g.rng.IntN(len(streamCountries))]
	if g.days > 0 && g.days < 30 { // dense: few pairs, many events a day each
		a1, a2 = streamCountries[g.rng.IntN(4)], streamCountries[g.rng.IntN(4)]
	}
	code := streamCodes[g.rng.IntN(len(streamCodes))]
	id := 1_200_000_000 + g.n
	if g.n%1000 == 0 && !g.unique {
		id-- // a duplicate id now and then
	}
	c[0] = fmt.Sprint(id)
	c[1] = fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day)
	c[2], c[3], c[4] = c[1][:6], c[1][:4], c[1][:4]+".5"
	c[5], c[6], c[7], c[12] = a1+"GOV", "COUNTRY "+a1, a1, "GOV"
	c[15], c[16], c[17], c[22] = a2, "COUNTRY "+a2, a2, ""
	c[25], c[26], c[27], c[28] = "1", code, cameoBase(code), code[:2]
	c[29] = "1"
	if code[:2] >= "10" {
		c[29] = "3"
	}
	c[30] = fmt.Sprintf("%.1f", g.rng.Float64()*20-10)
	c[31], c[32], c[33], c[34] = fmt.Sprint(1+g.rng.IntN(50)), fmt.Sprint(1+g.rng.IntN(5)), "3", "-2.1"
	c[59] = c[1] + "081500"
	c[60] = fmt.Sprintf("https://site%d.example/news/%d", g.rng.IntN(200), id)
	if g.sharedURLs {
		c[60] = fmt.Sprintf("https://WWW.site%d.example:443/news/%d", id%7, id%20)
	}
	g.buf.WriteString(strings.Join(c, "\t"))
	g.buf.WriteByte('\n')
}

// TestIngestMemoryBounded ingests 200,000 generated GDELT rows into the
// seeded store and checks that the heap stays under a bound that does not
// depend on how fast the machine is: the reader holds one row, the
// aggregate grows with the ties (here at most 30×29 pairs × types ×
// spells); repeated ids are found by sorting on disk, not with a set. The
// store is a bbolt file, as in production, so that the events it stores
// are not on the heap (they wait in temporary files until then).
func TestIngestMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("200,000 rows")
	}
	const rows = 200_000
	// The reading bound is the ingest's own; the whole run also holds the
	// in-memory store, which grows with the relationships written.
	const readBound, bound = 64 << 20, 128 << 20
	s := seededAt(t, filepath.Join(t.TempDir(), "detente.db"))
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak, readPeak uint64
	sample := func(p Progress) {
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapAlloc)
		if p.Input != "" {
			readPeak = peak
		}
	}
	start := time.Now()
	sum, err := Run(context.Background(), s, []Input{{Name: "generated", R: newGDELTStream(rows)}},
		Options{Format: GDELT, Latest: testLatest, Progress: sample})
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	sample(Progress{})
	if sum.Events != rows || sum.Duplicates != rows/1000 || sum.Skipped != 0 {
		t.Errorf("summary: events %d, duplicates %d, skipped %d", sum.Events, sum.Duplicates, sum.Skipped)
	}
	if sum.Relationships.Created == 0 || sum.Folded == 0 {
		t.Errorf("nothing derived: %+v", sum.Relationships)
	}
	t.Logf("%d rows in %v (%.0f rows/s, reading, folding and writing); %d relationships; peak heap while reading %.1f MiB, "+
		"over the whole run %.1f MiB (the seeded store before: %.1f MiB)",
		rows, elapsed.Round(time.Millisecond), rows/elapsed.Seconds(), sum.Relationships.Created,
		float64(readPeak)/(1<<20), float64(peak)/(1<<20), float64(base)/(1<<20))
	if readPeak > readBound || peak > bound {
		t.Errorf("peak heap %d MiB reading, %d MiB in all; want under %d and %d MiB", readPeak>>20, peak>>20, readBound>>20, bound>>20)
	}
}
