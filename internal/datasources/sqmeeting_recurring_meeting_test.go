package datasources_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

// A series with its occurrences, read in the zone the caller names; an
// occurrence canceled in SQMeeting is a skipped date.
func TestAccSQMeetingRecurringMeetingDataSource(t *testing.T) {
	emu := acctest.NewEmulatorWith(t, emulator.Options{SQMeeting: sqmeeting.Options{TimeZone: mustZone(t, "Europe/Berlin")}})
	// Mondays and Thursdays at 09:00 in Berlin, 2030-03-25 to 2030-04-04,
	// across the change to summer time on 2030-03-31: the expected times are
	// written out from a calendar.
	first := sqCreate(t, emu, "/meeting_schedule/recurrence", map[string]any{
		"meeting_name": "Berlin series", "recurrence_type": "WEEKLY", "recurrenceDaysOfWeek": []int{2, 5},
		"recurrenceStartTime": ms("2030-03-25T09:00:00+01:00"), "recurrenceEndTime": ms("2030-03-25T10:00:00+01:00"),
		"recurrenceEndDay": ms("2030-04-04T23:59:59+02:00"),
	})
	const addr = "data.conference_sqmeeting_recurring_meeting.test"
	config := emu.Config(fmt.Sprintf(`
data "conference_sqmeeting_recurring_meeting" "test" {
  id       = %q
  timezone = "Europe/Berlin"
}
`, first.RecurrenceGID))
	acctest.Test(t,
		resource.TestStep{
			Config:           config,
			ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(addr, "name", knownvalue.StringExact("Berlin series")),
				acctest.Attr(addr, "recurrence_type", knownvalue.StringExact("WEEKLY")),
				acctest.Attr(addr, "interval", knownvalue.Int64Exact(1)),
				acctest.Attr(addr, "days_of_week", knownvalue.SetExact([]knownvalue.Check{knownvalue.Int64Exact(2), knownvalue.Int64Exact(5)})),
				acctest.Attr(addr, "days_of_month", knownvalue.Null()),
				acctest.Attr(addr, "last_day", knownvalue.StringExact("2030-04-04")),
				acctest.Attr(addr, "skip_dates", knownvalue.Null()),
				acctest.Occurrences(addr,
					"2030-03-25T08:00:00Z", "2030-03-25T09:00:00Z", // Mon
					"2030-03-28T08:00:00Z", "2030-03-28T09:00:00Z", // Thu
					"2030-04-01T07:00:00Z", "2030-04-01T08:00:00Z", // Mon, summer time
					"2030-04-04T07:00:00Z", "2030-04-04T08:00:00Z", // Thu
				),
			},
		},
		resource.TestStep{
			PreConfig: func() {
				emu.SQMeeting(t, http.MethodDelete, "/meeting_schedule/"+first.ReservationID, nil, http.StatusOK, http.StatusNoContent)
			},
			Config:           config,
			ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(addr, "skip_dates", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("2030-03-25")})),
				acctest.Attr(addr, "occurrences", knownvalue.ListSizeExact(3)),
			},
		},
	)
}
