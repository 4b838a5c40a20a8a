package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/gin-gonic/gin"
	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/detente/detente/graph"
)

// Strict JSON decoding. encoding/json alone is lenient in ways a public
// API must not be: it accepts unknown fields unless told otherwise, stops
// at the first problem, silently replaces invalid UTF-8, keeps the last of
// duplicate keys, and names only the Go field of a type error. So a body
// goes through four stages:
//
//  1. transport: size limit (413), media type (415), not empty;
//  2. syntax: jsontext (github.com/go-json-experiment/json) reads the
//     body token by token into a tree that keeps key order; it refuses
//     invalid UTF-8, duplicate keys and data after the value, each with
//     its place (400 malformed-json, at the first such problem). Numbers
//     a double cannot hold (beyond ±1.8e308, or integers beyond ±2^53)
//     are noted at their paths;
//  3. shape: the tree is validated against the request body's schema in
//     the OpenAPI 3 document the server serves (kin-openapi, every
//     problem at once): unknown fields, wrong JSON types, missing
//     required fields, nulls, empty strings, malformed dates, each
//     reported with its JSON path;
//  4. encoding/json decodes the body into the request type. When it can
//     (every problem of stage 3 leaves a value of the right JSON type),
//     the shape problems go back to the caller with the value, which
//     reports them together with the domain's findings; when it cannot,
//     the shape problems alone are the answer (400 validation-failed).
//
// Domain rules (ranges, enums, lengths, patterns) are checked by the
// conversion functions in model.go, all at once. The schema states most of
// them too; its findings on those are left to the domain's wording.

// bodyOptions says what a route accepts.
type bodyOptions struct {
	limit      int64
	mediaTypes []string          // accepted media types; application/json if empty
	immutable  map[string]string // top-level fields that may not be sent, with the reason
}

// jobject is a decoded JSON object in the order of the document, so that
// errors come out in that order: vals[i] is the value of keys[i], and no
// key appears twice (stage 2 refuses duplicates). Lookups scan: the
// objects looked into are request bodies' top levels and patches.
type jobject struct {
	keys []string
	vals []any
}

// get returns the value of k and whether the object has it.
func (o *jobject) get(k string) (any, bool) {
	if i := slices.Index(o.keys, k); i >= 0 {
		return o.vals[i], true
	}
	return nil, false
}

func (o *jobject) has(k string) bool { _, ok := o.get(k); return ok }

// isNull reports whether the object has k set to null.
func (o *jobject) isNull(k string) bool { v, ok := o.get(k); return ok && v == nil }

// decodeBody reads the request body into dst (a pointer to a request
// struct) through the four stages above, against the schema of the
// route's request body. It returns the top-level object too, for handlers
// that need to know which fields were sent (PATCH), and the shape problems
// of a body that still decoded, which the caller reports together with
// the domain's findings (or alone).
func decodeBody(c *gin.Context, dst any, opt bodyOptions) (*jobject, []graph.FieldError, error) {
	body, err := readBody(c, opt)
	if err != nil {
		return nil, nil, err
	}
	schema, err := routeBodySchema(c)
	if err != nil {
		return nil, nil, err
	}
	obj, soft, shape, err := decodeJSON(body, dst, schema, opt.immutable)
	if err == nil && len(shape) > 0 {
		err = invalidBody(shape)
	}
	return obj, soft, err
}

// readBody is stage 1: it returns the body within the limits of opt.
func readBody(c *gin.Context, opt bodyOptions) ([]byte, error) {
	r := c.Request
	if r.ContentLength == 0 {
		return nil, newHTTPError(http.StatusBadRequest, ProblemMalformedJSON, "the request body is empty; a JSON object is expected")
	}
	media := opt.mediaTypes
	if len(media) == 0 {
		media = []string{"application/json"}
	}
	if err := checkMediaType(r.Header.Get("Content-Type"), media); err != nil {
		return nil, err
	}
	if r.ContentLength > opt.limit {
		return nil, tooLarge(opt.limit)
	}
	body, err := io.ReadAll(http.MaxBytesReader(c.Writer, r.Body, opt.limit))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, tooLarge(opt.limit)
		}
		return nil, newHTTPError(http.StatusBadRequest, ProblemMalformedJSON, "the request body could not be read")
	}
	return body, nil
}

// servedSpec is the OpenAPI 3 document the server serves (/openapi.json):
// its text, and the document loaded back from it, so that request bodies
// are checked against exactly what clients read, its references resolved
// the way any client's loader resolves them.
var servedSpec = sync.OnceValues(func() (spec, error) {
	b, err := OpenAPI3JSON()
	if err != nil {
		return spec{}, err
	}
	doc, err := openapi3.NewLoader().LoadFromData(b)
	if err != nil {
		return spec{}, fmt.Errorf("api: loading the served OpenAPI document: %w", err)
	}
	return spec{text: b, doc: doc}, nil
})

type spec struct {
	text []byte
	doc  *openapi3.T
}

// componentSchema is a schema of the served document's components.
func componentSchema(name string) (*openapi3.Schema, error) {
	sp, err := servedSpec()
	if err != nil {
		return nil, err
	}
	ref := sp.doc.Components.Schemas[name]
	if ref == nil || ref.Value == nil {
		return nil, fmt.Errorf("api: the OpenAPI document has no schema %s", name)
	}
	return ref.Value, nil
}

// routeBodySchema is the request body schema of the operation serving c
// (its method and route), for the body's media type.
func routeBodySchema(c *gin.Context) (*openapi3.Schema, error) {
	sp, err := servedSpec()
	if err != nil {
		return nil, err
	}
	segs := strings.Split(c.FullPath(), "/")
	for i, s := range segs {
		if strings.HasPrefix(s, ":") || strings.HasPrefix(s, "*") {
			segs[i] = "{" + s[1:] + "}"
		}
	}
	var op *openapi3.Operation
	if item := sp.doc.Paths.Value(strings.Join(segs, "/")); item != nil {
		op = item.GetOperation(c.Request.Method)
	}
	if op == nil || op.RequestBody == nil || op.RequestBody.Value == nil {
		return nil, fmt.Errorf("api: the OpenAPI document has no request body for %s %s", c.Request.Method, c.FullPath())
	}
	content := op.RequestBody.Value.Content
	mt, _, _ := mime.ParseMediaType(c.Request.Header.Get("Content-Type"))
	m := content.Get(mt)
	if m == nil {
		m = content.Get("application/json")
	}
	if m == nil || m.Schema == nil || m.Schema.Value == nil {
		return nil, fmt.Errorf("api: the OpenAPI document has no JSON schema for the body of %s %s", c.Request.Method, c.FullPath())
	}
	return m.Schema.Value, nil
}

// decodeJSON is stages 2 to 4 on a body already read, against schema. A
// syntax problem is err. When the body decodes into dst, its shape
// problems come back in soft; when it does not, they come back in shape
// (and dst is left alone).
func decodeJSON(body []byte, dst any, schema *openapi3.Schema, immutable map[string]string, opts ...jsonv2.Options) (obj *jobject, soft, shape fieldErrs, err error) {
	t, err := parseJSON(body)
	if err != nil {
		return nil, nil, nil, err
	}
	errs := t.numbers
	obj, _ = t.root.(*jobject)
	if obj != nil {
		for i, k := range obj.keys {
			if why, ok := immutable[k]; ok {
				errs = append(errs, finding{(*seg)(nil).keyAt(k, i), why})
			}
		}
	}
	if err := schema.VisitJSON(plain(t.root), openapi3.MultiErrors()); err != nil {
		var found []finding
		if found, err = schemaProblems(err, t, immutable); err != nil {
			return nil, nil, nil, err
		}
		errs = append(errs, found...)
	}
	if obj == nil && len(errs) > 0 {
		// Not an object: no field of the value can be reported on.
		return nil, nil, inDocumentOrder(errs), nil
	}
	if err := jsonv2.Unmarshal(body, dst, opts...); err != nil {
		// What the schema cannot say about the request type (an integer
		// written 1.0): the decoder names the place.
		var at *seg
		var se *jsonv2.SemanticError
		if errors.As(err, &se) {
			at, _ = t.locate(slices.Collect(se.JSONPointer.Tokens()))
		}
		path := at.String()
		if !slices.ContainsFunc(errs, func(f finding) bool { return f.at.String() == path }) {
			errs = append(errs, finding{at, decodeMessage(se)})
		}
		return nil, nil, inDocumentOrder(errs), nil
	}
	return obj, inDocumentOrder(errs), nil, nil
}

const msgRequired = "is required"

// decodeMessage says what a value the decoder refused should have been.
func decodeMessage(se *jsonv2.SemanticError) string {
	if se != nil && se.GoType != nil {
		switch se.GoType.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			return "must be an integer"
		case reflect.Float32, reflect.Float64:
			return "must be a number"
		}
		if se.GoType == reflect.TypeFor[time.Time]() {
			return "must be an RFC 3339 date-time such as 2020-01-03T00:00:00Z"
		}
	}
	return "does not match the request schema"
}

func tooLarge(limit int64) error {
	return newHTTPError(http.StatusRequestEntityTooLarge, ProblemTooLarge,
		fmt.Sprintf("the request body exceeds the limit of %d bytes", limit))
}

// invalidBody is the validation problem for a list of field errors. The
// same path may be found by more than one check (a missing field, then the
// domain rule it breaks); the first finding is kept.
func invalidBody(errs []graph.FieldError) error {
	seen := make(map[string]bool, len(errs))
	kept := errs[:0:0]
	for _, e := range errs {
		if !seen[e.Path] {
			seen[e.Path] = true
			kept = append(kept, e)
		}
	}
	errs = kept
	detail := "the request has 1 invalid field; nothing was written"
	if len(errs) != 1 {
		detail = fmt.Sprintf("the request has %d invalid fields; nothing was written", len(errs))
	}
	return newHTTPError(http.StatusBadRequest, ProblemValidation, detail, errs...)
}

// checkMediaType accepts one of the listed media types, with an optional
// charset parameter that must be UTF-8 (RFC 8259 §8.1).
func checkMediaType(header string, accepted []string) error {
	want := strings.Join(accepted, " or ")
	if header == "" {
		return newHTTPError(http.StatusUnsupportedMediaType, ProblemMediaType, "the request has no Content-Type; send "+want)
	}
	mt, params, err := mime.ParseMediaType(header)
	if err != nil || !slices.Contains(accepted, mt) {
		return newHTTPError(http.StatusUnsupportedMediaType, ProblemMediaType, fmt.Sprintf("Content-Type %s is not accepted; send %s", graph.Quote(header), want))
	}
	for k, v := range params {
		if k != "charset" || !strings.EqualFold(v, "utf-8") {
			return newHTTPError(http.StatusUnsupportedMediaType, ProblemMediaType, fmt.Sprintf("Content-Type parameter %s=%s is not accepted; JSON is UTF-8", k, v))
		}
	}
	return nil
}

// tree is a parsed body: values are *jobject, []any, string, json.Number,
// bool or nil.
type tree struct {
	root any
	// numbers are the numbers no double holds (stage 2).
	numbers []finding
}

// finding is a problem at a place in the body, rendered as a JSON path
// only once the body has been checked.
type finding struct {
	at  *seg
	msg string
}

// parseJSON is stage 2: jsontext checks the syntax (UTF-8, duplicate
// keys, trailing data) while the tree is built.
func parseJSON(body []byte) (*tree, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, malformed("the request body is empty; a JSON object is expected")
	}
	t := &tree{}
	dec := jsontext.NewDecoder(bytes.NewReader(body))
	root, err := t.value(dec, nil)
	if err == nil {
		off := dec.InputOffset()
		if _, err = dec.ReadToken(); err == io.EOF {
			t.root = root
			return t, nil
		}
		if err == nil || !strings.Contains(err.Error(), "invalid UTF-8") {
			rest := bytes.TrimLeft(body[off:], " \t\r\n")
			return nil, malformed("unexpected data after the JSON value at byte offset %d; send exactly one JSON value", len(body)-len(rest))
		}
	}
	return nil, syntaxProblem(err)
}

func malformed(format string, args ...any) error {
	return newHTTPError(http.StatusBadRequest, ProblemMalformedJSON, fmt.Sprintf(format, args...))
}

// dupError is a duplicate key at its path.
type dupError struct{ path string }

func (e *dupError) Error() string { return "duplicate key " + e.path }

// syntaxProblem is the malformed-json problem for an error of jsontext.
func syntaxProblem(err error) error {
	var de *dupError
	var se *jsontext.SyntacticError
	switch {
	case errors.As(err, &de):
		return newHTTPError(http.StatusBadRequest, ProblemMalformedJSON, "the JSON has duplicate object keys",
			graph.FieldError{Path: de.path, Message: "duplicate key: each key may appear once in an object"})
	case errors.Is(err, io.ErrUnexpectedEOF):
		return malformed("malformed JSON: the body ends in the middle of a value")
	case errors.As(err, &se) && strings.Contains(err.Error(), "invalid UTF-8"):
		return malformed("the request body is not valid UTF-8 (first invalid byte at offset %d)", se.ByteOffset)
	case errors.As(err, &se) && se.Err != nil:
		return malformed("malformed JSON at byte offset %d: %s", se.ByteOffset, se.Err)
	}
	return malformed("malformed JSON: %s", strings.TrimPrefix(err.Error(), "jsontext: "))
}

// value reads one value at path p, whose segments may live on the
// callers' stacks: a finding keeps a clone.
func (t *tree) value(dec *jsontext.Decoder, p *seg) (any, error) {
	tok, err := dec.ReadToken()
	if err != nil {
		return nil, err
	}
	switch tok.Kind() {
	case '{':
		obj := &jobject{}
		for dec.PeekKind() != '}' {
			name, err := dec.ReadToken()
			if err != nil {
				if errors.Is(err, jsontext.ErrDuplicateName) {
					var se *jsontext.SyntacticError
					if errors.As(err, &se) {
						return nil, &dupError{p.key(se.JSONPointer.LastToken()).String()}
					}
				}
				return nil, err
			}
			if name.Kind() != '"' {
				return nil, &jsontext.SyntacticError{ByteOffset: dec.InputOffset()}
			}
			k := name.String()
			at := seg{parent: p, name: k, idx: -1, pos: len(obj.keys)}
			v, err := t.value(dec, &at)
			if err != nil {
				return nil, err
			}
			obj.keys = append(obj.keys, k)
			obj.vals = append(obj.vals, v)
		}
		if _, err := dec.ReadToken(); err != nil {
			return nil, err
		}
		return obj, nil
	case '[':
		list := []any{}
		for dec.PeekKind() != ']' {
			at := seg{parent: p, idx: len(list), pos: len(list)}
			v, err := t.value(dec, &at)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		if _, err := dec.ReadToken(); err != nil {
			return nil, err
		}
		return list, nil
	case '"':
		return tok.String(), nil
	case '0':
		n := json.Number(tok.String())
		t.checkNumber(n, p)
		return n, nil
	case 't':
		return true, nil
	case 'f':
		return false, nil
	case 'n':
		return nil, nil
	}
	return nil, &jsontext.SyntacticError{ByteOffset: dec.InputOffset()}
}

// msgOutOfRange reports a number beyond float64 (±1.8e308).
const msgOutOfRange = "is out of range"

// maxExactInt is 2^53, the largest magnitude up to which a double holds
// every integer.
const maxExactInt = 1 << 53

// exactInt reports whether an integer literal is within ±2^53.
func exactInt(lit string) bool {
	n, err := strconv.ParseInt(lit, 10, 64)
	return err == nil && n >= -maxExactInt && n <= maxExactInt
}

// msgInexactInt reports an integer beyond ±2^53.
const msgInexactInt = "is an integer beyond ±2^53 (9007199254740992), which JSON numbers here cannot hold exactly; send it as a string"

// checkNumber notes a number that no double holds: beyond float64, which
// encoding/json cannot decode even into an interface (issue 15), or an
// integer a double would round (12345678901234567890 as …7000): refused,
// not kept wrong.
func (t *tree) checkNumber(n json.Number, at *seg) {
	_, err := strconv.ParseFloat(string(n), 64)
	switch {
	case err != nil:
		t.numbers = append(t.numbers, finding{at.clone(), msgOutOfRange})
	case !strings.ContainsAny(string(n), ".eE") && !exactInt(string(n)):
		t.numbers = append(t.numbers, finding{at.clone(), msgInexactInt})
	}
}

// plain is a tree value as kin-openapi validates it: objects as maps.
func plain(v any) any {
	switch v := v.(type) {
	case *jobject:
		m := make(map[string]any, len(v.keys))
		for i, k := range v.keys {
			m[k] = plain(v.vals[i])
		}
		return m
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = plain(e)
		}
		return out
	}
	return v
}

// inDocumentOrder renders findings as field errors in the order of the
// body (a missing member after its object's last member), keeping the
// order of findings at one place.
func inDocumentOrder(fs []finding) fieldErrs {
	type placed struct {
		pos []int
		f   graph.FieldError
	}
	ps := make([]placed, len(fs))
	for i, f := range fs {
		ps[i] = placed{f.at.positions(), graph.FieldError{Path: f.at.String(), Message: f.msg}}
	}
	slices.SortStableFunc(ps, func(a, b placed) int { return slices.Compare(a.pos, b.pos) })
	out := make(fieldErrs, len(ps))
	for i, p := range ps {
		out[i] = p.f
	}
	return out
}

// schemaProblems turns kin-openapi's findings into field errors at the
// tree's JSON paths. Findings on the domain's rules (enum, pattern,
// bounds, lengths but the empty string) are left to the domain's checks.
func schemaProblems(err error, t *tree, immutable map[string]string) ([]finding, error) {
	var out []finding
	add := func(at *seg, format string, args ...any) {
		out = append(out, finding{at, fmt.Sprintf(format, args...)})
	}
	var walk func(error) error
	walk = func(err error) error {
		var me openapi3.MultiError
		if errors.As(err, &me) {
			for _, e := range me {
				if err := walk(e); err != nil {
					return err
				}
			}
			return nil
		}
		var se *openapi3.SchemaError
		if !errors.As(err, &se) {
			return fmt.Errorf("api: validating a body against its schema: %w", err)
		}
		at, node := t.locate(se.JSONPointer())
		if want := jsonType(se.Schema); want != "" && !hasType(se.Value, se.Schema) {
			lit, isNum := numberText(se.Value)
			_, rangeErr := strconv.ParseFloat(lit, 64)
			switch {
			case se.Value == nil:
				add(at, "must not be null")
			case isNum && rangeErr != nil:
				// beyond float64: stage 2 reported it
			case isNum && want == "an integer":
				add(at, "must be an integer, not %s", lit)
			default:
				add(at, "must be %s, not %s", want, kindOf(se.Value))
			}
			return nil
		}
		switch se.SchemaField {
		case "properties":
			var k string
			if _, err := fmt.Sscanf(se.Reason, "property %q is unsupported", &k); err != nil {
				return fmt.Errorf("api: an unexpected schema finding %q", se.Reason)
			}
			if _, done := immutable[k]; done && at == nil {
				return nil
			}
			pos := -1
			if o, ok := node.(*jobject); ok {
				pos = slices.Index(o.keys, k)
			}
			names := make([]string, 0, len(se.Schema.Properties))
			for n := range se.Schema.Properties {
				names = append(names, n)
			}
			slices.Sort(names)
			add(at.keyAt(k, pos), "unknown field; allowed fields: %s", strings.Join(names, ", "))
		case "required":
			add(at, msgRequired)
		case "nullable":
			add(at, "must not be null")
		case "minLength":
			if se.Value == "" {
				add(at, "must not be empty (leave the field out instead)")
			}
		case "format":
			switch se.Schema.Format {
			case "date":
				add(at, "must be a date of the form YYYY-MM-DD")
			case "date-time":
				add(at, "must be an RFC 3339 date-time such as 2020-01-03T00:00:00Z")
			}
		}
		return nil
	}
	return out, walk(err)
}

// locate follows a JSON pointer into the tree, to the place and the
// value there (nil past the tree's end): a token is an index where the
// tree has an array. A member an object lacks is placed after its last.
func (t *tree) locate(ptr []string) (*seg, any) {
	var p *seg
	v := t.root
	for _, tok := range ptr {
		switch x := v.(type) {
		case []any:
			if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(x) {
				p, v = p.index(i), x[i]
				continue
			}
		case *jobject:
			i := slices.Index(x.keys, tok)
			if i < 0 {
				p, v = p.keyAt(tok, len(x.keys)), nil
				continue
			}
			p, v = p.keyAt(tok, i), x.vals[i]
			continue
		}
		p, v = p.keyAt(tok, math.MaxInt), nil
	}
	return p, v
}

// jsonType names the JSON type a schema asks for, for messages.
func jsonType(s *openapi3.Schema) string {
	if s == nil || s.Type == nil || len(*s.Type) != 1 {
		return ""
	}
	switch (*s.Type)[0] {
	case "string":
		return "a string"
	case "integer":
		return "an integer"
	case "number":
		return "a number"
	case "boolean":
		return "a boolean"
	case "array":
		return "an array"
	case "object":
		return "an object"
	}
	return ""
}

// hasType reports whether v (a plain tree value, or a number kin-openapi
// made a float64) is of the schema's type; null is of every type the
// schema makes nullable.
func hasType(v any, s *openapi3.Schema) bool {
	switch v.(type) {
	case nil:
		return s.Nullable
	case string:
		return s.Type.Is("string")
	case bool:
		return s.Type.Is("boolean")
	case []any:
		return s.Type.Is("array")
	case map[string]any:
		return s.Type.Is("object")
	}
	lit, ok := numberText(v)
	if !ok {
		return false
	}
	if s.Type.Is("integer") {
		_, err := strconv.ParseInt(lit, 10, 64)
		return err == nil
	}
	_, err := strconv.ParseFloat(lit, 64)
	return s.Type.Is("number") && err == nil
}

// numberText is the text of a number value.
func numberText(v any) (string, bool) {
	switch v := v.(type) {
	case json.Number:
		return string(v), true
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), true
	}
	return "", false
}

// kindOf names the JSON type of a plain tree value, for messages.
func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number, float64:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any, *jobject:
		return "an object"
	}
	return "a JSON value"
}

// seg is a JSON path, rendered only when an error needs it: the nil *seg
// is the root, "$".
type seg struct {
	parent *seg
	name   string
	idx    int // -1 for an object key
	pos    int // the place among its siblings: the index, or the key's rank in the object
}

func (s *seg) key(k string) *seg            { return s.keyAt(k, 0) }
func (s *seg) keyAt(k string, pos int) *seg { return &seg{parent: s, name: k, idx: -1, pos: pos} }
func (s *seg) index(i int) *seg             { return &seg{parent: s, idx: i, pos: i} }

// clone copies a path whose segments may live on the reader's stack.
func (s *seg) clone() *seg {
	if s == nil {
		return nil
	}
	c := *s
	c.parent = s.parent.clone()
	return &c
}

// positions is the place of the path in document order, from the root.
func (s *seg) positions() []int {
	var out []int
	for ; s != nil; s = s.parent {
		out = append(out, s.pos)
	}
	slices.Reverse(out)
	return out
}

func (s *seg) String() string {
	if s == nil {
		return "$"
	}
	if s.idx >= 0 {
		return s.parent.String() + "[" + strconv.Itoa(s.idx) + "]"
	}
	return jsonPath(s.parent.String(), s.name)
}

// jsonPath appends an object key to a JSON path: $.name, or $["a key"]
// for keys that are not plain identifiers.
func jsonPath(path, key string) string {
	plain := key != ""
	for i := 0; i < len(key) && plain; i++ {
		c := key[i]
		plain = c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9'
	}
	if plain {
		return path + "." + key
	}
	b, _ := json.Marshal(key)
	return path + "[" + string(b) + "]"
}

type fieldErrs []graph.FieldError

func (f *fieldErrs) add(path, format string, args ...any) {
	*f = append(*f, graph.FieldError{Path: path, Message: fmt.Sprintf(format, args...)})
}
