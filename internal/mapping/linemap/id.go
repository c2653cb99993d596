package linemap

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/mapping"
)

// MeetingRef is where a meeting ID lives: its room service, its room, and
// the numeric meeting ID. Its string, room_service_id/room_id/meeting_id, is
// the resource's id and import ID; this file is the one place that builds and
// reads it.
type MeetingRef struct {
	Service, Room string
	Meeting       int64
}

// String is the ID: ex-service/ex-room/73051667563.
func (r MeetingRef) String() string {
	return r.Service + "/" + r.Room + "/" + strconv.FormatInt(r.Meeting, 10)
}

// ParseMeetingRef reads room_service_id/room_id/meeting_id.
func ParseMeetingRef(s string) (MeetingRef, error) {
	parts := strings.Split(s, "/")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" {
		return MeetingRef{}, fmt.Errorf("%q is not three parts joined by slashes", s)
	}
	id, err := ParseMeetingNumber(parts[2])
	if err != nil {
		return MeetingRef{}, err
	}
	return MeetingRef{Service: parts[0], Room: parts[1], Meeting: id}, nil
}

// ParseMeetingNumber reads a meeting_id: digits only, at most 18 of them (an
// int64 that LINE Planet's 11-digit IDs fit).
func ParseMeetingNumber(s string) (int64, error) {
	if len(s) > 18 {
		return 0, fmt.Errorf("meeting_id %q is longer than 18 digits", s)
	}
	// ParseUint takes no sign, so "+5" and "-5" are refused here too.
	n, err := strconv.ParseUint(s, 10, 63)
	if err != nil {
		return 0, fmt.Errorf("meeting_id %q is not a number: %w", s, errors.Unwrap(err))
	}
	return int64(n), nil
}

// RoomRef is a room: room_service_id/room_id, the id of a room's list of
// meeting IDs and a -line-room of conference-export.
func RoomRef(service, room string) string { return service + "/" + room }

// ParseRoomRef reads room_service_id/room_id.
func ParseRoomRef(s string) (service, room string, err error) {
	service, room, ok := strings.Cut(s, "/")
	if !ok || service == "" || room == "" || strings.Contains(room, "/") {
		return "", "", fmt.Errorf("%q is not ROOM_SERVICE_ID/ROOM_ID, such as ex-service/ex-room", s)
	}
	return service, room, nil
}

// MeetingImportID is conference_line_meeting_id's import ID.
var MeetingImportID = mapping.ImportID{
	Shape:   "room_service_id/room_id/meeting_id, where meeting_id is the numeric meeting ID",
	Example: "ex-service/ex-room/73051667563",
	Parse: func(s string) (map[string]string, error) {
		r, err := ParseMeetingRef(s)
		if err != nil {
			return nil, err
		}
		return map[string]string{"id": s, "room_service_id": r.Service, "room_id": r.Room,
			"meeting_id": s[strings.LastIndex(s, "/")+1:]}, nil
	},
	Identity: []mapping.IdentityAttr{
		{Name: "room_service_id", Description: "The room service ID (roomServiceId) of the room the meeting ID belongs to."},
		{Name: "room_id", Description: "The room ID (roomId) the meeting ID belongs to."},
		{Name: "meeting_id", Description: "The numeric meeting ID (mtgId)."},
	},
	Join: func(v map[string]string) string {
		return v["room_service_id"] + "/" + v["room_id"] + "/" + v["meeting_id"]
	},
}

// Ref is the meeting ID's place, from the attributes.
func (m *RoomMeetingID) Ref() (MeetingRef, error) {
	id, err := ParseMeetingNumber(m.MeetingID.ValueString())
	if err != nil {
		return MeetingRef{}, fmt.Errorf("in the state: %w", err)
	}
	return MeetingRef{Service: m.RoomServiceID.ValueString(), Room: m.RoomID.ValueString(), Meeting: id}, nil
}
