package api

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"unicode/utf8"
)

// Log lines echo what clients send: a method and a path in the access
// log, an error or a panic value that quotes a request body. A client
// decides how long those are: up to the megabyte of a request line, or
// the 64 MiB of an import body quoted by an error, once an 8 MB log line
// (issue 15). Every attribute the server logs goes through capHandler,
// which cuts each string value longer than its cap and says how long it
// was ("…(8388608 bytes)"), so that no line outgrows a bound whatever a
// client sends.
const (
	// LogValueCap is the cap of a logged value: a method, a path, a
	// query, a header.
	LogValueCap = 256
	// logErrorCap is the cap of an error or a panic value, whose first
	// kilobyte is what an operator reads.
	logErrorCap = 1 << 10
	// logStackCap is the cap of a panic's stack trace: the frames nearest
	// the panic come first.
	logStackCap = 16 << 10
)

// logCap is the cap of the attribute named key.
func logCap(key string) int {
	switch key {
	case "stack":
		return logStackCap
	case "error", "panic":
		return logErrorCap
	}
	return LogValueCap
}

// capString cuts s to at most n bytes, at a character boundary, and says
// how long it was.
func capString(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…(" + strconv.Itoa(len(s)) + " bytes)"
}

// capValue returns v capped for key, and whether capping changed it.
// Values that are not strings are capped on the text a handler would
// write for them: an error's message, anything else formatted.
func capValue(key string, v slog.Value) (slog.Value, bool) {
	v = v.Resolve()
	n := logCap(key)
	switch v.Kind() {
	case slog.KindString:
		if s := v.String(); len(s) > n {
			return slog.StringValue(capString(s, n)), true
		}
	case slog.KindAny:
		var s string
		switch x := v.Any().(type) {
		case error:
			s = x.Error()
		case []byte:
			s = string(x)
		default:
			s = fmt.Sprint(x)
		}
		if len(s) > n {
			return slog.StringValue(capString(s, n)), true
		}
	case slog.KindGroup:
		attrs := v.Group()
		var out []slog.Attr
		for i, a := range attrs {
			if c, changed := capValue(a.Key, a.Value); changed {
				if out == nil {
					out = append([]slog.Attr(nil), attrs...)
				}
				out[i].Value = c
			}
		}
		if out != nil {
			return slog.GroupValue(out...), true
		}
	}
	return v, false
}

// capHandler caps the values of every record and attribute before
// handing them on. A record within the caps is passed on as it is, with
// no allocation: the access log's line costs what it did.
type capHandler struct{ h slog.Handler }

func (c capHandler) Enabled(ctx context.Context, l slog.Level) bool { return c.h.Enabled(ctx, l) }

func (c capHandler) Handle(ctx context.Context, r slog.Record) error {
	over := false
	r.Attrs(func(a slog.Attr) bool {
		_, over = capValue(a.Key, a.Value)
		return !over
	})
	if !over {
		return c.h.Handle(ctx, r)
	}
	capped := slog.NewRecord(r.Time, r.Level, r.Message, r.PC)
	r.Attrs(func(a slog.Attr) bool {
		if v, changed := capValue(a.Key, a.Value); changed {
			a.Value = v
		}
		capped.AddAttrs(a)
		return true
	})
	return c.h.Handle(ctx, capped)
}

func (c capHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	out := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		if v, changed := capValue(a.Key, a.Value); changed {
			a.Value = v
		}
		out[i] = a
	}
	return capHandler{c.h.WithAttrs(out)}
}

func (c capHandler) WithGroup(name string) slog.Handler { return capHandler{c.h.WithGroup(name)} }
