// The explorer's client of detente's public API. Every URL is relative to
// the page, so the page works wherever the API is mounted and never talks
// to another origin.

/** An API error, carrying the RFC 9457 problem details when there are some. */
export class APIError extends Error {
  constructor(status, problem, url) {
    let msg = problem?.detail || problem?.title || `HTTP ${status}`;
    // A validation problem names each field at fault: say which.
    if (Array.isArray(problem?.errors) && problem.errors.length) {
      msg += ` (${problem.errors.map((e) => `${e.path}: ${e.message}`).join('; ')})`;
    }
    super(msg);
    this.status = status;
    this.problem = problem;
    this.url = url;
  }
}

/** resolve turns a relative path into a URL on the page's origin, or throws. */
export function resolve(path) {
  const url = new URL(path, document.baseURI);
  if (url.origin !== location.origin) {
    throw new Error(`refusing to fetch ${path}: not on this page's origin`);
  }
  return url;
}

function withParams(path, params) {
  const url = resolve(path);
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  return url;
}

async function send(url, init) {
  let res;
  try {
    res = await fetch(url, {
      ...init,
      headers: { Accept: 'application/json, application/problem+json', ...init.headers },
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new APIError(0, { title: `The API is unreachable (${err.message})` }, url.href);
  }
  const type = res.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) throw new APIError(res.status, body, url.href);
  if (body === null) throw new APIError(res.status, { title: `Expected JSON from ${url.pathname}, got ${type || 'nothing'}` }, url.href);
  return body;
}

/** getJSON fetches path with the query params that have a value. */
export function getJSON(path, params = {}) {
  return send(withParams(path, params), { method: 'GET' });
}

/** sendJSON sends body as JSON with method (POST, PATCH, ...) to path. */
export function sendJSON(method, path, body, params = {}) {
  return send(withParams(path, params), { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

const enc = encodeURIComponent;
const list = (xs) => (Array.isArray(xs) ? xs.join(',') : xs);

/**
 * The endpoints the page uses, each as the API documents it. Options are
 * named as the page thinks of them (asOf, scenario, types, ...) and become
 * the API's query parameters when they have a value: scenario= answers on a
 * what-if scenario's graph, types= keeps only those relationship types.
 * The order of the parameters of the first view's requests (graph,
 * relationship types, influence) is the order index.html preloads them in.
 */
export const api = {
  // layout=force: the server places the actors (deterministic, cached per
  // graph version), so the page adds them where they belong and runs no
  // layout of its own; over the API's limit (400 limit-exceeded) the graph
  // comes without positions.
  graph: async (asOf, { layout = true, scenario } = {}) => {
    const plain = { format: 'cytoscape', as_of: asOf, scenario };
    if (!layout) return getJSON('api/v1/graph', plain);
    try {
      return await getJSON('api/v1/graph', { format: 'cytoscape', layout: 'force', as_of: asOf, scenario });
    } catch (err) {
      if (!(err instanceof APIError && err.status === 400 && err.problem?.type?.endsWith('/limit-exceeded'))) throw err;
      return getJSON('api/v1/graph', plain);
    }
  },
  actors: (q, limit = 10, { scenario } = {}) => getJSON('api/v1/actors', { q, limit, scenario }),
  neighborhood: (id, asOf, { scenario, types } = {}) =>
    getJSON(`api/v1/actors/${enc(id)}/neighborhood`, { depth: 1, format: 'cytoscape', as_of: asOf, types: list(types), scenario }),
  paths: ({ from, to, types, asOf, k = 3, maxHops, minConfidence, exclude, scenario }) =>
    getJSON('api/v1/paths', { from, to, mode: 'k_shortest', k, max_hops: maxHops, types: list(types), as_of: asOf,
      min_confidence: minConfidence, exclude: list(exclude), scenario }),
  influence: (algorithm, asOf, limit = 10, { types, scenario } = {}) =>
    getJSON('api/v1/influence', { algorithm, limit, as_of: asOf, types: list(types), scenario }),
  // One actor's sway and pressure on every other (and theirs on it): the
  // size-by's sway and pressure; one channel each, the fewest it answers.
  actorInfluence: (id, { asOf, types, scenario } = {}) =>
    getJSON(`api/v1/actors/${enc(id)}/influence`, { limit: 1000, paths: 1, as_of: asOf, types: list(types), scenario }),
  // The go-betweens of two actors: access to both, brokerage between
  // their camps, each with its channel to each side.
  mediators: (a, b, { asOf, types, scenario, limit = 10 } = {}) =>
    getJSON('api/v1/mediators', { between: `${a},${b}`, limit, as_of: asOf, types: list(types), scenario }),
  // The coded events a derived relationship was folded from (event data).
  relationshipEvents: (id, limit = 20) => getJSON(`api/v1/relationships/${enc(id)}/events`, { limit }),
  relationshipTypes: () => getJSON('api/v1/relationship-types'),
  relationship: (id, { scenario } = {}) => getJSON(`api/v1/relationships/${enc(id)}`, { scenario }),
  // Every tie of an actor, whatever its dates (the evidence panel marks the
  // ones not valid on the day shown); at most the API's page of 1,000.
  actorRelationships: (id, { scenario } = {}) => getJSON('api/v1/relationships', { actor: id, limit: 1000, scenario }),
  scenarios: () => getJSON('api/v1/scenarios', { limit: 100 }),
  createScenario: (body) => sendJSON('POST', 'api/v1/scenarios', body),
  compare: (id, { measures = 'pagerank,pn,balance', asOf, types, limit = 10 } = {}) =>
    getJSON(`api/v1/scenarios/${enc(id)}/compare`, { measures, as_of: asOf, types: list(types), limit }),
};
