package viz

import (
	"encoding/json"
	"io"
)

// actorFields are an actor's attributes in every JSON format.
type actorFields struct {
	Name        string         `json:"name"`
	Kind        string         `json:"kind"`
	CountryCode string         `json:"country_code,omitempty"`
	Region      string         `json:"region,omitempty"`
	Aliases     []string       `json:"aliases"`
	Tags        []string       `json:"tags"`
	Description string         `json:"description,omitempty"`
	Attributes  map[string]any `json:"attributes,omitempty"`
}

// relFields are a relationship's attributes in the JSON formats but
// graphology's (which renames type; see graphologyEdgeAttrs).
type relFields struct {
	Type       string  `json:"type"`
	Sign       int     `json:"sign"`
	Weight     float64 `json:"weight"`
	Confidence float64 `json:"confidence"`
	ValidFrom  string  `json:"valid_from,omitempty"`
	ValidTo    string  `json:"valid_to,omitempty"`
	Symmetric  bool    `json:"symmetric"`
}

func (m *model) actorFields(i int) actorFields {
	a := &m.actors[i]
	return actorFields{
		Name: a.Name, Kind: string(a.Kind), CountryCode: a.CountryCode, Region: a.Region,
		Aliases: nonNil(a.Aliases), Tags: nonNil(a.Tags), Description: a.Description,
		Attributes: a.Attributes,
	}
}

// at is actor i's position for the formats that embed *Point, or nil.
func (m *model) at(i int) *Point {
	if m.pos == nil {
		return nil
	}
	return &m.pos[i]
}

func (e *edge) fields() relFields {
	return relFields{
		Type: e.Type, Sign: e.sign, Weight: e.Weight, Confidence: e.Confidence,
		ValidFrom: dateString(e.ValidFrom), ValidTo: dateString(e.ValidTo), Symmetric: e.symmetric,
	}
}

func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // names such as "AT&T" stay readable; the media type is JSON, never HTML
	return enc.Encode(v)
}

// json: detente's own format, documented on Write.

type jsonDoc struct {
	Nodes []jsonNode `json:"nodes"`
	Edges []jsonEdge `json:"edges"`
}

type jsonNode struct {
	ID string `json:"id"`
	actorFields
	*Point // x, y with a layout; left out without
}

type jsonEdge struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Target string `json:"target"`
	relFields
}

func writeJSON(w io.Writer, m *model) error {
	doc := jsonDoc{Nodes: make([]jsonNode, len(m.actors)), Edges: make([]jsonEdge, len(m.rels))}
	for i := range m.actors {
		doc.Nodes[i] = jsonNode{ID: m.actors[i].ID, actorFields: m.actorFields(i), Point: m.at(i)}
	}
	for i := range m.rels {
		e := m.edge(i)
		doc.Edges[i] = jsonEdge{ID: e.ID, Source: e.Source, Target: e.Target, relFields: e.fields()}
	}
	return encodeJSON(w, doc)
}

// cytoscape: Cytoscape.js elements JSON (https://js.cytoscape.org/#notation/elements-json),
//
//	{"elements": {"nodes": [{"data": {"id", "label", ...}, "classes": "state"}],
//	              "edges": [{"data": {"id", "source", "target", "relationship_id",
//	                                  "type", "sign", ...}, "classes": "negative"}]}}
//
// Nodes carry their kind as a class and edges their polarity ("positive",
// "negative", "structural") plus "symmetric" for symmetric types, so a
// stylesheet can select on either classes or data (edge[sign < 0]).
// Cytoscape.js keeps node and edge ids in one namespace, so an edge whose
// id is also an actor's id gets the id "relationship:ID"; relationship_id
// always holds the relationship's own id.

type cyDoc struct {
	Elements cyElements `json:"elements"`
}

type cyElements struct {
	Nodes []cyNode `json:"nodes"`
	Edges []cyEdge `json:"edges"`
}

type cyNode struct {
	Data     cyNodeData `json:"data"`
	Position *Point     `json:"position,omitempty"` // with a layout
	Classes  string     `json:"classes"`
}

type cyNodeData struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	actorFields
}

type cyEdge struct {
	Data    cyEdgeData `json:"data"`
	Classes string     `json:"classes"`
}

type cyEdgeData struct {
	ID             string `json:"id"`
	Source         string `json:"source"`
	Target         string `json:"target"`
	RelationshipID string `json:"relationship_id"`
	relFields
}

// CytoscapeEdgePrefix is put before a relationship id that is also an
// actor id, to make the Cytoscape.js element id unique.
const CytoscapeEdgePrefix = "relationship:"

func writeCytoscape(w io.Writer, m *model) error {
	doc := cyDoc{cyElements{Nodes: make([]cyNode, len(m.actors)), Edges: make([]cyEdge, len(m.rels))}}
	ids := make(map[string]bool, len(m.actors))
	for i := range m.actors {
		a := &m.actors[i]
		ids[a.ID] = true
		doc.Elements.Nodes[i] = cyNode{
			Data:     cyNodeData{ID: a.ID, Label: a.Name, actorFields: m.actorFields(i)},
			Position: m.at(i),
			Classes:  string(a.Kind),
		}
	}
	for i := range m.rels {
		e := m.edge(i)
		id := e.ID
		if ids[id] {
			id = CytoscapeEdgePrefix + id
		}
		classes := polarity(e.sign)
		if e.symmetric {
			classes += " symmetric"
		}
		doc.Elements.Edges[i] = cyEdge{
			Data:    cyEdgeData{ID: id, Source: e.Source, Target: e.Target, RelationshipID: e.ID, relFields: e.fields()},
			Classes: classes,
		}
	}
	return encodeJSON(w, doc)
}

// graphology: graphology's serialised graph
// (https://graphology.github.io/serialization.html), a mixed multigraph:
//
//	{"attributes": {}, "options": {"type": "mixed", "multi": true, "allowSelfLoops": false},
//	 "nodes": [{"key", "attributes": {"label", "name", "kind", ...}}],
//	 "edges": [{"key", "source", "target", "undirected", "attributes": {...}}]}
//
// Symmetric relationships are undirected edges. The relationship type is
// the edge attribute "relationship_type" (and its "label"), not "type":
// sigma.js, graphology's renderer, reads an edge's "type" attribute as the
// name of the program that draws it and fails on any other value.

type glDoc struct {
	Attributes map[string]any `json:"attributes"`
	Options    glOptions      `json:"options"`
	Nodes      []glNode       `json:"nodes"`
	Edges      []glEdge       `json:"edges"`
}

type glOptions struct {
	Type           string `json:"type"`
	Multi          bool   `json:"multi"`
	AllowSelfLoops bool   `json:"allowSelfLoops"`
}

type glNode struct {
	Key        string      `json:"key"`
	Attributes glNodeAttrs `json:"attributes"`
}

type glNodeAttrs struct {
	Label string `json:"label"`
	actorFields
	*Point // x, y: where sigma.js draws the node
}

type glEdge struct {
	Key        string      `json:"key"`
	Source     string      `json:"source"`
	Target     string      `json:"target"`
	Undirected bool        `json:"undirected"`
	Attributes glEdgeAttrs `json:"attributes"`
}

type glEdgeAttrs struct {
	Label            string  `json:"label"`
	RelationshipType string  `json:"relationship_type"`
	Sign             int     `json:"sign"`
	Weight           float64 `json:"weight"`
	Confidence       float64 `json:"confidence"`
	ValidFrom        string  `json:"valid_from,omitempty"`
	ValidTo          string  `json:"valid_to,omitempty"`
	Symmetric        bool    `json:"symmetric"`
}

func writeGraphology(w io.Writer, m *model) error {
	doc := glDoc{
		Attributes: map[string]any{},
		// Relationships never join an actor to itself (graph.ValidateRelationship).
		Options: glOptions{Type: "mixed", Multi: true, AllowSelfLoops: false},
		Nodes:   make([]glNode, len(m.actors)),
		Edges:   make([]glEdge, len(m.rels)),
	}
	for i := range m.actors {
		a := &m.actors[i]
		doc.Nodes[i] = glNode{Key: a.ID, Attributes: glNodeAttrs{Label: a.Name, actorFields: m.actorFields(i), Point: m.at(i)}}
	}
	for i := range m.rels {
		e := m.edge(i)
		f := e.fields()
		doc.Edges[i] = glEdge{
			Key: e.ID, Source: e.Source, Target: e.Target, Undirected: e.symmetric,
			Attributes: glEdgeAttrs{
				Label: e.Type, RelationshipType: e.Type, Sign: f.Sign, Weight: f.Weight, Confidence: f.Confidence,
				ValidFrom: f.ValidFrom, ValidTo: f.ValidTo, Symmetric: f.Symmetric,
			},
		}
	}
	return encodeJSON(w, doc)
}

// d3: the node-link JSON of d3-force (forceLink().id(d => d.id) resolves
// the string endpoints), with the directed/multigraph/graph keys that let
// NetworkX read it too (nx.node_link_graph(data, edges="links")):
//
//	{"directed": true, "multigraph": true, "graph": {},
//	 "nodes": [{"id", "name", "kind", ...}],
//	 "links": [{"id", "source", "target", "type", "sign", ...}]}

type d3Doc struct {
	Directed   bool           `json:"directed"`
	Multigraph bool           `json:"multigraph"`
	Graph      map[string]any `json:"graph"`
	Nodes      []jsonNode     `json:"nodes"`
	Links      []jsonEdge     `json:"links"`
}

func writeD3(w io.Writer, m *model) error {
	doc := d3Doc{Directed: true, Multigraph: true, Graph: map[string]any{},
		Nodes: make([]jsonNode, len(m.actors)), Links: make([]jsonEdge, len(m.rels))}
	for i := range m.actors {
		doc.Nodes[i] = jsonNode{ID: m.actors[i].ID, actorFields: m.actorFields(i), Point: m.at(i)}
	}
	for i := range m.rels {
		e := m.edge(i)
		doc.Links[i] = jsonEdge{ID: e.ID, Source: e.Source, Target: e.Target, relFields: e.fields()}
	}
	return encodeJSON(w, doc)
}
