package api_test

import (
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/detente/detente/api"
)

// TestGraphFormatsOneOfOrder: in the graph answers' oneOf, no alternative's
// required top-level keys include all of a later one's. A generator that
// tries the alternatives in order and takes the first whose required keys
// are present (openapi-python-client ignores additionalProperties: false)
// then never takes a document for an earlier format than its own: with
// GraphJSON (nodes, edges) first, an empty graphology graph (attributes,
// options, nodes, edges) was parsed as a GraphJSON.
func TestGraphFormatsOneOfOrder(t *testing.T) {
	doc, err := api.OpenAPI3()
	if err != nil {
		t.Fatal(err)
	}
	for _, route := range []string{"/api/v1/graph", "/api/v1/actors/{id}/neighborhood"} {
		op := doc.Paths.Value(route).Get
		schema := op.Responses.Value("200").Value.Content["application/json"].Schema.Value
		if len(schema.OneOf) < 2 {
			t.Fatalf("%s: the JSON answer is not a oneOf of the formats", route)
		}
		for i, earlier := range schema.OneOf {
			for _, later := range schema.OneOf[i+1:] {
				if covers(earlier.Value, later.Value) {
					t.Errorf("%s: %s (requires %v) comes before %s, whose documents always have those keys (%v)",
						route, earlier.Ref, earlier.Value.Required, later.Ref, later.Value.Required)
				}
			}
		}
	}
}

// covers reports whether a document of schema b always has every key a
// requires: a generator trying a before b would take b's documents for a.
func covers(a, b *openapi3.Schema) bool {
	for _, k := range a.Required {
		if !slices.Contains(b.Required, k) {
			return false
		}
	}
	return true
}
