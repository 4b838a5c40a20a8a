package main

import (
	"strings"
	"testing"
)

// A non-body parameter's example becomes x-example; a body parameter's
// schema example and a definition's property example stay.
func TestFixJSON(t *testing.T) {
	in := `{
    "paths": {
        "/a": {
            "get": {
                "parameters": [
                    {
                        "type": "string",
                        "example": "jcpoa",
                        "name": "tag",
                        "in": "query"
                    },
                    {
                        "name": "body",
                        "in": "body",
                        "schema": {
                            "example": "kept"
                        }
                    }
                ],
                "responses": {
                    "200": {
                        "schema": {
                            "example": "kept"
                        }
                    }
                }
            }
        }
    },
    "definitions": {
        "A": {
            "properties": {
                "id": {
                    "example": "kept"
                }
            }
        }
    }
}`
	// The same document with the query parameter's example renamed.
	want := strings.Replace(in, `"example": "jcpoa"`, `"x-example": "jcpoa"`, 1)
	if got := fixJSON(in); got != want {
		t.Errorf("fixJSON:\n%s\nwant:\n%s", got, want)
	}
}

func TestFixYAML(t *testing.T) {
	in := `definitions:
  A:
    properties:
      id:
        example: kept
paths:
  /a:
    get:
      parameters:
      - description: tag
        example: jcpoa
        in: query
      - example: first
        in: query
      - in: body
        schema:
          example: kept
      responses:
        "200":
          schema:
            example: kept
`
	// The same document with both query parameters' examples renamed.
	want := strings.NewReplacer("example: jcpoa", "x-example: jcpoa", "- example: first", "- x-example: first").Replace(in)
	if got := fixYAML(in); got != want {
		t.Errorf("fixYAML:\n%s\nwant:\n%s", got, want)
	}
}

// The template loses host and schemes only when SwaggerInfo has neither.
func TestDropEmptyHost(t *testing.T) {
	tmpl := "const docTemplate = `{\n    \"schemes\": {{ marshal .Schemes }},\n    \"swagger\": \"2.0\",\n    \"host\": \"{{.Host}}\",\n}`\n"
	empty := tmpl + "\tHost:             \"\",\n\tSchemes:          []string{},\n"
	if got, want := dropEmptyHost(empty), "const docTemplate = `{\n    \"swagger\": \"2.0\",\n}`\n"+"\tHost:             \"\",\n\tSchemes:          []string{},\n"; got != want {
		t.Errorf("empty host and schemes:\n%s\nwant:\n%s", got, want)
	}
	set := tmpl + "\tHost:             \"example.org\",\n\tSchemes:          []string{\"https\"},\n"
	if got := dropEmptyHost(set); got != set {
		t.Errorf("host and schemes set, changed:\n%s", got)
	}
}
