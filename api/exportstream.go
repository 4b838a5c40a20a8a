package api

import (
	"encoding/json"
	"io"

	"github.com/detente/detente/graph"
)

// writeBatch writes b as GET /export answers it: byte for byte what
// json.Encoder writes for batchFromDomain(b) (TestWriteBatchIsEncoderOutput),
// but one record at a time, so that a streamed export (see stream) never
// holds more than one converted record besides the export itself.
// encoding/json's defaults apply to each record as to the whole: HTML
// characters escaped, no indentation, a newline at the end.
func writeBatch(w io.Writer, b *graph.Batch) error {
	head := batchTypesFromDomain(graph.Batch{RelationshipTypes: b.RelationshipTypes})
	if _, err := io.WriteString(w, "{"); err != nil {
		return err
	}
	if len(head.RelationshipTypes) > 0 { // omitempty
		if err := writeField(w, "relationship_types", head.RelationshipTypes); err != nil {
			return err
		}
	}
	if err := writeList(w, `"actors":[`, b.Actors, batchActorFromDomain); err != nil {
		return err
	}
	if err := writeList(w, `,"relationships":[`, b.Relationships, batchRelationshipFromDomain); err != nil {
		return err
	}
	_, err := io.WriteString(w, "}\n")
	return err
}

// writeField writes "name":value and the comma before the next field.
func writeField(w io.Writer, name string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, `"`+name+`":`); err != nil {
		return err
	}
	data = append(data, ',')
	_, err = w.Write(data)
	return err
}

// writeList writes open, each record of s converted and comma-separated,
// and the closing bracket.
func writeList[T, W any](w io.Writer, open string, s []T, convert func(T) W) error {
	if _, err := io.WriteString(w, open); err != nil {
		return err
	}
	var buf []byte
	for i := range s {
		data, err := json.Marshal(convert(s[i]))
		if err != nil {
			return err
		}
		buf = buf[:0]
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, data...)
		if _, err := w.Write(buf); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "]")
	return err
}
