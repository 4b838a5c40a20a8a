package graph

import (
	"regexp"
	"strings"
	"testing"
)

// TestValidEventID: the rule, by cases, and against the pattern the API
// description states (api/openapi.go) with the length cap.
func TestValidEventID(t *testing.T) {
	pattern := regexp.MustCompile(`^[a-z0-9]+:[^\x00-\x20\x7f]+$`)
	for _, c := range []struct {
		id   string
		want bool
	}{
		{"gdelt:1100000001", true},
		{"acled:IRN1234", true},
		{"plover:0b5c-ü/x:y", true},
		{"gdelt1:" + strings.Repeat("9", 193), true}, // 200 bytes
		{"gdelt1:" + strings.Repeat("9", 194), false},
		{"gdelt", false},
		{":1", false},
		{"gdelt:", false},
		{"GDELT:1", false},
		{"gdelt:1 2", false},
		{"gdelt:1\t2", false},
		{"gdelt:1\x7f", false},
		{"gdelt:\xff", false},
		{"gd-elt:1", false},
	} {
		if got := ValidEventID(c.id); got != c.want {
			t.Errorf("ValidEventID(%q) = %v, want %v", c.id, got, c.want)
		}
		byPattern := pattern.MatchString(c.id) && len(c.id) <= 200
		if c.id != "gdelt:\xff" && byPattern != c.want { // the pattern reads UTF-8; a JSON document is
			t.Errorf("the API pattern says %v for %q, the domain %v", byPattern, c.id, c.want)
		}
	}
}
