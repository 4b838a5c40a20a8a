// Consumer tests of detente's graph exports: the real Cytoscape.js (headless),
// graphology and d3-force load each JSON export that viz.Write produced, and
// every actor and relationship must come back with its attributes.
//
// Run by viz/consumers_test.go, which writes the exports of a sample graph and
// an expectations file and sets VIZ_EXPECTATIONS to it:
//
//   VIZ_EXPECTATIONS=/tmp/.../expected.json node --test web/test/consumers.test.mjs
//
// Without VIZ_EXPECTATIONS only the check of the vendored Cytoscape.js runs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

import cytoscape from 'cytoscape';
import Graph from 'graphology';
import { forceSimulation, forceLink } from 'd3-force';

const here = dirname(fileURLToPath(import.meta.url));
const readJSON = (path) => JSON.parse(readFileSync(path, 'utf8'));

const expectPath = process.env.VIZ_EXPECTATIONS;
const expected = expectPath ? readJSON(expectPath) : null;
const skip = expected ? false : 'VIZ_EXPECTATIONS is not set (run it through go test ./viz/)';
const nodes = expected?.nodes ?? [];
const edges = expected?.edges ?? [];
const count = (pred) => edges.filter(pred).length;

// The fields every format carries for an actor, read with get(name).
function assertNode(get, want) {
  assert.equal(get('name'), want.name, `${want.id} name`);
  assert.equal(get('kind'), want.kind, `${want.id} kind`);
  assert.equal(get('country_code') ?? '', want.country_code, `${want.id} country_code`);
  assert.equal(get('region') ?? '', want.region, `${want.id} region`);
  assert.deepEqual(get('tags'), want.tags, `${want.id} tags`);
  assert.deepEqual(get('aliases'), want.aliases, `${want.id} aliases`);
}

// ... and for a relationship; typeKey is the name its type goes by.
function assertEdge(get, want, typeKey = 'type') {
  assert.equal(get(typeKey), want.type, `${want.id} type`);
  assert.equal(get('sign'), want.sign, `${want.id} sign`);
  assert.equal(get('weight'), want.weight, `${want.id} weight`);
  assert.equal(get('confidence'), want.confidence, `${want.id} confidence`);
  assert.equal(get('valid_from') ?? '', want.valid_from, `${want.id} valid_from`);
  assert.equal(get('valid_to') ?? '', want.valid_to, `${want.id} valid_to`);
  assert.equal(get('symmetric'), want.symmetric, `${want.id} symmetric`);
}

test('cytoscape: headless cytoscape({elements}) loads the export', { skip }, () => {
  const doc = readJSON(expected.files.cytoscape);
  // preset: the layout that keeps the elements' positions (the default,
  // grid, would replace them).
  const cy = cytoscape({ headless: true, elements: doc.elements, layout: { name: 'preset' } });
  assert.equal(cy.nodes().length, nodes.length);
  assert.equal(cy.edges().length, edges.length);
  for (const want of nodes) {
    const n = cy.getElementById(want.id);
    assert.ok(n.nonempty() && n.isNode(), `node ${want.id}`);
    assertNode((k) => n.data(k), want);
    assert.equal(n.data('label'), want.name);
    assert.ok(n.hasClass(want.kind), `${want.id} has class ${want.kind}`);
    assert.deepEqual(n.position(), { x: want.x, y: want.y }, `${want.id} position`);
  }
  const byRel = new Map(cy.edges().map((e) => [e.data('relationship_id'), e]));
  for (const want of edges) {
    const e = byRel.get(want.id);
    assert.ok(e, `edge for relationship ${want.id}`);
    assert.equal(e.source().id(), want.source, `${want.id} source`);
    assert.equal(e.target().id(), want.target, `${want.id} target`);
    assertEdge((k) => e.data(k), want);
  }
  // What a stylesheet selects on.
  assert.equal(cy.edges('.positive').length, count((e) => e.sign > 0));
  assert.equal(cy.edges('.negative').length, count((e) => e.sign < 0));
  assert.equal(cy.edges('.structural').length, count((e) => e.sign === 0));
  assert.equal(cy.edges('.symmetric').length, count((e) => e.symmetric));
  assert.equal(cy.edges('[sign < 0]').length, count((e) => e.sign < 0));
  assert.equal(cy.edges('[weight >= 0.8]').length, count((e) => e.weight >= 0.8));
  assert.equal(cy.edges('[valid_to]').length, count((e) => e.valid_to !== ''));
  assert.equal(cy.nodes('.state').length, nodes.filter((n) => n.kind === 'state').length);
});

test('cytoscape: cy.json() accepts the export', { skip }, () => {
  const doc = readJSON(expected.files.cytoscape);
  const cy = cytoscape({ headless: true });
  cy.json(doc);
  assert.equal(cy.nodes().length, nodes.length);
  assert.equal(cy.edges().length, edges.length);
  const out = cy.json().elements;
  assert.equal(out.nodes.length, nodes.length);
  assert.equal(out.edges.length, edges.length);
});

test('graphology: Graph.from() loads the export as a mixed multigraph', { skip }, () => {
  const doc = readJSON(expected.files.graphology);
  const g = Graph.from(doc);
  assert.equal(g.type, 'mixed');
  assert.equal(g.multi, true);
  assert.equal(g.order, nodes.length);
  assert.equal(g.size, edges.length);
  assert.equal(g.undirectedSize, count((e) => e.symmetric));
  assert.equal(g.directedSize, count((e) => !e.symmetric));
  for (const want of nodes) {
    assert.ok(g.hasNode(want.id), `node ${want.id}`);
    const a = g.getNodeAttributes(want.id);
    assertNode((k) => a[k], want);
    assert.equal(a.label, want.name);
    assert.deepEqual([a.x, a.y], [want.x, want.y], `${want.id} x, y (sigma.js draws from them)`);
  }
  for (const want of edges) {
    assert.ok(g.hasEdge(want.id), `edge ${want.id}`);
    assert.equal(g.isUndirected(want.id), want.symmetric, `${want.id} undirected`);
    const [s, t] = [g.source(want.id), g.target(want.id)];
    assert.deepEqual([s, t], [want.source, want.target], `${want.id} ends`);
    const a = g.getEdgeAttributes(want.id);
    assertEdge((k) => a[k], want, 'relationship_type');
    assert.equal(a.label, want.type);
    assert.equal(a.type, undefined, 'no "type" attribute: sigma.js reads it as a renderer');
  }
});

test('graphology: graph.import() into a fresh mixed multigraph', { skip }, () => {
  const doc = readJSON(expected.files.graphology);
  const g = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  g.import(doc);
  assert.equal(g.order, nodes.length);
  assert.equal(g.size, edges.length);
  // and it exports back what it read
  const back = g.export();
  assert.equal(back.edges.filter((e) => e.undirected).length, count((e) => e.symmetric));
});

test('d3: forceLink resolves every link of the node-link export', { skip }, () => {
  const doc = readJSON(expected.files.d3);
  assert.equal(doc.nodes.length, nodes.length);
  assert.equal(doc.links.length, edges.length);
  // d3-force starts from the layout's x, y (it keeps a node's finite x, y).
  const start = new Map(doc.nodes.map((n) => [n.id, [n.x, n.y]]));
  forceSimulation(doc.nodes).stop();
  for (const w of nodes) assert.deepEqual(start.get(w.id), [w.x, w.y], `${w.id} x, y`);
  for (const n of doc.nodes) assert.deepEqual([n.x, n.y], start.get(n.id), `${n.id}: d3-force kept the position`);
  const sim = forceSimulation(doc.nodes)
    .force('link', forceLink(doc.links).id((d) => d.id))
    .stop();
  sim.tick(3);
  const want = new Map(edges.map((e) => [e.id, e]));
  for (const l of doc.links) {
    const w = want.get(l.id);
    assert.ok(w, `link ${l.id}`);
    assert.equal(typeof l.source, 'object', 'forceLink replaced the id by the node');
    assert.equal(l.source.id, w.source);
    assert.equal(l.target.id, w.target);
    assertEdge((k) => l[k], w);
  }
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  for (const w of nodes) {
    const n = byId.get(w.id);
    assertNode((k) => n[k], w);
    assert.ok(Number.isFinite(n.x) && Number.isFinite(n.y), `${w.id} was laid out`);
  }
});

test('json: detente\'s own format carries every field', { skip }, () => {
  const doc = readJSON(expected.files.json);
  assert.deepEqual(Object.keys(doc), ['nodes', 'edges']);
  assert.equal(doc.nodes.length, nodes.length);
  assert.equal(doc.edges.length, edges.length);
  nodes.forEach((w, i) => {
    assert.equal(doc.nodes[i].id, w.id);
    assertNode((k) => doc.nodes[i][k], w);
    assert.deepEqual([doc.nodes[i].x, doc.nodes[i].y], [w.x, w.y], `${w.id} x, y`);
  });
  edges.forEach((w, i) => {
    const e = doc.edges[i];
    assert.deepEqual([e.id, e.source, e.target], [w.id, w.source, w.target]);
    assertEdge((k) => e[k], w);
  });
});

test('the explorer page vendors the Cytoscape.js these tests load', () => {
  const sha = (p) => createHash('sha256').update(readFileSync(p)).digest('hex');
  const vendored = join(here, '..', 'static', 'vendor', 'cytoscape.min.js');
  const tested = join(here, 'node_modules', 'cytoscape', 'dist', 'cytoscape.min.js');
  assert.equal(sha(vendored), sha(tested),
    'web/static/vendor/cytoscape.min.js differs from the tested cytoscape: align the versions in web/package.json and web/test/package.json, then `npm ci --prefix web && npm run --prefix web vendor`');
});
