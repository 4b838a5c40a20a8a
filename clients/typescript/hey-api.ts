// The workflow of TestGeneratedTypeScriptClients (clients_test.go) through
// the SDK @hey-api/openapi-ts generated, with its default settings, from
// the live server's /openapi.json (./hey/, written beside this file by
// the test, never committed): its functions, its types and its bundled
// fetch client. It compiles with tsc --strict only if the description
// types every answer used here, and runs against that server: a failed
// check exits non-zero. No any, no casts: the graph formats are told
// apart by narrowing.

import { client } from "./hey/client.gen";
import {
  actorInfluence, createActor, createRelationship, deleteActor, exportBatch, findBlocs, findMediators, findPaths,
  getActor, getGraph, getNeighborhood, importBatch, listActors, rankInfluence, structuralBalance, updateActor,
} from "./hey";
import type { CytoscapeGraph, FindPathsData, GetGraphData, GraphJson, GraphologyGraph, NodeLinkGraph, Ranking } from "./hey";
import { check, run, server, xmlRoot } from "./check";

type GraphDocument = GraphJson | CytoscapeGraph | GraphologyGraph | NodeLinkGraph;
type PathMode = NonNullable<FindPathsData["query"]["mode"]>;
type GraphFormat = NonNullable<NonNullable<GetGraphData["query"]>["format"]>;

// Every mode and format the description lists: the build fails when one
// is added there and not here.
const modes = ["shortest", "all_shortest", "k_shortest", "all", "temporal"] as const satisfies readonly PathMode[];
const everyMode: [Exclude<PathMode, (typeof modes)[number]>] extends [never] ? true : false = true;
const formats = ["json", "cytoscape", "graphology", "d3", "graphml", "gexf"] as const satisfies readonly GraphFormat[];
const everyFormat: [Exclude<GraphFormat, (typeof formats)[number]>] extends [never] ? true : false = true;

/** ok is a call's data, or throws with its status and problem. */
function ok<D, E>(r: { data: D | undefined; error: E | undefined; response: Response }, what: string): D {
  if (r.data === undefined) {
    throw new Error(`${what}: HTTP ${r.response.status}: ${JSON.stringify(r.error)}`);
  }
  return r.data;
}

// The four JSON formats, told apart by the keys only each has.
function asGraphJSON(g: GraphDocument): GraphJson {
  if ("elements" in g || "options" in g || "links" in g) throw new Error("not detente's json format");
  return g;
}
function asCytoscape(g: GraphDocument): CytoscapeGraph {
  if (!("elements" in g)) throw new Error("not Cytoscape.js elements");
  return g;
}
function asGraphology(g: GraphDocument): GraphologyGraph {
  if (!("options" in g)) throw new Error("not a serialised graphology graph");
  return g;
}
function asNodeLink(g: GraphDocument): NodeLinkGraph {
  if (!("links" in g)) throw new Error("not node-link JSON");
  return g;
}

run("@hey-api/openapi-ts", async () => {
  check(everyMode && everyFormat, "every mode and format");
  const { baseUrl, apiKey, prefix } = server();
  // The key as the description's security schemes say: X-API-Key, and
  // Authorization: Bearer.
  client.setConfig({ baseUrl, auth: apiKey });

  // List every actor, a page at a time.
  const listed: string[] = [];
  let cursor: string | undefined;
  do {
    const page = ok(await listActors({ query: { limit: 7, cursor } }), "list actors");
    check(page.items.length <= 7, "a page holds at most limit actors");
    listed.push(...page.items.map((a) => a.id));
    cursor = page.next_cursor;
  } while (cursor !== undefined);
  check(new Set(listed).size === listed.length && listed.includes("iran"), `paging lists each actor once: ${listed}`);

  // Create an actor and a relationship; read; update with If-Match.
  const id = prefix + "-actor";
  const created = ok(await createActor({
    body: { id, name: "Typed Client " + prefix, kind: "state", tags: ["generated"], attributes: { source: "tsc", n: 1, none: null } },
  }), "create actor");
  check(created.id === id && created.kind === "state", "the created actor");
  const rel = ok(await createRelationship({
    body: { source: id, target: "iran", type: "supports", weight: 0.5, valid_from: "2020-01-01" },
  }), "create relationship");
  check(rel.source === id && rel.target === "iran" && rel.type === "supports", "the created relationship");
  const read = await getActor({ path: { id } });
  const etag = read.response.headers.get("ETag");
  check(ok(read, "read actor").name === created.name && etag !== null, "read the actor and its ETag");
  const updated = ok(await updateActor({
    path: { id }, headers: { "If-Match": etag }, body: { description: "Updated by @hey-api/openapi-ts." },
  }), "update actor");
  check(updated.description === "Updated by @hey-api/openapi-ts.", "the update applied");
  const stale = await updateActor({ path: { id }, headers: { "If-Match": etag }, body: { region: "Nowhere" } });
  check(stale.response.status === 412 && stale.error !== undefined && stale.error.status === 412, "a stale If-Match is 412");

  // Paths in every mode, through a multi-value types filter.
  const types = ["supports", "arms", "funds", "allied_with"];
  for (const mode of modes) {
    const list = ok(await findPaths({
      query: { from: "russia", to: "houthis", mode, types, k: mode === "k_shortest" ? 2 : undefined, max_hops: 4, as_of: "all" },
    }), "paths " + mode);
    check(list.paths.length > 0, `mode ${mode} finds a path`);
    for (const p of list.paths) {
      check(p.actors[0] === "russia" && p.actors[p.actors.length - 1] === "houthis", `a ${mode} path runs from russia to houthis`);
      check(p.relationships.every((r) => types.includes(r.type)), `a ${mode} path keeps to the types`);
    }
  }

  // Influence, a page at a time; and one actor's.
  const ranked: string[] = [];
  cursor = undefined;
  do {
    const page: Ranking = ok(await rankInfluence({ query: { limit: 10, cursor } }), "influence");
    ranked.push(...page.results.map((s) => s.actor));
    cursor = page.next_cursor;
  } while (cursor !== undefined);
  check(ranked.length > 10 && new Set(ranked).size === ranked.length, "influence pages rank each actor once");
  const iran = ok(await actorInfluence({ path: { id: "iran" }, query: { types: ["supports", "arms"] } }), "actor influence");
  check(iran.actor === "iran", "Iran's influence");

  const mediators = ok(await findMediators({ query: { between: ["united-states", "iran"], limit: 5 } }), "mediators");
  check(mediators.between.length === 2 && mediators.results.every((m) => m.actor !== "iran"), "mediators between two actors");
  const blocs = ok(await findBlocs(), "blocs");
  check(blocs.count === blocs.blocs.length && blocs.blocs.length > 0, "blocs");
  const balance = ok(await structuralBalance(), "balance");
  check(balance.triads >= balance.balanced && balance.ratio >= 0 && balance.ratio <= 1, "balance counts triads");

  // The graph in every format, each read as its own type.
  const json = asGraphJSON(ok(await getGraph({ query: { format: "json" } }), "graph json"));
  check(json.nodes.length === listed.length + 1 && json.nodes.some((n) => n.id === id), "the json graph holds every actor");
  for (const format of formats) {
    if (format === "graphml" || format === "gexf") {
      // The SDK types an answer by its JSON media type only; the XML
      // formats are read as text and checked to be strings.
      const r = await getGraph({ query: { format, layout: "force" }, parseAs: "text" });
      const text: unknown = r.data;
      check(r.response.ok && typeof text === "string", `graph ${format}: HTTP ${r.response.status}`);
      const root = xmlRoot(text);
      check(root === format, `the ${format} root element is ${root}`);
      continue;
    }
    const doc = ok(await getGraph({ query: { format, layout: "force" } }), "graph " + format);
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
  const around = asCytoscape(ok(await getNeighborhood({
    path: { id }, query: { format: "cytoscape", types: ["supports", "arms"] },
  }), "neighbourhood"));
  check(around.elements.nodes.some((n) => n.data.id === "iran"), "the neighbourhood holds Iran");

  // Import a batch, export it back, delete.
  const imported = prefix + "-imported";
  const result = ok(await importBatch({
    body: {
      actors: [{ id: imported, name: "Imported " + prefix, kind: "igo" }],
      relationships: [{ source: imported, target: id, type: "mediates", weight: 0.3 }],
    },
  }), "import");
  check(result.actors.created === 1 && result.relationships.created === 1 && !result.dry_run, "the import created its records");
  const exported = ok(await exportBatch(), "export");
  check(exported.actors.some((a) => a.id === imported) && exported.relationships.some((r) => r.id === rel.id), "the export holds the new records");
  for (const actor of [imported, id]) {
    const del = await deleteActor({ path: { id: actor }, query: { cascade: true } });
    check(del.response.status === 204, `delete ${actor}: ${del.response.status}`);
  }
  const gone = await getActor({ path: { id } });
  check(gone.response.status === 404 && gone.error !== undefined && gone.error.status === 404, "the deleted actor is gone");
});
