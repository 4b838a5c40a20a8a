// The timeline: a range of dates (from, to, every month, quarter or year)
// that Play steps through, and Step one date at a time. Each step is the
// as-of reload the header's slider does (GET api/v1/graph?...&as_of=D);
// the ties that formed since the previous step are ringed on the graph and
// those that formed and ended are named under the timeline. Playing waits
// for each date to be drawn before it holds it for a moment and moves on,
// so a slow machine plays slower, never skips.

import { $, el, state, message } from './app.js';
import { describeTie } from './evidence.js';

const HOLD_MS = 1200; // how long a played date stays on screen once drawn

let playing = false;
let timer = 0;
let stepping = null; // the step under way

function dates() {
  const from = state.months.indexOf($('timeline-from').value);
  const to = state.months.indexOf($('timeline-to').value);
  const every = Number($('timeline-every').value);
  const out = [];
  for (let i = from; i >= 0 && i <= to; i += every) out.push(state.months[i]);
  return out;
}

function nextDate(restart) {
  const ds = dates();
  if (!ds.length) return null;
  if (restart || !state.asOf || state.asOf < ds[0]) return ds[0];
  return ds.find((d) => d > state.asOf) ?? null;
}

function ties() {
  const m = new Map();
  state.cy.edges().forEach((e) => {
    if (e.id().startsWith('whatif:')) return;
    const d = e.data();
    m.set(d.relationship_id ?? d.id, d);
  });
  return m;
}

function names(ids, m) {
  const xs = [...ids].slice(0, 4).map((id) => describeTie(m.get(id)));
  return xs.join('; ') + (ids.size > 4 ? `; and ${ids.size - 4} more` : '');
}

/** step shows the next date of the range; false at its end. */
async function step(app, { restart = false } = {}) {
  const d = nextDate(restart);
  if (!d) {
    message('timeline-changes', `End of the range (${$('timeline-to').value}).`);
    return false;
  }
  const from = state.asOf;
  const before = ties();
  const run = (async () => {
    await app.setAsOf(d);
    if (state.asOf !== d) return; // another date was chosen meanwhile
    const after = ties();
    const formed = new Set([...after.keys()].filter((id) => !before.has(id)));
    const ended = new Set([...before.keys()].filter((id) => !after.has(id)));
    state.cy.batch(() => {
      state.cy.edges('.formed').removeClass('formed');
      state.cy.edges().filter((e) => formed.has(e.data('relationship_id') ?? e.id())).addClass('formed');
    });
    const ds = dates();
    $('timeline-date').textContent = d;
    $('timeline-date').value = d;
    $('timeline').dataset.date = d;
    $('timeline').dataset.formed = String(formed.size);
    $('timeline').dataset.ended = String(ended.size);
    const where = `${d} (date ${ds.indexOf(d) + 1} of ${ds.length})`;
    if (!from) {
      message('timeline-changes', `${where}: ${after.size} ties valid.`);
      return;
    }
    const parts = [`${where}, since ${from}: ${formed.size} tie${formed.size === 1 ? '' : 's'} formed, ${ended.size} ended.`];
    if (formed.size) parts.push(`Formed: ${names(formed, after)}.`);
    if (ended.size) parts.push(`Ended: ${names(ended, before)}.`);
    $('timeline-changes').replaceChildren(...parts.map((p, i) => el('span', { className: i === 1 ? 'positive-text' : i === 2 ? 'negative-text' : '', textContent: `${p} ` })));
  })();
  stepping = run;
  try {
    await run;
  } finally {
    if (stepping === run) stepping = null;
  }
  return true;
}

function setPlaying(on) {
  playing = on;
  clearTimeout(timer);
  $('timeline-play').textContent = on ? 'Pause' : 'Play';
  $('timeline-play').setAttribute('aria-pressed', String(on));
  $('timeline').dataset.playing = String(on);
}

async function play(app) {
  setPlaying(true);
  // From the start of the range unless a date in it is shown already.
  const ds = dates();
  let restart = !ds.includes(state.asOf) || state.asOf === ds[ds.length - 1];
  while (playing) {
    const more = await step(app, { restart });
    restart = false;
    if (!more || !playing) break;
    await new Promise((r) => { timer = setTimeout(r, HOLD_MS); });
  }
  if (playing) setPlaying(false);
}

function fillRange() {
  const years = [...new Set(state.months.map((m) => m.slice(0, 4)))];
  const opts = (sel) => years.map((y) => el('option', { value: `${y}-01-01`, textContent: y }));
  $('timeline-from').replaceChildren(...opts());
  $('timeline-to').replaceChildren(...opts());
  // The range opens on the first dated tie's year (or 20 years back) and
  // closes on this year.
  let first = years[years.length - 1];
  state.cy.edges().forEach((e) => { const f = e.data('valid_from'); if (f && f.slice(0, 4) < first) first = f.slice(0, 4); });
  $('timeline-from').value = `${Math.max(Number(first), Number(years[years.length - 1]) - 20)}-01-01`;
  $('timeline-to').value = `${years[years.length - 1]}-01-01`;
}

export function setup(app) {
  if (!state.months.length) return;
  fillRange();
  $('timeline-play').addEventListener('click', () => { if (playing) setPlaying(false); else play(app); });
  $('timeline-step').addEventListener('click', () => { setPlaying(false); if (!stepping) step(app); });
  // Moving the header's slider by hand stops the play.
  $('asof-slider').addEventListener('input', () => setPlaying(false));
  $('asof-enabled').addEventListener('change', () => setPlaying(false));
  $('timeline-play').disabled = false;
  $('timeline-step').disabled = false;
  window.detente.timeline = { dates, isPlaying: () => playing };
}
