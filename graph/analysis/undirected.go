package analysis

// undirected is the projection's relationships seen without direction, one
// entry per unordered pair and endpoint (each pair appears in both rows). It
// serves the signed and positive analyses: mediators, blocs, balance.
type undirected struct {
	off []int32
	nbr []int32

	posBest []float64 // highest weight of a positive relationship on the pair, 0 if none
	posRel  []int32   // that relationship (index into base.rels), -1 if none
	posSum  []float64 // sum of the weights of the positive relationships

	net      []float64 // sum of polarity × weight over the signed relationships
	netCount []int32   // sum of polarity (a majority vote)
	signed   []bool    // some relationship on the pair has polarity ±1
}

func (p *Projection) undirected() *undirected {
	p.undOnce.Do(func() { p.und = buildUndirected(p.data) })
	return p.und
}

func buildUndirected(d *data) *undirected {
	n := len(d.ids)
	m := 2 * len(d.relsSel)
	src := make([]int32, 0, m)
	dst := make([]int32, 0, m)
	rel := make([]int32, 0, m)
	for _, ri := range d.relsSel {
		r := &d.base.rels[ri]
		u, v := d.index[r.Source], d.index[r.Target]
		src, dst, rel = append(src, u, v), append(dst, v, u), append(rel, ri, ri)
	}
	perm := countingSort(dst, n, nil)
	perm = countingSort(src, n, perm)

	g := &undirected{off: make([]int32, n+1)}
	for k := 0; k < len(perm); {
		u, v := src[perm[k]], dst[perm[k]]
		var (
			best, sum, net float64
			bestRel        int32 = -1
			count          int32
			signed         bool
		)
		for ; k < len(perm) && src[perm[k]] == u && dst[perm[k]] == v; k++ {
			ri := rel[perm[k]]
			r := &d.base.rels[ri]
			pol := d.base.polarity(r.Type)
			switch pol {
			case 1:
				sum += r.Weight
				if r.Weight > best {
					best, bestRel = r.Weight, ri
				}
				net += r.Weight
				count++
				signed = true
			case -1:
				net -= r.Weight
				count--
				signed = true
			}
		}
		g.nbr = append(g.nbr, v)
		g.posBest = append(g.posBest, best)
		g.posRel = append(g.posRel, bestRel)
		g.posSum = append(g.posSum, sum)
		g.net = append(g.net, net)
		g.netCount = append(g.netCount, count)
		g.signed = append(g.signed, signed)
		g.off[u+1]++
	}
	for v := 0; v < n; v++ {
		g.off[v+1] += g.off[v]
	}
	return g
}
