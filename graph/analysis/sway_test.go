package analysis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphtest"
)

// signedTypes are the types the generated graphs draw from: cooperative,
// conflictual and structural, symmetric and not, relaying and direct
// engagement (negotiates_with, mediates, monitors).
var signedTypes = []string{"supports", "allied_with", "arms", "negotiates_with", "mediates", "sanctions", "hostile_to", "attacks", "member_of", "monitors"}

// swayGraph generates a graph of n actors and m ties of random signed
// types, weights and confidences; parallel ties and both directions occur.
func swayGraph(seed uint64, n, m int) graph.Batch {
	rng := rand.New(rand.NewPCG(seed, 18))
	ties := make([]tie, 0, m)
	for len(ties) < m {
		u, v := rng.IntN(n), rng.IntN(n)
		if u == v {
			continue
		}
		ties = append(ties, tie{fmt.Sprintf("n%d", u), fmt.Sprintf("n%d", v), signedTypes[rng.IntN(len(signedTypes))],
			float64(1+rng.IntN(10)) / 10})
	}
	b := batchOf(ties)
	for i := range b.Relationships {
		b.Relationships[i].Confidence = float64(1+rng.IntN(10)) / 10
	}
	return b
}

// signedLists names the four sign-aware lists of an answer.
func signedLists(ai ActorInfluence) []struct {
	name     string
	inward   bool // channels end at the actor asked about
	pressure bool
	list     []SignedInfluence
} {
	return []struct {
		name     string
		inward   bool
		pressure bool
		list     []SignedInfluence
	}{
		{"sways", false, false, ai.Sways}, {"pressures", false, true, ai.Pressures},
		{"swayed_by", true, false, ai.SwayedBy}, {"pressured_by", true, true, ai.PressuredBy},
	}
}

// checkChannel reports what is wrong with one channel of a list: its
// shape (a simple path from the influencer to the influenced, each tie
// running that way), its signs (sway: all +1; pressure: +1 but the last,
// -1; structural ties only as conduits, when counted) and its relays
// (every tie but the last of a type that relays, on a pair not hostile on
// balance).
func checkChannel(reg graph.Registry, relays func(u, v string) bool, from, to string, pressure, structural bool, maxHops int, c ChannelPath) error {
	n := len(c.Relationships)
	if n == 0 || n > maxHops || len(c.Actors) != n+1 || len(c.Signs) != n || c.Hops != n {
		return fmt.Errorf("malformed: %d ties, %d actors, %d signs", n, len(c.Actors), len(c.Signs))
	}
	if c.Actors[0] != from || c.Actors[n] != to {
		return fmt.Errorf("runs %s..%s, want %s..%s", c.Actors[0], c.Actors[n], from, to)
	}
	seen := map[string]bool{}
	for _, a := range c.Actors {
		if seen[a] {
			return fmt.Errorf("not simple: %s twice", a)
		}
		seen[a] = true
	}
	for i, r := range c.Relationships {
		t, _ := reg.Get(r.Type)
		if !(r.Source == c.Actors[i] && r.Target == c.Actors[i+1] || t.Symmetric && r.Source == c.Actors[i+1] && r.Target == c.Actors[i]) {
			return fmt.Errorf("tie %s (%s -> %s) does not run from %s to %s", r.ID, r.Source, r.Target, c.Actors[i], c.Actors[i+1])
		}
		if c.Signs[i] != t.Polarity {
			return fmt.Errorf("tie %s: sign %d, its type's polarity %d", r.ID, c.Signs[i], t.Polarity)
		}
		last := i == n-1
		if !last && !t.Relays() {
			return fmt.Errorf("channel passes through tie %s of type %s, which does not relay, at hop %d", r.ID, r.Type, i+1)
		}
		if !last && relays != nil && !relays(c.Actors[i], c.Actors[i+1]) {
			return fmt.Errorf("tie %s relays influence on a pair hostile on balance (%s, %s)", r.ID, c.Actors[i], c.Actors[i+1])
		}
		switch {
		case t.Polarity == 0 && !structural:
			return fmt.Errorf("structural tie %s (%s) carries influence", r.ID, r.Type)
		case t.Polarity == 0 && last && pressure:
			return fmt.Errorf("pressure channel ends in structural tie %s", r.ID)
		case t.Polarity < 0 && !pressure:
			return fmt.Errorf("sway channel through conflictual tie %s (%s)", r.ID, r.Type)
		case t.Polarity < 0 && !last:
			return fmt.Errorf("pressure channel passes through conflictual tie %s (%s) at hop %d", r.ID, r.Type, i+1)
		case t.Polarity > 0 && last && pressure:
			return fmt.Errorf("pressure channel ends in cooperative tie %s", r.ID)
		}
	}
	return nil
}

// TestSignedChannelsProperty: on generated signed graphs, no sway channel
// holds a structural or conflictual tie, and no pressure channel holds a
// conflictual tie before its last hop nor any structural tie; with
// polarity "all" structural ties may only be conduits; and no channel
// passes through a tie whose type does not relay (mediation, talks,
// monitoring): such a tie is only ever a channel's last hop.
func TestSignedChannelsProperty(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name       string
		filter     Filter
		structural bool
		hops       int
	}{
		{"signed", Filter{Polarity: PolaritySigned}, false, 3},
		{"signed weighted", Filter{Polarity: PolaritySigned, Weighted: true}, false, 4},
		{"positive", Filter{Polarity: PolarityPositive}, false, 3},
		{"negative", Filter{Polarity: PolarityNegative}, false, 3},
		{"all, structural as conduits", Filter{Polarity: PolarityAll, Weighted: true}, true, 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for g := uint64(0); g < 12; g++ {
				b := swayGraph(g, 8+int(g%5), 20+int(3*g))
				p := project(t, b, tc.filter)
				relays := pairRelays(b, registry, tc.filter)
				for _, id := range p.IDs() {
					ai, err := p.ActorInfluence(ctx, ActorInfluenceQuery{Actor: id, Limit: MaxLimit, Paths: MaxPaths, MaxHops: tc.hops})
					if err != nil {
						t.Fatal(err)
					}
					if ai.Structural != tc.structural || ai.Truncated {
						t.Errorf("graph %d, %s: structural %v truncated %v", g, id, ai.Structural, ai.Truncated)
					}
					for _, l := range signedLists(ai) {
						if tc.filter.Polarity == PolarityPositive && l.pressure && len(l.list) > 0 ||
							tc.filter.Polarity == PolarityNegative && !l.pressure && len(l.list) > 0 {
							t.Errorf("graph %d, %s: %s under polarity %s: %d entries", g, id, l.name, tc.filter.Polarity, len(l.list))
						}
						for _, e := range l.list {
							if len(e.Channels) == 0 || e.Count < len(e.Channels) {
								t.Errorf("graph %d, %s %s %s: %d channels of %d", g, id, l.name, e.Actor, len(e.Channels), e.Count)
							}
							from, to := id, e.Actor
							if l.inward {
								from, to = e.Actor, id
							}
							for i, c := range e.Channels {
								if err := checkChannel(registry, relays, from, to, l.pressure, tc.structural, tc.hops, c); err != nil {
									t.Errorf("graph %d, %s %s %s: %v: %s", g, id, l.name, e.Actor, err, c.Explanation)
								}
								if i > 0 && c.Strength > e.Channels[i-1].Strength {
									t.Errorf("graph %d, %s %s %s: channels out of order", g, id, l.name, e.Actor)
								}
							}
						}
					}
				}
			}
		})
	}
}

// refScores is the brute-force reference: every simple walk of at most
// maxHops hops over the batch's relationships, read independently of the
// projection. Keys are "from>to"; values the score and the channel count.
type refScore struct {
	score float64
	count int
}

// pairRelays returns whether a pair relays influence: its net tie (Σ
// polarity × weight, or Σ polarity unweighted, over the signed ties f
// selects, either way) is positive, or it has no signed tie.
func pairRelays(b graph.Batch, reg graph.Registry, f Filter) func(u, v string) bool {
	weighted := f.Weighted
	type pairNet struct {
		w      float64
		n      int
		signed bool
	}
	nets := map[[2]string]pairNet{}
	pair := func(u, v string) [2]string {
		if u > v {
			u, v = v, u
		}
		return [2]string{u, v}
	}
	for _, r := range b.Relationships {
		t, _ := reg.Get(r.Type)
		if t.Polarity != 0 && f.admits(&r, t) {
			pn := nets[pair(r.Source, r.Target)]
			pn.w += float64(t.Polarity) * r.Weight
			pn.n += t.Polarity
			pn.signed = true
			nets[pair(r.Source, r.Target)] = pn
		}
	}
	return func(u, v string) bool {
		pn := nets[pair(u, v)]
		if !pn.signed {
			return true
		}
		if weighted {
			return pn.w > 0
		}
		return pn.n > 0
	}
}

// referenceChannels enumerates every channel by brute force: a channel
// ends with the strongest tie of its sign from one actor on the next, and
// goes on past an actor only through the strongest cooperative tie whose
// type relays, on a pair not hostile on balance.
func referenceChannels(b graph.Batch, reg graph.Registry, weighted, structural bool, maxHops int) (sway, pressure map[string]refScore) {
	// best[from][to][sign]: the strongest tie of each sign from one actor
	// on another (weight × confidence; existence alone when unweighted);
	// sign 2 holds the strongest cooperative tie whose type relays.
	best := map[string]map[string]map[int]float64{}
	var actors []string
	add := func(u, v string, sign int, s float64) {
		if best[u] == nil {
			best[u] = map[string]map[int]float64{}
		}
		if best[u][v] == nil {
			best[u][v] = map[int]float64{}
		}
		if old, ok := best[u][v][sign]; !ok || s > old {
			best[u][v][sign] = s
		}
	}
	relaysPair := pairRelays(b, reg, Filter{Weighted: weighted})
	seen := map[string]bool{}
	for _, r := range b.Relationships {
		t, _ := reg.Get(r.Type)
		sign := t.Polarity
		if sign == 0 {
			if !structural {
				continue
			}
			sign = 1
		}
		s := 1.0
		if weighted {
			s = r.Weight * r.Confidence
		}
		add(r.Source, r.Target, sign, s)
		if t.Symmetric {
			add(r.Target, r.Source, sign, s)
		}
		if sign > 0 && t.Relays() {
			add(r.Source, r.Target, 2, s)
			if t.Symmetric {
				add(r.Target, r.Source, 2, s)
			}
		}
		for _, a := range []string{r.Source, r.Target} {
			if !seen[a] {
				seen[a] = true
				actors = append(actors, a)
			}
		}
	}
	sway, pressure = map[string]refScore{}, map[string]refScore{}
	var walk func(path []string, strength float64)
	walk = func(path []string, strength float64) {
		if len(path) > maxHops {
			return
		}
		last := path[len(path)-1]
		for _, next := range actors {
			if slices.Contains(path, next) {
				continue
			}
			signs := best[last][next]
			key := path[0] + ">" + next
			if s, ok := signs[-1]; ok {
				r := pressure[key]
				r.score += strength * KatzAttenuation * s
				r.count++
				pressure[key] = r
			}
			if s, ok := signs[1]; ok {
				r := sway[key]
				r.score += strength * KatzAttenuation * s
				r.count++
				sway[key] = r
			}
			if s, ok := signs[2]; ok && relaysPair(last, next) {
				walk(append(slices.Clone(path), next), strength*KatzAttenuation*s)
			}
		}
	}
	for _, a := range actors {
		walk([]string{a}, 1)
	}
	return sway, pressure
}

// TestSignedInfluenceReference checks every score and channel count of
// every list against the brute-force enumeration, on small graphs.
func TestSignedInfluenceReference(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name     string
		polarity string
		weighted bool
		hops     int
	}{
		{"unweighted, 3 hops", PolaritySigned, false, 3},
		{"weighted, 3 hops", PolaritySigned, true, 3},
		{"weighted, 4 hops", PolaritySigned, true, 4},
		{"unweighted, 1 hop", PolaritySigned, false, 1},
		{"structural as conduits", PolarityAll, true, 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for g := uint64(100); g < 110; g++ {
				b := swayGraph(g, 6+int(g%3), 14+int(g%7))
				p := project(t, b, Filter{Polarity: tc.polarity, Weighted: tc.weighted})
				refSway, refPressure := referenceChannels(b, registry, tc.weighted, tc.polarity == PolarityAll, tc.hops)
				for _, id := range p.IDs() {
					ai, err := p.ActorInfluence(ctx, ActorInfluenceQuery{Actor: id, Limit: MaxLimit, Paths: 1, MaxHops: tc.hops})
					if err != nil {
						t.Fatal(err)
					}
					for _, l := range signedLists(ai) {
						ref := refSway
						if l.pressure {
							ref = refPressure
						}
						want := map[string]refScore{}
						for key, r := range ref {
							from, to, _ := strings.Cut(key, ">")
							if l.inward && to == id && from != id {
								want[from] = r
							} else if !l.inward && from == id && to != id {
								want[to] = r
							}
						}
						got := map[string]refScore{}
						for _, e := range l.list {
							got[e.Actor] = refScore{e.Score, e.Count}
						}
						for a, w := range want {
							if have, ok := got[a]; !ok || !closeTo(have.score, w.score) || have.count != w.count {
								t.Errorf("graph %d, %s %s %s = %+v, reference %+v", g, id, l.name, a, got[a], w)
							}
						}
						for a := range got {
							if _, ok := want[a]; !ok {
								t.Errorf("graph %d, %s %s lists %s; the reference has no channel", g, id, l.name, a)
							}
						}
					}
				}
			}
		})
	}
}

// TestSignedInfluenceScenario runs actor influence on the shipped
// scenario as of its cut-off, as GET /actors/{id}/influence does by
// default (signed ties, weighted) and unweighted.
func TestSignedInfluenceScenario(t *testing.T) {
	ctx := context.Background()
	b, asOf := scenario(t)
	for _, weighted := range []bool{false, true} {
		t.Run(fmt.Sprintf("weighted=%v", weighted), func(t *testing.T) {
			p := project(t, b, Filter{AsOf: &asOf, Polarity: PolaritySigned, Weighted: weighted})
			relays := pairRelays(b, registry, Filter{AsOf: &asOf, Weighted: weighted})
			houthis, err := p.ActorInfluence(ctx, ActorInfluenceQuery{Actor: "houthis", Limit: MaxLimit, Paths: MaxPaths})
			if err != nil {
				t.Fatal(err)
			}
			// No channel of any kind reaches the Houthis through a hostile
			// tie: Iran —hostile_to— US —attacks→ Houthis is not Iran's sway.
			for _, l := range signedLists(houthis) {
				for _, e := range l.list {
					for _, c := range e.Channels {
						if err := checkChannel(registry, relays, map[bool]string{true: e.Actor, false: "houthis"}[l.inward],
							map[bool]string{true: "houthis", false: e.Actor}[l.inward], l.pressure, false, DefaultPathHops, c); err != nil {
							t.Errorf("houthis %s %s: %v: %s", l.name, e.Actor, err, c.Explanation)
						}
					}
				}
			}
			var iranSways *SignedInfluence
			for i, e := range houthis.SwayedBy {
				if e.Actor == "iran" {
					iranSways = &houthis.SwayedBy[i]
				}
			}
			if iranSways == nil {
				t.Fatalf("Iran, which arms and supports the Houthis, does not sway them: %+v", houthis.SwayedBy)
			}
			for _, c := range iranSways.Channels {
				if slices.Contains(c.Signs, -1) || strings.Contains(c.Explanation, "hostile_to") {
					t.Errorf("Iran sways the Houthis through a hostile tie: %s", c.Explanation)
				}
			}

			// Nor does Iran, their patron, pressure them: the US sanctions
			// the Houthis, but the US and Iran are hostile on balance, so
			// their talks relay nothing.
			for _, e := range houthis.PressuredBy {
				if e.Actor == "iran" {
					t.Errorf("Iran pressures the Houthis: %s", e.Channels[0].Explanation)
				}
			}

			// Oman mediates with the US and with Iran; the US sanctions
			// Iran. Mediation engages the US directly and relays nothing,
			// so Oman pressures no one through the US, and no channel to
			// or from Iran passes through mediation, talks or appeals.
			all, err := p.ActorInfluence(ctx, ActorInfluenceQuery{Actor: "iran", Limit: MaxLimit, Paths: MaxPaths})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range all.PressuredBy {
				if e.Actor == "oman" {
					t.Errorf("Oman pressures Iran: %s", e.Channels[0].Explanation)
				}
			}
			for _, l := range signedLists(all) {
				for _, e := range l.list {
					for _, c := range e.Channels {
						if err := checkChannel(registry, relays, map[bool]string{true: e.Actor, false: "iran"}[l.inward],
							map[bool]string{true: "iran", false: e.Actor}[l.inward], l.pressure, false, DefaultPathHops, c); err != nil {
							t.Errorf("iran %s %s: %v: %s", l.name, e.Actor, err, c.Explanation)
						}
					}
				}
			}

			iran, err := p.ActorInfluence(ctx, ActorInfluenceQuery{Actor: "iran", Limit: 5, Paths: 1})
			if err != nil {
				t.Fatal(err)
			}
			pressuring := map[string]bool{}
			for _, e := range iran.PressuredBy {
				pressuring[e.Actor] = true
			}
			if !pressuring["united-states"] && !pressuring["israel"] {
				t.Errorf("neither the US nor Israel among the top pressuring Iran: %+v", iran.PressuredBy)
			}
			for _, l := range signedLists(iran) {
				for _, e := range l.list {
					t.Logf("iran %s #%d %s score %.4g (%d channels): %s (strength %.4g)", l.name, e.Rank, e.Actor, e.Score, e.Count,
						e.Channels[0].Explanation, e.Channels[0].Strength)
				}
			}
		})
	}
}

// BenchmarkSignedInfluence times, on a generated signed graph of 10^4
// actors and 10^5 ties, building the signed adjacencies (once per
// projection) and one uncached actor influence (PageRank lists and the
// sign-aware enumeration).
func BenchmarkSignedInfluence(b *testing.B) {
	batch := swayGraph(7, 10_000, 100_000)
	p := project(b, batch, Filter{Polarity: PolaritySigned, Weighted: true})
	b.Run("adjacency", func(b *testing.B) {
		for range b.N {
			p.signedAdjacency(false, false)
			p.signedAdjacency(false, true)
		}
	})
	p.signedAdjacencies()
	q := ActorInfluenceQuery{Actor: "n0"}
	if errs := q.fieldErrors(); len(errs) > 0 {
		b.Fatal(errs)
	}
	b.Run("query", func(b *testing.B) {
		for range b.N {
			ai, err := p.actorInfluence(context.Background(), q)
			if err != nil || ai.Truncated {
				b.Fatalf("%v; truncated %v", err, ai.Truncated)
			}
		}
	})
}

// hostility: Iran arms the Houthis and is hostile to the US, which attacks
// them; the US and Iran also negotiate, but the US sanctions Iran, so the
// pair is hostile on balance; Russia backs Iran; both belong to brics.
var hostility = []tie{
	{"iran", "us", "hostile_to", 0.7},
	{"us", "houthis", "attacks", 0.9},
	{"iran", "houthis", "arms", 0.8},
	{"houthis", "us", "attacks", 0.7},
	{"us", "iran", "negotiates_with", 0.5},
	{"us", "iran", "sanctions", 0.8},
	{"russia", "iran", "supports", 0.5},
	{"iran", "brics", "member_of", 1},
	{"russia", "brics", "member_of", 1},
}

func TestSignedInfluenceExample(t *testing.T) {
	type entry struct {
		actor string
		score float64
		count int
	}
	cases := []struct {
		name     string
		polarity string
		weighted bool
		actor    string
		list     string
		want     []entry
	}{
		// Iran sways the Houthis (arms) and, directly, the US (talks);
		// the talks relay nothing: the pair is hostile on balance.
		{"iran sways", PolaritySigned, false, "iran", "sways", []entry{{"houthis", 0.5, 1}, {"us", 0.5, 1}}},
		// Iran pressures the US directly and through the Houthis' attacks.
		{"iran pressures", PolaritySigned, false, "iran", "pressures", []entry{{"us", 0.75, 2}}},
		// One channel per pair and sign: the US's sanctions (its best
		// conflictual tie on Iran, weight 0.8 over hostility's 0.7).
		{"iran pressured by", PolaritySigned, false, "iran", "pressured_by", []entry{{"us", 0.5, 1}}},
		{"iran swayed by", PolaritySigned, false, "iran", "swayed_by", []entry{{"russia", 0.5, 1}, {"us", 0.5, 1}}},
		// Not Iran via its hostility to the US, which attacks them.
		{"houthis swayed by", PolaritySigned, false, "houthis", "swayed_by", []entry{{"iran", 0.5, 1}, {"russia", 0.25, 1}}},
		// Not Iran through its talks with the US.
		{"houthis pressured by", PolaritySigned, false, "houthis", "pressured_by", []entry{{"us", 0.5, 1}}},
		// Weighted: α^hops × Π weight × confidence (confidence 1 here).
		{"houthis swayed by, weighted", PolaritySigned, true, "houthis", "swayed_by", []entry{{"iran", 0.4, 1}, {"russia", 0.1, 1}}},
		{"iran pressures, weighted", PolaritySigned, true, "iran", "pressures", []entry{{"us", 0.35 + 0.4*0.35, 2}}},
		// Russia sways the US through Iran's talks with it: a channel's
		// last tie needs no relay. Membership carries nothing by default;
		// with polarity all it is a conduit (russia -> brics, and
		// russia -> iran -> brics).
		{"structural left out", PolaritySigned, false, "russia", "sways", []entry{{"iran", 0.5, 1}, {"houthis", 0.25, 1}, {"us", 0.25, 1}}},
		{"structural as conduit", PolarityAll, false, "russia", "sways",
			[]entry{{"brics", 0.75, 2}, {"iran", 0.5, 1}, {"houthis", 0.25, 1}, {"us", 0.25, 1}}},
		{"positive: no pressure", PolarityPositive, false, "iran", "pressures", []entry{}},
		{"negative: direct pressure only", PolarityNegative, false, "iran", "pressures", []entry{{"us", 0.5, 1}}},
	}
	b := batchOf(hostility)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := project(t, b, Filter{Polarity: tc.polarity, Weighted: tc.weighted})
			ai, err := p.ActorInfluence(context.Background(), ActorInfluenceQuery{Actor: tc.actor})
			if err != nil {
				t.Fatal(err)
			}
			var got []entry
			for _, l := range signedLists(ai) {
				if l.name == tc.list {
					for _, e := range l.list {
						got = append(got, entry{e.Actor, e.Score, e.Count})
					}
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("%s %s = %v, want %v", tc.actor, tc.list, got, tc.want)
			}
			for i := range got {
				if got[i].actor != tc.want[i].actor || !closeTo(got[i].score, tc.want[i].score) || got[i].count != tc.want[i].count {
					t.Errorf("%s %s = %v, want %v", tc.actor, tc.list, got, tc.want)
					break
				}
			}
		})
	}
}

// TestSignedChannelsCoexist: over all of history a channel's ties must
// have been valid on a common day. a supported b until 2010; b has
// supported c since 2015 and attacked d since 2016: a neither sways c nor
// pressures d, while b's own ties still count, and as of a day in 2017
// (when a-b was over) nothing reaches from a at all.
func TestSignedChannelsCoexist(t *testing.T) {
	ctx := context.Background()
	b := batchOf([]tie{{"a", "b", "supports", 1}, {"b", "c", "supports", 1}, {"b", "d", "attacks", 1}})
	b.Relationships[0].ValidTo = graphtest.DatePtr("2010-12-31")
	b.Relationships[1].ValidFrom = graphtest.DatePtr("2015-01-01")
	b.Relationships[2].ValidFrom = graphtest.DatePtr("2016-01-01")
	names := func(xs []SignedInfluence) []string {
		out := []string{}
		for _, x := range xs {
			out = append(out, x.Actor)
		}
		return out
	}
	for _, tc := range []struct {
		filter                Filter
		seed                  string
		sways, pressures      []string
		swayedBy, pressuredBy []string
	}{
		{filter: Filter{}, seed: "a", sways: []string{"b"}, pressures: []string{}},
		{filter: Filter{}, seed: "b", sways: []string{"c"}, pressures: []string{"d"}, swayedBy: []string{"a"}},
		{filter: Filter{AsOf: graphtest.DatePtr("2017-01-01")}, seed: "a", sways: []string{}, pressures: []string{}},
		{filter: Filter{AsOf: graphtest.DatePtr("2005-01-01")}, seed: "a", sways: []string{"b"}, pressures: []string{}},
	} {
		t.Run(fmt.Sprintf("%s as of %v", tc.seed, tc.filter.AsOf), func(t *testing.T) {
			p := project(t, b, tc.filter)
			r, err := p.ActorInfluence(ctx, ActorInfluenceQuery{Actor: tc.seed})
			if err != nil {
				t.Fatal(err)
			}
			if got := names(r.Sways); !slices.Equal(got, tc.sways) {
				t.Errorf("sways %v, want %v", got, tc.sways)
			}
			if got := names(r.Pressures); !slices.Equal(got, tc.pressures) {
				t.Errorf("pressures %v, want %v", got, tc.pressures)
			}
			if tc.swayedBy != nil {
				if got := names(r.SwayedBy); !slices.Equal(got, tc.swayedBy) {
					t.Errorf("swayed by %v, want %v", got, tc.swayedBy)
				}
			}
		})
	}
}

// TestDirectEngagementEndsChannels: a tie of a type that does not relay
// (mediates, negotiates_with) is only ever a channel's last hop. Oman
// mediates with the US and Iran and the US sanctions Iran: Oman sways
// both parties directly and pressures no one. Qatar both mediates with
// the US (0.9) and supports it (0.3): its sway on the US is the stronger
// mediation, but its pressure on Iran through the US runs through the
// support, the one of its ties that relays.
func TestDirectEngagementEndsChannels(t *testing.T) {
	b := batchOf([]tie{
		{"oman", "us", "mediates", 0.7},
		{"oman", "iran", "mediates", 0.7},
		{"us", "iran", "sanctions", 0.8},
		{"qatar", "us", "mediates", 0.9},
		{"qatar", "us", "supports", 0.3},
		{"us", "israel", "negotiates_with", 0.5},
	})
	type entry struct {
		actor       string
		score       float64
		explanation string
	}
	cases := []struct {
		actor, list string
		want        []entry
	}{
		{"oman", "sways", []entry{{"iran", 0.35, "Actor oman —mediates→ Actor iran"}, {"us", 0.35, "Actor oman —mediates→ Actor us"}}},
		{"oman", "pressures", []entry{}},
		{"qatar", "sways", []entry{{"us", 0.45, "Actor qatar —mediates→ Actor us"}, {"israel", 0.0375, "Actor qatar —supports→ Actor us —negotiates_with— Actor israel"}}},
		// Through the US only by Qatar's support: 0.5 × 0.3 × 0.5 × 0.8.
		{"qatar", "pressures", []entry{{"iran", 0.5 * 0.3 * 0.5 * 0.8, "Actor qatar —supports→ Actor us —sanctions→ Actor iran"}}},
		{"iran", "pressured_by", []entry{{"us", 0.4, "Actor us —sanctions→ Actor iran"}, {"qatar", 0.06, "Actor qatar —supports→ Actor us —sanctions→ Actor iran"}}},
		{"israel", "swayed_by", []entry{{"us", 0.25, "Actor us —negotiates_with— Actor israel"}, {"qatar", 0.0375, "Actor qatar —supports→ Actor us —negotiates_with— Actor israel"}}},
	}
	p := project(t, b, Filter{Polarity: PolaritySigned, Weighted: true})
	for _, tc := range cases {
		t.Run(tc.actor+" "+tc.list, func(t *testing.T) {
			ai, err := p.ActorInfluence(context.Background(), ActorInfluenceQuery{Actor: tc.actor})
			if err != nil {
				t.Fatal(err)
			}
			got := []entry{}
			for _, l := range signedLists(ai) {
				if l.name == tc.list {
					for _, e := range l.list {
						got = append(got, entry{e.Actor, e.Score, e.Channels[0].Explanation})
					}
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("%s %s = %v, want %v", tc.actor, tc.list, got, tc.want)
			}
			for i := range got {
				if got[i].actor != tc.want[i].actor || !closeTo(got[i].score, tc.want[i].score) || got[i].explanation != tc.want[i].explanation {
					t.Errorf("%s %s = %v, want %v", tc.actor, tc.list, got, tc.want)
					break
				}
			}
		})
	}
}
