package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/detente/detente/internal/bench/cypher"
)

// The bare peer of the API-overhead measurement: a plain net/http server
// in a process of its own (this binary, run again with bareNeo4jEnv set),
// whose handlers make exactly the *direct* side's driver call and write the
// records as JSON. It is what any HTTP front of the same query costs at
// least (the HTTP hop, a second process on the machine's cores, encoding),
// so that API ÷ bare is what detente itself adds (Gin, middleware, access
// log, conversion to the domain and back, ETag) and bare ÷ direct the HTTP
// hop.
const bareNeo4jEnv = "DETENTE_BENCH_BARE_NEO4J" // listen address; NEO4J_URI says where Neo4j is

func init() {
	if addr := os.Getenv(bareNeo4jEnv); addr != "" {
		if err := serveBareNeo4j(addr, os.Getenv("NEO4J_URI")); err != nil {
			fmt.Fprintln(os.Stderr, "bare server:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
}

// serveBareNeo4j serves GET /healthz, /api/v1/paths?from&to and
// /api/v1/actors/{id} until SIGTERM.
func serveBareNeo4j(addr, uri string) error {
	side, err := openDriver(uri)
	if err != nil {
		return err
	}
	defer side.drv.Close(context.Background())
	answer := func(w http.ResponseWriter, r *http.Request, s stmt) {
		recs, err := side.collect(r.Context(), s)
		if err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		rows := make([]map[string]any, len(recs))
		for i, rec := range recs {
			rows[i] = rec.AsMap()
		}
		b, err := json.Marshal(rows)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(append(b, '\n'))
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })
	mux.HandleFunc("GET /api/v1/paths", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		answer(w, r, stmt{cypher.ShortestPath, cypher.ShortestPathParams(q.Get("from"), q.Get("to"))})
	})
	mux.HandleFunc("GET /api/v1/actors/{id}", func(w http.ResponseWriter, r *http.Request) {
		answer(w, r, stmt{cypher.GetActor, map[string]any{"id": r.PathValue("id")}})
	})
	hs := &http.Server{Addr: addr, Handler: mux}
	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, syscall.SIGTERM, os.Interrupt)
		<-sig
		hs.Close()
	}()
	if err := hs.ListenAndServe(); err != http.ErrServerClosed {
		return err
	}
	return nil
}

// collect runs one statement as read does and returns its records.
func (n *neo4jSide) collect(ctx context.Context, s stmt) ([]*neo4j.Record, error) {
	sess := n.drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: "neo4j", AccessMode: neo4j.AccessModeRead})
	defer sess.Close(context.WithoutCancel(ctx))
	return neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) ([]*neo4j.Record, error) {
		res, err := tx.Run(ctx, s.cypher, s.params)
		if err != nil {
			return nil, err
		}
		return res.Collect(ctx)
	}, neo4j.WithTxTimeout(10*time.Second))
}

// bareNeo4j is a running bare peer.
type bareNeo4j struct {
	cmd  *exec.Cmd
	base string
	done chan struct{}
}

// startBareNeo4j starts the bare peer against Neo4j at uri and waits until it
// answers.
func startBareNeo4j(uri string) (*bareNeo4j, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", freePort())
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), bareNeo4jEnv+"="+addr, "NEO4J_URI="+uri)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	b := &bareNeo4j{cmd: cmd, base: "http://" + addr, done: make(chan struct{})}
	go func() { cmd.Wait(); close(b.done) }()
	for t0 := time.Now(); time.Since(t0) < 30*time.Second; time.Sleep(10 * time.Millisecond) {
		select {
		case <-b.done:
			return nil, fmt.Errorf("the bare server exited")
		default:
		}
		resp, err := http.Get(b.base + "/healthz")
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return b, nil
			}
		}
	}
	b.stop()
	return nil, fmt.Errorf("the bare server did not answer within 30s")
}

func (b *bareNeo4j) stop() { terminate(b.cmd, b.done, 5*time.Second) }
