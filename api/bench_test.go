package api_test

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/detente/detente/api"
)

// BenchmarkImportDryRun measures the strict decoding and validation of a
// large import (10k actors, 30k relationships) through the HTTP layer; the
// store work is a dry run.
func BenchmarkImportDryRun(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"actors":[`)
	const n = 10000
	for i := range n {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"id":"a%d","name":"Actor %d","kind":"state","aliases":["A%d"],"tags":["t"],"attributes":{"i":%d}}`, i, i, i, i)
	}
	sb.WriteString(`],"relationships":[`)
	for i := range 3 * n {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"id":"r%d","source":"a%d","target":"a%d","type":"supports","weight":0.5,"valid_from":"2020-01-01","sources":[{"title":"s","url":"https://example.org/%d"}]}`, i, i%n, (i*7+1)%n, i)
	}
	sb.WriteString(`]}`)
	body := sb.String()
	srv, err := api.NewServer(api.Config{}, memStoreB(b))
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/api/v1/import?dry_run=true", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("%d %.300s", rec.Code, rec.Body)
		}
	}
}
