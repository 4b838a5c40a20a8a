package api_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph"
	detenteseed "github.com/detente/detente/seed"
)

// TestListParameters: a list parameter given repeated (types=a&types=b,
// as clients that explode arrays send it) reads as the comma-separated
// list; a single-valued parameter given twice is still refused.
func TestListParameters(t *testing.T) {
	st := memStore(t)
	if _, err := detenteseed.Load(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	cut, _ := detenteseed.AsOf()
	e := newEnv(t, st, api.Config{AsOf: &cut})
	e.must(201, "POST", "/api/v1/scenarios", `{"id":"s","name":"S","changes":[{"op":"remove_actor","id":"oman"}]}`, nil)
	tests := []struct{ comma, exploded string }{
		{"/api/v1/influence?types=supports,arms,sanctions", "/api/v1/influence?types=supports&types=arms&types=sanctions"},
		{"/api/v1/influence?types=supports,arms&types=sanctions", "/api/v1/influence?types=supports&types=arms,sanctions"},
		{"/api/v1/relationships?type=sanctions,supports&limit=1000", "/api/v1/relationships?type=sanctions&type=supports&limit=1000"},
		{"/api/v1/graph?format=json&kind=state,armed_group", "/api/v1/graph?format=json&kind=state&kind=armed_group"},
		{"/api/v1/graph?format=json&actors=iran,houthis", "/api/v1/graph?format=json&actors=iran&actors=houthis"},
		{"/api/v1/paths?from=iran&to=united-states&exclude=iraq,oman&types=supports,sanctions", "/api/v1/paths?from=iran&to=united-states&exclude=iraq&exclude=oman&types=supports&types=sanctions"},
		{"/api/v1/mediators?between=united-states,iran", "/api/v1/mediators?between=united-states&between=iran"},
		{"/api/v1/timeline?measure=pagerank&from=2020-01-01&to=2025-01-01&step=1y&actors=iran,houthis", "/api/v1/timeline?measure=pagerank&from=2020-01-01&to=2025-01-01&step=1y&actors=iran&actors=houthis"},
		{"/api/v1/actors/iran/influence?types=supports,arms", "/api/v1/actors/iran/influence?types=supports&types=arms"},
		{"/api/v1/blocs?types=supports,allied_with", "/api/v1/blocs?types=supports&types=allied_with"},
		{"/api/v1/balance?types=supports,hostile_to", "/api/v1/balance?types=supports&types=hostile_to"},
		{"/api/v1/diff?from=2020-01-01&to=2025-01-01&types=sanctions,supports", "/api/v1/diff?from=2020-01-01&to=2025-01-01&types=sanctions&types=supports"},
		{"/api/v1/actors/iran/neighborhood?types=supports,arms", "/api/v1/actors/iran/neighborhood?types=supports&types=arms"},
		{"/api/v1/scenarios/s/compare?measures=pagerank,balance&pairs=russia:houthis,iran:united-states&max_hops=2", "/api/v1/scenarios/s/compare?measures=pagerank&measures=balance&pairs=russia:houthis&pairs=iran:united-states&max_hops=2"},
	}
	for _, tc := range tests {
		t.Run(tc.exploded, func(t *testing.T) {
			want := e.must(200, "GET", tc.comma, "", nil).Body.String()
			got := e.must(200, "GET", tc.exploded, "", nil).Body.String()
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("exploded differs from comma-separated (-comma +exploded):\n%.2000s", d)
			}
		})
	}
	for _, tc := range []struct{ path, param string }{
		{"/api/v1/influence?algorithm=pagerank&algorithm=pn", "algorithm"},
		{"/api/v1/actors?kind=state&kind=igo", "kind"},
		{"/api/v1/influence?limit=5&limit=6&types=supports&types=arms", "limit"},
		{"/api/v1/paths?from=iran&from=iraq&to=oman", "from"},
		{"/api/v1/influence?types=supports&types=", "types"},
		{"/api/v1/influence?bogus=1&bogus=2", "bogus"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			wantPaths(t, problem(t, e.do("GET", tc.path, ""), 400, api.ProblemInvalidParameter), tc.param)
		})
	}
}

// TestInfluencePaging: limit and cursor page through a ranking to its
// end, every actor once, in the order of one big request; actors= reads
// given actors' scores and ranks; names come with every result.
func TestInfluencePaging(t *testing.T) {
	st := memStore(t)
	if _, err := detenteseed.Load(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	cut, _ := detenteseed.AsOf()
	e := newEnv(t, st, api.Config{AsOf: &cut})
	for _, alg := range []string{"pagerank", "degree", "pn"} {
		var all api.Ranking
		e.must(200, "GET", "/api/v1/influence?limit=1000&algorithm="+alg, "", &all)
		if all.NextCursor != "" || len(all.Results) != all.Actors {
			t.Fatalf("%s: one page of %d of %d, next %q", alg, len(all.Results), all.Actors, all.NextCursor)
		}
		var paged []api.Score
		cursor := ""
		for pages := 0; ; pages++ {
			if pages > all.Actors {
				t.Fatal("paging does not end")
			}
			var page api.Ranking
			path := "/api/v1/influence?limit=4&algorithm=" + alg
			if cursor != "" {
				path += "&cursor=" + cursor
			}
			e.must(200, "GET", path, "", &page)
			paged = append(paged, page.Results...)
			if page.NextCursor == "" {
				break
			}
			cursor = page.NextCursor
		}
		if d := cmp.Diff(all.Results, paged); d != "" {
			t.Errorf("%s: pages differ from one request (-one +pages):\n%s", alg, d)
		}
		for _, sc := range all.Results {
			if sc.Name == "" {
				t.Errorf("%s: %s has no name", alg, sc.Actor)
			}
		}
		// actors=: the same scores and ranks, in ranking order.
		pick := []string{all.Results[len(all.Results)-1].Actor, all.Results[0].Actor, all.Results[2].Actor}
		var sel api.Ranking
		e.must(200, "GET", "/api/v1/influence?algorithm="+alg+"&actors="+pick[0]+","+pick[1]+","+pick[2], "", &sel)
		want := []api.Score{all.Results[0], all.Results[2], all.Results[len(all.Results)-1]}
		if d := cmp.Diff(want, sel.Results); d != "" {
			t.Errorf("%s: actors= (-want +got):\n%s", alg, d)
		}
	}
	// An actor with no selected tie is unranked; a missing one is a 400.
	var sel api.Ranking
	e.must(200, "GET", "/api/v1/influence?types=sanctions&actors=iran,oman", "", &sel)
	if len(sel.Results) != 1 || sel.Results[0].Actor != "iran" || !cmp.Equal(sel.Unranked, []string{"oman"}) {
		t.Errorf("types=sanctions actors=iran,oman: %+v unranked %v", sel.Results, sel.Unranked)
	}
	wantPaths(t, problem(t, e.do("GET", "/api/v1/influence?actors=atlantis", ""), 400, api.ProblemInvalidParameter), "actors")
	wantPaths(t, problem(t, e.do("GET", "/api/v1/influence?cursor=!!", ""), 400, api.ProblemInvalidParameter), "cursor")
	wantPaths(t, problem(t, e.do("GET", "/api/v1/influence?cursor=bm9ib2R5", ""), 400, api.ProblemInvalidParameter), "cursor") // "nobody"
	wantPaths(t, problem(t, e.do("GET", "/api/v1/influence?cursor=aXJhbg&actors=iran", ""), 400, api.ProblemInvalidParameter), "cursor")
}

// TestMediatorsPaging: limit and cursor page through the mediators in
// the order of one big request.
func TestMediatorsPaging(t *testing.T) {
	st := memStore(t)
	if _, err := detenteseed.Load(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	cut, _ := detenteseed.AsOf()
	e := newEnv(t, st, api.Config{AsOf: &cut})
	var all api.Mediators
	e.must(200, "GET", "/api/v1/mediators?between=united-states,iran&limit=1000", "", &all)
	if len(all.Results) < 3 || all.NextCursor != "" {
		t.Fatalf("%d mediators, next %q", len(all.Results), all.NextCursor)
	}
	var paged []api.Mediator
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > len(all.Results) {
			t.Fatal("paging does not end")
		}
		var page api.Mediators
		e.must(200, "GET", "/api/v1/mediators?between=united-states,iran&limit=2&cursor="+cursor, "", &page)
		if len(page.Results) > 2 {
			t.Fatalf("a page of %d", len(page.Results))
		}
		paged = append(paged, page.Results...)
		if page.NextCursor == "" {
			break
		}
		cursor = page.NextCursor
	}
	if d := cmp.Diff(all.Results, paged); d != "" {
		t.Errorf("pages differ from one request (-one +pages):\n%s", d)
	}
	wantPaths(t, problem(t, e.do("GET", "/api/v1/mediators?between=united-states,iran&cursor=bm9ib2R5", ""), 400, api.ProblemInvalidParameter), "cursor")
}

// TestBlocsAndBalancePaging: /blocs pages its blocs and /balance its
// actors with cursor/next_cursor to the end, in the order of one big
// request, every item once; a bloc cursor from before a write, and a
// malformed cursor, are 400s naming cursor.
func TestBlocsAndBalancePaging(t *testing.T) {
	st := memStore(t)
	if _, err := detenteseed.Load(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	cut, _ := detenteseed.AsOf()
	e := newEnv(t, st, api.Config{AsOf: &cut})
	for _, method := range []string{"signed", "louvain"} {
		var all api.Blocs
		e.must(200, "GET", "/api/v1/blocs?method="+method+"&limit=1000", "", &all)
		if len(all.Blocs) < 2 || all.NextCursor != "" || all.Count != len(all.Blocs) {
			t.Fatalf("%s: %d blocs of %d, next %q", method, len(all.Blocs), all.Count, all.NextCursor)
		}
		var paged []api.Bloc
		cursor := ""
		for pages := 0; ; pages++ {
			if pages > len(all.Blocs) {
				t.Fatal("paging does not end")
			}
			var page api.Blocs
			e.must(200, "GET", "/api/v1/blocs?method="+method+"&limit=1&cursor="+cursor, "", &page)
			if len(page.Blocs) != 1 || page.Count != all.Count {
				t.Fatalf("%s: a page of %d blocs, count %d", method, len(page.Blocs), page.Count)
			}
			paged = append(paged, page.Blocs...)
			if page.NextCursor == "" {
				break
			}
			cursor = page.NextCursor
		}
		if d := cmp.Diff(all.Blocs, paged); d != "" {
			t.Errorf("%s: pages differ from one request (-one +pages):\n%s", method, d)
		}
	}

	var all api.Balance
	e.must(200, "GET", "/api/v1/balance?limit=1000", "", &all)
	if len(all.Actors) < 3 || all.NextCursor != "" || all.ActorsTotal != len(all.Actors) {
		t.Fatalf("%d actors of %d, next %q", len(all.Actors), all.ActorsTotal, all.NextCursor)
	}
	var paged []api.ActorBalance
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > len(all.Actors) {
			t.Fatal("paging does not end")
		}
		var page api.Balance
		e.must(200, "GET", "/api/v1/balance?limit=2&cursor="+cursor, "", &page)
		if len(page.Actors) > 2 || page.ActorsTotal != all.ActorsTotal || page.Triads != all.Triads {
			t.Fatalf("a page of %d actors (total %d), %d triads", len(page.Actors), page.ActorsTotal, page.Triads)
		}
		paged = append(paged, page.Actors...)
		if page.NextCursor == "" {
			break
		}
		cursor = page.NextCursor
	}
	if d := cmp.Diff(all.Actors, paged); d != "" {
		t.Errorf("balance actors: pages differ from one request (-one +pages):\n%s", d)
	}

	var first api.Blocs
	e.must(200, "GET", "/api/v1/blocs?limit=1", "", &first)
	for _, bad := range []string{"bm9ib2R5", "Zm9vLWJhcg", "MC0w"} {
		wantPaths(t, problem(t, e.do("GET", "/api/v1/blocs?cursor="+bad, ""), 400, api.ProblemInvalidParameter), "cursor")
	}
	wantPaths(t, problem(t, e.do("GET", "/api/v1/balance?cursor=bm9ib2R5", ""), 400, api.ProblemInvalidParameter), "cursor")
	if _, err := st.CreateActor(t.Context(), graph.Actor{ID: "newcomer", Name: "Newcomer", Kind: graph.KindState}); err != nil {
		t.Fatal(err)
	}
	wantPaths(t, problem(t, e.do("GET", "/api/v1/blocs?limit=1&cursor="+first.NextCursor, ""), 400, api.ProblemInvalidParameter), "cursor")
}
