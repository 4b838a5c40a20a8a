package graph

import (
	"slices"
	"sync"
)

// The change feed: the ids each write through a Store touched, in the
// order the writes ended, so that a reader holding a copy of the graph
// (the analysis) can bring it up to date by reading just those records
// again instead of the whole graph.
//
// Invariants: a write is entered (begin) before its driver call and
// recorded (end) after it returns, only when it changed the graph; every
// such write bumps the Version by exactly one (Driver's contract), so a
// reader can tell, by comparing the count of records with the change of
// Version, whether any write it does not know of (another process's)
// came between. While a write is in flight, Changes refuses to answer:
// its effect may already be visible under a Version its record does not
// yet account for.

// ChangeSet is what a run of writes touched: the ids of the actors and
// relationships whose records may differ (read them again: gone, new or
// changed).
type ChangeSet struct {
	Actors        []string
	Relationships []string
}

// changeLog holds the records of the last writes.
type changeLog struct {
	mu       sync.Mutex
	start    uint64 // position of entries[0]
	entries  []logEntry
	inflight int
	// held is the number of ids the entries hold, at most maxLogIDs.
	held int
}

// logEntry is one write's record.
type logEntry struct {
	ChangeSet
	all bool // it touched too much to list: everything
}

// The log's bounds: older entries are dropped beyond them (a reader that
// needs them reads the whole graph).
const (
	maxLogEntries = 4096
	maxLogIDs     = 1 << 16
)

// begin enters a write; the returned function records it, when wrote says
// it changed the graph, as touching cs (nil: everything).
func (l *changeLog) begin() func(wrote bool, cs *ChangeSet) {
	l.mu.Lock()
	l.inflight++
	l.mu.Unlock()
	return func(wrote bool, cs *ChangeSet) {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.inflight--
		if !wrote {
			return
		}
		var e logEntry
		if cs != nil && len(cs.Actors)+len(cs.Relationships) <= maxLogIDs/16 {
			e.ChangeSet = ChangeSet{Actors: slices.Clone(cs.Actors), Relationships: slices.Clone(cs.Relationships)}
		} else {
			e.all = true
		}
		l.entries = append(l.entries, e)
		l.held += len(e.Actors) + len(e.Relationships)
		for len(l.entries) > maxLogEntries || l.held > maxLogIDs {
			l.held -= len(l.entries[0].Actors) + len(l.entries[0].Relationships)
			l.entries[0] = logEntry{}
			l.entries = l.entries[1:]
			l.start++
		}
	}
}

// position returns the position after the last recorded write.
func (l *changeLog) position() uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.start + uint64(len(l.entries))
}

// since returns what the writes recorded from position from on touched,
// how many they are and the position after them; ok is false when a write
// is in flight, when some of them are no longer held, or when one touched
// too much to list.
func (l *changeLog) since(from uint64) (cs ChangeSet, n, next uint64, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	end := l.start + uint64(len(l.entries))
	if l.inflight > 0 || from < l.start || from > end {
		return ChangeSet{}, 0, 0, false
	}
	seenA, seenR := map[string]bool{}, map[string]bool{}
	for _, e := range l.entries[from-l.start:] {
		if e.all {
			return ChangeSet{}, 0, 0, false
		}
		for _, id := range e.Actors {
			if !seenA[id] {
				seenA[id] = true
				cs.Actors = append(cs.Actors, id)
			}
		}
		for _, id := range e.Relationships {
			if !seenR[id] {
				seenR[id] = true
				cs.Relationships = append(cs.Relationships, id)
			}
		}
	}
	slices.Sort(cs.Actors)
	slices.Sort(cs.Relationships)
	return cs, end - from, end, true
}

// ChangePosition returns the position of the change feed after the last
// write recorded: pass it to Changes to learn what later writes touched.
// A reader takes it just before reading the graph whole: every write
// recorded before it is in what it reads.
func (s *Store) ChangePosition() uint64 { return s.log.position() }

// Changes returns what the writes through this Store recorded from
// position from on touched, how many writes they were and the position
// after them. ok is false when it cannot say: a write is in flight, the
// records are no longer held, or a write touched too much to list (an
// import, a new relationship type). Writes by another process through
// another Store are not recorded; a reader tells them by the Version
// having moved more than n (see the change feed's invariants). Only a
// store whose driver is the graph's only writer (Exclusive) records.
func (s *Store) Changes(from uint64) (cs ChangeSet, n, next uint64, ok bool) {
	if !s.exclusive {
		return ChangeSet{}, 0, 0, false
	}
	return s.log.since(from)
}

// Exclusive is implemented by drivers that are the only writer of their
// graph while open (the embedded store locks its file): their Store keeps
// a change feed. A driver that others may write behind (a Neo4j server)
// has none, and readers read it whole after every write.
type Exclusive interface {
	Exclusive() bool
}
