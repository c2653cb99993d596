package portsip_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

func serverBody() map[string]any {
	return map[string]any{"name": "conf-1", "ipv4": "192.0.2.10", "max_rooms": 10, "max_participants": 100}
}

func TestBuiltinServer(t *testing.T) {
	h := newHarness(t)
	var l page[portsip.Server]
	h.ok(200, "GET", "/api/conference_servers", nil, &l)
	if l.Count != 1 || len(l.Items) != 1 || l.Items[0].Type != portsip.ServerTypeInternal || !l.Items[0].Enabled {
		t.Fatalf("built-in server: %+v", l)
	}
	msgs := h.fails(400, "VALIDATE_FAILED", "POST", "/api/conference_servers/"+l.Items[0].ID+"/destroy", nil)
	hasMessage(t, msgs, "cannot be destroyed")

	none := newHarness(t, func(o *portsip.Options) { o.DisableBuiltinServer = true })
	none.ok(200, "GET", "/api/conference_servers", nil, &l)
	if l.Count != 0 || len(l.Items) != 0 {
		t.Fatalf("DisableBuiltinServer: %+v", l)
	}
}

func TestServerCRUD(t *testing.T) {
	h := newHarness(t)
	id := h.createServer(map[string]any{"name": "conf-1", "ipv4": "192.0.2.10", "ipv6": "2001:db8::10", "max_rooms": 10, "max_participants": 100})

	var s portsip.Server
	h.ok(200, "GET", "/api/conference_servers/"+id, nil, &s)
	want := portsip.Server{ID: id, Name: "conf-1", Enabled: true, Type: "EXTERNAL", IPv4: "192.0.2.10", IPv6: "2001:db8::10", MaxRooms: 10, MaxParticipants: 100}
	if s != want {
		t.Fatalf("got %+v, want %+v", s, want)
	}

	r := h.ok(200, "POST", "/api/conference_servers/"+id, map[string]any{"enabled": false, "max_rooms": 20}, nil)
	if len(r.body) != 0 {
		t.Errorf("update answered a body: %s", r.body)
	}
	h.ok(200, "GET", "/api/conference_servers/"+id, nil, &s)
	want.Enabled, want.MaxRooms = false, 20
	if s != want {
		t.Fatalf("after update got %+v, want %+v", s, want)
	}
	// An empty update changes nothing.
	h.ok(200, "POST", "/api/conference_servers/"+id, map[string]any{}, nil)
	h.ok(200, "GET", "/api/conference_servers/"+id, nil, &s)
	if s != want {
		t.Fatalf("after empty update got %+v", s)
	}

	r = h.ok(204, "POST", "/api/conference_servers/"+id+"/destroy", nil, nil)
	if len(r.body) != 0 {
		t.Errorf("destroy answered a body: %s", r.body)
	}
	hasMessage(t, h.fails(404, "NOT_FOUND", "GET", "/api/conference_servers/"+id, nil), id)
	h.fails(404, "NOT_FOUND", "POST", "/api/conference_servers/"+id+"/destroy", nil)
	h.fails(404, "NOT_FOUND", "POST", "/api/conference_servers/"+id, map[string]any{"enabled": true})
	h.fails(404, "NOT_FOUND", "GET", "/api/conference_servers/"+id+"/status", nil)
}

func TestServerCreateDefaults(t *testing.T) {
	h := newHarness(t)
	id := h.createServer(map[string]any{"name": "v6-only", "ipv6": "::1", "max_rooms": 0, "max_participants": 0})
	m := h.getMap("/api/conference_servers/" + id)
	if m["enabled"] != true || m["type"] != "EXTERNAL" || m["ipv6"] != "::1" {
		t.Errorf("defaults: %v", m)
	}
	if _, ok := m["ipv4"]; ok {
		t.Errorf("an unset ipv4 is returned: %v", m)
	}
}

func TestServerValidation(t *testing.T) {
	h := newHarness(t)
	with := func(changes map[string]any, drop ...string) map[string]any {
		b := serverBody()
		for k, v := range changes {
			b[k] = v
		}
		for _, k := range drop {
			delete(b, k)
		}
		return b
	}
	cases := []struct {
		name string
		body any
		msgs []string
	}{
		{"missing required", map[string]any{"ipv4": "192.0.2.1"}, []string{"name is required", "max_rooms is required", "max_participants is required"}},
		{"empty name", with(map[string]any{"name": ""}), []string{"name must be 1 to 64 characters"}},
		{"long name", with(map[string]any{"name": strings.Repeat("n", 65)}), []string{"name must be 1 to 64 characters"}},
		{"no address", with(nil, "ipv4"), []string{"at least one of ipv4 or ipv6 must be specified"}},
		{"empty addresses", with(map[string]any{"ipv4": "", "ipv6": ""}), []string{"at least one of ipv4 or ipv6 must be specified"}},
		{"bad ipv4", with(map[string]any{"ipv4": "192.0.2"}), []string{"ipv4 must be an IPv4 address"}},
		{"ipv6 as ipv4", with(map[string]any{"ipv4": "2001:db8::1"}), []string{"ipv4 must be an IPv4 address"}},
		{"ipv4 as ipv6", with(map[string]any{"ipv6": "192.0.2.1"}), []string{"ipv6 must be an IPv6 address"}},
		{"host name", with(map[string]any{"ipv4": "conf.example.com"}), []string{"ipv4 must be an IPv4 address"}},
		{"zoned ipv6", with(map[string]any{"ipv6": "fe80::1%eth0"}), []string{"ipv6 must be an IPv6 address"}},
		{"negative max_rooms", with(map[string]any{"max_rooms": -1}), []string{"max_rooms must be between 0 and 2147483647"}},
		{"huge max_participants", with(map[string]any{"max_participants": 1 << 40}), []string{"max_participants must be between 0 and 2147483647"}},
		{"fractional", with(map[string]any{"max_rooms": 1.5}), []string{"max_rooms must be an integer"}},
		{"string number", with(map[string]any{"max_rooms": "10"}), []string{"max_rooms must be an integer"}},
		{"bad enabled", with(map[string]any{"enabled": "yes"}), []string{"enabled must be a boolean"}},
		{"null enabled", with(map[string]any{"enabled": nil}), []string{"enabled must not be null"}},
		{"unknown field", with(map[string]any{"region": "eu"}), []string{`unknown field "region"`}},
		{"read-only type", with(map[string]any{"type": "INTERNAL"}), []string{"type is read-only"}},
		{"not JSON", `{"name":`, []string{"not valid JSON"}},
		{"array body", `[]`, []string{"must be a JSON object"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msgs := h.fails(400, "VALIDATE_FAILED", "POST", "/api/conference_servers", c.body)
			for _, m := range c.msgs {
				hasMessage(t, msgs, m)
			}
		})
	}
	if n := len(h.api.Servers()); n != 1 {
		t.Errorf("failed creates left %d servers", n)
	}
}

func TestServerUpdateValidation(t *testing.T) {
	h := newHarness(t)
	id := h.createServer(serverBody())
	before, _ := h.api.Server(id)
	cases := []struct {
		body any
		msgs []string
	}{
		{map[string]any{"name": "x"}, []string{"name cannot be updated"}},
		{map[string]any{"ipv4": "192.0.2.11"}, []string{"ipv4 cannot be updated"}},
		{map[string]any{"ipv6": "::2", "enabled": false}, []string{"ipv6 cannot be updated"}},
		{map[string]any{"max_rooms": -5, "max_participants": "many"}, []string{"max_rooms must be between 0 and 2147483647", "max_participants must be an integer"}},
		{map[string]any{"max_rooms": nil}, []string{"max_rooms must not be null"}},
		{map[string]any{"id": "x"}, []string{"id is read-only"}},
	}
	for _, c := range cases {
		msgs := h.fails(400, "VALIDATE_FAILED", "POST", "/api/conference_servers/"+id, c.body)
		for _, m := range c.msgs {
			hasMessage(t, msgs, m)
		}
	}
	// A rejected update changes nothing, not even its valid fields.
	if after, _ := h.api.Server(id); !reflect.DeepEqual(after, before) {
		t.Errorf("rejected updates changed the server: %+v -> %+v", before, after)
	}
}

func TestServerStatus(t *testing.T) {
	h := newHarness(t, func(o *portsip.Options) { o.DisableBuiltinServer = true })
	id := h.createServer(map[string]any{"name": "s", "ipv4": "192.0.2.1", "max_rooms": 4, "max_participants": 10})
	var st portsip.ServerStatus
	h.ok(200, "GET", "/api/conference_servers/"+id+"/status", nil, &st)
	if st != (portsip.ServerStatus{Status: "ONLINE"}) {
		t.Fatalf("idle status %+v", st)
	}
	room := h.createRoom(audioRoom("100"))
	h.createRoom(audioRoom("101"))
	for _, n := range []string{"200", "201", "202", "203", "204"} {
		h.ok(200, "POST", "/api/conference_rooms/"+room+"/participants/invite", map[string]any{"number": n}, nil)
	}
	h.ok(200, "GET", "/api/conference_servers/"+id+"/status", nil, &st)
	want := portsip.ServerStatus{RoomsCount: 2, ParticipantsCount: 5, CPUUsage: 50, MemoryUsage: 50, Status: "ONLINE"}
	if st != want {
		t.Fatalf("busy status %+v, want %+v", st, want)
	}
	h.ok(200, "POST", "/api/conference_servers/"+id, map[string]any{"enabled": false}, nil)
	h.ok(200, "GET", "/api/conference_servers/"+id+"/status", nil, &st)
	if st.Status != "OFFLINE" || st.CPUUsage != 0 || st.RoomsCount != 2 {
		t.Fatalf("disabled status %+v", st)
	}
}

func TestRoomsMoveWhenServerIsDestroyed(t *testing.T) {
	h := newHarness(t, func(o *portsip.Options) { o.DisableBuiltinServer = true })
	room := h.createRoom(audioRoom("100"))
	var rs portsip.ConferenceStatus
	h.ok(200, "GET", "/api/conference_rooms/"+room+"/status", nil, &rs)
	if rs.Status != "OFFLINE" {
		t.Fatalf("room without a server: %+v", rs)
	}
	a := h.createServer(map[string]any{"name": "a", "ipv4": "192.0.2.1", "max_rooms": 1, "max_participants": 10})
	h.ok(200, "GET", "/api/conference_rooms/"+room+"/status", nil, &rs)
	if rs.Status != "ONLINE" {
		t.Fatalf("room after a server appeared: %+v", rs)
	}
	b := h.createServer(map[string]any{"name": "b", "ipv4": "192.0.2.2", "max_rooms": 1, "max_participants": 10})
	h.ok(204, "POST", "/api/conference_servers/"+a+"/destroy", nil, nil)
	var st portsip.ServerStatus
	h.ok(200, "GET", "/api/conference_servers/"+b+"/status", nil, &st)
	if st.RoomsCount != 1 {
		t.Fatalf("room did not move to server b: %+v", st)
	}
}

func TestMethodsAndUnknownRoutes(t *testing.T) {
	h := newHarness(t)
	id := h.createServer(serverBody())
	for _, c := range []struct {
		method, path string
		status       int
		code         string
	}{
		{"PUT", "/api/conference_servers/" + id, 405, "METHOD_NOT_ALLOWED"},
		{"DELETE", "/api/conference_servers/" + id, 405, "METHOD_NOT_ALLOWED"},
		{"PATCH", "/api/conference_rooms", 405, "METHOD_NOT_ALLOWED"},
		{"GET", "/api/conference_servers/" + id + "/destroy", 405, "METHOD_NOT_ALLOWED"},
		{"POST", "/api/conference_servers/" + id + "/status", 405, "METHOD_NOT_ALLOWED"},
		{"GET", "/api/nothing_here", 404, "NOT_FOUND"},
		{"POST", "/api/conference_servers/" + id + "/reboot", 404, "NOT_FOUND"},
	} {
		h.fails(c.status, c.code, c.method, c.path, nil)
	}
	if r := h.do("GET", "/api/conference_servers", nil); r.header.Get("Content-Type") != "application/json" {
		t.Errorf("content type %q", r.header.Get("Content-Type"))
	}
}
