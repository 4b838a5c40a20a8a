// The analyst's workbench, loaded by app.js once the first graph is on
// screen (a dynamic import, so none of it is fetched or compiled before
// then): the evidence panel, filters, what-if, the timeline, and the
// toolbar's size-by, zoom and export. Each module joins the page through
// the `app` object (app.js) and asks the API for nothing until it is used.

import * as filters from './filters.js';
import * as evidence from './evidence.js';
import * as whatif from './whatif.js';
import * as timeline from './timeline.js';
import * as view from './view.js';

export function setup(app) {
  filters.setup(app); // first: the others ask app.filters
  evidence.setup(app);
  whatif.setup(app);
  timeline.setup(app);
  view.setup(app);
}
