package portsip

import (
	"net/http"
	"regexp"
	"slices"
	"time"
)

// Room is a conference room exactly as GET /conference_rooms/{id} returns it:
// every property of the spec's getConferenceRoom schema, in its order.
//
// Blank optional fields are left out rather than sent as null: the spec's
// overview says blank fields are null, but its schemas type them as plain
// strings (no null), and the schema is authoritative here. For the same reason
// an AUDIO room has no height, width, bitrate, framerate or layout at all
// ("Only valid in VIDEO mode"; the response schema requires none of them).
type Room struct {
	ID                string             `json:"id"`
	ExtensionNumber   string             `json:"extension_number"`
	Mode              string             `json:"mode"`
	Control           string             `json:"control"`
	Height            *int64             `json:"height,omitempty"`
	Width             *int64             `json:"width,omitempty"`
	Bitrate           *int64             `json:"bitrate,omitempty"`
	Framerate         *int64             `json:"framerate,omitempty"`
	Layout            string             `json:"layout,omitempty"`
	Subject           string             `json:"subject"`
	Language          string             `json:"language,omitempty"`
	Capacity          int64              `json:"capacity"`
	AdminPIN          string             `json:"admin_pin,omitempty"`
	RoomPIN           string             `json:"room_pin,omitempty"`
	EnableRecording   bool               `json:"enable_recording"`
	EnablePrompt      bool               `json:"enable_prompt"`
	Timezone          string             `json:"timezone,omitempty"`
	CreatedAt         time.Time          `json:"created_at"`
	ScheduledStartAt  *time.Time         `json:"scheduled_start_at,omitempty"`
	ScheduledEndAt    *time.Time         `json:"scheduled_end_at,omitempty"`
	Numbers           string             `json:"numbers,omitempty"`
	InternalInvitees  []string           `json:"internal_invitees,omitempty"`
	ExternalInvitees  string             `json:"external_invitees,omitempty"`
	Domain            string             `json:"domain"`
	SBCHost           string             `json:"sbc_host"`
	SBCPort           int64              `json:"sbc_port"`
	Token             string             `json:"token"`
	OutboundCallerIDs []OutboundCallerID `json:"outbound_caller_ids,omitempty"`
	CustomOptions     string             `json:"custom_options,omitempty"`
}

// OutboundCallerID is one element of a room's outbound_caller_ids.
type OutboundCallerID struct {
	ProviderID  string `json:"provider_id"`
	CallerID    string `json:"caller_id"`
	Description string `json:"description,omitempty"`
}

// roomSummary is a room as the list returns it: the spec's listConferenceRooms
// item schema lacks domain, sbc_host, sbc_port, token and outbound_caller_ids
// (the "summary representation"). The shadowing fields, empty and omitempty,
// hide the embedded room's.
type roomSummary struct {
	*Room
	Domain            string             `json:"domain,omitempty"`
	SBCHost           string             `json:"sbc_host,omitempty"`
	SBCPort           int64              `json:"sbc_port,omitempty"`
	Token             string             `json:"token,omitempty"`
	OutboundCallerIDs []OutboundCallerID `json:"outbound_caller_ids,omitempty"`
}

// RoomStatus is GET /conference_rooms/{id}/status.
type RoomStatus struct {
	Status    string `json:"status"`
	Locked    bool   `json:"locked"`
	Muted     bool   `json:"muted"`
	Recording bool   `json:"recording"`
}

// roomRec is a room and its live conference, as stored and snapshotted.
type roomRec struct {
	Room *Room `json:"room"`
	// ServerID is the conference server hosting the room; the API never shows
	// it, but it decides the room's and the server's status.
	ServerID     string            `json:"server_id,omitempty"`
	Locked       bool              `json:"locked"`
	Muted        bool              `json:"muted"`
	RecordingID  string            `json:"recording_id,omitempty"`
	Participants []*participantRec `json:"participants"`
	Recordings   []*recordingRec   `json:"recordings"`
}

// Room field values (portsip-conference.txt, "Create a conference room").
var (
	roomModes    = []string{"AUDIO", "VIDEO"}
	roomControls = []string{"FREE", "MASTER"}
	roomLayouts  = []string{"LAYOUT0", "LAYOUT1", "LAYOUT2", "LAYOUT3", "LAYOUT4", "LAYOUT6", "LAYOUT9"}

	extensionPattern = regexp.MustCompile(`^[0-9]{3,64}$`)
	pinPattern       = regexp.MustCompile(`^[0-9]{3,6}$`)
)

const (
	ModeAudio = "AUDIO"
	ModeVideo = "VIDEO"
)

var (
	roomCommonFields = []string{
		"control", "height", "width", "bitrate", "framerate", "layout", "subject", "language",
		"capacity", "admin_pin", "room_pin", "enable_prompt", "timezone", "scheduled_start_at",
		"scheduled_end_at", "numbers", "internal_invitees", "external_invitees",
		"outbound_caller_ids", "custom_options",
	}
	roomCreateFields = append([]string{"extension_number", "mode", "enable_recording"}, roomCommonFields...)
	roomReadOnly     = map[string]string{
		"id": "is read-only", "created_at": "is read-only", "domain": "is read-only",
		"sbc_host": "is read-only", "sbc_port": "is read-only", "token": "is read-only",
	}
	// NOTES.md: room mode and extension_number cannot be updated.
	// enable_recording is not in the spec's update body either ("Whether to
	// enable recording when created").
	roomImmutable = map[string]string{
		"id": "is read-only", "created_at": "is read-only", "domain": "is read-only",
		"sbc_host": "is read-only", "sbc_port": "is read-only", "token": "is read-only",
		"mode": "cannot be updated", "extension_number": "cannot be updated",
		"enable_recording": "cannot be updated; it only applies when the room is created",
	}
)

var roomCollection = &collection{
	fields: map[string]fieldKind{
		"id": kindString, "extension_number": kindString, "mode": kindString, "control": kindString,
		"height": kindNumber, "width": kindNumber, "bitrate": kindNumber, "framerate": kindNumber,
		"layout": kindString, "subject": kindString, "language": kindString, "capacity": kindNumber,
		"admin_pin": kindString, "room_pin": kindString, "enable_recording": kindBool,
		"enable_prompt": kindBool, "timezone": kindString, "created_at": kindTime,
		"scheduled_start_at": kindTime, "scheduled_end_at": kindTime, "numbers": kindString,
		"internal_invitees": kindList, "external_invitees": kindString, "custom_options": kindString,
	},
	search: []string{"subject", "extension_number"},
}

func (a *API) listRooms(req *request) reply {
	var p problems
	lq := parseListQuery(req.URL.Query(), roomCollection, &p)
	if !p.ok() {
		return p.reply()
	}
	items := make([]listItem, 0, len(a.roomOrder))
	for _, id := range a.roomOrder {
		room := a.rooms[id].Room.clone()
		items = append(items, roomCollection.item(roomSummary{Room: &room}))
	}
	return ok(http.StatusOK, lq.apply(items, roomCollection))
}

// createRoom is POST /conference_rooms: 201 {id} (NOTES.md).
func (a *API) createRoom(req *request) reply {
	var p problems
	b := decodeBody(req.Body, &p)
	if b == nil {
		return p.reply()
	}
	b.allow(roomCreateFields, roomReadOnly)
	// portsip-openapi-conference.json, createConferenceRoom: "required":
	// mode, extension_number, subject, capacity.
	b.require("extension_number", "mode", "subject", "capacity")
	b.notNull("enable_recording")
	r := &Room{Control: "FREE", Capacity: 9, EnablePrompt: true}
	if v, ok := b.str("extension_number"); ok {
		switch {
		case !extensionPattern.MatchString(v):
			p.add("extension_number", "extension_number must be 3 to 64 digits (pattern [0-9]{3,64})")
		case a.roomByExtension(v) != nil:
			// The documents do not say how a duplicate is answered; it is a
			// field that fails validation, the spec's VALIDATE_FAILED.
			p.add("extension_number", "extension_number %s is already used by another conference room", v)
		default:
			r.ExtensionNumber = v
		}
	}
	if v, ok := b.enum("mode", roomModes); ok {
		r.Mode = v
	}
	if v, ok := b.boolean("enable_recording"); ok {
		r.EnableRecording = v
	}
	applyRoom(b, r)
	if !p.ok() {
		return p.reply()
	}
	now := a.now()
	r.ID = a.unusedID()
	r.CreatedAt = now
	r.Domain = a.domain()
	r.SBCHost = a.opts.SBCHost
	r.SBCPort = a.opts.SBCPort
	r.Token = newRoomToken()
	a.rooms[r.ID] = &roomRec{Room: r, Participants: []*participantRec{}, Recordings: []*recordingRec{}}
	a.roomOrder = append(a.roomOrder, r.ID)
	a.placeRooms()
	return ok(http.StatusCreated, IDResponse{ID: r.ID})
}

func (a *API) roomByExtension(ext string) *roomRec {
	for _, rr := range a.rooms {
		if rr.Room.ExtensionNumber == ext {
			return rr
		}
	}
	return nil
}

func (a *API) roomFor(req *request) (*roomRec, reply) {
	id := req.PathValue("id")
	rr := a.rooms[id]
	if rr == nil {
		return nil, notFound("conference room", id)
	}
	return rr, reply{}
}

func (a *API) getRoom(req *request) reply {
	rr, rep := a.roomFor(req)
	if rr == nil {
		return rep
	}
	return ok(http.StatusOK, rr.Room.clone())
}

// updateRoom is POST /conference_rooms/{id}: 200 with no body (NOTES.md). See
// applyRoom for what a field left out, "" and null do.
func (a *API) updateRoom(req *request) reply {
	rr, rep := a.roomFor(req)
	if rr == nil {
		return rep
	}
	var p problems
	b := decodeBody(req.Body, &p)
	if b == nil {
		return p.reply()
	}
	b.allow(roomCommonFields, roomImmutable)
	next := rr.Room.clone()
	applyRoom(b, &next)
	if !p.ok() {
		return p.reply()
	}
	*rr.Room = next
	return empty(http.StatusOK)
}

// destroyRoom is POST /conference_rooms/{id}/destroy, 204. Its conference ends
// with it.
func (a *API) destroyRoom(req *request) reply {
	rr, rep := a.roomFor(req)
	if rr == nil {
		return rep
	}
	a.removeRoom(rr.Room.ID)
	return empty(http.StatusNoContent)
}

func (a *API) removeRoom(id string) {
	delete(a.rooms, id)
	a.roomOrder = removeID(a.roomOrder, id)
	// A place freed on a full server goes to a room that had none.
	a.placeRooms()
}

// roomStatus is GET /conference_rooms/{id}/status. The documents list the
// values without meanings; here a room is OFFLINE when no enabled conference
// server hosts it, ON_CALL while it has participants, ONLINE otherwise.
func (a *API) roomStatus(req *request) reply {
	rr, rep := a.roomFor(req)
	if rr == nil {
		return rep
	}
	return ok(http.StatusOK, a.roomStatusOf(rr))
}

func (a *API) roomStatusOf(rr *roomRec) RoomStatus {
	st := RoomStatus{Status: StatusOffline, Locked: rr.Locked, Muted: rr.Muted, Recording: rr.RecordingID != ""}
	if a.roomOnline(rr) {
		st.Status = StatusOnline
		if len(rr.Participants) > 0 {
			st.Status = StatusOnCall
		}
	}
	return st
}

func (a *API) roomOnline(rr *roomRec) bool {
	s := a.servers[rr.ServerID]
	return s != nil && s.Enabled
}

// clone copies r deeply enough that the copy shares nothing mutable.
func (r *Room) clone() Room {
	c := *r
	for _, vi := range videoInts {
		if f := vi.field(&c); *f != nil {
			v := **f
			*f = &v
		}
	}
	if r.ScheduledStartAt != nil {
		t := *r.ScheduledStartAt
		c.ScheduledStartAt = &t
	}
	if r.ScheduledEndAt != nil {
		t := *r.ScheduledEndAt
		c.ScheduledEndAt = &t
	}
	c.InternalInvitees = slices.Clone(r.InternalInvitees)
	c.OutboundCallerIDs = slices.Clone(r.OutboundCallerIDs)
	return c
}
