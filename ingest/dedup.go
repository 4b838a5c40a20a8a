package ingest

import (
	"bufio"
	"cmp"
	"container/heap"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// A run folds each event id once, however often its input repeats it,
// without a set of the ids seen (which would grow with the input): the
// events are sorted by id in runs of SortChunk, each run written to a
// temporary file, and the files merged, so that a repeat comes right after
// the first of its id. Memory is one chunk and a read buffer per file;
// when MaxRuns files pile up they are merged into one. Folding in id
// order gives the same ties as folding in file order (the aggregation does
// not depend on order); an unresolved code's example is then its event of
// the least id.

// SortChunk is how many events are sorted in memory at a time.
const SortChunk = 20_000

// MaxRuns is how many sorted files are merged at once.
const MaxRuns = 64

type sorter struct {
	chunk, maxRuns int // 0: SortChunk, MaxRuns
	buf            []Event
	runs           []*os.File
}

// add keeps a copy of ev: a reader's strings may share its line buffer.
func (s *sorter) add(ev *Event) error {
	e := *ev
	for _, p := range []*string{&e.SourceID, &e.Code, &e.Mode, &e.URL, &e.Text,
		&e.Actor1.Code, &e.Actor1.Name, &e.Actor1.Country, &e.Actor1.CountryName, &e.Actor1.Wikidata,
		&e.Actor2.Code, &e.Actor2.Name, &e.Actor2.Country, &e.Actor2.CountryName, &e.Actor2.Wikidata} {
		*p = strings.Clone(*p)
	}
	s.buf = append(s.buf, e)
	if len(s.buf) >= cmp.Or(s.chunk, SortChunk) {
		return s.flush()
	}
	return nil
}

func byID(a, b Event) int { return strings.Compare(a.SourceID, b.SourceID) }

// flush writes the buffer, sorted, as one run.
func (s *sorter) flush() error {
	if len(s.buf) == 0 {
		return nil
	}
	slices.SortStableFunc(s.buf, byID)
	f, err := os.CreateTemp("", "detente-ingest-*.sorted")
	if err != nil {
		return fmt.Errorf("sorting events: %w", err)
	}
	s.runs = append(s.runs, f)
	w := bufio.NewWriterSize(f, 1<<16)
	enc := gob.NewEncoder(w)
	for i := range s.buf {
		if err := enc.Encode(&s.buf[i]); err != nil {
			return fmt.Errorf("sorting events: %w", err)
		}
	}
	clear(s.buf)
	s.buf = s.buf[:0]
	if err := w.Flush(); err != nil {
		return fmt.Errorf("sorting events: %w", err)
	}
	if len(s.runs) >= cmp.Or(s.maxRuns, MaxRuns) {
		return s.compact()
	}
	return nil
}

// compact merges every run into one.
func (s *sorter) compact() error {
	f, err := os.CreateTemp("", "detente-ingest-*.sorted")
	if err != nil {
		return fmt.Errorf("sorting events: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<16)
	enc := gob.NewEncoder(w)
	err = s.merge(func(ev *Event) error { return enc.Encode(ev) })
	if err == nil {
		err = w.Flush()
	}
	s.close()
	s.runs = []*os.File{f}
	if err != nil {
		return fmt.Errorf("sorting events: %w", err)
	}
	return nil
}

// each calls fn on every event added, in id order (events of one id in
// the order they were added).
func (s *sorter) each(fn func(*Event) error) error {
	if err := s.flush(); err != nil {
		return err
	}
	return s.merge(fn)
}

type runHead struct {
	ev  Event
	dec *gob.Decoder
	i   int // the run's place, to keep equal ids in the order added
}

type runHeap []*runHead

func (h runHeap) Len() int { return len(h) }
func (h runHeap) Less(i, j int) bool {
	if c := byID(h[i].ev, h[j].ev); c != 0 {
		return c < 0
	}
	return h[i].i < h[j].i
}
func (h runHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)   { *h = append(*h, x.(*runHead)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func (s *sorter) merge(fn func(*Event) error) error {
	h := runHeap{}
	for i, f := range s.runs {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return err
		}
		r := &runHead{dec: gob.NewDecoder(bufio.NewReaderSize(f, 1<<16)), i: i}
		if err := r.dec.Decode(&r.ev); err != nil {
			if errors.Is(err, io.EOF) {
				continue
			}
			return fmt.Errorf("reading sorted events: %w", err)
		}
		h = append(h, r)
	}
	heap.Init(&h)
	for h.Len() > 0 {
		r := h[0]
		if err := fn(&r.ev); err != nil {
			return err
		}
		r.ev = Event{}
		err := r.dec.Decode(&r.ev)
		switch {
		case errors.Is(err, io.EOF):
			heap.Pop(&h)
		case err != nil:
			return fmt.Errorf("reading sorted events: %w", err)
		default:
			heap.Fix(&h, 0)
		}
	}
	return nil
}

// close removes the runs.
func (s *sorter) close() {
	for _, f := range s.runs {
		f.Close()
		os.Remove(f.Name())
	}
	s.runs = nil
}
