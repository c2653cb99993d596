package sqmeeting_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	emu "github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

func TestTimeJSON(t *testing.T) {
	for _, in := range []string{`1741424400000`, `"1741424400000"`} {
		var v sqmeeting.Time
		if err := json.Unmarshal([]byte(in), &v); err != nil || !v.Equal(time.UnixMilli(1741424400000)) {
			t.Errorf("%s: %v %v", in, v, err)
		}
	}
	for _, in := range []string{`null`, `""`, `0`} {
		var v sqmeeting.Time
		if err := json.Unmarshal([]byte(in), &v); err != nil || !v.IsZero() {
			t.Errorf("%s: %v %v", in, v, err)
		}
	}
	var v sqmeeting.Time
	if err := json.Unmarshal([]byte(`"2025-03-08T09:00:00Z"`), &v); err == nil {
		t.Error("an RFC 3339 string was taken for epoch milliseconds")
	}
	b, _ := json.Marshal(sqmeeting.MeetingInput{ScheduleStartTime: sqmeeting.At(time.UnixMilli(1741424400123).Add(456))})
	if string(b) != `{"schedule_start_time":1741424400123}` {
		t.Errorf("encoded %s", b)
	}
	if b, _ := json.Marshal(sqmeeting.RecurrenceInput{}); string(b) != `{}` {
		t.Errorf("an empty input encodes as %s", b)
	}
}

func TestWeekdayNumbers(t *testing.T) {
	if sqmeeting.WeekdayNumber(time.Sunday) != 1 || sqmeeting.WeekdayNumber(time.Saturday) != 7 {
		t.Error("1 is Sunday, 7 Saturday")
	}
	for n := 1; n <= 7; n++ {
		if d, ok := sqmeeting.Weekday(n); !ok || sqmeeting.WeekdayNumber(d) != n {
			t.Errorf("Weekday(%d) = %v %v", n, d, ok)
		}
	}
	if _, ok := sqmeeting.Weekday(0); ok {
		t.Error("0 is no weekday")
	}
}

func TestMeetingLifecycle(t *testing.T) {
	s := newServer(t, emu.Options{})
	c := adminClient(t, s)
	ctx := context.Background()
	users, err := c.SearchUsers(ctx, "alice")
	if err != nil || len(users) != 1 {
		t.Fatalf("users %v %v", users, err)
	}
	from := start.Add(24 * time.Hour)
	m, err := c.CreateMeeting(ctx, sqmeeting.MeetingInput{
		MeetingType: sqmeeting.MeetingTypeReservation, MeetingName: "Planning",
		ScheduleStartTime: sqmeeting.At(from), ScheduleEndTime: sqmeeting.At(from.Add(time.Hour)),
		MeetingPassword: ptr(""), InvitedUsers: []string{users[0].UserID}, GuestDialIn: ptr(false),
		TimeToJoin: ptr(-1), CallRateType: "4096K",
	})
	if err != nil {
		t.Fatal(err)
	}
	if m.MeetingName != "Planning" || !m.ScheduleStartTime.Equal(from) || m.MeetingPassword != "" || m.GuestDialIn ||
		m.TimeToJoin != -1 || m.RecurrenceType != sqmeeting.RecurrenceNone || len(m.InvitedUsersDetail) != 1 ||
		m.InvitedUsersDetail[0].Username != "alice" || m.MeetingRoomID != "" {
		t.Errorf("created %+v", m)
	}
	err = c.UpdateMeeting(ctx, m.ReservationID, sqmeeting.MeetingInput{
		MeetingName: "Replanned", MeetingDescription: ptr("agenda"), InvitedUsers: []string{},
		ScheduleStartTime: sqmeeting.At(from.Add(time.Hour)), ScheduleEndTime: sqmeeting.At(from.Add(2 * time.Hour)),
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.GetMeeting(ctx, m.ReservationID)
	if err != nil {
		t.Fatal(err)
	}
	if got.MeetingName != "Replanned" || got.MeetingDescription != "agenda" || len(got.InvitedUsersDetail) != 0 ||
		!got.ScheduleEndTime.Equal(from.Add(2*time.Hour)) || got.CallRateType != "4096K" || got.MeetingPassword != "" {
		t.Errorf("after update %+v", got)
	}
	if err := c.DeleteMeeting(ctx, m.ReservationID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetMeeting(ctx, m.ReservationID); !client.IsNotFound(err) {
		t.Errorf("after delete: %v", err)
	}
	if _, err := c.GetMeeting(ctx, ""); err == nil {
		t.Error("an empty ID was sent")
	}
}

func TestInstantMeetingCannotBeUpdated(t *testing.T) {
	s := newServer(t, emu.Options{})
	c := adminClient(t, s)
	ctx := context.Background()
	m, err := c.CreateMeeting(ctx, sqmeeting.MeetingInput{MeetingType: sqmeeting.MeetingTypeInstant, MeetingName: "Now"})
	if err != nil {
		t.Fatal(err)
	}
	if !m.ScheduleStartTime.Equal(start) || len(m.MeetingPassword) != 6 {
		t.Errorf("instant %+v", m)
	}
	err = c.UpdateMeeting(ctx, m.ReservationID, sqmeeting.MeetingInput{MeetingName: "Later"})
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != emu.CodeNotUpdatable || apiErr.StatusCode != http.StatusBadRequest {
		t.Errorf("update of an instant meeting: %v", err)
	}
}

// TestListEveryPage: more meetings than one page holds.
func TestListEveryPage(t *testing.T) {
	s := newServer(t, emu.Options{})
	c := adminClient(t, s)
	ctx := context.Background()
	for i := range 230 {
		from := start.Add(time.Duration(i) * time.Hour)
		_, err := c.CreateMeeting(ctx, sqmeeting.MeetingInput{
			MeetingType: sqmeeting.MeetingTypeReservation, MeetingName: fmt.Sprintf("m%03d", i),
			ScheduleStartTime: sqmeeting.At(from), ScheduleEndTime: sqmeeting.At(from.Add(time.Hour)),
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	all, err := c.ListMeetings(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 230 || all[0].MeetingName != "m000" || all[229].MeetingName != "m229" {
		t.Errorf("listed %d", len(all))
	}
	if n := s.count("GET /api/v1/meeting_schedule"); n != 3 {
		t.Errorf("%d pages read, want 3", n)
	}
	some, err := c.ListMeetings(ctx, "m01")
	if err != nil || len(some) != 10 {
		t.Errorf("filtered: %d %v", len(some), err)
	}
}

func TestRecurrence(t *testing.T) {
	s := newServer(t, emu.Options{})
	c := adminClient(t, s)
	ctx := context.Background()
	first := time.Date(2025, 3, 3, 10, 0, 0, 0, time.UTC)
	// Every day for 150 days: two pages of occurrences.
	m, err := c.CreateRecurrence(ctx, sqmeeting.RecurrenceInput{
		MeetingInput: sqmeeting.MeetingInput{MeetingName: "Daily", MeetingPassword: ptr("111111")},
		Rule: sqmeeting.Rule{
			RecurrenceType: sqmeeting.RecurrenceDaily, RecurrenceInterval: 1,
			RecurrenceStartTime: sqmeeting.At(first), RecurrenceEndTime: sqmeeting.At(first.Add(30 * time.Minute)),
			RecurrenceEndDay: sqmeeting.At(first.AddDate(0, 0, 149).Add(13 * time.Hour)),
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if m.MeetingType != sqmeeting.MeetingTypeRecurrence || m.RecurrenceType != sqmeeting.RecurrenceDaily || !m.ScheduleStartTime.Equal(first) {
		t.Errorf("first occurrence %+v", m)
	}
	r, err := c.GetRecurrence(ctx, m.RecurrenceGID)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Occurrences) != 150 || r.RecurrenceGID != m.RecurrenceGID || r.RecurrenceType != "DAILY" || r.RecurrenceInterval != 1 ||
		!r.RecurrenceStartTime.Equal(first) || r.Occurrences[0].ReservationID != m.ReservationID || r.GroupMeetingURL == "" {
		t.Fatalf("recurrence: %d occurrences, %+v", len(r.Occurrences), r.Rule)
	}
	if !r.Occurrences[149].ScheduleStartTime.Equal(first.AddDate(0, 0, 149)) {
		t.Errorf("last occurrence %v", r.Occurrences[149].ScheduleStartTime)
	}

	// Weekly on Mondays and Fridays for four weeks.
	err = c.UpdateRecurrence(ctx, m.RecurrenceGID, sqmeeting.RecurrenceInput{
		MeetingInput: sqmeeting.MeetingInput{MeetingName: "Twice a week"},
		Rule: sqmeeting.Rule{
			RecurrenceType:       sqmeeting.RecurrenceWeekly,
			RecurrenceDaysOfWeek: []int{sqmeeting.WeekdayNumber(time.Monday), sqmeeting.WeekdayNumber(time.Friday)},
			RecurrenceEndDay:     sqmeeting.At(first.AddDate(0, 0, 25)),
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err = c.GetRecurrence(ctx, m.RecurrenceGID)
	if err != nil {
		t.Fatal(err)
	}
	var days []string
	for _, o := range r.Occurrences {
		days = append(days, o.ScheduleStartTime.Format("Mon 02"))
		if o.MeetingName != "Twice a week" || o.MeetingPassword != "111111" {
			t.Errorf("occurrence %+v", o)
		}
	}
	if want := []string{"Mon 03", "Fri 07", "Mon 10", "Fri 14", "Mon 17", "Fri 21", "Mon 24", "Fri 28"}; !slices.Equal(days, want) {
		t.Errorf("weekly occurrences %v, want %v", days, want)
	}
	if !slices.Equal(r.RecurrenceDaysOfWeek, []int{2, 6}) {
		t.Errorf("days %v", r.RecurrenceDaysOfWeek)
	}

	// Cancel one; the list shows the series once.
	if err := c.DeleteOccurrence(ctx, r.Occurrences[1].ReservationID); err != nil {
		t.Fatal(err)
	}
	list, err := c.ListMeetings(ctx, "")
	if err != nil || len(list) != 1 || len(list[0].RecurrenceReservationList) != 6 {
		t.Fatalf("list %v %v", list, err)
	}
	if err := c.DeleteRecurrence(ctx, m.RecurrenceGID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetRecurrence(ctx, m.RecurrenceGID); !client.IsNotFound(err) {
		t.Errorf("after delete: %v", err)
	}
	if err := c.DeleteRecurrence(ctx, m.RecurrenceGID); !client.IsNotFound(err) {
		t.Errorf("second delete: %v", err)
	}
}

func TestDirectoryAndSystem(t *testing.T) {
	s := newServer(t, emu.Options{})
	c := adminClient(t, s)
	ctx := context.Background()
	users, err := c.SearchUsers(ctx, "")
	if err != nil || len(users) != 4 {
		t.Errorf("users %v %v", users, err)
	}
	rooms, err := c.MeetingRooms(ctx)
	if err != nil || len(rooms) != 1 || rooms[0].MeetingNumber != "90000001" || rooms[0].CreatedTime.IsZero() {
		t.Errorf("rooms %+v %v", rooms, err)
	}
	capacity, err := c.SystemCapacity(ctx)
	if err != nil || capacity.System.CurrentUsers != 4 || capacity.System.Status != "authorized" {
		t.Errorf("capacity %+v %v", capacity, err)
	}
	v, err := c.SystemVersion(ctx)
	if err != nil || v != emu.DefaultVersion {
		t.Errorf("version %q %v", v, err)
	}
	// A meeting in the room takes its number.
	m, err := c.CreateMeeting(ctx, sqmeeting.MeetingInput{
		MeetingType: sqmeeting.MeetingTypeReservation, MeetingName: "Room", MeetingRoomID: &rooms[0].MeetingRoomID,
		ScheduleStartTime: sqmeeting.At(start), ScheduleEndTime: sqmeeting.At(start.Add(time.Hour)),
	})
	if err != nil || m.MeetingNumber != "90000001" || m.MeetingRoomID != rooms[0].MeetingRoomID {
		t.Errorf("meeting in a room %+v %v", m, err)
	}
}

// TestVendorSpellings: what the vendor's clients read, where it differs from
// the document, reads the same: invited_users_details, meeting_schedules,
// times as strings, recurrenceType and a rule given on the occurrences only.
func TestVendorSpellings(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/v1/user/sign_in":
			_, _ = io.WriteString(w, `{"user_token":"t","user_id":"u","username":"a"}`)
		case "/api/v1/meeting_schedule":
			_, _ = io.WriteString(w, `{"meeting_schedules":[{"reservation_id":"r1","schedule_start_time":"1741424400000",`+
				`"invited_users_details":[{"user_id":"x","username":"alice","real_name":"Alice"}]}],"total_page_num":1,"total_size":1}`)
		case "/api/v1/meeting_schedule/recurrence/g":
			_, _ = io.WriteString(w, `{"recurrenceType":"WEEKLY","meeting_schedules":[{"reservation_id":"o1","recurrence_gid":"g",`+
				`"recurrenceInterval":2,"recurrenceStartTime":1741424400000,"recurrenceDaysOfWeek":[2]}],"total_page_num":1}`)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	c, err := sqmeeting.New(sqmeeting.Config{Endpoint: srv.URL, Username: "a", Password: "b", HTTP: client.Config{MaxRetries: -1}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	list, err := c.ListMeetings(ctx, "")
	if err != nil || len(list) != 1 || list[0].ScheduleStartTime.UnixMilli() != 1741424400000 || len(list[0].InvitedUsersDetail) != 1 {
		t.Errorf("list %+v %v", list, err)
	}
	r, err := c.GetRecurrence(ctx, "g")
	if err != nil || r.RecurrenceType != "WEEKLY" || r.RecurrenceInterval != 2 || r.RecurrenceStartTime.UnixMilli() != 1741424400000 || len(r.Occurrences) != 1 {
		t.Errorf("recurrence %+v %v", r, err)
	}
}
