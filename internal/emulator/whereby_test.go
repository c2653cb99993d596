package emulator_test

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// TestWherebyIsServed checks the wiring: the platform answers under /v1 with
// the configured key and URL, the admin clock expires its rooms, an injected
// 429 is in Whereby's envelope, and the state file keeps its rooms.
func TestWherebyIsServed(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state.json")
	opts := emulator.Options{StateFile: state, Whereby: whereby.Options{APIKey: "wb", PublicURL: "https://rooms.test"}}
	h := start(t, opts)
	end := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	status, _, body := h.do(http.MethodPost, "/v1/meetings", "wb", map[string]any{"endDate": end})
	var m whereby.Meeting
	if status != http.StatusCreated || json.Unmarshal(body, &m) != nil || !strings.HasPrefix(m.RoomURL, "https://rooms.test/") {
		t.Fatalf("create: %d %s", status, body)
	}
	if status, _, _ := h.do(http.MethodGet, "/v1/meetings/"+m.MeetingID, "wrong", nil); status != http.StatusUnauthorized {
		t.Errorf("wrong key: %d", status)
	}

	// The state file holds the room across a restart.
	h2 := start(t, opts)
	if status, _, body := h2.do(http.MethodGet, "/v1/meetings/"+m.MeetingID, "wb", nil); status != http.StatusOK {
		t.Fatalf("after restart: %d %s", status, body)
	}

	if status, _, body := h2.do(http.MethodPost, "/_emulator/clock", "", map[string]string{"advance": "2h"}); status != http.StatusOK {
		t.Fatalf("advance: %d %s", status, body)
	}
	if status, _, _ := h2.do(http.MethodGet, "/v1/meetings/"+m.MeetingID, "wb", nil); status != http.StatusNotFound {
		t.Errorf("an hour past endDate: %d, want 404", status)
	}

	h2.do(http.MethodPost, "/_emulator/faults", "", map[string]any{"path_prefix": "/v1/", "status": 429, "retry_after": 2, "count": 1})
	status, hdr, body := h2.do(http.MethodGet, "/v1/meetings", "wb", nil)
	var env whereby.Error
	if status != http.StatusTooManyRequests || hdr.Get("Retry-After") != "2" || json.Unmarshal(body, &env) != nil || env.Data == nil || env.Data.MSLeft != 2000 {
		t.Errorf("injected 429: %d %v %s", status, hdr, body)
	}
}

// Options.Credentials, as the command's flags give them, replace the key
// the emulated organization accepts.
func TestCredentialsOptionReplacesTheDefault(t *testing.T) {
	h := start(t, emulator.Options{Credentials: map[string]platforms.Values{platforms.Whereby.Key: {"api_key": "from-flag"}}})
	if status, _, body := h.do(http.MethodGet, "/v1/meetings", "from-flag", nil); status != http.StatusOK {
		t.Errorf("the configured key: %d %s", status, body)
	}
	if status, _, _ := h.do(http.MethodGet, "/v1/meetings", whereby.DefaultAPIKey, nil); status != http.StatusUnauthorized {
		t.Errorf("the default key: %d, want 401", status)
	}
}
