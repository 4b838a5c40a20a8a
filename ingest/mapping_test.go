package ingest

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/detente/detente/graph"
)

var registry = graph.NewRegistry(graph.BuiltinTypes())

// TestMappingFile: the shipped table loads strictly, names only registered
// types, and says why for every entry.
func TestMappingFile(t *testing.T) {
	m, err := LoadMapping(bytes.NewReader(mappingJSON))
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"cameo", "plover", "acled"} {
		rules := m.Rules(table)
		if len(rules) == 0 {
			t.Fatalf("%s: no rules", table)
		}
		for _, r := range rules {
			if _, ok := registry.Get(r.Type); r.Type != "" && !ok {
				t.Errorf("%s %s: unknown type %q", table, r.Code, r.Type)
			}
			if strings.TrimSpace(r.Why) == "" {
				t.Errorf("%s %s: no reason given", table, r.Code)
			}
			if table == "cameo" && (!digits(r.Code) || len(r.Code) < 3 || len(r.Code) > 4) {
				t.Errorf("cameo %q is not a 3- or 4-digit CAMEO code", r.Code)
			}
		}
	}
	dup := bytes.Replace(mappingJSON, []byte(`"cameo": [`), []byte(`"cameo": [{"code": "025", "type": "", "why": "again"},`), 1)
	if _, err := LoadMapping(bytes.NewReader(dup)); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("a code listed twice: %v", err)
	}
}

// TestMappingSignsFollowPolarity: a mapped code's side of the
// cooperation–conflict divide (its quad class) is its type's polarity in
// the registry: cooperative codes make positive ties, conflictual codes
// negative ones.
func TestMappingSignsFollowPolarity(t *testing.T) {
	m := DefaultMapping()
	sign := func(quad int) int {
		if quad <= 2 {
			return 1
		}
		return -1
	}
	check := func(table, code string, quad int, typ string) {
		tt, _ := registry.Get(typ)
		if tt.Polarity != 0 && tt.Polarity != sign(quad) {
			t.Errorf("%s %s (quad %d) -> %s (polarity %+d): the signs differ", table, code, quad, typ, tt.Polarity)
		}
	}
	for _, r := range m.Rules("cameo") {
		if r.Type != "" {
			check("cameo", r.Code, cameoQuad(r.Code), r.Type)
		}
	}
	for _, r := range m.Rules("plover") {
		q := m.PLOVERQuad(strings.SplitN(r.Code, ":", 2)[0])
		if q == 0 {
			t.Errorf("plover %s: no quad category", r.Code)
		}
		if r.Type != "" {
			check("plover", r.Code, q, r.Type)
		}
	}
	for _, r := range m.Rules("acled") {
		if r.Type != "" {
			check("acled", r.Code, 4, r.Type) // ACLED's mapped types are all political violence
		}
	}
}

// TestMappingAgreesWithRegistry: every CAMEO code and PLOVER type the
// registry names for a type maps to that type, but for the one documented
// exception (PLOVER REQUEST, whose sign differs from appeals_to's).
func TestMappingAgreesWithRegistry(t *testing.T) {
	m := DefaultMapping()
	token := regexp.MustCompile(`^(\d{3,4})(?:-(\d{3}))?$|^(\d{2})x$`)
	for _, tt := range graph.BuiltinTypes() {
		for _, tok := range strings.Split(tt.CAMEO, ",") {
			tok = strings.TrimSpace(tok)
			if tok == "" {
				continue
			}
			g := token.FindStringSubmatch(tok)
			if g == nil {
				t.Errorf("%s: cannot read CAMEO %q", tt.Name, tok)
				continue
			}
			var codes []string
			switch {
			case g[3] != "": // "07x": the root's general code, 070
				codes = []string{g[3] + "0"}
			case g[2] != "": // "051-053"
				lo, _ := strconv.Atoi(g[1])
				hi, _ := strconv.Atoi(g[2])
				for c := lo; c <= hi; c++ {
					codes = append(codes, "0"+strconv.Itoa(c))
				}
			default:
				codes = []string{g[1]}
			}
			for _, c := range codes {
				r, _, ok := m.Lookup(&Event{Format: GDELT, Code: c})
				if !ok || r.Type != tt.Name {
					t.Errorf("registry: %s lists CAMEO %s; the mapping gives %q", tt.Name, c, r.Type)
				}
			}
		}
		if tt.PLOVER == "" {
			continue
		}
		r, _, ok := m.Lookup(&Event{Format: PLOVER, Code: tt.PLOVER, Mode: tt.PLOVERMode})
		if tt.PLOVER == "REQUEST" {
			if ok || !strings.Contains(r.Why, "flip signs") {
				t.Errorf("PLOVER REQUEST: %+v, want it left unmapped with the reason", r)
			}
			continue
		}
		if !ok || r.Type != tt.Name {
			t.Errorf("registry: %s is PLOVER %s (mode %q); the mapping gives %q", tt.Name, tt.PLOVER, tt.PLOVERMode, r.Type)
		}
	}
}

func TestLookup(t *testing.T) {
	m := DefaultMapping()
	for _, tc := range []struct {
		f          Format
		code, mode string
		want, key  string // want "" for unmapped
	}{
		{GDELT, "0256", "", "appeals_to", "0256"}, // falls back to its base, 025
		{GDELT, "1312", "", "threatens", "1312"},
		{ICEWS, "163", "", "sanctions", "163"},
		{GDELT, "1712", "", "attacks", "1712"}, // a four-digit code mapped apart from its base
		{GDELT, "171", "", "", "171"},          // COERCE: no entry
		{GDELT, "191", "", "", "191"},          // an entry that leaves it unmapped
		{GDELT, "073", "", "", "073"},
		{GDELT, "010", "", "", "010"},
		{GDELT1, "046", "", "negotiates_with", "046"},
		{PLOVER, "AID", "military", "arms", "AID:military"},
		{PLOVER, "AID", "training", "sponsors", "AID:training"}, // an unlisted mode falls back to the type
		{PLOVER, "AID", "humanitarian", "", "AID:humanitarian"},
		{PLOVER, "CONSULT", "", "negotiates_with", "CONSULT"},
		{PLOVER, "COERCE", "arrest", "", "COERCE:arrest"},
		{ACLED, "Battles", "Armed clash", "attacks", "Battles:Armed clash"},
		{ACLED, "Protests", "Peaceful protest", "", "Protests:Peaceful protest"},
	} {
		r, key, ok := m.Lookup(&Event{Format: tc.f, Code: tc.code, Mode: tc.mode})
		got := ""
		if ok {
			got = r.Type
		}
		if got != tc.want || key != tc.key {
			t.Errorf("%s %s %s: got %q (key %q), want %q (key %q)", tc.f, tc.code, tc.mode, got, key, tc.want, tc.key)
		}
	}
}
