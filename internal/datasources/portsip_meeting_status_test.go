package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	emuportsip "github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

// The status follows the meeting between two reads: off until started, then
// on, then in a call.
func TestAccPortSIPMeetingStatusDataSource_basic(t *testing.T) {
	emu := acctest.NewEmulator(t)
	alice := newPortSIPUserAPI(t, emu, emuportsip.AliceUsername)
	id := alice.audioMeeting("Incident bridge")
	const ds = "data.conference_portsip_meeting_status.bridge"
	config := aliceConfig(emu, fmt.Sprintf(`
data "conference_portsip_meeting_status" "bridge" {
  provider = conference.alice
  id       = %q
}
`, id))
	acctest.Test(t,
		resource.TestStep{
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds, "id", id),
				resource.TestCheckResourceAttr(ds, "status", "OFFLINE"),
				resource.TestCheckResourceAttr(ds, "locked", "false"),
				resource.TestCheckResourceAttr(ds, "recording", "false"),
			),
		},
		resource.TestStep{
			PreConfig: func() { alice.meetingAction(id, "start") },
			Config:    config,
			Check:     resource.TestCheckResourceAttr(ds, "status", "ONLINE"),
		},
		resource.TestStep{
			PreConfig: func() {
				alice.action("user/meetings", id, "participants/invite", map[string]string{"number": "1001"})
				alice.meetingAction(id, "lock")
				alice.meetingAction(id, "mute")
				alice.meetingAction(id, "start_recording")
			},
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds, "status", "ON_CALL"),
				resource.TestCheckResourceAttr(ds, "locked", "true"),
				resource.TestCheckResourceAttr(ds, "muted", "true"),
				resource.TestCheckResourceAttr(ds, "recording", "true"),
			),
		},
	)
}

// Alice reads neither the status nor the participants of bob's meeting: the
// PBX does not show it to her, and the message says so.
func TestAccPortSIPMeetingStatusAndParticipantsDataSources_anotherUsersMeeting(t *testing.T) {
	emu := acctest.NewEmulator(t)
	id := newPortSIPUserAPI(t, emu, emuportsip.BobUsername).audioMeeting("Bob's")
	want := acctest.ErrorMatching(fmt.Sprintf(`No PortSIP meeting with ID %q belongs to "alice", the signed-in user`, id))
	var steps []resource.TestStep
	for _, ds := range []string{"conference_portsip_meeting_status", "conference_portsip_meeting_participants"} {
		steps = append(steps, resource.TestStep{
			Config: aliceConfig(emu, fmt.Sprintf(`
data %q "bobs" {
  provider = conference.alice
  id       = %q
}
`, ds, id)),
			ExpectError: want,
		})
	}
	acctest.Test(t, steps...)
}
