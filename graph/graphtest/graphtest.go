// Package graphtest holds helpers for tests of any package that speaks
// graph's types: values written as literals, which a program must instead
// parse and check.
package graphtest

import "github.com/detente/detente/graph"

// MustDate parses s (YYYY-MM-DD) or panics.
func MustDate(s string) graph.Date {
	d, err := graph.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DatePtr parses s into a pointer, or panics.
func DatePtr(s string) *graph.Date {
	d := MustDate(s)
	return &d
}
