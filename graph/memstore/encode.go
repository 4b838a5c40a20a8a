package memstore

import (
	"math"
	"strconv"
	"time"

	"github.com/detente/detente/graph"
)

// appendRel appends r's JSON to b, byte for byte what encoding/json writes
// (with HTML escaping off), for the common shape of a bulk-loaded tie: no
// citations, no note, plain ASCII ids, ordinary numbers and dates. It
// reports false, having appended nothing, for anything else, which the
// caller then hands to encoding/json.
//
// Hand-written because encoding/json spends some 3 µs a relationship on
// reflection, time formatting and the dates' own MarshalJSON (which goes
// through fmt): a third of a million-relationship import. TestAppendRel
// holds it to encoding/json's output, and to graph.Relationship's fields.
func appendRel(b []byte, r *graph.Relationship) ([]byte, bool) {
	if r.Sources == nil || len(r.Sources) > 0 || r.Note != "" ||
		!plain(r.ID) || !plain(r.Source) || !plain(r.Target) || !plain(r.Type) ||
		!plainFloat(r.Weight) || !plainFloat(r.Confidence) ||
		!plainTime(r.CreatedAt) || !plainTime(r.UpdatedAt) ||
		(r.ValidFrom != nil && !plainDate(*r.ValidFrom)) || (r.ValidTo != nil && !plainDate(*r.ValidTo)) {
		return b, false
	}
	b = append(b, `{"id":"`...)
	b = append(b, r.ID...)
	b = append(b, `","source":"`...)
	b = append(b, r.Source...)
	b = append(b, `","target":"`...)
	b = append(b, r.Target...)
	b = append(b, `","type":"`...)
	b = append(b, r.Type...)
	b = append(b, `","weight":`...)
	b = strconv.AppendFloat(b, r.Weight, 'f', -1, 64)
	b = append(b, `,"confidence":`...)
	b = strconv.AppendFloat(b, r.Confidence, 'f', -1, 64)
	if r.ValidFrom != nil {
		b = append(b, `,"valid_from":`...)
		b = appendDate(b, *r.ValidFrom)
	}
	if r.ValidTo != nil {
		b = append(b, `,"valid_to":`...)
		b = appendDate(b, *r.ValidTo)
	}
	b = append(b, `,"sources":[],"created_at":"`...)
	b = r.CreatedAt.AppendFormat(b, time.RFC3339Nano)
	b = append(b, `","updated_at":"`...)
	b = r.UpdatedAt.AppendFormat(b, time.RFC3339Nano)
	return append(b, `"}`...), true
}

// plain reports whether encoding/json writes s as it is: printable ASCII
// without quotes or backslashes.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// plainFloat reports whether encoding/json writes f in plain decimal
// notation ('f' format), as it does for magnitudes in [1e-6, 1e21).
func plainFloat(f float64) bool {
	a := math.Abs(f)
	return f == 0 || (a >= 1e-6 && a < 1e21)
}

// plainTime reports whether t's MarshalJSON is its RFC 3339 form: a year
// of four digits and a zone offset of whole minutes.
func plainTime(t time.Time) bool {
	y := t.Year()
	_, off := t.Zone()
	return y >= 0 && y <= 9999 && off%60 == 0
}

func plainDate(d graph.Date) bool {
	return d.Year >= 0 && d.Year <= 9999 && d.Month >= 1 && d.Month <= 12 && d.Day >= 1 && d.Day <= 99
}

func appendDate(b []byte, d graph.Date) []byte {
	y, m := d.Year, int(d.Month)
	return append(b, '"',
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-',
		byte('0'+d.Day/10), byte('0'+d.Day%10), '"')
}
