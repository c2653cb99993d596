package whereby

import (
	"encoding/json"
	"mime"
	"net/http"
	"slices"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// lifetimeAfterEnd is how long a room outlives its endDate: "Creates a
// transient room that is available between creation and an hour after the
// given endDate. After this time the room will be automatically deleted".
const lifetimeAfterEnd = time.Hour

// meeting is a transient room as stored (and as kept in the state file): the
// answer with every URL (fixed at creation, as a real room's address is),
// and the settings that shape the room but appear in no answer.
type meeting struct {
	Meeting
	Seq               uint64          `json:"seq"`
	IsLocked          bool            `json:"isLocked"`
	RoomMode          string          `json:"roomMode"`
	TemplateType      string          `json:"templateType,omitempty"`
	Recording         json.RawMessage `json:"recording,omitempty"`
	LiveTranscription json.RawMessage `json:"liveTranscription,omitempty"`
	Streaming         json.RawMessage `json:"streaming,omitempty"`
}

// Meeting is the document's Meeting schema, as the API answers it. The
// optional URLs appear only when asked for (or, for a viewer mode room, on
// create).
type Meeting struct {
	MeetingID string `json:"meetingId"`
	// RoomName starts with "/" (NOTES.md).
	RoomName      string    `json:"roomName"`
	RoomURL       string    `json:"roomUrl"`
	StartDate     time.Time `json:"startDate"`
	EndDate       time.Time `json:"endDate"`
	HostRoomURL   string    `json:"hostRoomUrl,omitempty"`
	ViewerRoomURL string    `json:"viewerRoomUrl,omitempty"`
}

// MeetingList is GET /meetings: "If there are no more results, the value
// returned is null".
type MeetingList struct {
	Results []Meeting `json:"results"`
	Cursor  *string   `json:"cursor"`
}

// alive reports whether the room still exists at now: it is deleted an hour
// after its endDate (NOTES.md: "deactivated one hour after endDate and then
// gone").
func (m *meeting) alive(now time.Time) bool {
	return now.Before(m.EndDate.Add(lifetimeAfterEnd))
}

// render is m as the API answers it, with the optional URLs in fields.
// viewerRoomUrl exists only for a viewer mode room ("fields like hostRoomUrl
// and viewerRoomUrl will be added" by that template): asking for it on any
// other room leaves it out.
func (m *meeting) render(fields []string) Meeting {
	out := m.Meeting
	if !slices.Contains(fields, "hostRoomUrl") {
		out.HostRoomURL = ""
	}
	if !slices.Contains(fields, "viewerRoomUrl") {
		out.ViewerRoomURL = ""
	}
	return out
}

// createMeeting is POST /meetings: 201 with the meeting.
func (a *API) createMeeting(req *request) reply {
	if ct := req.Header.Get("Content-Type"); ct != "" && !isJSON(ct) {
		// The request body's only media type is application/json; the
		// document's wording for a wrong one is InvalidContentTypeError's.
		return badRequest("Content-Type must be application/json")
	}
	now := a.now()
	in, p := parseMeetingInput(req.Body, now)
	if len(p) > 0 {
		return p.reply()
	}
	a.purge(now)
	m := &meeting{
		Meeting: Meeting{
			MeetingID: newUUID(), RoomName: a.uniqueRoomName(in.roomNamePrefix, in.roomNamePattern),
			StartDate: now, EndDate: in.endDate,
		},
		Seq:      a.nextSeq,
		IsLocked: in.isLocked, RoomMode: in.roomMode, TemplateType: in.templateType,
		Recording: in.recording, LiveTranscription: in.liveTranscription, Streaming: in.streaming,
	}
	a.nextSeq++
	m.RoomURL = a.opts.PublicURL + m.RoomName
	// A room URL with the room's key makes its user a host; the real API's
	// host URLs carry it as roomKey. A viewer URL carries its own key.
	m.HostRoomURL = m.RoomURL + "?roomKey=" + newKey()
	fields := in.fields
	if in.templateType == "viewerMode" {
		m.ViewerRoomURL = m.RoomURL + "?viewerKey=" + newKey()
		fields = fieldNames
	}
	a.meetings[m.MeetingID] = m
	a.order = append(a.order, m.MeetingID)
	return platform.JSON(http.StatusCreated, m.render(fields))
}

// uniqueRoomName draws room names until one is not taken by a live room: a
// room name is the room's address.
func (a *API) uniqueRoomName(prefix, pattern string) string {
	for {
		name := newRoomName(prefix, pattern)
		taken := false
		for _, m := range a.meetings {
			if m.RoomName == name {
				taken = true
				break
			}
		}
		if !taken {
			return name
		}
	}
}

// getMeeting is GET /meetings/{meetingId}?fields=...: 200 or 404.
func (a *API) getMeeting(req *request) reply {
	fields, rep, ok := queryFields(req.URL.Query())
	if !ok {
		return rep
	}
	id := req.PathValue("meetingId")
	m := a.meetings[id]
	if m == nil || !m.alive(a.now()) {
		return notFound("meeting %q", id)
	}
	return platform.JSON(http.StatusOK, m.render(fields))
}

// deleteMeeting is DELETE /meetings/{meetingId}: "The endpoint is idempotent,
// meaning it will return the same response even if the meeting has already
// been deleted", so an unknown ID answers 204 too.
func (a *API) deleteMeeting(req *request) reply {
	a.purge(a.now())
	id := req.PathValue("meetingId")
	if m, ok := a.meetings[id]; ok {
		a.dropTheme(m.RoomName)
		delete(a.meetings, id)
		a.order = slices.DeleteFunc(a.order, func(v string) bool { return v == id })
	}
	return platform.Empty(http.StatusNoContent)
}

// purge drops the rooms whose hour after endDate is over. Reads filter them
// out as well (they hold only a read lock), so a room is gone at that instant
// whether or not a write has purged it yet.
func (a *API) purge(now time.Time) {
	a.order = slices.DeleteFunc(a.order, func(id string) bool {
		if a.meetings[id].alive(now) {
			return false
		}
		a.dropTheme(a.meetings[id].RoomName)
		delete(a.meetings, id)
		return true
	})
}

func isJSON(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && mt == "application/json"
}
