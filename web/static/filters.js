// The filter panel: relationship types, polarity, actor kinds and a
// minimum confidence.
//
// On the canvas they hide what they leave out at once, without a request
// (the graph stays loaded whole, so widening a filter costs nothing). The
// analyses the page asks for get them as query parameters: types= (the
// checked types of the checked polarities) on paths, influence, size-by,
// neighbourhood and compare; min_confidence= and exclude= (the actors of
// the unchecked kinds) on paths. The API's graph export link carries
// types= and kind=.

import { $, el, state, polarityClass } from './app.js';
import { KINDS } from './graphstyle.js';

const val = (inputs) => new Set([...inputs].filter((i) => i.checked).map((i) => i.value));

function read() {
  return {
    polarities: val(document.querySelectorAll('input[name="polarity"]')),
    kinds: val($('filter-kinds').querySelectorAll('input')),
    types: val($('filter-types').querySelectorAll('input')),
    minConfidence: Number($('filter-confidence').value),
  };
}

let current = null;

// The relationship types the filters leave: null when that is every type.
function effectiveTypes(f = current) {
  if (!f) return null;
  const all = [...state.types.keys()];
  const keep = all.filter((t) => f.types.has(t) && f.polarities.has(polarityClass(state.types.get(t).polarity)));
  return keep.length === all.length ? null : keep;
}

function hiddenActors() {
  if (!current || current.kinds.size === Object.keys(KINDS).length) return [];
  return state.cy.nodes().filter((n) => !current.kinds.has(n.data('kind') ?? 'other')).map((n) => n.id());
}

function edgeHidden(e, f, types) {
  if (types && !types.has(e.data('type'))) return true;
  const c = e.data('confidence');
  return f.minConfidence > 0 && c != null && c < f.minConfidence;
}

/** applyToCanvas hides what the filters leave out; returns counts. */
export function applyToCanvas() {
  const cy = state.cy;
  const f = current;
  const allKinds = f.kinds.size === Object.keys(KINDS).length;
  const et = effectiveTypes(f);
  const types = et ? new Set(et) : null;
  const active = !allKinds || !!types || f.minConfidence > 0;
  // Nothing filtered (the usual case, and a 5,000-actor graph): no pass
  // over every element.
  if (!active) cy.$('.filtered').removeClass('filtered');
  else {
    cy.batch(() => {
      cy.nodes().forEach((n) => { n.toggleClass('filtered', !allKinds && !f.kinds.has(n.data('kind') ?? 'other')); });
      cy.edges().forEach((e) => { e.toggleClass('filtered', edgeHidden(e, f, types)); });
    });
  }
  const nodes = cy.nodes().not('.filtered');
  const edges = cy.edges().filter((e) => !e.hasClass('filtered') && !e.source().hasClass('filtered') && !e.target().hasClass('filtered'));
  $('filter-summary').textContent = active
    ? `Showing ${nodes.length} of ${cy.nodes().length} actors and ${edges.length} of ${cy.edges().length} ties.`
    : `Showing everything: ${cy.nodes().length} actors, ${cy.edges().length} ties.`;
  $('filters').dataset.active = String(active);
  return { nodes: nodes.length, edges: edges.length };
}

export function setup(app) {
  $('filter-kinds').replaceChildren(...Object.entries(KINDS).map(([kind, k]) => el('label', {},
    el('input', { type: 'checkbox', value: kind, checked: true, dataset: { testid: `filter-kind-${kind}` } }), ` ${k.label}`)));
  $('filter-types').replaceChildren(...[...state.types.values()].map((t) => el('label', { className: `${polarityClass(t.polarity)}-text` },
    el('input', { type: 'checkbox', value: t.name, checked: true, dataset: { testid: `filter-type-${t.name}` } }), ` ${t.name}`)));
  current = read();
  app.filters = {
    types: () => effectiveTypes(),
    minConfidence: () => current.minConfidence,
    hiddenActors,
    active: () => $('filters').dataset.active === 'true',
  };
  const queryKey = () => JSON.stringify([effectiveTypes(), current.minConfidence, [...current.kinds].sort()]);
  let lastKey = queryKey();
  const changed = ({ final = true } = {}) => {
    current = read();
    $('filter-confidence-value').textContent = current.minConfidence.toFixed(2);
    applyToCanvas();
    if (!final) return;
    const key = queryKey();
    if (key === lastKey) return;
    lastKey = key;
    app.refreshAnalyses();
    for (const f of app.hooks.filtersChanged) f();
  };
  $('filters').addEventListener('change', (ev) => { if (ev.target.type === 'checkbox' || ev.target.type === 'range') changed(); });
  $('filter-confidence').addEventListener('input', () => changed({ final: false }));
  $('filter-reset').addEventListener('click', () => {
    for (const i of $('filters').querySelectorAll('input[type="checkbox"]')) i.checked = true;
    $('filter-confidence').value = '0';
    changed();
  });
  $('filter-confidence').disabled = false;
  $('filter-reset').disabled = false;
  app.hooks.graphLoaded.push(applyToCanvas);
  applyToCanvas();
}
