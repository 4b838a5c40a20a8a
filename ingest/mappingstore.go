package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/detente/detente/graph"
)

// The mapping in use is the one stored (graph.Store.UpdateEventMapping)
// or, when none is, the shipped mapping.json. Both are held as canonical
// JSON (ParseMapping's), so a mapping has one ETag whichever store holds
// it and however it was indented when sent.

// CurrentMapping returns the mapping in use in s, its canonical document,
// and whether it is a stored one (false: the shipped one).
func CurrentMapping(ctx context.Context, s *graph.Store) (m *Mapping, doc []byte, stored bool, err error) {
	sm, err := s.GetEventMapping(ctx)
	switch {
	case graph.ErrorCode(err) == graph.ENOTFOUND:
		doc, m = defaultDoc()
		return m, doc, false, nil
	case err != nil:
		return nil, nil, false, err
	}
	// Checked against the registry when stored (and the registry only
	// grows): read again without it.
	if m, err = LoadMapping(bytes.NewReader(sm.Doc)); err != nil {
		return nil, nil, false, graph.Internal(fmt.Errorf("ingest: the stored event mapping: %w", err))
	}
	return m, sm.Doc, true, nil
}

// defaultDoc is the shipped mapping in canonical form.
var defaultDoc = sync.OnceValues(func() ([]byte, *Mapping) {
	var f mappingFile
	if err := json.Unmarshal(mappingJSON, &f); err != nil {
		panic(err) // its tests rule it out
	}
	return canonical(&f), DefaultMapping()
})

// MappingETag is the entity tag of a canonical mapping document.
func MappingETag(doc []byte) string { return graph.ETag(json.RawMessage(doc)) }

// ReplaceMapping checks doc (ParseMapping, against s's registry) and
// stores it, when rev is set only while the mapping in use is at that
// revision; the next ingest uses it. It returns the canonical document.
// EINVALID (every problem at its JSON path; nothing stored),
// EPRECONDITION.
func ReplaceMapping(ctx context.Context, s *graph.Store, doc []byte, rev graph.Revision) ([]byte, error) {
	reg, err := s.RelationshipTypes(ctx)
	if err != nil {
		return nil, err
	}
	_, canon, errs := ParseMapping(doc, reg)
	if len(errs) > 0 {
		return nil, graph.Invalid("invalid event mapping", errs...)
	}
	def, _ := defaultDoc()
	_, err = s.UpdateEventMapping(ctx, func(cur *graph.EventMapping) (*graph.EventMapping, error) {
		now := def
		if cur != nil {
			now = cur.Doc
		}
		if !rev.IsZero() && rev.String() != MappingETag(now) {
			return nil, graph.Errorf(graph.EPRECONDITION, "the event mapping has changed: revision %s is not its current one", rev.String())
		}
		return &graph.EventMapping{Doc: canon}, nil
	})
	if err != nil {
		return nil, err
	}
	return canon, nil
}

// canonical is f as compact JSON without HTML escapes: rules in the
// order given, map keys sorted.
func canonical(f *mappingFile) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		panic(err) // strings, numbers and maps of them always encode
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

var (
	cameoCode  = regexp.MustCompile(`^[0-9]{2,4}$`)
	ploverCode = regexp.MustCompile(`^[A-Z]+(:[a-z][a-z-]*)?$`)
)

// maxRuleText caps a code and a reason.
const maxRuleText = 500

// ParseMapping reads a mapping document in mapping.json's format and
// checks it whole, answering every problem at once, each at its JSON path
// ("$.cameo[3].type"):
//   - the document: one JSON object, with no field mapping.json lacks,
//     and its three tables (cameo, plover, acled; [] for none);
//   - codes: CAMEO codes of 2-4 digits, PLOVER "TYPE" or "TYPE:mode",
//     ACLED "event_type" or "event_type:sub_event_type" (printable, no
//     control characters); none listed twice in a table;
//   - types: empty (deliberately unmapped) or in reg (unchecked when reg
//     is the zero Registry); every rule with a reason;
//   - signs: a code on the cooperative side (CAMEO quad class 1-2 by its
//     root, PLOVER quad 1-2) never maps to a conflictual type, nor one on
//     the conflictual side to a cooperative type: that would flip the sign
//     of every tie it makes. Every PLOVER type has its quad;
//   - PLOVER scores within the Goldstein range [-10, 10], quads 1-4.
//
// It returns the mapping and its canonical document (see canonical).
func ParseMapping(doc []byte, reg graph.Registry) (*Mapping, []byte, []graph.FieldError) {
	var f mappingFile
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, nil, []graph.FieldError{decodeProblem(err)}
	}
	if dec.More() {
		return nil, nil, []graph.FieldError{{Path: "$", Message: "must be one JSON object, with nothing after it"}}
	}
	checkReg := len(reg.Names()) > 0
	var errs []graph.FieldError
	add := func(path, format string, args ...any) {
		errs = append(errs, graph.FieldError{Path: path, Message: fmt.Sprintf(format, args...)})
	}
	if t := bytes.TrimLeft(doc, " \t\r\n"); len(t) == 0 || t[0] != '{' {
		return nil, nil, []graph.FieldError{{Path: "$", Message: "must be a JSON object in mapping.json's format"}}
	}
	// The tables are required, empty or not: a body without them (a
	// mistyped key, an empty object) would otherwise leave every code
	// unmapped without a word.
	for _, t := range []struct {
		name  string
		rules []Rule
	}{{"cameo", f.CAMEO}, {"plover", f.PLOVER}, {"acled", f.ACLED}} {
		if t.rules == nil {
			add("$."+t.name, "is required: the table's rules, [] to map none of its codes")
		}
	}
	for _, t := range []struct {
		name  string
		rules []Rule
	}{{"cameo", f.CAMEO}, {"plover", f.PLOVER}, {"acled", f.ACLED}} {
		first := map[string]int{}
		for i, r := range t.rules {
			p := fmt.Sprintf("$.%s[%d]", t.name, i)
			switch t.name {
			case "cameo":
				if !cameoCode.MatchString(r.Code) {
					add(p+".code", "must be a CAMEO code: 2 to 4 digits, as GDELT's EventCode (%s)", strconv.Quote(r.Code))
				}
			case "plover":
				if !ploverCode.MatchString(r.Code) {
					add(p+".code", "must be a PLOVER event type, alone or with its mode: TYPE or TYPE:mode (%s)", strconv.Quote(r.Code))
				} else if _, ok := f.PLOVERQuads[strings.SplitN(r.Code, ":", 2)[0]]; !ok {
					add(p+".code", "PLOVER type %s has no quad category in plover_quads", strings.SplitN(r.Code, ":", 2)[0])
				}
			case "acled":
				if !printable(r.Code) {
					add(p+".code", "must be an ACLED event_type, or event_type:sub_event_type: 1 to %d printable characters", maxRuleText)
				}
			}
			if j, dup := first[r.Code]; dup {
				add(p+".code", "%s is listed twice (first at $.%s[%d])", strconv.Quote(r.Code), t.name, j)
			} else {
				first[r.Code] = i
			}
			if strings.TrimSpace(r.Why) == "" || len(r.Why) > maxRuleText || strings.ContainsFunc(r.Why, unicode.IsControl) {
				add(p+".why", "must give the reason for the rule: 1 to %d characters, no control characters", maxRuleText)
			}
			if r.Type == "" || !checkReg {
				continue
			}
			typ, ok := reg.Get(r.Type)
			if !ok {
				add(p+".type", "unknown relationship type %s (for %s %s): use one of the registry's (GET /api/v1/relationship-types), or \"\" to leave the code unmapped",
					strconv.Quote(r.Type), t.name, strconv.Quote(r.Code))
				continue
			}
			quad := 0
			switch t.name {
			case "cameo":
				if cameoCode.MatchString(r.Code) {
					quad = cameoQuad(r.Code)
				}
			case "plover":
				quad = f.PLOVERQuads[strings.SplitN(r.Code, ":", 2)[0]]
			}
			if side := quadSign(quad); quad >= 1 && quad <= 4 && typ.Polarity != 0 && typ.Polarity != side {
				add(p+".type", "%s has polarity %+d, but %s %s is on the %s side (quad class %d): the mapping would flip the sign of its ties",
					r.Type, typ.Polarity, t.name, r.Code, map[int]string{1: "cooperative", -1: "conflictual"}[side], quad)
			}
		}
	}
	for _, k := range sortedKeys(f.PLOVERScores) {
		if v := f.PLOVERScores[k]; v < -10 || v > 10 {
			add("$.plover_scores["+strconv.Quote(k)+"]", "must be a score in [-10, 10], as the PLOVER manual's")
		}
		if !ploverCode.MatchString(k) {
			add("$.plover_scores["+strconv.Quote(k)+"]", "must be keyed by a PLOVER event type: TYPE or TYPE:mode")
		}
	}
	for _, k := range sortedKeys(f.PLOVERQuads) {
		if v := f.PLOVERQuads[k]; v < 1 || v > 4 {
			add("$.plover_quads["+strconv.Quote(k)+"]", "must be a quad category, 1 to 4")
		}
		if !ploverCode.MatchString(k) || strings.Contains(k, ":") {
			add("$.plover_quads["+strconv.Quote(k)+"]", "must be keyed by a PLOVER event type (no mode)")
		}
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	canon := canonical(&f)
	m, err := LoadMapping(bytes.NewReader(canon))
	if err != nil { // duplicates were reported above
		return nil, nil, []graph.FieldError{{Path: "$", Message: err.Error()}}
	}
	return m, canon, nil
}

// cameoQuad is CAMEO's quad class of a code by its root: 01-05 verbal
// cooperation, 06-09 material cooperation, 10-14 verbal conflict, 15-20
// material conflict.
func cameoQuad(code string) int {
	root, _ := strconv.Atoi(code[:2])
	switch {
	case root <= 5:
		return 1
	case root <= 9:
		return 2
	case root <= 14:
		return 3
	}
	return 4
}

// quadSign is a quad class's side: +1 cooperative (1, 2), -1 conflictual.
func quadSign(quad int) int {
	if quad <= 2 {
		return 1
	}
	return -1
}

func printable(s string) bool {
	return strings.TrimSpace(s) != "" && len(s) <= maxRuleText && !strings.ContainsFunc(s, unicode.IsControl)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// decodeProblem turns a JSON decoding error into a problem at its path.
func decodeProblem(err error) graph.FieldError {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return graph.FieldError{Path: "$." + te.Field, Message: "must be a JSON " + te.Type.Kind().String() + ", not " + te.Value}
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if f, ok := strings.CutPrefix(msg, "unknown field "); ok {
		return graph.FieldError{Path: "$." + strings.Trim(f, `"`), Message: "is not a field of the mapping (about, cameo, plover, acled, plover_scores, plover_quads)"}
	}
	return graph.FieldError{Path: "$", Message: "must be one JSON object in mapping.json's format: " + msg}
}

// ResetMapping removes the stored mapping, when rev is set only while
// the mapping in use is at that revision: the shipped one applies again.
// EPRECONDITION.
func ResetMapping(ctx context.Context, s *graph.Store, rev graph.Revision) error {
	def, _ := defaultDoc()
	_, err := s.UpdateEventMapping(ctx, func(cur *graph.EventMapping) (*graph.EventMapping, error) {
		now := def
		if cur != nil {
			now = cur.Doc
		}
		if !rev.IsZero() && rev.String() != MappingETag(now) {
			return nil, graph.Errorf(graph.EPRECONDITION, "the event mapping has changed: revision %s is not its current one", rev.String())
		}
		return nil, nil
	})
	return err
}
