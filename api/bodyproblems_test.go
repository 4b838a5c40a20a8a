package api_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/api"
)

// TestEveryBodyProblemAtOnce: a body's shape problems (found against the
// served OpenAPI document) and its domain problems come back in one
// response, each at its JSON path with its message (the shape's in the
// order of the document, then the domain's), and nothing is written.
func TestEveryBodyProblemAtOnce(t *testing.T) {
	const rel = "/api/v1/relationships/united-states--sanctions--iran--2018-05-08"
	cases := []struct {
		name         string
		method, path string
		body         string
		want         []api.FieldError // in order
	}{
		{
			name: "empty name and unknown kind", method: "POST", path: "/api/v1/actors",
			body: `{"name":"","kind":"country"}`,
			want: []api.FieldError{
				{Path: "$.name", Message: "must not be empty (leave the field out instead)"},
				{Path: "$.kind", Message: "must be one of state, igo, armed_group, political_group, person, company, other"},
			},
		},
		{
			name: "missing name and bad country code", method: "POST", path: "/api/v1/actors",
			body: `{"kind":"state","country_code":"ir"}`,
			want: []api.FieldError{
				{Path: "$.name", Message: "is required"},
				{Path: "$.country_code", Message: "must be an ISO 3166-1 alpha-3 code such as IRN"},
			},
		},
		{
			name: "unknown field, null and bad kind", method: "POST", path: "/api/v1/actors",
			body: `{"name":"X","colour":"red","region":null,"kind":"planet"}`,
			want: []api.FieldError{
				{Path: "$.colour", Message: "unknown field; allowed fields: aliases, attributes, country_code, description, id, kind, name, region, tags"},
				{Path: "$.region", Message: "must not be null"},
				{Path: "$.kind", Message: "must be one of state, igo, armed_group, political_group, person, company, other"},
			},
		},
		{
			name: "wrong types stop the domain checks but are all reported", method: "POST", path: "/api/v1/actors",
			body: `{"name":5,"kind":7,"tags":"a"}`,
			want: []api.FieldError{
				{Path: "$.name", Message: "must be a string, not a number"},
				{Path: "$.kind", Message: "must be a string, not a number"},
				{Path: "$.tags", Message: "must be an array, not a string"},
			},
		},
		{
			name: "numbers no double holds, with a missing field", method: "POST", path: "/api/v1/actors",
			body: `{"kind":"state","attributes":{"a":[1e400],"id":12345678901234567890}}`,
			want: []api.FieldError{
				{Path: "$.attributes.a[0]", Message: "is out of range"},
				{Path: "$.attributes.id", Message: "is an integer beyond ±2^53 (9007199254740992), which JSON numbers here cannot hold exactly; send it as a string"},
				{Path: "$.name", Message: "is required"},
			},
		},
		{
			name: "relationship: bad date, unknown field and weight out of range", method: "POST", path: "/api/v1/relationships",
			body: `{"source":"iran","target":"russia","type":"supports","weight":2,"valid_from":"2020-13-01","colour":1}`,
			want: []api.FieldError{
				{Path: "$.valid_from", Message: "must be a date of the form YYYY-MM-DD"},
				{Path: "$.colour", Message: "unknown field; allowed fields: confidence, id, note, source, sources, target, type, valid_from, valid_to, weight"},
				{Path: "$.weight", Message: "must be in (0, 1]"},
			},
		},
		{
			name: "type: fractional polarity and unknown field", method: "POST", path: "/api/v1/relationship-types",
			body: `{"name":"blockades","polarity":-1.5,"default_weight":0.5,"x":1}`,
			want: []api.FieldError{
				{Path: "$.polarity", Message: "must be an integer, not -1.5"},
				{Path: "$.x", Message: "unknown field; allowed fields: cameo, default_weight, description, goldstein, name, plover, plover_mode, polarity, relays, symmetric"},
			},
		},
		{
			name: "patch: immutable, empty and unknown fields", method: "PATCH", path: "/api/v1/actors/iran",
			body: `{"id":"persia","name":"","nickname":"x"}`,
			want: []api.FieldError{
				{Path: "$.id", Message: "cannot be changed: an actor's id is permanent; create a new actor instead"},
				{Path: "$.name", Message: "must not be empty (leave the field out instead)"},
				{Path: "$.nickname", Message: "unknown field; allowed fields: aliases, attributes, country_code, description, kind, name, region, tags"},
			},
		},
		{
			name: "patch: nulls on plain fields", method: "PATCH", path: rel,
			body: `{"weight":null,"confidence":null}`,
			want: []api.FieldError{
				{Path: "$.weight", Message: "must not be null"},
				{Path: "$.confidence", Message: "must not be null"},
			},
		},
		{
			name: "scenario: nested problems", method: "POST", path: "/api/v1/scenarios",
			body: `{"name":"s","changes":[{"op":"update_relationship","id":"x","patch":{"weight":null,"q":1}},{"id":"y"}]}`,
			want: []api.FieldError{
				{Path: "$.changes[0].patch.weight", Message: "must not be null"},
				{Path: "$.changes[0].patch.q", Message: "unknown field; allowed fields: confidence, note, sources, valid_from, valid_to, weight"},
				{Path: "$.changes[1].op", Message: "is required"},
			},
		},
		{
			name: "import: every record's shape", method: "POST", path: "/api/v1/import",
			body: `{"actors":[{"name":"A","kind":"state","created_at":"yesterday"},{"name":"C","kind":7}],"relationships":[{"source":"a","target":"b","type":"supports","weight":"high"}]}`,
			want: []api.FieldError{
				{Path: "$.actors[0].created_at", Message: "must be an RFC 3339 date-time such as 2020-01-03T00:00:00Z"},
				{Path: "$.actors[1].kind", Message: "must be a string, not a number"},
				{Path: "$.relationships[0].weight", Message: "must be a number, not a string"},
			},
		},
	}
	forEachStore(t, func(t *testing.T, e *env) {
		seed(t, e)
		before := e.export()
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				p := problem(t, e.do(tc.method, tc.path, tc.body), 400, api.ProblemValidation)
				if diff := cmp.Diff(tc.want, p.Errors); diff != "" {
					t.Errorf("errors (-want +got):\n%s", diff)
				}
				if after := e.export(); after != before {
					t.Errorf("the store changed:\n%s", cmp.Diff(before, after))
				}
			})
		}
	})
}
