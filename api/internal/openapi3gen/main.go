// Command openapi3gen writes the OpenAPI 3 description the server serves
// at /openapi.json (api.OpenAPI3, converted from the swag output in docs/)
// to a file, indented, for code generators: api/client is generated from
// it.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/detente/detente/api"
)

func main() {
	out := flag.String("o", "openapi.json", "output file")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "openapi3gen:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	b, err := api.OpenAPI3JSON()
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}
