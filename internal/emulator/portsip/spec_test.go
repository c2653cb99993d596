package portsip_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/openapitest"
)

// TestResponsesMatchOpenAPISpec exercises every operation of the spec's
// auth, conference server and conference room paths, and checks that each
// answer validates against the response schema the spec gives for its
// operation and status (the harness validates every answer of every test this
// way; this test makes sure nothing is left out). It also checks that the
// detailed objects carry every property the spec lists, and nothing else.
func TestResponsesMatchOpenAPISpec(t *testing.T) {
	spec := openapitest.Require(t, specFile, "/api", "every answer of auth, conference servers and rooms against its schema")
	h := newHarness(t)

	// Conference servers.
	server := h.createServer(map[string]any{"name": "east", "ipv4": "192.0.2.1", "ipv6": "2001:db8::1", "max_rooms": 10, "max_participants": 100})
	var servers page[map[string]any]
	h.ok(200, "GET", "/api/conference_servers?"+"filter=name+eq+'east'", nil, &servers)
	serverObj := h.getMap("/api/conference_servers/" + server)
	h.ok(200, "POST", "/api/conference_servers/"+server, map[string]any{"max_rooms": 20}, nil)
	serverStatus := h.getMap("/api/conference_servers/" + server + "/status")

	// Conference rooms and their conferences.
	room := h.createRoom(fullVideoRoom())
	roomObj := h.getMap("/api/conference_rooms/" + room)
	var rooms page[map[string]any]
	h.ok(200, "GET", "/api/conference_rooms", nil, &rooms)
	h.ok(200, "POST", "/api/conference_rooms/"+room, map[string]any{"subject": "changed"}, nil)
	base := "/api/conference_rooms/" + room
	for _, action := range []string{"mute", "unmute", "lock", "unlock"} {
		h.ok(200, "POST", base+"/"+action, nil, nil)
	}
	h.invite(room, "101")
	h.invite(room, "102")
	roomStatus := h.getMap(base + "/status")
	ps := h.participants(room)
	participant := h.getMap(base + "/participants/" + ps[0].ID)
	pbase := base + "/participants/" + ps[0].ID
	h.ok(200, "POST", pbase+"/mute", nil, nil)
	h.ok(200, "POST", pbase+"/unmute", nil, nil)
	h.ok(200, "POST", base+"/participants/"+ps[1].ID+"/chairman", nil, nil)
	h.ok(200, "POST", pbase+"/position", map[string]any{"position": 5}, nil)
	h.ok(200, "POST", base+"/participants/layout", map[string]any{"items": []string{ps[1].ID}}, nil)
	h.ok(204, "POST", pbase+"/destroy", nil, nil)
	// start_recording is a no-op when enable_recording already started one.
	h.ok(200, "POST", base+"/start_recording", nil, nil)
	h.clock.Advance(2 * time.Minute)
	h.ok(200, "POST", base+"/stop_recording", nil, nil)
	var recs page[map[string]any]
	h.ok(200, "GET", base+"/recordings", nil, &recs)
	recording := recs.Items[0]
	rec := base + "/recordings/" + field[string](t, recording, "id")
	h.ok(200, "POST", rec+"/set_read", nil, nil)
	h.ok(200, "POST", rec+"/set_unread", nil, nil)
	h.ok(204, "POST", rec+"/destroy", nil, nil)
	h.ok(204, "POST", base+"/destroy", nil, nil)
	h.ok(204, "POST", "/api/conference_servers/"+server+"/destroy", nil, nil)

	// Auth.
	h.renew()
	tr := h.signIn(h.user, h.password)
	r := h.doWith("POST", "/api/auth/refresh_token", "", map[string]string{"refresh_token": tr.RefreshToken})
	if r.status != 200 {
		t.Fatalf("refresh: %d %s", r.status, r.body)
	}
	var signIn map[string]any
	mustJSON(t, r.body, &signIn)
	h.getMap("/api/auth/user")
	if r := h.doWith("POST", "/api/auth/sign_out", "Bearer "+tr.AccessToken, nil); r.status != 200 {
		t.Fatalf("sign out: %d", r.status)
	}

	// Some error answers too: the spec gives 4XX no schema, so the harness
	// checks them as error envelopes only.
	h.fails(404, "NOT_FOUND", "GET", "/api/conference_rooms/nope", nil)
	h.fails(400, "VALIDATE_FAILED", "POST", "/api/conference_servers", map[string]any{})
	h.fails(404, "NOT_FOUND", "POST", "/api/conference_servers/nope/destroy", nil) // declared 404
	t.Log("4XX answers: the spec declares them without a schema; validated as error envelopes")

	// Every operation was answered with its success status and validated.
	h.requireCovered(spec, func(p string) bool {
		// User meetings have their own test; login and social sign-in are
		// not emulated.
		return strings.HasPrefix(p, "/conference_") || slices.Contains([]string{"/auth/sign_in", "/auth/refresh_token", "/auth/sign_out", "/auth/user"}, p)
	})

	// The detailed objects carry exactly the spec's properties.
	requireProperties(t, spec, []specObject{
		{"server", "GET", "/api/conference_servers/x", 200, false, serverObj},
		{"server list item", "GET", "/api/conference_servers", 200, true, servers.Items[0]},
		{"server status", "GET", "/api/conference_servers/x/status", 200, false, serverStatus},
		{"room", "GET", "/api/conference_rooms/x", 200, false, roomObj},
		{"room list item", "GET", "/api/conference_rooms", 200, true, rooms.Items[0]},
		{"room status", "GET", "/api/conference_rooms/x/status", 200, false, roomStatus},
		{"participant", "GET", "/api/conference_rooms/x/participants/y", 200, false, participant},
		{"recording", "GET", "/api/conference_rooms/x/recordings", 200, true, recording},
		{"token", "POST", "/api/auth/refresh_token", 200, false, signIn},
	})
}

// requireCovered fails the test unless every operation of the spec paths
// include selects was answered with its (first) success status.
func (h *harness) requireCovered(spec *openapitest.Spec, include func(template string) bool) {
	h.t.Helper()
	var missing []string
	for _, route := range spec.Routes() {
		if !include(route.Template) {
			continue
		}
		for method, op := range route.Operations {
			success := openapitest.SuccessStatus(op)
			if success == "" {
				continue
			}
			key := fmt.Sprintf("%s %s %s", strings.ToUpper(method), route.Template, success)
			if !h.spec.Covered(key) {
				missing = append(missing, key)
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		h.t.Errorf("operations never exercised:\n  %s", strings.Join(missing, "\n  "))
	}
}

// specObject is an answer to compare with the properties its schema lists.
type specObject struct {
	name, method, path string
	status             int
	item               bool // got is an element of the answer's items
	got                map[string]any
}

// requireProperties fails the test unless each object carries exactly the
// properties the spec lists for it.
func requireProperties(t *testing.T, spec *openapitest.Spec, objects []specObject) {
	t.Helper()
	for _, c := range objects {
		_, op, found := spec.Operation(c.method, c.path)
		if !found {
			t.Errorf("%s: no operation %s %s in the spec", c.name, c.method, c.path)
			continue
		}
		schema, _ := spec.ResponseSchema(op, c.status)
		if c.item {
			// The list's schema: {"properties": {"items": {"items": <item>}}}.
			list, ok := schema.(map[string]any)
			if !ok {
				t.Fatalf("%s: the answer's schema is %#v, not an object", c.name, schema)
			}
			props := field[map[string]any](t, list, "properties")
			schema = field[map[string]any](t, props, "items")["items"]
		}
		want := spec.Properties(schema)
		var got []string
		for k := range c.got {
			got = append(got, k)
		}
		sort.Strings(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s has properties\n  %v\nthe spec lists\n  %v", c.name, got, want)
		}
	}
}

// TestMeetingResponsesMatchOpenAPISpec is TestResponsesMatchOpenAPISpec for
// every /user/meetings operation, as a standard user.
func TestMeetingResponsesMatchOpenAPISpec(t *testing.T) {
	spec := openapitest.Require(t, specFile, "/api", "every answer of user meetings against its schema")
	h := newHarness(t)
	alice := h.alice()

	created := alice.do("POST", "/api/user/meetings", fullVideoMeeting())
	var createdObj map[string]any
	mustJSON(t, created.body, &createdObj)
	id := field[string](t, createdObj, "id")
	meeting := alice.getMap(meetingPath(id))
	var meetings page[map[string]any]
	alice.ok(200, "GET", "/api/user/meetings?orderby=created_at+desc", nil, &meetings)
	alice.ok(200, "POST", meetingPath(id), map[string]any{"subject": "changed", "capacity": 20}, nil)
	alice.ok(200, "POST", meetingPath(id, "start"), nil, nil)
	for _, action := range []string{"mute", "unmute", "lock", "unlock"} {
		alice.ok(200, "POST", meetingPath(id, action), nil, nil)
	}
	alice.inviteToMeeting(id, "101")
	alice.inviteToMeeting(id, "102")
	status := alice.getMap(meetingPath(id, "status"))
	ps := alice.meetingParticipants(id)
	participant := alice.getMap(meetingPath(id, "participants", ps[0].ID))
	p0 := meetingPath(id, "participants", ps[0].ID)
	alice.ok(200, "POST", p0+"/mute", nil, nil)
	alice.ok(200, "POST", p0+"/unmute", nil, nil)
	alice.ok(200, "POST", meetingPath(id, "participants", ps[1].ID, "chairman"), nil, nil)
	alice.ok(200, "POST", p0+"/position", map[string]any{"position": 5}, nil)
	alice.ok(200, "POST", meetingPath(id, "participants", "layout"), map[string]any{"items": []string{ps[1].ID}}, nil)
	alice.ok(204, "POST", p0+"/destroy", nil, nil)
	alice.ok(200, "POST", meetingPath(id, "start_recording"), nil, nil)
	alice.ok(200, "POST", meetingPath(id, "stop_recording"), nil, nil)
	alice.ok(200, "POST", meetingPath(id, "stop"), nil, nil)
	alice.ok(204, "POST", meetingPath(id, "destroy"), nil, nil)
	alice.fails(404, "NOT_FOUND", "POST", meetingPath(id, "destroy"), nil) // declared 404
	alice.fails(400, "VALIDATE_FAILED", "POST", "/api/user/meetings", map[string]any{})

	h.requireCovered(spec, func(p string) bool { return strings.HasPrefix(p, "/user/meetings") })
	requireProperties(t, spec, []specObject{
		{"created meeting", "POST", "/api/user/meetings", 201, false, createdObj},
		{"meeting", "GET", "/api/user/meetings/x", 200, false, meeting},
		{"meeting list item", "GET", "/api/user/meetings", 200, true, meetings.Items[0]},
		{"meeting status", "GET", "/api/user/meetings/x/status", 200, false, status},
		{"meeting participant", "GET", "/api/user/meetings/x/participants/y", 200, false, participant},
	})
}
