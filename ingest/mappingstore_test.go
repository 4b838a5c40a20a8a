package ingest

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
)

// editDefault returns the shipped mapping with edit applied to its
// decoded JSON, as a document.
func editDefault(tb testing.TB, edit func(m map[string]any)) []byte {
	tb.Helper()
	var m map[string]any
	if err := json.Unmarshal(mappingJSON, &m); err != nil {
		tb.Fatal(err)
	}
	edit(m)
	b, err := json.Marshal(m)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func rule(m map[string]any, table string, i int) map[string]any {
	return m[table].([]any)[i].(map[string]any)
}

// TestParseMapping: the shipped mapping passes and is canonical once
// parsed; every broken document is refused with each of its problems at
// its JSON path.
func TestParseMapping(t *testing.T) {
	_, canon, errs := ParseMapping(mappingJSON, registry)
	if len(errs) > 0 {
		t.Fatalf("the shipped mapping: %v", errs)
	}
	if _, again, _ := ParseMapping(canon, registry); string(again) != string(canon) {
		t.Error("the canonical form of the canonical form differs")
	}
	cases := []struct {
		name string
		doc  []byte
		want []string
	}{
		{"not JSON", []byte(`{"cameo": [`), []string{"$"}},
		{"two values", []byte(`{} {}`), []string{"$"}},
		{"unknown field", []byte(`{"camoe": []}`), []string{"$.camoe"}},
		{"wrong kind", []byte(`{"cameo": {}}`), []string{"$.cameo"}},
		{"empty mapping", []byte(`{}`), []string{"$.cameo", "$.plover", "$.acled"}},
		{"null", []byte(`null`), []string{"$"}},
		{"empty tables", []byte(`{"cameo": [], "plover": [], "acled": []}`), nil},
		{"unknown type and malformed code", editDefault(t, func(m map[string]any) {
			rule(m, "cameo", 0)["type"] = "befriends"
			rule(m, "cameo", 1)["code"] = "0256x"
		}), []string{"$.cameo[0].type", "$.cameo[1].code"}},
		{"listed twice", editDefault(t, func(m map[string]any) {
			rule(m, "cameo", 2)["code"] = rule(m, "cameo", 0)["code"]
		}), []string{"$.cameo[2].code"}},
		{"no reason", editDefault(t, func(m map[string]any) { rule(m, "acled", 0)["why"] = " " }), []string{"$.acled[0].why"}},
		{"sign flipped", editDefault(t, func(m map[string]any) {
			rule(m, "cameo", 0)["type"] = "attacks" // 025 appeal to yield: verbal cooperation
			rule(m, "plover", 0)["type"] = "sanctions"
		}), []string{"$.cameo[0].type", "$.plover[0].type"}},
		{"PLOVER code and quad", editDefault(t, func(m map[string]any) {
			rule(m, "plover", 0)["code"] = "consult"
			rule(m, "plover", 1)["code"] = "NEWTYPE"
			m["plover_quads"].(map[string]any)["AID"] = 5.0
			m["plover_scores"].(map[string]any)["AID"] = 11.0
		}), []string{"$.plover[0].code", "$.plover[1].code", `$.plover_scores["AID"]`, `$.plover_quads["AID"]`}},
		{"ACLED control character", editDefault(t, func(m map[string]any) { rule(m, "acled", 0)["code"] = "Bat\ntles" }), []string{"$.acled[0].code"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, errs := ParseMapping(c.doc, registry)
			var got []string
			for _, e := range errs {
				got = append(got, e.Path)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("paths (-want +got):\n%s\n%v", diff, errs)
			}
		})
	}
}

// TestReplaceMapping: a stored mapping is the one the next ingest uses
// (here one that leaves every CAMEO code unmapped), refused whole when
// invalid or when If-Match names another revision, and its writes leave
// the graph's version alone.
func TestReplaceMapping(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	_, def, stored, err := CurrentMapping(ctx, s)
	if err != nil || stored {
		t.Fatalf("before any PUT: stored %v, %v", stored, err)
	}
	v0, _ := s.Version(ctx)

	unmapAll := editDefault(t, func(m map[string]any) {
		for _, r := range m["cameo"].([]any) {
			r.(map[string]any)["type"] = ""
		}
	})
	steps := []struct {
		name string
		doc  []byte
		rev  graph.Revision
		want graph.Code // "" for success
	}{
		{"invalid", editDefault(t, func(m map[string]any) { rule(m, "cameo", 0)["type"] = "nope" }), graph.Revision{}, graph.EINVALID},
		{"stale revision", unmapAll, graph.ParseRevision(`"0000"`), graph.EPRECONDITION},
		{"current revision", unmapAll, graph.ParseRevision(MappingETag(def)), ""},
	}
	for _, st := range steps {
		_, err := ReplaceMapping(ctx, s, st.doc, st.rev)
		if graph.ErrorCode(err) != st.want && !(st.want == "" && err == nil) {
			t.Fatalf("%s: got %v, want %q", st.name, err, st.want)
		}
	}
	if v, _ := s.Version(ctx); v != v0 {
		t.Errorf("version %d after mapping writes, want %d", v, v0)
	}
	_, doc, stored, err := CurrentMapping(ctx, s)
	if err != nil || !stored || MappingETag(doc) == MappingETag(def) {
		t.Fatalf("after PUT: stored %v, %v", stored, err)
	}
	sum, err := ingestFiles(t, s, GDELT, Options{}, "gdelt2-valid.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Folded != 0 || len(sum.Unmapped) == 0 || len(derived(t, s)) != 0 {
		t.Errorf("with every CAMEO code unmapped: folded %d, unmapped %v, %d derived ties", sum.Folded, sum.Unmapped, len(derived(t, s)))
	}
	for _, u := range sum.Unmapped {
		if u.Note == "" {
			t.Errorf("unmapped %s without its reason", u.Code)
		}
	}
}
