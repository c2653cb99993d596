package sqmeeting

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// Values of the API's enumerations (sqmeeting-frtc.txt, and the vendor's
// clients where the document shows a single example).
const (
	MeetingTypeInstant     = "instant"
	MeetingTypeReservation = "reservation"
	MeetingTypeRecurrence  = "recurrence"

	RecurrenceNone    = "NONE"
	RecurrenceDaily   = "DAILY"
	RecurrenceWeekly  = "WEEKLY"
	RecurrenceMonthly = "MONTHLY"

	MuteUponEntryEnable  = "ENABLE"
	MuteUponEntryDisable = "DISABLE"

	WatermarkSingle = "single"
)

// Time is an instant the API carries as epoch milliseconds. It reads a JSON
// number or a string holding one (the vendor's clients send both), and null,
// "" or 0 as the zero Time; it writes a number. A zero Time is left out of
// request bodies (the fields are omitzero).
type Time struct{ time.Time }

// At is t as a Time, to the millisecond.
func At(t time.Time) Time { return Time{t.Truncate(time.Millisecond)} }

// MarshalJSON writes epoch milliseconds.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, t.UnixMilli(), 10), nil
}

// UnmarshalJSON reads epoch milliseconds, as a number or a string.
func (t *Time) UnmarshalJSON(b []byte) error {
	b = bytes.Trim(bytes.TrimSpace(b), `"`)
	if len(b) == 0 || string(b) == "null" {
		*t = Time{}
		return nil
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return fmt.Errorf("SQMeeting time %s is not epoch milliseconds", b)
	}
	if n == 0 {
		*t = Time{}
		return nil
	}
	*t = Time{time.UnixMilli(n).UTC()}
	return nil
}

// WeekdayNumber is the API's number for d in recurrenceDaysOfWeek: 1 is
// Sunday and 7 Saturday, as the vendor's clients count (java.util.Calendar's
// and NSCalendar's numbering).
func WeekdayNumber(d time.Weekday) int { return int(d) + 1 }

// Weekday is the weekday an API number stands for; ok is false outside 1..7.
func Weekday(n int) (d time.Weekday, ok bool) {
	if n < 1 || n > 7 {
		return 0, false
	}
	return time.Weekday(n - 1), true
}

// User is the signed-in user: the answer of sign_in and user/info.
type User struct {
	UserID              string   `json:"user_id"`
	Username            string   `json:"username"`
	Email               string   `json:"email"`
	RealName            string   `json:"real_name"`
	Department          string   `json:"department"`
	Mobile              string   `json:"mobile"`
	PasswordExpiredTime int      `json:"password_expired_time"`
	SecurityLevel       string   `json:"security_level"`
	Role                []string `json:"role"`
}

// PublicUser is an item of the public user search.
type PublicUser struct {
	UserID   string `json:"user_id"`
	Username string `json:"username"`
	RealName string `json:"real_name"`
}

// InvitedUser is an item of a meeting's invited_users_detail.
type InvitedUser struct {
	UserID   string `json:"user_id"`
	Username string `json:"username"`
	RealName string `json:"real_name"`
}

// MeetingRoom is one of the signed-in user's personal meeting rooms.
type MeetingRoom struct {
	MeetingRoomID   string `json:"meeting_room_id"`
	MeetingNumber   string `json:"meeting_number"`
	MeetingRoomName string `json:"meetingroom_name"`
	MeetingPassword string `json:"meeting_password"`
	OwnerID         string `json:"owner_id"`
	OwnerName       string `json:"owner_name"`
	CreatorID       string `json:"creator_id"`
	CreatorName     string `json:"creator_name"`
	CreatedTime     Time   `json:"created_time"`
}

// Capacity is the answer of system/capacity.
type Capacity struct {
	Gateway struct {
		MaxCalls     int `json:"max_calls"`
		CurrentCalls int `json:"current_calls"`
	} `json:"gateway"`
	System struct {
		MaxCalls     int    `json:"max_calls"`
		MaxUsers     int    `json:"max_users"`
		CurrentCalls int    `json:"current_calls"`
		CurrentUsers int    `json:"current_users"`
		Status       string `json:"status"`
	} `json:"system"`
}

// Rule is a recurrence. In answers a series' occurrences carry it too; in
// requests (RecurrenceInput) zero fields are left out, so that an update
// changes only what it sets, and a non-nil empty day list clears the days.
//
// RecurrenceStartTime and RecurrenceEndTime are the first occurrence's start
// and end; every occurrence starts at the same local time of day in the
// server's time zone. RecurrenceStartDay and RecurrenceEndDay bound the
// series (the vendor's clients send the first day's 00:00:00 and the last
// day's 23:59:59). Days of the week count 1 = Sunday (see WeekdayNumber);
// days of the month are 1..31, and a month without the day has no
// occurrence on it. Empty day lists mean the first occurrence's day.
type Rule struct {
	RecurrenceType        string `json:"recurrence_type,omitempty"`
	RecurrenceInterval    int    `json:"recurrenceInterval,omitempty"`
	RecurrenceDaysOfWeek  []int  `json:"recurrenceDaysOfWeek,omitzero"`
	RecurrenceDaysOfMonth []int  `json:"recurrenceDaysOfMonth,omitzero"`
	RecurrenceStartTime   Time   `json:"recurrenceStartTime,omitzero"`
	RecurrenceEndTime     Time   `json:"recurrenceEndTime,omitzero"`
	RecurrenceStartDay    Time   `json:"recurrenceStartDay,omitzero"`
	RecurrenceEndDay      Time   `json:"recurrenceEndDay,omitzero"`
}

// Meeting is a scheduled meeting as the API answers it: an instant or a
// reservation meeting, or one occurrence of a series (MeetingType
// recurrence, RecurrenceGID set, the series' Rule filled in).
type Meeting struct {
	ReservationID      string        `json:"reservation_id"`
	MeetingType        string        `json:"meeting_type"`
	MeetingName        string        `json:"meeting_name"`
	MeetingDescription string        `json:"meeting_description"`
	MeetingNumber      string        `json:"meeting_number"`
	CallRateType       string        `json:"call_rate_type"`
	ScheduleStartTime  Time          `json:"schedule_start_time"`
	ScheduleEndTime    Time          `json:"schedule_end_time"`
	MeetingPassword    string        `json:"meeting_password"`
	MeetingRoomID      string        `json:"meeting_room_id"`
	InvitedUsersDetail []InvitedUser `json:"invited_users_detail"`
	MuteUponEntry      string        `json:"mute_upon_entry"`
	GuestDialIn        bool          `json:"guest_dial_in"`
	Watermark          bool          `json:"watermark"`
	WatermarkType      string        `json:"watermark_type"`
	TimeToJoin         int           `json:"time_to_join"`
	OwnerID            string        `json:"owner_id"`
	OwnerName          string        `json:"owner_name"`
	MeetingURL         string        `json:"meeting_url"`
	GenerateLiveURL    bool          `json:"generate_live_url"`
	LivePasscode       string        `json:"live_passcode"`
	LiveMeetingURL     string        `json:"live_meeting_url"`
	RecurrenceGID      string        `json:"recurrence_gid"`
	// Rule's RecurrenceType is NONE outside a series.
	Rule
	GroupMeetingURL string `json:"groupMeetingUrl"`
	// RecurrenceReservationList holds, on a series' item of ListMeetings, the
	// series' other occurrences.
	RecurrenceReservationList []Meeting `json:"recurrenceReservationList"`
}

// UnmarshalJSON reads the invitees under the vendor clients' name,
// invited_users_details, when the document's invited_users_detail is absent.
func (m *Meeting) UnmarshalJSON(b []byte) error {
	type plain Meeting
	var v struct {
		plain
		Alt []InvitedUser `json:"invited_users_details"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*m = Meeting(v.plain)
	if m.InvitedUsersDetail == nil {
		m.InvitedUsersDetail = v.Alt
	}
	return nil
}

// MeetingInput is the body of a meeting's create or update. Zero fields are
// left out: a create then gets the server's defaults, an update keeps the
// current values. Pointers tell "leave alone" (nil) from a value that is a
// zero: MeetingPassword "" means no password and nil lets the server choose
// one (NOTES.md); MeetingRoomID "" takes the meeting out of its room;
// InvitedUsers non-nil but empty removes every invitee.
type MeetingInput struct {
	MeetingType        string   `json:"meeting_type,omitempty"`
	MeetingName        string   `json:"meeting_name,omitempty"`
	MeetingDescription *string  `json:"meeting_description,omitempty"`
	ScheduleStartTime  Time     `json:"schedule_start_time,omitzero"`
	ScheduleEndTime    Time     `json:"schedule_end_time,omitzero"`
	MeetingRoomID      *string  `json:"meeting_room_id,omitempty"`
	CallRateType       string   `json:"call_rate_type,omitempty"`
	MeetingPassword    *string  `json:"meeting_password,omitempty"`
	InvitedUsers       []string `json:"invited_users,omitzero"`
	MuteUponEntry      string   `json:"mute_upon_entry,omitempty"`
	GuestDialIn        *bool    `json:"guest_dial_in,omitempty"`
	Watermark          *bool    `json:"watermark,omitempty"`
	WatermarkType      *string  `json:"watermark_type,omitempty"`
	TimeToJoin         *int     `json:"time_to_join,omitempty"`
	GenerateLiveURL    *bool    `json:"generate_live_url,omitempty"`
	LivePasscode       string   `json:"live_passcode,omitempty"`
}

// RecurrenceInput is the body of a series' create or update: the settings
// every occurrence shares and the rule.
type RecurrenceInput struct {
	MeetingInput
	Rule
}

// Recurrence is a series: its rule and every occurrence, first to last.
// Occurrences carry the series' settings (name, password, invitees, ...);
// one that was changed on its own (UpdateMeeting on its reservation_id)
// carries its own until the series is updated.
type Recurrence struct {
	RecurrenceGID   string `json:"recurrence_gid"`
	GroupMeetingURL string `json:"groupMeetingUrl"`
	Rule
	Occurrences []Meeting `json:"-"`
}
