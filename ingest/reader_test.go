package ingest

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
)

// testLatest is the last event date the tests accept: the test files'
// "future" rows are dated after it.
var testLatest = graph.Date{Year: 2025, Month: time.December, Day: 31}

type rowErr struct {
	Line   int
	Column string
}

// readAll reads a whole file, collecting events and row errors.
func readAll(tb testing.TB, f Format, path string) ([]Event, []rowErr, error) {
	tb.Helper()
	file, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer file.Close()
	rd, err := NewReader(f, file, ReaderOptions{Latest: testLatest})
	if err != nil {
		return nil, nil, err
	}
	var evs []Event
	var errs []rowErr
	for {
		ev, err := rd.Next()
		if err == io.EOF {
			return evs, errs, nil
		}
		var re *RowError
		if errors.As(err, &re) {
			errs = append(errs, rowErr{re.Line, re.Column})
			continue
		}
		if err != nil {
			return evs, errs, err
		}
		evs = append(evs, ev)
	}
}

func TestReaders(t *testing.T) {
	for _, tc := range []struct {
		name     string
		format   Format
		file     string
		wantIDs  []string
		wantErrs []rowErr
	}{
		{"gdelt valid", GDELT, "gdelt2-valid.tsv",
			[]string{"1100000001", "1100000002", "1100000003", "1100000004", "1100000005", "1100000006", "1100000007", "1100000008"}, nil},
		{"gdelt malformed", GDELT, "gdelt2-malformed.tsv",
			[]string{"1100000001", "1100000002", "1100000002"}, []rowErr{
				{2, ""},                   // a tab inside Actor1Name: 62 columns
				{3, "EventCode"},          // missing
				{4, "SQLDATE"},            // 2099: after Latest
				{5, "SQLDATE"},            // 1950: before GDELT
				{6, "SQLDATE"},            // month 13
				{9, "Actor1Name"},         // a byte that is not UTF-8
				{10, ""},                  // 60 columns
				{11, "GoldsteinScale"},    // "high"
				{12, "EventRootCode"},     // not the root of EventCode
				{13, "Actor1CountryCode"}, // "usa"
			}},
		{"gdelt1 valid (58 and 57 columns)", GDELT1, "gdelt1-valid.tsv", []string{"500000001", "500000002", "500000003"}, nil},
		{"plover valid", PLOVER, "plover-valid.jsonl",
			[]string{"POLECAT-20250412-0001", "POLECAT-20250412-0002", "POLECAT-20250410-0003", "POLECAT-20250410-0004", "POLECAT-20250409-0005"}, nil},
		{"plover malformed", PLOVER, "plover-malformed.jsonl",
			[]string{"POLECAT-20250412-0001", "POLECAT-20250412-0001", "POLECAT-20250412-0002"}, []rowErr{
				{2, "event"}, {3, "date"}, {4, "date"}, {5, "actor"}, {6, "quad_code"}, {7, ""}, {8, ""},
			}},
		{"icews valid", ICEWS, "icews-valid.tsv", []string{"30000001", "30000002", "30000003", "30000004"}, nil},
		{"icews malformed", ICEWS, "icews-malformed.tsv", []string{"30000001", "30000001"}, []rowErr{
			{3, ""}, {4, "CAMEO Code"}, {5, "Event Date"}, {6, "Intensity"}, {7, "CAMEO Code"},
		}},
		{"acled valid", ACLED, "acled-valid.csv", []string{"IRN1001", "ISR2002", "IRN1003", "LBN3004"}, nil},
		{"acled malformed", ACLED, "acled-malformed.csv", []string{"IRN1001", "IRN1001"}, []rowErr{
			{3, "event_date"}, {4, "event_type"}, {5, "fatalities"}, {6, ""},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs, errs, err := readAll(t, tc.format, filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, ev := range evs {
				ids = append(ids, ev.SourceID)
				if ev.Format != tc.format || ev.Line == 0 || !ev.Date.Valid() || ev.Code == "" || ev.Actor1.Empty() {
					t.Errorf("event %s: incomplete: %+v", ev.SourceID, ev)
				}
			}
			if d := cmp.Diff(tc.wantIDs, ids); d != "" {
				t.Errorf("events (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tc.wantErrs, errs); d != "" {
				t.Errorf("row errors (-want +got):\n%s", d)
			}
		})
	}
}

// TestReadersRefuseOtherFormats: a file read as a format it is not is
// refused at once, with a *FormatError that says what was found.
func TestReadersRefuseOtherFormats(t *testing.T) {
	for _, tc := range []struct {
		format Format
		file   string
		want   string
	}{
		{GDELT, "gdelt1-valid.tsv", "--format gdelt1"},
		{GDELT1, "gdelt2-valid.tsv", "--format gdelt"},
		{GDELT, "plover-valid.jsonl", "no tabs"},
		{GDELT, "acled-valid.csv", "no tabs"},
		{GDELT, "icews-valid.tsv", "[20 20 20]"},
		{PLOVER, "gdelt2-valid.tsv", "JSON"},
		{ICEWS, "acled-valid.csv", "lacks the column(s) Event ID"},
		{ICEWS, "gdelt2-valid.tsv", "lacks the column(s) Event ID"},
		{ACLED, "icews-valid.tsv", "lacks the column(s) event_id_cnty"},
		{ACLED, "plover-valid.jsonl", "not CSV"},
	} {
		t.Run(string(tc.format)+" "+tc.file, func(t *testing.T) {
			_, _, err := readAll(t, tc.format, filepath.Join("testdata", tc.file))
			var fe *FormatError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want a FormatError containing %q", err, tc.want)
			}
		})
	}
}

// TestGDELTFields checks what a GDELT row becomes, field by field.
func TestGDELTFields(t *testing.T) {
	evs, _, err := readAll(t, GDELT, "testdata/gdelt2-valid.tsv")
	if err != nil {
		t.Fatal(err)
	}
	got := evs[1]
	want := Event{
		SourceID: "1100000002", Format: GDELT, Line: 2, Date: graph.Date{Year: 2025, Month: 4, Day: 12},
		Actor1: Actor{Code: "USAGOV", Name: "UNITED STATES", Country: "USA", State: true},
		Actor2: Actor{Code: "IRNGOV", Name: "IRAN", Country: "IRN", State: true},
		Code:   "046", Score: 7, HasScore: true, Quad: 1, Mentions: 40, Sources: 6,
		URL: "https://www.reuters.example/world/talks-muscat",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if opp := evs[5].Actor1; opp.State || opp.Named {
		t.Errorf("IRNOPP: %+v; a country's opposition is neither the state nor named for itself", opp)
	}
	if evs[6].Actor2.Empty() != true {
		t.Errorf("one-sided event has a target: %+v", evs[6].Actor2)
	}
}

func TestOtherFormatsFields(t *testing.T) {
	pl, _, _ := readAll(t, PLOVER, "testdata/plover-valid.jsonl")
	if a := pl[1].Actor1; a.Wikidata != "Q842" || a.Country != "OMN" || a.State {
		t.Errorf("PLOVER actor with a QID: %+v", a)
	}
	if pl[1].Mode != "mediate" || pl[1].Score != 5 || pl[0].Score != 4 || !pl[0].HasScore {
		t.Errorf("PLOVER mode and scores: %+v / %+v", pl[1], pl[0])
	}
	ic, _, _ := readAll(t, ICEWS, "testdata/icews-valid.tsv")
	if a := ic[1].Actor1; !a.State || a.CountryName != "Iran" {
		t.Errorf("ICEWS Government (Iran): %+v", a)
	}
	if a := ic[2].Actor1; a.State {
		t.Errorf("ICEWS Citizen (Iran) is not the state: %+v", a)
	}
	ac, _, _ := readAll(t, ACLED, "testdata/acled-valid.csv")
	if a := ac[0].Actor1; !a.State || a.CountryName != "Israel" || a.Name != "Military Forces of Israel" {
		t.Errorf("ACLED state forces: %+v", a)
	}
	if ac[1].Date != (graph.Date{Year: 2024, Month: 4, Day: 13}) || ac[0].Sources != 2 {
		t.Errorf("ACLED date %v, sources %d", ac[1].Date, ac[0].Sources)
	}
}
