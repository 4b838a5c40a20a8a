package api_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/detente/detente/api"
	"github.com/detente/detente/api/client"
	"github.com/detente/detente/graph/graphtest"
)

// TestClientUpToDate regenerates the client (see api/client/generate.go)
// into a temporary directory and fails if the committed files differ.
func TestClientUpToDate(t *testing.T) {
	spec, err := api.OpenAPI3JSON()
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("client/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(spec, committed) {
		t.Fatal("api/client/openapi.json is stale: run `go generate ./api/client`")
	}
	if testing.Short() {
		t.Skip("-short: not running oapi-codegen")
	}
	dir := t.TempDir()
	cfg, err := os.ReadFile("client/oapi-codegen.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "client.gen.go")
	cfg = bytes.Replace(cfg, []byte("output: client.gen.go"), []byte("output: "+out), 1)
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	gen, err := os.ReadFile("client/generate.go")
	if err != nil {
		t.Fatal(err)
	}
	// The oapi-codegen command line of generate.go, so the two cannot drift.
	var args []string
	for _, line := range strings.Split(string(gen), "\n") {
		if rest, ok := strings.CutPrefix(line, "//go:generate go run github.com/oapi-codegen/"); ok {
			args = strings.Fields("github.com/oapi-codegen/" + rest)
		}
	}
	if len(args) != 4 || args[1] != "-config" {
		t.Fatalf("no oapi-codegen line in generate.go: %q", args)
	}
	cmd := exec.Command("go", "run", args[0], "-config", filepath.Join(dir, "config.yaml"), "client/openapi.json")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", cmd, err, b)
	}
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("client/client.gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, got) {
		t.Fatal("api/client/client.gen.go is stale: run `go generate ./api/client`")
	}
}

// TestGeneratedClient drives the API through the client generated from
// its own description: create, read, list, update, import, export,
// delete, and errors as problems.
func TestGeneratedClient(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		srv := httptest.NewServer(e.h)
		defer srv.Close()
		c, err := client.NewClientWithResponses(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		ptr := func(s string) *string { return &s }

		created, err := c.CreateActorWithResponse(ctx, client.ActorCreate{Name: "Iran", Kind: client.ActorCreateKindState, CountryCode: ptr("IRN"), Tags: &[]string{"jcpoa"}})
		if err != nil || created.JSON201 == nil {
			t.Fatalf("create: %v, %d %s", err, created.StatusCode(), created.Body)
		}
		if created.JSON201.Id != "iran" || created.HTTPResponse.Header.Get("Location") != "/api/v1/actors/iran" {
			t.Errorf("created %+v, Location %q", created.JSON201, created.HTTPResponse.Header.Get("Location"))
		}
		if _, err := c.CreateActorWithResponse(ctx, client.ActorCreate{Id: ptr("united-states"), Name: "United States", Kind: client.ActorCreateKindState}); err != nil {
			t.Fatal(err)
		}
		dup, err := c.CreateActorWithResponse(ctx, client.ActorCreate{Name: "Iran", Kind: client.ActorCreateKindState})
		if err != nil || dup.ApplicationproblemJSON409 == nil || dup.ApplicationproblemJSON409.Type != api.ProblemTypeBase+api.ProblemConflict {
			t.Errorf("duplicate: %v, %d %s", err, dup.StatusCode(), dup.Body)
		}

		got, err := c.GetActorWithResponse(ctx, "iran", nil)
		if err != nil || got.JSON200 == nil || got.JSON200.Name != "Iran" || got.HTTPResponse.Header.Get("ETag") == "" {
			t.Fatalf("get: %v, %d %s", err, got.StatusCode(), got.Body)
		}
		missing, err := c.GetActorWithResponse(ctx, "atlantis", nil)
		if err != nil || missing.ApplicationproblemJSON404 == nil {
			t.Errorf("missing: %v, %d %s", err, missing.StatusCode(), missing.Body)
		}

		limit := 1
		page, err := c.ListActorsWithResponse(ctx, &client.ListActorsParams{Limit: &limit})
		if err != nil || page.JSON200 == nil || len(page.JSON200.Items) != 1 || page.JSON200.NextCursor == nil {
			t.Fatalf("list: %v, %d %s", err, page.StatusCode(), page.Body)
		}
		page, err = c.ListActorsWithResponse(ctx, &client.ListActorsParams{Limit: &limit, Cursor: page.JSON200.NextCursor})
		if err != nil || page.JSON200 == nil || len(page.JSON200.Items) != 1 || page.JSON200.Items[0].Id != "united-states" || page.JSON200.NextCursor != nil {
			t.Fatalf("page 2: %v, %d %s", err, page.StatusCode(), page.Body)
		}
		kind := client.ListActorsParamsKindIgo
		none, err := c.ListActorsWithResponse(ctx, &client.ListActorsParams{Kind: &kind})
		if err != nil || none.JSON200 == nil || len(none.JSON200.Items) != 0 {
			t.Fatalf("filter: %v, %d %s", err, none.StatusCode(), none.Body)
		}

		from := openapi_types.Date{Time: graphtest.MustDate("2018-05-08").Time()}
		rel, err := c.CreateRelationshipWithResponse(ctx, client.RelationshipCreate{Source: "united-states", Target: "iran", Type: "sanctions", ValidFrom: &from})
		if err != nil || rel.JSON201 == nil || rel.JSON201.Id != "united-states--sanctions--iran--2018-05-08" || rel.JSON201.Confidence != 1 {
			t.Fatalf("create relationship: %v, %d %s", err, rel.StatusCode(), rel.Body)
		}
		etag := rel.HTTPResponse.Header.Get("ETag")
		w := 0.25
		upd, err := c.UpdateRelationshipWithResponse(ctx, rel.JSON201.Id, &client.UpdateRelationshipParams{IfMatch: &etag}, client.RelationshipPatch{Weight: &w})
		if err != nil || upd.JSON200 == nil || upd.JSON200.Weight != 0.25 {
			t.Fatalf("update: %v, %d %s", err, upd.StatusCode(), upd.Body)
		}
		stale, err := c.UpdateRelationshipWithResponse(ctx, rel.JSON201.Id, &client.UpdateRelationshipParams{IfMatch: &etag}, client.RelationshipPatch{Weight: &w})
		if err != nil || stale.ApplicationproblemJSON412 == nil {
			t.Errorf("stale update: %v, %d %s", err, stale.StatusCode(), stale.Body)
		}
		types := []string{"sanctions", "arms"}
		rels, err := c.ListRelationshipsWithResponse(ctx, &client.ListRelationshipsParams{Type: &types, Actor: ptr("iran")})
		if err != nil || rels.JSON200 == nil || len(rels.JSON200.Items) != 1 {
			t.Fatalf("list relationships: %v, %d %s", err, rels.StatusCode(), rels.Body)
		}

		dry := true
		imp, err := c.ImportBatchWithResponse(ctx, &client.ImportBatchParams{DryRun: &dry}, client.Batch{
			Actors:        []client.BatchActor{{Name: "Hezbollah", Kind: client.BatchActorKindArmedGroup}},
			Relationships: []client.BatchRelationship{{Source: "iran", Target: "hezbollah", Type: "sponsors"}},
		})
		if err != nil || imp.JSON200 == nil || !imp.JSON200.DryRun || imp.JSON200.Actors.Created != 1 || imp.JSON200.Relationships.Created != 1 {
			t.Fatalf("import: %v, %d %s", err, imp.StatusCode(), imp.Body)
		}

		exp, err := c.ExportBatchWithResponse(ctx, nil)
		if err != nil || exp.JSON200 == nil || len(exp.JSON200.Actors) != 2 || len(exp.JSON200.Relationships) != 1 {
			t.Fatalf("export: %v, %d %s", err, exp.StatusCode(), exp.Body)
		}
		// The export, decoded by the client and sent back, restores a
		// fresh server exactly.
		fresh := httptest.NewServer(newEnv(t, memStore(t), api.Config{}).h)
		defer fresh.Close()
		c2, err := client.NewClientWithResponses(fresh.URL)
		if err != nil {
			t.Fatal(err)
		}
		if imp, err := c2.ImportBatchWithResponse(ctx, nil, *exp.JSON200); err != nil || imp.JSON200 == nil {
			t.Fatalf("restore: %v, %d %s", err, imp.StatusCode(), imp.Body)
		}
		exp2, err := c2.ExportBatchWithResponse(ctx, nil)
		if err != nil || !bytes.Equal(exp.Body, exp2.Body) {
			t.Errorf("export -> client -> import -> export differs:\n%s\n%s", exp.Body, exp2.Body)
		}

		cascade := true
		del, err := c.DeleteActorWithResponse(ctx, "iran", &client.DeleteActorParams{Cascade: &cascade})
		if err != nil || del.StatusCode() != 204 {
			t.Fatalf("delete: %v, %d %s", err, del.StatusCode(), del.Body)
		}
		gone, err := c.GetRelationshipWithResponse(ctx, rel.JSON201.Id, nil)
		if err != nil || gone.ApplicationproblemJSON404 == nil {
			t.Errorf("cascade: %v, %d %s", err, gone.StatusCode(), gone.Body)
		}
		health, err := c.ReadyzWithResponse(ctx)
		if err != nil || health.JSON200 == nil || health.JSON200.Status != "ok" {
			t.Errorf("readyz: %v", err)
		}
	})
}
