package emulator_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

// TestSQMeetingBesidePortSIP: PortSIP owns /api/, SQMeeting /api/v1/; each
// answers unknown paths, and injected faults, in its own envelope, and the
// journal never shows SQMeeting's query credentials.
func TestSQMeetingBesidePortSIP(t *testing.T) {
	h := start(t, emulator.Options{})
	status, _, body := h.do(http.MethodGet, "/_emulator/health", "", nil)
	if status != http.StatusOK || !strings.Contains(string(body), `"sqmeeting"`) {
		t.Fatalf("health: %d %s", status, body)
	}
	sqEnvelope := func(what string, body []byte) {
		t.Helper()
		var env sqmeeting.ErrorEnvelope
		if err := json.Unmarshal(body, &env); err != nil || env.ErrorCode == "" || env.Error == "" {
			t.Errorf("%s: not SQMeeting's envelope: %s", what, body)
		}
	}
	status, _, body = h.do(http.MethodGet, "/api/v1/no_such_thing", "", nil)
	if status != http.StatusNotFound {
		t.Errorf("unknown SQMeeting path: %d", status)
	}
	sqEnvelope("unknown path", body)
	if _, _, body := h.do(http.MethodGet, "/api/no_such_thing", "", nil); !strings.Contains(string(body), `"errors"`) {
		t.Errorf("unknown PortSIP path: %s", body)
	}

	const client = "0b8f3c2e-2f5c-4a53-9d3e-6c1d8f1e2a4b"
	status, _, body = h.do(http.MethodPost, "/api/v1/user/sign_in?client_id="+client, "",
		map[string]string{"username": sqmeeting.DefaultUsername, "secret": sqmeeting.Secret(sqmeeting.DefaultPassword)})
	var info sqmeeting.UserInfo
	if status != http.StatusOK || json.Unmarshal(body, &info) != nil {
		t.Fatalf("sign in: %d %s", status, body)
	}
	if status, _, body := h.do(http.MethodGet, "/api/v1/user/info?client_id="+client+"&token="+info.UserToken, "", nil); status != http.StatusOK {
		t.Fatalf("user/info: %d %s", status, body)
	}
	for _, e := range h.emu.JournalEntries() {
		if strings.Contains(e.Query, info.UserToken) || strings.Contains(e.Query, client) {
			t.Errorf("journal shows credentials: %+v", e)
		}
	}

	h.do(http.MethodPost, "/_emulator/faults", "", map[string]any{"path_prefix": "/api/v1/meeting_schedule", "status": 503, "count": 1})
	status, _, body = h.do(http.MethodGet, "/api/v1/meeting_schedule?client_id="+client+"&token="+info.UserToken, "", nil)
	if status != http.StatusServiceUnavailable {
		t.Errorf("fault: %d %s", status, body)
	}
	sqEnvelope("fault", body)
}
