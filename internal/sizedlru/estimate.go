package sizedlru

import "reflect"

// Estimate is the bytes a value holds, for Add: the value itself plus
// everything it reaches through pointers, slices, maps, strings and
// interfaces, each pointer followed once. It counts backing arrays at
// their length (not capacity) and maps at their entries, so it
// underestimates allocator slack; it is meant to rank and bound answers,
// not to account for every byte.
func Estimate(v any) int64 {
	if v == nil {
		return 0
	}
	seen := map[uintptr]bool{}
	rv := reflect.ValueOf(v)
	return int64(rv.Type().Size()) + deep(rv, seen)
}

// deep is what v reaches beyond its own Type().Size() bytes.
func deep(v reflect.Value, seen map[uintptr]bool) int64 {
	switch v.Kind() {
	case reflect.String:
		return int64(v.Len())
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return 0
		}
		seen[v.Pointer()] = true
		e := v.Elem()
		return int64(e.Type().Size()) + deep(e, seen)
	case reflect.Interface:
		if v.IsNil() {
			return 0
		}
		e := v.Elem()
		return int64(e.Type().Size()) + deep(e, seen)
	case reflect.Slice:
		if v.IsNil() {
			return 0
		}
		n := int64(v.Len()) * int64(v.Type().Elem().Size())
		if hasRefs(v.Type().Elem()) {
			for i := range v.Len() {
				n += deep(v.Index(i), seen)
			}
		}
		return n
	case reflect.Array:
		var n int64
		if hasRefs(v.Type().Elem()) {
			for i := range v.Len() {
				n += deep(v.Index(i), seen)
			}
		}
		return n
	case reflect.Map:
		if v.IsNil() {
			return 0
		}
		n := int64(v.Len()) * int64(v.Type().Key().Size()+v.Type().Elem().Size())
		for it := v.MapRange(); it.Next(); {
			n += deep(it.Key(), seen) + deep(it.Value(), seen)
		}
		return n
	case reflect.Struct:
		var n int64
		for i := range v.NumField() {
			n += deep(v.Field(i), seen)
		}
		return n
	}
	return 0
}

// hasRefs reports whether a value of type t can reach memory beyond its
// own bytes.
func hasRefs(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map:
		return true
	case reflect.Array:
		return hasRefs(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if hasRefs(t.Field(i).Type) {
				return true
			}
		}
	}
	return false
}
