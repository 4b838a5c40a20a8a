package main

import (
	"bufio"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphgen"
)

// Seed is the graphgen seed of every graph of the run (BenchmarkPaths'
// and BenchmarkImport's too).
const Seed = 1

// size is one generated graph.
type size struct {
	Name         string
	Actors, Rels int
	dir          string // where its files go
	batchFile    string // the whole batch, for `detente import`
	chunks       []string
	edgeFile     string // the analysis projection's edges, for the Python peers
}

func newSize(name string, actors, rels int) *size {
	return &size{Name: name, Actors: actors, Rels: rels}
}

func (s *size) generate() graph.Batch {
	return graphgen.Generate(graphgen.Options{Actors: s.Actors, Relationships: s.Rels, Seed: Seed})
}

// chunkRels is how many relationships one POST /api/v1/import request of
// the HTTP import carries: 10^5 relationships are about 11 MB of JSON,
// well under the server's 64 MiB MaxImportBytes, which 10^6 (about 110
// MB) would exceed.
const chunkRels = 100_000

// writeFiles writes the batch as import JSON (whole, and in chunks: the
// first chunk carries every actor) under dir.
func (s *size) writeFiles(b graph.Batch, dir string) error {
	s.dir = filepath.Join(dir, fmt.Sprintf("g%dx%d", s.Actors, s.Rels))
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return err
	}
	s.batchFile = filepath.Join(s.dir, "batch.json")
	if err := writeBatch(s.batchFile, b.Actors, b.Relationships); err != nil {
		return err
	}
	s.chunks = nil
	for i, lo := 0, 0; lo < len(b.Relationships); i, lo = i+1, lo+chunkRels {
		var actors []graph.Actor
		if i == 0 {
			actors = b.Actors
		}
		f := filepath.Join(s.dir, fmt.Sprintf("chunk-%02d.json", i))
		if err := writeBatch(f, actors, b.Relationships[lo:min(lo+chunkRels, len(b.Relationships))]); err != nil {
			return err
		}
		s.chunks = append(s.chunks, f)
	}
	return nil
}

// writeBatch writes the fields an import takes (no timestamps: the import
// sets them), as compact JSON.
func writeBatch(path string, actors []graph.Actor, rels []graph.Relationship) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(`{"actors":[`)
	for i := range actors {
		a := &actors[i]
		if i > 0 {
			w.WriteByte(',')
		}
		fmt.Fprintf(w, `{"id":%q,"name":%q,"kind":%q}`, a.ID, a.Name, a.Kind)
	}
	w.WriteString("],\n\"relationships\":[")
	for i := range rels {
		r := &rels[i]
		if i > 0 {
			w.WriteString(",\n")
		}
		fmt.Fprintf(w, `{"id":%q,"source":%q,"target":%q,"type":%q,"weight":%s,"confidence":%s}`,
			r.ID, r.Source, r.Target, r.Type,
			strconv.FormatFloat(r.Weight, 'g', -1, 64), strconv.FormatFloat(r.Confidence, 'g', -1, 64))
	}
	w.WriteString("]}\n")
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// projEdges are the directed edges of graph/analysis's projection of a
// batch with the default filter, rebuilt here by its documented rules
// (graph/analysis/projection.go) so that the Python peers analyse the
// same graph: a relationship with weight in (0, 1] and distinct endpoints
// is the edge source->target, and also target->source when its type is
// symmetric; parallel edges on one ordered pair combine into one, with
// the SUM of the weights (PageRank's weight) and the best single weight
// (betweenness' length is 1/best). Actors are the endpoints of the
// selected relationships, numbered in sorted id order. The benchmark
// checks the peers' scores against detente's, so a drift in these rules
// shows up as a mismatch in the report.
type projEdges struct {
	ids       []string
	u, v      []int32
	sum, best []float64
}

func project(b graph.Batch) *projEdges {
	reg := graph.NewRegistry(graph.BuiltinTypes())
	type dir struct{ u, v string }
	var es []dir
	var ws []float64
	seen := map[string]bool{}
	for i := range b.Relationships {
		r := &b.Relationships[i]
		if !(r.Weight > 0 && r.Weight <= 1) || r.Source == r.Target {
			continue
		}
		t, _ := reg.Get(r.Type)
		seen[r.Source], seen[r.Target] = true, true
		es, ws = append(es, dir{r.Source, r.Target}), append(ws, r.Weight)
		if t.Symmetric {
			es, ws = append(es, dir{r.Target, r.Source}), append(ws, r.Weight)
		}
	}
	p := &projEdges{}
	for id := range seen {
		p.ids = append(p.ids, id)
	}
	slices.Sort(p.ids)
	index := make(map[string]int32, len(p.ids))
	for i, id := range p.ids {
		index[id] = int32(i)
	}
	type edge struct {
		u, v      int32
		sum, best float64
	}
	all := make([]edge, len(es))
	for i, e := range es {
		all[i] = edge{index[e.u], index[e.v], ws[i], ws[i]}
	}
	slices.SortStableFunc(all, func(a, b edge) int {
		return cmp.Or(cmp.Compare(a.u, b.u), cmp.Compare(a.v, b.v))
	})
	for _, e := range all {
		k := len(p.u) - 1
		if k >= 0 && p.u[k] == e.u && p.v[k] == e.v {
			p.sum[k] += e.sum
			p.best[k] = max(p.best[k], e.best)
			continue
		}
		p.u, p.v = append(p.u, e.u), append(p.v, e.v)
		p.sum, p.best = append(p.sum, e.sum), append(p.best, e.best)
	}
	return p
}

// write writes "n m" and then one "u v sum best" line per edge.
func (p *projEdges) write(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintf(w, "%d %d\n", len(p.ids), len(p.u))
	for i := range p.u {
		fmt.Fprintf(w, "%d %d %s %s\n", p.u[i], p.v[i],
			strconv.FormatFloat(p.sum[i], 'g', -1, 64), strconv.FormatFloat(p.best[i], 'g', -1, 64))
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
