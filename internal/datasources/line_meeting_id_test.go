package datasources_test

import (
	"fmt"
	"os"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	emuline "github.com/confkit/terraform-provider-conference/internal/emulator/lineplanet"
)

const (
	lineDS       = "data.conference_line_meeting_id.test"
	lineResource = "conference_line_meeting_id.test"
)

// lineCreate makes a meeting ID in room of the room service ex-service, which
// every configuration here uses, through the emulator's API, as another LINE
// Planet user would, and returns it.
func lineCreate(t *testing.T, emu *acctest.Emulator, room string, body map[string]any) emuline.Meeting {
	t.Helper()
	return emu.LinePlanetCreate(t, "ex-service", room, body)
}

// The data source reads the meeting ID that the resource made, and builds the SIP
// URI from the proxy that only the create response carries.
func TestAccLineMeetingIDDataSource_fromResource(t *testing.T) {
	emu := acctest.NewEmulator(t)
	config := emu.Config(`
resource "conference_line_meeting_id" "test" {
  room_service_id = "ex-service"
  room_id         = "ex-room"
  type            = "S"
  title           = "Weekly"
  data            = "{\"floor\":3}"
}

data "conference_line_meeting_id" "test" {
  room_service_id = "ex-service"
  room_id         = "ex-room"
  sip_proxy       = conference_line_meeting_id.test.sip_proxy
  sip_proxy_port  = conference_line_meeting_id.test.sip_proxy_port
  depends_on      = [conference_line_meeting_id.test]
}

data "conference_line_meeting_id" "no_proxy" {
  room_service_id = "ex-service"
  room_id         = "ex-room"
  depends_on      = [conference_line_meeting_id.test]
}

data "conference_line_meeting_id" "ipv6" {
  room_service_id = "ex-service"
  room_id         = "ex-room"
  sip_proxy       = "2001:db8::10"
  depends_on      = [conference_line_meeting_id.test]
}
`)
	pairs := []string{"id", "meeting_id", "type", "passcode", "title", "data", "created_at", "expire_at"}
	checks := []resource.TestCheckFunc{
		resource.TestCheckResourceAttr(lineDS, "type", "S"),
		resource.TestCheckResourceAttr(lineDS, "title", "Weekly"),
		resource.TestCheckResourceAttr(lineDS, "expire_at", "2030-01-31T00:00:00Z"),
		resource.TestCheckResourceAttr(lineDS, "created_at", "2030-01-01T00:00:00Z"),
		resource.TestCheckNoResourceAttr("data.conference_line_meeting_id.no_proxy", "sip_dial_string"),
		func(s *terraform.State) error {
			id := s.RootModule().Resources[lineResource].Primary.Attributes["meeting_id"]
			want := map[string]string{
				lineDS:                                 "sip:" + id + "@" + emuline.DefaultSIPProxy + ":5060",
				"data.conference_line_meeting_id.ipv6": "sip:" + id + "@[2001:db8::10]",
			}
			for addr, w := range want {
				if got := s.RootModule().Resources[addr].Primary.Attributes["sip_dial_string"]; got != w {
					return fmt.Errorf("%s sip_dial_string = %q, want %q", addr, got, w)
				}
			}
			return nil
		},
	}
	for _, a := range pairs {
		checks = append(checks, resource.TestCheckResourceAttrPair(lineDS, a, lineResource, a))
	}
	acctest.Test(t,
		resource.TestStep{
			PreConfig:        func() { emu.FreezeClock(t, "2030-01-01T00:00:00Z") },
			Config:           config,
			ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectSensitiveValue(lineDS, tfjsonpath.New("passcode")),
				statecheck.ExpectKnownValue(lineDS, tfjsonpath.New("meeting_id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]{11,}$`))),
			},
			Check: resource.ComposeAggregateTestCheckFunc(checks...),
		},
	)
}

// A room without a meeting ID, never created or expired, is an error that says so.
func TestAccLineMeetingIDDataSource_noMeeting(t *testing.T) {
	emu := acctest.NewEmulator(t)
	config := emu.Config(`
data "conference_line_meeting_id" "test" {
  room_service_id = "ex-service"
  room_id         = "ex-room"
}
`)
	acctest.Test(t,
		resource.TestStep{
			// Invalid arguments fail at plan time. (First: the test's final destroy
			// runs with the last step's configuration.)
			Config: emu.Config(`
data "conference_line_meeting_id" "test" {
  room_service_id = "ex-service"
  room_id         = "ex/room"
  sip_proxy_port  = 70000
}
`),
			ExpectError: regexp.MustCompile(`(?s)(room_id.*must\s+not\s+contain\s+a\s+slash.*sip_proxy_port|sip_proxy_port.*room_id.*must\s+not\s+contain\s+a\s+slash)`),
		},
		resource.TestStep{
			Config:      config,
			ExpectError: regexp.MustCompile(`(?s)Room\s+ex-service/ex-room\s+has\s+no\s+meeting\s+ID`),
		},
		resource.TestStep{
			// Another user's meeting ID, read without a resource.
			PreConfig: func() {
				lineCreate(t, emu, "ex-room", map[string]any{"type": "I", "passcode": "123456"})
			},
			Config:           config,
			ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(lineDS, "type", "I"),
				resource.TestCheckResourceAttr(lineDS, "passcode", "123456"),
				resource.TestCheckNoResourceAttr(lineDS, "title"),
				resource.TestCheckNoResourceAttr(lineDS, "data"),
			),
		},
		resource.TestStep{
			// I lives one day.
			PreConfig:   func() { emu.AdvanceClock(t, 25*time.Hour) },
			Config:      config,
			ExpectError: regexp.MustCompile(`(?s)has\s+no\s+meeting\s+ID:\s+none\s+was\s+created,\s+or\s+it\s+was\s+deleted\s+or\s+has\s+expired`),
		},
	)
}

// The documentation's examples work as written.
func TestAccLineDataSourceExamples(t *testing.T) {
	for _, name := range []string{"conference_line_meeting_id", "conference_line_meetings"} {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile("../../examples/data-sources/" + name + "/data-source.tf")
			if err != nil {
				t.Fatal(err)
			}
			emu := acctest.NewEmulator(t)
			var id string
			acctest.Test(t, resource.TestStep{
				PreConfig: func() {
					m := lineCreate(t, emu, "ex-room", map[string]any{"type": "S"})
					id = fmt.Sprint(m.ID)
				},
				Config:           emu.Config(string(b)),
				ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
				Check: func(s *terraform.State) error {
					want := map[string]string{
						"board_meeting_id":     id,
						"board_dial_string":    "sip:" + id + "@210.1.1.1:5060",
						"board_expires":        "",
						"board_has_meeting_id": "true",
						"board_meeting_ids":    "[" + id + "]",
					}
					outputs := s.RootModule().Outputs
					if len(outputs) == 0 {
						return fmt.Errorf("the example has no outputs")
					}
					for k, o := range outputs {
						w, known := want[k]
						if !known {
							return fmt.Errorf("unexpected output %s", k)
						}
						if got := fmt.Sprint(o.Value); w != "" && got != w {
							return fmt.Errorf("output %s = %s, want %s", k, got, w)
						}
					}
					return nil
				},
			})
		})
	}
}
