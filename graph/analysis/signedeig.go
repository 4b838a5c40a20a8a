package analysis

import (
	"context"
	"math"
)

// signedEigenTol bounds the change of the unit vector between iterations
// at which the signed eigenvector's power iteration stops.
const signedEigenTol = 1e-12

// signedEigenvector is Bonacich and Lloyd's status with negative relations
// ("Calculating status with negative relations", Social Networks 26,
// 2004): the eigenvector of the largest eigenvalue of the symmetric signed
// adjacency A (A_uv = +1 allies, −1 enemies; weighted: the pair's net
// Σ polarity × weight; structural ties and cancelling pairs 0), read
// without direction as in Balance. An actor scores high when its allies
// score high and its enemies low; in a graph split into two hostile camps
// the scores of the two camps have opposite signs, so the sign says which
// side an actor is on and the size how central it is there. The vector
// has unit length and is oriented so that its entries sum to at least 0
// (the eigenvector is defined only up to sign).
//
// Computed by power iteration on A + cI, with c the largest absolute row
// sum (Gershgorin: every eigenvalue of A + cI is then at least 0, so the
// iteration finds A's largest eigenvalue, not the one of largest
// magnitude, which in a hostile graph is often negative). Converged is
// false when MaxIterations runs out first (a top eigenvalue shared by
// two components, or a very small gap).
func (p *Projection) signedEigenvector(ctx context.Context) ([]float64, int, bool, error) {
	n := len(p.ids)
	x := make([]float64, n)
	if n == 0 {
		return x, 0, true, nil
	}
	u := p.undirected()
	a := make([]float64, len(u.nbr))
	var c float64
	for v := range n {
		var row float64
		for e := u.off[v]; e < u.off[v+1]; e++ {
			if !u.signed[e] || u.nbr[e] == int32(v) {
				continue
			}
			net := p.pairNet(u, e)
			switch {
			case math.Abs(net) < 1e-12:
			case p.weighted:
				a[e] = net
			default:
				a[e] = math.Copysign(1, net)
			}
			row += math.Abs(a[e])
		}
		c = max(c, row)
	}
	if c == 0 {
		for i := range x {
			x[i] = 1 / math.Sqrt(float64(n))
		}
		return x, 0, true, nil
	}
	// Start from a fixed vector with a component along every eigenvector
	// in practice: 1 + a small index-dependent perturbation.
	for i := range x {
		x[i] = 1 + float64(i%7)/100
	}
	normalize(x)
	next := make([]float64, n)
	for it := 1; it <= MaxIterations*10; it++ {
		if it%64 == 0 && ctx.Err() != nil {
			return nil, it, false, ctxError(ctx)
		}
		for v := range n {
			s := c * x[v]
			for e := u.off[v]; e < u.off[v+1]; e++ {
				s += a[e] * x[u.nbr[e]]
			}
			next[v] = s
		}
		normalize(next)
		var delta float64
		for i := range x {
			delta = max(delta, math.Abs(next[i]-x[i]))
		}
		x, next = next, x
		if delta <= signedEigenTol {
			orient(x)
			return x, it, true, nil
		}
	}
	orient(x)
	return x, MaxIterations * 10, false, nil
}

func normalize(x []float64) {
	var s float64
	for _, v := range x {
		s += v * v
	}
	if s = math.Sqrt(s); s > 0 {
		for i := range x {
			x[i] /= s
		}
	}
}

// orient flips x so that its entries sum to at least 0.
func orient(x []float64) {
	var s float64
	for _, v := range x {
		s += v
	}
	if s < 0 {
		for i := range x {
			x[i] = -x[i]
		}
	}
}
