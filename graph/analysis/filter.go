package analysis

import (
	"slices"
	"strconv"
	"strings"

	"github.com/detente/detente/graph"
)

// Polarity values a Filter accepts.
const (
	PolarityAll      = "all"
	PolarityPositive = "positive"
	PolarityNegative = "negative"
	// PolaritySigned keeps the cooperative and the conflictual ties and
	// leaves out the structural (polarity 0) ones: the default of actor
	// influence, where membership is a connection, not influence.
	PolaritySigned = "signed"
)

// Polarities returns the accepted Filter.Polarity values; the slice is the
// caller's.
func Polarities() []string {
	return []string{PolarityPositive, PolarityNegative, PolaritySigned, PolarityAll}
}

// Filter selects the relationships an analysis runs on. The projection's
// actors are the endpoints of the selected relationships: an actor with no
// selected tie is not part of the analysed graph (as in a NetworkX graph
// built by adding edges).
type Filter struct {
	// Types keeps only relationships of these types; empty keeps all.
	Types []string
	// AsOf keeps only relationships valid on that day.
	AsOf *graph.Date
	// Polarity keeps cooperative ("positive", polarity +1), conflictual
	// ("negative", -1), signed (both, "signed": no structural polarity-0
	// types) or all ("all", the default when empty, including the
	// structural types) relationships. Actor influence defaults to
	// "signed" instead (see Service.ActorInfluence).
	Polarity string
	// Weighted makes the algorithms use relationship weights (see the
	// package documentation for how each one reads them).
	Weighted bool
}

// Validate checks the filter against the registry and reports every
// problem at once, each under its query parameter name.
func (f Filter) Validate(reg graph.Registry) error {
	if errs := f.fieldErrors(reg); len(errs) > 0 {
		return graph.Invalid("invalid analysis filter", errs...)
	}
	return nil
}

func (f Filter) fieldErrors(reg graph.Registry) []graph.FieldError {
	var errs []graph.FieldError
	for _, t := range f.Types {
		if _, ok := reg.Get(t); !ok {
			errs = append(errs, graph.FieldError{Path: "types",
				Message: "unknown relationship type " + strconv.Quote(t) + "; registered: " + strings.Join(reg.Names(), ", ")})
		}
	}
	switch f.Polarity {
	case "", PolarityAll, PolarityPositive, PolarityNegative, PolaritySigned:
	default:
		errs = append(errs, graph.FieldError{Path: "polarity", Message: "must be one of " + strings.Join(Polarities(), ", ")})
	}
	return errs
}

// normalized returns the filter with sorted, de-duplicated types and the
// default polarity filled in, so equal selections share one cache entry.
func (f Filter) normalized() Filter {
	if len(f.Types) > 0 {
		ts := slices.Clone(f.Types)
		slices.Sort(ts)
		f.Types = slices.Compact(ts)
	}
	if f.Polarity == "" {
		f.Polarity = PolarityAll
	}
	if f.AsOf != nil {
		d := *f.AsOf
		f.AsOf = &d
	}
	return f
}

// selectionKey identifies the relationships f selects, independently of
// Weighted: weighted and unweighted analyses share one projection.
func (f Filter) selectionKey() string {
	f = f.normalized()
	var b strings.Builder
	b.WriteString(f.Polarity)
	b.WriteByte('|')
	if f.AsOf != nil {
		b.WriteString(f.AsOf.String())
	}
	b.WriteByte('|')
	b.WriteString(strings.Join(f.Types, ","))
	return b.String()
}

// admits reports whether f selects relationship r of type t (the
// reference form of admitsRel, which the projection reads).
func (f *Filter) admits(r *graph.Relationship, t graph.RelationshipType) bool {
	return f.admitsType(r.Type, t) && (f.AsOf == nil || r.ValidOn(*f.AsOf))
}

// admitsRel reports whether f selects relationship ri of b, of type t,
// exactly as admits would select the whole record.
func (f *Filter) admitsRel(b *base, ri int32, t graph.RelationshipType) bool {
	return f.admitsType(t.Name, t) && (f.AsOf == nil || b.validOn(ri, *f.AsOf))
}

// admitsType reports whether f selects a relationship of type typ, whose
// registry entry is t.
func (f *Filter) admitsType(typ string, t graph.RelationshipType) bool {
	if len(f.Types) > 0 && !slices.Contains(f.Types, typ) {
		return false
	}
	switch f.Polarity {
	case PolarityPositive:
		if t.Polarity != 1 {
			return false
		}
	case PolarityNegative:
		if t.Polarity != -1 {
			return false
		}
	case PolaritySigned:
		if t.Polarity == 0 {
			return false
		}
	}
	return true
}
