package api_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/detente/detente/api"
	detenteseed "github.com/detente/detente/seed"
)

// TestEventMapping: GET shows the shipped mapping (and the registry lists
// each type's codes); a PUT is checked whole — each bad mapping refused
// with 400 and every problem at its JSON path, nothing changed — stored
// without bumping the graph's version, honoured by If-Match, used by the
// next POST /events and by the registry listing; DELETE goes back to the
// shipped one.
func TestEventMapping(t *testing.T) {
	for name, st := range stores(t) {
		t.Run(name, func(t *testing.T) {
			if _, err := detenteseed.Load(t.Context(), st); err != nil {
				t.Fatal(err)
			}
			e := newEnv(t, st, api.Config{})
			// A store shared between tests (Neo4j) may hold one.
			e.must(204, "DELETE", "/api/v1/event-mapping", "", nil)

			var shipped api.EventMapping
			rec := e.must(200, "GET", "/api/v1/event-mapping", "", &shipped)
			tag := rec.Header().Get("ETag")
			if rec.Header().Get("Detente-Event-Mapping-Source") != "shipped" || tag == "" || len(shipped.CAMEO) < 50 {
				t.Fatalf("shipped mapping: %s, %d CAMEO rules", rec.Header(), len(shipped.CAMEO))
			}
			e.must(304, "GET", "/api/v1/event-mapping", "", nil, "If-None-Match", tag)
			if codes := typeCodes(t, e, "sanctions"); codes == nil || !strings.Contains(strings.Join(codes.CAMEO, ","), "163") {
				t.Fatalf("sanctions' event codes: %+v", codes)
			}
			before := e.export()

			edit := func(f func(m *api.EventMapping)) string {
				b, _ := json.Marshal(shipped)
				var m api.EventMapping
				json.Unmarshal(b, &m)
				f(&m)
				out, _ := json.Marshal(m)
				return string(out)
			}
			bad := []struct {
				name, body string
				paths      []string
			}{
				{"unknown type and malformed code", edit(func(m *api.EventMapping) {
					m.CAMEO[0].Type = "befriends"
					m.CAMEO[1].Code = "0256x"
				}), []string{"$.cameo[0].type", "$.cameo[1].code"}},
				{"sign flipped", edit(func(m *api.EventMapping) { m.CAMEO[0].Type = "attacks" }), []string{"$.cameo[0].type"}},
				{"listed twice", edit(func(m *api.EventMapping) { m.PLOVER[1].Code = m.PLOVER[0].Code }), []string{"$.plover[1].code"}},
				{"unknown field", `{"cameo":[],"camoe":[]}`, []string{"$.camoe"}},
				{"tables missing", `{"about":[]}`, []string{"$.cameo", "$.plover", "$.acled"}},
				{"not an object", `[]`, []string{"$"}},
				{"wrong kind", `{"cameo":{"163":"sanctions"}}`, []string{"$.cameo"}},
			}
			for _, c := range bad {
				t.Run(c.name, func(t *testing.T) {
					p := problem(t, e.do("PUT", "/api/v1/event-mapping", c.body), 400, api.ProblemValidation)
					wantPaths(t, p, c.paths...)
				})
			}
			problem(t, e.do("PUT", "/api/v1/event-mapping", "{", nil...), 400, api.ProblemMalformedJSON)
			rec = e.must(200, "GET", "/api/v1/event-mapping", "", nil)
			if rec.Header().Get("ETag") != tag || rec.Header().Get("Detente-Event-Mapping-Source") != "shipped" {
				t.Fatal("a refused mapping changed the mapping in use")
			}

			// The smallest mapping: empty tables, nothing optional. GET
			// answers it in the documented shape (the response is checked
			// against the OpenAPI document).
			e.must(200, "PUT", "/api/v1/event-mapping", `{"cameo":[],"plover":[],"acled":[]}`, nil)
			var empty api.EventMapping
			e.must(200, "GET", "/api/v1/event-mapping", "", &empty)
			if empty.CAMEO == nil || len(empty.CAMEO) != 0 || empty.About != nil {
				t.Errorf("the empty mapping read back: %+v", empty)
			}
			rec = e.must(200, "PUT", "/api/v1/event-mapping", edit(func(*api.EventMapping) {}), nil)
			if rec.Header().Get("ETag") != tag {
				t.Errorf("the shipped mapping PUT back has tag %s, want the shipped one's %s", rec.Header().Get("ETag"), tag)
			}
			e.must(204, "DELETE", "/api/v1/event-mapping", "", nil)

			// Leave every CAMEO code unmapped (each keeps its reason).
			unmapped := edit(func(m *api.EventMapping) {
				for i := range m.CAMEO {
					m.CAMEO[i].Type = ""
				}
			})
			problem(t, e.do("PUT", "/api/v1/event-mapping", unmapped, "If-Match", `"stale"`), 412, api.ProblemPrecondition)
			// A bad mapping is a 400 before the precondition is weighed.
			problem(t, e.do("PUT", "/api/v1/event-mapping", `{"cameo":[{}],"plover":[],"acled":[]}`, "If-Match", `"stale"`), 400, api.ProblemValidation)
			rec = e.must(200, "PUT", "/api/v1/event-mapping", unmapped, nil, "If-Match", tag)
			stored := rec.Header().Get("ETag")
			if stored == tag || rec.Header().Get("Detente-Event-Mapping-Source") != "stored" {
				t.Fatalf("after PUT: %v", rec.Header())
			}
			if e.export() != before {
				t.Fatal("a mapping write changed the graph")
			}
			rec = e.must(200, "GET", "/api/v1/event-mapping", "", nil)
			if rec.Header().Get("ETag") != stored || rec.Header().Get("Detente-Event-Mapping-Source") != "stored" {
				t.Fatalf("GET after PUT: %v", rec.Header())
			}
			if codes := typeCodes(t, e, "sanctions"); codes != nil && len(codes.CAMEO) > 0 {
				t.Errorf("sanctions still lists CAMEO codes: %v", codes.CAMEO)
			}
			var sum api.IngestSummary
			e.must(200, "POST", "/api/v1/events?format=gdelt", eventFile(t, "gdelt2-valid.tsv"), &sum, "Content-Type", "text/tab-separated-values")
			if sum.Folded != 0 || sum.Relationships.Created != 0 || len(sum.Unmapped) == 0 {
				t.Errorf("ingest under the stored mapping: %+v", sum)
			}

			problem(t, e.do("DELETE", "/api/v1/event-mapping", "", "If-Match", tag), 412, api.ProblemPrecondition)
			e.must(204, "DELETE", "/api/v1/event-mapping", "", nil, "If-Match", stored)
			rec = e.must(200, "GET", "/api/v1/event-mapping", "", nil)
			if rec.Header().Get("ETag") != tag || rec.Header().Get("Detente-Event-Mapping-Source") != "shipped" {
				t.Fatalf("after DELETE: %v", rec.Header())
			}
		})
	}
}

func typeCodes(t *testing.T, e *env, name string) *api.EventCodes {
	t.Helper()
	var types api.RelationshipTypeList
	e.must(200, "GET", "/api/v1/relationship-types", "", &types)
	for _, ty := range types.Items {
		if ty.Name == name {
			return ty.EventCodes
		}
	}
	t.Fatalf("no type %s", name)
	return nil
}
