package graph

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestQuote(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", `""`},
		{"iran", `"iran"`},
		{"a\x00b", `"a\x00b"`},
		{strings.Repeat("a", MaxQuoted), `"` + strings.Repeat("a", MaxQuoted) + `"`},
		{strings.Repeat("a", MaxQuoted+1), `"` + strings.Repeat("a", MaxQuoted) + `"…`},
		{strings.Repeat("a", MaxQuoted-1) + "é", `"` + strings.Repeat("a", MaxQuoted-1) + `"…`},
	} {
		if got := Quote(tc.in); got != tc.want {
			t.Errorf("Quote(%.20q…) = %s, want %s", tc.in, got, tc.want)
		}
	}
	if got := Quote(strings.Repeat("💥", 1<<16)); len(got) > MaxQuoted+8 || !utf8.ValidString(got) {
		t.Errorf("long input: %d bytes, valid UTF-8 %v", len(got), utf8.ValidString(got))
	}
}
