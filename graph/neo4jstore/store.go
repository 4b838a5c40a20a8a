// Package neo4jstore is detente's production graph.Driver, on Neo4j 5 through
// the official Go driver.
//
// The graph maps onto Neo4j directly: actors are :Actor nodes (unique id),
// each relationship is a Neo4j relationship from source to target whose type
// is the registered type name in upper case (cypherName), user-added
// relationship types are :RelationshipType nodes, and one :Meta {key:'graph'}
// node holds the graph version that every write transaction bumps.
//
// All Cypher of the project lives in this package. Every value travels as a
// $parameter; the only names ever spliced into query text are relationship
// types that the registry accepted (see relType), and small integers (hop
// bounds) the code computed itself. Each query text is a constant, or is
// built next to the method that runs it from those allow-listed pieces.
//
// Every access is a managed transaction (ExecuteRead / ExecuteWrite) with the
// caller's context, the configured database and a transaction timeout. Work
// functions only read and write through their transaction, so the driver may
// retry them. Write transactions start by locking (and bumping) the :Meta
// node, which serialises writers: a write's checks (does the id exist, do the
// endpoints exist) and its changes see one consistent graph.
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/detente/detente/graph"
)

// Config says where Neo4j is and how long a query may take.
type Config struct {
	URI      string // e.g. neo4j://host:7687 or bolt://127.0.0.1:7687
	Username string // empty: no authentication
	Password string
	Database string // default "neo4j"
	// QueryTimeout bounds every transaction (server-side transaction
	// timeout) and the driver's retries; default 10s.
	QueryTimeout time.Duration
	// BulkTimeout bounds Import and Export, which move the whole graph in
	// one transaction; default 10 minutes.
	BulkTimeout time.Duration
	// ImportTxRecords is the most records (relationship types, actors,
	// relationships) an import writes in one transaction: a larger batch
	// is written in transactions of this many records (see staged.go).
	// Default DefaultImportTxRecords.
	ImportTxRecords int
}

// Defaults.
const (
	DefaultDatabase     = "neo4j"
	DefaultQueryTimeout = 10 * time.Second
	DefaultBulkTimeout  = 10 * time.Minute
	// DefaultImportTxRecords keeps an import transaction's state to some
	// hundred MB, well inside dbms.memory.transaction.total.max (70% of
	// the heap by default) at the 4 GB heap of make bench, where 10^6
	// relationships in one transaction exhausted it.
	DefaultImportTxRecords = 20_000
)

// Store is the Neo4j graph.Driver. It is safe for concurrent use; open one
// per process (the driver inside is the connection pool).
type Store struct {
	driver       neo4j.DriverWithContext
	database     string
	queryTimeout time.Duration
	bulkTimeout  time.Duration
	importTxRecs int

	// importHook, if set (tests), runs before each transaction of a
	// staged import with its sequence number; an error fails the import
	// there, as a database error would.
	importHook func(seq int) error
	// registeredHook, if set (tests), runs once a staged import's
	// registration has committed; an error stands for the caller's
	// context ending before the commit's answer arrived.
	registeredHook func() error
	// precommitHook, if set (tests), runs in a staged import's registering
	// transaction ("register") and in its last one ("unregister") once
	// their statements ran, before they commit, holding the :Meta lock;
	// an error fails the transaction.
	precommitHook func(step string) error
	// cypherPaths, if set (tests), searches every path query with Cypher,
	// never in Go on the neighbourhood (see localpaths.go).
	cypherPaths bool
	// noReplica, if set (tests), never keeps the graph in memory for path
	// searches: each reads its neighbourhood (see localpaths.go).
	noReplica bool

	replicaMu   sync.Mutex
	replica     *replica // the whole graph in memory at one version, or nil
	replicaBusy bool     // a rebuild is running
	// replicaTooLarge is 1 + the version found too large for a replica
	// (0: none), so that no rebuild is tried again at that version.
	replicaTooLarge uint64

	schemaMu sync.Mutex
	schemaOK atomic.Bool

	flightMu     sync.Mutex
	schemaFlight *schemaFlight // the last background EnsureSchema

	// Background work (the schema, recovering an abandoned import) runs
	// under bgCtx and is waited for by Close: closing the driver under a
	// transaction still in flight is a data race inside the driver.
	bgMu       sync.Mutex
	bgClosed   bool
	bg         sync.WaitGroup
	bgCtx      context.Context
	bgCancel   context.CancelFunc
	recovering atomic.Bool // a background recoverImports is running
}

// errClosed is the cause of an operation refused by a closed store.
var errClosed = errors.New("neo4jstore: closed")

// background runs fn in a goroutine that Close cancels and waits for; it
// reports false, running nothing, once the store is closed.
func (s *Store) background(timeout time.Duration, fn func(ctx context.Context)) bool {
	s.bgMu.Lock()
	defer s.bgMu.Unlock()
	if s.bgClosed {
		return false
	}
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		ctx, cancel := context.WithTimeout(s.bgCtx, timeout)
		defer cancel()
		fn(ctx)
	}()
	return true
}

// schemaFlight is one background EnsureSchema: done closes when it ends.
type schemaFlight struct {
	done chan struct{}
	err  error
}

// schemaTimeout bounds one background EnsureSchema: long enough for every
// constraint of a fresh database, on a slow machine.
const schemaTimeout = 2 * time.Minute

var _ graph.Driver = (*Store)(nil)

// Open creates the driver and tries to apply the schema. It does not fail
// when Neo4j is down: the server can start and report not ready (Ping), and
// the schema is applied before the first query that reaches the database.
// It fails only on a configuration the driver rejects (a malformed URI).
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Database == "" {
		cfg.Database = DefaultDatabase
	}
	if cfg.QueryTimeout <= 0 {
		cfg.QueryTimeout = DefaultQueryTimeout
	}
	if cfg.BulkTimeout <= 0 {
		cfg.BulkTimeout = DefaultBulkTimeout
	}
	if cfg.ImportTxRecords <= 0 {
		cfg.ImportTxRecords = DefaultImportTxRecords
	}
	auth := neo4j.NoAuth()
	if cfg.Username != "" {
		auth = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		// A store that is down should answer 503 within a query's time,
		// not after the driver's default 30s of retries.
		c.MaxTransactionRetryTime = cfg.QueryTimeout
		c.ConnectionAcquisitionTimeout = cfg.QueryTimeout
	})
	if err != nil {
		return nil, fmt.Errorf("neo4jstore: %w", err)
	}
	s := &Store{
		driver:       drv,
		database:     cfg.Database,
		queryTimeout: cfg.QueryTimeout,
		bulkTimeout:  cfg.BulkTimeout,
		importTxRecs: cfg.ImportTxRecords,
	}
	s.bgCtx, s.bgCancel = context.WithCancel(context.Background())
	octx, cancel := context.WithTimeout(ctx, cfg.QueryTimeout)
	defer cancel()
	if s.driver.VerifyConnectivity(octx) == nil {
		// A failure here is retried lazily by the first query (ready).
		if s.EnsureSchema(octx) == nil {
			s.recoverInBackground() // an import a crash left behind (staged.go)
		}
	}
	return s, nil
}

// Close stops the store's background work, waits for it, and closes the
// driver and its connections.
func (s *Store) Close() error {
	s.bgMu.Lock()
	s.bgClosed = true
	s.bgMu.Unlock()
	s.bgCancel()
	s.bg.Wait()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return s.driver.Close(ctx)
}

// Ping reports whether Neo4j is reachable (with the configured credentials).
func (s *Store) Ping(ctx context.Context) error {
	return mapError(ctx, s.driver.VerifyConnectivity(ctx))
}

// ready applies the schema if that has not succeeded yet. The schema is
// applied in the background, not under the request's context: a request
// out of time must not cut a constraint's creation short (which leaves
// its index behind, see createConstraint) nor make the next request start
// over. The request waits for it as long as its own context allows, and
// concurrent requests wait for the same one.
func (s *Store) ready(ctx context.Context) error {
	if s.schemaOK.Load() {
		return nil
	}
	f := s.ensureSchemaInBackground()
	select {
	case <-f.done:
		if f.err != nil {
			return mapError(ctx, f.err)
		}
		return nil
	case <-ctx.Done():
		return graph.Unavailable("the graph database is not ready yet", ctx.Err())
	}
}

// ensureSchemaInBackground returns the running EnsureSchema, or starts one.
func (s *Store) ensureSchemaInBackground() *schemaFlight {
	s.flightMu.Lock()
	defer s.flightMu.Unlock()
	if f := s.schemaFlight; f != nil {
		select {
		case <-f.done: // ended (and failed, or ready would not be here): again
		default:
			return f
		}
	}
	f := &schemaFlight{done: make(chan struct{})}
	s.schemaFlight = f
	started := s.background(schemaTimeout, func(ctx context.Context) {
		defer close(f.done)
		f.err = s.EnsureSchema(ctx)
	})
	if !started {
		f.err = graph.Unavailable("the store is closed", errClosed)
		close(f.done)
	}
	return f
}

// mapError turns whatever a driver call returned into a domain error. It is
// the only place that knows the driver's error types and Neo4j's codes.
// Domain errors returned by work functions pass through unchanged.
func mapError(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	var ge *graph.Error
	if errors.As(err, &ge) {
		return ge
	}
	if ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return graph.Unavailable("the graph database did not answer in time", err)
	}
	if isTxMemoryLimit(err) {
		return tooLarge(err)
	}
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) {
		switch {
		case ne.Code == "Neo.ClientError.Schema.ConstraintValidationFailed":
			return &graph.Error{Code: graph.ECONFLICT, Message: "the record conflicts with an existing one", Err: err}
		case strings.HasPrefix(ne.Code, "Neo.ClientError.Transaction.TransactionTimedOut"),
			ne.Code == "Neo.ClientError.Transaction.Terminated",
			ne.Code == "Neo.ClientError.Transaction.LockClientStopped":
			return graph.Unavailable("the query ran out of time", err)
		case ne.Code == "Neo.DatabaseError.Transaction.TransactionLogError":
			// Neo4j could not append the commit to its transaction log:
			// measured on a full disk (a tmpfs with 3 MB left, where the
			// server logged "java.io.IOException: No space left on
			// device" and answered only this code). Nothing was written.
			return &graph.Error{Code: graph.EFULL, Message: "the graph database could not write its transaction log (most often its disk is full); nothing was written", Err: err}
		case ne.Code == "Neo.DatabaseError.Transaction.TransactionStartFailed":
			// After such a failure Neo4j refuses every transaction until
			// it is restarted ("the database has encountered a critical
			// error"): unavailable, not a bug of ours.
			return graph.Unavailable("the graph database reports a critical error and needs a restart (see its logs)", err)
		case strings.HasPrefix(ne.Code, "Neo.TransientError."),
			ne.Code == "Neo.ClientError.Cluster.NotALeader",
			ne.Code == "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase",
			ne.Code == "Neo.ClientError.Database.DatabaseNotFound",
			strings.HasPrefix(ne.Code, "Neo.ClientError.Security."):
			// The database is not usable right now (or not with these
			// credentials): a 503 with Retry-After, not a bug.
			return graph.Unavailable("the graph database is unavailable", err)
		}
		return graph.Internal(err)
	}
	var (
		connErr  *neo4j.ConnectivityError
		limitErr *neo4j.TransactionExecutionLimit
		tokenErr *neo4j.TokenExpiredError
		authErr  *neo4j.InvalidAuthenticationError
	)
	if errors.As(err, &connErr) || errors.As(err, &limitErr) || errors.As(err, &tokenErr) || errors.As(err, &authErr) {
		return graph.Unavailable("the graph database is unavailable", err)
	}
	return graph.Internal(err)
}

// isTxMemoryLimit reports whether err is (or a retry limit ended on)
// Neo4j's transaction memory limit. The driver counts that error as
// transient, but the same transaction hits the same limit again.
func isTxMemoryLimit(err error) bool {
	const code = "Neo.TransientError.General.MemoryPoolOutOfMemoryError"
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) && ne.Code == code {
		return true
	}
	var limitErr *neo4j.TransactionExecutionLimit
	if errors.As(err, &limitErr) {
		for _, e := range limitErr.Errors {
			if errors.As(e, &ne) && ne.Code == code {
				return true
			}
		}
	}
	return false
}

// tooLarge is the domain error for a transaction over Neo4j's memory
// limit. Its cause is kept as text only: a wrapped Neo4jError would make
// the driver retry (it retries on any transient error in the chain).
func tooLarge(cause error) error {
	return &graph.Error{Code: graph.ETOOLARGE,
		Message: "the operation needs more transaction memory than Neo4j allows (dbms.memory.transaction.total.max); raise that setting or the heap, or import in smaller batches",
		Err:     errors.New(cause.Error())}
}

// unchanged is returned by a write's work function that found nothing to
// change: the transaction rolls back (so the version is not bumped) and the
// caller still gets value.
type unchanged struct{ value any }

func (unchanged) Error() string { return "neo4jstore: nothing to write" }

// readTx runs work in a managed read transaction.
func readTx[T any](ctx context.Context, s *Store, timeout time.Duration, work neo4j.ManagedTransactionWorkT[T]) (T, error) {
	if err := s.ready(ctx); err != nil {
		var zero T
		return zero, err
	}
	return execute(ctx, s, neo4j.AccessModeRead, timeout, work)
}

// writeTx runs work in a managed write transaction. Work should call lock
// first; it may return unchanged{v} to roll back and yield v.
func writeTx[T any](ctx context.Context, s *Store, timeout time.Duration, work neo4j.ManagedTransactionWorkT[T]) (T, error) {
	if err := s.ready(ctx); err != nil {
		var zero T
		return zero, err
	}
	v, err := execute(ctx, s, neo4j.AccessModeWrite, timeout, work)
	if errors.Is(err, errStaleImport) {
		s.recoverInBackground() // see staged.go
	}
	return v, err
}

func execute[T any](ctx context.Context, s *Store, mode neo4j.AccessMode, timeout time.Duration, work neo4j.ManagedTransactionWorkT[T]) (T, error) {
	var zero T
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: mode})
	defer func() {
		// Closing only returns the connection to the pool; its error is
		// not the caller's business and must not replace the real one.
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_ = sess.Close(cctx)
	}()
	var (
		v   T
		err error
	)
	// The memory limit ends the transaction for good, not after the
	// driver's retries (see tooLarge).
	noRetry := func(tx neo4j.ManagedTransaction) (T, error) {
		v, err := work(tx)
		if isTxMemoryLimit(err) {
			return v, tooLarge(err)
		}
		return v, err
	}
	if mode == neo4j.AccessModeRead {
		v, err = neo4j.ExecuteRead(ctx, sess, noRetry, neo4j.WithTxTimeout(timeout))
	} else {
		v, err = neo4j.ExecuteWrite(ctx, sess, noRetry, neo4j.WithTxTimeout(timeout))
	}
	var nc unchanged
	if errors.As(err, &nc) {
		return nc.value.(T), nil
	}
	if err != nil {
		return zero, mapError(ctx, err)
	}
	return v, nil
}

// collect runs one query in tx and returns all its records.
func collect(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// exec runs one query in tx for its effect.
func exec(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) error {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// Version queries.
const (
	// lockQuery is the first statement of every write transaction: it takes
	// the :Meta node's write lock (held to commit, so writers run one at a
	// time) and bumps the version; a transaction that rolls back leaves the
	// version as it was.
	lockQuery = `MERGE (m:Meta {key: 'graph'})
ON CREATE SET m.version = 0
SET m.version = m.version + 1
RETURN m.version AS version, m.import AS import, m.import_beat AS beat`
	versionQuery = `OPTIONAL MATCH (m:Meta {key: 'graph'}) RETURN coalesce(m.version, 0) AS version`
)

// lock starts a write transaction; it returns the version this write will
// have when it commits.
// While a staged import runs (staged.go) other writers are refused: the
// import's transactions depend on the graph they planned against.
func lock(ctx context.Context, tx neo4j.ManagedTransaction) (uint64, error) {
	recs, err := collect(ctx, tx, lockQuery, nil)
	if err != nil {
		return 0, err
	}
	if len(recs) == 1 {
		if id, _ := recs[0].Get("import"); id != nil {
			beat, _ := recs[0].Get("beat")
			return 0, importRunning(beat)
		}
	}
	return versionOf(recs)
}

func queryVersion(ctx context.Context, tx neo4j.ManagedTransaction, q string) (uint64, error) {
	recs, err := collect(ctx, tx, q, nil)
	if err != nil {
		return 0, err
	}
	return versionOf(recs)
}

func versionOf(recs []*neo4j.Record) (uint64, error) {
	if len(recs) != 1 {
		return 0, fmt.Errorf("neo4jstore: version query returned %d rows", len(recs))
	}
	v, _ := recs[0].Get("version")
	n, ok := v.(int64)
	if !ok || n < 0 {
		return 0, fmt.Errorf("neo4jstore: version is %T %v", v, v)
	}
	return uint64(n), nil
}

// Version returns the graph version: the number of committed writes.
func (s *Store) Version(ctx context.Context) (uint64, error) {
	return readTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (uint64, error) {
		return queryVersion(ctx, tx, versionQuery)
	})
}

func notFound(kind, id string) error {
	return graph.Errorf(graph.ENOTFOUND, "%s %s not found", kind, id)
}

// count reads the single integer column n of a one-row result.
func count(recs []*neo4j.Record) int64 {
	if len(recs) != 1 {
		return 0
	}
	v, _ := recs[0].Get("n")
	n, _ := v.(int64)
	return n
}

func errRows(n int) error { return fmt.Errorf("neo4jstore: expected one row, got %d", n) }

// uniqueNames returns names sorted without duplicates, so that a type
// listed twice does not give a UNION branch twice.
func uniqueNames(names []string) []string {
	out := slices.Clone(names)
	slices.Sort(out)
	return slices.Compact(out)
}

func itoa(i int) string { return strconv.Itoa(i) }
