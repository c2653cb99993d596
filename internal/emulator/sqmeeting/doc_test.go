package sqmeeting_test

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/apidocs"
)

const docName = "sqmeeting-frtc.txt"

// vendorDoc reads a vendor document from shared/api (apidocs finds it, fails
// under CI without it and skips elsewhere).
func vendorDoc(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(apidocs.Path(t, name, "the emulator's answers against the vendor's document"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// docEndpoint is one endpoint of the document: its line ("POST
// /api/v1/user/sign_in") and the fields of its 200 answer's example.
type docEndpoint struct {
	line   string
	fields []string
	// hasBody is false for the document's "http 200 or 204 / empty" answers.
	hasBody bool
}

var (
	endpointLine = regexp.MustCompile(`^(GET|POST|DELETE|PUT) (/api/v1/\S*)$`)
	jsonKey      = regexp.MustCompile(`"([A-Za-z_]+)"\s*:`)
)

// parseDoc reads the endpoints of the document, in order.
func parseDoc(doc []byte) []docEndpoint {
	var out []docEndpoint
	var cur *docEndpoint
	state := "" // "", "response", "ok": where in the endpoint's text we are
	for line := range strings.SplitSeq(string(doc), "\n") {
		line = strings.TrimSpace(line)
		if endpointLine.MatchString(line) {
			out = append(out, docEndpoint{line: line})
			cur, state = &out[len(out)-1], ""
			continue
		}
		switch {
		case cur == nil:
		case line == "Response:" && state == "":
			state = "response"
		case state == "response" && strings.HasPrefix(line, "//http 200"):
			state = "ok"
		case state == "ok" && strings.HasPrefix(line, "//other"):
			state = "done"
		case state == "ok":
			for _, m := range jsonKey.FindAllStringSubmatch(line, -1) {
				cur.hasBody = true
				if !slices.Contains(cur.fields, m[1]) {
					cur.fields = append(cur.fields, m[1])
				}
			}
		}
	}
	return out
}

// answerKeys lists every object key of a JSON answer, at any depth.
func answerKeys(t *testing.T, data []byte) map[string]bool {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("answer is not JSON: %s", data)
	}
	keys := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, val := range x {
				keys[k] = true
				walk(val)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return keys
}

// TestAnswersMatchTheDocument calls every endpoint of the document that the
// emulator serves, in the method it serves it with, and checks that the
// answer carries every field of the document's example answer (or is empty
// where the document's is). Endpoints of a live meeting (mute, layout,
// recording, ...) and user administration are outside what the provider
// manages; any other endpoint the document gains fails the test until it is
// sorted into one list or the other.
func TestAnswersMatchTheDocument(t *testing.T) {
	doc := vendorDoc(t, docName)
	h := newHarness(t)
	alice := h.userID("alice")
	full := reservation("Documented", time.Hour)
	full["generate_live_url"] = true
	full["invited_users"] = []string{alice}
	m := h.create(full)
	s := h.createSeries(series("DAILY", 1, utc("2025-03-03 10:00"), time.Hour, "2025-03-05", time.UTC))
	schedule := "/api/v1/meeting_schedule/"

	// How the emulator is asked for each documented endpoint, by the
	// document's line. The recurrence's create and update are POSTs (the
	// document's GETs cannot create or change anything; NOTES.md).
	calls := map[string]func() response{
		"POST /api/v1/meeting_schedule": func() response {
			return h.do("POST", "/api/v1/meeting_schedule", full)
		},
		"POST /api/v1/meeting_schedule/{reservation_id}": func() response {
			return h.do("POST", schedule+m.ReservationID, map[string]any{"meeting_name": "Documented"})
		},
		"GET /api/v1/meeting_schedule/{reservation_id}": func() response { return h.do("GET", schedule+m.ReservationID, nil) },
		"GET /api/v1/meeting_schedule":                  func() response { return h.do("GET", "/api/v1/meeting_schedule", nil) },
		"GET /api/v1/meeting_schedule/recurrence": func() response {
			body := series("WEEKLY", 1, utc("2025-03-03 10:00"), time.Hour, "2025-03-20", time.UTC)
			body["invited_users"] = []string{alice}
			return h.do("POST", schedule+"recurrence", body)
		},
		"GET /api/v1/meeting_schedule/recurrence/{id}": func() response {
			return h.do("POST", schedule+"recurrence/"+s.RecurrenceGID, map[string]any{"recurrenceInterval": 1})
		},
		"GET /api/v1/meeting_schedule/recurrence/{group_id}": func() response {
			return h.do("GET", schedule+"recurrence/"+s.RecurrenceGID, nil)
		},
		"POST /api/v1/user/sign_in": func() response { return h.signInAs("bob", "bob-password") },
		"POST /api/v1/user/sign_out": func() response {
			return h.as(h.signIn("bob", "bob-password").UserToken, "POST", "/api/v1/user/sign_out", nil)
		},
		"POST /api/v1/user/info":         func() response { return h.do("POST", "/api/v1/user/info", nil) },
		"POST /api/v1/user/public/users": func() response { return h.do("POST", "/api/v1/user/public/users", nil) },
		"POST /api/v1/meeting_room":      func() response { return h.do("POST", "/api/v1/meeting_room", nil) },
		"POST /api/v1/system/capacity":   func() response { return h.do("POST", "/api/v1/system/capacity", nil) },
		"POST /api/v1/system/version":    func() response { return h.do("POST", "/api/v1/system/version", nil) },
		// Last: it deletes the meeting the others use.
		"DELETE /api/v1/meeting_schedule/{reservation_id}": func() response { return h.do("DELETE", schedule+m.ReservationID, nil) },
	}
	outOfScope := func(line string) bool {
		_, path, _ := strings.Cut(line, " ")
		return path == "/api/v1/meeting" || strings.HasPrefix(path, "/api/v1/meeting/") ||
			path == "/api/v1/user/password" || strings.HasPrefix(path, "/api/v1/user/users")
	}

	endpoints := parseDoc(doc)
	if len(endpoints) < 40 {
		t.Fatalf("found %d endpoints in %s; has its layout changed?", len(endpoints), docName)
	}
	// Deletion last.
	slices.SortStableFunc(endpoints, func(x, y docEndpoint) int {
		return compareBool(strings.HasPrefix(x.line, "DELETE /api/v1/meeting_schedule"), strings.HasPrefix(y.line, "DELETE /api/v1/meeting_schedule"))
	})
	served := 0
	for _, ep := range endpoints {
		call, ok := calls[ep.line]
		switch {
		case ok:
			served++
		case outOfScope(ep.line):
			continue
		default:
			t.Errorf("the document's %q is neither served nor listed as out of scope", ep.line)
			continue
		}
		r := call()
		if r.status != 200 && r.status != 204 {
			t.Errorf("%s: answered %d: %s", ep.line, r.status, r.body)
			continue
		}
		if !ep.hasBody {
			if len(bytes.TrimSpace(r.body)) != 0 {
				t.Errorf("%s: the document answers nothing, the emulator %s", ep.line, r.body)
			}
			continue
		}
		keys := answerKeys(t, r.body)
		for _, f := range ep.fields {
			if !keys[f] {
				t.Errorf("%s: the answer lacks the document's %q: %s", ep.line, f, r.body)
			}
		}
	}
	if served != len(calls) {
		t.Errorf("served %d of the %d endpoints the test knows: the document lost some", served, len(calls))
	}
}

func compareBool(x, y bool) int {
	switch {
	case x == y:
		return 0
	case x:
		return 1
	}
	return -1
}
