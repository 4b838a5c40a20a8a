// Package cypher holds copies of the Cypher that graph/neo4jstore runs for
// the two requests the API-overhead benchmark compares (GET /api/v1/paths
// with defaults, GET /api/v1/actors/{id}), so that cmd/detente-bench can run
// exactly the same statements through neo4j-go-driver directly.
//
// The store builds its path query from allow-listed pieces and keeps it
// unexported; rather than widen its API for a benchmark, the text is copied
// here and graph/neo4jstore/benchcypher_test.go fails as soon as the store's
// query and this copy differ. This package imports nothing of the project,
// so that test can import it without a cycle.
package cypher

// ShortestPath is the one statement neo4jstore.(*Store).Paths runs for
// GET /api/v1/paths?from=F&to=T with every other parameter at its default
// (mode shortest, unweighted, direction both, max_hops 6, no type filter,
// limit 1), when a path exists: pathSearch.query(level{shortest: true}, "",
// orderCost). Without a type filter the pattern names no type, and the
// store reads neither the user-defined types (unless a path uses one) nor
// the endpoints (unless no path is found). Parameters: ShortestPathParams.
const ShortestPath = "MATCH (src:Actor {id: $from}), (dst:Actor {id: $to})\n" +
	"MATCH p = ALL SHORTEST (src)((x)-[r]-(y)){1,6}(dst)\n" +
	"WITH nodes(p) AS ns, relationships(p) AS rs\n" +
	"WITH ns, rs, reduce(c = 0.0, e IN rs | c + 1.0) AS cost\n" +
	"WITH ns, rs, cost, [n IN ns | n.id] AS ids, [e IN rs | e.id] AS rids\n" +
	"ORDER BY cost, ids, rids\n" +
	"LIMIT $limit\n" +
	"RETURN ids, [n IN ns | n.name] AS names,\n" +
	"  [e IN rs | {source: startNode(e).id, target: endNode(e).id, props: properties(e)}] AS rels"

// ShortestPathParams are ShortestPath's parameters for one pair.
func ShortestPathParams(from, to string) map[string]any {
	return map[string]any{"from": from, "to": to, "limit": int64(1)}
}

// GetActor is what neo4jstore.(*Store).GetActor runs (parameter $id).
const GetActor = `MATCH (a:Actor {id: $id}) RETURN properties(a) AS a`
