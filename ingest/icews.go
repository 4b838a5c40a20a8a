package ingest

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/detente/detente/graph"
)

// ICEWS coded event files (Harvard Dataverse, doi:10.7910/DVN/28075) are
// tab-separated with a header row: Event ID, Event Date, Source Name,
// Source Sectors, Source Country, Event Text, CAMEO Code, Intensity, Target
// Name, Target Sectors, Target Country, Story ID, Sentence Number,
// Publisher, City, District, Province, Country, Latitude, Longitude. The
// reader finds its columns by name, so their order may vary.
var icewsRequired = []string{"Event ID", "Event Date", "Source Name", "Source Country", "CAMEO Code", "Intensity",
	"Target Name", "Target Country"}

var icewsOptional = []string{"Source Sectors", "Target Sectors", "Event Text", "Publisher", "Story ID"}

type icewsReader struct {
	l      *lines
	names  []string       // the header, for messages
	col    map[string]int // column name -> position
	latest graph.Date
	buf    []string
}

func newICEWSReader(r io.Reader, o ReaderOptions) (Reader, error) {
	ir := &icewsReader{l: newLines(r), latest: o.Latest}
	head, _, err := ir.l.next()
	if err == io.EOF {
		return nil, &FormatError{Format: ICEWS, Msg: "it is empty: an ICEWS file starts with its header row"}
	}
	if err != nil {
		return nil, err
	}
	ir.names = splitTabs(strings.TrimPrefix(head, "\ufeff"), nil)
	ir.col, err = columnIndex(ICEWS, ir.names, icewsRequired, icewsOptional)
	if err != nil {
		return nil, err
	}
	return ir, nil
}

// columnIndex maps a header's column names (compared without case and
// surrounding space) to positions, refusing a header that lacks a required
// one.
func columnIndex(f Format, header, required, optional []string) (map[string]int, error) {
	at := map[string]int{}
	for i, h := range header {
		at[strings.ToLower(strings.TrimSpace(h))] = i
	}
	col := map[string]int{}
	var missing []string
	for _, name := range required {
		if i, ok := at[strings.ToLower(name)]; ok {
			col[name] = i
		} else {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return nil, &FormatError{Format: f, Msg: fmt.Sprintf("its header row lacks the column(s) %s (found %d columns: %s)",
			strings.Join(missing, ", "), len(header), graph.Quote(strings.Join(header, ",")))}
	}
	for _, name := range optional {
		if i, ok := at[strings.ToLower(name)]; ok {
			col[name] = i
		}
	}
	return col, nil
}

func (ir *icewsReader) Next() (Event, error) {
	line, no, err := ir.l.next()
	if err != nil {
		return Event{}, err
	}
	ir.buf = splitTabs(line, ir.buf)
	f := ir.buf
	if len(f) != len(ir.names) {
		return Event{}, &RowError{Line: no, Msg: fmt.Sprintf("%d tab-separated columns, the header has %d (a tab inside a field?)", len(f), len(ir.names))}
	}
	if e := checkUTF8(line, f, ir.names, no); e != nil {
		return Event{}, e
	}
	get := func(name string) string {
		if i, ok := ir.col[name]; ok {
			return strings.TrimSpace(f[i])
		}
		return ""
	}
	bad := func(col, msg string, args ...any) (Event, error) {
		return Event{}, &RowError{Line: no, Column: col, Msg: fmt.Sprintf(msg, args...)}
	}
	ev := Event{Format: ICEWS, Line: no, SourceID: get("Event ID")}
	if ev.SourceID == "" {
		return bad("Event ID", "missing")
	}
	raw := get("Event Date")
	d, err := graph.ParseDate(raw)
	if err != nil {
		return bad("Event Date", "%s is not a date of the form YYYY-MM-DD", graph.Quote(raw))
	}
	if e := checkDate(d, earliest, ir.latest, no, "Event Date", raw); e != nil {
		return Event{}, e
	}
	ev.Date = d
	code := get("CAMEO Code")
	switch {
	case code == "":
		return bad("CAMEO Code", "missing")
	case !digits(code) || len(code) < 2 || len(code) > 4:
		return bad("CAMEO Code", "%s is not a CAMEO event code (2 to 4 digits)", graph.Quote(code))
	}
	ev.Code = code
	in := get("Intensity")
	v, err := strconv.ParseFloat(in, 64)
	if err != nil || v < -10 || v > 10 {
		return bad("Intensity", "%s is not a score from -10 to 10", graph.Quote(in))
	}
	ev.Score, ev.HasScore = v, true
	ev.Actor1 = icewsActor(get("Source Name"), get("Source Country"), get("Source Sectors"))
	ev.Actor2 = icewsActor(get("Target Name"), get("Target Country"), get("Target Sectors"))
	if ev.Actor1.Empty() {
		return bad("Source Name", "missing")
	}
	ev.Text = get("Event Text")
	if p := get("Publisher"); p != "" {
		ev.Text = strings.TrimSpace(ev.Text + " (" + p + ")")
	}
	ev.Sources = 1
	return ev, nil
}

// icewsStateSectors: an ICEWS actor in one of these sectors acts for its
// state.
var icewsStateSectors = []string{"Government", "Military", "Executive"}

// icewsActor builds an event actor from ICEWS's name, country (a name, not
// a code) and comma-separated sectors.
func icewsActor(name, country, sectors string) Actor {
	a := Actor{Name: name, CountryName: country, Named: true}
	a.State = country != "" && strings.EqualFold(name, country)
	for _, s := range strings.Split(sectors, ",") {
		for _, st := range icewsStateSectors {
			if strings.EqualFold(strings.TrimSpace(s), st) && country != "" {
				a.State = true
			}
		}
	}
	return a
}
