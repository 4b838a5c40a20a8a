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
	nsigned  []int32   // how many relationships on the pair have polarity ±1
}

// pairNet is the net tie of undirected entry e as the signed measures read
// a pair: Σ polarity × weight when the view is weighted, else Σ polarity
// (a majority vote). Its sign is the pair's sign; 0 means no signed tie or
// ties that cancel.
func (p *Projection) pairNet(u *undirected, e int32) float64 {
	if p.weighted {
		return u.net[e]
	}
	return float64(u.netCount[e])
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
	// Each relationship's polarity and weight, read here in one sequential
	// pass: the loop below visits relationships in pair order, and reading
	// the type registry and the relationship there, at random, made the
	// first mediator or balance query on 10^6 relationships take seconds.
	pol := make([]int8, m)
	wt := make([]float64, m)
	for _, ri := range d.relsSel {
		r := &d.base.rels[ri]
		u, v := d.local[r.src], d.local[r.dst]
		k := len(src)
		pol[k], wt[k] = int8(d.relPolarity(ri)), r.weight
		pol[k+1], wt[k+1] = pol[k], wt[k]
		src, dst, rel = append(src, u, v), append(dst, v, u), append(rel, ri, ri)
	}
	perm := countingSort(dst, n, nil)
	perm = countingSort(src, n, perm)

	// At most one entry per directed edge: allocate once.
	g := &undirected{off: make([]int32, n+1), nbr: make([]int32, 0, m), posBest: make([]float64, 0, m),
		posRel: make([]int32, 0, m), posSum: make([]float64, 0, m), net: make([]float64, 0, m),
		netCount: make([]int32, 0, m), signed: make([]bool, 0, m), nsigned: make([]int32, 0, m)}
	for k := 0; k < len(perm); {
		u, v := src[perm[k]], dst[perm[k]]
		var (
			best, sum, net float64
			bestRel        int32 = -1
			count, nsigned int32
			signed         bool
		)
		for ; k < len(perm) && src[perm[k]] == u && dst[perm[k]] == v; k++ {
			e := perm[k]
			ri, w := rel[e], wt[e]
			switch pol[e] {
			case 1:
				sum += w
				if w > best {
					best, bestRel = w, ri
				}
				net += w
				count++
				nsigned++
				signed = true
			case -1:
				net -= w
				count--
				nsigned++
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
		g.nsigned = append(g.nsigned, nsigned)
		g.off[u+1]++
	}
	for v := 0; v < n; v++ {
		g.off[v+1] += g.off[v]
	}
	return g
}
