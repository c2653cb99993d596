package acctest

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator"
	emuportsip "github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
	emusqmeeting "github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/linemap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// EstateObject is one object SeedEstate made that the emulator's default
// credentials can manage.
type EstateObject struct {
	// Type is the resource type that manages it.
	Type string
	// ID is the id attribute its resource holds.
	ID string
	// Secrets are its sensitive arguments that have a value, which the
	// configuration Terraform generates on import leaves null.
	Secrets map[string]string
}

// Estate is what SeedEstate made.
type Estate struct {
	// Objects are the objects the default credentials can manage.
	Objects []EstateObject
	// LineRooms are the LINE Planet rooms that hold meeting IDs, as
	// room_service_id/room_id: LINE Planet has no call that lists them.
	LineRooms []string
}

// SeedEstate fills the emulator with an estate made outside Terraform, through
// the platforms' APIs as their users would: on every platform, objects of
// every kind a resource manages, two rooms with the same subject, PINs and
// passwords. Besides Estate.Objects it makes what the default credentials
// cannot manage or no resource is for: alice's PortSIP meeting, which admin
// cannot see; alice's SQMeeting meeting, to which admin is only invited; and
// a series' occurrences. The PBX's built-in server is there from the start.
func (e *Emulator) SeedEstate(t testing.TB) Estate {
	t.Helper()
	var est Estate
	add := func(typ, id string, secrets map[string]string) {
		est.Objects = append(est.Objects, EstateObject{Type: typ, ID: id, Secrets: secrets})
	}

	// PortSIP, as admin and as alice.
	admin := e.PortSIPSignIn(t, emulator.DefaultCredential(&platforms.PortSIP, "username"), emulator.DefaultCredential(&platforms.PortSIP, "password"))
	portsipCreate := func(auth http.Header, collection string, body map[string]any, want int) string {
		t.Helper()
		var out struct {
			ID string `json:"id"`
		}
		raw := e.Call(t, http.MethodPost, "/api/"+collection, auth, body, want)
		if err := json.Unmarshal(raw, &out); err != nil || out.ID == "" {
			t.Fatalf("creating a PortSIP %s answered %s (%v)", collection, raw, err)
		}
		return out.ID
	}
	add(managed.PortSIPServer.Name, portsipCreate(admin, "conference_servers", map[string]any{
		"name": "conf-east-1", "ipv4": "192.0.2.10", "max_rooms": 50, "max_participants": 500,
	}, http.StatusOK), nil)
	add(managed.PortSIPRoom.Name, portsipCreate(admin, "conference_rooms", map[string]any{
		"extension_number": "8100", "mode": "AUDIO", "subject": "Daily stand-up", "capacity": 20, "room_pin": "2468",
		"language": "en-US", "timezone": "Europe/Berlin",
	}, http.StatusCreated), map[string]string{"room_pin": "2468"})
	for _, ext := range []string{"8200", "8201"} {
		add(managed.PortSIPRoom.Name, portsipCreate(admin, "conference_rooms", map[string]any{
			"extension_number": ext, "mode": "VIDEO", "subject": "Town hall", "capacity": 200, "admin_pin": "975310",
			"control": "MASTER", "layout": "LAYOUT9", "custom_options": `{"moh":true}`,
		}, http.StatusCreated), map[string]string{"admin_pin": "975310"})
	}
	add(managed.PortSIPMeeting.Name, portsipCreate(admin, "user/meetings", map[string]any{
		"mode": "AUDIO", "subject": "Design review", "timezone": "UTC", "room_pin": "1357",
	}, http.StatusCreated), map[string]string{"room_pin": "1357"})
	alice := e.PortSIPSignIn(t, emuportsip.AliceUsername, emuportsip.AlicePassword)
	portsipCreate(alice, "user/meetings", map[string]any{"mode": "AUDIO", "subject": "Alice's one-on-one", "timezone": "UTC"}, http.StatusCreated)

	// LINE Planet: a scheduled meeting ID with a title, an instant one
	// without.
	for _, m := range []struct {
		room string
		body map[string]any
	}{
		{"boardroom", map[string]any{"type": "S", "title": "Board meeting", "passcode": "246810"}},
		{"huddle", map[string]any{"type": "I"}},
	} {
		id := e.LinePlanetCreate(t, "estate-service", m.room, m.body).ID
		est.LineRooms = append(est.LineRooms, linemap.RoomRef("estate-service", m.room))
		add(managed.LineMeetingID.Name, linemap.MeetingRef{Service: "estate-service", Room: m.room, Meeting: id}.String(), nil)
	}

	// SQMeeting: a reservation, an instant meeting and a series of admin's,
	// and a meeting of alice's that admin is invited to.
	sqAdmin := emusqmeeting.User{Username: emulator.DefaultCredential(&platforms.SQMeeting, "username"), Password: emulator.DefaultCredential(&platforms.SQMeeting, "password")}
	sqCreate := func(as emusqmeeting.User, path string, body map[string]any) emusqmeeting.MeetingView {
		t.Helper()
		raw := e.SQMeetingAs(t, as.Username, as.Password, http.MethodPost, path, body, http.StatusOK)
		var m emusqmeeting.MeetingView
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("creating an SQMeeting meeting: %v %s", err, raw)
		}
		return m
	}
	ms := func(s string) int64 {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v.UnixMilli()
	}
	add(managed.SQMeetingMeeting.Name, sqCreate(sqAdmin, "/meeting_schedule", map[string]any{
		"meeting_type": "reservation", "meeting_name": "Project kick-off", "meeting_password": "314159",
		"schedule_start_time": ms("2030-03-22T13:00:00Z"), "schedule_end_time": ms("2030-03-22T14:00:00Z"),
		"generate_live_url": true,
	}).ReservationID, nil)
	add(managed.SQMeetingMeeting.Name, sqCreate(sqAdmin, "/meeting_schedule", map[string]any{
		"meeting_type": "instant", "meeting_name": "Quick sync",
	}).ReservationID, nil)
	add(managed.SQMeetingRecurringMeeting.Name, sqCreate(sqAdmin, "/meeting_schedule/recurrence", map[string]any{
		"meeting_name": "Team stand-up", "recurrence_type": "WEEKLY", "recurrenceDaysOfWeek": []int{2, 4},
		"recurrenceStartTime": ms("2030-03-04T08:00:00Z"), "recurrenceEndTime": ms("2030-03-04T08:15:00Z"),
		"recurrenceEndDay": ms("2030-03-28T23:59:59Z"),
	}).RecurrenceGID, nil)
	aliceSQ := emusqmeeting.DefaultUsers()[0]
	sqCreate(aliceSQ, "/meeting_schedule", map[string]any{
		"meeting_type": "reservation", "meeting_name": "Alice's planning",
		"schedule_start_time": ms("2030-03-23T13:00:00Z"), "schedule_end_time": ms("2030-03-23T14:00:00Z"),
		"invited_users": []string{e.SQMeetingUserID(t, sqAdmin.Username)},
	})

	// SQMeeting users: the administrator, the seeded ones and one made
	// through the API, each manageable by the administrator, a SystemAdmin.
	e.SQMeeting(t, http.MethodPost, "/user/users", map[string]any{
		"username": "dave", "real_name": "Dave Example", "email": "dave@example.com", "role": "MeetingOperator", "secret": "dave-password",
	}, http.StatusOK)
	for _, name := range []string{sqAdmin.Username, "alice", "bob", "carol", "dave"} {
		add(managed.SQMeetingUser.Name, e.SQMeetingUserID(t, name), nil)
	}

	// Whereby: a locked room with a prefix, and one named in the human-short
	// pattern. The emulator's clock runs with this machine's.
	end := time.Now().UTC().Add(7 * 24 * time.Hour).Truncate(time.Minute).Format(time.RFC3339)
	add(managed.WherebyMeeting.Name, e.WherebyCreate(t, map[string]any{
		"endDate": end, "isLocked": true, "roomNamePrefix": "town-hall", "roomMode": "group",
	}), nil)
	add(managed.WherebyMeeting.Name, e.WherebyCreate(t, map[string]any{"endDate": end, "roomNamePattern": "human-short"}), nil)
	return est
}
