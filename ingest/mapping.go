package ingest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"sync"
)

// mapping.json is the type mapping as data: which detente relationship
// type each CAMEO code, PLOVER event type (and mode) and ACLED event type
// (and sub-type) becomes, each entry with the reason for it, plus the
// PLOVER scores. Its "about" field documents the lookup rules.
//
//go:embed mapping.json
var mappingJSON []byte

// Rule maps one event code to a relationship type. An empty Type marks a
// code deliberately left unmapped; Why says why, either way.
type Rule struct {
	Code string `json:"code"`
	Type string `json:"type"`
	Why  string `json:"why"`
}

// mappingFile is mapping.json.
// The optional parts are omitted when empty, so that the canonical form
// (mappingstore.go) never holds null.
type mappingFile struct {
	About        []string           `json:"about,omitempty"`
	CAMEO        []Rule             `json:"cameo"`
	PLOVER       []Rule             `json:"plover"`
	ACLED        []Rule             `json:"acled"`
	PLOVERScores map[string]float64 `json:"plover_scores,omitempty"`
	PLOVERQuads  map[string]int     `json:"plover_quads,omitempty"`
}

// Mapping maps events to relationship types.
type Mapping struct {
	cameo, plover, acled map[string]Rule
	ploverScores         map[string]float64
	ploverQuads          map[string]int
}

// LoadMapping reads a mapping in mapping.json's format, refusing unknown
// fields and codes listed twice.
func LoadMapping(r io.Reader) (*Mapping, error) {
	var f mappingFile
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("ingest: mapping: %w", err)
	}
	m := &Mapping{ploverScores: f.PLOVERScores, ploverQuads: f.PLOVERQuads}
	var err error
	for _, t := range []struct {
		name  string
		rules []Rule
		dst   *map[string]Rule
	}{{"cameo", f.CAMEO, &m.cameo}, {"plover", f.PLOVER, &m.plover}, {"acled", f.ACLED, &m.acled}} {
		*t.dst = make(map[string]Rule, len(t.rules))
		for _, r := range t.rules {
			if _, dup := (*t.dst)[r.Code]; dup && err == nil {
				err = fmt.Errorf("ingest: mapping: %s code %q listed twice", t.name, r.Code)
			}
			(*t.dst)[r.Code] = r
		}
	}
	return m, err
}

// DefaultMapping is the shipped mapping.json. It panics if the embedded
// file is broken, which its tests rule out.
var DefaultMapping = sync.OnceValue(func() *Mapping {
	m, err := LoadMapping(bytes.NewReader(mappingJSON))
	if err != nil {
		panic(err)
	}
	return m
})

// Lookup returns the rule for an event and the key it is reported under
// when unmapped. ok is false when no rule maps the event to a type —
// there is none, or the rule leaves it unmapped (rule.Why says why).
//
// CAMEO codes are looked up as coded, then by their three-digit base
// (0256, then 025); PLOVER types and ACLED event types with their mode or
// sub-type first ("AID:military", "Battles:Armed clash"), then alone.
func (m *Mapping) Lookup(ev *Event) (rule Rule, key string, ok bool) {
	var found bool
	switch ev.Format {
	case GDELT, GDELT1, ICEWS:
		key = ev.Code
		if rule, found = m.cameo[ev.Code]; !found {
			rule, found = m.cameo[ev.BaseCode()]
		}
	case PLOVER, ACLED:
		table := m.plover
		key = ev.Code
		if ev.Format == ACLED {
			table = m.acled
		}
		if ev.Mode != "" {
			key = ev.Code + ":" + ev.Mode
			rule, found = table[key]
		}
		if !found {
			rule, found = table[ev.Code]
		}
	}
	return rule, key, found && rule.Type != ""
}

// Rules returns a table's rules ("cameo", "plover" or "acled") ordered by
// code.
func (m *Mapping) Rules(table string) []Rule {
	src := map[string]map[string]Rule{"cameo": m.cameo, "plover": m.plover, "acled": m.acled}[table]
	out := make([]Rule, 0, len(src))
	for _, r := range src {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// PLOVERQuad is a PLOVER event type's quad category (1-4), 0 if unknown.
func (m *Mapping) PLOVERQuad(eventType string) int { return m.ploverQuads[eventType] }
