package lineplanet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// docAuth is the Authorization header of every example in
// line-planet-meeting-id.txt: base64("aladdin:open_sesame").
const docAuth = "Basic YWxhZGRpbjpvcGVuX3Nlc2FtZQ=="

type harness struct {
	t     *testing.T
	api   *API
	clock *platform.Clock
	srv   *httptest.Server
}

// newHarness serves an API with the document's credentials and SIP proxy.
func newHarness(t *testing.T) *harness {
	t.Helper()
	clock := platform.NewClock()
	api := New(clock, Options{APIKey: "aladdin", APISecret: "open_sesame", SIPProxy: "210.1.1.1", SIPProxyPort: 5060})
	mux := http.NewServeMux()
	api.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &harness{t: t, api: api, clock: clock, srv: srv}
}

// at freezes the emulated clock at a millisecond timestamp of the document.
func (h *harness) at(ms int64) { h.clock.Freeze(time.UnixMilli(ms)) }

// nextID makes the next created meeting get id.
func (h *harness) nextID(id int64) { h.api.newID = func() int64 { return id } }

func (h *harness) do(method, path, auth, body string) (int, []byte) {
	h.t.Helper()
	var rdr io.Reader
	if body != "" {
		rdr = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, h.srv.URL+path, rdr)
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Content-Type", "application/json")
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatal(err)
	}
	return resp.StatusCode, out
}

// call sends an authorized request and fails unless the HTTP status is want.
func (h *harness) call(method, path, body string, want int) []byte {
	h.t.Helper()
	status, out := h.do(method, path, docAuth, body)
	if status != want {
		h.t.Fatalf("%s %s %s: HTTP %d, want %d: %s", method, path, body, status, want, out)
	}
	return out
}

func decode(t *testing.T, b []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("not JSON: %v: %s", err, b)
	}
	return v
}

// sameJSON compares got with the document's text, structurally.
func sameJSON(t *testing.T, got []byte, want string) {
	t.Helper()
	if g, w := decode(t, got), decode(t, []byte(want)); !reflect.DeepEqual(g, w) {
		t.Fatalf("response differs from the document\n got: %s\nwant: %s", got, want)
	}
}

type envelope struct {
	Status    string          `json:"status"`
	Data      json.RawMessage `json:"data"`
	Message   string          `json:"message"`
	Code      string          `json:"code"`
	Timestamp int64           `json:"timestamp"`
}

func parseEnvelope(t *testing.T, b []byte) envelope {
	t.Helper()
	var e envelope
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatalf("not an envelope: %v: %s", err, b)
	}
	return e
}

// expectError checks the error envelope: {"status":"error","message","code","data":{},"timestamp"}.
func (h *harness) expectError(method, path, body string, httpStatus int, code, msgPart string) {
	h.t.Helper()
	out := h.call(method, path, body, httpStatus)
	if err := envelopeError(httpStatus, out); err != nil {
		h.t.Fatalf("%s %s: not the error envelope (%v): %s", method, path, err, out)
	}
	e := parseEnvelope(h.t, out)
	if e.Code != code || !strings.Contains(e.Message, msgPart) {
		h.t.Fatalf("%s %s: want error envelope with code %q and message containing %q, got %s", method, path, code, msgPart, out)
	}
}

func (h *harness) createMeeting(room, body string) Meeting {
	h.t.Helper()
	out := h.call(http.MethodPost, "/tas/v2/gcall/ex-service/"+room+"/mtg", body, http.StatusOK)
	var resp struct {
		Status string         `json:"status"`
		Data   createResponse `json:"data"`
	}
	if err := json.Unmarshal(out, &resp); err != nil || resp.Status != "success" {
		h.t.Fatalf("create: %v: %s", err, out)
	}
	return resp.Data.Mtg
}

func (h *harness) listMeetings(room string) []Meeting {
	h.t.Helper()
	out := h.call(http.MethodGet, "/tas/v2/gcall/ex-service/"+room+"/mtgs", "", http.StatusOK)
	var resp struct {
		Status string `json:"status"`
		Data   struct {
			Mtgs []Meeting `json:"mtgs"`
		} `json:"data"`
	}
	if err := json.Unmarshal(out, &resp); err != nil || resp.Status != "success" || resp.Data.Mtgs == nil {
		h.t.Fatalf("list: %v: %s", err, out)
	}
	return resp.Data.Mtgs
}

// ---- the document's examples ----

// Create meeting, Example.
func TestDocCreateExample(t *testing.T) {
	h := newHarness(t)
	h.at(1656503468722)
	h.nextID(13698412732)
	out := h.call(http.MethodPost, "/tas/v2/gcall/ex-service/ex-room/mtg", `{
"type": "I",
"passcode": "123456"
}`, http.StatusOK)
	// The document's response, with two differences that are the document's own
	// mistakes or accidents: its chatId is "2048" although the example's room ID is
	// ex-room (the emulator answers the path's room), and its timestamp is 8 ms
	// after created (the emulator's frozen clock gives the same instant to both).
	sameJSON(t, out, `{
"status": "success",
"data": {
"mtg": {
"id": 13698412732,
"type": "I",
"passcode": "123456",
"chatSvcId": "ex-service",
"chatId": "ex-room",
"created": 1656503468722,
"expireAt": 1656589868722,
"title": null,
"data": null
},
"sipProxy": "210.1.1.1",
"sipProxyPort": 5060
},
"timestamp": 1656503468722
}`)
}

// docSMeeting makes the S meeting that the list, update and delete examples
// start from (created 1656503532981, expireAt 30 days later).
func docSMeeting(h *harness) {
	h.t.Helper()
	h.at(1656503532981)
	h.nextID(73051667563)
	h.createMeeting("ex-room", `{"type":"S","passcode":"123456"}`)
}

// List meetings, Example: reproduced exactly, timestamp included.
func TestDocListExample(t *testing.T) {
	h := newHarness(t)
	docSMeeting(h)
	h.at(1656503539402)
	out := h.call(http.MethodGet, "/tas/v2/gcall/ex-service/ex-room/mtgs", "", http.StatusOK)
	sameJSON(t, out, `{
"status": "success",
"data": {
"mtgs": [
{
"id": 73051667563,
"type": "S",
"passcode": "123456",
"chatSvcId": "ex-service",
"chatId": "ex-room",
"created": 1656503532981,
"expireAt": 1659095532981,
"title": null,
"data": null
}
]
},
"timestamp": 1656503539402
}`)
}

// Update meeting, Example 1: S -> R through the curl example's /mtg/{mtgId}.
// expireAt becomes update time + 365 days; the timestamp is the update time (the
// document's is 36 ms later, the time its server took).
func TestDocUpdateExample1(t *testing.T) {
	h := newHarness(t)
	docSMeeting(h)
	h.at(1656503617461)
	out := h.call(http.MethodPut, "/tas/v2/gcall/ex-service/ex-room/mtg/73051667563", `{
"type": "R"
}`, http.StatusOK)
	sameJSON(t, out, `{
"status": "success",
"data": {
"id": 73051667563,
"type": "R",
"passcode": "123456",
"chatSvcId": "ex-service",
"chatId": "ex-room",
"created": 1656503532981,
"expireAt": 1688039617461,
"title": null,
"data": null
},
"timestamp": 1656503617461
}`)
}

// Update meeting, Example 2: R -> S. The document shows code "405" here, but its
// own code list gives 435 "current type cannot be converted to the requested type"
// and NOTES.md decides 435 for every disallowed change, sent as HTTP 400.
// Everything else is the document's response, timestamp included.
func TestDocUpdateExample2(t *testing.T) {
	h := newHarness(t)
	docSMeeting(h)
	h.at(1656503617461)
	h.call(http.MethodPut, "/tas/v2/gcall/ex-service/ex-room/mtg/73051667563", `{"type":"R"}`, http.StatusOK)
	h.at(1657108897760)
	out := h.call(http.MethodPut, "/tas/v2/gcall/ex-service/ex-room/mtg/73051667563", `{
"type": "S"
}`, http.StatusBadRequest)
	sameJSON(t, out, `{
"status": "error",
"message": "current type cannot be converted to nextType. R -> S",
"code": "435",
"data": {},
"timestamp": 1657108897760
}`)
	if m, _ := h.api.Meeting("ex-service", "ex-room"); m.Type != "R" {
		t.Fatalf("a rejected change altered the meeting: %+v", m)
	}
}

// Delete meeting, Example: reproduced exactly, timestamp included.
func TestDocDeleteExample(t *testing.T) {
	h := newHarness(t)
	docSMeeting(h)
	h.at(1656503704119)
	out := h.call(http.MethodDelete, "/tas/v2/gcall/ex-service/ex-room/mtg/73051667563", "", http.StatusOK)
	sameJSON(t, out, `{
"status": "success",
"data": null,
"timestamp": 1656503704119
}`)
	if got := h.listMeetings("ex-room"); len(got) != 0 {
		t.Fatalf("deleted meeting still listed: %+v", got)
	}
}

// ---- rules from the document and NOTES.md ----

// NOTES.md: PUT and DELETE answer on /mtgs/{mtgId} (the endpoint table) and
// /mtg/{mtgId} (the curl examples).
func TestUpdateAndDeleteOnBothPaths(t *testing.T) {
	for _, seg := range []string{"mtg", "mtgs"} {
		t.Run(seg, func(t *testing.T) {
			h := newHarness(t)
			m := h.createMeeting("r1", `{"type":"S"}`)
			p := fmt.Sprintf("/tas/v2/gcall/ex-service/r1/%s/%d", seg, m.ID)
			out := h.call(http.MethodPut, p, `{"title":"weekly"}`, http.StatusOK)
			var resp struct{ Data Meeting }
			if err := json.Unmarshal(out, &resp); err != nil || resp.Data.Title == nil || *resp.Data.Title != "weekly" {
				t.Fatalf("update via %s: %v %s", seg, err, out)
			}
			h.call(http.MethodDelete, p, "", http.StatusOK)
			if got := h.listMeetings("r1"); len(got) != 0 {
				t.Fatalf("delete via %s left %+v", seg, got)
			}
			h.expectError(http.MethodDelete, p, "", http.StatusNotFound, "404", "not found")
		})
	}
}

func TestOneMeetingPerRoom(t *testing.T) {
	h := newHarness(t)
	h.createMeeting("r1", `{"type":"R"}`)
	// "405 (meeting already exists)", sent as HTTP 405.
	h.expectError(http.MethodPost, "/tas/v2/gcall/ex-service/r1/mtg", `{"type":"I"}`, http.StatusMethodNotAllowed, "405", "meeting already exists")
	if got := h.listMeetings("r1"); len(got) != 1 || got[0].Type != "R" {
		t.Fatalf("room changed by the rejected create: %+v", got)
	}
	h.createMeeting("r2", "")
	if got := h.listMeetings("r2"); len(got) != 1 {
		t.Fatalf("second room: %+v", got)
	}
}

func TestConcurrentCreatesInOneRoom(t *testing.T) {
	h := newHarness(t)
	var wg sync.WaitGroup
	statuses := make(chan int, 20)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, _ := h.do(http.MethodPost, "/tas/v2/gcall/ex-service/race/mtg", docAuth, `{"type":"S"}`)
			statuses <- st
		}()
	}
	wg.Wait()
	close(statuses)
	counts := map[int]int{}
	for s := range statuses {
		counts[s]++
	}
	if counts[http.StatusOK] != 1 || counts[http.StatusMethodNotAllowed] != 19 {
		t.Fatalf("want one success and 19 code 405, got %v", counts)
	}
}

// "Available change case: S -> R": every other change answers 435 (NOTES.md), a
// type equal to the current one is no change at all.
func TestTypeTransitions(t *testing.T) {
	types := []string{"I", "S", "R"}
	for _, from := range types {
		for _, to := range types {
			t.Run(from+"->"+to, func(t *testing.T) {
				h := newHarness(t)
				m := h.createMeeting("r", fmt.Sprintf(`{"type":%q}`, from))
				p := fmt.Sprintf("/tas/v2/gcall/ex-service/r/mtgs/%d", m.ID)
				body := fmt.Sprintf(`{"type":%q}`, to)
				if from == to || (from == "S" && to == "R") {
					h.call(http.MethodPut, p, body, http.StatusOK)
					if got, _ := h.api.Meeting("ex-service", "r"); got.Type != to {
						t.Fatalf("type is %s, want %s", got.Type, to)
					}
					return
				}
				h.expectError(http.MethodPut, p, body, http.StatusBadRequest, "435",
					fmt.Sprintf("current type cannot be converted to nextType. %s -> %s", from, to))
				if got, _ := h.api.Meeting("ex-service", "r"); !reflect.DeepEqual(got, m) {
					t.Fatalf("rejected change altered the meeting: %+v, was %+v", got, m)
				}
			})
		}
	}
}

// Expiry from creation: I 1 day, S 30 days, R 365 days ("Default expiration
// period"). Invalid after expireAt: live at expireAt, gone one millisecond later.
func TestExpiryByType(t *testing.T) {
	const t0 = 1_900_000_000_000
	for typ, life := range map[string]time.Duration{"I": 24 * time.Hour, "S": 30 * 24 * time.Hour, "R": 365 * 24 * time.Hour} {
		t.Run(typ, func(t *testing.T) {
			h := newHarness(t)
			h.at(t0)
			m := h.createMeeting("r", fmt.Sprintf(`{"type":%q}`, typ))
			if m.Created != t0 || m.ExpireAt != t0+life.Milliseconds() {
				t.Fatalf("created %d expireAt %d, want %d and %d", m.Created, m.ExpireAt, int64(t0), t0+life.Milliseconds())
			}
			h.at(m.ExpireAt)
			if got := h.listMeetings("r"); len(got) != 1 {
				t.Fatalf("gone at expireAt already: %+v", got)
			}
			h.at(m.ExpireAt + 1)
			if got := h.listMeetings("r"); len(got) != 0 {
				t.Fatalf("listed after expireAt: %+v", got)
			}
			p := fmt.Sprintf("/tas/v2/gcall/ex-service/r/mtgs/%d", m.ID)
			h.expectError(http.MethodPut, p, `{"title":"x"}`, http.StatusNotFound, "404", "not found")
			h.expectError(http.MethodDelete, p, "", http.StatusNotFound, "404", "not found")
			// The room is free again.
			if n := h.createMeeting("r", `{"type":"I"}`); n.ID == m.ID {
				t.Fatalf("new meeting reused the expired ID %d", m.ID)
			}
		})
	}
}

// NOTES.md: an S -> R update sets expireAt to update time + 365 days; other
// updates leave it alone.
func TestUpdateExpiry(t *testing.T) {
	const t0 = 1_900_000_000_000
	h := newHarness(t)
	h.at(t0)
	m := h.createMeeting("r", `{"type":"S"}`)
	p := fmt.Sprintf("/tas/v2/gcall/ex-service/r/mtgs/%d", m.ID)
	h.at(t0 + time.Hour.Milliseconds())
	h.call(http.MethodPut, p, `{"type":"S","passcode":"654321","title":"t"}`, http.StatusOK)
	if got, _ := h.api.Meeting("ex-service", "r"); got.ExpireAt != m.ExpireAt || got.Passcode != "654321" {
		t.Fatalf("a non-type update moved expireAt or missed the passcode: %+v", got)
	}
	t1 := t0 + 48*time.Hour.Milliseconds()
	h.at(t1)
	h.call(http.MethodPut, p, `{"type":"R"}`, http.StatusOK)
	got, _ := h.api.Meeting("ex-service", "r")
	if want := t1 + 365*24*time.Hour.Milliseconds(); got.ExpireAt != want || got.Created != t0 {
		t.Fatalf("after S -> R: created %d expireAt %d, want %d and %d", got.Created, got.ExpireAt, int64(t0), want)
	}
}

// Example 1 sends only the type and keeps the passcode: an update leaves out
// fields unchanged; an explicit null clears the nullable title and data.
func TestUpdateKeepsOmittedAndClearsNull(t *testing.T) {
	h := newHarness(t)
	m := h.createMeeting("r", `{"type":"S","passcode":"111111","title":"a","data":"d"}`)
	p := fmt.Sprintf("/tas/v2/gcall/ex-service/r/mtgs/%d", m.ID)
	h.call(http.MethodPut, p, `{"data":"e"}`, http.StatusOK)
	got, _ := h.api.Meeting("ex-service", "r")
	if got.Passcode != "111111" || got.Title == nil || *got.Title != "a" || got.Data == nil || *got.Data != "e" {
		t.Fatalf("omitted fields changed: %+v", got)
	}
	h.call(http.MethodPut, p, `{"title":null,"data":null,"passcode":null,"type":null}`, http.StatusOK)
	got, _ = h.api.Meeting("ex-service", "r")
	if got.Title != nil || got.Data != nil || got.Passcode != "111111" || got.Type != "S" {
		t.Fatalf("null did not clear title/data, or touched passcode/type: %+v", got)
	}
}

func TestUpdateUnknownMeeting(t *testing.T) {
	h := newHarness(t)
	m := h.createMeeting("r", "")
	h.expectError(http.MethodPut, fmt.Sprintf("/tas/v2/gcall/ex-service/r/mtgs/%d", m.ID+1), `{"title":"x"}`, http.StatusNotFound, "404", "not found")
	h.expectError(http.MethodPut, fmt.Sprintf("/tas/v2/gcall/ex-service/other/mtgs/%d", m.ID), `{"title":"x"}`, http.StatusNotFound, "404", "not found")
	h.expectError(http.MethodPut, "/tas/v2/gcall/ex-service/r/mtgs/abc", `{"title":"x"}`, http.StatusBadRequest, "400", "mtgId must be a number")
}

// id: at least 11 digits; passcode: 6 digits, random when not given; type: I when
// not given (the emulator's choice, the document names no default).
func TestDefaultsAndRandomValues(t *testing.T) {
	h := newHarness(t)
	seenIDs := map[int64]bool{}
	seenPass := map[string]bool{}
	for i := range 30 {
		m := h.createMeeting(fmt.Sprintf("room-%d", i), "")
		if len(fmt.Sprint(m.ID)) < 11 || seenIDs[m.ID] {
			t.Fatalf("id %d is shorter than 11 digits or repeated", m.ID)
		}
		seenIDs[m.ID] = true
		if !isDigits(m.Passcode, 6) {
			t.Fatalf("passcode %q is not 6 digits", m.Passcode)
		}
		seenPass[m.Passcode] = true
		if m.Type != "I" || m.Title != nil || m.Data != nil {
			t.Fatalf("defaults: %+v", m)
		}
	}
	if len(seenPass) < 20 {
		t.Fatalf("passcodes are not random: %d distinct of 30", len(seenPass))
	}
}

// Request bodies are checked against the document; a rejected body is code 400.
func TestValidation(t *testing.T) {
	emoji := strings.Repeat("😀", 64) // 64 runes, 128 UTF-16 code units, 256 bytes
	cases := []struct {
		name, body, msg string
	}{
		{"unknown type", `{"type":"X"}`, `type must be one of I, S or R; got "X"`},
		{"lowercase type", `{"type":"s"}`, `type must be one of I, S or R`},
		{"5-digit passcode", `{"passcode":"12345"}`, "passcode must be exactly 6 digits"},
		{"7-digit passcode", `{"passcode":"1234567"}`, "passcode must be exactly 6 digits"},
		{"letter in passcode", `{"passcode":"12345a"}`, "passcode must be exactly 6 digits"},
		{"numeric passcode", `{"passcode":123456}`, "passcode must be a string"},
		{"129-unit title", fmt.Sprintf(`{"title":%q}`, emoji+"a"), "title must be at most 128 UTF-16 code units"},
		{"1025-unit data", fmt.Sprintf(`{"data":%q}`, strings.Repeat("😀", 512)+"a"), "data must be at most 1024 UTF-16 code units"},
		{"not JSON", `{"type":`, "request body must be a JSON object"},
		{"array", `["I"]`, "request body must be a JSON object"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t)
			h.expectError(http.MethodPost, "/tas/v2/gcall/ex-service/r/mtg", c.body, http.StatusBadRequest, "400", c.msg)
			m := h.createMeeting("r", `{"type":"S"}`)
			h.expectError(http.MethodPut, fmt.Sprintf("/tas/v2/gcall/ex-service/r/mtgs/%d", m.ID), c.body, http.StatusBadRequest, "400", c.msg)
		})
	}
	// The limits themselves are allowed: counted in UTF-16 code units, not runes
	// (64) or bytes (256).
	h := newHarness(t)
	m := h.createMeeting("r", fmt.Sprintf(`{"title":%q,"data":%q}`, emoji, strings.Repeat("😀", 512)))
	if utf16Len(*m.Title) != 128 || utf16Len(*m.Data) != 1024 {
		t.Fatalf("limits not stored intact")
	}
}

func TestBasicAuth(t *testing.T) {
	h := newHarness(t)
	for name, auth := range map[string]string{
		"none":         "",
		"wrong secret": "Basic YWxhZGRpbjp3cm9uZw==", // aladdin:wrong
		"bearer":       "Bearer YWxhZGRpbjpvcGVuX3Nlc2FtZQ==",
		"not base64":   "Basic !!!",
	} {
		for _, req := range [][2]string{
			{http.MethodPost, "/tas/v2/gcall/ex-service/r/mtg"},
			{http.MethodGet, "/tas/v2/gcall/ex-service/r/mtgs"},
			{http.MethodPut, "/tas/v2/gcall/ex-service/r/mtgs/12345678901"},
			{http.MethodDelete, "/tas/v2/gcall/ex-service/r/mtg/12345678901"},
			{http.MethodGet, "/tas/v2/elsewhere"},
		} {
			status, out := h.do(req[0], req[1], auth, `{}`)
			e := parseEnvelope(t, out)
			if status != http.StatusUnauthorized || e.Status != "error" || e.Code != "401" {
				t.Fatalf("%s: %s %s: HTTP %d %s", name, req[0], req[1], status, out)
			}
		}
	}
	if len(h.listMeetings("r")) != 0 {
		t.Fatal("an unauthorized create made a meeting")
	}
}

// NOTES.md: 100 requests per second per service, then code 429.
func TestRateLimit(t *testing.T) {
	h := newHarness(t)
	now := time.Unix(1_900_000_000, 0)
	h.api.limiter.now = func() time.Time { return now }
	for i := range DefaultRequestsPerSecond {
		if st, out := h.do(http.MethodGet, "/tas/v2/gcall/busy/r/mtgs", docAuth, ""); st != http.StatusOK {
			t.Fatalf("request %d: HTTP %d %s", i+1, st, out)
		}
	}
	status, out := h.do(http.MethodGet, "/tas/v2/gcall/busy/r/mtgs", docAuth, "")
	if e := parseEnvelope(t, out); status != http.StatusTooManyRequests || e.Code != "429" || e.Status != "error" {
		t.Fatalf("request 101: HTTP %d %s", status, out)
	}
	// Another service has its own budget.
	h.do(http.MethodGet, "/tas/v2/gcall/quiet/r/mtgs", docAuth, "")
	if st, _ := h.do(http.MethodGet, "/tas/v2/gcall/quiet/r/mtgs", docAuth, ""); st != http.StatusOK {
		t.Fatalf("other service limited: HTTP %d", st)
	}
	// 10 ms refill 1 token at 100/s.
	now = now.Add(10 * time.Millisecond)
	if st, _ := h.do(http.MethodGet, "/tas/v2/gcall/busy/r/mtgs", docAuth, ""); st != http.StatusOK {
		t.Fatalf("after refill: HTTP %d", st)
	}
	if st, _ := h.do(http.MethodGet, "/tas/v2/gcall/busy/r/mtgs", docAuth, ""); st != http.StatusTooManyRequests {
		t.Fatalf("refill gave more than one token: HTTP %d", st)
	}
}

func TestUnknownRouteUsesEnvelope(t *testing.T) {
	h := newHarness(t)
	h.expectError(http.MethodGet, "/tas/v2/gcall/ex-service/r/mtg", "", http.StatusNotFound, "404", "no such API")
	h.expectError(http.MethodPost, "/tas/v2/gcall/ex-service/r/mtgs", "", http.StatusNotFound, "404", "no such API")
}

func TestWriteError(t *testing.T) {
	h := newHarness(t)
	h.at(1_900_000_000_000)
	rec := httptest.NewRecorder()
	h.api.WriteError(rec, http.StatusServiceUnavailable, "injected")
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("HTTP %d", rec.Code)
	}
	sameJSON(t, rec.Body.Bytes(), `{"status":"error","message":"injected","code":"503","data":{},"timestamp":1900000000000}`)
}

func TestHTTPStatusOfCodes(t *testing.T) {
	for code, want := range map[int]int{400: 400, 401: 401, 403: 403, 404: 404, 405: 405, 429: 429, 500: 500, 503: 503, 435: 400, 520: 500} {
		if got := httpStatus(code); got != want {
			t.Errorf("code %d: HTTP %d, want %d", code, got, want)
		}
	}
}

func TestSnapshotRestoreReset(t *testing.T) {
	h := newHarness(t)
	h.at(1_900_000_000_000)
	a := h.createMeeting("a", `{"type":"R","title":"t"}`)
	h.createMeeting("b", `{"type":"I"}`)
	h.at(1_900_000_000_000 + 2*24*time.Hour.Milliseconds()) // b has expired
	snap, err := h.api.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	other := New(h.clock, Options{})
	if err := other.Restore(snap); err != nil {
		t.Fatal(err)
	}
	if got, ok := other.Meeting("ex-service", "a"); !ok || !reflect.DeepEqual(got, a) {
		t.Fatalf("restored %+v, want %+v", got, a)
	}
	if _, ok := other.Meeting("ex-service", "b"); ok {
		t.Fatal("expired meeting survived the snapshot")
	}
	if err := other.Restore(json.RawMessage(`{"meetings":[{"id":1,"type":"Q","chatSvcId":"s","chatId":"r"}]}`)); err == nil {
		t.Fatal("restored a meeting of unknown type")
	}
	h.api.Reset()
	if _, ok := h.api.Meeting("ex-service", "a"); ok {
		t.Fatal("reset kept a meeting")
	}
}

func TestMutateAndDeleteHelpers(t *testing.T) {
	h := newHarness(t)
	m := h.createMeeting("r", `{"type":"S","title":"before"}`)
	if !h.api.MutateMeeting("ex-service", "r", func(m *Meeting) {
		title := "after"
		m.Title = &title
		m.ChatID = "elsewhere" // ignored: the room is fixed
	}) {
		t.Fatal("MutateMeeting found no meeting")
	}
	got := h.listMeetings("r")
	if len(got) != 1 || got[0].ID != m.ID || *got[0].Title != "after" || got[0].ChatID != "r" {
		t.Fatalf("after MutateMeeting: %+v", got)
	}
	if !h.api.DeleteMeeting("ex-service", "r") || h.api.DeleteMeeting("ex-service", "r") {
		t.Fatal("DeleteMeeting should succeed once")
	}
	if h.api.MutateMeeting("ex-service", "r", func(*Meeting) {}) {
		t.Fatal("MutateMeeting on an empty room")
	}
}
