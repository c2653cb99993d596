package portsip

import (
	"net/http"
	"regexp"
	"slices"
)

// Participant is a member of a room's or meeting's live conference, exactly
// as GET /conference_rooms/{id}/participants/{participant_id} and GET
// /user/meetings/{id}/participants/{participant_id} return it.
type Participant struct {
	ID string `json:"id"`
	// DisplayName follows the spec's example "\"example\"<sip:100@example.com>":
	// the invited number, quoted, then its SIP URI in the tenant's domain.
	DisplayName string `json:"display_name"`
	Muted       bool   `json:"muted"`
	Chairman    bool   `json:"chairman"`
	// Position is the participant's place in the video layout, 0..8, or -1 when
	// not displayed (always -1 in AUDIO conferences).
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

func (a *API) listParticipants(req *request, t *confTarget) reply {
	var p problems
	lq := parseListQuery(req.URL.Query(), participantCollection, &p)
	if !p.ok() {
		return p.reply()
	}
	items := make([]listItem, 0, len(t.live.Participants))
	for _, pr := range t.live.Participants {
		items = append(items, participantCollection.item(pr.Participant))
	}
	return jsonReply(http.StatusOK, lq.apply(items, participantCollection))
}

// participant is the participant id of t's conference, or nil.
func (t *confTarget) participant(id string) *participantRec {
	for _, pr := range t.live.Participants {
		if pr.ID == id {
			return pr
		}
	}
	return nil
}

func getParticipant(_ *request, _ *confTarget, pr *participantRec) reply {
	return jsonReply(http.StatusOK, pr.Participant)
}

// oneField decodes a body that has exactly one field, name, and requires it.
// It returns nil when the body is not a JSON object.
func oneField(raw []byte, name string, p *problems) *body {
	b := decodeBody(raw, p)
	if b != nil {
		b.allow([]string{name}, nil)
		b.require(name)
	}
	return b
}

// inviteParticipant is POST /participants/invite {number}: 200, no body. The
// emulated callee answers at once and joins.
func (a *API) inviteParticipant(req *request, t *confTarget) reply {
	var p problems
	b := oneField(req.Body, "number", &p)
	if b == nil {
		return p.reply()
	}
	number, _ := b.str("number")
	if number != "" && !numberPattern.MatchString(number) {
		p.add("number", "number must be 1 to 64 digits, optionally with a leading + (and * or #)")
	}
	if !p.ok() {
		return p.reply()
	}
	if rep, refused := a.admits(t, number); refused {
		return rep
	}
	live, conf := t.live, t.conf
	pr := &participantRec{
		Participant: Participant{
			ID:          unusedParticipantID(live),
			DisplayName: `"` + number + `"<sip:` + number + "@" + conf.Domain + ">",
			Muted:       live.Muted,
			// The first to join owns the conference, until ownership is
			// transferred.
			Chairman: !slices.ContainsFunc(live.Participants, func(p *participantRec) bool { return p.Chairman }),
			Position: -1,
		},
		Number: number,
	}
	if conf.Mode == ModeVideo {
		pr.Position = freePosition(live)
	}
	first := len(live.Participants) == 0
	live.Participants = append(live.Participants, pr)
	// enable_recording: "Whether to enable recording when created": the
	// conference records from the moment it starts, when its first
	// participant joins.
	if first && conf.EnableRecording && live.RecordingID == "" {
		a.beginRecording(t)
	}
	return empty(http.StatusOK)
}

// admits answers 409 CONFLICT when number cannot join t now.
func (a *API) admits(t *confTarget, number string) (reply, bool) {
	live, id := t.live, t.conf.ID
	switch {
	case t.closed != "":
		return conflict("%s", t.closed), true
	case !a.hosted(live):
		return conflict("%s %s is OFFLINE: no enabled conference server hosts it", t.noun, id), true
	case live.Locked:
		return conflict("%s %s is locked", t.noun, id), true
	case int64(len(live.Participants)) >= t.conf.Capacity:
		return conflict("%s %s is full (capacity %d)", t.noun, id, t.conf.Capacity), true
	}
	if s := a.servers[live.ServerID]; a.serverStatusOf(s).ParticipantsCount >= s.MaxParticipants {
		return conflict("conference server %s has reached max_participants (%d)", s.ID, s.MaxParticipants), true
	}
	for _, pr := range live.Participants {
		if pr.Number == number {
			return conflict("number %s is already a participant of %s %s", number, t.noun, id), true
		}
	}
	return reply{}, false
}

func unusedParticipantID(live *liveConference) string {
	for {
		id := newID()
		if !slices.ContainsFunc(live.Participants, func(p *participantRec) bool { return p.ID == id }) {
			return id
		}
	}
}

// freePosition is the lowest layout position nobody holds, or -1.
func freePosition(live *liveConference) int64 {
	for pos := int64(0); pos <= maxPosition; pos++ {
		if !slices.ContainsFunc(live.Participants, func(p *participantRec) bool { return p.Position == pos }) {
			return pos
		}
	}
	return -1
}

func muteParticipant(on bool) func(*request, *confTarget, *participantRec) reply {
	return func(_ *request, _ *confTarget, pr *participantRec) reply {
		pr.Muted = on
		return empty(http.StatusOK)
	}
}

// chairman is POST .../chairman: "Transfer room ownership to another
// participant". There is one chairman at a time.
func chairman(_ *request, t *confTarget, pr *participantRec) reply {
	for _, other := range t.live.Participants {
		other.Chairman = other == pr
	}
	return empty(http.StatusOK)
}

// position is POST .../position {position}: -1..8. Taking a position someone
// holds swaps the two. Positions belong to the video layout, so an AUDIO
// conference has none to set.
func position(req *request, t *confTarget, pr *participantRec) reply {
	var p problems
	b := oneField(req.Body, "position", &p)
	if b == nil {
		return p.reply()
	}
	pos, _ := b.integer("position", -1, maxPosition)
	if p.ok() && t.conf.Mode != ModeVideo {
		p.add("position", "position is only valid in VIDEO mode")
	}
	if !p.ok() {
		return p.reply()
	}
	if pos >= 0 {
		for _, other := range t.live.Participants {
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
func (a *API) participantsLayout(req *request, t *confTarget) reply {
	var p problems
	b := oneField(req.Body, "items", &p)
	if b == nil {
		return p.reply()
	}
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
			case t.participant(id) == nil:
				p.add("items", "items[%d]: participant %q is not in %s %s", i, id, t.noun, t.conf.ID)
			}
			seen[id] = true
		}
	}
	if p.ok() && t.conf.Mode != ModeVideo {
		p.add("items", "the participant layout is only valid in VIDEO mode")
	}
	if !p.ok() {
		return p.reply()
	}
	for _, pr := range t.live.Participants {
		pr.Position = int64(slices.Index(ids, pr.ID))
	}
	return empty(http.StatusOK)
}

// kick is POST .../destroy: 204. When the chairman leaves, the longest-present
// participant becomes chairman; when nobody is left, the owner's emptied hook
// runs (a meeting's close_on_nobody).
func kick(_ *request, t *confTarget, pr *participantRec) reply {
	live := t.live
	live.Participants = slices.DeleteFunc(slices.Clone(live.Participants), func(p *participantRec) bool { return p == pr })
	if pr.Chairman && len(live.Participants) > 0 {
		live.Participants[0].Chairman = true
	}
	if len(live.Participants) == 0 && t.emptied != nil {
		t.emptied()
	}
	return empty(http.StatusNoContent)
}
