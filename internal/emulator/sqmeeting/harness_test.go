package sqmeeting_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

// start is where every harness's clock stands: a Saturday.
var start = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

const clientID = "0b8f3c2e-2f5c-4a53-9d3e-6c1d8f1e2a4b"

// harness is one emulated server behind an httptest server, with the
// administrator signed in. Every failure it sees is checked to be the
// vendor's envelope.
type harness struct {
	t     *testing.T
	api   *sqmeeting.API
	clock *platform.Clock
	srv   *httptest.Server
	token string
}

func newHarness(t *testing.T, opts ...func(*sqmeeting.Options)) *harness {
	t.Helper()
	var o sqmeeting.Options
	for _, f := range opts {
		f(&o)
	}
	clock := platform.NewClock()
	clock.Freeze(start)
	api := sqmeeting.New(clock, o)
	mux := http.NewServeMux()
	api.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	h := &harness{t: t, api: api, clock: clock, srv: srv}
	user, password := cmp.Or(o.Username, sqmeeting.DefaultUsername), cmp.Or(o.Password, sqmeeting.DefaultPassword)
	h.token = h.signIn(user, password).UserToken
	return h
}

type response struct {
	status int
	header http.Header
	body   []byte
}

// do sends a request as the administrator: client_id and token are added to
// path's query. body is JSON-encoded unless it is a string (sent as is).
func (h *harness) do(method, path string, body any) response {
	h.t.Helper()
	return h.send(method, path, url.Values{"client_id": {clientID}, "token": {h.token}}, body)
}

// as sends a request with another token.
func (h *harness) as(token, method, path string, body any) response {
	h.t.Helper()
	return h.send(method, path, url.Values{"client_id": {clientID}, "token": {token}}, body)
}

// send adds auth to path's own query and sends the request.
func (h *harness) send(method, path string, auth url.Values, body any) response {
	h.t.Helper()
	u, err := url.Parse(h.srv.URL + path)
	if err != nil {
		h.t.Fatal(err)
	}
	q := u.Query()
	for k, v := range auth {
		q[k] = v
	}
	u.RawQuery = q.Encode()
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
	req, err := http.NewRequest(method, u.String(), rd)
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
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
	if r.status >= 400 {
		h.envelope(method, path, r)
	}
	return r
}

var codePattern = regexp.MustCompile(`^0x[0-9a-f]{8}$`)

// envelope checks that a failure is {"error": "...", "errorCode": "0x..."} and
// nothing else, and returns it.
func (h *harness) envelope(method, path string, r response) sqmeeting.ErrorEnvelope {
	h.t.Helper()
	if err := envelopeError(r.status, r.body); err != nil {
		h.t.Errorf("%s %s: %d answer is not the vendor's envelope (%v): %s", method, path, r.status, err, r.body)
	}
	var env sqmeeting.ErrorEnvelope
	_ = json.Unmarshal(r.body, &env)
	return env
}

// ok sends a request, fails the test unless it answers want, and decodes the
// answer into out when out is not nil.
func (h *harness) ok(want int, method, path string, body, out any) {
	h.t.Helper()
	r := h.do(method, path, body)
	h.expect(r, want, method, path, out)
}

func (h *harness) expect(r response, want int, method, path string, out any) {
	h.t.Helper()
	if r.status != want {
		h.t.Fatalf("%s %s: got %d, want %d: %s", method, path, r.status, want, r.body)
	}
	if out != nil {
		mustJSON(h.t, r.body, out)
	}
}

// fails sends a request as the administrator and expects a failure.
func (h *harness) fails(status int, code, method, path string, body any) string {
	h.t.Helper()
	return h.failure(h.do(method, path, body), status, code, method, path)
}

// failure checks a failure's status and code and returns its message.
func (h *harness) failure(r response, status int, code, method, path string) string {
	h.t.Helper()
	if r.status != status {
		h.t.Fatalf("%s %s: got %d, want %d: %s", method, path, r.status, status, r.body)
	}
	env := h.envelope(method, path, r)
	if env.ErrorCode != code {
		h.t.Errorf("%s %s: errorCode %s, want %s (%s)", method, path, env.ErrorCode, code, env.Error)
	}
	return env.Error
}

// signInAs signs in and returns the raw answer.
func (h *harness) signInAs(username, password string) response {
	h.t.Helper()
	return h.send("POST", "/api/v1/user/sign_in", url.Values{"client_id": {clientID}},
		map[string]string{"username": username, "secret": sqmeeting.Secret(password)})
}

func (h *harness) signIn(username, password string) sqmeeting.UserInfo {
	h.t.Helper()
	var info sqmeeting.UserInfo
	h.expect(h.signInAs(username, password), http.StatusOK, "POST", "/api/v1/user/sign_in", &info)
	return info
}

// userID looks a user up by username.
func (h *harness) userID(username string) string {
	h.t.Helper()
	var out sqmeeting.PublicUsers
	h.ok(http.StatusOK, "GET", "/api/v1/user/public/users?filter="+username, nil, &out)
	for _, u := range out.Users {
		if u.Username == username {
			return u.UserID
		}
	}
	h.t.Fatalf("no user %q", username)
	return ""
}

// create creates a meeting and returns it.
func (h *harness) create(body map[string]any) sqmeeting.MeetingView {
	h.t.Helper()
	var m sqmeeting.MeetingView
	h.ok(http.StatusOK, "POST", "/api/v1/meeting_schedule", body, &m)
	if m.ReservationID == "" {
		h.t.Fatalf("create: no reservation_id")
	}
	return m
}

func (h *harness) get(id string) sqmeeting.MeetingView {
	h.t.Helper()
	var m sqmeeting.MeetingView
	h.ok(http.StatusOK, "GET", "/api/v1/meeting_schedule/"+id, nil, &m)
	return m
}

// reservation is a valid reservation body starting at start+d for an hour.
func reservation(name string, d time.Duration) map[string]any {
	return map[string]any{
		"meeting_type":        "reservation",
		"meeting_name":        name,
		"schedule_start_time": start.Add(d).UnixMilli(),
		"schedule_end_time":   start.Add(d + time.Hour).UnixMilli(),
	}
}

func mustJSON(t *testing.T, data []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("decoding %s: %v", data, err)
	}
}

func ms(t time.Time) int64 { return t.UnixMilli() }

// equalJSON reports whether a and b encode the same.
func equalJSON(t *testing.T, a, b any) bool {
	t.Helper()
	x, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	y, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Equal(x, y)
}
