package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// A meeting, and an occurrence of a series, by reservation ID.
func TestAccSQMeetingMeetingDataSource(t *testing.T) {
	emu := acctest.NewEmulator(t)
	m := sqCreate(t, emu, "/meeting_schedule", map[string]any{
		"meeting_type": "reservation", "meeting_name": "Read me", "meeting_password": "314159",
		"schedule_start_time": ms("2030-04-01T10:00:00Z"), "schedule_end_time": ms("2030-04-01T11:00:00Z"),
		"generate_live_url": true,
	})
	first := sqCreate(t, emu, "/meeting_schedule/recurrence", map[string]any{
		"meeting_name": "A series", "recurrence_type": "DAILY",
		"recurrenceStartTime": ms("2030-04-01T08:00:00Z"), "recurrenceEndTime": ms("2030-04-01T08:30:00Z"),
		"recurrenceEndDay": ms("2030-04-03T23:59:59Z"),
	})
	const addr, occ = "data.conference_sqmeeting_meeting.test", "data.conference_sqmeeting_meeting.occurrence"
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(fmt.Sprintf(`
data "conference_sqmeeting_meeting" "test" {
  id = %q
}
data "conference_sqmeeting_meeting" "occurrence" {
  id = %q
}
`, m.ReservationID, first.ReservationID)),
		ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
		ConfigStateChecks: []statecheck.StateCheck{
			acctest.Attr(addr, "type", knownvalue.StringExact("reservation")),
			acctest.Attr(addr, "name", knownvalue.StringExact("Read me")),
			acctest.Attr(addr, "start_time", acctest.Instant("2030-04-01T10:00:00Z")),
			acctest.Attr(addr, "meeting_number", knownvalue.StringExact(m.MeetingNumber)),
			acctest.Attr(addr, "password", knownvalue.StringExact("314159")),
			statecheck.ExpectSensitiveValue(addr, tfjsonpath.New("password")),
			statecheck.ExpectSensitiveValue(addr, tfjsonpath.New("live_passcode")),
			acctest.Attr(addr, "live_meeting_url", knownvalue.NotNull()),
			acctest.Attr(addr, "recurrence_gid", knownvalue.Null()),
			acctest.Attr(occ, "type", knownvalue.StringExact("recurrence")),
			acctest.Attr(occ, "recurrence_gid", knownvalue.StringExact(first.RecurrenceGID)),
		},
	})
}

// A missing object reads alike on every platform: "<platform> <noun> not
// found", on the argument that names it (as the PortSIP, Whereby and LINE
// Planet data sources' tests check for theirs).
func TestAccSQMeetingDataSourcesMissingObject(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(`
data "conference_sqmeeting_meeting" "gone" {
  id = "00000000-0000-4000-8000-000000000000"
}
`),
		ExpectError: acctest.ErrorMatching(`SQMeeting meeting not found`),
	}, resource.TestStep{
		Config: emu.Config(`
data "conference_sqmeeting_recurring_meeting" "gone" {
  id = "00000000-0000-4000-8000-000000000000"
}
`),
		ExpectError: acctest.ErrorMatching(`There is no SQMeeting recurring meeting with id "00000000-0000-4000-8000-000000000000"`),
	})
}
