package api

import (
	"errors"
	"testing"

	"encoding/json"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
)

// TestParseJSONSyntax: jsontext's findings become malformed-json problems,
// a duplicate key named by its JSON path.
func TestParseJSONSyntax(t *testing.T) {
	cases := []struct {
		name   string
		body   string
		detail string
		fields []graph.FieldError
	}{
		{"empty", " \n", "the request body is empty; a JSON object is expected", nil},
		{"duplicate at the top", `{"a":1,"a":2}`, "the JSON has duplicate object keys", []graph.FieldError{{Path: "$.a", Message: "duplicate key: each key may appear once in an object"}}},
		{"duplicate in an array", `{"x":[{"b":1},{"b":1,"b":2}]}`, "the JSON has duplicate object keys", []graph.FieldError{{Path: "$.x[1].b", Message: "duplicate key: each key may appear once in an object"}}},
		{"duplicate odd key", `{"a b":{"0":1,"0":2}}`, "the JSON has duplicate object keys", []graph.FieldError{{Path: `$["a b"]["0"]`, Message: "duplicate key: each key may appear once in an object"}}},
		{"trailing value", `{"a":1} {"b":2}`, "unexpected data after the JSON value at byte offset 8; send exactly one JSON value", nil},
		{"trailing garbage", `{"a":1}x`, "unexpected data after the JSON value at byte offset 7; send exactly one JSON value", nil},
		{"truncated", `{"a":`, "malformed JSON: the body ends in the middle of a value", nil},
		{"invalid UTF-8", "{\"a\":\"x\xff\"}", "the request body is not valid UTF-8 (first invalid byte at offset 7)", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseJSON([]byte(tc.body))
			var he *httpError
			if !errors.As(err, &he) || he.slug != ProblemMalformedJSON {
				t.Fatalf("got %v, want a malformed-json problem", err)
			}
			if he.detail != tc.detail {
				t.Errorf("detail %q, want %q", he.detail, tc.detail)
			}
			if diff := cmp.Diff(tc.fields, he.fields); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParseJSONTree: the tree keeps key order and each number's text.
func TestParseJSONTree(t *testing.T) {
	tr, err := parseJSON([]byte(`{"b":[1.50,true,null,"s"],"a":{"c":-0}}`))
	if err != nil {
		t.Fatal(err)
	}
	obj := tr.root.(*jobject)
	if diff := cmp.Diff([]string{"b", "a"}, obj.keys); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
	if got := plain(tr.root); !cmp.Equal(got, map[string]any{"b": []any{jsonNumber("1.50"), true, nil, "s"}, "a": map[string]any{"c": jsonNumber("-0")}}) {
		t.Errorf("tree %#v", got)
	}
}

func jsonNumber(s string) json.Number { return json.Number(s) }
