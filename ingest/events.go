package ingest

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/detente/detente/graph"
)

// Events are stored after the relationships, so that each can name the
// derived relationship it folded into: a spell's id (its first day) is
// known only once every input has been read. Until then the run spools
// them to a temporary file, one gob record an event, so that memory does
// not grow with the number of events; the spool is read back in batches
// of EventBatch and removed.

// EventBatch is how many events go to one Store.PutEvents.
const EventBatch = 5000

// spooled is one event waiting to be stored, with the tie it folded into
// (Typ empty when it folded into none).
type spooled struct {
	Event         graph.Event
	Src, Tgt, Typ string
	Symmetric     bool
}

type spool struct {
	f   *os.File
	w   *bufio.Writer
	enc *gob.Encoder
	n   int
}

func newSpool() (*spool, error) {
	f, err := os.CreateTemp("", "detente-ingest-*.events")
	if err != nil {
		return nil, fmt.Errorf("spooling events: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<16)
	return &spool{f: f, w: w, enc: gob.NewEncoder(w)}, nil
}

func (s *spool) add(e *spooled) error {
	s.n++
	return s.enc.Encode(e)
}

// each reads the spool back, n records at a time.
func (s *spool) each(n int, fn func([]spooled) error) error {
	if err := s.w.Flush(); err != nil {
		return err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	dec := gob.NewDecoder(bufio.NewReaderSize(s.f, 1<<16))
	batch := make([]spooled, 0, n)
	for {
		batch = append(batch, spooled{})
		err := dec.Decode(&batch[len(batch)-1])
		if errors.Is(err, io.EOF) {
			batch = batch[:len(batch)-1]
			if len(batch) > 0 {
				return fn(batch)
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading the event spool: %w", err)
		}
		if len(batch) == n {
			if err := fn(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
}

func (s *spool) close() {
	s.f.Close()
	os.Remove(s.f.Name())
}

// EventID is the id an event is stored under: its format, a colon, and
// the source's own id ("gdelt:1100000001").
func EventID(f Format, sourceID string) string { return string(f) + ":" + sourceID }

// storedEvent is ev as the store keeps it, its text fields cut to the
// store's limits and made valid UTF-8.
func storedEvent(ev *Event, typ string) graph.Event {
	s := func(v string, n int) string { return clip(strings.ToValidUTF8(v, "\uFFFD"), n) }
	e := graph.Event{
		ID: EventID(ev.Format, ev.SourceID), Date: ev.Date,
		Actor1Code: s(ev.Actor1.Code, 400), Actor1Name: s(ev.Actor1.Name, 400),
		Actor2Code: s(ev.Actor2.Code, 400), Actor2Name: s(ev.Actor2.Name, 400),
		Code: s(ev.Code, 400), Type: typ, Quad: ev.Quad, Mentions: max(ev.Mentions, 0), Sources: max(ev.Sources, 0),
		URL: s(ev.URL, 3900), Text: s(ev.Text, 3900),
	}
	if ev.HasScore && ev.Score >= -10 && ev.Score <= 10 {
		score := ev.Score
		e.Score = &score
	}
	if e.Quad < 0 || e.Quad > 4 {
		e.Quad = 0
	}
	return e
}

// SpellOf returns the first day of the spell of tie src -typ-> tgt that
// holds day, once every event has been added.
func (a *Aggregator) SpellOf(src, tgt string, typ string, symmetric bool, day graph.Date) (graph.Date, bool) {
	if symmetric && tgt < src {
		src, tgt = tgt, src
	}
	d := dayNumber(day)
	for _, sp := range a.ties[tieKey{src, typ, tgt}] {
		if sp.first <= d && d <= sp.last {
			return dayDate(sp.first), true
		}
	}
	return graph.Date{}, false
}
