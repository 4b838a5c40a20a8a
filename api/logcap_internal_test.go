package api

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCapHandler: strings, errors, other values, groups and attributes
// given to With are capped at their key's cap, cut at a character
// boundary, with the length they had; values within the caps are left
// alone.
func TestCapHandler(t *testing.T) {
	var out bytes.Buffer
	log := slog.New(capHandler{slog.NewJSONHandler(&out, nil)})
	long := strings.Repeat("é", 1000) // 2000 bytes: a cut at 256 falls between the bytes of a character
	log.With("path", long).Info("m",
		"method", "GET",
		"query", long,
		"error", errors.New(long+long),
		"value", []string{long},
		slog.Group("g", "header", long),
		"stack", long)
	line := out.String()
	if !utf8.ValidString(line) {
		t.Fatalf("not UTF-8: %s", line)
	}
	for _, want := range []string{
		`"path":"` + strings.Repeat("é", LogValueCap/2) + "…(2000 bytes)",
		`"query":"` + strings.Repeat("é", LogValueCap/2) + "…(2000 bytes)",
		`"error":"` + strings.Repeat("é", logErrorCap/2) + "…(4000 bytes)",
		`"value":"[` + strings.Repeat("é", LogValueCap/2-1) + "…(2002 bytes)",
		`"g":{"header":"` + strings.Repeat("é", LogValueCap/2) + "…(2000 bytes)",
		`"stack":"` + long + `"`,
		`"method":"GET"`,
	} {
		if !strings.Contains(line, want) {
			t.Errorf("no %.80s… in %s", want, line)
		}
	}
	if got := capString("abc", 3); got != "abc" {
		t.Errorf("capString within the cap: %q", got)
	}
}
