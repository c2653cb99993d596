package datasources_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

const lineListDS = "data.conference_line_meetings.test"

// LINE Planet's "List meetings" of a room: empty, one meeting ID, and empty again
// once it has expired.
func TestAccLineMeetingsDataSource_lifecycle(t *testing.T) {
	emu := acctest.NewEmulator(t)
	config := emu.Config(`
data "conference_line_meetings" "test" {
  room_service_id = "ex-service"
  room_id         = "ex-room"
}
`)
	var id string
	meeting := tfjsonpath.New("meetings").AtSliceIndex(0)
	acctest.Test(t,
		resource.TestStep{
			PreConfig:        func() { emu.FreezeClock(t, "2030-01-01T00:00:00Z") },
			Config:           config,
			ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(lineListDS, tfjsonpath.New("id"), knownvalue.StringExact("ex-service/ex-room")),
				statecheck.ExpectKnownValue(lineListDS, tfjsonpath.New("meetings"), knownvalue.ListSizeExact(0)),
			},
		},
		resource.TestStep{
			PreConfig: func() {
				m := lineCreate(t, emu, "ex-room", map[string]any{"type": "R", "passcode": "654321", "title": "Quarterly 📈"})
				id = fmt.Sprint(m.ID)
				// Another room's meeting ID is not listed.
				lineCreate(t, emu, "other-room", map[string]any{"type": "S"})
			},
			Config:           config,
			ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(lineListDS, tfjsonpath.New("meetings"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"meeting_id": knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]{11,}$`)),
						"type":       knownvalue.StringExact("R"),
						"passcode":   knownvalue.StringExact("654321"),
						"title":      knownvalue.StringExact("Quarterly 📈"),
						"data":       knownvalue.Null(),
						"created_at": knownvalue.StringExact("2030-01-01T00:00:00Z"),
						"expire_at":  knownvalue.StringExact("2031-01-01T00:00:00Z"),
					}),
				})),
				statecheck.ExpectSensitiveValue(lineListDS, meeting.AtMapKey("passcode")),
			},
			Check: func(s *terraform.State) error {
				if got := s.RootModule().Resources[lineListDS].Primary.Attributes["meetings.0.meeting_id"]; got != id {
					return fmt.Errorf("listed %s, want %s", got, id)
				}
				return nil
			},
		},
		resource.TestStep{
			// R lives 365 days.
			PreConfig:        func() { emu.AdvanceClock(t, 366*24*time.Hour) },
			Config:           config,
			ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(lineListDS, tfjsonpath.New("meetings"), knownvalue.ListSizeExact(0)),
			},
		},
	)
}
