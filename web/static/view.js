// The toolbar over the graph: size the actors by a measure, zoom.
//
// Size by: GET api/v1/influence?algorithm=A&limit=1000 (with the day, the
// scenario and the filters' types shown), asked again only when one of
// those changes; each actor's area grows with its score between the
// lowest and the highest shown (actors the measure leaves out, having no
// selected tie, are drawn smallest).

import { $, state, fitTo } from './app.js';

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
  $('size-by').dataset.applied = algorithm;
}

function visible() {
  return state.cy.elements().filter((e) => !e.hasClass('filtered') && !e.id().startsWith('whatif:')
    && (e.isNode() || (!e.source().hasClass('filtered') && !e.target().hasClass('filtered'))));
}

export function setup(app) {
  const cy = state.cy;
  $('size-by').addEventListener('change', () => sizeBy(app));
  app.hooks.graphLoaded.push(() => { if ($('size-by').value) sizeBy(app); });
  app.hooks.filtersChanged.push(() => { if ($('size-by').value) sizeBy(app); });
  const zoom = (f) => cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  $('zoom-in').addEventListener('click', () => zoom(1.25));
  $('zoom-out').addEventListener('click', () => zoom(0.8));
  $('zoom-fit').addEventListener('click', () => fitTo(visible(), { padding: 30 }));
  for (const id of ['size-by', 'zoom-in', 'zoom-out', 'zoom-fit']) $(id).disabled = false;
}
