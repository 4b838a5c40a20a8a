package graph

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"math"
	"time"
)

// ETag is a strong entity tag for a resource: a hash of what a client
// sees of it, so it changes exactly when that changes, on either store.
//
// Actors, relationships and relationship types (the resources with tags,
// by value or pointer) are hashed field by field: every GET of one
// computed a tag, and marshalling it to JSON to hash it cost more than the
// rest of the request (issue 9). Each field goes in length-prefixed, so
// no two values share an encoding; nil and empty lists and maps count as
// the same, as the API shows both as [] (or leaves an empty map out), and
// times count by their instant, as the API shows them in UTC.
// TestETagCoversEveryField changes each field in turn and wants a new tag,
// so a field added later cannot be left out. Any other value is hashed
// in its JSON form.
func ETag(v any) string {
	var buf [512]byte // a typical resource's fields fit: no allocation
	b := buf[:0]
	switch x := v.(type) {
	case Actor:
		b = tagActor(b, &x)
	case *Actor:
		b = tagActor(b, x)
	case Relationship:
		b = tagRelationship(b, &x)
	case *Relationship:
		b = tagRelationship(b, x)
	case RelationshipType:
		b = tagType(b, &x)
	case *RelationshipType:
		b = tagType(b, x)
	default:
		j, _ := json.Marshal(v)
		b = append(append(b, 'J'), j...)
	}
	sum := sha256.Sum256(b)
	var out [2 + 24]byte
	out[0] = '"'
	hex.Encode(out[1:25], sum[:12])
	out[25] = '"'
	return string(out[:])
}

func tagStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func tagStrs(b []byte, ss []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(ss)))
	for _, s := range ss {
		b = tagStr(b, s)
	}
	return b
}

func tagNum(b []byte, f float64) []byte {
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
}
func tagInt(b []byte, i int64) []byte { return binary.AppendVarint(b, i) }

func tagBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

func tagTime(b []byte, t time.Time) []byte {
	return tagInt(tagInt(b, t.Unix()), int64(t.Nanosecond()))
}

func tagDate(b []byte, d *Date) []byte {
	b = tagBool(b, d != nil)
	if d != nil {
		b = tagInt(tagInt(tagInt(b, int64(d.Year)), int64(d.Month)), int64(d.Day))
	}
	return b
}

func tagActor(b []byte, a *Actor) []byte {
	b = append(b, 'A')
	b = tagStr(b, a.ID)
	b = tagStr(b, a.Name)
	b = tagStr(b, string(a.Kind))
	b = tagStrs(b, a.Aliases)
	b = tagStr(b, a.CountryCode)
	b = tagStr(b, a.Region)
	b = tagStrs(b, a.Tags)
	b = tagStr(b, a.Description)
	// Attributes are free-form JSON: their JSON form (keys sorted by
	// encoding/json) is what the client sees.
	if len(a.Attributes) == 0 {
		b = tagStr(b, "")
	} else {
		j, _ := json.Marshal(a.Attributes)
		b = binary.AppendUvarint(b, uint64(len(j)))
		b = append(b, j...)
	}
	b = tagTime(b, a.CreatedAt)
	return tagTime(b, a.UpdatedAt)
}

func tagRelationship(b []byte, r *Relationship) []byte {
	b = append(b, 'R')
	b = tagStr(b, r.ID)
	b = tagStr(b, r.Source)
	b = tagStr(b, r.Target)
	b = tagStr(b, r.Type)
	b = tagNum(b, r.Weight)
	b = tagNum(b, r.Confidence)
	b = tagDate(b, r.ValidFrom)
	b = tagDate(b, r.ValidTo)
	b = binary.AppendUvarint(b, uint64(len(r.Sources)))
	for i := range r.Sources {
		c := &r.Sources[i]
		b = tagStr(b, c.Title)
		b = tagStr(b, c.URL)
		b = tagStr(b, c.Quote)
		b = tagDate(b, c.Published)
	}
	b = tagStr(b, r.Note)
	b = tagTime(b, r.CreatedAt)
	return tagTime(b, r.UpdatedAt)
}

func tagType(b []byte, t *RelationshipType) []byte {
	b = append(b, 'T')
	b = tagStr(b, t.Name)
	b = tagInt(b, int64(t.Polarity))
	b = tagBool(b, t.Symmetric)
	b = tagNum(b, t.DefaultWeight)
	b = tagStr(b, t.Description)
	b = tagStr(b, t.CAMEO)
	b = tagBool(b, t.Goldstein != nil)
	if t.Goldstein != nil {
		b = tagNum(b, *t.Goldstein)
	}
	b = tagStr(b, t.PLOVER)
	b = tagStr(b, t.PLOVERMode)
	b = tagBool(b, t.Direct)
	return tagBool(b, t.Builtin)
}
