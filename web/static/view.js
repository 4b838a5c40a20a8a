// The toolbar over the graph: size the actors by a measure, zoom, export.
//
// Size by: GET api/v1/influence?algorithm=A&limit=1000 (with the day, the
// scenario and the filters' types shown), asked again only when one of
// those changes; each actor's area grows with its score between the
// lowest and the highest shown (actors the measure leaves out, having no
// selected tie, are drawn smallest). Export: the view as a PNG
// (Cytoscape.js' cy.png), the view as JSON (the Cytoscape.js elements
// shown, with positions, and the date, scenario and filters they were
// drawn with), and the graph in the API's formats (a link to GET
// api/v1/graph?format=F with the same date, scenario and filters).

import { $, el, state, fitTo } from './app.js';
import { KINDS } from './graphstyle.js';
import { placeLabels } from './labels.js';

const MIN = 14;
const MAX = 60;
const UNRANKED = 10;
const LABELS = { pagerank: 'PageRank', pn: 'PN', betweenness: 'betweenness' };

let sized = { key: null, scores: null };
let sizeSeq = 0;

async function sizeBy(app) {
  const cy = state.cy;
  const algorithm = $('size-by').value;
  if (!algorithm) {
    cy.batch(() => cy.nodes().removeData('size'));
    placeLabels();
    $('size-legend').textContent = '';
    delete $('size-by').dataset.applied;
    return;
  }
  const types = app.filters.types();
  const key = JSON.stringify([algorithm, state.asOf, state.scenario?.id, types]);
  const mine = ++sizeSeq;
  if (sized.key !== key) {
    $('size-legend').textContent = 'loading…';
    try {
      const res = await app.api.influence(algorithm, state.asOf, 1000, { types, scenario: state.scenario?.id });
      if (mine !== sizeSeq) return;
      sized = { key, scores: new Map((res.results ?? []).map((r) => [typeof r.actor === 'object' ? r.actor.id : r.actor, r.score])), asOf: res.as_of };
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
  $('size-legend').textContent = shown.length
    ? `${LABELS[algorithm]} ${lo.toPrecision(2)} (small) to ${hi.toPrecision(2)} (large)${sized.asOf ? ` as of ${sized.asOf}` : ''}`
    : `no actor has a ${LABELS[algorithm]} score here`;
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
  app.hooks.graphLoaded.push(() => { if ($('size-by').value) sizeBy(app); apiLink(app); });
  app.hooks.filtersChanged.push(() => { if ($('size-by').value) sizeBy(app); apiLink(app); });
  const zoom = (f) => cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  $('zoom-in').addEventListener('click', () => zoom(1.25));
  $('zoom-out').addEventListener('click', () => zoom(0.8));
  $('zoom-fit').addEventListener('click', () => fitTo(visible(), { padding: 30 }));
  $('export-image').addEventListener('click', exportImage);
  $('export-json').addEventListener('click', () => exportJSON(app));
  $('export-format').addEventListener('change', () => apiLink(app));
  apiLink(app);
  for (const id of ['size-by', 'zoom-in', 'zoom-out', 'zoom-fit', 'export-image', 'export-json']) $(id).disabled = false;
}
