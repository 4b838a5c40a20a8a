package ingest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/detente/detente/graph"
)

// Format names an event data format.
type Format string

// The formats Run reads.
const (
	GDELT  Format = "gdelt"  // GDELT 2.0 events: 61 tab-separated columns, no header
	GDELT1 Format = "gdelt1" // GDELT 1.0 daily events: 57 or 58 tab-separated columns, no header
	PLOVER Format = "plover" // PLOVER / POLECAT records, one JSON object a line
	ICEWS  Format = "icews"  // ICEWS coded events: tab-separated with a header row
	ACLED  Format = "acled"  // ACLED export: comma-separated with a header row
)

// Formats lists the formats' names.
func Formats() []string {
	return []string{string(GDELT), string(GDELT1), string(PLOVER), string(ICEWS), string(ACLED)}
}

// ParseFormat reads a format name.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if s == f {
			return Format(s), nil
		}
	}
	return "", fmt.Errorf("unknown format %s; one of %s", graph.Quote(s), strings.Join(Formats(), ", "))
}

// Title is the format's name as its publishers write it.
func (f Format) Title() string {
	switch f {
	case GDELT:
		return "GDELT 2.0"
	case GDELT1:
		return "GDELT 1.0"
	case PLOVER:
		return "PLOVER"
	case ICEWS:
		return "ICEWS"
	case ACLED:
		return "ACLED"
	}
	return string(f)
}

// Actor is one side of an event as its source codes it.
type Actor struct {
	Code        string // the source's actor code: CAMEO ("IRNGOV"), PLOVER ("IRN"); empty for ICEWS and ACLED
	Name        string // the source's name for the actor ("IRAN", "Government (Iran)", "Military Forces of Iran (1989-)")
	Country     string // ISO 3166-1 alpha-3, when the source codes one
	CountryName string // the country by name, for sources that give no code (ICEWS, ACLED)
	Wikidata    string // a Wikidata QID ("Q794"), when the source gives one (PLOVER identifier_id)
	// State says the record names a state itself — the country, its
	// government or its military — rather than a group or person of that
	// country: only then may the country code resolve the actor to the
	// state (see Resolver).
	State bool
	// Named says Name denotes this particular actor (a named group, an
	// organisation, a person), so that matching it against actors' names
	// and aliases is meaningful. GDELT names a generic sector actor after
	// its country ("IRAN" for Iranian civilians): such names are not matched.
	Named bool
}

// Empty reports whether the record has no actor on this side (a one-sided
// event).
func (a *Actor) Empty() bool { return a.Code == "" && a.Name == "" && a.Wikidata == "" }

// Key is how the actor is reported when it cannot be resolved: its code,
// else its name.
func (a *Actor) Key() string {
	if a.Code != "" {
		return a.Code
	}
	return a.Name
}

// Event is one coded event, the same whatever the format.
type Event struct {
	SourceID string // the source's own event id (GLOBALEVENTID, id, Event ID, event_id_cnty)
	Format   Format
	Line     int // where it was read, for messages
	Date     graph.Date
	Actor1   Actor // the source, or initiator
	Actor2   Actor // the target, or recipient; empty for a one-sided event
	// Code is the event's type as coded: a CAMEO code ("0256") for GDELT
	// and ICEWS, a PLOVER event type ("CONSULT") for PLOVER, the
	// event_type for ACLED. Mode refines it: PLOVER's mode, ACLED's
	// sub_event_type.
	Code string
	Mode string
	// Score is the event's place on the conflict–cooperation scale, -10
	// to +10: GDELT's GoldsteinScale, ICEWS's Intensity, PLOVER's
	// event_scale (or the PLOVER score of its type and mode). HasScore is
	// false when the source gives none (ACLED).
	Score    float64
	HasScore bool
	Quad     int // QuadClass / quad_code, 1-4; 0 when not coded
	Mentions int // GDELT NumMentions; 0 when not coded
	Sources  int // independent sources the record counts (GDELT NumSources, ACLED's source list); 0 when not coded
	URL      string
	Text     string // a short description: ICEWS Event Text, PLOVER event_text, ACLED notes
}

// BaseCode is a CAMEO code's three-digit base ("025" for "0256"): the
// code itself when it has three digits or fewer.
func (e *Event) BaseCode() string { return cameoBase(e.Code) }

func cameoBase(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

// RowError is a row that breaks its format's spec. The reader that
// returned it goes on with the next row.
type RowError struct {
	Line   int
	Column string // the column (or JSON field) at fault; empty for the row as a whole
	Msg    string
}

func (e *RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("line %d, column %s: %s", e.Line, e.Column, e.Msg)
}

// FormatError is input that is not the format it was read as, found on
// its first rows: nothing of it is read.
type FormatError struct {
	Format Format
	Msg    string
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("not %s data: %s", e.Format.Title(), e.Msg)
}

// Reader yields a file's events one at a time. Next returns io.EOF at
// the end, a *RowError for a malformed row (call Next again for the
// following one), and any other error when reading cannot go on.
type Reader interface {
	Next() (Event, error)
}

// ReaderOptions tune the readers' checks.
type ReaderOptions struct {
	// Latest is the last event date accepted; a later one is out of
	// range. Zero: no upper bound.
	Latest graph.Date
	// Mapping supplies the PLOVER scores; nil: DefaultMapping.
	Mapping *Mapping
}

func asTypeError(err error, target **json.UnmarshalTypeError) bool { return errors.As(err, target) }

// NewReader returns the reader of format f over r. It reads the first
// rows at once and returns a *FormatError when they are not of the format.
func NewReader(f Format, r io.Reader, o ReaderOptions) (Reader, error) {
	switch f {
	case GDELT, GDELT1:
		return newGDELTReader(f, r, o)
	case PLOVER:
		m := o.Mapping
		if m == nil {
			m = DefaultMapping()
		}
		return newPLOVERReader(r, o, m)
	case ICEWS:
		return newICEWSReader(r, o)
	case ACLED:
		return newACLEDReader(r, o)
	}
	return nil, fmt.Errorf("ingest: unknown format %q", f)
}
