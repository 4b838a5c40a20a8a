package api_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/detente/detente/api"
)

// TestDeclaredDefaultsAccepted: a query parameter sent at the default the
// API description declares for it is never the parameter a request is
// refused for. Generated clients send every declared default explicitly
// (openapi-python-client does: clients/python), so a default that holds
// only in some modes fails every call they make in the others: GET /paths
// declared order=earliest_arrival, which mode=shortest refused. Each
// operation is called once with every defaulted query parameter at its
// default and the required ones at their examples; whatever else the
// answer says (a 404 for an example id, a missing body), no error may
// name a defaulted parameter.
func TestDeclaredDefaultsAccepted(t *testing.T) {
	e := newEnv(t, memStore(t), api.Config{})
	seed(t, e)
	doc, err := openapi3.NewLoader().LoadFromData(e.must(200, "GET", "/openapi.json", "", nil).Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	routes := doc.Paths.InMatchingOrder()
	sort.Strings(routes)
	for _, route := range routes {
		ops := doc.Paths.Value(route).Operations()
		methods := make([]string, 0, len(ops))
		for m := range ops {
			methods = append(methods, m)
		}
		sort.Strings(methods)
		for _, method := range methods {
			op := ops[method]
			q := url.Values{}
			var defaulted []string
			path := route
			for _, ref := range op.Parameters {
				p := ref.Value
				switch {
				case p.In == "path":
					path = strings.ReplaceAll(path, "{"+p.Name+"}", exampleValue(p, "iran"))
				case p.In != "query":
				case p.Schema != nil && p.Schema.Value.Default != nil:
					q.Set(p.Name, queryValue(p.Schema.Value.Default))
					defaulted = append(defaulted, p.Name)
				case p.Required:
					q.Set(p.Name, exampleValue(p, "iran"))
				}
			}
			if len(defaulted) == 0 {
				continue
			}
			t.Run(method+" "+route, func(t *testing.T) {
				rec := e.do(method, path+"?"+q.Encode(), "")
				if rec.Code != 400 {
					return
				}
				var p api.Problem
				if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
					t.Fatalf("problem %s: %v", rec.Body, err)
				}
				for _, fe := range p.Errors {
					if slices.Contains(defaulted, fe.Path) {
						t.Errorf("%s=%s, its declared default, refused: %s", fe.Path, q.Get(fe.Path), fe.Message)
					}
				}
			})
			checked += len(defaulted)
		}
	}
	// The description declares defaults on most queries: a run that
	// checked few of them read the document wrong.
	if checked < 50 {
		t.Errorf("%d defaulted parameters checked, want at least 50", checked)
	}
}

// queryValue is a default as a query string writes it (a list as
// comma-separated entries).
func queryValue(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		parts := make([]string, len(x))
		for i, y := range x {
			parts[i] = queryValue(y)
		}
		return strings.Join(parts, ",")
	default:
		return fmt.Sprint(x)
	}
}

// exampleValue is the parameter's example, or its schema's, or def.
func exampleValue(p *openapi3.Parameter, def string) string {
	if p.Example != nil {
		return queryValue(p.Example)
	}
	if p.Schema != nil && p.Schema.Value.Example != nil {
		return queryValue(p.Schema.Value.Example)
	}
	return def
}
