package portsip

import (
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// Conference holds the properties a conference room and a user meeting share,
// as GET /conference_rooms/{id} and GET /user/meetings/{id} return them: the
// two schemas of portsip-openapi-conference.json agree on every one of these.
// Room adds numbers; Meeting adds close_on_nobody and ownership.
//
// Blank optional fields are left out rather than sent as null: the spec's
// overview says blank fields are null, but its schemas type them as plain
// strings (no null), and the schema is authoritative here. For the same reason
// an AUDIO conference has no height, width, bitrate, framerate or layout at all
// ("Only valid in VIDEO mode"; the response schemas require none of them).
type Conference struct {
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
	InternalInvitees  []string           `json:"internal_invitees,omitempty"`
	ExternalInvitees  string             `json:"external_invitees,omitempty"`
	Domain            string             `json:"domain"`
	SBCHost           string             `json:"sbc_host"`
	SBCPort           int64              `json:"sbc_port"`
	Token             string             `json:"token"`
	OutboundCallerIDs []OutboundCallerID `json:"outbound_caller_ids,omitempty"`
	CustomOptions     string             `json:"custom_options,omitempty"`
}

// OutboundCallerID is one element of outbound_caller_ids.
type OutboundCallerID struct {
	ProviderID  string `json:"provider_id"`
	CallerID    string `json:"caller_id"`
	Description string `json:"description,omitempty"`
}

// summaryHidden, embedded beside a room or meeting, hides the properties only
// the detailed representation has: the list item schemas of both collections
// lack domain, sbc_host, sbc_port and token. The empty omitempty fields shadow
// the embedded object's, which sit one level deeper.
type summaryHidden struct {
	Domain  string `json:"domain,omitempty"`
	SBCHost string `json:"sbc_host,omitempty"`
	SBCPort int64  `json:"sbc_port,omitempty"`
	Token   string `json:"token,omitempty"`
}

// ConferenceStatus is GET /conference_rooms/{id}/status and GET
// /user/meetings/{id}/status (one schema for both).
type ConferenceStatus struct {
	Status    string `json:"status"`
	Locked    bool   `json:"locked"`
	Muted     bool   `json:"muted"`
	Recording bool   `json:"recording"`
}

// fill sets what the PBX decides for a new conference: its ID, creation time,
// the tenant's domain, the SBC address clients join through, and its token.
func (a *API) fill(c *Conference) {
	c.ID = a.unusedID()
	c.CreatedAt = a.now()
	c.Domain = a.domain()
	c.SBCHost = a.opts.SBCHost
	c.SBCPort = a.opts.SBCPort
	c.Token = newRoomToken()
}

// clone copies c deeply enough that the copy shares nothing mutable.
func (c *Conference) clone() Conference {
	out := *c
	for _, vi := range videoInts {
		if f := vi.field(&out); *f != nil {
			v := **f
			*f = &v
		}
	}
	if c.ScheduledStartAt != nil {
		t := *c.ScheduledStartAt
		out.ScheduledStartAt = &t
	}
	if c.ScheduledEndAt != nil {
		t := *c.ScheduledEndAt
		out.ScheduledEndAt = &t
	}
	out.InternalInvitees = slices.Clone(c.InternalInvitees)
	out.OutboundCallerIDs = slices.Clone(c.OutboundCallerIDs)
	return out
}

// liveConference is the call a room always has, and a meeting has while
// started: what the status, participant and recording endpoints act on.
type liveConference struct {
	// ServerID is the conference server hosting the call; the API never
	// shows it, but it decides the status.
	ServerID     string            `json:"server_id,omitempty"`
	Locked       bool              `json:"locked"`
	Muted        bool              `json:"muted"`
	RecordingID  string            `json:"recording_id,omitempty"`
	Participants []*participantRec `json:"participants"`
	Recordings   []*recordingRec   `json:"recordings"`
}

func newLiveConference() liveConference {
	return liveConference{Participants: []*participantRec{}, Recordings: []*recordingRec{}}
}

// restored checks a live conference read from a snapshot, whose lists may be
// missing.
func (l *liveConference) restored(what string) error {
	if l.Participants == nil {
		l.Participants = []*participantRec{}
	}
	if l.Recordings == nil {
		l.Recordings = []*recordingRec{}
	}
	if slices.Contains(l.Participants, nil) || slices.Contains(l.Recordings, nil) {
		return fmt.Errorf("portsip snapshot: %s holds a null participant or recording", what)
	}
	return nil
}

// confTarget is the live conference a request addresses, a room's or a
// meeting's, with what the shared handlers need to know about its owner.
type confTarget struct {
	// noun names the owner in messages: "conference room" or "meeting".
	noun string
	conf *Conference
	live *liveConference
	// closed, when not empty, is why nobody can join or be recorded: a
	// meeting that is not started.
	closed string
	// emptied, when set, runs after the last participant has left.
	emptied func()
}

// confLookup finds the conference a request's path names, or the reply to
// send instead (404, in the vendor's envelope).
type confLookup func(*request) (*confTarget, reply)

// conferenceRoutes registers the routes rooms and meetings share: the spec
// gives /conference_rooms/{id}/... and /user/meetings/{id}/... the same
// operations with the same schemas for status, mute, lock, recording and
// participants. base is the object's path, "/api/conference_rooms/{id}".
// find runs first; the handlers get what it found.
func (a *API) conferenceRoutes(rt *platform.Router, base string, find confLookup) {
	conf := func(pattern string, h func(*request, *confTarget) reply) {
		rt.Handle(pattern, true, func(req *request) reply {
			t, rep := find(req)
			if t == nil {
				return rep
			}
			return h(req, t)
		})
	}
	participant := func(pattern string, h func(*request, *confTarget, *participantRec) reply) {
		conf(pattern, func(req *request, t *confTarget) reply {
			pr := t.participant(req.PathValue("participant_id"))
			if pr == nil {
				return notFound("participant", req.PathValue("participant_id"))
			}
			return h(req, t, pr)
		})
	}
	conf("GET "+base+"/status", a.conferenceStatus)
	conf("POST "+base+"/mute", a.conferenceFlag(flagMuted, true))
	conf("POST "+base+"/unmute", a.conferenceFlag(flagMuted, false))
	conf("POST "+base+"/lock", a.conferenceFlag(flagLocked, true))
	conf("POST "+base+"/unlock", a.conferenceFlag(flagLocked, false))
	conf("POST "+base+"/start_recording", a.startRecording)
	conf("POST "+base+"/stop_recording", a.stopRecording)

	conf("GET "+base+"/participants", a.listParticipants)
	conf("POST "+base+"/participants/layout", a.participantsLayout)
	conf("POST "+base+"/participants/invite", a.inviteParticipant)
	participant("GET "+base+"/participants/{participant_id}", getParticipant)
	participant("POST "+base+"/participants/{participant_id}/mute", muteParticipant(true))
	participant("POST "+base+"/participants/{participant_id}/unmute", muteParticipant(false))
	participant("POST "+base+"/participants/{participant_id}/chairman", chairman)
	participant("POST "+base+"/participants/{participant_id}/position", position)
	participant("POST "+base+"/participants/{participant_id}/destroy", kick)
}

// conferenceStatus is GET .../status. The documents list the values without
// meanings; here a conference is OFFLINE when no enabled conference server
// hosts it (a meeting that is not started has none), ON_CALL while it has
// participants, ONLINE otherwise.
func (a *API) conferenceStatus(_ *request, t *confTarget) reply {
	return jsonReply(http.StatusOK, a.statusOf(t.live))
}

func (a *API) statusOf(l *liveConference) ConferenceStatus {
	st := ConferenceStatus{Status: StatusOffline, Locked: l.Locked, Muted: l.Muted, Recording: l.RecordingID != ""}
	if a.hosted(l) {
		st.Status = StatusOnline
		if len(l.Participants) > 0 {
			st.Status = StatusOnCall
		}
	}
	return st
}

// hosted reports whether an enabled conference server carries the call.
func (a *API) hosted(l *liveConference) bool {
	s := a.servers[l.ServerID]
	return s != nil && s.Enabled
}

type flagKind int

const (
	flagMuted flagKind = iota
	flagLocked
)

// conferenceFlag serves mute/unmute and lock/unlock: 200, no body, and
// idempotent (the documents do not make a second lock an error). Muting
// mutes every participant, unmuting unmutes them all; a participant joining a
// muted conference joins muted. A locked conference admits no new
// participant. The flags belong to the room or meeting, so a meeting that is
// not started can be locked before anybody joins.
func (a *API) conferenceFlag(kind flagKind, on bool) func(*request, *confTarget) reply {
	return func(_ *request, t *confTarget) reply {
		switch kind {
		case flagMuted:
			t.live.Muted = on
			for _, p := range t.live.Participants {
				p.Muted = on
			}
		case flagLocked:
			t.live.Locked = on
		}
		return empty(http.StatusOK)
	}
}
