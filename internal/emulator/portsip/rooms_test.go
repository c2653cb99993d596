package portsip_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

func TestRoomCreateAudioDefaults(t *testing.T) {
	h := newHarness(t)
	id := h.createRoom(audioRoom("100"))
	m := h.getMap("/api/conference_rooms/" + id)
	want := map[string]any{
		"id": id, "extension_number": "100", "mode": "AUDIO", "control": "FREE", "subject": "Room 100",
		"capacity": float64(9), "enable_recording": false, "enable_prompt": true,
		"created_at": "2025-03-01T09:00:00Z", "domain": portsip.DefaultDomain, "sbc_host": portsip.DefaultDomain,
		"sbc_port": float64(portsip.DefaultSBCPort), "token": m["token"],
	}
	if !reflect.DeepEqual(m, want) {
		t.Fatalf("got  %v\nwant %v", m, want)
	}
	if tok, _ := m["token"].(string); len(tok) != 32 || strings.ToUpper(tok) != tok {
		t.Errorf("room token %q", tok)
	}
}

func TestRoomCreateVideoDefaults(t *testing.T) {
	h := newHarness(t)
	id := h.createRoom(videoRoom("200"))
	var r portsip.Room
	h.ok(200, "GET", "/api/conference_rooms/"+id, nil, &r)
	if *r.Height != 720 || *r.Width != 1280 || *r.Bitrate != 1024 || *r.Framerate != 15 || r.Layout != "LAYOUT0" {
		t.Fatalf("video defaults %+v", r)
	}
}

func fullVideoRoom() map[string]any {
	return map[string]any{
		"extension_number": "8000", "mode": "VIDEO", "control": "MASTER",
		"height": 1080, "width": 1920, "bitrate": 4096, "framerate": 30, "layout": "LAYOUT4",
		"subject": "Board meeting", "language": "en-US", "capacity": 200,
		"admin_pin": "123456", "room_pin": "007", "enable_recording": true, "enable_prompt": false,
		"timezone":           "Asia/Shanghai",
		"scheduled_start_at": "2025-03-02T10:00:00+08:00", "scheduled_end_at": "2025-03-02T11:30:00+08:00",
		"numbers": "+1 555 0100", "internal_invitees": []string{"NzAwNTUxOTA5NzczMTQ4MTYw"},
		"external_invitees":   "a@example.com,b@example.com",
		"outbound_caller_ids": []map[string]any{{"provider_id": "NzAwNTUxOTA5NzczMTQ4MTYx", "caller_id": "+15550100", "description": "main line"}},
		"custom_options":      `{"welcome":"hi"}`,
	}
}

func TestRoomCreateEveryField(t *testing.T) {
	h := newHarness(t)
	id := h.createRoom(fullVideoRoom())
	m := h.getMap("/api/conference_rooms/" + id)
	for k, v := range map[string]any{
		"control": "MASTER", "height": float64(1080), "width": float64(1920), "bitrate": float64(4096),
		"framerate": float64(30), "layout": "LAYOUT4", "language": "en-US", "capacity": float64(200),
		"admin_pin": "123456", "room_pin": "007", "enable_recording": true, "enable_prompt": false,
		"timezone": "Asia/Shanghai",
		// Times come back in UTC.
		"scheduled_start_at": "2025-03-02T02:00:00Z", "scheduled_end_at": "2025-03-02T03:30:00Z",
		"numbers": "+1 555 0100", "internal_invitees": []any{"NzAwNTUxOTA5NzczMTQ4MTYw"},
		"external_invitees":   "a@example.com,b@example.com",
		"outbound_caller_ids": []any{map[string]any{"provider_id": "NzAwNTUxOTA5NzczMTQ4MTYx", "caller_id": "+15550100", "description": "main line"}},
		"custom_options":      `{"welcome":"hi"}`,
	} {
		if !reflect.DeepEqual(m[k], v) {
			t.Errorf("%s = %#v, want %#v", k, m[k], v)
		}
	}
}

func TestRoomCreateValidation(t *testing.T) {
	h := newHarness(t)
	h.createRoom(audioRoom("100"))
	with := func(base map[string]any, changes map[string]any, drop ...string) map[string]any {
		b := map[string]any{}
		for k, v := range base {
			b[k] = v
		}
		for k, v := range changes {
			b[k] = v
		}
		for _, k := range drop {
			delete(b, k)
		}
		return b
	}
	audio, video := audioRoom("300"), videoRoom("300")
	cases := []struct {
		name string
		body any
		msgs []string
	}{
		{"missing required", map[string]any{}, []string{"extension_number is required", "mode is required", "subject is required", "capacity is required"}},
		{"short extension", with(audio, map[string]any{"extension_number": "12"}), []string{"extension_number must be 3 to 64 digits"}},
		{"letters in extension", with(audio, map[string]any{"extension_number": "12a4"}), []string{"extension_number must be 3 to 64 digits"}},
		{"long extension", with(audio, map[string]any{"extension_number": strings.Repeat("1", 65)}), []string{"extension_number must be 3 to 64 digits"}},
		{"duplicate extension", with(audio, map[string]any{"extension_number": "100"}), []string{"extension_number 100 is already used"}},
		{"bad mode", with(audio, map[string]any{"mode": "audio"}), []string{"mode must be one of AUDIO, VIDEO"}},
		{"bad control", with(audio, map[string]any{"control": "OPEN"}), []string{"control must be one of FREE, MASTER"}},
		{"height in AUDIO", with(audio, map[string]any{"height": 720}), []string{"height is only valid in VIDEO mode"}},
		{"all video fields in AUDIO", with(audio, map[string]any{"width": 1280, "bitrate": 1024, "framerate": 15, "layout": "LAYOUT0"}),
			[]string{"width is only valid in VIDEO mode", "bitrate is only valid in VIDEO mode", "framerate is only valid in VIDEO mode", "layout is only valid in VIDEO mode"}},
		{"height range", with(video, map[string]any{"height": 143}), []string{"height must be between 144 and 1920"}},
		{"width range", with(video, map[string]any{"width": 1921}), []string{"width must be between 144 and 1920"}},
		{"bitrate range", with(video, map[string]any{"bitrate": 127}), []string{"bitrate must be between 128 and 10240"}},
		{"framerate range", with(video, map[string]any{"framerate": 31}), []string{"framerate must be between 5 and 30"}},
		{"bad layout", with(video, map[string]any{"layout": "LAYOUT5"}), []string{"layout must be one of LAYOUT0, LAYOUT1, LAYOUT2, LAYOUT3, LAYOUT4, LAYOUT6, LAYOUT9"}},
		{"empty subject", with(audio, map[string]any{"subject": ""}), []string{"subject must be 1 to 64 characters"}},
		{"long subject", with(audio, map[string]any{"subject": strings.Repeat("é", 65)}), []string{"subject must be 1 to 64 characters"}},
		{"bad language", with(audio, map[string]any{"language": "english"}), []string{"language must be a BCP 47 language tag"}},
		{"underscore language", with(audio, map[string]any{"language": "en_US"}), []string{"language must be a BCP 47 language tag"}},
		{"capacity zero", with(audio, map[string]any{"capacity": 0}), []string{"capacity must be between 1 and 200"}},
		{"capacity 201", with(audio, map[string]any{"capacity": 201}), []string{"capacity must be between 1 and 200"}},
		{"capacity type", with(audio, map[string]any{"capacity": "9"}), []string{"capacity must be an integer"}},
		{"letters in pin", with(audio, map[string]any{"admin_pin": "12a"}), []string{"admin_pin must be 3 to 6 digits"}},
		{"short pin", with(audio, map[string]any{"room_pin": "12"}), []string{"room_pin must be 3 to 6 digits"}},
		{"long pin", with(audio, map[string]any{"room_pin": "1234567"}), []string{"room_pin must be 3 to 6 digits"}},
		{"bad timezone", with(audio, map[string]any{"timezone": "Mars/Olympus"}), []string{"timezone must be an IANA time zone name"}},
		{"Local timezone", with(audio, map[string]any{"timezone": "Local"}), []string{"timezone must be an IANA time zone name"}},
		{"bad start", with(audio, map[string]any{"scheduled_start_at": "2025-03-02 10:00"}), []string{"scheduled_start_at must be an RFC 3339 date-time"}},
		{"end before start", with(audio, map[string]any{"scheduled_start_at": "2025-03-02T10:00:00Z", "scheduled_end_at": "2025-03-02T09:00:00Z"}), []string{"scheduled_end_at must be after scheduled_start_at"}},
		{"end equals start", with(audio, map[string]any{"scheduled_start_at": "2025-03-02T10:00:00Z", "scheduled_end_at": "2025-03-02T12:00:00+02:00"}), []string{"scheduled_end_at must be after scheduled_start_at"}},
		{"long numbers", with(audio, map[string]any{"numbers": strings.Repeat("1", 129)}), []string{"numbers must be at most 128 characters"}},
		{"bad custom_options", with(audio, map[string]any{"custom_options": "{not json"}), []string{"custom_options must be valid JSON text"}},
		{"enable_recording type", with(audio, map[string]any{"enable_recording": 1}), []string{"enable_recording must be a boolean"}},
		{"enable_prompt null", with(audio, map[string]any{"enable_prompt": nil}), []string{"enable_prompt must not be null"}},
		{"invitees type", with(audio, map[string]any{"internal_invitees": "abc"}), []string{"internal_invitees must be an array of user IDs"}},
		{"empty invitee", with(audio, map[string]any{"internal_invitees": []string{""}}), []string{"internal_invitees must not contain empty IDs"}},
		{"caller id fields", with(audio, map[string]any{"outbound_caller_ids": []map[string]any{{"caller_id": ""}}}),
			[]string{"outbound_caller_ids[0].provider_id is required", "outbound_caller_ids[0].caller_id must be 1 to 64 characters"}},
		{"caller id unknown key", with(audio, map[string]any{"outbound_caller_ids": []map[string]any{{"provider_id": "p", "caller_id": "1", "x": 1}}}),
			[]string{"outbound_caller_ids must be an array of {provider_id, caller_id, description}"}},
		{"unknown field", with(audio, map[string]any{"owner": "me"}), []string{`unknown field "owner"`}},
		{"read-only token", with(audio, map[string]any{"token": "x", "created_at": "2025-01-01T00:00:00Z"}), []string{"token is read-only", "created_at is read-only"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msgs := h.fails(400, "VALIDATE_FAILED", "POST", "/api/conference_rooms", c.body)
			for _, m := range c.msgs {
				hasMessage(t, msgs, m)
			}
			if len(msgs) != len(c.msgs) {
				t.Errorf("got %d errors %q, want %d", len(msgs), msgs, len(c.msgs))
			}
		})
	}
	if n := len(h.api.Rooms()); n != 1 {
		t.Errorf("failed creates left %d rooms", n)
	}
}

func TestRoomAcceptedValues(t *testing.T) {
	h := newHarness(t)
	for i, extra := range []map[string]any{
		{"language": "zh-Hant-TW"},
		{"language": "de-CH-1996"},
		{"timezone": "UTC"},
		{"timezone": "America/Argentina/Buenos_Aires"},
		{"admin_pin": "000", "room_pin": "999999"},
		{"custom_options": `[1,2]`},
		{"custom_options": `"just a string"`},
		{"scheduled_start_at": "2025-03-02T10:00:00.5-05:00"},
		{"language": "", "timezone": "", "numbers": ""}, // "" is no value
		{"internal_invitees": []string{}, "outbound_caller_ids": []any{}},
		{"extension_number": strings.Repeat("9", 64)},
	} {
		body := audioRoom(fmt.Sprintf("5%02d", i))
		for k, v := range extra {
			body[k] = v
		}
		h.createRoom(body)
	}
}

func TestRoomUpdate(t *testing.T) {
	h := newHarness(t)
	id := h.createRoom(fullVideoRoom())
	before := h.getMap("/api/conference_rooms/" + id)

	r := h.ok(200, "POST", "/api/conference_rooms/"+id, map[string]any{"subject": "Renamed", "capacity": 50, "framerate": 25}, nil)
	if len(r.body) != 0 {
		t.Errorf("update answered a body: %s", r.body)
	}
	after := h.getMap("/api/conference_rooms/" + id)
	for k := range before {
		switch k {
		case "subject", "capacity", "framerate":
		default:
			if !reflect.DeepEqual(before[k], after[k]) {
				t.Errorf("%s changed from %v to %v though the update left it out", k, before[k], after[k])
			}
		}
	}
	if after["subject"] != "Renamed" || after["capacity"] != float64(50) || after["framerate"] != float64(25) {
		t.Errorf("update not applied: %v", after)
	}

	// "" and null clear optional fields; [] clears lists.
	h.ok(200, "POST", "/api/conference_rooms/"+id, map[string]any{
		"language": "", "admin_pin": nil, "room_pin": "", "timezone": nil, "scheduled_start_at": "",
		"scheduled_end_at": nil, "numbers": "", "internal_invitees": []string{}, "external_invitees": nil,
		"outbound_caller_ids": nil, "custom_options": "",
	}, nil)
	cleared := h.getMap("/api/conference_rooms/" + id)
	for _, k := range []string{"language", "admin_pin", "room_pin", "timezone", "scheduled_start_at", "scheduled_end_at", "numbers", "internal_invitees", "external_invitees", "outbound_caller_ids", "custom_options"} {
		if v, ok := cleared[k]; ok {
			t.Errorf("%s = %v after clearing", k, v)
		}
	}
	if cleared["subject"] != "Renamed" || cleared["layout"] != "LAYOUT4" {
		t.Errorf("clearing touched other fields: %v", cleared)
	}
}

func TestRoomUpdateValidation(t *testing.T) {
	h := newHarness(t)
	audio := h.createRoom(audioRoom("100"))
	video := h.createRoom(videoRoom("200"))
	h.ok(200, "POST", "/api/conference_rooms/"+video, map[string]any{"scheduled_start_at": "2025-05-01T10:00:00Z"}, nil)
	beforeAudio, _ := h.api.Room(audio)
	beforeVideo, _ := h.api.Room(video)
	cases := []struct {
		id   string
		body any
		msgs []string
	}{
		{audio, map[string]any{"mode": "VIDEO"}, []string{"mode cannot be updated"}},
		{audio, map[string]any{"extension_number": "101"}, []string{"extension_number cannot be updated"}},
		{audio, map[string]any{"enable_recording": true}, []string{"enable_recording cannot be updated"}},
		{audio, map[string]any{"id": "x", "domain": "d"}, []string{"id is read-only", "domain is read-only"}},
		{audio, map[string]any{"height": 720, "layout": "LAYOUT1", "subject": "ok"}, []string{"height is only valid in VIDEO mode", "layout is only valid in VIDEO mode"}},
		{audio, map[string]any{"subject": nil, "capacity": nil}, []string{"subject must not be null", "capacity must not be null"}},
		{audio, map[string]any{"subject": "", "capacity": 0}, []string{"subject must be 1 to 64 characters", "capacity must be between 1 and 200"}},
		{video, map[string]any{"height": nil}, []string{"height must not be null"}},
		{video, map[string]any{"bitrate": 99999, "layout": "LAYOUT7"}, []string{"bitrate must be between 128 and 10240", "layout must be one of"}},
		// The end is checked against the start already stored.
		{video, map[string]any{"scheduled_end_at": "2025-05-01T09:00:00Z"}, []string{"scheduled_end_at must be after scheduled_start_at"}},
		{video, map[string]any{"unknown": 1}, []string{`unknown field "unknown"`}},
		{video, "null", []string{"must be a JSON object"}},
	}
	for _, c := range cases {
		msgs := h.fails(400, "VALIDATE_FAILED", "POST", "/api/conference_rooms/"+c.id, c.body)
		for _, m := range c.msgs {
			hasMessage(t, msgs, m)
		}
		if len(msgs) != len(c.msgs) {
			t.Errorf("%v: got %d errors %q, want %d", c.body, len(msgs), msgs, len(c.msgs))
		}
	}
	afterAudio, _ := h.api.Room(audio)
	afterVideo, _ := h.api.Room(video)
	if !reflect.DeepEqual(beforeAudio, afterAudio) || !reflect.DeepEqual(beforeVideo, afterVideo) {
		t.Error("rejected updates changed a room")
	}
	h.fails(404, "NOT_FOUND", "POST", "/api/conference_rooms/nope", map[string]any{"subject": "x"})
}

func TestRoomDestroy(t *testing.T) {
	h := newHarness(t)
	id := h.createRoom(audioRoom("100"))
	h.ok(200, "POST", "/api/conference_rooms/"+id+"/participants/invite", map[string]any{"number": "101"}, nil)
	r := h.ok(204, "POST", "/api/conference_rooms/"+id+"/destroy", nil, nil)
	if len(r.body) != 0 {
		t.Errorf("destroy answered a body: %s", r.body)
	}
	for _, p := range []string{"", "/status", "/participants", "/recordings"} {
		h.fails(404, "NOT_FOUND", "GET", "/api/conference_rooms/"+id+p, nil)
	}
	h.fails(404, "NOT_FOUND", "POST", "/api/conference_rooms/"+id+"/destroy", nil)
	// The extension number is free again.
	h.createRoom(audioRoom("100"))
}

func TestRoomListIsSummary(t *testing.T) {
	h := newHarness(t)
	h.createRoom(fullVideoRoom())
	var l page[map[string]any]
	h.ok(200, "GET", "/api/conference_rooms", nil, &l)
	if l.Count != 1 || len(l.Items) != 1 {
		t.Fatalf("list %+v", l)
	}
	for _, k := range []string{"domain", "sbc_host", "sbc_port", "token", "outbound_caller_ids"} {
		if _, ok := l.Items[0][k]; ok {
			t.Errorf("list item has %s, which only the detailed representation has", k)
		}
	}
	if l.Items[0]["subject"] != "Board meeting" || l.Items[0]["internal_invitees"] == nil {
		t.Errorf("list item %v", l.Items[0])
	}
}

func TestRoomCreatedAtFollowsClock(t *testing.T) {
	h := newHarness(t)
	h.clock.Advance(36*time.Hour + 1500*time.Millisecond)
	h.renew()
	id := h.createRoom(audioRoom("100"))
	if got := h.getMap("/api/conference_rooms/" + id)["created_at"]; got != "2025-03-02T21:00:01Z" {
		t.Errorf("created_at %v", got)
	}
}
