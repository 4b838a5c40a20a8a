package api_test

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph/analysis"
)

// TestInfluenceKarate reproduces NetworkX's karate club values through the
// HTTP API on every store.
func TestInfluenceKarate(t *testing.T) {
	raw, err := os.ReadFile("../graph/storetest/testdata/karate.json")
	if err != nil {
		t.Fatal(err)
	}
	var k struct {
		Nodes    []string
		Edges    []struct{ Source, Target string }
		Expected map[string]map[string]float64
	}
	if err := json.Unmarshal(raw, &k); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(`{"actors":[`)
	for i, n := range k.Nodes {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id":%q,"name":%q,"kind":"person"}`, n, n)
	}
	b.WriteString(`],"relationships":[`)
	for i, e := range k.Edges {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"source":%q,"target":%q,"type":"allied_with","weight":1,"sources":[{"title":"Zachary (1977)"}]}`, e.Source, e.Target)
	}
	b.WriteString(`]}`)
	forEachStore(t, func(t *testing.T, e *env) {
		e.must(200, "POST", "/api/v1/import", b.String(), nil)
		for _, alg := range []string{"pagerank", "betweenness", "degree", "closeness", "eigenvector"} {
			var r api.Ranking
			e.must(200, "GET", "/api/v1/influence?limit=1000&algorithm="+alg, "", &r)
			if len(r.Results) != 34 || r.Algorithm != alg {
				t.Fatalf("%s: %d results", alg, len(r.Results))
			}
			for i, s := range r.Results {
				want := k.Expected[alg][s.Actor]
				if math.Abs(s.Score-want) > 1e-6*math.Max(math.Abs(want), 1e-12) && math.Abs(s.Score-want) > 1e-9 {
					t.Errorf("%s(%s) = %v, NetworkX %v", alg, s.Actor, s.Score, want)
				}
				if i > 0 && s.Score > r.Results[i-1].Score {
					t.Fatalf("%s: not sorted by score", alg)
				}
			}
		}
	})
}

func TestInfluenceEndpoints(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		scenario(t, e)
		var ai api.ActorInfluence
		e.must(200, "GET", "/api/v1/actors/iran/influence?weighted=true", "", &ai)
		if len(ai.Influences) == 0 || len(ai.InfluencedBy) == 0 {
			t.Fatalf("Iran influences no one or no one influences Iran: %+v", ai)
		}
		for _, in := range ai.Influences {
			if len(in.Paths) == 0 || in.Paths[0].Actors[0] != "iran" || in.Paths[0].Actors[len(in.Paths[0].Actors)-1] != in.Actor {
				t.Fatalf("influence on %s without a path from Iran: %+v", in.Actor, in.Paths)
			}
		}
		// Sign-aware lists: by default no structural tie, and pressure
		// only as the last tie of a channel.
		for _, l := range [][]api.SignedInfluence{ai.Sways, ai.Pressures, ai.SwayedBy, ai.PressuredBy} {
			if len(l) == 0 {
				t.Fatalf("an empty sign-aware list for Iran: %+v", ai)
			}
		}
		if ai.Structural || ai.Attenuation != analysis.KatzAttenuation || ai.MaxHops != analysis.DefaultPathHops {
			t.Errorf("structural %v, attenuation %v, max_hops %d", ai.Structural, ai.Attenuation, ai.MaxHops)
		}
		checkSigns := func(name string, list []api.SignedInfluence, pressure bool) {
			t.Helper()
			for _, x := range list {
				for _, c := range x.Channels {
					for i, r := range c.Relationships {
						want := 1
						if pressure && i == len(c.Relationships)-1 {
							want = -1
						}
						if r.Sign != want {
							t.Errorf("%s %s: tie %s (%s) has sign %d, want %d: %s", name, x.Actor, r.ID, r.Type, r.Sign, want, c.Explanation)
						}
					}
				}
			}
		}
		checkSigns("sways", ai.Sways, false)
		checkSigns("swayed_by", ai.SwayedBy, false)
		checkSigns("pressures", ai.Pressures, true)
		checkSigns("pressured_by", ai.PressuredBy, true)
		if p := ai.PressuredBy[0]; p.Actor != "united-states" && p.Actor != "israel" || p.Channels[0].Actors[len(p.Channels[0].Actors)-1] != "iran" {
			t.Errorf("first to pressure Iran: %+v", p)
		}
		// weighted defaults to true here (a channel's strength counts
		// its ties' weight and confidence), as the spec says; false
		// counts every tie as 1.
		var def, unweighted api.ActorInfluence
		e.must(200, "GET", "/api/v1/actors/iran/influence", "", &def)
		e.must(200, "GET", "/api/v1/actors/iran/influence?weighted=false", "", &unweighted)
		if !def.Weighted || unweighted.Weighted || def.PressuredBy[0].Score != ai.PressuredBy[0].Score {
			t.Errorf("default weighted %v (top pressure %v, weighted=true %v); weighted=false gives weighted %v",
				def.Weighted, def.PressuredBy[0].Score, ai.PressuredBy[0].Score, unweighted.Weighted)
		}
		if d := specParamDefault(t, e, "/api/v1/actors/{id}/influence", "weighted"); d != true {
			t.Errorf("the spec's default for weighted on actor influence is %v, want true", d)
		}
		if d := specParamDefault(t, e, "/api/v1/influence", "weighted"); d != false {
			t.Errorf("the spec's default for weighted on /influence is %v, want false", d)
		}
		var all api.ActorInfluence
		e.must(200, "GET", "/api/v1/actors/iran/influence?polarity=all", "", &all)
		if !all.Structural {
			t.Errorf("polarity=all: structural not set")
		}
		var m api.Mediators
		e.must(200, "GET", "/api/v1/mediators?between=united-states,iran", "", &m)
		if len(m.Results) == 0 {
			t.Fatalf("no mediator between Washington and Tehran: %+v", m)
		}
		if !m.Weighted || m.MaxHops != 2 || m.AsOf == "" || m.Results[0].Actor != "oman" {
			t.Fatalf("mediators: weighted %v, max_hops %d, as_of %q, top %s; want true, 2, today, oman", m.Weighted, m.MaxHops, m.AsOf, m.Results[0].Actor)
		}
		for _, r := range m.Results {
			if r.Score <= 0 || r.Score > 1 || len(r.Sides) != 2 || r.Reason == "" || len(r.Sides[0].Ties) == 0 || r.Sides[0].Ties[0].ID == "" {
				t.Fatalf("mediator %+v", r)
			}
		}
		e.must(200, "GET", "/api/v1/mediators?between=united-states,iran&as_of=2025-04-12&weighted=false&max_hops=1", "", &m)
		if m.Weighted || m.MaxHops != 1 || m.AsOf != "2025-04-12" || len(m.Results) == 0 || len(m.Excluded) == 0 {
			t.Fatalf("mediators as of the cut-off, unweighted, one hop: %+v", m)
		}
		var bl api.Blocs
		e.must(200, "GET", "/api/v1/blocs", "", &bl)
		if bl.Count < 2 || bl.Modularity <= 0 {
			t.Fatalf("blocs %+v", bl)
		}
		var bal api.Balance
		e.must(200, "GET", "/api/v1/balance", "", &bal)
		if bal.Triads == 0 || bal.Balanced+bal.Unbalanced != bal.Triads || bal.Ratio < 0 || bal.Ratio > 1 {
			t.Fatalf("balance %+v", bal)
		}
		if f := bal.Frustration; f.Index < f.LowerBound || f.LowerBound < 0 || len(f.Camps) != 2 || len(f.Camps[0]) == 0 ||
			f.Truncated == (len(f.Frustrated) == f.Index) || bal.WalkIndex == nil || *bal.WalkIndex <= 0 || *bal.WalkIndex > 1 {
			t.Fatalf("balance: frustration %+v, walk index %v", f, bal.WalkIndex)
		}
		var empty api.Ranking
		e.must(200, "GET", "/api/v1/influence?types=sponsors&polarity=negative", "", &empty)
		if len(empty.Results) != 0 {
			t.Fatalf("an empty filtered graph must give an empty ranking: %+v", empty)
		}
		for _, c := range []struct {
			path   string
			status int
			field  string
		}{
			{"/api/v1/influence?algorithm=katz", 400, "algorithm"},
			{"/api/v1/influence?types=befriends", 400, "types"},
			{"/api/v1/influence?polarity=mixed", 400, "polarity"},
			{"/api/v1/actors/atlantis/influence", 404, ""},
			{"/api/v1/mediators?between=iran", 400, "between"},
			{"/api/v1/mediators?between=iran,atlantis", 404, ""},
			{"/api/v1/mediators", 400, "between"},
			{"/api/v1/mediators?between=united-states,iran&max_hops=4", 400, "max_hops"},
			{"/api/v1/mediators?between=united-states,iran&paths=3", 400, "paths"},
			{"/api/v1/blocs?resolution=-1", 400, "resolution"},
			{"/api/v1/balance?limit=0", 400, "limit"},
		} {
			slug := "invalid-parameter"
			if c.status == 404 {
				slug = "not-found"
			}
			p := problem(t, e.do("GET", c.path, ""), c.status, slug)
			if c.field != "" {
				wantPaths(t, p, c.field)
			}
		}
	})
}

// TestInfluenceCacheInvalidation: the influence endpoints answer from
// caches (the projection, its centralities, per-actor and per-pair
// answers); a write through the API must show in the next answer of each.
func TestInfluenceCacheInvalidation(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		scenario(t, e)
		const rank = "/api/v1/influence?algorithm=degree&limit=1000"
		const actor = "/api/v1/actors/united-states/influence?limit=1000"
		const med = "/api/v1/mediators?between=united-states,iran&limit=1000"
		var r0, r1 api.Ranking
		var a0, a1 api.ActorInfluence
		var m0, m1 api.Mediators
		for range 2 { // the second round is answered from the caches
			e.must(200, "GET", rank, "", &r0)
			e.must(200, "GET", actor, "", &a0)
			e.must(200, "GET", med, "", &m0)
		}
		hasScore := func(list []api.Score) bool {
			return slices.ContainsFunc(list, func(s api.Score) bool { return s.Actor == "norway" })
		}
		hasInfluence := func(list []api.Influence) bool {
			return slices.ContainsFunc(list, func(in api.Influence) bool { return in.Actor == "norway" })
		}
		hasMediator := func(list []api.Mediator) bool {
			return slices.ContainsFunc(list, func(m api.Mediator) bool { return m.Actor == "norway" })
		}
		if hasScore(r0.Results) || hasInfluence(a0.Influences) || hasMediator(m0.Results) {
			t.Fatal("norway is in the scenario already")
		}

		e.must(201, "POST", "/api/v1/actors", `{"id":"norway","name":"Norway","kind":"state"}`, nil)
		e.must(201, "POST", "/api/v1/relationships", `{"source":"united-states","target":"norway","type":"allied_with"}`, nil)
		e.must(201, "POST", "/api/v1/relationships", `{"source":"norway","target":"iran","type":"negotiates_with"}`, nil)

		e.must(200, "GET", rank, "", &r1)
		e.must(200, "GET", actor, "", &a1)
		e.must(200, "GET", med, "", &m1)
		if r1.Version == r0.Version || !hasScore(r1.Results) {
			t.Errorf("ranking after the write: version %d (before %d), norway listed %v", r1.Version, r0.Version, hasScore(r1.Results))
		}
		if a1.Version == a0.Version || !hasInfluence(a1.Influences) {
			t.Errorf("actor influence after the write: version %d (before %d), norway listed %v", a1.Version, a0.Version, hasInfluence(a1.Influences))
		}
		if m1.Version == m0.Version || !hasMediator(m1.Results) {
			t.Errorf("mediators after the write: version %d (before %d), norway listed %v", m1.Version, m0.Version, hasMediator(m1.Results))
		}
	})
}

// TestInfluenceBodiesPerURI: answers are kept per request URI and graph
// version, so a repeated request gets the same bytes and a different
// parameter never gets another request's answer.
func TestInfluenceBodiesPerURI(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		scenario(t, e)
		first := e.must(200, "GET", "/api/v1/influence?limit=1", "", nil).Body.String()
		for _, c := range []struct {
			path string
			n    int
		}{{"/api/v1/influence?limit=2", 2}, {"/api/v1/influence?limit=1", 1}, {"/api/v1/influence?limit=3&algorithm=degree", 3}} {
			var r api.Ranking
			rec := e.must(200, "GET", c.path, "", &r)
			if len(r.Results) != c.n {
				t.Errorf("%s: %d results, want %d", c.path, len(r.Results), c.n)
			}
			if c.path == "/api/v1/influence?limit=1" && rec.Body.String() != first {
				t.Errorf("%s again: a different body", c.path)
			}
		}
	})
}

// specParamDefault returns the default the served OpenAPI description
// gives a query parameter of GET path.
func specParamDefault(t *testing.T, _ *env, path, name string) any {
	t.Helper()
	doc, err := api.OpenAPI3()
	if err != nil {
		t.Fatal(err)
	}
	item := doc.Paths.Find(path)
	if item == nil || item.Get == nil {
		t.Fatalf("%s is not described", path)
	}
	for _, p := range item.Get.Parameters {
		if p.Value != nil && p.Value.In == "query" && p.Value.Name == name && p.Value.Schema != nil {
			return p.Value.Schema.Value.Default
		}
	}
	t.Fatalf("%s has no query parameter %s", path, name)
	return nil
}
