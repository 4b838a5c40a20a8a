package api

import (
	"regexp"
	"strings"
	"testing"
)

// TestStrictOperations checks what strictOperations adds to the
// description: 429 on every /api/v1 operation, closed request objects,
// non-empty query values, and an If-Match pattern that agrees with the
// parser.
func TestStrictOperations(t *testing.T) {
	doc, err := OpenAPI3()
	if err != nil {
		t.Fatal(err)
	}
	ops := 0
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			r := op.Responses.Value("429")
			if !strings.HasPrefix(path, APIPrefix+"/") {
				if r != nil {
					t.Errorf("%s %s: 429 documented outside /api/v1", method, path)
				}
				continue
			}
			ops++
			if r == nil || r.Value.Headers["Retry-After"] == nil || r.Value.Content["application/problem+json"] == nil {
				t.Errorf("%s %s: no 429 problem with Retry-After", method, path)
			}
			for _, p := range op.Parameters {
				v := p.Value
				if v.In == "query" && v.Name != "cursor" && v.Schema.Value.Type.Is("string") && v.Schema.Value.MinLength < 1 {
					t.Errorf("%s %s: query parameter %s admits an empty value", method, path, v.Name)
				}
			}
		}
	}
	for _, name := range []string{"ActorCreate", "ActorPatch", "RelationshipCreate", "RelationshipPatch", "RelationshipTypeCreate", "Batch", "BatchActor", "BatchRelationship", "BatchRelationshipType"} {
		s := doc.Components.Schemas[name]
		if s == nil {
			t.Errorf("schema %s missing", name)
			continue
		}
		if ap := s.Value.AdditionalProperties; ap.Has == nil || *ap.Has {
			t.Errorf("%s admits unknown fields", name)
		}
	}
	if ap := doc.Components.Schemas["ActorCreate"].Value.Properties["attributes"].Value.AdditionalProperties; ap.Schema == nil {
		t.Error("attributes lost its free-form values")
	}
	re := regexp.MustCompile(ifMatchPattern)
	for _, h := range []string{`*`, ` * `, `"a"`, `W/"a"`, `"a", "b"`, `"a",W/"b"`, `""`, `"a1b2"`, ``, `a`, `"a`, `"a" "b"`, `"a b"`, `"a",`, `**`, "\"\x7f\"", `W/`, `w/"a"`} {
		_, _, ok := parseETags(h)
		if got := re.MatchString(h); got != ok {
			t.Errorf("If-Match %q: pattern %v, parser %v", h, got, ok)
		}
	}
	t.Logf("%d /api/v1 operations document 429", ops)
}
