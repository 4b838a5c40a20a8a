package viz

// The documents of the JSON formats as Go types, one per format, for what
// describes them: the API derives each format's schema in its OpenAPI
// description from these types (api/graphschemas.go). The writers do not
// build them: they stream each list an element at a time (jsonList) in a
// skeleton of the same fields, with the element types below.
// TestDocumentTypesMatchWriters holds the two together: every format's
// output decodes into its type with no unknown field and encodes back to
// the same bytes.
//
// Every field is always written unless its tag says omitempty or it comes
// from an embedded *Point (a position, with a layout only).

// GraphJSON is the json format, detente's own node/edge lists.
type GraphJSON struct {
	Nodes []JSONNode `json:"nodes"`
	Edges []JSONEdge `json:"edges"`
}

// CytoscapeGraph is the cytoscape format: Cytoscape.js elements JSON.
type CytoscapeGraph struct {
	Elements CytoscapeElements `json:"elements"`
}

// CytoscapeElements are a Cytoscape.js graph's elements, by group.
type CytoscapeElements struct {
	Nodes []CytoscapeNode `json:"nodes"`
	Edges []CytoscapeEdge `json:"edges"`
}

// GraphologyGraph is the graphology format: graphology's serialised
// graph, as Graph.from() and graph.import() accept.
type GraphologyGraph struct {
	Attributes map[string]any    `json:"attributes"`
	Options    GraphologyOptions `json:"options"`
	Nodes      []GraphologyNode  `json:"nodes"`
	Edges      []GraphologyEdge  `json:"edges"`
}

// NodeLinkGraph is the d3 format: d3-force's node-link JSON with the keys
// NetworkX's node_link_graph reads.
type NodeLinkGraph struct {
	Directed   bool           `json:"directed"`
	Multigraph bool           `json:"multigraph"`
	Graph      map[string]any `json:"graph"`
	Nodes      []JSONNode     `json:"nodes"`
	Links      []JSONEdge     `json:"links"`
}

// Documents returns, for each JSON format, a value of its document type
// (GraphJSON for json, and so on); the XML formats have none.
func Documents() map[string]any {
	return map[string]any{
		"json": GraphJSON{}, "cytoscape": CytoscapeGraph{}, "graphology": GraphologyGraph{}, "d3": NodeLinkGraph{},
	}
}
