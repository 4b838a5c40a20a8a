package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"

	"github.com/detente/detente/graph"
)

// DecodeBatch reads an import batch (the body of POST /api/v1/import) from
// JSON with exactly the rules of that endpoint: the same strict shape
// checks, the same defaults (weight from the type, confidence 1.0, ids
// derived from names and endpoints) and every problem reported at once as
// a graph EINVALID error with JSON paths. `detente import FILE` uses it,
// so a file imports the same way through the CLI as over HTTP.
func DecodeBatch(body []byte, reg graph.Registry) (graph.Batch, error) {
	raw, obj, err := parseJSON(body)
	if err != nil {
		return graph.Batch{}, asDomain(err)
	}
	var errs fieldErrs
	var tree any = obj
	if obj == nil {
		tree = raw.value
	}
	checkShape(tree, reflect.TypeOf(Batch{}), fieldMeta{}, nil, &errs, nil)
	var missing fieldErrs
	for _, e := range errs {
		if e.Message != msgRequired {
			return graph.Batch{}, graph.Invalid("the batch is malformed; nothing was written", errs...)
		}
		missing = append(missing, e)
	}
	var in Batch
	dec := json.NewDecoder(bytes.NewReader(raw.bytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return graph.Batch{}, fmt.Errorf("api: batch passed the shape check but did not decode: %w", err)
	}
	p := problems{errs: missing}
	b := batchToDomain(in, reg, &p)
	if len(p.errs) > 0 {
		return b, graph.Invalid("the batch has invalid records; nothing was written", p.errs...)
	}
	return b, nil
}

// asDomain turns an HTTP-layer error into a domain EINVALID error.
func asDomain(err error) error {
	var he *httpError
	if errors.As(err, &he) {
		return graph.Invalid(he.detail, he.fields...)
	}
	return err
}
