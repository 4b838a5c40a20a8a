package api

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/detente/detente/graph"
)

// query is a request's query string, checked against the parameters a
// route allows: an unknown or repeated parameter is an error, never
// ignored, and so is an empty value (except for cursor, where empty means
// the first page). Parse errors are collected; err returns them all.
type query struct {
	values url.Values
	errs   fieldErrs
	c      *gin.Context
	// repeated holds the parameters given more than once: a list
	// parameter takes them (types=a&types=b is types=a,b, as clients
	// that explode arrays send it); read any other way, or not read at
	// all, a repetition is an error.
	repeated map[string]bool
}

// parseQuery reads the query string of c against the allowed names.
func parseQuery(c *gin.Context, allowed ...string) *query {
	q := &query{c: c}
	vals, err := url.ParseQuery(c.Request.URL.RawQuery)
	if err != nil {
		q.errs.add("query", "the query string is malformed: %s", err.Error())
		return q
	}
	q.values = vals
	names := make([]string, 0, len(vals))
	for k := range vals {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		switch {
		case !slices.Contains(allowed, k):
			if len(allowed) == 0 {
				q.errs.add(k, "unknown query parameter; this endpoint takes none")
			} else {
				q.errs.add(k, "unknown query parameter; allowed: %s", strings.Join(allowed, ", "))
			}
		case len(vals[k]) > 1:
			if q.repeated == nil {
				q.repeated = map[string]bool{}
			}
			q.repeated[k] = false // not read yet
		case vals[k][0] == "" && k != "cursor":
			q.errs.add(k, "must not be empty; leave the parameter out instead")
		}
	}
	return q
}

// get returns a parameter's value, "" when absent or already in error.
func (q *query) get(name string) string {
	if q.values == nil || len(q.values[name]) != 1 {
		q.repeatedError(name)
		return ""
	}
	return q.values[name][0]
}

// has reports whether the parameter was given (repeated or not).
func (q *query) has(name string) bool { return q.values[name] != nil }

// repeatedError reports a repeated single-valued parameter, once.
func (q *query) repeatedError(name string) {
	if read, ok := q.repeated[name]; ok && !read {
		q.repeated[name] = true
		q.errs.add(name, "given %d times; give it once", len(q.values[name]))
	}
}

// err returns the collected errors as one invalid-parameter problem.
func (q *query) err() error {
	names := make([]string, 0, len(q.repeated))
	for name := range q.repeated {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		q.repeatedError(name)
	}
	if len(q.errs) == 0 {
		return nil
	}
	return paramError(q.errs...)
}

// bool reads true or false (and nothing else); absent is def.
func (q *query) bool(name string, def bool) bool {
	switch q.get(name) {
	case "":
		return def
	case "true":
		return true
	case "false":
		return false
	}
	q.errs.add(name, "must be true or false")
	return def
}

// limit reads the page size: 1..graph.MaxPageSize, default
// graph.DefaultPageSize.
func (q *query) limit() int {
	s := q.get("limit")
	if s == "" {
		return graph.DefaultPageSize
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > graph.MaxPageSize {
		q.errs.add("limit", "must be an integer between 1 and %d", graph.MaxPageSize)
		return graph.DefaultPageSize
	}
	return n
}

// cursor reads a paging cursor and checks it is one this API issued.
func (q *query) cursor() string {
	s := q.get("cursor")
	if _, err := graph.DecodeCursor(s); err != nil {
		q.errs.add("cursor", "is not a cursor this API issued; pass next_cursor from the previous page")
		return ""
	}
	return s
}

// date reads a YYYY-MM-DD date.
func (q *query) date(name string) *graph.Date {
	s := q.get(name)
	if s == "" {
		return nil
	}
	d, err := graph.ParseDate(s)
	if err != nil {
		q.errs.add(name, "must be a date of the form YYYY-MM-DD")
		return nil
	}
	return &d
}

// requiredDate reads a date that must be given; the zero Date when it
// is missing or bad (both reported).
func (q *query) requiredDate(name string) graph.Date {
	if !q.has(name) {
		q.errs.add(name, "is required")
		return graph.Date{}
	}
	if d := q.date(name); d != nil {
		return *d
	}
	return graph.Date{}
}

// AsOfAll is the as_of value that asks for all of history.
const AsOfAll = "all"

// Gin context keys of the analysis date: the server's default (set by
// Server.analysisDate on every /api/v1 request) and the day a request's
// analysis runs for, as its answer states it (set by query.asOf).
const (
	analysisDateKey = "detente.analysis_date"
	answerAsOfKey   = "detente.as_of"
)

// asOf reads an analysis's as_of: a day, or "all" (nil: all of history);
// absent, the server's analysis date. The day it resolves to is kept on
// the request for the answer (answerAsOf).
func (q *query) asOf(name string) *graph.Date {
	var day *graph.Date
	switch s := q.get(name); s {
	case "":
		d := q.analysisDate()
		day = &d
	case AsOfAll:
	default:
		d, err := graph.ParseDate(s)
		if err != nil {
			q.errs.add(name, "must be a date of the form YYYY-MM-DD, or all")
			return nil
		}
		day = &d
	}
	q.c.Set(answerAsOfKey, asOfString(day))
	return day
}

// analysisDate is the server's analysis date for this request: the day
// analyses without as_of are answered for.
func (q *query) analysisDate() graph.Date {
	if v, ok := q.c.Get(analysisDateKey); ok {
		return v.(graph.Date)
	}
	return today()
}

// answerAsOf is the day the request's analysis ran for ("all": all of
// history), as query.asOf resolved it.
func answerAsOf(c *gin.Context) string { return c.GetString(answerAsOfKey) }

// today is the current day in UTC.
func today() graph.Date {
	y, m, d := time.Now().UTC().Date()
	return graph.Date{Year: y, Month: m, Day: d}
}

// asOfString is how an answer states the day it was computed for.
func asOfString(d *graph.Date) string {
	if d == nil {
		return AsOfAll
	}
	return d.String()
}

// id reads an actor or relationship id.
func (q *query) id(name string) string {
	s := q.get(name)
	if s != "" && !graph.ValidID(s) {
		q.errs.add(name, "must be an id: 1-128 characters of a-z, 0-9, '-' or '_'")
		return ""
	}
	return s
}

// enum reads one of a fixed set of values.
func (q *query) enum(name string, values []string) string {
	s := q.get(name)
	if s != "" && !slices.Contains(values, s) {
		q.errs.add(name, "must be one of %s", strings.Join(values, ", "))
		return ""
	}
	return s
}

// text reads free text of at most max bytes.
func (q *query) text(name string, max int) string {
	s := q.get(name)
	if len(s) > max {
		q.errs.add(name, "must be at most %d bytes", max)
		return ""
	}
	return s
}

// list reads a list with no empty entries: comma-separated, or the
// parameter repeated (form style exploded, as many generated clients send
// arrays), or both.
func (q *query) list(name string) []string {
	var s string
	if _, ok := q.repeated[name]; ok {
		q.repeated[name] = true // taken: the values join as one list
		s = strings.Join(q.values[name], ",")
	} else if s = q.get(name); s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	for _, p := range parts {
		if p == "" {
			q.errs.add(name, "has an empty entry; separate names with single commas")
			return nil
		}
	}
	return parts
}
