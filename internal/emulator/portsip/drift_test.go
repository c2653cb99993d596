package portsip_test

import (
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

func TestDriftHelpers(t *testing.T) {
	h := newHarness(t)
	room := h.createRoom(audioRoom("100"))
	server := h.createServer(serverBody())

	if !h.api.MutateRoom(room, func(r *portsip.Room) { r.Subject = "changed behind the API"; r.ID = "ignored" }) {
		t.Fatal("MutateRoom: room not found")
	}
	if got := h.getMap("/api/conference_rooms/" + room)["subject"]; got != "changed behind the API" {
		t.Errorf("drifted subject %v", got)
	}
	if !h.api.MutateServer(server, func(s *portsip.Server) { s.MaxRooms = 77 }) {
		t.Fatal("MutateServer: server not found")
	}
	if got := h.getMap("/api/conference_servers/" + server)["max_rooms"]; got != float64(77) {
		t.Errorf("drifted max_rooms %v", got)
	}
	if r, ok := h.api.Room(room); !ok || r.Subject != "changed behind the API" {
		t.Errorf("Room: %+v %v", r, ok)
	}
	if s, ok := h.api.Server(server); !ok || s.MaxRooms != 77 {
		t.Errorf("Server: %+v %v", s, ok)
	}

	h.invite(room, "101")
	if ps, ok := h.api.Participants(room); !ok || len(ps) != 1 {
		t.Errorf("Participants: %+v %v", ps, ok)
	}
	if recs, ok := h.api.Recordings(room); !ok || len(recs) != 0 {
		t.Errorf("Recordings: %+v %v", recs, ok)
	}

	if !h.api.DeleteRoom(room) || h.api.DeleteRoom(room) {
		t.Error("DeleteRoom should succeed once")
	}
	h.fails(404, "NOT_FOUND", "GET", "/api/conference_rooms/"+room, nil)
	if !h.api.DeleteServer(server) || h.api.DeleteServer(server) {
		t.Error("DeleteServer should succeed once")
	}
	h.fails(404, "NOT_FOUND", "GET", "/api/conference_servers/"+server, nil)

	if h.api.MutateRoom("nope", func(*portsip.Room) {}) || h.api.MutateServer("nope", func(*portsip.Server) {}) {
		t.Error("mutating unknown objects reported success")
	}
	if _, ok := h.api.Participants("nope"); ok {
		t.Error("Participants of an unknown room")
	}
	if _, ok := h.api.RecordingRead("nope", "x"); ok {
		t.Error("RecordingRead of an unknown room")
	}
	// Copies do not alias the stored objects.
	id := h.createRoom(fullVideoRoom())
	r, _ := h.api.Room(id)
	r.InternalInvitees[0] = "mutated"
	*r.Height = 1
	if again, _ := h.api.Room(id); again.InternalInvitees[0] == "mutated" || *again.Height == 1 {
		t.Error("Room returned an aliased copy")
	}
}

func TestMeetingDriftHelpers(t *testing.T) {
	h := newHarness(t)
	alice := h.alice()
	id := alice.createMeeting(fullVideoMeeting()).ID
	if !h.api.MutateMeeting(id, func(m *portsip.Meeting) { m.Subject = "changed behind the API"; m.ID = "ignored" }) {
		t.Fatal("MutateMeeting: meeting not found")
	}
	if got := alice.getMap(meetingPath(id))["subject"]; got != "changed behind the API" {
		t.Errorf("drifted subject %v", got)
	}
	m, ok := h.api.Meeting(id)
	if !ok || m.Subject != "changed behind the API" {
		t.Errorf("Meeting: %+v %v", m, ok)
	}
	// Copies do not alias the stored meeting.
	m.InternalInvitees[0] = "mutated"
	*m.Height = 1
	if again, _ := h.api.Meeting(id); again.InternalInvitees[0] == "mutated" || *again.Height == 1 {
		t.Error("Meeting returned an aliased copy")
	}
	if ms := h.api.Meetings(portsip.AliceUsername); len(ms) != 1 || ms[0].ID != id {
		t.Errorf("Meetings(alice) %+v", ms)
	}
	if ms := h.api.Meetings(portsip.BobUsername); len(ms) != 0 {
		t.Errorf("Meetings(bob) %+v", ms)
	}
	if !h.api.DeleteMeeting(id) || h.api.DeleteMeeting(id) {
		t.Error("DeleteMeeting should succeed once")
	}
	alice.fails(404, "NOT_FOUND", "GET", meetingPath(id), nil)
	if h.api.MutateMeeting(id, func(*portsip.Meeting) {}) {
		t.Error("mutating an unknown meeting reported success")
	}
}
