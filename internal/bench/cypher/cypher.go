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
// (mode shortest, unweighted, direction both, max_hops 6, every built-in
// type, limit 1): pathSearch.query(true, 1, 6, "", orderCost) over the
// built-in registry. Parameters: ShortestPathParams.
const ShortestPath = "MATCH (src:Actor {id: $from}), (dst:Actor {id: $to})\n" +
	"MATCH p = ALL SHORTEST (src)((x)-[r:`ALLIED_WITH`|`ARMS`|`ATTACKS`|`CRITICIZES`|`FUNDS`|`HOSTILE_TO`|`MEDIATES`|`MEMBER_OF`|`NEGOTIATES_WITH`|`OPPOSES`|`SANCTIONS`|`SPONSORS`|`SUPPORTS`|`THREATENS`]-(y)){1,6}(dst)\n" +
	"WITH nodes(p) AS ns, relationships(p) AS rs\n" +
	"WITH ns, rs, reduce(c = 0.0, e IN rs | c + 1.0) AS cost\n" +
	"WITH ns, rs, cost, [n IN ns | n.id] AS ids, [e IN rs | e.id] AS rids\n" +
	"ORDER BY cost, ids, rids\n" +
	"LIMIT $limit\n" +
	"RETURN ids, [n IN ns | n.name] AS names,\n" +
	"  [e IN rs | {source: startNode(e).id, target: endNode(e).id, props: properties(e)}] AS rels"

// Symmetric is the $symmetric parameter of ShortestPath on the built-in
// registry (unused by this pattern, which is undirected, but sent).
var Symmetric = []string{"allied_with", "hostile_to", "negotiates_with"}

// ShortestPathParams are ShortestPath's parameters for one pair.
func ShortestPathParams(from, to string) map[string]any {
	return map[string]any{"from": from, "to": to, "symmetric": Symmetric, "limit": int64(1)}
}

// The statements Paths runs in the same read transaction before the path
// query: the user-defined types (to build the registry) and the endpoints'
// existence check.
const (
	UserTypes   = `MATCH (t:RelationshipType) RETURN properties(t) AS t ORDER BY t.name`
	ActorsExist = `UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN a.id AS id`
)

// GetActor is what neo4jstore.(*Store).GetActor runs (parameter $id).
const GetActor = `MATCH (a:Actor {id: $id}) RETURN properties(a) AS a`
