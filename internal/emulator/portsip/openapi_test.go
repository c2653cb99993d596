package portsip_test

// A small OpenAPI 3.x response validator, enough for the PortSIP spec: type
// (including type arrays and nullable), required, properties,
// additionalProperties, enum, items, min/maxItems, allOf/oneOf/anyOf, $ref to
// anything in the document, format date-time (the spec spells it "date_time")
// and int32/int64, minimum/maximum (and the exclusive forms), minLength,
// maxLength and pattern. It lives in a test file so that the module gains no
// dependency.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// specFile is the vendor's spec, in the shared/api directory of the
// repository's parent (or of any directory above this package: worktrees sit
// deeper than the main checkout).
const specFile = "shared/api/portsip-openapi-conference.json"

// findSpec walks up from the package directory to the first directory that
// has specFile, and returns "" when none has.
func findSpec() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, specFile)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// requireSpec returns the spec, or skips the test when the file is absent,
// saying what was not checked; in CI (CI set) an absent spec fails the test.
func requireSpec(t *testing.T, unchecked string) *openAPI {
	t.Helper()
	spec, err := loadSpec()
	if err != nil {
		t.Fatal(err)
	}
	if spec == nil {
		msg := fmt.Sprintf("the vendor's OpenAPI spec (%s) is in no directory above this package; not checked: %s", specFile, unchecked)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return spec
}

type openAPI struct {
	doc   map[string]any
	paths []specRoute
}

type specRoute struct {
	template string
	segs     []string
	item     map[string]any
}

var (
	specOnce sync.Once
	specDoc  *openAPI
	specErr  error
)

// loadSpec reads the spec once; it returns (nil, nil) when the file is absent.
func loadSpec() (*openAPI, error) {
	specOnce.Do(func() {
		path := findSpec()
		if path == "" {
			return
		}
		data, err := os.ReadFile(path)
		if err != nil {
			specErr = err
			return
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var doc map[string]any
		if err := dec.Decode(&doc); err != nil {
			specErr = fmt.Errorf("%s: %w", path, err)
			return
		}
		s := &openAPI{doc: doc}
		paths, _ := doc["paths"].(map[string]any)
		for tpl, item := range paths {
			m, _ := item.(map[string]any)
			s.paths = append(s.paths, specRoute{template: tpl, segs: strings.Split(strings.Trim(tpl, "/"), "/"), item: m})
		}
		// Most literal segments first, so that /participants/layout wins over
		// /participants/{participant_id}.
		sort.Slice(s.paths, func(i, j int) bool {
			return literalCount(s.paths[i].segs) > literalCount(s.paths[j].segs)
		})
		specDoc = s
	})
	return specDoc, specErr
}

func literalCount(segs []string) int {
	n := 0
	for _, s := range segs {
		if !strings.HasPrefix(s, "{") {
			n++
		}
	}
	return n
}

// operation finds the spec operation serving method and an emulator URL path
// (the spec's server URL already ends in /api).
func (s *openAPI) operation(method, urlPath string) (template string, op map[string]any, found bool) {
	p := strings.TrimPrefix(urlPath, "/api")
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for _, r := range s.paths {
		if len(r.segs) != len(segs) {
			continue
		}
		match := true
		for i, seg := range r.segs {
			if !strings.HasPrefix(seg, "{") && seg != segs[i] {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		if op, ok := r.item[strings.ToLower(method)].(map[string]any); ok {
			return r.template, op, true
		}
	}
	return "", nil, false
}

// responseSchema returns the JSON schema of op's answer with status: the exact
// code, else its class ("4XX"), else "default". declared is false when the spec
// has no such response at all; schema is nil when the response has no JSON
// content.
func responseSchema(op map[string]any, status int) (schema any, declared bool) {
	responses, _ := op["responses"].(map[string]any)
	var resp map[string]any
	for _, key := range []string{fmt.Sprint(status), fmt.Sprintf("%dXX", status/100), "default"} {
		if r, ok := responses[key].(map[string]any); ok {
			resp = r
			break
		}
	}
	if resp == nil {
		return nil, false
	}
	content, _ := resp["content"].(map[string]any)
	media, _ := content["application/json"].(map[string]any)
	if media == nil {
		return nil, true
	}
	return media["schema"], true
}

// validateJSON checks data against schema and returns every violation.
func (s *openAPI) validateJSON(schema any, data []byte) []string {
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

func (s *openAPI) resolve(ref string) (any, error) {
	if !strings.HasPrefix(ref, "#/") {
		return nil, fmt.Errorf("unsupported $ref %q", ref)
	}
	var cur any = s.doc
	for _, part := range strings.Split(ref[2:], "/") {
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("$ref %q does not resolve", ref)
		}
		if cur, ok = m[part]; !ok {
			return nil, fmt.Errorf("$ref %q does not resolve", ref)
		}
	}
	return cur, nil
}

func (s *openAPI) validate(schemaAny any, v any, at string, errs *[]string) {
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
		target, err := s.resolve(ref)
		if err != nil {
			fail("%v", err)
			return
		}
		s.validate(target, v, at, errs)
		// OpenAPI 3.1 allows siblings of $ref; check them too.
	}
	for _, sub := range list(schema["allOf"]) {
		s.validate(sub, v, at, errs)
	}
	if subs := list(schema["anyOf"]); len(subs) > 0 {
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
	if subs := list(schema["oneOf"]); len(subs) > 0 {
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
	if enum := list(schema["enum"]); len(enum) > 0 {
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
		for _, req := range list(schema["required"]) {
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
		if f, _ := schema["format"].(string); f == "date-time" || f == "date_time" {
			// RFC 3339 section 5.6, and the overview's "mandatory Z" (UTC).
			if _, err := time.Parse(time.RFC3339Nano, val); err != nil {
				fail("%q is not an RFC 3339 date-time", val)
			} else if !strings.HasSuffix(val, "Z") {
				fail("%q is not in UTC (the spec's timestamps end in Z)", val)
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

func list(v any) []any {
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

// specProperties lists the property names of an object schema, following
// allOf, for completeness checks.
func specProperties(schema any) []string {
	m, _ := schema.(map[string]any)
	var out []string
	props, _ := m["properties"].(map[string]any)
	for name := range props {
		out = append(out, name)
	}
	for _, sub := range list(m["allOf"]) {
		out = append(out, specProperties(sub)...)
	}
	sort.Strings(out)
	return out
}
