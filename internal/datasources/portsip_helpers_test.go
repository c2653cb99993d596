package datasources_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/emulator"
	emuportsip "github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// portsipEpoch is when the emulator's clock stands in tests that assert
// timestamps: frozen, so that created_at, answered_at and recording file names
// are exact.
var portsipEpoch = time.Date(2030, 7, 21, 17, 0, 0, 0, time.UTC)

// portsipAPI seeds and changes PortSIP objects straight through the emulator's
// API, the way other PBX users would: behind Terraform's back, and in numbers
// a configuration could not reasonably create.
type portsipAPI struct {
	t    testing.TB
	emu  *acctest.Emulator
	auth http.Header
}

// newPortSIPAPI signs in once with the emulator's default credentials: these
// tests seed many objects and do not move the clock.
func newPortSIPAPI(t testing.TB, emu *acctest.Emulator) *portsipAPI {
	t.Helper()
	auth := emu.PortSIPSignIn(t, emulator.DefaultCredential(&platforms.PortSIP, "username"), emulator.DefaultCredential(&platforms.PortSIP, "password"))
	return &portsipAPI{t: t, emu: emu, auth: auth}
}

// call sends a request under /api and fails the test on any status but want.
func (p *portsipAPI) call(method, path string, body any, want ...int) []byte {
	p.t.Helper()
	return p.emu.Call(p.t, method, "/api"+path, p.auth, body, want...)
}

func (p *portsipAPI) create(collection string, body map[string]any, want int) string {
	p.t.Helper()
	var out struct {
		ID string `json:"id"`
	}
	raw := p.call(http.MethodPost, "/"+collection, body, want)
	if err := json.Unmarshal(raw, &out); err != nil || out.ID == "" {
		p.t.Fatalf("creating %s answered %s (%v)", collection, raw, err)
	}
	return out.ID
}

// createServer creates a conference server (200 {id}, NOTES.md).
func (p *portsipAPI) createServer(body map[string]any) string {
	p.t.Helper()
	return p.create("conference_servers", body, http.StatusOK)
}

// createRoom creates a conference room (201 {id}, NOTES.md).
func (p *portsipAPI) createRoom(body map[string]any) string {
	p.t.Helper()
	return p.create("conference_rooms", body, http.StatusCreated)
}

// audioRoom creates a minimal AUDIO room with the given extension.
func (p *portsipAPI) audioRoom(ext, subject string) string {
	p.t.Helper()
	return p.createRoom(map[string]any{"extension_number": ext, "mode": "AUDIO", "subject": subject, "capacity": 9})
}

// roomAction posts one of a room's actions: lock, mute, start_recording, ...
func (p *portsipAPI) roomAction(roomID, action string) {
	p.t.Helper()
	p.action("conference_rooms", roomID, action, nil)
}

// invite dials number into the room; the emulated callee answers at once.
func (p *portsipAPI) invite(roomID, number string) {
	p.t.Helper()
	p.action("conference_rooms", roomID, "participants/invite", map[string]string{"number": number})
}

// action posts one of the actions of a room or a meeting (collection).
func (p *portsipAPI) action(collection, id, action string, body any) {
	p.t.Helper()
	p.call(http.MethodPost, "/"+collection+"/"+url.PathEscape(id)+"/"+action, body, http.StatusOK)
}

// newPortSIPUserAPI acts as user, whose meetings it reaches, with a token the
// emulator issues behind its API.
func newPortSIPUserAPI(t testing.TB, emu *acctest.Emulator, user string) *portsipAPI {
	t.Helper()
	token, ok := emu.PortSIPAPI().IssueTokenFor(user)
	if !ok {
		t.Fatalf("the PBX has no user %q", user)
	}
	return &portsipAPI{t: t, emu: emu, auth: http.Header{"Authorization": {"Bearer " + token}}}
}

// createMeeting creates one of the signed-in user's meetings (201 {id,
// extension_number}, NOTES.md).
func (p *portsipAPI) createMeeting(body map[string]any) string {
	p.t.Helper()
	return p.create("user/meetings", body, http.StatusCreated)
}

// audioMeeting creates a minimal AUDIO meeting.
func (p *portsipAPI) audioMeeting(subject string) string {
	p.t.Helper()
	return p.createMeeting(map[string]any{"mode": "AUDIO", "subject": subject, "timezone": "UTC"})
}

// meetingAction posts one of a meeting's actions: start, lock, mute, ...
func (p *portsipAPI) meetingAction(id, action string) {
	p.t.Helper()
	p.action("user/meetings", id, action, nil)
}

// aliceConfig is body, whose data sources set `provider = conference.alice`,
// under the provider alias that signs in as alice.
func aliceConfig(emu *acctest.Emulator, body string) string {
	return emu.PortSIPUser("alice", emuportsip.AliceUsername, emuportsip.AlicePassword) + body
}

// updateServer changes a server in place.
func (p *portsipAPI) updateServer(id string, body map[string]any) {
	p.t.Helper()
	p.call(http.MethodPost, "/conference_servers/"+url.PathEscape(id), body, http.StatusOK)
}

// builtinServerID is the ID of the PBX's own INTERNAL server, which every
// emulated PBX starts with.
func (p *portsipAPI) builtinServerID() string {
	p.t.Helper()
	raw := p.call(http.MethodGet, "/conference_servers?filter="+url.QueryEscape("type eq 'INTERNAL'"), nil, http.StatusOK)
	var out struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	if err := json.Unmarshal(raw, &out); err != nil || len(out.Items) != 1 {
		p.t.Fatalf("looking up the built-in server answered %s (%v)", raw, err)
	}
	return out.Items[0].ID
}
