package graph

import (
	_ "embed"
	"encoding/json"
	"slices"
	"sort"
	"sync"
)

// RelationshipType is an entry of the registry: what a type of tie means,
// its sign, whether it runs both ways, and its mapping to the public event
// ontologies (CAMEO with its Goldstein score, PLOVER) so users can line the
// graph up with GDELT/ICEWS-style event data.
type RelationshipType struct {
	Name          string   `json:"name"`
	Polarity      int      `json:"polarity"`
	Symmetric     bool     `json:"symmetric"`
	DefaultWeight float64  `json:"default_weight"`
	Description   string   `json:"description"`
	CAMEO         string   `json:"cameo,omitempty"`
	Goldstein     *float64 `json:"goldstein,omitempty"`
	PLOVER        string   `json:"plover,omitempty"`
	PLOVERMode    string   `json:"plover_mode,omitempty"`
	// Direct marks a cooperative or structural type as direct engagement
	// of its target (talks, mediation, appeals, verification) rather than
	// alignment or material support: a tie of the type reaches its target
	// but relays nothing on, so it can only be the last hop of an
	// influence channel (see Relays). The zero value relays, so a type
	// stored before the attribute existed keeps the meaning it had.
	Direct  bool `json:"direct,omitempty"`
	Builtin bool `json:"builtin"`
}

// Sign is the type's polarity as a path sign factor.
func (t RelationshipType) Sign() int { return t.Polarity }

// Relays reports whether a tie of this type passes influence on to a
// further tie of a channel, i.e. may be a channel's intermediate hop.
// Alignment and material support relay (supports, allied_with, funds,
// arms, sponsors: what the target does next is done with the source's
// backing); direct engagement does not (negotiates_with, mediates,
// appeals_to, monitors: Oman mediating with the US gives Oman no hand in
// the US's sanctions on Iran); a conflictual tie never does — it ends a
// pressure channel.
func (t RelationshipType) Relays() bool { return t.Polarity >= 0 && !t.Direct }

// Note (kept from the registry's design notes): Goldstein scores the
// source -> target act only, so "arms a proxy against X" is two facts (arms
// proxy, proxy attacks X), never one.

//go:embed types.json
var builtinTypes []byte

// builtin is types.json parsed once: registries are rebuilt on every
// type change and read on every request, so the file is not parsed each time.
var builtin = sync.OnceValue(func() []RelationshipType {
	var ts []RelationshipType
	if err := json.Unmarshal(builtinTypes, &ts); err != nil {
		panic("graph: types.json: " + err.Error())
	}
	for i := range ts {
		ts[i].Builtin = true
	}
	return ts
})

// BuiltinTypes returns the starting registry, from types.json. The slice is
// the caller's; the Goldstein scores it points to are shared and read-only.
func BuiltinTypes() []RelationshipType { return slices.Clone(builtin()) }

// Registry is an immutable set of relationship types, looked up by name.
type Registry struct {
	byName map[string]RelationshipType
	names  []string
}

// NewRegistry builds a registry from types (later entries win).
func NewRegistry(types []RelationshipType) Registry {
	r := Registry{byName: make(map[string]RelationshipType, len(types))}
	for _, t := range types {
		r.byName[t.Name] = t
	}
	for n := range r.byName {
		r.names = append(r.names, n)
	}
	sort.Strings(r.names)
	return r
}

// Get returns the type called name.
func (r Registry) Get(name string) (RelationshipType, bool) {
	t, ok := r.byName[name]
	return t, ok
}

// Names returns the registered names in order.
func (r Registry) Names() []string { return r.names }

// Types returns the registered types ordered by name.
func (r Registry) Types() []RelationshipType {
	out := make([]RelationshipType, len(r.names))
	for i, n := range r.names {
		out[i] = r.byName[n]
	}
	return out
}

// With returns a registry with t added.
func (r Registry) With(t RelationshipType) Registry {
	return NewRegistry(append(r.Types(), t))
}

// ValidateType checks a new relationship type.
func ValidateType(t *RelationshipType, prefix string) []FieldError {
	var errs fieldErrors
	if !ValidTypeName(t.Name) {
		errs.add(prefix+".name", "must be snake_case: a-z, 0-9 and '_', starting with a letter, at most 63 characters")
	}
	if t.Polarity < -1 || t.Polarity > 1 {
		errs.add(prefix+".polarity", "must be -1, 0 or 1")
	}
	if !(t.DefaultWeight > 0 && t.DefaultWeight <= 1) {
		errs.add(prefix+".default_weight", "must be in (0, 1]")
	}
	if t.Direct && t.Polarity < 0 {
		errs.add(prefix+".relays", "must be false or absent for a conflictual type: a conflictual tie always ends a channel and never relays influence")
	}
	if t.Goldstein != nil && (*t.Goldstein < -10 || *t.Goldstein > 10) {
		errs.add(prefix+".goldstein", "must be in [-10, 10]")
	}
	checkText(&errs, prefix+".description", t.Description, MaxTextLen, false)
	checkText(&errs, prefix+".cameo", t.CAMEO, 64, false)
	checkText(&errs, prefix+".plover", t.PLOVER, 64, false)
	checkText(&errs, prefix+".plover_mode", t.PLOVERMode, 64, false)
	if t.Builtin {
		errs.add(prefix+".builtin", "only the shipped registry has built-in types")
	}
	return errs
}
