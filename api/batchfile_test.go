package api

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// batchBodies are import bodies around every rule of the decoder: the
// fast path must accept the clean ones and leave the others to the
// general way, which reports them.
var batchBodies = []struct {
	name string
	body string
	fast bool // the fast path decodes it
}{
	{"empty lists", `{"actors":[],"relationships":[]}`, true},
	{"records", `{"actors":[{"id":"x","name":"X","kind":"person","aliases":["y"],"tags":["t"],"country_code":"IRN","attributes":{"a":[1,{"b":true}],"c":"d"},"created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-02T03:04:05.678+02:00"}],"relationships":[{"id":"r","source":"x","target":"iran","type":"sanctions","weight":0.5,"confidence":1,"valid_from":"2024-01-01","valid_to":"2024-12-31","sources":[{"title":"t","url":"https://e.org","quote":"q","published":"2024-01-01"}],"note":"a \"quoted\" note\\\\"}]}`, true},
	{"a type", `{"relationship_types":[{"name":"blockades","polarity":-1,"symmetric":false,"default_weight":0.5,"description":"d","goldstein":-4.5}],"actors":[],"relationships":[]}`, true},
	{"escapes and whitespace", " {\"actors\" : [ {\"id\":\"x\",\"name\":\"\\u00c9lys\\u00e9e \\\"\\\"\",\"kind\":\"igo\"} ],\n\"relationships\":[]}\n", true},
	{"a neutral type (polarity 0 may be absent)", `{"relationship_types":[{"name":"meets","polarity":0,"default_weight":0.5}],"actors":[],"relationships":[]}`, false},
	{"null value", `{"actors":[{"id":"x","name":"X","kind":"person","region":null}],"relationships":[]}`, false},
	{"null inside attributes (allowed)", `{"actors":[{"id":"x","name":"X","kind":"person","attributes":{"a":null}}],"relationships":[]}`, false},
	{"empty string", `{"actors":[{"id":"","name":"X","kind":"person"}],"relationships":[]}`, false},
	{"empty key", `{"actors":[{"":1,"name":"X","kind":"person"}],"relationships":[]}`, false},
	{"missing actors", `{"relationships":[]}`, false},
	{"missing name", `{"actors":[{"id":"x","kind":"person"}],"relationships":[]}`, false},
	{"missing source", `{"actors":[],"relationships":[{"target":"iran","type":"sanctions"}]}`, false},
	{"missing citation title", `{"actors":[],"relationships":[{"source":"x","target":"iran","type":"sanctions","sources":[{"url":"https://e.org"}]}]}`, false},
	{"bad date", `{"actors":[],"relationships":[{"source":"x","target":"iran","type":"sanctions","valid_from":"2024-02-30"}]}`, false},
	{"bad published date", `{"actors":[],"relationships":[{"source":"x","target":"iran","type":"sanctions","sources":[{"title":"t","published":"2024"}]}]}`, false},
	{"bad time", `{"actors":[{"id":"x","name":"X","kind":"person","created_at":"yesterday"}],"relationships":[]}`, false},
	{"unknown field", `{"actors":[{"id":"x","name":"X","kind":"person","colour":"red"}],"relationships":[]}`, false},
	{"field in the wrong case", `{"actors":[{"id":"x","Name":"X","kind":"person"}],"relationships":[]}`, false},
	{"duplicate key", `{"actors":[{"id":"x","id":"y","name":"X","kind":"person"}],"relationships":[]}`, false},
	{"duplicate key in attributes", `{"actors":[{"id":"x","name":"X","kind":"person","attributes":{"a":1,"a":2}}],"relationships":[]}`, false},
	{"trailing data", `{"actors":[],"relationships":[]}{}`, false},
	{"invalid UTF-8", "{\"actors\":[{\"id\":\"x\",\"name\":\"\xff\",\"kind\":\"person\"}],\"relationships\":[]}", false},
	{"lone surrogate (not Unicode: malformed, as the fast path finds too)", `{"actors":[{"id":"x","name":"\ud800","kind":"person"}],"relationships":[]}`, false},
	{"wrong type", `{"actors":[{"id":"x","name":"X","kind":"person","tags":"t"}],"relationships":[]}`, false},
	{"number out of range", `{"actors":[],"relationships":[{"source":"x","target":"iran","type":"sanctions","weight":1e999}]}`, false},
	{"attribute out of range", `{"actors":[{"id":"x","name":"X","kind":"person","attributes":{"n":1e400}}],"relationships":[]}`, false},
	{"fractional polarity", `{"relationship_types":[{"name":"t","polarity":1.5,"default_weight":0.5}],"actors":[],"relationships":[]}`, false},
	{"not an object", `[]`, false},
	{"malformed", `{"actors":[`, false},
}

func TestDecodeBatchFastPath(t *testing.T) {
	for _, tc := range batchBodies {
		t.Run(tc.name, func(t *testing.T) {
			_, ok := decodeBatchFast([]byte(tc.body))
			if ok != tc.fast {
				t.Fatalf("fast path took it: %v, want %v", ok, tc.fast)
			}
			checkFastAgreesWithGeneral(t, []byte(tc.body))
			if !tc.fast {
				// The general way decides: a problem reported unless the
				// body is one the fast path merely cannot vouch for.
				_, missing, shape, err := decodeBatchJSON([]byte(tc.body))
				clean := strings.Contains(tc.name, "neutral") || strings.Contains(tc.name, "inside attributes")
				if got := err == nil && len(missing)+len(shape) == 0; got != clean {
					t.Errorf("the general way found no problem: %v, want %v (%v %v %v)", got, clean, err, missing, shape)
				}
			}
		})
	}
}

// checkFastAgreesWithGeneral fails when the fast path decodes body
// otherwise than the general way (decodeBatchGeneral) does.
func checkFastAgreesWithGeneral(t *testing.T, body []byte) {
	t.Helper()
	fast, ok := decodeBatchFast(body)
	if !ok {
		return
	}
	slow, missing, shape, err := decodeBatchGeneral(body)
	if err != nil || len(missing)+len(shape) > 0 {
		t.Fatalf("the fast path accepted %q, the general way did not: %v %v %v", body, err, missing, shape)
	}
	// The lists the fast path presizes may have spare capacity; values
	// compare equal regardless.
	if !reflect.DeepEqual(normTimes(fast), normTimes(slow)) {
		t.Fatalf("the two ways decode %q differently:\nfast    %+v\ngeneral %+v", body, fast, slow)
	}
}

// normTimes replaces each timestamp by its RFC 3339 text, so that two
// decoders' representations of one instant and offset compare equal.
func normTimes(b Batch) []any {
	var out []any
	for _, a := range b.Actors {
		for _, p := range []**time.Time{&a.CreatedAt, &a.UpdatedAt} {
			if *p != nil {
				out = append(out, (*p).Format("2006-01-02T15:04:05.999999999Z07:00"))
				*p = nil
			}
		}
		out = append(out, a)
	}
	for _, r := range b.Relationships {
		for _, p := range []**time.Time{&r.CreatedAt, &r.UpdatedAt} {
			if *p != nil {
				out = append(out, (*p).Format("2006-01-02T15:04:05.999999999Z07:00"))
				*p = nil
			}
		}
		out = append(out, r)
	}
	return append(out, b.RelationshipTypes)
}

// FuzzDecodeBatch: whatever the fast path accepts, the general way
// accepts as well, into the same value (the general way is the reference
// for every message an import gives).
func FuzzDecodeBatch(f *testing.F) {
	for _, tc := range batchBodies {
		f.Add([]byte(tc.body))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		checkFastAgreesWithGeneral(t, body)
	})
}
