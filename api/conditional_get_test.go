package api_test

import (
	"testing"

	"github.com/detente/detente/api"
)

// TestConditionalGet: every GET with an ETag answers 304, without a body,
// while If-None-Match lists the current tag (weakly compared) or is *; a
// changed resource answers 200 again; a malformed header is a 400 that
// names it.
func TestConditionalGet(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		seed(t, e)
		e.must(201, "POST", "/api/v1/scenarios", `{"id":"s","name":"S","changes":[]}`, nil)
		for _, tc := range []struct{ path, patch, body string }{
			{"/api/v1/actors/iran", "/api/v1/actors/iran", `{"region":"Middle East"}`},
			{"/api/v1/relationships/united-states--sanctions--iran--2018-05-08", "/api/v1/relationships/united-states--sanctions--iran--2018-05-08", `{"weight":0.7}`},
			{"/api/v1/scenarios/s", "/api/v1/scenarios/s", `{"description":"changed"}`},
			{"/api/v1/relationship-types/sanctions", "", ""},
		} {
			t.Run(tc.path, func(t *testing.T) {
				tag := e.must(200, "GET", tc.path, "", nil).Header().Get("ETag")
				if tag == "" {
					t.Fatal("no ETag")
				}
				for _, h := range []string{tag, "W/" + tag, `"other", ` + tag, "*"} {
					rec := e.do("GET", tc.path, "", "If-None-Match", h)
					if rec.Code != 304 || rec.Body.Len() != 0 || rec.Header().Get("ETag") != tag {
						t.Errorf("If-None-Match %s: %d, %d bytes, ETag %q", h, rec.Code, rec.Body.Len(), rec.Header().Get("ETag"))
					}
				}
				e.must(200, "GET", tc.path, "", nil, "If-None-Match", `"other"`)
				wantPaths(t, problem(t, e.do("GET", tc.path, "", "If-None-Match", "no-quotes"), 400, api.ProblemInvalidHeader), "If-None-Match")
				if tc.patch == "" {
					return
				}
				e.must(200, "PATCH", tc.patch, tc.body, nil, "Content-Type", "application/merge-patch+json")
				if rec := e.do("GET", tc.path, "", "If-None-Match", tag); rec.Code != 200 || rec.Header().Get("ETag") == tag {
					t.Errorf("after a change: %d, ETag %q (was %q)", rec.Code, rec.Header().Get("ETag"), tag)
				}
			})
		}
	})
}

// TestActorPatchNull: PATCH is a JSON merge patch (RFC 7396): null
// removes an optional field; a required one cannot be removed.
func TestActorPatchNull(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		seed(t, e)
		e.must(200, "PATCH", "/api/v1/actors/iran", `{"region":"Middle East","description":"x"}`, nil, "Content-Type", "application/merge-patch+json")
		var a api.Actor
		e.must(200, "PATCH", "/api/v1/actors/iran", `{"region":null,"tags":null,"country_code":null,"aliases":null,"description":null}`, &a, "Content-Type", "application/merge-patch+json")
		if a.Region != "" || len(a.Tags) != 0 || a.CountryCode != "" || len(a.Aliases) != 0 || a.Description != "" || a.Name != "Iran" {
			t.Errorf("after nulls: %+v", a)
		}
		e.must(200, "GET", "/api/v1/actors/iran", "", &a)
		if a.Region != "" || len(a.Tags) != 0 || a.CountryCode != "" {
			t.Errorf("read back: %+v", a)
		}
		wantPaths(t, problem(t, e.do("PATCH", "/api/v1/actors/iran", `{"name":null,"kind":null,"region":null}`, "Content-Type", "application/merge-patch+json"), 400, api.ProblemValidation), "$.name", "$.kind")
	})
}

// TestRelationshipPatchNull: null removes a relationship's note, its
// citations and its dates.
func TestRelationshipPatchNull(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		seed(t, e)
		const path = "/api/v1/relationships/united-states--sanctions--iran--2018-05-08"
		e.must(200, "PATCH", path, `{"note":"n","sources":[{"title":"A source"}]}`, nil, "Content-Type", "application/merge-patch+json")
		var r api.Relationship
		e.must(200, "PATCH", path, `{"note":null,"sources":null,"valid_from":null}`, &r, "Content-Type", "application/merge-patch+json")
		if r.Note != "" || len(r.Sources) != 0 || r.ValidFrom != nil {
			t.Errorf("after nulls: note %q, %d sources, valid_from %v", r.Note, len(r.Sources), r.ValidFrom)
		}
		wantPaths(t, problem(t, e.do("PATCH", path, `{"weight":null,"confidence":null}`, "Content-Type", "application/merge-patch+json"), 400, api.ProblemValidation), "$.weight", "$.confidence")
	})
}
