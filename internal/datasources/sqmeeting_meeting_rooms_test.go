package datasources_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

func TestAccSQMeetingMeetingRoomsDataSource(t *testing.T) {
	emu := acctest.NewEmulator(t)
	const addr = "data.conference_sqmeeting_meeting_rooms.test"
	acctest.Test(t, resource.TestStep{
		Config:           emu.Config(`data "conference_sqmeeting_meeting_rooms" "test" {}`),
		ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
		ConfigStateChecks: []statecheck.StateCheck{
			// The administrator's one personal room (the emulator seeds one per user).
			acctest.Attr(addr, "meeting_rooms", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
				"id":             knownvalue.NotNull(),
				"name":           knownvalue.StringExact("Administrator's meeting room"),
				"meeting_number": knownvalue.StringExact("90000001"),
				"password":       knownvalue.StringExact(""),
				"owner_id":       knownvalue.NotNull(),
				"owner_name":     knownvalue.StringExact("Administrator"),
				"created_at":     acctest.Instant("2021-10-28T12:55:14.772Z"),
			})})),
			statecheck.ExpectSensitiveValue(addr, tfjsonpath.New("meeting_rooms").AtSliceIndex(0).AtMapKey("password")),
		},
	})
}
