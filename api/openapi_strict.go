package api

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// What the annotations cannot say for every operation at once, added to
// the OpenAPI 3 description (issue 8):
//
//   - every /api/v1 operation may answer 429 with Retry-After and the
//     RateLimit-* fields (the rate limiter sits in front of all of them,
//     and handlers added later get it without an annotation);
//   - request bodies reject unknown fields at every depth: their object
//     schemas say additionalProperties: false, except free-form maps
//     (attributes), and decode.go validates bodies against them;
//   - query parameters reject empty values (query.go), except cursor,
//     and comma lists empty entries;
//   - If-Match must be * or a list of entity tags (conditional.go);
//   - ActorPatch.country_code may be "" (it clears the code);
//   - an analysis's as_of is a day or all.
//
// Generators and fuzzers (schemathesis) then know what the server accepts.

// ifMatchPattern is RFC 9110's If-Match: "*" or 1#entity-tag, where
// entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE (etagc without obs-text).
const ifMatchPattern = `^[ \t]*(\*|(W/)?"[!#-~]*"([ \t]*,[ \t]*(W/)?"[!#-~]*")*)[ \t]*$`

// asOfPattern is an analysis's as_of: a day or all.
const asOfPattern = `^([0-9]{4}-[0-9]{2}-[0-9]{2}|all)$`

func strictOperations(doc *openapi3.T) {
	// A merge patch clears the country code with "" (null is refused on
	// plain fields), so the patch admits "" besides the code.
	if s := doc.Components.Schemas["ActorPatch"]; s != nil && s.Value != nil {
		if cc := s.Value.Properties["country_code"]; cc != nil && cc.Value != nil {
			cc.Value.Pattern = `^([A-Z]{3})?$`
		}
	}
	problem := openapi3.NewSchemaRef("#/components/schemas/Problem", nil)
	if s := doc.Components.Schemas["Problem"]; s != nil {
		problem.Value = s.Value
	}
	seen := map[*openapi3.Schema]bool{}
	for path, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			if strings.HasPrefix(path, APIPrefix+"/") && op.Responses.Value("429") == nil {
				desc := "Too many requests from this API key (or client IP); see Retry-After"
				r := openapi3.NewResponse().WithDescription(desc).
					WithContent(openapi3.Content{"application/problem+json": openapi3.NewMediaType().WithSchemaRef(problem)})
				r.Headers = openapi3.Headers{}
				for name, desc := range map[string]string{
					"Retry-After":         "Seconds until the client may send again",
					"RateLimit-Limit":     "The burst: the most requests a full allowance permits at once",
					"RateLimit-Remaining": "Requests the client may still send at once (0 here)",
					"RateLimit-Reset":     "Seconds until the allowance is full again",
				} {
					r.Headers[name] = &openapi3.HeaderRef{Value: &openapi3.Header{Parameter: openapi3.Parameter{
						Description: desc,
						Schema:      openapi3.NewIntegerSchema().WithMin(0).NewRef(),
					}}}
				}
				op.Responses.Set("429", &openapi3.ResponseRef{Value: r})
			}
			for _, p := range op.Parameters {
				v := p.Value
				if v == nil || v.Schema == nil || v.Schema.Value == nil {
					continue
				}
				switch {
				case v.In == "query" && v.Name == "as_of" && v.Schema.Value.Type.Is("string") && v.Schema.Value.Format == "":
					// analyses: a day or all (query.asOf)
					v.Schema.Value.Pattern = asOfPattern
					v.Schema.Value.MinLength = 1
				case v.In == "query" && v.Name != "cursor" && v.Schema.Value.Type.Is("string") && v.Schema.Value.MinLength == 0:
					v.Schema.Value.MinLength = 1
				case v.In == "query" && v.Name == "between" && v.Schema.Value.Type.Is("array"):
					// mediators: exactly the two sides, a,b
					two := uint64(2)
					v.Schema.Value.MinItems, v.Schema.Value.MaxItems = two, &two
					if it := v.Schema.Value.Items; it != nil && it.Value != nil {
						it.Value.Pattern = idPattern
					}
				case v.In == "query" && v.Schema.Value.Type.Is("array"):
					// comma lists: no empty list, no empty entry
					v.Schema.Value.MinItems = max(v.Schema.Value.MinItems, 1)
					if it := v.Schema.Value.Items; it != nil && it.Value != nil && it.Value.Type.Is("string") && it.Value.MinLength == 0 {
						it.Value.MinLength = 1
					}
				case v.In == "header" && strings.EqualFold(v.Name, "If-Match"):
					v.Schema.Value.Pattern = ifMatchPattern
					v.Schema.Value.MinLength = 1
				}
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				for _, mt := range op.RequestBody.Value.Content {
					closeObjects(doc, mt.Schema, seen)
				}
			}
		}
	}
}

// closeObjects sets additionalProperties: false on every object schema
// with properties reachable from ref; free-form maps keep theirs.
func closeObjects(doc *openapi3.T, ref *openapi3.SchemaRef, seen map[*openapi3.Schema]bool) {
	if ref == nil {
		return
	}
	s := ref.Value
	if s == nil && strings.HasPrefix(ref.Ref, "#/components/schemas/") {
		if c := doc.Components.Schemas[strings.TrimPrefix(ref.Ref, "#/components/schemas/")]; c != nil {
			s = c.Value
		}
	}
	if s == nil || seen[s] {
		return
	}
	seen[s] = true
	if len(s.Properties) > 0 && s.AdditionalProperties.Schema == nil && s.AdditionalProperties.Has == nil {
		no := false
		s.AdditionalProperties.Has = &no
	}
	for _, p := range s.Properties {
		closeObjects(doc, p, seen)
	}
	closeObjects(doc, s.Items, seen)
	for _, sub := range s.AllOf {
		closeObjects(doc, sub, seen)
	}
}
