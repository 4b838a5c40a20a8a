package ingest

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/detente/detente/graph"
)

// GDELT event files have no header: a column is known by its position, from
// the GDELT 2.0 Event Database codebook (V2.0, 2015) and the GDELT 1.0
// event codebook (V1.03). GDELT 2.0 has 61 columns; GDELT 1.0 has the same
// first 35, then its three geographies without the ADM2 code (7 columns
// each), DATEADDED (YYYYMMDD) and, in the daily files from 2013-04-01 on,
// SOURCEURL: 58 columns, 57 in the historical back file.
var gdeltActorColumns = []string{"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
	"Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"}

var (
	gdelt2Columns = gdeltColumns(true)
	gdelt1Columns = gdeltColumns(false)
)

func gdeltColumns(v2 bool) []string {
	cols := []string{"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"}
	for _, a := range []string{"Actor1", "Actor2"} {
		for _, c := range gdeltActorColumns {
			cols = append(cols, a+c)
		}
	}
	cols = append(cols, "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
		"GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
	for _, g := range []string{"Actor1Geo_", "Actor2Geo_", "ActionGeo_"} {
		cols = append(cols, g+"Type", g+"FullName", g+"CountryCode", g+"ADM1Code")
		if v2 {
			cols = append(cols, g+"ADM2Code")
		}
		cols = append(cols, g+"Lat", g+"Long", g+"FeatureID")
	}
	return append(cols, "DATEADDED", "SOURCEURL")
}

// Positions of the columns the reader uses (the same in both versions up
// to AvgTone).
const (
	gID         = 0
	gSQLDate    = 1
	gActor1     = 5
	gActor2     = 15
	gEventCode  = 26
	gBaseCode   = 27
	gRootCode   = 28
	gQuadClass  = 29
	gGoldstein  = 30
	gMentions   = 31
	gSources    = 32
	gArticles   = 33
	actorOffset = 0 // Code
	nameOffset  = 1
	ctryOffset  = 2
	groupOffset = 3
	type1Offset = 7
)

// gdeltEarliest: GDELT's back file starts on 1979-01-01.
var gdeltEarliest = graph.Date{Year: 1979, Month: time.January, Day: 1}

type gdeltReader struct {
	f      Format
	l      *lines
	cols   []string // column names, for messages and the count
	alt    int      // a second accepted column count (GDELT 1.0 without SOURCEURL), or 0
	latest graph.Date
	buf    []string
}

func newGDELTReader(f Format, r io.Reader, o ReaderOptions) (Reader, error) {
	g := &gdeltReader{f: f, l: newLines(r), cols: gdelt2Columns, latest: o.Latest}
	if f == GDELT1 {
		g.cols, g.alt = gdelt1Columns, len(gdelt1Columns)-1
	}
	head, err := g.l.probe(probeRows)
	if err != nil {
		return nil, err
	}
	if len(head) == 0 {
		return g, nil // an empty file is an empty stream
	}
	counts := make([]int, len(head))
	for i, s := range head {
		counts[i] = len(splitTabs(s, g.buf[:0]))
		if g.fits(counts[i]) {
			return g, nil
		}
	}
	return nil, &FormatError{Format: f, Msg: fmt.Sprintf("its first rows have %v tab-separated columns, the format has %s%s",
		counts, g.want(), g.hint(counts[0]))}
}

func (g *gdeltReader) fits(n int) bool { return n == len(g.cols) || (g.alt > 0 && n == g.alt) }

func (g *gdeltReader) want() string {
	if g.alt > 0 {
		return fmt.Sprintf("%d or %d", g.alt, len(g.cols))
	}
	return strconv.Itoa(len(g.cols))
}

// hint names the format a column count suggests.
func (g *gdeltReader) hint(n int) string {
	switch {
	case g.f != GDELT && n == len(gdelt2Columns):
		return " (61 columns is GDELT 2.0: --format gdelt)"
	case g.f != GDELT1 && (n == len(gdelt1Columns) || n == len(gdelt1Columns)-1):
		return fmt.Sprintf(" (%d columns is GDELT 1.0: --format gdelt1)", n)
	case n == 1:
		return " (no tabs: is it comma-separated, or JSON?)"
	}
	return ""
}

func (g *gdeltReader) Next() (Event, error) {
	line, no, err := g.l.next()
	if err != nil {
		return Event{}, err
	}
	g.buf = splitTabs(line, g.buf)
	f := g.buf
	if !g.fits(len(f)) {
		return Event{}, &RowError{Line: no, Msg: fmt.Sprintf("%d tab-separated columns, want %s (a tab inside a field?)", len(f), g.want())}
	}
	if e := checkUTF8(line, f, g.cols, no); e != nil {
		return Event{}, e
	}
	bad := func(col int, msg string, args ...any) (Event, error) {
		return Event{}, &RowError{Line: no, Column: g.cols[col], Msg: fmt.Sprintf(msg, args...)}
	}
	ev := Event{SourceID: f[gID], Format: g.f, Line: no}
	if !digits(f[gID]) {
		return bad(gID, "event id %s is not a number", graph.Quote(f[gID]))
	}
	d, ok := parseYMD(f[gSQLDate])
	if !ok {
		return bad(gSQLDate, "%s is not a date of the form YYYYMMDD", graph.Quote(f[gSQLDate]))
	}
	if e := checkDate(d, gdeltEarliest, g.latest, no, g.cols[gSQLDate], f[gSQLDate]); e != nil {
		return Event{}, e
	}
	ev.Date = d
	code := f[gEventCode]
	switch {
	case code == "":
		return bad(gEventCode, "missing")
	case !digits(code) || len(code) < 2 || len(code) > 4:
		return bad(gEventCode, "%s is not a CAMEO event code (2 to 4 digits)", graph.Quote(code))
	case f[gRootCode] != code[:2]:
		return bad(gRootCode, "%s is not the root of EventCode %s", graph.Quote(f[gRootCode]), code)
	case f[gBaseCode] != cameoBase(code):
		return bad(gBaseCode, "%s is not the base of EventCode %s", graph.Quote(f[gBaseCode]), code)
	}
	ev.Code = code
	q, err := strconv.Atoi(f[gQuadClass])
	if err != nil || q < 1 || q > 4 {
		return bad(gQuadClass, "%s is not a quad class 1-4", graph.Quote(f[gQuadClass]))
	}
	ev.Quad = q
	gs, err := strconv.ParseFloat(f[gGoldstein], 64)
	if err != nil || gs < -10 || gs > 10 {
		return bad(gGoldstein, "%s is not a Goldstein score from -10 to 10", graph.Quote(f[gGoldstein]))
	}
	ev.Score, ev.HasScore = gs, true
	for _, c := range []struct {
		col int
		dst *int
	}{{gMentions, &ev.Mentions}, {gSources, &ev.Sources}, {gArticles, nil}} {
		n, err := strconv.Atoi(f[c.col])
		if err != nil || n < 0 {
			return bad(c.col, "%s is not a count", graph.Quote(f[c.col]))
		}
		if c.dst != nil {
			*c.dst = n
		}
	}
	for i, a := range []*Actor{&ev.Actor1, &ev.Actor2} {
		at := gActor1
		if i == 1 {
			at = gActor2
		}
		if c := f[at+ctryOffset]; c != "" && !isCountry(c) {
			return bad(at+ctryOffset, "%s is not a country code (three capital letters)", graph.Quote(c))
		}
		*a = gdeltActor(f[at+actorOffset], f[at+nameOffset], f[at+ctryOffset], f[at+groupOffset], f[at+type1Offset])
	}
	if len(f) == len(g.cols) {
		ev.URL = f[len(f)-1]
	}
	return ev, nil
}

// stateSectors are the CAMEO actor type codes under which an actor is the
// state itself: none (the country), its government, its military.
var stateSectors = map[string]bool{"": true, "GOV": true, "MIL": true}

// gdeltActor builds an event actor from GDELT's actor columns.
func gdeltActor(code, name, country, group, type1 string) Actor {
	return Actor{
		Code: code, Name: name, Country: country,
		State: country != "" && group == "" && stateSectors[type1],
		// GDELT names a country-based actor after its country; only a
		// named group or an actor with no country (an IGO, an NGO) is
		// named for itself.
		Named: group != "" || (country == "" && code != ""),
	}
}
