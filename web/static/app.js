// detente explorer: the graph (coloured by sign and kind), actor search,
// neighbourhood expansion on click, a path finder by name that highlights
// and explains paths, an influence ranking, and an as-of date slider. It
// talks only to the public API (api.js). Tests drive it through the ids and
// data-testid attributes of index.html and read window.cy.
//
// The analyst's workbench (evidence, what-if, filters, timeline, size-by,
// export: workbench.js and the modules it imports) is loaded after the
// first graph is on screen, so none of it costs the cold load; it reaches
// the page through the `app` object exported here.
//
// ?graph=URL loads the graph from URL (same origin only) instead of
// api/v1/graph: how the browser test renders a large generated graph.

import { api, resolve, getJSON, APIError } from './api.js';
import { KINDS, SIGN_COLORS, WHATIF_ADDED, FORMED, stylesheet, svgEl, nodeShape } from './graphstyle.js';

export const $ = (id) => document.getElementById(id);
const LARGE = 1500; // nodes: above this the graph is drawn for speed
// Nodes: above this, a graph without the API's positions gets rings, not
// Cytoscape.js' cose, which blocked the page for 7 s at 500 nodes and
// 29 s at 1,000 in the browser test's Chromium (cose is quadratic).
const COSE_MAX = 200;
const EDGE_PREFIX = 'relationship:'; // viz.CytoscapeEdgePrefix

const MAX_HOPS = 6; // the path finder's, said in its messages

export const state = {
  cy: null,
  large: false,
  asOf: null, // YYYY-MM-DD or null for all dates
  months: [], // the slider's stops, as YYYY-MM-01
  types: new Map(), // relationship type name -> {polarity, symmetric}
  override: null, // ?graph= URL
  scenario: null, // {id, name} of the what-if scenario shown, or null for the graph itself
  // Every actor's last drawn position: an actor that leaves the graph (a
  // scenario removes it, a date hides it) comes back where it was, and no
  // reload runs a layout for actors already placed once.
  positions: new Map(),
  loadSeq: 0, // the latest loadGraph: an older one's answer is dropped
  names: new Map(), // lower-cased name, alias or id -> actor id, from every actor seen
};

window.detente = { timings: {}, renders: 0 };

/**
 * What the workbench modules (loaded after the first paint) use of the
 * page, and the hooks by which they join in: they set the on* handlers,
 * replace filters with the filter panel's, and add to hooks.graphLoaded
 * (called after every reload or merge of the graph).
 */
export const app = {
  state,
  api,
  onNodeTap: null, // (node) => void
  onEdgeTap: null, // (edge) => void
  onBackgroundTap: null,
  filters: {
    types: () => null, // the relationship types the analyses may use; null: all
    minConfidence: () => 0,
    hiddenActors: () => [], // ids of actors the filters hide
    active: () => false,
  },
  hooks: { graphLoaded: [], filtersChanged: [] },
  loadGraph: () => loadGraph(),
  fitTo: (eles, opts) => fitTo(eles, opts),
  loadInfluence: () => loadInfluence(),
  setAsOf: (d) => setAsOf(d),
  refreshAnalyses: () => refreshAnalyses(),
  highlight: (paths) => highlight(paths),
};

// ---------- small helpers ----------

export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k in e) e[k] = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

export function status(msg, { error = false } = {}) {
  const s = $('status');
  s.textContent = msg;
  s.classList.toggle('error', error);
}

export function message(id, msg, { error = false } = {}) {
  const m = $(id);
  m.textContent = msg;
  m.classList.toggle('error', error);
}

const nextFrames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

export function nodeName(id) {
  const n = state.cy?.getElementById(id);
  return n && n.nonempty() ? n.data('label') : id;
}

function edgesByRelationship() {
  const m = new Map();
  state.cy.edges().forEach((e) => m.set(e.data('relationship_id') ?? e.id(), e));
  return m;
}

export function polarityClass(sign) {
  return sign > 0 ? 'positive' : sign < 0 ? 'negative' : 'structural';
}

export const signSymbol = (sign) => (sign > 0 ? '+' : sign < 0 ? '−' : '0');

// remember indexes an actor's id, name and aliases for the path finder.
function remember(a) {
  if (!a?.id) return;
  for (const k of [a.id, a.name ?? a.label, ...(a.aliases ?? [])]) {
    if (k) state.names.set(String(k).toLowerCase(), a.id);
  }
}

// ---------- the graph ----------

function elementsOf(doc) {
  const els = doc?.elements ?? doc;
  if (Array.isArray(els)) return els;
  if (els && Array.isArray(els.nodes)) {
    return [...els.nodes.map((n) => ({ group: 'nodes', ...n })), ...(els.edges ?? []).map((e) => ({ group: 'edges', ...e }))];
  }
  throw new Error('the graph response has no Cytoscape.js elements');
}

// ringPositions gives the nodes of a big graph positions before they are
// added: concentric rings by degree, hubs in the middle. Cytoscape.js'
// concentric layout draws the same picture but asks every node for its
// rendered size first, which costs seconds at 5,000 nodes.
function ringPositions(elements, keep) {
  const degree = new Map();
  for (const e of elements) {
    if (e.group !== 'edges') continue;
    for (const end of [e.data.source, e.data.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  }
  const nodes = elements.filter((e) => e.group === 'nodes' && !keep.has(e.data.id));
  nodes.sort((a, b) => (degree.get(b.data.id) ?? 0) - (degree.get(a.data.id) ?? 0) || (a.data.id < b.data.id ? -1 : 1));
  const spacing = 30;
  for (let ring = 0, i = 0; i < nodes.length; ring++) {
    const r = ring * spacing * 1.5;
    const fits = ring === 0 ? 1 : Math.floor((2 * Math.PI * r) / spacing);
    for (let k = 0; k < fits && i < nodes.length; k++, i++) {
      const a = (2 * Math.PI * k) / fits + ring;
      nodes[i].position = { x: r * Math.cos(a), y: r * Math.sin(a) };
    }
  }
}

function centresBox(nodes) {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  nodes.forEach((n) => {
    const { x, y } = n.position();
    x1 = Math.min(x1, x); y1 = Math.min(y1, y); x2 = Math.max(x2, x); y2 = Math.max(y2, y);
  });
  if (x1 === Infinity) return { x1: 0, y1: 0, w: 0, h: 0 };
  return { x1: x1 - 15, y1: y1 - 15, w: x2 - x1 + 30, h: y2 - y1 + 30 };
}

function layoutOptions() {
  return {
    // fit: false, as fitTo follows the layout (the layout's own fit would
    // measure every node and label a second time).
    name: 'cose', animate: false, randomize: false, fit: false, nodeDimensionsIncludeLabels: true,
    nodeRepulsion: () => 60000, idealEdgeLength: () => 140, edgeElasticity: () => 100, gravity: 0.6, numIter: 1500,
  };
}

// fitTo shows eles whole, but never closer than maxZoom: a fit to two
// nodes would otherwise fill the screen with them.
export function fitTo(eles, { padding = 40, maxZoom = 1.3, animate = false } = {}) {
  const cy = state.cy;
  // On a big graph the box of the node centres is close enough and needs
  // no style: eles.boundingBox() would compute every node's first.
  const bb = state.large ? centresBox(eles.nodes()) : eles.boundingBox();
  const z = Math.min(maxZoom, (cy.width() - 2 * padding) / Math.max(bb.w, 1), (cy.height() - 2 * padding) / Math.max(bb.h, 1));
  const viewport = { zoom: z, pan: { x: cy.width() / 2 - z * (bb.x1 + bb.w / 2), y: cy.height() / 2 - z * (bb.y1 + bb.h / 2) } };
  if (animate) cy.animate(viewport, { duration: 300 });
  else cy.viewport(viewport);
}

// circlePositions places the nodes of a small graph on a circle in the
// order the API lists them, before they are added: the deterministic start
// of the force-directed layout (so the same graph is drawn the same way),
// without a layout pass of its own.
function circlePositions(elements) {
  const nodes = elements.filter((e) => e.group === 'nodes');
  const r = Math.max(100, (nodes.length * 40) / (2 * Math.PI));
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    n.position = { x: r * Math.cos(a), y: r * Math.sin(a) };
  });
}

// placeBeside puts actors new to a drawn graph next to a neighbour already
// placed (or the middle of the view), a little apart from each other.
function placeBeside(nodes) {
  const cy = state.cy;
  nodes.forEach((n, i) => {
    const anchor = n.neighborhood('node').filter((m) => !nodes.has(m))[0];
    const c = anchor ? anchor.position() : { x: (cy.width() / 2 - cy.pan().x) / cy.zoom(), y: (cy.height() / 2 - cy.pan().y) / cy.zoom() };
    const a = 2.4 * i + 0.5;
    n.position({ x: c.x + 70 * Math.cos(a), y: c.y + 70 * Math.sin(a) });
  });
}

async function runLayout(eles) {
  const layout = eles.layout(layoutOptions());
  const done = layout.promiseOn('layoutstop');
  layout.run();
  await done;
  fitTo(state.cy.elements(), { padding: 30 });
}

function createCy(elements) {
  const n = elements.filter((e) => e.group === 'nodes').length;
  state.large = n > LARGE;
  const cy = cytoscape({
    container: $('cy'),
    style: stylesheet({ large: state.large }),
    minZoom: 0.02,
    maxZoom: 5,
    // Big graphs already draw straight edges without labels or arrows
    // (graphstyle.js). Cytoscape.js' other advice, hiding edges and labels
    // while the viewport moves, made things worse on top of that: the
    // browser test's wheel zoom on 5,000 actors took a median 171 ms to its
    // next frame with it and 31 ms without (the hidden-edge frame skips the
    // layer caches a plain redraw reuses); textureOnViewport made short
    // gestures slower too.
    pixelRatio: state.large ? 1 : 'auto',
  });
  cy.on('tap', 'node', (ev) => onNodeTap(ev.target));
  cy.on('tap', 'edge', (ev) => app.onEdgeTap?.(ev.target));
  cy.on('tap', (ev) => { if (ev.target === cy) { showDetails(null); app.onBackgroundTap?.(); } });
  state.cy = cy;
  window.cy = cy;
  window.detente.cy = cy;
  return cy;
}

function viewName() {
  const parts = [];
  if (state.scenario) parts.push(`in scenario “${state.scenario.name}”`);
  if (state.asOf) parts.push(`as of ${state.asOf}`);
  return parts.length ? ` ${parts.join(' ')}` : '';
}

/**
 * loadGraph (re)draws the graph for the date and scenario in state. When
 * several overlap (a timeline playing, a scenario opened meanwhile) only
 * the latest is drawn: the others resolve to null.
 */
export async function loadGraph() {
  const seq = ++state.loadSeq;
  document.body.dataset.graphState = 'loading';
  status(`Loading the graph${viewName()}…`);
  const t0 = performance.now();
  let doc;
  try {
    // Only the first load asks for the API's layout: later ones (the as-of
    // slider, a scenario) keep every actor where it is already drawn.
    doc = state.override ? await getJSON(state.override.href)
      : await api.graph(state.asOf, { layout: !state.cy, scenario: state.scenario?.id });
  } catch (err) {
    if (seq !== state.loadSeq) return null;
    document.body.dataset.graphState = 'error';
    status(`Could not load the graph: ${err.message}`, { error: true });
    throw err;
  }
  if (seq !== state.loadSeq) return null;
  const fetched = performance.now();
  const elements = elementsOf(doc);
  let cy = state.cy;
  if (cy) cy.nodes().forEach((n) => { state.positions.set(n.id(), { ...n.position() }); });
  const old = state.positions;
  if (!cy) cy = createCy(elements);
  // The API laid the graph out (layout=force) unless it was over the
  // API's limit or came from ?graph=.
  const placed = elements.every((e) => e.group !== 'nodes' || e.position);
  const rings = !placed && (state.large || elements.filter((e) => e.group === 'nodes').length > COSE_MAX);
  if (rings) ringPositions(elements, old);
  else if (!placed && old.size === 0) circlePositions(elements);
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
  });
  const added = performance.now();
  const fresh = cy.nodes().filter((n) => !old.has(n.id()));
  if (old.size) cy.nodes().forEach((n) => { if (old.has(n.id())) n.position(old.get(n.id())); });
  // maxZoom 2: the scenario fills the canvas (at 1.3 it used 60% of it).
  if (fresh.nonempty() && (rings || placed)) fitTo(cy.elements(), { padding: state.large ? 20 : 30, maxZoom: 2 })
  if (!old.size) state.firstView = JSON.stringify([cy.zoom(), cy.pan()]); // the workbench refits once labels are placed, if untouched
  else if (fresh.nonempty() && old.size) placeBeside(fresh); // an actor a scenario adds: no layout of the rest
  else if (fresh.nonempty()) await runLayout(cy.elements());
  if (fresh.nonempty() && !old.size) window.detente.placement = placed ? 'api' : rings ? 'rings' : 'cose'; // for the tests
  const laidOut = performance.now();
  await nextFrames();
  const rendered = performance.now();

  const w = window.detente;
  w.renders += 1;
  Object.assign(w.timings, {
    lastFetchMs: fetched - t0, // request and JSON parse
    lastAddMs: added - fetched, // elements into Cytoscape.js
    lastLayoutMs: laidOut - added,
    lastPaintMs: rendered - laidOut, // styles, then the first two frames
    lastRenderMs: rendered - fetched,
  });
  if (w.renders === 1) {
    performance.mark('graph-rendered');
    w.timings.graphRendered = rendered; // ms since navigation start
  }
  document.body.dataset.graphState = 'ready';
  status(`${cy.nodes().length} actors, ${cy.edges().length} relationships${viewName()}.`);
  fillActorList();
  for (const f of app.hooks.graphLoaded) f();
  return cy;
}

// fillActorList offers the drawn actors' names to the name fields (path
// finder, what-if) before anything is typed; typing asks the API (suggest).
function fillActorList() {
  if (state.large) return; // 5,000 options help nobody
  const nodes = state.cy.nodes();
  nodes.forEach((n) => remember({ id: n.id(), name: n.data('label'), aliases: n.data('aliases') }));
  $('actor-names').replaceChildren(...nodes.map((n) => el('option', { value: n.data('label') ?? n.id() })));
}

// Adds a Cytoscape.js document's elements that are not on the graph yet,
// placing new nodes on a circle around `around`; returns what was added.
function merge(elements, around) {
  const cy = state.cy;
  const add = elements.filter((e) => cy.getElementById(e.data.id).empty());
  if (!add.length) return cy.collection();
  const added = cy.add(add);
  const fresh = added.nodes();
  const c = around?.nonempty?.() ? around.position() : { x: cy.width() / 2, y: cy.height() / 2 };
  const r = 80 + 8 * fresh.length;
  fresh.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(fresh.length, 1);
    n.position({ x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a) });
  });
  return added;
}

async function onNodeTap(node) {
  showDetails(node);
  app.onNodeTap?.(node);
  if (node.data('expanded')) return;
  status(`Expanding ${node.data('label')}…`);
  try {
    const doc = await api.neighborhood(node.id(), state.asOf, { scenario: state.scenario?.id, types: app.filters.types() });
    const added = merge(elementsOf(doc), node);
    node.data('expanded', true);
    const name = node.data('label');
    const ties = node.connectedEdges().length;
    status(added.nonempty()
      ? `${name}: ${added.nodes().length} actors and ${added.edges().length} relationships added.`
      : `${name}: all ${ties} of its ties${viewName()} are already on the graph.`);
    if (added.nonempty()) { fillActorList(); app.hooks.graphLoaded.forEach((f) => f()); }
  } catch (err) {
    status(`Could not expand ${node.data('label')}: ${err.message}`, { error: true });
  }
}

export function focusNode(id) {
  const n = state.cy.getElementById(id);
  if (n.empty()) return false;
  state.cy.elements().unselect();
  n.select();
  state.cy.animate({ center: { eles: n }, zoom: Math.min(Math.max(state.cy.zoom(), 1), 1.5) }, { duration: 300 });
  showDetails(n);
  app.onNodeTap?.(n);
  return true;
}

export function showDetails(node) {
  const box = $('details');
  if (!node) { box.hidden = true; box.replaceChildren(); return; }
  const d = node.data();
  const row = (k, v) => (v && (!Array.isArray(v) || v.length) ? [el('dt', { textContent: k }), el('dd', { textContent: Array.isArray(v) ? v.join(', ') : v })] : []);
  box.replaceChildren(...[
    el('h3', { textContent: d.label }),
    el('dl', {},
      ...row('id', d.id), ...row('kind', (KINDS[d.kind]?.label) ?? d.kind), ...row('country', d.country_code),
      ...row('region', d.region), ...row('tags', d.tags), ...row('aliases', d.aliases),
      ...row('ties', String(node.degree(false)))),
    d.description ? el('p', { textContent: d.description }) : null,
    el('div', {},
      el('button', { type: 'button', textContent: 'Path from here', dataset: { testid: 'details-from' }, onclick: () => { $('path-from').value = d.label ?? d.id; } }),
      ' ',
      el('button', { type: 'button', textContent: 'Path to here', dataset: { testid: 'details-to' }, onclick: () => { $('path-to').value = d.label ?? d.id; } })),
  ].filter(Boolean));
  box.hidden = false;
}

// ---------- search ----------

async function onSearch(ev) {
  ev.preventDefault();
  const q = $('search-input').value.trim();
  const list = $('search-results');
  if (!q) { list.replaceChildren(); return; }
  try {
    const res = await api.actors(q);
    const items = res.items ?? [];
    items.forEach(remember);
    list.replaceChildren(...items.map((a) => el('li', { dataset: { actor: a.id } },
      el('button', { type: 'button', className: 'link', textContent: a.name, onclick: () => showActor(a.id) }),
      ' ', el('span', { className: 'small', textContent: `${a.kind} · ${a.id}` }), ' ',
      el('button', { type: 'button', textContent: 'from', title: 'Use as the path start', onclick: () => { $('path-from').value = a.name; } }),
      el('button', { type: 'button', textContent: 'to', title: 'Use as the path end', onclick: () => { $('path-to').value = a.name; } }))));
    if (!items.length) list.replaceChildren(el('li', { className: 'small', textContent: `No actor matches “${q}”.` }));
  } catch (err) {
    list.replaceChildren(el('li', { className: 'small', textContent: `Search failed: ${err.message}` }));
  }
}

export async function showActor(id) {
  if (focusNode(id)) return;
  // not drawn yet (e.g. filtered out): bring in its neighbourhood
  try {
    const doc = await api.neighborhood(id, state.asOf, { scenario: state.scenario?.id });
    merge(elementsOf(doc));
    fillActorList();
    focusNode(id);
  } catch (err) {
    status(`Could not show ${id}: ${err.message}`, { error: true });
  }
}

// ---------- paths ----------

export function clearHighlight() {
  state.cy.elements().removeClass('highlighted faded');
  for (const li of $('path-results').children) li.classList.remove('active');
}

// Makes sure a path's actors and relationships are on the graph (a path may
// run through ties the current view filtered out) and returns them.
function pathElements(p) {
  const cy = state.cy;
  const missing = [];
  p.actors.forEach((id, i) => {
    if (cy.getElementById(id).empty()) missing.push({ group: 'nodes', data: { id, label: p.names?.[i] ?? id } });
  });
  const byRel = edgesByRelationship();
  for (const r of p.relationships) {
    if (byRel.has(r.id)) continue;
    const t = state.types.get(r.type) ?? { polarity: 0, symmetric: false };
    const id = cy.getElementById(r.id).empty() ? r.id : EDGE_PREFIX + r.id;
    missing.push({
      group: 'edges',
      data: { id, source: r.source, target: r.target, relationship_id: r.id, type: r.type, sign: t.polarity, weight: r.weight,
        confidence: r.confidence, valid_from: r.valid_from, valid_to: r.valid_to, symmetric: t.symmetric },
      classes: polarityClass(t.polarity) + (t.symmetric ? ' symmetric' : ''),
    });
  }
  if (missing.length) merge(missing, cy.getElementById(p.actors[0]));
  const rels = edgesByRelationship();
  let eles = cy.collection();
  for (const id of p.actors) eles = eles.union(cy.getElementById(id));
  for (const r of p.relationships) if (rels.has(r.id)) eles = eles.union(rels.get(r.id));
  return eles;
}

function highlight(paths) {
  const cy = state.cy;
  clearHighlight();
  let on = cy.collection();
  for (const p of paths) on = on.union(pathElements(p));
  if (on.empty()) return on;
  cy.batch(() => {
    cy.elements().difference(on).addClass('faded');
    on.addClass('highlighted');
  });
  fitTo(on, { padding: 60, maxZoom: 1.5, animate: true });
  return on;
}

// resolveActor turns what was typed in a name field into an actor id: an
// id, a name or an alias already seen (drawn, searched or suggested), else
// the API's name search (GET api/v1/actors?q=). It returns {id, name} or
// {error} with a sentence for the user.
export async function resolveActor(text) {
  const t = text.trim();
  if (!t) return { error: 'Type an actor’s name.' };
  const known = state.names.get(t.toLowerCase());
  if (known) return { id: known, name: nodeName(known) === known ? t : nodeName(known) };
  let items;
  try {
    items = (await api.actors(t, 10, { scenario: state.scenario?.id })).items ?? [];
  } catch (err) {
    return { error: `Could not look up “${t}”: ${err.message}` };
  }
  items.forEach(remember);
  const lc = t.toLowerCase();
  const exact = items.filter((a) => a.name.toLowerCase() === lc || a.id === lc || (a.aliases ?? []).some((x) => x.toLowerCase() === lc));
  const pick = exact.length === 1 ? exact[0] : items.length === 1 ? items[0] : null;
  if (pick) return { id: pick.id, name: pick.name };
  if (items.length > 1) {
    return { error: `Several actors match “${t}”: ${items.slice(0, 5).map((a) => a.name).join(', ')}${items.length > 5 ? ', …' : ''}. Pick one from the list.` };
  }
  return { error: `No actor named “${t}”${state.scenario ? ` in scenario “${state.scenario.name}”` : ''}.` };
}

// suggest fills a name field's own list from the API's name search as the
// user types (a few characters, a pause), so actors not drawn and aliases
// ("Ansar Allah") are offered too.
function suggest(input, listId) {
  let timer = 0;
  let seq = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2 || state.names.has(q.toLowerCase())) return; // a name or id already known: nothing to suggest
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        const items = (await api.actors(q, 10, { scenario: state.scenario?.id })).items ?? [];
        if (mine !== seq) return;
        items.forEach(remember);
        $(listId).replaceChildren(...items.map((a) => el('option', { value: a.name, label: `${a.kind} · ${a.id}` })));
        input.setAttribute('list', listId);
      } catch { /* the field still takes a name; submitting says what is wrong */ }
    }, 200);
  });
}
export { suggest };

// The query filters in force (filters.js replaces these when it loads).
function pathTypes() {
  const picked = [...$('path-types').selectedOptions].map((o) => o.value);
  const allowed = app.filters.types(); // null: every type
  if (!allowed) return picked;
  if (!picked.length) return allowed;
  return picked.filter((t) => allowed.includes(t));
}

async function onPathSubmit(ev) {
  ev.preventDefault();
  const list = $('path-results');
  list.replaceChildren();
  clearHighlight();
  delete document.body.dataset.pathState;
  const asOf = $('path-as-of').value || undefined;
  message('path-message', 'Looking up the actors…');
  const [a, b] = await Promise.all([resolveActor($('path-from').value), resolveActor($('path-to').value)]);
  const bad = [a, b].filter((x) => x.error);
  if (bad.length) {
    message('path-message', bad.map((x) => x.error).join(' '), { error: true });
    return;
  }
  const types = pathTypes();
  if (app.filters.types() && !types.length) {
    message('path-message', 'No relationship type is selected in the filters.', { error: true });
    return;
  }
  const from = a.id;
  const to = b.id;
  const hidden = app.filters.hiddenActors().filter((id) => id !== from && id !== to);
  message('path-message', `Finding paths from ${a.name} to ${b.name}…`);
  try {
    const res = await api.paths({ from, to, types, asOf, maxHops: MAX_HOPS, minConfidence: app.filters.minConfidence() || undefined,
      exclude: hidden.length <= 200 ? hidden : undefined, scenario: state.scenario?.id });
    const paths = res.paths ?? [];
    if (!paths.length) {
      const when = res.as_of === 'all' ? ' at any date' : res.as_of ? ` as of ${res.as_of}` : '';
      const where = state.scenario ? ` in scenario “${state.scenario.name}”` : '';
      const filtered = types.length || app.filters.active() ? ' with these filters' : '';
      message('path-message', `No path from ${a.name} to ${b.name} within ${MAX_HOPS} hops${when}${where}${filtered}.`);
      return;
    }
    list.replaceChildren(...paths.map((p, i) => {
      const li = el('li', { tabIndex: 0, dataset: { path: String(i), testid: 'path-result' } },
        el('span', { className: 'explanation', textContent: p.explanation }),
        el('span', { className: 'small', textContent: `${p.hops} hop${p.hops === 1 ? '' : 's'} · sign ${signSymbol(p.sign)}` }));
      const pick = () => {
        highlight([p]);
        for (const x of list.children) x.classList.toggle('active', x === li);
      };
      li.addEventListener('click', pick);
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(); } });
      return li;
    }));
    const on = highlight(paths);
    message('path-message', `${paths.length} path${paths.length === 1 ? '' : 's'}${res.as_of ? ` as of ${res.as_of}` : ''}; ${on.edges().length} relationships highlighted. Click one to show it alone.`);
    document.body.dataset.pathState = 'shown';
  } catch (err) {
    if (err instanceof APIError && err.status === 404) {
      message('path-message', `No actor named “${err.message.match(/actor (\S+)/)?.[1] ?? ''}”.`, { error: true });
    } else {
      message('path-message', `No paths: ${err.message}`, { error: true });
    }
  }
}

// ---------- influence ----------

export async function loadInfluence() {
  const algorithm = $('influence-algorithm').value;
  const list = $('influence-results');
  const types = app.filters.types();
  if (types && !types.length) {
    list.replaceChildren(el('li', { className: 'small', textContent: 'No relationship type is selected in the filters.' }));
    return;
  }
  try {
    const res = await api.influence(algorithm, state.asOf, 10, { types, scenario: state.scenario?.id });
    list.replaceChildren(...(res.results ?? []).map((r) => {
      const id = typeof r.actor === 'object' ? r.actor.id : r.actor;
      const name = typeof r.actor === 'object' && r.actor.name ? r.actor.name : nodeName(id);
      return el('li', { value: r.rank, dataset: { actor: id } },
        el('button', { type: 'button', className: 'link', textContent: name, onclick: () => showActor(id) }),
        ' ', el('span', { className: 'small', textContent: Number(r.score).toPrecision(3) }));
    }));
  } catch (err) {
    list.replaceChildren(el('li', { className: 'small', textContent: `Ranking unavailable: ${err.message}` }));
  }
}

// ---------- as-of slider ----------

function setupSlider() {
  const cy = state.cy;
  const now = new Date();
  let first = now.getUTCFullYear() - 10;
  cy.edges().forEach((e) => {
    const y = parseInt(e.data('valid_from') ?? '', 10);
    if (y && y < first) first = y;
  });
  const [lastY, lastM] = [now.getUTCFullYear(), now.getUTCMonth()];
  state.months = [];
  for (let y = first; y <= lastY; y++) {
    for (let m = 0; m < 12 && (y < lastY || m <= lastM); m++) {
      state.months.push(`${y}-${String(m + 1).padStart(2, '0')}-01`);
    }
  }
  const s = $('asof-slider');
  s.max = String(state.months.length - 1);
  s.value = s.max;
  s.setAttribute('aria-valuetext', 'all dates');
}

function sliderDate() { return state.months[Number($('asof-slider').value)]; }

// setAsOf shows the graph as of day d (one of state.months), or of all
// dates for null, as the slider would; resolves once it is drawn.
export async function setAsOf(d) {
  const i = d ? state.months.indexOf(d) : -1;
  if (i >= 0) $('asof-slider').value = String(i);
  $('asof-enabled').checked = i >= 0;
  await applyAsOf();
}

// refreshAnalyses redoes what depends on the filters or the scenario: the
// ranking, and the path list (cleared: its paths may no longer hold).
export function refreshAnalyses() {
  if ($('path-results').children.length) {
    clearHighlight();
    $('path-results').replaceChildren();
    message('path-message', 'The view changed: find the paths again.');
  }
  if (!state.override) loadInfluence();
}

function showAsOf() {
  const on = $('asof-enabled').checked;
  const text = on ? sliderDate() : 'all dates';
  $('asof-label').value = text;
  $('asof-label').textContent = text;
  $('asof-slider').setAttribute('aria-valuetext', text);
}

async function applyAsOf() {
  const asOf = $('asof-enabled').checked ? sliderDate() : null;
  showAsOf();
  if (asOf === state.asOf) return;
  state.asOf = asOf;
  $('path-as-of').value = asOf ?? '';
  $('path-results').replaceChildren();
  message('path-message', '');
  try {
    await loadGraph();
  } catch { /* reported in the status bar */ }
  loadInfluence();
}

// ---------- start ----------

async function loadTypes() {
  try {
    const res = await api.relationshipTypes();
    const types = Array.isArray(res) ? res : res.items ?? [];
    state.types = new Map(types.map((t) => [t.name, t]));
    $('path-types').replaceChildren(...types.map((t) => el('option', { value: t.name, textContent: `${t.name} (${t.polarity > 0 ? '+' : t.polarity < 0 ? '−' : '0'})` })));
  } catch (err) {
    $('path-types').replaceChildren(el('option', { disabled: true, textContent: 'types unavailable' }));
  }
}

// legend draws the legend's symbols from the stylesheet's own values
// (graphstyle.js), so they are the shapes and colours on the canvas; the
// browser test compares them with what Cytoscape.js computed.
function legend() {
  const tie = (key, label, color, dashed = false, extra = {}) => {
    const svg = svgEl('svg', { width: 28, height: 10, viewBox: '0 0 28 10', 'aria-hidden': 'true' });
    svg.append(svgEl('line', { x1: 1, y1: 5, x2: 27, y2: 5, stroke: color, 'stroke-width': extra.width ?? 3, 'stroke-dasharray': dashed ? '5 3' : null, 'data-color': color }));
    return el('li', { dataset: { tie: key } }, svg, label);
  };
  $('legend-ties').replaceChildren(
    tie('positive', 'cooperative', SIGN_COLORS.positive),
    tie('negative', 'conflictual', SIGN_COLORS.negative),
    tie('structural', 'structural', SIGN_COLORS.structural, true),
    tie('whatif-added', 'what-if: added', WHATIF_ADDED, true),
    tie('formed', 'formed (timeline)', FORMED, false, { width: 6 }));
  $('legend-kinds').replaceChildren(...Object.entries(KINDS).map(([kind, k]) => {
    const svg = svgEl('svg', { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': 'true' });
    svg.append(nodeShape(k.shape, 7, 7, 12, 12, { fill: k.color, 'data-color': k.color }));
    return el('li', { dataset: { kind } }, svg, k.label);
  }));
}

async function main() {
  const g = new URLSearchParams(location.search).get('graph');
  if (g) state.override = resolve(g); // throws for another origin
  legend();
  $('search-form').addEventListener('submit', onSearch);
  $('path-form').addEventListener('submit', onPathSubmit);
  $('path-clear').addEventListener('click', () => { clearHighlight(); $('path-results').replaceChildren(); message('path-message', ''); });
  $('influence-algorithm').addEventListener('change', loadInfluence);
  $('asof-slider').addEventListener('input', () => { $('asof-enabled').checked = true; showAsOf(); });
  $('asof-slider').addEventListener('change', applyAsOf);
  $('asof-enabled').addEventListener('change', applyAsOf);

  suggest($('path-from'), 'path-from-names');
  suggest($('path-to'), 'path-to-names');

  const types = loadTypes();
  await loadGraph();
  setupSlider();
  await types;
  if (!state.override) loadInfluence();
  // The workbench after the first paint: its code is not needed to see
  // the graph, and fetching it earlier would delay it.
  const wb = await import('./workbench.js');
  wb.setup(app);
  document.body.dataset.workbench = 'ready';
}

window.detente.ready = main().catch((err) => {
  document.body.dataset.graphState = 'error';
  status(`The explorer failed to start: ${err.message}`, { error: true });
  console.error(err);
});
