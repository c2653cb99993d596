package resources_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	emuportsip "github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

const meetingAddr = "conference_portsip_meeting.test"

// aliceMeeting is a conference_portsip_meeting "test" with args, under the
// documented pattern for users' meetings: a provider alias per PBX user,
// signed in as that user.
func aliceMeeting(emu *acctest.Emulator, args string) string {
	return emu.PortSIPUser("alice", emuportsip.AliceUsername, emuportsip.AlicePassword) + `
resource "conference_portsip_meeting" "test" {
  provider = conference.alice
` + args + `
}`
}

// meetingUsers are the users the tests that sign in as two users at once
// serve a provider each (acctest.TestAsUsers): "conference-alice" and
// "conference-bob".
var meetingUsers = []string{emuportsip.AliceUsername, emuportsip.BobUsername}

// twoUsers is body with the providers of meetingUsers.
func twoUsers(emu *acctest.Emulator, body string) string {
	return emu.PortSIPUserProvider(emuportsip.AliceUsername, emuportsip.AlicePassword) +
		emu.PortSIPUserProvider(emuportsip.BobUsername, emuportsip.BobPassword) + body
}

// aliceHasOneMeeting checks that alice has one meeting in the PBX: the one
// Terraform manages, and no leftover of a replacement.
func aliceHasOneMeeting(emu *acctest.Emulator) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := len(emu.PortSIPAPI().Meetings(emuportsip.AliceUsername)); n != 1 {
			return fmt.Errorf("alice has %d meetings in the PBX, want 1", n)
		}
		return nil
	}
}

// meetingID reads the meeting's ID from state into *id, for steps that then
// change the meeting behind Terraform's back.
func meetingID(id *string) resource.TestCheckFunc {
	return func(s *terraform.State) (err error) {
		*id, err = acctest.StateAttr(s, meetingAddr, "id")
		return err
	}
}

func TestAccPortSIPMeeting_audioMinimal(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t,
		resource.TestStep{
			Config: aliceMeeting(emu, `
  mode     = "AUDIO"
  subject  = "1:1"
  timezone = "Asia/Shanghai"`),
			ConfigPlanChecks: acctest.ExpectAction(meetingAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(meetingAddr, "id", knownvalue.NotNull()),
				// The PBX gives meeting extensions from 88000 up.
				acctest.Attr(meetingAddr, "extension_number", knownvalue.StringExact("88000")),
				acctest.Attr(meetingAddr, "ownership", knownvalue.Bool(true)),
				acctest.Attr(meetingAddr, "created_at", acctest.RFC3339()),
				acctest.Attr(meetingAddr, "control", knownvalue.StringExact("FREE")),
				acctest.Attr(meetingAddr, "capacity", knownvalue.Int64Exact(9)),
				acctest.Attr(meetingAddr, "enable_prompt", knownvalue.Bool(true)),
				acctest.Attr(meetingAddr, "enable_recording", knownvalue.Bool(false)),
				acctest.Attr(meetingAddr, "close_on_nobody", knownvalue.Bool(false)),
				acctest.Attr(meetingAddr, "timezone", knownvalue.StringExact("Asia/Shanghai")),
				// The video settings do not exist for an audio meeting.
				acctest.Attr(meetingAddr, "height", knownvalue.Null()),
				acctest.Attr(meetingAddr, "layout", knownvalue.Null()),
				acctest.Attr(meetingAddr, "room_pin", knownvalue.Null()),
				acctest.Attr(meetingAddr, "outbound_caller_ids", knownvalue.Null()),
				acctest.Attr(meetingAddr, "domain", knownvalue.NotNull()),
				acctest.Attr(meetingAddr, "sbc_port", knownvalue.NotNull()),
			},
			Check: aliceHasOneMeeting(emu),
		},
		resource.TestStep{
			// The second plan of the same configuration is empty.
			Config: aliceMeeting(emu, `
  mode     = "AUDIO"
  subject  = "1:1"
  timezone = "Asia/Shanghai"`),
			PlanOnly: true,
		},
		resource.TestStep{
			// Imported by its ID through the owner's provider alias (the
			// resource's `provider`).
			ResourceName:      meetingAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
	)
}

const meetingFull = `
  mode               = "VIDEO"
  subject            = "Design review"
  control            = "MASTER"
  height             = 1080
  width              = 1920
  bitrate            = 2048
  framerate          = 30
  layout             = "LAYOUT4"
  language           = "en-US"
  capacity           = 150
  admin_pin          = "975310"
  room_pin           = "2468"
  enable_recording   = true
  enable_prompt      = false
  close_on_nobody    = true
  timezone           = "Europe/Berlin"
  # An offset, not UTC: the PBX answers in UTC, and that is not a change.
  scheduled_start_at = "2030-03-02T16:00:00+01:00"
  scheduled_end_at   = "2030-03-02T17:30:00+01:00"
  internal_invitees  = ["ext-101", "ext-102"]
  external_invitees  = "ceo@example.com"
  # Key order and spacing differ from what the PBX stores: not a change either.
  custom_options     = "{\"welcome\": \"hi\",   \"moh\": true}"
  outbound_caller_ids = [
    { provider_id = "trunk-1", caller_id = "+12025550100", description = "US" },
    { provider_id = "trunk-2", caller_id = "+442071838750" },
  ]`

// Every field, capacity among them although createMeeting takes none: the
// provider sets it with an update right after the create.
func TestAccPortSIPMeeting_everyField(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t,
		resource.TestStep{
			Config:           aliceMeeting(emu, meetingFull),
			ConfigPlanChecks: acctest.ExpectAction(meetingAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(meetingAddr, "capacity", knownvalue.Int64Exact(150)),
				acctest.Attr(meetingAddr, "height", knownvalue.Int64Exact(1080)),
				acctest.Attr(meetingAddr, "layout", knownvalue.StringExact("LAYOUT4")),
				acctest.Attr(meetingAddr, "room_pin", knownvalue.StringExact("2468")),
				acctest.Attr(meetingAddr, "enable_recording", knownvalue.Bool(true)),
				acctest.Attr(meetingAddr, "close_on_nobody", knownvalue.Bool(true)),
				acctest.Attr(meetingAddr, "scheduled_start_at", acctest.Instant("2030-03-02T15:00:00Z")),
				acctest.Attr(meetingAddr, "internal_invitees", knownvalue.SetExact([]knownvalue.Check{
					knownvalue.StringExact("ext-101"), knownvalue.StringExact("ext-102"),
				})),
				acctest.Attr(meetingAddr, "outbound_caller_ids.0.description", knownvalue.StringExact("US")),
				acctest.Attr(meetingAddr, "outbound_caller_ids.1.description", knownvalue.Null()),
			},
			Check: func(s *terraform.State) error {
				id, err := acctest.StateAttr(s, meetingAddr, "id")
				if err != nil {
					return err
				}
				m, ok := emu.PortSIPAPI().Meeting(id)
				if !ok || m.Capacity != 150 {
					return fmt.Errorf("the PBX's meeting: %+v (found %v), want capacity 150", m.Conference, ok)
				}
				var created, updated bool
				for _, e := range emu.JournalEntries() {
					created = created || e.Method == http.MethodPost && e.Path == "/api/user/meetings" && e.Status == http.StatusCreated
					updated = updated || created && e.Method == http.MethodPost && e.Path == "/api/user/meetings/"+id && e.Status == http.StatusOK
				}
				if !created || !updated {
					return fmt.Errorf("want a create, then an update that sets capacity: created %v, updated %v", created, updated)
				}
				return nil
			},
		},
		resource.TestStep{
			// The same instants and the same JSON, written differently: no diff.
			Config: aliceMeeting(emu, strings.NewReplacer(
				`"2030-03-02T16:00:00+01:00"`, `"2030-03-02T15:00:00Z"`,
				`"2030-03-02T17:30:00+01:00"`, `"2030-03-02T18:30:00+02:00"`,
				`"{\"welcome\": \"hi\",   \"moh\": true}"`, `jsonencode({ moh = true, welcome = "hi" })`,
			).Replace(meetingFull)),
			PlanOnly: true,
		},
		resource.TestStep{
			ResourceName:      meetingAddr,
			ImportState:       true,
			ImportStateVerify: true,
			// On import there is no configuration to keep the user's spelling
			// from: the PBX's UTC form and normalised JSON are what is read.
			ImportStateVerifyIgnore: []string{"scheduled_start_at", "scheduled_end_at", "custom_options"},
		},
	)
}

// Everything but mode changes in place, enable_recording included (unlike a
// room's, updateMeeting takes it); mode replaces the meeting.
func TestAccPortSIPMeeting_updateInPlaceAndReplace(t *testing.T) {
	emu := acctest.NewEmulator(t)
	same, replaced := acctest.SameAcrossSteps(), acctest.NewEachStep()
	id := tfjsonpath.New("id")
	acctest.Test(t,
		resource.TestStep{
			Config: aliceMeeting(emu, `
  mode      = "VIDEO"
  subject   = "Weekly sync"
  room_pin  = "1111"
  language  = "en-US"
  timezone  = "Asia/Shanghai"`),
			ConfigPlanChecks: acctest.ExpectAction(meetingAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				same.AddStateValue(meetingAddr, id),
				replaced.AddStateValue(meetingAddr, id),
				// The PBX's video defaults.
				acctest.Attr(meetingAddr, "height", knownvalue.Int64Exact(720)),
				acctest.Attr(meetingAddr, "width", knownvalue.Int64Exact(1280)),
				acctest.Attr(meetingAddr, "bitrate", knownvalue.Int64Exact(1024)),
				acctest.Attr(meetingAddr, "framerate", knownvalue.Int64Exact(15)),
				acctest.Attr(meetingAddr, "layout", knownvalue.StringExact("LAYOUT0")),
			},
		},
		resource.TestStep{
			// language removed from the configuration is cleared in the PBX.
			Config: aliceMeeting(emu, `
  mode             = "VIDEO"
  subject          = "Weekly sync (moved)"
  room_pin         = "2222"
  capacity         = 30
  layout           = "LAYOUT6"
  enable_recording = true
  close_on_nobody  = true
  timezone         = "America/New_York"`),
			ConfigPlanChecks: acctest.ExpectAction(meetingAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				same.AddStateValue(meetingAddr, id),
				acctest.Attr(meetingAddr, "subject", knownvalue.StringExact("Weekly sync (moved)")),
				acctest.Attr(meetingAddr, "room_pin", knownvalue.StringExact("2222")),
				acctest.Attr(meetingAddr, "capacity", knownvalue.Int64Exact(30)),
				acctest.Attr(meetingAddr, "layout", knownvalue.StringExact("LAYOUT6")),
				acctest.Attr(meetingAddr, "enable_recording", knownvalue.Bool(true)),
				acctest.Attr(meetingAddr, "close_on_nobody", knownvalue.Bool(true)),
				acctest.Attr(meetingAddr, "timezone", knownvalue.StringExact("America/New_York")),
				acctest.Attr(meetingAddr, "language", knownvalue.Null()),
				acctest.Attr(meetingAddr, "height", knownvalue.Int64Exact(720)),
			},
		},
		resource.TestStep{
			// mode cannot change in place: a new meeting, which gets the
			// configured capacity too.
			Config: aliceMeeting(emu, `
  mode             = "AUDIO"
  subject          = "Weekly sync (moved)"
  room_pin         = "2222"
  capacity         = 30
  enable_recording = true
  close_on_nobody  = true
  timezone         = "America/New_York"`),
			ConfigPlanChecks: acctest.ExpectAction(meetingAddr, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				replaced.AddStateValue(meetingAddr, id),
				acctest.Attr(meetingAddr, "mode", knownvalue.StringExact("AUDIO")),
				acctest.Attr(meetingAddr, "capacity", knownvalue.Int64Exact(30)),
				acctest.Attr(meetingAddr, "height", knownvalue.Null()),
				acctest.Attr(meetingAddr, "layout", knownvalue.Null()),
			},
			Check: aliceHasOneMeeting(emu),
		},
	)
}

func TestAccPortSIPMeeting_drift(t *testing.T) {
	emu := acctest.NewEmulator(t)
	cfg := aliceMeeting(emu, `
  mode     = "AUDIO"
  subject  = "Support bridge"
  room_pin = "5555"
  timezone = "Europe/Paris"`)
	var id string
	acctest.Test(t,
		resource.TestStep{
			Config:           cfg,
			ConfigPlanChecks: acctest.ExpectAction(meetingAddr, plancheck.ResourceActionCreate),
			Check:            meetingID(&id),
		},
		resource.TestStep{
			// Someone renames the meeting, changes its PIN and closes it when
			// empty, in the PBX.
			PreConfig: func() {
				if !emu.PortSIPAPI().MutateMeeting(id, func(m *emuportsip.Meeting) {
					m.Subject, m.RoomPIN, m.CloseOnNobody, m.Capacity = "Hijacked", "9999", true, 3
				}) {
					t.Fatalf("meeting %s is not in the PBX", id)
				}
			},
			Config: cfg,
			ConfigPlanChecks: acctest.ExpectAction(meetingAddr, plancheck.ResourceActionUpdate,
				plancheck.ExpectKnownValue(meetingAddr, tfjsonpath.New("subject"), knownvalue.StringExact("Support bridge"))),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(meetingAddr, "subject", knownvalue.StringExact("Support bridge")),
				acctest.Attr(meetingAddr, "room_pin", knownvalue.StringExact("5555")),
				acctest.Attr(meetingAddr, "close_on_nobody", knownvalue.Bool(false)),
				acctest.Attr(meetingAddr, "capacity", knownvalue.Int64Exact(9)),
			},
		},
		resource.TestStep{
			// Deleted behind Terraform's back: planned anew.
			PreConfig: func() {
				if !emu.PortSIPAPI().DeleteMeeting(id) {
					t.Fatalf("meeting %s is not in the PBX", id)
				}
			},
			Config:           cfg,
			ConfigPlanChecks: acctest.ExpectAction(meetingAddr, plancheck.ResourceActionCreate),
		},
	)
}

// `[]` means none, as leaving the attribute out does: the state keeps `[]`,
// the PBX clears what was there, and the second plan is empty.
func TestAccPortSIPMeeting_emptyCollections(t *testing.T) {
	emu := acctest.NewEmulator(t)
	cfg := func(invitees, callerIDs string) string {
		return aliceMeeting(emu, `
  mode                = "AUDIO"
  subject             = "Empty lists"
  timezone            = "UTC"
  internal_invitees   = `+invitees+`
  outbound_caller_ids = `+callerIDs)
	}
	empty := []statecheck.StateCheck{
		acctest.Attr(meetingAddr, "internal_invitees", knownvalue.SetSizeExact(0)),
		acctest.Attr(meetingAddr, "outbound_caller_ids", knownvalue.ListSizeExact(0)),
	}
	acctest.Test(t,
		resource.TestStep{
			Config:            cfg("[]", "[]"),
			ConfigPlanChecks:  acctest.ExpectAction(meetingAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: empty,
		},
		resource.TestStep{
			Config:           cfg(`["ext-101"]`, `[{ provider_id = "trunk-1", caller_id = "+12025550100" }]`),
			ConfigPlanChecks: acctest.ExpectAction(meetingAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(meetingAddr, "internal_invitees", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("ext-101")})),
				acctest.Attr(meetingAddr, "outbound_caller_ids.0.provider_id", knownvalue.StringExact("trunk-1")),
			},
		},
		resource.TestStep{
			Config:            cfg("[]", "[]"),
			ConfigPlanChecks:  acctest.ExpectAction(meetingAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: empty,
			Check: func(s *terraform.State) error {
				id, err := acctest.StateAttr(s, meetingAddr, "id")
				if err != nil {
					return err
				}
				m, _ := emu.PortSIPAPI().Meeting(id)
				if len(m.InternalInvitees) != 0 || len(m.OutboundCallerIDs) != 0 {
					return fmt.Errorf("the PBX still holds the invitee or the caller ID: %+v", m.Conference)
				}
				return nil
			},
		},
		resource.TestStep{Config: cfg("[]", "[]"), PlanOnly: true},
	)
}

func TestAccPortSIPMeeting_planTimeErrors(t *testing.T) {
	emu := acctest.NewEmulator(t)
	cases := []struct{ args, want string }{
		{"mode = \"AUDIO\"\ntimezone = \"UTC\"\nheight = 720", `height is only valid when mode is "VIDEO"`},
		{"mode = \"AUDIO\"\ntimezone = \"UTC\"\nbitrate = 2048", `bitrate is only valid when mode is "VIDEO"`},
		{"mode = \"AUDIO\"\ntimezone = \"UTC\"\nlayout = \"LAYOUT4\"", `layout is only valid when mode is "VIDEO"`},
		{"mode = \"VIDEO\"\ntimezone = \"UTC\"\nlayout = \"LAYOUT5\"", `(?s)layout\s+must\s+be\s+one\s+of\s+"LAYOUT0",\s+"LAYOUT1".*got\s+"LAYOUT5"`},
		{"mode = \"VIDEO\"\ntimezone = \"UTC\"\nwidth = 100", `(?s)width.*must be between 144 and 1920`},
		{"mode = \"video\"\ntimezone = \"UTC\"", `(?s)mode\s+must\s+be\s+written\s+"VIDEO",\s+not\s+"video".*"AUDIO"\s+or\s+"VIDEO"`},
		{"mode = \"AUDIO\"", `(?s)The argument "timezone" is required`},
		{"mode = \"AUDIO\"\ntimezone = \"Mars/Olympus\"", `timezone must be an IANA time zone name`},
		{"mode = \"AUDIO\"\ntimezone = \"UTC\"\nroom_pin = \"12a4\"", `room_pin must be 3 to 6 digits`},
		{"mode = \"AUDIO\"\ntimezone = \"UTC\"\nadmin_pin = \"1234567\"", `admin_pin must be 3 to 6 digits`},
		{"mode = \"AUDIO\"\ntimezone = \"UTC\"\ncapacity = 0", `(?s)capacity.*must be between 1 and 200`},
		{"mode = \"AUDIO\"\ntimezone = \"UTC\"\nlanguage = \"english\"", `language must be a BCP 47 language tag`},
		{"mode = \"AUDIO\"\ntimezone = \"UTC\"\nscheduled_end_at = \"next week\"", `scheduled_end_at must be an RFC 3339 time`},
		{"mode = \"AUDIO\"\ntimezone = \"UTC\"\nscheduled_start_at = \"2030-01-01T10:00:00+01:00\"\nscheduled_end_at = \"2030-01-01T09:00:00Z\"", `scheduled_end_at .* must be after scheduled_start_at`},
		{"mode = \"AUDIO\"\ntimezone = \"UTC\"\ncustom_options = \"{not json\"", `(?s)custom_options.*JSON`},
		{"mode = \"AUDIO\"\ntimezone = \"UTC\"\nextension_number = \"8100\"", `(?s)extension_number.*(read-only|cannot be set)`},
		{"mode = \"AUDIO\"\ntimezone = \"UTC\"\nownership = false", `(?s)ownership.*(read-only|cannot be set)`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      aliceMeeting(emu, "subject = \"Errors\"\n"+c.args),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(c.want),
		})
	}
	acctest.Test(t, steps...)
	for _, e := range emu.JournalEntries() {
		if strings.HasPrefix(e.Path, "/api/user/meetings") {
			t.Fatalf("invalid input reached the API: %+v", e)
		}
	}
}

// Each user's provider creates and sees that user's meetings only.
func TestAccPortSIPMeeting_usersAreSeparate(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.TestAsUsers(t, meetingUsers, resource.TestStep{
		Config: twoUsers(emu, `
resource "conference_portsip_meeting" "alice" {
  provider = conference-alice
  mode     = "AUDIO"
  subject  = "Alice's standup"
  timezone = "UTC"
}

resource "conference_portsip_meeting" "bob" {
  provider = conference-bob
  mode     = "AUDIO"
  subject  = "Bob's standup"
  timezone = "UTC"
  depends_on = [conference_portsip_meeting.alice]
}

data "conference_portsip_meetings" "alice" {
  provider   = conference-alice
  depends_on = [conference_portsip_meeting.alice, conference_portsip_meeting.bob]
}

data "conference_portsip_meetings" "bob" {
  provider   = conference-bob
  depends_on = [conference_portsip_meeting.alice, conference_portsip_meeting.bob]
}`),
		ConfigStateChecks: []statecheck.StateCheck{
			acctest.Attr("conference_portsip_meeting.alice", "extension_number", knownvalue.StringExact("88000")),
			acctest.Attr("conference_portsip_meeting.bob", "extension_number", knownvalue.StringExact("88001")),
			acctest.Attr("data.conference_portsip_meetings.alice", "meetings", knownvalue.ListSizeExact(1)),
			acctest.Attr("data.conference_portsip_meetings.alice", "meetings.0.subject", knownvalue.StringExact("Alice's standup")),
			acctest.Attr("data.conference_portsip_meetings.bob", "meetings", knownvalue.ListSizeExact(1)),
			acctest.Attr("data.conference_portsip_meetings.bob", "meetings.0.subject", knownvalue.StringExact("Bob's standup")),
		},
		Check: func(*terraform.State) error {
			api := emu.PortSIPAPI()
			a, b := api.Meetings(emuportsip.AliceUsername), api.Meetings(emuportsip.BobUsername)
			if len(a) != 1 || a[0].Subject != "Alice's standup" || len(b) != 1 || b[0].Subject != "Bob's standup" {
				return fmt.Errorf("the PBX holds alice's %+v and bob's %+v", a, b)
			}
			return nil
		},
	})
}

// Bob's provider cannot import alice's meeting: the PBX answers 404, and
// the user hears whose meeting it is not and how to import it, not just
// "Cannot import non-existent remote object".
func TestAccPortSIPMeeting_importAnotherUsersMeetingFails(t *testing.T) {
	emu := acctest.NewEmulator(t)
	alice := `
resource "conference_portsip_meeting" "test" {
  provider = conference-alice
  mode     = "AUDIO"
  subject  = "Alice's"
  timezone = "UTC"
}
`
	var id string
	acctest.TestAsUsers(t, meetingUsers,
		resource.TestStep{
			Config:           twoUsers(emu, alice),
			ConfigPlanChecks: acctest.ExpectAction(meetingAddr, plancheck.ResourceActionCreate),
			Check:            meetingID(&id),
		},
		resource.TestStep{
			Config: twoUsers(emu, alice+`
resource "conference_portsip_meeting" "taken" {
  provider = conference-bob
  mode     = "AUDIO"
  subject  = "Alice's"
  timezone = "UTC"
}`),
			ResourceName:      "conference_portsip_meeting.taken",
			ImportState:       true,
			ImportStateIdFunc: func(*terraform.State) (string, error) { return id, nil },
			ExpectError: regexp.MustCompile(`(?s)No PortSIP meeting with ID "[^"]+"\s+belongs\s+to\s+"bob",\s+the\s+signed-in\s+user.*` +
				`import\s+it\s+with\s+a\s+provider\s+configuration\s+\(such\s+as\s+a\s+provider\s+alias\)\s+that\s+signs\s+in\s+as\s+the\s+meeting's\s+owner`),
		},
		resource.TestStep{
			// Alice's provider imports it.
			Config:            twoUsers(emu, alice),
			ResourceName:      meetingAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
	)
}

// createMeetingAs creates a meeting through the emulated PBX's API as user,
// behind Terraform's back, and returns its ID.
func createMeetingAs(t *testing.T, emu *acctest.Emulator, user string) string {
	t.Helper()
	token, ok := emu.PortSIPAPI().IssueTokenFor(user)
	if !ok {
		t.Fatalf("the PBX has no user %q", user)
	}
	raw := emu.Call(t, http.MethodPost, "/api/user/meetings", http.Header{"Authorization": {"Bearer " + token}},
		map[string]any{"mode": "AUDIO", "subject": user + "'s", "timezone": "UTC"}, http.StatusCreated)
	var out struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(raw, &out); err != nil || out.ID == "" {
		t.Fatalf("creating %s's meeting answered %s (%v)", user, raw, err)
	}
	return out.ID
}

// A provider given a token cannot tell whose it is (the PBX's GET /auth/user
// gives a role, not a name): the message says "the signed-in user".
func TestAccPortSIPMeeting_importWithATokenOfAnotherUser(t *testing.T) {
	emu := acctest.NewEmulator(t)
	id := createMeetingAs(t, emu, emuportsip.AliceUsername)
	token, _ := emu.PortSIPAPI().IssueTokenFor(emuportsip.BobUsername)
	cfg := acctest.ProviderBlock("bob", emu.URL, map[string]platforms.Values{
		platforms.PortSIP.Key: {"token": token, "username": "", "password": ""},
	}) + `
resource "conference_portsip_meeting" "test" {
  provider = conference.bob
  mode     = "AUDIO"
  subject  = "alice's"
  timezone = "UTC"
}`
	acctest.Test(t, resource.TestStep{
		Config:        cfg,
		ResourceName:  meetingAddr,
		ImportState:   true,
		ImportStateId: id,
		ExpectError:   acctest.ErrorMatching(`No PortSIP meeting with ID "` + id + `" belongs to the signed-in user: it does not exist, or it is another user's.`),
	})
}

// createMeeting takes no capacity: a meeting that keeps the PBX's 9 needs no
// update after the create, one with another capacity gets it from one.
func TestAccPortSIPMeeting_capacityIsSetAfterTheCreate(t *testing.T) {
	emu := acctest.NewEmulator(t)
	updates := func() (n int) {
		for _, e := range emu.JournalEntries() {
			if e.Method == http.MethodPost && strings.HasPrefix(e.Path, "/api/user/meetings/") && !strings.HasSuffix(e.Path, "/destroy") {
				n++
			}
		}
		return n
	}
	cfg := func(mode string, capacity int) string {
		return aliceMeeting(emu, fmt.Sprintf(`
  mode     = %q
  subject  = "Capacity"
  timezone = "UTC"
  capacity = %d`, mode, capacity))
	}
	wantUpdates := func(want int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if n := updates(); n != want {
				return fmt.Errorf("%d updates so far, want %d", n, want)
			}
			return nil
		}
	}
	acctest.Test(t,
		resource.TestStep{
			Config:           cfg("AUDIO", 9),
			ConfigPlanChecks: acctest.ExpectAction(meetingAddr, plancheck.ResourceActionCreate),
			Check:            wantUpdates(0),
		},
		resource.TestStep{
			Config:            cfg("AUDIO", 40),
			ConfigPlanChecks:  acctest.ExpectAction(meetingAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{acctest.Attr(meetingAddr, "capacity", knownvalue.Int64Exact(40))},
			Check:             wantUpdates(1),
		},
		resource.TestStep{
			// A new meeting (mode) keeps capacity 40: created, then updated.
			Config:            cfg("VIDEO", 40),
			ConfigPlanChecks:  acctest.ExpectAction(meetingAddr, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{acctest.Attr(meetingAddr, "capacity", knownvalue.Int64Exact(40))},
			Check:             wantUpdates(2),
		},
	)
}

// When the update that sets capacity after the create fails, the meeting
// exists: it stays in state, tainted, and the next apply replaces it rather
// than leave it behind.
func TestAccPortSIPMeeting_failedCapacityTaintsTheNewMeeting(t *testing.T) {
	emu := acctest.NewEmulator(t)
	cfg := aliceMeeting(emu, `
  mode     = "AUDIO"
  subject  = "Tainted"
  timezone = "UTC"
  capacity = 60`)
	acctest.Test(t,
		resource.TestStep{
			PreConfig: func() {
				emu.Admin(t, http.MethodPost, "faults", map[string]any{
					"path_prefix": "/api/user/meetings/", "method": "POST", "status": 400, "count": 1,
				})
			},
			Config:      cfg,
			ExpectError: acctest.ErrorMatching("PortSIP rejected meeting update"),
		},
		resource.TestStep{
			Config:            cfg,
			ConfigPlanChecks:  acctest.ExpectAction(meetingAddr, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{acctest.Attr(meetingAddr, "capacity", knownvalue.Int64Exact(60))},
			Check:             aliceHasOneMeeting(emu),
		},
	)
}
