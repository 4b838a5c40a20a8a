package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"
)

func tagSamples() []any {
	t0 := time.Date(2026, 3, 1, 12, 30, 0, 123_000_000, time.UTC)
	d1, d2, d3 := Date{2024, 2, 29}, Date{2025, 12, 31}, Date{2024, 1, 5}
	g := -7.5
	return []any{
		Actor{ID: "iran", Name: "Iran", Kind: "state", Aliases: []string{"IRI"}, CountryCode: "IRN", Region: "Middle East",
			Tags: []string{"opec"}, Description: "d", Attributes: map[string]any{"population": 89.0}, CreatedAt: t0, UpdatedAt: t0.Add(time.Hour)},
		Relationship{ID: "r1", Source: "iran", Target: "houthis", Type: "arms", Weight: 0.8, Confidence: 0.6,
			ValidFrom: &d1, ValidTo: &d2, Sources: []Citation{{Title: "UN report", URL: "https://example.org/r", Quote: "q", Published: &d3}},
			Note: "n", CreatedAt: t0, UpdatedAt: t0},
		RelationshipType{Name: "arms", Polarity: 1, Symmetric: true, DefaultWeight: 0.7, Description: "d", CAMEO: "163",
			Goldstein: &g, PLOVER: "AID", PLOVERMode: "military", Builtin: true},
	}
}

// mutations returns values that differ from v in one place each: every
// field of a struct, every field of the first element of a list, the
// pointee of a pointer, and nil for a pointer.
func mutations(v reflect.Value) []reflect.Value {
	var out []reflect.Value
	switch v.Kind() {
	case reflect.String:
		out = append(out, reflect.ValueOf(v.String()+"x").Convert(v.Type()))
	case reflect.Float64:
		out = append(out, reflect.ValueOf(v.Float()+0.25).Convert(v.Type()))
	case reflect.Int:
		out = append(out, reflect.ValueOf(v.Int()+1).Convert(v.Type()))
	case reflect.Bool:
		out = append(out, reflect.ValueOf(!v.Bool()))
	case reflect.Slice:
		longer := reflect.AppendSlice(reflect.MakeSlice(v.Type(), 0, v.Len()+1), v)
		out = append(out, reflect.Append(longer, reflect.Zero(v.Type().Elem())))
		if v.Len() > 0 {
			for _, m := range mutations(v.Index(0)) {
				c := reflect.AppendSlice(reflect.MakeSlice(v.Type(), 0, v.Len()), v)
				c.Index(0).Set(m)
				out = append(out, c)
			}
		}
	case reflect.Map:
		c := reflect.MakeMap(v.Type())
		for _, k := range v.MapKeys() {
			c.SetMapIndex(k, v.MapIndex(k))
		}
		c.SetMapIndex(reflect.ValueOf("zz"), reflect.ValueOf(any("x")))
		out = append(out, c)
	case reflect.Pointer:
		out = append(out, reflect.Zero(v.Type()))
		for _, m := range mutations(v.Elem()) {
			p := reflect.New(v.Type().Elem())
			p.Elem().Set(m)
			out = append(out, p)
		}
	case reflect.Struct:
		if t, ok := v.Interface().(time.Time); ok {
			return []reflect.Value{reflect.ValueOf(t.Add(time.Millisecond))}
		}
		for i := 0; i < v.NumField(); i++ {
			for _, m := range mutations(v.Field(i)) {
				c := reflect.New(v.Type()).Elem()
				c.Set(v)
				c.Field(i).Set(m)
				out = append(out, c)
			}
		}
	default:
		panic(fmt.Sprintf("mutations: no rule for %s", v.Type()))
	}
	return out
}

// TestETagCoversEveryField: changing any field of a tagged resource,
// however deep, changes its tag; a value and a pointer to it share one.
func TestETagCoversEveryField(t *testing.T) {
	for _, base := range tagSamples() {
		bv := reflect.ValueOf(base)
		tag := ETag(base)
		p := reflect.New(bv.Type())
		p.Elem().Set(bv)
		if pt := ETag(p.Interface()); pt != tag {
			t.Errorf("%T: pointer tag %s, value tag %s", base, pt, tag)
		}
		for i := 0; i < bv.NumField(); i++ {
			f := bv.Type().Field(i)
			for k, m := range mutations(bv.Field(i)) {
				c := reflect.New(bv.Type()).Elem()
				c.Set(bv)
				c.Field(i).Set(m)
				if ETag(c.Interface()) == tag {
					t.Errorf("%T.%s: change %d leaves the tag as it was", base, f.Name, k)
				}
			}
		}
	}
}

// TestETagEquivalences: values a client sees the same way share a tag.
func TestETagEquivalences(t *testing.T) {
	s := tagSamples()
	a, r := s[0].(Actor), s[1].(Relationship)
	a2 := a
	a2.CreatedAt = a.CreatedAt.In(time.FixedZone("IRST", 12600))
	if ETag(a2) != ETag(a) {
		t.Error("one instant in two time zones: two tags")
	}
	empty, none := a, a
	empty.Aliases, empty.Tags, empty.Attributes = []string{}, []string{}, map[string]any{}
	none.Aliases, none.Tags, none.Attributes = nil, nil, nil
	if ETag(empty) != ETag(none) {
		t.Error("empty and nil lists: two tags")
	}
	r2 := r
	r2.Sources = nil
	r3 := r
	r3.Sources = []Citation{}
	if ETag(r2) != ETag(r3) {
		t.Error("no sources, nil or empty: two tags")
	}
	// Different resources with equal fields do not share a tag.
	if ETag(Actor{ID: "x"}) == ETag(Relationship{ID: "x"}) {
		t.Error("an actor and a relationship share a tag")
	}
	// Field boundaries are part of the encoding.
	if ETag(Actor{ID: "ab", Name: "c"}) == ETag(Actor{ID: "a", Name: "bc"}) {
		t.Error("fields run into each other")
	}
	// Other values: their JSON form.
	if ETag(map[string]int{"a": 1}) == ETag(map[string]int{"a": 2}) {
		t.Error("JSON fallback: equal tags for different values")
	}
	if got := ETag(a); len(got) != 26 || got[0] != '"' || got[25] != '"' {
		t.Errorf("tag %s: want a quoted 24-digit hex string", got)
	}
}

func BenchmarkETag(b *testing.B) {
	a := tagSamples()[0].(Actor)
	a.Attributes = nil
	b.ReportAllocs()
	for b.Loop() {
		_ = ETag(a)
	}
}

// BenchmarkETagJSON is the tag as it was computed before (SHA-256 of the
// JSON form), the peer of BenchmarkETag.
func BenchmarkETagJSON(b *testing.B) {
	a := tagSamples()[0].(Actor)
	a.Attributes = nil
	b.ReportAllocs()
	for b.Loop() {
		j, _ := json.Marshal(a)
		sum := sha256.Sum256(j)
		_ = `"` + hex.EncodeToString(sum[:12]) + `"`
	}
}
