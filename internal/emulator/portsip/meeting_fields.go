package portsip

import (
	"slices"
	"strconv"
)

var (
	// createMeeting's body (portsip-openapi-conference.json): no
	// extension_number, which the PBX assigns, and no capacity.
	meetingCreateFields = slices.Concat([]string{"mode", "enable_recording", "close_on_nobody"}, conferenceFields)
	// updateMeeting's body: capacity and enable_recording are there (unlike
	// createMeeting and updateConferenceRoom respectively), mode is not.
	meetingUpdateFields = slices.Concat(conferenceFields, []string{"capacity", "enable_recording", "close_on_nobody"})

	meetingReadOnly = withFixed(map[string]string{
		"extension_number": "is assigned by the PBX",
		"ownership":        "is read-only",
		"capacity":         "cannot be set when a meeting is created (createMeeting has no capacity); the meeting starts with 9 and an update can change it",
	})
	meetingImmutable = withFixed(map[string]string{
		"extension_number": "is assigned by the PBX and cannot be updated",
		"ownership":        "is read-only",
		// updateMeeting has no mode; NOTES.md says the same of rooms.
		"mode": "cannot be updated",
	})

	// The list item schema of listUserMeetings, unlike the rooms' one, keeps
	// outbound_caller_ids.
	meetingCollection = conferenceCollection(map[string]fieldKind{
		"close_on_nobody": kindBool, "ownership": kindBool, "outbound_caller_ids": kindList,
	})
)

// applyMeeting is applyConference plus the meeting's own fields.
func applyMeeting(b *body, m *Meeting) {
	applyConference(b, &m.Conference)
	b.notNull("close_on_nobody")
	if v, ok := b.boolean("close_on_nobody"); ok {
		m.CloseOnNobody = v
	}
	// createMeeting requires timezone, so a meeting always has one: neither
	// null nor "" clears it, as they would a room's.
	b.notNull("timezone")
	if v, ok := b.str("timezone"); ok && v == "" {
		b.p.add("timezone", "%s", badTimezone)
	}
}

// MeetingExtensionBase is where meeting extension numbers start. createMeeting
// takes no extension_number and answers the one the PBX gave; the documents
// do not say from where. The emulator gives the lowest number from
// MeetingExtensionBase up that no room or meeting holds, and refuses a room a
// number a meeting holds, so that the two never clash.
const MeetingExtensionBase = 88000

// freeMeetingExtension is the number the next meeting gets.
func (a *API) freeMeetingExtension() string {
	used := make(map[string]bool, len(a.rooms)+len(a.meetings))
	for _, rr := range a.rooms {
		used[rr.Room.ExtensionNumber] = true
	}
	for _, mr := range a.meetings {
		used[mr.Meeting.ExtensionNumber] = true
	}
	for n := MeetingExtensionBase; ; n++ {
		if ext := strconv.Itoa(n); !used[ext] {
			return ext
		}
	}
}

// extensionInUse reports whether a room or a meeting holds ext.
func (a *API) extensionInUse(ext string) bool {
	for _, rr := range a.rooms {
		if rr.Room.ExtensionNumber == ext {
			return true
		}
	}
	for _, mr := range a.meetings {
		if mr.Meeting.ExtensionNumber == ext {
			return true
		}
	}
	return false
}
