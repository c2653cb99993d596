package resources_test

import (
	"fmt"
	"net/http"
	"regexp"
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
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

const sqMeetingAddr = "conference_sqmeeting_meeting.test"

// sqMeetingHCL renders the meeting resource with the given arguments.
func sqMeetingHCL(args ...string) string {
	return `
resource "conference_sqmeeting_meeting" "test" {
  ` + strings.Join(args, "\n  ") + `
}
`
}

// sqID reads the meeting's reservation ID from state.
func sqID(addr string) func(*terraform.State) (string, error) {
	return func(s *terraform.State) (string, error) { return acctest.StateAttr(s, addr, "id") }
}

// A reservation meeting: created, the same instants written another way
// (no diff), updated in place, cleared, imported.
func TestAccSQMeetingMeeting_reservation(t *testing.T) {
	emu := acctest.NewEmulator(t)
	same := acctest.SameAcrossSteps()
	alice, bob := emu.SQMeetingUserID(t, "alice"), emu.SQMeetingUserID(t, "bob")
	// The invitee found by name, as a configuration would.
	review := func(start, end string) string {
		return emu.Config(`
data "conference_sqmeeting_users" "alice" {
  filter = "alice"
}
` + sqMeetingHCL(
			`name             = "Design review"`,
			`description      = "Q2 roadmap"`,
			`start_time       = "`+start+`"`,
			`end_time         = "`+end+`"`,
			`invited_user_ids = [data.conference_sqmeeting_users.alice.users[0].id]`,
		))
	}
	acctest.Test(t,
		resource.TestStep{
			Config:           review("2030-03-04T10:00:00+01:00", "2030-03-04T11:30:00+01:00"),
			ConfigPlanChecks: acctest.ExpectAction(sqMeetingAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				same.AddStateValue(sqMeetingAddr, tfjsonpath.New("id")),
				acctest.Attr(sqMeetingAddr, "type", knownvalue.StringExact("reservation")),
				acctest.Attr(sqMeetingAddr, "start_time", knownvalue.StringExact("2030-03-04T10:00:00+01:00")),
				acctest.Attr(sqMeetingAddr, "meeting_number", acctest.Digits(8, 8)),
				acctest.Attr(sqMeetingAddr, "meeting_url", knownvalue.StringRegexp(regexp.MustCompile(`/j/[A-Za-z0-9]{12}$`))),
				// Not set: the server generates one.
				acctest.Attr(sqMeetingAddr, "password", acctest.Digits(6, 6)),
				acctest.Attr(sqMeetingAddr, "call_rate_type", knownvalue.StringExact("2048K")),
				acctest.Attr(sqMeetingAddr, "time_to_join", knownvalue.Int64Exact(30)),
				acctest.Attr(sqMeetingAddr, "guest_dial_in", knownvalue.Bool(true)),
				acctest.Attr(sqMeetingAddr, "mute_upon_entry", knownvalue.Bool(false)),
				acctest.Attr(sqMeetingAddr, "watermark_type", knownvalue.StringExact("single")),
				acctest.Attr(sqMeetingAddr, "generate_live_url", knownvalue.Bool(false)),
				acctest.Attr(sqMeetingAddr, "live_meeting_url", knownvalue.Null()),
				acctest.Attr(sqMeetingAddr, "meeting_room_id", knownvalue.Null()),
				acctest.Attr(sqMeetingAddr, "owner_name", knownvalue.StringExact("Administrator")),
				acctest.Attr(sqMeetingAddr, "owner_id", knownvalue.NotNull()),
			},
			Check: func(s *terraform.State) error {
				got, err := acctest.StateAttr(s, sqMeetingAddr, "invited_user_ids.0")
				if err != nil {
					return err
				}
				if got != alice {
					return fmt.Errorf("invited_user_ids.0 = %q, want alice's ID %q", got, alice)
				}
				return nil
			},
		},
		resource.TestStep{
			// The same instants in UTC: not a change.
			Config:   review("2030-03-04T09:00:00Z", "2030-03-04T10:30:00Z"),
			PlanOnly: true,
		},
		resource.TestStep{
			// Everything a reservation meeting can change, in place.
			Config: emu.Config(sqMeetingHCL(
				`name              = "Design review (moved)"`,
				`description       = "Q2 roadmap, second pass"`,
				`start_time        = "2030-03-05T09:00:00Z"`,
				`end_time          = "2030-03-05T10:00:00Z"`,
				`invited_user_ids  = ["`+alice+`", "`+bob+`"]`,
				`password          = ""`,
				`call_rate_type    = "4096K"`,
				`mute_upon_entry   = true`,
				`guest_dial_in     = false`,
				`watermark         = true`,
				`time_to_join      = -1`,
				`generate_live_url = true`,
			)),
			ConfigPlanChecks: acctest.ExpectAction(sqMeetingAddr, plancheck.ResourceActionUpdate,
				plancheck.ExpectUnknownValue(sqMeetingAddr, tfjsonpath.New("live_meeting_url"))),
			ConfigStateChecks: []statecheck.StateCheck{
				same.AddStateValue(sqMeetingAddr, tfjsonpath.New("id")),
				acctest.Attr(sqMeetingAddr, "name", knownvalue.StringExact("Design review (moved)")),
				acctest.Attr(sqMeetingAddr, "start_time", knownvalue.StringExact("2030-03-05T09:00:00Z")),
				acctest.Attr(sqMeetingAddr, "invited_user_ids", knownvalue.SetSizeExact(2)),
				acctest.Attr(sqMeetingAddr, "password", knownvalue.StringExact("")),
				acctest.Attr(sqMeetingAddr, "call_rate_type", knownvalue.StringExact("4096K")),
				acctest.Attr(sqMeetingAddr, "mute_upon_entry", knownvalue.Bool(true)),
				acctest.Attr(sqMeetingAddr, "guest_dial_in", knownvalue.Bool(false)),
				acctest.Attr(sqMeetingAddr, "watermark", knownvalue.Bool(true)),
				acctest.Attr(sqMeetingAddr, "time_to_join", knownvalue.Int64Exact(-1)),
				acctest.Attr(sqMeetingAddr, "live_meeting_url", knownvalue.StringRegexp(regexp.MustCompile(`/live/`))),
				acctest.Attr(sqMeetingAddr, "live_passcode", acctest.Digits(6, 6)),
			},
		},
		resource.TestStep{
			// Cleared: no description, no invitees (spelled []), no live
			// stream; the password left out of the configuration stays "".
			Config: emu.Config(sqMeetingHCL(
				`name             = "Design review (moved)"`,
				`start_time       = "2030-03-05T09:00:00Z"`,
				`end_time         = "2030-03-05T10:00:00Z"`,
				`invited_user_ids = []`,
			)),
			ConfigPlanChecks: acctest.ExpectAction(sqMeetingAddr, plancheck.ResourceActionUpdate,
				plancheck.ExpectKnownValue(sqMeetingAddr, tfjsonpath.New("live_meeting_url"), knownvalue.Null())),
			ConfigStateChecks: []statecheck.StateCheck{
				same.AddStateValue(sqMeetingAddr, tfjsonpath.New("id")),
				acctest.Attr(sqMeetingAddr, "description", knownvalue.Null()),
				acctest.Attr(sqMeetingAddr, "invited_user_ids", knownvalue.SetSizeExact(0)),
				acctest.Attr(sqMeetingAddr, "password", knownvalue.StringExact("")),
				acctest.Attr(sqMeetingAddr, "generate_live_url", knownvalue.Bool(false)),
				acctest.Attr(sqMeetingAddr, "live_passcode", knownvalue.Null()),
			},
			Check: func(s *terraform.State) error {
				id, _ := acctest.StateAttr(s, sqMeetingAddr, "id")
				body := string(emu.SQMeeting(t, http.MethodGet, "/meeting_schedule/"+id, nil, http.StatusOK))
				if strings.Contains(body, alice) || strings.Contains(body, "second pass") {
					return fmt.Errorf("SQMeeting still holds an invitee or the description: %s", body)
				}
				return nil
			},
		},
		resource.TestStep{
			ResourceName:      sqMeetingAddr,
			ImportState:       true,
			ImportStateVerify: true,
			// The configuration's `[]` reads back as null without one.
			ImportStateVerifyIgnore: []string{"invited_user_ids"},
		},
	)
}

// An instant meeting cannot be updated: every change replaces it, and so
// does a change of type either way.
func TestAccSQMeetingMeeting_instantReplaced(t *testing.T) {
	emu := acctest.NewEmulator(t)
	ids := acctest.NewEachStep()
	acctest.Test(t,
		resource.TestStep{
			PreConfig:        func() { emu.FreezeClock(t, "2030-01-07T09:00:00Z") },
			Config:           emu.Config(sqMeetingHCL(`type = "instant"`, `name = "Quick sync"`, `password = "424242"`)),
			ConfigPlanChecks: acctest.ExpectAction(sqMeetingAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				ids.AddStateValue(sqMeetingAddr, tfjsonpath.New("id")),
				acctest.Attr(sqMeetingAddr, "type", knownvalue.StringExact("instant")),
				// It starts now, for two hours.
				acctest.Attr(sqMeetingAddr, "start_time", acctest.Instant("2030-01-07T09:00:00Z")),
				acctest.Attr(sqMeetingAddr, "end_time", acctest.Instant("2030-01-07T11:00:00Z")),
				acctest.Attr(sqMeetingAddr, "password", knownvalue.StringExact("424242")),
			},
		},
		resource.TestStep{
			Config: emu.Config(sqMeetingHCL(`type = "instant"`, `name = "Quick sync, renamed"`, `password = "424242"`)),
			ConfigPlanChecks: acctest.ExpectAction(sqMeetingAddr, plancheck.ResourceActionDestroyBeforeCreate,
				plancheck.ExpectUnknownValue(sqMeetingAddr, tfjsonpath.New("meeting_number"))),
			ConfigStateChecks: []statecheck.StateCheck{
				ids.AddStateValue(sqMeetingAddr, tfjsonpath.New("id")),
				acctest.Attr(sqMeetingAddr, "name", knownvalue.StringExact("Quick sync, renamed")),
			},
		},
		resource.TestStep{
			// instant -> reservation.
			Config: emu.Config(sqMeetingHCL(`name = "Quick sync, renamed"`, `password = "424242"`,
				`start_time = "2030-01-08T09:00:00Z"`, `end_time = "2030-01-08T09:30:00Z"`)),
			ConfigPlanChecks: acctest.ExpectAction(sqMeetingAddr, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				ids.AddStateValue(sqMeetingAddr, tfjsonpath.New("id")),
				acctest.Attr(sqMeetingAddr, "type", knownvalue.StringExact("reservation")),
			},
		},
		resource.TestStep{
			// reservation -> instant.
			Config:           emu.Config(sqMeetingHCL(`type = "instant"`, `name = "Quick sync, renamed"`, `password = "424242"`)),
			ConfigPlanChecks: acctest.ExpectAction(sqMeetingAddr, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				ids.AddStateValue(sqMeetingAddr, tfjsonpath.New("id")),
				acctest.Attr(sqMeetingAddr, "type", knownvalue.StringExact("instant")),
			},
		},
		resource.TestStep{
			ResourceName:      sqMeetingAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
	)
}

// The configuration generated for an imported instant meeting names the
// times the server gave it: that plans nothing, while other times, or times
// on a change that replaces the meeting, are refused before any request.
func TestAccSQMeetingMeeting_instantNamesItsOwnTimes(t *testing.T) {
	emu := acctest.NewEmulator(t)
	instant := []string{`type = "instant"`, `name = "Quick sync"`}
	own := []string{`start_time = "2030-01-07T10:00:00+01:00"`, `end_time = "2030-01-07T11:00:00Z"`}
	acctest.Test(t,
		resource.TestStep{
			PreConfig:        func() { emu.FreezeClock(t, "2030-01-07T09:00:00Z") },
			Config:           emu.Config(sqMeetingHCL(instant...)),
			ConfigPlanChecks: acctest.ExpectAction(sqMeetingAddr, plancheck.ResourceActionCreate),
		},
		resource.TestStep{
			// Its own times, one written at another offset: no change.
			Config:           emu.Config(sqMeetingHCL(append(instant, own...)...)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		},
		resource.TestStep{
			Config:      emu.Config(sqMeetingHCL(append(instant, `start_time = "2030-01-07T09:30:00Z"`)...)),
			PlanOnly:    true,
			ExpectError: acctest.ErrorMatching(`start_time can only be the meeting's own, 2030-01-07T09:00:00Z`),
		},
		resource.TestStep{
			Config:      emu.Config(sqMeetingHCL(append([]string{`type = "instant"`, `name = "Quick sync, renamed"`}, own...)...)),
			PlanOnly:    true,
			ExpectError: acctest.ErrorMatching(`This change replaces the instant meeting, and the new one starts when it is created: remove start_time.`),
		},
	)
}

// A meeting held in a personal meeting room takes the room's number and
// password; leaving the room gives it a number and a password of its own.
func TestAccSQMeetingMeeting_meetingRoom(t *testing.T) {
	emu := acctest.NewEmulator(t)
	same := acctest.SameAcrossSteps()
	times := []string{`start_time = "2030-05-01T08:00:00Z"`, `end_time = "2030-05-01T09:00:00Z"`}
	acctest.Test(t,
		resource.TestStep{
			Config: emu.Config(`
data "conference_sqmeeting_meeting_rooms" "mine" {}
` + sqMeetingHCL(append(times, `name = "In my room"`, `meeting_room_id = data.conference_sqmeeting_meeting_rooms.mine.meeting_rooms[0].id`)...)),
			ConfigPlanChecks: acctest.ExpectAction(sqMeetingAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				same.AddStateValue(sqMeetingAddr, tfjsonpath.New("id")),
				// The administrator's room is the first seeded one.
				acctest.Attr(sqMeetingAddr, "meeting_number", knownvalue.StringExact("90000001")),
				acctest.Attr(sqMeetingAddr, "password", knownvalue.StringExact("")),
			},
		},
		resource.TestStep{
			Config: emu.Config(sqMeetingHCL(append(times, `name = "In my room"`)...)),
			ConfigPlanChecks: acctest.ExpectAction(sqMeetingAddr, plancheck.ResourceActionUpdate,
				plancheck.ExpectUnknownValue(sqMeetingAddr, tfjsonpath.New("meeting_number")),
				plancheck.ExpectUnknownValue(sqMeetingAddr, tfjsonpath.New("password"))),
			ConfigStateChecks: []statecheck.StateCheck{
				same.AddStateValue(sqMeetingAddr, tfjsonpath.New("id")),
				acctest.Attr(sqMeetingAddr, "meeting_room_id", knownvalue.Null()),
				acctest.Attr(sqMeetingAddr, "meeting_number", knownvalue.StringRegexp(regexp.MustCompile(`^[1-8][0-9]{7}$`))),
				acctest.Attr(sqMeetingAddr, "password", acctest.Digits(6, 6)),
			},
		},
	)
}

// Changes behind Terraform's back: an edited meeting is put back, a deleted
// one is created again.
func TestAccSQMeetingMeeting_drift(t *testing.T) {
	emu := acctest.NewEmulator(t)
	config := emu.Config(sqMeetingHCL(`name = "Ops review"`, `password = "135790"`,
		`start_time = "2030-06-03T14:00:00Z"`, `end_time = "2030-06-03T15:00:00Z"`))
	var id string
	acctest.Test(t,
		resource.TestStep{
			Config:           config,
			ConfigPlanChecks: acctest.ExpectAction(sqMeetingAddr, plancheck.ResourceActionCreate),
			Check:            func(s *terraform.State) (err error) { id, err = sqID(sqMeetingAddr)(s); return err },
		},
		resource.TestStep{
			PreConfig: func() {
				emu.SQMeeting(t, http.MethodPost, "/meeting_schedule/"+id, map[string]any{
					"meeting_name": "Changed elsewhere", "meeting_password": "999999", "schedule_end_time": time.Date(2030, 6, 3, 16, 0, 0, 0, time.UTC).UnixMilli(),
				}, http.StatusOK, http.StatusNoContent)
			},
			Config:           config,
			ConfigPlanChecks: acctest.ExpectAction(sqMeetingAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(sqMeetingAddr, "name", knownvalue.StringExact("Ops review")),
				acctest.Attr(sqMeetingAddr, "password", knownvalue.StringExact("135790")),
				acctest.Attr(sqMeetingAddr, "end_time", acctest.Instant("2030-06-03T15:00:00Z")),
			},
			Check: func(*terraform.State) error {
				body := string(emu.SQMeeting(t, http.MethodGet, "/meeting_schedule/"+id, nil, http.StatusOK))
				if !strings.Contains(body, `"meeting_name":"Ops review"`) || !strings.Contains(body, `"meeting_password":"135790"`) {
					return fmt.Errorf("drift not corrected in SQMeeting: %s", body)
				}
				return nil
			},
		},
		resource.TestStep{
			PreConfig: func() {
				emu.SQMeeting(t, http.MethodDelete, "/meeting_schedule/"+id, nil, http.StatusOK, http.StatusNoContent)
			},
			Config:           config,
			ConfigPlanChecks: acctest.ExpectAction(sqMeetingAddr, plancheck.ResourceActionCreate),
		},
	)
}

// Every documented constraint fails at plan time, before any request.
func TestAccSQMeetingMeeting_planTimeErrors(t *testing.T) {
	emu := acctest.NewEmulator(t)
	times := []string{`start_time = "2030-05-01T08:00:00Z"`, `end_time = "2030-05-01T09:00:00Z"`}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{`name = "No times"`}, `A reservation meeting needs start_time and end_time`},
		{append([]string{`type = "instant"`, `name = "Now"`}, times...), `An instant meeting starts when it is created and takes no times`},
		{[]string{`name = "Backwards"`, `start_time = "2030-05-01T09:00:00Z"`, `end_time = "2030-05-01T10:00:00+02:00"`}, `end_time (2030-05-01T10:00:00+02:00) must be after start_time`},
		{append([]string{`name = "Bad time"`}, `start_time = "2030-05-01 08:00"`, `end_time = "2030-05-01T09:00:00Z"`), `must be an RFC 3339 time`},
		{append([]string{`type = "recurrence"`, `name = "x"`}, times...), `type must be one of "instant" or "reservation"; got "recurrence".`},
		{append([]string{`name = "` + strings.Repeat("会", 49) + `"`}, times...), `must be 1 to 48 characters; it has 49`},
		{append([]string{`name = "   "`}, times...), `must not be only white space`},
		{append([]string{`name = "x"`, `call_rate_type = "1M"`}, times...), `call_rate_type must be one of "128K", "512K", "1024K"`},
		{append([]string{`name = "x"`, `time_to_join = 1441`}, times...), `time_to_join value must be between -1 and 1440`},
		{append([]string{`name = "x"`, `watermark_type = "tiled"`}, times...), `watermark_type must be one of "single" or ""; got "tiled".`},
		{append([]string{`name = "x"`, `live_passcode = "888888"`}, times...), `only a meeting with generate_live_url = true has`},
		{append([]string{`name = "x"`, `description = ""`}, times...), `description string length must be at least 1`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config: emu.Config(sqMeetingHCL(c.args...)), PlanOnly: true, ExpectError: acctest.ErrorMatching(c.want),
		})
	}
	acctest.Test(t, steps...)
	if n := len(emu.JournalEntries()); n != 0 {
		t.Errorf("plan-time errors reached the API: %d requests", n)
	}
}

// A wrong password and a locked account fail with messages a person can act
// on: the lock says when it ends.
func TestAccSQMeetingMeeting_lockout(t *testing.T) {
	emu := acctest.NewEmulator(t)
	config := emu.Config(sqMeetingHCL(`name = "Locked out"`, `start_time = "2030-05-01T08:00:00Z"`, `end_time = "2030-05-01T09:00:00Z"`))
	wrong := acctest.ProviderBlock("", emu.URL, map[string]platforms.Values{"sqmeeting": {"password": "not-the-password"}}) +
		sqMeetingHCL(`name = "Locked out"`, `start_time = "2030-05-01T08:00:00Z"`, `end_time = "2030-05-01T09:00:00Z"`)
	acctest.Test(t,
		resource.TestStep{Config: config, ConfigPlanChecks: acctest.ExpectAction(sqMeetingAddr, plancheck.ResourceActionCreate)},
		resource.TestStep{
			Config:      wrong,
			ExpectError: regexp.MustCompile(`(?s)SQMeeting\s+refused\s+the\s+credentials:\s+0x00003003:\s+wrong\s+username\s+or\s+password.*sqmeeting\.password`),
		},
		resource.TestStep{
			PreConfig: func() { emu.SQMeetingLockOut(t, emulator.DefaultCredential(&platforms.SQMeeting, "username")) },
			// Even the right password, while the lock lasts.
			Config: config,
			ExpectError: regexp.MustCompile(`account\s+locked\s+for\s+five\s+minutes\s+after\s+repeated\s+failed\s+sign-ins,\s+until\s+` +
				`[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z`),
		},
		resource.TestStep{
			PreConfig: func() { emu.AdvanceClock(t, 5*time.Minute) },
			Config:    config,
			PlanOnly:  true,
		},
	)
}
