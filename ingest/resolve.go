package ingest

import (
	"context"
	"sort"
	"strings"

	"github.com/detente/detente/graph"
)

// Resolver finds the graph actor an event actor is. The rules, first
// match wins, and a rule that matches more than one actor does not match
// (it is never a guess):
//
//  1. code: the event actor's code (CAMEO "IRNGOV", PLOVER "IRN") is among
//     the codes an actor holds in attributes.codes.cameo (a string or a
//     list of strings);
//  2. Wikidata: its QID is an actor's attributes.codes.wikidata;
//  3. name: when the source names this actor (Actor.Named), its name
//     equals an actor's name or one of its aliases, ignoring case and
//     runs of spaces;
//  4. country: when the record names a state itself (Actor.State: the
//     country, its government or military), the one actor of kind state
//     whose country_code is the event's ISO 3166-1 alpha-3 code — or, for
//     sources that name countries (ICEWS, ACLED), whose name or alias is
//     that country's name.
//
// Rule 4 is the dyadic-country convention of event data analysis: "USAGOV
// criticizes IRNMIL" is the United States criticizing Iran. It is not
// applied to a country's civilians, opposition or rebels (GDELT's
// "IRNOPP"), which resolve only through codes held on actors.
type Resolver struct {
	byCode      map[string][]string
	byQID       map[string][]string
	byName      map[string][]string
	byCountry   map[string][]string // state actors by ISO code
	stateByName map[string][]string // state actors by name and alias
}

// NewResolver indexes actors.
func NewResolver(actors []graph.Actor) *Resolver {
	r := &Resolver{byCode: map[string][]string{}, byQID: map[string][]string{}, byName: map[string][]string{},
		byCountry: map[string][]string{}, stateByName: map[string][]string{}}
	for i := range actors {
		r.Add(&actors[i])
	}
	return r
}

// LoadResolver indexes every actor of s.
func LoadResolver(ctx context.Context, s *graph.Store) (*Resolver, error) {
	r := NewResolver(nil)
	f := graph.ActorFilter{Limit: graph.MaxPageSize}
	for {
		page, err := s.ListActors(ctx, f)
		if err != nil {
			return nil, err
		}
		for i := range page.Items {
			r.Add(&page.Items[i])
		}
		if page.NextCursor == "" {
			return r, nil
		}
		f.Cursor = page.NextCursor
	}
}

// Add indexes one actor.
func (r *Resolver) Add(a *graph.Actor) {
	add := func(m map[string][]string, k string) {
		if k == "" {
			return
		}
		for _, id := range m[k] {
			if id == a.ID {
				return
			}
		}
		m[k] = append(m[k], a.ID)
	}
	codes, _ := a.Attributes["codes"].(map[string]any)
	for _, c := range stringsOf(codes["cameo"]) {
		add(r.byCode, strings.ToUpper(strings.TrimSpace(c)))
	}
	for _, q := range stringsOf(codes["wikidata"]) {
		add(r.byQID, wikidataID(q))
	}
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		add(r.byName, normName(n))
		if a.Kind == graph.KindState {
			add(r.stateByName, normName(n))
		}
	}
	if a.Kind == graph.KindState {
		add(r.byCountry, a.CountryCode)
	}
}

// stringsOf reads a JSON string or list of strings.
func stringsOf(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []string:
		return v
	case []any:
		var out []string
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// normName folds case and runs of white space.
func normName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// Resolve returns the id of the actor a is, and whether there is exactly
// one by the first rule that matches at all. ambiguous lists the actors a
// rule matched when it matched several and no later rule settled it.
func (r *Resolver) Resolve(a *Actor) (id string, ambiguous []string) {
	try := func(m map[string][]string, k string) bool {
		if k == "" {
			return false
		}
		switch ids := m[k]; len(ids) {
		case 0:
			return false
		case 1:
			id = ids[0]
			return true
		default:
			if ambiguous == nil {
				ambiguous = append([]string(nil), ids...)
				sort.Strings(ambiguous)
			}
			return false
		}
	}
	if try(r.byCode, a.Code) || try(r.byQID, a.Wikidata) {
		return id, nil
	}
	if a.Named && try(r.byName, normName(a.Name)) {
		return id, nil
	}
	if a.State && (try(r.byCountry, a.Country) || try(r.stateByName, normName(a.CountryName))) {
		return id, nil
	}
	return "", ambiguous
}
