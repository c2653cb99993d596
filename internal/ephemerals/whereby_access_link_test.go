package ephemerals_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// linkMarker is in every access link the emulator makes (…/files/<kind>s/<id>).
const linkMarker = "/files/"

// noLinkInPlan fails when the plan holds an access link anywhere.
type noLinkInPlan struct{}

func (noLinkInPlan) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	raw, err := json.Marshal(req.Plan)
	if err != nil {
		resp.Error = err
		return
	}
	if strings.Contains(string(raw), linkMarker) {
		resp.Error = fmt.Errorf("the plan holds an access link")
	}
}

// A recording's and a transcription's access links, fed into another
// resource's write-only argument (an SQMeeting user's password): the user
// signs in with the link, and neither the plan nor the state holds it.
func TestAccWherebyAccessLinkIntoWriteOnly(t *testing.T) {
	emu := acctest.NewEmulator(t)
	start := time.Date(2030, 1, 1, 9, 0, 0, 0, time.UTC)
	emu.Admin(t, http.MethodPost, "seed", map[string]any{"whereby": map[string]any{"recordings": []map[string]any{
		{"roomName": "/board", "startDate": start, "endDate": start.Add(time.Hour), "sizeInMegaBytes": 42, "transcribed": true},
	}}})
	config := emu.Config(`
data "conference_whereby_recordings" "board" {
  room_name = "/board"
}

data "conference_whereby_transcriptions" "board" {
  room_name = "/board"
}

ephemeral "conference_whereby_recording_link" "board" {
  id                = data.conference_whereby_recordings.board.recordings[0].id
  valid_for_seconds = 600
}

ephemeral "conference_whereby_transcription_link" "board" {
  id = data.conference_whereby_transcriptions.board.transcriptions[0].id
}

resource "conference_sqmeeting_user" "recording" {
  username            = "linked-recording"
  password_wo         = ephemeral.conference_whereby_recording_link.board.url
  password_wo_version = 1
}

resource "conference_sqmeeting_user" "transcription" {
  username            = "linked-transcription"
  password_wo         = ephemeral.conference_whereby_transcription_link.board.url
  password_wo_version = 1
}
`)
	acctest.Run(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		Steps: []resource.TestStep{{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{noLinkInPlan{}},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: func(s *terraform.State) error {
				for _, rs := range s.RootModule().Resources {
					for k, v := range rs.Primary.Attributes {
						if strings.Contains(v, linkMarker) {
							return fmt.Errorf("the state holds an access link in %s.%s", rs.Type, k)
						}
					}
				}
				for _, kind := range []string{"recording", "transcription"} {
					if err := signsInWithLink(t, emu, "linked-"+kind, kind); err != nil {
						return err
					}
				}
				return nil
			},
		}},
	})
}

// signsInWithLink checks that username's password is an access link to a
// kind, and that signing in with it works.
func signsInWithLink(t *testing.T, emu *acctest.Emulator, username, kind string) error {
	t.Helper()
	pw := emu.SQMeetingPassword(t, username)
	if !strings.Contains(pw, linkMarker+kind+"s/") || !strings.Contains(pw, "expires=") {
		return fmt.Errorf("%s's password is %q, not a %s access link", username, pw, kind)
	}
	emu.SQMeetingAs(t, username, pw, http.MethodGet, "/user/info", nil, http.StatusOK)
	return nil
}

// The documented limits, at plan time, and an unknown recording.
func TestAccWherebyAccessLinkErrors(t *testing.T) {
	emu := acctest.NewEmulator(t)
	link := func(body string) string {
		return emu.Config(`
ephemeral "conference_whereby_recording_link" "x" {
` + body + `
}

resource "conference_sqmeeting_user" "x" {
  username    = "x"
  password_wo = ephemeral.conference_whereby_recording_link.x.url
}
`)
	}
	acctest.Run(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		Steps: []resource.TestStep{
			{Config: link(`  id = "r1"` + "\n  valid_for_seconds = 43201"), ExpectError: regexp.MustCompile(`(?s)valid_for_seconds.*between 1 and 43200`)},
			{Config: link(`  id = "nope"`), ExpectError: regexp.MustCompile(`(?s)Whereby recording not found.*"nope"`)},
		},
	})
}
