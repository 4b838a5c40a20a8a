// How the graph looks: node colour and shape by actor kind, edge colour by
// sign (cooperative green, conflictual red, structural grey), edge width by
// weight, edge opacity by confidence, no arrow on symmetric ties. It reads
// the data fields of detente's cytoscape export (viz package).

export const KINDS = {
  state: { color: '#3b6fb6', shape: 'ellipse', label: 'State' },
  igo: { color: '#8e6bbf', shape: 'round-rectangle', label: 'International organisation' },
  armed_group: { color: '#e08a1e', shape: 'triangle', label: 'Armed group' },
  political_group: { color: '#2a9d8f', shape: 'diamond', label: 'Political group' },
  person: { color: '#d4658f', shape: 'hexagon', label: 'Person' },
  company: { color: '#8c6d46', shape: 'rectangle', label: 'Company' },
  other: { color: '#7f8c9a', shape: 'barrel', label: 'Other' },
};

export const SIGN_COLORS = { positive: '#2e9e4f', negative: '#d63b3b', structural: '#9a9a9a' };
const HIGHLIGHT = '#f2b600';
export const WHATIF_ADDED = '#6f42c1';
export const FORMED = '#17a2b8';

/**
 * The stylesheet. large trades looks for speed on big graphs: straight
 * "haystack" edges without arrows, and labels only where they matter.
 */
export function stylesheet({ large = false } = {}) {
  const s = [
    {
      selector: 'node',
      style: {
        // Big graphs show names only on selected and highlighted actors:
        // measuring thousands of labels dominates the first paint.
        label: large ? '' : 'data(label)',
        'font-size': 10,
        color: '#1d2430',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        width: 22,
        height: 22,
        'background-color': KINDS.other.color,
        shape: KINDS.other.shape,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...Object.entries(KINDS).map(([kind, k]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': k.color, shape: k.shape },
    })),
    {
      selector: 'edge',
      style: {
        width: 'mapData(weight, 0, 1, 1, 6)',
        opacity: 'mapData(confidence, 0, 1, 0.35, 1)',
        'line-color': SIGN_COLORS.structural,
        'target-arrow-color': SIGN_COLORS.structural,
        'curve-style': large ? 'haystack' : 'bezier',
        'target-arrow-shape': large ? 'none' : 'triangle',
        'arrow-scale': 0.8,
        // On a big graph edges take no pointer events: the page has no use
        // for them there, and Cytoscape.js hit-tests every interactive
        // element on every mouse move — three bounding-box lookups per
        // edge, most of a drag's mouse-move handler on 10,000 edges.
        events: large ? 'no' : 'yes',
      },
    },
    { selector: 'edge[sign > 0]', style: { 'line-color': SIGN_COLORS.positive, 'target-arrow-color': SIGN_COLORS.positive } },
    { selector: 'edge[sign < 0]', style: { 'line-color': SIGN_COLORS.negative, 'target-arrow-color': SIGN_COLORS.negative } },
    { selector: 'edge[sign = 0]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[?symmetric]', style: { 'target-arrow-shape': 'none' } },
    // Parallel ties (bundles.js): each polarity of a pair on a curve of
    // its own, the group's first tie labelled with the count.
    ...[['bo-n2', -26], ['bo-n1', -13], ['bo-0', 0], ['bo-p1', 13], ['bo-p2', 26]].map(([c, d]) => ({
      selector: `edge.${c}`,
      style: { 'curve-style': 'unbundled-bezier', 'control-point-distances': d, 'control-point-weights': 0.5 },
    })),
    {
      selector: 'edge.bundle-head',
      style: {
        label: 'data(bundle_label)', width: 'mapData(bundle_count, 2, 12, 3, 9)', 'target-arrow-shape': 'none',
        'font-size': 9, 'font-weight': 'bold', color: '#1d2430', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85,
        'text-background-padding': 1, 'text-background-shape': 'round-rectangle',
      },
    },
    // Size by a measure (the toolbar's size-by): the page sets size.
    { selector: 'node[size]', style: { width: 'data(size)', height: 'data(size)' } },
    // Label placement (labels.js, after the first paint): a label that
    // would cover another goes above, right or left of its actor instead.
    { selector: 'node.label-top', style: { 'text-valign': 'top', 'text-margin-y': -3 } },
    { selector: 'node.label-right', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 4, 'text-margin-y': 0 } },
    { selector: 'node.label-left', style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-x': -4, 'text-margin-y': 0 } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#1d2430', label: 'data(label)' } },
    { selector: 'edge:selected', style: { 'underlay-color': '#1d2430', 'underlay-padding': 3, 'underlay-opacity': 0.3 } },
    // What-if edits not saved yet: what is toggled off, what is added.
    { selector: 'node.whatif-off', style: { opacity: 0.3, 'border-style': 'dashed', 'border-width': 2, 'border-color': '#1d2430' } },
    { selector: 'edge.whatif-off', style: { opacity: 0.25, 'line-style': 'dashed' } },
    {
      selector: 'edge.whatif-added',
      style: { 'line-color': WHATIF_ADDED, 'target-arrow-color': WHATIF_ADDED, 'line-style': 'dashed', width: 4, opacity: 1, label: 'data(type)', 'font-size': 9, 'text-rotation': 'autorotate', 'text-outline-color': '#ffffff', 'text-outline-width': 2 },
    },
    // The timeline: ties formed since its last step.
    { selector: 'edge.formed', style: { 'underlay-color': FORMED, 'underlay-padding': 5, 'underlay-opacity': 0.6, opacity: 1 } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.3 } },
    {
      selector: 'node.highlighted',
      style: { label: 'data(label)', 'border-width': 4, 'border-color': HIGHLIGHT, opacity: 1, 'text-opacity': 1, 'z-index': 10, 'font-weight': 'bold' },
    },
    {
      selector: 'edge.highlighted',
      style: {
        opacity: 1,
        width: 'mapData(weight, 0, 1, 4, 9)',
        'underlay-color': HIGHLIGHT,
        'underlay-padding': 4,
        'underlay-opacity': 0.55,
        'z-index': 10,
        label: 'data(type)',
        'font-size': 9,
        'text-rotation': 'autorotate',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
      },
    },
    // The other ties of a bundle: on the head's curve, not drawn, unless
    // something marks them (a path, a timeline step, a what-if edit).
    { selector: 'edge.bundled', style: { opacity: 0, label: '' } },
    { selector: 'edge.bundled.highlighted, edge.bundled.formed, edge.bundled.whatif-added', style: { opacity: 1 } },
    { selector: 'edge.bundled.highlighted', style: { label: 'data(type)' } },
    { selector: 'edge.bundled.whatif-off', style: { opacity: 0.25 } },
    // The filter panel's: last, so nothing shows a filtered element again.
    { selector: '.filtered', style: { display: 'none' } },
  ];
  return s;
}

// ---------- the same symbols in SVG: the legend and the SVG export ----------

export const SVG_NS = 'http://www.w3.org/2000/svg';

// Unit outlines (in a box from -1 to 1) of Cytoscape.js' polygon shapes;
// the others are drawn as ellipses and rounded rectangles.
const POLYGONS = {
  triangle: [0, -1, 1, 1, -1, 1],
  diamond: [0, -1, 1, 0, 0, 1, -1, 0],
  hexagon: [-1, 0, -0.5, -1, 0.5, -1, 1, 0, 0.5, 1, -0.5, 1],
  rectangle: [-1, -1, 1, -1, 1, 1, -1, 1],
};

export function svgEl(tag, attrs = {}) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) e.setAttribute(k, String(v));
  return e;
}

/**
 * nodeShape draws a Cytoscape.js node shape as an SVG element centred on
 * (x, y), w by h: what the legend shows and the SVG export writes. The
 * element carries data-shape, the Cytoscape.js shape's name.
 */
export function nodeShape(shape, x, y, w, h, attrs = {}) {
  const poly = POLYGONS[shape];
  let e;
  if (poly) {
    const pts = [];
    for (let i = 0; i < poly.length; i += 2) pts.push(`${+(x + (poly[i] * w) / 2).toFixed(2)},${+(y + (poly[i + 1] * h) / 2).toFixed(2)}`);
    e = svgEl('polygon', { points: pts.join(' ') });
  } else if (shape === 'round-rectangle' || shape === 'barrel') {
    const r = shape === 'barrel' ? Math.min(w, h) * 0.35 : Math.min(w, h) * 0.2;
    e = svgEl('rect', { x: +(x - w / 2).toFixed(2), y: +(y - h / 2).toFixed(2), width: +w.toFixed(2), height: +h.toFixed(2), rx: +r.toFixed(2) });
  } else {
    e = svgEl('ellipse', { cx: +x.toFixed(2), cy: +y.toFixed(2), rx: +(w / 2).toFixed(2), ry: +(h / 2).toFixed(2) });
  }
  e.setAttribute('data-shape', shape);
  for (const [k, v] of Object.entries(attrs)) if (v != null) e.setAttribute(k, String(v));
  return e;
}
