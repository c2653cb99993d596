package sqmeeting_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

var sixDigits = regexp.MustCompile(`^[0-9]{6}$`)

func TestCreateReservation(t *testing.T) {
	h := newHarness(t)
	alice, bob := h.userID("alice"), h.userID("bob")
	body := reservation("Planning", 24*time.Hour)
	body["meeting_description"] = "quarterly"
	body["call_rate_type"] = "4096K"
	body["meeting_password"] = "246810"
	body["invited_users"] = []string{alice, bob, alice}
	body["mute_upon_entry"] = "ENABLE"
	body["guest_dial_in"] = false
	body["watermark"] = true
	body["watermark_type"] = "single "
	body["time_to_join"] = -1
	body["generate_live_url"] = true
	body["recurrence_type"] = "NONE"
	// Answer fields in the request, as in the document's example: ignored.
	body["meeting_number"] = "{meeting_number}"
	body["owner_name"] = "someone"
	m := h.create(body)
	if m.MeetingType != "reservation" || m.MeetingName != "Planning" || m.MeetingDescription != "quarterly" ||
		m.CallRateType != "4096K" || m.MeetingPassword != "246810" || m.MuteUponEntry != "ENABLE" ||
		m.GuestDialIn || !m.Watermark || m.WatermarkType != "single" || m.TimeToJoin != -1 ||
		m.ScheduleStartTime != ms(start.Add(24*time.Hour)) || m.ScheduleEndTime != ms(start.Add(25*time.Hour)) ||
		m.RecurrenceType != "NONE" || m.RecurrenceGID != "" || m.Rule != nil || m.MeetingRoomID != nil ||
		m.OwnerName != "Administrator" || m.MeetingNumber == "{meeting_number}" || len(m.MeetingNumber) != 8 {
		t.Errorf("created %+v", m)
	}
	if !m.GenerateLiveURL || !strings.HasPrefix(m.LiveMeetingURL, h.srv.URL+"/live/") || !sixDigits.MatchString(m.LivePasscode) {
		t.Errorf("live: %v %q %q", m.GenerateLiveURL, m.LiveMeetingURL, m.LivePasscode)
	}
	if !regexp.MustCompile(`^` + regexp.QuoteMeta(h.srv.URL) + `/j/[A-Za-z0-9]{12}$`).MatchString(m.MeetingURL) {
		t.Errorf("meeting_url %q", m.MeetingURL)
	}
	want := []sqmeeting.InvitedUser{{UserID: alice, Username: "alice", RealName: "Alice Example"}, {UserID: bob, Username: "bob", RealName: "Bob Example"}}
	if !slices.Equal(m.InvitedUsersDetail, want) || !slices.Equal(m.InvitedUsersDetails, want) || !slices.Equal(m.ParticipantUsers, []string{alice, bob}) {
		t.Errorf("invitees %+v / %+v / %v", m.InvitedUsersDetail, m.InvitedUsersDetails, m.ParticipantUsers)
	}
	if got := h.get(m.ReservationID); !equalJSON(t, got, m) {
		t.Errorf("GET answers %+v, create answered %+v", got, m)
	}
}

// TestCreateDefaults: the vendor clients' JSON spellings (times and booleans
// as strings), the document's invited_users_detail, and the defaults.
func TestCreateDefaults(t *testing.T) {
	h := newHarness(t)
	carol := h.userID("carol")
	m := h.create(map[string]any{
		"meeting_type":         "reservation",
		"meeting_name":         "Strings",
		"schedule_start_time":  "1741424400000",
		"schedule_end_time":    "1741428000000",
		"guest_dial_in":        "false",
		"time_to_join":         "30",
		"invited_users_detail": []map[string]string{{"user_id": carol, "username": "carol", "real_name": "Carol Example"}},
	})
	if m.ScheduleStartTime != 1741424400000 || m.GuestDialIn || m.TimeToJoin != 30 || len(m.InvitedUsersDetail) != 1 {
		t.Errorf("created %+v", m)
	}
	if m.CallRateType != "2048K" || m.MuteUponEntry != "DISABLE" || m.WatermarkType != "single" || m.GenerateLiveURL || m.LiveMeetingURL != "" {
		t.Errorf("defaults %+v", m)
	}
	if !sixDigits.MatchString(m.MeetingPassword) {
		t.Errorf("generated password %q", m.MeetingPassword)
	}
}

// TestMeetingPassword follows NOTES.md: "" none, omitted (or null) generated,
// a value sets it; an update without it keeps it.
func TestMeetingPassword(t *testing.T) {
	h := newHarness(t)
	none := reservation("none", time.Hour)
	none["meeting_password"] = ""
	m := h.create(none)
	if m.MeetingPassword != "" {
		t.Errorf("empty password became %q", m.MeetingPassword)
	}
	null := reservation("null", time.Hour)
	null["meeting_password"] = nil
	if m := h.create(null); !sixDigits.MatchString(m.MeetingPassword) {
		t.Errorf("null password became %q", m.MeetingPassword)
	}
	gen := h.create(reservation("gen", time.Hour))
	h.ok(204, "POST", "/api/v1/meeting_schedule/"+gen.ReservationID, map[string]any{"meeting_name": "renamed"}, nil)
	if got := h.get(gen.ReservationID).MeetingPassword; got != gen.MeetingPassword {
		t.Errorf("update without a password changed it: %q -> %q", gen.MeetingPassword, got)
	}
	h.ok(204, "POST", "/api/v1/meeting_schedule/"+gen.ReservationID, map[string]any{"meeting_password": ""}, nil)
	if got := h.get(gen.ReservationID).MeetingPassword; got != "" {
		t.Errorf("password not cleared: %q", got)
	}
}

func TestInstantMeeting(t *testing.T) {
	h := newHarness(t)
	m := h.create(map[string]any{"meeting_type": "instant", "meeting_name": "XX's meeting"})
	if m.MeetingType != "instant" || m.ScheduleStartTime != ms(start) || m.ScheduleEndTime != ms(start.Add(2*time.Hour)) {
		t.Errorf("instant %+v", m)
	}
	msg := h.fails(400, sqmeeting.CodeNotUpdatable, "POST", "/api/v1/meeting_schedule/"+m.ReservationID, map[string]any{"meeting_name": "x"})
	if !strings.Contains(msg, "instant") {
		t.Errorf("message %q", msg)
	}
	h.ok(204, "DELETE", "/api/v1/meeting_schedule/"+m.ReservationID, nil, nil)
}

func TestMeetingRoomMeeting(t *testing.T) {
	h := newHarness(t, func(o *sqmeeting.Options) {
		o.MeetingRooms = []sqmeeting.MeetingRoom{
			{Name: "Board room", Owner: "admin", Number: "55500011", Password: "424242"},
			{Name: "Alice's", Owner: "alice", Number: "55500012"},
		}
	})
	var rooms sqmeeting.MeetingRooms
	h.ok(200, "GET", "/api/v1/meeting_room", nil, &rooms)
	if len(rooms.MeetingRooms) != 1 {
		t.Fatalf("rooms %+v", rooms)
	}
	room := rooms.MeetingRooms[0]
	body := reservation("In the room", time.Hour)
	body["meeting_room_id"] = room.MeetingRoomID
	m := h.create(body)
	if m.MeetingNumber != "55500011" || m.MeetingPassword != "424242" || m.MeetingRoomID == nil || *m.MeetingRoomID != room.MeetingRoomID {
		t.Errorf("meeting in a room: %+v", m)
	}
	// Out of the room: a number of its own, and a generated password.
	h.ok(204, "POST", "/api/v1/meeting_schedule/"+m.ReservationID, map[string]any{"meeting_room_id": nil}, nil)
	out := h.get(m.ReservationID)
	if out.MeetingNumber == "55500011" || out.MeetingRoomID != nil || !sixDigits.MatchString(out.MeetingPassword) || out.MeetingPassword == "424242" {
		t.Errorf("out of the room: %+v", out)
	}
	// Someone else's room is not yours to use.
	var alice sqmeeting.MeetingRooms
	h.expect(h.as(h.signIn("alice", "alice-password").UserToken, "POST", "/api/v1/meeting_room", nil), 200, "POST", "meeting_room", &alice)
	body["meeting_room_id"] = alice.MeetingRooms[0].MeetingRoomID
	h.fails(400, sqmeeting.CodeInvalidParameter, "POST", "/api/v1/meeting_schedule", body)
}

func TestCreateValidation(t *testing.T) {
	h := newHarness(t)
	tooLong := strings.Repeat("x", 49)
	for _, tc := range []struct {
		name string
		edit func(map[string]any)
		want string
	}{
		{"no type", func(b map[string]any) { delete(b, "meeting_type") }, "meeting_type is required"},
		{"bad type", func(b map[string]any) { b["meeting_type"] = "weekly" }, "meeting_type must be one of"},
		{"no name", func(b map[string]any) { delete(b, "meeting_name") }, "meeting_name is required"},
		{"blank name", func(b map[string]any) { b["meeting_name"] = " " }, "meeting_name must be 1 to 48"},
		{"long name", func(b map[string]any) { b["meeting_name"] = tooLong }, "meeting_name must be 1 to 48"},
		{"no start", func(b map[string]any) { delete(b, "schedule_start_time") }, "schedule_start_time is required"},
		{"no end", func(b map[string]any) { delete(b, "schedule_end_time") }, "schedule_end_time is required"},
		{"end first", func(b map[string]any) { b["schedule_end_time"] = b["schedule_start_time"] }, "must be after"},
		{"time not ms", func(b map[string]any) { b["schedule_start_time"] = "2025-03-01T10:00:00Z" }, "epoch milliseconds"},
		{"rate", func(b map[string]any) { b["call_rate_type"] = "100K" }, "call_rate_type must be one of"},
		{"mute", func(b map[string]any) { b["mute_upon_entry"] = "YES" }, "mute_upon_entry must be one of"},
		{"watermark type", func(b map[string]any) { b["watermark_type"] = "double" }, "watermark_type"},
		{"bool", func(b map[string]any) { b["guest_dial_in"] = "maybe" }, "guest_dial_in must be true or false"},
		{"time to join", func(b map[string]any) { b["time_to_join"] = -5 }, "time_to_join"},
		{"invitee", func(b map[string]any) { b["invited_users"] = []string{"nobody"} }, `invited user "nobody" does not exist`},
		{"invitees twice", func(b map[string]any) {
			b["invited_users"] = []string{}
			b["invited_users_detail"] = []any{}
		}, "not both"},
		{"room", func(b map[string]any) { b["meeting_room_id"] = "nope" }, "not one of your meeting rooms"},
		{"unknown field", func(b map[string]any) { b["topic"] = "x" }, `unknown field "topic"`},
		{"rule on a reservation", func(b map[string]any) { b["recurrence_type"] = "DAILY" }, "recurrence_type must be NONE"},
		{"rule fields on a reservation", func(b map[string]any) { b["recurrenceInterval"] = 2 }, `unknown field "recurrenceInterval"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := reservation("valid", time.Hour)
			tc.edit(b)
			msg := h.fails(400, sqmeeting.CodeInvalidParameter, "POST", "/api/v1/meeting_schedule", b)
			if !strings.Contains(msg, tc.want) {
				t.Errorf("message %q does not contain %q", msg, tc.want)
			}
		})
	}
	// Every problem is reported at once.
	msg := h.fails(400, sqmeeting.CodeInvalidParameter, "POST", "/api/v1/meeting_schedule",
		map[string]any{"meeting_type": "reservation", "call_rate_type": "1K"})
	for _, want := range []string{"meeting_name", "schedule_start_time", "call_rate_type"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q does not mention %s", msg, want)
		}
	}
}

func TestUpdateMeeting(t *testing.T) {
	h := newHarness(t)
	m := h.create(reservation("Before", time.Hour))
	path := "/api/v1/meeting_schedule/" + m.ReservationID
	alice := h.userID("alice")
	// The document's update body.
	h.ok(204, "POST", path, map[string]any{
		"meeting_type": "reservation", "meeting_name": "After", "meeting_description": "XXXXXX",
		"call_rate_type": "2048K", "schedule_start_time": ms(start.Add(2 * time.Hour)),
		"schedule_end_time": ms(start.Add(3 * time.Hour)), "meeting_room_id": nil, "meeting_password": "123456",
		"invited_users": []string{alice}, "mute_upon_entry": "ENABLE", "guest_dial_in": true,
		"watermark": false, "watermark_type": "single ",
	}, nil)
	got := h.get(m.ReservationID)
	if got.MeetingName != "After" || got.MeetingDescription != "XXXXXX" || got.MeetingPassword != "123456" ||
		got.ScheduleStartTime != ms(start.Add(2*time.Hour)) || len(got.ParticipantUsers) != 1 ||
		got.MeetingNumber != m.MeetingNumber || got.MeetingURL != m.MeetingURL {
		t.Errorf("after update %+v", got)
	}
	// Partial: the macOS client moves a meeting with the two times alone.
	h.ok(204, "POST", path, map[string]any{"schedule_start_time": ms(start.Add(5 * time.Hour)), "schedule_end_time": ms(start.Add(6 * time.Hour))}, nil)
	if got := h.get(m.ReservationID); got.MeetingName != "After" || got.ScheduleEndTime != ms(start.Add(6*time.Hour)) {
		t.Errorf("after moving %+v", got)
	}
	h.ok(204, "POST", path, map[string]any{"invited_users": []string{}, "meeting_description": nil}, nil)
	if got := h.get(m.ReservationID); len(got.ParticipantUsers) != 0 || got.MeetingDescription != "" {
		t.Errorf("after clearing %+v", got)
	}
	h.fails(400, sqmeeting.CodeInvalidParameter, "POST", path, map[string]any{"meeting_type": "instant"})
	h.fails(400, sqmeeting.CodeInvalidParameter, "POST", path, map[string]any{"schedule_end_time": ms(start)})
	h.fails(400, sqmeeting.CodeInvalidParameter, "POST", path, map[string]any{"recurrence_type": "DAILY"})
	h.fails(404, sqmeeting.CodeNotFound, "POST", "/api/v1/meeting_schedule/nope", map[string]any{"meeting_name": "x"})
	// A failed update changes nothing.
	h.fails(400, sqmeeting.CodeInvalidParameter, "POST", path, map[string]any{"meeting_name": "Half", "call_rate_type": "1K"})
	if got := h.get(m.ReservationID); got.MeetingName != "After" {
		t.Errorf("a failed update changed the name to %q", got.MeetingName)
	}
}

// TestOwnership: invitees see a meeting, only its owner changes it, others
// do not know it exists.
func TestOwnership(t *testing.T) {
	h := newHarness(t)
	body := reservation("Owned", time.Hour)
	body["invited_users"] = []string{h.userID("alice")}
	m := h.create(body)
	path := "/api/v1/meeting_schedule/" + m.ReservationID
	alice := h.signIn("alice", "alice-password").UserToken
	bob := h.signIn("bob", "bob-password").UserToken
	h.expect(h.as(alice, "GET", path, nil), 200, "GET", path, nil)
	h.failure(h.as(alice, "POST", path, map[string]any{"meeting_name": "mine"}), 403, sqmeeting.CodeForbidden, "POST", path)
	h.failure(h.as(alice, "DELETE", path, nil), 403, sqmeeting.CodeForbidden, "DELETE", path)
	h.failure(h.as(bob, "GET", path, nil), 404, sqmeeting.CodeNotFound, "GET", path)
	var list sqmeeting.MeetingList
	h.expect(h.as(alice, "GET", "/api/v1/meeting_schedule", nil), 200, "GET", "list", &list)
	h.expect(h.as(bob, "GET", "/api/v1/meeting_schedule", nil), 200, "GET", "list", nil)
	if len(list.MeetingSchedules) != 1 {
		t.Errorf("alice lists %d meetings", len(list.MeetingSchedules))
	}
}

func TestDeleteMeeting(t *testing.T) {
	h := newHarness(t)
	m := h.create(reservation("Doomed", time.Hour))
	path := "/api/v1/meeting_schedule/" + m.ReservationID
	// deleteGroup on a meeting outside a series deletes just it.
	h.ok(204, "DELETE", path+"?deleteGroup=true", nil, nil)
	h.fails(404, sqmeeting.CodeNotFound, "GET", path, nil)
	h.fails(404, sqmeeting.CodeNotFound, "DELETE", path, nil)
}

func TestListMeetings(t *testing.T) {
	h := newHarness(t)
	for i, name := range []string{"Gamma", "Alpha", "Beta standup", "Delta standup", "Epsilon"} {
		h.create(reservation(name, time.Duration(5-i)*time.Hour))
	}
	var all sqmeeting.MeetingList
	h.ok(200, "GET", "/api/v1/meeting_schedule", nil, &all)
	var names []string
	for _, m := range all.ScheduledMeetings {
		names = append(names, m.MeetingName)
	}
	// By start time: Epsilon starts first.
	if want := []string{"Epsilon", "Delta standup", "Beta standup", "Alpha", "Gamma"}; !slices.Equal(names, want) {
		t.Errorf("order %v, want %v", names, want)
	}
	if all.TotalSize != 5 || all.TotalPageNum != 1 || len(all.MeetingSchedules) != 5 {
		t.Errorf("list %d/%d/%d", all.TotalSize, all.TotalPageNum, len(all.MeetingSchedules))
	}
	var p2 sqmeeting.MeetingList
	h.ok(200, "GET", "/api/v1/meeting_schedule?page_num=2&page_size=2", nil, &p2)
	if len(p2.ScheduledMeetings) != 2 || p2.ScheduledMeetings[0].MeetingName != "Beta standup" || p2.TotalPageNum != 3 || p2.TotalSize != 5 {
		t.Errorf("page 2: %+v", p2)
	}
	var past sqmeeting.MeetingList
	h.ok(200, "GET", "/api/v1/meeting_schedule?page_num=9&page_size=2", nil, &past)
	if len(past.ScheduledMeetings) != 0 || past.ScheduledMeetings == nil {
		t.Errorf("past the end: %s", h.do("GET", "/api/v1/meeting_schedule?page_num=9&page_size=2", nil).body)
	}
	var filtered sqmeeting.MeetingList
	h.ok(200, "GET", "/api/v1/meeting_schedule?filter=STANDUP", nil, &filtered)
	if filtered.TotalSize != 2 {
		t.Errorf("filter: %d", filtered.TotalSize)
	}
	for _, q := range []string{"page_num=0", "page_num=x", "page_size=0", "page_size=501"} {
		h.fails(400, sqmeeting.CodeInvalidParameter, "GET", "/api/v1/meeting_schedule?"+q, nil)
	}
}
