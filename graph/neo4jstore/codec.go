package neo4jstore

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/detente/detente/graph"
)

// How domain values are stored:
//
//   - lists of strings (aliases, tags) are Neo4j string lists;
//   - free-form values (actor attributes, relationship citations) are JSON
//     strings, since Neo4j properties cannot hold maps;
//   - timestamps are integers, milliseconds since the Unix epoch: exactly
//     the precision graph.Timestamp keeps, so they round-trip exactly, and
//     measurably cheaper for Neo4j than datetime values when an import
//     writes a million of them (about a quarter less time and memory);
//   - validity dates are Neo4j dates, absent when the interval is open, so
//     that Cypher compares them natively (as_of filters);
//   - empty optional strings are absent properties.

// The property keys of actors and relationships, as actorProps and
// relProps write them.
var (
	actorKeys = []string{"id", "name", "kind", "aliases", "country_code", "region", "tags", "description", "attributes", "created_at", "updated_at"}
	relKeys   = []string{"id", "type", "weight", "confidence", "valid_from", "valid_to", "sources", "note", "created_at", "updated_at"}
)

// propertyMap is the Cypher map literal {k: row.k, ...} of keys: creating
// an entity with its properties inline is markedly cheaper for Neo4j than
// SET e = row (no removal pass), and null values are simply not stored.
func propertyMap(keys []string) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": row." + k
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// actorProps is the property map of an actor node.
func actorProps(a *graph.Actor) (map[string]any, error) {
	var attrs any
	if len(a.Attributes) > 0 {
		b, err := json.Marshal(a.Attributes)
		if err != nil {
			return nil, err
		}
		attrs = string(b)
	}
	return map[string]any{
		"id":           a.ID,
		"name":         a.Name,
		"kind":         a.Kind,
		"aliases":      nonNil(a.Aliases),
		"country_code": optional(a.CountryCode),
		"region":       optional(a.Region),
		"tags":         nonNil(a.Tags),
		"description":  optional(a.Description),
		"attributes":   attrs,
		"created_at":   millis(a.CreatedAt),
		"updated_at":   millis(a.UpdatedAt),
	}, nil
}

// toActor reads an actor from its node's properties.
func toActor(v any) (graph.Actor, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return graph.Actor{}, fmt.Errorf("neo4jstore: actor row is %T", v)
	}
	var (
		a   graph.Actor
		err error
	)
	a.ID = str(m, "id")
	a.Name = str(m, "name")
	a.Kind = graph.ActorKind(str(m, "kind"))
	a.CountryCode = str(m, "country_code")
	a.Region = str(m, "region")
	a.Description = str(m, "description")
	if a.Aliases, err = strs(m, "aliases"); err != nil {
		return a, err
	}
	if a.Tags, err = strs(m, "tags"); err != nil {
		return a, err
	}
	if s := str(m, "attributes"); s != "" {
		if err := json.Unmarshal([]byte(s), &a.Attributes); err != nil {
			return a, fmt.Errorf("neo4jstore: actor %s attributes: %w", a.ID, err)
		}
	}
	if a.CreatedAt, err = timestamp(m, "created_at"); err != nil {
		return a, err
	}
	if a.UpdatedAt, err = timestamp(m, "updated_at"); err != nil {
		return a, err
	}
	a.Normalize()
	return a, nil
}

// relProps is the property map of a relationship (its endpoints and Neo4j
// type are the relationship's own).
func relProps(r *graph.Relationship) (map[string]any, error) {
	sources := r.Sources
	if sources == nil {
		sources = []graph.Citation{}
	}
	b, err := json.Marshal(sources)
	if err != nil {
		return nil, err
	}
	return map[string]any{
		"id":         r.ID,
		"type":       r.Type,
		"weight":     r.Weight,
		"confidence": r.Confidence,
		"valid_from": dateParam(r.ValidFrom),
		"valid_to":   dateParam(r.ValidTo),
		"sources":    string(b),
		"note":       optional(r.Note),
		"created_at": millis(r.CreatedAt),
		"updated_at": millis(r.UpdatedAt),
	}, nil
}

// toRel reads a relationship from its endpoints' ids and its properties.
func toRel(source, target, props any) (graph.Relationship, error) {
	m, ok := props.(map[string]any)
	if !ok {
		return graph.Relationship{}, fmt.Errorf("neo4jstore: relationship row is %T", props)
	}
	var (
		r   graph.Relationship
		err error
	)
	r.Source, _ = source.(string)
	r.Target, _ = target.(string)
	r.ID = str(m, "id")
	r.Type = str(m, "type")
	r.Note = str(m, "note")
	if r.Weight, err = float(m, "weight"); err != nil {
		return r, err
	}
	if r.Confidence, err = float(m, "confidence"); err != nil {
		return r, err
	}
	if r.ValidFrom, err = date(m, "valid_from"); err != nil {
		return r, err
	}
	if r.ValidTo, err = date(m, "valid_to"); err != nil {
		return r, err
	}
	if s := str(m, "sources"); s != "" {
		if err := json.Unmarshal([]byte(s), &r.Sources); err != nil {
			return r, fmt.Errorf("neo4jstore: relationship %s sources: %w", r.ID, err)
		}
	}
	if r.CreatedAt, err = timestamp(m, "created_at"); err != nil {
		return r, err
	}
	if r.UpdatedAt, err = timestamp(m, "updated_at"); err != nil {
		return r, err
	}
	r.Normalize()
	return r, nil
}

// typeProps is the property map of a user-added :RelationshipType node.
func typeProps(t *graph.RelationshipType) map[string]any {
	var goldstein any
	if t.Goldstein != nil {
		goldstein = *t.Goldstein
	}
	return map[string]any{
		"name":           t.Name,
		"polarity":       int64(t.Polarity),
		"symmetric":      t.Symmetric,
		"default_weight": t.DefaultWeight,
		"description":    optional(t.Description),
		"cameo":          optional(t.CAMEO),
		"goldstein":      goldstein,
		"plover":         optional(t.PLOVER),
		"plover_mode":    optional(t.PLOVERMode),
		"direct":         t.Direct,
	}
}

func toType(v any) (graph.RelationshipType, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return graph.RelationshipType{}, fmt.Errorf("neo4jstore: relationship type row is %T", v)
	}
	t := graph.RelationshipType{
		Name:        str(m, "name"),
		Description: str(m, "description"),
		CAMEO:       str(m, "cameo"),
		PLOVER:      str(m, "plover"),
		PLOVERMode:  str(m, "plover_mode"),
	}
	p, _ := m["polarity"].(int64)
	t.Polarity = int(p)
	t.Symmetric, _ = m["symmetric"].(bool)
	t.Direct, _ = m["direct"].(bool) // absent on a type stored before it existed: it relays
	var err error
	if t.DefaultWeight, err = float(m, "default_weight"); err != nil {
		return t, err
	}
	if _, ok := m["goldstein"]; ok && m["goldstein"] != nil {
		g, err := float(m, "goldstein")
		if err != nil {
			return t, err
		}
		t.Goldstein = &g
	}
	return t, nil
}

func optional(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nonNil(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

func dateParam(d *graph.Date) any {
	if d == nil {
		return nil
	}
	return neo4j.Date(d.Time())
}

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func strs(m map[string]any, k string) ([]string, error) {
	v, ok := m[k]
	if !ok || v == nil {
		return []string{}, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("neo4jstore: property %s is %T, not a list", k, v)
	}
	out := make([]string, len(list))
	for i, x := range list {
		if out[i], ok = x.(string); !ok {
			return nil, fmt.Errorf("neo4jstore: property %s holds %T, not a string", k, x)
		}
	}
	return out, nil
}

func float(m map[string]any, k string) (float64, error) {
	switch v := m[k].(type) {
	case float64:
		return v, nil
	case int64:
		return float64(v), nil
	case nil:
		return 0, nil
	default:
		return 0, fmt.Errorf("neo4jstore: property %s is %T, not a number", k, v)
	}
}

func millis(t time.Time) int64 { return graph.Timestamp(t).UnixMilli() }

func timestamp(m map[string]any, k string) (time.Time, error) {
	switch v := m[k].(type) {
	case int64:
		return time.UnixMilli(v).UTC(), nil
	case time.Time: // a datetime written by hand
		return graph.Timestamp(v), nil
	case nil:
		return time.Time{}, nil
	default:
		return time.Time{}, fmt.Errorf("neo4jstore: property %s is %T, not a timestamp", k, v)
	}
}

func date(m map[string]any, k string) (*graph.Date, error) {
	switch v := m[k].(type) {
	case neo4j.Date:
		d := graph.DateOf(time.Time(v))
		return &d, nil
	case nil:
		return nil, nil
	default:
		return nil, fmt.Errorf("neo4jstore: property %s is %T, not a date", k, v)
	}
}

func stringList(v any) ([]string, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("neo4jstore: expected a list, got %T", v)
	}
	out := make([]string, len(list))
	for i, x := range list {
		if out[i], ok = x.(string); !ok {
			return nil, fmt.Errorf("neo4jstore: expected strings, got %T", x)
		}
	}
	return out, nil
}
