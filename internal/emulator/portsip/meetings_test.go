package portsip_test

import (
	"maps"
	"reflect"
	"strings"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

// alice and bob are h's PBX as seen by the default standard users.
func (h *harness) alice() *harness { return h.as(portsip.AliceUsername, portsip.AlicePassword) }
func (h *harness) bob() *harness   { return h.as(portsip.BobUsername, portsip.BobPassword) }

// createMeeting creates a meeting as h's user and returns the answer.
func (h *harness) createMeeting(body map[string]any) portsip.MeetingCreated {
	h.t.Helper()
	var out portsip.MeetingCreated
	h.ok(201, "POST", "/api/user/meetings", body, &out)
	if out.ID == "" || out.ExtensionNumber == "" {
		h.t.Fatalf("create meeting answered %+v", out)
	}
	return out
}

func audioMeeting(subject string) map[string]any {
	return map[string]any{"mode": "AUDIO", "subject": subject, "timezone": "Europe/Paris"}
}

func videoMeeting(subject string) map[string]any {
	return map[string]any{"mode": "VIDEO", "subject": subject, "timezone": "Europe/Paris"}
}

func fullVideoMeeting() map[string]any {
	return map[string]any{
		"mode": "VIDEO", "control": "MASTER",
		"height": 1080, "width": 1920, "bitrate": 4096, "framerate": 30, "layout": "LAYOUT4",
		"subject": "Quarterly review", "language": "fr-FR",
		"admin_pin": "123456", "room_pin": "007", "enable_recording": true, "enable_prompt": false,
		"timezone":           "Asia/Shanghai",
		"scheduled_start_at": "2025-03-02T10:00:00+08:00", "scheduled_end_at": "2025-03-02T11:30:00+08:00",
		"internal_invitees":   []string{"NzAwNTUxOTA5NzczMTQ4MTYw"},
		"external_invitees":   "a@example.com,b@example.com",
		"close_on_nobody":     true,
		"outbound_caller_ids": []map[string]any{{"provider_id": "NzAwNTUxOTA5NzczMTQ4MTYx", "caller_id": "+15550100", "description": "main line"}},
		"custom_options":      `{"welcome":"hi"}`,
	}
}

// with is base with changes applied.
func with(base, changes map[string]any) map[string]any {
	b := maps.Clone(base)
	maps.Copy(b, changes)
	return b
}

func meetingPath(id string, rest ...string) string {
	return "/api/user/meetings/" + strings.Join(append([]string{id}, rest...), "/")
}

func TestMeetingCreateDefaults(t *testing.T) {
	h := newHarness(t)
	alice := h.alice()
	created := alice.createMeeting(audioMeeting("Standup"))
	if created.ExtensionNumber != "88000" {
		t.Errorf("first meeting's extension number %q, want 88000", created.ExtensionNumber)
	}
	m := alice.getMap(meetingPath(created.ID))
	want := map[string]any{
		"id": created.ID, "extension_number": "88000", "mode": "AUDIO", "control": "FREE", "subject": "Standup",
		"capacity": float64(9), "enable_recording": false, "enable_prompt": true, "timezone": "Europe/Paris",
		"created_at": "2025-03-01T09:00:00Z", "close_on_nobody": false, "ownership": true,
		"domain": portsip.DefaultDomain, "sbc_host": portsip.DefaultDomain,
		"sbc_port": float64(portsip.DefaultSBCPort), "token": m["token"],
	}
	if !reflect.DeepEqual(m, want) {
		t.Fatalf("got  %v\nwant %v", m, want)
	}
	if tok, _ := m["token"].(string); len(tok) != 32 {
		t.Errorf("meeting token %q", tok)
	}
	var video portsip.Meeting
	alice.ok(200, "GET", meetingPath(alice.createMeeting(videoMeeting("v")).ID), nil, &video)
	if *video.Height != 720 || *video.Width != 1280 || *video.Bitrate != 1024 || *video.Framerate != 15 || video.Layout != "LAYOUT0" {
		t.Errorf("video defaults %+v", video)
	}
}

func TestMeetingCreateEveryField(t *testing.T) {
	h := newHarness(t)
	alice := h.alice()
	m := alice.getMap(meetingPath(alice.createMeeting(fullVideoMeeting()).ID))
	for k, v := range map[string]any{
		"control": "MASTER", "height": float64(1080), "width": float64(1920), "bitrate": float64(4096),
		"framerate": float64(30), "layout": "LAYOUT4", "language": "fr-FR", "capacity": float64(9),
		"admin_pin": "123456", "room_pin": "007", "enable_recording": true, "enable_prompt": false,
		"timezone":           "Asia/Shanghai",
		"scheduled_start_at": "2025-03-02T02:00:00Z", "scheduled_end_at": "2025-03-02T03:30:00Z",
		"internal_invitees": []any{"NzAwNTUxOTA5NzczMTQ4MTYw"}, "external_invitees": "a@example.com,b@example.com",
		"close_on_nobody":     true,
		"outbound_caller_ids": []any{map[string]any{"provider_id": "NzAwNTUxOTA5NzczMTQ4MTYx", "caller_id": "+15550100", "description": "main line"}},
		"custom_options":      `{"welcome":"hi"}`,
	} {
		if !reflect.DeepEqual(m[k], v) {
			t.Errorf("%s = %#v, want %#v", k, m[k], v)
		}
	}
}

// TestMeetingExtensionNumbers: the PBX gives the lowest free number from
// 88000 up; rooms and meetings never share one.
func TestMeetingExtensionNumbers(t *testing.T) {
	h := newHarness(t)
	alice, bob := h.alice(), h.bob()
	first := alice.createMeeting(audioMeeting("a"))
	second := bob.createMeeting(audioMeeting("b"))
	if first.ExtensionNumber != "88000" || second.ExtensionNumber != "88001" {
		t.Fatalf("numbers %q %q", first.ExtensionNumber, second.ExtensionNumber)
	}
	h.createRoom(audioRoom("88002"))
	if got := alice.createMeeting(audioMeeting("c")).ExtensionNumber; got != "88003" {
		t.Errorf("meeting after room 88002 got %q, want 88003", got)
	}
	msgs := h.fails(400, "VALIDATE_FAILED", "POST", "/api/conference_rooms", audioRoom("88001"))
	hasMessage(t, msgs, "extension_number 88001 is already used by another conference room or meeting")
	alice.ok(204, "POST", meetingPath(first.ID, "destroy"), nil, nil)
	if got := bob.createMeeting(audioMeeting("d")).ExtensionNumber; got != "88000" {
		t.Errorf("freed number not reused: %q", got)
	}
}

func TestMeetingCreateValidation(t *testing.T) {
	h := newHarness(t)
	alice := h.alice()
	audio, video := audioMeeting("m"), videoMeeting("m")
	cases := []struct {
		name string
		body any
		msgs []string
	}{
		{"missing required", map[string]any{}, []string{"mode is required", "subject is required", "timezone is required"}},
		{"capacity is not taken", with(audio, map[string]any{"capacity": 20}), []string{"capacity cannot be set when a meeting is created"}},
		{"extension is the PBX's", with(audio, map[string]any{"extension_number": "123"}), []string{"extension_number is assigned by the PBX"}},
		{"read-only", with(audio, map[string]any{"ownership": true, "token": "x", "id": "y"}), []string{"ownership is read-only", "token is read-only", "id is read-only"}},
		{"room-only numbers", with(audio, map[string]any{"numbers": "1"}), []string{`unknown field "numbers"`}},
		{"bad mode", with(audio, map[string]any{"mode": "audio"}), []string{"mode must be one of AUDIO, VIDEO"}},
		{"empty timezone", with(audio, map[string]any{"timezone": ""}), []string{"timezone must be an IANA time zone name"}},
		{"null timezone", with(audio, map[string]any{"timezone": nil}), []string{"timezone is required", "timezone must not be null"}},
		{"bad timezone", with(audio, map[string]any{"timezone": "Mars/Olympus"}), []string{"timezone must be an IANA time zone name"}},
		{"video field in AUDIO", with(audio, map[string]any{"layout": "LAYOUT1", "framerate": 20}), []string{"layout is only valid in VIDEO mode", "framerate is only valid in VIDEO mode"}},
		{"video ranges", with(video, map[string]any{"height": 100, "bitrate": 1e6}), []string{"height must be between 144 and 1920", "bitrate must be between 128 and 10240"}},
		{"subject", with(audio, map[string]any{"subject": strings.Repeat("x", 65)}), []string{"subject must be 1 to 64 characters"}},
		{"pins", with(audio, map[string]any{"admin_pin": "12", "room_pin": "abc"}), []string{"admin_pin must be 3 to 6 digits", "room_pin must be 3 to 6 digits"}},
		{"close_on_nobody", with(audio, map[string]any{"close_on_nobody": "yes"}), []string{"close_on_nobody must be a boolean"}},
		{"close_on_nobody null", with(audio, map[string]any{"close_on_nobody": nil}), []string{"close_on_nobody must not be null"}},
		{"enable_recording null", with(audio, map[string]any{"enable_recording": nil}), []string{"enable_recording must not be null"}},
		{"times", with(audio, map[string]any{"scheduled_start_at": "2025-03-02T10:00:00Z", "scheduled_end_at": "2025-03-02T10:00:00Z"}), []string{"scheduled_end_at must be after scheduled_start_at"}},
		{"custom options", with(audio, map[string]any{"custom_options": "{"}), []string{"custom_options must be valid JSON text"}},
		{"caller ids", with(audio, map[string]any{"outbound_caller_ids": []map[string]any{{"caller_id": ""}}}),
			[]string{"outbound_caller_ids[0].provider_id is required", "outbound_caller_ids[0].caller_id must be 1 to 64 characters"}},
		{"not an object", "[]", []string{"request body must be a JSON object"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msgs := alice.fails(400, "VALIDATE_FAILED", "POST", "/api/user/meetings", c.body)
			for _, m := range c.msgs {
				hasMessage(t, msgs, m)
			}
			if len(msgs) != len(c.msgs) {
				t.Errorf("got %d errors %q, want %d", len(msgs), msgs, len(c.msgs))
			}
		})
	}
	if n := len(h.api.Meetings(portsip.AliceUsername)); n != 0 {
		t.Errorf("failed creates left %d meetings", n)
	}
}

func TestMeetingUpdate(t *testing.T) {
	h := newHarness(t)
	alice := h.alice()
	id := alice.createMeeting(fullVideoMeeting()).ID
	before := alice.getMap(meetingPath(id))
	changes := map[string]any{"subject": "Renamed", "capacity": 50, "framerate": 25, "enable_recording": false, "close_on_nobody": false, "timezone": "UTC"}
	r := alice.ok(200, "POST", meetingPath(id), changes, nil)
	if len(r.body) != 0 {
		t.Errorf("update answered a body: %s", r.body)
	}
	after := alice.getMap(meetingPath(id))
	for k := range before {
		want := before[k]
		if v, changed := changes[k]; changed {
			want = v
			if n, ok := v.(int); ok {
				want = float64(n)
			}
		}
		if !reflect.DeepEqual(after[k], want) {
			t.Errorf("%s = %v, want %v", k, after[k], want)
		}
	}

	// "" and null clear optional fields; [] clears lists; timezone stays.
	alice.ok(200, "POST", meetingPath(id), map[string]any{
		"language": "", "admin_pin": nil, "room_pin": "", "scheduled_start_at": "",
		"scheduled_end_at": nil, "internal_invitees": []string{}, "external_invitees": nil,
		"outbound_caller_ids": nil, "custom_options": "",
	}, nil)
	cleared := alice.getMap(meetingPath(id))
	for _, k := range []string{"language", "admin_pin", "room_pin", "scheduled_start_at", "scheduled_end_at", "internal_invitees", "external_invitees", "outbound_caller_ids", "custom_options"} {
		if v, ok := cleared[k]; ok {
			t.Errorf("%s = %v after clearing", k, v)
		}
	}
	if cleared["timezone"] != "UTC" || cleared["layout"] != "LAYOUT4" {
		t.Errorf("clearing touched other fields: %v", cleared)
	}
}

func TestMeetingUpdateValidation(t *testing.T) {
	h := newHarness(t)
	alice := h.alice()
	audio := alice.createMeeting(audioMeeting("a")).ID
	video := alice.createMeeting(videoMeeting("v")).ID
	before := map[string]portsip.Meeting{}
	for _, id := range []string{audio, video} {
		before[id], _ = h.api.Meeting(id)
	}
	cases := []struct {
		id   string
		body any
		msgs []string
	}{
		{audio, map[string]any{"mode": "VIDEO"}, []string{"mode cannot be updated"}},
		{audio, map[string]any{"extension_number": "101"}, []string{"extension_number is assigned by the PBX and cannot be updated"}},
		{audio, map[string]any{"ownership": false, "created_at": "2025-01-01T00:00:00Z"}, []string{"ownership is read-only", "created_at is read-only"}},
		{audio, map[string]any{"timezone": nil}, []string{"timezone must not be null"}},
		{audio, map[string]any{"timezone": ""}, []string{"timezone must be an IANA time zone name"}},
		{audio, map[string]any{"height": 720, "subject": "ok"}, []string{"height is only valid in VIDEO mode"}},
		{audio, map[string]any{"capacity": 0, "subject": nil}, []string{"capacity must be between 1 and 200", "subject must not be null"}},
		{audio, map[string]any{"numbers": "1"}, []string{`unknown field "numbers"`}},
		{video, map[string]any{"layout": "LAYOUT7", "width": nil}, []string{"layout must be one of", "width must not be null"}},
		{video, map[string]any{"close_on_nobody": 1}, []string{"close_on_nobody must be a boolean"}},
	}
	for _, c := range cases {
		msgs := alice.fails(400, "VALIDATE_FAILED", "POST", meetingPath(c.id), c.body)
		for _, m := range c.msgs {
			hasMessage(t, msgs, m)
		}
		if len(msgs) != len(c.msgs) {
			t.Errorf("%v: got %d errors %q, want %d", c.body, len(msgs), msgs, len(c.msgs))
		}
	}
	for id, b := range before {
		if after, _ := h.api.Meeting(id); !reflect.DeepEqual(b, after) {
			t.Errorf("rejected updates changed meeting %s", id)
		}
	}
	alice.fails(404, "NOT_FOUND", "POST", meetingPath("nope"), map[string]any{"subject": "x"})
}

// TestMeetingsBelongToTheirOwner: a user reaches only their own meetings;
// anybody else's answers 404 exactly as an unknown ID does.
func TestMeetingsBelongToTheirOwner(t *testing.T) {
	h := newHarness(t)
	alice, bob := h.alice(), h.bob()
	a1 := alice.createMeeting(videoMeeting("alice 1")).ID
	alice.createMeeting(audioMeeting("alice 2"))
	b1 := bob.createMeeting(audioMeeting("bob 1")).ID
	alice.ok(200, "POST", meetingPath(a1, "start"), nil, nil)
	alice.ok(200, "POST", meetingPath(a1, "participants", "invite"), map[string]any{"number": "101"}, nil)
	pid := alice.meetingParticipants(a1)[0].ID
	before, _ := h.api.Meeting(a1)

	for _, c := range []struct {
		who   *harness
		count int
		subj  []string
	}{{alice, 2, []string{"alice 1", "alice 2"}}, {bob, 1, []string{"bob 1"}}, {h, 0, nil}} {
		var l page[portsip.Meeting]
		c.who.ok(200, "GET", "/api/user/meetings", nil, &l)
		var subjects []string
		for _, m := range l.Items {
			subjects = append(subjects, m.Subject)
		}
		if l.Count != c.count || !reflect.DeepEqual(subjects, c.subj) {
			t.Errorf("%s lists %d %v, want %d %v", c.who.user, l.Count, subjects, c.count, c.subj)
		}
	}

	unknown := func(method, path string, body any) string {
		t.Helper()
		r := bob.do(method, path, body)
		msgs := bob.expectError(r, 404, "NOT_FOUND", method, path)
		return strings.Join(msgs, "; ")
	}
	p := "/participants/" + pid
	for _, c := range []struct {
		method, rest string
		body         any
	}{
		{"GET", "", nil}, {"POST", "", map[string]any{"subject": "bob was here"}}, {"POST", "/destroy", nil},
		{"GET", "/status", nil}, {"POST", "/start", nil}, {"POST", "/stop", nil},
		{"POST", "/mute", nil}, {"POST", "/unmute", nil}, {"POST", "/lock", nil}, {"POST", "/unlock", nil},
		{"POST", "/start_recording", nil}, {"POST", "/stop_recording", nil},
		{"GET", "/participants", nil}, {"POST", "/participants/invite", map[string]any{"number": "102"}},
		{"POST", "/participants/layout", map[string]any{"items": []string{pid}}},
		{"GET", p, nil}, {"POST", p + "/mute", nil}, {"POST", p + "/unmute", nil}, {"POST", p + "/chairman", nil},
		{"POST", p + "/position", map[string]any{"position": 3}}, {"POST", p + "/destroy", nil},
	} {
		got := unknown(c.method, "/api/user/meetings/"+a1+c.rest, c.body)
		// Word for word what an unknown ID gets, so that nothing tells the
		// two apart.
		if want := unknown(c.method, "/api/user/meetings/NzExMTExMTExMTExMTExMTEx"+c.rest, c.body); strings.ReplaceAll(got, a1, "X") != strings.ReplaceAll(want, "NzExMTExMTExMTExMTExMTEx", "X") {
			t.Errorf("%s %s: %q, unknown ID: %q", c.method, c.rest, got, want)
		}
	}
	// Even the administrator is no exception.
	h.fails(404, "NOT_FOUND", "GET", meetingPath(b1), nil)

	if after, _ := h.api.Meeting(a1); !reflect.DeepEqual(before, after) {
		t.Error("bob's requests changed alice's meeting")
	}
	if ps := alice.meetingParticipants(a1); len(ps) != 1 || ps[0].Muted {
		t.Errorf("bob's requests changed alice's participants: %+v", ps)
	}
	if st := alice.meetingStatus(a1); st != (portsip.ConferenceStatus{Status: "ON_CALL"}) {
		t.Errorf("bob's requests changed alice's status: %+v", st)
	}
}

func TestMeetingList(t *testing.T) {
	h := newHarness(t)
	alice := h.alice()
	for _, b := range []map[string]any{
		audioMeeting("Alpha"),
		with(videoMeeting("beta"), map[string]any{"close_on_nobody": true, "outbound_caller_ids": []map[string]any{{"provider_id": "p", "caller_id": "1"}}}),
		with(audioMeeting("Gamma"), map[string]any{"language": "de-DE"}),
	} {
		alice.createMeeting(b)
	}
	h.bob().createMeeting(audioMeeting("Alpha of bob"))
	list := func(query string) (int, []string) {
		t.Helper()
		var l page[map[string]any]
		alice.ok(200, "GET", "/api/user/meetings?"+query, nil, &l)
		var subjects []string
		for _, it := range l.Items {
			subjects = append(subjects, field[string](t, it, "subject"))
			for _, k := range []string{"domain", "sbc_host", "sbc_port", "token"} {
				if _, ok := it[k]; ok {
					t.Errorf("list item has %s, which only the detailed representation has", k)
				}
			}
		}
		return l.Count, subjects
	}
	for _, c := range []struct {
		query string
		count int
		want  []string
	}{
		{"", 3, []string{"Alpha", "beta", "Gamma"}},
		{"filter=close_on_nobody+eq+true", 1, []string{"beta"}},
		{"filter=ownership+eq+true+and+mode+eq+'AUDIO'", 2, []string{"Alpha", "Gamma"}},
		{"filter=startswith(extension_number,'8800')&orderby=extension_number+desc", 3, []string{"Gamma", "beta", "Alpha"}},
		{"search=alpha", 1, []string{"Alpha"}},
		{"orderby=subject+asc&skip=1&top=1", 3, []string{"Gamma"}},
		{"$skip=2", 3, []string{"Gamma"}},
	} {
		count, got := list(c.query)
		if count != c.count || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %d %v, want %d %v", c.query, count, got, c.count, c.want)
		}
	}
	var l page[map[string]any]
	alice.ok(200, "GET", "/api/user/meetings?filter=close_on_nobody+eq+true", nil, &l)
	if l.Items[0]["outbound_caller_ids"] == nil {
		t.Error("list item lacks outbound_caller_ids, which listUserMeetings' items have")
	}
	for _, q := range []string{"filter=numbers+eq+'1'", "orderby=internal_invitees", "top=0", "skip=-1", "filter=subject+eq"} {
		alice.fails(400, "VALIDATE_FAILED", "GET", "/api/user/meetings?"+q, nil)
	}
}
