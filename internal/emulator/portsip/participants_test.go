package portsip_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

func (h *harness) invite(roomID, number string) {
	h.t.Helper()
	r := h.ok(200, "POST", "/api/conference_rooms/"+roomID+"/participants/invite", map[string]any{"number": number}, nil)
	if len(r.body) != 0 {
		h.t.Errorf("invite answered a body: %s", r.body)
	}
}

func (h *harness) roomStatus(roomID string) portsip.ConferenceStatus {
	h.t.Helper()
	var st portsip.ConferenceStatus
	h.ok(200, "GET", "/api/conference_rooms/"+roomID+"/status", nil, &st)
	return st
}

func TestInviteAndParticipants(t *testing.T) {
	h := newHarness(t)
	room := h.createRoom(videoRoom("100"))
	if st := h.roomStatus(room); st != (portsip.ConferenceStatus{Status: "ONLINE"}) {
		t.Fatalf("empty room status %+v", st)
	}
	h.invite(room, "101")
	h.invite(room, "+15550100")
	ps := h.participants(room)
	if len(ps) != 2 {
		t.Fatalf("participants %+v", ps)
	}
	want0 := portsip.Participant{ID: ps[0].ID, DisplayName: `"101"<sip:101@` + portsip.DefaultDomain + ">", Chairman: true, Position: 0}
	want1 := portsip.Participant{ID: ps[1].ID, DisplayName: `"+15550100"<sip:+15550100@` + portsip.DefaultDomain + ">", Position: 1}
	if ps[0] != want0 || ps[1] != want1 || ps[0].ID == ps[1].ID || ps[0].ID == "" {
		t.Fatalf("participants\n got %+v\nwant %+v %+v", ps, want0, want1)
	}
	var one portsip.Participant
	h.ok(200, "GET", "/api/conference_rooms/"+room+"/participants/"+ps[1].ID, nil, &one)
	if one != want1 {
		t.Errorf("get participant %+v", one)
	}
	if st := h.roomStatus(room); st.Status != "ON_CALL" {
		t.Errorf("status with participants %+v", st)
	}
	h.fails(404, "NOT_FOUND", "GET", "/api/conference_rooms/"+room+"/participants/nope", nil)
	h.fails(404, "NOT_FOUND", "GET", "/api/conference_rooms/nope/participants", nil)
	h.fails(404, "NOT_FOUND", "POST", "/api/conference_rooms/nope/participants/invite", map[string]any{"number": "1"})

	// AUDIO rooms have no layout: everybody is at -1.
	audio := h.createRoom(audioRoom("200"))
	h.invite(audio, "101")
	if ps := h.participants(audio); ps[0].Position != -1 {
		t.Errorf("AUDIO participant position %d", ps[0].Position)
	}
}

func TestInviteErrors(t *testing.T) {
	h := newHarness(t)
	room := h.createRoom(map[string]any{"extension_number": "100", "mode": "AUDIO", "subject": "s", "capacity": 2})
	path := "/api/conference_rooms/" + room + "/participants/invite"
	hasMessage(t, h.fails(400, "VALIDATE_FAILED", "POST", path, map[string]any{}), "number is required")
	hasMessage(t, h.fails(400, "VALIDATE_FAILED", "POST", path, map[string]any{"number": "abc"}), "number must be 1 to 64 digits")
	hasMessage(t, h.fails(400, "VALIDATE_FAILED", "POST", path, map[string]any{"number": 101}), "number must be a string")
	hasMessage(t, h.fails(400, "VALIDATE_FAILED", "POST", path, map[string]any{"number": "101", "name": "x"}), `unknown field "name"`)

	h.invite(room, "101")
	hasMessage(t, h.fails(409, "CONFLICT", "POST", path, map[string]any{"number": "101"}), "already a participant")
	h.invite(room, "102")
	hasMessage(t, h.fails(409, "CONFLICT", "POST", path, map[string]any{"number": "103"}), "is full (capacity 2)")

	other := h.createRoom(audioRoom("200"))
	h.ok(200, "POST", "/api/conference_rooms/"+other+"/lock", nil, nil)
	if st := h.roomStatus(other); !st.Locked {
		t.Errorf("locked status %+v", st)
	}
	hasMessage(t, h.fails(409, "CONFLICT", "POST", "/api/conference_rooms/"+other+"/participants/invite", map[string]any{"number": "1"}), "is locked")
	h.ok(200, "POST", "/api/conference_rooms/"+other+"/unlock", nil, nil)
	h.invite(other, "1")

	// A room on a disabled server is OFFLINE and takes nobody.
	builtin := h.api.Servers()[0].ID
	h.ok(200, "POST", "/api/conference_servers/"+builtin, map[string]any{"enabled": false}, nil)
	if st := h.roomStatus(other); st.Status != "OFFLINE" {
		t.Errorf("room on a disabled server: %+v", st)
	}
	hasMessage(t, h.fails(409, "CONFLICT", "POST", "/api/conference_rooms/"+other+"/participants/invite", map[string]any{"number": "2"}), "OFFLINE")
}

func TestServerMaxParticipants(t *testing.T) {
	h := newHarness(t, func(o *portsip.Options) { o.DisableBuiltinServer = true })
	h.createServer(map[string]any{"name": "small", "ipv4": "192.0.2.1", "max_rooms": 5, "max_participants": 2})
	a, b := h.createRoom(audioRoom("100")), h.createRoom(audioRoom("200"))
	h.invite(a, "1")
	h.invite(b, "2")
	hasMessage(t, h.fails(409, "CONFLICT", "POST", "/api/conference_rooms/"+a+"/participants/invite", map[string]any{"number": "3"}), "max_participants")
}

func TestMuteRoomAndParticipants(t *testing.T) {
	h := newHarness(t)
	room := h.createRoom(audioRoom("100"))
	h.invite(room, "101")
	h.invite(room, "102")
	ps := h.participants(room)
	h.ok(200, "POST", "/api/conference_rooms/"+room+"/participants/"+ps[0].ID+"/mute", nil, nil)
	if ps := h.participants(room); !ps[0].Muted || ps[1].Muted {
		t.Fatalf("after muting one: %+v", ps)
	}
	h.ok(200, "POST", "/api/conference_rooms/"+room+"/participants/"+ps[0].ID+"/unmute", nil, nil)
	if ps := h.participants(room); ps[0].Muted {
		t.Fatalf("after unmuting: %+v", ps)
	}
	h.ok(200, "POST", "/api/conference_rooms/"+room+"/mute", nil, nil)
	h.ok(200, "POST", "/api/conference_rooms/"+room+"/mute", nil, nil) // idempotent
	h.invite(room, "103")
	for _, p := range h.participants(room) {
		if !p.Muted {
			t.Errorf("participant %s not muted in a muted room", p.DisplayName)
		}
	}
	if st := h.roomStatus(room); !st.Muted {
		t.Errorf("status %+v", st)
	}
	h.ok(200, "POST", "/api/conference_rooms/"+room+"/unmute", nil, nil)
	for _, p := range h.participants(room) {
		if p.Muted {
			t.Errorf("participant %s still muted", p.DisplayName)
		}
	}
	h.fails(404, "NOT_FOUND", "POST", "/api/conference_rooms/"+room+"/participants/nope/mute", nil)
	h.fails(404, "NOT_FOUND", "POST", "/api/conference_rooms/nope/mute", nil)
}

func TestChairmanPositionLayoutKick(t *testing.T) {
	h := newHarness(t)
	room := h.createRoom(videoRoom("100"))
	for i := range 4 {
		h.invite(room, fmt.Sprint(200+i))
	}
	ps := h.participants(room)
	base := "/api/conference_rooms/" + room + "/participants/"

	h.ok(200, "POST", base+ps[2].ID+"/chairman", nil, nil)
	for i, p := range h.participants(room) {
		if p.Chairman != (i == 2) {
			t.Errorf("chairman after transfer: %d %+v", i, p)
		}
	}

	// Taking a held position swaps.
	h.ok(200, "POST", base+ps[3].ID+"/position", map[string]any{"position": 0}, nil)
	got := h.participants(room)
	if got[3].Position != 0 || got[0].Position != 3 {
		t.Errorf("after swap: %+v", got)
	}
	h.ok(200, "POST", base+ps[1].ID+"/position", map[string]any{"position": -1}, nil)
	if got := h.participants(room); got[1].Position != -1 {
		t.Errorf("hidden: %+v", got[1])
	}
	hasMessage(t, h.fails(400, "VALIDATE_FAILED", "POST", base+ps[1].ID+"/position", map[string]any{"position": 9}), "position must be between -1 and 8")
	hasMessage(t, h.fails(400, "VALIDATE_FAILED", "POST", base+ps[1].ID+"/position", map[string]any{}), "position is required")

	h.ok(200, "POST", base+"layout", map[string]any{"items": []string{ps[1].ID, ps[0].ID}}, nil)
	want := []int64{1, 0, -1, -1}
	for i, p := range h.participants(room) {
		if p.Position != want[i] {
			t.Errorf("layout: participant %d at %d, want %d", i, p.Position, want[i])
		}
	}
	hasMessage(t, h.fails(400, "VALIDATE_FAILED", "POST", base+"layout", map[string]any{"items": []string{"nope"}}), `participant "nope" is not in conference room`)
	hasMessage(t, h.fails(400, "VALIDATE_FAILED", "POST", base+"layout", map[string]any{"items": []string{ps[0].ID, ps[0].ID}}), "listed twice")
	hasMessage(t, h.fails(400, "VALIDATE_FAILED", "POST", base+"layout", map[string]any{}), "items is required")

	// Kicking the chairman hands the room to the longest-present participant.
	r := h.ok(204, "POST", base+ps[2].ID+"/destroy", nil, nil)
	if len(r.body) != 0 {
		t.Errorf("kick answered a body: %s", r.body)
	}
	got = h.participants(room)
	if len(got) != 3 || !got[0].Chairman || got[0].ID != ps[0].ID {
		t.Errorf("after kicking the chairman: %+v", got)
	}
	h.fails(404, "NOT_FOUND", "POST", base+ps[2].ID+"/destroy", nil)
	h.fails(404, "NOT_FOUND", "POST", base+ps[2].ID+"/chairman", nil)

	audio := h.createRoom(audioRoom("300"))
	h.invite(audio, "1")
	ap := h.participants(audio)[0]
	hasMessage(t, h.fails(400, "VALIDATE_FAILED", "POST", "/api/conference_rooms/"+audio+"/participants/"+ap.ID+"/position", map[string]any{"position": 1}), "only valid in VIDEO mode")
	hasMessage(t, h.fails(400, "VALIDATE_FAILED", "POST", "/api/conference_rooms/"+audio+"/participants/layout", map[string]any{"items": []string{ap.ID}}), "only valid in VIDEO mode")
}

func TestRecordings(t *testing.T) {
	h := newHarness(t)
	room := h.createRoom(audioRoom("100"))
	base := "/api/conference_rooms/" + room
	if recs := h.recordings(room); len(recs) != 0 {
		t.Fatalf("new room has recordings %+v", recs)
	}
	h.ok(200, "POST", base+"/start_recording", nil, nil)
	h.ok(200, "POST", base+"/start_recording", nil, nil) // already recording: nothing new
	if st := h.roomStatus(room); !st.Recording {
		t.Errorf("status %+v", st)
	}
	h.clock.Advance(90 * time.Second)
	recs := h.recordings(room)
	if len(recs) != 1 || recs[0].EndedAt != nil || recs[0].Duration != 90 || recs[0].FileSize != 90*16000 ||
		recs[0].FileName != "100_20250301090000.wav" || recs[0].AnsweredAt != time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC) {
		t.Fatalf("running recording %+v", recs)
	}
	h.ok(200, "POST", base+"/stop_recording", nil, nil)
	h.ok(200, "POST", base+"/stop_recording", nil, nil) // not recording: nothing to do
	h.clock.Advance(time.Minute)
	recs = h.recordings(room)
	if len(recs) != 1 || recs[0].EndedAt == nil || !recs[0].EndedAt.Equal(recs[0].AnsweredAt.Add(90*time.Second)) || recs[0].Duration != 90 {
		t.Fatalf("stopped recording %+v", recs)
	}
	if st := h.roomStatus(room); st.Recording {
		t.Errorf("status after stop %+v", st)
	}

	id := recs[0].ID
	h.ok(200, "POST", base+"/recordings/"+id+"/set_read", nil, nil)
	if read, ok := h.api.RecordingRead(room, id); !ok || !read {
		t.Errorf("set_read: %v %v", read, ok)
	}
	h.ok(200, "POST", base+"/recordings/"+id+"/set_unread", nil, nil)
	if read, _ := h.api.RecordingRead(room, id); read {
		t.Error("set_unread did not")
	}
	h.ok(200, "POST", base+"/start_recording", nil, nil)
	if recs := h.recordings(room); len(recs) != 2 {
		t.Fatalf("second recording: %+v", recs)
	}
	// Deleting the running recording stops it.
	running := h.recordings(room)[1].ID
	h.ok(204, "POST", base+"/recordings/"+running+"/destroy", nil, nil)
	if st := h.roomStatus(room); st.Recording {
		t.Errorf("deleting the running recording left the room recording")
	}
	h.ok(204, "POST", base+"/recordings/"+id+"/destroy", nil, nil)
	if recs := h.recordings(room); len(recs) != 0 {
		t.Errorf("after deleting both: %+v", recs)
	}
	h.fails(404, "NOT_FOUND", "POST", base+"/recordings/"+id+"/destroy", nil)
	h.fails(404, "NOT_FOUND", "POST", base+"/recordings/"+id+"/set_read", nil)
	h.fails(404, "NOT_FOUND", "POST", "/api/conference_rooms/nope/start_recording", nil)
}

func TestEnableRecordingStartsWithConference(t *testing.T) {
	h := newHarness(t)
	body := audioRoom("100")
	body["enable_recording"] = true
	room := h.createRoom(body)
	if st := h.roomStatus(room); st.Recording {
		t.Fatalf("recording before anyone joined: %+v", st)
	}
	h.invite(room, "101")
	if st := h.roomStatus(room); !st.Recording {
		t.Fatalf("not recording after the first participant joined: %+v", st)
	}
	h.invite(room, "102")
	if recs := h.recordings(room); len(recs) != 1 {
		t.Errorf("recordings %+v", recs)
	}
}
