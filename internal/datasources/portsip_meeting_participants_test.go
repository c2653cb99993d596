package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	emuportsip "github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

func TestAccPortSIPMeetingParticipantsDataSource_basic(t *testing.T) {
	emu := acctest.NewEmulator(t)
	alice := newPortSIPUserAPI(t, emu, emuportsip.AliceUsername)
	id := alice.createMeeting(map[string]any{"mode": "VIDEO", "subject": "Design review", "timezone": "UTC"})
	const ds = "data.conference_portsip_meeting_participants.review"
	config := aliceConfig(emu, fmt.Sprintf(`
data "conference_portsip_meeting_participants" "review" {
  provider = conference.alice
  id       = %q
}
`, id))
	acctest.Test(t,
		resource.TestStep{
			// Nobody is in the meeting yet: an empty list, not null.
			Config: config,
			Check:  resource.TestCheckResourceAttr(ds, "participants.#", "0"),
		},
		resource.TestStep{
			PreConfig: func() {
				alice.meetingAction(id, "start")
				alice.action("user/meetings", id, "participants/invite", map[string]string{"number": "1001"})
				alice.action("user/meetings", id, "participants/invite", map[string]string{"number": "1002"})
			},
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds, "participants.#", "2"),
				resource.TestCheckResourceAttrSet(ds, "participants.0.id"),
				resource.TestCheckResourceAttr(ds, "participants.0.display_name", `"1001"<sip:1001@`+emuportsip.DefaultDomain+`>`),
				resource.TestCheckResourceAttr(ds, "participants.0.chairman", "true"),
				resource.TestCheckResourceAttr(ds, "participants.0.position", "0"),
				resource.TestCheckResourceAttr(ds, "participants.1.chairman", "false"),
				resource.TestCheckResourceAttr(ds, "participants.1.muted", "false"),
			),
		},
	)
}
