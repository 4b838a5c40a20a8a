package viz_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphtest"
	"github.com/detente/detente/viz"
)

// small is a graph with every case a writer must get right: characters
// XML and JSON escape, empty optional fields, open and closed validity
// ends, each polarity, a symmetric type, parallel edges, and a
// relationship whose id is also an actor's id.
func small() viz.Graph {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	return viz.Graph{
		Types: graph.NewRegistry(graph.BuiltinTypes()),
		Actors: []graph.Actor{
			{ID: "iran", Name: "Iran", Kind: "state", CountryCode: "IRN", Region: "Middle East",
				Aliases: []string{"Islamic Republic of Iran", "Tehran"}, Tags: []string{"jcpoa-party"},
				Description: "Party to the JCPOA.", Attributes: map[string]any{"capital": "Tehran"}, UpdatedAt: t0},
			{ID: "kataib", Name: `Kata'ib <"Hezbollah"> & Co — كتائب`, Kind: "armed_group", Aliases: nil, Tags: []string{}},
			{ID: "un", Name: "United Nations", Kind: "igo", Tags: []string{"p5", "a, b"}},
		},
		Relationships: []graph.Relationship{
			{ID: "iran--arms--kataib", Source: "iran", Target: "kataib", Type: "arms", Weight: 0.8, Confidence: 0.9,
				ValidFrom: graphtest.DatePtr("2003-01-01"), ValidTo: graphtest.DatePtr("2020-01-03"), UpdatedAt: t0.Add(48 * time.Hour)},
			{ID: "iran--negotiates_with--un", Source: "iran", Target: "un", Type: "negotiates_with", Weight: 0.5, Confidence: 1},
			{ID: "un", Source: "un", Target: "iran", Type: "sanctions", Weight: 1, Confidence: 0.75, ValidFrom: graphtest.DatePtr("2006-12-23")},
			{ID: "iran--member_of--un", Source: "iran", Target: "un", Type: "member_of", Weight: 1, Confidence: 1},
		},
	}
}

// norm is what every format must carry, read back from its output.
type normNode struct {
	ID, Name, Kind, CountryCode, Region string
	Tags, Aliases                       []string
}

type normEdge struct {
	ID, Source, Target, Type string
	Sign                     int
	Weight, Confidence       float64
	From, To                 string
	Symmetric                bool
}

type norm struct {
	Nodes []normNode
	Edges []normEdge
}

func expected(g viz.Graph) norm {
	var n norm
	for _, a := range g.Actors {
		n.Nodes = append(n.Nodes, normNode{a.ID, a.Name, string(a.Kind), a.CountryCode, a.Region, nonNil(a.Tags), nonNil(a.Aliases)})
	}
	for _, r := range g.Relationships {
		t, _ := g.Types.Get(r.Type)
		n.Edges = append(n.Edges, normEdge{r.ID, r.Source, r.Target, r.Type, t.Polarity, r.Weight, r.Confidence,
			dateStr(r.ValidFrom), dateStr(r.ValidTo), t.Symmetric})
	}
	return n
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func dateStr(d *graph.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func split(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, "|")
}

// Readers of each format, written against the format's documentation
// rather than against the writer's types.

type jsonNodeIn struct {
	ID          string   `json:"id"`
	Key         string   `json:"key"`
	Label       string   `json:"label"`
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	CountryCode string   `json:"country_code"`
	Region      string   `json:"region"`
	Tags        []string `json:"tags"`
	Aliases     []string `json:"aliases"`
}

func (j jsonNodeIn) norm() normNode {
	return normNode{j.ID, j.Name, j.Kind, j.CountryCode, j.Region, j.Tags, j.Aliases}
}

type jsonEdgeIn struct {
	ID               string   `json:"id"`
	Source           string   `json:"source"`
	Target           string   `json:"target"`
	RelationshipID   string   `json:"relationship_id"`
	Type             string   `json:"type"`
	RelationshipType string   `json:"relationship_type"`
	Sign             *int     `json:"sign"`
	Weight           *float64 `json:"weight"`
	Confidence       *float64 `json:"confidence"`
	ValidFrom        string   `json:"valid_from"`
	ValidTo          string   `json:"valid_to"`
	Symmetric        *bool    `json:"symmetric"`
}

func (j jsonEdgeIn) norm(t *testing.T) normEdge {
	t.Helper()
	if j.Sign == nil || j.Weight == nil || j.Confidence == nil || j.Symmetric == nil {
		t.Fatalf("edge %s lacks sign, weight, confidence or symmetric", j.ID)
	}
	return normEdge{j.ID, j.Source, j.Target, j.Type, *j.Sign, *j.Weight, *j.Confidence, j.ValidFrom, j.ValidTo, *j.Symmetric}
}

func strictJSON(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, b)
	}
}

func readJSON(t *testing.T, b []byte) norm {
	var doc struct {
		Nodes []jsonNodeIn `json:"nodes"`
		Edges []jsonEdgeIn `json:"edges"`
	}
	strictJSON(t, b, &doc)
	var n norm
	for _, x := range doc.Nodes {
		n.Nodes = append(n.Nodes, x.norm())
	}
	for _, x := range doc.Edges {
		n.Edges = append(n.Edges, x.norm(t))
	}
	return n
}

func readCytoscape(t *testing.T, b []byte) norm {
	var doc struct {
		Elements struct {
			Nodes []struct {
				Data    jsonNodeIn `json:"data"`
				Classes string     `json:"classes"`
			} `json:"nodes"`
			Edges []struct {
				Data    jsonEdgeIn `json:"data"`
				Classes string     `json:"classes"`
			} `json:"edges"`
		} `json:"elements"`
	}
	strictJSON(t, b, &doc)
	var n norm
	ids := map[string]bool{}
	for _, x := range doc.Elements.Nodes {
		if x.Data.Label != x.Data.Name {
			t.Errorf("node %s: label %q, want the name %q", x.Data.ID, x.Data.Label, x.Data.Name)
		}
		if x.Classes != x.Data.Kind {
			t.Errorf("node %s: classes %q, want its kind %q", x.Data.ID, x.Classes, x.Data.Kind)
		}
		ids[x.Data.ID] = true
		n.Nodes = append(n.Nodes, x.Data.norm())
	}
	for _, x := range doc.Elements.Edges {
		if ids[x.Data.ID] {
			t.Errorf("edge id %q is also a node id: Cytoscape.js rejects that", x.Data.ID)
		}
		ids[x.Data.ID] = true
		e := x.Data.norm(t)
		want := map[int]string{1: "positive", -1: "negative", 0: "structural"}[e.Sign]
		if e.Symmetric {
			want += " symmetric"
		}
		if x.Classes != want {
			t.Errorf("edge %s: classes %q, want %q", e.ID, x.Classes, want)
		}
		if x.Data.RelationshipID != e.ID && viz.CytoscapeEdgePrefix+x.Data.RelationshipID != e.ID {
			t.Errorf("edge %s: relationship_id %q does not name it", e.ID, x.Data.RelationshipID)
		}
		e.ID = x.Data.RelationshipID
		n.Edges = append(n.Edges, e)
	}
	return n
}

func readGraphology(t *testing.T, b []byte) norm {
	var doc struct {
		Attributes map[string]any `json:"attributes"`
		Options    struct {
			Type           string `json:"type"`
			Multi          *bool  `json:"multi"`
			AllowSelfLoops *bool  `json:"allowSelfLoops"`
		} `json:"options"`
		Nodes []struct {
			Key        string     `json:"key"`
			Attributes jsonNodeIn `json:"attributes"`
		} `json:"nodes"`
		Edges []struct {
			Key        string     `json:"key"`
			Source     string     `json:"source"`
			Target     string     `json:"target"`
			Undirected *bool      `json:"undirected"`
			Attributes jsonEdgeIn `json:"attributes"`
		} `json:"edges"`
	}
	strictJSON(t, b, &doc)
	if doc.Attributes == nil || doc.Options.Type != "mixed" || doc.Options.Multi == nil || !*doc.Options.Multi ||
		doc.Options.AllowSelfLoops == nil || *doc.Options.AllowSelfLoops {
		t.Errorf("graph attributes/options: %+v %+v, want {} and mixed multi without self loops", doc.Attributes, doc.Options)
	}
	var n norm
	for _, x := range doc.Nodes {
		x.Attributes.ID = x.Key
		if x.Attributes.Label != x.Attributes.Name {
			t.Errorf("node %s: label %q, want the name", x.Key, x.Attributes.Label)
		}
		n.Nodes = append(n.Nodes, x.Attributes.norm())
	}
	for _, x := range doc.Edges {
		a := x.Attributes
		if a.Type != "" {
			t.Errorf("edge %s has a type attribute %q: sigma.js takes it for a renderer name", x.Key, a.Type)
		}
		a.ID, a.Source, a.Target, a.Type = x.Key, x.Source, x.Target, a.RelationshipType
		e := a.norm(t)
		if x.Undirected == nil || *x.Undirected != e.Symmetric {
			t.Errorf("edge %s: undirected %v, want %v", x.Key, x.Undirected, e.Symmetric)
		}
		n.Edges = append(n.Edges, e)
	}
	return n
}

func readD3(t *testing.T, b []byte) norm {
	var doc struct {
		Directed   bool           `json:"directed"`
		Multigraph bool           `json:"multigraph"`
		Graph      map[string]any `json:"graph"`
		Nodes      []jsonNodeIn   `json:"nodes"`
		Links      []jsonEdgeIn   `json:"links"`
	}
	strictJSON(t, b, &doc)
	if !doc.Directed || !doc.Multigraph || doc.Graph == nil {
		t.Errorf("directed %v multigraph %v graph %v: NetworkX's node_link_graph needs all three", doc.Directed, doc.Multigraph, doc.Graph)
	}
	var n norm
	for _, x := range doc.Nodes {
		n.Nodes = append(n.Nodes, x.norm())
	}
	for _, x := range doc.Links {
		n.Edges = append(n.Edges, x.norm(t))
	}
	return n
}

func readGraphML(t *testing.T, b []byte) norm {
	var doc struct {
		XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
		Keys    []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"key"`
		Graph struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				ID       string `xml:"id,attr"`
				Source   string `xml:"source,attr"`
				Target   string `xml:"target,attr"`
				Directed string `xml:"directed,attr"`
				Data     []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("output is not GraphML: %v\n%s", err, b)
	}
	if doc.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault %q, want directed", doc.Graph.EdgeDefault)
	}
	type key struct{ For, Name, Type string }
	keys := map[string]key{}
	for _, k := range doc.Keys {
		keys[k.ID] = key{k.For, k.Name, k.Type}
	}
	wantTypes := map[string]string{"node/name": "string", "node/label": "string", "node/kind": "string",
		"node/country_code": "string", "node/region": "string", "node/tags": "string", "node/aliases": "string",
		"node/description": "string", "edge/type": "string", "edge/sign": "int", "edge/weight": "double",
		"edge/confidence": "double", "edge/valid_from": "string", "edge/valid_to": "string", "edge/symmetric": "boolean"}
	got := map[string]string{}
	for _, k := range keys {
		got[k.For+"/"+k.Name] = k.Type
	}
	if d := cmp.Diff(wantTypes, got); d != "" {
		t.Errorf("<key> declarations (-want +got):\n%s", d)
	}
	attrs := func(owner string, data []struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}) map[string]string {
		m := map[string]string{}
		for _, d := range data {
			k, ok := keys[d.Key]
			if !ok || k.For != owner {
				t.Errorf("<data key=%q> on a %s has no such <key>", d.Key, owner)
			}
			m[k.Name] = d.Value
		}
		return m
	}
	var n norm
	for _, x := range doc.Graph.Nodes {
		a := attrs("node", x.Data)
		if a["label"] != a["name"] {
			t.Errorf("node %s: label %q, want the name", x.ID, a["label"])
		}
		n.Nodes = append(n.Nodes, normNode{x.ID, a["name"], a["kind"], a["country_code"], a["region"], split(a["tags"]), split(a["aliases"])})
	}
	for _, x := range doc.Graph.Edges {
		if x.Directed != "" {
			t.Errorf("edge %s has directed=%q: NetworkX rejects mixed graphs", x.ID, x.Directed)
		}
		a := attrs("edge", x.Data)
		sign, _ := strconv.Atoi(a["sign"])
		w, _ := strconv.ParseFloat(a["weight"], 64)
		c, _ := strconv.ParseFloat(a["confidence"], 64)
		n.Edges = append(n.Edges, normEdge{x.ID, x.Source, x.Target, a["type"], sign, w, c, a["valid_from"], a["valid_to"], a["symmetric"] == "true"})
	}
	return n
}

func readGEXF(t *testing.T, b []byte) norm {
	type attvalues struct {
		Values []struct {
			For   string `xml:"for,attr"`
			Value string `xml:"value,attr"`
		} `xml:"attvalue"`
	}
	var doc struct {
		XMLName xml.Name `xml:"http://gexf.net/1.3 gexf"`
		Version string   `xml:"version,attr"`
		Graph   struct {
			Mode            string `xml:"mode,attr"`
			DefaultEdgeType string `xml:"defaultedgetype,attr"`
			TimeFormat      string `xml:"timeformat,attr"`
			Attributes      []struct {
				Class string `xml:"class,attr"`
				Attrs []struct {
					ID    string `xml:"id,attr"`
					Title string `xml:"title,attr"`
					Type  string `xml:"type,attr"`
				} `xml:"attribute"`
			} `xml:"attributes"`
			Nodes []struct {
				ID        string    `xml:"id,attr"`
				Label     string    `xml:"label,attr"`
				AttValues attvalues `xml:"attvalues"`
			} `xml:"nodes>node"`
			Edges []struct {
				ID        string    `xml:"id,attr"`
				Source    string    `xml:"source,attr"`
				Target    string    `xml:"target,attr"`
				Type      string    `xml:"type,attr"`
				Kind      string    `xml:"kind,attr"`
				Label     string    `xml:"label,attr"`
				Weight    string    `xml:"weight,attr"`
				Start     string    `xml:"start,attr"`
				End       string    `xml:"end,attr"`
				AttValues attvalues `xml:"attvalues"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("output is not GEXF 1.3: %v\n%s", err, b)
	}
	g := doc.Graph
	// A graph with symmetric ties is mixed: no default, every edge says;
	// one without is directed.
	wantDefault := "directed"
	for _, x := range g.Edges {
		if x.Type == "undirected" {
			wantDefault = ""
		}
	}
	if doc.Version != "1.3" || g.Mode != "dynamic" || g.TimeFormat != "date" || g.DefaultEdgeType != wantDefault {
		t.Errorf("version %q mode %q timeformat %q defaultedgetype %q, want 1.3 dynamic date %q",
			doc.Version, g.Mode, g.TimeFormat, g.DefaultEdgeType, wantDefault)
	}
	decl := map[string]map[string]string{} // class -> id -> title:type
	for _, a := range g.Attributes {
		decl[a.Class] = map[string]string{}
		for _, x := range a.Attrs {
			decl[a.Class][x.ID] = x.Title + ":" + x.Type
		}
	}
	wantDecl := map[string]map[string]string{
		"node": {"name": "name:string", "kind": "kind:string", "country_code": "country_code:string", "region": "region:string",
			"tags": "tags:string", "aliases": "aliases:string", "description": "description:string"},
		"edge": {"type": "type:string", "sign": "sign:integer", "confidence": "confidence:double",
			"valid_from": "valid_from:string", "valid_to": "valid_to:string", "symmetric": "symmetric:boolean"},
	}
	if d := cmp.Diff(wantDecl, decl); d != "" {
		t.Errorf("<attributes> declarations (-want +got):\n%s", d)
	}
	vals := func(class string, av attvalues) map[string]string {
		m := map[string]string{}
		for _, v := range av.Values {
			if _, ok := decl[class][v.For]; !ok {
				t.Errorf("<attvalue for=%q> on a %s is not declared", v.For, class)
			}
			m[v.For] = v.Value
		}
		return m
	}
	var n norm
	for _, x := range g.Nodes {
		a := vals("node", x.AttValues)
		if x.Label != a["name"] {
			t.Errorf("node %s: label %q, want the name", x.ID, x.Label)
		}
		n.Nodes = append(n.Nodes, normNode{x.ID, a["name"], a["kind"], a["country_code"], a["region"], split(a["tags"]), split(a["aliases"])})
	}
	for _, x := range g.Edges {
		a := vals("edge", x.AttValues)
		sym := a["symmetric"] == "true"
		if want := map[bool]string{true: "undirected", false: "directed"}[sym]; x.Type != want {
			t.Errorf("edge %s: type %q, want %q", x.ID, x.Type, want)
		}
		if !strings.HasPrefix(x.Kind, a["type"]) || x.Label != a["type"] {
			t.Errorf("edge %s: kind %q label %q, want the relationship type %q", x.ID, x.Kind, x.Label, a["type"])
		}
		if x.Start != a["valid_from"] || x.End != a["valid_to"] {
			t.Errorf("edge %s: interval [%q, %q], want [%q, %q]", x.ID, x.Start, x.End, a["valid_from"], a["valid_to"])
		}
		sign, _ := strconv.Atoi(a["sign"])
		w, _ := strconv.ParseFloat(x.Weight, 64)
		c, _ := strconv.ParseFloat(a["confidence"], 64)
		n.Edges = append(n.Edges, normEdge{x.ID, x.Source, x.Target, a["type"], sign, w, c, a["valid_from"], a["valid_to"], sym})
	}
	return n
}

var readers = map[string]func(*testing.T, []byte) norm{
	"json": readJSON, "cytoscape": readCytoscape, "graphology": readGraphology,
	"d3": readD3, "graphml": readGraphML, "gexf": readGEXF,
}

func write(t *testing.T, format string, g viz.Graph) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := viz.Write(&buf, format, g); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.Bytes()
}

func TestWriteRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		g    viz.Graph
	}{
		{"small", small()},
		{"empty", viz.Graph{Types: graph.NewRegistry(graph.BuiltinTypes())}},
		{"actors only", viz.Graph{Actors: small().Actors}},
	}
	for _, tc := range tests {
		for _, format := range viz.Formats() {
			t.Run(tc.name+"/"+format, func(t *testing.T) {
				read, ok := readers[format]
				if !ok {
					t.Fatalf("no test reader for format %s", format)
				}
				b := write(t, format, tc.g)
				if d := cmp.Diff(expected(tc.g), read(t, b)); d != "" {
					t.Errorf("read back (-want +got):\n%s\n%s", d, b)
				}
				if again := write(t, format, tc.g); !bytes.Equal(b, again) {
					t.Errorf("two writes of the same graph differ")
				}
			})
		}
	}
}

// Format-specific facts that the round trip does not see.
func TestWriteDetails(t *testing.T) {
	tests := []struct {
		format string
		want   []string // substrings of the output
		not    []string
	}{
		{"json", []string{`"nodes":[`, `"attributes":{"capital":"Tehran"}`, `"aliases":[]`, `& Co`},
			[]string{`null`, `"valid_to":""`, `\u0026`}},
		{"cytoscape", []string{`{"elements":{"nodes":[`, `"id":"relationship:un"`, `"relationship_id":"un"`, `"classes":"positive symmetric"`},
			[]string{`null`}},
		{"graphology", []string{`"options":{"type":"mixed","multi":true,"allowSelfLoops":false}`, `"undirected":true`, `"label":"negotiates_with"`},
			[]string{`null`, `"type":"arms"`}},
		{"d3", []string{`"links":[`, `"directed":true`}, []string{`null`}},
		{"graphml", []string{`<?xml version="1.0" encoding="UTF-8"?>`, `<graphml xmlns="http://graphml.graphdrawing.org/xmlns"`,
			`<key id="edge_weight" for="edge" attr.name="weight" attr.type="double"></key>`,
			`Kata&#39;ib &lt;&#34;Hezbollah&#34;&gt; &amp; Co — كتائب`, `label="negotiates_with"`}, []string{`directed="false"`}},
		{"gexf", []string{`<gexf xmlns="http://gexf.net/1.3"`, `version="1.3"`, `<meta lastmodifieddate="2026-03-03">`,
			`<graph mode="dynamic" timeformat="date">`, `<attributes class="node">`, `<attributes class="edge">`,
			`type="undirected" kind="negotiates_with"`, `weight="0.8" start="2003-01-01" end="2020-01-03"`, `<nodes count="3">`},
			[]string{`type="mutual"`, `end=""`, `defaultedgetype`}},
	}
	for _, tc := range tests {
		t.Run(tc.format, func(t *testing.T) {
			out := string(write(t, tc.format, small()))
			for _, s := range tc.want {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %s\n%s", s, out)
				}
			}
			for _, s := range tc.not {
				if strings.Contains(out, s) {
					t.Errorf("output has %s\n%s", s, out)
				}
			}
		})
	}
}

func TestWriteErrors(t *testing.T) {
	reg := graph.NewRegistry(graph.BuiltinTypes())
	a := small().Actors
	rel := func(id, s, tg, typ string) graph.Relationship {
		return graph.Relationship{ID: id, Source: s, Target: tg, Type: typ, Weight: 1, Confidence: 1}
	}
	tests := []struct {
		name    string
		format  string
		g       viz.Graph
		want    string
		unknown bool
	}{
		{"unknown format", "dot", small(), `unknown format "dot"`, true},
		{"empty format", "", small(), `unknown format ""`, true},
		{"duplicate actor", "json", viz.Graph{Actors: append(a[:1:1], a[0]), Types: reg}, `actor "iran" appears twice`, false},
		{"duplicate relationship", "gexf", viz.Graph{Actors: a, Types: reg,
			Relationships: []graph.Relationship{rel("r", "iran", "un", "supports"), rel("r", "un", "iran", "supports")}}, `relationship "r" appears twice`, false},
		{"missing endpoint", "graphml", viz.Graph{Actors: a, Types: reg,
			Relationships: []graph.Relationship{rel("r", "iran", "houthis", "arms")}}, `actor "houthis" is not in the graph`, false},
		{"unregistered type", "cytoscape", viz.Graph{Actors: a, Types: reg,
			Relationships: []graph.Relationship{rel("r", "iran", "un", "befriends")}}, `type "befriends" is not in the registry`, false},
		{"zero registry", "d3", viz.Graph{Actors: a, Relationships: small().Relationships}, `is not in the registry`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := viz.Write(&buf, tc.format, tc.g)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Write: error %v, want one containing %q", err, tc.want)
			}
			if errors.Is(err, viz.ErrUnknownFormat) != tc.unknown {
				t.Errorf("errors.Is(err, ErrUnknownFormat) = %v, want %v", !tc.unknown, tc.unknown)
			}
			if buf.Len() != 0 {
				t.Errorf("Write wrote %d bytes before failing", buf.Len())
			}
		})
	}
}

func TestContentTypeAndExtension(t *testing.T) {
	tests := []struct{ format, contentType, ext string }{
		{"json", "application/json", ".json"},
		{"cytoscape", "application/json", ".json"},
		{"graphology", "application/json", ".json"},
		{"d3", "application/json", ".json"},
		{"graphml", "application/graphml+xml; charset=utf-8", ".graphml"},
		{"gexf", "application/gexf+xml; charset=utf-8", ".gexf"},
		{"dot", "", ""},
		{"JSON", "", ""},
	}
	for _, tc := range tests {
		if got := viz.ContentType(tc.format); got != tc.contentType {
			t.Errorf("ContentType(%q) = %q, want %q", tc.format, got, tc.contentType)
		}
		if got := viz.Extension(tc.format); got != tc.ext {
			t.Errorf("Extension(%q) = %q, want %q", tc.format, got, tc.ext)
		}
	}
	for _, f := range viz.Formats() {
		if viz.ContentType(f) == "" {
			t.Errorf("format %s has no content type", f)
		}
	}
}
