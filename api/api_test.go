package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph"
)

const rel = "/api/v1/relationships/united-states--sanctions--iran--2018-05-08"

// TestBadInput sends every class of bad input and checks the status, the
// problem type, the error paths, and that nothing was written.
func TestBadInput(t *testing.T) {
	big := `{"name":"` + strings.Repeat("x", 9<<20) + `","kind":"state"}`
	cases := []struct {
		name         string
		method, path string
		body         string
		hdr          []string
		status       int
		slug         string
		paths        []string // nil: not checked
	}{
		// malformed JSON
		{name: "empty body", method: "POST", path: "/api/v1/actors", hdr: []string{"Content-Type", "application/json"}, status: 400, slug: api.ProblemMalformedJSON},
		{name: "whitespace body", method: "POST", path: "/api/v1/actors", body: "  \n", status: 400, slug: api.ProblemMalformedJSON},
		{name: "syntax error", method: "POST", path: "/api/v1/actors", body: `{"name": "X", "kind": }`, status: 400, slug: api.ProblemMalformedJSON},
		{name: "truncated", method: "POST", path: "/api/v1/actors", body: `{"name": "X"`, status: 400, slug: api.ProblemMalformedJSON},
		{name: "trailing data", method: "POST", path: "/api/v1/actors", body: `{"name":"X","kind":"state"} {"name":"Y"}`, status: 400, slug: api.ProblemMalformedJSON},
		{name: "trailing garbage", method: "POST", path: "/api/v1/actors", body: `{"name":"X","kind":"state"}garbage`, status: 400, slug: api.ProblemMalformedJSON},
		{name: "invalid UTF-8", method: "POST", path: "/api/v1/actors", body: "{\"name\":\"X\xff\",\"kind\":\"state\"}", status: 400, slug: api.ProblemMalformedJSON},
		{name: "duplicate key", method: "POST", path: "/api/v1/actors", body: `{"name":"X","kind":"state","name":"Y"}`, status: 400, slug: api.ProblemMalformedJSON, paths: []string{"$.name"}},
		// shape
		{name: "unknown field", method: "POST", path: "/api/v1/actors", body: `{"name":"X","kind":"state","colour":"red"}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.colour"}},
		{name: "wrong type", method: "POST", path: "/api/v1/actors", body: `{"name":5,"kind":"state","tags":"a"}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.name", "$.tags"}},
		{name: "not an object", method: "POST", path: "/api/v1/actors", body: `["name"]`, status: 400, slug: api.ProblemValidation, paths: []string{"$"}},
		{name: "missing required", method: "POST", path: "/api/v1/actors", body: `{}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.name", "$.kind"}},
		{name: "null field", method: "POST", path: "/api/v1/actors", body: `{"name":null,"kind":"state"}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.name"}},
		{name: "server-set field", method: "POST", path: "/api/v1/actors", body: `{"name":"X","kind":"state","created_at":"2020-01-01T00:00:00Z"}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.created_at"}},
		{name: "nested wrong type in import", method: "POST", path: "/api/v1/import", body: `{"actors":[{"name":"A","kind":"state"},{"name":"B","kind":"state"},{"name":"C","kind":7}],"relationships":[{"source":"a","target":"b","type":"supports","weight":"high"}]}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.actors[2].kind", "$.relationships[0].weight"}},
		{name: "integer expected", method: "POST", path: "/api/v1/relationship-types", body: `{"name":"blockades","polarity":-1.5,"default_weight":0.5}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.polarity"}},
		{name: "bad date", method: "POST", path: "/api/v1/relationships", body: `{"source":"iran","target":"russia","type":"supports","valid_from":"2020-02-30"}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.valid_from"}},
		// domain values, all at once
		{name: "bad actor values", method: "POST", path: "/api/v1/actors", body: `{"id":"Bad Id","name":"X","kind":"planet","country_code":"ir"}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.id", "$.kind", "$.country_code"}},
		{name: "underivable id", method: "POST", path: "/api/v1/actors", body: `{"name":"伊朗","kind":"state"}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.id"}},
		{name: "unknown relationship type", method: "POST", path: "/api/v1/relationships", body: `{"source":"iran","target":"russia","type":"loves"}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.type"}},
		{name: "missing endpoint actor", method: "POST", path: "/api/v1/relationships", body: `{"source":"iran","target":"atlantis","type":"supports"}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.target"}},
		{name: "weight out of range", method: "POST", path: "/api/v1/relationships", body: `{"source":"iran","target":"russia","type":"supports","weight":1.5}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.weight"}},
		{name: "zero weight", method: "POST", path: "/api/v1/relationships", body: `{"source":"iran","target":"russia","type":"supports","weight":0}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.weight"}},
		{name: "valid_to before valid_from", method: "POST", path: "/api/v1/relationships", body: `{"source":"iran","target":"russia","type":"supports","valid_from":"2020-01-02","valid_to":"2020-01-01"}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.valid_to"}},
		{name: "every relationship error at once", method: "POST", path: "/api/v1/relationships", body: `{"source":"iran","target":"atlantis","type":"loves","weight":2,"confidence":-1,"sources":[{"url":"ftp://x"}]}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.target", "$.type", "$.weight", "$.confidence", "$.sources[0].title", "$.sources[0].url"}},
		{name: "self tie", method: "POST", path: "/api/v1/relationships", body: `{"source":"iran","target":"iran","type":"supports"}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.target"}},
		{name: "bad type values", method: "POST", path: "/api/v1/relationship-types", body: `{"name":"Blockades","polarity":2,"default_weight":0}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.name", "$.polarity", "$.default_weight"}},
		{name: "conflictual type that relays", method: "POST", path: "/api/v1/relationship-types", body: `{"name":"blockades","polarity":-1,"default_weight":0.5,"relays":true}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.relays"}},
		{name: "conflictual batch type that relays", method: "POST", path: "/api/v1/import", body: `{"relationship_types":[{"name":"blockades","polarity":-1,"default_weight":0.5,"relays":true}],"actors":[],"relationships":[]}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.relationship_types[0].relays"}},
		// conflicts
		{name: "duplicate actor id", method: "POST", path: "/api/v1/actors", body: `{"name":"Iran","kind":"state"}`, status: 409, slug: api.ProblemConflict},
		{name: "duplicate relationship id", method: "POST", path: "/api/v1/relationships", body: `{"source":"united-states","target":"iran","type":"sanctions","valid_from":"2018-05-08"}`, status: 409, slug: api.ProblemConflict},
		{name: "redefine built-in type", method: "POST", path: "/api/v1/relationship-types", body: `{"name":"sanctions","polarity":-1,"default_weight":0.5}`, status: 409, slug: api.ProblemConflict},
		// media type and size
		{name: "wrong content type", method: "POST", path: "/api/v1/actors", body: `{"name":"X","kind":"state"}`, hdr: []string{"Content-Type", "text/plain"}, status: 415, slug: api.ProblemMediaType},
		{name: "no content type", method: "POST", path: "/api/v1/actors", body: `{"name":"X","kind":"state"}`, hdr: []string{"Content-Type", ""}, status: 415, slug: api.ProblemMediaType},
		{name: "wrong charset", method: "POST", path: "/api/v1/actors", body: `{"name":"X","kind":"state"}`, hdr: []string{"Content-Type", "application/json; charset=latin1"}, status: 415, slug: api.ProblemMediaType},
		{name: "merge-patch type on create", method: "POST", path: "/api/v1/actors", body: `{"name":"X","kind":"state"}`, hdr: []string{"Content-Type", "application/merge-patch+json"}, status: 415, slug: api.ProblemMediaType},
		{name: "oversized body", method: "POST", path: "/api/v1/actors", body: big, status: 413, slug: api.ProblemTooLarge},
		// query and path parameters
		{name: "unknown query parameter", method: "GET", path: "/api/v1/actors?colour=red", status: 400, slug: api.ProblemInvalidParameter, paths: []string{"colour"}},
		{name: "query parameter on create", method: "POST", path: "/api/v1/actors?dry_run=true", body: `{"name":"X","kind":"state"}`, status: 400, slug: api.ProblemInvalidParameter, paths: []string{"dry_run"}},
		{name: "repeated parameter", method: "GET", path: "/api/v1/actors?kind=state&kind=igo", status: 400, slug: api.ProblemInvalidParameter, paths: []string{"kind"}},
		{name: "empty parameter", method: "GET", path: "/api/v1/actors?kind=", status: 400, slug: api.ProblemInvalidParameter, paths: []string{"kind"}},
		{name: "limit zero", method: "GET", path: "/api/v1/actors?limit=0", status: 400, slug: api.ProblemInvalidParameter, paths: []string{"limit"}},
		{name: "limit too big", method: "GET", path: "/api/v1/relationships?limit=1001", status: 400, slug: api.ProblemInvalidParameter, paths: []string{"limit"}},
		{name: "limit not a number", method: "GET", path: "/api/v1/actors?limit=ten", status: 400, slug: api.ProblemInvalidParameter, paths: []string{"limit"}},
		{name: "bad cursor", method: "GET", path: "/api/v1/actors?cursor=!!!", status: 400, slug: api.ProblemInvalidParameter, paths: []string{"cursor"}},
		{name: "invalid UTF-8 in q", method: "GET", path: "/api/v1/actors?q=%FF&limit=x", status: 400, slug: api.ProblemInvalidParameter, paths: []string{"q", "limit"}},
		{name: "unknown kind", method: "GET", path: "/api/v1/actors?kind=planet", status: 400, slug: api.ProblemInvalidParameter, paths: []string{"kind"}},
		{name: "unregistered type filter", method: "GET", path: "/api/v1/relationships?type=sanctions,loves", status: 400, slug: api.ProblemInvalidParameter, paths: []string{"type"}},
		{name: "empty type entry", method: "GET", path: "/api/v1/relationships?type=sanctions,,arms", status: 400, slug: api.ProblemInvalidParameter, paths: []string{"type"}},
		{name: "bad as_of", method: "GET", path: "/api/v1/relationships?as_of=2020-13-01", status: 400, slug: api.ProblemInvalidParameter, paths: []string{"as_of"}},
		{name: "bad actor filter", method: "GET", path: "/api/v1/relationships?actor=Not%20An%20Id", status: 400, slug: api.ProblemInvalidParameter, paths: []string{"actor"}},
		{name: "many bad parameters at once", method: "GET", path: "/api/v1/relationships?limit=-1&as_of=yesterday&foo=1&type=loves&source=X", status: 400, slug: api.ProblemInvalidParameter, paths: []string{"limit", "as_of", "foo", "type", "source"}},
		{name: "bad cascade", method: "DELETE", path: "/api/v1/actors/iran?cascade=yes", status: 400, slug: api.ProblemInvalidParameter, paths: []string{"cascade"}},
		{name: "bad dry_run", method: "POST", path: "/api/v1/import?dry_run=1", body: `{"actors":[],"relationships":[]}`, status: 400, slug: api.ProblemInvalidParameter, paths: []string{"dry_run"}},
		{name: "bad path id", method: "GET", path: "/api/v1/actors/Not%20An%20Id", status: 400, slug: api.ProblemInvalidParameter, paths: []string{"id"}},
		{name: "query on single read", method: "GET", path: "/api/v1/actors/iran?fields=name", status: 400, slug: api.ProblemInvalidParameter, paths: []string{"fields"}},
		// PATCH
		{name: "patch immutable endpoint", method: "PATCH", path: rel, body: `{"source":"russia","type":"supports","weight":0.5}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.source", "$.type"}},
		{name: "patch actor id", method: "PATCH", path: "/api/v1/actors/iran", body: `{"id":"persia"}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.id"}},
		{name: "patch null weight", method: "PATCH", path: rel, body: `{"weight":null}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.weight"}},
		{name: "patch weight out of range", method: "PATCH", path: rel, body: `{"weight":3}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.weight"}},
		{name: "patch valid_to before valid_from", method: "PATCH", path: rel, body: `{"valid_to":"2001-01-01"}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.valid_to"}},
		{name: "patch bad kind", method: "PATCH", path: "/api/v1/actors/iran", body: `{"kind":"planet"}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.kind"}},
		{name: "patch unknown field", method: "PATCH", path: "/api/v1/actors/iran", body: `{"nickname":"x"}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.nickname"}},
		{name: "patch missing", method: "PATCH", path: "/api/v1/actors/atlantis", body: `{"name":"x"}`, status: 404, slug: api.ProblemNotFound},
		// import, all errors at once
		{name: "import with bad records", method: "POST", path: "/api/v1/import", body: `{"actors":[{"name":"Hezbollah","kind":"armed_group"},{"name":"Hezbollah","kind":"armed_group"},{"name":"X","kind":"planet"}],"relationships":[{"source":"iran","target":"hezbollah","type":"sponsors"},{"source":"iran","target":"atlantis","type":"sponsors"},{"source":"iran","target":"hezbollah","type":"loves"}]}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.actors[1].id", "$.actors[2].kind", "$.relationships[1].target", "$.relationships[2].type"}},
		{name: "import missing arrays", method: "POST", path: "/api/v1/import", body: `{}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.actors", "$.relationships"}},
		{name: "import redefines built-in type", method: "POST", path: "/api/v1/import", body: `{"relationship_types":[{"name":"supports","polarity":1,"default_weight":0.5}],"actors":[],"relationships":[]}`, status: 400, slug: api.ProblemValidation, paths: []string{"$.relationship_types[0].name"}},
		// missing resources
		{name: "get missing actor", method: "GET", path: "/api/v1/actors/atlantis", status: 404, slug: api.ProblemNotFound},
		{name: "delete missing relationship", method: "DELETE", path: "/api/v1/relationships/nothing-here", status: 404, slug: api.ProblemNotFound},
		{name: "get missing type", method: "GET", path: "/api/v1/relationship-types/loves", status: 404, slug: api.ProblemNotFound},
		{name: "unknown route", method: "GET", path: "/api/v1/actor", status: 404, slug: api.ProblemRouteNotFound},
		{name: "trailing slash", method: "GET", path: "/api/v1/actors/", status: 404, slug: api.ProblemRouteNotFound},
	}
	forEachStore(t, func(t *testing.T, e *env) {
		seed(t, e)
		before := e.export()
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				rec := e.do(tc.method, tc.path, tc.body, tc.hdr...)
				p := problem(t, rec, tc.status, tc.slug)
				if tc.paths != nil {
					wantPaths(t, p, tc.paths...)
				}
				if want := strings.SplitN(tc.path, "?", 2)[0]; p.Instance != want {
					t.Errorf("instance %q, want %q", p.Instance, want)
				}
				if after := e.export(); after != before {
					t.Errorf("the store changed:\n%s", cmp.Diff(before, after))
				}
			})
		}
	})
}

// TestOutOfRangeNumbers: a number beyond float64, in a body (typed
// fields and free-form attributes alike, at any depth) or a query
// parameter, is a 400 naming the field, never a 500 or a stored
// infinity (issue 15: {"attributes":{"n":1e400}} answered 500).
func TestOutOfRangeNumbers(t *testing.T) {
	cases := []struct {
		name, method, path, body string
		slug                     string
		paths                    []string
	}{
		{"attribute", "POST", "/api/v1/actors", `{"name":"X","kind":"state","attributes":{"n":1e400}}`, api.ProblemValidation, []string{"$.attributes.n"}},
		{"nested attribute", "POST", "/api/v1/actors", `{"name":"X","kind":"state","attributes":{"a":{"b":[1,-1e400]},"c":2e308}}`, api.ProblemValidation, []string{"$.attributes.a.b[1]", "$.attributes.c"}},
		{"patched attribute", "PATCH", "/api/v1/actors/iran", `{"attributes":{"n":1e400}}`, api.ProblemValidation, []string{"$.attributes.n"}},
		{"weight", "POST", "/api/v1/relationships", `{"source":"iran","target":"russia","type":"supports","weight":1e400}`, api.ProblemValidation, []string{"$.weight"}},
		{"patched confidence", "PATCH", "/api/v1/relationships/united-states-sanctions-iran", `{"confidence":-1e400}`, api.ProblemValidation, []string{"$.confidence"}},
		{"type weight", "POST", "/api/v1/relationship-types", `{"name":"admires","polarity":1,"default_weight":1e400,"goldstein":1e400}`, api.ProblemValidation, []string{"$.default_weight", "$.goldstein"}},
		{"import", "POST", "/api/v1/import", `{"actors":[{"name":"A","kind":"state","attributes":{"n":1e400}}],"relationships":[{"source":"iran","target":"russia","type":"supports","weight":1e999}]}`, api.ProblemValidation, []string{"$.actors[0].attributes.n", "$.relationships[0].weight"}},
		{"import attribute", "POST", "/api/v1/import", `{"actors":[{"name":"A","kind":"state","attributes":{"n":[-1e400]}}],"relationships":[]}`, api.ProblemValidation, []string{"$.actors[0].attributes.n[0]"}},
		{"integer beyond 2^53", "POST", "/api/v1/actors", `{"name":"X","kind":"state","attributes":{"id":12345678901234567890,"ok":9007199254740992,"neg":-9007199254740993,"float":1.5e300}}`, api.ProblemValidation, []string{"$.attributes.id", "$.attributes.neg"}},
		{"import integer beyond 2^53", "POST", "/api/v1/import", `{"actors":[{"name":"A","kind":"state","attributes":{"n":[12345678901234567890]}}],"relationships":[]}`, api.ProblemValidation, []string{"$.actors[0].attributes.n[0]"}},
		{"query float", "GET", "/api/v1/paths?from=iran&to=russia&min_confidence=1e400", "", api.ProblemInvalidParameter, []string{"min_confidence"}},
		{"query float inf", "GET", "/api/v1/blocs?resolution=Inf", "", api.ProblemInvalidParameter, []string{"resolution"}},
		{"query float nan", "GET", "/api/v1/blocs?resolution=NaN", "", api.ProblemInvalidParameter, []string{"resolution"}},
		{"query float huge", "GET", "/api/v1/blocs?resolution=1e400", "", api.ProblemInvalidParameter, []string{"resolution"}},
		{"query int huge", "GET", "/api/v1/actors?limit=1e400", "", api.ProblemInvalidParameter, []string{"limit"}},
		{"query int overflow", "GET", "/api/v1/paths?from=iran&to=russia&max_hops=99999999999999999999", "", api.ProblemInvalidParameter, []string{"max_hops"}},
	}
	forEachStore(t, func(t *testing.T, e *env) {
		seed(t, e)
		before := e.export()
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				wantPaths(t, problem(t, e.do(tc.method, tc.path, tc.body), 400, tc.slug), tc.paths...)
			})
		}
		if after := e.export(); after != before {
			t.Errorf("the store changed:\n%s", cmp.Diff(before, after))
		}
	})
}

func TestOversizedChunkedBody(t *testing.T) {
	forEachStore(t, func(t *testing.T, open *env) {
		e := newEnv(t, open.store, api.Config{MaxBodyBytes: 64})
		req := httptest.NewRequest("POST", "/api/v1/actors", strings.NewReader(`{"name":"`+strings.Repeat("x", 100)+`","kind":"state"}`))
		req.ContentLength = -1 // as for chunked transfer: only the reader can tell
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		e.h.ServeHTTP(rec, req)
		problem(t, rec, 413, api.ProblemTooLarge)
	})
}

func TestCreateAndRead(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		var a api.Actor
		rec := e.must(201, "POST", "/api/v1/actors", `{"name":"Kata'ib Hezbollah","kind":"armed_group","attributes":{"founded":2003}}`, &a)
		if a.ID != "kataib-hezbollah" {
			t.Errorf("derived id %q", a.ID)
		}
		if loc := rec.Header().Get("Location"); loc != "/api/v1/actors/kataib-hezbollah" {
			t.Errorf("Location %q", loc)
		}
		if rec.Header().Get("Content-Type") != "application/json" {
			t.Errorf("Content-Type %q", rec.Header().Get("Content-Type"))
		}
		etag := rec.Header().Get("ETag")
		var got api.Actor
		rec = e.must(200, "GET", "/api/v1/actors/kataib-hezbollah", "", &got)
		if rec.Header().Get("ETag") != etag || etag == "" {
			t.Errorf("ETag on create %q, on read %q", etag, rec.Header().Get("ETag"))
		}
		if diff := cmp.Diff(a, got); diff != "" {
			t.Errorf("read differs from create (-create +read):\n%s", diff)
		}
		if got.Aliases == nil || got.Tags == nil {
			t.Errorf("empty lists must be [] not null: %+v", got)
		}

		e.must(201, "POST", "/api/v1/actors", `{"name":"Iran","kind":"state"}`, nil)
		var r api.Relationship
		rec = e.must(201, "POST", "/api/v1/relationships", `{"source":"iran","target":"kataib-hezbollah","type":"arms","valid_from":"2003-06-01"}`, &r)
		if r.ID != "iran--arms--kataib-hezbollah--2003-06-01" || rec.Header().Get("Location") != "/api/v1/relationships/"+r.ID {
			t.Errorf("id %q, Location %q", r.ID, rec.Header().Get("Location"))
		}
		reg := graph.NewRegistry(graph.BuiltinTypes())
		arms, _ := reg.Get("arms")
		if r.Weight != arms.DefaultWeight || r.Confidence != api.DefaultConfidence {
			t.Errorf("defaults: weight %v (want %v), confidence %v (want %v)", r.Weight, arms.DefaultWeight, r.Confidence, api.DefaultConfidence)
		}
		if r.Sources == nil || r.ValidTo != nil || *r.ValidFrom != "2003-06-01" {
			t.Errorf("relationship %+v", r)
		}
		var r2 api.Relationship
		e.must(200, "GET", rec.Header().Get("Location"), "", &r2)
		if diff := cmp.Diff(r, r2); diff != "" {
			t.Errorf("read differs from create:\n%s", diff)
		}

		var ty api.RelationshipType
		rec = e.must(201, "POST", "/api/v1/relationship-types", `{"name":"blockades","polarity":-1,"default_weight":0.7,"goldstein":-9.5}`, &ty)
		if rec.Header().Get("Location") != "/api/v1/relationship-types/blockades" || ty.Builtin || ty.Polarity != -1 {
			t.Errorf("type %+v, Location %q", ty, rec.Header().Get("Location"))
		}
		e.must(200, "GET", "/api/v1/relationship-types/blockades", "", nil)
		// relays: default true for a cooperative type, false when asked;
		// never for a conflictual one.
		var trade, aid api.RelationshipType
		e.must(201, "POST", "/api/v1/relationship-types", `{"name":"trades_with","polarity":1,"symmetric":true,"default_weight":0.4,"relays":false}`, &trade)
		e.must(201, "POST", "/api/v1/relationship-types", `{"name":"lends_to","polarity":1,"default_weight":0.6}`, &aid)
		if ty.Relays || trade.Relays || !aid.Relays {
			t.Errorf("relays: blockades %v, trades_with %v, lends_to %v; want false, false, true", ty.Relays, trade.Relays, aid.Relays)
		}
		e.must(200, "GET", "/api/v1/relationship-types/trades_with", "", &trade)
		if trade.Relays {
			t.Error("trades_with relays when read back")
		}
		var types api.RelationshipTypeList
		e.must(200, "GET", "/api/v1/relationship-types", "", &types)
		if len(types.Items) != len(graph.BuiltinTypes())+3 {
			t.Errorf("%d types", len(types.Items))
		}
		for _, it := range types.Items {
			want := map[string]bool{"supports": true, "arms": true, "mediates": false, "negotiates_with": false, "appeals_to": false, "sanctions": false}
			if w, ok := want[it.Name]; ok && it.Relays != w {
				t.Errorf("%s relays %v, want %v", it.Name, it.Relays, w)
			}
		}
		// a new type is usable, with its default weight
		e.must(201, "POST", "/api/v1/relationships", `{"source":"iran","target":"kataib-hezbollah","type":"blockades","confidence":0.25}`, &r)
		if r.Weight != 0.7 || r.Confidence != 0.25 {
			t.Errorf("relationship %+v", r)
		}
	})
}

func TestListing(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		seed(t, e)
		e.must(201, "POST", "/api/v1/actors", `{"name":"UN","kind":"igo","aliases":["United Nations"]}`, nil)
		e.must(201, "POST", "/api/v1/relationships", `{"source":"russia","target":"iran","type":"arms","valid_from":"2020-01-01","valid_to":"2020-12-31"}`, nil)

		var page api.ActorList
		var ids []string
		cursor := ""
		for range 10 {
			e.must(200, "GET", "/api/v1/actors?limit=3"+cursor, "", &page)
			for _, a := range page.Items {
				ids = append(ids, a.ID)
			}
			if page.NextCursor == "" {
				break
			}
			cursor = "&cursor=" + page.NextCursor
		}
		if diff := cmp.Diff([]string{"iran", "russia", "un", "united-states"}, ids); diff != "" {
			t.Errorf("paged ids:\n%s", diff)
		}
		for q, want := range map[string][]string{
			"kind=igo":                    {"un"},
			"tag=jcpoa":                   {"iran"},
			"q=united":                    {"un", "united-states"},
			"q=ISLAMIC":                   {"iran"},
			"kind=state&q=russia&limit=1": {"russia"},
		} {
			var l api.ActorList
			e.must(200, "GET", "/api/v1/actors?"+q, "", &l)
			var got []string
			for _, a := range l.Items {
				got = append(got, a.ID)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s:\n%s", q, diff)
			}
		}
		for q, want := range map[string]int{
			"":                           2,
			"source=russia":              1,
			"target=iran":                2,
			"actor=united-states":        1,
			"type=arms":                  1,
			"type=arms,sanctions":        2,
			"as_of=2021-06-01":           1,
			"as_of=2020-06-01&type=arms": 1,
			"actor=atlantis":             0,
		} {
			var l api.RelationshipList
			e.must(200, "GET", "/api/v1/relationships?"+q, "", &l)
			if len(l.Items) != want || l.Items == nil {
				t.Errorf("%s: %d items, want %d", q, len(l.Items), want)
			}
		}
	})
}

func TestConditionalRequests(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		seed(t, e)
		etag := e.must(200, "GET", "/api/v1/actors/iran", "", nil).Header().Get("ETag")
		if !strings.HasPrefix(etag, `"`) {
			t.Fatalf("ETag %q is not a strong entity tag", etag)
		}
		before := e.export()
		for _, h := range []string{`"stale"`, `W/` + etag, `"a", "b"`} {
			problem(t, e.do("PATCH", "/api/v1/actors/iran", `{"region":"Middle East"}`, "If-Match", h), 412, api.ProblemPrecondition)
			problem(t, e.do("DELETE", "/api/v1/actors/iran?cascade=true", "", "If-Match", h), 412, api.ProblemPrecondition)
		}
		p := problem(t, e.do("PATCH", "/api/v1/actors/iran", `{"region":"x"}`, "If-Match", "no-quotes"), 400, api.ProblemInvalidHeader)
		wantPaths(t, p, "If-Match")
		problem(t, e.do("PATCH", "/api/v1/actors/iran", `{"attributes":{"a":1}}`, "If-Match", `"stale"`), 412, api.ProblemPrecondition)
		if e.export() != before {
			t.Fatal("a failed conditional write changed the store")
		}

		// A list holding the current tag matches; so does *.
		rec := e.must(200, "PATCH", "/api/v1/actors/iran", `{"region":"Middle East"}`, nil, "If-Match", `"other", `+etag)
		etag2 := rec.Header().Get("ETag")
		if etag2 == etag || etag2 == "" {
			t.Errorf("ETag did not change on update: %q", etag2)
		}
		if got := e.must(200, "GET", "/api/v1/actors/iran", "", nil).Header().Get("ETag"); got != etag2 {
			t.Errorf("ETag after update %q, read %q", etag2, got)
		}
		problem(t, e.do("PATCH", "/api/v1/actors/iran", `{"region":"Asia"}`, "If-Match", etag), 412, api.ProblemPrecondition)
		e.must(200, "PATCH", "/api/v1/actors/iran", `{"region":"Asia"}`, nil, "If-Match", "*", "Content-Type", "application/merge-patch+json")

		// relationships
		retag := e.must(200, "GET", rel, "", nil).Header().Get("ETag")
		problem(t, e.do("PATCH", rel, `{"weight":0.5}`, "If-Match", `"stale"`), 412, api.ProblemPrecondition)
		problem(t, e.do("DELETE", rel, "", "If-Match", `"stale"`), 412, api.ProblemPrecondition)
		retag2 := e.must(200, "PATCH", rel, `{"weight":0.5}`, nil, "If-Match", retag).Header().Get("ETag")
		problem(t, e.do("DELETE", rel, "", "If-Match", retag), 412, api.ProblemPrecondition)
		e.must(204, "DELETE", rel, "", nil, "If-Match", retag2)
		problem(t, e.do("GET", rel, ""), 404, api.ProblemNotFound)
	})
}

func TestMergePatch(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		seed(t, e)
		var a api.Actor
		e.must(200, "PATCH", "/api/v1/actors/iran", `{"attributes":{"capital":"Tehran","population":{"2020":84,"2010":74}}}`, &a)
		e.must(200, "PATCH", "/api/v1/actors/iran", `{"name":"Islamic Republic of Iran","tags":[],"attributes":{"capital":null,"population":{"2010":null,"2024":90}}}`, &a)
		want := map[string]any{"population": map[string]any{"2020": 84.0, "2024": 90.0}}
		if diff := cmp.Diff(want, a.Attributes); diff != "" || a.Name != "Islamic Republic of Iran" || len(a.Tags) != 0 || a.CountryCode != "IRN" {
			t.Errorf("merged actor %+v\n%s", a, diff)
		}
		var r api.Relationship
		e.must(200, "PATCH", rel, `{"valid_to":"2020-01-01","note":"n","sources":[{"title":"Presidential memorandum","published":"2018-05-08"}]}`, &r)
		if r.ValidTo == nil || *r.ValidTo != "2020-01-01" || r.Note != "n" || len(r.Sources) != 1 || *r.Sources[0].Published != "2018-05-08" {
			t.Errorf("patched %+v", r)
		}
		e.must(200, "PATCH", rel, `{"valid_from":null,"valid_to":null}`, &r)
		if r.ValidFrom != nil || r.ValidTo != nil || r.Note != "n" || r.Weight == 0 {
			t.Errorf("cleared %+v", r)
		}
		if r.ID != "united-states--sanctions--iran--2018-05-08" {
			t.Errorf("id changed: %s", r.ID)
		}
	})
}

func TestDeleteCascade(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		seed(t, e)
		before := e.export()
		p := problem(t, e.do("DELETE", "/api/v1/actors/iran", ""), 409, api.ProblemConflict)
		if p.Detail == "" {
			t.Error("no detail")
		}
		problem(t, e.do("DELETE", "/api/v1/actors/iran?cascade=false", ""), 409, api.ProblemConflict)
		if e.export() != before {
			t.Fatal("a refused delete changed the store")
		}
		e.must(204, "DELETE", "/api/v1/actors/russia", "", nil) // no relationships: no cascade needed
		rec := e.must(204, "DELETE", "/api/v1/actors/iran?cascade=true", "", nil)
		if rec.Body.Len() != 0 {
			t.Errorf("204 with a body: %s", rec.Body)
		}
		problem(t, e.do("GET", rel, ""), 404, api.ProblemNotFound)
		var l api.RelationshipList
		e.must(200, "GET", "/api/v1/relationships", "", &l)
		if len(l.Items) != 0 {
			t.Errorf("relationships survived the cascade: %+v", l.Items)
		}
		e.must(200, "GET", "/api/v1/actors/united-states", "", nil)
	})
}

func TestImport(t *testing.T) {
	batch := `{
		"relationship_types": [{"name":"blockades","polarity":-1,"default_weight":0.7,"description":"closes access"}],
		"actors": [{"name":"Hezbollah","kind":"armed_group"},{"id":"houthis","name":"Ansar Allah","kind":"armed_group","aliases":["Houthis"]}],
		"relationships": [
			{"source":"iran","target":"hezbollah","type":"sponsors"},
			{"source":"houthis","target":"united-states","type":"blockades","valid_from":"2023-11-19"},
			{"id":"custom-id","source":"iran","target":"houthis","type":"arms","weight":0.9,"confidence":0.6}
		]}`
	forEachStore(t, func(t *testing.T, e *env) {
		seed(t, e)
		before := e.export()

		var res api.ImportResult
		e.must(200, "POST", "/api/v1/import?dry_run=true", batch, &res)
		want := api.ImportResult{DryRun: true, RelationshipTypes: api.ImportCounts{Created: 1}, Actors: api.ImportCounts{Created: 2}, Relationships: api.ImportCounts{Created: 3}, Version: res.Version}
		if diff := cmp.Diff(want, res); diff != "" {
			t.Errorf("dry run (-want +got):\n%s", diff)
		}
		if e.export() != before {
			t.Fatal("a dry run changed the store")
		}

		e.must(200, "POST", "/api/v1/import", batch, &res)
		want.DryRun, want.Version = false, res.Version
		if diff := cmp.Diff(want, res); diff != "" {
			t.Errorf("import (-want +got):\n%s", diff)
		}
		var r api.Relationship
		e.must(200, "GET", "/api/v1/relationships/houthis--blockades--united-states--2023-11-19", "", &r)
		if r.Weight != 0.7 || r.Confidence != 1 {
			t.Errorf("defaults not applied: %+v", r)
		}
		e.must(200, "GET", "/api/v1/actors/hezbollah", "", nil)

		// the same again: nothing changes
		e.must(200, "POST", "/api/v1/import", batch, &res)
		if res.Actors.Unchanged != 2 || res.Relationships.Unchanged != 3 || res.Actors.Created != 0 {
			t.Errorf("re-import: %+v", res)
		}

		// all or nothing: one bad record among good ones writes nothing
		mid := e.export()
		bad := `{"actors":[{"name":"Good Actor","kind":"person"},{"id":"iran","name":"Iran renamed","kind":"state"}],"relationships":[{"source":"good-actor","target":"iran","type":"supports"},{"source":"good-actor","target":"iran","type":"supports","weight":7}]}`
		p := problem(t, e.do("POST", "/api/v1/import", bad), 400, api.ProblemValidation)
		wantPaths(t, p, "$.relationships[1].weight", "$.relationships[1].id")
		if e.export() != mid {
			t.Fatal("a failed import wrote something")
		}
	})
}

// TestExportImportRoundTrip checks that an export imported into an empty
// store exports the same, on every store and across stores: memstore ->
// memstore, memstore -> Neo4j, Neo4j -> memstore.
func TestExportImportRoundTrip(t *testing.T) {
	all := stores(t)
	src := newEnv(t, memStore(t), api.Config{})
	seed(t, src)
	src.must(201, "POST", "/api/v1/relationship-types", `{"name":"blockades","polarity":-1,"default_weight":0.7,"cameo":"191","goldstein":-9.5,"plover":"COERCE","plover_mode":"blockade"}`, nil)
	src.must(201, "POST", "/api/v1/relationship-types", `{"name":"trades_with","polarity":1,"symmetric":true,"default_weight":0.4,"relays":false}`, nil)
	src.must(200, "PATCH", "/api/v1/actors/iran", `{"attributes":{"capital":"Tehran","n":[1,2.5,{"x":null}],"big":12345678901},"description":"d","region":"Middle East"}`, nil)
	src.must(201, "POST", "/api/v1/relationships", `{"source":"iran","target":"russia","type":"blockades","weight":0.3,"confidence":0.4,"valid_from":"2001-02-03","valid_to":"2004-05-06","note":"n","sources":[{"title":"t","url":"https://example.org/a","quote":"q","published":"2001-02-03"}]}`, nil)
	first := src.export()

	var b api.Batch
	if err := json.Unmarshal([]byte(first), &b); err != nil {
		t.Fatal(err)
	}
	if len(b.RelationshipTypes) != 2 || len(b.Actors) != 3 || len(b.Relationships) != 2 {
		t.Errorf("export: %d types, %d actors, %d relationships", len(b.RelationshipTypes), len(b.Actors), len(b.Relationships))
	}
	for _, ty := range b.RelationshipTypes {
		if want := ty.Name == "trades_with"; (ty.Relays != nil) != want || want && *ty.Relays {
			t.Errorf("export of %s: relays %v; want false given for trades_with only", ty.Name, ty.Relays)
		}
	}
	roundTrip := func(t *testing.T, e *env, doc string) {
		t.Helper()
		if got := e.export(); got != `{"actors":[],"relationships":[]}`+"\n" {
			t.Fatalf("not empty: %s", got)
		}
		e.must(200, "POST", "/api/v1/import", doc, nil)
		if got := e.export(); got != first {
			t.Errorf("export -> import -> export differs:\n%s", cmp.Diff(first, got))
		}
		var res api.ImportResult
		e.must(200, "POST", "/api/v1/import", doc, &res)
		if res.Actors.Created+res.Actors.Updated+res.Relationships.Created+res.Relationships.Updated+res.RelationshipTypes.Created+res.RelationshipTypes.Updated != 0 {
			t.Errorf("re-import of an export changed something: %+v", res)
		}
	}
	for name, dst := range all {
		t.Run("memstore into "+name, func(t *testing.T) {
			e := newEnv(t, dst, api.Config{})
			roundTrip(t, e, first)
			if name == "neo4j" {
				t.Run("neo4j into memstore", func(t *testing.T) {
					roundTrip(t, newEnv(t, memStore(t), api.Config{}), e.export())
				})
			}
		})
	}
}

func TestMethodNotAllowed(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		for _, tc := range []struct{ method, path, allow string }{
			{"PUT", "/api/v1/actors", "GET, POST"},
			{"POST", "/api/v1/actors/iran", "GET, PATCH, DELETE"},
			{"DELETE", "/api/v1/export", "GET"},
			{"GET", "/api/v1/import", "POST"},
			{"POST", "/healthz", "GET"},
		} {
			rec := e.do(tc.method, tc.path, "")
			problem(t, rec, 405, api.ProblemMethodNotAllowed)
			got := strings.Split(rec.Header().Get("Allow"), ", ")
			want := strings.Split(tc.allow, ", ")
			if !cmp.Equal(sorted(want), sorted(got)) {
				t.Errorf("%s %s: Allow %q, want %q", tc.method, tc.path, rec.Header().Get("Allow"), tc.allow)
			}
		}
	})
}

func sorted(s []string) []string {
	s = append([]string(nil), s...)
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s
}

func TestRequestID(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		rec := e.do("GET", "/api/v1/actors/atlantis", "", api.RequestIDHeader, "abc-123")
		p := problem(t, rec, 404, api.ProblemNotFound)
		if p.RequestID != "abc-123" {
			t.Errorf("request id %q", p.RequestID)
		}
		rec = e.do("GET", "/healthz", "", api.RequestIDHeader, "bad id\twith spaces")
		if id := rec.Header().Get(api.RequestIDHeader); id == "" || strings.Contains(id, " ") {
			t.Errorf("generated id %q", id)
		}
		if !strings.Contains(e.logs.String(), `"request_id":"abc-123"`) {
			t.Errorf("request id not in the logs:\n%s", e.logs)
		}
	})
}

func TestHealth(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		var s api.Status
		e.must(200, "GET", "/healthz", "", &s)
		e.must(200, "GET", "/readyz", "", &s)
		if s.Status != "ok" {
			t.Errorf("status %q", s.Status)
		}
		down := newEnv(t, graph.NewStore(faulty{Driver: e.store.Driver(), fail: graph.Unavailable("neo4j unreachable", errors.New("dial tcp: refused"))}), api.Config{})
		rec := down.do("GET", "/readyz", "")
		problem(t, rec, 503, api.ProblemUnavailable)
		if rec.Header().Get("Retry-After") != "5" {
			t.Errorf("Retry-After %q", rec.Header().Get("Retry-After"))
		}
		down.must(200, "GET", "/healthz", "", nil)
	})
}

// faulty is a real store with some methods made to fail or panic.
type faulty struct {
	graph.Driver
	fail  error
	panic bool
}

func (f faulty) Ping(ctx context.Context) error { return f.fail }

func (f faulty) GetActor(ctx context.Context, id string) (graph.Actor, error) {
	if f.panic {
		panic("secret internal state: password=hunter2")
	}
	return graph.Actor{}, f.fail
}

func (f faulty) ListActors(context.Context, graph.ActorScan, int, func(*graph.Actor) bool) ([]graph.Actor, error) {
	return nil, f.fail
}

func TestStoreFailures(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		secret := errors.New("bolt: page 7 corrupt at /var/lib/secret")
		for _, tc := range []struct {
			name   string
			store  faulty
			status int
			slug   string
			detail string
		}{
			{"internal", faulty{Driver: e.store.Driver(), fail: graph.Internal(secret)}, 500, api.ProblemInternal, "internal error"},
			{"plain error", faulty{Driver: e.store.Driver(), fail: secret}, 500, api.ProblemInternal, "internal error"},
			{"panic", faulty{Driver: e.store.Driver(), panic: true}, 500, api.ProblemInternal, "internal error"},
			{"unavailable", faulty{Driver: e.store.Driver(), fail: graph.Unavailable("the store is unreachable", secret)}, 503, api.ProblemUnavailable, "the store is unreachable"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				fe := newEnv(t, graph.NewStore(tc.store), api.Config{})
				rec := fe.do("GET", "/api/v1/actors/iran", "")
				p := problem(t, rec, tc.status, tc.slug)
				if p.Detail != tc.detail || strings.Contains(rec.Body.String(), "secret") || strings.Contains(rec.Body.String(), "hunter2") {
					t.Errorf("leaky problem: %s", rec.Body)
				}
				if tc.status == 503 && rec.Header().Get("Retry-After") != "5" {
					t.Errorf("Retry-After %q", rec.Header().Get("Retry-After"))
				}
				if tc.status == 500 && !strings.Contains(fe.logs.String(), p.RequestID) {
					t.Errorf("the cause is not logged with the request id:\n%s", fe.logs)
				}
			})
		}
	})
}

// slow is a store whose listings wait for their context to end, as a
// store query running out of time does.
type slow struct{ graph.Driver }

func (s slow) ListActors(ctx context.Context, _ graph.ActorScan, _ int, _ func(*graph.Actor) bool) ([]graph.Actor, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}
