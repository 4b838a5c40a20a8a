package ingest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/detente/detente/graph"
)

// Aggregate is the pre-aggregated format: GDELT events grouped, by an
// external engine (DuckDB, Spark) or by WriteAggregateRows, into one row
// per day, actor pair (as GDELT codes them) and event code. Run folds a
// row exactly as it folds the events the row stands for: a row is one day,
// so it joins the same spell as its events would, and it carries what a
// spell keeps of its events — their count, summed |Goldstein|, most
// sources, distinct hosts, and the samples the evidence shows (the
// earliest ids, the best-cited events). The same events therefore give the
// same relationships, ids, weights, confidences, sources and notes
// (TestAggregateSameTies). The events themselves are not stored.
const Aggregate Format = "aggregate"

// InputFormats are the formats Run reads: the event formats and
// Aggregate.
func InputFormats() []string { return append(Formats(), string(Aggregate)) }

// ParseInputFormat reads one of InputFormats.
func ParseInputFormat(s string) (Format, error) {
	if s == string(Aggregate) {
		return Aggregate, nil
	}
	f, err := ParseFormat(s)
	if err != nil {
		err = fmt.Errorf("unknown format %s; one of %s", graph.Quote(s), strings.Join(InputFormats(), ", "))
	}
	return f, err
}

// AggregateColumns are the aggregate format's columns, in order, named by
// its header row (tab-separated, required):
//
//	format              gdelt or gdelt1: the events' format (the same on every row)
//	day                 SQLDATE: YYYYMMDD (or YYYY-MM-DD)
//	actor1_code …       Actor1Code, Actor1Name, Actor1CountryCode,
//	  actor1_type1      Actor1KnownGroupCode, Actor1Type1Code, as GDELT has them
//	actor2_…            the same for Actor2 (all empty: a one-sided event)
//	event_code          EventCode
//	events              count(*): events in the group, at least 1
//	goldstein_abs_sum   sum(abs(GoldsteinScale))
//	max_sources         max(NumSources)
//	hosts               JSON array of the distinct source hosts: the
//	                    SOURCEURL's host, lower-cased, without "www." (only
//	                    http and https URLs)
//	event_ids           JSON array of the group's ids (GLOBALEVENTID as
//	                    text), at least the Rules.EventIDs (10) smallest
//	                    in text order
//	cites               JSON array of [NumMentions, id, SOURCEURL]: for
//	                    each URL its best event (most mentions, then
//	                    smallest id; an event without URL stands alone),
//	                    then at least the Rules.Citations (5) best of those
//	                    (most mentions, then URL, then id)
//
// Each GLOBALEVENTID must be counted once (GDELT's files do not repeat
// one). README "A year of GDELT" has the DuckDB query.
var AggregateColumns = []string{"format", "day",
	"actor1_code", "actor1_name", "actor1_country", "actor1_known_group", "actor1_type1",
	"actor2_code", "actor2_name", "actor2_country", "actor2_known_group", "actor2_type1",
	"event_code", "events", "goldstein_abs_sum", "max_sources", "hosts", "event_ids", "cites"}

const (
	aFormat = iota
	aDay
	aActor1
	aActor2    = aActor1 + 5
	aEventCode = aActor2 + 5
	aEvents    = aEventCode + 1
	aAbsSum    = aEvents + 1
	aMaxSrc    = aAbsSum + 1
	aHosts     = aMaxSrc + 1
	aIDs       = aHosts + 1
	aCites     = aIDs + 1
)

// aggRow is one row of the aggregate format: the events of a group as a
// spell of one day, with the event that stands for them (its actors and
// code) for mapping and resolving.
type aggRow struct {
	ev     Event // Format, Date, Actor1/2, Code, Line
	events int
	absSum float64
	maxSrc int
	hosts  []string
	ids    []string
	cites  []aggCite
}

type aggCite struct {
	mentions int
	id, url  string
}

func (c *aggCite) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil || len(raw) != 3 {
		return errors.New("a cite is [mentions, id, url]")
	}
	if err := json.Unmarshal(raw[0], &c.mentions); err != nil || c.mentions < 0 {
		return errors.New("a cite's mentions is a count")
	}
	if json.Unmarshal(raw[1], &c.id) != nil || json.Unmarshal(raw[2], &c.url) != nil {
		return errors.New("a cite's id and url are strings")
	}
	return nil
}

type aggReader struct {
	l      *lines
	latest graph.Date
	format Format
	buf    []string
}

func newAggReader(r io.Reader, o ReaderOptions) (*aggReader, error) {
	a := &aggReader{l: newLines(r), latest: o.Latest}
	head, _, err := a.l.next()
	if err == io.EOF {
		return a, nil
	}
	if err != nil {
		return nil, err
	}
	if got := strings.Join(splitTabs(head, nil), "\t"); got != strings.Join(AggregateColumns, "\t") {
		return nil, &FormatError{Format: Aggregate, Msg: "its header row is not the aggregate format's columns: " + strings.Join(AggregateColumns, ", ")}
	}
	return a, nil
}

// next returns the next row; io.EOF at the end, a *RowError for a
// malformed one.
func (a *aggReader) next() (aggRow, error) {
	line, no, err := a.l.next()
	if err != nil {
		return aggRow{}, err
	}
	f := splitTabs(line, a.buf[:0])
	a.buf = f
	if len(f) != len(AggregateColumns) {
		return aggRow{}, &RowError{Line: no, Msg: fmt.Sprintf("%d tab-separated columns, the aggregate format has %d", len(f), len(AggregateColumns))}
	}
	bad := func(col int, msg string, args ...any) (aggRow, error) {
		return aggRow{}, &RowError{Line: no, Column: AggregateColumns[col], Msg: fmt.Sprintf(msg, args...)}
	}
	format := Format(f[aFormat])
	switch {
	case format != GDELT && format != GDELT1:
		return bad(aFormat, "%s is not gdelt or gdelt1", graph.Quote(f[aFormat]))
	case a.format == "":
		a.format = format
	case format != a.format:
		return bad(aFormat, "%s: the rows before are %s; ingest one format at a time", format, a.format)
	}
	row := aggRow{ev: Event{Format: format, Line: no}}
	d, ok := parseYMD(strings.ReplaceAll(f[aDay], "-", ""))
	if !ok {
		return bad(aDay, "%s is not a date of the form YYYYMMDD", graph.Quote(f[aDay]))
	}
	if e := checkDate(d, gdeltEarliest, a.latest, no, "day", f[aDay]); e != nil {
		return aggRow{}, e
	}
	row.ev.Date = d
	for i, at := range []int{aActor1, aActor2} {
		if c := f[at+2]; c != "" && !isCountry(c) {
			return bad(at+2, "%s is not a country code (three capital letters)", graph.Quote(c))
		}
		act := gdeltActor(f[at], f[at+1], f[at+2], f[at+3], f[at+4])
		if i == 0 {
			row.ev.Actor1 = act
		} else {
			row.ev.Actor2 = act
		}
	}
	if code := f[aEventCode]; !digits(code) || len(code) < 2 || len(code) > 4 {
		return bad(aEventCode, "%s is not a CAMEO event code (2 to 4 digits)", graph.Quote(code))
	}
	row.ev.Code = f[aEventCode]
	if row.events, err = strconv.Atoi(f[aEvents]); err != nil || row.events < 1 {
		return bad(aEvents, "%s is not a count of at least 1", graph.Quote(f[aEvents]))
	}
	if row.absSum, err = strconv.ParseFloat(f[aAbsSum], 64); err != nil || row.absSum < 0 || row.absSum > 10*float64(row.events)+1e-9 || math.IsNaN(row.absSum) {
		return bad(aAbsSum, "%s is not a sum of |Goldstein| scores (0 to 10 per event)", graph.Quote(f[aAbsSum]))
	}
	if row.maxSrc, err = strconv.Atoi(f[aMaxSrc]); err != nil || row.maxSrc < 0 {
		return bad(aMaxSrc, "%s is not a count", graph.Quote(f[aMaxSrc]))
	}
	for _, c := range []struct {
		col int
		dst any
	}{{aHosts, &row.hosts}, {aIDs, &row.ids}, {aCites, &row.cites}} {
		if err := json.Unmarshal([]byte(f[c.col]), c.dst); err != nil {
			return bad(c.col, "not a JSON array of the column's kind: %v", err)
		}
	}
	if len(row.ids) == 0 || len(row.ids) > row.events {
		return bad(aIDs, "must list between 1 and events (%d) ids", row.events)
	}
	for _, id := range row.ids {
		if !digits(id) {
			return bad(aIDs, "event id %s is not a number", graph.Quote(id))
		}
	}
	if len(row.cites) == 0 || len(row.cites) > row.events {
		return bad(aCites, "must list between 1 and events (%d) cites", row.events)
	}
	row.ev.SourceID = row.ids[0]
	return row, nil
}

// rowSpell is the row as a spell of one day, sampled as Aggregator.addEvent
// samples events.
func (a *Aggregator) rowSpell(row *aggRow) *spell {
	day := dayNumber(row.ev.Date)
	sp := &spell{first: day, last: day, events: row.events, scoreSum: milli(row.absSum), scored: row.events,
		maxSources: row.maxSrc, codes: map[string]int{a.intern(row.ev.Code): row.events}}
	for _, h := range row.hosts {
		sp.hosts = addHost(sp.hosts, h, a.rules.Hosts)
	}
	for _, id := range row.ids {
		sp.ids = insertRef(sp.ids, evRef{day, strings.Clone(id)}, a.rules.EventIDs)
	}
	a1, a2 := strings.Clone(row.ev.Actor1.Key()), strings.Clone(row.ev.Actor2.Key())
	for _, c := range row.cites {
		sp.cites = insertCite(sp.cites, cite{url: c.url, id: c.id, code: a.intern(row.ev.Code), a1: a1, a2: a2, day: day, mentions: c.mentions}, a.rules.Citations)
	}
	return sp
}

// addSpell folds a one-day spell into the tie src -typ-> tgt as Add folds
// an event of that day: it joins (and may bridge) the same spells.
func (a *Aggregator) addSpell(src, tgt string, typ graph.RelationshipType, in *spell) {
	k := orderedKey(src, tgt, typ)
	if into := a.spellOf(k, in.first); into != nil {
		a.merge(into, in)
		return
	}
	a.ties[k] = append(a.ties[k], in)
	a.spells++
}

// readAggregate reads one input of aggregate rows and folds each at once
// (a row stands for distinct events: there is nothing to sort).
func (r *run) readAggregate(in Input) error {
	rd, err := newAggReader(in.R, ReaderOptions{Latest: r.o.Latest})
	if err != nil {
		return fmt.Errorf("%s: %w", in.Name, err)
	}
	return readRows(r, in.Name, rd.next, func(row *aggRow) error {
		if r.agg == nil {
			r.agg = NewAggregator(row.ev.Format, r.o.Rules)
		} else if r.agg.format != row.ev.Format {
			return fmt.Errorf("line %d: %s rows after %s ones; ingest one format at a time", row.ev.Line, row.ev.Format, r.agg.format)
		}
		r.foldRow(row)
		return nil
	})
}

// foldRow is fold for a row: the same mapping, resolution and counts, n
// events at a time.
func (r *run) foldRow(row *aggRow) {
	ev, n := &row.ev, row.events
	r.sum.Events += n
	if ev.Actor2.Empty() {
		r.sum.OneSided += n
		return
	}
	rule, key, ok := r.o.Mapping.Lookup(ev)
	var typ graph.RelationshipType
	if ok {
		if typ, ok = r.reg.Get(rule.Type); !ok {
			rule.Why = "the mapping names type " + rule.Type + ", which the registry does not have"
		}
	}
	if !ok {
		r.unmapped.addN(key, "event "+ev.SourceID, rule.Why, n)
		return
	}
	src, ok1 := r.resolveN(&ev.Actor1, ev, n)
	tgt, ok2 := r.resolveN(&ev.Actor2, ev, n)
	if !ok1 || !ok2 {
		return
	}
	if src == tgt {
		r.sum.SelfTies += n
		return
	}
	r.sum.Folded += n
	r.agg.addSpell(src, tgt, typ, r.agg.rowSpell(row))
}

// resolveN is resolve for a row of n events: an unresolved actor counts n.
func (r *run) resolveN(a *Actor, ev *Event, n int) (string, bool) {
	id, ok := r.resolve(a, ev)
	if !ok && n > 1 {
		r.unresolved[a.Key()].Count += n - 1
	}
	return id, ok
}
