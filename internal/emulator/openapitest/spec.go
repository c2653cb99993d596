// Package openapitest checks an emulator's answers against the vendor's own
// OpenAPI document in ../shared/api. It is a plain package so that every
// platform's tests share one validator, but only tests import it: the emulator
// and the provider never depend on it.
package openapitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/apidocs"
)

// Spec is a parsed OpenAPI 3.x document.
type Spec struct {
	// Path is the file the document was read from.
	Path string

	doc      map[string]any
	routes   []Route
	basePath string
}

// Route is one path of the document with its operations.
type Route struct {
	// Template is the path as the document writes it, e.g. "/meetings/{meetingId}".
	Template string
	// Operations maps a lower-case method to its operation object.
	Operations map[string]map[string]any

	segs []string
}

type loaded struct {
	once sync.Once
	spec *Spec
	err  error
}

var cache sync.Map // path and base path -> *loaded

// Load finds <file> in ../shared/api as apidocs.Find does, parses it once per
// test binary and returns it. basePath is the path of the document's server
// URL ("/api" for https://pbx/api) that the emulator's URLs carry and the
// document's paths do not. The Spec is nil, with a nil error, when the file is
// nowhere to be found.
func Load(file, basePath string) (*Spec, error) {
	path, ok := apidocs.Find(file)
	if !ok {
		return nil, nil
	}
	return load(path, basePath)
}

// Require is Load for a test that exists to check the document: when the file
// is missing, apidocs.Path fails the test under CI and skips it otherwise,
// saying that what was not checked.
func Require(t testing.TB, file, basePath, what string) *Spec {
	t.Helper()
	path := apidocs.Path(t, file, what)
	if path == "" {
		return nil // t is not a real test: it did not stop at Fatal or Skip
	}
	spec, err := load(path, basePath)
	if err != nil {
		t.Fatalf("loading the OpenAPI document %s: %v", file, err)
	}
	return spec
}

// load parses the document at path once per test binary.
func load(path, basePath string) (*Spec, error) {
	v, _ := cache.LoadOrStore(path+"\x00"+basePath, &loaded{})
	l, _ := v.(*loaded) // cache holds nothing else
	l.once.Do(func() { l.spec, l.err = parse(path, basePath) })
	return l.spec, l.err
}

func parse(path, basePath string) (*Spec, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s := &Spec{Path: path, doc: doc, basePath: basePath}
	paths, _ := doc["paths"].(map[string]any)
	for tpl, item := range paths {
		r := Route{Template: tpl, segs: strings.Split(strings.Trim(tpl, "/"), "/"), Operations: map[string]map[string]any{}}
		m, _ := item.(map[string]any)
		for method, op := range m {
			if o, ok := op.(map[string]any); ok {
				r.Operations[method] = o
			}
		}
		s.routes = append(s.routes, r)
	}
	// Most literal segments first, so that /participants/layout wins over
	// /participants/{participant_id}; then by template, for a stable order.
	sort.Slice(s.routes, func(i, j int) bool {
		li, lj := literalCount(s.routes[i].segs), literalCount(s.routes[j].segs)
		if li != lj {
			return li > lj
		}
		return s.routes[i].Template < s.routes[j].Template
	})
	return s, nil
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

// Routes lists the document's paths, for tests that check every operation was
// exercised.
func (s *Spec) Routes() []Route { return s.routes }

// Operation finds the operation serving method and an emulator URL path (with
// the base path, without the query).
func (s *Spec) Operation(method, urlPath string) (template string, op map[string]any, found bool) {
	p := strings.TrimPrefix(urlPath, s.basePath)
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for _, r := range s.routes {
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
		if op, ok := r.Operations[strings.ToLower(method)]; ok {
			return r.Template, op, true
		}
	}
	return "", nil, false
}

// ResponseSchema returns the JSON schema of op's answer with status: the exact
// code, else its class ("4XX"), else "default", following a $ref to
// components/responses. declared is false when the document has no such
// response at all; schema is nil when the response has no JSON content.
func (s *Spec) ResponseSchema(op map[string]any, status int) (schema any, declared bool) {
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
	if ref, ok := resp["$ref"].(string); ok {
		target, err := s.Resolve(ref)
		if err != nil {
			// Declared, but its content cannot be known; Validate on
			// a {"$ref": ...} schema reports the broken reference.
			return map[string]any{"$ref": ref}, true
		}
		resp, _ = target.(map[string]any)
	}
	return MediaSchema(resp), true
}

// MediaSchema is the application/json schema of a response or request body
// object, nil when it has none.
func MediaSchema(obj map[string]any) any {
	content, _ := obj["content"].(map[string]any)
	media, _ := content["application/json"].(map[string]any)
	if media == nil {
		return nil
	}
	return media["schema"]
}

// Resolve follows a local $ref ("#/components/schemas/Meeting").
func (s *Spec) Resolve(ref string) (any, error) {
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

// SuccessStatus is the lowest 2xx status op declares, "" when none.
func SuccessStatus(op map[string]any) string {
	responses, _ := op["responses"].(map[string]any)
	var success []string
	for code := range responses {
		if strings.HasPrefix(code, "2") {
			success = append(success, code)
		}
	}
	sort.Strings(success)
	if len(success) == 0 {
		return ""
	}
	return success[0]
}

// Properties lists the property names of an object schema, following $ref and
// allOf, for checks that an object carries exactly what the document lists.
func (s *Spec) Properties(schema any) []string {
	m, _ := schema.(map[string]any)
	if ref, ok := m["$ref"].(string); ok {
		if target, err := s.Resolve(ref); err == nil {
			return s.Properties(target)
		}
	}
	var out []string
	props, _ := m["properties"].(map[string]any)
	for name := range props {
		out = append(out, name)
	}
	for _, sub := range List(m["allOf"]) {
		out = append(out, s.Properties(sub)...)
	}
	sort.Strings(out)
	return out
}
