package datasources_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

// sqCreate creates a meeting or a series through the emulated API (path
// /meeting_schedule or /meeting_schedule/recurrence), as another SQMeeting
// client would, and returns the answer.
func sqCreate(t *testing.T, emu *acctest.Emulator, path string, body map[string]any) sqmeeting.MeetingView {
	t.Helper()
	var m sqmeeting.MeetingView
	if err := json.Unmarshal(emu.SQMeeting(t, http.MethodPost, path, body, http.StatusOK), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// ms is an RFC 3339 time in epoch milliseconds, the API's unit.
func ms(s string) int64 {
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return v.UnixMilli()
}

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
