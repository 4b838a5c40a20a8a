package api

import (
	"regexp"
	"strings"
	"testing"
)

// TestValidRequestID holds the byte loop to the pattern it replaces.
func TestValidRequestID(t *testing.T) {
	pattern := regexp.MustCompile(`^[A-Za-z0-9._:+/=-]{1,128}$`)
	cases := []string{
		"", "a", "abc-123", "3f2a9c1e-7b4d-4e1a-9f0c-2d8e6b5a4c3f", "dGVzdA==", "a/b+c:d.e_f",
		strings.Repeat("x", 128), strings.Repeat("x", 129),
		"bad id", "tab\there", "new\nline", `quote"`, "{json}", "ünïcode", "semi;colon", "a\x00b", "\x7f",
	}
	for c := 0; c < 256; c++ {
		cases = append(cases, string([]byte{byte(c)}), "ok"+string([]byte{byte(c)}))
	}
	for _, s := range cases {
		if got, want := validRequestID(s), pattern.MatchString(s); got != want {
			t.Errorf("validRequestID(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}

// TestNewRequestID: generated ids are well formed, of one length, and
// distinct.
func TestNewRequestID(t *testing.T) {
	seen := map[string]bool{}
	for range 10000 {
		id := newRequestID()
		if len(id) != 24 || !validRequestID(id) || strings.Trim(id, "0123456789abcdef") != "" {
			t.Fatalf("generated id %q", id)
		}
		if seen[id] {
			t.Fatalf("id %q generated twice", id)
		}
		seen[id] = true
	}
}
