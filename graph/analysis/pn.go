package analysis

import (
	"context"
	"math"
)

// pnTol bounds the root-mean-square residual of PN's linear system at
// which conjugate gradients stop.
const pnTol = 1e-12

// pn is the PN centrality of Everett and Borgatti ("Networks containing
// negative ties", Social Networks 38, 2014), for signed graphs where
// PageRank and eigenvector centrality read a hostile tie as influence:
//
//	PN = (I − A/(2n−2))⁻¹ 1,  A = P − 2N,
//
// with P the positive and N the negative adjacency of the undirected
// signed graph (structural, polarity-0 ties ignored) and n the analysed
// actors. An actor scores high with many friends whose friends are
// friends, low with many enemies; 1 is the score of an actor with no
// signed tie. A pair's sign is that of its net tie, as in Balance: Σ
// polarity (a majority vote) or, weighted, Σ polarity × weight, and then P
// and N carry min(|net|, 1) instead of 1 (the weighted generalisation the
// paper suggests, capped so a weighted pair never counts for more than an
// unweighted one). Pairs whose ties cancel count as neither.
//
// Every row of A then sums in absolute value to at most 2(n−1), so the
// eigenvalues of A/(2n−2) lie in [−1, 1] and M = I − A/(2n−2) is symmetric
// positive semi-definite; it is singular only if A/(2n−2) has eigenvalue 1,
// which no graph with n > 2 reaches. M x = 1 is solved by conjugate
// gradients on the sparse adjacency (Hestenes & Stiefel 1952), which
// converge for every such M — unlike the Neumann series the paper reads PN
// as, which diverges at eigenvalue −1, reached by a clique of enemies.
// Written here: gonum's CG (gonum.org/v1/exp/linsolve) lives in its
// experimental module, and a dense solve would cost n² memory. The test
// checks it against gonum's dense LU solve.
func (p *Projection) pn(ctx context.Context) ([]float64, int, bool, error) {
	n := len(p.ids)
	x := make([]float64, n)
	if n < 2 {
		for i := range x {
			x[i] = 1
		}
		return x, 0, true, nil
	}
	u := p.undirected()
	beta := 1 / float64(2*n-2)
	// −β A in the undirected CSR order: M v = v + Σ off[e]·v[nbr[e]].
	off := make([]float64, len(u.nbr))
	for row := range n {
		for e := u.off[row]; e < u.off[row+1]; e++ {
			if !u.signed[e] || u.nbr[e] == int32(row) {
				continue
			}
			net := p.pairNet(u, e)
			mag := 1.0
			if p.weighted {
				mag = min(math.Abs(net), 1)
			}
			switch {
			case net > 0:
				off[e] = -beta * mag
			case net < 0:
				off[e] = 2 * beta * mag
			}
		}
	}
	mul := func(dst, v []float64) {
		for r := range n {
			s := v[r]
			for e := u.off[r]; e < u.off[r+1]; e++ {
				s += off[e] * v[u.nbr[e]]
			}
			dst[r] = s
		}
	}
	// Conjugate gradients from x = 0: r = 1 − M x = 1.
	r := make([]float64, n)
	d := make([]float64, n)
	md := make([]float64, n)
	for i := range r {
		r[i], d[i] = 1, 1
	}
	rr := float64(n)
	stop := pnTol * pnTol * float64(n)
	for it := 1; it <= MaxIterations; it++ {
		if err := ctx.Err(); err != nil {
			return nil, it, false, ctxError(ctx)
		}
		mul(md, d)
		var dmd float64
		for i := range d {
			dmd += d[i] * md[i]
		}
		if dmd <= 0 {
			return x, it, false, nil // M singular along d: no unique PN
		}
		alpha := rr / dmd
		var next float64
		for i := range x {
			x[i] += alpha * d[i]
			r[i] -= alpha * md[i]
			next += r[i] * r[i]
		}
		if next <= stop {
			return x, it, true, nil
		}
		for i := range d {
			d[i] = r[i] + next/rr*d[i]
		}
		rr = next
	}
	return x, MaxIterations, false, nil
}
