package graph

import (
	"errors"
	"fmt"
	"strings"
	"syscall"
)

// Code classifies a domain error. A caller maps each code to its own
// answer in one table (the API to a status); drivers translate their
// backend's errors into these codes.
type Code string

const (
	EINVALID      Code = "invalid"      // bad input
	ENOTFOUND     Code = "not_found"    // a named resource does not exist
	ECONFLICT     Code = "conflict"     // duplicate id, or delete blocked by dependants
	EPRECONDITION Code = "precondition" // the record is no longer at the revision a write named
	ETOOLARGE     Code = "too_large"    // a result or request exceeds a documented cap
	EUNAVAILABLE  Code = "unavailable"  // the store cannot be reached, or the query ran out of time
	EFULL         Code = "storage_full" // the store has no space left to write (its disk or quota is full)
	EINTERNAL     Code = "internal"     // a bug; details never shown to users
)

// FieldError is one problem with one input field, located by a JSON path
// such as "$.relationships[3].weight".
type FieldError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// Error is the domain error every Store method returns. Message is safe to
// show to users; Err (if any) is the underlying cause and is not.
type Error struct {
	Code    Code
	Message string
	Fields  []FieldError
	Err     error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(string(e.Code))
	b.WriteString(": ")
	b.WriteString(e.Message)
	for _, f := range e.Fields {
		fmt.Fprintf(&b, "; %s: %s", f.Path, f.Message)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf builds a domain error with a formatted, user-safe message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid builds an EINVALID error carrying every field problem at once.
func Invalid(message string, fields ...FieldError) *Error {
	return &Error{Code: EINVALID, Message: message, Fields: fields}
}

// Unavailable wraps a cause (a driver error, a deadline) as EUNAVAILABLE.
func Unavailable(message string, cause error) *Error {
	return &Error{Code: EUNAVAILABLE, Message: message, Err: cause}
}

// WriteFailed is the domain error of a write a store could not make:
// EFULL when the cause is a full disk or quota (ENOSPC, EDQUOT anywhere
// in its chain), which waiting does not fix and an operator must,
// else EUNAVAILABLE with message. Drivers pass their backend's error
// here, so that this decision is made once.
func WriteFailed(message string, cause error) *Error {
	if errors.Is(cause, syscall.ENOSPC) || errors.Is(cause, syscall.EDQUOT) {
		return &Error{Code: EFULL, Message: "the store has no space left to write; nothing was written", Err: cause}
	}
	return Unavailable(message, cause)
}

// Internal wraps an unexpected cause; users see only "internal error".
func Internal(cause error) *Error {
	return &Error{Code: EINTERNAL, Message: "internal error", Err: cause}
}

// ErrorCode returns the code of a domain error, or EINTERNAL for any other.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// fieldErrors collects problems while validating a value.
type fieldErrors []FieldError

func (f *fieldErrors) add(path, format string, args ...any) {
	*f = append(*f, FieldError{Path: path, Message: fmt.Sprintf(format, args...)})
}
