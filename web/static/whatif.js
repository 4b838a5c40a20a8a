// The what-if panel: edit the graph hypothetically, save the edit as a
// scenario, and see what it changes.
//
// Toggle the selected ties and actors off (again: back on), add a tie
// (from, type, to). The edits show on the canvas at once (dashed and faint
// for what is off, purple for what is added) and are listed; nothing is
// sent until "Save": POST api/v1/scenarios {name, base?, changes}. The
// canvas then draws the scenario (GET api/v1/graph?...&scenario=ID), every
// read of the page answers on it, and the ranking shift comes from GET
// api/v1/scenarios/{id}/compare?measures=pagerank,pn,balance: the actors
// that moved most, base rank → scenario rank, and the change in balance.
// Edits made while a scenario is shown stack on it (base=ID). "Back to the
// graph itself" draws the graph again.

import { $, el, state, nodeName, polarityClass, resolveActor, message } from './app.js';
import { APIError } from './api.js';
import { describeTie } from './evidence.js';

const PREVIEW = 'whatif:'; // ids of the edges an unsaved edit adds

let changes = []; // {key, op, id?, relationship?, text}
let added = 0;
let compared = null; // the last compare answer
let comparedAsOf; // the day shown when it was asked for

const say = (msg, opts) => message('whatif-message', msg, opts);

function describe(c) {
  if (c.op === 'remove_actor') return `Without ${nodeName(c.id)}`;
  if (c.op === 'remove_relationship') return `Without ${c.text}`;
  return `With ${c.text}`;
}

function mark() {
  const cy = state.cy;
  cy.batch(() => {
    cy.$('.whatif-off').removeClass('whatif-off');
    cy.edges(`[id ^= "${PREVIEW}"]`).remove();
    for (const c of changes) {
      if (c.op === 'remove_actor') cy.getElementById(c.id).addClass('whatif-off');
      else if (c.op === 'remove_relationship') {
        cy.edges().filter((e) => (e.data('relationship_id') ?? e.id()) === c.id).addClass('whatif-off');
      } else if (c.op === 'add_relationship') {
        const r = c.relationship;
        if (cy.getElementById(r.source).empty() || cy.getElementById(r.target).empty()) continue;
        const t = state.types.get(r.type) ?? { polarity: 0, symmetric: false };
        cy.add({ group: 'edges', data: { id: c.key, source: r.source, target: r.target, type: r.type, sign: t.polarity, symmetric: t.symmetric, weight: 0.8, confidence: 1 },
          classes: `${polarityClass(t.polarity)} whatif-added${t.symmetric ? ' symmetric' : ''}` });
      }
    }
  });
}

function render() {
  $('whatif-changes').replaceChildren(...changes.map((c) => el('li', { dataset: { testid: 'whatif-change', op: c.op } },
    el('span', { textContent: describe(c) }),
    el('button', { type: 'button', className: 'link', textContent: 'undo', 'aria-label': `Undo: ${describe(c)}`,
      onclick: () => { changes = changes.filter((x) => x !== c); mark(); render(); } }))));
  if (!changes.length) $('whatif-changes').replaceChildren(el('li', { className: 'small', textContent: 'None yet.' }));
  $('whatif-save').disabled = !changes.length;
}

function toggle(key, make) {
  const i = changes.findIndex((c) => c.key === key);
  if (i >= 0) changes.splice(i, 1);
  else changes.push({ key, ...make() });
}

function toggleSelected() {
  const sel = state.cy.$(':selected');
  if (sel.empty()) {
    say('Select ties or actors on the graph first (click; shift-click for more).', { error: true });
    return;
  }
  sel.nodes().forEach((n) => toggle(`actor:${n.id()}`, () => ({ op: 'remove_actor', id: n.id() })));
  sel.edges().forEach((e) => {
    if (e.id().startsWith(PREVIEW)) { changes = changes.filter((c) => c.key !== e.id()); return; }
    const id = e.data('relationship_id') ?? e.id();
    toggle(`rel:${id}`, () => ({ op: 'remove_relationship', id, text: describeTie({ ...e.data(), id }) }));
  });
  mark();
  render();
  say(`${changes.length} change${changes.length === 1 ? '' : 's'} not saved yet.`);
}

async function addTie() {
  const type = $('whatif-type').value;
  const [a, b] = await Promise.all([resolveActor($('whatif-source').value), resolveActor($('whatif-target').value)]);
  const bad = [a, b].filter((x) => x.error);
  if (bad.length) { say(bad.map((x) => x.error).join(' '), { error: true }); return; }
  if (a.id === b.id) { say('A tie needs two different actors.', { error: true }); return; }
  const relationship = { source: a.id, target: b.id, type };
  const key = `${PREVIEW}${++added}`;
  changes.push({ key, op: 'add_relationship', relationship, text: describeTie(relationship) });
  mark();
  render();
  say(`${changes.length} change${changes.length === 1 ? '' : 's'} not saved yet.`);
}

const slug = (s) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'scenario';

async function save(app) {
  if (!changes.length) return;
  const name = $('whatif-name').value.trim() || changes.map(describe).join('; ').slice(0, 120);
  const body = {
    name,
    description: `Made in the explorer: ${changes.map(describe).join('; ')}.`,
    ...(state.scenario ? { base: state.scenario.id } : {}),
    changes: changes.map(({ op, id, relationship }) => ({ op, ...(id ? { id } : {}), ...(relationship ? { relationship } : {}) })),
  };
  say('Saving the scenario…');
  $('whatif-save').disabled = true;
  let sc;
  try {
    try {
      sc = await app.api.createScenario(body);
    } catch (err) {
      // The id the API makes of the name is taken: make it unique.
      if (!(err instanceof APIError && err.status === 409)) throw err;
      sc = await app.api.createScenario({ id: `${slug(name)}-${Date.now().toString(36)}`, ...body });
    }
  } catch (err) {
    $('whatif-save').disabled = false;
    say(`Could not save the scenario: ${err.message}`, { error: true });
    return;
  }
  changes = [];
  render();
  delete $('whatif-open').dataset.loaded; // list the new one next time
  await show(app, { id: sc.id, name: sc.name, base: sc.base, count: sc.changes?.length ?? 0 });
}

// show draws a scenario (or, with null, the graph itself) and, for a
// scenario, compares it with its base.
async function show(app, sc) {
  state.scenario = sc ? { id: sc.id, name: sc.name } : null;
  compared = null;
  document.body.dataset.scenario = sc?.id ?? '';
  $('whatif-base').hidden = !sc;
  $('whatif-shift-box').hidden = true;
  $('whatif-mode').textContent = sc
    ? `Showing scenario “${sc.name}” (${sc.count} change${sc.count === 1 ? '' : 's'} over ${sc.base ? `scenario ${sc.base}` : 'the graph itself'}). New changes stack on it.`
    : 'Changes apply to the graph itself.';
  mark();
  try {
    await app.loadGraph();
  } catch { return; } // said in the status bar
  app.refreshAnalyses();
  if (!sc) { say('Showing the graph itself.'); return; }
  say(`Scenario “${sc.name}” saved as ${sc.id} and shown. Comparing it with its base…`);
  await compare(app);
}

async function compare(app) {
  const id = state.scenario?.id;
  if (!id) return;
  comparedAsOf = state.asOf;
  try {
    compared = await app.api.compare(id, { asOf: state.asOf ?? undefined, types: app.filters.types() ?? undefined, limit: 10 });
  } catch (err) {
    say(`Could not compare: ${err.message}`, { error: true });
    return;
  }
  if (state.scenario?.id !== id) return;
  renderShift();
  say(`Scenario “${state.scenario.name}” (${id}) shown; ranking shift as of ${compared.as_of}.`);
}

const rankText = (r) => (r == null ? '—' : `#${r}`);

function renderShift() {
  if (!compared) return;
  const m = compared.measures?.find((x) => x.measure === $('whatif-measure').value) ?? compared.measures?.[0];
  const rows = (m?.actors ?? []).filter((a) => a.delta !== 0);
  $('whatif-shift').replaceChildren(...rows.map((a) => {
    const up = a.delta > 0;
    return el('li', { dataset: { testid: 'shift-row', actor: a.actor } },
      el('span', { className: 'name', textContent: a.name ?? nodeName(a.actor) }),
      el('span', { className: 'rank', textContent: `${rankText(a.base_rank)} → ${rankText(a.scenario_rank)}` }),
      el('span', { className: `delta ${up ? 'up' : 'down'}`, textContent: `${up ? '+' : '−'}${Math.abs(a.delta).toPrecision(2)}` }));
  }));
  if (!rows.length) $('whatif-shift').replaceChildren(el('li', { className: 'small', textContent: 'No actor’s score changed.' }));
  const b = compared.balance;
  $('whatif-balance').textContent = b
    ? `As of ${compared.as_of}: frustration index ${b.base_frustration} → ${b.scenario_frustration}; balanced triads ${Math.round(100 * b.base_ratio)}% → ${Math.round(100 * b.scenario_ratio)}%.`
    : `As of ${compared.as_of}.`;
  $('whatif-shift-box').hidden = false;
}

async function fillSaved(app) {
  const sel = $('whatif-open');
  if (sel.dataset.loaded) return;
  sel.dataset.loaded = 'true';
  try {
    const res = await app.api.scenarios();
    sel.replaceChildren(el('option', { value: '', textContent: '—' }),
      ...(res.items ?? []).map((s) => el('option', { value: s.id, textContent: s.name, dataset: { base: s.base ?? '', count: String(s.changes?.length ?? 0) } })));
  } catch (err) {
    delete sel.dataset.loaded;
    say(`Could not list the scenarios: ${err.message}`, { error: true });
  }
}

export function setup(app) {
  $('whatif-type').replaceChildren(...[...state.types.values()].map((t) => el('option', { value: t.name, textContent: `${t.name} (${t.polarity > 0 ? 'cooperative' : t.polarity < 0 ? 'conflictual' : 'structural'})` })));
  $('whatif-type').value = state.types.has('supports') ? 'supports' : $('whatif-type').value;
  $('whatif-toggle').addEventListener('click', toggleSelected);
  $('whatif-add').addEventListener('click', addTie);
  $('whatif-save').addEventListener('click', () => save(app));
  $('whatif-base').addEventListener('click', () => show(app, null));
  $('whatif-measure').addEventListener('change', renderShift);
  // The saved scenarios are listed when the list is first used, not before.
  for (const ev of ['focus', 'pointerdown']) $('whatif-open').addEventListener(ev, () => fillSaved(app));
  $('whatif-open').addEventListener('change', () => {
    const o = $('whatif-open').selectedOptions[0];
    if (!o?.value) return;
    show(app, { id: o.value, name: o.textContent, base: o.dataset.base || null, count: Number(o.dataset.count) });
    $('whatif-open').value = '';
  });
  app.hooks.graphLoaded.push(mark);
  // Another day shown (the slider, the timeline): compare on that day.
  app.hooks.graphLoaded.push(() => { if (state.scenario && compared && comparedAsOf !== state.asOf) compare(app); });
  app.hooks.filtersChanged.push(() => compare(app));
  for (const id of ['whatif-toggle', 'whatif-add', 'whatif-open']) $(id).disabled = false;
  render();
}

export { compare };
