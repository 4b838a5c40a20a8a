// The mediator view: who could broker between two actors named by the
// user (GET api/v1/mediators?between=a,b), on the day shown and the
// graph shown (a scenario's too), within the filters' types. Each
// candidate comes with its one-line reason and its channels to both
// sides; picking one draws those channels on the canvas.

import { $, el, state, resolveActor, message, suggest, nodeName } from './app.js';

let app;

export function setup(a) {
  app = a;
  suggest($('mediators-a'), 'mediators-a-names');
  suggest($('mediators-b'), 'mediators-b-names');
  $('mediators-form').addEventListener('submit', onSubmit);
  $('mediators-submit').disabled = false;
}

async function onSubmit(ev) {
  ev.preventDefault();
  const list = $('mediators-results');
  list.replaceChildren();
  message('mediators-message', 'Looking up the actors…');
  const [a, b] = await Promise.all([resolveActor($('mediators-a').value), resolveActor($('mediators-b').value)]);
  const bad = [a, b].filter((x) => x.error);
  if (bad.length) {
    message('mediators-message', bad.map((x) => x.error).join(' '), { error: true });
    return;
  }
  if (a.id === b.id) {
    message('mediators-message', 'Name two different actors.', { error: true });
    return;
  }
  const types = app.filters.types();
  if (types && !types.length) {
    message('mediators-message', 'No relationship type is selected in the filters.', { error: true });
    return;
  }
  message('mediators-message', `Finding who could mediate between ${a.name} and ${b.name}…`);
  let res;
  try {
    res = await app.api.mediators(a.id, b.id, { asOf: state.asOf, types: types ?? undefined, scenario: state.scenario?.id });
  } catch (err) {
    message('mediators-message', `No mediators: ${err.message}`, { error: true });
    return;
  }
  const found = res.results ?? [];
  const where = state.scenario ? ` in scenario “${state.scenario.name}”` : '';
  if (!found.length) {
    message('mediators-message', `No actor has cooperative ties to both ${a.name} and ${b.name} as of ${res.as_of}${where}.`);
    return;
  }
  const facts = [res.direct ? 'they have a cooperative tie of their own' : '', res.conflict ? 'they are in conflict' : ''].filter(Boolean);
  message('mediators-message', `${found.length} possible mediator${found.length === 1 ? '' : 's'} between ${a.name} and ${b.name} as of ${res.as_of}${where}${facts.length ? `; ${facts.join(' and ')}` : ''}. Pick one to draw its channels.`);
  list.replaceChildren(...found.map((m) => {
    const li = el('li', { tabIndex: 0, dataset: { actor: m.actor, testid: 'mediator-result' } },
      el('span', { className: 'name', textContent: `${m.rank}. ${m.name || nodeName(m.actor)}` }),
      el('span', { className: 'small', textContent: ` score ${m.score.toFixed(3)} · access ${m.access.toFixed(2)} · brokerage ${m.brokerage.toFixed(2)}` }),
      el('div', { className: 'small reason', textContent: m.reason }));
    const pick = () => {
      // Each side's channel is a path: the candidate first, the party last.
      app.highlight((m.sides ?? []).map((ch) => ({ actors: ch.actors, relationships: ch.ties ?? [] })));
      for (const x of list.children) x.classList.toggle('active', x === li);
    };
    li.addEventListener('click', pick);
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(); } });
    return li;
  }));
}
