package api

import (
	"fmt"
	"strings"
	"testing"
)

// generalBatch is an import batch of n actors and n relationships whose
// nulls keep it off the fast path (decodeBatchFast).
func generalBatch(n int) []byte {
	var sb strings.Builder
	sb.WriteString(`{"actors":[`)
	for i := range n {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"id":"a%d","name":"A %d","kind":"state","region":null,"attributes":{"x":[1,2,3],"y":"z"}}`, i, i)
	}
	sb.WriteString(`],"relationships":[`)
	for i := range n {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"source":"a%d","target":"a%d","type":"supports","weight":0.5,"valid_from":"2020-01-01"}`, i, (i+1)%n)
	}
	sb.WriteString(`]}`)
	return []byte(sb.String())
}

// BenchmarkDecodeBatchGeneral measures the general way (jsontext's tree,
// the schema's check, the decoder) on a 3.8 MB batch.
func BenchmarkDecodeBatchGeneral(b *testing.B) {
	body := generalBatch(20000)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, _, err := decodeBatchJSON(body); err != nil {
			b.Fatal(err)
		}
	}
}
