package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	emuportsip "github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

// portsipFullVideoMeeting is portsipFullVideoRoom as createMeeting takes it:
// no extension_number (the PBX gives one), numbers or capacity, and
// close_on_nobody.
func portsipFullVideoMeeting() map[string]any {
	m := portsipFullVideoRoom("")
	delete(m, "extension_number")
	delete(m, "numbers")
	delete(m, "capacity")
	m["close_on_nobody"] = true
	return m
}

func TestAccPortSIPMeetingDataSource_byIDAndExtension(t *testing.T) {
	emu := acctest.NewEmulator(t)
	emu.Clock.Freeze(portsipEpoch)
	alice := newPortSIPUserAPI(t, emu, emuportsip.AliceUsername)
	alice.audioMeeting("First")
	board := alice.createMeeting(portsipFullVideoMeeting())
	const byID, byExt = "data.conference_portsip_meeting.by_id", "data.conference_portsip_meeting.by_ext"
	acctest.Test(t, resource.TestStep{
		Config: aliceConfig(emu, fmt.Sprintf(`
data "conference_portsip_meeting" "by_id" {
  provider = conference.alice
  id       = %q
}

data "conference_portsip_meeting" "by_ext" {
  provider         = conference.alice
  extension_number = "88001"
}
`, board)),
		ConfigStateChecks: []statecheck.StateCheck{
			acctest.Attr(byID, "extension_number", knownvalue.StringExact("88001")),
			acctest.Attr(byExt, "id", knownvalue.StringExact(board)),
			acctest.Attr(byID, "ownership", knownvalue.Bool(true)),
			acctest.Attr(byID, "mode", knownvalue.StringExact("VIDEO")),
			acctest.Attr(byID, "layout", knownvalue.StringExact("LAYOUT4")),
			acctest.Attr(byID, "capacity", knownvalue.Int64Exact(9)),
			acctest.Attr(byID, "room_pin", knownvalue.StringExact("567890")),
			acctest.Attr(byID, "enable_recording", knownvalue.Bool(true)),
			acctest.Attr(byID, "close_on_nobody", knownvalue.Bool(true)),
			acctest.Attr(byID, "timezone", knownvalue.StringExact("Asia/Shanghai")),
			acctest.Attr(byID, "scheduled_start_at", knownvalue.StringExact("2030-08-01T01:00:00Z")),
			acctest.Attr(byID, "created_at", knownvalue.StringExact("2030-07-21T17:00:00Z")),
			acctest.Attr(byID, "internal_invitees", knownvalue.SetSizeExact(2)),
			acctest.Attr(byID, "outbound_caller_ids.0.description", knownvalue.StringExact("US trunk")),
			acctest.Attr(byID, "outbound_caller_ids.1.description", knownvalue.Null()),
			acctest.Attr(byID, "domain", knownvalue.StringExact(emuportsip.DefaultDomain)),
			acctest.Attr(byID, "sbc_port", knownvalue.Int64Exact(emuportsip.DefaultSBCPort)),
			acctest.Attr(byExt, "subject", knownvalue.StringExact("Board meeting")),
		},
	})
}

// Bob cannot read alice's meeting, by ID or by extension: the PBX does not
// show it to him, and the message says so.
func TestAccPortSIPMeetingDataSource_anotherUsersMeeting(t *testing.T) {
	emu := acctest.NewEmulator(t)
	id := newPortSIPUserAPI(t, emu, emuportsip.AliceUsername).audioMeeting("Alice's")
	bob := emu.PortSIPUser("bob", emuportsip.BobUsername, emuportsip.BobPassword)
	acctest.Test(t,
		resource.TestStep{
			Config: bob + fmt.Sprintf(`
data "conference_portsip_meeting" "alices" {
  provider = conference.bob
  id       = %q
}
`, id),
			ExpectError: acctest.ErrorMatching(fmt.Sprintf(`No PortSIP meeting with ID %q belongs to "bob", the signed-in user: it does not exist, or it is another user's.`, id)),
		},
		resource.TestStep{
			Config: bob + `
data "conference_portsip_meeting" "alices" {
  provider         = conference.bob
  extension_number = "88000"
}
`,
			ExpectError: acctest.ErrorMatching(`No PortSIP meeting with extension number "88000" belongs to "bob", the signed-in user`),
		},
		resource.TestStep{
			Config: bob + `
data "conference_portsip_meeting" "alices" {
  provider = conference.bob
}
`,
			ExpectError: acctest.ErrorMatching(`Exactly one of these attributes must be configured: [id,extension_number]`),
		},
	)
}
