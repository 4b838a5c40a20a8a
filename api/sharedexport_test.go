package api

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/memstore"
)

// countingStore counts its Export calls.
type countingStore struct {
	graph.Driver
	exports atomic.Int64
}

func (s *countingStore) Export(ctx context.Context) (graph.Batch, error) {
	s.exports.Add(1)
	return s.Driver.Export(ctx)
}

// TestSharedExport: requests that stream the graph while another holds
// its export of the same version share it (one Export call); the last
// release drops it; a write makes the next request export afresh.
func TestSharedExport(t *testing.T) {
	ms, err := memstore.Open("")
	if err != nil {
		t.Fatal(err)
	}
	defer ms.Close()
	st := &countingStore{Driver: ms}
	store := graph.NewStore(st)
	srv, err := NewServer(Config{Logger: slog.New(slog.DiscardHandler)}, store)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := store.CreateActor(ctx, graph.Actor{ID: "iran", Name: "Iran", Kind: "state"}); err != nil {
		t.Fatal(err)
	}
	get := func() (*graph.Batch, func()) {
		t.Helper()
		c, _ := gin.CreateTestContext(httptest.NewRecorder())
		c.Request = httptest.NewRequest("GET", APIPrefix+"/export", nil)
		b, release, err := srv.sharedExport(c)
		if err != nil {
			t.Fatal(err)
		}
		return b, release
	}
	b1, r1 := get()
	b2, r2 := get()
	if b1 != b2 || st.exports.Load() != 1 {
		t.Fatalf("two requests at once: same batch %v, %d exports; want one shared", b1 == b2, st.exports.Load())
	}
	r1()
	r1() // a second call of the same release counts once
	b3, r3 := get()
	if b3 != b1 || st.exports.Load() != 1 {
		t.Fatalf("while one request holds it: same batch %v, %d exports", b3 == b1, st.exports.Load())
	}
	r2()
	r3()
	b4, r4 := get()
	if b4 == b1 || st.exports.Load() != 2 {
		t.Fatalf("after every holder is done: same batch %v, %d exports; want a new export", b4 == b1, st.exports.Load())
	}
	if _, err := store.CreateActor(ctx, graph.Actor{ID: "oman", Name: "Oman", Kind: "state"}); err != nil {
		t.Fatal(err)
	}
	b5, r5 := get()
	if b5 == b4 || len(b5.Actors) != 2 || len(b4.Actors) != 1 {
		t.Fatalf("after a write: same batch %v, %d actors (the held one %d)", b5 == b4, len(b5.Actors), len(b4.Actors))
	}
	r4()
	r5()
}
