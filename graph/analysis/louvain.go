package analysis

import (
	"context"
	"math/rand/v2"
	"slices"
)

// louvain partitions a weighted undirected graph by the Louvain method
// (Blondel, Guillaume, Lambiotte and Lefebvre, "Fast unfolding of
// communities in large networks", J. Stat. Mech. 2008, P10008) maximising
// modularity with resolution γ (Reichardt and Bornholdt, "Statistical
// mechanics of community detection", Phys. Rev. E 74, 016110, 2006):
//
//	Q = 1/2m Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j).
//
// The graph is compressed sparse rows: the neighbours of v are
// nbr[off[v]:off[v+1]] with weights w (each pair listed from both ends, a
// zero weight meaning no edge). The answer gives every node its community,
// numbered 0.. in order of each community's lowest node.
//
// Why not gonum's community.Modularize, which the blocs used before: it
// takes no context, so a request that ran out of time or lost its client
// went on computing, and its local-moving step scans every member of
// each candidate community to weigh a move, so one pass costs the sum of
// the candidate communities' sizes per node. On 10^4 actors and 2·10^5
// ties that took 3.6 minutes, in passes of up to 13 s. Here a pass keeps
// each community's total degree and weighs a move from the node's own
// neighbours alone (O(m) a pass, as Blondel et al. describe), and the
// context is checked every 1024 nodes. TestLouvainAgainstGonum checks the
// modularity it reaches against gonum's on generated graphs.
//
// The node order of each level's passes is a seeded shuffle, so the same
// graph always gives the same partition.
func louvain(ctx context.Context, off, nbr []int32, w []float64, gamma float64, seed uint64) ([]int32, error) {
	return louvainLevels(ctx, level{off: off, nbr: nbr, w: w}, gamma, seed)
}

// signedLouvain is louvain on a signed graph, maximising the signed
// modularity of Gómez, Jensen and Arenas (2009) with Traag and Bruggeman's
// resolution (2009) — the quality signedModularity computes and that
// leidenalg optimises on a positive and a negative layer:
//
//	Q ∝ Σ_ij [ (w⁺_ij − γ w⁺_i w⁺_j / 2w⁺) − (w⁻_ij − γ w⁻_i w⁻_j / 2w⁻) ] δ(c_i, c_j)
//
// pos and neg are the positive and negative weights of each entry (both
// ≥ 0, on the one CSR structure). The method is Louvain's, with the gain
// of a move the difference of the two layers' gains, as Gómez et al. and
// Traag and Bruggeman optimise it; a node may also move to a community of
// its own (gain 0), where its enemies alone pull it out of every
// community it touches.
func signedLouvain(ctx context.Context, off, nbr []int32, pos, neg []float64, gamma float64, seed uint64) ([]int32, error) {
	return louvainLevels(ctx, level{off: off, nbr: nbr, w: pos, neg: neg}, gamma, seed)
}

// louvainLevels runs the levels of the Louvain method from lv.
func louvainLevels(ctx context.Context, lv level, gamma float64, seed uint64) ([]int32, error) {
	n := lv.n()
	// node → community at level 0, composed through the levels.
	of := make([]int32, n)
	for i := range of {
		of[i] = int32(i)
	}
	rnd := rand.New(rand.NewPCG(seed, seed))
	for {
		comm, moved, err := lv.localMoves(ctx, gamma, rnd)
		if err != nil {
			return nil, err
		}
		renumber(comm)
		for i := range of {
			of[i] = comm[of[i]]
		}
		if !moved {
			break
		}
		lv = lv.aggregate(comm)
	}
	renumber(of)
	return of, nil
}

// level is one level's graph of the Louvain method: w the weight of each
// entry, and on a signed graph neg its negative weight (≥ 0; nil on an
// unsigned graph). The graph is in the same CSR shape at every level;
// self-loops are allowed (an aggregated community's internal weight).
type level struct {
	off, nbr []int32
	w        []float64
	neg      []float64
}

func (l *level) n() int { return len(l.off) - 1 }

// localMoves is the first phase of a level: every node in turn goes to the
// neighbouring community with the greatest modularity gain, if positive,
// until a whole pass moves nothing. It returns each node's community and
// whether any node left the one it started in. On a signed level the gain
// is the positive layer's minus the negative layer's, and an empty
// community is a candidate too (gain 0).
func (l *level) localMoves(ctx context.Context, gamma float64, rnd *rand.Rand) ([]int32, bool, error) {
	n := l.n()
	signed := l.neg != nil
	k := make([]float64, n)   // node strength, self-loops included
	tot := make([]float64, n) // Σ_tot of each community
	comm := make([]int32, n)  // community of each node
	var kn, totN []float64    // the same on the negative layer
	var size []int32          // members of each community (signed only)
	var empty []int32         // communities with no member (signed only)
	if signed {
		kn, totN, size = make([]float64, n), make([]float64, n), make([]int32, n)
	}
	var m2, m2n float64
	for v := 0; v < n; v++ {
		for e := l.off[v]; e < l.off[v+1]; e++ {
			k[v] += l.w[e]
			if signed {
				kn[v] += l.neg[e]
			}
		}
		comm[v] = int32(v)
		tot[v] = k[v]
		m2 += k[v]
		if signed {
			totN[v] = kn[v]
			m2n += kn[v]
			size[v] = 1
		}
	}
	if m2+m2n == 0 {
		return comm, false, nil
	}
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	rnd.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })

	// kin[c] is the weight from the current node to community c (kinN on
	// the negative layer); touched lists the communities with an entry
	// met, to clear them after.
	kin := make([]float64, n)
	var kinN []float64
	if signed {
		kinN = make([]float64, n)
	}
	seen := make([]bool, n)
	touched := make([]int32, 0, 64)
	// A move must gain more than rounding can produce; among equal gains
	// the first community met in v's row wins, so the order is fixed.
	const eps = 1e-12
	scale := m2 + m2n
	// A layer without weight adds nothing to a gain.
	gain := func(v, c int32) float64 {
		var g float64
		if m2 > 0 {
			g = kin[c] - gamma*k[v]*tot[c]/m2
		}
		if signed && m2n > 0 {
			g -= kinN[c] - gamma*kn[v]*totN[c]/m2n
		}
		return g
	}
	// visit weighs node v's move and makes it; it reports whether v
	// changed community.
	visit := func(v int32) bool {
		if k[v] == 0 && (!signed || kn[v] == 0) {
			return false
		}
		old := comm[v]
		for e := l.off[v]; e < l.off[v+1]; e++ {
			u := l.nbr[e]
			if u == v {
				continue
			}
			c := comm[u]
			if signed {
				if l.w[e] == 0 && l.neg[e] == 0 {
					continue
				}
				kinN[c] += l.neg[e]
			} else if l.w[e] == 0 {
				continue
			}
			if !seen[c] {
				seen[c] = true
				touched = append(touched, c)
			}
			kin[c] += l.w[e]
		}
		tot[old] -= k[v]
		if signed {
			totN[old] -= kn[v]
			if size[old]--; size[old] == 0 {
				empty = append(empty, old)
			}
		}
		// gain(c) ∝ k_{v,c} − γ k_v Σ_tot(c) / 2m, with v out of every
		// community; staying in old is the baseline.
		best, bestGain := old, gain(v, old)
		for _, c := range touched {
			if c == old {
				continue
			}
			if g := gain(v, c); g > bestGain+eps*scale {
				best, bestGain = c, g
			}
		}
		if signed && bestGain < -eps*scale && len(empty) > 0 {
			// Alone beats every community v touches. (When old has just
			// emptied, it is the last one, and staying costs nothing.)
			best = empty[len(empty)-1]
		}
		if signed {
			if best == old && size[old] == 0 || best != old && len(empty) > 0 && best == empty[len(empty)-1] {
				empty = empty[:len(empty)-1]
			}
			size[best]++
			totN[best] += kn[v]
		}
		tot[best] += k[v]
		comm[v] = best
		for _, c := range touched {
			kin[c] = 0
			seen[c] = false
			if signed {
				kinN[c] = 0
			}
		}
		touched = touched[:0]
		return best != old
	}

	moved := false
	if signed {
		// The queue of Leiden's fast local moving (Traag, Waltman and van
		// Eck, "From Louvain to Leiden", Scientific Reports 9, 5233,
		// 2019): every node once in the shuffled order, then only the
		// neighbours of a node that moved, unless they are in its new
		// community; the phase ends when the queue is empty, as a pass
		// that moves nothing ends Louvain's.
		queue := slices.Clone(order) // a ring of n slots: a node is in it at most once
		inQueue := make([]bool, n)
		for i := range inQueue {
			inQueue[i] = true
		}
		head, count := 0, n
		for visits := 0; count > 0; visits++ {
			if visits%1024 == 0 && ctx.Err() != nil {
				return nil, false, ctxError(ctx)
			}
			v := queue[head]
			head, count = (head+1)%n, count-1
			inQueue[v] = false
			if !visit(v) {
				continue
			}
			moved = true
			for e := l.off[v]; e < l.off[v+1]; e++ {
				u := l.nbr[e]
				if !inQueue[u] && comm[u] != comm[v] && (l.w[e] != 0 || l.neg[e] != 0) {
					inQueue[u] = true
					queue[(head+count)%n] = u
					count++
				}
			}
		}
		return comm, moved, nil
	}
	for {
		movedThisPass := false
		for i, v := range order {
			if i%1024 == 0 && ctx.Err() != nil {
				return nil, false, ctxError(ctx)
			}
			if visit(v) {
				movedThisPass, moved = true, true
			}
		}
		if !movedThisPass {
			return comm, moved, nil
		}
	}
}

// aggregate is the second phase: a node per community, the weight between
// two the sum of the weights between their members, a community's
// internal weight its self-loop (so strengths and 2m are kept). comm must
// be numbered 0..c-1.
func (l *level) aggregate(comm []int32) level {
	c := int(slices.Max(comm)) + 1
	members := make([][]int32, c)
	for v, x := range comm {
		members[x] = append(members[x], int32(v))
	}
	signed := l.neg != nil
	agg := level{off: make([]int32, c+1)}
	acc := make([]float64, c)
	var accN []float64
	if signed {
		accN = make([]float64, c)
		agg.neg = []float64{}
	}
	seen := make([]bool, c)
	touched := make([]int32, 0, 64)
	for x := 0; x < c; x++ {
		for _, v := range members[x] {
			for e := l.off[v]; e < l.off[v+1]; e++ {
				if l.w[e] == 0 && (!signed || l.neg[e] == 0) {
					continue
				}
				y := comm[l.nbr[e]]
				if !seen[y] {
					seen[y] = true
					touched = append(touched, y)
				}
				acc[y] += l.w[e]
				if signed {
					accN[y] += l.neg[e]
				}
			}
		}
		slices.Sort(touched)
		for _, y := range touched {
			agg.nbr = append(agg.nbr, y)
			agg.w = append(agg.w, acc[y])
			acc[y], seen[y] = 0, false
			if signed {
				agg.neg = append(agg.neg, accN[y])
				accN[y] = 0
			}
		}
		touched = touched[:0]
		agg.off[x+1] = int32(len(agg.nbr))
	}
	return agg
}

// renumber numbers communities 0.. in order of first appearance.
func renumber(comm []int32) {
	next := map[int32]int32{}
	for i, c := range comm {
		x, ok := next[c]
		if !ok {
			x = int32(len(next))
			next[c] = x
		}
		comm[i] = x
	}
}
