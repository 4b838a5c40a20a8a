package api_test

import (
	"context"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/detente/detente/api"
	"github.com/detente/detente/graph"
	detenteseed "github.com/detente/detente/seed"
)

// fullDisk is a real store whose writes fail as the embedded store's do
// when bbolt's write or fsync fails: graph.WriteFailed with the OS error.
type fullDisk struct {
	graph.Driver
	cause error
}

func (f fullDisk) fail() error {
	return graph.WriteFailed("the embedded store could not write", f.cause)
}

func (f fullDisk) CreateActor(context.Context, graph.Actor) (graph.Actor, error) {
	return graph.Actor{}, f.fail()
}

func (f fullDisk) UpdateActor(context.Context, string, func(graph.Actor) (graph.Actor, bool, error)) (graph.Actor, error) {
	return graph.Actor{}, f.fail()
}

func (f fullDisk) DeleteActor(context.Context, string, func(graph.Actor, int) error) error {
	return f.fail()
}

func (f fullDisk) CreateRelationship(context.Context, graph.Relationship, func(graph.Registry, bool, bool) error) (graph.Relationship, error) {
	return graph.Relationship{}, f.fail()
}

func (f fullDisk) UpdateRelationship(context.Context, string, func(graph.Relationship, graph.Registry) (graph.Relationship, bool, error)) (graph.Relationship, error) {
	return graph.Relationship{}, f.fail()
}

func (f fullDisk) DeleteRelationship(context.Context, string, func(graph.Relationship) error) error {
	return f.fail()
}

func (f fullDisk) CreateRelationshipType(context.Context, graph.RelationshipType) (graph.RelationshipType, error) {
	return graph.RelationshipType{}, f.fail()
}

func (f fullDisk) Import(ctx context.Context, b graph.Batch, dryRun bool, now time.Time) (graph.ImportResult, error) {
	if dryRun {
		return f.Driver.Import(ctx, b, dryRun, now)
	}
	return graph.ImportResult{}, f.fail()
}

func (f fullDisk) UpdateScenario(context.Context, string, func(*graph.Scenario) (*graph.Scenario, error)) error {
	return f.fail()
}

// TestFullDisk: every write refused for want of disk space answers 507
// insufficient-storage (not 503: waiting does not free space), logged as
// an error for the operator, without Retry-After; reads still answer; a
// write that fails otherwise is still 503.
func TestFullDisk(t *testing.T) {
	st := memStore(t)
	if _, err := detenteseed.Load(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateScenario(t.Context(), graph.Scenario{ID: "s1", Name: "S1"}); err != nil {
		t.Fatal(err)
	}
	writes := []struct{ method, path, body string }{
		{"POST", "/api/v1/actors", `{"name":"New actor","kind":"person"}`},
		{"PATCH", "/api/v1/actors/iran", `{"region":"Middle East"}`},
		{"DELETE", "/api/v1/actors/houthis", ""},
		{"POST", "/api/v1/relationships", `{"source":"iran","target":"russia","type":"supports"}`},
		{"PATCH", "/api/v1/relationships/united-states-sanctions-iran", `{"confidence":0.5}`},
		{"DELETE", "/api/v1/relationships/united-states-sanctions-iran", ""},
		{"POST", "/api/v1/relationship-types", `{"name":"admires","polarity":1,"default_weight":0.5,"goldstein":2}`},
		{"POST", "/api/v1/import", `{"actors":[{"name":"Imported","kind":"state"}],"relationships":[]}`},
		{"POST", "/api/v1/scenarios", `{"name":"A scenario","changes":[]}`},
		{"PATCH", "/api/v1/scenarios/s1", `{"name":"Renamed"}`},
		{"DELETE", "/api/v1/scenarios/s1", ""},
	}
	enospc := &os.PathError{Op: "write", Path: "data/detente.db", Err: syscall.ENOSPC}
	e := newEnv(t, graph.NewStore(fullDisk{Driver: st.Driver(), cause: enospc}), api.Config{})
	for _, w := range writes {
		rec := e.do(w.method, w.path, w.body)
		p := problem(t, rec, 507, api.ProblemStorageFull)
		if rec.Header().Get("Retry-After") != "" || strings.Contains(rec.Body.String(), "detente.db") {
			t.Errorf("%s %s: Retry-After %q, body %s", w.method, w.path, rec.Header().Get("Retry-After"), rec.Body)
		}
		if !strings.Contains(e.logs.String(), p.RequestID) || !strings.Contains(e.logs.String(), `"level":"ERROR"`) {
			t.Errorf("%s %s: not logged as an error with its request id:\n%s", w.method, w.path, e.logs)
		}
	}
	e.must(200, "GET", "/api/v1/actors/iran", "", nil)
	e.must(200, "POST", "/api/v1/import?dry_run=true", `{"actors":[{"name":"Imported","kind":"state"}],"relationships":[]}`, nil)

	other := newEnv(t, graph.NewStore(fullDisk{Driver: st.Driver(), cause: &os.PathError{Op: "fdatasync", Path: "data/detente.db", Err: syscall.EIO}}), api.Config{})
	problem(t, other.do("POST", "/api/v1/actors", `{"name":"New actor","kind":"person"}`), 503, api.ProblemUnavailable)
}
