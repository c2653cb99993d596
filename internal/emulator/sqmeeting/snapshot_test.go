package sqmeeting_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

// TestSnapshotRoundTrip: meetings, series, tokens and locks survive a restart.
func TestSnapshotRoundTrip(t *testing.T) {
	h := newHarness(t)
	m := h.create(reservation("Kept", time.Hour))
	first := h.createSeries(series("DAILY", 1, utc("2025-03-03 10:00"), time.Hour, "2025-03-05", time.UTC))
	for range sqmeeting.DefaultLockoutAttempts {
		h.signInAs("alice", "wrong")
	}
	snap, err := h.api.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	again, err := h.api.Snapshot()
	if err != nil || string(again) != string(snap) {
		t.Errorf("two snapshots of one state differ")
	}

	r := newHarness(t)
	if err := r.api.Restore(snap); err != nil {
		t.Fatal(err)
	}
	r.token = h.token
	got := r.get(m.ReservationID)
	// Meeting URLs follow the address called, which differs.
	got.MeetingURL = strings.Replace(got.MeetingURL, r.srv.URL, h.srv.URL, 1)
	if !equalJSON(t, got, h.get(m.ReservationID)) {
		t.Errorf("restored meeting %+v", got)
	}
	if g := r.group(first.RecurrenceGID); g.TotalSize != 3 {
		t.Errorf("restored series: %+v", g)
	}
	r.failure(r.signInAs("alice", "alice-password"), 401, sqmeeting.CodeLocked, "POST", "sign_in")
	// New meetings do not take a restored number.
	if n := r.create(reservation("New", time.Hour)); n.MeetingNumber == m.MeetingNumber {
		t.Error("a restored meeting number was handed out again")
	}

	r.api.Reset()
	r.fails(401, sqmeeting.CodeUnauthorized, "GET", "/api/v1/meeting_schedule", nil)
	r.token = r.signIn("admin", sqmeeting.DefaultPassword).UserToken
	r.fails(404, sqmeeting.CodeNotFound, "GET", "/api/v1/meeting_schedule/"+m.ReservationID, nil)
	r.signIn("alice", "alice-password")
}

func TestRestoreRejectsInconsistentState(t *testing.T) {
	h := newHarness(t)
	m := h.create(reservation("Kept", time.Hour))
	for _, bad := range []string{
		`{`,
		`{"meetings":[{"reservation_id":""}]}`,
		`{"meetings":[{"reservation_id":"x","owner_id":"nobody"}]}`,
		`{"series":[{"recurrence_gid":"g","owner_id":"` + m.OwnerID + `","occurrences":["missing"]}]}`,
	} {
		if err := h.api.Restore(json.RawMessage(bad)); err == nil {
			t.Errorf("Restore(%s) succeeded", bad)
		}
	}
	// Nothing changed.
	h.get(m.ReservationID)
	if err := h.api.Restore(json.RawMessage("null")); err != nil {
		t.Fatal(err)
	}
	h.token = h.signIn("admin", sqmeeting.DefaultPassword).UserToken
	h.fails(404, sqmeeting.CodeNotFound, "GET", "/api/v1/meeting_schedule/"+m.ReservationID, nil)
}
