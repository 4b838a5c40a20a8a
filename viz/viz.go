// Package viz writes a (sub)graph of actors and relationships in the
// formats that visualisation libraries and desktop tools read, each exactly
// as its consumer documents it:
//
//   - json: detente's own node/edge lists (documented on Write);
//   - cytoscape: Cytoscape.js elements JSON, as cytoscape({elements}) and
//     cy.json() accept;
//   - graphology: graphology's serialised graph, as Graph.from() and
//     graph.import() accept (sigma.js renders it);
//   - d3: the node-link JSON of d3-force (also readable by NetworkX's
//     node_link_graph with edges="links");
//   - graphml: GraphML 1.0 with typed <key> declarations (yEd, Gephi,
//     NetworkX, igraph);
//   - gexf: GEXF 1.3, dynamic, with relationship validity as time
//     intervals (Gephi's timeline, NetworkX).
//
// Every format carries the same facts, as attributes a stylesheet can use:
// for actors their id, name, kind, country code, region, tags, aliases and
// description; for relationships their id, endpoints, type, sign (the
// type's polarity: 1 cooperative, -1 conflictual, 0 structural), weight,
// confidence, validity dates and whether the type is symmetric.
//
// ForceLayout gives the actors positions (deterministic, force-directed),
// which every format then carries where its consumer reads a position.
//
// viz depends only on the domain package graph; the API hands it a graph
// already filtered, and it neither reads a store nor filters.
package viz

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"

	"github.com/detente/detente/graph"
)

// Graph is what Write exports: a subgraph, closed under its relationships
// (every relationship's endpoints are among Actors), and the registry that
// gives each relationship type its sign and symmetry. Write keeps the order
// of Actors and Relationships, so a sorted input gives a stable output.
type Graph struct {
	Actors        []graph.Actor
	Relationships []graph.Relationship
	Types         graph.Registry
	// Positions, when not nil, holds a Point for every actor (ForceLayout
	// computes them), and every format carries it where its consumer
	// reads a position: see Write.
	Positions map[string]Point
	// Series, when not nil, is a measure over time that gexf carries as a
	// dynamic node attribute (the other formats ignore it).
	Series *Series
}

// Series is an actor measure at successive days (a timeline): each
// actor's value on Days[i] holds from that day until the day before
// Days[i+1], the last until End. Values[i] maps actor id to value; an
// actor absent from it has no value on that day.
type Series struct {
	Name   string
	Days   []graph.Date
	Values []map[string]float64
	End    graph.Date
}

// Formats returns the formats Write knows, in the order the API documents
// them; the slice is the caller's.
func Formats() []string { return []string{"json", "cytoscape", "graphology", "d3", "graphml", "gexf"} }

// ErrUnknownFormat is returned (wrapped) by Write for a format not in
// Formats.
var ErrUnknownFormat = errors.New("viz: unknown format")

// ContentType returns the media type of a format, or "" for an unknown
// one. GraphML and GEXF have no registered media type; the +xml names are
// the ones their communities use, and they tell generic clients it is XML.
func ContentType(format string) string {
	switch format {
	case "json", "cytoscape", "graphology", "d3":
		return "application/json" // as every JSON answer of the API: JSON is UTF-8 by definition (RFC 8259), the media type has no charset parameter
	case "graphml":
		return "application/graphml+xml; charset=utf-8"
	case "gexf":
		return "application/gexf+xml; charset=utf-8"
	}
	return ""
}

// Extension returns the file name extension for a format (".json",
// ".graphml", ".gexf"), or "" for an unknown one: for a download's
// Content-Disposition.
func Extension(format string) string {
	switch format {
	case "json", "cytoscape", "graphology", "d3":
		return ".json"
	case "graphml":
		return ".graphml"
	case "gexf":
		return ".gexf"
	}
	return ""
}

// Write encodes g in format to w.
//
// It checks the whole graph before it writes a byte, so on error nothing
// has been written and an HTTP handler can still answer with an error
// status. It fails on an unknown format (ErrUnknownFormat), duplicate
// actor or relationship ids, a relationship whose endpoint is not among
// the actors, and a relationship type missing from g.Types.
//
// The json format, detente's own, is
//
//	{"nodes": [{"id", "name", "kind", "country_code"?, "region"?,
//	            "aliases", "tags", "description"?, "attributes"?}],
//	 "edges": [{"id", "source", "target", "type", "sign", "weight",
//	            "confidence", "valid_from"?, "valid_to"?, "symmetric"}]}
//
// where "?" marks a key left out when empty (an open validity end has no
// date). The other formats carry the same fields under the names and
// types their consumers expect; see the format's writer for details.
//
// With g.Positions each node also has its place: "x" and "y" in json, d3
// (d3-force starts from them) and graphology's node attributes (sigma.js
// draws from them), the element's "position" in cytoscape (the preset
// layout), x and y <data> in graphml (Gephi's importer reads them) and
// <viz:position> in gexf (GEXF 1.3's viz module).
func Write(w io.Writer, format string, g Graph) error {
	enc, ok := writers[format]
	if !ok {
		return fmt.Errorf("%w %q; known: %v", ErrUnknownFormat, format, Formats())
	}
	m, err := newModel(g)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if err := enc(bw, m); err != nil {
		return err
	}
	return bw.Flush()
}

var writers = map[string]func(io.Writer, *model) error{
	"json":       writeJSON,
	"cytoscape":  writeCytoscape,
	"graphology": writeGraphology,
	"d3":         writeD3,
	"graphml":    writeGraphML,
	"gexf":       writeGEXF,
}

// model is a checked Graph. It holds no per-relationship copy: the
// derived fields of relationship i (edge) are looked up as each is
// written, so that rendering the export of a large graph costs no memory
// in proportion to it beyond the graph itself, which requests share
// (issue 15: 60 streamed GEXF answers of one graph held 550 MB more when
// each built its own edges and checking maps).
type model struct {
	actors []graph.Actor
	rels   []graph.Relationship
	types  graph.Registry
	pos    []Point // aligned with actors; nil without positions
	series *Series
	// kinds counts the edges written so far per (ends, type) hash, for
	// the XML formats' edge kinds (see kind).
	kinds map[uint64]int
}

// edge is a relationship with the fields its type gives it.
type edge struct {
	*graph.Relationship
	sign      int
	symmetric bool
}

// edge returns relationship i with its type's sign and symmetry; newModel
// has checked that its type is registered.
func (m *model) edge(i int) *edge {
	r := &m.rels[i]
	t, _ := m.types.Get(r.Type)
	return &edge{Relationship: r, sign: t.Polarity, symmetric: t.Symmetric}
}

func newModel(g Graph) (*model, error) {
	m := &model{actors: g.Actors, rels: g.Relationships, types: g.Types, series: g.Series}
	if s := g.Series; s != nil && (len(s.Values) != len(s.Days) || s.Name == "") {
		return nil, fmt.Errorf("viz: a series needs a name and one set of values a day")
	}
	// Stores export records sorted by id: then duplicates are neighbours
	// and endpoints are found by binary search, with no set of ids built
	// (sortedIDs); any other order is checked through maps.
	hasActor, err := idSet(g.Actors, func(a *graph.Actor) string { return a.ID }, "actor")
	if err != nil {
		return nil, err
	}
	if _, err := idSet(g.Relationships, func(r *graph.Relationship) string { return r.ID }, "relationship"); err != nil {
		return nil, err
	}
	if g.Positions != nil {
		m.pos = make([]Point, len(g.Actors))
		for i, a := range g.Actors {
			p, ok := g.Positions[a.ID]
			if !ok {
				return nil, fmt.Errorf("viz: actor %q has no position", a.ID)
			}
			m.pos[i] = p
		}
	}
	for i := range g.Relationships {
		r := &g.Relationships[i]
		for _, end := range []string{r.Source, r.Target} {
			if !hasActor(end) {
				return nil, fmt.Errorf("viz: relationship %q: actor %q is not in the graph", r.ID, end)
			}
		}
		if _, ok := g.Types.Get(r.Type); !ok {
			return nil, fmt.Errorf("viz: relationship %q: type %q is not in the registry", r.ID, r.Type)
		}
	}
	return m, nil
}

// idSet checks that the records of s have distinct ids and returns the
// test of membership among them: a binary search when s is sorted by id,
// a map otherwise.
func idSet[T any](s []T, id func(*T) string, what string) (func(string) bool, error) {
	sorted := true
	for i := 1; i < len(s) && sorted; i++ {
		switch a, b := id(&s[i-1]), id(&s[i]); {
		case a == b:
			return nil, fmt.Errorf("viz: %s %q appears twice", what, a)
		case a > b:
			sorted = false
		}
	}
	if sorted {
		return func(x string) bool {
			i := sort.Search(len(s), func(i int) bool { return id(&s[i]) >= x })
			return i < len(s) && id(&s[i]) == x
		}, nil
	}
	set := make(map[string]bool, len(s))
	for i := range s {
		k := id(&s[i])
		if set[k] {
			return nil, fmt.Errorf("viz: %s %q appears twice", what, k)
		}
		set[k] = true
	}
	return func(x string) bool { return set[x] }, nil
}

// polarity names a sign for stylesheets: a class in Cytoscape.js.
func polarity(sign int) string {
	switch {
	case sign > 0:
		return "positive"
	case sign < 0:
		return "negative"
	}
	return "structural"
}

// nonNil keeps empty lists as [] in JSON, never null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return slices.Clip(s)
}

func dateString(d *graph.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}
