package viz

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
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
// graphology's (which renames type; see GraphologyEdgeAttributes).
type relFields struct {
	Type       string  `json:"type"`
	Sign       int     `json:"sign" minimum:"-1" maximum:"1"`
	Weight     float64 `json:"weight"`
	Confidence float64 `json:"confidence"`
	ValidFrom  string  `json:"valid_from,omitempty" format:"date"`
	ValidTo    string  `json:"valid_to,omitempty" format:"date"`
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

// jsonList is a list of a JSON document written one element at a time:
// n elements, element(i) for each. encoding/json has no streaming
// encoder (a MarshalJSON returns all its bytes at once), so a document
// whose lists are jsonLists is encoded with a marker in each list's place
// (the documents' other fields are fixed values, never user data, so a
// marker cannot clash), and encodeJSONLists writes the elements where
// the markers fall. Each element is encoded as it was inside a slice
// (encoding/json's output for a value does not depend on where it sits),
// so the bytes are the same as for the whole document
// (TestStreamedFormatsKeepTheirBytes), and only one element exists at a time
// (issue 15).
type jsonList struct {
	n       int
	element func(i int) any
}

// jsonMarker stands for list i in the encoded skeleton of a document.
func jsonMarker(i int) string { return "\x00list" + strconv.Itoa(i) }

// encodeJSONLists writes doc, built by skeleton with a marker (the string
// jsonMarker(i)) in place of lists[i], with each list's elements written
// where its marker falls.
func encodeJSONLists(w io.Writer, skeleton func(marker func(int) any) any, lists ...jsonList) error {
	var head bytes.Buffer
	if err := encodeJSON(&head, skeleton(func(i int) any { return jsonMarker(i) })); err != nil {
		return err
	}
	rest := head.Bytes()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for i, l := range lists {
		quoted, err := json.Marshal(jsonMarker(i))
		if err != nil {
			return err
		}
		before, after, ok := bytes.Cut(rest, quoted)
		if !ok {
			return fmt.Errorf("viz: list %d has no place in the document", i)
		}
		if _, err := w.Write(append(before, '[')); err != nil {
			return err
		}
		for j := range l.n {
			buf.Reset()
			if j > 0 {
				buf.WriteByte(',')
			}
			if err := enc.Encode(l.element(j)); err != nil {
				return err
			}
			if _, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))); err != nil {
				return err
			}
		}
		if _, err := w.Write([]byte{']'}); err != nil {
			return err
		}
		rest = after
	}
	_, err := w.Write(rest)
	return err
}

// json: detente's own format, documented on Write.

// The documents' lists are any: a marker, written over by the elements
// (jsonList).

type jsonDoc struct {
	Nodes any `json:"nodes"` // []JSONNode
	Edges any `json:"edges"` // []JSONEdge
}

// JSONNode is an actor in the json and d3 formats.
type JSONNode struct {
	ID string `json:"id"`
	actorFields
	*Point // x, y with a layout; left out without
}

// JSONEdge is a relationship in the json format and a link in d3.
type JSONEdge struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Target string `json:"target"`
	relFields
}

func writeJSON(w io.Writer, m *model) error {
	return encodeJSONLists(w, func(mark func(int) any) any { return jsonDoc{Nodes: mark(0), Edges: mark(1)} },
		jsonList{len(m.actors), func(i int) any { return m.jsonNode(i) }},
		jsonList{len(m.rels), func(i int) any { return m.jsonEdge(i) }})
}

func (m *model) jsonNode(i int) JSONNode {
	return JSONNode{ID: m.actors[i].ID, actorFields: m.actorFields(i), Point: m.at(i)}
}

func (m *model) jsonEdge(i int) JSONEdge {
	e := m.edge(i)
	return JSONEdge{ID: e.ID, Source: e.Source, Target: e.Target, relFields: e.fields()}
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
	Nodes any `json:"nodes"` // []CytoscapeNode
	Edges any `json:"edges"` // []CytoscapeEdge
}

// CytoscapeNode is an actor as a Cytoscape.js node element.
type CytoscapeNode struct {
	Data     CytoscapeNodeData `json:"data"`
	Position *Point            `json:"position,omitempty"` // with a layout
	Classes  string            `json:"classes"`
}

// CytoscapeNodeData is a node element's data.
type CytoscapeNodeData struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	actorFields
}

// CytoscapeEdge is a relationship as a Cytoscape.js edge element.
type CytoscapeEdge struct {
	Data    CytoscapeEdgeData `json:"data"`
	Classes string            `json:"classes"`
}

// CytoscapeEdgeData is an edge element's data.
type CytoscapeEdgeData struct {
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
	ids := make(map[string]bool, len(m.actors))
	for i := range m.actors {
		ids[m.actors[i].ID] = true
	}
	node := func(i int) any {
		a := &m.actors[i]
		return CytoscapeNode{
			Data:     CytoscapeNodeData{ID: a.ID, Label: a.Name, actorFields: m.actorFields(i)},
			Position: m.at(i),
			Classes:  string(a.Kind),
		}
	}
	edge := func(i int) any {
		e := m.edge(i)
		id := e.ID
		if ids[id] {
			id = CytoscapeEdgePrefix + id
		}
		classes := polarity(e.sign)
		if e.symmetric {
			classes += " symmetric"
		}
		return CytoscapeEdge{
			Data:    CytoscapeEdgeData{ID: id, Source: e.Source, Target: e.Target, RelationshipID: e.ID, relFields: e.fields()},
			Classes: classes,
		}
	}
	return encodeJSONLists(w, func(mark func(int) any) any { return cyDoc{cyElements{Nodes: mark(0), Edges: mark(1)}} },
		jsonList{len(m.actors), node}, jsonList{len(m.rels), edge})
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
	Attributes map[string]any    `json:"attributes"`
	Options    GraphologyOptions `json:"options"`
	Nodes      any               `json:"nodes"` // []GraphologyNode
	Edges      any               `json:"edges"` // []GraphologyEdge
}

// GraphologyOptions are a serialised graphology graph's options: always
// a mixed multigraph without self-loops.
type GraphologyOptions struct {
	Type           string `json:"type" enum:"mixed"`
	Multi          bool   `json:"multi"`
	AllowSelfLoops bool   `json:"allowSelfLoops"`
}

// GraphologyNode is an actor as a serialised graphology node.
type GraphologyNode struct {
	Key        string                   `json:"key"`
	Attributes GraphologyNodeAttributes `json:"attributes"`
}

// GraphologyNodeAttributes are a graphology node's attributes.
type GraphologyNodeAttributes struct {
	Label string `json:"label"`
	actorFields
	*Point // x, y: where sigma.js draws the node
}

// GraphologyEdge is a relationship as a serialised graphology edge.
type GraphologyEdge struct {
	Key        string                   `json:"key"`
	Source     string                   `json:"source"`
	Target     string                   `json:"target"`
	Undirected bool                     `json:"undirected"`
	Attributes GraphologyEdgeAttributes `json:"attributes"`
}

// GraphologyEdgeAttributes are a graphology edge's attributes.
type GraphologyEdgeAttributes struct {
	Label            string  `json:"label"`
	RelationshipType string  `json:"relationship_type"`
	Sign             int     `json:"sign" minimum:"-1" maximum:"1"`
	Weight           float64 `json:"weight"`
	Confidence       float64 `json:"confidence"`
	ValidFrom        string  `json:"valid_from,omitempty" format:"date"`
	ValidTo          string  `json:"valid_to,omitempty" format:"date"`
	Symmetric        bool    `json:"symmetric"`
}

func writeGraphology(w io.Writer, m *model) error {
	node := func(i int) any {
		a := &m.actors[i]
		return GraphologyNode{Key: a.ID, Attributes: GraphologyNodeAttributes{Label: a.Name, actorFields: m.actorFields(i), Point: m.at(i)}}
	}
	edge := func(i int) any {
		e := m.edge(i)
		f := e.fields()
		return GraphologyEdge{
			Key: e.ID, Source: e.Source, Target: e.Target, Undirected: e.symmetric,
			Attributes: GraphologyEdgeAttributes{
				Label: e.Type, RelationshipType: e.Type, Sign: f.Sign, Weight: f.Weight, Confidence: f.Confidence,
				ValidFrom: f.ValidFrom, ValidTo: f.ValidTo, Symmetric: f.Symmetric,
			},
		}
	}
	return encodeJSONLists(w, func(mark func(int) any) any {
		return glDoc{
			Attributes: map[string]any{},
			// Relationships never join an actor to itself (graph.ValidateRelationship).
			Options: GraphologyOptions{Type: "mixed", Multi: true, AllowSelfLoops: false},
			Nodes:   mark(0),
			Edges:   mark(1),
		}
	}, jsonList{len(m.actors), node}, jsonList{len(m.rels), edge})
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
	Nodes      any            `json:"nodes"` // []JSONNode
	Links      any            `json:"links"` // []JSONEdge
}

func writeD3(w io.Writer, m *model) error {
	return encodeJSONLists(w, func(mark func(int) any) any {
		return d3Doc{Directed: true, Multigraph: true, Graph: map[string]any{}, Nodes: mark(0), Links: mark(1)}
	}, jsonList{len(m.actors), func(i int) any { return m.jsonNode(i) }},
		jsonList{len(m.rels), func(i int) any { return m.jsonEdge(i) }})
}
