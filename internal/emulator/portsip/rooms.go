package portsip

import (
	"net/http"
	"slices"
)

// Room is a conference room exactly as GET /conference_rooms/{id} returns it:
// the properties rooms share with meetings, and numbers.
type Room struct {
	Conference
	Numbers string `json:"numbers,omitempty"`
}

// roomSummary is a room as the list returns it: the spec's listConferenceRooms
// item schema lacks domain, sbc_host, sbc_port, token and outbound_caller_ids
// (the "summary representation").
type roomSummary struct {
	*Room
	summaryHidden
	OutboundCallerIDs []OutboundCallerID `json:"outbound_caller_ids,omitempty"`
}

// roomRec is a room and its live conference, as stored and snapshotted.
type roomRec struct {
	Room *Room `json:"room"`
	liveConference
}

var (
	roomUpdateFields = slices.Concat(conferenceFields, []string{"capacity", "numbers"})
	roomCreateFields = slices.Concat([]string{"extension_number", "mode", "enable_recording"}, roomUpdateFields)
	roomReadOnly     = conferenceComputed
	// NOTES.md: room mode and extension_number cannot be updated.
	// enable_recording is not in the spec's update body either ("Whether to
	// enable recording when created").
	roomImmutable = withFixed(map[string]string{
		"mode": "cannot be updated", "extension_number": "cannot be updated",
		"enable_recording": "cannot be updated; it only applies when the room is created",
	})
)

var roomCollection = conferenceCollection(map[string]fieldKind{"numbers": kindString})

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
	return jsonReply(http.StatusOK, lq.apply(items, roomCollection))
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
	r := &Room{Conference: newConference()}
	if v, ok := b.str("extension_number"); ok {
		switch {
		case !extensionPattern.MatchString(v):
			p.add("extension_number", "extension_number must be 3 to 64 digits (pattern [0-9]{3,64})")
		case a.extensionInUse(v):
			// The documents do not say how a duplicate is answered; it is a
			// field that fails validation, the spec's VALIDATE_FAILED.
			p.add("extension_number", "extension_number %s is already used by another conference room or meeting", v)
		default:
			r.ExtensionNumber = v
		}
	}
	if v, ok := b.enum("mode", conferenceModes); ok {
		r.Mode = v
	}
	applyRoom(b, r)
	if !p.ok() {
		return p.reply()
	}
	a.fill(&r.Conference)
	a.rooms[r.ID] = &roomRec{Room: r, liveConference: newLiveConference()}
	a.roomOrder = append(a.roomOrder, r.ID)
	a.placeConferences()
	return jsonReply(http.StatusCreated, IDResponse{ID: r.ID})
}

// applyRoom is applyConference plus the room's own numbers.
func applyRoom(b *body, r *Room) {
	applyConference(b, &r.Conference)
	clearable(b, "numbers", &r.Numbers, func(s string) string {
		if len([]rune(s)) > 128 {
			return "numbers must be at most 128 characters"
		}
		return ""
	})
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
	return jsonReply(http.StatusOK, rr.Room.clone())
}

// updateRoom is POST /conference_rooms/{id}: 200 with no body (NOTES.md). See
// applyConference for what a field left out, "" and null do.
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
	b.allow(roomUpdateFields, roomImmutable)
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
	a.placeConferences()
}

// roomTarget is the live conference of the room a request names.
func (a *API) roomTarget(req *request) (*confTarget, reply) {
	rr, rep := a.roomFor(req)
	if rr == nil {
		return nil, rep
	}
	return &confTarget{noun: "conference room", conf: &rr.Room.Conference, live: &rr.liveConference}, reply{}
}

// clone copies r deeply enough that the copy shares nothing mutable.
func (r *Room) clone() Room {
	c := *r
	c.Conference = r.Conference.clone()
	return c
}
