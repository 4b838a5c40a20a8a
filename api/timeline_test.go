package api_test

import (
	"encoding/xml"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/detente/detente/api"
)

func TestTimeline(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		scenario(t, e)
		var tl api.Timeline
		e.must(200, "GET", "/api/v1/timeline?measure=pagerank&from=2015-01-01&to=2025-04-12&step=1y&actors=iran,united-states", "", &tl)
		if len(tl.Points) != 11 || tl.Points[0].AsOf != "2015-01-01" || tl.Points[10].AsOf != "2025-01-01" || len(tl.Actors) != 2 {
			t.Fatalf("timeline %+v", tl)
		}
		// The last point is the snapshot of its day.
		var snap api.Ranking
		e.must(200, "GET", "/api/v1/influence?algorithm=pagerank&as_of=2025-01-01&limit=1000", "", &snap)
		for _, r := range snap.Results {
			if v, ok := tl.Points[10].Values[r.Actor]; ok && (v != r.Score || tl.Points[10].Ranks[r.Actor] != r.Rank) {
				t.Errorf("%s: %v (rank %d), snapshot %v (rank %d)", r.Actor, v, tl.Points[10].Ranks[r.Actor], r.Score, r.Rank)
			}
		}
		if _, ok := tl.Points[10].Values["iran"]; !ok {
			t.Errorf("no value for Iran in 2025: %+v", tl.Points[10])
		}
		var fr api.Timeline
		e.must(200, "GET", "/api/v1/timeline?measure=frustration&from=2020-01-01&to=2025-04-12&step=6m", "", &fr)
		var bal api.Balance
		e.must(200, "GET", "/api/v1/balance?as_of=2025-01-01", "", &bal)
		last := fr.Points[len(fr.Points)-1]
		if last.AsOf != "2025-01-01" || last.Value == nil || *last.Value != float64(bal.Frustration.Index) || len(fr.Actors) != 0 {
			t.Errorf("frustration %+v, snapshot %d", last, bal.Frustration.Index)
		}
		// The same timeline for Gephi: GEXF with the measure as a dynamic
		// node attribute, a value for each point.
		rec := e.do("GET", "/api/v1/timeline?measure=pagerank&from=2015-01-01&to=2025-04-12&step=1y&actors=iran,united-states&format=gexf", "")
		if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Type"), "gexf") {
			t.Fatalf("gexf: %d %s", rec.Code, rec.Header().Get("Content-Type"))
		}
		var doc struct {
			Attributes []struct {
				Mode  string `xml:"mode,attr"`
				Attrs []struct {
					ID string `xml:"id,attr"`
				} `xml:"attribute"`
			} `xml:"graph>attributes"`
			Nodes []struct {
				ID     string `xml:"id,attr"`
				Values []struct {
					For   string `xml:"for,attr"`
					Value string `xml:"value,attr"`
					Start string `xml:"start,attr"`
				} `xml:"attvalues>attvalue"`
			} `xml:"graph>nodes>node"`
		}
		if err := xml.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		spells := 0
		for _, n := range doc.Nodes {
			for _, v := range n.Values {
				if v.For != "series_pagerank" {
					continue
				}
				spells++
				i := slices.IndexFunc(tl.Points, func(p api.TimelinePoint) bool { return p.AsOf == v.Start })
				if n.ID != "iran" && n.ID != "united-states" || i < 0 || v.Value != strconv.FormatFloat(tl.Points[i].Values[n.ID], 'g', -1, 64) {
					t.Errorf("%s: spell %+v", n.ID, v)
				}
			}
		}
		if spells == 0 || len(doc.Attributes) != 3 || doc.Attributes[2].Mode != "dynamic" {
			t.Errorf("%d spells; attributes %+v", spells, doc.Attributes)
		}
		for _, c := range []struct {
			name, query string
			paths       []string
		}{
			{"gexf of a graph measure", "from=2020-01-01&to=2021-01-01&step=1y&measure=balance&format=gexf", []string{"format"}},
			{"missing", "", []string{"from", "to", "step"}},
			{"bad step", "from=2020-01-01&to=2021-01-01&step=1x", []string{"step"}},
			{"too many points", "from=2000-01-01&to=2021-01-01&step=1w", []string{"step"}},
			{"unknown actor", "from=2020-01-01&to=2021-01-01&step=1y&actors=atlantis", []string{"actors"}},
			{"bad measure", "from=2020-01-01&to=2021-01-01&step=1y&measure=fame", []string{"measure"}},
			{"to before from", "from=2021-01-01&to=2020-01-01&step=1y", []string{"to"}},
		} {
			t.Run(c.name, func(t *testing.T) {
				wantPaths(t, problem(t, e.do("GET", "/api/v1/timeline?"+c.query, ""), 400, "invalid-parameter"), c.paths...)
			})
		}
	})
}

func TestDiff(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *env) {
		scenario(t, e)
		// Around the US withdrawal from the JCPOA (2018-05-08).
		var d api.Diff
		e.must(200, "GET", "/api/v1/diff?from=2018-01-01&to=2019-01-01&measure=pagerank&limit=1000", "", &d)
		if d.FormedTotal != len(d.Formed) || d.EndedTotal != len(d.Ended) || d.FormedTotal+d.EndedTotal == 0 {
			t.Fatalf("diff %+v", d)
		}
		for _, r := range d.Formed {
			if r.ValidFrom == nil || *r.ValidFrom <= "2018-01-01" || *r.ValidFrom > "2019-01-01" || len(r.Sources) == 0 {
				t.Errorf("formed %s from %v", r.ID, r.ValidFrom)
			}
		}
		for _, r := range d.Ended {
			if r.ValidTo == nil || *r.ValidTo < "2018-01-01" || *r.ValidTo >= "2019-01-01" {
				t.Errorf("ended %s to %v", r.ID, r.ValidTo)
			}
		}
		var snap api.Ranking
		e.must(200, "GET", "/api/v1/influence?algorithm=pagerank&as_of=2019-01-01&limit=1000", "", &snap)
		want := map[string]float64{}
		for _, r := range snap.Results {
			want[r.Actor] = r.Score
		}
		if len(d.Changes) == 0 || d.ChangesTotal != len(d.Changes) {
			t.Fatalf("changes %d of %d", len(d.Changes), d.ChangesTotal)
		}
		for _, ch := range d.Changes {
			if w, ok := want[ch.Actor]; ok != (ch.ToScore != nil) || (ok && *ch.ToScore != w) {
				t.Errorf("%s: to_score %v, snapshot %v", ch.Actor, ch.ToScore, w)
			}
		}
		t.Logf("2018: %d ties formed, %d ended; largest change %s %+.4f", d.FormedTotal, d.EndedTotal, d.Changes[0].Actor, d.Changes[0].Change)
		wantPaths(t, problem(t, e.do("GET", "/api/v1/diff?from=2019-01-01&to=2018-01-01&measure=fame", ""), 400, "invalid-parameter"), "to", "measure")
		wantPaths(t, problem(t, e.do("GET", "/api/v1/diff", ""), 400, "invalid-parameter"), "from", "to")
	})
}
