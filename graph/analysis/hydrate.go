package analysis

import (
	"context"

	"golang.org/x/sync/errgroup"

	"github.com/detente/detente/graph"
)

// hydrate replaces the lean relationships of an answer (see base.lean) by
// the whole records, fetched by id from the source, each id once and up to
// fetchers at a time (a network store answers each in a round trip). The
// projection keeps no citations, notes or timestamps; only the few
// relationships an answer shows need them. A relationship deleted since
// the projection was read keeps its lean form.
func (b *base) hydrate(ctx context.Context, rels []*graph.Relationship) error {
	if len(rels) == 0 || b.fetch == nil {
		return nil
	}
	var ids []string
	at := make(map[string]int, len(rels))
	for _, r := range rels {
		if _, ok := at[r.ID]; !ok {
			at[r.ID] = len(ids)
			ids = append(ids, r.ID)
		}
	}
	full := make([]*graph.Relationship, len(ids)) // nil: gone, keep the lean form
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(fetchers)
	for i, id := range ids {
		g.Go(func() error {
			if gctx.Err() != nil {
				return gctx.Err()
			}
			r, err := b.fetch(gctx, id)
			switch {
			case graph.ErrorCode(err) == graph.ENOTFOUND:
				return nil
			case err != nil:
				return err
			}
			full[i] = &r
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		if ctx.Err() != nil {
			return ctxError(ctx)
		}
		return sourceError(ctx, err)
	}
	for _, r := range rels {
		if f := full[at[r.ID]]; f != nil {
			*r = *f
		}
	}
	return nil
}

// fetchers is how many relationships hydrate fetches at a time.
const fetchers = 8

// pathRels appends the relationships of paths to out.
func pathRels(out []*graph.Relationship, paths ...*graph.Path) []*graph.Relationship {
	for _, p := range paths {
		for i := range p.Relationships {
			out = append(out, &p.Relationships[i])
		}
	}
	return out
}

// hydrateActorInfluence fills the evidence paths and channels of a.
func (p *Projection) hydrateActorInfluence(ctx context.Context, a *ActorInfluence) error {
	var rels []*graph.Relationship
	for _, list := range [][]Influence{a.Influences, a.InfluencedBy} {
		for i := range list {
			for j := range list[i].Paths {
				rels = pathRels(rels, &list[i].Paths[j].Path)
			}
		}
	}
	for _, list := range [][]SignedInfluence{a.Sways, a.Pressures, a.SwayedBy, a.PressuredBy} {
		for i := range list {
			for j := range list[i].Channels {
				rels = pathRels(rels, &list[i].Channels[j].Path)
			}
		}
	}
	return p.base.hydrate(ctx, rels)
}

// hydrateMediators fills the ties of m's channels and exclusions.
func (p *Projection) hydrateMediators(ctx context.Context, m *Mediators) error {
	var rels []*graph.Relationship
	for i := range m.Results {
		for s := range m.Results[i].Sides {
			ties := m.Results[i].Sides[s].Ties
			for j := range ties {
				rels = append(rels, &ties[j].Relationship)
			}
		}
	}
	for i := range m.Excluded {
		for j := range m.Excluded[i].Conflicts {
			rels = append(rels, &m.Excluded[i].Conflicts[j].Relationship)
		}
	}
	return p.base.hydrate(ctx, rels)
}

// hydrateKeyPlayers fills the ties k picks.
func (p *Projection) hydrateKeyPlayers(ctx context.Context, k *KeyPlayers) error {
	var rels []*graph.Relationship
	for i := range k.Picks {
		if r := k.Picks[i].Relationship; r != nil {
			rels = append(rels, r)
		}
	}
	if k.Exact != nil {
		for i := range k.Exact.Members {
			if r := k.Exact.Members[i].Relationship; r != nil {
				rels = append(rels, r)
			}
		}
	}
	return p.base.hydrate(ctx, rels)
}
