package api

import (
	"slices"
	"strconv"
	"time"

	"github.com/detente/detente/graph"
)

// Request and response types of the API, kept apart from the domain types
// so that the wire format is a promise of its own, and the named
// functions that convert between the two. The struct tags feed swag, and
// through it the OpenAPI schema that the strict decoder (decode.go)
// validates request bodies against: json names, validate:"required",
// format:"date", minLength and extensions:"x-nullable" are what a body is
// checked for.

// DefaultConfidence is the confidence of a relationship created or
// imported without one: a relationship entered without a stated
// confidence is taken as asserted. Clients that hedge say so explicitly.
const DefaultConfidence = 1.0

// ---- actors ----

// Actor is a stakeholder: a state, an international organisation, an armed
// or political group, a person, a company.
type Actor struct {
	// Stable slug: 1-128 characters of a-z, 0-9, '-' and '_'.
	ID   string `json:"id" validate:"required" maxLength:"128" example:"iran"`
	Name string `json:"name" validate:"required" maxLength:"200" example:"Iran"`
	Kind string `json:"kind" validate:"required" enums:"state,igo,armed_group,political_group,person,company,other" example:"state"`
	// Other names the actor goes by (searched by q).
	Aliases []string `json:"aliases" validate:"required" example:"Islamic Republic of Iran"`
	// ISO 3166-1 alpha-3 code, where one applies.
	CountryCode string   `json:"country_code,omitempty" example:"IRN"`
	Region      string   `json:"region,omitempty" example:"Middle East"`
	Tags        []string `json:"tags" validate:"required" example:"jcpoa"`
	Description string   `json:"description,omitempty"`
	// Free-form JSON object (at most 16384 bytes encoded).
	Attributes map[string]any `json:"attributes,omitempty"`
	CreatedAt  time.Time      `json:"created_at" validate:"required" format:"date-time"`
	UpdatedAt  time.Time      `json:"updated_at" validate:"required" format:"date-time"`
} //@name Actor

// ActorCreate is the body of POST /api/v1/actors.
type ActorCreate struct {
	// Optional stable slug (1-128 characters of a-z, 0-9, '-', '_'); derived from name when absent ("Kata'ib Hezbollah" -> "kataib-hezbollah").
	ID   string `json:"id,omitempty" minLength:"1" maxLength:"128" example:"iran"`
	Name string `json:"name" validate:"required" minLength:"1" maxLength:"200" example:"Iran"`
	Kind string `json:"kind" validate:"required" enums:"state,igo,armed_group,political_group,person,company,other" example:"state"`
	// At most 100 entries of at most 200 bytes.
	Aliases []string `json:"aliases,omitempty" validate:"max=100" minLength:"1" maxLength:"200"`
	// ISO 3166-1 alpha-3 code, upper case.
	CountryCode string `json:"country_code,omitempty" minLength:"3" maxLength:"3" example:"IRN"`
	Region      string `json:"region,omitempty" maxLength:"200" example:"Middle East"`
	// At most 100 entries of at most 200 bytes.
	Tags        []string `json:"tags,omitempty" validate:"max=100" minLength:"1" maxLength:"200"`
	Description string   `json:"description,omitempty" maxLength:"10000"`
	// Free-form JSON object (at most 16384 bytes encoded).
	Attributes map[string]any `json:"attributes,omitempty"`
} //@name ActorCreate

// ActorPatch is the body of PATCH /api/v1/actors/{id}, a JSON merge patch
// (RFC 7396): fields left out are unchanged; attributes are merged key by
// key (a null value removes a key); arrays are replaced whole. id,
// created_at and updated_at cannot be changed.
type ActorPatch struct {
	Name *string `json:"name,omitempty" minLength:"1" maxLength:"200"`
	Kind *string `json:"kind,omitempty" enums:"state,igo,armed_group,political_group,person,company,other"`
	// The optional fields: null removes the value (RFC 7396).
	Aliases     *[]string `json:"aliases,omitempty" validate:"max=100" minLength:"1" maxLength:"200" extensions:"x-nullable"`
	CountryCode *string   `json:"country_code,omitempty" maxLength:"3" extensions:"x-nullable"`
	Region      *string   `json:"region,omitempty" maxLength:"200" extensions:"x-nullable"`
	Tags        *[]string `json:"tags,omitempty" validate:"max=100" minLength:"1" maxLength:"200" extensions:"x-nullable"`
	Description *string   `json:"description,omitempty" maxLength:"10000" extensions:"x-nullable"`
	// Merged into the current attributes (RFC 7396): a key set to null is removed.
	Attributes map[string]any `json:"attributes,omitempty"`
} //@name ActorPatch

// ActorList is one page of actors.
type ActorList struct {
	Items []Actor `json:"items" validate:"required"`
	// Pass as cursor to get the next page; absent on the last page.
	NextCursor string `json:"next_cursor,omitempty"`
} //@name ActorList

// ---- relationships ----

// Citation is the evidence for a relationship.
type Citation struct {
	Title string `json:"title" validate:"required" maxLength:"1000" example:"Joint Comprehensive Plan of Action"`
	// An http or https URL.
	URL   string `json:"url,omitempty" maxLength:"2048" example:"https://www.state.gov/iran-deal"`
	Quote string `json:"quote,omitempty" maxLength:"10000"`
	// Publication date, YYYY-MM-DD.
	Published *string `json:"published,omitempty" format:"date" example:"2015-07-14"`
} //@name Citation

// Relationship is a typed, directed, dated and sourced tie between two
// actors; its sign is its type's polarity.
type Relationship struct {
	ID     string `json:"id" validate:"required" maxLength:"128" example:"united-states--sanctions--iran--2018-05-08"`
	Source string `json:"source" validate:"required" example:"united-states"`
	Target string `json:"target" validate:"required" example:"iran"`
	// A name registered in /api/v1/relationship-types.
	Type string `json:"type" validate:"required" example:"sanctions"`
	// Strength of the tie, in (0, 1].
	Weight float64 `json:"weight" validate:"required" minimum:"0" maximum:"1" example:"0.9" format:"double"`
	// How sure the sources make us, in [0, 1].
	Confidence float64 `json:"confidence" validate:"required" minimum:"0" maximum:"1" example:"1" format:"double"`
	// First day the tie holds (YYYY-MM-DD); absent: since always.
	ValidFrom *string `json:"valid_from,omitempty" format:"date" example:"2018-05-08"`
	// Last day the tie holds (YYYY-MM-DD); absent: still holds.
	ValidTo   *string    `json:"valid_to,omitempty" format:"date"`
	Sources   []Citation `json:"sources" validate:"required"`
	Note      string     `json:"note,omitempty"`
	CreatedAt time.Time  `json:"created_at" validate:"required" format:"date-time"`
	UpdatedAt time.Time  `json:"updated_at" validate:"required" format:"date-time"`
} //@name Relationship

// RelationshipCreate is the body of POST /api/v1/relationships.
type RelationshipCreate struct {
	// Optional; derived from source, type, target and valid_from when absent ("united-states--sanctions--iran--2018-05-08"), so that a retried create lands on the same id.
	ID     string `json:"id,omitempty" minLength:"1" maxLength:"128"`
	Source string `json:"source" validate:"required" example:"united-states"`
	Target string `json:"target" validate:"required" example:"iran"`
	// A name registered in /api/v1/relationship-types.
	Type string `json:"type" validate:"required" example:"sanctions"`
	// In (0, 1]; defaults to the type's default_weight.
	Weight *float64 `json:"weight,omitempty" minimum:"0" maximum:"1" example:"0.9" format:"double"`
	// In [0, 1]; defaults to 1 (asserted).
	Confidence *float64 `json:"confidence,omitempty" minimum:"0" maximum:"1" default:"1" example:"0.8" format:"double"`
	ValidFrom  *string  `json:"valid_from,omitempty" format:"date" example:"2018-05-08"`
	// Not before valid_from.
	ValidTo *string `json:"valid_to,omitempty" format:"date"`
	// At most 100 citations.
	Sources []Citation `json:"sources,omitempty" validate:"max=100"`
	Note    string     `json:"note,omitempty" maxLength:"10000"`
} //@name RelationshipCreate

// RelationshipPatch is the body of PATCH /api/v1/relationships/{id}, a
// JSON merge patch (RFC 7396): fields left out are unchanged, valid_from
// or valid_to set to null opens that end. id, source, target, type,
// created_at and updated_at cannot be changed: a different tie is a
// different relationship.
type RelationshipPatch struct {
	Weight     *float64 `json:"weight,omitempty" minimum:"0" maximum:"1" format:"double"`
	Confidence *float64 `json:"confidence,omitempty" minimum:"0" maximum:"1" format:"double"`
	// null removes the start date.
	ValidFrom *string `json:"valid_from,omitempty" format:"date" extensions:"x-nullable"`
	// null removes the end date.
	ValidTo *string `json:"valid_to,omitempty" format:"date" extensions:"x-nullable"`
	// null removes every citation.
	Sources *[]Citation `json:"sources,omitempty" validate:"max=100" extensions:"x-nullable"`
	// null removes the note.
	Note *string `json:"note,omitempty" maxLength:"10000" extensions:"x-nullable"`
} //@name RelationshipPatch

// RelationshipList is one page of relationships.
type RelationshipList struct {
	Items []Relationship `json:"items" validate:"required"`
	// Pass as cursor to get the next page; absent on the last page.
	NextCursor string `json:"next_cursor,omitempty"`
} //@name RelationshipList

// ---- relationship types ----

// RelationshipType is an entry of the registry, with its mapping to the
// CAMEO/Goldstein and PLOVER event ontologies.
type RelationshipType struct {
	Name string `json:"name" validate:"required" example:"sanctions"`
	// +1 cooperative, -1 conflictual, 0 structural.
	Polarity int `json:"polarity" validate:"required" enums:"-1,0,1" example:"-1"`
	// Whether the tie runs both ways.
	Symmetric bool `json:"symmetric" validate:"required"`
	// Weight of a relationship of this type created without one.
	DefaultWeight float64 `json:"default_weight" validate:"required" minimum:"0" maximum:"1" example:"0.8" format:"double"`
	Description   string  `json:"description" validate:"required"`
	CAMEO         string  `json:"cameo,omitempty" example:"163"`
	// Goldstein score, in [-10, 10].
	Goldstein  *float64 `json:"goldstein,omitempty" minimum:"-10" maximum:"10" example:"-8" format:"double"`
	PLOVER     string   `json:"plover,omitempty" example:"SANCTION"`
	PLOVERMode string   `json:"plover_mode,omitempty"`
	// Whether a tie of this type passes influence on along a sway or
	// pressure channel (GET /actors/{id}/influence), i.e. may be a
	// channel's intermediate hop. Alignment and material support relay
	// (supports, allied_with, funds, arms, sponsors); direct engagement
	// (negotiates_with, mediates, appeals_to, monitors) reaches its target
	// but relays nothing, so it can only be a channel's last hop; a
	// conflictual type never relays.
	Relays bool `json:"relays" validate:"required" example:"false"`
	// Shipped with detente (true) or added by users (false).
	Builtin bool `json:"builtin" validate:"required"`
	// The event codes the event mapping in use (GET /event-mapping) maps
	// to this type; in the list only, and only for a type codes map to.
	EventCodes *EventCodes `json:"event_codes,omitempty"`
} //@name RelationshipType

// RelationshipTypeCreate is the body of POST /api/v1/relationship-types.
type RelationshipTypeCreate struct {
	// snake_case: a-z, 0-9 and '_', starting with a letter, at most 63 characters.
	Name string `json:"name" validate:"required" maxLength:"63" example:"blockades"`
	// +1 cooperative, -1 conflictual, 0 structural.
	Polarity *int `json:"polarity" validate:"required" enums:"-1,0,1" example:"-1"`
	// Whether the tie runs both ways; default false.
	Symmetric bool `json:"symmetric,omitempty"`
	// In (0, 1].
	DefaultWeight *float64 `json:"default_weight" validate:"required" minimum:"0" maximum:"1" example:"0.7" format:"double"`
	Description   string   `json:"description,omitempty" maxLength:"10000"`
	CAMEO         string   `json:"cameo,omitempty" maxLength:"64"`
	// In [-10, 10].
	Goldstein  *float64 `json:"goldstein,omitempty" minimum:"-10" maximum:"10" format:"double"`
	PLOVER     string   `json:"plover,omitempty" maxLength:"64"`
	PLOVERMode string   `json:"plover_mode,omitempty" maxLength:"64"`
	// Whether a tie of this type passes influence on along a channel
	// (alignment, material support) or only engages its target directly
	// (talks, mediation: false). Default: true for cooperative and
	// structural types; a conflictual type never relays (true is refused).
	Relays *bool `json:"relays,omitempty"`
} //@name RelationshipTypeCreate

// RelationshipTypeList is the whole registry, ordered by name.
type RelationshipTypeList struct {
	Items []RelationshipType `json:"items" validate:"required"`
} //@name RelationshipTypeList

// ---- import / export ----

// Batch is the import and export format: the whole graph, or part of it.
// GET /api/v1/export returns one; POST /api/v1/import takes one, and
// importing an export into an empty store and exporting again gives the
// same document.
type Batch struct {
	// User-defined relationship types (built-in ones are never exported and cannot be redefined).
	RelationshipTypes []BatchRelationshipType `json:"relationship_types,omitempty"`
	Actors            []BatchActor            `json:"actors" validate:"required"`
	Relationships     []BatchRelationship     `json:"relationships" validate:"required"`
} //@name Batch

// BatchActor is an actor in a batch. Like ActorCreate, but an export
// carries the timestamps, and an import keeps them when given.
type BatchActor struct {
	// Derived from name when absent.
	ID          string         `json:"id,omitempty" minLength:"1" maxLength:"128" example:"iran"`
	Name        string         `json:"name" validate:"required" maxLength:"200" example:"Iran"`
	Kind        string         `json:"kind" validate:"required" enums:"state,igo,armed_group,political_group,person,company,other" example:"state"`
	Aliases     []string       `json:"aliases,omitempty" validate:"max=100" minLength:"1" maxLength:"200"`
	CountryCode string         `json:"country_code,omitempty" minLength:"3" maxLength:"3" example:"IRN"`
	Region      string         `json:"region,omitempty" maxLength:"200"`
	Tags        []string       `json:"tags,omitempty" validate:"max=100" minLength:"1" maxLength:"200"`
	Description string         `json:"description,omitempty" maxLength:"10000"`
	Attributes  map[string]any `json:"attributes,omitempty"`
	// Kept when given (a restored export); else set by the import.
	CreatedAt *time.Time `json:"created_at,omitempty" format:"date-time"`
	// Kept when given (a restored export); else set by the import.
	UpdatedAt *time.Time `json:"updated_at,omitempty" format:"date-time"`
} //@name BatchActor

// BatchRelationship is a relationship in a batch, with the defaults of
// RelationshipCreate.
type BatchRelationship struct {
	// Derived from source, type, target and valid_from when absent.
	ID     string `json:"id,omitempty" minLength:"1" maxLength:"128"`
	Source string `json:"source" validate:"required" example:"united-states"`
	Target string `json:"target" validate:"required" example:"iran"`
	// Registered, or defined in the same batch.
	Type string `json:"type" validate:"required" example:"sanctions"`
	// In (0, 1]; defaults to the type's default_weight.
	Weight *float64 `json:"weight,omitempty" minimum:"0" maximum:"1" format:"double"`
	// In [0, 1]; defaults to 1.
	Confidence *float64   `json:"confidence,omitempty" minimum:"0" maximum:"1" default:"1" format:"double"`
	ValidFrom  *string    `json:"valid_from,omitempty" format:"date"`
	ValidTo    *string    `json:"valid_to,omitempty" format:"date"`
	Sources    []Citation `json:"sources,omitempty" validate:"max=100"`
	Note       string     `json:"note,omitempty" maxLength:"10000"`
	// Kept when given (a restored export); else set by the import.
	CreatedAt *time.Time `json:"created_at,omitempty" format:"date-time"`
	// Kept when given (a restored export); else set by the import.
	UpdatedAt *time.Time `json:"updated_at,omitempty" format:"date-time"`
} //@name BatchRelationship

// BatchRelationshipType is a user-defined relationship type in a batch.
type BatchRelationshipType struct {
	Name          string   `json:"name" validate:"required" maxLength:"63" example:"blockades"`
	Polarity      int      `json:"polarity" validate:"required" enums:"-1,0,1"`
	Symmetric     bool     `json:"symmetric,omitempty"`
	DefaultWeight float64  `json:"default_weight" validate:"required" minimum:"0" maximum:"1" format:"double"`
	Description   string   `json:"description,omitempty" maxLength:"10000"`
	CAMEO         string   `json:"cameo,omitempty" maxLength:"64"`
	Goldstein     *float64 `json:"goldstein,omitempty" minimum:"-10" maximum:"10" format:"double"`
	PLOVER        string   `json:"plover,omitempty" maxLength:"64"`
	PLOVERMode    string   `json:"plover_mode,omitempty" maxLength:"64"`
	// As in RelationshipTypeCreate: default true for cooperative and
	// structural types; an export gives it only when false on one of them.
	Relays *bool `json:"relays,omitempty"`
} //@name BatchRelationshipType

// ImportCounts says what an import did (or, dry, would do) to one kind of
// record.
type ImportCounts struct {
	Created   int `json:"created" validate:"required"`
	Updated   int `json:"updated" validate:"required"`
	Unchanged int `json:"unchanged" validate:"required"`
} //@name ImportCounts

// ImportResult reports an import.
type ImportResult struct {
	// True when nothing was written (?dry_run=true).
	DryRun            bool         `json:"dry_run" validate:"required"`
	RelationshipTypes ImportCounts `json:"relationship_types" validate:"required"`
	Actors            ImportCounts `json:"actors" validate:"required"`
	Relationships     ImportCounts `json:"relationships" validate:"required"`
	// The graph version after the import (unchanged by a dry run).
	Version uint64 `json:"version" validate:"required"`
} //@name ImportResult

// Status is the body of the health endpoints.
type Status struct {
	Status string `json:"status" validate:"required" example:"ok"`
} //@name Status

// ---- conversions: domain -> wire ----

func dateString(d *graph.Date) *string {
	if d == nil {
		return nil
	}
	s := d.String()
	return &s
}

func actorFromDomain(a graph.Actor) Actor {
	a.Normalize()
	return Actor{
		ID: a.ID, Name: a.Name, Kind: string(a.Kind), Aliases: a.Aliases, CountryCode: a.CountryCode,
		Region: a.Region, Tags: a.Tags, Description: a.Description, Attributes: a.Attributes,
		CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt,
	}
}

func citationsFromDomain(cs []graph.Citation) []Citation {
	out := make([]Citation, len(cs))
	for i, c := range cs {
		out[i] = Citation{Title: c.Title, URL: c.URL, Quote: c.Quote, Published: dateString(c.Published)}
	}
	return out
}

func relationshipFromDomain(r graph.Relationship) Relationship {
	r.Normalize()
	return Relationship{
		ID: r.ID, Source: r.Source, Target: r.Target, Type: r.Type, Weight: r.Weight,
		Confidence: r.Confidence, ValidFrom: dateString(r.ValidFrom), ValidTo: dateString(r.ValidTo),
		Sources: citationsFromDomain(r.Sources), Note: r.Note, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
}

func typeFromDomain(t graph.RelationshipType) RelationshipType {
	return RelationshipType{
		Name: t.Name, Polarity: t.Polarity, Symmetric: t.Symmetric, DefaultWeight: t.DefaultWeight,
		Description: t.Description, CAMEO: t.CAMEO, Goldstein: t.Goldstein, PLOVER: t.PLOVER,
		PLOVERMode: t.PLOVERMode, Relays: t.Relays(), Builtin: t.Builtin,
	}
}

// relaysToDomain reads the wire's relays (nil: the default) into the
// domain's Direct; relays true on a conflictual type is left for
// ValidateType to refuse, false on one is what it is anyway.
func relaysToDomain(relays *bool, polarity int) (direct bool) {
	if relays == nil {
		return false
	}
	if polarity < 0 {
		return *relays
	}
	return !*relays
}

// relaysFromDomain is the batch form of t's relays: given only when a
// cooperative or structural type does not relay, so an export of types
// created without the field imports back unchanged.
func relaysFromDomain(t graph.RelationshipType) *bool {
	if t.Direct && t.Polarity >= 0 {
		f := false
		return &f
	}
	return nil
}

func importResultFromDomain(r graph.ImportResult) ImportResult {
	c := func(c graph.Counts) ImportCounts { return ImportCounts(c) }
	return ImportResult{
		DryRun: r.DryRun, RelationshipTypes: c(r.RelationshipTypes), Actors: c(r.Actors),
		Relationships: c(r.Relationships), Version: r.Version,
	}
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = graph.Timestamp(t)
	return &t
}

// batchFromDomain converts an export. Built-in types are left out: they
// ship with every store and a batch may not redefine them.
func batchFromDomain(b graph.Batch) Batch {
	out := batchTypesFromDomain(b)
	out.Actors, out.Relationships = make([]BatchActor, len(b.Actors)), make([]BatchRelationship, len(b.Relationships))
	for i, a := range b.Actors {
		out.Actors[i] = batchActorFromDomain(a)
	}
	for i, r := range b.Relationships {
		out.Relationships[i] = batchRelationshipFromDomain(r)
	}
	return out
}

// batchTypesFromDomain is a batch with b's user-defined relationship
// types only.
func batchTypesFromDomain(b graph.Batch) Batch {
	var out Batch
	for _, t := range b.RelationshipTypes {
		if t.Builtin {
			continue
		}
		out.RelationshipTypes = append(out.RelationshipTypes, BatchRelationshipType{
			Name: t.Name, Polarity: t.Polarity, Symmetric: t.Symmetric, DefaultWeight: t.DefaultWeight,
			Description: t.Description, CAMEO: t.CAMEO, Goldstein: t.Goldstein, PLOVER: t.PLOVER, PLOVERMode: t.PLOVERMode,
			Relays: relaysFromDomain(t),
		})
	}
	return out
}

// batchActorFromDomain converts an exported actor.
func batchActorFromDomain(a graph.Actor) BatchActor {
	a.Normalize()
	return BatchActor{
		ID: a.ID, Name: a.Name, Kind: string(a.Kind), Aliases: a.Aliases, CountryCode: a.CountryCode,
		Region: a.Region, Tags: a.Tags, Description: a.Description, Attributes: a.Attributes,
		CreatedAt: timePtr(a.CreatedAt), UpdatedAt: timePtr(a.UpdatedAt),
	}
}

// batchRelationshipFromDomain converts an exported relationship.
func batchRelationshipFromDomain(r graph.Relationship) BatchRelationship {
	r.Normalize()
	w, conf := r.Weight, r.Confidence
	return BatchRelationship{
		ID: r.ID, Source: r.Source, Target: r.Target, Type: r.Type, Weight: &w, Confidence: &conf,
		ValidFrom: dateString(r.ValidFrom), ValidTo: dateString(r.ValidTo), Sources: citationsFromDomain(r.Sources),
		Note: r.Note, CreatedAt: timePtr(r.CreatedAt), UpdatedAt: timePtr(r.UpdatedAt),
	}
}

// ---- conversions: wire -> domain ----

// The decoder has already checked the shape (types, required fields, date
// formats), so these functions apply defaults and run the domain's own
// validation, returning every problem at once.

// problems collects field errors. Values the API supplied itself (an id
// derived from a name, a weight defaulted from the type) are handled
// apart: the domain's complaint about them is usually the echo of another
// field's problem, so it is reported, in words that make sense to the
// client, only when nothing else in the record is wrong. Their paths are
// remembered (suppressed) so that the same echo coming back from the
// store is dropped too.
type problems struct {
	errs       fieldErrs
	suppressed map[string]bool
}

// record collects the problems of one record.
type record struct {
	errs    []graph.FieldError
	derived map[string]string // path -> message when the derived value is bad
	failed  []string          // derived paths the domain rejected
	absent  map[string]bool   // defaulted paths
}

func (r *record) derive(path, msg string) {
	if r.derived == nil {
		r.derived = map[string]string{}
	}
	r.derived[path] = msg
}

func (r *record) defaulted(path string) {
	if r.absent == nil {
		r.absent = map[string]bool{}
	}
	r.absent[path] = true
}

func (r *record) domain(errs []graph.FieldError) {
	for _, e := range errs {
		if _, ok := r.derived[e.Path]; ok {
			if !slices.Contains(r.failed, e.Path) {
				r.failed = append(r.failed, e.Path)
			}
			continue
		}
		if r.absent[e.Path] {
			continue
		}
		r.errs = append(r.errs, e)
	}
}

// into adds the record's problems to p.
func (r *record) into(p *problems) {
	if len(r.errs) == 0 {
		for _, path := range r.failed {
			p.errs.add(path, "%s", r.derived[path])
		}
	}
	p.errs = append(p.errs, r.errs...)
	if p.suppressed == nil {
		p.suppressed = map[string]bool{}
	}
	for _, path := range r.failed {
		p.suppressed[path] = true
	}
	for path := range r.absent {
		p.suppressed[path] = true
	}
}

// merge adds errors found later (by the store) that are neither already
// reported nor echoes of a suppressed path.
func (p *problems) merge(errs []graph.FieldError) {
	seen := map[string]bool{}
	for _, e := range p.errs {
		seen[e.Path] = true
	}
	for _, e := range errs {
		if !seen[e.Path] && !p.suppressed[e.Path] {
			p.errs = append(p.errs, e)
		}
	}
}

func parseDate(s *string) *graph.Date {
	if s == nil {
		return nil
	}
	d, err := graph.ParseDate(*s)
	if err != nil {
		return nil // the decoder rejected it already
	}
	return &d
}

func citationsToDomain(cs []Citation) []graph.Citation {
	out := make([]graph.Citation, len(cs))
	for i, c := range cs {
		out[i] = graph.Citation{Title: c.Title, URL: c.URL, Quote: c.Quote, Published: parseDate(c.Published)}
	}
	return out
}

// actorToDomain converts a create body; the id defaults to Slugify(name).
func actorToDomain(in ActorCreate, p *problems) graph.Actor {
	return actorFields(BatchActor{
		ID: in.ID, Name: in.Name, Kind: in.Kind, Aliases: in.Aliases, CountryCode: in.CountryCode,
		Region: in.Region, Tags: in.Tags, Description: in.Description, Attributes: in.Attributes,
	}, "$", p)
}

func actorFields(in BatchActor, prefix string, p *problems) graph.Actor {
	var rec record
	a := graph.Actor{
		ID: in.ID, Name: in.Name, Kind: graph.ActorKind(in.Kind), Aliases: in.Aliases, CountryCode: in.CountryCode,
		Region: in.Region, Tags: in.Tags, Description: in.Description, Attributes: in.Attributes,
	}
	if in.CreatedAt != nil {
		a.CreatedAt = *in.CreatedAt
	}
	if in.UpdatedAt != nil {
		a.UpdatedAt = *in.UpdatedAt
	}
	if a.ID == "" {
		a.ID = graph.Slugify(a.Name)
		rec.derive(prefix+".id", "cannot be derived from name "+strconv.Quote(a.Name)+"; give an id")
	}
	a.Normalize()
	rec.domain(graph.ValidateActor(&a, prefix))
	rec.into(p)
	return a
}

// relationshipToDomain converts a create body: the weight defaults to the
// type's default_weight, the confidence to DefaultConfidence, the id to
// graph.RelationshipID.
func relationshipToDomain(in RelationshipCreate, reg graph.Registry, p *problems) graph.Relationship {
	return relationshipFields(BatchRelationship{
		ID: in.ID, Source: in.Source, Target: in.Target, Type: in.Type, Weight: in.Weight,
		Confidence: in.Confidence, ValidFrom: in.ValidFrom, ValidTo: in.ValidTo, Sources: in.Sources, Note: in.Note,
	}, reg, "$", p)
}

func relationshipFields(in BatchRelationship, reg graph.Registry, prefix string, p *problems) graph.Relationship {
	var rec record
	r := graph.Relationship{
		ID: in.ID, Source: in.Source, Target: in.Target, Type: in.Type, Confidence: DefaultConfidence,
		ValidFrom: parseDate(in.ValidFrom), ValidTo: parseDate(in.ValidTo), Sources: citationsToDomain(in.Sources), Note: in.Note,
	}
	if in.CreatedAt != nil {
		r.CreatedAt = *in.CreatedAt
	}
	if in.UpdatedAt != nil {
		r.UpdatedAt = *in.UpdatedAt
	}
	if in.Weight != nil {
		r.Weight = *in.Weight
	} else if t, ok := reg.Get(in.Type); ok {
		r.Weight = t.DefaultWeight
	} else {
		rec.defaulted(prefix + ".weight") // the unknown type is the problem
	}
	if in.Confidence != nil {
		r.Confidence = *in.Confidence
	}
	if r.ID == "" {
		r.ID = graph.RelationshipID(r.Source, r.Type, r.Target, r.ValidFrom)
		rec.derive(prefix+".id", "cannot be derived from source, type and target; give an id")
	}
	r.Normalize()
	rec.domain(graph.ValidateRelationship(&r, reg, prefix))
	rec.into(p)
	return r
}

func typeToDomain(in RelationshipTypeCreate, p *problems) graph.RelationshipType {
	var polarity int
	var weight float64
	if in.Polarity != nil { // else reported missing already
		polarity = *in.Polarity
	}
	if in.DefaultWeight != nil {
		weight = *in.DefaultWeight
	}
	t := graph.RelationshipType{
		Name: in.Name, Polarity: polarity, Symmetric: in.Symmetric, DefaultWeight: weight,
		Description: in.Description, CAMEO: in.CAMEO, Goldstein: in.Goldstein, PLOVER: in.PLOVER, PLOVERMode: in.PLOVERMode,
		Direct: relaysToDomain(in.Relays, polarity),
	}
	p.errs = append(p.errs, graph.ValidateType(&t, "$")...)
	return t
}

// batchToDomain converts an import body, applying the defaults of the
// create endpoints; weights default from the registry extended with the
// batch's own types. Each record is checked on its own here; checks of
// the whole (duplicate ids, endpoints, redefined built-in types) are the
// store's, through graph.Batch.Prepare.
func batchToDomain(in Batch, reg graph.Registry, p *problems) graph.Batch {
	b := graph.Batch{Actors: make([]graph.Actor, len(in.Actors)), Relationships: make([]graph.Relationship, len(in.Relationships))}
	for i, t := range in.RelationshipTypes {
		b.RelationshipTypes = append(b.RelationshipTypes, graph.RelationshipType{
			Name: t.Name, Polarity: t.Polarity, Symmetric: t.Symmetric, DefaultWeight: t.DefaultWeight,
			Description: t.Description, CAMEO: t.CAMEO, Goldstein: t.Goldstein, PLOVER: t.PLOVER, PLOVERMode: t.PLOVERMode,
			Direct: relaysToDomain(t.Relays, t.Polarity),
		})
		p.errs = append(p.errs, graph.ValidateType(&b.RelationshipTypes[i], "$.relationship_types["+strconv.Itoa(i)+"]")...)
	}
	ext := graph.NewRegistry(append(reg.Types(), b.RelationshipTypes...))
	for i, a := range in.Actors {
		b.Actors[i] = actorFields(a, "$.actors["+strconv.Itoa(i)+"]", p)
	}
	for i, r := range in.Relationships {
		b.Relationships[i] = relationshipFields(r, ext, "$.relationships["+strconv.Itoa(i)+"]", p)
	}
	return b
}

// mergeAttributes applies an RFC 7396 merge patch to an attributes map:
// null removes a key, an object merges recursively, anything else
// replaces.
func mergeAttributes(cur, patch map[string]any) map[string]any {
	out := make(map[string]any, len(cur)+len(patch))
	for k, v := range cur {
		out[k] = v
	}
	for k, v := range patch {
		switch pv := v.(type) {
		case nil:
			delete(out, k)
		case map[string]any:
			cv, _ := out[k].(map[string]any)
			out[k] = mergeAttributes(cv, pv)
		default:
			out[k] = v
		}
	}
	return out
}
