package portsip

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// body is a JSON object request body, decoded field by field so that every
// problem (unknown field, wrong type, bad value) becomes its own VALIDATE_FAILED
// entry naming the field.
//
// Null, where the API allows it at all, means "no value": it clears an
// optional field on update (see clearable fields in rooms.go). An empty body is
// taken as {}.
type body struct {
	fields map[string]json.RawMessage
	p      *problems
}

// decodeBody parses raw as a JSON object. It returns nil (and records the
// problem) when raw is not one.
func decodeBody(raw []byte, p *problems) *body {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return &body{fields: map[string]json.RawMessage{}, p: p}
	}
	var fields map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&fields); err != nil || fields == nil {
		if json.Valid(raw) {
			p.add("", "request body must be a JSON object")
		} else {
			p.add("", "request body is not valid JSON: %v", err)
		}
		return nil
	}
	if dec.More() {
		p.add("", "request body must hold exactly one JSON object")
		return nil
	}
	return &body{fields: fields, p: p}
}

// allow rejects every field that is not in known. fixed gives the message for
// fields the API knows but does not take here ("cannot be updated", "is
// read-only"); any other field is unknown. A rejected field is dropped, so
// that code shared by several operations (rooms' and meetings' fields) reads
// only what this one takes and reports nothing more about the others.
func (b *body) allow(known []string, fixed map[string]string) {
	names := make([]string, 0, len(b.fields))
	for name := range b.fields {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if slices.Contains(known, name) {
			continue
		}
		delete(b.fields, name)
		if msg, ok := fixed[name]; ok {
			b.p.add(name, "%s %s", name, msg)
			continue
		}
		b.p.add(name, "unknown field %q; allowed fields: %s", name, strings.Join(known, ", "))
	}
}

// require records "X is required" for each name that is absent or null.
func (b *body) require(names ...string) {
	for _, name := range names {
		if !b.given(name) {
			b.p.add(name, "%s is required", name)
		}
	}
}

// notNull records "X must not be null" for each name sent as null: fields
// that always have a value cannot be cleared.
func (b *body) notNull(names ...string) {
	for _, name := range names {
		if b.null(name) {
			b.p.add(name, "%s must not be null", name)
		}
	}
}

func (b *body) present(name string) bool {
	_, ok := b.fields[name]
	return ok
}

func (b *body) null(name string) bool {
	raw, ok := b.fields[name]
	return ok && string(raw) == "null"
}

// given reports whether name is present with a value other than null.
func (b *body) given(name string) bool {
	return b.present(name) && !b.null(name)
}

// str returns the string value of name; ok is false when it is absent, null,
// or not a string (the last is recorded as a problem).
func (b *body) str(name string) (string, bool) {
	if !b.given(name) {
		return "", false
	}
	var s string
	raw := b.fields[name]
	if raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		b.p.add(name, "%s must be a string", name)
		return "", false
	}
	return s, true
}

// integer returns the integer value of name within [lo, hi].
func (b *body) integer(name string, lo, hi int64) (int64, bool) {
	if !b.given(name) {
		return 0, false
	}
	raw := string(b.fields[name])
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		// A JSON number that does not fit (or 1e3, 2.0) is still a number:
		// report the range rather than the type when it is integral.
		if f, ferr := strconv.ParseFloat(raw, 64); ferr == nil && !math.IsInf(f, 0) && f == math.Trunc(f) && (f < float64(lo) || f > float64(hi)) {
			b.p.add(name, "%s must be between %d and %d", name, lo, hi)
		} else {
			b.p.add(name, "%s must be an integer", name)
		}
		return 0, false
	}
	if n < lo || n > hi {
		b.p.add(name, "%s must be between %d and %d", name, lo, hi)
		return 0, false
	}
	return n, true
}

func (b *body) boolean(name string) (bool, bool) {
	if !b.given(name) {
		return false, false
	}
	switch string(b.fields[name]) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	b.p.add(name, "%s must be a boolean", name)
	return false, false
}

// enum returns the value of name when it is one of allowed (exact case, as
// the spec's enums are written).
func (b *body) enum(name string, allowed []string) (string, bool) {
	s, ok := b.str(name)
	if !ok {
		return "", false
	}
	if !slices.Contains(allowed, s) {
		b.p.add(name, "%s must be one of %s", name, strings.Join(allowed, ", "))
		return "", false
	}
	return s, true
}

// length checks that a string has 1 to maxChars characters (Unicode code points).
func (b *body) length(name, s string, maxChars int) bool {
	if n := utf8.RuneCountInString(s); n >= 1 && n <= maxChars {
		return true
	}
	b.p.add(name, "%s must be 1 to %d characters", name, maxChars)
	return false
}

// rawField decodes name into v, recording a type problem with what.
func (b *body) rawField(name, what string, v any) bool {
	if !b.given(name) {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(b.fields[name]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		b.p.add(name, "%s must be %s: %s", name, what, plainJSONError(err))
		return false
	}
	return true
}

// plainJSONError turns encoding/json's message into one that names JSON
// concepts rather than Go types.
func plainJSONError(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			return fmt.Sprintf("%s must be a %s", te.Field, jsonKind(te.Type.Kind().String()))
		}
		return "got a " + te.Value
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

func jsonKind(goKind string) string {
	switch goKind {
	case "string":
		return "string"
	case "bool":
		return "boolean"
	case "slice", "array":
		return "array"
	case "struct", "map":
		return "object"
	default:
		return "number"
	}
}

// parseTime accepts an RFC 3339 date-time (section 5.6) and returns it in UTC,
// the form the API answers with (portsip-openapi-conference.json, Timestamps).
func parseTime(s string) (time.Time, bool) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, false
	}
	return t.UTC(), true
}
