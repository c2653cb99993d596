package portsip_test

import (
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

func (h *harness) meetingStatus(id string) portsip.ConferenceStatus {
	h.t.Helper()
	var st portsip.ConferenceStatus
	h.ok(200, "GET", meetingPath(id, "status"), nil, &st)
	return st
}

func (h *harness) meetingParticipants(id string) []portsip.Participant {
	h.t.Helper()
	var l page[portsip.Participant]
	h.ok(200, "GET", meetingPath(id, "participants"), nil, &l)
	return l.Items
}

func (h *harness) inviteToMeeting(id, number string) {
	h.t.Helper()
	h.ok(200, "POST", meetingPath(id, "participants", "invite"), map[string]any{"number": number}, nil)
}

func TestMeetingStartStopAndStatus(t *testing.T) {
	h := newHarness(t)
	alice := h.alice()
	id := alice.createMeeting(videoMeeting("m")).ID
	if st := alice.meetingStatus(id); st != (portsip.ConferenceStatus{Status: "OFFLINE"}) {
		t.Fatalf("new meeting %+v", st)
	}
	msgs := alice.fails(409, "CONFLICT", "POST", meetingPath(id, "participants", "invite"), map[string]any{"number": "101"})
	hasMessage(t, msgs, "meeting "+id+" is not started")
	alice.fails(409, "CONFLICT", "POST", meetingPath(id, "start_recording"), nil)
	// The flags are the meeting's: they can be set before it starts.
	alice.ok(200, "POST", meetingPath(id, "lock"), nil, nil)
	alice.ok(200, "POST", meetingPath(id, "unlock"), nil, nil)
	alice.ok(200, "POST", meetingPath(id, "mute"), nil, nil)

	if r := alice.ok(200, "POST", meetingPath(id, "start"), nil, nil); len(r.body) != 0 {
		t.Errorf("start answered a body: %s", r.body)
	}
	alice.ok(200, "POST", meetingPath(id, "start"), nil, nil) // idempotent
	if st := alice.meetingStatus(id); st != (portsip.ConferenceStatus{Status: "ONLINE", Muted: true}) {
		t.Fatalf("started meeting %+v", st)
	}
	alice.inviteToMeeting(id, "101")
	alice.inviteToMeeting(id, "102")
	ps := alice.meetingParticipants(id)
	if len(ps) != 2 || !ps[0].Muted || !ps[0].Chairman || ps[0].Position != 0 || ps[1].Position != 1 {
		t.Fatalf("participants %+v", ps)
	}
	if want := `"101"<sip:101@` + portsip.DefaultDomain + ">"; ps[0].DisplayName != want {
		t.Errorf("display name %q, want %q", ps[0].DisplayName, want)
	}
	alice.ok(200, "POST", meetingPath(id, "start_recording"), nil, nil)
	alice.ok(200, "POST", meetingPath(id, "lock"), nil, nil)
	if st := alice.meetingStatus(id); st != (portsip.ConferenceStatus{Status: "ON_CALL", Locked: true, Muted: true, Recording: true}) {
		t.Fatalf("busy meeting %+v", st)
	}

	// Stop: everybody leaves, the recording ends, the flags stay.
	if r := alice.ok(200, "POST", meetingPath(id, "stop"), nil, nil); len(r.body) != 0 {
		t.Errorf("stop answered a body: %s", r.body)
	}
	alice.ok(200, "POST", meetingPath(id, "stop"), nil, nil) // idempotent
	if st := alice.meetingStatus(id); st != (portsip.ConferenceStatus{Status: "OFFLINE", Locked: true, Muted: true}) {
		t.Fatalf("stopped meeting %+v", st)
	}
	if ps := alice.meetingParticipants(id); len(ps) != 0 {
		t.Errorf("participants after stop %+v", ps)
	}
	alice.fails(404, "NOT_FOUND", "GET", meetingPath(id, "participants", ps[0].ID), nil)
}

// TestMeetingsTakeServerRooms: a running meeting occupies a room on a
// conference server like a conference room does.
func TestMeetingsTakeServerRooms(t *testing.T) {
	h := newHarness(t, func(o *portsip.Options) { o.DisableBuiltinServer = true })
	alice := h.alice()
	id := alice.createMeeting(audioMeeting("m")).ID
	msgs := alice.fails(409, "CONFLICT", "POST", meetingPath(id, "start"), nil)
	hasMessage(t, msgs, "no enabled conference server has a room to spare")
	if st := alice.meetingStatus(id); st.Status != "OFFLINE" {
		t.Fatalf("meeting that failed to start %+v", st)
	}
	server := h.createServer(map[string]any{"name": "s", "ipv4": "192.0.2.1", "max_rooms": 1, "max_participants": 10})
	alice.ok(200, "POST", meetingPath(id, "start"), nil, nil)
	alice.inviteToMeeting(id, "101")
	var st portsip.ServerStatus
	h.ok(200, "GET", "/api/conference_servers/"+server+"/status", nil, &st)
	if st.RoomsCount != 1 || st.ParticipantsCount != 1 {
		t.Fatalf("server status with a running meeting %+v", st)
	}
	// The server is full: a room created now has no place, until the
	// meeting stops.
	room := h.createRoom(audioRoom("100"))
	if st := h.roomStatus(room); st.Status != "OFFLINE" {
		t.Fatalf("room on a full server %+v", st)
	}
	alice.ok(200, "POST", meetingPath(id, "stop"), nil, nil)
	if st := h.roomStatus(room); st.Status != "ONLINE" {
		t.Fatalf("room after the meeting freed the server %+v", st)
	}
	alice.fails(409, "CONFLICT", "POST", meetingPath(id, "start"), nil)
	// A disabled server takes its running meetings OFFLINE.
	h.ok(204, "POST", "/api/conference_rooms/"+room+"/destroy", nil, nil)
	alice.ok(200, "POST", meetingPath(id, "start"), nil, nil)
	h.ok(200, "POST", "/api/conference_servers/"+server, map[string]any{"enabled": false}, nil)
	if st := alice.meetingStatus(id); st.Status != "OFFLINE" {
		t.Errorf("meeting on a disabled server %+v", st)
	}
	msgs = alice.fails(409, "CONFLICT", "POST", meetingPath(id, "participants", "invite"), map[string]any{"number": "102"})
	hasMessage(t, msgs, "meeting "+id+" is OFFLINE")
	// Destroying a running meeting frees its room.
	h.ok(200, "POST", "/api/conference_servers/"+server, map[string]any{"enabled": true}, nil)
	alice.ok(204, "POST", meetingPath(id, "destroy"), nil, nil)
	h.ok(200, "GET", "/api/conference_servers/"+server+"/status", nil, &st)
	if st.RoomsCount != 0 {
		t.Errorf("destroyed meeting still counted: %+v", st)
	}
}

func TestMeetingParticipantControls(t *testing.T) {
	h := newHarness(t)
	alice := h.alice()
	id := alice.createMeeting(videoMeeting("m")).ID
	alice.ok(200, "POST", meetingPath(id), map[string]any{"capacity": 3}, nil)
	alice.ok(200, "POST", meetingPath(id, "start"), nil, nil)
	for _, n := range []string{"101", "102", "103"} {
		alice.inviteToMeeting(id, n)
	}
	msgs := alice.fails(409, "CONFLICT", "POST", meetingPath(id, "participants", "invite"), map[string]any{"number": "104"})
	hasMessage(t, msgs, "meeting "+id+" is full (capacity 3)")
	alice.fails(400, "VALIDATE_FAILED", "POST", meetingPath(id, "participants", "invite"), map[string]any{"number": "abc"})
	ps := alice.meetingParticipants(id)
	p0 := meetingPath(id, "participants", ps[0].ID)

	var one portsip.Participant
	alice.ok(200, "GET", p0, nil, &one)
	if one != ps[0] {
		t.Errorf("get participant %+v, list %+v", one, ps[0])
	}
	alice.ok(200, "POST", p0+"/mute", nil, nil)
	if p := alice.meetingParticipants(id)[0]; !p.Muted {
		t.Error("participant mute did nothing")
	}
	alice.ok(200, "POST", p0+"/unmute", nil, nil)
	alice.ok(200, "POST", meetingPath(id, "participants", ps[2].ID, "chairman"), nil, nil)
	alice.ok(200, "POST", p0+"/position", map[string]any{"position": 1}, nil) // swaps with ps[1]
	alice.fails(400, "VALIDATE_FAILED", "POST", p0+"/position", map[string]any{"position": 9})
	got := alice.meetingParticipants(id)
	if got[0].Position != 1 || got[1].Position != 0 || got[0].Chairman || !got[2].Chairman {
		t.Fatalf("after chairman and position %+v", got)
	}
	alice.ok(200, "POST", meetingPath(id, "participants", "layout"), map[string]any{"items": []string{ps[2].ID}}, nil)
	got = alice.meetingParticipants(id)
	if got[0].Position != -1 || got[1].Position != -1 || got[2].Position != 0 {
		t.Fatalf("after layout %+v", got)
	}
	msgs = alice.fails(400, "VALIDATE_FAILED", "POST", meetingPath(id, "participants", "layout"), map[string]any{"items": []string{"nobody"}})
	hasMessage(t, msgs, `participant "nobody" is not in meeting `+id)
	alice.ok(204, "POST", meetingPath(id, "participants", ps[2].ID, "destroy"), nil, nil)
	if got := alice.meetingParticipants(id); len(got) != 2 || !got[0].Chairman {
		t.Fatalf("after kicking the chairman %+v", got)
	}

	// An AUDIO meeting has no layout.
	audio := alice.createMeeting(audioMeeting("a")).ID
	alice.ok(200, "POST", meetingPath(audio, "start"), nil, nil)
	alice.inviteToMeeting(audio, "101")
	pa := alice.meetingParticipants(audio)[0]
	if pa.Position != -1 {
		t.Errorf("AUDIO participant position %d", pa.Position)
	}
	alice.fails(400, "VALIDATE_FAILED", "POST", meetingPath(audio, "participants", pa.ID, "position"), map[string]any{"position": 0})
}

func TestMeetingRecording(t *testing.T) {
	h := newHarness(t)
	alice := h.alice()
	id := alice.createMeeting(with(audioMeeting("m"), map[string]any{"enable_recording": true})).ID
	alice.ok(200, "POST", meetingPath(id, "start"), nil, nil)
	if st := alice.meetingStatus(id); st.Recording {
		t.Fatal("recording before anybody joined")
	}
	alice.inviteToMeeting(id, "101")
	if st := alice.meetingStatus(id); !st.Recording {
		t.Fatal("enable_recording did not record from the first join")
	}
	h.clock.Advance(time.Minute)
	alice.ok(200, "POST", meetingPath(id, "stop_recording"), nil, nil)
	alice.ok(200, "POST", meetingPath(id, "stop_recording"), nil, nil)
	if st := alice.meetingStatus(id); st.Recording {
		t.Fatal("still recording after stop_recording")
	}
	alice.ok(200, "POST", meetingPath(id, "start_recording"), nil, nil)
	alice.ok(200, "POST", meetingPath(id, "start_recording"), nil, nil)
	if st := alice.meetingStatus(id); !st.Recording {
		t.Fatal("start_recording did not record")
	}
}

func TestMeetingCloseOnNobody(t *testing.T) {
	h := newHarness(t)
	alice := h.alice()
	for _, closeOnNobody := range []bool{true, false} {
		id := alice.createMeeting(with(audioMeeting("m"), map[string]any{"close_on_nobody": closeOnNobody})).ID
		alice.ok(200, "POST", meetingPath(id, "start"), nil, nil)
		alice.inviteToMeeting(id, "101")
		alice.inviteToMeeting(id, "102")
		for _, p := range alice.meetingParticipants(id) {
			if st := alice.meetingStatus(id); st.Status != "ON_CALL" {
				t.Fatalf("close_on_nobody=%v: meeting closed with participants left: %+v", closeOnNobody, st)
			}
			alice.ok(204, "POST", meetingPath(id, "participants", p.ID, "destroy"), nil, nil)
		}
		want := "ONLINE"
		if closeOnNobody {
			want = "OFFLINE"
		}
		if st := alice.meetingStatus(id); st.Status != want {
			t.Errorf("close_on_nobody=%v: status %s after the last left, want %s", closeOnNobody, st.Status, want)
		}
	}
}

func TestMeetingDestroy(t *testing.T) {
	h := newHarness(t)
	alice := h.alice()
	id := alice.createMeeting(audioMeeting("m")).ID
	alice.ok(200, "POST", meetingPath(id, "start"), nil, nil)
	alice.inviteToMeeting(id, "101")
	if r := alice.ok(204, "POST", meetingPath(id, "destroy"), nil, nil); len(r.body) != 0 {
		t.Errorf("destroy answered a body: %s", r.body)
	}
	for _, p := range []string{"", "/status", "/participants"} {
		alice.fails(404, "NOT_FOUND", "GET", "/api/user/meetings/"+id+p, nil)
	}
	alice.fails(404, "NOT_FOUND", "POST", meetingPath(id, "destroy"), nil)
	if _, ok := h.api.Meeting(id); ok {
		t.Error("the meeting is still stored")
	}
}
