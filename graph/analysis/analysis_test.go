package analysis

import (
	"context"
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/graph/community"

	"github.com/detente/detente/graph"
)

// mediation: usa and iran reach each other through oman, qatar and the eu
// over positive ties; their hostility and the swiss tie to usa only do
// not count.
var mediation = []tie{
	{"usa", "oman", "negotiates_with", 0.9},
	{"oman", "iran", "negotiates_with", 0.8},
	{"usa", "qatar", "supports", 0.5},
	{"qatar", "iran", "negotiates_with", 0.6},
	{"usa", "eu", "allied_with", 1.0},
	{"eu", "iran", "negotiates_with", 0.5},
	{"eu", "oman", "allied_with", 0.5},
	{"usa", "iran", "hostile_to", 0.9},
	{"usa", "iran", "sanctions", 0.8},
	{"swiss", "usa", "mediates", 0.7},
	{"qatar", "iran", "member_of", 1.0},
}

func actorsOf(ev []Evidence) [][]string {
	var out [][]string
	for _, e := range ev {
		out = append(out, e.Actors)
	}
	return out
}

func mustErr[T any](_ T, err error) error { return err }

func checkFields(t *testing.T, e *graph.Error, paths ...string) {
	t.Helper()
	var got []string
	for _, f := range e.Fields {
		got = append(got, f.Path)
	}
	if !slices.Equal(got, paths) {
		t.Errorf("field errors %v, want paths %v", e.Fields, paths)
	}
}

// blocsGraph: two allied cliques of four bridged by one supports tie, a
// separate pair, and hostility across that Louvain must not see.
func blocsGraph() []tie {
	var ts []tie
	for _, c := range [][]string{{"a1", "a2", "a3", "a4"}, {"b1", "b2", "b3", "b4"}} {
		for i := range c {
			for j := i + 1; j < len(c); j++ {
				ts = append(ts, tie{c[i], c[j], "allied_with", 0.9})
			}
		}
	}
	return append(ts,
		tie{"a1", "b1", "supports", 0.3},
		tie{"c1", "c2", "negotiates_with", 0.5},
		tie{"a2", "b2", "hostile_to", 1},
		tie{"a3", "b3", "attacks", 1},
		tie{"x", "a1", "sanctions", 1})
}

func TestBlocs(t *testing.T) {
	ctx := context.Background()
	for _, weighted := range []bool{false, true} {
		p := project(t, batchOf(blocsGraph()), Filter{Weighted: weighted})
		got, err := p.Blocs(ctx, BlocQuery{})
		if err != nil {
			t.Fatal(err)
		}
		want := [][]string{{"a1", "a2", "a3", "a4"}, {"b1", "b2", "b3", "b4"}, {"c1", "c2"}}
		if len(got.Blocs) != 3 || got.Count != 3 || got.Actors != 10 {
			t.Fatalf("weighted=%v: blocs %+v", weighted, got)
		}
		for i, b := range got.Blocs {
			if !slices.Equal(b.Members, want[i]) || b.Size != len(want[i]) || b.ID != i+1 {
				t.Errorf("weighted=%v: bloc %d = %+v, want %v", weighted, i, b, want[i])
			}
		}
		// Modularity by hand: Σ_c L_c/m - (d_c/2m)².
		w, bridge, pair := 1.0, 1.0, 1.0
		if weighted {
			w, bridge, pair = 0.9, 0.3, 0.5
		}
		m := 12*w + bridge + pair
		dA := 12*w + bridge
		wantQ := 2*(6*w/m-math.Pow(dA/(2*m), 2)) + pair/m - math.Pow(2*pair/(2*m), 2)
		if !closeTo(got.Modularity, wantQ) {
			t.Errorf("weighted=%v: modularity %v, want %v", weighted, got.Modularity, wantQ)
		}
		// The same as gonum's community.Q on the same partition.
		g := newPositiveGraph(p)
		comms := [][]int32{}
		for _, b := range got.Blocs {
			var c []int32
			for _, id := range b.Members {
				i, _ := p.Index(id)
				c = append(c, int32(i))
			}
			comms = append(comms, c)
		}
		if q := community.Q(g, toGonum(comms), 1); !closeTo(got.Modularity, q) {
			t.Errorf("weighted=%v: modularity %v, gonum's Q %v", weighted, got.Modularity, q)
		}
		// Deterministic.
		again, _ := p.Blocs(ctx, BlocQuery{})
		if !slices.EqualFunc(got.Blocs, again.Blocs, func(a, b Bloc) bool { return slices.Equal(a.Members, b.Members) }) {
			t.Errorf("weighted=%v: blocs differ between runs", weighted)
		}
		limited, _ := p.Blocs(ctx, BlocQuery{Limit: 1})
		if len(limited.Blocs) != 1 || limited.Count != 3 {
			t.Errorf("limit 1: %+v", limited)
		}
	}
	// Only hostility: no positive graph, no blocs.
	p := project(t, batchOf(blocsGraph()), Filter{Polarity: PolarityNegative})
	got, err := p.Blocs(ctx, BlocQuery{})
	if err != nil || len(got.Blocs) != 0 || got.Blocs == nil {
		t.Errorf("no positive ties: %+v, %v", got, err)
	}
	e := wantCode(t, mustErr(p.Blocs(ctx, BlocQuery{Resolution: -1, Filter: Filter{Polarity: "negative"}})), graph.EINVALID)
	checkFields(t, e, "polarity", "resolution")
}

// balanceGraph: see TestBalance.
var balanceGraph = []tie{
	{"usa", "israel", "allied_with", 0.9},
	{"usa", "iran", "hostile_to", 0.9},
	{"israel", "iran", "hostile_to", 0.9},
	{"china", "russia", "allied_with", 0.8},
	{"china", "iran", "supports", 0.6},
	{"russia", "iran", "sanctions", 0.5},
	{"isis", "usa", "hostile_to", 1},
	{"isis", "iran", "hostile_to", 1},
	{"oman", "iran", "supports", 0.8},
	{"oman", "iran", "criticizes", 0.3},
	{"oman", "usa", "allied_with", 0.7},
	{"usa", "israel", "member_of", 1},
}

func TestBalance(t *testing.T) {
	ctx := context.Background()
	b := batchOf(balanceGraph)

	// Weighted: oman-iran nets +0.5, so four triads: iran-israel-usa (+--),
	// china-iran-russia (++-), iran-isis-usa (---), iran-oman-usa (++-).
	p := project(t, b, Filter{Weighted: true})
	got, err := p.Balance(ctx, BalanceQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Triads != 4 || got.Balanced != 1 || got.Unbalanced != 3 || got.Ratio != 0.25 ||
		got.Counts != (TriadCounts{PNN: 1, PPN: 2, NNN: 1}) || got.Ambivalent != 0 || got.Pairs != 10 {
		t.Errorf("weighted balance = %+v", got)
	}
	wantTriads := []Triad{
		{Actors: [3]string{"china", "iran", "russia"}, Signs: [3]int{1, 1, -1}, Kind: "++-"},
		{Actors: [3]string{"iran", "isis", "usa"}, Signs: [3]int{-1, -1, -1}, Kind: "---"},
		{Actors: [3]string{"iran", "oman", "usa"}, Signs: [3]int{1, -1, 1}, Kind: "++-"},
	}
	if !slices.Equal(got.UnbalancedTriads, wantTriads) || got.Truncated {
		t.Errorf("unbalanced triads = %+v", got.UnbalancedTriads)
	}
	var actors []string
	for _, a := range got.Actors {
		actors = append(actors, a.Actor)
	}
	if !slices.Equal(actors, []string{"iran", "usa", "china", "isis", "oman", "russia"}) ||
		got.Actors[0].Unbalanced != 3 || got.Actors[0].Triads != 4 || got.Actors[1].Unbalanced != 2 {
		t.Errorf("actors = %+v", got.Actors)
	}

	// Unweighted: oman-iran is one support against one criticism, so
	// ambivalent, and its triad goes.
	p = project(t, b, Filter{})
	got, err = p.Balance(ctx, BalanceQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got.Triads != 3 || got.Balanced != 1 || got.Unbalanced != 2 || got.Ambivalent != 1 || !closeTo(got.Ratio, 1.0/3) {
		t.Errorf("unweighted balance = %+v", got)
	}
	if len(got.UnbalancedTriads) != 1 || !got.Truncated || len(got.Actors) != 1 {
		t.Errorf("limit 1: %d triads (truncated %v), %d actors", len(got.UnbalancedTriads), got.Truncated, len(got.Actors))
	}

	// No triads: balanced by definition.
	p = project(t, batchOf(balanceGraph[:2]), Filter{})
	if got, _ := p.Balance(ctx, BalanceQuery{}); got.Triads != 0 || got.Ratio != 1 || got.UnbalancedTriads == nil {
		t.Errorf("no triads: %+v", got)
	}
	e := wantCode(t, mustErr(p.Balance(ctx, BalanceQuery{Filter: Filter{Polarity: "positive"}, Limit: MaxLimit + 1})), graph.EINVALID)
	checkFields(t, e, "polarity", "limit")
}

// influenceGraph: a reaches c directly (weak), through b (strong) and
// through d (weakest); e1..e5 is a long chain.
var influenceGraph = []tie{
	{"a", "b", "supports", 0.9},
	{"b", "c", "supports", 0.9},
	{"a", "c", "supports", 0.5},
	{"a", "d", "funds", 0.2},
	{"d", "c", "funds", 1.0},
	{"a", "e1", "arms", 1},
	{"e1", "e2", "arms", 1},
	{"e2", "e3", "arms", 1},
	{"e3", "e4", "arms", 1},
	{"z", "a", "sanctions", 0.4},
}

func TestActorInfluence(t *testing.T) {
	ctx := context.Background()
	b := batchOf(influenceGraph, "loner")
	for _, weighted := range []bool{false, true} {
		p := project(t, b, Filter{Weighted: weighted})
		ai, err := p.ActorInfluence(ctx, ActorInfluenceQuery{Actor: "a"})
		if err != nil {
			t.Fatal(err)
		}
		if ai.Name != "Actor a" || len(ai.Influences) != 7 || len(ai.InfluencedBy) != 1 || ai.InfluencedBy[0].Actor != "z" {
			t.Fatalf("weighted=%v: %+v", weighted, ai)
		}
		byActor := map[string]Influence{}
		for i, inf := range ai.Influences {
			byActor[inf.Actor] = inf
			if i > 0 && ai.Influences[i-1].Score < inf.Score {
				t.Errorf("influences out of order at %d", i)
			}
		}
		c := byActor["c"]
		want := [][]string{{"a", "c"}, {"a", "b", "c"}, {"a", "d", "c"}}
		if weighted {
			want = [][]string{{"a", "b", "c"}, {"a", "c"}, {"a", "d", "c"}}
		}
		if got := actorsOf(c.Paths); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("weighted=%v: evidence for c = %v, want %v", weighted, got, want)
		}
		// e4 is 4 hops away: beyond the evidence search, one shortest path.
		if got := actorsOf(byActor["e4"].Paths); len(got) != 1 || !slices.Equal(got[0], []string{"a", "e1", "e2", "e3", "e4"}) {
			t.Errorf("evidence for e4 = %v", got)
		}
		if ev := ai.InfluencedBy[0].Paths; len(ev) != 1 || !slices.Equal(ev[0].Actors, []string{"z", "a"}) || ev[0].Sign != -1 {
			t.Errorf("influenced_by evidence = %+v", ev)
		}
	}
	p := project(t, b, Filter{})
	// Who influences c: the paths read towards c.
	ai, err := p.ActorInfluence(ctx, ActorInfluenceQuery{Actor: "c", Limit: 2, Paths: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(ai.Influences) != 0 || len(ai.InfluencedBy) != 2 || ai.InfluencedBy[0].Actor != "a" {
		t.Fatalf("influence of c = %+v", ai)
	}
	if ev := ai.InfluencedBy[0].Paths; len(ev) != 1 || !slices.Equal(ev[0].Actors, []string{"a", "c"}) {
		t.Errorf("evidence a->c = %v", actorsOf(ev))
	}
	// An actor with no tie under the filter: empty lists.
	ai, err = p.ActorInfluence(ctx, ActorInfluenceQuery{Actor: "loner"})
	if err != nil || len(ai.Influences) != 0 || ai.Influences == nil || ai.InfluencedBy == nil {
		t.Errorf("loner: %+v, %v", ai, err)
	}
	wantCode(t, mustErr(p.ActorInfluence(ctx, ActorInfluenceQuery{Actor: "atlantis"})), graph.ENOTFOUND)
	e := wantCode(t, mustErr(p.ActorInfluence(ctx, ActorInfluenceQuery{Actor: "A B", Paths: 11, MaxHops: 9})), graph.EINVALID)
	checkFields(t, e, "id", "paths", "max_hops")
}

// TestParallelRelationships pins how parallel relationships combine.
func TestParallelRelationships(t *testing.T) {
	b := batchOf([]tie{
		{"a", "b", "supports", 0.4},
		{"a", "b", "funds", 0.3},
		{"a", "b", "allied_with", 0.2}, // also b -> a
		{"b", "c", "supports", 1},
	})
	p := project(t, b, Filter{Weighted: true})
	if p.Edges() != 3 || p.Relationships() != 4 {
		t.Fatalf("%d edges from %d relationships, want 3 from 4", p.Edges(), p.Relationships())
	}
	ctx := context.Background()
	out, _ := p.Centrality(ctx, OutDegree)
	deg, _ := p.Centrality(ctx, Degree)
	if !closeTo(out.Scores[0], 0.9) || !closeTo(deg.Scores[0], 0.9) || !closeTo(deg.Scores[1], 1.9) {
		t.Errorf("weighted out-degree %v, degree %v", out.Scores, deg.Scores)
	}
	// The evidence for a->b is the strongest single relationship.
	ai, _ := p.ActorInfluence(ctx, ActorInfluenceQuery{Actor: "a"})
	if ev := ai.Influences[0].Paths; ai.Influences[0].Actor != "b" || ev[0].Relationships[0].ID != "r0000" {
		t.Errorf("evidence a->b = %+v", ai.Influences[0])
	}
	u := p.WithWeighted(false)
	out, _ = u.Centrality(ctx, OutDegree)
	deg, _ = u.Centrality(ctx, Degree)
	if !slices.Equal(out.Scores, []float64{1, 2, 0}) || !slices.Equal(deg.Scores, []float64{1, 2, 1}) {
		t.Errorf("unweighted out-degree %v, degree %v", out.Scores, deg.Scores)
	}
}

func TestEmptyAndInvalid(t *testing.T) {
	ctx := context.Background()
	b := batchOf(mediation)
	// A filter that selects nothing: every analysis is empty, none fails.
	p := project(t, b, Filter{Types: []string{"attacks"}})
	if p.Len() != 0 {
		t.Fatalf("projection of nothing has %d actors", p.Len())
	}
	for _, alg := range Algorithms {
		r, err := p.Influence(ctx, InfluenceQuery{Algorithm: alg})
		if err != nil || len(r.Results) != 0 || r.Results == nil {
			t.Errorf("%s on an empty graph: %+v, %v", alg, r, err)
		}
	}
	if ai, err := p.ActorInfluence(ctx, ActorInfluenceQuery{Actor: "usa"}); err != nil || len(ai.Influences) != 0 {
		t.Errorf("actor influence: %+v, %v", ai, err)
	}
	if m, err := p.Mediators(ctx, MediatorQuery{A: "usa", B: "iran"}); err != nil || len(m.Results) != 0 {
		t.Errorf("mediators: %+v, %v", m, err)
	}
	if bl, err := p.Blocs(ctx, BlocQuery{}); err != nil || len(bl.Blocs) != 0 {
		t.Errorf("blocs: %+v, %v", bl, err)
	}
	if bal, err := p.Balance(ctx, BalanceQuery{}); err != nil || bal.Triads != 0 {
		t.Errorf("balance: %+v, %v", bal, err)
	}

	_, err := Project(ctx, b, registry, Filter{Types: []string{"supports", "loves"}, Polarity: "neutral"})
	e := wantCode(t, err, graph.EINVALID)
	checkFields(t, e, "types", "polarity")
	e = wantCode(t, mustErr(p.Influence(ctx, InfluenceQuery{Algorithm: "katz", Limit: 5000})), graph.EINVALID)
	checkFields(t, e, "algorithm", "limit")
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := project(t, batchOf(mediation), Filter{})
	for _, alg := range []Algorithm{PageRank, Betweenness, Closeness, Eigenvector} {
		wantCode(t, mustErr(p.Centrality(ctx, alg)), graph.EUNAVAILABLE)
	}
	// Nothing failed is memoised.
	if c, err := p.Centrality(context.Background(), PageRank); err != nil || len(c.Scores) != p.Len() {
		t.Errorf("after a cancelled run: %v", err)
	}
}

// TestEigenvectorNoConvergence: on a chain (no cycle) the power iteration
// creeps; the result says so instead of failing as NetworkX does.
func TestEigenvectorNoConvergence(t *testing.T) {
	p := project(t, batchOf([]tie{{"a", "b", "supports", 1}, {"b", "c", "supports", 1}}), Filter{})
	r, err := p.Influence(context.Background(), InfluenceQuery{Algorithm: Eigenvector})
	if err != nil {
		t.Fatal(err)
	}
	if r.Converged || r.Iterations != MaxIterations || r.Results[0].Actor != "c" {
		t.Errorf("eigenvector on a chain: %+v", r)
	}
	r, err = p.Influence(context.Background(), InfluenceQuery{Algorithm: PageRank})
	if err != nil || !r.Converged || r.Results[0].Actor != "c" {
		t.Errorf("pagerank on a chain: %+v, %v", r, err)
	}
}
