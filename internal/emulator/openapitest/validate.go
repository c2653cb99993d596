package openapitest

// A small OpenAPI 3.x schema validator, enough for the vendors' documents in
// ../shared/api: type (including type arrays and nullable), required,
// properties, additionalProperties, enum, items, min/maxItems,
// allOf/oneOf/anyOf, $ref to anything in the document, formats date-time
// (PortSIP spells it "date_time"), uri, int32 and int64, minimum/maximum (and
// the exclusive forms), minLength, maxLength and pattern. It is hand-written so
// that the module gains no dependency.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"net/url"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// ValidateJSON checks data against schema and returns every violation, each
// prefixed with its JSON path ("$.results[0].roomUrl: ...").
func (s *Spec) ValidateJSON(schema any, data []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return []string{"body is not JSON: " + err.Error()}
	}
	var errs []string
	s.validate(schema, v, "$", &errs)
	return errs
}

func (s *Spec) validate(schemaAny any, v any, at string, errs *[]string) {
	fail := func(format string, args ...any) {
		*errs = append(*errs, at+": "+fmt.Sprintf(format, args...))
	}
	if b, ok := schemaAny.(bool); ok {
		if !b {
			fail("no value is allowed here")
		}
		return
	}
	schema, ok := schemaAny.(map[string]any)
	if !ok || schema == nil {
		return
	}
	if ref, ok := schema["$ref"].(string); ok {
		target, err := s.Resolve(ref)
		if err != nil {
			fail("%v", err)
			return
		}
		s.validate(target, v, at, errs)
		// OpenAPI 3.1 allows siblings of $ref; check them too.
	}
	for _, sub := range List(schema["allOf"]) {
		s.validate(sub, v, at, errs)
	}
	if subs := List(schema["anyOf"]); len(subs) > 0 {
		matched := false
		for _, sub := range subs {
			var e []string
			s.validate(sub, v, at, &e)
			if len(e) == 0 {
				matched = true
				break
			}
		}
		if !matched {
			fail("matches none of anyOf")
		}
	}
	if subs := List(schema["oneOf"]); len(subs) > 0 {
		n := 0
		var firstErrs []string
		for _, sub := range subs {
			var e []string
			s.validate(sub, v, at, &e)
			if len(e) == 0 {
				n++
			} else if firstErrs == nil {
				firstErrs = e
			}
		}
		if n != 1 {
			fail("matches %d of the oneOf schemas, want exactly 1 %v", n, firstErrs)
		}
	}

	types := schemaTypes(schema)
	if v == nil {
		if len(types) > 0 && !types["null"] {
			fail("null is not allowed (type %v)", keys(types))
		}
		return
	}
	if len(types) > 0 && !types[jsonType(v, types)] {
		fail("got %s, want %v", jsonType(v, types), keys(types))
		return
	}
	if enum := List(schema["enum"]); len(enum) > 0 {
		found := false
		for _, e := range enum {
			if reflect.DeepEqual(e, v) {
				found = true
				break
			}
		}
		if !found {
			fail("%v is not one of %v", v, enum)
		}
	}
	switch val := v.(type) {
	case map[string]any:
		props, _ := schema["properties"].(map[string]any)
		for _, req := range List(schema["required"]) {
			if _, ok := val[req.(string)]; !ok {
				fail("required property %q is missing", req)
			}
		}
		for name, pv := range val {
			if ps, ok := props[name]; ok {
				s.validate(ps, pv, at+"."+name, errs)
				continue
			}
			switch ap := schema["additionalProperties"].(type) {
			case bool:
				if !ap {
					fail("property %q is not allowed", name)
				}
			case map[string]any:
				s.validate(ap, pv, at+"."+name, errs)
			}
		}
	case []any:
		if n, ok := number(schema["minItems"]); ok && float64(len(val)) < n {
			fail("%d items, want at least %v", len(val), n)
		}
		if n, ok := number(schema["maxItems"]); ok && float64(len(val)) > n {
			fail("%d items, want at most %v", len(val), n)
		}
		if items, ok := schema["items"]; ok {
			for i, item := range val {
				s.validate(items, item, fmt.Sprintf("%s[%d]", at, i), errs)
			}
		}
	case string:
		n := utf8.RuneCountInString(val)
		if m, ok := number(schema["minLength"]); ok && float64(n) < m {
			fail("%q is shorter than %v", val, m)
		}
		if m, ok := number(schema["maxLength"]); ok && float64(n) > m {
			fail("%q is longer than %v", val, m)
		}
		if pat, ok := schema["pattern"].(string); ok {
			re, err := regexp.Compile(pat)
			if err != nil {
				fail("pattern %q does not compile: %v", pat, err)
			} else if !re.MatchString(val) {
				fail("%q does not match %q", val, pat)
			}
		}
		switch f, _ := schema["format"].(string); f {
		case "date-time", "date_time":
			// RFC 3339 section 5.6, in UTC: every vendor here promises it
			// (PortSIP's overview: "mandatory Z"; Whereby: "Always in UTC").
			if _, err := time.Parse(time.RFC3339Nano, val); err != nil {
				fail("%q is not an RFC 3339 date-time", val)
			} else if !strings.HasSuffix(val, "Z") {
				fail("%q is not in UTC (the spec's timestamps end in Z)", val)
			}
		case "uri":
			// RFC 3986 absolute URI: a scheme, and for the web URLs the
			// vendors answer with, a host.
			if u, err := url.Parse(val); err != nil || u.Scheme == "" || (u.Opaque == "" && u.Host == "") {
				fail("%q is not an absolute URI", val)
			}
		}
	case json.Number:
		f, _ := val.Float64()
		if m, ok := number(schema["minimum"]); ok && f < m {
			fail("%v is below the minimum %v", val, m)
		}
		if m, ok := number(schema["maximum"]); ok && f > m {
			fail("%v is above the maximum %v", val, m)
		}
		if m, ok := number(schema["exclusiveMinimum"]); ok && f <= m {
			fail("%v is not above %v", val, m)
		}
		if m, ok := number(schema["exclusiveMaximum"]); ok && f >= m {
			fail("%v is not below %v", val, m)
		}
		switch schema["format"] {
		case "int32":
			if !fitsInt(val, 32) {
				fail("%v does not fit int32", val)
			}
		case "int64":
			if !fitsInt(val, 64) {
				fail("%v does not fit int64", val)
			}
		}
	}
}

func schemaTypes(schema map[string]any) map[string]bool {
	types := map[string]bool{}
	switch t := schema["type"].(type) {
	case string:
		types[t] = true
	case []any:
		for _, x := range t {
			if s, ok := x.(string); ok {
				types[s] = true
			}
		}
	}
	if len(types) > 0 && schema["nullable"] == true {
		types["null"] = true
	}
	return types
}

// jsonType names v's JSON type; a whole number is an "integer" when the schema
// asks for one, a "number" otherwise.
func jsonType(v any, want map[string]bool) string {
	switch val := v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "boolean"
	case json.Number:
		if want["integer"] {
			if _, ok := new(big.Int).SetString(val.String(), 10); ok {
				return "integer"
			}
		}
		return "number"
	}
	return "null"
}

func fitsInt(n json.Number, bits uint) bool {
	i, ok := new(big.Int).SetString(n.String(), 10)
	if !ok {
		return false
	}
	limit := new(big.Int).Lsh(big.NewInt(1), bits-1)
	return i.Cmp(new(big.Int).Neg(limit)) >= 0 && i.Cmp(limit) < 0
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	case float64:
		return n, true
	}
	return 0, false
}

// List is v as a JSON array, nil when it is not one.
func List(v any) []any {
	l, _ := v.([]any)
	return l
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
