package portsip_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

// everything GETs every object of h's PBX, as a client would see it.
func (h *harness) everything() map[string]any {
	h.t.Helper()
	out := map[string]any{}
	var servers page[map[string]any]
	h.ok(200, "GET", "/api/conference_servers", nil, &servers)
	out["servers"] = servers
	for _, s := range servers.Items {
		id := field[string](h.t, s, "id")
		out["server "+id] = h.getMap("/api/conference_servers/" + id)
		out["server status "+id] = h.getMap("/api/conference_servers/" + id + "/status")
	}
	var rooms page[map[string]any]
	h.ok(200, "GET", "/api/conference_rooms", nil, &rooms)
	out["rooms"] = rooms
	for _, r := range rooms.Items {
		id := field[string](h.t, r, "id")
		for _, p := range []string{"", "/status", "/participants", "/recordings"} {
			out["room"+p+" "+id] = h.getMap("/api/conference_rooms/" + id + p)
		}
	}
	var meetings page[map[string]any]
	h.ok(200, "GET", "/api/user/meetings", nil, &meetings)
	out["meetings"] = meetings
	for _, m := range meetings.Items {
		id := field[string](h.t, m, "id")
		for _, p := range []string{"", "/status", "/participants"} {
			out["meeting"+p+" "+id] = h.getMap("/api/user/meetings/" + id + p)
		}
	}
	return out
}

func TestSnapshotRestore(t *testing.T) {
	h := newHarness(t)
	h.createServer(map[string]any{"name": "east", "ipv4": "192.0.2.1", "ipv6": "2001:db8::1", "max_rooms": 3, "max_participants": 30, "enabled": false})
	video := h.createRoom(fullVideoRoom())
	audio := h.createRoom(audioRoom("100"))
	h.invite(video, "101")
	h.invite(video, "102")
	h.invite(audio, "103")
	h.ok(200, "POST", "/api/conference_rooms/"+audio+"/mute", nil, nil)
	h.ok(200, "POST", "/api/conference_rooms/"+video+"/lock", nil, nil)
	h.ok(200, "POST", "/api/conference_rooms/"+audio+"/start_recording", nil, nil)
	h.clock.Advance(time.Minute)
	h.ok(200, "POST", "/api/conference_rooms/"+audio+"/stop_recording", nil, nil)
	recID := h.recordings(audio)[0].ID
	h.ok(200, "POST", "/api/conference_rooms/"+audio+"/recordings/"+recID+"/set_read", nil, nil)
	h.ok(200, "POST", "/api/conference_rooms/"+audio+"/start_recording", nil, nil)
	before := h.everything()

	snap, err := h.api.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(snap) {
		t.Fatalf("snapshot is not JSON: %s", snap)
	}

	// A second PBX on the same clock, restored from the snapshot, answers the
	// same, and the first one's token still works there.
	api2 := portsip.New(h.clock, portsip.Options{})
	if err := api2.Restore(snap); err != nil {
		t.Fatal(err)
	}
	h2 := serve(t, api2, h.clock, h.token)
	after := h2.everything()
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("restored state differs\nbefore: %v\nafter:  %v", before, after)
	}
	if read, ok := api2.RecordingRead(audio, recID); !ok || !read {
		t.Error("the read flag was lost")
	}
	// The running recording keeps running across the restore.
	h.clock.Advance(time.Minute)
	if recs, _ := api2.Recordings(audio); recs[1].Duration != 60 || recs[1].EndedAt != nil {
		t.Errorf("running recording after restore: %+v", recs[1])
	}
	// Snapshots are deterministic.
	snap2, _ := api2.Snapshot()
	if string(snap) != string(snap2) {
		t.Error("snapshot of the restored PBX differs from the original snapshot")
	}
}

// TestSnapshotRestoreMeetings: every user's meetings, running or not, survive
// a snapshot and restore, and stay their owner's.
func TestSnapshotRestoreMeetings(t *testing.T) {
	h := newHarness(t)
	alice, bob := h.alice(), h.bob()
	running := alice.createMeeting(fullVideoMeeting()).ID
	alice.createMeeting(audioMeeting("idle"))
	bob.createMeeting(audioMeeting("bob's"))
	alice.ok(200, "POST", meetingPath(running, "start"), nil, nil)
	alice.inviteToMeeting(running, "101")
	alice.inviteToMeeting(running, "102")
	alice.ok(200, "POST", meetingPath(running, "lock"), nil, nil)
	before := map[string]any{"alice": alice.everything(), "bob": bob.everything(), "admin": h.everything()}

	snap, err := h.api.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	api2 := portsip.New(h.clock, portsip.Options{})
	if err := api2.Restore(snap); err != nil {
		t.Fatal(err)
	}
	alice2, bob2 := serve(t, api2, h.clock, alice.token), serve(t, api2, h.clock, bob.token)
	after := map[string]any{"alice": alice2.everything(), "bob": bob2.everything(), "admin": serve(t, api2, h.clock, h.token).everything()}
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("restored state differs\nbefore: %v\nafter:  %v", before, after)
	}
	if st := alice2.meetingStatus(running); st != (portsip.ConferenceStatus{Status: "ON_CALL", Locked: true, Recording: true}) {
		t.Errorf("running meeting after restore %+v", st)
	}
	bob2.fails(404, "NOT_FOUND", "GET", meetingPath(running), nil)
	if snap2, _ := api2.Snapshot(); string(snap) != string(snap2) {
		t.Error("snapshot of the restored PBX differs from the original snapshot")
	}
	// The next meeting number accounts for the restored ones.
	if got := bob2.createMeeting(audioMeeting("new")).ExtensionNumber; got != "88003" {
		t.Errorf("extension number after restore %q", got)
	}
}

func TestRestoreEmptyAndInvalid(t *testing.T) {
	clock := platform.NewClock()
	api := portsip.New(clock, portsip.Options{})
	for _, raw := range []string{"", "null", "{}"} {
		if err := api.Restore(json.RawMessage(raw)); err != nil {
			t.Errorf("Restore(%q): %v", raw, err)
		}
		if s := api.Servers(); len(s) != 1 || s[0].Type != "INTERNAL" {
			t.Errorf("Restore(%q) is not a fresh PBX: %+v", raw, s)
		}
	}
	before, _ := api.Snapshot()
	for _, raw := range []string{
		"[",
		`{"servers":[{"id":"a"},{"id":"a"}]}`,
		`{"servers":[],"rooms":[{"room":null}]}`,
		`{"servers":[],"rooms":[{"room":{"id":"r"},"participants":[null]}]}`,
		`{"meetings":[{"meeting":null,"owner":"alice"}]}`,
		`{"meetings":[{"meeting":{"id":"m"}}]}`,
		`{"rooms":[{"room":{"id":"x"}}],"meetings":[{"meeting":{"id":"x"},"owner":"alice"}]}`,
		`{"meetings":[{"meeting":{"id":"m"},"owner":"alice","recordings":[null]}]}`,
	} {
		if err := api.Restore(json.RawMessage(raw)); err == nil {
			t.Errorf("Restore(%s) succeeded", raw)
		}
	}
	if after, _ := api.Snapshot(); string(before) != string(after) {
		t.Error("a failed restore changed the state")
	}
	// An explicitly empty server list is kept: no built-in server comes back.
	if err := api.Restore(json.RawMessage(`{"servers":[],"rooms":[]}`)); err != nil {
		t.Fatal(err)
	}
	if s := api.Servers(); len(s) != 0 {
		t.Errorf("servers %+v", s)
	}
}

func TestReset(t *testing.T) {
	h := newHarness(t)
	h.createRoom(audioRoom("100"))
	h.createServer(serverBody())
	alice := h.alice()
	alice.createMeeting(audioMeeting("m"))
	h.api.Reset()
	if len(h.api.Rooms()) != 0 || len(h.api.Servers()) != 1 || len(h.api.Meetings(portsip.AliceUsername)) != 0 {
		t.Errorf("after reset: %d rooms, %d servers, %d meetings", len(h.api.Rooms()), len(h.api.Servers()), len(h.api.Meetings(portsip.AliceUsername)))
	}
	// The users stay.
	alice.renew()
	if got := alice.createMeeting(audioMeeting("m")).ExtensionNumber; got != "88000" {
		t.Errorf("first meeting after reset got %q", got)
	}
	// Tokens are gone too.
	h.fails(401, "UNAUTHORIZED", "GET", "/api/conference_rooms", nil)
}
