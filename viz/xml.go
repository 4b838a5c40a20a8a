package viz

import (
	"encoding/xml"
	"hash/fnv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/detente/detente/graph"
)

// The XML formats have no list type that every reader shares, so lists
// (tags, aliases) are one string joined with listSep, the separator of
// GEXF 1.2's liststring values. A tag or alias that itself contains "|"
// cannot be split back; the JSON formats carry lists as arrays.
const listSep = "|"

const xsiNS = "http://www.w3.org/2001/XMLSchema-instance"

// nodeAttr and edgeAttr declare one attribute of the XML formats: its
// name, its type in GraphML's and GEXF's vocabularies ("" where the format
// has a native place for it instead), and how to read it.
type nodeAttr struct {
	name, graphmlType, gexfType string
	value                       func(m *model, i int) string
}

type edgeAttr struct {
	name, graphmlType, gexfType string
	value                       func(e *edge) string
}

var nodeAttrs = []nodeAttr{
	{"label", "string", "", func(m *model, i int) string { return m.actors[i].Name }},
	{"name", "string", "string", func(m *model, i int) string { return m.actors[i].Name }},
	{"kind", "string", "string", func(m *model, i int) string { return string(m.actors[i].Kind) }},
	{"country_code", "string", "string", func(m *model, i int) string { return m.actors[i].CountryCode }},
	{"region", "string", "string", func(m *model, i int) string { return m.actors[i].Region }},
	{"tags", "string", "string", func(m *model, i int) string { return strings.Join(m.actors[i].Tags, listSep) }},
	{"aliases", "string", "string", func(m *model, i int) string { return strings.Join(m.actors[i].Aliases, listSep) }},
	{"description", "string", "string", func(m *model, i int) string { return m.actors[i].Description }},
}

var edgeAttrs = []edgeAttr{
	{"type", "string", "string", func(e *edge) string { return e.Type }},
	{"sign", "int", "integer", func(e *edge) string { return strconv.Itoa(e.sign) }},
	{"weight", "double", "", func(e *edge) string { return formatFloat(e.Weight) }},
	{"confidence", "double", "double", func(e *edge) string { return formatFloat(e.Confidence) }},
	{"valid_from", "string", "string", func(e *edge) string { return dateString(e.ValidFrom) }},
	{"valid_to", "string", "string", func(e *edge) string { return dateString(e.ValidTo) }},
	{"symmetric", "boolean", "boolean", func(e *edge) string { return strconv.FormatBool(e.symmetric) }},
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func encodeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// graphml: GraphML 1.0 (http://graphml.graphdrawing.org/specification.html)
// with a typed <key> (attr.name, attr.type) for every attribute. The graph
// is directed; a symmetric relationship is one edge with the boolean
// attribute symmetric=true rather than an edge with directed="false":
// GraphML allows that per-edge override, but NetworkX's reader rejects a
// mixed graph, and the symmetric attribute says the same to any stylesheet.
// Node "label" duplicates "name" because yEd and Gephi label nodes from an
// attribute of that name; Gephi takes the edge weight from "weight". Values
// left empty (no country code, an open validity end) have no <data>.

type gmlDoc struct {
	XMLName        xml.Name `xml:"graphml"`
	Xmlns          string   `xml:"xmlns,attr"`
	XmlnsXSI       string   `xml:"xmlns:xsi,attr"`
	SchemaLocation string   `xml:"xsi:schemaLocation,attr"`
	Keys           []gmlKey `xml:"key"`
	Graph          gmlGraph `xml:"graph"`
}

type gmlKey struct {
	ID       string `xml:"id,attr"`
	For      string `xml:"for,attr"`
	AttrName string `xml:"attr.name,attr"`
	AttrType string `xml:"attr.type,attr"`
}

type gmlGraph struct {
	ID          string     `xml:"id,attr"`
	EdgeDefault string     `xml:"edgedefault,attr"`
	Nodes       gmlNodeSeq `xml:"node"`
	Edges       gmlEdgeSeq `xml:"edge"`
}

// gmlNodeSeq and gmlEdgeSeq are a graph's <node> and <edge> elements,
// built and encoded one at a time (see elementSeq).
type gmlNodeSeq struct{ m *model }

type gmlEdgeSeq struct{ m *model }

func (s gmlNodeSeq) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return elementSeq(e, start, len(s.m.actors), s.m.gmlNode)
}

func (s gmlEdgeSeq) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return elementSeq(e, start, len(s.m.rels), s.m.gmlEdge)
}

// elementSeq encodes n elements named as start, element(i) for each i,
// through e. It is what a slice field of the document encodes to, byte
// for byte (TestStreamedFormatsKeepTheirBytes), but only one element
// exists at a time: a document of 10^6 relationships used to be built whole — about
// five times the size of its text — before its first byte was written
// (issue 15). Each element is flushed to the writer under e as it is
// encoded, so a writer that fails (a client gone, a request out of time)
// stops the rendering at the next element.
func elementSeq[T any](e *xml.Encoder, start xml.StartElement, n int, element func(int) T) error {
	for i := range n {
		if err := e.EncodeElement(element(i), start); err != nil {
			return err
		}
	}
	return nil
}

type gmlNode struct {
	ID   string    `xml:"id,attr"`
	Data []gmlData `xml:"data"`
}

// The GraphML keys of a node's position: attribute names x and y, which
// Gephi's GraphML importer takes as the node's place.
var gmlPositionKeys = []gmlKey{
	{ID: "node_x", For: "node", AttrName: "x", AttrType: "double"},
	{ID: "node_y", For: "node", AttrName: "y", AttrType: "double"},
}

type gmlEdge struct {
	ID     string    `xml:"id,attr"`
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Label  string    `xml:"label,attr"` // the edge's kind, for Gephi (see gexf below)
	Data   []gmlData `xml:"data"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func writeGraphML(w io.Writer, m *model) error {
	doc := gmlDoc{
		Xmlns:          "http://graphml.graphdrawing.org/xmlns",
		XmlnsXSI:       xsiNS,
		SchemaLocation: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Graph:          gmlGraph{ID: "detente", EdgeDefault: "directed", Nodes: gmlNodeSeq{m}, Edges: gmlEdgeSeq{m}},
	}
	for _, a := range nodeAttrs {
		doc.Keys = append(doc.Keys, gmlKey{ID: "node_" + a.name, For: "node", AttrName: a.name, AttrType: a.graphmlType})
	}
	if m.pos != nil {
		doc.Keys = append(doc.Keys, gmlPositionKeys...)
	}
	for _, a := range edgeAttrs {
		doc.Keys = append(doc.Keys, gmlKey{ID: "edge_" + a.name, For: "edge", AttrName: a.name, AttrType: a.graphmlType})
	}
	return encodeXML(w, doc)
}

// gmlNode is actor i's <node>.
func (m *model) gmlNode(i int) gmlNode {
	n := gmlNode{ID: m.actors[i].ID}
	for _, a := range nodeAttrs {
		if v := a.value(m, i); v != "" {
			n.Data = append(n.Data, gmlData{Key: "node_" + a.name, Value: v})
		}
	}
	if p := m.at(i); p != nil {
		n.Data = append(n.Data, gmlData{Key: "node_x", Value: formatFloat(p.X)}, gmlData{Key: "node_y", Value: formatFloat(p.Y)})
	}
	return n
}

// gmlEdge is relationship i's <edge>.
func (m *model) gmlEdge(i int) gmlEdge {
	e := m.edge(i)
	x := gmlEdge{ID: e.ID, Source: e.Source, Target: e.Target, Label: m.kind(e)}
	for _, a := range edgeAttrs {
		if v := a.value(e); v != "" {
			x.Data = append(x.Data, gmlData{Key: "edge_" + a.name, Value: v})
		}
	}
	return x
}

// gexf: GEXF 1.3 (https://gexf.net), a dynamic graph with dates as time
// (mode="dynamic", timeformat="date"). Attributes are declared per class
// in <attributes>; the node label is the actor's name; each edge has the
// relationship type as its label and as its kind (GEXF 1.3's way to keep
// parallel edges of different types apart), its weight as the native
// weight, and its validity as the edge's start/end interval (an open end
// has no bound), so Gephi's timeline filters it.
//
// Each relationship is one edge, read so by Gephi's importer with its
// default settings (checked with gephi-toolkit in TestConsumersGephi): a
// relationship of a symmetric type is an edge of type "undirected", the
// others "directed". A graph with both is mixed, and then has no
// defaultedgetype (GEXF's default is undirected, so every edge states its
// type): Gephi drops an undirected edge from a graph declared directed and
// does not know "mutual". NetworkX reads no mixed graph at all; a graph
// without symmetric ties is declared directed, which both read. The
// boolean attribute symmetric says it too.
//
// Gephi merges parallel edges (same ends, same kind) into one, summing
// their weights and mixing their intervals, so an edge's kind is its type
// only for the first tie of that type between its two actors (by id); a
// further one has its type and its start day as its kind ("arms
// (2019-05-01)"; an undated one "arms #2"). GraphML edges carry the same
// kind in a label attribute, where Gephi's GraphML importer reads it.

type gexfDoc struct {
	XMLName        xml.Name  `xml:"gexf"`
	Xmlns          string    `xml:"xmlns,attr"`
	XmlnsViz       string    `xml:"xmlns:viz,attr,omitempty"` // with positions
	XmlnsXSI       string    `xml:"xmlns:xsi,attr"`
	SchemaLocation string    `xml:"xsi:schemaLocation,attr"`
	Version        string    `xml:"version,attr"`
	Meta           gexfMeta  `xml:"meta"`
	Graph          gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	LastModified string `xml:"lastmodifieddate,attr,omitempty"`
	Creator      string `xml:"creator"`
	Description  string `xml:"description"`
}

type gexfGraph struct {
	Mode            string           `xml:"mode,attr"`
	DefaultEdgeType string           `xml:"defaultedgetype,attr,omitempty"`
	TimeFormat      string           `xml:"timeformat,attr"`
	Attributes      []gexfAttributes `xml:"attributes"`
	Nodes           gexfNodes        `xml:"nodes"`
	Edges           gexfEdges        `xml:"edges"`
}

type gexfAttributes struct {
	Class string     `xml:"class,attr"`
	Mode  string     `xml:"mode,attr,omitempty"`
	Attrs []gexfAttr `xml:"attribute"`
}

type gexfAttr struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNodes struct {
	Count int         `xml:"count,attr"`
	Nodes gexfNodeSeq `xml:"node"`
}

// gexfNodeSeq and gexfEdgeSeq are the <node> and <edge> elements, built
// and encoded one at a time (see elementSeq).
type gexfNodeSeq struct{ m *model }

type gexfEdgeSeq struct{ m *model }

func (s gexfNodeSeq) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return elementSeq(e, start, len(s.m.actors), s.m.gexfNode)
}

func (s gexfEdgeSeq) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return elementSeq(e, start, len(s.m.rels), s.m.gexfEdge)
}

type gexfNode struct {
	ID        string         `xml:"id,attr"`
	Label     string         `xml:"label,attr"`
	AttValues *gexfAttValues `xml:"attvalues"`
	Position  *gexfPosition  `xml:"viz:position"`
}

// gexfPosition is GEXF 1.3's <viz:position> (namespace gexfVizNS).
type gexfPosition struct {
	X float64 `xml:"x,attr"`
	Y float64 `xml:"y,attr"`
}

const gexfVizNS = "http://gexf.net/1.3/viz"

type gexfEdges struct {
	Count int         `xml:"count,attr"`
	Edges gexfEdgeSeq `xml:"edge"`
}

type gexfEdge struct {
	ID        string         `xml:"id,attr"`
	Source    string         `xml:"source,attr"`
	Target    string         `xml:"target,attr"`
	Type      string         `xml:"type,attr"`
	Kind      string         `xml:"kind,attr"`
	Label     string         `xml:"label,attr"`
	Weight    float64        `xml:"weight,attr"`
	Start     string         `xml:"start,attr,omitempty"`
	End       string         `xml:"end,attr,omitempty"`
	AttValues *gexfAttValues `xml:"attvalues"`
}

type gexfAttValues struct {
	Values []gexfAttValue `xml:"attvalue"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
	// A dynamic value's spell, both days included.
	Start string `xml:"start,attr,omitempty"`
	End   string `xml:"end,attr,omitempty"`
}

// seriesAttr is the id of a series' dynamic attribute: apart from the
// static attributes' names.
func seriesAttr(s *Series) string { return "series_" + s.Name }

// seriesValues are actor id's values of a series, each with its spell.
func seriesValues(s *Series, id string) []gexfAttValue {
	var vals []gexfAttValue
	for i, day := range s.Days {
		v, ok := s.Values[i][id]
		if !ok {
			continue
		}
		end := s.End
		if i+1 < len(s.Days) {
			end = graph.DateOf(s.Days[i+1].Time().AddDate(0, 0, -1))
		}
		vals = append(vals, gexfAttValue{For: seriesAttr(s), Value: formatFloat(v), Start: day.String(), End: end.String()})
	}
	return vals
}

func writeGEXF(w io.Writer, m *model) error {
	doc := gexfDoc{
		Xmlns:          "http://gexf.net/1.3",
		XmlnsXSI:       xsiNS,
		SchemaLocation: "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
		Version:        "1.3",
		Meta: gexfMeta{
			LastModified: m.lastModified(),
			Creator:      "detente",
			Description:  "Stakeholders and their typed, signed, dated relationships",
		},
		Graph: gexfGraph{Mode: "dynamic", DefaultEdgeType: m.gexfDefaultEdgeType(), TimeFormat: "date",
			Nodes: gexfNodes{Count: len(m.actors), Nodes: gexfNodeSeq{m}},
			Edges: gexfEdges{Count: len(m.rels), Edges: gexfEdgeSeq{m}},
		},
	}
	if m.pos != nil {
		doc.XmlnsViz = gexfVizNS
	}
	nodeDecl := gexfAttributes{Class: "node"}
	for _, a := range nodeAttrs {
		if a.gexfType != "" { // label is the node's own label attribute
			nodeDecl.Attrs = append(nodeDecl.Attrs, gexfAttr{ID: a.name, Title: a.name, Type: a.gexfType})
		}
	}
	edgeDecl := gexfAttributes{Class: "edge"}
	for _, a := range edgeAttrs {
		if a.gexfType != "" { // weight is the edge's own weight attribute
			edgeDecl.Attrs = append(edgeDecl.Attrs, gexfAttr{ID: a.name, Title: a.name, Type: a.gexfType})
		}
	}
	doc.Graph.Attributes = []gexfAttributes{nodeDecl, edgeDecl}
	if m.series != nil {
		doc.Graph.Attributes = append(doc.Graph.Attributes, gexfAttributes{Class: "node", Mode: "dynamic",
			Attrs: []gexfAttr{{ID: seriesAttr(m.series), Title: m.series.Name, Type: "double"}}})
	}

	return encodeXML(w, doc)
}

// gexfNode is actor i's <node>.
func (m *model) gexfNode(i int) gexfNode {
	n := gexfNode{ID: m.actors[i].ID, Label: m.actors[i].Name}
	var vals []gexfAttValue
	for _, a := range nodeAttrs {
		if a.gexfType == "" {
			continue
		}
		if v := a.value(m, i); v != "" {
			vals = append(vals, gexfAttValue{For: a.name, Value: v})
		}
	}
	if m.series != nil {
		vals = append(vals, seriesValues(m.series, m.actors[i].ID)...)
	}
	if len(vals) > 0 {
		n.AttValues = &gexfAttValues{vals}
	}
	if p := m.at(i); p != nil {
		n.Position = &gexfPosition{X: p.X, Y: p.Y}
	}
	return n
}

// gexfEdge is relationship i's <edge>.
func (m *model) gexfEdge(i int) gexfEdge {
	e := m.edge(i)
	typ := "directed"
	if e.symmetric {
		typ = "undirected"
	}
	x := gexfEdge{ID: e.ID, Source: e.Source, Target: e.Target, Type: typ, Kind: m.kind(e), Label: e.Type,
		Weight: e.Weight, Start: dateString(e.ValidFrom), End: dateString(e.ValidTo)}
	var vals []gexfAttValue
	for _, a := range edgeAttrs {
		if a.gexfType == "" {
			continue
		}
		if v := a.value(e); v != "" {
			vals = append(vals, gexfAttValue{For: a.name, Value: v})
		}
	}
	x.AttValues = &gexfAttValues{vals}
	return x
}

// lastModified is the day of the latest update in the graph, so the same
// graph always exports the same bytes; "" when no record carries a time.
func (m *model) lastModified() string {
	var last time.Time
	for i := range m.actors {
		if t := m.actors[i].UpdatedAt; t.After(last) {
			last = t
		}
	}
	for i := range m.rels {
		if t := m.rels[i].UpdatedAt; t.After(last) {
			last = t
		}
	}
	if last.IsZero() {
		return ""
	}
	return last.UTC().Format(time.DateOnly)
}

// gexfDefaultEdgeType is "directed" when no relationship has a symmetric
// type, else "" (mixed: every edge states its type).
func (m *model) gexfDefaultEdgeType() string {
	for i := range m.rels {
		if t, _ := m.types.Get(m.rels[i].Type); t.Symmetric {
			return ""
		}
	}
	return "directed"
}

// kind is an edge's kind (see gexf above): its type, unless an earlier
// edge of the document has the same type and ends (either way round for a
// symmetric type). Edges must be asked for in document order, each once.
func (m *model) kind(e *edge) string {
	if m.kinds == nil {
		m.kinds = map[uint64]int{}
	}
	a, b := e.Source, e.Target
	if e.symmetric && b < a {
		a, b = b, a
	}
	// A 64-bit hash of the three names stands for them: a collision
	// would only mark an edge as parallel that is not, which a kind
	// with a day tolerates.
	h := fnv.New64a()
	for _, s := range []string{a, b, e.Type} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	key := h.Sum64()
	n := m.kinds[key]
	m.kinds[key] = n + 1
	switch {
	case n == 0:
		return e.Type
	case e.ValidFrom != nil:
		return e.Type + " (" + e.ValidFrom.String() + ")"
	}
	return e.Type + " #" + strconv.Itoa(n+1)
}
