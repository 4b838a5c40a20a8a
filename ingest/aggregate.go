package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/detente/detente/graph"
)

// Rules are the rules that fold events into relationships, all in one
// place. For each (source, target, type) — source and target in id order
// for a symmetric type — the events fold into spells:
//
//   - Spells (the gap rule): two events of the same tie belong to one spell
//     when at most GapDays days separate them, directly or through events
//     between them. A spell's relationship is valid from its first event
//     to GapDays days after its last: a derived tie holds on day t exactly
//     when one of its events fell in the GapDays days up to t. The result
//     does not depend on the order the events come in.
//   - Weight, in (0, 1]: intensity × volume, rounded to 3 decimals (at
//     least 0.001). Intensity is the spell's mean |score| / 10 (GDELT's
//     Goldstein scale, ICEWS's intensity, the PLOVER score; for events with
//     no score, such as ACLED's, the type's Goldstein score in the
//     registry, else 0.5), kept in [0.05, 1]. Volume is n / (n + HalfVolume)
//     for n events: one event gives 0.2, four 0.5, forty 0.91.
//   - Confidence, in [0, MaxConfidence]: 1 − 0.5^k for k independent
//     sources, rounded to 3 decimals and capped at MaxConfidence (0.95: an
//     event-derived tie is never as certain as a curated one). k is the
//     larger of the number of distinct web hosts among the spell's source
//     URLs and the most sources any one of its events counts (GDELT
//     NumSources, ACLED's list of sources), and at least 1.
//   - Evidence: the Citations best-cited events as the relationship's
//     sources (most mentions first, then earliest, then by URL; one per
//     URL, dated by the event), and in its note the event count, first and
//     last event, the codes that made it and the EventIDs earliest event
//     ids (see Evidence).
//   - Identity: the id is evt-FORMAT--SOURCE--TYPE--TARGET--FIRSTDAY
//     (hashed when longer than 128 characters, as graph.RelationshipID
//     does), so the same events always give the same record and a
//     relationship derived from events never takes a curated one's id.
type Rules struct {
	GapDays       int
	HalfVolume    float64
	MaxConfidence float64
	Citations     int
	EventIDs      int
	// Hosts is how many distinct source hosts a spell remembers; more
	// would not change its confidence once 1 − 0.5^Hosts is over
	// MaxConfidence.
	Hosts int
}

// DefaultRules are the rules detente ingest uses.
func DefaultRules() Rules {
	return Rules{GapDays: 30, HalfVolume: 4, MaxConfidence: 0.95, Citations: 5, EventIDs: 10, Hosts: 16}
}

// NotePrefix begins the note of every relationship derived from events;
// the evidence follows as JSON after EvidenceMarker.
const (
	NotePrefix     = "Derived from event data: "
	EvidenceMarker = " Evidence: "
)

// Evidence is what a derived relationship records of its events, in its
// note (the relationship has no other place for it).
type Evidence struct {
	DerivedFrom string         `json:"derived_from"`
	EventCount  int            `json:"event_count"`
	FirstEvent  graph.Date     `json:"first_event"`
	LastEvent   graph.Date     `json:"last_event"`
	Sources     int            `json:"independent_sources"`
	Codes       map[string]int `json:"codes"`
	EventIDs    []string       `json:"event_ids"`
	GapDays     int            `json:"gap_days"`
}

// ParseEvidence reads the evidence from a derived relationship's note; ok
// is false for a relationship that was not derived from events.
func ParseEvidence(note string) (ev Evidence, ok bool) {
	if !strings.HasPrefix(note, NotePrefix) {
		return Evidence{}, false
	}
	i := strings.Index(note, EvidenceMarker)
	if i < 0 {
		return Evidence{}, false
	}
	return ev, json.Unmarshal([]byte(note[i+len(EvidenceMarker):]), &ev) == nil
}

// IsDerived reports whether r was derived from events (and so may be
// replaced by a later ingest).
func IsDerived(r *graph.Relationship) bool {
	return strings.HasPrefix(r.ID, "evt-") && strings.HasPrefix(r.Note, NotePrefix)
}

type tieKey struct{ src, typ, tgt string }

type spell struct {
	first, last int32 // days since 1970-01-01
	events      int
	// scoreSum is Σ|score| in thousandths: an integer, so the sum is
	// exact and the same in any order (events one by one or in
	// pre-aggregated rows, aggrows.go) — a float sum is not, and its last
	// bit can move a weight's third decimal. Scores have at most three
	// decimals (GDELT and ICEWS one, PLOVER's two).
	scoreSum   int64
	scored     int
	maxSources int
	hosts      []string // distinct, sorted, the Rules.Hosts smallest
	cites      []cite   // best first
	ids        []evRef  // earliest first
	codes      map[string]int
}

type cite struct {
	url, id, code, a1, a2, text string
	day                         int32
	mentions                    int
}

// better orders citations: most mentions, then earliest, then by URL and id.
func (c *cite) better(o *cite) bool {
	if c.mentions != o.mentions {
		return c.mentions > o.mentions
	}
	if c.day != o.day {
		return c.day < o.day
	}
	if c.url != o.url {
		return c.url < o.url
	}
	return c.id < o.id
}

type evRef struct {
	day int32
	id  string
}

func (r evRef) less(o evRef) bool { return r.day < o.day || (r.day == o.day && r.id < o.id) }

// Aggregator folds events into relationships by Rules. Its memory grows
// with the number of spells, never with the number of events: each spell
// keeps bounded samples.
type Aggregator struct {
	format Format
	rules  Rules
	ties   map[tieKey][]*spell
	spells int
	codes  map[string]string // one copy of each event code
}

// intern returns the aggregator's copy of code. Map keys must not be the
// event's own strings: they share the memory of the whole input line, and
// a map assignment to an existing string key stores the new key.
func (a *Aggregator) intern(code string) string {
	if c, ok := a.codes[code]; ok {
		return c
	}
	c := strings.Clone(code)
	a.codes[c] = c
	return c
}

// NewAggregator returns an empty aggregator for events of format f.
func NewAggregator(f Format, rules Rules) *Aggregator {
	return &Aggregator{format: f, rules: rules, ties: map[tieKey][]*spell{}, codes: map[string]string{}}
}

// Spells is how many spells (future relationships) the aggregator holds.
func (a *Aggregator) Spells() int { return a.spells }

func dayNumber(d graph.Date) int32 { return int32(d.Time().Unix() / 86400) }

func dayDate(n int32) graph.Date { return graph.DateOf(time.Unix(int64(n)*86400, 0)) }

// Add folds ev into the tie src -typ-> tgt (ordered by id when typ is
// symmetric).
func (a *Aggregator) Add(src, tgt string, typ graph.RelationshipType, ev *Event) {
	k := orderedKey(src, tgt, typ)
	day := dayNumber(ev.Date)
	into := a.spellOf(k, day)
	if into == nil {
		into = &spell{first: day, last: day, codes: map[string]int{}}
		a.ties[k] = append(a.ties[k], into)
		a.spells++
	}
	a.addEvent(into, day, ev)
}

func orderedKey(src, tgt string, typ graph.RelationshipType) tieKey {
	if typ.Symmetric && tgt < src {
		src, tgt = tgt, src
	}
	return tieKey{src, typ.Name, tgt}
}

// spellOf is the gap rule, in one place: it returns the spell of tie k
// that an event on day joins — the spells within GapDays of day, merged
// into one when the event bridges them — or nil when none is that close.
func (a *Aggregator) spellOf(k tieKey, day int32) *spell {
	gap := int32(a.rules.GapDays)
	list := a.ties[k]
	var into *spell
	kept := list[:0]
	for _, sp := range list {
		if sp.first-gap <= day && day <= sp.last+gap {
			if into == nil {
				into = sp
			} else {
				a.merge(into, sp) // the event bridges two spells
				a.spells--
				continue
			}
		}
		kept = append(kept, sp)
	}
	a.ties[k] = kept
	return into
}

func (a *Aggregator) addEvent(sp *spell, day int32, ev *Event) {
	sp.first, sp.last = min(sp.first, day), max(sp.last, day)
	sp.events++
	if ev.HasScore {
		sp.scoreSum += milli(ev.Score)
		sp.scored++
	}
	sp.maxSources = max(sp.maxSources, ev.Sources)
	sp.codes[a.intern(ev.Code)]++
	if h := host(ev.URL); h != "" {
		sp.hosts = addHost(sp.hosts, h, a.rules.Hosts)
	}
	ref := evRef{day, ev.SourceID}
	if len(sp.ids) < a.rules.EventIDs || ref.less(sp.ids[len(sp.ids)-1]) {
		ref.id = strings.Clone(ref.id)
		sp.ids = insertRef(sp.ids, ref, a.rules.EventIDs)
	}
	c := cite{url: ev.URL, id: ev.SourceID, day: day, mentions: ev.Mentions}
	if len(sp.cites) < a.rules.Citations || c.better(&sp.cites[len(sp.cites)-1]) {
		c.url, c.id, c.code = strings.Clone(ev.URL), strings.Clone(ev.SourceID), strings.Clone(ev.Code)
		c.a1, c.a2 = strings.Clone(ev.Actor1.Key()), strings.Clone(ev.Actor2.Key())
		c.text = clip(ev.Text, maxQuote)
		sp.cites = insertCite(sp.cites, c, a.rules.Citations)
	}
}

// merge folds spell b into a.
func (a *Aggregator) merge(dst, b *spell) {
	dst.first, dst.last = min(dst.first, b.first), max(dst.last, b.last)
	dst.events += b.events
	dst.scoreSum += b.scoreSum
	dst.scored += b.scored
	dst.maxSources = max(dst.maxSources, b.maxSources)
	for c, n := range b.codes {
		dst.codes[c] += n
	}
	for _, h := range b.hosts {
		dst.hosts = addHost(dst.hosts, h, a.rules.Hosts)
	}
	for _, r := range b.ids {
		dst.ids = insertRef(dst.ids, r, a.rules.EventIDs)
	}
	for _, c := range b.cites {
		dst.cites = insertCite(dst.cites, c, a.rules.Citations)
	}
}

// host is the lower-cased host of an http(s) URL, without "www.".
func host(raw string) string {
	if !strings.HasPrefix(raw, "http://") && !strings.HasPrefix(raw, "https://") {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// addHost keeps the k smallest distinct hosts, sorted. A host it keeps
// is copied: h may share the memory of the whole input line.
func addHost(hosts []string, h string, k int) []string {
	i := sort.SearchStrings(hosts, h)
	if i < len(hosts) && hosts[i] == h || i >= k {
		return hosts
	}
	hosts = append(hosts, "")
	copy(hosts[i+1:], hosts[i:])
	hosts[i] = strings.Clone(h)
	if len(hosts) > k {
		hosts = hosts[:k]
	}
	return hosts
}

// insertRef keeps the k earliest event references, sorted.
func insertRef(ids []evRef, r evRef, k int) []evRef {
	i := sort.Search(len(ids), func(i int) bool { return !ids[i].less(r) })
	if i < len(ids) && ids[i] == r || i >= k {
		return ids
	}
	ids = append(ids, evRef{})
	copy(ids[i+1:], ids[i:])
	ids[i] = r
	if len(ids) > k {
		ids = ids[:k]
	}
	return ids
}

// insertCite keeps the k best citations, one per URL (per event id when
// it has no URL), best first.
func insertCite(cs []cite, c cite, k int) []cite {
	for i := range cs {
		if (c.url != "" && cs[i].url == c.url) || (c.url == "" && cs[i].url == "" && cs[i].id == c.id) {
			if !c.better(&cs[i]) {
				return cs
			}
			cs = append(cs[:i], cs[i+1:]...)
			break
		}
	}
	i := sort.Search(len(cs), func(i int) bool { return c.better(&cs[i]) })
	if i >= k {
		return cs
	}
	cs = append(cs, cite{})
	copy(cs[i+1:], cs[i:])
	cs[i] = c
	if len(cs) > k {
		cs = cs[:k]
	}
	return cs
}

// Relationships returns the derived relationships, ordered by id. reg
// supplies the fallback intensity of events without a score.
func (a *Aggregator) Relationships(reg graph.Registry) []graph.Relationship {
	out := make([]graph.Relationship, 0, a.spells)
	a.Each(reg, a.spells+1, func(rs []graph.Relationship) error {
		out = append(out, rs...)
		return nil
	})
	return out
}

// Each hands the derived relationships to fn in id order, n at a time, so
// that they need not all be built at once.
func (a *Aggregator) Each(reg graph.Registry, n int, fn func([]graph.Relationship) error) error {
	type ref struct {
		id string
		k  tieKey
		sp *spell
	}
	refs := make([]ref, 0, a.spells)
	for k, list := range a.ties {
		for _, sp := range list {
			refs = append(refs, ref{DerivedID(a.format, k.src, k.typ, k.tgt, dayDate(sp.first)), k, sp})
		}
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].id < refs[j].id })
	batch := make([]graph.Relationship, 0, min(n, len(refs)))
	for i, r := range refs {
		t, _ := reg.Get(r.k.typ)
		batch = append(batch, a.relationship(r.k, t, r.sp))
		if len(batch) == n || i == len(refs)-1 {
			if err := fn(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return nil
}

// DerivedID is the id of the relationship a spell of events becomes.
func DerivedID(f Format, src, typ, tgt string, first graph.Date) string {
	id := "evt-" + string(f) + "--" + src + "--" + typ + "--" + tgt + "--" + first.String()
	if len(id) > 128 {
		sum := sha256.Sum256([]byte(id))
		id = id[:100] + "-" + hex.EncodeToString(sum[:8])
	}
	return id
}

// milli is |x| in thousandths, rounded.
func milli(x float64) int64 { return int64(math.Round(math.Abs(x) * 1000)) }

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// Weight is the rules' weight of n events of mean intensity (mean |score|
// / 10).
func (r Rules) Weight(n int, intensity float64) float64 {
	intensity = min(1, max(0.05, intensity))
	return max(0.001, round3(intensity*float64(n)/(float64(n)+r.HalfVolume)))
}

// Confidence is the rules' confidence for k independent sources.
func (r Rules) Confidence(k int) float64 {
	return min(r.MaxConfidence, round3(1-math.Pow(0.5, float64(max(k, 1)))))
}

func (a *Aggregator) relationship(k tieKey, t graph.RelationshipType, sp *spell) graph.Relationship {
	first, last := dayDate(sp.first), dayDate(sp.last)
	to := dayDate(sp.last + int32(a.rules.GapDays))
	intensity := 0.5
	switch {
	case sp.scored > 0:
		intensity = float64(sp.scoreSum) / 1000 / float64(sp.scored) / 10
	case t.Goldstein != nil:
		intensity = math.Abs(*t.Goldstein) / 10
	}
	sources := max(len(sp.hosts), sp.maxSources, 1)
	ev := Evidence{
		DerivedFrom: string(a.format), EventCount: sp.events, FirstEvent: first, LastEvent: last,
		Sources: sources, Codes: sp.codes, GapDays: a.rules.GapDays,
	}
	for _, r := range sp.ids {
		ev.EventIDs = append(ev.EventIDs, r.id)
	}
	evJSON, _ := json.Marshal(ev)
	plural := "s"
	if sp.events == 1 {
		plural = ""
	}
	note := fmt.Sprintf("%s%d %s event%s (%s), %s to %s, %d independent source(s); valid until %d days after the last event.%s%s",
		NotePrefix, sp.events, a.format.Title(), plural, codeSummary(a.format, sp.codes), first, last, sources,
		a.rules.GapDays, EvidenceMarker, evJSON)
	r := graph.Relationship{
		ID: DerivedID(a.format, k.src, k.typ, k.tgt, first), Source: k.src, Target: k.tgt, Type: k.typ,
		Weight: a.rules.Weight(sp.events, intensity), Confidence: a.rules.Confidence(sources),
		ValidFrom: &first, ValidTo: &to, Note: note,
	}
	for _, c := range sp.cites {
		d := dayDate(c.day)
		cit := graph.Citation{Title: a.citeTitle(&c), Quote: c.text, Published: &d}
		if len(c.url) <= 2048 && host(c.url) != "" {
			cit.URL = c.url
		}
		r.Sources = append(r.Sources, cit)
	}
	return r
}

// citeTitle names a cited event: "GDELT 2.0 event 1234567890: USAGOV ->
// IRNGOV, CAMEO 046, 12 mentions".
func (a *Aggregator) citeTitle(c *cite) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s event %s: %s", a.format.Title(), c.id, c.a1)
	if c.a2 != "" {
		b.WriteString(" -> " + c.a2)
	}
	switch a.format {
	case GDELT, GDELT1, ICEWS:
		b.WriteString(", CAMEO " + c.code)
	default:
		b.WriteString(", " + c.code)
	}
	if c.mentions > 0 {
		fmt.Fprintf(&b, ", %d mentions", c.mentions)
	}
	return clip(b.String(), 900)
}

// maxQuote is how much of an event's text a citation quotes.
const maxQuote = 500

// clip returns a copy of s cut to at most n bytes at a rune boundary,
// marked with "…" when cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return strings.Clone(s)
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}

// codeSummary lists the codes of a spell, most frequent first:
// "CAMEO 046 ×10, 036 ×2".
func codeSummary(f Format, codes map[string]int) string {
	keys := make([]string, 0, len(codes))
	for c := range codes {
		keys = append(keys, c)
	}
	sort.Slice(keys, func(i, j int) bool {
		if codes[keys[i]] != codes[keys[j]] {
			return codes[keys[i]] > codes[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > 5 {
		keys = keys[:5]
	}
	parts := make([]string, len(keys))
	for i, c := range keys {
		parts[i] = fmt.Sprintf("%s ×%d", c, codes[c])
	}
	s := strings.Join(parts, ", ")
	if f == GDELT || f == GDELT1 || f == ICEWS {
		s = "CAMEO " + s
	}
	return s
}
