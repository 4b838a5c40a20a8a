package api_test

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph"
	detenteseed "github.com/detente/detente/seed"
)

// Fuzz targets: whatever the bytes, the API answers without a 5xx and
// without panicking (the recovery middleware would turn a panic into a
// 500, which fails the target too). `go test` runs the seeds; `make fuzz`
// (FUZZTIME, default 100000 executions a target) and 20000 executions of
// each in `make test` search further. New failures land in testdata/fuzz/ and stay as seeds.

// fuzzServer is the API over the seeded scenario on an embedded store in
// memory, without logs (an iteration must be cheap).
func fuzzServer(f *testing.F) (http.Handler, *graph.Store) {
	f.Helper()
	st := memStoreB(f)
	if _, err := detenteseed.Load(f.Context(), st); err != nil {
		f.Fatal(err)
	}
	srv, err := api.NewServer(api.Config{Logger: slog.New(slog.DiscardHandler)}, st)
	if err != nil {
		f.Fatal(err)
	}
	return srv.Handler(), st
}

func fuzzDo(t *testing.T, h http.Handler, method, target, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, "/", nil)
	// The target goes in raw: bytes a client could send on the request
	// line, without httptest's parsing in the way.
	path, query, _ := strings.Cut(target, "?")
	req.URL.Path, req.URL.RawQuery = path, query
	if body != "" {
		req.Body = nopCloser{strings.NewReader(body)}
		req.ContentLength = int64(len(body))
		req.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code >= 500 {
		t.Fatalf("%s %.300q: %d %.500s", method, target, rec.Code, rec.Body)
	}
	return rec
}

// FuzzImport posts import payloads as a dry run: never a 5xx, never a
// write.
func FuzzImport(f *testing.F) {
	h, st := fuzzServer(f)
	for _, seed := range []string{
		`{"actors":[],"relationships":[]}`,
		`{"actors":[{"id":"x","name":"X","kind":"person"}],"relationships":[{"source":"x","target":"iran","type":"sanctions"}]}`,
		`{"relationship_types":[{"name":"t","polarity":1,"symmetric":false,"default_weight":0.5,"description":"d"}],"actors":[],"relationships":[]}`,
		`{"actors":[{"id":"x","name":"X","kind":"person","attributes":{"a":[1,{"b":null}]},"tags":["t"],"aliases":["y"]}],"relationships":[]}`,
		`{"actors":[{"id":"a","name":"A","kind":"state"},{"id":"a","name":"A","kind":"state"}],"relationships":[]}`,
		`{"actors":[],"relationships":[{"source":"iran","target":"iran","type":"allied_with","weight":0,"confidence":1.5,"valid_from":"2024-02-30","valid_to":"2020-01-01"}]}`,
		`{"actors":[{"id":"x\u0000","name":"\ud800","kind":"person"}],"relationships":[]}`,
		`{"actors":[{"id":"x","name":"X","kind":"person"}]}{"more":1}`,
		`{"actors":[{"id":"x","id":"y"}]}`,
		`{"actors":1e999}`, `[]`, `null`, `{`, "\xff\xfe", `{"actors":[{}],"relationships":[{}]}`,
		`{"actors":[{"id":"x","name":"X","kind":"person","created_at":"2024-01-01T00:00:00Z","updated_at":"not a time"}],"relationships":[]}`,
		`{"actors":[],"relationships":[{"id":"r","source":"iran","target":"united-states","type":"sanctions","sources":[{"title":"t","url":"javascript:x","published":"2024-01-01"}]}]}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, payload []byte) {
		v0, err := st.Version(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		fuzzDo(t, h, "POST", "/api/v1/import?dry_run=true", string(payload))
		if v1, _ := st.Version(t.Context()); v1 != v0 {
			t.Fatalf("a dry run changed the graph: version %d -> %d", v0, v1)
		}
	})
}

// queryFuzzSeeds are query strings both query targets start from.
var queryFuzzSeeds = []string{
	"", "types=sanctions", "types=sanctions,allied_with", "as_of=2020-01-03", "weighted=true", "limit=5",
	"types=", "types=,", "limit=0", "limit=1001", "limit=-1", "limit=99999999999999999999", "as_of=2024-02-30",
	"%zz", "a=1&a=2", "types=sanctions&types=sanctions", "weighted=TRUE", ";", "&&&", "=&=", "types=%00",
	"types=sanctions]->()%20DETACH%20DELETE%20n%20//", "as_of=0000-00-00", "limit=1e3",
}

// FuzzPathQuery sends query strings to GET /api/v1/paths.
func FuzzPathQuery(f *testing.F) {
	h, _ := fuzzServer(f)
	for _, q := range append([]string{
		"from=iran&to=united-states",
		"from=iran&to=houthis&mode=all_shortest",
		"from=iran&to=houthis&mode=k_shortest&k=5&weighted=true",
		"from=united-states&to=houthis&mode=all&max_hops=4&direction=out",
		"from=iran&to=israel&exclude=united-states,hezbollah&min_confidence=0.5&as_of=2020-01-03",
		"from=iran&to=iran", "from=iran&to=atlantis", "from=&to=", "from=iran&to=houthis&mode=all&max_hops=10",
		"from=iran&to=houthis&k=3", "from=iran&to=houthis&max_hops=11", "from=iran&to=houthis&min_confidence=NaN",
		"from=iran&to=houthis&direction=sideways", "from=iran&to=houthis&limit=1001",
	}, queryFuzzSeeds...) {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, query string) {
		fuzzDo(t, h, "GET", "/api/v1/paths?"+query, "")
	})
}

// FuzzInfluenceQuery sends query strings to GET /api/v1/influence and
// GET /api/v1/actors/{id}/influence.
func FuzzInfluenceQuery(f *testing.F) {
	h, _ := fuzzServer(f)
	for _, q := range append([]string{
		"algorithm=pagerank", "algorithm=betweenness&weighted=true", "algorithm=degree&normalized=true",
		"algorithm=in_degree", "algorithm=out_degree", "algorithm=closeness&polarity=negative",
		"algorithm=eigenvector&polarity=positive", "algorithm=katz", "algorithm=", "polarity=sideways",
		"normalized=true&algorithm=pagerank", "paths=10&max_hops=4", "paths=11", "max_hops=0",
	}, queryFuzzSeeds...) {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, query string) {
		fuzzDo(t, h, "GET", "/api/v1/influence?"+query, "")
		fuzzDo(t, h, "GET", "/api/v1/actors/iran/influence?"+query, "")
	})
}

// FuzzBodies sends bodies to every JSON write but import (which
// FuzzImport covers): never a 5xx, whatever the body's shape.
func FuzzBodies(f *testing.F) {
	h, _ := fuzzServer(f)
	for _, seed := range []string{
		`{"name":"","kind":"country"}`, `{"name":5,"kind":7,"tags":"a","colour":1,"region":null}`,
		`{"name":"X","kind":"state","attributes":{"a":[1e400,12345678901234567890]}}`, `{"id":"x","name":"x","name":"y"}`,
		`{"source":"iran","target":"russia","type":"supports","weight":1.0,"valid_from":"2020-02-30","sources":[{}]}`,
		`{"name":"t","polarity":1.0,"default_weight":0.5}`, `{"name":"t","polarity":-1.5,"default_weight":1e999}`,
		`{"weight":null,"confidence":null,"note":null,"sources":null}`, `{"id":"x","created_at":"2020-01-01T00:00:00Z"}`,
		`{"name":"s","changes":[{"op":"update_relationship","id":"x","patch":{"weight":null,"q":1}},{}]}`,
		`{"name":"s","changes":[{"op":"add_actor","actor":{"name":"A","kind":"state","created_at":"2024-01-01T25:00:00Z"}}]}`,
		`null`, `[]`, `"x"`, `1`, `{}`, `{"":1}`, `{"a":1} x`, "{\"\xff\":1}",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, target := range [][2]string{
			{"POST", "/api/v1/actors"}, {"PATCH", "/api/v1/actors/iran"},
			{"POST", "/api/v1/relationships"}, {"PATCH", "/api/v1/relationships/united-states--sanctions--iran--2018-05-08"},
			{"POST", "/api/v1/relationship-types"},
			{"POST", "/api/v1/scenarios"}, {"PATCH", "/api/v1/scenarios/fuzz"},
		} {
			fuzzDo(t, h, target[0], target[1], body)
		}
	})
}
