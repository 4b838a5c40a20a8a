// The toolbar over the graph: size the actors by a measure, zoom, export.
//
// Size by: GET api/v1/influence?algorithm=A&limit=1000, or for the sway or
// pressure of one actor GET api/v1/actors/{id}/influence (with the day, the
// scenario and the filters' types shown), asked again only when one of
// those changes; each actor's area grows with its score between the
// lowest and the highest shown (actors the measure leaves out, having no
// selected tie, are drawn smallest). Export: the view as a PNG
// (Cytoscape.js' cy.png) or as SVG (svgDocument), the view as JSON (the Cytoscape.js elements
// shown, with positions, and the date, scenario and filters they were
// drawn with), and the graph in the API's formats (a link to GET
// api/v1/graph?format=F with the same date, scenario and filters).

import { $, el, state, fitTo, resolveActor, nodeName } from './app.js';
import { KINDS, svgEl, nodeShape } from './graphstyle.js';
import { placeLabels } from './labels.js';

const MIN = 14;
const MAX = 60;
const UNRANKED = 10;
const LABELS = { pagerank: 'PageRank', pn: 'PN', betweenness: 'betweenness', sway: 'sway', pressure: 'pressure' };
// Sway and pressure are one actor's on each other (the actor named in
// size-actor, or the one selected): GET api/v1/actors/{id}/influence.
const OF_ACTOR = new Set(['sway', 'pressure']);

let sized = { key: null, scores: null };
let sizeSeq = 0;

async function sizeBy(app) {
  const cy = state.cy;
  const algorithm = $('size-by').value;
  if (!algorithm) {
    $('size-actor').hidden = true;
    cy.batch(() => cy.nodes().removeData('size'));
    placeLabels();
    $('size-legend').textContent = '';
    delete $('size-by').dataset.applied;
    return;
  }
  const types = app.filters.types();
  const mine = ++sizeSeq;
  $('size-actor').hidden = !OF_ACTOR.has(algorithm);
  let of = null; // {id, name}: whose sway or pressure
  if (OF_ACTOR.has(algorithm)) {
    const picked = cy.nodes(':selected');
    if (!$('size-actor').value.trim() && picked.length === 1) $('size-actor').value = picked.data('label') ?? picked.id();
    if (!$('size-actor').value.trim()) { $('size-legend').textContent = 'name an actor, or select one'; delete $('size-by').dataset.applied; return; }
    of = await resolveActor($('size-actor').value);
    if (mine !== sizeSeq) return;
    if (of.error) { $('size-legend').textContent = of.error; delete $('size-by').dataset.applied; return; }
  }
  const key = JSON.stringify([algorithm, of?.id, state.asOf, state.scenario?.id, types]);
  if (sized.key !== key) {
    $('size-legend').textContent = 'loading…';
    try {
      let results;
      let asOf;
      if (of) {
        const res = await app.api.actorInfluence(of.id, { asOf: state.asOf, types, scenario: state.scenario?.id });
        results = (algorithm === 'sway' ? res.sways : res.pressures) ?? [];
        asOf = res.as_of;
      } else {
        const res = await app.api.influence(algorithm, state.asOf, 1000, { types, scenario: state.scenario?.id });
        results = res.results ?? [];
        asOf = res.as_of;
      }
      if (mine !== sizeSeq) return;
      sized = { key, scores: new Map(results.map((r) => [typeof r.actor === 'object' ? r.actor.id : r.actor, r.score])), asOf, of };
    } catch (err) {
      if (mine === sizeSeq) $('size-legend').textContent = `unavailable: ${err.message}`;
      return;
    }
  }
  const { scores } = sized;
  const shown = cy.nodes().filter((n) => scores.has(n.id())).map((n) => scores.get(n.id()));
  const lo = Math.min(...shown);
  const hi = Math.max(...shown);
  cy.batch(() => cy.nodes().forEach((n) => {
    const s = scores.get(n.id());
    // By area: the diameter grows with the square root of the share.
    n.data('size', s === undefined ? UNRANKED : hi > lo ? MIN + (MAX - MIN) * Math.sqrt((s - lo) / (hi - lo)) : (MIN + MAX) / 2);
  }));
  const what = sized.of ? `${LABELS[algorithm]} of ${nodeName(sized.of.id)}` : LABELS[algorithm];
  $('size-legend').textContent = shown.length
    ? `${what} ${lo.toPrecision(2)} (small) to ${hi.toPrecision(2)} (large)${sized.asOf ? ` as of ${sized.asOf}` : ''}`
    : `no actor has a ${what} score here`;
  placeLabels(); // the actors' sizes moved their names
  $('size-by').dataset.applied = algorithm;
}

function visible() {
  return state.cy.elements().filter((e) => !e.hasClass('filtered') && !e.id().startsWith('whatif:')
    && (e.isNode() || (!e.source().hasClass('filtered') && !e.target().hasClass('filtered'))));
}

function download(blob, name) {
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 30_000);
}

function fileStem() {
  return ['detente', state.scenario?.id, state.asOf].filter(Boolean).join('-');
}

function viewInfo(app) {
  return {
    as_of: state.asOf ?? 'all',
    scenario: state.scenario?.id ?? null,
    filters: { types: app.filters.types(), min_confidence: app.filters.minConfidence(), hidden_actors: app.filters.hiddenActors() },
    size_by: $('size-by').value || null,
  };
}

async function exportImage() {
  const blob = await state.cy.png({ output: 'blob-promise', bg: '#ffffff', full: false, scale: 2 });
  download(blob, `${fileStem()}.png`);
}

// exportSVG writes the view as SVG with a serializer of our own, not the
// cytoscape-svg extension: that one bundles canvas2svg and draws through a
// fake canvas context (about 60 kB more to vendor and review, for a format
// whose every element we already know: an actor is its shape, colour and
// name, a tie its curve, colour, width and arrow). Cytoscape.js gives the
// geometry it drew: node positions and sizes, edge endpoints and bezier
// control points. The framing is the screen's (viewBox = cy.extent()); one
// <g data-node> per actor shown and one <g data-edge> per tie shown.
function svgDocument() {
  const cy = state.cy;
  const eles = visible();
  const ext = cy.extent();
  const num = (v) => +Number(v).toFixed(2);
  const svg = svgEl('svg', { xmlns: 'http://www.w3.org/2000/svg', width: cy.width(), height: cy.height(),
    viewBox: [ext.x1, ext.y1, ext.w, ext.h].map(num).join(' '), 'font-family': 'Helvetica, Arial, sans-serif' });
  svg.append(svgEl('title', {}));
  svg.firstChild.textContent = ['detente', state.scenario ? `scenario ${state.scenario.name}` : null, state.asOf ? `as of ${state.asOf}` : null].filter(Boolean).join(', ');
  svg.append(svgEl('rect', { x: num(ext.x1), y: num(ext.y1), width: num(ext.w), height: num(ext.h), fill: '#ffffff' }));
  const edges = svgEl('g', { class: 'edges', fill: 'none' });
  eles.edges().forEach((e) => {
    const s = e.sourceEndpoint();
    const t = e.targetEndpoint();
    const cps = (e.style('curve-style') === 'bezier' && e.controlPoints()) || [];
    let d = `M${num(s.x)},${num(s.y)}`;
    cps.forEach((c, i) => {
      const end = i === cps.length - 1 ? t : { x: (c.x + cps[i + 1].x) / 2, y: (c.y + cps[i + 1].y) / 2 };
      d += ` Q${num(c.x)},${num(c.y)} ${num(end.x)},${num(end.y)}`;
    });
    if (!cps.length) d += ` L${num(t.x)},${num(t.y)}`;
    const color = e.style('line-color');
    const width = parseFloat(e.style('width')) || 1;
    const g = svgEl('g', { 'data-edge': e.id(), opacity: num(e.style('opacity')) });
    g.append(svgEl('path', { d, stroke: color, 'stroke-width': num(width), 'stroke-dasharray': e.style('line-style') === 'dashed' ? '6 3' : null }));
    if (e.style('target-arrow-shape') !== 'none') {
      const from = cps.length ? cps[cps.length - 1] : s;
      const len = Math.hypot(t.x - from.x, t.y - from.y) || 1;
      const [ux, uy] = [(t.x - from.x) / len, (t.y - from.y) / len];
      const size = (6 + 2 * width) * (parseFloat(e.style('arrow-scale')) || 1);
      const [bx, by] = [t.x - ux * size, t.y - uy * size];
      const pts = [[t.x, t.y], [bx - (uy * size) / 2, by + (ux * size) / 2], [bx + (uy * size) / 2, by - (ux * size) / 2]];
      g.append(svgEl('polygon', { points: pts.map(([x, y]) => `${num(x)},${num(y)}`).join(' '), fill: e.style('target-arrow-color') }));
    }
    edges.append(g);
  });
  const nodes = svgEl('g', { class: 'nodes' });
  eles.nodes().forEach((n) => {
    const { x, y } = n.position();
    const w = n.width();
    const h = n.height();
    const g = svgEl('g', { 'data-node': n.id(), opacity: num(n.style('opacity')) });
    g.append(nodeShape(n.style('shape'), x, y, w, h, { fill: n.style('background-color'),
      stroke: n.style('border-color'), 'stroke-width': num(parseFloat(n.style('border-width')) || 0) }));
    const label = n.style('label');
    if (label) {
      const fs = parseFloat(n.style('font-size')) || 10;
      const pos = n.hasClass('label-top') ? { x, y: y - h / 2 - 4, anchor: 'middle' }
        : n.hasClass('label-right') ? { x: x + w / 2 + 4, y: y + fs / 3, anchor: 'start' }
          : n.hasClass('label-left') ? { x: x - w / 2 - 4, y: y + fs / 3, anchor: 'end' }
            : { x, y: y + h / 2 + 3 + fs, anchor: 'middle' };
      const text = svgEl('text', { x: num(pos.x), y: num(pos.y), 'text-anchor': pos.anchor, 'font-size': fs, fill: n.style('color'),
        stroke: '#ffffff', 'stroke-width': 2, 'paint-order': 'stroke' });
      text.textContent = label; // data: text, never markup
      g.append(text);
    }
    nodes.append(g);
  });
  svg.append(edges, nodes);
  return new XMLSerializer().serializeToString(svg);
}

function exportSVG() {
  download(new Blob([svgDocument()], { type: 'image/svg+xml' }), `${fileStem()}.svg`);
}

function exportJSON(app) {
  const eles = visible();
  const strip = ({ expanded, ...data }) => data;
  const doc = {
    generator: 'detente explorer',
    view: viewInfo(app),
    elements: {
      nodes: eles.nodes().map((n) => ({ data: strip(n.data()), position: { ...n.position() }, classes: n.classes().filter((c) => c !== 'highlighted' && c !== 'faded').join(' ') })),
      edges: eles.edges().map((e) => ({ data: strip(e.data()), classes: e.classes().filter((c) => c !== 'highlighted' && c !== 'faded').join(' ') })),
    },
  };
  download(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }), `${fileStem()}.json`);
}

const EXT = { cytoscape: 'json', graphology: 'json', d3: 'json', json: 'json', graphml: 'graphml', gexf: 'gexf' };

// The API link follows the view: its date, scenario, types and kinds.
function apiLink(app) {
  const format = $('export-format').value;
  const url = new URL('api/v1/graph', document.baseURI);
  url.searchParams.set('format', format);
  if (state.asOf) url.searchParams.set('as_of', state.asOf);
  if (state.scenario) url.searchParams.set('scenario', state.scenario.id);
  const types = app.filters.types();
  if (types?.length) url.searchParams.set('types', types.join(','));
  const kinds = [...document.querySelectorAll('#filter-kinds input:checked')].map((i) => i.value);
  if (kinds.length && kinds.length < Object.keys(KINDS).length) url.searchParams.set('kind', kinds.join(','));
  $('export-api').href = url.href; // on the page's origin, as every URL of the page
  $('export-api').download = `${fileStem()}-${format}.${EXT[format]}`;
}

export function setup(app) {
  const cy = state.cy;
  $('size-by').addEventListener('change', () => sizeBy(app));
  $('size-actor').addEventListener('change', () => sizeBy(app));
  app.hooks.graphLoaded.push(() => { if ($('size-by').value) sizeBy(app); apiLink(app); });
  app.hooks.filtersChanged.push(() => { if ($('size-by').value) sizeBy(app); apiLink(app); });
  const zoom = (f) => cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  $('zoom-in').addEventListener('click', () => zoom(1.25));
  $('zoom-out').addEventListener('click', () => zoom(0.8));
  $('zoom-fit').addEventListener('click', () => fitTo(visible(), { padding: 30 }));
  $('export-image').addEventListener('click', exportImage);
  $('export-svg').addEventListener('click', exportSVG);
  $('export-json').addEventListener('click', () => exportJSON(app));
  $('export-format').addEventListener('change', () => apiLink(app));
  apiLink(app);
  for (const id of ['size-by', 'zoom-in', 'zoom-out', 'zoom-fit', 'export-image', 'export-svg', 'export-json']) $(id).disabled = false;
}
