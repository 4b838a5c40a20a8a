package api_test

import (
	"testing"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph"
	detenteseed "github.com/detente/detente/seed"
)

// TestPNOnTheScenario: PN on the shipped scenario as of its cut-off. Oman,
// which only cooperates (it hosts and mediates the talks), scores above 1;
// the actor ranked last is one whose signed ties are mostly hostile.
func TestPNOnTheScenario(t *testing.T) {
	st := memStore(t)
	if _, err := detenteseed.Load(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	cut, _ := detenteseed.AsOf()
	e := newEnv(t, st, api.Config{AsOf: &cut})
	var r api.Ranking
	e.must(200, "GET", "/api/v1/influence?algorithm=pn&limit=1000", "", &r)
	if r.AsOf != cut.String() || len(r.Results) < 20 {
		t.Fatalf("as_of %s, %d results", r.AsOf, len(r.Results))
	}
	for i, s := range r.Results {
		t.Logf("pn %2d %-22s %.4f", i+1, s.Actor, s.Score)
	}
	score := map[string]float64{}
	for _, s := range r.Results {
		score[s.Actor] = s.Score
	}
	if score["oman"] <= 1 {
		t.Errorf("oman scores %v, want > 1", score["oman"])
	}
	last := r.Results[len(r.Results)-1].Actor
	var pos, neg int
	reg := graph.NewRegistry(graph.BuiltinTypes())
	var rels api.RelationshipList
	e.must(200, "GET", "/api/v1/relationships?actor="+last+"&as_of="+cut.String()+"&limit=1000", "", &rels)
	for _, rel := range rels.Items {
		rt, _ := reg.Get(rel.Type)
		switch rt.Polarity {
		case 1:
			pos++
		case -1:
			neg++
		}
	}
	if neg <= pos {
		t.Errorf("%s ranks last with %d cooperative and %d hostile ties", last, pos, neg)
	}
}

// TestBlocsOnTheScenario: as of the cut-off the default blocs are signed
// (the scenario has hostile pairs): the United States and Israel share a
// bloc apart from Iran, and Iran and the Houthis share one.
func TestBlocsOnTheScenario(t *testing.T) {
	st := memStore(t)
	if _, err := detenteseed.Load(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	cut, _ := detenteseed.AsOf()
	e := newEnv(t, st, api.Config{AsOf: &cut})
	for _, weighted := range []string{"false", "true"} {
		var b api.Blocs
		e.must(200, "GET", "/api/v1/blocs?weighted="+weighted, "", &b)
		bloc := map[string]int{}
		for _, x := range b.Blocs {
			t.Logf("weighted=%s bloc %d: %v", weighted, x.ID, x.Members)
			for _, m := range x.Members {
				bloc[m] = x.ID
			}
		}
		if b.SignedModularity == nil {
			t.Fatalf("weighted=%s: signed blocs without signed_modularity", weighted)
		}
		t.Logf("weighted=%s: method %s, k %d, frustration %v, modularity %v, signed modularity %v", weighted, b.Method, b.K, b.Frustration, b.Modularity, *b.SignedModularity)
		if b.Method != "signed" || b.AsOf != cut.String() || *b.SignedModularity <= 0 || *b.SignedModularity > 1 {
			t.Fatalf("method %s as_of %s signed modularity %v", b.Method, b.AsOf, *b.SignedModularity)
		}
		us, il, ir, hu := bloc["united-states"], bloc["israel"], bloc["iran"], bloc["houthis"]
		if us == 0 || us != il || us == ir || ir != hu {
			t.Errorf("weighted=%s: us %d, israel %d, iran %d, houthis %d", weighted, us, il, ir, hu)
		}
	}
	var b api.Blocs
	e.must(200, "GET", "/api/v1/blocs?method=louvain", "", &b)
	if b.Method != "louvain" || b.K != 0 || b.Frustration != 0 || b.SignedModularity != nil {
		t.Errorf("louvain: %+v", b)
	}
	p := problem(t, e.do("GET", "/api/v1/blocs?method=louvain&k=2", ""), 400, "invalid-parameter")
	wantPaths(t, p, "k")
}
