package portsip

import (
	"fmt"
	"net/http"
)

// Meeting is a user's meeting exactly as GET /user/meetings/{id} returns it:
// the properties meetings share with rooms, close_on_nobody and ownership.
type Meeting struct {
	Conference
	CloseOnNobody bool `json:"close_on_nobody"`
	// Ownership is "Whether the user has ownership of the meeting". A user
	// only ever reads their own meetings, so it is always true.
	Ownership bool `json:"ownership"`
}

// MeetingCreated is the body of POST /user/meetings: 201 {id,
// extension_number} (NOTES.md).
type MeetingCreated struct {
	ID              string `json:"id"`
	ExtensionNumber string `json:"extension_number"`
}

// meetingSummary is a meeting as the list returns it: listUserMeetings' item
// schema lacks domain, sbc_host, sbc_port and token.
type meetingSummary struct {
	*Meeting
	summaryHidden
}

// meetingRec is a meeting, whose it is, and its live conference, as stored
// and snapshotted.
type meetingRec struct {
	Meeting *Meeting `json:"meeting"`
	// Owner is the username of the user who created the meeting, the only
	// one who can reach it.
	Owner string `json:"owner"`
	// Started is whether the meeting runs, from POST .../start to POST
	// .../stop: only then is it hosted on a conference server and admits
	// participants. scheduled_start_at and scheduled_end_at start and stop
	// nothing by themselves (the documents do not say they would).
	Started bool `json:"started"`
	liveConference
}

func (a *API) listMeetings(req *request) reply {
	var p problems
	lq := parseListQuery(req.URL.Query(), meetingCollection, &p)
	if !p.ok() {
		return p.reply()
	}
	var items []listItem
	for _, id := range a.meetingOrder {
		if mr := a.meetings[id]; mr.Owner == req.Principal {
			m := mr.Meeting.clone()
			items = append(items, meetingCollection.item(meetingSummary{Meeting: &m}))
		}
	}
	return jsonReply(http.StatusOK, lq.apply(items, meetingCollection))
}

// createMeeting is POST /user/meetings: 201 {id, extension_number} (NOTES.md).
// The meeting is the signed-in user's.
func (a *API) createMeeting(req *request) reply {
	var p problems
	b := decodeBody(req.Body, &p)
	if b == nil {
		return p.reply()
	}
	b.allow(meetingCreateFields, meetingReadOnly)
	// portsip-openapi-conference.json, createMeeting: "required": mode,
	// subject, timezone.
	b.require("mode", "subject", "timezone")
	m := &Meeting{Conference: newConference(), Ownership: true}
	if v, ok := b.enum("mode", conferenceModes); ok {
		m.Mode = v
	}
	applyMeeting(b, m)
	if !p.ok() {
		return p.reply()
	}
	a.fill(&m.Conference)
	m.ExtensionNumber = a.freeMeetingExtension()
	a.meetings[m.ID] = &meetingRec{Meeting: m, Owner: req.Principal, liveConference: newLiveConference()}
	a.meetingOrder = append(a.meetingOrder, m.ID)
	return jsonReply(http.StatusCreated, MeetingCreated{ID: m.ID, ExtensionNumber: m.ExtensionNumber})
}

// meetingFor finds the signed-in user's meeting the path names. Another
// user's meeting is answered as an unknown one, 404, so that IDs tell nothing
// about other users.
func (a *API) meetingFor(req *request) (*meetingRec, reply) {
	id := req.PathValue("id")
	mr := a.meetings[id]
	if mr == nil || mr.Owner != req.Principal {
		return nil, notFound("meeting", id)
	}
	return mr, reply{}
}

func (a *API) getMeeting(req *request) reply {
	mr, rep := a.meetingFor(req)
	if mr == nil {
		return rep
	}
	return jsonReply(http.StatusOK, mr.Meeting.clone())
}

// updateMeeting is POST /user/meetings/{id}: 200 with no body (NOTES.md). See
// applyConference for what a field left out, "" and null do.
func (a *API) updateMeeting(req *request) reply {
	mr, rep := a.meetingFor(req)
	if mr == nil {
		return rep
	}
	var p problems
	b := decodeBody(req.Body, &p)
	if b == nil {
		return p.reply()
	}
	b.allow(meetingUpdateFields, meetingImmutable)
	next := mr.Meeting.clone()
	applyMeeting(b, &next)
	if !p.ok() {
		return p.reply()
	}
	*mr.Meeting = next
	return empty(http.StatusOK)
}

// destroyMeeting is POST /user/meetings/{id}/destroy, 204. A running meeting
// ends with it.
func (a *API) destroyMeeting(req *request) reply {
	mr, rep := a.meetingFor(req)
	if mr == nil {
		return rep
	}
	a.removeMeeting(mr.Meeting.ID)
	return empty(http.StatusNoContent)
}

func (a *API) removeMeeting(id string) {
	delete(a.meetings, id)
	a.meetingOrder = removeID(a.meetingOrder, id)
	a.placeConferences()
}

// startMeeting is POST /user/meetings/{id}/start: 200, no body. The meeting
// takes a room on a conference server as a room does (placeConferences);
// when no enabled server has one to spare it does not start, 409 CONFLICT.
// Starting a running meeting changes nothing.
func (a *API) startMeeting(req *request) reply {
	mr, rep := a.meetingFor(req)
	if mr == nil {
		return rep
	}
	if mr.Started {
		return empty(http.StatusOK)
	}
	mr.Started = true
	a.placeConferences()
	if mr.ServerID == "" {
		mr.Started = false
		return conflict("meeting %s cannot start: no enabled conference server has a room to spare", mr.Meeting.ID)
	}
	return empty(http.StatusOK)
}

// stopMeeting is POST /user/meetings/{id}/stop: 200, no body. Everybody
// leaves, the recording stops and the server's room is freed; locked and
// muted stay as they were, for the next start. Stopping a meeting that is not
// running changes nothing.
func (a *API) stopMeeting(req *request) reply {
	mr, rep := a.meetingFor(req)
	if mr == nil {
		return rep
	}
	a.endMeeting(mr)
	return empty(http.StatusOK)
}

func (a *API) endMeeting(mr *meetingRec) {
	a.endRecording(&mr.liveConference)
	mr.Participants = []*participantRec{}
	mr.Started = false
	mr.ServerID = ""
	a.placeConferences()
}

// meetingTarget is the live conference of the signed-in user's meeting the
// path names. Nobody joins a meeting that is not started; close_on_nobody
// ("Whether to close the meeting if the nobody in") stops it when the last
// participant leaves.
func (a *API) meetingTarget(req *request) (*confTarget, reply) {
	mr, rep := a.meetingFor(req)
	if mr == nil {
		return nil, rep
	}
	t := &confTarget{noun: "meeting", conf: &mr.Meeting.Conference, live: &mr.liveConference}
	if !mr.Started {
		id := mr.Meeting.ID
		t.closed = fmt.Sprintf("meeting %s is not started; start it with POST /api/user/meetings/%s/start", id, id)
	}
	t.emptied = func() {
		if mr.Meeting.CloseOnNobody {
			a.endMeeting(mr)
		}
	}
	return t, reply{}
}

// clone copies m deeply enough that the copy shares nothing mutable.
func (m *Meeting) clone() Meeting {
	c := *m
	c.Conference = m.Conference.clone()
	return c
}
