package whereby_test

import (
	"maps"
	"net/http"
	"net/http/httptest"
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
// bad request elsewhere), 405 for a method the path does not have, and 404
// for a room theme's room that does not exist (the theme operations declare
// no 404; the others answer NotFoundError for a missing object).
var undeclared = []int{http.StatusBadRequest, http.StatusMethodNotAllowed, http.StatusNotFound}

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
	spec  *openapitest.Checker
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
	spec := &openapitest.Checker{File: specFile, BasePath: "/v1", Undeclared: undeclared, Schema: schemaFor}
	return &harness{t: t, api: api, clock: clock, srv: srv, key: key, spec: spec}
}

// do sends a request with the API key. body is JSON-encoded unless it is a
// string (sent as is) or nil (no body).
func (h *harness) do(method, path string, body any) openapitest.Answer {
	h.t.Helper()
	return h.doWith(method, path, "Bearer "+h.key, body)
}

func (h *harness) doWith(method, path, authorization string, body any) openapitest.Answer {
	h.t.Helper()
	return h.answer(method, path, openapitest.Send(h.t, h.srv.Client(), method, h.srv.URL+path, authorization, body))
}

// send sends a request built by hand.
func (h *harness) send(req *http.Request) openapitest.Answer {
	h.t.Helper()
	return h.answer(req.Method, req.URL.RequestURI(), openapitest.Do(h.t, h.srv.Client(), req))
}

// answer checks an answer against the document and, for errors, the
// envelope.
func (h *harness) answer(method, path string, a openapitest.Answer) openapitest.Answer {
	h.t.Helper()
	if a.Status >= 400 {
		if err := envelopeError(a.Status, a.Body); err != nil {
			h.t.Errorf("%s %s: %d answer is not an error envelope (%v): %s", method, path, a.Status, err, a.Body)
		}
	}
	h.spec.Check(h.t, method, path, a.Status, a.Body)
	return a
}

// schemaFor adjusts the document's schemas where it is silent or contradicts
// itself. An error's body is validated against the document's one error
// schema (ThrottleError) whatever its status: the document gives 401 and 404
// no body, and declares no 400 or 405, so that is the envelope the emulator
// answers them in.
func schemaFor(method, tpl string, _ map[string]any, status int, schema any) any {
	switch {
	case method == http.MethodGet && status == http.StatusOK:
		// The lists (meetings, recordings, transcriptions, insights).
		return nullableCursor(schema)
	case schema == nil && status >= 400:
		return map[string]any{"$ref": "#/components/responses/ThrottleError/content/application~1json/schema"}
	}
	return schema
}

// nullableCursor is a list's schema with cursor nullable (others are
// returned as they are). The document
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
func (h *harness) ok(want int, method, path string, body, out any) openapitest.Answer {
	h.t.Helper()
	r := h.do(method, path, body)
	if r.Status != want {
		h.t.Fatalf("%s %s: got %d, want %d: %s", method, path, r.Status, want, r.Body)
	}
	if out != nil {
		mustJSON(h.t, r.Body, out)
	}
	return r
}

// fails sends a request, expects status, and returns the error message.
func (h *harness) fails(status int, method, path string, body any) string {
	h.t.Helper()
	return expectError(h.t, h.do(method, path, body), status)
}

func expectError(t *testing.T, r openapitest.Answer, status int) string {
	t.Helper()
	if r.Status != status {
		t.Fatalf("got %d, want %d: %s", r.Status, status, r.Body)
	}
	var env whereby.Error
	mustJSON(t, r.Body, &env)
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

// The answers' decoders are the conformance kit's.
var (
	mustJSON        = openapitest.MustDecode
	strictUnmarshal = openapitest.DecodeStrict
)
