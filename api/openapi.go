package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/gin-gonic/gin"

	"github.com/detente/detente/docs"
)

// OpenAPI3 converts the Swagger 2.0 description swag generated (package
// docs) to OpenAPI 3 with kin-openapi. Swagger 2.0 lists media types per
// operation, so the conversion gives every response every media type;
// the result is made exact again here: success responses are
// application/json, error responses application/problem+json. And what
// Swagger 2.0 or swag's tags cannot say is added: the values of free-form
// objects (attributes) are nullable, weights exclude 0, and identifiers
// carry the domain's patterns, and the graph formats' documents are each
// their own schema.
func OpenAPI3() (*openapi3.T, error) {
	var doc2 openapi2.T
	if err := json.Unmarshal([]byte(docs.SwaggerInfo.ReadDoc()), &doc2); err != nil {
		return nil, fmt.Errorf("api: reading the Swagger 2.0 description: %w", err)
	}
	doc3, err := openapi2conv.ToV3(&doc2)
	if err != nil {
		return nil, fmt.Errorf("api: converting to OpenAPI 3: %w", err)
	}
	for _, item := range doc3.Paths.Map() {
		for _, op := range item.Operations() {
			// An operation without security is open (health checks),
			// and says so: an empty requirement list, not an absent one
			// that a reader must take on trust.
			if op.Security == nil {
				op.Security = openapi3.NewSecurityRequirements()
			}
			// A file upload (the events) is a string of format binary
			// in OpenAPI 3.0, so generators take a file for it, not a
			// text they cannot send (openapi-python-client, clients/python).
			if rb := op.RequestBody; rb != nil && rb.Value != nil {
				for typ, mt := range rb.Value.Content {
					if typ != "application/json" && mt.Schema != nil && mt.Schema.Value != nil && mt.Schema.Value.Type.Is("string") {
						mt.Schema.Value.Format = "binary"
					}
				}
			}
			for code, ref := range op.Responses.Map() {
				r := ref.Value
				if r == nil || r.Content == nil {
					continue
				}
				n, _ := strconv.Atoi(code)
				if n >= 400 {
					if mt, ok := r.Content["application/problem+json"]; ok {
						r.Content = openapi3.Content{"application/problem+json": mt}
					}
					continue
				}
				// Successes come in every media type the operation
				// produces but problem+json; XML documents (GraphML,
				// GEXF) are strings to a JSON-schema validator.
				delete(r.Content, "application/problem+json")
				for typ := range r.Content {
					if strings.HasSuffix(typ, "+xml") {
						r.Content[typ] = openapi3.NewMediaType().WithSchema(openapi3.NewStringSchema())
					}
				}
			}
		}
	}
	anyValue := anyValueSchema()
	for name, ref := range doc3.Components.Schemas {
		for pname, prop := range ref.Value.Properties {
			v := prop.Value
			// Free-form values (attributes) are any JSON, null included
			// (AnyValue).
			if ap := v.AdditionalProperties.Schema; ap != nil && ap.Value != nil && ap.Value.IsEmpty() {
				v.AdditionalProperties.Schema = anyValue
			}
			// What swag's struct tags cannot say: weights are in (0, 1],
			// and the patterns the domain checks.
			if (pname == "weight" || pname == "default_weight") && v.Min != nil && *v.Min == 0 {
				v.WithExclusiveMin(true)
			}
			if pat, ok := patterns[pname]; ok && v.Type.Is("string") && name != "Problem" && name != "FieldError" &&
				!(pname == "name" && !strings.Contains(name, "RelationshipType")) {
				v.Pattern = pat
			}
			// A default of an optional request property is what the
			// server assumes when it is absent, and every description
			// says so ("defaults to 1"); as a schema keyword, generators
			// (openapi-typescript's default settings) read it as "always
			// present" and make the property required in requests too
			// (issue 16).
			if v.Default != nil && !slices.Contains(ref.Value.Required, pname) {
				if !strings.Contains(v.Description, "default") {
					v.Description = strings.TrimSpace(fmt.Sprintf("%s Default: %v.", v.Description, v.Default))
				}
				v.Default = nil
			}
			if name == "Event" && pname == "id" {
				v.Pattern = eventIDPattern
			}
			if name == "EventMappingRule" && pname == "type" {
				v.Pattern = `^([a-z][a-z0-9_]{0,62})?$` // "": deliberately unmapped
			}
		}
	}
	doc3.Components.Schemas["AnyValue"] = &openapi3.SchemaRef{Value: anyValue.Value}
	// Swagger 2.0 has no bearer scheme, so the annotations describe
	// BearerAuth as an API key in the Authorization header, and clients
	// that follow that send the bare key, which auth.go refuses: OpenAPI
	// 3 says what the header holds (issue 16).
	if s := doc3.Components.SecuritySchemes["BearerAuth"]; s != nil && s.Value != nil {
		s.Value = &openapi3.SecurityScheme{Type: "http", Scheme: "bearer", Description: s.Value.Description}
	}
	// The graph formats' documents, which Swagger 2.0 leaves objects
	// (graphschemas.go).
	if err := addGraphFormats(doc3, anyValue); err != nil {
		return nil, err
	}
	for _, item := range doc3.Paths.Map() {
		for _, op := range item.Operations() {
			for _, p := range op.Parameters {
				// A parameter's example: x-example in Swagger 2.0
				// (internal/docsfix), example in OpenAPI 3.
				if ex, ok := p.Value.Extensions["x-example"]; ok {
					delete(p.Value.Extensions, "x-example")
					p.Value.Example = paramExample(ex, p.Value.Schema)
				}
				if pat, ok := paramPatterns[p.Value.Name]; ok && p.Value.In != "header" {
					p.Value.Schema.Value.Pattern = pat
				}
			}
		}
	}
	// A temporal path's open days are null items, which Swagger 2.0
	// cannot say.
	if s := doc3.Components.Schemas["Path"]; s != nil && s.Value != nil {
		if times := s.Value.Properties["times"]; times != nil && times.Value != nil && times.Value.Items != nil && times.Value.Items.Value != nil {
			times.Value.Items.Value.Nullable = true
		}
	}
	strictOperations(doc3) // openapi_strict.go
	return doc3, nil
}

// anyValueSchema is any JSON value, null included: in OpenAPI 3.0 a
// schema admits null only when it has a type and nullable: true (an
// empty schema does not, nor does nullable alone), so each JSON type is
// an alternative; an object's values are any values (additionalProperties
// true, so generators type it as a record of anything, not of nothing).
// An array's items are the same alternatives once more, not AnyValue
// again: code generators that build a type per union (openapi-python-
// client, clients/python) cannot build a union that contains itself, and
// drop every schema that uses it. So the one value AnyValue does not
// admit is a null in an array in an array.
func anyValueSchema() *openapi3.SchemaRef {
	anything := true
	alternatives := func(items *openapi3.Schema) *openapi3.Schema {
		obj := openapi3.NewObjectSchema()
		obj.Nullable = true
		obj.AdditionalProperties = openapi3.AdditionalProperties{Has: &anything}
		return &openapi3.Schema{
			Description: "Any JSON value, null included.",
			AnyOf: openapi3.SchemaRefs{
				obj.NewRef(),
				openapi3.NewArraySchema().WithItems(items).NewRef(),
				openapi3.NewStringSchema().NewRef(),
				openapi3.NewFloat64Schema().NewRef(),
				openapi3.NewBoolSchema().NewRef(),
			},
		}
	}
	ref := openapi3.NewSchemaRef("#/components/schemas/AnyValue", alternatives(alternatives(&openapi3.Schema{})))
	// Go code generators (api/client) read it as interface{}, not as a
	// union of five types.
	ref.Value.Extensions = map[string]any{"x-go-type": "interface{}"}
	return ref
}

// paramExample is a Swagger 2.0 parameter's x-example as the value its
// OpenAPI 3 schema describes: a comma list's entries for an array.
func paramExample(ex any, schema *openapi3.SchemaRef) any {
	s, ok := ex.(string)
	if ok && schema != nil && schema.Value != nil && schema.Value.Type.Is("array") {
		return strings.Split(s, ",")
	}
	return ex
}

// Patterns of the domain's identifiers (graph.ValidID, graph.ValidTypeName,
// the ISO 3166 alpha-3 check), by property name, in every resource schema
// ("name" only in the relationship type schemas; Problem and FieldError
// have none). A test checks them against the domain.
const (
	idPattern       = `^[a-z0-9][a-z0-9_-]{0,127}$`
	typeNamePattern = `^[a-z][a-z0-9_]{0,62}$`
	// graph.ValidEventID: a format, a colon, the source's id without
	// spaces or control characters (at most 200 bytes in all).
	eventIDPattern = `^[a-z0-9]+:[^\x00-\x20\x7f]+$`
)

var patterns = map[string]string{
	"id":           idPattern,
	"source":       idPattern,
	"target":       idPattern,
	"type":         typeNamePattern,
	"country_code": `^[A-Z]{3}$`,
	"name":         typeNamePattern,
}

var paramPatterns = map[string]string{
	"id": idPattern, "source": idPattern, "target": idPattern, "actor": idPattern, "name": typeNamePattern,
}

// OpenAPI3JSON is OpenAPI3 rendered as indented JSON: the file code
// generators read (api/client/openapi.json).
func OpenAPI3JSON() ([]byte, error) {
	doc, err := OpenAPI3()
	if err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// openAPI serves the OpenAPI 3 description.
func (s *Server) openAPI(c *gin.Context) {
	c.Data(http.StatusOK, "application/json", s.openapi)
}
