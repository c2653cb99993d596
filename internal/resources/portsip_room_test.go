package resources_test

import (
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
)

const roomAddr = "conference_portsip_room.test"

func TestAccPortSIPRoom_audioMinimal(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t, []resource.TestStep{
		{
			Config: emu.Config(`
resource "conference_portsip_room" "test" {
  extension_number = "8100"
  mode             = "AUDIO"
  subject          = "Stand-up"
}`),
			ConfigPlanChecks: acctest.ExpectAction(roomAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(roomAddr, "id", knownvalue.NotNull()),
				acctest.Attr(roomAddr, "control", knownvalue.StringExact("FREE")),
				acctest.Attr(roomAddr, "capacity", knownvalue.Int64Exact(9)),
				acctest.Attr(roomAddr, "enable_prompt", knownvalue.Bool(true)),
				acctest.Attr(roomAddr, "enable_recording", knownvalue.Bool(false)),
				// The video settings do not exist for an audio room.
				acctest.Attr(roomAddr, "height", knownvalue.Null()),
				acctest.Attr(roomAddr, "layout", knownvalue.Null()),
				acctest.Attr(roomAddr, "room_pin", knownvalue.Null()),
				acctest.Attr(roomAddr, "domain", knownvalue.NotNull()),
				acctest.Attr(roomAddr, "sbc_host", knownvalue.NotNull()),
				acctest.Attr(roomAddr, "sbc_port", knownvalue.NotNull()),
				acctest.Attr(roomAddr, "created_at", knownvalue.NotNull()),
			},
		},
		{
			ResourceName:      roomAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
	}...)
}

const videoFull = `
resource "conference_portsip_room" "test" {
  extension_number   = "8200"
  mode               = "VIDEO"
  subject            = "Town hall"
  control            = "MASTER"
  height             = 1080
  width              = 1920
  bitrate            = 2048
  framerate          = 30
  layout             = "LAYOUT9"
  language           = "en-US"
  capacity           = 150
  admin_pin          = "975310"
  room_pin           = "2468"
  enable_recording   = true
  enable_prompt      = false
  timezone           = "Europe/Berlin"
  # An offset, not UTC: the PBX answers in UTC, and that is not a change.
  scheduled_start_at = "2030-03-02T16:00:00+01:00"
  scheduled_end_at   = "2030-03-02T17:30:00+01:00"
  numbers            = "+1 202 555 0100"
  internal_invitees  = ["ext-101", "ext-102"]
  external_invitees  = "ceo@example.com"
  # Key order and spacing differ from what the PBX stores: not a change either.
  custom_options     = "{\"welcome\": \"hi\",   \"moh\": true}"
  outbound_caller_ids = [
    { provider_id = "trunk-1", caller_id = "+12025550100", description = "US" },
    { provider_id = "trunk-2", caller_id = "+442071838750" },
  ]
}`

func TestAccPortSIPRoom_videoFull(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t, []resource.TestStep{
		{
			Config:           emu.Config(videoFull),
			ConfigPlanChecks: acctest.ExpectAction(roomAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(roomAddr, "height", knownvalue.Int64Exact(1080)),
				acctest.Attr(roomAddr, "layout", knownvalue.StringExact("LAYOUT9")),
				acctest.Attr(roomAddr, "room_pin", knownvalue.StringExact("2468")),
				acctest.Attr(roomAddr, "enable_recording", knownvalue.Bool(true)),
				acctest.Attr(roomAddr, "scheduled_start_at", knownvalue.StringExact("2030-03-02T16:00:00+01:00")),
				acctest.Attr(roomAddr, "internal_invitees", knownvalue.SetExact([]knownvalue.Check{
					knownvalue.StringExact("ext-101"), knownvalue.StringExact("ext-102"),
				})),
				statecheck.ExpectKnownValue(roomAddr, tfjsonpath.New("outbound_caller_ids").AtSliceIndex(1).AtMapKey("description"), knownvalue.Null()),
			},
		},
		{
			// The same instants and the same JSON, written differently: no diff.
			Config: emu.Config(strings.NewReplacer(
				`"2030-03-02T16:00:00+01:00"`, `"2030-03-02T15:00:00Z"`,
				`"2030-03-02T17:30:00+01:00"`, `"2030-03-02T18:30:00+02:00"`,
				`"{\"welcome\": \"hi\",   \"moh\": true}"`, `jsonencode({ moh = true, welcome = "hi" })`,
			).Replace(videoFull)),
			PlanOnly: true,
		},
		{
			ResourceName:      roomAddr,
			ImportState:       true,
			ImportStateVerify: true,
			// On import there is no configuration to keep the user's spelling
			// from: the PBX's UTC form and normalized JSON are what is read.
			ImportStateVerifyIgnore: []string{"scheduled_start_at", "scheduled_end_at", "custom_options"},
		},
	}...)
}

// `[]` is how a configuration spells "none" as often as leaving the attribute
// out. The PBX answers none either way, and the room keeps the configured `[]`:
// no "inconsistent result" on apply, and an empty plan afterwards.
func TestAccPortSIPRoom_emptyCollections(t *testing.T) {
	emu := acctest.NewEmulator(t)
	room := func(invitees, callerIDs string) string {
		return emu.Config(`
resource "conference_portsip_room" "test" {
  extension_number    = "8700"
  mode                = "AUDIO"
  subject             = "Empty lists"
  internal_invitees   = ` + invitees + `
  outbound_caller_ids = ` + callerIDs + `
}`)
	}
	empty := []statecheck.StateCheck{
		acctest.Attr(roomAddr, "internal_invitees", knownvalue.SetSizeExact(0)),
		acctest.Attr(roomAddr, "outbound_caller_ids", knownvalue.ListSizeExact(0)),
	}
	acctest.Test(t, []resource.TestStep{
		{
			Config:            room("[]", "[]"),
			ConfigPlanChecks:  acctest.ExpectAction(roomAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: empty,
		},
		{
			Config:           room(`["ext-101"]`, `[{ provider_id = "trunk-1", caller_id = "+12025550100" }]`),
			ConfigPlanChecks: acctest.ExpectAction(roomAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(roomAddr, "internal_invitees", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("ext-101")})),
				acctest.Attr(roomAddr, "outbound_caller_ids", knownvalue.ListSizeExact(1)),
			},
		},
		{
			// Back to `[]`: the PBX clears both, and the state keeps `[]`.
			Config:            room("[]", "[]"),
			ConfigPlanChecks:  acctest.ExpectAction(roomAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: empty,
			Check: func(s *terraform.State) error {
				body := string(emu.PortSIP(t, http.MethodGet, "/conference_rooms/"+s.RootModule().Resources[roomAddr].Primary.ID, nil, http.StatusOK))
				if strings.Contains(body, "ext-101") || strings.Contains(body, "trunk-1") {
					return fmt.Errorf("the PBX still holds the invitee or the caller ID: %s", body)
				}
				return nil
			},
		},
		{
			// The second plan of the same configuration is empty.
			Config:   room("[]", "[]"),
			PlanOnly: true,
		},
	}...)
}

func TestAccPortSIPRoom_updateInPlaceAndReplace(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t, []resource.TestStep{
		{
			Config: emu.Config(`
resource "conference_portsip_room" "test" {
  extension_number = "8300"
  mode             = "VIDEO"
  subject          = "Design review"
  room_pin         = "1111"
  language         = "en-US"
  timezone         = "Asia/Shanghai"
}`),
			ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
			ConfigStateChecks: []statecheck.StateCheck{
				// The PBX's video defaults.
				acctest.Attr(roomAddr, "height", knownvalue.Int64Exact(720)),
				acctest.Attr(roomAddr, "width", knownvalue.Int64Exact(1280)),
				acctest.Attr(roomAddr, "bitrate", knownvalue.Int64Exact(1024)),
				acctest.Attr(roomAddr, "framerate", knownvalue.Int64Exact(15)),
				acctest.Attr(roomAddr, "layout", knownvalue.StringExact("LAYOUT0")),
			},
		},
		{
			// Subject, PIN, capacity and layout change in place; language and
			// timezone removed from the configuration are cleared in the PBX.
			Config: emu.Config(`
resource "conference_portsip_room" "test" {
  extension_number = "8300"
  mode             = "VIDEO"
  subject          = "Design review (weekly)"
  room_pin         = "2222"
  capacity         = 30
  layout           = "LAYOUT4"
}`),
			ConfigPlanChecks: acctest.ExpectAction(roomAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(roomAddr, "subject", knownvalue.StringExact("Design review (weekly)")),
				acctest.Attr(roomAddr, "room_pin", knownvalue.StringExact("2222")),
				acctest.Attr(roomAddr, "capacity", knownvalue.Int64Exact(30)),
				acctest.Attr(roomAddr, "layout", knownvalue.StringExact("LAYOUT4")),
				acctest.Attr(roomAddr, "language", knownvalue.Null()),
				acctest.Attr(roomAddr, "timezone", knownvalue.Null()),
				acctest.Attr(roomAddr, "height", knownvalue.Int64Exact(720)),
			},
		},
		{
			// mode cannot change in place: a new room.
			Config: emu.Config(`
resource "conference_portsip_room" "test" {
  extension_number = "8300"
  mode             = "AUDIO"
  subject          = "Design review (weekly)"
  room_pin         = "2222"
  capacity         = 30
}`),
			ConfigPlanChecks: acctest.ExpectAction(roomAddr, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(roomAddr, "mode", knownvalue.StringExact("AUDIO")),
				acctest.Attr(roomAddr, "height", knownvalue.Null()),
				acctest.Attr(roomAddr, "layout", knownvalue.Null()),
			},
		},
		{
			// Nor can extension_number.
			Config: emu.Config(`
resource "conference_portsip_room" "test" {
  extension_number = "8301"
  mode             = "AUDIO"
  subject          = "Design review (weekly)"
  room_pin         = "2222"
  capacity         = 30
}`),
			ConfigPlanChecks: acctest.ExpectAction(roomAddr, plancheck.ResourceActionDestroyBeforeCreate),
		},
		{
			// Nor enable_recording, which only the create body takes.
			Config: emu.Config(`
resource "conference_portsip_room" "test" {
  extension_number = "8301"
  mode             = "AUDIO"
  subject          = "Design review (weekly)"
  room_pin         = "2222"
  capacity         = 30
  enable_recording = true
}`),
			ConfigPlanChecks: acctest.ExpectAction(roomAddr, plancheck.ResourceActionDestroyBeforeCreate),
		},
	}...)
}

func TestAccPortSIPRoom_drift(t *testing.T) {
	emu := acctest.NewEmulator(t)
	cfg := emu.Config(`
resource "conference_portsip_room" "test" {
  extension_number = "8400"
  mode             = "AUDIO"
  subject          = "Support bridge"
  room_pin         = "5555"
}`)
	var id string
	acctest.Test(t, []resource.TestStep{
		{
			Config:           cfg,
			ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
			Check: func(s *terraform.State) error {
				id = s.RootModule().Resources[roomAddr].Primary.ID
				return nil
			},
		},
		{
			// Someone renames the room and changes its PIN in the PBX.
			PreConfig: func() {
				emu.PortSIP(t, http.MethodPost, "/conference_rooms/"+id,
					map[string]any{"subject": "Hijacked", "room_pin": "9999"}, http.StatusOK, http.StatusNoContent)
			},
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roomAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(roomAddr, tfjsonpath.New("subject"), knownvalue.StringExact("Support bridge")),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(roomAddr, "subject", knownvalue.StringExact("Support bridge")),
				acctest.Attr(roomAddr, "room_pin", knownvalue.StringExact("5555")),
			},
		},
		{
			PreConfig: func() {
				emu.PortSIP(t, http.MethodPost, "/conference_rooms/"+id+"/destroy", nil, http.StatusNoContent, http.StatusOK)
			},
			Config:           cfg,
			ConfigPlanChecks: acctest.ExpectAction(roomAddr, plancheck.ResourceActionCreate),
		},
	}...)
}

func TestAccPortSIPRoom_planTimeErrors(t *testing.T) {
	emu := acctest.NewEmulator(t)
	room := func(body string) string {
		return emu.Config(`
resource "conference_portsip_room" "test" {
  extension_number = "8500"
  subject          = "Errors"
` + body + "\n}")
	}
	cases := []struct{ body, want string }{
		{"mode = \"AUDIO\"\nheight = 720", `height is only valid when mode is "VIDEO"`},
		{"mode = \"AUDIO\"\nlayout = \"LAYOUT4\"", `layout is only valid when mode is "VIDEO"`},
		{"mode = \"VIDEO\"\nlayout = \"LAYOUT5\"", `(?s)layout\s+must\s+be\s+one\s+of\s+"LAYOUT0",\s+"LAYOUT1".*got\s+"LAYOUT5"`},
		{"mode = \"VIDEO\"\nheight = 100", `(?s)height.*must be between 144 and 1920`},
		{"mode = \"VIDEO\"\nframerate = 60", `(?s)framerate.*must be between 5 and 30`},
		{"mode = \"video\"", `(?s)mode\s+must\s+be\s+written\s+"VIDEO",\s+not\s+"video"`},
		// An enum in the wrong case is told how to write it, with the values.
		{"mode = \"audio\"", `(?s)mode\s+must\s+be\s+written\s+"AUDIO",\s+not\s+"audio":\s+the\s+values\s+are\s+case-sensitive.\s+The\s+allowed\s+values\s+are\s+"AUDIO"\s+or\s+"VIDEO"`},
		{"mode = \"AUDIO\"\nscheduled_start_at = \"2027-02-30T09:00:00Z\"", `(?s)scheduled_start_at\s+must\s+be\s+a\s+time\s+that\s+exists;\s+2027-02-30\s+does\s+not\s+exist:\s+February\s+2027\s+has\s+28\s+days`},
		{"mode = \"AUDIO\"\nroom_pin = \"12a4\"", `room_pin must be 3 to 6 digits`},
		{"mode = \"AUDIO\"\nadmin_pin = \"12\"", `admin_pin must be 3 to 6 digits`},
		{"mode = \"AUDIO\"\ncapacity = 201", `(?s)capacity.*must be between 1 and 200`},
		{"mode = \"AUDIO\"\nlanguage = \"english\"", `language must be a BCP 47 language tag`},
		{"mode = \"AUDIO\"\ntimezone = \"Mars/Olympus\"", `timezone must be an IANA time zone name`},
		{"mode = \"AUDIO\"\nscheduled_start_at = \"tomorrow\"", `scheduled_start_at must be an RFC 3339 time`},
		{"mode = \"AUDIO\"\nscheduled_start_at = \"2030-01-01T10:00:00Z\"\nscheduled_end_at = \"2030-01-01T09:00:00Z\"", `scheduled_end_at .* must be after scheduled_start_at`},
		{"mode = \"AUDIO\"\ncustom_options = \"{not json\"", `(?s)custom_options.*JSON`},
		{"mode = \"AUDIO\"\nnumbers = \"" + longString(129) + "\"", `(?s)numbers.*at most 128`},
	}
	steps := []resource.TestStep{}
	for _, c := range cases {
		steps = append(steps, resource.TestStep{Config: room(c.body), PlanOnly: true, ExpectError: regexp.MustCompile(c.want)})
	}
	steps = append(steps, resource.TestStep{
		Config: emu.Config(`
resource "conference_portsip_room" "test" {
  extension_number = "12"
  mode             = "AUDIO"
  subject          = ""
}`),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`(?s)extension_number.*must be 3 to 64 digits`),
	})
	acctest.Test(t, steps...)
	for _, e := range emu.JournalEntries() {
		if e.Path == "/api/conference_rooms" && e.Method == http.MethodPost {
			t.Fatalf("invalid input reached the API: %+v", e)
		}
	}
}

func longString(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '1'
	}
	return string(b)
}

func TestAccPortSIPRoom_apiRejectionReadsLikeTheVendor(t *testing.T) {
	emu := acctest.NewEmulator(t)
	// Two rooms on one extension pass every plan-time check; the PBX refuses
	// the second, and the user should read its own words.
	acctest.Test(t, []resource.TestStep{{
		Config: emu.Config(`
resource "conference_portsip_room" "a" {
  extension_number = "8600"
  mode             = "AUDIO"
  subject          = "First"
}
resource "conference_portsip_room" "b" {
  extension_number = "8600"
  mode             = "AUDIO"
  subject          = "Second"
  depends_on       = [conference_portsip_room.a]
}`),
		ExpectError: regexp.MustCompile(`(?s)PortSIP rejected conference room.*VALIDATE_FAILED: .*extension_number.*\(HTTP 400\)`),
	}}...)
}
