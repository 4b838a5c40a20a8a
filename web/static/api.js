// The explorer's client of detente's public API. Every URL is relative to
// the page, so the page works wherever the API is mounted and never talks
// to another origin.

/** An API error, carrying the RFC 9457 problem details when there are some. */
export class APIError extends Error {
  constructor(status, problem, url) {
    const msg = problem?.detail || problem?.title || `HTTP ${status}`;
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

/** getJSON fetches path with the query params that have a value. */
export async function getJSON(path, params = {}) {
  const url = resolve(path);
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  let res;
  try {
    res = await fetch(url, {
      headers: { Accept: 'application/json, application/problem+json' },
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

const enc = encodeURIComponent;

/** The endpoints the page uses, each as the API documents it. */
export const api = {
  // layout=force: the server places the actors (deterministic, cached per
  // graph version), so the page adds them where they belong and runs no
  // layout of its own; over the API's limit (400 limit-exceeded) the graph
  // comes without positions.
  graph: async (asOf, { layout = true } = {}) => {
    if (!layout) return getJSON('api/v1/graph', { format: 'cytoscape', as_of: asOf });
    try {
      return await getJSON('api/v1/graph', { format: 'cytoscape', layout: 'force', as_of: asOf });
    } catch (err) {
      if (!(err instanceof APIError && err.status === 400 && err.problem?.type?.endsWith('/limit-exceeded'))) throw err;
      return getJSON('api/v1/graph', { format: 'cytoscape', as_of: asOf });
    }
  },
  actors: (q, limit = 10) => getJSON('api/v1/actors', { q, limit }),
  neighborhood: (id, asOf) =>
    getJSON(`api/v1/actors/${enc(id)}/neighborhood`, { depth: 1, format: 'cytoscape', as_of: asOf }),
  paths: ({ from, to, types, asOf, k = 3 }) =>
    getJSON('api/v1/paths', { from, to, mode: 'k_shortest', k, types, as_of: asOf }),
  influence: (algorithm, asOf, limit = 10) => getJSON('api/v1/influence', { algorithm, limit, as_of: asOf }),
  relationshipTypes: () => getJSON('api/v1/relationship-types'),
};
