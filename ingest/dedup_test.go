package ingest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSorterMergesRuns: events come back in id order, repeats in the
// order they were added, across many sorted runs and compactions.
func TestSorterMergesRuns(t *testing.T) {
	for _, c := range []struct{ chunk, maxRuns, n int }{{1000, 64, 10}, {7, 64, 500}, {7, 4, 500}, {1, 2, 60}} {
		t.Run(fmt.Sprintf("chunk %d, runs %d, %d events", c.chunk, c.maxRuns, c.n), func(t *testing.T) {
			s := &sorter{chunk: c.chunk, maxRuns: c.maxRuns}
			defer s.close()
			rng := rand.New(rand.NewPCG(1, uint64(c.n)))
			var in []Event
			for i := range c.n {
				ev := Event{SourceID: fmt.Sprint(rng.IntN(c.n / 2)), Line: i + 1, Code: "036"}
				in = append(in, ev)
				if err := s.add(&ev); err != nil {
					t.Fatal(err)
				}
			}
			var got []Event
			if err := s.each(func(ev *Event) error { got = append(got, *ev); return nil }); err != nil {
				t.Fatal(err)
			}
			slices.SortStableFunc(in, byID)
			if diff := cmp.Diff(in, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if len(s.runs) > c.maxRuns {
				t.Errorf("%d runs kept, want at most %d", len(s.runs), c.maxRuns)
			}
		})
	}
}

// TestRunFoldsRepeatsOnce: a file given twice in one run derives the very
// ties the file gives once — each repeated event folds once — and the
// repeats are counted as duplicates.
func TestRunFoldsRepeatsOnce(t *testing.T) {
	once, twice := seeded(t), seeded(t)
	if _, err := ingestFiles(t, once, GDELT, Options{}, "gdelt2-valid.tsv"); err != nil {
		t.Fatal(err)
	}
	sum, err := ingestFiles(t, twice, GDELT, Options{}, "gdelt2-valid.tsv", "gdelt2-valid.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Events != 16 || sum.New != 8 || sum.Duplicates != 8 || sum.Folded != 5 || sum.Unresolved[0].Count != 1 {
		t.Errorf("summary %+v", sum)
	}
	a, b := derived(t, once), derived(t, twice)
	if len(a) == 0 || !cmp.Equal(a, b) {
		t.Errorf("ties differ (-once +twice):\n%s", cmp.Diff(a, b))
	}
	checkStoredEvents(t, twice, 8)
}
