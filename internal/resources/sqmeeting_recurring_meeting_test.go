package resources_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

const sqSeriesAddr = "conference_sqmeeting_recurring_meeting.test"

// The expected occurrences in these tests are written out by hand from a
// calendar, not computed by the provider's or the emulator's expansion.

func sqSeriesHCL(args ...string) string {
	return `
resource "conference_sqmeeting_recurring_meeting" "test" {
  ` + strings.Join(args, "\n  ") + `
}
`
}

// sqDaily is every other day at 09:00 UTC from Friday 2030-03-01 to
// 2030-03-09: the 1st, 3rd, 5th, 7th and 9th.
var sqDaily = []string{
	`name            = "Every other day"`,
	`recurrence_type = "DAILY"`,
	`interval        = 2`,
	`start_time      = "2030-03-01T09:00:00Z"`,
	`end_time        = "2030-03-01T09:30:00Z"`,
	`last_day        = "2030-03-09"`,
}

var sqDailyOccurrences = []string{
	"2030-03-01T09:00:00Z", "2030-03-01T09:30:00Z",
	"2030-03-03T09:00:00Z", "2030-03-03T09:30:00Z",
	"2030-03-05T09:00:00Z", "2030-03-05T09:30:00Z",
	"2030-03-07T09:00:00Z", "2030-03-07T09:30:00Z",
	"2030-03-09T09:00:00Z", "2030-03-09T09:30:00Z",
}

func TestAccSQMeetingRecurringMeeting_dailyWithInterval(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t,
		resource.TestStep{
			Config: emu.Config(sqSeriesHCL(sqDaily...)),
			ConfigPlanChecks: acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionCreate,
				plancheck.ExpectUnknownValue(sqSeriesAddr, tfjsonpath.New("occurrences"))),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Occurrences(sqSeriesAddr, sqDailyOccurrences...),
				acctest.Attr(sqSeriesAddr, "timezone", knownvalue.StringExact("UTC")),
				acctest.Attr(sqSeriesAddr, "skip_dates", knownvalue.Null()),
				acctest.Attr(sqSeriesAddr, "days_of_week", knownvalue.Null()),
				acctest.Attr(sqSeriesAddr, "meeting_number", acctest.Digits(8, 8)),
				acctest.Attr(sqSeriesAddr, "meeting_url", knownvalue.NotNull()),
				acctest.Attr(sqSeriesAddr, "password", acctest.Digits(6, 6)),
			},
		},
		resource.TestStep{
			ResourceName:      sqSeriesAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
	)
}

// Sunday, Monday and Friday of every other week from Monday 2030-03-04 to
// Sunday 2030-03-31. Weeks start on Sunday (SQMeeting's numbering, 1 =
// Sunday), so Sunday 2030-03-10 belongs to a week off, and Sunday 2030-03-17
// opens the next week on.
func TestAccSQMeetingRecurringMeeting_weeklySeveralDays(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(sqSeriesHCL(
			`name            = "Fortnightly"`,
			`recurrence_type = "WEEKLY"`,
			`interval        = 2`,
			`days_of_week    = [1, 2, 6]`,
			`start_time      = "2030-03-04T14:00:00Z"`,
			`end_time        = "2030-03-04T15:00:00Z"`,
			`last_day        = "2030-03-31"`,
		)),
		ConfigPlanChecks: acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionCreate),
		ConfigStateChecks: []statecheck.StateCheck{
			acctest.Occurrences(sqSeriesAddr,
				"2030-03-04T14:00:00Z", "2030-03-04T15:00:00Z", // Mon
				"2030-03-08T14:00:00Z", "2030-03-08T15:00:00Z", // Fri
				"2030-03-17T14:00:00Z", "2030-03-17T15:00:00Z", // Sun
				"2030-03-18T14:00:00Z", "2030-03-18T15:00:00Z", // Mon
				"2030-03-22T14:00:00Z", "2030-03-22T15:00:00Z", // Fri
				"2030-03-31T14:00:00Z", "2030-03-31T15:00:00Z", // Sun
			),
			acctest.Attr(sqSeriesAddr, "days_of_week", knownvalue.SetExact([]knownvalue.Check{
				knownvalue.Int64Exact(1), knownvalue.Int64Exact(2), knownvalue.Int64Exact(6),
			})),
		},
	})
}

// The 31st of every month in 2030: the months without one have no
// occurrence.
func TestAccSQMeetingRecurringMeeting_monthlyOn31st(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(sqSeriesHCL(
			`name            = "Month end"`,
			`recurrence_type = "MONTHLY"`,
			`days_of_month   = [31]`,
			`start_time      = "2030-01-31T16:00:00Z"`,
			`end_time        = "2030-01-31T17:00:00Z"`,
			`last_day        = "2030-12-31"`,
		)),
		ConfigPlanChecks: acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionCreate),
		ConfigStateChecks: []statecheck.StateCheck{acctest.Occurrences(sqSeriesAddr,
			"2030-01-31T16:00:00Z", "2030-01-31T17:00:00Z",
			"2030-03-31T16:00:00Z", "2030-03-31T17:00:00Z",
			"2030-05-31T16:00:00Z", "2030-05-31T17:00:00Z",
			"2030-07-31T16:00:00Z", "2030-07-31T17:00:00Z",
			"2030-08-31T16:00:00Z", "2030-08-31T17:00:00Z",
			"2030-10-31T16:00:00Z", "2030-10-31T17:00:00Z",
			"2030-12-31T16:00:00Z", "2030-12-31T17:00:00Z",
		)},
	})
}

// sqBerlin is Tuesdays and Thursdays at 09:00 in Berlin from 2030-03-19 to
// 2030-04-04, across the change to summer time on Sunday 2030-03-31: 08:00
// UTC before it, 07:00 UTC after.
var sqBerlin = []string{
	`name            = "Berlin stand-up"`,
	`recurrence_type = "WEEKLY"`,
	`days_of_week    = [3, 5]`,
	`timezone        = "Europe/Berlin"`,
	`start_time      = "2030-03-19T09:00:00+01:00"`,
	`end_time        = "2030-03-19T09:15:00+01:00"`,
	`last_day        = "2030-04-04"`,
}

var sqBerlinOccurrences = []string{
	"2030-03-19T08:00:00Z", "2030-03-19T08:15:00Z",
	"2030-03-21T08:00:00Z", "2030-03-21T08:15:00Z",
	"2030-03-26T08:00:00Z", "2030-03-26T08:15:00Z",
	"2030-03-28T08:00:00Z", "2030-03-28T08:15:00Z",
	"2030-04-02T07:00:00Z", "2030-04-02T07:15:00Z",
	"2030-04-04T07:00:00Z", "2030-04-04T07:15:00Z",
}

// The series stays at 09:00 in Berlin whatever zone the server expands
// rules in: with the server in UTC (the emulator's default) the provider
// moves the two occurrences after the change; with the server in Berlin
// nothing moves. A change of name afterwards keeps the times.
func TestAccSQMeetingRecurringMeeting_berlinDST(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		zone  *time.Location
		moves int
	}{"server in UTC": {nil, 2}, "server in Berlin": {berlin, 0}} {
		zone := tc.zone
		t.Run(name, func(t *testing.T) {
			emu := acctest.NewEmulatorWith(t, emulator.Options{SQMeeting: sqmeeting.Options{TimeZone: zone}})
			renamed := append([]string{`name = "Berlin stand-up, renamed"`}, sqBerlin[1:]...)
			acctest.Test(t,
				resource.TestStep{
					Config:            emu.Config(sqSeriesHCL(sqBerlin...)),
					ConfigPlanChecks:  acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionCreate),
					ConfigStateChecks: []statecheck.StateCheck{acctest.Occurrences(sqSeriesAddr, sqBerlinOccurrences...)},
					Check: resource.ComposeAggregateTestCheckFunc(sqSeriesOnServer(t, emu, sqBerlinOccurrences), func(*terraform.State) error {
						if n := sqOccurrenceUpdates(emu); n != tc.moves {
							return fmt.Errorf("the provider moved %d occurrences, want %d", n, tc.moves)
						}
						return nil
					}),
				},
				resource.TestStep{
					Config: emu.Config(sqSeriesHCL(renamed...)),
					// The occurrences are as they were, reservation IDs and all.
					ConfigPlanChecks: acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionUpdate,
						acctest.PlannedOccurrences(sqSeriesAddr, nil)),
					ConfigStateChecks: []statecheck.StateCheck{acctest.Occurrences(sqSeriesAddr, sqBerlinOccurrences...)},
					Check:             sqSeriesOnServer(t, emu, sqBerlinOccurrences),
				},
				resource.TestStep{
					ResourceName: sqSeriesAddr,
					ImportState:  true,
					ImportStateIdFunc: func(s *terraform.State) (string, error) {
						id, err := sqID(sqSeriesAddr)(s)
						return id + ",Europe/Berlin", err
					},
					ImportStateVerify: true,
					// Read back from the server in UTC.
					ImportStateVerifyIgnore: []string{"start_time", "end_time"},
				},
			)
		})
	}
}

// A weekly Monday meeting at 00:30 in Berlin is on Sunday evening in UTC:
// a server in UTC expands the rule on the wrong days, and the provider moves
// every occurrence to the Monday.
func TestAccSQMeetingRecurringMeeting_midnightInAnotherZone(t *testing.T) {
	emu := acctest.NewEmulator(t)
	want := []string{
		"2030-01-06T23:30:00Z", "2030-01-07T00:00:00Z", // Mon 2030-01-07 00:30 CET
		"2030-01-13T23:30:00Z", "2030-01-14T00:00:00Z",
		"2030-01-20T23:30:00Z", "2030-01-21T00:00:00Z",
	}
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(sqSeriesHCL(
			`name            = "Night shift handover"`,
			`recurrence_type = "WEEKLY"`,
			`days_of_week    = [2]`,
			`timezone        = "Europe/Berlin"`,
			`start_time      = "2030-01-07T00:30:00+01:00"`,
			`end_time        = "2030-01-07T01:00:00+01:00"`,
			`last_day        = "2030-01-21"`,
		)),
		ConfigPlanChecks:  acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionCreate),
		ConfigStateChecks: []statecheck.StateCheck{acctest.Occurrences(sqSeriesAddr, want...)},
		Check:             sqSeriesOnServer(t, emu, want),
	})
}

// skip_dates cancels occurrences and, removed, brings them back; each is an
// update in place, and the plan shows which occurrences go and come.
// Canceling needs no recurrence update.
func TestAccSQMeetingRecurringMeeting_skipDates(t *testing.T) {
	emu := acctest.NewEmulator(t)
	same := acctest.SameAcrossSteps()
	calls := sqCalls{emu: emu}
	skipped := append([]string{`skip_dates = ["2030-03-03", "2030-03-07"]`}, sqDaily...)
	acctest.Test(t,
		resource.TestStep{
			Config:            emu.Config(sqSeriesHCL(sqDaily...)),
			ConfigPlanChecks:  acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{same.AddStateValue(sqSeriesAddr, tfjsonpath.New("id"))},
		},
		resource.TestStep{
			PreConfig: calls.mark,
			Config:    emu.Config(sqSeriesHCL(skipped...)),
			ConfigPlanChecks: acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionUpdate,
				acctest.PlannedOccurrences(sqSeriesAddr, []string{"2030-03-03T09:00:00Z", "2030-03-07T09:00:00Z"})),
			ConfigStateChecks: []statecheck.StateCheck{
				same.AddStateValue(sqSeriesAddr, tfjsonpath.New("id")),
				acctest.Occurrences(sqSeriesAddr,
					"2030-03-01T09:00:00Z", "2030-03-01T09:30:00Z",
					"2030-03-05T09:00:00Z", "2030-03-05T09:30:00Z",
					"2030-03-09T09:00:00Z", "2030-03-09T09:30:00Z",
				),
				acctest.Attr(sqSeriesAddr, "skip_dates", knownvalue.SetExact([]knownvalue.Check{
					knownvalue.StringExact("2030-03-03"), knownvalue.StringExact("2030-03-07"),
				})),
			},
			Check: resource.ComposeAggregateTestCheckFunc(sqSeriesOnServer(t, emu, []string{
				"2030-03-01T09:00:00Z", "2030-03-01T09:30:00Z",
				"2030-03-05T09:00:00Z", "2030-03-05T09:30:00Z",
				"2030-03-09T09:00:00Z", "2030-03-09T09:30:00Z",
			}), calls.expect(0, 2)),
		},
		resource.TestStep{
			// A name change keeps the skipped dates skipped, and the
			// occurrences as they are.
			Config: emu.Config(sqSeriesHCL(append(skipped, `description = "now with an agenda"`)...)),
			ConfigPlanChecks: acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionUpdate,
				acctest.PlannedOccurrences(sqSeriesAddr, nil)),
			ConfigStateChecks: []statecheck.StateCheck{
				same.AddStateValue(sqSeriesAddr, tfjsonpath.New("id")),
				acctest.Attr(sqSeriesAddr, "occurrences", knownvalue.ListSizeExact(3)),
			},
		},
		resource.TestStep{
			Config: emu.Config(sqSeriesHCL(append([]string{`skip_dates = []`}, sqDaily...)...)),
			ConfigPlanChecks: acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionUpdate,
				acctest.PlannedOccurrences(sqSeriesAddr, nil,
					"2030-03-03T09:00:00Z", "2030-03-03T09:30:00Z", "2030-03-07T09:00:00Z", "2030-03-07T09:30:00Z")),
			ConfigStateChecks: []statecheck.StateCheck{
				same.AddStateValue(sqSeriesAddr, tfjsonpath.New("id")),
				acctest.Occurrences(sqSeriesAddr, sqDailyOccurrences...),
				acctest.Attr(sqSeriesAddr, "skip_dates", knownvalue.SetSizeExact(0)),
			},
			Check: sqSeriesOnServer(t, emu, sqDailyOccurrences),
		},
	)
}

// Changes behind Terraform's back: a canceled occurrence shows in
// skip_dates and comes back, a moved one is put back, a changed setting is
// restored, and a deleted series is created again.
func TestAccSQMeetingRecurringMeeting_drift(t *testing.T) {
	emu := acctest.NewEmulator(t)
	config := emu.Config(sqSeriesHCL(append([]string{`password = "246810"`}, sqDaily...)...))
	occurrence := func(s *terraform.State, i int) string {
		id, err := acctest.StateAttr(s, sqSeriesAddr, fmt.Sprintf("occurrences.%d.reservation_id", i))
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	var state *terraform.State
	keep := func(s *terraform.State) error { state = s; return nil }
	acctest.Test(t,
		resource.TestStep{
			Config:           config,
			ConfigPlanChecks: acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionCreate),
			Check:            keep,
		},
		resource.TestStep{
			// The 5th is canceled in SQMeeting: the refresh shows it skipped.
			PreConfig: func() {
				emu.SQMeeting(t, http.MethodDelete, "/meeting_schedule/"+occurrence(state, 2), nil, http.StatusOK, http.StatusNoContent)
			},
			Config:             config,
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		},
		resource.TestStep{
			// The next apply restores it.
			Config:            config,
			ConfigPlanChecks:  acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{acctest.Occurrences(sqSeriesAddr, sqDailyOccurrences...)},
			Check:             resource.ComposeAggregateTestCheckFunc(sqSeriesOnServer(t, emu, sqDailyOccurrences), keep),
		},
		resource.TestStep{
			// One occurrence moved by an hour, and the series' password
			// changed: both are put back.
			PreConfig: func() {
				emu.SQMeeting(t, http.MethodPost, "/meeting_schedule/"+occurrence(state, 1), map[string]any{
					"schedule_start_time": time.Date(2030, 3, 3, 10, 0, 0, 0, time.UTC).UnixMilli(),
					"schedule_end_time":   time.Date(2030, 3, 3, 10, 30, 0, 0, time.UTC).UnixMilli(),
				}, http.StatusOK, http.StatusNoContent)
				emu.SQMeeting(t, http.MethodPost, "/meeting_schedule/recurrence/"+state.RootModule().Resources[sqSeriesAddr].Primary.ID,
					map[string]any{"meeting_password": "000000"}, http.StatusOK, http.StatusNoContent)
			},
			Config:           config,
			ConfigPlanChecks: acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Occurrences(sqSeriesAddr, sqDailyOccurrences...),
				acctest.Attr(sqSeriesAddr, "password", knownvalue.StringExact("246810")),
			},
			Check: resource.ComposeAggregateTestCheckFunc(sqSeriesOnServer(t, emu, sqDailyOccurrences), keep),
		},
		resource.TestStep{
			// Deleted: created again.
			PreConfig: func() {
				emu.SQMeeting(t, http.MethodDelete, "/meeting_schedule/"+occurrence(state, 0)+"?deleteGroup=true", nil, http.StatusOK, http.StatusNoContent)
			},
			Config:            config,
			ConfigPlanChecks:  acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{acctest.Occurrences(sqSeriesAddr, sqDailyOccurrences...)},
		},
	)
}

// The plan lists exactly the occurrences a change adds and removes, and the
// apply gives them: a Berlin series with the server in Berlin, and in UTC,
// where every recurrence update makes the occurrences anew at the server's
// times and the provider puts each reservation ID back where the plan showed
// it.
func TestAccSQMeetingRecurringMeeting_plannedOccurrences(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	for name, zone := range map[string]*time.Location{"server in UTC": nil, "server in Berlin": berlin} {
		t.Run(name, func(t *testing.T) { testPlannedOccurrences(t, zone) })
	}
}

func testPlannedOccurrences(t *testing.T, zone *time.Location) {
	emu := acctest.NewEmulatorWith(t, emulator.Options{SQMeeting: sqmeeting.Options{TimeZone: zone}})
	calls := sqCalls{emu: emu}
	with := func(args ...string) string {
		return emu.Config(sqSeriesHCL(append(slices.Clone(sqBerlin), args...)...))
	}
	renamed := func(args ...string) string {
		return with(append([]string{`description = "renamed"`}, args...)...)
	}
	without := func(all []string, starts ...string) []string {
		var out []string
		for i := 0; i < len(all); i += 2 {
			if !slices.Contains(starts, all[i]) {
				out = append(out, all[i], all[i+1])
			}
		}
		return out
	}
	skipped := without(sqBerlinOccurrences, "2030-04-02T07:00:00Z")
	tuesdays := without(sqBerlinOccurrences, "2030-03-21T08:00:00Z", "2030-03-28T08:00:00Z", "2030-04-04T07:00:00Z")
	acctest.Test(t,
		resource.TestStep{
			Config:           with(),
			ConfigPlanChecks: acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionCreate),
		},
		resource.TestStep{
			// One skip date: only its occurrence goes, canceled alone.
			PreConfig: calls.mark,
			Config:    with(`skip_dates = ["2030-04-02"]`),
			ConfigPlanChecks: acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionUpdate,
				acctest.PlannedOccurrences(sqSeriesAddr, []string{"2030-04-02T07:00:00Z"})),
			ConfigStateChecks: []statecheck.StateCheck{acctest.Occurrences(sqSeriesAddr, skipped...)},
			Check:             resource.ComposeAggregateTestCheckFunc(sqSeriesOnServer(t, emu, skipped), calls.expect(0, 1)),
		},
		resource.TestStep{
			// Another argument: the recurrence update makes every occurrence
			// anew, and the 2nd of April comes back under a new ID; the
			// plan shows no occurrence change, and the apply keeps to it.
			PreConfig: calls.mark,
			Config:    renamed(`skip_dates = ["2030-04-02"]`),
			ConfigPlanChecks: acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionUpdate,
				acctest.PlannedOccurrences(sqSeriesAddr, nil)),
			ConfigStateChecks: []statecheck.StateCheck{acctest.Occurrences(sqSeriesAddr, skipped...)},
			Check:             resource.ComposeAggregateTestCheckFunc(sqSeriesOnServer(t, emu, skipped), calls.expect(1, 1)),
		},
		resource.TestStep{
			// The skip date removed: only its occurrence comes back.
			Config: renamed(),
			ConfigPlanChecks: acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionUpdate,
				acctest.PlannedOccurrences(sqSeriesAddr, nil, "2030-04-02T07:00:00Z", "2030-04-02T07:15:00Z")),
			ConfigStateChecks: []statecheck.StateCheck{acctest.Occurrences(sqSeriesAddr, sqBerlinOccurrences...)},
			Check:             sqSeriesOnServer(t, emu, sqBerlinOccurrences),
		},
		resource.TestStep{
			// Tuesdays only: the Thursdays go.
			Config: emu.Config(sqSeriesHCL(append([]string{`description = "renamed"`, `days_of_week = [3]`},
				slices.DeleteFunc(slices.Clone(sqBerlin), func(s string) bool { return strings.HasPrefix(s, "days_of_week") })...)...)),
			ConfigPlanChecks: acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionUpdate,
				acctest.PlannedOccurrences(sqSeriesAddr, []string{"2030-03-21T08:00:00Z", "2030-03-28T08:00:00Z", "2030-04-04T07:00:00Z"})),
			ConfigStateChecks: []statecheck.StateCheck{acctest.Occurrences(sqSeriesAddr, tuesdays...)},
			Check:             sqSeriesOnServer(t, emu, tuesdays),
		},
		resource.TestStep{
			// Every other Tuesday: the 26th of March goes (weeks start on
			// Sunday, and the week of the 24th is off).
			Config: emu.Config(sqSeriesHCL(append([]string{`description = "renamed"`, `days_of_week = [3]`, `interval = 2`},
				slices.DeleteFunc(slices.Clone(sqBerlin), func(s string) bool { return strings.HasPrefix(s, "days_of_week") })...)...)),
			ConfigPlanChecks: acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionUpdate,
				acctest.PlannedOccurrences(sqSeriesAddr, []string{"2030-03-26T08:00:00Z"})),
			ConfigStateChecks: []statecheck.StateCheck{acctest.Occurrences(sqSeriesAddr,
				"2030-03-19T08:00:00Z", "2030-03-19T08:15:00Z", "2030-04-02T07:00:00Z", "2030-04-02T07:15:00Z")},
		},
	)
}

// Every argument changes in place, the rule's too; an import reads it all
// back.
func TestAccSQMeetingRecurringMeeting_updateInPlace(t *testing.T) {
	emu := acctest.NewEmulator(t)
	same := acctest.SameAcrossSteps()
	carol := emu.SQMeetingUserID(t, "carol")
	acctest.Test(t,
		resource.TestStep{
			Config:            emu.Config(sqSeriesHCL(sqDaily...)),
			ConfigPlanChecks:  acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{same.AddStateValue(sqSeriesAddr, tfjsonpath.New("id"))},
		},
		resource.TestStep{
			// DAILY -> MONTHLY on the 1st and 15th, at another time, with
			// every setting changed.
			Config: emu.Config(sqSeriesHCL(
				`name             = "Twice a month"`,
				`description      = "Planning"`,
				`recurrence_type  = "MONTHLY"`,
				`days_of_month    = [1, 15]`,
				`start_time       = "2030-03-01T13:00:00Z"`,
				`end_time         = "2030-03-01T14:00:00Z"`,
				`last_day         = "2030-04-30"`,
				`password         = ""`,
				`invited_user_ids = ["`+carol+`"]`,
				`call_rate_type   = "1024K"`,
				`mute_upon_entry  = true`,
				`guest_dial_in    = false`,
				`watermark        = true`,
			)),
			// Every occurrence goes, as none is at a new time.
			ConfigPlanChecks: acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionUpdate,
				acctest.PlannedOccurrences(sqSeriesAddr,
					[]string{"2030-03-01T09:00:00Z", "2030-03-03T09:00:00Z", "2030-03-05T09:00:00Z", "2030-03-07T09:00:00Z", "2030-03-09T09:00:00Z"},
					"2030-03-01T13:00:00Z", "2030-03-01T14:00:00Z",
					"2030-03-15T13:00:00Z", "2030-03-15T14:00:00Z",
					"2030-04-01T13:00:00Z", "2030-04-01T14:00:00Z",
					"2030-04-15T13:00:00Z", "2030-04-15T14:00:00Z",
				)),
			ConfigStateChecks: []statecheck.StateCheck{
				same.AddStateValue(sqSeriesAddr, tfjsonpath.New("id")),
				acctest.Occurrences(sqSeriesAddr,
					"2030-03-01T13:00:00Z", "2030-03-01T14:00:00Z",
					"2030-03-15T13:00:00Z", "2030-03-15T14:00:00Z",
					"2030-04-01T13:00:00Z", "2030-04-01T14:00:00Z",
					"2030-04-15T13:00:00Z", "2030-04-15T14:00:00Z",
				),
				acctest.Attr(sqSeriesAddr, "name", knownvalue.StringExact("Twice a month")),
				acctest.Attr(sqSeriesAddr, "password", knownvalue.StringExact("")),
				acctest.Attr(sqSeriesAddr, "invited_user_ids", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(carol)})),
				acctest.Attr(sqSeriesAddr, "call_rate_type", knownvalue.StringExact("1024K")),
				acctest.Attr(sqSeriesAddr, "interval", knownvalue.Int64Exact(1)),
				acctest.Attr(sqSeriesAddr, "days_of_week", knownvalue.Null()),
			},
		},
		resource.TestStep{
			// Into the administrator's meeting room: its number; the
			// password stays "" as configured.
			Config: emu.Config(`
data "conference_sqmeeting_meeting_rooms" "mine" {}
` + sqSeriesHCL(
				`name             = "Twice a month"`,
				`description      = "Planning"`,
				`recurrence_type  = "MONTHLY"`,
				`days_of_month    = [1, 15]`,
				`start_time       = "2030-03-01T13:00:00Z"`,
				`end_time         = "2030-03-01T14:00:00Z"`,
				`last_day         = "2030-04-30"`,
				`password         = ""`,
				`meeting_room_id  = data.conference_sqmeeting_meeting_rooms.mine.meeting_rooms[0].id`,
			)),
			ConfigPlanChecks: acctest.ExpectAction(sqSeriesAddr, plancheck.ResourceActionUpdate,
				acctest.PlannedOccurrences(sqSeriesAddr, nil),
				plancheck.ExpectUnknownValue(sqSeriesAddr, tfjsonpath.New("meeting_number")),
				plancheck.ExpectKnownValue(sqSeriesAddr, tfjsonpath.New("password"), knownvalue.StringExact(""))),
			ConfigStateChecks: []statecheck.StateCheck{
				same.AddStateValue(sqSeriesAddr, tfjsonpath.New("id")),
				acctest.Attr(sqSeriesAddr, "meeting_number", knownvalue.StringExact("90000001")),
				acctest.Attr(sqSeriesAddr, "invited_user_ids", knownvalue.Null()),
				acctest.Attr(sqSeriesAddr, "occurrences", knownvalue.ListSizeExact(4)),
			},
		},
		resource.TestStep{
			ResourceName:      sqSeriesAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
		resource.TestStep{
			ResourceName:  sqSeriesAddr,
			ImportState:   true,
			ImportStateId: "some-id,Mars/Olympus_Mons",
			ExpectError:   acctest.ErrorMatching(`"Mars/Olympus_Mons" after the comma is not an IANA time zone`),
		},
	)
}

// Every rule constraint fails at plan time, before any request.
func TestAccSQMeetingRecurringMeeting_planTimeErrors(t *testing.T) {
	emu := acctest.NewEmulator(t)
	base := map[string]string{
		"name": `"Rules"`, "recurrence_type": `"WEEKLY"`, "days_of_week": `[2]`,
		"start_time": `"2030-03-04T09:00:00Z"`, "end_time": `"2030-03-04T10:00:00Z"`, "last_day": `"2030-03-25"`,
	}
	with := func(changes map[string]string) string {
		args := make([]string, 0, len(base)+len(changes))
		for k, v := range base {
			if nv, ok := changes[k]; ok {
				v = nv
			}
			if v != "" {
				args = append(args, k+" = "+v)
			}
		}
		for k, v := range changes {
			if _, ok := base[k]; !ok {
				args = append(args, k+" = "+v)
			}
		}
		return emu.Config(sqSeriesHCL(args...))
	}
	cases := []struct {
		changes map[string]string
		want    string
	}{
		{map[string]string{"recurrence_type": `"YEARLY"`}, `recurrence_type must be one of "DAILY", "WEEKLY" or "MONTHLY"; got "YEARLY".`},
		{map[string]string{"recurrence_type": `"weekly"`}, `recurrence_type must be written "WEEKLY", not "weekly": the values are case-sensitive.`},
		{map[string]string{"recurrence_type": `"DAILY"`}, `days_of_week applies to WEEKLY series only, and recurrence_type is DAILY`},
		{map[string]string{"days_of_week": ``}, `days_of_week is required for a WEEKLY series`},
		{map[string]string{"days_of_month": `[4]`}, `days_of_month applies to MONTHLY series only, and recurrence_type is WEEKLY`},
		{map[string]string{"recurrence_type": `"MONTHLY"`, "days_of_week": ``}, `days_of_month is required for a MONTHLY series`},
		{map[string]string{"days_of_week": `[2, 8]`}, `days_of_week holds 8, which is not a day of the week`},
		{map[string]string{"days_of_week": `[0, 2]`}, `days_of_week holds 0, which is not a day of the week: days are numbered as SQMeeting numbers them, ` +
			`1 = Sunday, 2 = Monday, 3 = Tuesday, 4 = Wednesday, 5 = Thursday, 6 = Friday, 7 = Saturday. Sunday is 1, not 0.`},
		{map[string]string{"recurrence_type": `"MONTHLY"`, "days_of_week": ``, "days_of_month": `[4, 32]`}, `value must be between 1 and 31`},
		{map[string]string{"interval": `0`}, `interval value must be between 1 and 99`},
		{map[string]string{"interval": `13`}, `interval must be from 1 to 12 for WEEKLY`},
		{map[string]string{"end_time": `"2030-03-04T09:00:00Z"`}, `end_time (2030-03-04T09:00:00Z) must be after start_time (2030-03-04T09:00:00Z)`},
		{map[string]string{"days_of_week": `[3]`}, `start_time is the first occurrence, so it must fall on a day of the series: 2030-03-04 in UTC is a Monday`},
		{map[string]string{"last_day": `"2030-03-03"`}, `last_day (2030-03-03) must not be before the first occurrence's day (2030-03-04 in UTC)`},
		{map[string]string{"last_day": `"2030-3-25"`}, `last_day must be a date written YYYY-MM-DD`},
		{map[string]string{"last_day": `"2027-02-30"`}, `last_day must be a day of the calendar; 2027-02-30 does not exist: February 2027 has 28 days`},
		{map[string]string{"skip_dates": `["2030-03-32"]`}, `skip_dates must be a day of the calendar; 2030-03-32 does not exist: March 2030 has 31 days`},
		{map[string]string{"start_time": `"2030-02-29T09:00:00Z"`}, `start_time must be a time that exists; 2030-02-29 does not exist: February 2030 has 28 days`},
		{map[string]string{"skip_dates": `["2030-04-01"]`}, `skip_dates holds 2030-04-01, which is not a day of the series between 2030-03-04 and last_day 2030-03-25`},
		{map[string]string{"skip_dates": `["2030-03-05"]`}, `skip_dates holds 2030-03-05, which is not a day of the series`},
		{map[string]string{"skip_dates": `["2030-03-04", "2030-03-11", "2030-03-18", "2030-03-25"]`}, `skip_dates cancels every occurrence of the series`},
		{map[string]string{"timezone": `"Mars/Olympus_Mons"`}, `must be an IANA time zone name`},
		{map[string]string{"recurrence_type": `"DAILY"`, "days_of_week": ``, "last_day": `"2033-12-31"`}, `the series has more than 1000 occurrences before last_day 2033-12-31`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{Config: with(c.changes), PlanOnly: true, ExpectError: acctest.ErrorMatching(c.want)})
	}
	acctest.Test(t, steps...)
	if n := len(emu.JournalEntries()); n != 0 {
		t.Errorf("plan-time errors reached the API: %d requests", n)
	}
}

// sqCalls counts the recurrence updates and occurrence cancellations the
// emulator serves during a step, from mark (a PreConfig) on.
type sqCalls struct {
	emu  *acctest.Emulator
	from int
}

func (c *sqCalls) mark() { c.from = len(c.emu.JournalEntries()) }

// expect checks the counts since mark.
func (c *sqCalls) expect(seriesUpdates, cancels int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		u, d := 0, 0
		for _, e := range c.emu.JournalEntries()[c.from:] {
			switch {
			case e.Method == http.MethodPost && strings.HasPrefix(e.Path, "/api/v1/meeting_schedule/recurrence/"):
				u++
			case e.Method == http.MethodDelete && strings.HasPrefix(e.Path, "/api/v1/meeting_schedule/"):
				d++
			}
		}
		if u != seriesUpdates || d != cancels {
			return fmt.Errorf("%d recurrence updates and %d cancellations, want %d and %d", u, d, seriesUpdates, cancels)
		}
		return nil
	}
}

// sqOccurrenceUpdates counts the updates of single occurrences the emulator
// has served: the provider's moves.
func sqOccurrenceUpdates(emu *acctest.Emulator) int {
	n := 0
	for _, e := range emu.JournalEntries() {
		if rest, ok := strings.CutPrefix(e.Path, "/api/v1/meeting_schedule/"); ok && e.Method == http.MethodPost && !strings.Contains(rest, "/") && rest != "recurrence" {
			n++
		}
	}
	return n
}

// sqSeriesOnServer checks the occurrences SQMeeting holds for the series in
// state, first to last, against start and end pairs.
func sqSeriesOnServer(t *testing.T, emu *acctest.Emulator, startEnd []string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := acctest.StateAttr(s, sqSeriesAddr, "id")
		if err != nil {
			return err
		}
		var page struct {
			Meetings []struct {
				Start int64 `json:"schedule_start_time"`
				End   int64 `json:"schedule_end_time"`
			} `json:"scheduled_meetings"`
		}
		raw := emu.SQMeeting(t, http.MethodGet, "/meeting_schedule/recurrence/"+id+"?page_size=500", nil, http.StatusOK)
		if err := json.Unmarshal(raw, &page); err != nil {
			return err
		}
		var got []string
		for _, m := range page.Meetings {
			got = append(got, time.UnixMilli(m.Start).UTC().Format(time.RFC3339), time.UnixMilli(m.End).UTC().Format(time.RFC3339))
		}
		if strings.Join(got, " ") != strings.Join(startEnd, " ") {
			return fmt.Errorf("SQMeeting holds\n  %v\nwant\n  %v", got, startEnd)
		}
		return nil
	}
}
