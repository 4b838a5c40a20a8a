package api

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/detente/detente/viz"
)

// The JSON graph formats of /graph and /neighborhood (issue 16): Swagger
// 2.0 can say only "an object", which generated clients type as an empty
// record. In OpenAPI 3 each format is a component schema derived from its
// document type in viz (viz.Documents; viz's TestDocumentTypesMatchWriters
// holds those types to the writers' output), and the operations' JSON
// answer is oneOf them. Each schema is exact: every object lists its
// properties with additionalProperties: false (free-form attributes
// aside), and every property the writer always writes is required, so an
// output matches exactly one format (an empty graph included: the four
// documents' required top-level keys differ) and TestGraphFormatSchemas
// validates each format's output against its schema.

// graphFormatSchemas names each JSON format's schema, in the order of the
// oneOf. GraphJSON is last: its required keys (nodes, edges) are a subset
// of GraphologyGraph's, and generators that try the alternatives in order
// and ignore additionalProperties (openapi-python-client, clients/python)
// took an empty graphology graph for a GraphJSON when it came first
// (TestGraphFormatsOneOfOrder).
var graphFormatSchemas = []struct{ format, name, description string }{
	{"cytoscape", "CytoscapeGraph", "Cytoscape.js elements JSON (format=cytoscape), as cytoscape({elements}) and cy.json() accept."},
	{"graphology", "GraphologyGraph", "graphology's serialised graph (format=graphology), as Graph.from() and graph.import() accept; sigma.js renders it."},
	{"d3", "NodeLinkGraph", "d3-force's node-link JSON (format=d3), also read by NetworkX's node_link_graph(data, edges=\"links\")."},
	{"json", "GraphJSON", "detente's own format (format=json): node and edge lists."},
}

// addGraphFormats adds the formats' schemas to doc and makes them the JSON
// answer of every operation whose format parameter takes viz's formats.
// anyValue is the schema of a free-form attribute's value.
func addGraphFormats(doc *openapi3.T, anyValue *openapi3.SchemaRef) error {
	docs := viz.Documents()
	// An actor's kind is the Actor schema's, with its values.
	var kinds []any
	if a := doc.Components.Schemas["Actor"]; a != nil && a.Value != nil && a.Value.Properties["kind"] != nil {
		kinds = a.Value.Properties["kind"].Value.Enum
	}
	if len(kinds) == 0 {
		return fmt.Errorf("api: the Actor schema lists no kinds")
	}
	var oneOf openapi3.SchemaRefs
	for _, f := range graphFormatSchemas {
		v, ok := docs[f.format]
		if !ok {
			return fmt.Errorf("api: viz has no document type for format %s", f.format)
		}
		s := typeSchema(reflect.TypeOf(v), anyValue)
		s.Description = f.description
		eachProperty(s, func(name string, p *openapi3.Schema) {
			if name == "kind" { // every kind in the documents is an actor's
				p.Enum = kinds
			}
		})
		if _, taken := doc.Components.Schemas[f.name]; taken {
			return fmt.Errorf("api: schema %s is defined twice", f.name)
		}
		doc.Components.Schemas[f.name] = s.NewRef()
		oneOf = append(oneOf, openapi3.NewSchemaRef("#/components/schemas/"+f.name, s))
	}
	if len(oneOf) != len(docs) {
		return fmt.Errorf("api: viz has %d JSON formats, the description names %d", len(docs), len(oneOf))
	}
	formats := viz.Formats()
	n := 0
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			if !takesGraphFormats(op, formats) {
				continue
			}
			r := op.Responses.Value("200")
			if r == nil || r.Value == nil || r.Value.Content["application/json"] == nil {
				return fmt.Errorf("api: operation %s takes a graph format but has no JSON 200 answer", op.OperationID)
			}
			r.Value.Content["application/json"] = openapi3.NewMediaType().WithSchema(&openapi3.Schema{OneOf: oneOf})
			n++
		}
	}
	if n == 0 {
		return fmt.Errorf("api: no operation takes the graph formats")
	}
	return nil
}

// takesGraphFormats reports whether op has a query parameter format whose
// values are exactly viz's formats.
func takesGraphFormats(op *openapi3.Operation, formats []string) bool {
	for _, p := range op.Parameters {
		v := p.Value
		if v == nil || v.In != "query" || v.Name != "format" || v.Schema == nil || v.Schema.Value == nil {
			continue
		}
		var enum []string
		for _, e := range v.Schema.Value.Enum {
			s, _ := e.(string)
			enum = append(enum, s)
		}
		return slices.Equal(enum, formats)
	}
	return false
}

// typeSchema is the schema of the JSON encoding/json writes for a value
// of type t, as far as viz's document types need: structs (embedded
// structs' fields promoted), strings, booleans, integers, float64, slices
// and free-form maps. A field is required unless its tag says omitempty
// or it is promoted from an embedded pointer (nil leaves its fields out);
// the tags format and enum (values separated by |) add what the Go type
// cannot say. Written here rather than with kin-openapi's openapi3gen:
// openapi3gen marks no property required and cannot tell a field promoted
// through an embedded pointer from one that is always written, and both
// decide which oneOf branch an answer matches; TestGraphFormatSchemas
// holds the result to every format's real output.
func typeSchema(t reflect.Type, anyValue *openapi3.SchemaRef) *openapi3.Schema {
	switch t.Kind() {
	case reflect.Pointer:
		return typeSchema(t.Elem(), anyValue)
	case reflect.String:
		return openapi3.NewStringSchema()
	case reflect.Bool:
		return openapi3.NewBoolSchema()
	case reflect.Int, reflect.Int64, reflect.Int32:
		return openapi3.NewIntegerSchema()
	case reflect.Float64:
		return openapi3.NewFloat64Schema().WithFormat("double")
	case reflect.Slice:
		return openapi3.NewArraySchema().WithItems(typeSchema(t.Elem(), anyValue))
	case reflect.Map:
		if t.Key().Kind() != reflect.String || t.Elem().Kind() != reflect.Interface {
			panic("api: no schema for " + t.String())
		}
		s := openapi3.NewObjectSchema()
		s.AdditionalProperties = openapi3.AdditionalProperties{Schema: anyValue}
		return s
	case reflect.Struct:
		s := openapi3.NewObjectSchema()
		s.Properties = openapi3.Schemas{}
		no := false
		s.AdditionalProperties = openapi3.AdditionalProperties{Has: &no}
		addFields(s, t, false, anyValue)
		return s
	}
	panic("api: no schema for " + t.String())
}

// addFields adds t's fields to s, optional when promoted through an
// embedded pointer.
func addFields(s *openapi3.Schema, t reflect.Type, optional bool, anyValue *openapi3.SchemaRef) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if f.Anonymous && tag == "" {
			ft, opt := f.Type, optional
			if ft.Kind() == reflect.Pointer {
				ft, opt = ft.Elem(), true
			}
			addFields(s, ft, opt, anyValue)
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		p := typeSchema(f.Type, anyValue)
		if format := f.Tag.Get("format"); format != "" {
			p.Format = format
		}
		if enum := f.Tag.Get("enum"); enum != "" {
			for _, e := range strings.Split(enum, "|") {
				if !p.Type.Is("integer") {
					p.Enum = append(p.Enum, e)
					continue
				}
				// As a decoded JSON number, so that validation in
				// memory compares like with like.
				x, err := strconv.ParseFloat(e, 64)
				if err != nil {
					panic(fmt.Sprintf("api: %s.%s: enum %q", t, f.Name, enum))
				}
				p.Enum = append(p.Enum, x)
			}
		}
		s.Properties[name] = p.NewRef()
		if !optional && !slices.Contains(strings.Split(opts, ","), "omitempty") {
			s.Required = append(s.Required, name)
		}
	}
}

// eachProperty calls f for every property of s and of the objects and
// arrays within it (not through references).
func eachProperty(s *openapi3.Schema, f func(name string, p *openapi3.Schema)) {
	if s.Items != nil && s.Items.Ref == "" {
		eachProperty(s.Items.Value, f)
	}
	for name, p := range s.Properties {
		if p.Ref == "" {
			f(name, p.Value)
			eachProperty(p.Value, f)
		}
	}
}
