package sqmeeting

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// fields is a JSON object request body, read field by field so that every
// broken rule is reported, all of them in one answer (the envelope has room
// for one message: they are joined with "; ").
//
// The vendor's clients disagree on JSON types: the macOS client sends times
// as strings ("schedule_start_time": "1641525383726"), the Android SDK sends
// guest_dial_in, watermark and time_to_join as strings, the document sends
// numbers and booleans. The emulator takes both spellings of a number or a
// boolean, and always answers with JSON numbers and booleans.
type fields map[string]json.RawMessage

// problems collects the broken rules of one request.
type problems []string

func (p *problems) add(format string, args ...any) { *p = append(*p, fmt.Sprintf(format, args...)) }

func (p problems) reply() reply { return invalid("%s", strings.Join(p, "; ")) }

// parseBody reads raw as a JSON object; an empty body is {}.
func parseBody(raw []byte) (fields, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return fields{}, nil
	}
	var f fields
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&f); err != nil || f == nil {
		return nil, fmt.Errorf("request body must be a JSON object")
	}
	if dec.More() {
		return nil, fmt.Errorf("request body must hold exactly one JSON object")
	}
	return f, nil
}

// known reports every field outside allowed as unknown.
func (f fields) known(p *problems, allowed []string) {
	names := make([]string, 0, len(f))
	for name := range f {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if !slices.Contains(allowed, name) {
			p.add("unknown field %q", name)
		}
	}
}

// has reports whether name is present with a value other than null.
func (f fields) has(name string) bool {
	raw, ok := f[name]
	return ok && string(raw) != "null"
}

// null reports whether name is present as null.
func (f fields) null(name string) bool {
	raw, ok := f[name]
	return ok && string(raw) == "null"
}

func (f fields) str(p *problems, name string) (string, bool) {
	if !f.has(name) {
		return "", false
	}
	var s string
	if raw := f[name]; raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		p.add("%s must be a string", name)
		return "", false
	}
	return s, true
}

// scalar is the text of a number or of a string holding one.
func (f fields) scalar(name string) string { return scalarText(f[name]) }

func scalarText(raw json.RawMessage) string {
	var s string
	if raw[0] == '"' && json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	return string(raw)
}

func (f fields) integer(p *problems, name string) (int64, bool) {
	if !f.has(name) {
		return 0, false
	}
	n, err := strconv.ParseInt(f.scalar(name), 10, 64)
	if err != nil {
		p.add("%s must be an integer", name)
		return 0, false
	}
	return n, true
}

// millis reads a time: epoch milliseconds (the document's "Times are epoch
// milliseconds", NOTES.md).
func (f fields) millis(p *problems, name string) (int64, bool) {
	if !f.has(name) {
		return 0, false
	}
	n, err := strconv.ParseInt(f.scalar(name), 10, 64)
	if err != nil || n <= 0 {
		p.add("%s must be a time in epoch milliseconds", name)
		return 0, false
	}
	return n, true
}

func (f fields) boolean(p *problems, name string) (bool, bool) {
	if !f.has(name) {
		return false, false
	}
	switch f.scalar(name) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	p.add("%s must be true or false", name)
	return false, false
}

// enum reads a string that must be one of allowed.
func (f fields) enum(p *problems, name string, allowed ...string) (string, bool) {
	s, ok := f.str(p, name)
	if !ok {
		return "", false
	}
	if !slices.Contains(allowed, s) {
		p.add("%s must be one of %s", name, strings.Join(allowed, ", "))
		return "", false
	}
	return s, true
}

func (f fields) strings(p *problems, name string) ([]string, bool) {
	if !f.has(name) {
		return nil, false
	}
	var out []string
	if err := json.Unmarshal(f[name], &out); err != nil {
		p.add("%s must be an array of strings", name)
		return nil, false
	}
	return out, true
}

// ints reads an array of integers within [lo, hi], without repeats.
func (f fields) ints(p *problems, name string, lo, hi int) ([]int, bool) {
	if !f.has(name) {
		return nil, false
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(f[name], &raw); err != nil {
		p.add("%s must be an array of integers", name)
		return nil, false
	}
	out := make([]int, 0, len(raw))
	for _, r := range raw {
		n, err := strconv.Atoi(scalarText(r))
		if err != nil || n < lo || n > hi {
			p.add("%s must hold integers from %d to %d", name, lo, hi)
			return nil, false
		}
		if slices.Contains(out, n) {
			p.add("%s holds %d twice", name, n)
			return nil, false
		}
		out = append(out, n)
	}
	slices.Sort(out)
	return out, true
}

// invitees reads invited_users_detail, the document's create form
// ([{user_id, username, real_name}]): only user_id counts.
func (f fields) invitees(p *problems, name string) ([]string, bool) {
	if !f.has(name) {
		return nil, false
	}
	var items []struct {
		UserID string `json:"user_id"`
	}
	if err := json.Unmarshal(f[name], &items); err != nil {
		p.add("%s must be an array of {user_id, username, real_name}", name)
		return nil, false
	}
	ids := make([]string, 0, len(items))
	for _, it := range items {
		ids = append(ids, it.UserID)
	}
	return ids, true
}
