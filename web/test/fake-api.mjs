// A stand-in for detente's API, for testing the explorer page in a browser
// before (or without) the real server: it serves web/ with the page's real
// headers (web/headers.json) and answers the endpoints the page calls, from
// the shipped scenario as viz writes it (fixtures/scenario.cytoscape.json,
// kept current by viz's TestScenarioFixture) and the built-in relationship
// types (graph/types.json). Response shapes follow shared/design/API.md.
//
// It is a test double: answers are plausible, not the real algorithms
// (influence here is a plain PageRank; paths are enumerated breadth-first).
// The e2e test uses it unless DETENTE_URL names a live server that serves
// the page. DETENTE_UPSTREAM=http://127.0.0.1:8080 puts a live server
// behind the fake: the server answers every route it has (see viaUpstream).
// Standalone:
//   [DETENTE_UPSTREAM=...] node web/test/fake-api.mjs [port]

import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize, extname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const webRoot = join(here, '..');
const repoRoot = join(webRoot, '..');

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json' };

export function loadScenario() {
  const doc = JSON.parse(readFileSync(join(here, 'fixtures', 'scenario.cytoscape.json'), 'utf8'));
  const types = JSON.parse(readFileSync(join(repoRoot, 'graph', 'types.json'), 'utf8'));
  return { nodes: doc.elements.nodes, edges: doc.elements.edges, types };
}

function validOn(e, day) {
  const { valid_from: f, valid_to: t } = e.data;
  return (!f || f <= day) && (!t || day <= t);
}

function filterEdges(edges, q) {
  const asOf = q.get('as_of');
  const types = q.get('types') ? new Set(q.get('types').split(',')) : null;
  return edges.filter((e) => (!asOf || validOn(e, asOf)) && (!types || types.has(e.data.type)));
}

function problem(res, status, title, detail) {
  res.writeHead(status, { 'Content-Type': 'application/problem+json' });
  res.end(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

function json(res, body) {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const actorOf = (n) => {
  const { label, ...a } = n.data;
  return a;
};

function cyDoc(nodes, edges) {
  return { elements: { nodes, edges } };
}

// Simple paths from `from` to `to`, shortest first, edges usable both ways.
function paths(g, from, to, edges, k, maxHops) {
  const adj = new Map(g.nodes.map((n) => [n.data.id, []]));
  for (const e of edges) {
    adj.get(e.data.source)?.push({ e, next: e.data.target });
    adj.get(e.data.target)?.push({ e, next: e.data.source });
  }
  const found = [];
  for (let hops = 1; hops <= maxHops && found.length < k; hops++) {
    const walk = (at, actors, rels) => {
      if (rels.length === hops) {
        if (at === to) found.push({ actors: [...actors], rels: [...rels] });
        return;
      }
      for (const { e, next } of adj.get(at) ?? []) {
        if (actors.includes(next)) continue;
        actors.push(next); rels.push(e);
        walk(next, actors, rels);
        actors.pop(); rels.pop();
      }
    };
    walk(from, [from], []);
  }
  const cmp = (a, b) => a.rels.length - b.rels.length
    || a.actors.join('\u0000').localeCompare(b.actors.join('\u0000'))
    || a.rels.map((r) => r.data.relationship_id).join('\u0000').localeCompare(b.rels.map((r) => r.data.relationship_id).join('\u0000'));
  const name = (id) => g.nodes.find((n) => n.data.id === id).data.name;
  return found.sort(cmp).slice(0, k).map(({ actors, rels }) => {
    let explanation = name(actors[0]);
    let sign = 1;
    rels.forEach((r, i) => {
      const d = r.data;
      sign *= d.sign;
      if (d.symmetric) explanation += ` —${d.type}— `;
      else if (d.source === actors[i]) explanation += ` —${d.type}→ `;
      else explanation += ` ←${d.type}— `;
      explanation += name(actors[i + 1]);
    });
    return {
      hops: rels.length, cost: rels.length, sign, actors, names: actors.map(name),
      relationships: rels.map((r) => {
        const { relationship_id: id, source, target, type, weight, confidence, valid_from, valid_to } = r.data;
        return { id, source, target, type, weight, confidence, valid_from, valid_to, sources: [] };
      }),
      explanation,
    };
  });
}

function pagerank(g, edges) {
  const ids = g.nodes.map((n) => n.data.id);
  const out = new Map(ids.map((id) => [id, []]));
  for (const e of edges) {
    out.get(e.data.source).push(e.data.target);
    if (e.data.symmetric) out.get(e.data.target).push(e.data.source);
  }
  const n = ids.length;
  let pr = new Map(ids.map((id) => [id, 1 / n]));
  for (let it = 0; it < 100; it++) {
    const next = new Map(ids.map((id) => [id, 0]));
    let dangling = 0;
    for (const id of ids) {
      const o = out.get(id);
      if (!o.length) dangling += pr.get(id);
      else for (const t of o) next.set(t, next.get(t) + (0.85 * pr.get(id)) / o.length);
    }
    for (const id of ids) next.set(id, next.get(id) + (0.15 + 0.85 * dangling) / n);
    pr = next;
  }
  return ids.map((id) => ({ actor: id, score: pr.get(id) }))
    .sort((a, b) => b.score - a.score || a.actor.localeCompare(b.actor))
    .map((r, i) => ({ ...r, rank: i + 1 }));
}

function api(g, req, res, url) {
  const q = url.searchParams;
  const p = url.pathname;
  let m;
  if (p === '/api/v1/graph') {
    if ((q.get('format') ?? 'json') !== 'cytoscape') return problem(res, 400, 'Bad request', 'the fake serves format=cytoscape only');
    return json(res, cyDoc(g.nodes, filterEdges(g.edges, q)));
  }
  if (p === '/api/v1/relationship-types') return json(res, { items: g.types });
  if (p === '/api/v1/actors') {
    const s = (q.get('q') ?? '').toLowerCase();
    const limit = Number(q.get('limit') ?? 50);
    const items = g.nodes.filter((n) => !s || [n.data.id, n.data.name, ...(n.data.aliases ?? [])].some((x) => x.toLowerCase().includes(s)));
    return json(res, { items: items.slice(0, limit).map(actorOf) });
  }
  if ((m = p.match(/^\/api\/v1\/actors\/([^/]+)\/neighborhood$/))) {
    const id = decodeURIComponent(m[1]);
    if (!g.nodes.some((n) => n.data.id === id)) return problem(res, 404, 'Not found', `actor ${id} not found`);
    const edges = filterEdges(g.edges, q).filter((e) => e.data.source === id || e.data.target === id);
    const keep = new Set([id, ...edges.flatMap((e) => [e.data.source, e.data.target])]);
    return json(res, cyDoc(g.nodes.filter((n) => keep.has(n.data.id)), edges));
  }
  if (p === '/api/v1/paths') {
    const from = q.get('from'); const to = q.get('to');
    for (const [k, v] of [['from', from], ['to', to]]) {
      if (!g.nodes.some((n) => n.data.id === v)) return problem(res, 404, 'Not found', `actor ${v} (${k}) not found`);
    }
    const k = q.get('mode') === 'k_shortest' ? Number(q.get('k') ?? 3) : 1;
    return json(res, { paths: paths(g, from, to, filterEdges(g.edges, q), k, Number(q.get('max_hops') ?? 6)) });
  }
  if (p === '/api/v1/influence') {
    const algorithm = q.get('algorithm') ?? 'pagerank';
    const limit = Number(q.get('limit') ?? 10);
    return json(res, { algorithm, results: pagerank(g, filterEdges(g.edges, q)).slice(0, limit) });
  }
  return problem(res, 404, 'Not found', `the fake API has no ${p}`);
}

const HEADERS = JSON.parse(readFileSync(join(webRoot, 'headers.json'), 'utf8')).headers;

async function serveFile(req, res, path) {
  if (path === '/') path = '/index.html';
  const file = normalize(join(webRoot, path));
  const allowed = file === join(webRoot, 'index.html') || file.startsWith(join(webRoot, 'static') + sep);
  if (!allowed) return problem(res, 404, 'Not found', path);
  try {
    const body = await readFile(file);
    res.writeHead(200, { ...HEADERS, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    problem(res, 404, 'Not found', path);
  }
}

// With an upstream (a live detente server), API requests go there first and
// the fake answers only the routes the server does not have yet (its 404 of
// type route-not-found): the page then meets the real API wherever it exists.
async function viaUpstream(upstream, url, res) {
  const r = await fetch(new URL(url.pathname + url.search, upstream), { headers: { Accept: 'application/json' } });
  const body = Buffer.from(await r.arrayBuffer());
  if (r.status === 404 && body.toString().includes('route-not-found')) return false;
  res.writeHead(r.status, { 'Content-Type': r.headers.get('content-type') ?? 'application/octet-stream' });
  res.end(body);
  return true;
}

/**
 * Starts the fake on 127.0.0.1 (port 0: any free one); resolves to
 * {url, requests, close}. requests lists each request's path, marked
 * "upstream " when a live server answered it.
 */
export function startFakeAPI({ port = 0, graph = loadScenario(), upstream = null } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const path = url.pathname + url.search;
    if (req.method !== 'GET' && req.method !== 'HEAD') return problem(res, 405, 'Method not allowed', req.method);
    if (url.pathname.startsWith('/api/')) {
      if (upstream) {
        try {
          if (await viaUpstream(upstream, url, res)) return void requests.push(`upstream ${path}`);
        } catch (err) {
          return problem(res, 502, 'Upstream unreachable', String(err));
        }
      }
      requests.push(path);
      return api(graph, req, res, url);
    }
    requests.push(path);
    return serveFile(req, res, url.pathname);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      resolve({
        url: `http://127.0.0.1:${p}/`,
        requests,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const fake = await startFakeAPI({ port: Number(process.argv[2] ?? 0), upstream: process.env.DETENTE_UPSTREAM || null });
  console.log(`fake detente API serving the explorer at ${fake.url} (Ctrl-C stops it)`);
}
