// Package graph is detente's domain: actors, the typed and signed
// relationships between them, the relationship-type registry, path queries,
// revisions and domain errors, and Store, the portable layer every caller
// uses over the Driver each backend implements.
//
// Store holds the rules (normalising, validation, timestamps, revision
// checks, paging, path selection and caps), written once; a Driver
// (memstore, neo4jstore) stores, reads and searches, and makes each
// read-modify-write atomic. It imports nothing of the project: the
// backends and the API (api) speak only the types defined here.
package graph
