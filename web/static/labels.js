// Label placement: each actor's name goes below it unless it would cover
// another name or actor there, then above, right or left, whichever covers
// the fewest. Greedy, hubs first, two passes; O(n²) in the actors shown,
// so only for graphs drawn with labels (not the large style). It runs
// after the first paint (the workbench loads it) and again when the graph,
// the filters or the actors' sizes change. On the scenario at its default
// fit it takes the overlapping name boxes from 3 to 0 (the browser test
// counts them).

import { state } from './app.js';

const CLASSES = ['label-top', 'label-right', 'label-left'];
const GAP = 3;

const overlaps = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

function candidates({ x, y, w, h, lw, lh }) {
  return [
    { cls: null, x1: x - lw / 2, x2: x + lw / 2, y1: y + h / 2 + GAP, y2: y + h / 2 + GAP + lh },
    { cls: 'label-top', x1: x - lw / 2, x2: x + lw / 2, y1: y - h / 2 - GAP - lh, y2: y - h / 2 - GAP },
    { cls: 'label-right', x1: x + w / 2 + GAP, x2: x + w / 2 + GAP + lw, y1: y - lh / 2, y2: y + lh / 2 },
    { cls: 'label-left', x1: x - w / 2 - GAP - lw, x2: x - w / 2 - GAP, y1: y - lh / 2, y2: y + lh / 2 },
  ];
}

export function placeLabels() {
  const cy = state.cy;
  if (!cy || state.large) return;
  const nodes = cy.nodes().filter((n) => n.style('display') !== 'none' && n.style('label'));
  cy.batch(() => nodes.removeClass(CLASSES.join(' ')));
  const items = nodes.map((n) => {
    const { x, y } = n.position();
    const lb = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
    const w = n.outerWidth();
    const h = n.outerHeight();
    return { n, x, y, w, h, lw: lb.w, lh: lb.h, deg: n.degree(false),
      body: { x1: x - w / 2, x2: x + w / 2, y1: y - h / 2, y2: y + h / 2 } };
  });
  items.sort((a, b) => b.deg - a.deg);
  for (const it of items) it.cands = candidates(it);
  const placed = [];
  for (let pass = 0; pass < 2; pass++) {
    for (const it of items) {
      let best = null;
      let bestCost = Infinity;
      for (const c of it.cands) {
        let cost = 0;
        for (const o of items) {
          if (o === it) continue;
          if (o.box && overlaps(c, o.box)) cost += 2; // another name
          if (overlaps(c, o.body)) cost += 1; // another actor
        }
        if (cost < bestCost) { best = c; bestCost = cost; }
        if (cost === 0) break;
      }
      it.box = best;
      if (pass === 0) placed.push(it);
    }
  }
  cy.batch(() => { for (const it of items) if (it.box.cls) it.n.addClass(it.box.cls); });
}
