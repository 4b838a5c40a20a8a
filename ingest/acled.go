package ingest

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/detente/detente/graph"
)

// ACLED exports (acleddata.com, ACLED Codebook) are comma-separated with a
// header row: event_id_cnty, event_date, year, time_precision,
// disorder_type, event_type, sub_event_type, actor1, assoc_actor_1, inter1,
// actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso,
// region, country, admin1–3, location, latitude, longitude, geo_precision,
// source, source_scale, notes, fatalities, tags, timestamp. The reader
// finds its columns by name.
var acledRequired = []string{"event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2"}

var acledOptional = []string{"inter1", "inter2", "source", "notes", "fatalities", "country"}

type acledReader struct {
	r      *csv.Reader
	names  []string
	col    map[string]int
	latest graph.Date
}

func newACLEDReader(r io.Reader, o ReaderOptions) (Reader, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err == io.EOF {
		return nil, &FormatError{Format: ACLED, Msg: "it is empty: an ACLED export starts with its header row"}
	}
	if err != nil {
		return nil, &FormatError{Format: ACLED, Msg: "its header row is not CSV: " + err.Error()}
	}
	ar := &acledReader{r: cr, latest: o.Latest, names: append([]string(nil), head...)}
	if len(ar.names) > 0 {
		ar.names[0] = strings.TrimPrefix(ar.names[0], "\ufeff")
	}
	if ar.col, err = columnIndex(ACLED, ar.names, acledRequired, acledOptional); err != nil {
		return nil, err
	}
	return ar, nil
}

func (ar *acledReader) Next() (Event, error) {
	f, err := ar.r.Read()
	no, _ := ar.r.FieldPos(0)
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			msg := pe.Err.Error()
			if errors.Is(pe.Err, csv.ErrFieldCount) {
				msg = fmt.Sprintf("%d columns, the header has %d", len(f), len(ar.names))
			}
			return Event{}, &RowError{Line: pe.StartLine, Msg: msg}
		}
		return Event{}, err
	}
	if e := checkUTF8(strings.Join(f, ""), f, ar.names, no); e != nil {
		return Event{}, e
	}
	get := func(name string) string {
		if i, ok := ar.col[name]; ok {
			return strings.TrimSpace(f[i])
		}
		return ""
	}
	bad := func(col, msg string, args ...any) (Event, error) {
		return Event{}, &RowError{Line: no, Column: col, Msg: fmt.Sprintf(msg, args...)}
	}
	ev := Event{Format: ACLED, Line: no, SourceID: get("event_id_cnty")}
	if ev.SourceID == "" {
		return bad("event_id_cnty", "missing")
	}
	raw := get("event_date")
	d, ok := parseACLEDDate(raw)
	if !ok {
		return bad("event_date", "%s is not a date (YYYY-MM-DD or \"2 January 2006\")", graph.Quote(raw))
	}
	if e := checkDate(d, earliest, ar.latest, no, "event_date", raw); e != nil {
		return Event{}, e
	}
	ev.Date = d
	if ev.Code = get("event_type"); ev.Code == "" {
		return bad("event_type", "missing")
	}
	ev.Mode = get("sub_event_type")
	if ev.Actor1 = acledActor(get("actor1"), get("inter1")); ev.Actor1.Empty() {
		return bad("actor1", "missing")
	}
	ev.Actor2 = acledActor(get("actor2"), get("inter2"))
	if fat := get("fatalities"); fat != "" {
		if n, err := strconv.Atoi(fat); err != nil || n < 0 {
			return bad("fatalities", "%s is not a count", graph.Quote(fat))
		}
	}
	// source lists the outlets that reported the event, separated by
	// semicolons: each is an independent source.
	for _, s := range strings.Split(get("source"), ";") {
		if strings.TrimSpace(s) != "" {
			ev.Sources++
		}
	}
	ev.Text = get("notes")
	return ev, nil
}

func parseACLEDDate(s string) (graph.Date, bool) {
	if d, err := graph.ParseDate(s); err == nil {
		return d, true
	}
	for _, layout := range []string{"2 January 2006", "02 January 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return graph.DateOf(t), true
		}
	}
	return graph.Date{}, false
}

// acledState matches ACLED's names for state forces, "Military Forces of
// Iran (1989-)", "Police Forces of Israel (2022-)", "Government of Iraq
// (2022-)": the country named is the state acting.
var acledState = regexp.MustCompile(`^(?:Military Forces|Police Forces|Government) of (.+?)(?: \([^)]*\))*$`)

// acledYears is the period ACLED appends to a state actor's name.
var acledYears = regexp.MustCompile(`\s*\(\d{4}-(?:\d{4})?\)$`)

// acledActor builds an event actor from ACLED's actor name and its inter
// code (1, or "State forces" in newer exports, for state forces).
func acledActor(name, inter string) Actor {
	a := Actor{Name: acledYears.ReplaceAllString(name, ""), Named: true}
	if m := acledState.FindStringSubmatch(name); m != nil {
		a.CountryName = m[1]
		a.State = inter == "" || inter == "1" || strings.HasPrefix(strings.ToLower(inter), "state forces")
	}
	return a
}
