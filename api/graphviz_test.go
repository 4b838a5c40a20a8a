package api_test

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
)

type vizJSON struct {
	Nodes []struct {
		ID   string `json:"id"`
		Kind string `json:"kind"`
	} `json:"nodes"`
	Edges []struct {
		ID     string `json:"id"`
		Source string `json:"source"`
		Target string `json:"target"`
		Type   string `json:"type"`
		Sign   int    `json:"sign"`
	} `json:"edges"`
}

func TestGraphFormats(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		scenario(t, e)
		var all vizJSON
		e.must(200, "GET", "/api/v1/graph", "", &all)
		if len(all.Nodes) < 20 || len(all.Edges) < 40 {
			t.Fatalf("whole graph: %d nodes, %d edges", len(all.Nodes), len(all.Edges))
		}
		var neg vizJSON
		e.must(200, "GET", "/api/v1/graph?polarity=negative&as_of=2020-01-03", "", &neg)
		if len(neg.Edges) == 0 || len(neg.Edges) >= len(all.Edges) {
			t.Fatalf("negative ties as of 2020-01-03: %d of %d", len(neg.Edges), len(all.Edges))
		}
		for _, ed := range neg.Edges {
			if ed.Sign != -1 {
				t.Fatalf("polarity=negative kept %+v", ed)
			}
		}
		var states vizJSON
		e.must(200, "GET", "/api/v1/graph?kind=state", "", &states)
		kept := map[string]bool{}
		for _, n := range states.Nodes {
			if n.Kind != "state" {
				t.Fatalf("kind=state kept %+v", n)
			}
			kept[n.ID] = true
		}
		for _, ed := range states.Edges {
			if !kept[ed.Source] || !kept[ed.Target] {
				t.Fatalf("an edge to a dropped actor: %+v", ed)
			}
		}
		for _, format := range []string{"cytoscape", "graphology", "d3"} {
			rec := e.do("GET", "/api/v1/graph?format="+format, "")
			if rec.Code != 200 || !json.Valid(rec.Body.Bytes()) {
				t.Fatalf("%s: %d %.200s", format, rec.Code, rec.Body.String())
			}
		}
		for _, format := range []string{"graphml", "gexf"} {
			rec := e.do("GET", "/api/v1/graph?format="+format, "")
			if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Type"), "xml") {
				t.Fatalf("%s: %d %s", format, rec.Code, rec.Header().Get("Content-Type"))
			}
			if err := xml.Unmarshal(rec.Body.Bytes(), new(struct{})); err != nil {
				t.Fatalf("%s is not XML: %v", format, err)
			}
		}
		problem(t, e.do("GET", "/api/v1/graph?format=dot", ""), 400, "invalid-parameter")
		problem(t, e.do("GET", "/api/v1/graph?types=befriends", ""), 400, "invalid-parameter")
		problem(t, e.do("GET", "/api/v1/graph?kind=planet", ""), 400, "invalid-parameter")
	})
}

func TestNeighborhood(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		scenario(t, e)
		var one, two vizJSON
		e.must(200, "GET", "/api/v1/actors/houthis/neighborhood", "", &one)
		e.must(200, "GET", "/api/v1/actors/houthis/neighborhood?depth=2", "", &two)
		ids := map[string]bool{}
		for _, n := range one.Nodes {
			ids[n.ID] = true
		}
		if !ids["houthis"] || !ids["iran"] {
			t.Fatalf("depth 1 around the Houthis lacks the centre or Iran: %v", ids)
		}
		for _, ed := range one.Edges {
			if ed.Source != "houthis" && ed.Target != "houthis" {
				t.Fatalf("depth 1 holds a tie not at the centre: %+v", ed)
			}
		}
		if len(two.Nodes) <= len(one.Nodes) {
			t.Fatalf("depth 2 (%d actors) should reach beyond depth 1 (%d)", len(two.Nodes), len(one.Nodes))
		}
		var out vizJSON
		e.must(200, "GET", "/api/v1/actors/iran/neighborhood?direction=out&types=arms", "", &out)
		for _, ed := range out.Edges {
			if ed.Source != "iran" || ed.Type != "arms" {
				t.Fatalf("direction=out&types=arms kept %+v", ed)
			}
		}
		problem(t, e.do("GET", "/api/v1/actors/atlantis/neighborhood", ""), 404, "not-found")
		problem(t, e.do("GET", "/api/v1/actors/iran/neighborhood?depth=4", ""), 400, "invalid-parameter")
	})
}
