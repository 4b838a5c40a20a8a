package viz_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/viz"
)

// TestDocumentTypesMatchWriters holds the document types (documents.go),
// from which the API derives each JSON format's schema, to what the
// writers stream: each format's output, for graphs with every optional
// field present and absent, with and without positions, and empty,
// decodes into its type with no unknown field and encodes back to the
// same bytes (so no field is missing, renamed, or differently omitted).
func TestDocumentTypesMatchWriters(t *testing.T) {
	laidOut := func(g viz.Graph) viz.Graph {
		g.Positions = viz.ForceLayout(g.Actors, g.Relationships)
		return g
	}
	sc := scenarioGraph(t)
	graphs := []struct {
		name string
		g    viz.Graph
	}{
		{"small", small()},
		{"small laid out", laidOut(small())},
		{"scenario", sc},
		{"scenario laid out", laidOut(scenarioGraph(t))},
		{"empty", viz.Graph{Types: sc.Types, Actors: []graph.Actor{}, Relationships: []graph.Relationship{}}},
	}
	docs := viz.Documents()
	var formats []string
	for f := range docs {
		formats = append(formats, f)
	}
	slices.Sort(formats)
	if want := []string{"cytoscape", "d3", "graphology", "json"}; !slices.Equal(formats, want) {
		t.Fatalf("Documents() has formats %v, want the JSON formats %v", formats, want)
	}
	for _, g := range graphs {
		for _, format := range formats {
			t.Run(g.name+"/"+format, func(t *testing.T) {
				out := write(t, format, g.g)
				doc := reflect.New(reflect.TypeOf(docs[format]))
				dec := json.NewDecoder(bytes.NewReader(out))
				dec.DisallowUnknownFields()
				if err := dec.Decode(doc.Interface()); err != nil {
					t.Fatalf("the output does not decode into %s: %v", doc.Elem().Type(), err)
				}
				var again bytes.Buffer
				enc := json.NewEncoder(&again)
				enc.SetEscapeHTML(false)
				if err := enc.Encode(doc.Interface()); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(again.Bytes(), out) {
					t.Errorf("%s encodes differently from the writer:\n got %.400s\nwant %.400s", doc.Elem().Type(), again.Bytes(), out)
				}
			})
		}
	}
}
