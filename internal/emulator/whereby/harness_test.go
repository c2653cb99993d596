package whereby_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/openapitest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
)

// specFile is the vendor's OpenAPI document, in ../shared/api; its server URL
// ends in /v1.
const specFile = "whereby-openapi.json"

// undeclared are the statuses the emulator answers that the document does not
// declare for the meetings operations: 400 for a body or query that breaks
// the schema (the document declares no response for that, and uses 400 for a
// bad request elsewhere) and 405 for a method the path does not have.
var undeclared = map[int]bool{http.StatusBadRequest: true, http.StatusMethodNotAllowed: true}

// t0 is the frozen time every harness starts at.
var t0 = time.Date(2025, 5, 12, 16, 42, 49, 0, time.UTC)

// harness is one emulated organization behind an httptest server. Every
// answer it gets is checked against the vendor's OpenAPI document (when the
// file is there) and, for errors, against the error envelope.
type harness struct {
	t     *testing.T
	api   *whereby.API
	clock *platform.Clock
	srv   *httptest.Server
	key   string

	mu      sync.Mutex
	covered map[string]bool // "METHOD /template status" seen and validated
}

func newHarness(t *testing.T, opts ...func(*whereby.Options)) *harness {
	t.Helper()
	var o whereby.Options
	for _, f := range opts {
		f(&o)
	}
	clock := platform.NewClock()
	clock.Freeze(t0)
	api := whereby.New(clock, o)
	mux := http.NewServeMux()
	api.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	key := o.APIKey
	if key == "" {
		key = whereby.DefaultAPIKey
	}
	return &harness{t: t, api: api, clock: clock, srv: srv, key: key, covered: map[string]bool{}}
}

type response struct {
	status int
	header http.Header
	body   []byte
}

// do sends a request with the API key. body is JSON-encoded unless it is a
// string (sent as is) or nil (no body).
func (h *harness) do(method, path string, body any) response {
	h.t.Helper()
	return h.doWith(method, path, "Bearer "+h.key, body)
}

func (h *harness) doWith(method, path, authorization string, body any) response {
	h.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			h.t.Fatal(err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, h.srv.URL+path, rd)
	if err != nil {
		h.t.Fatal(err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	return h.send(req)
}

// send sends req and checks the answer.
func (h *harness) send(req *http.Request) response {
	h.t.Helper()
	res, err := h.srv.Client().Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		h.t.Fatal(err)
	}
	r := response{status: res.StatusCode, header: res.Header, body: data}
	h.check(req.Method, req.URL.RequestURI(), r)
	return r
}

// check validates an answer against the document and the envelope. An
// error's body is validated against the document's one error schema
// (ThrottleError) whatever its status: the document gives 401 and 404 no
// body, so that is the envelope the emulator answers them in.
func (h *harness) check(method, path string, r response) {
	h.t.Helper()
	if r.status >= 400 {
		var env whereby.Error
		if err := strictUnmarshal(r.body, &env); err != nil || env.Error == "" {
			h.t.Errorf("%s %s: %d answer is not an error envelope: %s", method, path, r.status, r.body)
		}
		if (env.Data != nil) != (r.status == http.StatusTooManyRequests) {
			h.t.Errorf("%s %s: %d answer with data %v; only a 429 carries data", method, path, r.status, env.Data)
		}
	}
	spec, err := openapitest.Load(specFile, "/v1")
	if err != nil {
		h.t.Fatalf("loading the OpenAPI document: %v", err)
	}
	if spec == nil {
		return // TestResponsesMatchOpenAPISpec says so (or fails under CI)
	}
	urlPath, _, _ := strings.Cut(path, "?")
	tpl, op, found := spec.Operation(method, urlPath)
	if !found {
		return // not a documented operation (an error-path probe)
	}
	schema, declared := spec.ResponseSchema(op, r.status)
	if !declared && !undeclared[r.status] {
		h.t.Errorf("%s %s answered %d, which the document does not declare for %s %s", method, path, r.status, method, tpl)
		return
	}
	if schema == nil && r.status >= 400 {
		throttle, err := spec.Resolve("#/components/responses/ThrottleError")
		if err != nil {
			h.t.Fatal(err)
		}
		schema = openapitest.MediaSchema(throttle.(map[string]any))
	}
	if method == http.MethodGet && tpl == "/meetings" && r.status == http.StatusOK {
		schema = nullableCursor(schema)
	}
	if schema == nil {
		if len(bytes.TrimSpace(r.body)) != 0 {
			h.t.Errorf("%s %s: the document declares no body for %d, got %s", method, path, r.status, r.body)
		}
	} else if errs := spec.ValidateJSON(schema, r.body); len(errs) > 0 {
		h.t.Errorf("%s %s (%s %s %d) does not match the document:\n  %s\nbody: %s", method, path, method, tpl, r.status, strings.Join(errs, "\n  "), r.body)
	}
	h.mu.Lock()
	h.covered[fmt.Sprintf("%s %s %d", method, tpl, r.status)] = true
	h.mu.Unlock()
}

// nullableCursor is the list's schema with cursor nullable. The document
// contradicts itself there: the schema says "type": "string", its description
// "If there are no more results, the value returned is null", and NOTES.md
// decides for the description ({"results":[...],"cursor":null|"..."}).
func nullableCursor(schema any) any {
	obj, _ := schema.(map[string]any)
	props, _ := obj["properties"].(map[string]any)
	cursor, _ := props["cursor"].(map[string]any)
	if cursor == nil {
		return schema
	}
	cursor = maps.Clone(cursor)
	cursor["nullable"] = true
	props = maps.Clone(props)
	props["cursor"] = cursor
	obj = maps.Clone(obj)
	obj["properties"] = props
	return obj
}

// ok sends a request and fails the test unless the status is want; it
// decodes the answer into out when out is non-nil.
func (h *harness) ok(want int, method, path string, body, out any) response {
	h.t.Helper()
	r := h.do(method, path, body)
	if r.status != want {
		h.t.Fatalf("%s %s: got %d, want %d: %s", method, path, r.status, want, r.body)
	}
	if out != nil {
		mustJSON(h.t, r.body, out)
	}
	return r
}

// fails sends a request, expects status, and returns the error message.
func (h *harness) fails(status int, method, path string, body any) string {
	h.t.Helper()
	return expectError(h.t, h.do(method, path, body), status)
}

func expectError(t *testing.T, r response, status int) string {
	t.Helper()
	if r.status != status {
		t.Fatalf("got %d, want %d: %s", r.status, status, r.body)
	}
	var env whereby.Error
	mustJSON(t, r.body, &env)
	return env.Error
}

// create creates a meeting from body and returns it.
func (h *harness) create(body map[string]any) whereby.Meeting {
	h.t.Helper()
	var m whereby.Meeting
	h.ok(http.StatusCreated, "POST", "/v1/meetings", body, &m)
	if m.MeetingID == "" {
		h.t.Fatalf("create: no meetingId")
	}
	return m
}

// get reads one meeting; query is "" or "?fields=...".
func (h *harness) get(id, query string) whereby.Meeting {
	h.t.Helper()
	var m whereby.Meeting
	h.ok(http.StatusOK, "GET", "/v1/meetings/"+id+query, nil, &m)
	return m
}

// meetingEnding is the smallest valid create body.
func meetingEnding(end time.Time) map[string]any {
	return map[string]any{"endDate": end.Format(time.RFC3339)}
}

func mustJSON(t *testing.T, data []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("decoding %s: %v", data, err)
	}
}

func strictUnmarshal(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}
