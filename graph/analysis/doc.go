// Package analysis runs detente's influence algorithms — PageRank,
// betweenness, closeness, eigenvector and degree centrality, personalised
// influence, mediators, blocs and structural balance — over a compact
// in-memory projection of the (filtered) graph, cached per graph version
// and filter by a Service.
//
// Definitions follow NetworkX so results can be checked against it (the
// tests do, on Zachary's karate club and on generated graphs whose
// reference values come from testdata/gen/gen.py):
//
//   - The projection is directed; symmetric relationship types give an edge
//     each way. Parallel relationships combine: flow measures add their
//     weights, path measures take the best single one (see Projection).
//     Actors are the endpoints of the selected relationships.
//   - pagerank: damping 0.85, dangling mass spread uniformly, weighted by
//     relationship weight with out-weights normalised; iterated well past
//     NetworkX's default tolerance (see PageRankTol).
//   - betweenness: exact (Brandes), normalised by (n-1)(n-2) as NetworkX
//     does for a directed graph, which on a graph of symmetric ties equals
//     its undirected normalisation. Weighted, an edge's length is 1/weight.
//   - closeness: NetworkX's closeness_centrality with wf_improved, on
//     distances towards the actor (incoming), 1/weight when weighted.
//   - eigenvector: NetworkX's eigenvector_centrality (power iteration on
//     A^T + I, unit Euclidean norm), in-edges counting.
//   - degree: distinct neighbours in either direction, or weighted the sum
//     of the weights of the actor's relationships, each once (NetworkX's
//     G.degree on the undirected view); in_degree and out_degree are the
//     DiGraph's. Plain counts by default (the karate reference's values);
//     InfluenceQuery.Normalized divides by n-1 as degree_centrality does.
//   - Rankings sort by score (rounded to 12 significant digits, so that
//     floating-point noise does not break ties), highest first, ties by id,
//     with competition ranks ("1224").
//
// The definitions of personalised influence (sign-aware: who sways an
// actor through cooperative ties and who pressures it, a truncated Katz
// path sum over signed channels), mediators, blocs and balance are on
// ActorInfluence, Mediators, Blocs and Balance. Key players (Borgatti
// 2006: the ties or actors whose removal, or a tie's sign flip, most
// lowers sway, pressure, the cooperation between two actors or the
// frustration index) are searched by recomputing those measures on the
// projection without them: see keyplayers.go.
//
// Errors are graph.Error values: EINVALID with one FieldError per bad
// parameter (named as the API's query parameters), ENOTFOUND for an actor
// the graph does not hold, EUNAVAILABLE when the context ends. A filter
// that selects nothing gives empty results, not an error.
package analysis
