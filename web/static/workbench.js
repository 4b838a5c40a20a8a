// The analyst's workbench, loaded by app.js once the first graph is on
// screen (a dynamic import, so none of it is fetched or compiled before
// then): the evidence panel, filters, what-if, the mediator view, the timeline, and the
// toolbar's size-by, zoom and export; and the label placement (labels.js) and the
// parallel ties drawn one line per polarity (bundles.js). Each module joins the page through
// the `app` object (app.js) and asks the API for nothing until it is used.

import * as filters from './filters.js';
import * as evidence from './evidence.js';
import * as whatif from './whatif.js';
import * as timeline from './timeline.js';
import * as view from './view.js';
import { placeLabels } from './labels.js';
import * as bundles from './bundles.js';
import * as mediators from './mediators.js';

export function setup(app) {
  filters.setup(app); // first: the others ask app.filters
  evidence.setup(app);
  whatif.setup(app);
  timeline.setup(app);
  view.setup(app);
  mediators.setup(app);
  bundles.setup(app); // after filters: it bundles the ties they leave
  app.hooks.graphLoaded.push(placeLabels);
  app.hooks.filtersChanged.push(placeLabels);
  placeLabels();
  // Names moved beside actors can stick out of the first fit: fit again,
  // unless the user has already zoomed or panned.
  const cy = app.state.cy;
  if (!app.state.large && app.state.firstView === JSON.stringify([cy.zoom(), cy.pan()])) app.fitTo(cy.elements(), { padding: 30, maxZoom: 2 });
}
