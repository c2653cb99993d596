package portsip

import (
	"net/http"
	"regexp"
	"slices"
)

// Participant is a member of a room's live conference, exactly as
// GET /conference_rooms/{id}/participants/{participant_id} returns it.
type Participant struct {
	ID string `json:"id"`
	// DisplayName follows the spec's example "\"example\"<sip:100@example.com>":
	// the invited number, quoted, then its SIP URI in the tenant's domain.
	DisplayName string `json:"display_name"`
	Muted       bool   `json:"muted"`
	Chairman    bool   `json:"chairman"`
	// Position is the participant's place in the video layout, 0..8, or -1 when
	// not displayed (always -1 in AUDIO rooms).
	Position int64 `json:"position"`
}

// participantRec is a participant as stored: the number it was invited with
// is not part of the API object.
type participantRec struct {
	Participant
	Number string `json:"number"`
}

var participantCollection = &collection{
	fields: map[string]fieldKind{
		"id": kindString, "display_name": kindString, "muted": kindBool, "chairman": kindBool, "position": kindNumber,
	},
	search: []string{"display_name"},
}

// The documents only say "the number of invited participant": an extension or
// a phone number, digits with an optional leading + (and the * and # a dial
// string may hold).
var numberPattern = regexp.MustCompile(`^\+?[0-9*#]{1,64}$`)

// Positions run from -1 (hidden) to 8 (setConferenceRoomParticipantPosition).
const maxPosition = 8

type roomFlagKind int

const (
	flagMuted roomFlagKind = iota
	flagLocked
)

// roomFlag serves mute/unmute and lock/unlock: 200, no body, and idempotent
// (the documents do not make a second lock an error). Muting the room mutes
// every participant, unmuting unmutes them all; a participant joining a muted
// room joins muted. A locked room admits no new participant.
func (a *API) roomFlag(kind roomFlagKind, on bool) handlerFunc {
	return func(req *request) reply {
		rr, rep := a.roomFor(req)
		if rr == nil {
			return rep
		}
		switch kind {
		case flagMuted:
			rr.Muted = on
			for _, p := range rr.Participants {
				p.Muted = on
			}
		case flagLocked:
			rr.Locked = on
		}
		return empty(http.StatusOK)
	}
}

func (a *API) listParticipants(req *request) reply {
	rr, rep := a.roomFor(req)
	if rr == nil {
		return rep
	}
	var p problems
	lq := parseListQuery(req.URL.Query(), participantCollection, &p)
	if !p.ok() {
		return p.reply()
	}
	items := make([]listItem, 0, len(rr.Participants))
	for _, pr := range rr.Participants {
		items = append(items, participantCollection.item(pr.Participant))
	}
	return ok(http.StatusOK, lq.apply(items, participantCollection))
}

func (a *API) participantFor(req *request) (*roomRec, *participantRec, reply) {
	rr, rep := a.roomFor(req)
	if rr == nil {
		return nil, nil, rep
	}
	id := req.PathValue("participant_id")
	for _, pr := range rr.Participants {
		if pr.ID == id {
			return rr, pr, reply{}
		}
	}
	return nil, nil, notFound("participant", id)
}

func (a *API) getParticipant(req *request) reply {
	_, pr, rep := a.participantFor(req)
	if pr == nil {
		return rep
	}
	return ok(http.StatusOK, pr.Participant)
}

// inviteParticipant is POST /participants/invite {number}: 200, no body. The
// emulated callee answers at once and joins.
func (a *API) inviteParticipant(req *request) reply {
	rr, rep := a.roomFor(req)
	if rr == nil {
		return rep
	}
	var p problems
	b := decodeBody(req.Body, &p)
	if b == nil {
		return p.reply()
	}
	b.allow([]string{"number"}, nil)
	b.require("number")
	number, _ := b.str("number")
	if number != "" && !numberPattern.MatchString(number) {
		p.add("number", "number must be 1 to 64 digits, optionally with a leading + (and * or #)")
	}
	if !p.ok() {
		return p.reply()
	}
	room := rr.Room
	switch {
	case !a.roomOnline(rr):
		return conflict("conference room %s is OFFLINE: no enabled conference server hosts it", room.ID)
	case rr.Locked:
		return conflict("conference room %s is locked", room.ID)
	case int64(len(rr.Participants)) >= room.Capacity:
		return conflict("conference room %s is full (capacity %d)", room.ID, room.Capacity)
	}
	if s := a.servers[rr.ServerID]; a.serverStatusOf(s).ParticipantsCount >= s.MaxParticipants {
		return conflict("conference server %s has reached max_participants (%d)", s.ID, s.MaxParticipants)
	}
	for _, pr := range rr.Participants {
		if pr.Number == number {
			return conflict("number %s is already a participant of conference room %s", number, room.ID)
		}
	}
	pr := &participantRec{
		Participant: Participant{
			ID:          a.unusedParticipantID(rr),
			DisplayName: `"` + number + `"<sip:` + number + "@" + room.Domain + ">",
			Muted:       rr.Muted,
			// The first to join owns the room, until ownership is transferred.
			Chairman: !slices.ContainsFunc(rr.Participants, func(p *participantRec) bool { return p.Chairman }),
			Position: -1,
		},
		Number: number,
	}
	if room.Mode == ModeVideo {
		pr.Position = freePosition(rr)
	}
	first := len(rr.Participants) == 0
	rr.Participants = append(rr.Participants, pr)
	// enable_recording: "Whether to enable recording when created": the
	// conference records from the moment it starts, when its first participant
	// joins.
	if first && room.EnableRecording && rr.RecordingID == "" {
		a.beginRecording(rr)
	}
	return empty(http.StatusOK)
}

func (a *API) unusedParticipantID(rr *roomRec) string {
	for {
		id := newID()
		if !slices.ContainsFunc(rr.Participants, func(p *participantRec) bool { return p.ID == id }) {
			return id
		}
	}
}

// freePosition is the lowest layout position nobody holds, or -1.
func freePosition(rr *roomRec) int64 {
	for pos := int64(0); pos <= maxPosition; pos++ {
		if !slices.ContainsFunc(rr.Participants, func(p *participantRec) bool { return p.Position == pos }) {
			return pos
		}
	}
	return -1
}

func (a *API) muteParticipant(on bool) handlerFunc {
	return func(req *request) reply {
		_, pr, rep := a.participantFor(req)
		if pr == nil {
			return rep
		}
		pr.Muted = on
		return empty(http.StatusOK)
	}
}

// chairman is POST .../chairman: "Transfer room ownership to another
// participant". There is one chairman at a time.
func (a *API) chairman(req *request) reply {
	rr, pr, rep := a.participantFor(req)
	if pr == nil {
		return rep
	}
	for _, other := range rr.Participants {
		other.Chairman = other == pr
	}
	return empty(http.StatusOK)
}

// position is POST .../position {position}: -1..8. Taking a position someone
// holds swaps the two. Positions belong to the video layout, so an AUDIO room
// has none to set.
func (a *API) position(req *request) reply {
	rr, pr, rep := a.participantFor(req)
	if pr == nil {
		return rep
	}
	var p problems
	b := decodeBody(req.Body, &p)
	if b == nil {
		return p.reply()
	}
	b.allow([]string{"position"}, nil)
	b.require("position")
	pos, _ := b.integer("position", -1, maxPosition)
	if p.ok() && rr.Room.Mode != ModeVideo {
		p.add("position", "position is only valid in VIDEO mode")
	}
	if !p.ok() {
		return p.reply()
	}
	if pos >= 0 {
		for _, other := range rr.Participants {
			if other != pr && other.Position == pos {
				other.Position = pr.Position
			}
		}
	}
	pr.Position = pos
	return empty(http.StatusOK)
}

// participantsLayout is POST /participants/layout {items: [participant IDs]}:
// the listed participants take positions 0, 1, ... in that order, everybody
// else is hidden (-1).
func (a *API) participantsLayout(req *request) reply {
	rr, rep := a.roomFor(req)
	if rr == nil {
		return rep
	}
	var p problems
	b := decodeBody(req.Body, &p)
	if b == nil {
		return p.reply()
	}
	b.allow([]string{"items"}, nil)
	b.require("items")
	var ids []string
	if b.rawField("items", "an array of participant IDs", &ids) {
		if len(ids) > maxPosition+1 {
			p.add("items", "items must hold at most %d participant IDs", maxPosition+1)
		}
		seen := map[string]bool{}
		for i, id := range ids {
			switch {
			case seen[id]:
				p.add("items", "items[%d]: participant %q is listed twice", i, id)
			case !slices.ContainsFunc(rr.Participants, func(p *participantRec) bool { return p.ID == id }):
				p.add("items", "items[%d]: participant %q is not in conference room %s", i, id, rr.Room.ID)
			}
			seen[id] = true
		}
	}
	if p.ok() && rr.Room.Mode != ModeVideo {
		p.add("items", "the participant layout is only valid in VIDEO mode")
	}
	if !p.ok() {
		return p.reply()
	}
	for _, pr := range rr.Participants {
		pr.Position = int64(slices.Index(ids, pr.ID))
	}
	return empty(http.StatusOK)
}

// kick is POST .../destroy: 204. When the chairman leaves, the longest-present
// participant becomes chairman.
func (a *API) kick(req *request) reply {
	rr, pr, rep := a.participantFor(req)
	if pr == nil {
		return rep
	}
	rr.Participants = slices.DeleteFunc(slices.Clone(rr.Participants), func(p *participantRec) bool { return p == pr })
	if pr.Chairman && len(rr.Participants) > 0 {
		rr.Participants[0].Chairman = true
	}
	return empty(http.StatusNoContent)
}
