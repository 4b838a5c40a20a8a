package ingest

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
)

func TestResolver(t *testing.T) {
	r := NewResolver([]graph.Actor{
		{ID: "iran", Name: "Iran", Kind: graph.KindState, CountryCode: "IRN", Aliases: []string{"Islamic Republic of Iran", "Tehran"}},
		{ID: "irgc", Name: "Islamic Revolutionary Guard Corps", Kind: graph.KindArmedGroup, CountryCode: "IRN", Aliases: []string{"IRGC"},
			Attributes: map[string]any{"codes": map[string]any{"cameo": []any{"IRNMILIRG"}, "wikidata": "Q271110"}}},
		{ID: "hezbollah", Name: "Hezbollah", Kind: graph.KindArmedGroup, CountryCode: "LBN",
			Attributes: map[string]any{"codes": map[string]any{"cameo": "LBNREBHEZ"}}},
		{ID: "united-states", Name: "United States", Kind: graph.KindState, CountryCode: "USA"},
		{ID: "congo-a", Name: "Congo", Kind: graph.KindState, CountryCode: "COG"},
		{ID: "congo-b", Name: "Congo", Kind: graph.KindState, CountryCode: "COD"},
	})
	for _, tc := range []struct {
		name      string
		a         Actor
		want      string
		ambiguous []string
	}{
		{"code held on the actor", Actor{Code: "LBNREBHEZ", Name: "HEZBOLLAH", Country: "LBN"}, "hezbollah", nil},
		{"code beats country", Actor{Code: "IRNMILIRG", Country: "IRN", State: true}, "irgc", nil},
		{"wikidata", Actor{Code: "IRN", Wikidata: "Q271110", Country: "IRN"}, "irgc", nil},
		{"name, any case", Actor{Name: "islamic  revolutionary guard corps", Named: true}, "irgc", nil},
		{"alias", Actor{Name: "TEHRAN", Named: true}, "iran", nil},
		{"unnamed: name not used", Actor{Code: "IRNOPP", Name: "IRAN", Country: "IRN"}, "", nil},
		{"state by country code", Actor{Code: "IRNGOV", Name: "IRAN", Country: "IRN", State: true}, "iran", nil},
		{"country code names only states", Actor{Code: "IRNREB", Name: "IRAN", Country: "IRN"}, "", nil},
		{"state by country name (ICEWS)", Actor{Name: "Government (United States)", CountryName: "United States", State: true, Named: true}, "united-states", nil},
		{"ambiguous name", Actor{Name: "Congo", Named: true}, "", []string{"congo-a", "congo-b"}},
		{"ambiguous name, settled by code", Actor{Name: "Congo", Named: true, Country: "COD", State: true}, "congo-b", nil},
		{"unknown", Actor{Code: "FRAGOV", Country: "FRA", State: true}, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, amb := r.Resolve(&tc.a)
			if got != tc.want || !cmp.Equal(amb, tc.ambiguous) {
				t.Errorf("Resolve(%+v) = %q %v, want %q %v", tc.a, got, amb, tc.want, tc.ambiguous)
			}
		})
	}
}
