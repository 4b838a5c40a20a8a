package analysis

import (
	"context"
	"math"
	"runtime"
	"strings"
	"sync"

	"github.com/detente/detente/graph"
)

// Algorithm names a global influence measure.
type Algorithm string

// The influence measures, named as the API's algorithm parameter.
const (
	PageRank    Algorithm = "pagerank"
	Betweenness Algorithm = "betweenness"
	Degree      Algorithm = "degree"
	InDegree    Algorithm = "in_degree"
	OutDegree   Algorithm = "out_degree"
	Closeness   Algorithm = "closeness"
	Eigenvector Algorithm = "eigenvector"
	// PN is Everett and Borgatti's centrality for signed graphs (pn.go).
	PN Algorithm = "pn"
	// SignedEigenvector is Bonacich and Lloyd's status (signedeig.go).
	SignedEigenvector Algorithm = "signed_eigenvector"
)

// Algorithms lists the accepted algorithm names.
var Algorithms = []Algorithm{PageRank, Betweenness, Degree, InDegree, OutDegree, Closeness, Eigenvector, PN, SignedEigenvector}

func validAlgorithm(a Algorithm) bool {
	for _, x := range Algorithms {
		if x == a {
			return true
		}
	}
	return false
}

func algorithmNames() string {
	s := make([]string, len(Algorithms))
	for i, a := range Algorithms {
		s[i] = string(a)
	}
	return strings.Join(s, ", ")
}

// Power-iteration parameters. NetworkX stops when the L1 change of an
// iteration falls below N·tol with tol = 1e-6 by default, which leaves an
// error of about 1e-6 in its own results; these tolerances are far tighter,
// so results agree with NetworkX run to convergence to better than 1e-6
// relative, and MaxIterations is a guard, not the usual way out.
const (
	Damping          = 0.85
	PageRankTol      = 1e-13
	EigenvectorTol   = 1e-13
	MaxIterations    = 1000
	cancelCheckEvery = 64 // sources between context checks in all-pairs kernels
)

// Centrality is one score per actor of a projection, indexed like IDs().
type Centrality struct {
	Algorithm Algorithm
	Weighted  bool
	Scores    []float64
	// Iterations and Converged describe power iterations (pagerank,
	// eigenvector); other measures are exact, with Converged true.
	Iterations int
	Converged  bool

	rankOnce sync.Once
	ranked   []Score // every actor, in ranking order
}

// Centrality computes (or returns the memoised) measure alg on the
// projection. Results are memoised per projection, algorithm and weighting;
// concurrent callers share one computation.
func (p *Projection) Centrality(ctx context.Context, alg Algorithm) (*Centrality, error) {
	if !validAlgorithm(alg) {
		return nil, graph.Invalid("invalid influence query",
			graph.FieldError{Path: "algorithm", Message: "must be one of " + algorithmNames()})
	}
	key := string(alg)
	if p.weighted {
		key += "/weighted"
	}
	p.memoMu.Lock()
	c := p.memo[key]
	p.memoMu.Unlock()
	if c != nil {
		return c, nil
	}
	v, err := p.flights.do(ctx, key, func(ctx context.Context) (any, error) {
		c, err := p.compute(ctx, alg)
		if err != nil {
			return nil, err
		}
		p.memoMu.Lock()
		if p.memo == nil {
			p.memo = make(map[string]*Centrality)
		}
		p.memo[key] = c
		p.memoMu.Unlock()
		return c, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*Centrality), nil
}

func (p *Projection) compute(ctx context.Context, alg Algorithm) (*Centrality, error) {
	c := &Centrality{Algorithm: alg, Weighted: p.weighted, Converged: true}
	var err error
	switch alg {
	case PageRank:
		c.Scores, c.Iterations, c.Converged, err = p.pageRank(ctx, -1, false)
	case Eigenvector:
		c.Scores, c.Iterations, c.Converged, err = p.eigenvector(ctx)
	case PN:
		c.Scores, c.Iterations, c.Converged, err = p.pn(ctx)
	case SignedEigenvector:
		c.Scores, c.Iterations, c.Converged, err = p.signedEigenvector(ctx)
	case Betweenness:
		c.Scores, err = p.betweenness(ctx)
	case Closeness:
		c.Scores, err = p.closeness(ctx)
	case Degree:
		c.Scores = p.degree()
	case InDegree:
		c.Scores = p.adjDegree(&p.in)
	case OutDegree:
		c.Scores = p.adjDegree(&p.out)
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// pageRank is NetworkX's pagerank: damping 0.85, the mass of dangling
// actors (no out-edges) spread like the teleport, out-weights normalised.
// With seed >= 0 it is personalised: teleport and dangling mass go to the
// seed (networkx.pagerank(G, personalization={seed: 1})). With reverse it
// walks the edges backwards (NetworkX on G.reverse()).
//
// gonum has network.PageRank (dense n×n: never) and network.PageRankSparse;
// the sparse one does not fit: it starts from a random vector drawn from
// the global source (results differ from run to run within its tolerance),
// stops on an L2 test, goes through graph.Directed interface calls and maps
// keyed by node id, and returns a map. This pull-style kernel over the CSR
// in-adjacency does one sequential pass and one gather per edge.
func (p *Projection) pageRank(ctx context.Context, seed int32, reverse bool) ([]float64, int, bool, error) {
	n := len(p.ids)
	if n == 0 {
		return []float64{}, 0, true, nil
	}
	pull := &p.in // a node pulls from its in-neighbours
	outTot := p.outDeg
	if p.weighted {
		outTot = p.outSum
	}
	if reverse {
		pull = &p.out
		outTot = p.adjDegree(&p.in) // out-degree in the reversed graph
	}
	w := p.flowWeights(pull)

	inv := make([]float64, n)
	var dangling []int32
	for u, t := range outTot {
		if t == 0 {
			dangling = append(dangling, int32(u))
		} else {
			inv[u] = 1 / t
		}
	}
	x := make([]float64, n)
	xs := make([]float64, n)
	xn := make([]float64, n)
	if seed < 0 {
		for i := range x {
			x[i] = 1 / float64(n)
		}
	} else {
		// Start from the personalisation vector (NetworkX starts from the
		// uniform one; the limit is the same): actors the walk cannot
		// reach then stay exactly 0 instead of decaying towards it.
		x[seed] = 1
	}
	const alpha = Damping
	partial := make([]float64, chunksOf(n))
	for it := 1; it <= MaxIterations; it++ {
		if err := ctx.Err(); err != nil {
			return nil, it, false, ctxError(ctx)
		}
		var dsum float64
		for _, u := range dangling {
			dsum += x[u]
		}
		for u := range xs {
			xs[u] = x[u] * inv[u]
		}
		var teleport float64 // added to every actor (uniform) or to the seed
		if seed < 0 {
			teleport = (1-alpha)/float64(n) + alpha*dsum/float64(n)
		}
		off, nbr := pull.off, pull.nbr
		forChunks(n, partial, func(from, to int) float64 {
			var diff float64
			for v := from; v < to; v++ {
				var s float64
				lo, hi := off[v], off[v+1]
				if w == nil {
					for _, u := range nbr[lo:hi] {
						s += xs[u]
					}
				} else {
					ws := w[lo:hi]
					for k, u := range nbr[lo:hi] {
						s += xs[u] * ws[k]
					}
				}
				val := alpha*s + teleport
				if int32(v) == seed {
					val += (1 - alpha) + alpha*dsum
				}
				diff += math.Abs(val - x[v])
				xn[v] = val
			}
			return diff
		})
		var diff float64
		for _, d := range partial {
			diff += d
		}
		x, xn = xn, x
		if diff < float64(n)*PageRankTol {
			return x, it, true, nil
		}
	}
	return x, MaxIterations, false, nil
}

// eigenvector is NetworkX's eigenvector_centrality: power iteration with
// A^T + I (each actor keeps its score and adds its in-neighbours'), started
// from the uniform vector and normalised to unit Euclidean length; on a
// directed graph it is the left eigenvector (in-edges count). Weighted, an
// edge counts with its summed weight. If it has not converged after
// MaxIterations the last iterate is returned with converged false (NetworkX
// raises PowerIterationFailedConvergence).
func (p *Projection) eigenvector(ctx context.Context) ([]float64, int, bool, error) {
	n := len(p.ids)
	if n == 0 {
		return []float64{}, 0, true, nil
	}
	w := p.flowWeights(&p.in)
	x := make([]float64, n)
	xn := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	off, nbr := p.in.off, p.in.nbr
	for it := 1; it <= MaxIterations; it++ {
		if err := ctx.Err(); err != nil {
			return nil, it, false, ctxError(ctx)
		}
		var sq float64
		for v := 0; v < n; v++ {
			s := x[v]
			lo, hi := off[v], off[v+1]
			if w == nil {
				for _, u := range nbr[lo:hi] {
					s += x[u]
				}
			} else {
				ws := w[lo:hi]
				for k, u := range nbr[lo:hi] {
					s += x[u] * ws[k]
				}
			}
			xn[v] = s
			sq += s * s
		}
		norm := math.Sqrt(sq)
		if norm == 0 {
			norm = 1
		}
		var diff float64
		for v := range xn {
			xn[v] /= norm
			diff += math.Abs(xn[v] - x[v])
		}
		x, xn = xn, x
		if diff < float64(n)*EigenvectorTol {
			return x, it, true, nil
		}
	}
	return x, MaxIterations, false, nil
}

// adjDegree is the in- or out-degree over adjacency a: the number of
// distinct neighbours (NetworkX DiGraph in_degree/out_degree), or weighted
// the sum of the relationship weights. A symmetric relationship counts in
// both.
func (p *Projection) adjDegree(a *adjacency) []float64 {
	n := len(p.ids)
	deg := make([]float64, n)
	for v := 0; v < n; v++ {
		lo, hi := a.off[v], a.off[v+1]
		if !p.weighted {
			deg[v] = float64(hi - lo)
			continue
		}
		for e := lo; e < hi; e++ {
			deg[v] += a.sum[e]
		}
	}
	return deg
}

// degree is the undirected degree: the number of distinct actors tied to
// this one in either direction, or weighted the sum of the weights of every
// selected relationship it is party to, each relationship once (a
// symmetric tie is one tie, not two). On a graph of symmetric ties it is
// NetworkX's undirected degree, and in_degree and out_degree equal it.
func (p *Projection) degree() []float64 {
	deg := make([]float64, len(p.ids))
	if !p.weighted {
		u := p.undirected()
		for v := range deg {
			deg[v] = float64(u.off[v+1] - u.off[v])
		}
		return deg
	}
	for _, ri := range p.relsSel {
		r := &p.base.rels[ri]
		deg[p.local[r.src]] += r.weight
		deg[p.local[r.dst]] += r.weight
	}
	return deg
}

// chunkSize is how many actors one task of forChunks covers: the split
// depends on n alone, never on the number of processors, so a chunked
// sum is the same sum on every machine.
const chunkSize = 8192

// chunksOf is the number of chunks of n actors.
func chunksOf(n int) int { return max(1, (n+chunkSize-1)/chunkSize) }

// forChunks runs f on the chunks of [0, n), chunk c on [c·chunkSize,
// min((c+1)·chunkSize, n)), storing its result in out[c]; the chunks run
// on up to GOMAXPROCS goroutines when there is more than one. f must
// write only its own chunk's entries. The results are those of running
// the chunks one after the other (each chunk is one sequential pass), so
// a caller that adds out in order gets the same bits however many
// processors ran them.
func forChunks(n int, out []float64, f func(from, to int) float64) {
	chunks := chunksOf(n)
	workers := min(runtime.GOMAXPROCS(0), chunks)
	if workers <= 1 {
		for c := range chunks {
			out[c] = f(c*chunkSize, min((c+1)*chunkSize, n))
		}
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := w; c < chunks; c += workers {
				out[c] = f(c*chunkSize, min((c+1)*chunkSize, n))
			}
		}()
	}
	wg.Wait()
}
