package sqmeeting

import (
	"net/http"
	"slices"
)

// meeting is a scheduled meeting: instant, reservation, or one occurrence of
// a series (type recurrence, GroupID set).
type meeting struct {
	ReservationID string `json:"reservation_id"`
	Type          string `json:"meeting_type"`
	GroupID       string `json:"recurrence_gid,omitempty"`
	OwnerID       string `json:"owner_id"`
	Start         int64  `json:"schedule_start_time"`
	End           int64  `json:"schedule_end_time"`
	settings
}

// series is a recurrence: its rule, the settings its occurrences start from,
// and its occurrences' reservation IDs, first to last.
type series struct {
	GID         string   `json:"recurrence_gid"`
	OwnerID     string   `json:"owner_id"`
	Rule        rule     `json:"rule"`
	Settings    settings `json:"settings"`
	Occurrences []string `json:"occurrences"`
}

// visibleTo reports whether userID may read a meeting: its owner and its
// invitees (the macOS client lists a meeting when it owns it or is among its
// participantUsers).
func (m *meeting) visibleTo(userID string) bool {
	return m.OwnerID == userID || slices.Contains(m.Invited, userID)
}

// InvitedUser is an item of invited_users_detail.
type InvitedUser struct {
	UserID   string `json:"user_id"`
	Username string `json:"username"`
	RealName string `json:"real_name"`
}

// MeetingView is a meeting as the API answers it: the create answer, the
// detail, and the items of the lists, which the emulator answers in full.
type MeetingView struct {
	ReservationID      string  `json:"reservation_id"`
	MeetingType        string  `json:"meeting_type"`
	MeetingName        string  `json:"meeting_name"`
	MeetingDescription string  `json:"meeting_description"`
	MeetingNumber      string  `json:"meeting_number"`
	CallRateType       string  `json:"call_rate_type"`
	ScheduleStartTime  int64   `json:"schedule_start_time"`
	ScheduleEndTime    int64   `json:"schedule_end_time"`
	MeetingPassword    string  `json:"meeting_password"`
	MeetingRoomID      *string `json:"meeting_room_id"`
	// InvitedUsersDetail is the document's name; the vendor's clients read
	// the same list as invited_users_details and the invitees' IDs as
	// participantUsers, so the emulator answers all three.
	InvitedUsersDetail  []InvitedUser `json:"invited_users_detail"`
	InvitedUsersDetails []InvitedUser `json:"invited_users_details"`
	ParticipantUsers    []string      `json:"participantUsers"`
	MuteUponEntry       string        `json:"mute_upon_entry"`
	GuestDialIn         bool          `json:"guest_dial_in"`
	Watermark           bool          `json:"watermark"`
	WatermarkType       string        `json:"watermark_type"`
	TimeToJoin          int           `json:"time_to_join"`
	OwnerID             string        `json:"owner_id"`
	OwnerName           string        `json:"owner_name"`
	MeetingURL          string        `json:"meeting_url"`
	GenerateLiveURL     bool          `json:"generate_live_url"`
	LivePasscode        string        `json:"live_passcode,omitempty"`
	LiveMeetingURL      string        `json:"live_meeting_url,omitempty"`
	RecurrenceGID       string        `json:"recurrence_gid"`
	// RecurrenceType is NONE outside a series.
	RecurrenceType string `json:"recurrence_type"`
	// An occurrence carries its series' rule and the series' URL.
	*Rule
	GroupMeetingURL string `json:"groupMeetingUrl,omitempty"`
	// RecurrenceReservationList holds, on a series' item of the meeting list,
	// the series' other occurrences (the vendor clients count a series'
	// "remaining meetings" as this list's length + 1).
	RecurrenceReservationList []MeetingView `json:"recurrenceReservationList,omitempty"`
}

// MeetingList is the answer of GET /api/v1/meeting_schedule. The document
// names the list scheduled_meetings; the vendor's clients read
// meeting_schedules with total_page_num and total_size. The emulator answers
// both names.
type MeetingList struct {
	ScheduledMeetings []MeetingView `json:"scheduled_meetings"`
	MeetingSchedules  []MeetingView `json:"meeting_schedules"`
	TotalPageNum      int           `json:"total_page_num"`
	TotalSize         int           `json:"total_size"`
}

// SeriesView is the answer of GET /api/v1/meeting_schedule/recurrence/{id}:
// the document's scheduled_meetings (a page of the occurrences), and what
// the vendor clients read beside it (RecurrenceMeetingListResult: the rule,
// recurrenceType, groupMeetingUrl, meeting_schedules and the page counts),
// plus the series' settings.
type SeriesView struct {
	RecurrenceGID      string `json:"recurrence_gid"`
	MeetingType        string `json:"meeting_type"`
	MeetingName        string `json:"meeting_name"`
	MeetingDescription string `json:"meeting_description"`
	MeetingNumber      string `json:"meeting_number"`
	MeetingPassword    string `json:"meeting_password"`
	CallRateType       string `json:"call_rate_type"`
	OwnerID            string `json:"owner_id"`
	OwnerName          string `json:"owner_name"`
	RecurrenceType     string `json:"recurrence_type"`
	RecurrenceTypeAlt  string `json:"recurrenceType"`
	Rule
	GroupMeetingURL   string        `json:"groupMeetingUrl"`
	ScheduledMeetings []MeetingView `json:"scheduled_meetings"`
	MeetingSchedules  []MeetingView `json:"meeting_schedules"`
	TotalPageNum      int           `json:"total_page_num"`
	TotalSize         int           `json:"total_size"`
}

// baseURL is the address the client called, under which meeting URLs are
// answered.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// view renders m for a client that called base.
func (a *API) view(m *meeting, base string) MeetingView {
	owner := a.users[m.OwnerID]
	v := MeetingView{
		ReservationID: m.ReservationID, MeetingType: m.Type, MeetingName: m.Name,
		MeetingDescription: m.Description, MeetingNumber: m.Number, CallRateType: m.CallRate,
		ScheduleStartTime: m.Start, ScheduleEndTime: m.End, MeetingPassword: m.Password,
		InvitedUsersDetail: a.invitedUsers(m.Invited), ParticipantUsers: slices.Clone(m.Invited),
		MuteUponEntry: m.MuteUponEntry, GuestDialIn: m.GuestDialIn, Watermark: m.Watermark,
		WatermarkType: m.WatermarkType, TimeToJoin: m.TimeToJoin,
		OwnerID: owner.ID, OwnerName: owner.RealName, MeetingURL: base + "/j/" + m.URL,
		GenerateLiveURL: m.LiveURL != "", LivePasscode: m.LivePasscode,
		RecurrenceGID: m.GroupID, RecurrenceType: recurrenceNone,
	}
	v.InvitedUsersDetails = v.InvitedUsersDetail
	if m.RoomID != "" {
		id := m.RoomID
		v.MeetingRoomID = &id
	}
	if m.LiveURL != "" {
		v.LiveMeetingURL = base + "/live/" + m.LiveURL
	}
	if s := a.series[m.GroupID]; s != nil {
		v.RecurrenceType = s.Rule.Type
		r := s.Rule.answer()
		v.Rule = &r
		v.GroupMeetingURL = base + "/j/" + s.Settings.URL
	}
	return v
}

// answer is the rule with its day lists never null.
func (r rule) answer() Rule {
	out := r.Rule
	out.DaysOfWeek = append([]int{}, r.DaysOfWeek...)
	out.DaysOfMonth = append([]int{}, r.DaysOfMonth...)
	return out
}

func (a *API) invitedUsers(ids []string) []InvitedUser {
	out := make([]InvitedUser, 0, len(ids))
	for _, id := range ids {
		if u := a.users[id]; u != nil {
			out = append(out, InvitedUser{UserID: u.ID, Username: u.Username, RealName: u.RealName})
		}
	}
	return out
}
