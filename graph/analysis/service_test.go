package analysis

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/detente/detente/graph"
)

// fakeSource is a Source whose graph and version the test controls. When
// gate is set, a walk waits for it (or for its context to end); exports
// counts the walks.
type fakeSource struct {
	mu      sync.Mutex
	version uint64
	batch   graph.Batch
	gate    chan struct{}
	exports atomic.Int32
	started chan struct{} // receives when an Export begins
	aborted atomic.Int32  // Exports that ended because their context did
}

func (s *fakeSource) Version(context.Context) (uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version, nil
}

func (s *fakeSource) RelationshipTypes(context.Context) (graph.Registry, error) { return registry, nil }

func (s *fakeSource) Walk(ctx context.Context, actor func(*graph.Actor) error, rel graph.WalkFunc) error {
	b, err := s.export(ctx)
	if err != nil {
		return err
	}
	return b.Walk(ctx, actor, rel)
}

func (s *fakeSource) GetRelationship(_ context.Context, id string) (graph.Relationship, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.batch.Relationships {
		if r.ID == id {
			return r, nil
		}
	}
	return graph.Relationship{}, graph.Errorf(graph.ENOTFOUND, "relationship %s not found", id)
}

func (s *fakeSource) export(ctx context.Context) (graph.Batch, error) {
	s.exports.Add(1)
	s.mu.Lock()
	gate, b := s.gate, s.batch
	s.mu.Unlock()
	if s.started != nil {
		s.started <- struct{}{}
	}
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			s.aborted.Add(1)
			return graph.Batch{}, graph.Unavailable("export cancelled", ctx.Err())
		}
	}
	return b, nil
}

func (s *fakeSource) set(b graph.Batch) {
	s.mu.Lock()
	s.batch = b
	s.version++
	s.mu.Unlock()
}

func TestServiceCache(t *testing.T) {
	ctx := context.Background()
	src := &fakeSource{version: 1, batch: batchOf(mediation)}
	s := NewService(src, WithCacheSize(2))
	top := func(q InfluenceQuery) Score {
		t.Helper()
		r, err := s.Influence(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return r.Results[0]
	}
	stats := func(hits, misses, builds, exports uint64, entries int) {
		t.Helper()
		want := CacheStats{Hits: hits, Misses: misses, Builds: builds, Exports: exports, Entries: entries}
		if got := s.Stats(); got != want {
			t.Errorf("stats = %+v, want %+v", got, want)
		}
	}
	first := top(InfluenceQuery{Algorithm: Degree})
	stats(0, 1, 1, 1, 1)
	if top(InfluenceQuery{Algorithm: Degree}) != first {
		t.Error("second answer differs")
	}
	stats(1, 1, 1, 1, 1)
	// Weighted and unweighted share a projection; so do equal type lists.
	top(InfluenceQuery{Algorithm: PageRank, Filter: Filter{Weighted: true}})
	top(InfluenceQuery{Algorithm: PageRank, Filter: Filter{Polarity: PolarityAll}})
	stats(3, 1, 1, 1, 1)
	top(InfluenceQuery{Filter: Filter{Types: []string{"supports", "negotiates_with"}}})
	top(InfluenceQuery{Filter: Filter{Types: []string{"negotiates_with", "supports", "supports"}}})
	stats(4, 2, 2, 1, 2)
	// A third selection evicts the least recently used (the first).
	top(InfluenceQuery{Filter: Filter{Polarity: PolarityPositive}})
	stats(4, 3, 3, 1, 2)
	top(InfluenceQuery{Filter: Filter{Types: []string{"supports", "negotiates_with"}}})
	stats(5, 3, 3, 1, 2)
	top(InfluenceQuery{})
	stats(5, 4, 4, 1, 2)

	// A write bumps the version: the next query reads the store again and
	// sees the new graph; older projections are dropped.
	src.set(batchOf(append(mediation[:len(mediation):len(mediation)],
		tie{"swiss", "iran", "negotiates_with", 1}, tie{"swiss", "oman", "negotiates_with", 1},
		tie{"swiss", "qatar", "negotiates_with", 1}, tie{"swiss", "eu", "negotiates_with", 1},
		tie{"swiss", "israel", "negotiates_with", 1})))
	if got := top(InfluenceQuery{Algorithm: Degree}); got.Actor != "swiss" || got.Score != 6 {
		t.Errorf("after the write, top degree = %+v, want swiss with 6", got)
	}
	stats(5, 5, 5, 2, 1)
	r, _ := s.Influence(ctx, InfluenceQuery{Algorithm: Degree})
	if r.Version != 2 {
		t.Errorf("ranking version = %d, want 2", r.Version)
	}
}

func TestServiceErrors(t *testing.T) {
	ctx := context.Background()
	s := NewService(&fakeSource{version: 1, batch: batchOf(mediation)})
	// Every bad parameter at once: the query's own and the filter's.
	_, err := s.Influence(ctx, InfluenceQuery{Algorithm: "katz", Limit: -1,
		Filter: Filter{Types: []string{"loves"}, Polarity: "neutral"}})
	e := wantCode(t, err, graph.EINVALID)
	checkFields(t, e, "algorithm", "limit", "types", "polarity")
	_, err = s.Mediators(ctx, MediatorQuery{A: "usa", B: "iran", Filter: Filter{Polarity: PolarityNegative}})
	checkFields(t, wantCode(t, err, graph.EINVALID), "polarity")
	_, err = s.Balance(ctx, BalanceQuery{Filter: Filter{Polarity: PolarityPositive}})
	checkFields(t, wantCode(t, err, graph.EINVALID), "polarity")
	_, err = s.ActorInfluence(ctx, ActorInfluenceQuery{Actor: "atlantis"})
	wantCode(t, err, graph.ENOTFOUND)
	_, err = s.Mediators(ctx, MediatorQuery{A: "atlantis", B: "iran"})
	wantCode(t, err, graph.ENOTFOUND)

	// And each query works through the Service.
	if m, err := s.Mediators(ctx, MediatorQuery{A: "usa", B: "iran", Filter: Filter{Polarity: PolarityAll}}); err != nil || len(m.Results) != 3 {
		t.Errorf("mediators: %+v, %v", m, err)
	}
	if b, err := s.Blocs(ctx, BlocQuery{}); err != nil || b.Count == 0 {
		t.Errorf("blocs: %+v, %v", b, err)
	}
	if b, err := s.Balance(ctx, BalanceQuery{}); err != nil || b.Triads == 0 {
		t.Errorf("balance: %+v, %v", b, err)
	}
	if ai, err := s.ActorInfluence(ctx, ActorInfluenceQuery{Actor: "usa"}); err != nil || len(ai.Influences) == 0 {
		t.Errorf("actor influence: %+v, %v", ai, err)
	}
}

// TestServiceSingleflight: concurrent requests for one projection read the
// store once and build once.
func TestServiceSingleflight(t *testing.T) {
	src := &fakeSource{version: 7, batch: batchOf(mediation), gate: make(chan struct{}), started: make(chan struct{}, 16)}
	s := NewService(src)
	const callers = 8
	var wg sync.WaitGroup
	errs := make(chan error, callers)
	for i := 0; i < callers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.Influence(context.Background(), InfluenceQuery{Algorithm: Betweenness})
			errs <- err
		}()
	}
	<-src.started
	time.Sleep(20 * time.Millisecond) // let the others queue up behind it
	close(src.gate)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := src.exports.Load(); n != 1 {
		t.Errorf("%d exports, want 1", n)
	}
	if st := s.Stats(); st.Builds != 1 || st.Hits+st.Misses != callers {
		t.Errorf("stats = %+v", st)
	}
}

// TestServiceCancel: when every caller waiting for a build has gone, the
// build is cancelled; the next caller starts afresh.
func TestServiceCancel(t *testing.T) {
	src := &fakeSource{version: 1, batch: batchOf(mediation), gate: make(chan struct{}), started: make(chan struct{}, 16)}
	s := NewService(src)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, err := s.Influence(ctx, InfluenceQuery{})
		done <- err
	}()
	<-src.started
	cancel()
	wantCode(t, <-done, graph.EUNAVAILABLE)
	deadline := time.Now().Add(5 * time.Second)
	for src.aborted.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if src.aborted.Load() != 1 {
		t.Fatal("the export was not cancelled when its only caller left")
	}
	close(src.gate)
	if _, err := s.Influence(context.Background(), InfluenceQuery{}); err != nil {
		t.Fatalf("after a cancelled build: %v", err)
	}

	// One caller leaving does not fail another waiting for the same build.
	src2 := &fakeSource{version: 1, batch: batchOf(mediation), gate: make(chan struct{}), started: make(chan struct{}, 16)}
	s = NewService(src2)
	ctx, cancel = context.WithCancel(context.Background())
	first, second := make(chan error), make(chan error)
	go func() { _, err := s.Influence(ctx, InfluenceQuery{}); first <- err }()
	<-src2.started
	go func() { _, err := s.Influence(context.Background(), InfluenceQuery{}); second <- err }()
	// Cancel the first only once the second waits on the same build.
	for s.flights.waiting("export:") < 2 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	wantCode(t, <-first, graph.EUNAVAILABLE)
	close(src2.gate)
	if err := <-second; err != nil {
		t.Errorf("the remaining caller failed: %v", err)
	}
	if n := src2.exports.Load(); n != 1 {
		t.Errorf("%d exports, want 1", n)
	}
}

// TestServiceResultCache: per-actor and per-pair answers are kept on their
// projection, per parameters and weighting, and a write (a new version)
// leaves them behind.
func TestServiceResultCache(t *testing.T) {
	ctx := context.Background()
	src := &fakeSource{version: 1, batch: batchOf(mediation)}
	s := NewService(src)
	ai := func(q ActorInfluenceQuery) ActorInfluence {
		t.Helper()
		r, err := s.ActorInfluence(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	med := func(q MediatorQuery) Mediators {
		t.Helper()
		m, err := s.Mediators(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	sameList := func(what string, a, b []Influence, want bool) {
		t.Helper()
		if len(a) == 0 || len(b) == 0 {
			t.Fatalf("%s: empty lists", what)
		}
		if got := &a[0] == &b[0]; got != want {
			t.Errorf("%s: shared answer = %v, want %v", what, got, want)
		}
	}

	first := ai(ActorInfluenceQuery{Actor: "usa"})
	sameList("the same query again", first.Influences, ai(ActorInfluenceQuery{Actor: "usa"}).Influences, true)
	sameList("defaults spelled out", first.Influences,
		ai(ActorInfluenceQuery{Actor: "usa", Limit: DefaultActorLimit, Paths: DefaultPaths, MaxHops: DefaultPathHops}).Influences, true)
	one := ai(ActorInfluenceQuery{Actor: "usa", Limit: 1})
	if len(one.Influences) != 1 {
		t.Errorf("limit 1 answered from the default's entry: %d results", len(one.Influences))
	}
	w := ai(ActorInfluenceQuery{Actor: "usa", Filter: Filter{Weighted: true}})
	if !w.Weighted {
		t.Error("a weighted query answered from the unweighted entry")
	}
	sameList("weighted", first.Influences, w.Influences, false)

	m1 := med(MediatorQuery{A: "usa", B: "iran"})
	if m2 := med(MediatorQuery{A: "usa", B: "iran"}); &m1.Results[0] != &m2.Results[0] {
		t.Error("the same mediator query was computed again")
	}
	if m := med(MediatorQuery{A: "iran", B: "usa"}); m.Between != [2]string{"iran", "usa"} {
		t.Errorf("the reversed pair answered from the other's entry: between %v", m.Between)
	}

	// A failed computation is not kept.
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.ActorInfluence(cancelled, ActorInfluenceQuery{Actor: "iran"}); err == nil {
		t.Error("a cancelled query succeeded")
	}
	if got := ai(ActorInfluenceQuery{Actor: "iran"}); len(got.InfluencedBy) == 0 {
		t.Errorf("after a cancelled query: %+v", got)
	}

	// A write: a new mediator between usa and iran, and usa influences it.
	src.set(batchOf(append(mediation[:len(mediation):len(mediation)],
		tie{"usa", "norway", "allied_with", 1}, tie{"norway", "iran", "negotiates_with", 1})))
	after := med(MediatorQuery{A: "usa", B: "iran"})
	if after.Version != 2 || !slices.ContainsFunc(after.Results, func(m Mediator) bool { return m.Actor == "norway" }) {
		t.Errorf("after the write, mediators = version %d %+v, want version 2 with norway", after.Version, after.Results)
	}
	a := ai(ActorInfluenceQuery{Actor: "usa"})
	if a.Version != 2 || !slices.ContainsFunc(a.Influences, func(in Influence) bool { return in.Actor == "norway" }) {
		t.Errorf("after the write, usa's influence = version %d %+v, want version 2 with norway", a.Version, a.Influences)
	}
}
