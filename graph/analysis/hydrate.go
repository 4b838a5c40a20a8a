package analysis

import (
	"context"

	"github.com/detente/detente/graph"
)

// hydrate replaces the lean relationships of an answer (see base.lean) by
// the whole records, fetched by id from the source, each id once. The
// projection keeps no citations, notes or timestamps; only the few
// relationships an answer shows need them. A relationship deleted since
// the projection was read keeps its lean form.
func (b *base) hydrate(ctx context.Context, rels []*graph.Relationship) error {
	if len(rels) == 0 || b.fetch == nil {
		return nil
	}
	got := make(map[string]graph.Relationship, len(rels))
	for _, r := range rels {
		full, ok := got[r.ID]
		if !ok {
			if ctx.Err() != nil {
				return ctxError(ctx)
			}
			var err error
			full, err = b.fetch(ctx, r.ID)
			switch {
			case graph.ErrorCode(err) == graph.ENOTFOUND:
				full = *r
			case err != nil:
				return sourceError(ctx, err)
			}
			got[r.ID] = full
		}
		*r = full
	}
	return nil
}

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
