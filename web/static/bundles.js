// Parallel ties drawn as one line per polarity: between a pair of actors,
// the cooperative ties share one curve, the conflictual another, the
// structural a third, and the first tie of each (the "head") carries the
// count ("×12") and a width growing with it. The other ties of the group
// stay on the graph, drawn on the same curve with opacity 0: every tie is
// still an element of its own (the filters, the evidence, what-if, the
// timeline, the exports and the path finder see each one; a highlighted,
// newly formed or what-if tie shows through), and none is added or
// removed. A click on any tie of a pair spreads that pair's ties out, one
// curve each, and the evidence panel shows the tie clicked. Recomputed
// after every reload and filter change, among the ties the filters leave;
// a pair once spread stays spread. Not on graphs drawn for speed (large).

import { state, status, nodeName } from './app.js';

// Each polarity's curve is offset from the straight line by one of these
// classes (graphstyle.js: 0, ±13, ±26), in the pair's canonical direction
// (lower id to higher id).
const POLARITIES = ['positive', 'structural', 'negative'];
const OFFSET_CLASSES = ['bo-n2', 'bo-n1', 'bo-0', 'bo-p1', 'bo-p2'];
const ALL = ['bundled', 'bundle-head', ...OFFSET_CLASSES].join(' ');

const expanded = new Set(); // pair keys spread out by a click
const polarity = (e) => (e.data('sign') > 0 ? 'positive' : e.data('sign') < 0 ? 'negative' : 'structural');
const pairKey = (e) => { const [a, b] = [e.source().id(), e.target().id()]; return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`; };

export function bundle() {
  const cy = state.cy;
  if (!cy || state.large) return;
  const pairs = new Map(); // pair -> polarity -> [edges]
  cy.edges().forEach((e) => {
    if (e.hasClass('filtered') || e.source().hasClass('filtered') || e.target().hasClass('filtered') || e.isLoop()) return;
    const k = pairKey(e);
    if (expanded.has(k)) return;
    if (!pairs.has(k)) pairs.set(k, new Map());
    const byPol = pairs.get(k);
    const p = polarity(e);
    if (!byPol.has(p)) byPol.set(p, []);
    byPol.get(p).push(e);
  });
  cy.batch(() => {
    cy.edges().removeClass(ALL).removeData('bundle_count bundle_label');
    for (const byPol of pairs.values()) {
      const groups = POLARITIES.filter((p) => byPol.has(p));
      const total = groups.reduce((n, p) => n + byPol.get(p).length, 0);
      if (total < 2) continue; // a lone tie keeps its own straight line
      groups.forEach((p, i) => {
        // 1 group: straight; 2: either side; 3: both sides and the middle.
        const slot = groups.length === 1 ? 0 : groups.length === 2 ? (i === 0 ? -1 : 1) : i - 1;
        const members = byPol.get(p);
        for (const e of members) {
          const forward = e.source().id() < e.target().id();
          // Cytoscape.js measures the offset from the edge's own direction.
          const s = forward ? slot : -slot;
          e.addClass(s === 0 ? 'bo-0' : s < 0 ? (groups.length === 3 ? 'bo-n2' : 'bo-n1') : (groups.length === 3 ? 'bo-p2' : 'bo-p1'));
        }
        if (members.length < 2) return;
        const [head, ...rest] = members;
        head.addClass('bundle-head').data({ bundle_count: members.length, bundle_label: `×${members.length}` });
        for (const e of rest) e.addClass('bundled');
      });
    }
  });
}

/** spread draws a pair's ties one by one (the click on a bundle). */
export function spread(edge) {
  const k = pairKey(edge);
  if (expanded.has(k)) return false;
  const ties = edge.source().edgesWith(edge.target());
  if (!ties.some((e) => e.hasClass('bundled') || e.hasClass('bundle-head'))) return false;
  expanded.add(k);
  state.cy.batch(() => ties.removeClass(ALL).removeData('bundle_count bundle_label'));
  status(`${nodeName(edge.source().id())} – ${nodeName(edge.target().id())}: the ${ties.length} ties drawn one by one.`);
  return true;
}

export function setup(app) {
  state.cy.on('tap', 'edge', (ev) => spread(ev.target));
  app.hooks.graphLoaded.push(bundle);
  app.hooks.filtersChanged.push(bundle);
  window.detente.bundles = { expanded, bundle };
  bundle();
}
