package neo4jstore

import (
	"strings"
	"testing"

	"github.com/detente/detente/graph"
)

// TestNeedsUserTypes: a path query reads the user-defined types only when
// the built-in ones cannot build or check it.
func TestNeedsUserTypes(t *testing.T) {
	cases := []struct {
		name string
		q    graph.PathQuery
		want bool
	}{
		{"defaults", graph.PathQuery{}, false},
		{"direction both", graph.PathQuery{Direction: graph.Both}, false},
		{"direction out, no filter: which types are symmetric", graph.PathQuery{Direction: graph.Out}, true},
		{"direction in, no filter", graph.PathQuery{Direction: graph.In}, true},
		{"built-in types only", graph.PathQuery{Types: []string{"arms", "allied_with"}, Direction: graph.Out}, false},
		{"a type that is not built-in", graph.PathQuery{Types: []string{"arms", "trades_with"}}, true},
		{"an invalid direction still reads them (Normalize rejects it)", graph.PathQuery{Direction: "up"}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := needsUserTypes(&c.q); got != c.want {
				t.Fatalf("needsUserTypes(%+v) = %v, want %v", c.q, got, c.want)
			}
		})
	}
}

// TestPathPatternTypes: without a type filter the pattern names no type;
// with one it names exactly the filter's types.
func TestPathPatternTypes(t *testing.T) {
	reg := builtinRegistry()
	cases := []struct {
		types     []string
		dir       graph.Direction
		want      string
		symmetric bool
	}{
		{nil, graph.Both, "(x)-[r]-(y)", false},
		{[]string{"supports", "arms", "supports"}, graph.Both, "(x)-[r:`ARMS`|`SUPPORTS`]-(y)", false},
		{[]string{"arms"}, graph.Out, "(x)-[r:`ARMS`]->(y)", false},
		{[]string{"allied_with", "arms"}, graph.Out, "(x)-[r:`ALLIED_WITH`|`ARMS`]-(y) WHERE (r.type IN $symmetric OR startNode(r) = x)", true},
	}
	for _, c := range cases {
		q := graph.PathQuery{From: "a", To: "b", Types: c.types, Direction: c.dir}
		if err := q.Normalize(reg); err != nil {
			t.Fatal(err)
		}
		ps := newPathSearch(&q, reg, false)
		if got := ps.query(level{shortest: true}, "", orderCost); !strings.Contains(got, "ALL SHORTEST (src)("+c.want+"){1,6}(dst)") {
			t.Errorf("types %v: the query is\n%s\nwant the step %s", c.types, got, c.want)
		}
		if _, ok := ps.params["symmetric"]; ok != c.symmetric {
			t.Errorf("types %v: $symmetric sent %v, want %v", c.types, ok, c.symmetric)
		}
	}
}
