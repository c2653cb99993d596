package sqmeeting_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

// TestPublicUsers: GET (the clients) and POST (the document), without a
// token ("SignedIn False"), paged and filtered.
func TestPublicUsers(t *testing.T) {
	h := newHarness(t)
	noToken := url.Values{"client_id": {clientID}}
	for _, method := range []string{"GET", "POST"} {
		var all sqmeeting.PublicUsers
		h.expect(h.send(method, "/api/v1/user/public/users", noToken, nil), 200, method, "users", &all)
		if all.TotalSize != 4 || all.TotalPageNum != 1 || len(all.Users) != 4 || all.Users[0].Username != "admin" {
			t.Errorf("%s users: %+v", method, all)
		}
	}
	var p sqmeeting.PublicUsers
	h.ok(200, "GET", "/api/v1/user/public/users?page_num=2&page_size=3", nil, &p)
	if len(p.Users) != 1 || p.Users[0].Username != "carol" || p.TotalPageNum != 2 || p.TotalSize != 4 {
		t.Errorf("page 2: %+v", p)
	}
	var f sqmeeting.PublicUsers
	h.ok(200, "GET", "/api/v1/user/public/users?filter=EXAMPLE", nil, &f)
	if f.TotalSize != 3 {
		t.Errorf("filter on real name: %+v", f)
	}
	h.ok(200, "GET", "/api/v1/user/public/users?filter=bo", nil, &f)
	if f.TotalSize != 1 || f.Users[0].RealName != "Bob Example" {
		t.Errorf("filter on username: %+v", f)
	}
	// The IDs are the same in every emulator.
	if other := newHarness(t); other.userID("bob") != f.Users[0].UserID {
		t.Error("user IDs differ between two emulators")
	}
	h.failure(h.send("GET", "/api/v1/user/public/users", nil, nil), 400, sqmeeting.CodeBadClientID, "GET", "users")
	h.fails(400, sqmeeting.CodeInvalidParameter, "GET", "/api/v1/user/public/users?page_size=1000", nil)
}

func TestMeetingRooms(t *testing.T) {
	h := newHarness(t)
	for _, method := range []string{"GET", "POST"} {
		var rooms sqmeeting.MeetingRooms
		h.ok(200, method, "/api/v1/meeting_room", nil, &rooms)
		if len(rooms.MeetingRooms) != 1 {
			t.Fatalf("%s rooms: %+v", method, rooms)
		}
		r := rooms.MeetingRooms[0]
		if r.MeetingNumber != "90000001" || r.MeetingRoomName != "Administrator's meeting room" || r.OwnerName != "Administrator" || r.CreatedTime == 0 {
			t.Errorf("%s room %+v", method, r)
		}
	}
	r := h.send("GET", "/api/v1/meeting_room", url.Values{"client_id": {clientID}}, nil)
	h.failure(r, 401, sqmeeting.CodeUnauthorized, "GET", "meeting_room")
}

func TestSystem(t *testing.T) {
	h := newHarness(t)
	var c sqmeeting.Capacity
	h.ok(200, "POST", "/api/v1/system/capacity", nil, &c)
	if c.System.CurrentUsers != 4 || c.System.MaxCalls != 1000 || c.System.Status != "authorized" || c.Gateway.MaxCalls != 20 {
		t.Errorf("capacity %+v", c)
	}
	var v map[string]string
	h.ok(200, "POST", "/api/v1/system/version", nil, &v)
	if v["version"] != sqmeeting.DefaultVersion {
		t.Errorf("version %v", v)
	}
	// The document's method only.
	h.fails(405, fmt.Sprintf("0x%08d", 405), "GET", "/api/v1/system/version", nil)
}

// TestUnknownRoutes: the vendor's envelope for paths and methods the API
// does not have.
func TestUnknownRoutes(t *testing.T) {
	h := newHarness(t)
	for _, tc := range []struct {
		method, path string
		status       int
	}{
		{"GET", "/api/v1/nothing", 404},
		{"POST", "/api/v1/meeting_schedule/a/b/c", 404},
		{"PUT", "/api/v1/meeting_schedule/abc", 405},
		{"DELETE", "/api/v1/meeting_schedule", 405},
		{"DELETE", "/api/v1/meeting_schedule/recurrence/abc", 405},
		{"PATCH", "/api/v1/user/info", 405},
	} {
		msg := h.fails(tc.status, fmt.Sprintf("0x%08d", tc.status), tc.method, tc.path, nil)
		if !strings.Contains(msg, tc.path) {
			t.Errorf("%s %s: %q", tc.method, tc.path, msg)
		}
	}
	big := `{"meeting_name":"` + strings.Repeat("x", 1<<20) + `"}`
	h.fails(http.StatusBadRequest, sqmeeting.CodeInvalidParameter, "POST", "/api/v1/meeting_schedule", big)
}
