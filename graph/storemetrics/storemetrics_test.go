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

// TestEveryMethodObserved calls every method of graph.Driver through the
// wrapper (with zero arguments: errors are fine) and checks that each but
// Close reported itself under its own name, so a method added to the
// interface cannot slip through the embedded Driver untimed.
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
	iface := reflect.TypeFor[graph.Driver]()
	v := reflect.ValueOf(graph.Driver(s))
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
		for j := 1; j < len(args); j++ {
			if t := m.Type.In(j); t.Kind() == reflect.Func {
				args[j] = failing(t) // a check or update that refuses
			}
		}
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

// failing returns a function of type t that returns zero values and, as its
// last result, an error (or false, for a predicate).
func failing(t reflect.Type) reflect.Value {
	return reflect.MakeFunc(t, func([]reflect.Value) []reflect.Value {
		out := make([]reflect.Value, t.NumOut())
		for i := range out {
			out[i] = reflect.Zero(t.Out(i))
		}
		if n := t.NumOut(); n > 0 && t.Out(n-1) == reflect.TypeFor[error]() {
			var err error = graph.Errorf(graph.EINVALID, "refused")
			out[n-1] = reflect.ValueOf(&err).Elem()
		}
		return out
	})
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
	s := graph.NewStore(storemetrics.New(inner, func(op string, d time.Duration, err error) { got = err }))
	_, err = s.GetActor(context.Background(), "nobody")
	if graph.ErrorCode(err) != graph.ENOTFOUND || got != err {
		t.Fatalf("GetActor: err %v, observed %v", err, got)
	}
	a, err := s.CreateActor(context.Background(), graph.Actor{ID: "x", Name: "X", Kind: "person"})
	if err != nil || a.ID != "x" || got != nil {
		t.Fatalf("CreateActor: %+v, %v, observed %v", a, err, got)
	}
}
