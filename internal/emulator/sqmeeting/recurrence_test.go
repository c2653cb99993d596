package sqmeeting_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin wherever the tests run

	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

// series is a recurrence body: the first occurrence from..from+length, the
// series ending on lastDay at 23:59:59 in loc (as the vendor's clients send
// it).
func series(kind string, interval int, from time.Time, length time.Duration, lastDay string, loc *time.Location) map[string]any {
	last, err := time.ParseInLocation(time.DateTime, lastDay+" 23:59:59", loc)
	if err != nil {
		panic(err)
	}
	return map[string]any{
		"meeting_type":        "recurrence",
		"meeting_name":        "Series",
		"recurrence_type":     kind,
		"recurrenceInterval":  interval,
		"recurrenceStartTime": ms(from),
		"recurrenceEndTime":   ms(from.Add(length)),
		"recurrenceEndDay":    ms(last),
	}
}

// createSeries creates a series and returns its first occurrence.
func (h *harness) createSeries(body map[string]any) sqmeeting.MeetingView {
	h.t.Helper()
	var m sqmeeting.MeetingView
	h.ok(http.StatusOK, "POST", "/api/v1/meeting_schedule/recurrence", body, &m)
	if m.RecurrenceGID == "" || m.MeetingType != "recurrence" {
		h.t.Fatalf("create series answered %+v", m)
	}
	return m
}

// group reads a whole series, every occurrence on one page.
func (h *harness) group(id string) sqmeeting.SeriesView {
	h.t.Helper()
	var g sqmeeting.SeriesView
	h.ok(http.StatusOK, "GET", "/api/v1/meeting_schedule/recurrence/"+id+"?page_size=500", nil, &g)
	return g
}

// starts lists a series' occurrences as "2006-01-02 15:04" in loc.
func starts(g sqmeeting.SeriesView, loc *time.Location) []string {
	var out []string
	for _, m := range g.ScheduledMeetings {
		out = append(out, time.UnixMilli(m.ScheduleStartTime).In(loc).Format("2006-01-02 15:04"))
	}
	return out
}

func utc(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestExpansion checks each kind of rule against dates worked out by hand.
func TestExpansion(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		loc  *time.Location
		body map[string]any
		want []string // local start times
	}{{
		// Every other day from Monday 3 March to Wednesday 12 March.
		name: "daily interval 2",
		body: series("DAILY", 2, utc("2025-03-03 10:00"), time.Hour, "2025-03-12", time.UTC),
		want: []string{"2025-03-03 10:00", "2025-03-05 10:00", "2025-03-07 10:00", "2025-03-09 10:00", "2025-03-11 10:00"},
	}, {
		// Mondays, Wednesdays and Fridays (2, 4, 6: 1 is Sunday) of every
		// other week, weeks starting on Sunday: the week of Sunday 2 March
		// (Monday 3 is before the first occurrence), not the week of 9 March,
		// the week of 16 March, not the week of 23 March, then Monday 31.
		name: "weekly several days every 2 weeks",
		body: withDays(series("WEEKLY", 2, utc("2025-03-05 14:00"), 30*time.Minute, "2025-03-31", time.UTC), "recurrenceDaysOfWeek", 6, 2, 4),
		want: []string{"2025-03-05 14:00", "2025-03-07 14:00", "2025-03-17 14:00", "2025-03-19 14:00", "2025-03-21 14:00", "2025-03-31 14:00"},
	}, {
		// 1 is Sunday.
		name: "weekly on Sundays",
		body: withDays(series("WEEKLY", 1, utc("2025-03-02 08:00"), time.Hour, "2025-03-20", time.UTC), "recurrenceDaysOfWeek", 1),
		want: []string{"2025-03-02 08:00", "2025-03-09 08:00", "2025-03-16 08:00"},
	}, {
		// Without days, the first occurrence's weekday (a Tuesday).
		name: "weekly default day",
		body: series("WEEKLY", 3, utc("2025-03-04 08:00"), time.Hour, "2025-04-30", time.UTC),
		want: []string{"2025-03-04 08:00", "2025-03-25 08:00", "2025-04-15 08:00"},
	}, {
		// The 31st: February, April and June have none and are skipped.
		name: "monthly on the 31st",
		body: withDays(series("MONTHLY", 1, utc("2025-01-31 09:00"), time.Hour, "2025-08-31", time.UTC), "recurrenceDaysOfMonth", 31),
		want: []string{"2025-01-31 09:00", "2025-03-31 09:00", "2025-05-31 09:00", "2025-07-31 09:00", "2025-08-31 09:00"},
	}, {
		// The 15th and the 30th of every other month: February has no 30th
		// but is not one of the months anyway; April's 30th is there.
		name: "monthly two days every 2 months",
		body: withDays(series("MONTHLY", 2, utc("2025-02-15 09:00"), time.Hour, "2025-06-29", time.UTC), "recurrenceDaysOfMonth", 30, 15),
		want: []string{"2025-02-15 09:00", "2025-04-15 09:00", "2025-04-30 09:00", "2025-06-15 09:00"},
	}, {
		// Without days, the first occurrence's day of the month.
		name: "monthly default day",
		body: series("MONTHLY", 1, utc("2025-01-10 09:00"), time.Hour, "2025-03-10", time.UTC),
		want: []string{"2025-01-10 09:00", "2025-02-10 09:00", "2025-03-10 09:00"},
	}, {
		// Mondays and Thursdays at 09:30 in Berlin across the change to summer
		// time on the last Sunday of March (30 March 2025): 08:30 UTC before,
		// 07:30 UTC after, 09:30 local throughout.
		name: "weekly across DST in Berlin",
		loc:  berlin,
		body: withDays(series("WEEKLY", 1, utc("2025-03-24 08:30"), time.Hour, "2025-04-03", berlin), "recurrenceDaysOfWeek", 2, 5),
		want: []string{"2025-03-24 09:30", "2025-03-27 09:30", "2025-03-31 09:30", "2025-04-03 09:30"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			loc := tc.loc
			if loc == nil {
				loc = time.UTC
			}
			h := newHarness(t, func(o *sqmeeting.Options) { o.TimeZone = loc })
			first := h.createSeries(tc.body)
			g := h.group(first.RecurrenceGID)
			if got := starts(g, loc); !slices.Equal(got, tc.want) {
				t.Errorf("occurrences\n got %v\nwant %v", got, tc.want)
			}
			if g.TotalSize != len(tc.want) || first.ReservationID != g.ScheduledMeetings[0].ReservationID {
				t.Errorf("total %d, first %s vs %s", g.TotalSize, first.ReservationID, g.ScheduledMeetings[0].ReservationID)
			}
			end, endOK := tc.body["recurrenceEndTime"].(int64)
			start, startOK := tc.body["recurrenceStartTime"].(int64)
			if !endOK || !startOK {
				t.Fatalf("recurrenceStartTime %#v, recurrenceEndTime %#v: not epoch milliseconds", tc.body["recurrenceStartTime"], tc.body["recurrenceEndTime"])
			}
			length := end - start
			for _, m := range g.ScheduledMeetings {
				if m.ScheduleEndTime-m.ScheduleStartTime != length {
					t.Errorf("occurrence %s lasts %dms, want %d", m.ReservationID, m.ScheduleEndTime-m.ScheduleStartTime, length)
				}
			}
		})
	}
	// The DST case in UTC instants.
	h := newHarness(t, func(o *sqmeeting.Options) { o.TimeZone = berlin })
	g := h.group(h.createSeries(withDays(series("WEEKLY", 1, utc("2025-03-24 08:30"), time.Hour, "2025-04-03", berlin), "recurrenceDaysOfWeek", 2, 5)).RecurrenceGID)
	if got, want := starts(g, time.UTC), []string{"2025-03-24 08:30", "2025-03-27 08:30", "2025-03-31 07:30", "2025-04-03 07:30"}; !slices.Equal(got, want) {
		t.Errorf("Berlin occurrences in UTC: %v, want %v", got, want)
	}
}

func withDays(body map[string]any, field string, days ...int) map[string]any {
	body[field] = days
	return body
}

// TestRecurrenceLifecycle: both create endpoints, the group read by its ID and
// by an occurrence's, the list, one occurrence's update and cancellation, the
// series' update and deleting the series.
func TestRecurrenceLifecycle(t *testing.T) {
	h := newHarness(t)
	alice := h.userID("alice")
	body := series("DAILY", 1, utc("2025-03-03 10:00"), time.Hour, "2025-03-07", time.UTC)
	body["invited_users"] = []string{alice}
	body["meeting_password"] = "111111"
	// Through POST /api/v1/meeting_schedule with meeting_type recurrence.
	var first sqmeeting.MeetingView
	h.ok(200, "POST", "/api/v1/meeting_schedule", body, &first)
	gid := first.RecurrenceGID
	if first.RecurrenceType != "DAILY" || first.Rule == nil || first.Interval != 1 || first.StartTime != ms(utc("2025-03-03 10:00")) ||
		first.StartDay != ms(utc("2025-03-03 00:00")) || first.GroupMeetingURL == "" || first.MeetingPassword != "111111" {
		t.Errorf("first occurrence %+v", first)
	}
	g := h.group(gid)
	if g.RecurrenceGID != gid || g.RecurrenceType != "DAILY" || g.RecurrenceTypeAlt != "DAILY" || g.MeetingName != "Series" ||
		g.TotalSize != 5 || len(g.MeetingSchedules) != 5 || g.MeetingNumber != first.MeetingNumber || g.DaysOfWeek == nil {
		t.Errorf("group %+v", g)
	}
	ids := make([]string, 0, 5)
	for _, m := range g.ScheduledMeetings {
		ids = append(ids, m.ReservationID)
		if m.MeetingNumber != first.MeetingNumber || m.RecurrenceGID != gid || m.MeetingPassword != "111111" || len(m.ParticipantUsers) != 1 {
			t.Errorf("occurrence %+v", m)
		}
	}
	// By an occurrence's ID too (the Qt client), and a page of it.
	var byOcc sqmeeting.SeriesView
	h.ok(200, "GET", "/api/v1/meeting_schedule/recurrence/"+ids[2]+"?page_num=2&page_size=2", nil, &byOcc)
	if byOcc.RecurrenceGID != gid || byOcc.TotalPageNum != 3 || len(byOcc.ScheduledMeetings) != 2 || byOcc.ScheduledMeetings[0].ReservationID != ids[2] {
		t.Errorf("page 2 by occurrence: %+v", byOcc)
	}

	// The list shows the series once, with its other occurrences.
	other := h.create(reservation("Single", 0))
	var list sqmeeting.MeetingList
	h.ok(200, "GET", "/api/v1/meeting_schedule", nil, &list)
	if list.TotalSize != 2 || list.ScheduledMeetings[0].ReservationID != other.ReservationID ||
		list.ScheduledMeetings[1].ReservationID != ids[0] || len(list.ScheduledMeetings[1].RecurrenceReservationList) != 4 {
		t.Errorf("list %+v", list)
	}

	// One occurrence moves and is renamed; the others do not change.
	h.ok(204, "POST", "/api/v1/meeting_schedule/"+ids[1], map[string]any{
		"meeting_type": "recurrence", "meeting_name": "Moved",
		"schedule_start_time": ms(utc("2025-03-09 12:00")), "schedule_end_time": ms(utc("2025-03-09 13:00")),
	}, nil)
	g = h.group(gid)
	if got := starts(g, time.UTC); !slices.Equal(got, []string{"2025-03-03 10:00", "2025-03-05 10:00", "2025-03-06 10:00", "2025-03-07 10:00", "2025-03-09 12:00"}) {
		t.Errorf("after moving one: %v", got)
	}
	if g.ScheduledMeetings[4].MeetingName != "Moved" || g.ScheduledMeetings[0].MeetingName != "Series" || g.MeetingName != "Series" {
		t.Errorf("names after moving one: %q %q", g.ScheduledMeetings[4].MeetingName, g.ScheduledMeetings[0].MeetingName)
	}
	// Cancel the one of 6 March.
	h.ok(204, "DELETE", "/api/v1/meeting_schedule/"+ids[3], nil, nil)
	h.fails(404, sqmeeting.CodeNotFound, "GET", "/api/v1/meeting_schedule/"+ids[3], nil)
	if g := h.group(gid); g.TotalSize != 4 {
		t.Errorf("after cancelling one: %d occurrences", g.TotalSize)
	}

	// The series changes: every occurrence is regenerated from the rule, at
	// 11:00, through 8 March. Dates the series had keep their IDs; the
	// cancelled 6 March and the moved 4 March come back as the rule says.
	upd := map[string]any{
		"meeting_name":        "Renamed",
		"recurrenceStartTime": ms(utc("2025-03-03 11:00")), "recurrenceEndTime": ms(utc("2025-03-03 11:30")),
		"recurrenceEndDay": ms(utc("2025-03-08 23:59")),
	}
	h.ok(204, "POST", "/api/v1/meeting_schedule/recurrence/"+gid, upd, nil)
	g = h.group(gid)
	if got := starts(g, time.UTC); !slices.Equal(got, []string{"2025-03-03 11:00", "2025-03-04 11:00", "2025-03-05 11:00", "2025-03-06 11:00", "2025-03-07 11:00", "2025-03-08 11:00"}) {
		t.Errorf("after the series' update: %v", got)
	}
	if g.ScheduledMeetings[0].ReservationID != ids[0] || g.ScheduledMeetings[2].ReservationID != ids[2] || g.ScheduledMeetings[3].ReservationID == ids[3] {
		t.Errorf("IDs after update: %v vs %v", g.ScheduledMeetings, ids)
	}
	for _, m := range g.ScheduledMeetings {
		if m.MeetingName != "Renamed" || m.MeetingPassword != "111111" || m.ScheduleEndTime-m.ScheduleStartTime != ms(utc("2025-03-03 11:30"))-ms(utc("2025-03-03 11:00")) {
			t.Errorf("occurrence after update %+v", m)
		}
	}
	// By an occurrence's ID, as the Qt client does: weekly now.
	h.ok(204, "POST", "/api/v1/meeting_schedule/recurrence/"+ids[0], map[string]any{"recurrence_type": "WEEKLY", "recurrenceDaysOfWeek": []int{2, 6}}, nil)
	if got := starts(h.group(gid), time.UTC); !slices.Equal(got, []string{"2025-03-03 11:00", "2025-03-07 11:00"}) {
		t.Errorf("after going weekly: %v", got)
	}

	// Only the owner changes it; an invitee reads it.
	tok := h.signIn("alice", "alice-password").UserToken
	path := "/api/v1/meeting_schedule/recurrence/" + gid
	h.expect(h.as(tok, "GET", path, nil), 200, "GET", path, nil)
	h.failure(h.as(tok, "POST", path, map[string]any{"meeting_name": "x"}), 403, sqmeeting.CodeForbidden, "POST", path)
	bob := h.signIn("bob", "bob-password").UserToken
	h.failure(h.as(bob, "GET", path, nil), 404, sqmeeting.CodeNotFound, "GET", path)

	// deleteGroup on an occurrence deletes the series.
	h.ok(204, "DELETE", "/api/v1/meeting_schedule/"+ids[0]+"?deleteGroup=true", nil, nil)
	h.fails(404, sqmeeting.CodeNotFound, "GET", path, nil)
	for _, m := range g.ScheduledMeetings {
		h.fails(404, sqmeeting.CodeNotFound, "GET", "/api/v1/meeting_schedule/"+m.ReservationID, nil)
	}
}

// TestCancelEveryOccurrence: a series without occurrences is gone.
func TestCancelEveryOccurrence(t *testing.T) {
	h := newHarness(t)
	first := h.createSeries(series("DAILY", 1, utc("2025-03-03 10:00"), time.Hour, "2025-03-04", time.UTC))
	g := h.group(first.RecurrenceGID)
	for _, m := range g.ScheduledMeetings {
		h.ok(204, "DELETE", "/api/v1/meeting_schedule/"+m.ReservationID, nil, nil)
	}
	h.fails(404, sqmeeting.CodeNotFound, "GET", "/api/v1/meeting_schedule/recurrence/"+first.RecurrenceGID, nil)
}

// TestDocumentExample sends the document's "Create a Recurrence Meeting"
// body, with its one time that cannot be (the example's schedule times, in
// 2022, lie before its recurrenceStartTime; the recurrence fields win).
func TestDocumentExample(t *testing.T) {
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, func(o *sqmeeting.Options) { o.TimeZone = shanghai })
	first := h.createSeries(map[string]any{
		"recurrence_type": "DAILY", "meeting_name": "Someone's meeting", "meeting_description": "XXXXXX",
		"schedule_start_time": 1641525383726, "schedule_end_time": 1641532583788, "meeting_room_id": nil,
		"call_rate_type": "2048K", "meeting_password": "111111", "invited_users": []string{h.userID("bob")},
		"mute_upon_entry": "DISABLE", "guest_dial_in": true, "watermark": false, "watermark_type": "single",
		"meeting_type": "recurrence", "recurrenceInterval": 2, "recurrenceStartTime": 1698215400000,
		"recurrenceEndTime": 1698219000000, "recurrenceStartDay": 1698215400000, "recurrenceEndDay": 1700927999000,
	})
	g := h.group(first.RecurrenceGID)
	// 25 October 2023 14:30 in Shanghai, every other day to 25 November:
	// 16 occurrences (25 Oct, 27, 29, 31, 2 Nov, ..., 24 Nov).
	got := starts(g, shanghai)
	if len(got) != 16 || got[0] != "2023-10-25 14:30" || got[15] != "2023-11-24 14:30" {
		t.Errorf("occurrences %v", got)
	}
	if g.StartDay != 1698215400000 || g.EndDay != 1700927999000 {
		t.Errorf("bounds %d %d", g.StartDay, g.EndDay)
	}
}

func TestRecurrenceValidation(t *testing.T) {
	h := newHarness(t)
	valid := func() map[string]any {
		return series("WEEKLY", 1, utc("2025-03-03 10:00"), time.Hour, "2025-03-31", time.UTC)
	}
	for _, tc := range []struct {
		name string
		edit func(map[string]any)
		want string
	}{
		{"no type", func(b map[string]any) { delete(b, "recurrence_type") }, "recurrence_type is required"},
		{"bad type", func(b map[string]any) { b["recurrence_type"] = "YEARLY" }, "recurrence_type must be one of"},
		{"lower case type", func(b map[string]any) { b["recurrence_type"] = "weekly" }, "recurrence_type must be one of"},
		{"interval 0", func(b map[string]any) { b["recurrenceInterval"] = 0 }, "recurrenceInterval must be from 1 to 12"},
		{"weekly interval 13", func(b map[string]any) { b["recurrenceInterval"] = 13 }, "from 1 to 12 for WEEKLY"},
		{"daily interval 100", func(b map[string]any) {
			b["recurrence_type"] = "DAILY"
			b["recurrenceInterval"] = 100
		}, "from 1 to 99 for DAILY"},
		{"weekday 8", func(b map[string]any) { b["recurrenceDaysOfWeek"] = []int{8} }, "integers from 1 to 7"},
		{"weekday 0", func(b map[string]any) { b["recurrenceDaysOfWeek"] = []int{0} }, "integers from 1 to 7"},
		{"weekday twice", func(b map[string]any) { b["recurrenceDaysOfWeek"] = []int{2, 2} }, "holds 2 twice"},
		{"month day 32", func(b map[string]any) {
			b["recurrence_type"] = "MONTHLY"
			b["recurrenceDaysOfMonth"] = []int{32}
		}, "integers from 1 to 31"},
		{"month days on weekly", func(b map[string]any) { b["recurrenceDaysOfMonth"] = []int{3} }, "MONTHLY only"},
		{"week days on daily", func(b map[string]any) {
			b["recurrence_type"] = "DAILY"
			b["recurrenceDaysOfWeek"] = []int{2}
		}, "WEEKLY only"},
		{"no first occurrence", func(b map[string]any) {
			delete(b, "recurrenceStartTime")
			delete(b, "recurrenceEndTime")
		}, "recurrenceStartTime and recurrenceEndTime"},
		{"end before start", func(b map[string]any) { b["recurrenceEndTime"] = b["recurrenceStartTime"] }, "recurrenceEndTime must be after"},
		{"no end day", func(b map[string]any) { delete(b, "recurrenceEndDay") }, "recurrenceEndDay (the last day of the series) is required"},
		{"end day first", func(b map[string]any) { b["recurrenceEndDay"] = ms(utc("2025-03-01 00:00")) }, "recurrenceEndDay must not be before"},
		{"no occurrence", func(b map[string]any) {
			b["recurrenceDaysOfWeek"] = []int{7}
			b["recurrenceEndDay"] = ms(utc("2025-03-04 23:59"))
		}, "no occurrence"},
		{"too many", func(b map[string]any) {
			b["recurrence_type"] = "DAILY"
			b["recurrenceEndDay"] = ms(utc("2028-12-31 23:59"))
		}, "more than 1000 occurrences"},
		{"too long", func(b map[string]any) { b["recurrenceEndDay"] = ms(utc("2036-01-01 00:00")) }, "within 10 years"},
		{"not a recurrence", func(b map[string]any) { b["meeting_type"] = "reservation" }, `meeting_type must be "recurrence"`},
		{"no name", func(b map[string]any) { delete(b, "meeting_name") }, "meeting_name is required"},
		{"unknown field", func(b map[string]any) { b["recurrenceCount"] = 3 }, `unknown field "recurrenceCount"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := valid()
			tc.edit(b)
			msg := h.fails(400, sqmeeting.CodeInvalidParameter, "POST", "/api/v1/meeting_schedule/recurrence", b)
			if !strings.Contains(msg, tc.want) {
				t.Errorf("message %q does not contain %q", msg, tc.want)
			}
		})
	}
	// A failed update changes nothing.
	first := h.createSeries(valid())
	h.fails(400, sqmeeting.CodeInvalidParameter, "POST", "/api/v1/meeting_schedule/recurrence/"+first.RecurrenceGID,
		map[string]any{"meeting_name": "Changed", "recurrenceInterval": 50})
	if g := h.group(first.RecurrenceGID); g.MeetingName != "Series" || g.Interval != 1 || g.TotalSize != 5 {
		t.Errorf("after a failed update: %+v", g)
	}
	h.fails(400, sqmeeting.CodeInvalidParameter, "POST", "/api/v1/meeting_schedule/recurrence/"+first.RecurrenceGID, map[string]any{"meeting_type": "instant"})
	h.fails(404, sqmeeting.CodeNotFound, "POST", "/api/v1/meeting_schedule/recurrence/nope", map[string]any{})
	h.fails(404, sqmeeting.CodeNotFound, "GET", "/api/v1/meeting_schedule/recurrence/nope", nil)
	// The document's GET for creating.
	h.fails(405, fmt.Sprintf("0x%08d", 405), "GET", "/api/v1/meeting_schedule/recurrence", nil)
}
