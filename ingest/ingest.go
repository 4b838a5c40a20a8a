package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/detente/detente/graph"
)

// Options configure Run.
type Options struct {
	Format Format
	// Strict stops at the first malformed row; by default such rows are
	// skipped and counted.
	Strict bool
	// CreateActors creates the actors that do not resolve, from the
	// event's names, tagged "unreviewed"; by default they are reported.
	CreateActors bool
	Rules        Rules // zero: DefaultRules
	// Mapping maps event codes to types; nil: the one the store holds
	// (PUT /api/v1/event-mapping), else the shipped DefaultMapping.
	Mapping *Mapping
	// BatchSize is how many relationships go to one Store.Import; 0: 5000.
	BatchSize int
	// Latest is the last event date accepted; zero: tomorrow (UTC).
	Latest graph.Date
	// Progress, when set, is called every ProgressEvery rows and at the
	// end of each input.
	Progress func(Progress)
}

// ProgressEvery is how many rows pass between two Progress calls.
const ProgressEvery = 10_000

// Progress is how far Run has read.
type Progress struct {
	Input   string
	Rows    int // rows read so far, over all inputs, malformed ones included
	Elapsed time.Duration
	Done    bool // the input has been read to its end
}

// Input is one file to ingest.
type Input struct {
	Name string
	R    io.Reader
}

// Summary reports an ingest.
type Summary struct {
	Events     int `json:"events"`     // well-formed events read
	New        int `json:"new"`        // events the store did not hold, now stored
	Duplicates int `json:"duplicates"` // events whose id the store held already, or that came before in this run
	Skipped    int `json:"skipped"`    // malformed rows, skipped
	// Folded is how many distinct events became part of a relationship; the
	// others are one-sided, between an actor and itself, unmapped or
	// unresolved.
	Folded        int          `json:"folded"`
	OneSided      int          `json:"one_sided"`
	SelfTies      int          `json:"self_ties"`
	Relationships graph.Counts `json:"relationships"`
	Actors        struct {
		Created int `json:"created"`
	} `json:"actors"`
	// Unresolved lists the actor codes (names, for sources without codes)
	// that matched no actor, most frequent first, at most MaxReported.
	Unresolved      []Tally `json:"unresolved"`
	UnresolvedTotal int     `json:"unresolved_total"` // distinct unresolved codes
	// Unmapped lists the event codes no rule maps to a type.
	Unmapped []Tally `json:"unmapped"`
	// Conflicts lists derived ids that a relationship not derived from
	// events already holds: it is left as it is.
	Conflicts []string `json:"conflicts"`
	// Errors holds the first MaxReported row errors.
	Errors []string `json:"errors"`
}

// Tally counts the events behind one unresolved or unmapped code.
type Tally struct {
	Code    string `json:"code"`
	Count   int    `json:"count"`
	Example string `json:"example"`
	Note    string `json:"note,omitempty"`
}

// MaxReported caps the lists of a Summary.
const MaxReported = 100

// tallies counts codes, keeping the first example of each.
type tallies map[string]*Tally

func (t tallies) add(code, example, note string) {
	if x, ok := t[code]; ok {
		x.Count++ // (not t[code] = …: that would store the line-sharing key)
		return
	}
	t[strings.Clone(code)] = &Tally{Code: strings.Clone(code), Count: 1, Example: clip(example, 200), Note: note}
}

// addN is add for n events.
func (t tallies) addN(code, example, note string, n int) {
	t.add(code, example, note)
	t[code].Count += n - 1
}

func (t tallies) list() []Tally {
	out := make([]Tally, 0, len(t))
	for _, x := range t {
		out = append(out, *x)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Code < out[j].Code
	})
	if len(out) > MaxReported {
		out = out[:MaxReported]
	}
	return out
}

// run is the state of one Run.
type run struct {
	ctx        context.Context
	s          *graph.Store
	o          Options
	reg        graph.Registry
	res        *Resolver
	agg        *Aggregator
	sorted     *sorter
	unresolved tallies
	unmapped   tallies
	created    []graph.Actor
	taken      map[string]bool // ids of created actors
	sp         *spool
	conflicts  map[string]bool // derived ids left alone (see write)
	sum        Summary
	rows       int
	start      time.Time
}

// Run ingests inputs of one format into s: it reads them as streams,
// resolves and maps each event, folds the events into relationships by
// o.Rules, and writes the relationships (and, with CreateActors, the new
// actors first) through s.Import in batches. Re-running it on the same
// inputs changes nothing.
//
// A file of the wrong format is refused before any of it is read, with a
// *FormatError; with Strict, the first malformed row stops the run with
// its *RowError. Nothing is written before every input has been read.
//
// Every well-formed event is stored too (Store.PutEvents, in batches of
// EventBatch, after the relationships), with the id of the derived
// relationship it folded into; new and duplicates are the store's count,
// so re-ingesting a file stores nothing (new 0). Until they are stored the
// events wait in a temporary file (see events.go).
//
// Memory does not grow with the number of events: an id repeated within
// the run is folded once by sorting the events by id on disk (dedup.go),
// not by a set of the ids seen. (The store's duplicates cannot serve:
// a run folds again the events an earlier run stored, so that re-ingesting
// a file gives the same ties.) The aggregate grows with the number of ties.
func Run(ctx context.Context, s *graph.Store, inputs []Input, o Options) (Summary, error) {
	if o.Rules == (Rules{}) {
		o.Rules = DefaultRules()
	}
	if o.Mapping == nil {
		m, _, _, err := CurrentMapping(ctx, s)
		if err != nil {
			return Summary{}, err
		}
		o.Mapping = m
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 5000
	}
	if (o.Latest == graph.Date{}) {
		o.Latest = graph.DateOf(time.Now().Add(24 * time.Hour))
	}
	if _, err := ParseInputFormat(string(o.Format)); err != nil {
		return Summary{}, err
	}
	reg, err := s.RelationshipTypes(ctx)
	if err != nil {
		return Summary{}, err
	}
	res, err := LoadResolver(ctx, s)
	if err != nil {
		return Summary{}, err
	}
	r := &run{ctx: ctx, s: s, o: o, reg: reg, res: res,
		sorted: &sorter{}, unresolved: tallies{}, unmapped: tallies{}, taken: map[string]bool{}, conflicts: map[string]bool{}, start: time.Now()}
	r.sum.Errors, r.sum.Conflicts = []string{}, []string{}
	if r.sp, err = newSpool(); err != nil {
		return Summary{}, err
	}
	defer r.sp.close()
	defer r.sorted.close()
	if o.Format == Aggregate {
		// Rows, not events: folded as read, their events not stored
		// (aggrows.go). The aggregator takes the rows' format.
		for _, in := range inputs {
			if err := r.readAggregate(in); err != nil {
				return r.summary(), err
			}
		}
		if r.agg == nil {
			r.agg = NewAggregator(GDELT, o.Rules)
		}
		err := r.write()
		return r.summary(), err
	}
	r.agg = NewAggregator(o.Format, o.Rules)
	for _, in := range inputs {
		if err := r.read(in); err != nil {
			return r.summary(), err
		}
	}
	if err := r.foldAll(); err != nil {
		return r.summary(), err
	}
	if err = r.write(); err == nil {
		err = r.storeEvents()
	}
	return r.summary(), err
}

// storeEvents stores the spooled events, each with the id of the derived
// relationship it folded into (none when that id is a conflict), and
// counts as new those the store did not hold.
func (r *run) storeEvents() error {
	stored := 0
	err := r.sp.each(EventBatch, func(recs []spooled) error {
		evs := make([]graph.Event, len(recs))
		for i := range recs {
			evs[i] = recs[i].Event
			if recs[i].Typ == "" {
				continue
			}
			first, ok := r.agg.SpellOf(recs[i].Src, recs[i].Tgt, recs[i].Typ, recs[i].Symmetric, evs[i].Date)
			if !ok {
				continue
			}
			src, tgt := recs[i].Src, recs[i].Tgt
			if recs[i].Symmetric && tgt < src {
				src, tgt = tgt, src
			}
			if id := DerivedID(r.o.Format, src, recs[i].Typ, tgt, first); !r.conflicts[id] {
				evs[i].Relationship = id
			}
		}
		n, err := r.s.PutEvents(r.ctx, evs)
		if err != nil {
			return fmt.Errorf("storing events %d to %d of %d: %w", stored+1, stored+len(evs), r.sp.n, err)
		}
		stored += len(evs)
		r.sum.New += n
		return nil
	})
	r.sum.Duplicates = r.sum.Events - r.sum.New
	return err
}

func (r *run) summary() Summary {
	r.sum.Unresolved = r.unresolved.list()
	r.sum.UnresolvedTotal = len(r.unresolved)
	r.sum.Unmapped = r.unmapped.list()
	return r.sum
}

func (r *run) progress(name string, done bool) {
	if r.o.Progress != nil {
		r.o.Progress(Progress{Input: name, Rows: r.rows, Elapsed: time.Since(r.start), Done: done})
	}
}

func (r *run) read(in Input) error {
	rd, err := NewReader(r.o.Format, in.R, ReaderOptions{Latest: r.o.Latest, Mapping: r.o.Mapping})
	if err != nil {
		return fmt.Errorf("%s: %w", in.Name, err)
	}
	return readRows(r, in.Name, rd.Next, r.event)
}

// readRows reads an input's rows with next until io.EOF and hands each to
// fn, reporting progress and checking the run's context every
// ProgressEvery rows. A malformed row (*RowError) ends the run under
// --strict, else it is skipped and counted; any other error ends it.
func readRows[T any](r *run, name string, next func() (T, error), fn func(*T) error) error {
	for {
		row, err := next()
		if err == io.EOF {
			r.progress(name, true)
			return nil
		}
		r.rows++
		if r.rows%ProgressEvery == 0 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
			r.progress(name, false)
		}
		var re *RowError
		if errors.As(err, &re) {
			if r.o.Strict {
				return fmt.Errorf("%s: %w (--strict stops at the first malformed row)", name, err)
			}
			r.sum.Skipped++
			if len(r.sum.Errors) < MaxReported {
				r.sum.Errors = append(r.sum.Errors, name+": "+err.Error())
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := fn(&row); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
}

func (r *run) event(ev *Event) error {
	rec := storedEvent(ev, "")
	if errs := graph.ValidateEvent(&rec, "$"); len(errs) > 0 {
		r.sum.Skipped++
		if len(r.sum.Errors) < MaxReported {
			r.sum.Errors = append(r.sum.Errors, fmt.Sprintf("line %d: event %s cannot be stored: %s %s", ev.Line, graph.Quote(ev.SourceID), errs[0].Path[2:], errs[0].Message))
		}
		return nil
	}
	r.sum.Events++
	return r.sorted.add(ev)
}

// foldAll folds the events read, each id once (see dedup.go), and spools
// them for storing.
func (r *run) foldAll() error {
	last, n := "", 0
	return r.sorted.each(func(ev *Event) error {
		if n > 0 && ev.SourceID == last {
			return nil // a repeat within the run: the store counts it a duplicate
		}
		if n++; n%ProgressEvery == 0 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
		}
		last = ev.SourceID
		rec := spooled{Event: storedEvent(ev, "")}
		r.fold(ev, &rec)
		return r.sp.add(&rec)
	})
}

// fold maps and resolves ev and folds it into its tie, noting in rec what
// it found.
func (r *run) fold(ev *Event, rec *spooled) {
	if ev.Actor2.Empty() {
		r.sum.OneSided++
		if id, _ := r.res.Resolve(&ev.Actor1); id != "" {
			rec.Event.Source = id
		}
		return
	}
	rule, key, ok := r.o.Mapping.Lookup(ev)
	var typ graph.RelationshipType
	if ok {
		if typ, ok = r.reg.Get(rule.Type); !ok {
			rule.Why = "the mapping names type " + rule.Type + ", which the registry does not have"
		}
	}
	if ok {
		rec.Event.Type = typ.Name
	} else {
		r.unmapped.add(key, "event "+ev.SourceID, rule.Why)
		return
	}
	src, ok1 := r.resolve(&ev.Actor1, ev)
	tgt, ok2 := r.resolve(&ev.Actor2, ev)
	rec.Event.Source, rec.Event.Target = src, tgt
	if !ok1 || !ok2 {
		return
	}
	if src == tgt {
		r.sum.SelfTies++
		return
	}
	r.sum.Folded++
	r.agg.Add(src, tgt, typ, ev)
	rec.Src, rec.Tgt, rec.Typ, rec.Symmetric = src, tgt, typ.Name, typ.Symmetric
}

// resolve finds (or, with CreateActors, creates) the actor a is.
func (r *run) resolve(a *Actor, ev *Event) (string, bool) {
	id, ambiguous := r.res.Resolve(a)
	if id != "" {
		return id, true
	}
	if r.o.CreateActors && ambiguous == nil {
		if act, ok := r.newActor(a, ev); ok {
			r.created = append(r.created, act)
			r.taken[act.ID] = true
			r.res.Add(&act)
			return act.ID, true
		}
	}
	example := fmt.Sprintf("%s (event %s, line %d)", a.Name, ev.SourceID, ev.Line)
	note := ""
	if ambiguous != nil {
		note = "matches several actors: " + strings.Join(ambiguous, ", ")
	}
	r.unresolved.add(a.Key(), example, note)
	return "", false
}

// newActor builds an actor for an unresolved event actor, from its names
// and codes, tagged unreviewed. The codes it is given in attributes make
// the next ingest resolve it by rule 1.
func (r *run) newActor(a *Actor, ev *Event) (graph.Actor, bool) {
	name := a.Name
	switch {
	case name == "":
		name = a.Code
	case !a.Named && !a.State && a.Code != "":
		// GDELT names a country's civilians or rebels after the country:
		// the code tells them apart.
		name += " (" + a.Code + ")"
	}
	kind := graph.KindOther
	switch {
	case a.State:
		kind = graph.KindState
	case strings.HasPrefix(a.Code, "IGO"):
		kind = graph.KindIGO
	}
	base := graph.Slugify(name)
	if base == "" {
		base = graph.Slugify(a.Code)
	}
	if base == "" {
		return graph.Actor{}, false
	}
	id := base
	for i := 2; r.taken[id] || r.exists(id); i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	act := graph.Actor{
		ID: id, Name: name, Kind: kind, Tags: []string{"unreviewed", "from-events"},
		Description: fmt.Sprintf("Created by detente ingest from %s event %s; not reviewed.", ev.Format.Title(), ev.SourceID),
	}
	if isCountry(a.Country) {
		act.CountryCode = a.Country
	}
	codes := map[string]any{}
	if a.Code != "" {
		codes["cameo"] = []any{a.Code}
	}
	if a.Wikidata != "" {
		codes["wikidata"] = a.Wikidata
	}
	if len(codes) > 0 {
		act.Attributes = map[string]any{"codes": codes}
	}
	act.Normalize()
	if len(graph.ValidateActor(&act, "$")) > 0 {
		return graph.Actor{}, false
	}
	return act, true
}

func (r *run) exists(id string) bool {
	_, err := r.s.GetActor(r.ctx, id)
	return err == nil
}

// write imports the new actors, then the derived relationships in
// batches, leaving alone any relationship not derived from events that
// holds a derived id.
func (r *run) write() error {
	if len(r.created) > 0 {
		res, err := r.s.Import(r.ctx, graph.Batch{Actors: r.created}, false)
		if err != nil {
			return fmt.Errorf("creating %d actors: %w", len(r.created), err)
		}
		r.sum.Actors.Created = res.Actors.Created
	}
	written := 0
	return r.agg.Each(r.reg, r.o.BatchSize, func(rels []graph.Relationship) error {
		kept := rels[:0]
		for _, rel := range rels {
			old, err := r.s.GetRelationship(r.ctx, rel.ID)
			switch {
			case err == nil && !IsDerived(&old):
				r.sum.Conflicts = append(r.sum.Conflicts, rel.ID)
				r.conflicts[rel.ID] = true
				continue
			case err != nil && graph.ErrorCode(err) != graph.ENOTFOUND:
				return err
			}
			kept = append(kept, rel)
		}
		if len(kept) == 0 {
			return nil
		}
		res, err := r.s.Import(r.ctx, graph.Batch{Relationships: kept}, false)
		if err != nil {
			return fmt.Errorf("writing relationships %d to %d of %d: %w", written+1, written+len(kept), r.agg.Spells(), err)
		}
		written += len(kept)
		r.sum.Relationships.Created += res.Relationships.Created
		r.sum.Relationships.Updated += res.Relationships.Updated
		r.sum.Relationships.Unchanged += res.Relationships.Unchanged
		return nil
	})
}
