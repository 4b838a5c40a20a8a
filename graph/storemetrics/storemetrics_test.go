package storemetrics_test

import (
	"context"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/memstore"
	"github.com/detente/detente/graph/storemetrics"
)

// TestEveryMethodObserved calls every method of graph.Store through the
// wrapper (with zero arguments: errors are fine) and checks that each but
// Close reported itself under its own name, so a method added to the
// interface cannot slip through the embedded Store untimed.
func TestEveryMethodObserved(t *testing.T) {
	inner, err := memstore.Open("")
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu   sync.Mutex
		seen []string
	)
	s := storemetrics.New(inner, func(op string, d time.Duration, err error) {
		mu.Lock()
		seen = append(seen, op)
		mu.Unlock()
		if d < 0 {
			t.Errorf("%s: negative duration %s", op, d)
		}
	})
	iface := reflect.TypeFor[graph.Store]()
	v := reflect.ValueOf(graph.Store(s))
	var want []string
	for i := range iface.NumMethod() {
		m := iface.Method(i)
		if m.Name == "Close" {
			continue
		}
		want = append(want, m.Name)
		args := make([]reflect.Value, m.Type.NumIn())
		for j := range args {
			args[j] = reflect.Zero(m.Type.In(j))
		}
		args[0] = reflect.ValueOf(context.Background())
		v.MethodByName(m.Name).Call(args)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(seen)
	slices.Sort(want)
	if !slices.Equal(seen, want) {
		t.Errorf("observed %v\nwant     %v", seen, want)
	}
}

// TestErrorsPassThrough checks that the wrapper returns the inner store's
// results and errors unchanged and reports the error it saw.
func TestErrorsPassThrough(t *testing.T) {
	inner, err := memstore.Open("")
	if err != nil {
		t.Fatal(err)
	}
	defer inner.Close()
	var got error
	s := storemetrics.New(inner, func(op string, d time.Duration, err error) { got = err })
	_, err = s.GetActor(context.Background(), "nobody")
	if graph.ErrorCode(err) != graph.ENOTFOUND || got != err {
		t.Fatalf("GetActor: err %v, observed %v", err, got)
	}
	a, err := s.CreateActor(context.Background(), graph.Actor{ID: "x", Name: "X", Kind: "person"})
	if err != nil || a.ID != "x" || got != nil {
		t.Fatalf("CreateActor: %+v, %v, observed %v", a, err, got)
	}
}
