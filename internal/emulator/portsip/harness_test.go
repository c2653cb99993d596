package portsip_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/openapitest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

// specFile is the vendor's OpenAPI document, in ../shared/api.
const specFile = "portsip-openapi-conference.json"

// harness is one emulated PBX behind an httptest server, signed in. Every
// answer it gets is checked against the vendor's OpenAPI spec (when the spec
// file is there) and, for 4xx, against the error envelope.
type harness struct {
	t     *testing.T
	api   *portsip.API
	clock *platform.Clock
	srv   *httptest.Server
	token string

	user, password string

	// spec validates every answer and records the operations answered; the
	// harnesses of one PBX's users (as) share it, so that a spec test sees
	// the coverage of every user's requests.
	spec *openapitest.Checker
}

func newHarness(t *testing.T, opts ...func(*portsip.Options)) *harness {
	t.Helper()
	var o portsip.Options
	for _, f := range opts {
		f(&o)
	}
	clock := platform.NewClock()
	clock.Freeze(time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC))
	h := serve(t, portsip.New(clock, o), clock, "")
	h.user, h.password = o.Username, o.Password
	if h.user == "" {
		h.user = portsip.DefaultUsername
	}
	if h.password == "" {
		h.password = portsip.DefaultPassword
	}
	h.renew()
	return h
}

// serve puts api behind a new test server; the harness sends token.
func serve(t *testing.T, api *portsip.API, clock *platform.Clock, token string) *harness {
	t.Helper()
	mux := http.NewServeMux()
	api.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &harness{t: t, api: api, clock: clock, srv: srv, token: token, spec: &openapitest.Checker{
		File: specFile, BasePath: "/api", Schema: signInSchema,
	}}
}

// as is another user's view of the same PBX: its requests carry that user's
// token, and its answers are validated and recorded as h's are.
func (h *harness) as(user, password string) *harness {
	h.t.Helper()
	u := &harness{t: h.t, api: h.api, clock: h.clock, srv: h.srv, user: user, password: password, spec: h.spec}
	u.renew()
	return u
}

// renew signs in again, for tests that move the clock past the token's life.
func (h *harness) renew() {
	h.t.Helper()
	h.token = h.signIn(h.user, h.password).AccessToken
}

type response struct {
	status int
	header http.Header
	body   []byte
}

// do sends a request with the harness's token. body is JSON-encoded unless it
// is a string (sent as is) or nil (no body).
func (h *harness) do(method, path string, body any) response {
	h.t.Helper()
	return h.doWith(method, path, "Bearer "+h.token, body)
}

func (h *harness) doWith(method, path, authorization string, body any) response {
	h.t.Helper()
	a := openapitest.Send(h.t, h.srv.Client(), method, h.srv.URL+path, authorization, body)
	r := response{status: a.Status, header: a.Header, body: a.Body}
	h.check(method, path, r)
	return r
}

// check validates an answer against the spec (the 4XX answers, to which the
// spec gives no schema, as envelopes only).
func (h *harness) check(method, path string, r response) {
	h.t.Helper()
	if r.status >= 400 {
		if err := envelopeError(r.status, r.body); err != nil {
			h.t.Errorf("%s %s: %d answer is not an error envelope (%v): %s", method, path, r.status, err, r.body)
		}
	}
	h.spec.Check(h.t, method, path, r.status, r.body)
}

// signInSchema is the schema sign-in answers are validated against. The
// spec's sign-in answer is oneOf two object schemas, neither with required
// properties, so every object matches both and a strict oneOf can never pass.
// The token branch is the one that applies to an account without two-factor
// sign-in.
func signInSchema(_, _ string, op map[string]any, _ int, schema any) any {
	obj, isObject := schema.(map[string]any)
	if opID, _ := op["operationId"].(string); opID == "signInWithCredentials" && isObject {
		return openapitest.List(obj["oneOf"])[1]
	}
	return schema
}

func (h *harness) signIn(username, password string) portsip.TokenResponse {
	h.t.Helper()
	r := h.doWith("POST", "/api/auth/sign_in", "", map[string]string{"username": username, "password": password})
	if r.status != http.StatusOK {
		h.t.Fatalf("sign in: %d %s", r.status, r.body)
	}
	var tr portsip.TokenResponse
	mustJSON(h.t, r.body, &tr)
	return tr
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

// fails sends a request, expects status and an envelope whose codes are all
// code, and returns the messages.
func (h *harness) fails(status int, code, method, path string, body any) []string {
	h.t.Helper()
	r := h.do(method, path, body)
	return h.expectError(r, status, code, method, path)
}

func (h *harness) expectError(r response, status int, code, method, path string) []string {
	h.t.Helper()
	if r.status != status {
		h.t.Fatalf("%s %s: got %d, want %d: %s", method, path, r.status, status, r.body)
	}
	var env portsip.ErrorEnvelope
	mustJSON(h.t, r.body, &env)
	var msgs []string
	for _, e := range env.Errors {
		if e.Code != code {
			h.t.Errorf("%s %s: code %q, want %q (%s)", method, path, e.Code, code, e.Message)
		}
		msgs = append(msgs, e.Message)
	}
	return msgs
}

// hasMessage fails the test unless one of msgs contains want.
func hasMessage(t *testing.T, msgs []string, want string) {
	t.Helper()
	if !slices.ContainsFunc(msgs, func(m string) bool { return strings.Contains(m, want) }) {
		t.Errorf("no message contains %q; got %q", want, msgs)
	}
}

// The answers' decoders are the conformance kit's.
var (
	mustJSON        = openapitest.MustDecode
	strictUnmarshal = openapitest.DecodeStrict
)

// createServer creates a server and returns its ID.
func (h *harness) createServer(body map[string]any) string {
	h.t.Helper()
	var out portsip.IDResponse
	h.ok(http.StatusOK, "POST", "/api/conference_servers", body, &out)
	if out.ID == "" {
		h.t.Fatal("create server: empty id")
	}
	return out.ID
}

// createRoom creates a room and returns its ID.
func (h *harness) createRoom(body map[string]any) string {
	h.t.Helper()
	var out portsip.IDResponse
	h.ok(http.StatusCreated, "POST", "/api/conference_rooms", body, &out)
	if out.ID == "" {
		h.t.Fatal("create room: empty id")
	}
	return out.ID
}

func audioRoom(ext string) map[string]any {
	return map[string]any{"extension_number": ext, "mode": "AUDIO", "subject": "Room " + ext, "capacity": 9}
}

func videoRoom(ext string) map[string]any {
	return map[string]any{"extension_number": ext, "mode": "VIDEO", "subject": "Room " + ext, "capacity": 9}
}

// getMap GETs path and decodes it into a generic map.
func (h *harness) getMap(path string) map[string]any {
	h.t.Helper()
	var m map[string]any
	h.ok(http.StatusOK, "GET", path, nil, &m)
	return m
}

// field is obj[key] as a T, failing the test when it is not one: an unchecked
// type assertion would panic, and a panic ends every test in the binary.
func field[T any](t testing.TB, obj map[string]any, key string) T {
	t.Helper()
	v, ok := obj[key].(T)
	if !ok {
		t.Fatalf("%s is %#v, not a %T", key, obj[key], v)
	}
	return v
}

type page[T any] struct {
	Count int `json:"count"`
	Items []T `json:"items"`
}

func (h *harness) participants(roomID string) []portsip.Participant {
	h.t.Helper()
	var l page[portsip.Participant]
	h.ok(http.StatusOK, "GET", "/api/conference_rooms/"+roomID+"/participants", nil, &l)
	return l.Items
}

func (h *harness) recordings(roomID string) []portsip.Recording {
	h.t.Helper()
	var l page[portsip.Recording]
	h.ok(http.StatusOK, "GET", "/api/conference_rooms/"+roomID+"/recordings", nil, &l)
	return l.Items
}
