// The workflow of TestGeneratedTypeScriptClients (clients_test.go) through
// openapi-fetch, typed by what openapi-typescript generated, with its
// default settings, from the live server's /openapi.json (./schema.d.ts,
// written beside this file by the test, never committed). It compiles
// with tsc --strict only if the description types every answer used
// here, and runs against that server: a failed check exits non-zero.
// No any, no casts: the graph formats are told apart by narrowing.

import createClient from "openapi-fetch";
import type { components, paths } from "./schema";
import { check, run, server, xmlRoot } from "./check";

type Schemas = components["schemas"];
type GraphDocument = Schemas["GraphJSON"] | Schemas["CytoscapeGraph"] | Schemas["GraphologyGraph"] | Schemas["NodeLinkGraph"];
type PathMode = NonNullable<NonNullable<paths["/api/v1/paths"]["get"]["parameters"]["query"]>["mode"]>;
type GraphFormat = NonNullable<NonNullable<paths["/api/v1/graph"]["get"]["parameters"]["query"]>["format"]>;

// Every mode and format the description lists: the build fails when one
// is added there and not here.
const modes = ["shortest", "all_shortest", "k_shortest", "all", "temporal"] as const satisfies readonly PathMode[];
const everyMode: [Exclude<PathMode, (typeof modes)[number]>] extends [never] ? true : false = true;
const formats = ["json", "cytoscape", "graphology", "d3", "graphml", "gexf"] as const satisfies readonly GraphFormat[];
const everyFormat: [Exclude<GraphFormat, (typeof formats)[number]>] extends [never] ? true : false = true;

/** ok is a call's data, or throws with its status and problem. */
function ok<D, E>(r: { data?: D; error?: E; response: Response }, what: string): D {
  if (r.data === undefined) {
    throw new Error(`${what}: HTTP ${r.response.status}: ${JSON.stringify(r.error)}`);
  }
  return r.data;
}

// The four JSON formats, told apart by the keys only each has (the
// answer's type also admits the XML formats' strings).
function asGraphJSON(g: GraphDocument | string): Schemas["GraphJSON"] {
  if (typeof g === "string" || "elements" in g || "options" in g || "links" in g) throw new Error("not detente's json format");
  return g;
}
function asCytoscape(g: GraphDocument | string): Schemas["CytoscapeGraph"] {
  if (typeof g === "string" || !("elements" in g)) throw new Error("not Cytoscape.js elements");
  return g;
}
function asGraphology(g: GraphDocument | string): Schemas["GraphologyGraph"] {
  if (typeof g === "string" || !("options" in g)) throw new Error("not a serialised graphology graph");
  return g;
}
function asNodeLink(g: GraphDocument | string): Schemas["NodeLinkGraph"] {
  if (typeof g === "string" || !("links" in g)) throw new Error("not node-link JSON");
  return g;
}

run("openapi-fetch", async () => {
  check(everyMode && everyFormat, "every mode and format");
  const { baseUrl, apiKey, prefix } = server();
  const client = createClient<paths>({ baseUrl, headers: { "X-API-Key": apiKey } });

  // List every actor, a page at a time.
  const listed: string[] = [];
  let cursor: string | undefined;
  do {
    const page = ok(await client.GET("/api/v1/actors", { params: { query: { limit: 7, cursor } } }), "list actors");
    check(page.items.length <= 7, "a page holds at most limit actors");
    listed.push(...page.items.map((a) => a.id));
    cursor = page.next_cursor;
  } while (cursor !== undefined);
  check(new Set(listed).size === listed.length && listed.includes("iran"), `paging lists each actor once: ${listed}`);

  // Create an actor and a relationship; read; update with If-Match.
  const id = prefix + "-actor";
  const created = ok(await client.POST("/api/v1/actors", {
    body: { id, name: "Typed Client " + prefix, kind: "state", tags: ["generated"], attributes: { source: "tsc", n: 1, none: null } },
  }), "create actor");
  check(created.id === id && created.kind === "state", "the created actor");
  const rel = ok(await client.POST("/api/v1/relationships", {
    body: { source: id, target: "iran", type: "supports", weight: 0.5, valid_from: "2020-01-01" },
  }), "create relationship");
  check(rel.source === id && rel.target === "iran" && rel.type === "supports", "the created relationship");
  const read = await client.GET("/api/v1/actors/{id}", { params: { path: { id } } });
  const etag = read.response.headers.get("ETag");
  check(ok(read, "read actor").name === created.name && etag !== null, "read the actor and its ETag");
  const updated = ok(await client.PATCH("/api/v1/actors/{id}", {
    params: { path: { id }, header: { "If-Match": etag } }, body: { description: "Updated by openapi-fetch." },
  }), "update actor");
  check(updated.description === "Updated by openapi-fetch.", "the update applied");
  const stale = await client.PATCH("/api/v1/actors/{id}", {
    params: { path: { id }, header: { "If-Match": etag } }, body: { region: "Nowhere" },
  });
  check(stale.response.status === 412 && stale.error !== undefined && stale.error.status === 412, "a stale If-Match is 412");

  // Paths in every mode, through a multi-value types filter.
  const types = ["supports", "arms", "funds", "allied_with"];
  for (const mode of modes) {
    const list = ok(await client.GET("/api/v1/paths", {
      params: { query: { from: "russia", to: "houthis", mode, types, k: mode === "k_shortest" ? 2 : undefined, max_hops: 4, as_of: "all" } },
    }), "paths " + mode);
    check(list.paths.length > 0, `mode ${mode} finds a path`);
    for (const p of list.paths) {
      check(p.actors[0] === "russia" && p.actors[p.actors.length - 1] === "houthis", `a ${mode} path runs from russia to houthis`);
      check(p.relationships.every((r) => types.includes(r.type)), `a ${mode} path keeps to the types`);
    }
  }

  // Influence, a page at a time.
  const ranked: string[] = [];
  cursor = undefined;
  do {
    const page: Schemas["Ranking"] = ok(await client.GET("/api/v1/influence", { params: { query: { limit: 10, cursor } } }), "influence");
    ranked.push(...page.results.map((s) => s.actor));
    cursor = page.next_cursor;
  } while (cursor !== undefined);
  check(ranked.length > 10 && new Set(ranked).size === ranked.length, "influence pages rank each actor once");

  const mediators = ok(await client.GET("/api/v1/mediators", {
    params: { query: { between: ["united-states", "iran"], limit: 5 } },
  }), "mediators");
  check(mediators.between.length === 2 && mediators.results.every((m) => m.actor !== "iran"), "mediators between two actors");
  const blocs = ok(await client.GET("/api/v1/blocs", {}), "blocs");
  check(blocs.count === blocs.blocs.length && blocs.blocs.length > 0, "blocs");
  const balance = ok(await client.GET("/api/v1/balance", {}), "balance");
  check(balance.triads >= balance.balanced && balance.ratio >= 0 && balance.ratio <= 1, "balance counts triads");

  // The graph in every format, each read as its own type.
  const json = asGraphJSON(ok(await client.GET("/api/v1/graph", { params: { query: { format: "json" } } }), "graph json"));
  check(json.nodes.length === listed.length + 1 && json.nodes.some((n) => n.id === id), "the json graph holds every actor");
  for (const format of formats) {
    const query = { format, layout: "force" as const };
    if (format === "graphml" || format === "gexf") {
      const r = await client.GET("/api/v1/graph", { params: { query }, parseAs: "text" });
      const root = xmlRoot(ok(r, "graph " + format));
      check(root === format, `the ${format} root element is ${root}`);
      continue;
    }
    const doc = ok(await client.GET("/api/v1/graph", { params: { query } }), "graph " + format);
    switch (format) {
      case "json": {
        const g = asGraphJSON(doc);
        check(g.nodes.length === json.nodes.length && g.nodes.every((n) => n.x !== undefined), "json with positions");
        break;
      }
      case "cytoscape": {
        const g = asCytoscape(doc);
        check(g.elements.nodes.length === json.nodes.length && g.elements.edges.length === json.edges.length, "cytoscape elements");
        check(g.elements.nodes.every((n) => n.position !== undefined), "cytoscape positions");
        break;
      }
      case "graphology": {
        const g = asGraphology(doc);
        check(g.options.type === "mixed" && g.nodes.length === json.nodes.length && g.edges.length === json.edges.length, "graphology nodes and edges");
        break;
      }
      case "d3": {
        const g = asNodeLink(doc);
        check(g.directed && g.nodes.length === json.nodes.length && g.links.length === json.edges.length, "d3 nodes and links");
        break;
      }
    }
  }
  const around = asCytoscape(ok(await client.GET("/api/v1/actors/{id}/neighborhood", {
    params: { path: { id }, query: { format: "cytoscape", types: ["supports", "arms"] } },
  }), "neighbourhood"));
  check(around.elements.nodes.some((n) => n.data.id === "iran"), "the neighbourhood holds Iran");

  // Import a batch, export it back, delete.
  const imported = prefix + "-imported";
  const result = ok(await client.POST("/api/v1/import", {
    body: {
      actors: [{ id: imported, name: "Imported " + prefix, kind: "igo" }],
      relationships: [{ source: imported, target: id, type: "mediates", weight: 0.3 }],
    },
  }), "import");
  check(result.actors.created === 1 && result.relationships.created === 1 && !result.dry_run, "the import created its records");
  const exported = ok(await client.GET("/api/v1/export", {}), "export");
  check(exported.actors.some((a) => a.id === imported) && exported.relationships.some((r) => r.id === rel.id), "the export holds the new records");
  for (const actor of [imported, id]) {
    const del = await client.DELETE("/api/v1/actors/{id}", { params: { path: { id: actor }, query: { cascade: true } } });
    check(del.response.status === 204, `delete ${actor}: ${del.response.status}`);
  }
  const gone = await client.GET("/api/v1/actors/{id}", { params: { path: { id } } });
  check(gone.response.status === 404 && gone.error !== undefined && gone.error.status === 404, "the deleted actor is gone");
});
