// Command docsfix corrects what swag generates in docs/ where swag writes
// invalid Swagger 2.0 (make docs runs it after swag; make docs-check runs
// both, so docs/ stays what the annotations generate):
//
//   - a non-body parameter's example(...) becomes x-example: Swagger 2.0
//     allows example only in schemas, and swag has no attribute for
//     x-example that admits commas (extensions(...) splits on them);
//   - with no @host and no @schemes, the template in docs.go leaves out
//     "host" and "schemes": swag would serve "host": "" (not a host) and
//     "schemes": [].
//
// It edits the generated files line by line, relying on swag's layout:
// docs.go and swagger.json indented by four spaces, swagger.yaml by two.
//
// Usage: go run ./internal/docsfix DIR
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: docsfix DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "docsfix:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	for name, fix := range map[string]func(string) string{
		"docs.go":      func(s string) string { return fixJSON(dropEmptyHost(s)) },
		"swagger.json": fixJSON,
		"swagger.yaml": fixYAML,
	} {
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(fix(string(b))), 0o644); err != nil {
			return err
		}
	}
	return nil
}

var (
	emptyHost    = regexp.MustCompile(`(?m)^\s+Host:\s+"",$`)
	emptySchemes = regexp.MustCompile(`(?m)^\s+Schemes:\s+\[\]string\{\},$`)
)

// dropEmptyHost removes the host and schemes lines of docs.go's template
// when SwaggerInfo gives neither.
func dropEmptyHost(s string) string {
	if emptyHost.MatchString(s) {
		s = strings.Replace(s, "    \"host\": \"{{.Host}}\",\n", "", 1)
	}
	if emptySchemes.MatchString(s) {
		s = strings.Replace(s, "    \"schemes\": {{ marshal .Schemes }},\n", "", 1)
	}
	return s
}

// fixJSON renames "example" to "x-example" among the keys of each
// parameter object: the lines eight spaces deeper than a "parameters": [
// line, before the ] that closes it. A body parameter's example is in
// its schema, deeper still.
func fixJSON(s string) string {
	lines := strings.Split(s, "\n")
	open := -1 // indent of the open "parameters": [ line, or -1
	for i, l := range lines {
		ind := len(l) - len(strings.TrimLeft(l, " "))
		t := l[ind:]
		switch {
		case open < 0 && t == `"parameters": [`:
			open = ind
		case open >= 0 && ind == open && strings.HasPrefix(t, "]"):
			open = -1
		case open >= 0 && ind == open+8 && strings.HasPrefix(t, `"example": `):
			lines[i] = l[:ind] + `"x-example": ` + strings.TrimPrefix(t, `"example": `)
		}
	}
	return strings.Join(lines, "\n")
}

// fixYAML is fixJSON for swagger.yaml: a parameters: list's items start
// with "- " at its indent, and their keys are two spaces deeper.
func fixYAML(s string) string {
	lines := strings.Split(s, "\n")
	open := -1
	for i, l := range lines {
		ind := len(l) - len(strings.TrimLeft(l, " "))
		t := l[ind:]
		if open >= 0 && t != "" && (ind < open || ind == open && !strings.HasPrefix(t, "- ")) {
			open = -1
		}
		switch {
		case open < 0 && t == "parameters:":
			open = ind
		case open >= 0 && ind == open+2 && strings.HasPrefix(t, "example: "):
			lines[i] = l[:ind] + "x-example: " + strings.TrimPrefix(t, "example: ")
		case open >= 0 && ind == open && strings.HasPrefix(t, "- example: "):
			lines[i] = l[:ind] + "- x-example: " + strings.TrimPrefix(t, "- example: ")
		}
	}
	return strings.Join(lines, "\n")
}
