package memstore_test

import (
	"path/filepath"
	"testing"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/memstore"
	"github.com/detente/detente/graph/storetest"
)

func TestConformance(t *testing.T) {
	for _, durable := range []bool{false, true} {
		name := map[bool]string{false: "memory", true: "bbolt"}[durable]
		t.Run(name, func(t *testing.T) {
			storetest.Run(t, func(t *testing.T) graph.Driver {
				path := ""
				if durable {
					path = filepath.Join(t.TempDir(), "detente.db")
				}
				s, err := memstore.Open(path)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { s.Close() })
				return s
			})
		})
	}
}
