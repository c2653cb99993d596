package whereby

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// problems collects every violation of one request, so that a client learns
// about all of them at once: the envelope has one message, so they are joined
// with "; ". Each names the field by its JSON path in quotes
// ("recording.destination.bucket"), which is how the real API's validation
// messages read.
type problems []string

func (p *problems) add(format string, args ...any) {
	*p = append(*p, fmt.Sprintf(format, args...))
}

func (p problems) reply() reply { return badRequest("%s", strings.Join(p, "; ")) }

// object is one JSON object of a request body, checked field by field.
type object struct {
	path   string // "" for the body, "recording." for a nested object
	fields map[string]json.RawMessage
	p      *problems
}

// decodeObject reads raw as a JSON object; nil (and a problem) when it is
// not one. An empty body is {}: its required fields are then reported.
func decodeObject(raw []byte, path string, p *problems) *object {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return &object{path: path, fields: map[string]json.RawMessage{}, p: p}
	}
	var fields map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&fields); err != nil || fields == nil || dec.More() {
		if path == "" {
			if json.Valid(raw) {
				p.add("the request body must be a JSON object")
			} else {
				p.add("the request body is not valid JSON")
			}
		} else {
			p.add("%q must be an object", strings.TrimSuffix(path, "."))
		}
		return nil
	}
	return &object{path: path, fields: fields, p: p}
}

// name is a field's path, for messages.
func (o *object) name(field string) string { return fmt.Sprintf("%q", o.path+field) }

// allow reports every field that is not in known. The document's schemas do
// not forbid other fields, but a field the API does not know is a client's
// typo or a misunderstanding, and silently dropping it would hide both.
func (o *object) allow(known ...string) {
	names := make([]string, 0, len(o.fields))
	for n := range o.fields {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if !slices.Contains(known, n) {
			o.p.add("%s is not allowed", o.name(n))
		}
	}
}

// require reports each field that is absent. A null is present: the fields
// that take null say so, the others report it as the wrong type.
func (o *object) require(fields ...string) {
	for _, f := range fields {
		if _, ok := o.fields[f]; !ok {
			o.p.add("%s is required", o.name(f))
		}
	}
}

func (o *object) present(field string) bool {
	_, ok := o.fields[field]
	return ok
}

func (o *object) null(field string) bool {
	raw, ok := o.fields[field]
	return ok && string(raw) == "null"
}

// str returns the string value of field; ok is false when it is absent or
// not a string (the latter reported).
func (o *object) str(field string) (string, bool) {
	raw, present := o.fields[field]
	if !present {
		return "", false
	}
	var s string
	if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		o.p.add("%s must be a string", o.name(field))
		return "", false
	}
	return s, true
}

// nonEmpty is str for a field that must hold something when given.
func (o *object) nonEmpty(field string) (string, bool) {
	s, ok := o.str(field)
	if ok && s == "" {
		o.p.add("%s is not allowed to be empty", o.name(field))
		return "", false
	}
	return s, ok
}

func (o *object) boolean(field string) (bool, bool) {
	raw, present := o.fields[field]
	if !present {
		return false, false
	}
	switch string(raw) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	o.p.add("%s must be a boolean", o.name(field))
	return false, false
}

// enum returns field's value when it is one of allowed (exact case, as the
// document writes its enums).
func (o *object) enum(field string, allowed ...string) (string, bool) {
	s, ok := o.str(field)
	if !ok {
		return "", false
	}
	if !slices.Contains(allowed, s) {
		o.p.add("%s must be one of [%s]", o.name(field), strings.Join(allowed, ", "))
		return "", false
	}
	return s, true
}

// nullableEnum is enum for a field whose null the document gives a meaning
// ("null - The value should be taken from the organization settings").
func (o *object) nullableEnum(field string, allowed ...string) {
	if !o.null(field) {
		o.enum(field, allowed...)
	}
}

// object returns the nested object under field; nil when it is absent or not
// an object (the latter reported).
func (o *object) object(field string) *object {
	raw, present := o.fields[field]
	if !present {
		return nil
	}
	return decodeObject(raw, o.path+field+".", o.p)
}

// enumList returns field's value when it is an array of allowed strings.
func (o *object) enumList(field string, allowed ...string) []string {
	raw, present := o.fields[field]
	if !present {
		return nil
	}
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil || items == nil {
		o.p.add("%s must be an array", o.name(field))
		return nil
	}
	out := make([]string, 0, len(items))
	for i, item := range items {
		var s string
		if len(item) == 0 || item[0] != '"' || json.Unmarshal(item, &s) != nil || !slices.Contains(allowed, s) {
			o.p.add("%q must be one of [%s]", fmt.Sprintf("%s%s[%d]", o.path, field, i), strings.Join(allowed, ", "))
			continue
		}
		out = append(out, s)
	}
	return out
}
