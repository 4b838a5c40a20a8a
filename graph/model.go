package graph

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ActorKind is what sort of stakeholder an actor is: GDELT/CAMEO's actor
// type codes folded to the few an analyst distinguishes at a glance.
type ActorKind string

// The actor kinds; ActorKinds lists them in this order.
const (
	KindState          ActorKind = "state"
	KindIGO            ActorKind = "igo"
	KindArmedGroup     ActorKind = "armed_group"
	KindPoliticalGroup ActorKind = "political_group"
	KindPerson         ActorKind = "person"
	KindCompany        ActorKind = "company"
	KindOther          ActorKind = "other"
)

// ActorKinds returns the actor kinds' names in documentation order; the
// slice is the caller's.
func ActorKinds() []string {
	return []string{string(KindState), string(KindIGO), string(KindArmedGroup), string(KindPoliticalGroup),
		string(KindPerson), string(KindCompany), string(KindOther)}
}

// Valid says whether k is one of the actor kinds.
func (k ActorKind) Valid() bool {
	switch k {
	case KindState, KindIGO, KindArmedGroup, KindPoliticalGroup, KindPerson, KindCompany, KindOther:
		return true
	}
	return false
}

// Actor is a stakeholder: a state, an international organisation, an armed
// or political group, a person.
type Actor struct {
	ID          string         `json:"id"`
	Name        string         `json:"name"`
	Kind        ActorKind      `json:"kind"`
	Aliases     []string       `json:"aliases"`
	CountryCode string         `json:"country_code,omitempty"`
	Region      string         `json:"region,omitempty"`
	Tags        []string       `json:"tags"`
	Description string         `json:"description,omitempty"`
	Attributes  map[string]any `json:"attributes,omitempty"`
	CreatedAt   time.Time      `json:"created_at"`
	UpdatedAt   time.Time      `json:"updated_at"`
}

// Citation is the evidence for a relationship: a document and, ideally, the
// sentence in it that states the fact.
type Citation struct {
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
	Quote     string `json:"quote,omitempty"`
	Published *Date  `json:"published,omitempty"`
}

// Relationship is a typed, directed, dated and sourced tie between two
// actors. Its sign comes from its type's polarity.
type Relationship struct {
	ID         string     `json:"id"`
	Source     string     `json:"source"`
	Target     string     `json:"target"`
	Type       string     `json:"type"`
	Weight     float64    `json:"weight"`
	Confidence float64    `json:"confidence"`
	ValidFrom  *Date      `json:"valid_from,omitempty"`
	ValidTo    *Date      `json:"valid_to,omitempty"`
	Sources    []Citation `json:"sources"`
	Note       string     `json:"note,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
	UpdatedAt  time.Time  `json:"updated_at"`
}

// ValidOn reports whether the relationship holds on day.
func (r *Relationship) ValidOn(day Date) bool { return validOn(r.ValidFrom, r.ValidTo, day) }

// ActorPatch is a partial update: nil fields are left as they are.
type ActorPatch struct {
	Name        *string
	Kind        *ActorKind
	Aliases     *[]string
	CountryCode *string
	Region      *string
	Tags        *[]string
	Description *string
	Attributes  *map[string]any
}

// Apply returns a with the patch applied.
func (p ActorPatch) Apply(a Actor) Actor {
	set(&a.Name, p.Name)
	set(&a.Kind, p.Kind)
	set(&a.Aliases, p.Aliases)
	set(&a.CountryCode, p.CountryCode)
	set(&a.Region, p.Region)
	set(&a.Tags, p.Tags)
	set(&a.Description, p.Description)
	set(&a.Attributes, p.Attributes)
	return a
}

// RelationshipPatch is a partial update of a relationship. Endpoints and
// type are not patchable: a different tie is a different relationship.
// ClearValidFrom/ClearValidTo open an end that was closed.
type RelationshipPatch struct {
	Weight         *float64    `json:"weight,omitempty"`
	Confidence     *float64    `json:"confidence,omitempty"`
	ValidFrom      *Date       `json:"valid_from,omitempty"`
	ValidTo        *Date       `json:"valid_to,omitempty"`
	ClearValidFrom bool        `json:"clear_valid_from,omitempty"`
	ClearValidTo   bool        `json:"clear_valid_to,omitempty"`
	Sources        *[]Citation `json:"sources,omitempty"`
	Note           *string     `json:"note,omitempty"`
}

// Apply returns r with the patch applied.
func (p RelationshipPatch) Apply(r Relationship) Relationship {
	set(&r.Weight, p.Weight)
	set(&r.Confidence, p.Confidence)
	if p.ClearValidFrom {
		r.ValidFrom = nil
	} else if p.ValidFrom != nil {
		d := *p.ValidFrom
		r.ValidFrom = &d
	}
	if p.ClearValidTo {
		r.ValidTo = nil
	} else if p.ValidTo != nil {
		d := *p.ValidTo
		r.ValidTo = &d
	}
	set(&r.Sources, p.Sources)
	set(&r.Note, p.Note)
	return r
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// Limits on field sizes, so that one request cannot store megabytes in a
// single name. Documented in the API description.
const (
	MaxNameLen        = 200
	MaxTextLen        = 10_000
	MaxListLen        = 100
	MaxAttributesSize = 16_384
)

// ValidID reports whether s is a valid actor or relationship id: a slug of
// lower-case ASCII letters, digits, '-' and '_', 1 to 128 long, starting
// with a letter or digit (`^[a-z0-9][a-z0-9_-]{0,127}$`). Ids are ASCII so
// that every store orders them the same way.
//
// A byte loop rather than that regexp: an import checks three ids per
// relationship, and at 10^6 relationships the regexp engine took seconds
// (issue #9); TestValidID checks the loop against the regexp.
func ValidID(s string) bool {
	if len(s) == 0 || len(s) > 128 || !lowerOrDigit(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !lowerOrDigit(c) && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

// ValidTypeName reports whether s may name a relationship type:
// `^[a-z][a-z0-9_]{0,62}$`, checked by a byte loop as ValidID is.
func ValidTypeName(s string) bool {
	if len(s) == 0 || len(s) > 63 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !lowerOrDigit(c) && c != '_' {
			return false
		}
	}
	return true
}

// validCountry reports whether s is three upper-case ASCII letters
// (`^[A-Z]{3}$`), the form of an ISO 3166-1 alpha-3 code.
func validCountry(s string) bool {
	return len(s) == 3 && upper(s[0]) && upper(s[1]) && upper(s[2])
}

func lowerOrDigit(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
func upper(c byte) bool        { return c >= 'A' && c <= 'Z' }

// Slugify derives an id from a name: "Kata'ib Hezbollah" -> "kataib-hezbollah".
func Slugify(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(strings.ToLower(name)) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		case r == '\'' || r == '’' || unicode.Is(unicode.Mn, r):
			// apostrophes and combining accents vanish: "Kata'ib" -> "kataib"
		default:
			if b.Len() > 0 && !dash {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	s := strings.TrimRight(b.String(), "-")
	if len(s) > 128 {
		s = strings.TrimRight(s[:128], "-")
	}
	return s
}

// ValidateActor checks an actor's fields (not its references) and returns
// every problem found, each located under prefix (e.g. "$" or "$.actors[2]").
func ValidateActor(a *Actor, prefix string) []FieldError {
	var errs fieldErrors
	if !ValidID(a.ID) {
		errs.add(prefix+".id", "must be 1-128 characters of a-z, 0-9, '-' or '_', starting with a letter or digit")
	}
	checkText(&errs, prefix+".name", a.Name, MaxNameLen, true)
	if !ActorKind(a.Kind).Valid() {
		errs.add(prefix+".kind", "must be one of %s", strings.Join(ActorKinds(), ", "))
	}
	checkList(&errs, prefix+".aliases", a.Aliases)
	checkList(&errs, prefix+".tags", a.Tags)
	if a.CountryCode != "" && !validCountry(a.CountryCode) {
		errs.add(prefix+".country_code", "must be an ISO 3166-1 alpha-3 code such as IRN")
	}
	checkText(&errs, prefix+".region", a.Region, MaxNameLen, false)
	checkText(&errs, prefix+".description", a.Description, MaxTextLen, false)
	if a.Attributes != nil {
		b, err := json.Marshal(a.Attributes)
		if err != nil {
			errs.add(prefix+".attributes", "must be a JSON object")
		} else if len(b) > MaxAttributesSize {
			errs.add(prefix+".attributes", "must encode to at most %d bytes of JSON", MaxAttributesSize)
		}
	}
	return errs
}

// ValidateRelationship checks a relationship's own fields against the type
// registry (not whether its endpoints exist) and returns every problem.
func ValidateRelationship(r *Relationship, types Registry, prefix string) []FieldError {
	var errs fieldErrors
	if !ValidID(r.ID) {
		errs.add(prefix+".id", "must be 1-128 characters of a-z, 0-9, '-' or '_', starting with a letter or digit")
	}
	if !ValidID(r.Source) {
		errs.add(prefix+".source", "must be an actor id")
	}
	if !ValidID(r.Target) {
		errs.add(prefix+".target", "must be an actor id")
	}
	if r.Source != "" && r.Source == r.Target {
		errs.add(prefix+".target", "must differ from source: an actor has no relationship with itself")
	}
	if _, ok := types.Get(r.Type); !ok {
		errs.add(prefix+".type", "unknown relationship type %s; registered: %s", Quote(r.Type), strings.Join(types.Names(), ", "))
	}
	if !(r.Weight > 0 && r.Weight <= 1) {
		errs.add(prefix+".weight", "must be in (0, 1]")
	}
	if !(r.Confidence >= 0 && r.Confidence <= 1) {
		errs.add(prefix+".confidence", "must be in [0, 1]")
	}
	if r.ValidFrom != nil && !r.ValidFrom.Valid() {
		errs.add(prefix+".valid_from", "must be a calendar date between 0000-01-01 and 9999-12-31")
	}
	if r.ValidTo != nil && !r.ValidTo.Valid() {
		errs.add(prefix+".valid_to", "must be a calendar date between 0000-01-01 and 9999-12-31")
	}
	if r.ValidFrom != nil && r.ValidTo != nil && r.ValidTo.Before(*r.ValidFrom) {
		errs.add(prefix+".valid_to", "must not be before valid_from (%s)", r.ValidFrom)
	}
	if len(r.Sources) > MaxListLen {
		errs.add(prefix+".sources", "at most %d citations", MaxListLen)
	}
	for i, c := range r.Sources {
		p := prefix + ".sources[" + itoa(i) + "]"
		checkText(&errs, p+".title", c.Title, MaxNameLen*5, true)
		checkText(&errs, p+".url", c.URL, 2048, false)
		if c.URL != "" && !strings.HasPrefix(c.URL, "https://") && !strings.HasPrefix(c.URL, "http://") {
			errs.add(p+".url", "must be an http or https URL")
		}
		checkText(&errs, p+".quote", c.Quote, MaxTextLen, false)
	}
	checkText(&errs, prefix+".note", r.Note, MaxTextLen, false)
	return errs
}

func checkText(errs *fieldErrors, path, s string, max int, required bool) {
	switch {
	case required && strings.TrimSpace(s) == "":
		errs.add(path, "is required")
	case len(s) > max:
		errs.add(path, "must be at most %d bytes", max)
	case strings.ContainsRune(s, 0):
		errs.add(path, "must not contain NUL characters")
	}
}

func checkList(errs *fieldErrors, path string, list []string) {
	if len(list) > MaxListLen {
		errs.add(path, "at most %d entries", MaxListLen)
		return
	}
	for i, s := range list {
		checkText(errs, path+"["+itoa(i)+"]", s, MaxNameLen, true)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func itoa(i int) string { return strconv.Itoa(i) }

// Normalize fills defaults that both stores must agree on: empty lists
// rather than nil, timestamps truncated to the millisecond in UTC (Neo4j
// and JSON round-trip them exactly at that precision).
func (a *Actor) Normalize() {
	if a.Aliases == nil {
		a.Aliases = []string{}
	}
	if a.Tags == nil {
		a.Tags = []string{}
	}
	if len(a.Attributes) == 0 {
		a.Attributes = nil
	}
	a.CreatedAt = Timestamp(a.CreatedAt)
	a.UpdatedAt = Timestamp(a.UpdatedAt)
}

// Normalize fills the defaults of a relationship; see Actor.Normalize.
func (r *Relationship) Normalize() {
	if r.Sources == nil {
		r.Sources = []Citation{}
	}
	r.CreatedAt = Timestamp(r.CreatedAt)
	r.UpdatedAt = Timestamp(r.UpdatedAt)
}

// Timestamp truncates t to milliseconds in UTC.
func Timestamp(t time.Time) time.Time { return t.UTC().Truncate(time.Millisecond) }
