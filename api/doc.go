// Package api is detente's HTTP interface: the Gin routes and handlers of
// the REST API described in shared/design/API.md, their request and
// response types (separate from the domain, converted by named functions
// that report every invalid field at once), strict JSON and query-string
// decoding, RFC 9457 problem details for every error, and the OpenAPI
// description generated from the annotations on the handlers.
//
// Imports flow one way: api -> graph (the domain) and api -> docs (the
// generated description). api never imports a store package; a Store is
// handed to NewServer.
//
// The general API information below feeds swag (see the command in the
// Makefile's docs target); per-operation annotations sit on each handler.
//
//	@title						detente API
//	@version					1.0
//	@description				A graph of geopolitical stakeholders: actors, the typed, signed and dated relationships between them, and the relationship-type registry.
//	@description				Errors are RFC 9457 problem details (application/problem+json) whose type is https://detente.dev/problems/ followed by a stable slug; every invalid input field is reported at once with its JSON path (errors[].path). Unknown JSON fields, unknown or repeated query parameters (a list parameter, declared comma-separated, may also be repeated: types=a&types=b reads as types=a,b), trailing data after the JSON value, invalid UTF-8 and unregistered relationship types are rejected with 400, never ignored; so are numbers beyond the range of a double (±1.8e308), inside attributes too, and integers in attributes beyond ±2^53 (9007199254740992), which a JSON number cannot carry exactly: send such an identifier as a string.
//	@description				Limits: JSON bodies 8 MiB (import 64 MiB) by default, else 413; page size 1-1000 (default 50); names 200 bytes, texts 10000 bytes, lists 100 entries, attributes 16384 bytes of JSON; paths of at most 10 hops, k at most 100, at most 1000 paths per answer and 100000 candidate paths per query (else 400 limit-exceeded). Time: each request's store work has a budget (default 10 s, DETENTE_QUERY_TIMEOUT); beyond it, and whenever the store is unreachable, 503 with Retry-After. A write the store has no disk space for is 507 insufficient-storage (nothing was written; retrying will not help until an operator frees space).
//	@description				Rate limit: each API key (or, without one, each client IP) may make 50 requests a second with bursts of 100 by default (DETENTE_RATE_LIMIT, DETENTE_RATE_BURST); beyond that every /api/v1 operation answers 429 with Retry-After, the seconds until the next request is allowed. Every limited answer, 429 or not, carries the client's allowance in the fields of the IETF draft on RateLimit header fields (draft-ietf-httpapi-ratelimit-headers-06): RateLimit-Limit (the burst), RateLimit-Remaining (the requests it may still send at once) and RateLimit-Reset (the seconds until the allowance is full again). The documentation (/openapi.json, /swagger/) and the explorer page (/) draw on the same allowance; /healthz and /readyz do not.
//	@description				Security: when the server has API keys, send one as Authorization: Bearer KEY or X-API-Key: KEY. Reads need a read key, every other method a write key (admin includes write, write includes read). Changes to the relationship-type registry (POST /api/v1/relationship-types, or an import that adds or changes types) need an admin key, and so does GET /metrics (Prometheus; open on an open server). Without keys the server is open and listens on loopback only.
//	@description				Conditional requests: single resources carry an ETag; PATCH and DELETE honour If-Match (412 when it does not match), GET honours If-None-Match (304 while it matches).
//	@BasePath					/
//	@tag.name					actors
//	@tag.description			States, IGOs, armed and political groups, people and companies: the graph's nodes.
//	@tag.name					relationships
//	@tag.description			Typed, signed, dated and sourced ties between actors: the graph's edges.
//	@tag.name					relationship-types
//	@tag.description			The registry of relationship types: sign, symmetry, default weight, CAMEO and PLOVER codes.
//	@tag.name					import-export
//	@tag.description			The whole graph in and out, all or nothing.
//	@tag.name					queries
//	@tag.description			Paths, influence, mediators, blocs, balance, key players, timelines and diffs.
//	@tag.name					events
//	@tag.description			Coded event data (GDELT, PLOVER, ICEWS, ACLED) ingested, listed with its provenance, and the events behind each derived relationship.
//	@tag.name					scenarios
//	@tag.description			What-if scenarios: changes over the graph that every read can answer on, and comparisons.
//	@tag.name					visualisation
//	@tag.description			The graph and neighbourhoods for Cytoscape.js, graphology, D3, GraphML and GEXF.
//	@tag.name					operations
//	@tag.description			Liveness, readiness and metrics.
//	@securityDefinitions.apikey	ApiKeyAuth
//	@in							header
//	@name						X-API-Key
//	@description				An API key, sent as X-API-Key: KEY.
//	@securityDefinitions.apikey	BearerAuth
//	@in							header
//	@name						Authorization
//	@description				An API key sent as a bearer token: Authorization: Bearer KEY.
package api
