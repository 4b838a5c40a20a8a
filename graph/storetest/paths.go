package storetest

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphtest"
)

// pathWorld is a small crisis graph whose paths are worked out by hand.
//
//	usa -sanctions(0.8)-> iran -arms(0.7, from 2014)-> houthis -attacks(0.9, from 2015-03-26)-> saudi
//	usa =allied_with(0.9)= saudi      russia -supports-> iran     russia =negotiates_with= usa
//	eu -mediates-> iran               eu -mediates-> usa          iran -supports-> hezbollah
func pathWorld(t *testing.T, s *graph.Store) {
	t.Helper()
	seedActors(t, s, "usa", "iran", "houthis", "saudi", "russia", "eu", "hezbollah")
	arms := rel("p-arms", "iran", "arms", "houthis", 0.7)
	arms.ValidFrom = graphtest.DatePtr("2014-01-01")
	attacks := rel("p-attacks", "houthis", "attacks", "saudi", 0.9)
	attacks.ValidFrom = graphtest.DatePtr("2015-03-26")
	seedRels(t, s,
		rel("p-sanctions", "usa", "sanctions", "iran", 0.8), arms, attacks,
		rel("p-allied", "usa", "allied_with", "saudi", 0.9),
		rel("p-russia-iran", "russia", "supports", "iran", 0.6),
		rel("p-talks", "russia", "negotiates_with", "usa", 0.5),
		rel("p-eu-iran", "eu", "mediates", "iran", 0.5),
		rel("p-eu-usa", "eu", "mediates", "usa", 0.5),
		rel("p-hezbollah", "iran", "supports", "hezbollah", 0.9),
	)
}

func actorSeqs(ps []graph.Path) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, strings.Join(p.Actors, ">"))
	}
	return out
}

func testPathsSmall(t *testing.T, s *graph.Store) {
	pathWorld(t, s)
	cases := []struct {
		name string
		q    graph.PathQuery
		want []string
	}{
		{"shortest picks the smallest actor ids among equals",
			graph.PathQuery{From: "usa", To: "houthis"}, []string{"usa>iran>houthis"}},
		{"all shortest", graph.PathQuery{From: "usa", To: "houthis", Mode: graph.ModeAllShortest},
			[]string{"usa>iran>houthis", "usa>saudi>houthis"}},
		{"direction out walks symmetric ties both ways", graph.PathQuery{From: "saudi", To: "houthis", Mode: graph.ModeAllShortest, Direction: graph.Out},
			[]string{"saudi>usa>iran>houthis"}},
		{"direction in", graph.PathQuery{From: "houthis", To: "usa", Mode: graph.ModeAllShortest, Direction: graph.In},
			[]string{"houthis>iran>usa"}},
		{"exclude", graph.PathQuery{From: "usa", To: "houthis", Exclude: []string{"iran"}}, []string{"usa>saudi>houthis"}},
		{"as_of before the ties began", graph.PathQuery{From: "usa", To: "houthis", AsOf: graphtest.DatePtr("2010-01-01")}, []string{}},
		{"as_of between the two starts", graph.PathQuery{From: "usa", To: "houthis", Mode: graph.ModeAllShortest, AsOf: graphtest.DatePtr("2014-06-01")},
			[]string{"usa>iran>houthis"}},
		{"types", graph.PathQuery{From: "usa", To: "houthis", Mode: graph.ModeAllShortest, Types: []string{"allied_with", "attacks"}},
			[]string{"usa>saudi>houthis"}},
		{"weighted prefers strong ties", graph.PathQuery{From: "usa", To: "houthis", Weighted: true}, []string{"usa>saudi>houthis"}},
		{"k shortest", graph.PathQuery{From: "usa", To: "houthis", Mode: graph.ModeKShortest, K: 3},
			[]string{"usa>iran>houthis", "usa>saudi>houthis", "usa>eu>iran>houthis"}},
		{"k shortest weighted", graph.PathQuery{From: "usa", To: "houthis", Mode: graph.ModeKShortest, K: 2, Weighted: true},
			[]string{"usa>saudi>houthis", "usa>iran>houthis"}},
		{"all up to three hops", graph.PathQuery{From: "usa", To: "houthis", Mode: graph.ModeAll, MaxHops: 3},
			[]string{"usa>iran>houthis", "usa>saudi>houthis", "usa>eu>iran>houthis", "usa>russia>iran>houthis"}},
		{"all with a limit", graph.PathQuery{From: "usa", To: "houthis", Mode: graph.ModeAll, MaxHops: 3, Limit: 3},
			[]string{"usa>iran>houthis", "usa>saudi>houthis", "usa>eu>iran>houthis"}},
		{"max hops too small", graph.PathQuery{From: "hezbollah", To: "saudi", MaxHops: 2}, []string{}},
		{"no path", graph.PathQuery{From: "hezbollah", To: "russia", Direction: graph.Out}, []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := must[[]graph.Path](t)(s.Paths(ctx, c.q))
			if diff := cmp.Diff(c.want, actorSeqs(got)); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
		})
	}

	got := must[[]graph.Path](t)(s.Paths(ctx, graph.PathQuery{From: "usa", To: "houthis", Mode: graph.ModeAllShortest, Weighted: true}))
	if len(got) != 1 {
		t.Fatalf("weighted all_shortest: %v", actorSeqs(got))
	}
	p := got[0]
	if p.Hops != 2 || p.Sign != -1 || math.Abs(p.Cost-(1/0.9+1/0.9)) > 1e-12 {
		t.Fatalf("hops %d sign %d cost %v", p.Hops, p.Sign, p.Cost)
	}
	if want := "Usa —allied_with— Saudi ←attacks (since 2015-03-26)— Houthis"; p.Explanation != want {
		t.Fatalf("explanation %q, want %q", p.Explanation, want)
	}
	if ids := []string{p.Relationships[0].ID, p.Relationships[1].ID}; ids[0] != "p-allied" || ids[1] != "p-attacks" {
		t.Fatalf("relationships %v", ids)
	}
	// Each relationship's sign is its type's polarity (allied_with +1,
	// attacks −1), carried with the path so the API need not read the
	// registry again.
	if diff := cmp.Diff([]int{1, -1}, p.Signs); diff != "" {
		t.Fatalf("signs (-want +got):\n%s", diff)
	}
	got = must[[]graph.Path](t)(s.Paths(ctx, graph.PathQuery{From: "russia", To: "houthis"}))
	if len(got) != 1 || got[0].Sign != 1 || got[0].Cost != 2 || got[0].Explanation != "Russia —supports→ Iran —arms (since 2014-01-01)→ Houthis" {
		t.Fatalf("russia to houthis: %+v", got)
	}
}

func testPathsFilters(t *testing.T, s *graph.Store) {
	seedActors(t, s, "a", "b", "c")
	weak := rel("ab-weak", "a", "supports", "b", 0.2)
	weak.Confidence = 0.3
	seedRels(t, s, weak, rel("ab-strong", "a", "funds", "b", 0.9), rel("bc", "b", "arms", "c", 0.5))
	got := must[[]graph.Path](t)(s.Paths(ctx, graph.PathQuery{From: "a", To: "c", Mode: graph.ModeAllShortest}))
	if len(got) != 2 || got[0].Relationships[0].ID != "ab-strong" || got[1].Relationships[0].ID != "ab-weak" {
		t.Fatalf("parallel ties make distinct paths, ordered by relationship id: %+v", got)
	}
	got = must[[]graph.Path](t)(s.Paths(ctx, graph.PathQuery{From: "a", To: "c"}))
	if len(got) != 1 || got[0].Relationships[0].ID != "ab-strong" {
		t.Fatalf("shortest takes the smallest relationship id among parallel ties: %+v", got)
	}
	got = must[[]graph.Path](t)(s.Paths(ctx, graph.PathQuery{From: "a", To: "c", Mode: graph.ModeAllShortest, MinConfidence: 0.5}))
	if len(got) != 1 || got[0].Relationships[0].ID != "ab-strong" {
		t.Fatalf("min_confidence: %+v", got)
	}
	got = must[[]graph.Path](t)(s.Paths(ctx, graph.PathQuery{From: "a", To: "c", Mode: graph.ModeKShortest, K: 2, Weighted: true}))
	if len(got) != 2 || got[0].Relationships[0].ID != "ab-strong" || got[1].Cost <= got[0].Cost {
		t.Fatalf("weighted k shortest: %+v", got)
	}
}

// testPathsCoexist: over all of history (no as_of) a path's ties must have
// been valid on a common day. a-b ended before b-c began, so the two-hop
// path never existed; the shortest answer is the three-hop one whose ties
// overlap in 2019, and every path reports that common window.
func testPathsCoexist(t *testing.T, s *graph.Store) {
	seedActors(t, s, "a", "b", "c", "d")
	ab := rel("ab", "a", "supports", "b", 0.5)
	ab.ValidTo = graphtest.DatePtr("2010-12-31")
	bc := rel("bc", "b", "supports", "c", 0.5)
	bc.ValidFrom = graphtest.DatePtr("2015-01-01")
	ad := rel("ad", "a", "supports", "d", 0.5)
	ad.ValidFrom = graphtest.DatePtr("2018-01-01")
	ad.ValidTo = graphtest.DatePtr("2020-06-30")
	db := rel("db", "d", "supports", "b", 0.5)
	db.ValidFrom = graphtest.DatePtr("2019-03-01")
	seedRels(t, s, ab, bc, ad, db)
	window := graph.Window{From: graphtest.DatePtr("2019-03-01"), To: graphtest.DatePtr("2020-06-30")}
	for _, c := range []struct {
		name string
		q    graph.PathQuery
		want []string
	}{
		{"shortest", graph.PathQuery{From: "a", To: "c"}, []string{"a>d>b>c"}},
		{"shortest weighted", graph.PathQuery{From: "a", To: "c", Weighted: true}, []string{"a>d>b>c"}},
		{"all shortest", graph.PathQuery{From: "a", To: "c", Mode: graph.ModeAllShortest}, []string{"a>d>b>c"}},
		{"k shortest", graph.PathQuery{From: "a", To: "c", Mode: graph.ModeKShortest, K: 2}, []string{"a>d>b>c"}},
		{"all", graph.PathQuery{From: "a", To: "c", Mode: graph.ModeAll}, []string{"a>d>b>c"}},
		{"all with a limit of one", graph.PathQuery{From: "a", To: "c", Mode: graph.ModeAll, Limit: 1}, []string{"a>d>b>c"}},
		{"as of a day in the window", graph.PathQuery{From: "a", To: "c", AsOf: graphtest.DatePtr("2020-01-01")}, []string{"a>d>b>c"}},
		{"as of a day after it", graph.PathQuery{From: "a", To: "c", AsOf: graphtest.DatePtr("2021-01-01")}, []string{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := must[[]graph.Path](t)(s.Paths(ctx, c.q))
			if diff := cmp.Diff(c.want, actorSeqs(got)); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
			for _, p := range got {
				if diff := cmp.Diff(window, p.Window); diff != "" {
					t.Fatalf("window (-want +got):\n%s", diff)
				}
			}
		})
	}
	got := must[[]graph.Path](t)(s.Paths(ctx, graph.PathQuery{From: "a", To: "b", Mode: graph.ModeAll}))
	if diff := cmp.Diff([]string{"a>b", "a>d>b"}, actorSeqs(got)); diff != "" {
		t.Fatalf("a to b (-want +got):\n%s", diff)
	}
	if w := got[0].Window; w.From != nil || w.To == nil || *w.To != graphtest.MustDate("2010-12-31") {
		t.Fatalf("a-b window %+v", w)
	}
}

func testPathsErrors(t *testing.T, s *graph.Store) {
	seedActors(t, s, "a", "b")
	cases := []struct {
		name  string
		q     graph.PathQuery
		code  graph.Code
		field string
	}{
		{"unknown from", graph.PathQuery{From: "nobody", To: "b"}, graph.ENOTFOUND, ""},
		{"unknown to", graph.PathQuery{From: "a", To: "nobody"}, graph.ENOTFOUND, ""},
		{"same ends", graph.PathQuery{From: "a", To: "a"}, graph.EINVALID, "to"},
		{"unknown type", graph.PathQuery{From: "a", To: "b", Types: []string{"befriends"}}, graph.EINVALID, "types"},
		{"k too large", graph.PathQuery{From: "a", To: "b", Mode: graph.ModeKShortest, K: graph.MaxK + 1}, graph.EINVALID, "k"},
		{"max hops over the cap", graph.PathQuery{From: "a", To: "b", MaxHops: graph.MaxHopsCap + 1}, graph.EINVALID, "max_hops"},
		{"bad mode", graph.PathQuery{From: "a", To: "b", Mode: "longest"}, graph.EINVALID, "mode"},
		{"bad direction", graph.PathQuery{From: "a", To: "b", Direction: "up"}, graph.EINVALID, "direction"},
		{"bad confidence", graph.PathQuery{From: "a", To: "b", MinConfidence: 2}, graph.EINVALID, "min_confidence"},
		{"k without k_shortest", graph.PathQuery{From: "a", To: "b", K: 2}, graph.EINVALID, "k"},
		{"k with all", graph.PathQuery{From: "a", To: "b", Mode: graph.ModeAll, K: 2}, graph.EINVALID, "k"},
		{"k with all_shortest", graph.PathQuery{From: "a", To: "b", Mode: graph.ModeAllShortest, K: 1}, graph.EINVALID, "k"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.Paths(ctx, c.q)
			ge := wantCode(t, err, c.code)
			if c.field != "" {
				wantFields(t, ge, c.field)
			}
		})
	}
	_, err := s.Paths(ctx, graph.PathQuery{From: "a", To: "b", MaxHops: 99})
	if ge := wantCode(t, err, graph.EINVALID); !strings.Contains(ge.Error(), fmt.Sprint(graph.MaxHopsCap)) {
		t.Fatalf("the message must name the cap: %v", ge)
	}
}

// clique returns the complete graph on n actors c00..c(n-1), as symmetric
// allied_with ties.
func clique(n int) graph.Batch {
	var b graph.Batch
	id := func(i int) string { return fmt.Sprintf("c%02d", i) }
	for i := range n {
		b.Actors = append(b.Actors, graph.Actor{ID: id(i), Name: id(i), Kind: "state"})
		for j := range i {
			b.Relationships = append(b.Relationships, graph.Relationship{Source: id(j), Target: id(i), Type: "allied_with",
				Weight: 1, Confidence: 1, Sources: []graph.Citation{{Title: "test"}}})
		}
	}
	return b
}

// layered returns a graph of width^depth shortest paths from "src" to
// "dst": depth layers of width actors, each actor tied to every actor of
// the next layer.
func layered(width, depth int) graph.Batch {
	b := graph.Batch{Actors: []graph.Actor{{ID: "src", Name: "src", Kind: "state"}, {ID: "dst", Name: "dst", Kind: "state"}}}
	tie := func(from, to string) {
		b.Relationships = append(b.Relationships, graph.Relationship{Source: from, Target: to, Type: "supports",
			Weight: 1, Confidence: 1, Sources: []graph.Citation{{Title: "test"}}})
	}
	prev := []string{"src"}
	for l := range depth {
		var cur []string
		for w := range width {
			id := fmt.Sprintf("l%d-%d", l, w)
			b.Actors = append(b.Actors, graph.Actor{ID: id, Name: id, Kind: "state"})
			for _, p := range prev {
				tie(p, id)
			}
			cur = append(cur, id)
		}
		prev = cur
	}
	for _, p := range prev {
		tie(p, "dst")
	}
	return b
}

// testPathsCandidateCap: a query that matches more than
// graph.MaxPathCandidates paths is ETOOLARGE on every store, whatever its
// limit, and one just under the cap is answered (cut at its limit).
func testPathsCandidateCap(t *testing.T, s *graph.Store) {
	must[graph.ImportResult](t)(s.Import(ctx, clique(14), false))
	// Between two actors of a 14-clique there are 13 345 simple paths of
	// at most 5 hops, and over 10^8 of at most 10.
	got := must[[]graph.Path](t)(s.Paths(ctx, graph.PathQuery{From: "c00", To: "c13", Mode: graph.ModeAll, MaxHops: 5}))
	if len(got) != graph.DefaultPathLimit || got[0].Hops != 1 || got[len(got)-1].Hops != 3 {
		t.Fatalf("mode=all max_hops=5 on a 14-clique: %d paths, %d to %d hops; want the first %d (1 to 3 hops)",
			len(got), got[0].Hops, got[len(got)-1].Hops, graph.DefaultPathLimit)
	}
	for _, limit := range []int{1, graph.MaxPathLimit} {
		_, err := s.Paths(ctx, graph.PathQuery{From: "c00", To: "c13", Mode: graph.ModeAll, MaxHops: graph.MaxHopsCap, Limit: limit})
		if ge := wantCode(t, err, graph.ETOOLARGE); !strings.Contains(ge.Message, fmt.Sprint(graph.MaxPathCandidates)) {
			t.Fatalf("the message must name the cap: %v", ge)
		}
	}
}

// testPathsShortestCap: all_shortest counts every path of least cost
// against the cap too, weighted or not.
func testPathsShortestCap(t *testing.T, s *graph.Store) {
	must[graph.ImportResult](t)(s.Import(ctx, layered(18, 4), false)) // 18^4 = 104 976 paths of 5 hops
	for _, weighted := range []bool{false, true} {
		_, err := s.Paths(ctx, graph.PathQuery{From: "src", To: "dst", Mode: graph.ModeAllShortest, MaxHops: graph.MaxHopsCap, Weighted: weighted})
		wantCode(t, err, graph.ETOOLARGE)
	}
	// 18^3 = 5 832 paths of 4 hops to l3-0: under the cap, answered.
	got := must[[]graph.Path](t)(s.Paths(ctx, graph.PathQuery{From: "src", To: "l3-0", Mode: graph.ModeAllShortest, MaxHops: graph.MaxHopsCap, Limit: 10}))
	if len(got) != 10 || got[0].Hops != 4 {
		t.Fatalf("all_shortest under the cap: %d paths", len(got))
	}
	one := must[[]graph.Path](t)(s.Paths(ctx, graph.PathQuery{From: "src", To: "dst", MaxHops: graph.MaxHopsCap}))
	if len(one) != 1 || one[0].Hops != 5 {
		t.Fatalf("shortest: %d paths", len(one))
	}
}

//go:embed testdata/karate.json
var karateJSON []byte

// Karate is Zachary's karate club with the values NetworkX computes for it.
type Karate struct {
	Nodes         []string                          `json:"nodes"`
	Edges         []struct{ Source, Target string } `json:"edges"`
	ShortestPaths map[string]struct {
		Count int `json:"count"`
		Hops  int `json:"hops"`
	} `json:"shortest_paths"`
}

// KarateBatch returns the karate club as symmetric allied_with ties.
func KarateBatch(t testing.TB) (graph.Batch, Karate) {
	var k Karate
	if err := json.Unmarshal(karateJSON, &k); err != nil {
		t.Fatal(err)
	}
	var b graph.Batch
	for _, n := range k.Nodes {
		b.Actors = append(b.Actors, graph.Actor{ID: n, Name: n, Kind: "person"})
	}
	for _, e := range k.Edges {
		b.Relationships = append(b.Relationships, graph.Relationship{Source: e.Source, Target: e.Target, Type: "allied_with",
			Weight: 1, Confidence: 1, Sources: []graph.Citation{{Title: "Zachary (1977)"}}})
	}
	return b, k
}

func testPathsKarate(t *testing.T, s *graph.Store) {
	b, k := KarateBatch(t)
	must[graph.ImportResult](t)(s.Import(ctx, b, false))
	if len(k.ShortestPaths) == 0 {
		t.Fatal("no reference pairs")
	}
	for pair, want := range k.ShortestPaths {
		from, to, _ := strings.Cut(pair, "|")
		for _, dir := range []graph.Direction{graph.Both, graph.Out} {
			got := must[[]graph.Path](t)(s.Paths(ctx, graph.PathQuery{From: from, To: to, Mode: graph.ModeAllShortest, Direction: dir, Limit: graph.MaxPathLimit}))
			if len(got) != want.Count {
				t.Errorf("%s (%s): %d shortest paths, NetworkX counts %d", pair, dir, len(got), want.Count)
			}
			for _, p := range got {
				if p.Hops != want.Hops {
					t.Errorf("%s: a path of %d hops, NetworkX says %d", pair, p.Hops, want.Hops)
				}
			}
		}
		one := must[[]graph.Path](t)(s.Paths(ctx, graph.PathQuery{From: from, To: to}))
		if len(one) != 1 || one[0].Hops != want.Hops {
			t.Errorf("%s: shortest %+v", pair, one)
		}
	}
}

// testPathsTruncated: FindPaths says when the limit cut the answer, the
// same on every store, whether the driver or the layer cut it.
func testPathsTruncated(t *testing.T, s *graph.Store) {
	must[graph.ImportResult](t)(s.Import(ctx, clique(5), false))
	// Between two actors of a 5-clique: 1 + 3 + 6 + 6 = 16 simple paths.
	for _, tc := range []struct {
		q         graph.PathQuery
		n         int
		truncated bool
	}{
		{graph.PathQuery{Mode: graph.ModeAll, Limit: 16}, 16, false},
		{graph.PathQuery{Mode: graph.ModeAll, Limit: 15}, 15, true},
		{graph.PathQuery{Mode: graph.ModeAll, Limit: 1}, 1, true},
		{graph.PathQuery{Mode: graph.ModeAll, MaxHops: 2, Limit: 4}, 4, false},
		{graph.PathQuery{Mode: graph.ModeKShortest, K: 5, Limit: 3}, 3, true},
		{graph.PathQuery{Mode: graph.ModeKShortest, K: 3, Limit: 3}, 3, false},
		{graph.PathQuery{Mode: graph.ModeShortest}, 1, false},
		{graph.PathQuery{Mode: graph.ModeAllShortest, MaxHops: 2}, 1, false},
	} {
		tc.q.From, tc.q.To = "c00", "c04"
		got, truncated, err := s.FindPaths(ctx, tc.q)
		if err != nil {
			t.Fatalf("%+v: %v", tc.q, err)
		}
		if len(got) != tc.n || truncated != tc.truncated {
			t.Errorf("mode %s k %d max_hops %d limit %d: %d paths, truncated %v; want %d, %v",
				tc.q.Mode, tc.q.K, tc.q.MaxHops, tc.q.Limit, len(got), truncated, tc.n, tc.truncated)
		}
	}
}
