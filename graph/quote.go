package graph

import (
	"strconv"
	"unicode/utf8"
)

// MaxQuoted is how many bytes of a rejected value an error message
// repeats.
const MaxQuoted = 64

// Quote quotes a rejected value for an error message, cut to MaxQuoted
// bytes (at a rune boundary, marked with …): a problem detail must not
// echo a megabyte of hostile input back, nor carry it into the logs.
func Quote(s string) string {
	if len(s) <= MaxQuoted {
		return strconv.Quote(s)
	}
	cut := MaxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "…"
}
