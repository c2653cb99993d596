package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// The meetings list reads every page (the client asks 100 at a time) and
// passes the API's filter; a series is one item.
func TestAccSQMeetingMeetingsDataSource(t *testing.T) {
	emu := acctest.NewEmulator(t)
	var ids []string
	for i := range 105 {
		m := sqCreate(t, emu, "/meeting_schedule", map[string]any{
			"meeting_type": "reservation", "meeting_name": fmt.Sprintf("Bulk %03d", i),
			"schedule_start_time": ms("2030-04-01T10:00:00Z") + int64(i)*60_000, "schedule_end_time": ms("2030-04-01T11:00:00Z") + int64(i)*60_000,
		})
		ids = append(ids, m.ReservationID)
	}
	series := sqCreate(t, emu, "/meeting_schedule/recurrence", map[string]any{
		"meeting_name": "Weekly sync", "recurrence_type": "WEEKLY", "recurrenceDaysOfWeek": []int{2},
		"recurrenceStartTime": ms("2030-03-04T08:00:00Z"), "recurrenceEndTime": ms("2030-03-04T08:30:00Z"),
		"recurrenceEndDay": ms("2030-03-25T23:59:59Z"),
	})
	const bulk, weekly = "data.conference_sqmeeting_meetings.bulk", "data.conference_sqmeeting_meetings.weekly"
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(`
data "conference_sqmeeting_meetings" "bulk" {
  filter = "bulk"
}
data "conference_sqmeeting_meetings" "weekly" {
  filter = "weekly"
}
data "conference_sqmeeting_meetings" "all" {}
`),
		ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
		ConfigStateChecks: []statecheck.StateCheck{
			acctest.Attr("data.conference_sqmeeting_meetings.all", "meetings", knownvalue.ListSizeExact(106)),
			acctest.Attr(weekly, "meetings", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"id":             knownvalue.StringExact(series.ReservationID),
				"type":           knownvalue.StringExact("recurrence"),
				"recurrence_gid": knownvalue.StringExact(series.RecurrenceGID),
				"start_time":     acctest.Instant("2030-03-04T08:00:00Z"),
			})})),
		},
		Check: acctest.CheckListValues(bulk, "meetings", "id", ids),
	})
}
