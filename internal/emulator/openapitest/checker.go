package openapitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
)

// Answer is an HTTP answer, read in full.
type Answer struct {
	Status int
	Header http.Header
	Body   []byte
}

// Send sends a request to url: body is JSON-encoded unless it is a string
// (sent as is) or nil (no body), and authorization, when not empty, is the
// Authorization header.
func Send(t testing.TB, c *http.Client, method, url, authorization string, body any) Answer {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	return Do(t, c, req)
}

// Do sends req and reads its answer.
func Do(t testing.TB, c *http.Client, req *http.Request) Answer {
	t.Helper()
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return Answer{Status: res.StatusCode, Header: res.Header, Body: data}
}

// Checker validates an emulator's answers against a vendor's document, and
// records which declared responses it has seen, so that a test can make sure
// none was left out. It is safe for concurrent use.
type Checker struct {
	// File and BasePath are Load's arguments.
	File, BasePath string
	// Undeclared are statuses the emulator may answer though the document
	// declares none for the operation: a 400 for a body that breaks the
	// schema where the document lists no 400, say.
	Undeclared []int
	// Schema, when set, replaces the schema an answer is validated against
	// (nil: the document declares no JSON body for it): where the document
	// contradicts itself and NOTES.md decides, or to give its bodiless
	// error responses the platform's envelope.
	Schema func(method, template string, op map[string]any, status int, schema any) any

	mu      sync.Mutex
	covered map[string]bool
}

// Check validates one answer to method path (with the base path, and maybe a
// query). Answers to paths that are not the document's operations, and every
// answer when the document is absent, are not checked: Require, in the test
// that exists to check the document, reports that. An answer with no schema
// must have no body, unless it is an error (>= 400), whose envelope the
// platform's own tests check.
func (c *Checker) Check(t testing.TB, method, path string, status int, body []byte) {
	t.Helper()
	spec, err := Load(c.File, c.BasePath)
	if err != nil {
		t.Fatalf("loading the OpenAPI document %s: %v", c.File, err)
	}
	if spec == nil {
		return
	}
	urlPath, _, _ := strings.Cut(path, "?")
	tpl, op, found := spec.Operation(method, urlPath)
	if !found {
		return
	}
	schema, declared := spec.ResponseSchema(op, status)
	if !declared && !slices.Contains(c.Undeclared, status) {
		t.Errorf("%s %s answered %d, which the document does not declare for %s %s", method, path, status, method, tpl)
		return
	}
	if c.Schema != nil {
		schema = c.Schema(method, tpl, op, status, schema)
	}
	if schema == nil {
		if status < 400 && len(bytes.TrimSpace(body)) != 0 {
			t.Errorf("%s %s: the document declares no body for %d, got %s", method, path, status, body)
		}
	} else if errs := spec.ValidateJSON(schema, body); len(errs) > 0 {
		t.Errorf("%s %s (%s %s %d) does not match the document:\n  %s\nbody: %s", method, path, method, tpl, status, strings.Join(errs, "\n  "), body)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.covered == nil {
		c.covered = map[string]bool{}
	}
	c.covered[fmt.Sprintf("%s %s %d", method, tpl, status)] = true
}

// Covered reports whether an answer was checked for key, "METHOD /template
// status" with the document's path template: "POST /meetings 201".
func (c *Checker) Covered(key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.covered[key]
}

// MustDecode decodes a JSON answer into v, failing t when it cannot.
func MustDecode(t testing.TB, data []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("decoding %s: %v", data, err)
	}
}

// DecodeStrict decodes a JSON answer into v, refusing fields v does not
// have: an envelope with a field too many is not the envelope.
func DecodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}
