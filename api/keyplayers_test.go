package api_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/detente/detente/api"
	detenteseed "github.com/detente/detente/seed"
)

// TestKeyPlayers: the picks' changes, saved as a scenario, give the
// graph on which the plain reads measure what the search reported.
func TestKeyPlayers(t *testing.T) {
	st := memStore(t)
	if _, err := detenteseed.Load(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	cut, _ := detenteseed.AsOf()
	e := newEnv(t, st, api.Config{AsOf: &cut})
	save := func(id string, changes []api.ScenarioChange) {
		body, _ := json.Marshal(map[string]any{"id": id, "name": id, "changes": changes})
		e.must(201, "POST", "/api/v1/scenarios", string(body), nil)
	}
	swayOf := func(scenario string) float64 {
		var ai api.ActorInfluence
		path := "/api/v1/actors/iran/influence?limit=1000"
		if scenario != "" {
			path += "&scenario=" + scenario
		}
		e.must(200, "GET", path, "", &ai)
		sum := 0.0
		for _, s := range ai.Sways {
			sum += s.Score
		}
		return sum
	}
	close := func(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

	var k api.KeyPlayers
	e.must(200, "GET", "/api/v1/keyplayers?measure=sway&target=iran&k=2&exact=true", "", &k)
	if len(k.Picks) == 0 || k.AsOf != cut.String() || !close(k.Base, swayOf("")) {
		t.Fatalf("sway: %d picks, base %v, as_of %s; Iran's sway %v", len(k.Picks), k.Base, k.AsOf, swayOf(""))
	}
	for i, p := range k.Picks {
		if p.Delta >= 0 || p.Relationship == nil || p.Relationship.ID != p.ID {
			t.Errorf("pick %d: %+v", i, p)
		}
	}
	save("cut-iran-sway", k.Changes)
	if got := swayOf("cut-iran-sway"); !close(got, k.Final) {
		t.Errorf("Iran's sway on the saved picks %v, the search said %v", got, k.Final)
	}
	if k.Exact == nil || k.Exact.Value > k.Final {
		t.Fatalf("exact %+v, final %v", k.Exact, k.Final)
	}
	save("cut-iran-sway-exact", k.Exact.Changes)
	if got := swayOf("cut-iran-sway-exact"); !close(got, k.Exact.Value) {
		t.Errorf("Iran's sway on the exact set %v, the search said %v", got, k.Exact.Value)
	}

	// Frustration: each pick lowers the index; the saved scenario's
	// balance says the final value.
	e.must(200, "GET", "/api/v1/keyplayers?measure=frustration&k=2", "", &k)
	var b api.Balance
	e.must(200, "GET", "/api/v1/balance", "", &b)
	if float64(b.Frustration.Index) != k.Base || len(k.Picks) == 0 {
		t.Fatalf("frustration base %v, /balance %d; %d picks", k.Base, b.Frustration.Index, len(k.Picks))
	}
	save("less-frustrated", k.Changes)
	e.must(200, "GET", "/api/v1/balance?scenario=less-frustrated", "", &b)
	if float64(b.Frustration.Index) != k.Final {
		t.Errorf("frustration on the saved picks %d, the search said %v", b.Frustration.Index, k.Final)
	}

	// On a scenario: Oman is not there to pick.
	e.must(201, "POST", "/api/v1/scenarios", `{"id":"no-oman","name":"No Oman","changes":[{"op":"remove_actor","id":"oman"}]}`, nil)
	e.must(200, "GET", "/api/v1/keyplayers?measure=separation&target=united-states&other=iran&kind=actors&scenario=no-oman", "", &k)
	for _, p := range k.Picks {
		if p.ID == "oman" || p.Relationship != nil {
			t.Errorf("pick on the scenario: %+v", p)
		}
	}

	for _, tc := range []struct {
		path   string
		status int
		slug   string
		paths  []string
	}{
		{"/api/v1/keyplayers", 400, api.ProblemInvalidParameter, []string{"measure"}},
		{"/api/v1/keyplayers?measure=sway", 400, api.ProblemInvalidParameter, []string{"target"}},
		{"/api/v1/keyplayers?measure=frustration&target=iran&kind=actors&op=flip", 400, api.ProblemInvalidParameter, []string{"target", "op"}},
		{"/api/v1/keyplayers?measure=sway&target=iran&k=11&max_hops=0", 400, api.ProblemInvalidParameter, []string{"k", "max_hops"}},
		{"/api/v1/keyplayers?measure=sway&target=atlantis", 404, api.ProblemNotFound, nil},
	} {
		p := problem(t, e.do("GET", tc.path, ""), tc.status, tc.slug)
		if tc.paths != nil {
			wantPaths(t, p, tc.paths...)
		}
	}
}
