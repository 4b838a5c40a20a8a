// The evidence panel: what the record says about a tie or an actor.
//
// Click a tie: its type and sign, dates, weight, confidence and note, and
// every citation — the quote in full, the record's title, its publisher
// and date, and a link to it (GET api/v1/relationships/{id}). Click an
// actor: every tie it has, grouped by polarity and type, with dates; a
// tie not valid on the day shown is marked (GET
// api/v1/relationships?actor=ID). Both answer on the scenario shown.
//
// Everything that comes from the data is inserted as text (el() sets
// textContent, never innerHTML), and a link is made only of an http(s)
// URL: a record is data, not markup.

import { $, el, state, nodeName, polarityClass, showDetails } from './app.js';

const POLARITY = { positive: 'cooperative', negative: 'conflictual', structural: 'structural' };
const ORDER = ['positive', 'negative', 'structural'];

let seq = 0; // the latest request: an older answer is dropped

/** safeURL returns url if it is an absolute http(s) URL, else null. */
export function safeURL(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

function typeOf(name) {
  return state.types.get(name) ?? { polarity: 0, symmetric: false };
}

/** arrow writes a tie as "A —type→ B" (symmetric: "A —type— B"). */
export function describeTie(r) {
  const t = typeOf(r.type);
  return `${nodeName(r.source)} —${r.type}${t.symmetric ? '—' : '→'} ${nodeName(r.target)}`;
}

/** dates writes a validity period for people. */
export function dates(from, to) {
  if (from && to) return `${from} to ${to}`;
  if (from) return `since ${from}`;
  if (to) return `until ${to}`;
  return 'undated';
}

function validOn(r, day) {
  return !day || ((!r.valid_from || r.valid_from <= day) && (!r.valid_to || day <= r.valid_to));
}

function body(...children) {
  $('evidence-body').replaceChildren(...children.filter((c) => c != null));
  $('evidence').dataset.state = 'shown';
}

function fields(rows) {
  return el('dl', { className: 'fields' }, ...rows.flatMap(([key, label, value]) => [
    el('dt', { textContent: label }),
    el('dd', { textContent: value, dataset: { field: key } }),
  ]));
}

function tieFields(r) {
  const t = typeOf(r.type);
  const pol = polarityClass(t.polarity);
  const sign = t.polarity > 0 ? '+1' : t.polarity < 0 ? '−1' : '0';
  return fields([
    ['type', 'Type', r.type],
    ['sign', 'Sign', `${sign} (${POLARITY[pol]}${t.symmetric ? ', symmetric' : ''})`],
    ['valid_from', 'From', r.valid_from ?? 'undated'],
    ['valid_to', 'To', r.valid_to ?? (r.valid_from ? 'still in force' : 'undated')],
    ['weight', 'Weight', r.weight == null ? '—' : String(r.weight)],
    ['confidence', 'Confidence', r.confidence == null ? '—' : String(r.confidence)],
    ['id', 'Record', r.id ?? '—'],
  ]);
}

function citation(src) {
  const url = safeURL(src.url);
  const cite = el('span', { className: 'cite' },
    el('cite', { className: 'title', textContent: src.title ?? 'untitled record' }),
    src.publisher ? el('span', { className: 'publisher', textContent: ` · ${src.publisher}` }) : null,
    src.published ? el('span', { className: 'published' }, ' · ', el('time', { dateTime: src.published, textContent: src.published })) : null);
  return el('li', { dataset: { testid: 'evidence-source' } },
    src.quote ? el('blockquote', { className: 'quote', textContent: src.quote }) : null,
    cite,
    url ? el('a', { className: 'source-link', href: url, target: '_blank', rel: 'noopener noreferrer', textContent: `open the record (${new URL(url).host})` }) : null);
}

function sources(r) {
  const list = r.sources ?? [];
  return [
    el('h4', { textContent: `Sources (${list.length})` }),
    list.length ? el('ol', { className: 'sources', dataset: { testid: 'evidence-sources' } }, ...list.map(citation))
      : el('p', { className: 'small', textContent: 'No citation recorded.' }),
    r.note ? el('p', { className: 'note', dataset: { testid: 'evidence-note' } }, el('strong', { textContent: 'Note: ' }), r.note) : null,
  ];
}

// renderTie shows a relationship record (the API's shape). pending: the
// record is not all there yet (the request is under way).
function renderTie(r, { pending = false, preview = false } = {}) {
  $('evidence').dataset.kind = 'tie';
  $('evidence').dataset.id = r.id ?? '';
  const valid = validOn(r, state.asOf) ? null
    : el('p', { className: 'small', textContent: `Not valid on ${state.asOf}, the day shown.` });
  body(
    el('h3', { className: polarityClass(typeOf(r.type).polarity) + '-text', textContent: describeTie(r), dataset: { testid: 'evidence-title' } }),
    tieFields(r),
    valid,
    ...(preview ? [el('p', { className: 'small', textContent: 'Added in the what-if being edited: no record yet.' })]
      : pending ? [el('p', { className: 'small', textContent: 'Loading its sources…' })] : sources(r)),
  );
  $('evidence').dataset.state = pending ? 'loading' : 'shown';
}

/** showTie shows an edge's evidence: what the graph has at once, then the record. */
export async function showTie(app, edge) {
  const mine = ++seq;
  showDetails(null);
  const d = edge.data();
  const r = { id: d.relationship_id ?? d.id, source: d.source, target: d.target, type: d.type, weight: d.weight,
    confidence: d.confidence, valid_from: d.valid_from, valid_to: d.valid_to };
  if (edge.hasClass('whatif-added')) { renderTie(r, { preview: true }); return; }
  renderTie(r, { pending: true });
  try {
    const rec = await app.api.relationship(r.id, { scenario: state.scenario?.id });
    if (mine === seq) renderTie(rec);
    // Only derived ties have events; ingest gives them ids of their own
    // (evt-FORMAT--source--type--target--day), so a curated tie costs no
    // request.
    if (mine === seq && rec.id?.startsWith('evt-')) await showEvents(app, rec.id, mine);
  } catch (err) {
    if (mine !== seq) return;
    renderTie(r);
    $('evidence-body').append(el('p', { className: 'message error', textContent: `Could not load the record: ${err.message}` }));
  }
}

// showEvents adds the coded events a tie was derived from (GDELT, ICEWS,
// PLOVER, ACLED; GET api/v1/relationships/{id}/events). The first page only, with the
// count when there are more.
async function showEvents(app, id, mine) {
  let page;
  try {
    page = await app.api.relationshipEvents(id);
  } catch {
    return; // a tie only on a scenario, or no events: its record is what there is
  }
  const items = page.items ?? [];
  if (mine !== seq || !items.length) return;
  $('evidence-body').append(
    el('h4', { textContent: `Events (${items.length}${page.next_cursor ? ' shown, more in the API' : ''})` }),
    el('ol', { className: 'events', dataset: { testid: 'evidence-events' } }, ...items.map((ev) => {
      const url = safeURL(ev.url);
      return el('li', { dataset: { testid: 'evidence-event', id: ev.id } },
        el('time', { textContent: ev.date }),
        el('span', { textContent: ` ${ev.format} ${ev.code}: ${ev.actor1_name || ev.actor1_code || '?'} → ${ev.actor2_name || ev.actor2_code || '?'}` }),
        ev.text ? el('p', { className: 'small', textContent: ev.text }) : null,
        url ? el('a', { className: 'source-link', href: url, target: '_blank', rel: 'noopener noreferrer', textContent: `source (${new URL(url).host})` }) : null);
    })));
  $('evidence').dataset.events = String(items.length);
}

function tieItem(app, r, actor) {
  const out = r.source === actor;
  const other = out ? r.target : r.source;
  const t = typeOf(r.type);
  const dir = t.symmetric ? '—' : out ? '→' : '←';
  const valid = validOn(r, state.asOf);
  const li = el('li', { className: valid ? '' : 'invalid', dataset: { testid: 'evidence-tie', relationship: r.id, type: r.type, polarity: polarityClass(t.polarity) } },
    el('button', { type: 'button', className: 'link', textContent: `${dir} ${nodeName(other)}`, title: 'Show this tie’s evidence',
      onclick: () => {
        const e = state.cy.edges().filter((x) => (x.data('relationship_id') ?? x.id()) === r.id);
        state.cy.elements().unselect();
        e.select();
        ++seq;
        renderTie(r);
      } }),
    el('span', { className: 'small', textContent: ` · ${dates(r.valid_from, r.valid_to)}${valid ? '' : ` · not on ${state.asOf}`} · conf. ${r.confidence ?? '—'}` }));
  return li;
}

/** showActor lists an actor's ties by polarity and type. */
export async function showActor(app, node) {
  const mine = ++seq;
  const id = node.id();
  $('evidence').dataset.kind = 'actor';
  $('evidence').dataset.id = id;
  body(el('p', { className: 'small', textContent: `Loading ${node.data('label')}’s ties…` }));
  $('evidence').dataset.state = 'loading';
  let items;
  try {
    items = (await app.api.actorRelationships(id, { scenario: state.scenario?.id })).items ?? [];
  } catch (err) {
    if (mine === seq) body(el('p', { className: 'message error', textContent: `Could not load the ties: ${err.message}` }));
    return;
  }
  if (mine !== seq) return;
  const groups = new Map(ORDER.map((p) => [p, new Map()]));
  for (const r of items) {
    const byType = groups.get(polarityClass(typeOf(r.type).polarity));
    if (!byType.has(r.type)) byType.set(r.type, []);
    byType.get(r.type).push(r);
  }
  const sections = [];
  for (const [pol, byType] of groups) {
    if (!byType.size) continue;
    const n = [...byType.values()].reduce((a, xs) => a + xs.length, 0);
    sections.push(el('section', { className: 'tie-group', dataset: { testid: 'evidence-group', polarity: pol } },
      el('h4', { className: `${pol}-text`, textContent: `${POLARITY[pol][0].toUpperCase()}${POLARITY[pol].slice(1)} (${n})` }),
      ...[...byType].sort(([a], [b]) => a.localeCompare(b)).map(([type, rs]) => el('div', { dataset: { type } },
        el('h5', { className: 'small', textContent: `${type} (${rs.length})` }),
        el('ul', { className: 'ties' }, ...rs.map((r) => tieItem(app, r, id)))))));
  }
  body(
    el('h4', { textContent: `${node.data('label')}’s ties (${items.length})${state.scenario ? ` in scenario “${state.scenario.name}”` : ''}`, dataset: { testid: 'evidence-title' } }),
    items.length >= 1000 ? el('p', { className: 'small', textContent: 'The first 1,000 ties.' }) : null,
    ...(sections.length ? sections : [el('p', { className: 'small', textContent: 'No tie recorded.' })]),
  );
}

export function setup(app) {
  app.onEdgeTap = (edge) => showTie(app, edge);
  app.onNodeTap = (node) => showActor(app, node);
  app.onBackgroundTap = () => {
    ++seq;
    delete $('evidence').dataset.kind;
    body(el('p', { className: 'small', textContent: 'Click a tie or an actor on the graph to see its evidence.' }));
    delete $('evidence').dataset.state;
  };
}
