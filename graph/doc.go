// Package graph is detente's domain: actors, the typed and signed
// relationships between them, the relationship-type registry, path queries,
// domain errors and the Store interface every backend implements.
//
// It imports nothing of the project. Stores (memstore, neo4jstore) and the
// HTTP layer (api) speak only the types defined here.
package graph
