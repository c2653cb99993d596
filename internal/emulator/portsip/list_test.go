package portsip_test

import (
	"net/url"
	"slices"
	"testing"
	"time"
)

// listFixture creates five rooms a minute apart and returns the harness.
func listFixture(t *testing.T) *harness {
	h := newHarness(t)
	for _, r := range []map[string]any{
		{"extension_number": "100", "mode": "AUDIO", "subject": "Alpha standup", "capacity": 5, "language": "en-US"},
		{"extension_number": "101", "mode": "VIDEO", "subject": "beta review", "capacity": 20, "framerate": 30},
		{"extension_number": "102", "mode": "AUDIO", "subject": "Gamma sync", "capacity": 9, "enable_prompt": false},
		{"extension_number": "203", "mode": "VIDEO", "subject": "alpha retro", "capacity": 50, "language": "de-DE"},
		{"extension_number": "204", "mode": "AUDIO", "subject": "Delta 'quoted'", "capacity": 1},
	} {
		h.createRoom(r)
		h.clock.Advance(time.Minute)
	}
	return h
}

// roomList lists rooms with the query and returns count and the extension
// numbers of the page.
func (h *harness) roomList(query url.Values) (int, []string) {
	h.t.Helper()
	var l page[map[string]any]
	h.ok(200, "GET", "/api/conference_rooms?"+query.Encode(), nil, &l)
	var exts []string
	for _, it := range l.Items {
		exts = append(exts, field[string](h.t, it, "extension_number"))
	}
	return l.Count, exts
}

func TestListFilter(t *testing.T) {
	h := listFixture(t)
	cases := []struct {
		filter string
		want   []string
	}{
		{"", []string{"100", "101", "102", "203", "204"}},
		{"mode eq 'VIDEO'", []string{"101", "203"}},
		{"mode ne 'VIDEO'", []string{"100", "102", "204"}},
		{"capacity gt 9", []string{"101", "203"}},
		{"capacity ge 9", []string{"101", "102", "203"}},
		{"capacity lt 9", []string{"100", "204"}},
		{"capacity le 5", []string{"100", "204"}},
		{"capacity eq 20.0", []string{"101"}},
		{"extension_number gt '200'", []string{"203", "204"}},
		{"startswith(extension_number,'10')", []string{"100", "101", "102"}},
		{"endswith(subject, 'retro')", []string{"203"}},
		{"contains(subject,'a')", []string{"100", "101", "102", "203", "204"}},
		{"contains(subject,'Alpha')", []string{"100"}}, // case-sensitive, as in OData
		{"subject eq 'Delta ''quoted'''", []string{"204"}},
		{"mode eq 'AUDIO' and capacity gt 4", []string{"100", "102"}},
		{"mode eq 'VIDEO' or capacity eq 1", []string{"101", "203", "204"}},
		{"(mode eq 'VIDEO' or capacity eq 1) and startswith(extension_number,'2')", []string{"203", "204"}},
		{"mode eq 'VIDEO' or capacity eq 1 and startswith(extension_number,'2')", []string{"101", "203", "204"}}, // and binds tighter
		{"not (mode eq 'VIDEO')", []string{"100", "102", "204"}},
		{"enable_prompt eq false", []string{"102"}},
		{"enable_prompt ne false", []string{"100", "101", "203", "204"}},
		{"language eq null", []string{"101", "102", "204"}},
		{"language ne null", []string{"100", "203"}},
		{"language gt 'a'", []string{"100", "203"}},
		{"framerate ge 15", []string{"101", "203"}},
		{"created_at ge '2025-03-01T09:02:00Z'", []string{"102", "203", "204"}},
		{"created_at lt '2025-03-01T10:01:00+01:00'", []string{"100"}},
		{"mode EQ 'VIDEO' AND capacity GT 20", []string{"203"}},
	}
	for _, c := range cases {
		count, got := h.roomList(url.Values{"filter": {c.filter}})
		if !slices.Equal(got, c.want) || count != len(c.want) {
			t.Errorf("filter %q: count %d, got %v, want %v", c.filter, count, got, c.want)
		}
	}
}

func TestListFilterErrors(t *testing.T) {
	h := listFixture(t)
	for filter, msg := range map[string]string{
		"mode eq":                       "expected",
		"mode = 'AUDIO'":                "unexpected character",
		"mode eq 'AUDIO":                "unterminated string",
		"owner eq 'me'":                 `unknown field "owner"`,
		"capacity eq '9'":               `field "capacity" is a number`,
		"mode eq 5":                     `field "mode" is a string`,
		"enable_prompt eq 'yes'":        `field "enable_prompt" is a boolean`,
		"enable_prompt gt false":        "only eq and ne apply",
		"created_at gt 'yesterday'":     "RFC 3339",
		"startswith(capacity,'1')":      "needs a string field",
		"startswith(subject,1)":         "quoted string",
		"(mode eq 'AUDIO'":              "expected ')'",
		"mode eq 'AUDIO' capacity eq 9": "unexpected",
		"internal_invitees eq 'x'":      "is a list",
		"mode like 'A%'":                "expected an operator",
	} {
		msgs := h.fails(400, "VALIDATE_FAILED", "GET", "/api/conference_rooms?"+url.Values{"filter": {filter}}.Encode(), nil)
		hasMessage(t, msgs, msg)
	}
}

func TestListSearch(t *testing.T) {
	h := listFixture(t)
	for search, want := range map[string][]string{
		"ALPHA":       {"100", "203"},
		"alpha or 20": {"100", "203", "204"}, // 204 by its extension number
		"sync OR zzz": {"102"},
		"nothing":     nil,
	} {
		count, got := h.roomList(url.Values{"search": {search}})
		if !slices.Equal(got, want) || count != len(want) {
			t.Errorf("search %q: count %d got %v, want %v", search, count, got, want)
		}
	}
	count, got := h.roomList(url.Values{"search": {"alpha"}, "filter": {"mode eq 'VIDEO'"}})
	if count != 1 || !slices.Equal(got, []string{"203"}) {
		t.Errorf("search with filter: %d %v", count, got)
	}
}

func TestListOrderSkipTop(t *testing.T) {
	h := listFixture(t)
	cases := []struct {
		q     url.Values
		count int
		want  []string
	}{
		{url.Values{"orderby": {"capacity desc"}}, 5, []string{"203", "101", "102", "100", "204"}},
		{url.Values{"orderby": {"capacity"}}, 5, []string{"204", "100", "102", "101", "203"}},
		{url.Values{"orderby": {"mode asc, capacity desc"}}, 5, []string{"102", "100", "204", "203", "101"}},
		{url.Values{"orderby": {"language asc"}}, 5, []string{"101", "102", "204", "203", "100"}}, // null first, ties in creation order
		{url.Values{"orderby": {"created_at DESC"}}, 5, []string{"204", "203", "102", "101", "100"}},
		{url.Values{"top": {"2"}}, 5, []string{"100", "101"}},
		{url.Values{"skip": {"2"}, "top": {"2"}}, 5, []string{"102", "203"}},
		{url.Values{"skip": {"4"}}, 5, []string{"204"}},
		{url.Values{"skip": {"10"}}, 5, nil},
		{url.Values{"$skip": {"1"}, "$top": {"1"}}, 5, []string{"101"}},
		{url.Values{"filter": {"mode eq 'AUDIO'"}, "orderby": {"capacity desc"}, "skip": {"1"}, "top": {"1"}}, 3, []string{"100"}},
		{url.Values{"count": {"true"}, "top": {"100"}}, 5, []string{"100", "101", "102", "203", "204"}},
	}
	for _, c := range cases {
		count, got := h.roomList(c.q)
		if count != c.count || !slices.Equal(got, c.want) {
			t.Errorf("%v: count %d got %v, want %d %v", c.q, count, got, c.count, c.want)
		}
	}
}

func TestListParameterErrors(t *testing.T) {
	h := listFixture(t)
	for q, msg := range map[string]string{
		"top=0":                     "top must be between 1 and 100",
		"top=101":                   "top must be between 1 and 100",
		"top=ten":                   "top must be between 1 and 100",
		"skip=-1":                   "skip must be an integer between 0",
		"skip=x":                    "skip must be an integer between 0",
		"orderby=owner":             `unknown or unsortable field "owner"`,
		"orderby=subject+up":        "direction must be asc or desc",
		"orderby=internal_invitees": "unknown or unsortable field",
		"count=maybe":               "count must be true or false",
	} {
		hasMessage(t, h.fails(400, "VALIDATE_FAILED", "GET", "/api/conference_rooms?"+q, nil), msg)
	}
	// Every problem is reported at once.
	msgs := h.fails(400, "VALIDATE_FAILED", "GET", "/api/conference_rooms?top=0&skip=-1&filter=x+eq+1", nil)
	if len(msgs) != 3 {
		t.Errorf("got %q, want three problems", msgs)
	}
}

func TestServerListQueries(t *testing.T) {
	h := newHarness(t)
	h.createServer(map[string]any{"name": "east", "ipv4": "192.0.2.1", "max_rooms": 10, "max_participants": 100})
	h.createServer(map[string]any{"name": "west", "ipv6": "2001:db8::2", "max_rooms": 30, "max_participants": 100, "enabled": false})
	var l page[map[string]any]
	h.ok(200, "GET", "/api/conference_servers?"+url.Values{"filter": {"type eq 'EXTERNAL' and enabled eq true"}}.Encode(), nil, &l)
	if l.Count != 1 || l.Items[0]["name"] != "east" {
		t.Errorf("filter: %+v", l)
	}
	h.ok(200, "GET", "/api/conference_servers?"+url.Values{"search": {"2001:DB8"}}.Encode(), nil, &l)
	if l.Count != 1 || l.Items[0]["name"] != "west" {
		t.Errorf("search by address: %+v", l)
	}
	h.ok(200, "GET", "/api/conference_servers?orderby=max_rooms+desc&top=1", nil, &l)
	if l.Count != 3 || len(l.Items) != 1 || l.Items[0]["name"] != "Built-in conference server" {
		t.Errorf("orderby: %+v", l)
	}
	h.ok(200, "GET", "/api/conference_servers?"+url.Values{"filter": {"ipv6 eq null"}}.Encode(), nil, &l)
	if l.Count != 2 {
		t.Errorf("ipv6 eq null: %+v", l)
	}
}

func TestParticipantAndRecordingListQueries(t *testing.T) {
	h := newHarness(t)
	room := h.createRoom(videoRoom("100"))
	for _, n := range []string{"201", "202", "303"} {
		h.invite(room, n)
	}
	var l page[map[string]any]
	h.ok(200, "GET", "/api/conference_rooms/"+room+"/participants?"+url.Values{"filter": {"position ge 1"}, "orderby": {"position desc"}}.Encode(), nil, &l)
	if l.Count != 2 || l.Items[0]["position"] != float64(2) {
		t.Errorf("participants filter: %+v", l)
	}
	h.ok(200, "GET", "/api/conference_rooms/"+room+"/participants?search=303", nil, &l)
	if l.Count != 1 {
		t.Errorf("participants search: %+v", l)
	}
	h.ok(200, "POST", "/api/conference_rooms/"+room+"/start_recording", nil, nil)
	h.ok(200, "GET", "/api/conference_rooms/"+room+"/recordings?"+url.Values{"filter": {"ended_at eq null"}}.Encode(), nil, &l)
	if l.Count != 1 {
		t.Errorf("recordings filter: %+v", l)
	}
	h.fails(400, "VALIDATE_FAILED", "GET", "/api/conference_rooms/"+room+"/recordings?top=0", nil)
}
