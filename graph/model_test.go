package graph

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// The validators are byte loops for speed (issue #9); these are the
// patterns they implement, as documented, and the loops must agree with
// them on every input.
var (
	idRE      = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,127}$`)
	typeRE    = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)
	countryRE = regexp.MustCompile(`^[A-Z]{3}$`)
)

func TestValidatorsMatchTheirPatterns(t *testing.T) {
	cases := []string{
		"", "a", "0", "-", "_", "a-b_c9", "-a", "_a", "A", "aB", "a b", "a.b", "é", "a\x00",
		"iran", "united-states", "1", "9lives", "a\n", "\na", "IRN", "IR", "IRNN", "irn", "I1N",
		strings.Repeat("a", 63), strings.Repeat("a", 64), strings.Repeat("a", 128), strings.Repeat("a", 129),
		"a" + strings.Repeat("-", 127), "a" + strings.Repeat("_", 128),
	}
	// And random strings over an alphabet around every boundary the loops
	// test ('a'-1, 'z'+1, '0'-1, '9'+1, 'A'-1, 'Z'+1, a multi-byte rune).
	const alphabet = "`{/:@[az09AZ-_ é"
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		n := rng.IntN(6)
		if rng.IntN(10) == 0 {
			n = 60 + rng.IntN(75)
		}
		var b strings.Builder
		for range n {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, tc := range []struct {
		name string
		re   *regexp.Regexp
		fn   func(string) bool
	}{
		{"ValidID", idRE, ValidID},
		{"ValidTypeName", typeRE, ValidTypeName},
		{"validCountry", countryRE, validCountry},
	} {
		for _, s := range cases {
			if got, want := tc.fn(s), tc.re.MatchString(s); got != want {
				t.Errorf("%s(%q) = %v, the pattern says %v", tc.name, s, got, want)
			}
		}
	}
}
