package sqmeeting

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// settings are what a meeting's owner chooses. A series keeps one set for all
// its occurrences; each occurrence has its own copy, which an update of that
// one occurrence changes.
type settings struct {
	Name          string   `json:"meeting_name"`
	Description   string   `json:"meeting_description"`
	Number        string   `json:"meeting_number"`
	Password      string   `json:"meeting_password"`
	CallRate      string   `json:"call_rate_type"`
	RoomID        string   `json:"meeting_room_id,omitempty"`
	Invited       []string `json:"invited_users"`
	MuteUponEntry string   `json:"mute_upon_entry"`
	GuestDialIn   bool     `json:"guest_dial_in"`
	Watermark     bool     `json:"watermark"`
	WatermarkType string   `json:"watermark_type"`
	TimeToJoin    int      `json:"time_to_join"`
	LivePasscode  string   `json:"live_passcode,omitempty"`
	// LiveURL and URL are the last segments of live_meeting_url and
	// meeting_url; answers put them under the address the client called.
	LiveURL string `json:"live_meeting_url,omitempty"`
	URL     string `json:"meeting_url"`
}

// Field names of a meeting body.
var (
	// settingFields are the ones settings.apply reads: the document's create
	// and update examples and the vendor clients' bodies.
	settingFields = []string{
		"meeting_name", "meeting_description", "meeting_room_id", "call_rate_type",
		"meeting_password", "invited_users", "invited_users_detail", "mute_upon_entry",
		"guest_dial_in", "watermark", "watermark_type", "time_to_join",
		"generate_live_url", "live_passcode",
	}
	// readOnlyFields are answer fields that the document's create example
	// sends back in the request ("meeting_number": "{meeting_number}",
	// "owner_name", "reservation_id", ...). They are accepted and ignored: the
	// server assigns them.
	readOnlyFields = []string{
		"meeting_number", "owner_id", "owner_name", "reservation_id", "recurrence_gid",
		"live_meeting_url", "meeting_url",
	}
	// timeFields are a single meeting's times; a series reads them as its
	// first occurrence when recurrenceStartTime/EndTime are absent.
	timeFields = []string{"schedule_start_time", "schedule_end_time"}
)

// Value sets. The document shows one value of each; the lists are the vendor
// clients'.
var (
	// MeetingCallRate (Android) and the macOS rate menu.
	callRates = []string{"128K", "512K", "1024K", "2048K", "2560K", "3072K", "4096K", "6144K", "8192K"}
	// "mute_upon_entry": "DISABLE/ENABLE".
	muteValues = []string{"DISABLE", "ENABLE"}
	// "watermark_type": "single " in the document (with a stray space, which
	// is trimmed); the macOS client sends "" without a watermark.
	watermarkTypes = []string{"single", ""}
)

const (
	// maxNameLength is the vendor clients' limit on meeting_name
	// (android:maxLength="48" in schedule_meeting_fragment.xml).
	maxNameLength = 48
	// defaultCallRate is the document's create example's and the macOS
	// client's default.
	defaultCallRate = "2048K"
	// defaultTimeToJoin is the document's example: participants may join 30
	// minutes before the start. The vendor clients offer 30 and -1 (any time).
	defaultTimeToJoin = 30
)

// defaultSettings are a new meeting's before its body is applied.
func defaultSettings() settings {
	return settings{
		CallRate: defaultCallRate, MuteUponEntry: "DISABLE", GuestDialIn: true,
		WatermarkType: "single", TimeToJoin: defaultTimeToJoin, Invited: []string{},
	}
}

// apply reads the setting fields of f onto s. Absent fields keep their value,
// so that an update is partial: the macOS client changes a meeting's time by
// sending only the two times. creating tells a create from an update where
// they differ: meeting_name is required, and meeting_password, absent or null,
// is generated (NOTES.md: omitted means the server generates one) rather than
// kept.
func (a *API) apply(f fields, p *problems, s *settings, ownerID string, creating bool) {
	if name, ok := f.str(p, "meeting_name"); ok {
		if strings.TrimSpace(name) == "" || utf8.RuneCountInString(name) > maxNameLength {
			p.add("meeting_name must be 1 to %d characters", maxNameLength)
		}
		s.Name = name
	} else if creating && !f.has("meeting_name") {
		p.add("meeting_name is required")
	}
	if d, ok := f.str(p, "meeting_description"); ok {
		s.Description = d
	} else if f.null("meeting_description") {
		s.Description = ""
	}
	if v, ok := f.enum(p, "call_rate_type", callRates...); ok {
		s.CallRate = v
	}
	if v, ok := f.enum(p, "mute_upon_entry", muteValues...); ok {
		s.MuteUponEntry = v
	}
	if v, ok := f.boolean(p, "guest_dial_in"); ok {
		s.GuestDialIn = v
	}
	if v, ok := f.boolean(p, "watermark"); ok {
		s.Watermark = v
	}
	if v, ok := f.str(p, "watermark_type"); ok {
		v = strings.TrimSpace(v)
		if !slices.Contains(watermarkTypes, v) {
			p.add(`watermark_type must be "single" or ""`)
		}
		s.WatermarkType = v
	}
	if n, ok := f.integer(p, "time_to_join"); ok {
		if n != -1 && (n < 0 || n > 24*60) {
			p.add("time_to_join must be -1 (any time) or 0 to 1440 minutes")
		}
		s.TimeToJoin = int(n)
	}
	a.applyInvitees(f, p, s)
	a.applyRoom(f, p, s, ownerID, creating)
	a.applyLive(f, p, s)
}

// applyInvitees reads invited_users (user IDs: the update example and the
// vendor clients) or invited_users_detail (the create example's objects).
func (a *API) applyInvitees(f fields, p *problems, s *settings) {
	ids, byID := f.strings(p, "invited_users")
	detail, byDetail := f.invitees(p, "invited_users_detail")
	switch {
	case byID && byDetail:
		p.add("give invited_users or invited_users_detail, not both")
		return
	case byDetail:
		ids = detail
	case !byID:
		if f.null("invited_users") || f.null("invited_users_detail") {
			s.Invited = []string{}
		}
		return
	}
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if a.users[id] == nil {
			p.add("invited user %q does not exist", id)
			continue
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	s.Invited = out
}

// applyRoom reads meeting_room_id and meeting_password. A meeting held in
// one of the owner's personal rooms takes the room's number; null or "" holds
// it in a number of its own (the caller hands one out when Number is empty).
//
// meeting_password (NOTES.md): "" means none, a value sets it. Absent or null
// means the server chooses: the room's password in a room (the macOS client
// sends null with a room), a generated one otherwise; an update that leaves
// the meeting where it is keeps the password.
func (a *API) applyRoom(f fields, p *problems, s *settings, ownerID string, creating bool) {
	var r *room // where the meeting is after this body
	switch {
	case f.has("meeting_room_id"):
		id, ok := f.str(p, "meeting_room_id")
		if !ok {
			return
		}
		if id != "" {
			if r = a.rooms[id]; r == nil || r.OwnerID != ownerID {
				p.add("meeting_room_id %q is not one of your meeting rooms", id)
				return
			}
		}
	case f.null("meeting_room_id"):
	default:
		r = a.rooms[s.RoomID]
	}
	moved := (r == nil && s.RoomID != "") || (r != nil && r.ID != s.RoomID)
	switch {
	case r != nil:
		s.RoomID, s.Number = r.ID, r.Number
	case moved:
		s.RoomID, s.Number = "", ""
	}
	pw, ok := f.str(p, "meeting_password")
	switch {
	case ok:
		s.Password = pw
	case f.has("meeting_password"):
		// Not a string: reported.
	case creating || moved:
		if r != nil {
			s.Password = r.Password
		} else {
			s.Password = digits(6)
		}
	}
}

// applyLive reads generate_live_url and live_passcode (the document's create
// example): a live-streaming URL, and its passcode, generated when absent.
func (a *API) applyLive(f fields, p *problems, s *settings) {
	if pc, ok := f.str(p, "live_passcode"); ok {
		s.LivePasscode = pc
	}
	gen, ok := f.boolean(p, "generate_live_url")
	switch {
	case ok && gen && s.LiveURL == "":
		s.LiveURL = newUUID()
		if s.LivePasscode == "" {
			s.LivePasscode = digits(6)
		}
	case ok && !gen:
		s.LiveURL, s.LivePasscode = "", ""
	}
}
