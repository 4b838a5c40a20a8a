package api_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphgen"
	"github.com/detente/detente/graph/memstore"
	detenteseed "github.com/detente/detente/seed"
)

// scenarioReads are the reads that take scenario=, with parameters that
// touch the actors and ties the test scenarios change.
var scenarioReads = []string{
	"/api/v1/actors?limit=1000",
	"/api/v1/actors?kind=state&limit=5",
	"/api/v1/actors/iran",
	"/api/v1/relationships?limit=1000",
	"/api/v1/relationships?actor=houthis&limit=1000",
	"/api/v1/relationships/united-states--sanctions--iran--1995-05-06",
	"/api/v1/export",
	"/api/v1/paths?from=russia&to=united-states&max_hops=3",
	"/api/v1/paths?from=iran&to=united-states&mode=k_shortest&k=5",
	"/api/v1/graph?format=json",
	"/api/v1/graph?format=cytoscape&layout=force",
	"/api/v1/graph?format=gexf&from=2020-01-01&to=2025-04-12",
	"/api/v1/influence?algorithm=pagerank&limit=1000",
	"/api/v1/influence?algorithm=pn&limit=1000",
	"/api/v1/influence?algorithm=betweenness&limit=1000&as_of=all",
	"/api/v1/actors/iran/influence?limit=100",
	"/api/v1/mediators?between=united-states,iran",
	"/api/v1/blocs",
	"/api/v1/balance",
	"/api/v1/timeline?measure=pagerank&from=2024-01-01&to=2025-04-12&step=3m&actors=iran,houthis",
	"/api/v1/diff?from=2024-01-01&to=2025-04-12",
	"/api/v1/actors/houthis/neighborhood?depth=2",
}

// withScenario adds scenario=id to a read's query string.
func withScenario(path, id string) string {
	if strings.Contains(path, "?") {
		return path + "&scenario=" + url.QueryEscape(id)
	}
	return path + "?scenario=" + url.QueryEscape(id)
}

// comparable is a read's answer without what legitimately differs
// between two stores holding the same graph: the graph version, and the
// timestamps of records (an import stamps the ones it creates).
func comparable(t *testing.T, path, body string) any {
	t.Helper()
	if !strings.HasPrefix(strings.TrimSpace(body), "{") && !strings.HasPrefix(strings.TrimSpace(body), "[") {
		return body // GEXF: no version or timestamps in it
	}
	var v any
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var strip func(any) any
	strip = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k := range x {
				switch k {
				case "version", "created_at", "updated_at", "exported_at":
					delete(x, k)
				default:
					x[k] = strip(x[k])
				}
			}
		case []any:
			for i := range x {
				x[i] = strip(x[i])
			}
		}
		return v
	}
	return strip(v)
}

// applyByHand applies changes to an export document the way the issue
// defines a scenario — without graph.Scenario.Apply, so the oracle does
// not share the code it checks: a removed relationship goes; a removed
// actor goes with every tie it has; an added record is appended; an
// update merges the patch's fields into the relationship.
func applyByHand(t *testing.T, export string, changes []map[string]any) string {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal([]byte(export), &doc); err != nil {
		t.Fatal(err)
	}
	actors, _ := doc["actors"].([]any)
	rels, _ := doc["relationships"].([]any)
	for _, ch := range changes {
		switch ch["op"] {
		case "remove_relationship":
			rels = slices.DeleteFunc(rels, func(r any) bool { return r.(map[string]any)["id"] == ch["id"] })
		case "remove_actor":
			actors = slices.DeleteFunc(actors, func(a any) bool { return a.(map[string]any)["id"] == ch["id"] })
			rels = slices.DeleteFunc(rels, func(r any) bool {
				m := r.(map[string]any)
				return m["source"] == ch["id"] || m["target"] == ch["id"]
			})
		case "add_relationship":
			rels = append(rels, ch["relationship"])
		case "add_actor":
			actors = append(actors, ch["actor"])
		case "update_relationship":
			for _, r := range rels {
				m := r.(map[string]any)
				if m["id"] != ch["id"] {
					continue
				}
				for k, v := range ch["patch"].(map[string]any) {
					if v == nil {
						delete(m, k)
					} else {
						m[k] = v
					}
				}
			}
		default:
			t.Fatalf("op %v", ch["op"])
		}
	}
	doc["actors"], doc["relationships"] = actors, rels
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// testScenarios are the three what-ifs on the shipped data, and
// one stacked on the first.
var testScenarios = []struct {
	id, base string
	changes  []map[string]any
}{
	{id: "lift-oil-sanctions", changes: []map[string]any{
		{"op": "remove_relationship", "id": "united-states--sanctions--iran--2018-11-05"},
		{"op": "remove_relationship", "id": "united-states--sanctions--iran--2025-02-04"},
	}},
	{id: "oman-steps-back", changes: []map[string]any{
		{"op": "remove_actor", "id": "oman"},
	}},
	{id: "russia-arms-houthis", changes: []map[string]any{
		{"op": "add_relationship", "relationship": map[string]any{"id": "russia--arms--houthis--2025-01-01", "source": "russia", "target": "houthis", "type": "arms", "valid_from": "2025-01-01", "confidence": 0.4, "weight": 0.8}},
		{"op": "add_actor", "actor": map[string]any{"id": "wagner-yemen", "name": "Wagner (Yemen cell)", "kind": "armed_group"}},
		{"op": "add_relationship", "relationship": map[string]any{"id": "wagner-yemen--supports--houthis", "source": "wagner-yemen", "target": "houthis", "type": "supports", "valid_from": "2025-02-01"}},
	}},
	{id: "lift-and-talk", base: "lift-oil-sanctions", changes: []map[string]any{
		{"op": "update_relationship", "id": "united-states--sanctions--iran--1995-05-06", "patch": map[string]any{"valid_to": "2025-03-01", "weight": 0.5}},
	}},
}

// TestScenarioReadsMatchTheOracle is the oracle: every read on a
// scenario answers exactly what the same read answers on a fresh store
// that imported the graph with the changes applied (by hand, above), on
// every store; the graph's own answers are unchanged by the scenarios.
func TestScenarioReadsMatchTheOracle(t *testing.T) {
	cut, _ := detenteseed.AsOf()
	for name, st := range scenarioStores(t) {
		t.Run(name, func(t *testing.T) {
			if _, err := detenteseed.Load(t.Context(), st); err != nil {
				t.Fatal(err)
			}
			e := newEnv(t, st, api.Config{AsOf: &cut})
			before := map[string]any{}
			for _, p := range scenarioReads {
				before[p] = comparable(t, p, e.must(200, "GET", p, "", nil).Body.String())
			}
			base := e.export()
			applied := map[string]string{"": base}
			for _, sc := range testScenarios {
				body, _ := json.Marshal(map[string]any{"id": sc.id, "name": sc.id, "base": sc.base, "changes": sc.changes})
				var got api.Scenario
				e.must(201, "POST", "/api/v1/scenarios", string(body), &got)
				if got.ID != sc.id || len(got.Changes) != len(sc.changes) || len(got.Stale) != 0 {
					t.Fatalf("created %+v", got)
				}
				applied[sc.id] = applyByHand(t, applied[sc.base], sc.changes)
			}
			for _, sc := range testScenarios {
				t.Run(sc.id, func(t *testing.T) {
					o := newEnv(t, memStore(t), api.Config{AsOf: &cut})
					o.must(200, "POST", "/api/v1/import", applied[sc.id], nil)
					differs := 0
					for _, p := range scenarioReads {
						rec := e.must(200, "GET", withScenario(p, sc.id), "", nil)
						if h := rec.Header().Get("Detente-Scenario"); h != sc.id {
							t.Errorf("%s: Detente-Scenario %q", p, h)
						}
						got := comparable(t, p, rec.Body.String())
						want := comparable(t, p, o.must(200, "GET", p, "", nil).Body.String())
						if d := cmp.Diff(want, got); d != "" {
							t.Errorf("%s on %s differs from the oracle (-oracle +scenario):\n%.3000s", p, sc.id, d)
						}
						if !cmp.Equal(got, before[p]) {
							differs++
						}
					}
					// The scenarios change the graph: some answers must move.
					if differs == 0 {
						t.Errorf("no read on %s differs from the graph's", sc.id)
					}
				})
			}
			for _, p := range scenarioReads {
				if d := cmp.Diff(before[p], comparable(t, p, e.must(200, "GET", p, "", nil).Body.String())); d != "" {
					t.Errorf("%s on the graph changed after the scenarios were made:\n%.2000s", p, d)
				}
			}
		})
	}
}

// TestScenarioLifecycle: the resource's rules — validation naming every
// bad change at its path, ETag/If-Match, paging, stacking, staleness after
// a base write, and reads on a missing scenario.
func TestScenarioLifecycle(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		seed(t, e)
		rel := "united-states--sanctions--iran--2018-05-08"

		// Every problem at once, each at its path; nothing stored.
		p := problem(t, e.do("POST", "/api/v1/scenarios", `{"name":"Bad","changes":[
			{"op":"remove_relationship","id":"no-such-tie"},
			{"op":"remove_actor","id":"atlantis"},
			{"op":"explode","id":"iran"},
			{"op":"add_relationship","relationship":{"source":"iran","target":"atlantis","type":"supports"}}]}`), 400, api.ProblemValidation)
		wantPaths(t, p, "$.changes[0].id", "$.changes[1].id", "$.changes[2].op", "$.changes[3].relationship.target")
		var list api.ScenarioList
		e.must(200, "GET", "/api/v1/scenarios", "", &list)
		if len(list.Items) != 0 {
			t.Fatalf("a refused scenario was stored: %+v", list.Items)
		}

		var sc api.Scenario
		rec := e.must(201, "POST", "/api/v1/scenarios", `{"name":"Lift sanctions","changes":[{"op":"remove_relationship","id":"`+rel+`"}]}`, &sc)
		if sc.ID != "lift-sanctions" || rec.Header().Get("Location") != "/api/v1/scenarios/lift-sanctions" {
			t.Fatalf("created %+v at %q", sc, rec.Header().Get("Location"))
		}
		etag := rec.Header().Get("ETag")
		problem(t, e.do("POST", "/api/v1/scenarios", `{"name":"Lift sanctions","changes":[]}`), 409, api.ProblemConflict)

		// Stacking, loops and depth.
		e.must(201, "POST", "/api/v1/scenarios", `{"id":"on-top","name":"On top","base":"lift-sanctions","changes":[{"op":"remove_actor","id":"russia"}]}`, nil)
		p = problem(t, e.do("PATCH", "/api/v1/scenarios/lift-sanctions", `{"base":"on-top"}`, "Content-Type", "application/merge-patch+json"), 400, api.ProblemValidation)
		wantPaths(t, p, "$.base")
		problem(t, e.do("DELETE", "/api/v1/scenarios/lift-sanctions", ""), 409, api.ProblemConflict)

		// If-Match.
		problem(t, e.do("PATCH", "/api/v1/scenarios/lift-sanctions", `{"description":"x"}`, "Content-Type", "application/merge-patch+json", "If-Match", `"stale"`), 412, api.ProblemPrecondition)
		e.must(200, "PATCH", "/api/v1/scenarios/lift-sanctions", `{"description":"What if"}`, &sc, "Content-Type", "application/merge-patch+json", "If-Match", etag)
		if sc.Description != "What if" || len(sc.Changes) != 1 {
			t.Errorf("patched %+v", sc)
		}

		// Reads on the scenario, then a base write makes its change stale.
		var rels api.RelationshipList
		rec = e.must(200, "GET", "/api/v1/relationships?scenario=lift-sanctions", "", &rels)
		if len(rels.Items) != 0 || rec.Header().Get("Detente-Scenario-Stale") != "" {
			t.Fatalf("on the scenario: %+v, stale %q", rels.Items, rec.Header().Get("Detente-Scenario-Stale"))
		}
		e.must(204, "DELETE", "/api/v1/relationships/"+rel, "", nil)
		e.must(200, "GET", "/api/v1/scenarios/lift-sanctions", "", &sc)
		if len(sc.Stale) != 1 || sc.Stale[0].Path != "lift-sanctions.changes[0].id" {
			t.Errorf("stale %+v, want the removed tie's change", sc.Stale)
		}
		rec = e.must(200, "GET", "/api/v1/actors?scenario=on-top", "", nil)
		if rec.Header().Get("Detente-Scenario-Stale") != "1" {
			t.Errorf("Detente-Scenario-Stale %q, want 1", rec.Header().Get("Detente-Scenario-Stale"))
		}

		// Reads on what does not exist, or given twice.
		wantPaths(t, problem(t, e.do("GET", "/api/v1/actors?scenario=atlantis", ""), 400, api.ProblemInvalidParameter), "scenario")
		wantPaths(t, problem(t, e.do("GET", "/api/v1/influence?scenario=a&scenario=b", ""), 400, api.ProblemInvalidParameter), "scenario")
		wantPaths(t, problem(t, e.do("GET", "/api/v1/influence?scenario=on-top&algorithm=nope", ""), 400, api.ProblemInvalidParameter), "algorithm")
		problem(t, e.do("GET", "/api/v1/scenarios/atlantis", ""), 404, api.ProblemNotFound)
		problem(t, e.do("GET", "/api/v1/scenarios/atlantis/compare", ""), 404, api.ProblemNotFound)
		wantPaths(t, problem(t, e.do("GET", "/api/v1/scenarios/on-top/compare?with=atlantis", ""), 400, api.ProblemInvalidParameter), "with")

		// Paging.
		for i := range 3 {
			e.must(201, "POST", "/api/v1/scenarios", fmt.Sprintf(`{"id":"s%d","name":"S%d","changes":[]}`, i, i), nil)
		}
		var seen []string
		cursor := ""
		for {
			e.must(200, "GET", "/api/v1/scenarios?limit=2&cursor="+url.QueryEscape(cursor), "", &list)
			for _, it := range list.Items {
				seen = append(seen, it.ID)
			}
			if list.NextCursor == "" {
				break
			}
			cursor = list.NextCursor
		}
		if want := []string{"lift-sanctions", "on-top", "s0", "s1", "s2"}; !slices.Equal(seen, want) {
			t.Errorf("paged %v, want %v", seen, want)
		}
		e.must(204, "DELETE", "/api/v1/scenarios/on-top", "", nil)
		e.must(204, "DELETE", "/api/v1/scenarios/lift-sanctions", "", nil)
		problem(t, e.do("GET", "/api/v1/actors?scenario=on-top", ""), 400, api.ProblemInvalidParameter)
	})
}

// TestScenarioCompare: compare on the shipped data against independent
// answers — the influence ranking on the scenario and on the graph.
func TestScenarioCompare(t *testing.T) {
	st := memStore(t)
	if _, err := detenteseed.Load(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	cut, _ := detenteseed.AsOf()
	e := newEnv(t, st, api.Config{AsOf: &cut})
	e.must(201, "POST", "/api/v1/scenarios", `{"id":"oman-steps-back","name":"Oman steps back","changes":[{"op":"remove_actor","id":"oman"}]}`, nil)
	var cmpOut api.ScenarioComparison
	e.must(200, "GET", "/api/v1/scenarios/oman-steps-back/compare?measures=pagerank,balance&limit=1000", "", &cmpOut)
	if len(cmpOut.Measures) != 1 || cmpOut.Balance == nil || cmpOut.AsOf != cut.String() {
		t.Fatalf("compare %+v", cmpOut)
	}
	var base, scen api.Ranking
	e.must(200, "GET", "/api/v1/influence?algorithm=pagerank&limit=1000", "", &base)
	e.must(200, "GET", "/api/v1/influence?algorithm=pagerank&limit=1000&scenario=oman-steps-back", "", &scen)
	score := func(r api.Ranking, id string) (float64, bool) {
		for _, s := range r.Results {
			if s.Actor == id {
				return s.Score, true
			}
		}
		return 0, false
	}
	m := cmpOut.Measures[0]
	if m.Total != len(base.Results) {
		t.Errorf("total %d, want %d (every actor of the graph; Oman's score goes to null)", m.Total, len(base.Results))
	}
	prev := -1.0
	for _, a := range m.Actors {
		b, inBase := score(base, a.Actor)
		s, inScen := score(scen, a.Actor)
		if inBase != (a.Base != nil) || inScen != (a.Scenario != nil) {
			t.Errorf("%s: present base %v scenario %v, compare says %v %v", a.Actor, inBase, inScen, a.Base, a.Scenario)
			continue
		}
		if a.Base != nil && *a.Base != b || a.Scenario != nil && *a.Scenario != s {
			t.Errorf("%s: compare %v→%v, rankings %v→%v", a.Actor, a.Base, a.Scenario, b, s)
		}
		if d := s - b; math.Abs(a.Delta-d) > 1e-12 { // both rounded to the API's 10 significant digits
			t.Errorf("%s: delta %v, want %v", a.Actor, a.Delta, d)
		}
		if abs := max(a.Delta, -a.Delta); prev >= 0 && abs > prev {
			t.Errorf("not sorted by |delta| at %s", a.Actor)
		} else {
			prev = abs
		}
		if a.Actor == "oman" && (a.Scenario != nil || a.Name != "Oman") {
			t.Errorf("oman: %+v, want no score on the scenario", a)
		}
	}
	var bb, sb api.Balance
	e.must(200, "GET", "/api/v1/balance", "", &bb)
	e.must(200, "GET", "/api/v1/balance?scenario=oman-steps-back", "", &sb)
	if cmpOut.Balance.BaseRatio != bb.Ratio || cmpOut.Balance.ScenarioRatio != sb.Ratio {
		t.Errorf("balance %+v, want ratios %v → %v", cmpOut.Balance, bb.Ratio, sb.Ratio)
	}
	wantPaths(t, problem(t, e.do("GET", "/api/v1/scenarios/oman-steps-back/compare?measures=nope", ""), 400, api.ProblemInvalidParameter), "measures")
}

// TestScenarioCompareStructure: mediators, blocs and pairs on compare
// against the plain reads on both sides.
func TestScenarioCompareStructure(t *testing.T) {
	st := memStore(t)
	if _, err := detenteseed.Load(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	cut, _ := detenteseed.AsOf()
	e := newEnv(t, st, api.Config{AsOf: &cut})
	e.must(201, "POST", "/api/v1/scenarios", `{"id":"arm","name":"Russia arms the Houthis","changes":[
		{"op":"add_relationship","relationship":{"id":"russia--arms--houthis","source":"russia","target":"houthis","type":"arms","valid_from":"2025-01-01"}},
		{"op":"remove_actor","id":"oman"}]}`, nil)
	var out api.ScenarioComparison
	e.must(200, "GET", "/api/v1/scenarios/arm/compare?measures=mediators,blocs&between=united-states,iran&pairs=russia:houthis,oman:iran&max_hops=2&limit=1000", "", &out)

	// Mediators: each side's own ranking.
	var mb, ms api.Mediators
	e.must(200, "GET", "/api/v1/mediators?between=united-states,iran&limit=1000&max_hops=2", "", &mb)
	e.must(200, "GET", "/api/v1/mediators?between=united-states,iran&limit=1000&max_hops=2&scenario=arm", "", &ms)
	if len(out.Measures) != 1 || out.Measures[0].Measure != "mediators" {
		t.Fatalf("measures %+v", out.Measures)
	}
	for _, a := range out.Measures[0].Actors {
		for k, m := range []api.Mediators{mb, ms} {
			var want *float64
			for _, r := range m.Results {
				if r.Actor == a.Actor {
					want = &r.Score
				}
			}
			got := []*float64{a.Base, a.Scenario}[k]
			if !cmp.Equal(got, want) {
				t.Errorf("mediator %s side %d: %v, want %v", a.Actor, k, deref(got), deref(want))
			}
		}
	}
	if top := out.Measures[0].Actors[0]; top.Actor != "oman" || top.Scenario != nil {
		t.Errorf("largest change %+v, want Oman gone", top)
	}

	// Blocs: both sides as /blocs gives them; Oman, in no bloc now, moved.
	var bb, bs api.Blocs
	e.must(200, "GET", "/api/v1/blocs?limit=1000", "", &bb)
	e.must(200, "GET", "/api/v1/blocs?limit=1000&scenario=arm", "", &bs)
	if out.Blocs == nil || !cmp.Equal(out.Blocs.Base, bb.Blocs) || !cmp.Equal(out.Blocs.Scenario, bs.Blocs) {
		t.Fatalf("blocs %+v\nwant %+v\nand %+v", out.Blocs, bb.Blocs, bs.Blocs)
	}
	var omanMoved bool
	for _, m := range out.Blocs.Moved {
		omanMoved = omanMoved || m.Actor == "oman" && m.To == 0 && m.Name == "Oman"
	}
	if inBloc := slices.ContainsFunc(bb.Blocs, func(b api.Bloc) bool { return slices.Contains(b.Members, "oman") }); inBloc != omanMoved {
		t.Errorf("oman in a base bloc %v, reported moved %v: %+v", inBloc, omanMoved, out.Blocs.Moved)
	}

	// Pairs: the set difference of /paths?mode=all on each side.
	key := func(p api.Path) string {
		ids := make([]string, len(p.Relationships))
		for i, r := range p.Relationships {
			ids[i] = r.ID
		}
		return strings.Join(ids, " ")
	}
	for i, pair := range [][2]string{{"russia", "houthis"}, {"oman", "iran"}} {
		var pb, ps api.PathList
		q := "/api/v1/paths?mode=all&max_hops=2&limit=1000&from=" + pair[0] + "&to=" + pair[1]
		e.must(200, "GET", q, "", &pb)
		if rec := e.do("GET", q+"&scenario=arm", ""); rec.Code == 200 {
			json.Unmarshal(rec.Body.Bytes(), &ps)
		} // Oman is not on the scenario: 404, no paths
		diff := func(a, b []api.Path) []string {
			in := map[string]bool{}
			for _, p := range b {
				in[key(p)] = true
			}
			out := []string{}
			for _, p := range a {
				if !in[key(p)] {
					out = append(out, key(p))
				}
			}
			return out
		}
		got := out.Pairs[i]
		keys := func(ps []api.Path) []string {
			out := []string{}
			for _, p := range ps {
				out = append(out, key(p))
			}
			return out
		}
		if got.From != pair[0] || got.BasePaths != len(pb.Paths) || got.ScenarioPaths != len(ps.Paths) ||
			!cmp.Equal(keys(got.Gained), diff(ps.Paths, pb.Paths)) || !cmp.Equal(keys(got.Lost), diff(pb.Paths, ps.Paths)) {
			t.Errorf("pair %v: %+v\nbase %d paths, scenario %d", pair, got, len(pb.Paths), len(ps.Paths))
		}
	}
	if len(out.Pairs[0].Gained) == 0 || len(out.Pairs[1].Lost) == 0 || out.Pairs[1].ScenarioPaths != 0 {
		t.Errorf("russia-houthis gained %d, oman-iran lost %d", len(out.Pairs[0].Gained), len(out.Pairs[1].Lost))
	}

	p := problem(t, e.do("GET", "/api/v1/scenarios/arm/compare?measures=mediators&pairs=russia,a:b:c", ""), 400, api.ProblemInvalidParameter)
	wantPaths(t, p, "between", "pairs", "pairs")
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestScenarioOracleGenerated: the oracle on generated dated graphs with
// random changes of every kind, stacked two deep.
func TestScenarioOracleGenerated(t *testing.T) {
	for name, st := range scenarioStores(t) {
		t.Run(name, func(t *testing.T) {
			b := graphgen.Generate(graphgen.Options{Actors: 60, Relationships: 400, Seed: 3, Dated: true})
			if _, err := st.Import(t.Context(), b, false); err != nil {
				t.Fatal(err)
			}
			day := graph.Date{Year: 2010, Month: 6, Day: 1}
			e := newEnv(t, st, api.Config{AsOf: &day})
			rng := rand.New(rand.NewPCG(5, 5))
			a := func(i int) string { return graphgen.ActorID(i) }
			var drop string // a tie the removal of a(0) leaves
			for drop == "" {
				if r := b.Relationships[rng.IntN(len(b.Relationships))]; r.Source != a(0) && r.Target != a(0) {
					drop = r.ID
				}
			}
			first := []map[string]any{
				{"op": "remove_actor", "id": a(0)},
				{"op": "remove_relationship", "id": drop},
				{"op": "add_actor", "actor": map[string]any{"id": "newcomer", "name": "Newcomer", "kind": "state"}},
				{"op": "add_relationship", "relationship": map[string]any{"id": "gen-1", "source": "newcomer", "target": a(1), "type": "allied_with", "weight": 0.9, "valid_from": "2001-01-01"}},
				{"op": "add_relationship", "relationship": map[string]any{"id": "gen-2", "source": a(2), "target": a(3), "type": "hostile_to", "weight": 0.4}},
			}
			var upd string
			for _, r := range b.Relationships {
				if r.Source != a(0) && r.Target != a(0) && r.ValidFrom != nil {
					upd = r.ID
					break
				}
			}
			second := []map[string]any{
				{"op": "update_relationship", "id": upd, "patch": map[string]any{"valid_from": nil, "weight": 0.25}},
				{"op": "remove_relationship", "id": "gen-2"},
			}
			base := e.export()
			for _, sc := range []struct {
				id, base string
				changes  []map[string]any
			}{{"gen-first", "", first}, {"gen-second", "gen-first", second}} {
				body, _ := json.Marshal(map[string]any{"id": sc.id, "name": sc.id, "base": sc.base, "changes": sc.changes})
				e.must(201, "POST", "/api/v1/scenarios", string(body), nil)
			}
			applied := applyByHand(t, applyByHand(t, base, first), second)
			o := newEnv(t, memStore(t), api.Config{AsOf: &day})
			o.must(200, "POST", "/api/v1/import", applied, nil)
			reads := []string{
				"/api/v1/actors?limit=1000",
				"/api/v1/relationships?limit=1000",
				"/api/v1/export",
				"/api/v1/paths?from=" + a(1) + "&to=" + a(5) + "&mode=k_shortest&k=4&weighted=true",
				"/api/v1/paths?from=" + a(1) + "&to=" + a(5) + "&mode=temporal&max_hops=3",
				"/api/v1/graph?format=json",
				"/api/v1/influence?algorithm=pagerank&limit=1000",
				"/api/v1/influence?algorithm=betweenness&limit=1000&weighted=true",
				"/api/v1/influence?algorithm=pn&limit=1000",
				"/api/v1/actors/" + a(1) + "/influence?limit=100",
				"/api/v1/mediators?between=" + a(1) + "," + a(2),
				"/api/v1/blocs",
				"/api/v1/balance",
				"/api/v1/timeline?measure=pagerank&from=1995-01-01&to=2015-01-01&step=5y&actors=" + a(1) + "," + a(2),
				"/api/v1/diff?from=2000-01-01&to=2010-01-01&measure=pagerank",
				"/api/v1/keyplayers?measure=sway&target=" + a(1) + "&k=2",
			}
			differs := 0
			for _, p := range reads {
				got := comparable(t, p, e.must(200, "GET", withScenario(p, "gen-second"), "", nil).Body.String())
				want := comparable(t, p, o.must(200, "GET", p, "", nil).Body.String())
				if d := cmp.Diff(want, got); d != "" {
					t.Errorf("%s differs from the oracle (-oracle +scenario):\n%.3000s", p, d)
				}
				if !cmp.Equal(got, comparable(t, p, e.must(200, "GET", p, "", nil).Body.String())) {
					differs++
				}
			}
			if differs < len(reads)/2 {
				t.Errorf("only %d of %d reads differ between the graph and the scenario", differs, len(reads))
			}
		})
	}
}

// scenarioStores are the stores the scenario oracles run on: those of
// every API test, and the embedded store on a bbolt file (its change
// feed and its scenarios' bucket).
func scenarioStores(t *testing.T) map[string]*graph.Store {
	t.Helper()
	out := stores(t)
	d, err := memstore.Open(filepath.Join(t.TempDir(), "detente.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	out["bbolt"] = graph.NewStore(d)
	return out
}
