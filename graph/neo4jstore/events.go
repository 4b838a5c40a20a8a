package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/detente/detente/graph"
)

// Events are (:Event {id, date, ...}) nodes, one property per field, the
// date as its ISO string (so that it compares as a date), unique on id
// (schema.go). They live beside the graph: no :Meta lock, no version bump;
// MERGE on the unique id makes a write idempotent, and concurrent writes of
// one id safe. The listing walks the id index from the cursor and filters;
// a relationship's events, the common read (a tie's evidence), are a seek
// in the (relationship, id) index instead (eventRelIndex), in id order.
const (
	putEvents = `UNWIND $rows AS r
MERGE (e:Event {id: r.id})
ON CREATE SET e += r`
	listEvents = `MATCH (e:Event) WHERE e.id > $after
  AND ($actor IS NULL OR e.source = $actor OR e.target = $actor)
  AND ($target IS NULL OR e.target = $target)
  AND ($type IS NULL OR e.type = $type)
  AND ($rel IS NULL OR e.relationship = $rel)
  AND ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date <= $to)
RETURN e ORDER BY e.id LIMIT $limit`
	// The hint: on a small or fresh database the planner may prefer the
	// id index and filter every event; a tie's events are few among many.
	listRelEvents = `MATCH (e:Event) USING INDEX e:Event(relationship, id)
WHERE e.relationship = $rel AND e.id > $after
  AND ($actor IS NULL OR e.source = $actor OR e.target = $actor)
  AND ($target IS NULL OR e.target = $target)
  AND ($type IS NULL OR e.type = $type)
  AND ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date <= $to)
RETURN e ORDER BY e.id LIMIT $limit`
	// eventRelIndex serves listRelEvents; EnsureSchema creates it.
	eventRelIndex      = `CREATE INDEX event_relationship IF NOT EXISTS FOR (e:Event) ON (e.relationship, e.id)`
	awaitEventRelIndex = `CALL db.awaitIndex('event_relationship', 300)`
)

// PutEvents merges the events on their ids in one transaction and returns
// how many nodes it created.
func (s *Store) PutEvents(ctx context.Context, events []graph.Event) (int, error) {
	rows := make([]any, len(events))
	for i := range events {
		rows[i] = eventProps(&events[i])
	}
	return writeTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) (int, error) {
		res, err := tx.Run(ctx, putEvents, map[string]any{"rows": rows})
		if err != nil {
			return 0, err
		}
		sum, err := res.Consume(ctx)
		if err != nil {
			return 0, err
		}
		return sum.Counters().NodesCreated(), nil
	})
}

// ListEvents returns up to limit events after the id after that match f,
// in id order.
func (s *Store) ListEvents(ctx context.Context, f graph.EventFilter, after string, limit int) ([]graph.Event, error) {
	params := map[string]any{"after": after, "limit": limit,
		"actor": orNil(f.Actor), "target": orNil(f.Target), "type": orNil(f.Type), "rel": orNil(f.Relationship),
		"from": nil, "to": nil}
	if f.From != nil {
		params["from"] = f.From.String()
	}
	if f.To != nil {
		params["to"] = f.To.String()
	}
	return readTx(ctx, s, s.queryTimeout, func(tx neo4j.ManagedTransaction) ([]graph.Event, error) {
		q := listEvents
		if f.Relationship != "" {
			q = listRelEvents
		}
		recs, err := collect(ctx, tx, q, params)
		if err != nil {
			return nil, err
		}
		out := make([]graph.Event, 0, len(recs))
		for _, rec := range recs {
			v, _ := rec.Get("e")
			n, ok := v.(dbtype.Node)
			if !ok {
				return nil, graph.Internal(fmt.Errorf("neo4jstore: event is %T", v))
			}
			e, err := eventOf(n.Props)
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		}
		return out, nil
	})
}

func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// eventProps is an event's properties; empty fields are left out (a null
// in SET += removes nothing on a new node).
func eventProps(e *graph.Event) map[string]any {
	p := map[string]any{"id": e.ID, "date": e.Date.String(), "code": e.Code}
	for k, v := range map[string]string{"actor1_code": e.Actor1Code, "actor1_name": e.Actor1Name,
		"actor2_code": e.Actor2Code, "actor2_name": e.Actor2Name, "source": e.Source, "target": e.Target,
		"type": e.Type, "url": e.URL, "text": e.Text, "relationship": e.Relationship} {
		if v != "" {
			p[k] = v
		}
	}
	for k, v := range map[string]int{"quad": e.Quad, "mentions": e.Mentions, "sources": e.Sources} {
		if v != 0 {
			p[k] = int64(v)
		}
	}
	if e.Score != nil {
		p["score"] = *e.Score
	}
	return p
}

func eventOf(p map[string]any) (graph.Event, error) {
	str := func(k string) string { s, _ := p[k].(string); return s }
	num := func(k string) int { n, _ := p[k].(int64); return int(n) }
	e := graph.Event{ID: str("id"), Actor1Code: str("actor1_code"), Actor1Name: str("actor1_name"),
		Actor2Code: str("actor2_code"), Actor2Name: str("actor2_name"), Source: str("source"), Target: str("target"),
		Code: str("code"), Type: str("type"), URL: str("url"), Text: str("text"), Relationship: str("relationship"),
		Quad: num("quad"), Mentions: num("mentions"), Sources: num("sources")}
	if f, ok := p["score"].(float64); ok {
		e.Score = &f
	}
	d, err := graph.ParseDate(str("date"))
	if err != nil {
		return e, graph.Internal(fmt.Errorf("neo4jstore: event %s: date: %w", e.ID, err))
	}
	e.Date = d
	return e, nil
}
