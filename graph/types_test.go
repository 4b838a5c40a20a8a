package graph

import "testing"

// TestBuiltinTypesAreValid checks the shipped registry against the rules a
// user-defined type must pass, and that names are unique.
func TestBuiltinTypesAreValid(t *testing.T) {
	seen := map[string]bool{}
	for _, typ := range BuiltinTypes() {
		if !typ.Builtin {
			t.Errorf("%s: not marked built-in", typ.Name)
		}
		if seen[typ.Name] {
			t.Errorf("%s: listed twice", typ.Name)
		}
		seen[typ.Name] = true
		typ.Builtin = false
		if errs := ValidateType(&typ, "$"); len(errs) > 0 {
			t.Errorf("%s: %v", typ.Name, errs)
		}
		if typ.Description == "" {
			t.Errorf("%s: no description", typ.Name)
		}
		if typ.PLOVERMode != "" && typ.PLOVER == "" {
			t.Errorf("%s: a PLOVER mode without a PLOVER category", typ.Name)
		}
	}
}

// TestAppealsTo pins the type for appeals for restraint (issue #17): a
// low-weight cooperative appeal, CAMEO 025x, PLOVER REQUEST, distinct from
// mediation.
func TestAppealsTo(t *testing.T) {
	reg := NewRegistry(BuiltinTypes())
	a, ok := reg.Get("appeals_to")
	if !ok {
		t.Fatal("no appeals_to type")
	}
	m, _ := reg.Get("mediates")
	switch {
	case a.Polarity != 1 || a.Symmetric:
		t.Errorf("polarity %d, symmetric %v; want 1, false", a.Polarity, a.Symmetric)
	case a.DefaultWeight >= m.DefaultWeight:
		t.Errorf("default weight %v, want below mediates' %v", a.DefaultWeight, m.DefaultWeight)
	case a.CAMEO != "025, 0256" || a.PLOVER != "REQUEST":
		t.Errorf("CAMEO %q, PLOVER %q; want 025, 0256 and REQUEST", a.CAMEO, a.PLOVER)
	case a.Goldstein == nil || *a.Goldstein != -0.3:
		t.Errorf("Goldstein %v, want GDELT's -0.3 for 025", a.Goldstein)
	}
	if mo, ok := reg.Get("monitors"); !ok || mo.Polarity != 0 {
		t.Errorf("monitors: %+v, want a neutral type", mo)
	}
}

// TestRelayingTypes pins which built-in types relay influence along a
// channel (issue #18): alignment and material support do; direct
// engagement (talks, mediation, appeals, verification) and every
// conflictual type do not.
func TestRelayingTypes(t *testing.T) {
	want := map[string]bool{
		"supports": true, "allied_with": true, "funds": true, "arms": true, "sponsors": true, "member_of": true,
		"negotiates_with": false, "mediates": false, "appeals_to": false, "monitors": false,
	}
	for _, typ := range BuiltinTypes() {
		w, listed := want[typ.Name]
		if typ.Polarity < 0 {
			w, listed = false, true
		}
		if !listed {
			t.Errorf("%s: not pinned here; decide whether it relays", typ.Name)
			continue
		}
		if typ.Relays() != w {
			t.Errorf("%s relays %v, want %v", typ.Name, typ.Relays(), w)
		}
	}
	bad := RelationshipType{Name: "blockades", Polarity: -1, DefaultWeight: 0.5, Direct: true}
	if errs := ValidateType(&bad, "$"); len(errs) != 1 || errs[0].Path != "$.relays" {
		t.Errorf("a conflictual type marked direct: %v, want one error at $.relays", errs)
	}
}
