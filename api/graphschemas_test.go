package api_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/detente/detente/api"
)

// TestGraphFormatSchemas: every JSON graph format's real answer, from
// /graph and /neighborhood, on an empty graph and on the shipped
// scenario, with and without layout=force, is valid against its own
// component schema and against none of the other formats' schemas, so a
// client can tell the oneOf branches apart. (e.do also validates each
// answer against the operation's oneOf: specCheck.)
func TestGraphFormatSchemas(t *testing.T) {
	doc, err := api.OpenAPI3()
	if err != nil {
		t.Fatal(err)
	}
	schemas := map[string]string{"json": "GraphJSON", "cytoscape": "CytoscapeGraph", "graphology": "GraphologyGraph", "d3": "NodeLinkGraph"}
	for _, route := range []string{"/api/v1/graph", "/api/v1/actors/{id}/neighborhood"} {
		op := doc.Paths.Find(route).Get
		got := op.Responses.Value("200").Value.Content["application/json"].Schema.Value.OneOf
		var names []string
		for _, ref := range got {
			names = append(names, strings.TrimPrefix(ref.Ref, "#/components/schemas/"))
		}
		// GraphJSON last: TestGraphFormatsOneOfOrder.
		if want := "CytoscapeGraph GraphologyGraph NodeLinkGraph GraphJSON"; strings.Join(names, " ") != want {
			t.Errorf("%s: the JSON answer is oneOf %v, want %s", route, names, want)
		}
	}
	check := func(t *testing.T, e *env, path string) {
		t.Helper()
		for format, want := range schemas {
			sep := "?"
			if strings.Contains(path, "?") {
				sep = "&"
			}
			rec := e.must(200, "GET", path+sep+"format="+format, "", nil)
			var v any
			if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
				t.Fatal(err)
			}
			var matched []string
			for _, name := range schemas {
				err := doc.Components.Schemas[name].Value.VisitJSON(v)
				if err == nil {
					matched = append(matched, name)
				} else if name == want {
					t.Errorf("%s format=%s is not a valid %s: %v", path, format, want, err)
				}
			}
			if len(matched) != 1 {
				t.Errorf("%s format=%s matches %v, want exactly %s", path, format, matched, want)
			}
		}
	}
	forEachStore(t, func(t *testing.T, e *env) {
		check(t, e, "/api/v1/graph")
		scenario(t, e)
		for _, layout := range []string{"", "?layout=force"} {
			for _, path := range []string{"/api/v1/graph", "/api/v1/actors/iran/neighborhood", "/api/v1/graph?types=arms,sanctions&kind=state"} {
				t.Run(fmt.Sprintf("%s%s", path, layout), func(t *testing.T) {
					if layout != "" && strings.Contains(path, "?") {
						path += "&" + layout[1:]
					} else {
						path += layout
					}
					check(t, e, path)
				})
			}
		}
	})
}
