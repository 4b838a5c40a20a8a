package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/detente/detente/graph"
)

// ploverRecord is the part of a PLOVER record (PLOVER manual, "PLOVER
// JSON" and its entity and citation objects) that the reader uses. Fields
// that the manual allows as a value or a list of values (event, mode,
// event_text) are read either way.
type ploverRecord struct {
	ID        *json.RawMessage `json:"id"`
	Date      *string          `json:"date"`
	Actor     []ploverEntity   `json:"actor"`
	Recipient []ploverEntity   `json:"recipient"`
	Event     stringOrList     `json:"event"`
	Mode      stringOrList     `json:"mode"`
	QuadCode  *json.Number     `json:"quad_code"`
	Scale     *json.Number     `json:"event_scale"`
	EventText stringOrList     `json:"event_text"`
	Link      string           `json:"link"`
	CiteInfo  struct {
		URL string `json:"url"`
	} `json:"cite_info"`
	URL string `json:"url"` // not in the manual, but common in exports
}

type ploverEntity struct {
	Code         string `json:"code"`
	Sector       string `json:"sector"`
	EntityText   string `json:"entity_text"`
	IdentifierID string `json:"identifier_id"`
}

// stringOrList reads a JSON string or a list of strings.
type stringOrList []string

func (s *stringOrList) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*s = nil
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = stringOrList{v}
		return nil
	}
	var v []string
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("must be a string or a list of strings")
	}
	*s = v
	return nil
}

func (s stringOrList) first() string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

type ploverReader struct {
	l      *lines
	latest graph.Date
	scores map[string]float64
}

func newPLOVERReader(r io.Reader, o ReaderOptions, m *Mapping) (Reader, error) {
	p := &ploverReader{l: newLines(r), latest: o.Latest, scores: m.ploverScores}
	head, err := p.l.probe(probeRows)
	if err != nil {
		return nil, err
	}
	for _, s := range head {
		var probe map[string]json.RawMessage
		if json.Unmarshal([]byte(s), &probe) == nil && probe["id"] != nil && probe["event"] != nil {
			return p, nil
		}
	}
	if len(head) == 0 {
		return p, nil
	}
	return nil, &FormatError{Format: PLOVER, Msg: "none of its first lines is a JSON object with \"id\" and \"event\" (PLOVER is one JSON record a line)"}
}

func (p *ploverReader) Next() (Event, error) {
	line, no, err := p.l.next()
	if err != nil {
		return Event{}, err
	}
	bad := func(field, msg string, args ...any) (Event, error) {
		return Event{}, &RowError{Line: no, Column: field, Msg: fmt.Sprintf(msg, args...)}
	}
	if e := checkUTF8(line, nil, nil, no); e != nil {
		return Event{}, e
	}
	var rec ploverRecord
	dec := json.NewDecoder(strings.NewReader(line))
	dec.UseNumber()
	if err := dec.Decode(&rec); err != nil {
		var te *json.UnmarshalTypeError
		if ok := asTypeError(err, &te); ok {
			return bad(te.Field, "has the wrong type: %v", te.Value)
		}
		return bad("", "not a JSON object: %v", err)
	}
	ev := Event{Format: PLOVER, Line: no}
	switch {
	case rec.ID == nil:
		return bad("id", "missing")
	default:
		var s string
		if json.Unmarshal(*rec.ID, &s) != nil {
			s = string(*rec.ID) // a number
		}
		if s == "" || s == "null" {
			return bad("id", "missing")
		}
		ev.SourceID = s
	}
	if rec.Date == nil {
		return bad("date", "missing")
	}
	d, err := graph.ParseDate(*rec.Date)
	if err != nil {
		return bad("date", "%s is not a date of the form YYYY-MM-DD", graph.Quote(*rec.Date))
	}
	if e := checkDate(d, earliest, p.latest, no, "date", *rec.Date); e != nil {
		return Event{}, e
	}
	ev.Date = d
	if len(rec.Actor) == 0 {
		return bad("actor", "missing: a PLOVER record has at least one actor")
	}
	ev.Code = strings.ToUpper(strings.TrimSpace(rec.Event.first()))
	if ev.Code == "" {
		return bad("event", "missing")
	}
	ev.Mode = strings.ToLower(strings.TrimSpace(rec.Mode.first()))
	if rec.QuadCode != nil {
		q, err := strconv.Atoi(string(*rec.QuadCode))
		if err != nil || q < 1 || q > 4 {
			return bad("quad_code", "%s is not a quad code 1-4", *rec.QuadCode)
		}
		ev.Quad = q
	}
	if rec.Scale != nil {
		v, err := rec.Scale.Float64()
		if err != nil || v < -10 || v > 10 {
			return bad("event_scale", "%s is not a score from -10 to 10", *rec.Scale)
		}
		ev.Score, ev.HasScore = v, true
	} else if v, ok := p.scores[ev.Code+":"+ev.Mode]; ok && ev.Mode != "" {
		ev.Score, ev.HasScore = v, true
	} else if v, ok := p.scores[ev.Code]; ok {
		ev.Score, ev.HasScore = v, true
	}
	// POLECAT codes one actor and one recipient a record; where a record
	// lists more, the first of each is the one its event is about.
	ev.Actor1 = ploverActor(rec.Actor[0])
	if len(rec.Recipient) > 0 {
		ev.Actor2 = ploverActor(rec.Recipient[0])
	}
	ev.URL = rec.CiteInfo.URL
	if ev.URL == "" {
		ev.URL = rec.URL
	}
	if ev.URL == "" && (strings.HasPrefix(rec.Link, "http://") || strings.HasPrefix(rec.Link, "https://")) {
		ev.URL = rec.Link
	}
	ev.Text = rec.EventText.first()
	return ev, nil
}

// ploverActor builds an event actor from a PLOVER entity: code is the
// country (ISO 3166-1 alpha-3) or a non-state code, sector refines it,
// identifier_id is a Wikidata QID. The actor's code is code+sector, as
// CAMEO writes it ("IRNGOV").
func ploverActor(e ploverEntity) Actor {
	code := strings.ToUpper(strings.TrimSpace(e.Code))
	sector := strings.ToUpper(strings.TrimSpace(e.Sector))
	a := Actor{Code: code + sector, Name: strings.TrimSpace(e.EntityText), Wikidata: wikidataID(e.IdentifierID)}
	if isCountry(code) {
		a.Country = code // else a non-state code (PLOVER manual, "Non-state international actors")
	}
	a.State = a.Country != "" && a.Wikidata == "" && stateSectors[sector]
	a.Named = a.Name != ""
	return a
}

// wikidataID reads a QID given bare ("Q794") or as an entity URL.
func wikidataID(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		s = s[i+1:]
	}
	if len(s) > 1 && (s[0] == 'Q' || s[0] == 'q') && digits(s[1:]) {
		return "Q" + s[1:]
	}
	return ""
}
