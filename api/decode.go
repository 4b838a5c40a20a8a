package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
)

// Strict JSON decoding. encoding/json alone is lenient in ways a public
// API must not be: it accepts unknown fields unless told otherwise, stops
// at the first problem, silently replaces invalid UTF-8, keeps the last of
// duplicate keys, and names only the Go field of a type error. So a body
// goes through four stages, each reporting every problem it finds:
//
//  1. transport: size limit (413), media type (415), not empty;
//  2. syntax: valid UTF-8, one well-formed JSON value, nothing after it,
//     no duplicate keys (400 malformed-json);
//  3. shape: the value is checked against the Go request type by
//     reflection, using the same struct tags swag turns into the OpenAPI
//     schema (json names, validate:"required", format:"date",
//     extensions:"x-nullable"), so the description and the check agree:
//     unknown fields, wrong JSON types, missing required fields, nulls
//     (400 validation-failed, one entry per field with its JSON path);
//  4. only then encoding/json decodes into the request type, which can no
//     longer fail on shape.
//
// Domain rules (ranges, enums, lengths) are checked afterwards by the
// conversion functions in model.go, again all at once.

// bodyOptions says what a route accepts.
type bodyOptions struct {
	limit      int64
	mediaTypes []string          // accepted media types; application/json if empty
	immutable  map[string]string // top-level fields that may not be sent, with the reason
}

// jobject is a decoded JSON object that remembers its key order, so that
// errors come out in the order of the document.
type jobject struct {
	keys []string
	vals map[string]any
	dups []string // keys seen more than once (an error)
}

func (o *jobject) has(k string) bool { _, ok := o.vals[k]; return ok }

// isNull reports whether the object has k set to null.
func (o *jobject) isNull(k string) bool { v, ok := o.vals[k]; return ok && v == nil }

// decodeBody reads the request body into dst (a pointer to a request
// struct) through the four stages above. It returns the top-level object
// too, for handlers that need to know which fields were sent (PATCH), and
// the missing required fields, which the caller reports together with the
// domain's findings.
func decodeBody(c *gin.Context, dst any, opt bodyOptions) (*jobject, []graph.FieldError, error) {
	body, err := readBody(c, opt)
	if err != nil {
		return nil, nil, err
	}
	obj, missing, shape, err := decodeJSON(body, dst, opt.immutable)
	if err == nil && len(shape) > 0 {
		err = invalidBody(shape)
	}
	return obj, missing, err
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

// decodeJSON is stages 2 to 4 on a body already read. A syntax problem is
// err; shape problems other than missing required fields come back in
// shape (and dst is left alone); missing required fields come back in
// missing, with dst decoded.
func decodeJSON(body []byte, dst any, immutable map[string]string) (obj *jobject, missing, shape fieldErrs, err error) {
	raw, obj, err := parseJSON(body)
	if err != nil {
		return nil, nil, nil, err
	}
	var errs fieldErrs
	if obj != nil {
		for _, k := range obj.keys {
			if why, ok := immutable[k]; ok {
				errs.add(jsonPath("$", k), "%s", why)
			}
		}
	}
	var tree any = obj
	if obj == nil {
		tree = raw.value
	}
	checkShape(tree, reflect.TypeOf(dst).Elem(), fieldMeta{}, nil, &errs, immutable)
	// Missing required fields do not stop decoding: the value decodes
	// with zeros there, and the domain checks that follow can still report
	// the other fields' problems in the same response.
	for _, e := range errs {
		if e.Message != msgRequired {
			return nil, nil, errs, nil
		}
		missing = append(missing, e)
	}
	dec := json.NewDecoder(bytes.NewReader(raw.bytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		// The shape check admits only what decodes; reaching this is a bug
		// in the check, reported as such rather than as the client's fault.
		return nil, nil, nil, fmt.Errorf("api: body passed the shape check but did not decode: %w", err)
	}
	return obj, missing, nil, nil
}

const msgRequired = "is required"

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

type rawValue struct {
	bytes []byte
	value any
}

// parseJSON is stage 2: it returns the JSON value and, when it is an
// object, its tree. encoding/json checks the syntax (with its error
// offsets); the tree is then built by a small parser that may trust the
// syntax, keeps key order and notices duplicate keys.
func parseJSON(body []byte) (rawValue, *jobject, error) {
	malformed := func(format string, args ...any) error {
		return newHTTPError(http.StatusBadRequest, ProblemMalformedJSON, fmt.Sprintf(format, args...))
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return rawValue{}, nil, malformed("the request body is empty; a JSON object is expected")
	}
	if !utf8.Valid(body) {
		off := 0
		for off < len(body) {
			r, n := utf8.DecodeRune(body[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return rawValue{}, nil, malformed("the request body is not valid UTF-8 (first invalid byte at offset %d)", off)
	}
	if !json.Valid(body) {
		// The slow path, for the message: where the value went wrong, or
		// where unexpected data follows it.
		dec := json.NewDecoder(bytes.NewReader(body))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			var se *json.SyntaxError
			switch {
			case errors.As(err, &se):
				return rawValue{}, nil, malformed("malformed JSON at byte offset %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: "))
			case errors.Is(err, io.ErrUnexpectedEOF):
				return rawValue{}, nil, malformed("malformed JSON: the body ends in the middle of a value")
			}
			return rawValue{}, nil, malformed("malformed JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
		}
		off := dec.InputOffset()
		rest := bytes.TrimLeft(body[off:], " \t\r\n")
		return rawValue{}, nil, malformed("unexpected data after the JSON value at byte offset %d; send exactly one JSON value", int(off)+len(body[off:])-len(rest))
	}
	p := &treeParser{b: body}
	v := p.value()
	if p.dups {
		var dups fieldErrs
		reportDups(v, nil, &dups)
		return rawValue{}, nil, newHTTPError(http.StatusBadRequest, ProblemMalformedJSON, "the JSON has duplicate object keys", dups...)
	}
	obj, _ := v.(*jobject)
	return rawValue{bytes: body, value: v}, obj, nil
}

// treeParser builds the tree of a document json.Valid accepted: values
// are *jobject, []any, string, json.Number, bool or nil. It trusts the
// syntax, so it has no error paths.
type treeParser struct {
	b    []byte
	i    int
	dups bool
}

func (p *treeParser) ws() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\r', '\n':
			p.i++
		default:
			return
		}
	}
}

func (p *treeParser) value() any {
	p.ws()
	switch c := p.b[p.i]; c {
	case '{':
		p.i++
		obj := &jobject{vals: map[string]any{}}
		p.ws()
		if p.b[p.i] == '}' {
			p.i++
			return obj
		}
		for {
			p.ws()
			k := p.str()
			p.ws()
			p.i++ // ':'
			v := p.value()
			if _, dup := obj.vals[k]; dup {
				p.dups = true
				obj.dups = append(obj.dups, k)
			} else {
				obj.keys = append(obj.keys, k)
				obj.vals[k] = v
			}
			p.ws()
			if p.b[p.i] == '}' {
				p.i++
				return obj
			}
			p.i++ // ','
		}
	case '[':
		p.i++
		list := []any{}
		p.ws()
		if p.b[p.i] == ']' {
			p.i++
			return list
		}
		for {
			list = append(list, p.value())
			p.ws()
			if p.b[p.i] == ']' {
				p.i++
				return list
			}
			p.i++ // ','
		}
	case '"':
		return p.str()
	case 't':
		p.i += 4
		return true
	case 'f':
		p.i += 5
		return false
	case 'n':
		p.i += 4
		return nil
	default:
		start := p.i
		for p.i < len(p.b) && strings.IndexByte("+-0123456789.eE", p.b[p.i]) >= 0 {
			p.i++
		}
		return json.Number(p.b[start:p.i])
	}
}

// str reads a string token; escapes, rare in practice, go through
// encoding/json so they are decoded exactly as it would.
func (p *treeParser) str() string {
	start := p.i
	p.i++ // opening quote
	escaped := false
	for p.b[p.i] != '"' {
		if p.b[p.i] == '\\' {
			escaped = true
			p.i++
		}
		p.i++
	}
	p.i++
	if !escaped {
		return string(p.b[start+1 : p.i-1])
	}
	var s string
	_ = json.Unmarshal(p.b[start:p.i], &s) // valid by json.Valid
	return s
}

// reportDups collects the paths of duplicate keys.
func reportDups(v any, path *seg, errs *fieldErrs) {
	switch v := v.(type) {
	case *jobject:
		for _, k := range v.dups {
			errs.add(path.key(k).String(), "duplicate key: each key may appear once in an object")
		}
		for _, k := range v.keys {
			reportDups(v.vals[k], path.key(k), errs)
		}
	case []any:
		for i, e := range v {
			reportDups(e, path.index(i), errs)
		}
	}
}

// seg is a JSON path, rendered only when an error needs it: the nil *seg
// is the root, "$".
type seg struct {
	parent *seg
	name   string
	idx    int // -1 for an object key
}

func (s *seg) key(k string) *seg { return &seg{parent: s, name: k, idx: -1} }
func (s *seg) index(i int) *seg  { return &seg{parent: s, idx: i} }

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

// fieldMeta is what the struct tags say about one field.
type fieldMeta struct {
	name     string
	index    int
	required bool // validate:"required"
	nullable bool // extensions:"x-nullable"
	nonEmpty bool // minLength:"N" (N > 0) on a string: "" is not "absent"
	format   string
	typ      reflect.Type
}

type structMeta struct {
	fields []fieldMeta
	byName map[string]*fieldMeta
	names  []string // sorted, for messages
}

var structCache sync.Map // reflect.Type -> *structMeta

func metaOf(t reflect.Type) *structMeta {
	if m, ok := structCache.Load(t); ok {
		return m.(*structMeta)
	}
	m := &structMeta{byName: map[string]*fieldMeta{}}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m.fields = append(m.fields, fieldMeta{
			name:     name,
			index:    i,
			required: slices.Contains(strings.Split(f.Tag.Get("validate"), ","), "required"),
			nullable: slices.Contains(strings.Split(f.Tag.Get("extensions"), ","), "x-nullable"),
			format:   f.Tag.Get("format"),
			nonEmpty: f.Tag.Get("minLength") != "" && f.Tag.Get("minLength") != "0" && f.Type.Kind() != reflect.Slice,
			typ:      f.Type,
		})
	}
	for i := range m.fields {
		m.byName[m.fields[i].name] = &m.fields[i]
		m.names = append(m.names, m.fields[i].name)
	}
	slices.Sort(m.names)
	structCache.Store(t, m)
	return m
}

var timeType = reflect.TypeOf(time.Time{})

// kindOf names the JSON type of a tree value, for messages.
func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case *jobject:
		return "an object"
	}
	return "a JSON value"
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

// msgInexactInt reports an integer attribute beyond ±2^53.
const msgInexactInt = "is an integer beyond ±2^53 (9007199254740992), which JSON numbers here cannot hold exactly; send it as a string"

// checkAny checks a free-form value (attributes) at any depth for what
// encoding/json cannot decode into an interface: numbers beyond float64,
// which would otherwise fail stage 4 as a 500 (issue 15). Everything
// else the parser produced decodes.
func checkAny(v any, path *seg, errs *fieldErrs) {
	switch v := v.(type) {
	case json.Number:
		_, err := strconv.ParseFloat(string(v), 64)
		switch {
		case err != nil:
			errs.add(path.String(), msgOutOfRange)
		case !strings.ContainsAny(string(v), ".eE") && !exactInt(string(v)):
			// An integer a double cannot hold exactly would come back
			// rounded (12345678901234567890 as …7000): refused, not kept
			// wrong.
			errs.add(path.String(), msgInexactInt)
		}
	case []any:
		for i, e := range v {
			checkAny(e, path.index(i), errs)
		}
	case *jobject:
		for _, k := range v.keys {
			checkAny(v.vals[k], path.key(k), errs)
		}
	}
}

// checkShape is stage 3: it checks tree value v against Go type t and
// collects every mismatch with its path. skip lists top-level keys
// already reported (immutable fields).
func checkShape(v any, t reflect.Type, fm fieldMeta, path *seg, errs *fieldErrs, skip map[string]string) {
	if v == nil {
		if fm.nullable || t.Kind() == reflect.Interface {
			return
		}
		errs.add(path.String(), "must not be null")
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	wrong := func(want string) { errs.add(path.String(), "must be %s, not %s", want, kindOf(v)) }
	if t == timeType {
		s, ok := v.(string)
		if !ok {
			wrong("a string (an RFC 3339 date-time)")
		} else if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
			errs.add(path.String(), "must be an RFC 3339 date-time such as 2020-01-03T00:00:00Z")
		}
		return
	}
	switch t.Kind() {
	case reflect.Interface:
		checkAny(v, path, errs)
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			wrong("a string")
			return
		}
		if s == "" && fm.nonEmpty {
			errs.add(path.String(), "must not be empty (leave the field out instead)")
			return
		}
		if fm.format == "date" {
			if _, err := graph.ParseDate(s); err != nil {
				errs.add(path.String(), "must be a date of the form YYYY-MM-DD")
			}
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			wrong("a boolean")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			wrong("an integer")
			return
		}
		if _, err := strconv.ParseInt(string(n), 10, t.Bits()); err != nil {
			errs.add(path.String(), "must be an integer, not %s", n)
		}
	case reflect.Float32, reflect.Float64:
		n, ok := v.(json.Number)
		if !ok {
			wrong("a number")
			return
		}
		if _, err := strconv.ParseFloat(string(n), t.Bits()); err != nil {
			errs.add(path.String(), msgOutOfRange)
		}
	case reflect.Slice:
		list, ok := v.([]any)
		if !ok {
			wrong("an array")
			return
		}
		for i, e := range list {
			checkShape(e, t.Elem(), fieldMeta{format: fm.format}, path.index(i), errs, nil)
		}
	case reflect.Map:
		obj, ok := v.(*jobject)
		if !ok {
			wrong("an object")
			return
		}
		for _, k := range obj.keys {
			checkShape(obj.vals[k], t.Elem(), fieldMeta{}, path.key(k), errs, nil)
		}
	case reflect.Struct:
		obj, ok := v.(*jobject)
		if !ok {
			wrong("an object")
			return
		}
		m := metaOf(t)
		for _, k := range obj.keys {
			if _, done := skip[k]; done {
				continue
			}
			f, ok := m.byName[k]
			if !ok {
				errs.add(path.key(k).String(), "unknown field; allowed fields: %s", strings.Join(m.names, ", "))
				continue
			}
			checkShape(obj.vals[k], f.typ, *f, path.key(k), errs, nil)
		}
		for _, f := range m.fields {
			if f.required && !obj.has(f.name) {
				errs.add(path.key(f.name).String(), msgRequired)
			}
		}
	default:
		errs.add(path.String(), "cannot be decoded") // a request type the check does not know: a bug
	}
}
