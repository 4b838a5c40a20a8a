package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph"
)

func init() {
	openapi3filter.RegisterBodyDecoder("application/problem+json", openapi3filter.JSONBodyDecoder)
	openapi3filter.RegisterBodyDecoder("application/graphml+xml", openapi3filter.PlainBodyDecoder)
	openapi3filter.RegisterBodyDecoder("application/gexf+xml", openapi3filter.PlainBodyDecoder)
}

// TestSwagger2Valid loads the Swagger 2.0 description the server serves
// and validates it through its OpenAPI 3 conversion.
func TestSwagger2Valid(t *testing.T) {
	e := newEnv(t, memStore(t), api.Config{})
	rec := e.must(200, "GET", "/swagger/doc.json", "", nil)
	var doc2 openapi2.T
	if err := json.Unmarshal(rec.Body.Bytes(), &doc2); err != nil {
		t.Fatalf("doc.json: %v", err)
	}
	if doc2.Swagger != "2.0" || doc2.Info.Title != "detente API" || doc2.BasePath != "/" {
		t.Errorf("info: swagger %q, title %q, basePath %q", doc2.Swagger, doc2.Info.Title, doc2.BasePath)
	}
	doc3, err := openapi2conv.ToV3(&doc2)
	if err != nil {
		t.Fatalf("ToV3: %v", err)
	}
	if err := doc3.Validate(context.Background()); err != nil {
		t.Fatalf("invalid: %v", err)
	}
	e.must(200, "GET", "/swagger/index.html", "", nil)
}

// TestSwaggerUIOpensOpenAPI3: Swagger UI is configured with the OpenAPI 3
// description, and /swagger and /swagger/ lead to it.
func TestSwaggerUIOpensOpenAPI3(t *testing.T) {
	e := newEnv(t, memStore(t), api.Config{})
	found := false
	for _, p := range []string{"/swagger/index.html", "/swagger/swagger-initializer.js", "/swagger/doc.json"} {
		if rec := e.do("GET", p, ""); rec.Code == 200 && strings.Contains(rec.Body.String(), `"/openapi.json"`) {
			found = true
		}
	}
	if !found {
		t.Error("Swagger UI's configuration does not name /openapi.json")
	}
	for _, p := range []string{"/swagger", "/swagger/"} {
		if rec := e.do("GET", p, ""); rec.Code != 301 || rec.Header().Get("Location") != "/swagger/index.html" {
			t.Errorf("%s: %d to %q", p, rec.Code, rec.Header().Get("Location"))
		}
	}
}

// TestOpenAPI3Valid loads /openapi.json with kin-openapi's loader and
// validates it.
func TestOpenAPI3Valid(t *testing.T) {
	e := newEnv(t, memStore(t), api.Config{})
	rec := e.must(200, "GET", "/openapi.json", "", nil)
	doc, err := openapi3.NewLoader().LoadFromData(rec.Body.Bytes())
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("invalid: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	for _, name := range []string{"Actor", "ActorCreate", "ActorPatch", "ActorList", "Relationship", "RelationshipCreate", "RelationshipPatch", "RelationshipList", "RelationshipType", "RelationshipTypeCreate", "RelationshipTypeList", "Batch", "ImportResult", "Problem", "FieldError", "Status"} {
		if doc.Components.Schemas[name] == nil {
			t.Errorf("schema %s missing", name)
		}
	}
	for _, name := range []string{"ApiKeyAuth", "BearerAuth"} {
		if doc.Components.SecuritySchemes[name] == nil {
			t.Errorf("security scheme %s missing", name)
		}
	}
	// Error responses are problem+json only; successes JSON, or XML for
	// the GraphML and GEXF renderings of the visualisation endpoints and
	// GEXF of a timeline.
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			for code, r := range op.Responses.Map() {
				for mt := range r.Value.Content {
					if code < "400" && (mt == "application/graphml+xml" || mt == "application/gexf+xml") && strings.Contains(path, "graph") || strings.Contains(path, "neighborhood") && strings.HasSuffix(mt, "+xml") ||
						strings.HasSuffix(path, "/timeline") && mt == "application/gexf+xml" && code < "400" ||
						path == "/metrics" && mt == "text/plain" && code < "400" {
						continue
					}
					if want := map[bool]string{true: "application/problem+json", false: "application/json"}[code >= "400"]; mt != want {
						t.Errorf("%s %s %s: media type %s, want %s", method, path, code, mt, want)
					}
				}
			}
		}
	}
}

var ginParam = regexp.MustCompile(`[:*]([A-Za-z_]+)`)

// TestRoutesMatchSpec checks that every route served under /api/v1, and
// /healthz, /readyz and /metrics, is described, and every described path is served.
func TestRoutesMatchSpec(t *testing.T) {
	srv, err := api.NewServer(api.Config{Metrics: http.NotFoundHandler()}, memStore(t))
	if err != nil {
		t.Fatal(err)
	}
	var served []string
	for _, r := range srv.Engine().Routes() {
		if strings.HasPrefix(r.Path, api.APIPrefix+"/") || r.Path == "/healthz" || r.Path == "/readyz" || r.Path == "/metrics" {
			served = append(served, r.Method+" "+ginParam.ReplaceAllString(r.Path, "{$1}"))
		}
	}
	doc, err := api.OpenAPI3()
	if err != nil {
		t.Fatal(err)
	}
	var described []string
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			described = append(described, method+" "+path)
		}
	}
	slices.Sort(served)
	slices.Sort(described)
	if diff := cmp.Diff(served, described); diff != "" {
		t.Errorf("routes served (-) vs described (+):\n%s", diff)
	}
	if len(served) < 17 {
		t.Errorf("only %d routes: %v", len(served), served)
	}
}

// The spec checker: every request a test sends goes through it (see
// env.do). Each response of a described route must be documented for its
// status and match its schema and headers; each request the server
// accepted (2xx) must be valid under the description. So the tests that
// exercise the API also prove the description exact.

var (
	specOnce   sync.Once
	specRouter routers.Router
	specErr    error
)

func specCheck(t *testing.T, req *http.Request, body string, rec *httptest.ResponseRecorder) {
	t.Helper()
	specOnce.Do(func() {
		// Event files are opaque to the description: a string body.
		for _, mt := range []string{"text/tab-separated-values", "text/csv", "application/x-ndjson"} {
			openapi3filter.RegisterBodyDecoder(mt, openapi3filter.FileBodyDecoder)
		}
		var doc *openapi3.T
		if doc, specErr = api.OpenAPI3(); specErr == nil {
			if specErr = doc.Validate(context.Background()); specErr == nil {
				specRouter, specErr = legacy.NewRouter(doc)
			}
		}
	})
	if specErr != nil {
		t.Fatalf("OpenAPI 3 description: %v", specErr)
	}
	if !strings.HasPrefix(req.URL.Path, api.APIPrefix+"/") && req.URL.Path != "/healthz" && req.URL.Path != "/readyz" {
		return
	}
	if rec.Code == 404 && strings.Contains(rec.Body.String(), api.ProblemRouteNotFound) {
		return // the spec router is lenient with trailing slashes; the server is not
	}
	route, params, err := specRouter.FindRoute(req)
	if err != nil {
		if rec.Code != 404 && rec.Code != 405 {
			t.Errorf("%s %s answered %d but is not described: %v", req.Method, req.URL, rec.Code, err)
		}
		return
	}
	ctx := context.Background()
	opts := &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true, AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}
	in := &openapi3filter.RequestValidationInput{Request: req.Clone(ctx), PathParams: params, Route: route, Options: opts}
	// The description declares list parameters comma-separated; the
	// server also takes them repeated (TestListParameters), which is
	// validated as the comma-separated list it reads as.
	if q := in.Request.URL.Query(); len(q) > 0 {
		for _, p := range route.Operation.Parameters {
			if v := q[p.Value.Name]; p.Value.In == "query" && len(v) > 1 && p.Value.Schema != nil && p.Value.Schema.Value.Type.Is("array") {
				q[p.Value.Name] = []string{strings.Join(v, ",")}
			}
		}
		in.Request.URL.RawQuery = q.Encode()
	}
	in.Request.Body = io.NopCloser(strings.NewReader(body))
	if rec.Code < 300 {
		if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
			t.Errorf("%s %s was accepted (%d) but is invalid under the description: %v", req.Method, req.URL, rec.Code, err)
		}
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: rec.Code, Header: rec.Header(), Options: opts}
	out.SetBodyBytes(rec.Body.Bytes())
	if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
		t.Errorf("%s %s: the %d response does not match the description: %v\nbody: %.500s", req.Method, req.URL, rec.Code, err, rec.Body)
	}
}

// TestPatternsMatchDomain checks the identifier patterns in the
// description against the domain's own checks.
func TestPatternsMatchDomain(t *testing.T) {
	doc, err := api.OpenAPI3()
	if err != nil {
		t.Fatal(err)
	}
	pattern := func(schema, prop string) *regexp.Regexp {
		t.Helper()
		s := doc.Components.Schemas[schema].Value.Properties[prop].Value
		if s.Pattern == "" {
			t.Fatalf("%s.%s has no pattern", schema, prop)
		}
		return regexp.MustCompile(s.Pattern)
	}
	samples := []string{"", "a", "iran", "Iran", "united-states", "kataib-hezbollah", "x_y", "-x", "_x", "9lives", "a b", "é",
		strings.Repeat("a", 62), strings.Repeat("a", 63), strings.Repeat("a", 64), strings.Repeat("a", 128), strings.Repeat("a", 129), "a\n"}
	for _, s := range samples {
		for _, schema := range []string{"Actor", "ActorCreate", "BatchActor", "Relationship", "RelationshipCreate", "BatchRelationship"} {
			if got := pattern(schema, "id").MatchString(s); got != graph.ValidID(s) {
				t.Errorf("%s.id pattern on %q: %v, graph.ValidID: %v", schema, s, got, graph.ValidID(s))
			}
		}
		for _, schema := range []string{"RelationshipType", "RelationshipTypeCreate", "BatchRelationshipType"} {
			if got := pattern(schema, "name").MatchString(s); got != graph.ValidTypeName(s) {
				t.Errorf("%s.name pattern on %q: %v, graph.ValidTypeName: %v", schema, s, got, graph.ValidTypeName(s))
			}
		}
	}
	if p := doc.Components.Schemas["Actor"].Value.Properties["name"].Value.Pattern; p != "" {
		t.Errorf("Actor.name has pattern %q", p)
	}
	cc := pattern("ActorCreate", "country_code")
	for s, want := range map[string]bool{"IRN": true, "irn": false, "IR": false, "IRAN": false} {
		a := graph.Actor{ID: "x", Name: "x", Kind: "state", CountryCode: s}
		if got, domain := cc.MatchString(s), len(graph.ValidateActor(&a, "$")) == 0; got != want || domain != want {
			t.Errorf("country_code %q: pattern %v, domain %v, want %v", s, got, domain, want)
		}
	}
}
