package acctest

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Whereby calls the emulated Whereby API (path under /v1) with the emulator's
// default key, as another user of the organization's key would. It fails t
// unless the status is one of want.
func (e *Emulator) Whereby(t testing.TB, method, path string, body any, want ...int) []byte {
	t.Helper()
	h := http.Header{"Authorization": {"Bearer " + emulator.DefaultCredential(&platforms.Whereby, "api_key")}}
	return e.Call(t, method, "/v1"+path, h, body, want...)
}

// WherebyCreate creates a meeting through the API, as another user of the
// organization would, and returns its ID. body is POST /meetings' (endDate
// required).
func (e *Emulator) WherebyCreate(t testing.TB, body map[string]any) string {
	t.Helper()
	var m struct {
		MeetingID string `json:"meetingId"`
	}
	if err := json.Unmarshal(e.Whereby(t, http.MethodPost, "/meetings", body, http.StatusCreated), &m); err != nil || m.MeetingID == "" {
		t.Fatalf("creating a Whereby meeting: %v", err)
	}
	return m.MeetingID
}

// WherebyStored is every meeting the emulator holds (an expired one until a
// write purges it), by meeting ID, as it stores them: with the settings it was created with (isLocked, roomMode, recording,
// ...), which no answer of the API shows. Reading it costs no points of the
// emulated organization's budget.
func (e *Emulator) WherebyStored(t testing.TB) map[string]map[string]any {
	t.Helper()
	var snap struct {
		Meetings []map[string]any `json:"meetings"`
	}
	if err := json.Unmarshal(e.snapshot(t, "whereby"), &snap); err != nil {
		t.Fatalf("reading the emulated whereby: %v", err)
	}
	out := make(map[string]map[string]any, len(snap.Meetings))
	for _, m := range snap.Meetings {
		id, _ := m["meetingId"].(string)
		out[id] = m
	}
	return out
}

// WherebyAPI reaches behind the emulated Whereby API, for assertions on
// what it cannot answer (room themes).
func (e *Emulator) WherebyAPI() *whereby.API {
	api, _ := e.Platform("whereby").(*whereby.API)
	return api
}

// WherebyRoom creates a meeting through the API, as another user of the
// organization would, ending in a week, and returns its room's name and
// meeting ID.
func (e *Emulator) WherebyRoom(t testing.TB, prefix string) (room, meetingID string) {
	t.Helper()
	var m struct {
		MeetingID string `json:"meetingId"`
		RoomName  string `json:"roomName"`
	}
	body := map[string]any{"endDate": time.Now().Add(7 * 24 * time.Hour).UTC().Format(time.RFC3339), "roomNamePrefix": prefix}
	if err := json.Unmarshal(e.Whereby(t, http.MethodPost, "/meetings", body, http.StatusCreated), &m); err != nil || m.RoomName == "" {
		t.Fatalf("creating a Whereby room: %v", err)
	}
	return m.RoomName, m.MeetingID
}

// WherebyThemePuts counts the theme PUTs the emulator served (a 2xx, or
// one an after_write fault hid) since the journal was last cleared, by
// "room part" ("/team-1 logo").
func (e *Emulator) WherebyThemePuts() map[string]int {
	out := map[string]int{}
	for _, j := range e.JournalEntries() {
		rest, ok := strings.CutPrefix(j.Path, "/v1/rooms/")
		if !ok || j.Method != http.MethodPut {
			continue
		}
		room, part, ok := strings.Cut(rest, "/theme/")
		served := j.Status
		if j.Served != 0 {
			served = j.Served
		}
		if ok && served >= 200 && served < 300 {
			out[room+" "+part]++
		}
	}
	return out
}
