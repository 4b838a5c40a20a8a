package api

import (
	"bytes"
	"errors"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/detente/detente/graph"
)

// DecodeBatch reads an import batch (the body of POST /api/v1/import) from
// JSON with exactly the rules of that endpoint: the same strict shape
// checks, the same defaults (weight from the type, confidence 1.0, ids
// derived from names and endpoints) and every problem reported at once as
// a graph EINVALID error with JSON paths. `detente import FILE` uses it,
// so a file imports the same way through the CLI as over HTTP.
func DecodeBatch(body []byte, reg graph.Registry) (graph.Batch, error) {
	in, missing, shape, err := decodeBatchJSON(body)
	if err != nil {
		return graph.Batch{}, asDomain(err)
	}
	if len(shape) > 0 {
		return graph.Batch{}, graph.Invalid("the batch is malformed; nothing was written", shape...)
	}
	p := problems{errs: missing}
	b := batchToDomain(in, reg, &p)
	if len(p.errs) > 0 {
		return b, graph.Invalid("the batch has invalid records; nothing was written", p.errs...)
	}
	return b, nil
}

// decodeBatchJSON is stages 2 to 4 of decode.go for an import batch, with
// a fast path for the common case, a batch with no problem of shape: such
// a body is decoded once, straight into Batch, by a strict decoder
// (github.com/go-json-experiment/json, the proposed encoding/json/v2, which
// rejects invalid UTF-8, duplicate keys, unknown fields and data after the
// value), and then checked for the few things that decoder cannot see
// (batchShapeOK). Anything else, or anything that decoder rejects, goes
// the general way (decodeJSON: jsontext's syntax check into a tree, the
// schema's shape check, then the decoder), whose messages, with their
// JSON paths and every problem at once, are the API's. The general way builds a tree of the
// whole document and decodes it twice: at 10^6 relationships it took most
// of an import's time (issue #9). FuzzDecodeBatch checks that whatever the
// fast path accepts, the general way accepts too, into the same value.
func decodeBatchJSON(body []byte) (in Batch, missing, shape fieldErrs, err error) {
	if in, ok := decodeBatchFast(body); ok {
		return in, nil, nil, nil
	}
	return decodeBatchGeneral(body)
}

// decodeBatchGeneral is the general way for a batch, against the Batch
// schema of the served document.
func decodeBatchGeneral(body []byte) (in Batch, missing, shape fieldErrs, err error) {
	schema, err := componentSchema("Batch")
	if err != nil {
		return in, nil, nil, err
	}
	_, missing, shape, err = decodeJSON(body, &in, schema, nil, presize(body))
	return in, missing, shape, err
}

// decodeBatchFast decodes body when it certainly has no syntax or shape
// problem; ok is false otherwise (the caller then takes the general way).
func decodeBatchFast(body []byte) (in Batch, ok bool) {
	// A null or an empty string is a shape problem in most places ("must
	// not be null", "must not be empty") and, once decoded, cannot be told
	// from an absent field: their presence sends the body the general way.
	if hasNullOrEmptyString(body) {
		return Batch{}, false
	}
	if err := jsonv2.Unmarshal(body, &in, jsonv2.RejectUnknownMembers(true), presize(body)); err != nil {
		return Batch{}, false
	}
	return in, batchShapeOK(&in)
}

// presize starts the record lists at about their final size rather than
// growing them by doubling (copying 10^6 records a few times over): a
// count of a key each record has once is the estimate. The hooks run only
// for lists that are present, so an absent one stays nil; each decodes
// through a named list type that no hook matches.
func presize(body []byte) jsonv2.Options {
	return jsonv2.WithUnmarshalers(jsonv2.JoinUnmarshalers(
		jsonv2.UnmarshalFromFunc(func(dec *jsontext.Decoder, v *[]BatchActor) error {
			*v = make([]BatchActor, 0, bytes.Count(body, []byte(`"kind"`)))
			return jsonv2.UnmarshalDecode(dec, (*actorList)(v))
		}),
		jsonv2.UnmarshalFromFunc(func(dec *jsontext.Decoder, v *[]BatchRelationship) error {
			*v = make([]BatchRelationship, 0, bytes.Count(body, []byte(`"target"`)))
			return jsonv2.UnmarshalDecode(dec, (*relationshipList)(v))
		}),
	))
}

type (
	actorList        []BatchActor
	relationshipList []BatchRelationship
)

// hasNullOrEmptyString reports whether a JSON text has a null literal or
// an empty string (as a value or a key), or a number of 16 digits or
// more. Outside strings, 'n' appears in
// JSON only in null (true, false and numbers have none), so one pass that
// skips strings finds both. On text that is not JSON the answer does not
// matter: the decoder rejects it.
func hasNullOrEmptyString(b []byte) bool {
	digits := 0 // the run of digits outside strings so far
	for i := 0; i < len(b); i++ {
		if c := b[i]; c >= '0' && c <= '9' {
			// 16 digits or more may be an integer beyond 2^53, which
			// the strict decoder would round into an attribute: the
			// general way refuses it (checkNumber).
			if digits++; digits >= 16 {
				return true
			}
			continue
		}
		digits = 0
		switch b[i] {
		case 'n':
			return true
		case '"':
			if i+1 < len(b) && b[i+1] == '"' {
				return true
			}
			for i++; i < len(b) && b[i] != '"'; i++ {
				if b[i] == '\\' {
					i++
				}
			}
		}
	}
	return false
}

// batchShapeOK checks what the strict decoder cannot: that required fields
// are present (with no empty strings in the body, a required string is
// present exactly when it is not ""; a required number that is 0 might be
// absent, so it sends the body the general way) and that date fields hold
// dates. With no null and no "" in the body, that is all the schema checks
// that the decoder does not.
func batchShapeOK(in *Batch) bool {
	if in.Actors == nil || in.Relationships == nil {
		return false
	}
	for i := range in.RelationshipTypes {
		t := &in.RelationshipTypes[i]
		if t.Name == "" || t.Polarity == 0 || t.DefaultWeight == 0 {
			return false
		}
	}
	for i := range in.Actors {
		if a := &in.Actors[i]; a.Name == "" || a.Kind == "" {
			return false
		}
	}
	for i := range in.Relationships {
		r := &in.Relationships[i]
		if r.Source == "" || r.Target == "" || r.Type == "" || !optDate(r.ValidFrom) || !optDate(r.ValidTo) {
			return false
		}
		for j := range r.Sources {
			if c := &r.Sources[j]; c.Title == "" || !optDate(c.Published) {
				return false
			}
		}
	}
	return true
}

// optDate reports whether an optional date field is absent or a date.
func optDate(s *string) bool {
	if s == nil {
		return true
	}
	_, err := graph.ParseDate(*s)
	return err == nil
}

// asDomain turns an HTTP-layer error into a domain EINVALID error.
func asDomain(err error) error {
	var he *httpError
	if errors.As(err, &he) {
		return graph.Invalid(he.detail, he.fields...)
	}
	return err
}
