package analysis

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/memstore"
)

// measureOf is the brute-force side of the key-player tests: the measure
// q names, on batch b, computed afresh through the public queries a client
// would read it from (ActorInfluence's lists, Balance's frustration index)
// on a projection built from b alone.
func measureOf(t *testing.T, b graph.Batch, q KeyPlayerQuery) float64 {
	t.Helper()
	f := q.Filter
	if f.Polarity == "" && q.Measure != MeasureFrustration {
		f.Polarity = PolaritySigned
	}
	p := project(t, b, f)
	return measureOn(t, p, q)
}

// measureOn reads q's measure from the projection's public answers.
func measureOn(t *testing.T, p *Projection, q KeyPlayerQuery) float64 {
	t.Helper()
	ctx := context.Background()
	if q.Measure == MeasureFrustration {
		bal, err := p.Balance(ctx, BalanceQuery{Limit: MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		return float64(bal.Frustration.Index)
	}
	ai, err := p.ActorInfluence(ctx, ActorInfluenceQuery{Actor: q.Target, Limit: MaxLimit, Paths: 1, MaxHops: q.MaxHops})
	if err != nil {
		t.Fatal(err)
	}
	sum := func(l []SignedInfluence, only string) float64 {
		s := 0.0
		for _, e := range l {
			if only == "" || e.Actor == only {
				s += e.Score
			}
		}
		return s
	}
	switch q.Measure {
	case MeasureSway:
		return sum(ai.Sways, "")
	case MeasurePressure:
		return sum(ai.Pressures, "")
	case MeasureSwayedBy:
		return sum(ai.SwayedBy, "")
	case MeasurePressuredBy:
		return sum(ai.PressuredBy, "")
	case MeasureSeparation:
		return sum(ai.Sways, q.Other) + sum(ai.SwayedBy, q.Other)
	}
	t.Fatalf("measure %q", q.Measure)
	return 0
}

// measureViaStore is measureOf through a store: b imported into a fresh
// in-memory store, the measure read through a Service, as the API would.
func measureViaStore(t *testing.T, b graph.Batch, q KeyPlayerQuery) float64 {
	t.Helper()
	ctx := context.Background()
	svc := NewService(loadStore(t, b))
	f := q.Filter
	if f.Polarity == "" && q.Measure != MeasureFrustration {
		f.Polarity = PolaritySigned
	}
	p, err := svc.Projection(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	return measureOn(t, p, q)
}

func loadStore(t *testing.T, b graph.Batch) *graph.Store {
	t.Helper()
	ms, err := memstore.Open("")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ms.Close() })
	s := graph.NewStore(ms)
	b.Actors = slices.Clone(b.Actors)
	b.Relationships = slices.Clone(b.Relationships)
	if _, err := s.Import(context.Background(), b, false); err != nil {
		t.Fatal(err)
	}
	return s
}

// applyChanges is the graph of a scenario of changes on b, validated and
// applied as the store layer does.
func applyChanges(t *testing.T, b graph.Batch, changes []graph.Change) graph.Batch {
	t.Helper()
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	sc := graph.Scenario{ID: "kp", Name: "key players", Changes: changes, CreatedAt: now, UpdatedAt: now}
	if errs := graph.ValidateScenario(&sc, registry, "$"); len(errs) > 0 {
		t.Fatalf("scenario invalid: %v", errs)
	}
	out, errs := sc.Apply(b, registry, "$")
	if len(errs) > 0 {
		t.Fatalf("scenario does not apply: %v", errs)
	}
	return out
}

// anyFlip is the brute force's own sign counterpart of a type: the first
// registered type of the opposite polarity and the same symmetry. The
// measures read only those two, so any counterpart gives the same graph.
func anyFlip(typ string) string {
	t, _ := registry.Get(typ)
	for _, c := range registry.Types() {
		if c.Polarity == -t.Polarity && c.Symmetric == t.Symmetric {
			return c.Name
		}
	}
	return ""
}

// bruteItem is one removable (or flippable) item of a batch.
type bruteItem struct {
	id    string
	actor bool
}

// bruteChanges is the brute force's own edit: remove the actors and ties
// of set, or flip the ties' types.
func bruteChanges(b graph.Batch, set []bruteItem, flip bool) []graph.Change {
	var out []graph.Change
	for _, it := range set {
		switch {
		case it.actor:
			out = append(out, graph.Change{Op: graph.OpRemoveActor, ID: it.id})
		case flip:
			for _, r := range b.Relationships {
				if r.ID == it.id {
					r.Type = anyFlip(r.Type)
					out = append(out, graph.Change{Op: graph.OpRemoveRelationship, ID: it.id},
						graph.Change{Op: graph.OpAddRelationship, Relationship: &r})
				}
			}
		default:
			out = append(out, graph.Change{Op: graph.OpRemoveRelationship, ID: it.id})
		}
	}
	return out
}

// bruteItems lists everything the brute force tries: every actor but the
// query's own, or every relationship (every signed one, for a flip) —
// no pruning.
func bruteItems(b graph.Batch, q KeyPlayerQuery) []bruteItem {
	var out []bruteItem
	if q.Kind == KeyPlayerActors {
		for _, a := range b.Actors {
			if a.ID != q.Target && a.ID != q.Other {
				out = append(out, bruteItem{a.ID, true})
			}
		}
	} else {
		for _, r := range b.Relationships {
			if t, _ := registry.Get(r.Type); q.Op != KeyPlayerFlip || t.Polarity != 0 {
				out = append(out, bruteItem{r.ID, false})
			}
		}
	}
	slices.SortFunc(out, func(x, y bruteItem) int { return cmp.Compare(x.id, y.id) })
	return out
}

// datedGraph is swayGraph with some ties dated: validity windows between
// 2000 and 2020, so that as_of selects and coexistence matters.
func datedGraph(seed uint64, n, m int) graph.Batch {
	b := swayGraph(seed, n, m)
	rng := rand.New(rand.NewPCG(seed, 19))
	for i := range b.Relationships {
		if rng.IntN(2) == 0 {
			continue
		}
		from := graph.Date{Year: 2000 + rng.IntN(15), Month: time.January, Day: 1}
		to := graph.Date{Year: from.Year + 1 + rng.IntN(10), Month: time.December, Day: 31}
		b.Relationships[i].ValidFrom, b.Relationships[i].ValidTo = &from, &to
	}
	return b
}

// busiest returns the two actors with the most ties, most first, then by id.
func busiest(b graph.Batch) (string, string) {
	deg := map[string]int{}
	for _, r := range b.Relationships {
		deg[r.Source]++
		deg[r.Target]++
	}
	ids := make([]string, 0, len(deg))
	for id := range deg {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(x, y string) int { return cmp.Or(cmp.Compare(deg[y], deg[x]), cmp.Compare(x, y)) })
	return ids[0], ids[1]
}

// TestKeyPlayersBruteForce checks the searches against a brute force that
// knows nothing of masks or candidates: on small generated signed graphs
// it edits the batch itself (every single item, every set of at most K
// items: remove_relationship, remove_actor, or the tie re-typed to a type
// of the other sign) and measures the edited graph afresh. The greedy
// first pick must be the brute-force best single item (lowest id among
// equals), every pick's value must be the measure on the graph without
// the picks so far (built from the answer's own Changes), and the exact
// set must reach the brute-force optimum.
func TestKeyPlayersBruteForce(t *testing.T) {
	ctx := context.Background()
	asOf := graph.Date{Year: 2010, Month: time.June, Day: 1}
	cases := []struct {
		name  string
		q     KeyPlayerQuery
		dated bool
	}{
		{"sway, ties", KeyPlayerQuery{Measure: MeasureSway}, false},
		{"sway, ties, weighted, 2 hops", KeyPlayerQuery{Measure: MeasureSway, MaxHops: 2, Filter: Filter{Weighted: true}}, false},
		{"sway, ties, structural conduits", KeyPlayerQuery{Measure: MeasureSway, Filter: Filter{Polarity: PolarityAll}}, false},
		{"sway, actors", KeyPlayerQuery{Measure: MeasureSway, Kind: KeyPlayerActors, Filter: Filter{Weighted: true}}, false},
		{"sway, flip", KeyPlayerQuery{Measure: MeasureSway, Op: KeyPlayerFlip, Filter: Filter{Weighted: true}}, false},
		{"pressure, ties, weighted", KeyPlayerQuery{Measure: MeasurePressure, Filter: Filter{Weighted: true}}, false},
		{"pressure, flip", KeyPlayerQuery{Measure: MeasurePressure, Op: KeyPlayerFlip}, false},
		{"swayed_by, actors", KeyPlayerQuery{Measure: MeasureSwayedBy, Kind: KeyPlayerActors}, false},
		{"pressured_by, ties, dated", KeyPlayerQuery{Measure: MeasurePressuredBy, Filter: Filter{Weighted: true}}, true},
		{"swayed_by, ties, as_of", KeyPlayerQuery{Measure: MeasureSwayedBy, Filter: Filter{AsOf: &asOf}}, true},
		{"separation, ties", KeyPlayerQuery{Measure: MeasureSeparation, Filter: Filter{Weighted: true}}, false},
		{"separation, actors, dated", KeyPlayerQuery{Measure: MeasureSeparation, Kind: KeyPlayerActors}, true},
		{"separation, flip", KeyPlayerQuery{Measure: MeasureSeparation, Op: KeyPlayerFlip}, false},
		{"frustration, ties", KeyPlayerQuery{Measure: MeasureFrustration}, false},
		{"frustration, flip", KeyPlayerQuery{Measure: MeasureFrustration, Op: KeyPlayerFlip}, false},
		{"frustration, actors, as_of", KeyPlayerQuery{Measure: MeasureFrustration, Kind: KeyPlayerActors, Filter: Filter{AsOf: &asOf}}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			picks, differs := 0, 0
			for g := uint64(0); g < 6; g++ {
				b := swayGraph(200+g, 6+int(g%2), 13+int(g%3))
				if tc.dated {
					b = datedGraph(200+g, 6+int(g%2), 13+int(g%3))
				}
				q := tc.q
				q.K, q.Exact = 2, true
				if q.Measure != MeasureFrustration {
					q.Target, q.Other = busiest(b)
					if q.Measure != MeasureSeparation {
						q.Other = ""
					}
				}
				f := q.Filter
				if f.Polarity == "" && q.Measure != MeasureFrustration {
					f.Polarity = PolaritySigned
				}
				kp, err := project(t, b, f).KeyPlayers(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if q.MaxHops == 0 && q.Measure != MeasureFrustration {
					q.MaxHops = DefaultPathHops
				}
				if kp.Approximate {
					t.Fatalf("graph %d: approximate on a small graph", g)
				}
				brute := func(set []bruteItem) float64 {
					return measureOf(t, applyChanges(t, b, bruteChanges(b, set, q.Op == KeyPlayerFlip)), q)
				}
				base := measureOf(t, b, q)
				if !closeTo(kp.Base, base) {
					t.Errorf("graph %d: base %v, measure %v", g, kp.Base, base)
				}

				// The best single item, by brute force.
				items := bruteItems(b, q)
				best, bestVal := -1, base
				for i, it := range items {
					if v := brute([]bruteItem{it}); v < bestVal && !closeTo(v, bestVal) {
						best, bestVal = i, v
					}
				}
				switch {
				case best < 0 && len(kp.Picks) > 0:
					t.Errorf("graph %d: no item lowers %v, yet picks %+v", g, base, kp.Picks[0])
				case best >= 0 && len(kp.Picks) == 0:
					t.Errorf("graph %d: no pick; removing %s gives %v < %v", g, items[best].id, bestVal, base)
				case best >= 0 && (kp.Picks[0].ID != items[best].id || !closeTo(kp.Picks[0].After, bestVal)):
					t.Errorf("graph %d: first pick %s (%v), brute force %s (%v)", g, kp.Picks[0].ID, kp.Picks[0].After, items[best].id, bestVal)
				}

				// Every pick's value is the measure on the graph without
				// the picks so far, built from the answer's changes.
				var changes []graph.Change
				prev := kp.Base
				for i, pk := range kp.Picks {
					changes = append(changes, pk.Changes()...)
					v := measureOf(t, applyChanges(t, b, changes), q)
					if !closeTo(pk.After, v) || pk.Before != prev || !closeTo(pk.Delta, pk.After-pk.Before) ||
						pk.Delta >= 0 || !closeTo(pk.Cumulative, pk.After-kp.Base) || pk.Rank != i+1 {
						t.Errorf("graph %d: pick %+v; measure after it %v", g, pk, v)
					}
					prev = pk.After
				}
				if kp.Final != prev || kp.Exhausted != (len(kp.Picks) < q.K) {
					t.Errorf("graph %d: final %v exhausted %v after %d picks ending at %v", g, kp.Final, kp.Exhausted, len(kp.Picks), prev)
				}

				// The exact optimum, by brute force over every set of at
				// most K items.
				opt := base
				for i := range items {
					opt = min(opt, brute(items[i:i+1]))
					for j := i + 1; j < len(items); j++ {
						opt = min(opt, brute([]bruteItem{items[i], items[j]}))
					}
				}
				ex := kp.Exact
				if ex == nil {
					t.Fatalf("graph %d: no exact answer", g)
				}
				if !closeTo(ex.Value, opt) || ex.Value > kp.Final || !closeTo(ex.Delta, ex.Value-kp.Base) {
					t.Errorf("graph %d: exact %+v, brute-force optimum %v, greedy %v", g, ex, opt, kp.Final)
				}
				if v := measureViaStore(t, applyChanges(t, b, ex.Changes()), q); !closeTo(v, ex.Value) {
					t.Errorf("graph %d: exact set %+v measures %v through a store", g, ex.Members, v)
				}
				if v := measureViaStore(t, applyChanges(t, b, kp.Changes()), q); !closeTo(v, kp.Final) {
					t.Errorf("graph %d: the picks' scenario measures %v through a store, final %v", g, v, kp.Final)
				}
				picks += len(kp.Picks)
				if ex.Value < kp.Final {
					differs++
				}
			}
			if picks == 0 {
				t.Errorf("no graph had a pick: the case tests nothing")
			}
			t.Logf("%d picks; the exact set beat the greedy one on %d graphs", picks, differs)
		})
	}
}

// TestKeyPlayersExample works a small case by hand: a supports b and c, b
// supports d, d attacks a (unweighted, α = 1/2). a's sway is b 0.5 + c 0.5
// + d 0.25. Cutting a→b loses b and d (−0.75), then a→c the rest (the
// scan stops there: 0 is the floor); nothing is left to lower, so the
// search stops at two picks though three were asked for.
func TestKeyPlayersExample(t *testing.T) {
	ctx := context.Background()
	b := batchOf([]tie{{"a", "c", "supports", 1}, {"a", "b", "supports", 1}, {"b", "d", "supports", 1}, {"d", "a", "attacks", 1}})
	p := project(t, b, Filter{Polarity: PolaritySigned})
	kp, err := p.KeyPlayers(ctx, KeyPlayerQuery{Measure: MeasureSway, Target: "a", Exact: true})
	if err != nil {
		t.Fatal(err)
	}
	label := func(r string) string { return "Actor " + r[:1] + " —supports→ Actor " + r[1:] }
	rel := func(i int) *graph.Relationship { r := b.Relationships[i]; return &r }
	want := KeyPlayers{Measure: MeasureSway, Target: "a", Kind: KeyPlayerTies, Op: KeyPlayerRemove, K: 3, MaxHops: 3,
		Candidates: 4, Evaluations: 1 + 4 + 1 + 4 + 1, Base: 1.25, Final: 0, Exhausted: true,
		Picks: []KeyPlayerPick{
			{Rank: 1, KeyPlayerItem: KeyPlayerItem{ID: "r0001", Label: label("ab"), Relationship: rel(1)}, Before: 1.25, After: 0.5, Delta: -0.75, Cumulative: -0.75},
			{Rank: 2, KeyPlayerItem: KeyPlayerItem{ID: "r0000", Label: label("ac"), Relationship: rel(0)}, Before: 0.5, After: 0, Delta: -0.5, Cumulative: -1.25},
		},
		// Two cuts suffice; the first pair reaches 0, and the search stops
		// there: no set does better.
		Exact: &KeyPlayerSet{Members: []KeyPlayerItem{{ID: "r0000", Label: label("ac"), Relationship: rel(0)}, {ID: "r0001", Label: label("ab"), Relationship: rel(1)}},
			Value: 0, Delta: -1.25, Sets: 4 + 1},
	}
	if diff := gocmp.Diff(want, kp); diff != "" {
		t.Errorf("key players (-want +got):\n%s", diff)
	}
	wantChanges := []graph.Change{{Op: graph.OpRemoveRelationship, ID: "r0001"}, {Op: graph.OpRemoveRelationship, ID: "r0000"}}
	if diff := gocmp.Diff(wantChanges, kp.Changes()); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}

	// Equal effects: the lower id first. Flipped, a's supports become
	// opposes: sway gone, and the scenario re-types the tie.
	b = batchOf([]tie{{"a", "b", "supports", 1}, {"a", "c", "supports", 1}})
	kp, err = project(t, b, Filter{}).KeyPlayers(ctx, KeyPlayerQuery{Measure: MeasureSway, Target: "a", K: 1, Op: KeyPlayerFlip})
	if err != nil {
		t.Fatal(err)
	}
	if len(kp.Picks) != 1 || kp.Picks[0].ID != "r0000" || kp.Picks[0].FlipTo != "opposes" || kp.Picks[0].After != 0.5 {
		t.Fatalf("flip picks %+v", kp.Picks)
	}
	ch := kp.Changes()
	if len(ch) != 2 || ch[0].Op != graph.OpRemoveRelationship || ch[1].Op != graph.OpAddRelationship ||
		ch[1].Relationship.ID != "r0000" || ch[1].Relationship.Type != "opposes" || b.Relationships[0].Type != "supports" {
		t.Errorf("flip changes %+v", ch)
	}
}

// TestKeyPlayersDeterministic: the same query on the same graph gives the
// same answer, whatever the order the store hands the relationships over
// in, and however the cache is warm.
func TestKeyPlayersDeterministic(t *testing.T) {
	ctx := context.Background()
	b := swayGraph(31, 9, 30)
	shuffled := b
	shuffled.Relationships = slices.Clone(b.Relationships)
	rand.New(rand.NewPCG(1, 1)).Shuffle(len(shuffled.Relationships), func(i, j int) {
		shuffled.Relationships[i], shuffled.Relationships[j] = shuffled.Relationships[j], shuffled.Relationships[i]
	})
	target, _ := busiest(b)
	for _, q := range []KeyPlayerQuery{
		{Measure: MeasureSway, Target: target, K: 4, Exact: true, Filter: Filter{Weighted: true}},
		{Measure: MeasurePressure, Target: target, K: 3, Kind: KeyPlayerActors},
		{Measure: MeasureFrustration, K: 5},
	} {
		t.Run(q.Measure, func(t *testing.T) {
			var first KeyPlayers
			for i, batch := range []graph.Batch{b, shuffled, b} {
				f := q.Filter
				if q.Measure != MeasureFrustration {
					f.Polarity = PolaritySigned
				}
				kp, err := project(t, batch, f).KeyPlayers(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if i == 0 {
					first = kp
					if len(kp.Picks) == 0 {
						t.Fatalf("no picks: %+v", kp)
					}
					continue
				}
				if diff := gocmp.Diff(first, kp); diff != "" {
					t.Errorf("run %d differs (-first +this):\n%s", i, diff)
				}
			}
			// Through the Service (a cached projection, then the memo).
			svc := NewService(loadStore(t, b))
			for range 2 {
				kp, err := svc.KeyPlayers(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if diff := gocmp.Diff(pickValues(first), pickValues(kp)); diff != "" {
					t.Errorf("service differs (-projection +service):\n%s", diff)
				}
			}
		})
	}
}

// pickValues is what a search found, without the relationships' store
// fields (timestamps, empty lists) that differ between a store and a batch.
func pickValues(kp KeyPlayers) []string {
	var out []string
	for _, pk := range kp.Picks {
		out = append(out, fmt.Sprintf("%d %s %q %s %v %v %v %v", pk.Rank, pk.ID, pk.Label, pk.FlipTo, pk.Before, pk.After, pk.Delta, pk.Cumulative))
	}
	return append(out, fmt.Sprint(kp.Base, kp.Final, kp.Candidates, kp.Evaluations))
}

// TestKeyPlayersInvalid: every problem of a query comes back at once, each
// under its query parameter; unknown actors are ENOTFOUND; searches past
// their caps are ETOOLARGE.
func TestKeyPlayersInvalid(t *testing.T) {
	ctx := context.Background()
	svc := NewService(loadStore(t, batchOf(hostility)))
	cases := []struct {
		name  string
		q     KeyPlayerQuery
		paths []string
	}{
		{"everything wrong", KeyPlayerQuery{Measure: "centrality", Target: "no such id!", Other: "us", K: 11, Kind: "edges", Op: "cut", MaxHops: 9,
			Filter: Filter{Types: []string{"loves"}, Polarity: "neutral"}},
			[]string{"measure", "target", "other", "k", "kind", "op", "max_hops", "types", "polarity"}},
		{"measure missing", KeyPlayerQuery{}, []string{"measure"}},
		{"sway without target", KeyPlayerQuery{Measure: MeasureSway, K: -1, MaxHops: 5}, []string{"target", "k", "max_hops"}},
		{"flip of actors", KeyPlayerQuery{Measure: MeasureSway, Target: "iran", Kind: KeyPlayerActors, Op: KeyPlayerFlip}, []string{"op"}},
		{"flip on positive ties", KeyPlayerQuery{Measure: MeasureSway, Target: "iran", Op: KeyPlayerFlip, Filter: Filter{Polarity: PolarityPositive}}, []string{"polarity"}},
		{"frustration with actor and hops", KeyPlayerQuery{Measure: MeasureFrustration, Target: "iran", MaxHops: 2, Filter: Filter{Polarity: PolaritySigned}},
			[]string{"target", "max_hops", "polarity"}},
		{"separation from itself", KeyPlayerQuery{Measure: MeasureSeparation, Target: "iran", Other: "iran"}, []string{"other"}},
		{"separation without other", KeyPlayerQuery{Measure: MeasureSeparation, Target: "iran", Kind: KeyPlayerActors}, []string{"other"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := wantCode(t, mustErr(svc.KeyPlayers(ctx, tc.q)), graph.EINVALID)
			checkFields(t, e, tc.paths...)
		})
	}
	wantCode(t, mustErr(svc.KeyPlayers(ctx, KeyPlayerQuery{Measure: MeasureSway, Target: "atlantis"})), graph.ENOTFOUND)
	wantCode(t, mustErr(svc.KeyPlayers(ctx, KeyPlayerQuery{Measure: MeasureSeparation, Target: "iran", Other: "atlantis"})), graph.ENOTFOUND)

	// Past the caps: 60 actors have more than 20 000 sets of up to 3; a
	// graph of 800 ties (about 620 signed) has more than
	// MaxKeyPlayerCandidates signed ties.
	big := swayGraph(5, 60, 800)
	p := project(t, big, Filter{})
	wantCode(t, mustErr(p.KeyPlayers(ctx, KeyPlayerQuery{Measure: MeasureFrustration, Kind: KeyPlayerActors, Exact: true})), graph.ETOOLARGE)
	wantCode(t, mustErr(p.KeyPlayers(ctx, KeyPlayerQuery{Measure: MeasureFrustration})), graph.ETOOLARGE)
	// On 600 random ties (470 signed) the frustration index is only
	// bounded within the search budget: the search compares no bounds.
	p = project(t, swayGraph(9, 80, 600), Filter{})
	e := wantCode(t, mustErr(p.KeyPlayers(ctx, KeyPlayerQuery{Measure: MeasureFrustration})), graph.ETOOLARGE)
	if !strings.Contains(e.Message, "exact") {
		t.Errorf("message %q", e.Message)
	}

	// A cancelled search is EUNAVAILABLE, and not kept.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	q := KeyPlayerQuery{Measure: MeasureSway, Target: "iran"}
	wantCode(t, mustErr(svc.KeyPlayers(cctx, q)), graph.EUNAVAILABLE)
	if kp, err := svc.KeyPlayers(ctx, q); err != nil || len(kp.Picks) == 0 {
		t.Errorf("after a cancelled search: %+v, %v", kp, err)
	}
	// A deadline ends a long search inside its loops: the context expires
	// after the search has looked at it 50 times (well inside the first
	// greedy step), whatever the machine's speed, and the search must
	// stop within a few more looks.
	random := swayGraph(9, 80, 600)
	target, _ := busiest(random)
	p = project(t, random, Filter{Polarity: PolaritySigned})
	// The search itself, not through the memo, whose shared computation
	// runs under a context of its own.
	dctx := &expiringCtx{Context: ctx, after: 50, done: make(chan struct{})}
	kq := KeyPlayerQuery{Measure: MeasureSway, Target: target, K: MaxKeyPlayers}
	if errs := kq.fieldErrors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	wantCode(t, mustErr(p.keyPlayers(dctx, kq)), graph.EUNAVAILABLE)
	if late := dctx.looks.Load() - dctx.after; late > 10 {
		t.Errorf("the search looked at its expired context %d more times before it stopped", late)
	}
}

// expiringCtx is a context that expires (DeadlineExceeded) the after-th
// time Err is called: a deadline in the middle of a computation that does
// not depend on how fast the computation runs.
type expiringCtx struct {
	context.Context
	after int64
	looks atomic.Int64
	once  sync.Once
	done  chan struct{}
}

func (c *expiringCtx) Err() error {
	if c.looks.Add(1) < c.after {
		return nil
	}
	c.once.Do(func() { close(c.done) })
	return context.DeadlineExceeded
}

func (c *expiringCtx) Done() <-chan struct{} { return c.done }

func TestSubsetsUpTo(t *testing.T) {
	for _, tc := range []struct{ n, k, want int }{
		{5, 1, 5}, {5, 2, 15}, {5, 5, 31}, {40, 3, 40 + 780 + 9880}, {41, 3, 41 + 820 + 10660}, {100, 3, MaxKeyPlayerSets + 1}, {0, 0, 0},
	} {
		if got := subsetsUpTo(tc.n, tc.k, MaxKeyPlayerSets); got != tc.want {
			t.Errorf("subsetsUpTo(%d, %d) = %d, want %d", tc.n, tc.k, got, tc.want)
		}
	}
}

func TestFlipType(t *testing.T) {
	for _, tc := range []struct {
		typ     string
		allowed []string
		want    string
	}{
		{"supports", nil, "opposes"},
		{"opposes", nil, "supports"},
		{"arms", nil, "sanctions"},
		{"allied_with", nil, "hostile_to"},
		{"negotiates_with", nil, "hostile_to"},
		{"hostile_to", nil, "allied_with"},
		{"supports", []string{"supports", "attacks"}, "attacks"},
		{"supports", []string{"supports", "hostile_to"}, ""},
		{"member_of", nil, ""},
	} {
		if got, ok := flipType(registry, tc.typ, tc.allowed); got != tc.want || ok != (tc.want != "") {
			t.Errorf("flipType(%s, %v) = %q, %v; want %q", tc.typ, tc.allowed, got, ok, tc.want)
		}
	}
}

// TestKeyPlayersScenario asks the shipped scenario, as of its cut-off,
// what an analyst would: which ties carry Iran's sway, which actors, what
// holds the United States and Iran together, and what keeps the graph
// from splitting into two camps. It checks properties, not answers: the
// values are the measure on the graph without the picks, sway is cut
// only by cooperative ties, and Iran's sway runs through its support for
// armed groups.
func TestKeyPlayersScenario(t *testing.T) {
	ctx := context.Background()
	b, asOf := scenario(t)
	kinds := map[string]graph.ActorKind{}
	for _, a := range b.Actors {
		kinds[a.ID] = a.Kind
	}
	svc := NewService(loadStore(t, b))
	for _, weighted := range []bool{false, true} {
		t.Run(fmt.Sprintf("weighted=%v", weighted), func(t *testing.T) {
			f := Filter{AsOf: &asOf, Weighted: weighted}
			run := func(q KeyPlayerQuery) KeyPlayers {
				t.Helper()
				q.Filter = f
				kp, err := svc.KeyPlayers(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("%s %s %s/%s of %d: base %v, final %v (%d evaluations)", q.Measure, q.Target+q.Other, kp.Kind, kp.Op, kp.Candidates, kp.Base, kp.Final, kp.Evaluations)
				for _, pk := range kp.Picks {
					t.Logf("  #%d %s (%s): %v -> %v", pk.Rank, pk.Label, pk.ID, pk.Before, pk.After)
				}
				if kp.Approximate {
					t.Errorf("approximate")
				}
				q.MaxHops = kp.MaxHops
				if v := measureOf(t, applyChanges(t, b, kp.Changes()), q); !closeTo(v, kp.Final) {
					t.Errorf("the graph without the picks measures %v, final %v", v, kp.Final)
				}
				return kp
			}
			sign := func(r *graph.Relationship) int { ty, _ := registry.Get(r.Type); return ty.Polarity }

			sway := run(KeyPlayerQuery{Measure: MeasureSway, Target: "iran", K: 5})
			ai, err := svc.ActorInfluence(ctx, ActorInfluenceQuery{Actor: "iran", Filter: f, Limit: MaxLimit})
			if err != nil {
				t.Fatal(err)
			}
			total := 0.0
			for _, e := range ai.Sways {
				total += e.Score
			}
			if !closeTo(sway.Base, total) || len(sway.Picks) != 5 {
				t.Fatalf("Iran's sway %v, key players' base %v, %d picks", total, sway.Base, len(sway.Picks))
			}
			proxies := 0
			for _, pk := range sway.Picks {
				r := pk.Relationship
				if sign(r) != 1 {
					t.Errorf("cutting %s, not cooperative, lowers sway", pk.Label)
				}
				if r.Source == "iran" && kinds[r.Target] == graph.KindArmedGroup {
					proxies++
				}
			}
			if first := sway.Picks[0].Relationship; first.Source != "iran" && first.Target != "iran" {
				t.Errorf("the tie that most carries Iran's sway is not Iran's own: %s", sway.Picks[0].Label)
			}
			if proxies == 0 {
				t.Errorf("none of the 5 ties carrying most of Iran's sway is its backing of an armed group")
			}

			actors := run(KeyPlayerQuery{Measure: MeasureSway, Target: "iran", Kind: KeyPlayerActors, K: 3})
			for _, pk := range actors.Picks {
				if slices.IndexFunc(ai.Sways, func(e SignedInfluence) bool { return e.Actor == pk.ID }) < 0 {
					t.Errorf("removing %s, whom Iran does not sway, lowers its sway", pk.ID)
				}
			}

			// The channels between the US and Iran are their talks and
			// what relays to them: cutting them is cutting cooperation.
			sep := run(KeyPlayerQuery{Measure: MeasureSeparation, Target: "united-states", Other: "iran", K: 3})
			if sep.Base <= 0 || len(sep.Picks) == 0 {
				t.Fatalf("no cooperative channel between the US and Iran: %+v", sep)
			}
			for _, pk := range sep.Picks {
				if sign(pk.Relationship) != 1 {
					t.Errorf("cutting %s, not cooperative, separates the US and Iran", pk.Label)
				}
			}

			// Each tie removed lowers the frustration index by one at
			// most, and a tie a best split frustrates lowers it by one.
			fr := run(KeyPlayerQuery{Measure: MeasureFrustration, K: 3})
			bal, err := svc.Balance(ctx, BalanceQuery{Filter: f})
			if err != nil {
				t.Fatal(err)
			}
			if fr.Base != float64(bal.Frustration.Index) || len(fr.Picks) != min(3, bal.Frustration.Index) {
				t.Fatalf("frustration base %v, index %d, %d picks", fr.Base, bal.Frustration.Index, len(fr.Picks))
			}
			for _, pk := range fr.Picks {
				if pk.Delta != -1 {
					t.Errorf("removing %s changes frustration by %v", pk.Label, pk.Delta)
				}
			}
			flip := run(KeyPlayerQuery{Measure: MeasureFrustration, K: 3, Op: KeyPlayerFlip})
			for _, pk := range flip.Picks {
				if pk.Delta != -1 || pk.FlipTo == "" {
					t.Errorf("flipping %s to %s changes frustration by %v", pk.Label, pk.FlipTo, pk.Delta)
				}
			}
		})
	}
}

// campGraph generates n actors in two camps and m ties between random
// pairs: cooperative within a camp and conflictual across, each the other
// way round with probability noise — the structure real signed networks
// have, on which the frustration index is found exactly.
func campGraph(seed uint64, n, m int, noise float64) graph.Batch {
	rng := rand.New(rand.NewPCG(seed, 20))
	coop := []string{"supports", "allied_with", "arms", "negotiates_with"}
	conf := []string{"sanctions", "hostile_to", "attacks", "opposes"}
	ties := make([]tie, 0, m)
	for len(ties) < m {
		u, v := rng.IntN(n), rng.IntN(n)
		if u == v {
			continue
		}
		friendly := u%2 == v%2
		if rng.Float64() < noise {
			friendly = !friendly
		}
		types := conf
		if friendly {
			types = coop
		}
		ties = append(ties, tie{fmt.Sprintf("n%d", u), fmt.Sprintf("n%d", v), types[rng.IntN(len(types))], float64(1+rng.IntN(10)) / 10})
	}
	return batchOf(ties)
}

// BenchmarkKeyPlayers times greedy searches of MaxKeyPlayers steps near
// MaxKeyPlayerCandidates candidates, the most a query may try: the
// frustration index of a two-camp graph of 480 signed ties (each step
// ends at the first tie that lowers the index by one), and the sway of
// the busiest actor of a random graph of 600 ties (about 470 signed).
func BenchmarkKeyPlayers(b *testing.B) {
	camps := campGraph(9, 80, 480, 0.1)
	random := swayGraph(9, 80, 600)
	target, _ := busiest(random)
	for _, bc := range []struct {
		name string
		p    *Projection
		q    KeyPlayerQuery
	}{
		{"frustration", project(b, camps, Filter{}), KeyPlayerQuery{Measure: MeasureFrustration, K: MaxKeyPlayers}},
		{"frustration flip", project(b, camps, Filter{}), KeyPlayerQuery{Measure: MeasureFrustration, K: MaxKeyPlayers, Op: KeyPlayerFlip}},
		{"sway", project(b, random, Filter{Polarity: PolaritySigned}), KeyPlayerQuery{Measure: MeasureSway, Target: target, K: MaxKeyPlayers}},
		{"sway actors", project(b, random, Filter{Polarity: PolaritySigned}), KeyPlayerQuery{Measure: MeasureSway, Target: target, K: MaxKeyPlayers, Kind: KeyPlayerActors}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			if errs := bc.q.fieldErrors(); len(errs) > 0 {
				b.Fatal(errs)
			}
			for range b.N {
				kp, err := bc.p.keyPlayers(context.Background(), bc.q)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(kp.Candidates), "candidates")
				b.ReportMetric(float64(kp.Evaluations), "evaluations")
			}
		})
	}
}
