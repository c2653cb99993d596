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

// 130 meetings take two pages of 100: the list has every one, once, and none
// of bob's.
func TestAccPortSIPMeetingsDataSource_allPages(t *testing.T) {
	emu := acctest.NewEmulator(t)
	alice := newPortSIPUserAPI(t, emu, emuportsip.AliceUsername)
	subjects := make([]string, 0, 130)
	for i := range 130 {
		subjects = append(subjects, fmt.Sprint("Meeting ", i))
		alice.audioMeeting(subjects[i])
	}
	newPortSIPUserAPI(t, emu, emuportsip.BobUsername).audioMeeting("Bob's")
	const ds = "data.conference_portsip_meetings.all"
	acctest.Test(t, resource.TestStep{
		Config: aliceConfig(emu, `
data "conference_portsip_meetings" "all" {
  provider = conference.alice
}
`),
		ConfigStateChecks: []statecheck.StateCheck{acctest.Attr(ds, "meetings", knownvalue.ListSizeExact(130))},
		Check: resource.ComposeAggregateTestCheckFunc(
			acctest.CheckListValues(ds, "meetings", "subject", subjects),
			resource.TestCheckResourceAttr(ds, "meetings.129.extension_number", "88129"),
		),
	})
}

func TestAccPortSIPMeetingsDataSource_query(t *testing.T) {
	emu := acctest.NewEmulator(t)
	emu.Clock.Freeze(portsipEpoch)
	alice := newPortSIPUserAPI(t, emu, emuportsip.AliceUsername)
	standup := alice.audioMeeting("Sales standup")
	alice.createMeeting(portsipFullVideoMeeting())
	alice.createMeeting(map[string]any{"mode": "VIDEO", "subject": "Support review", "timezone": "Europe/Berlin"})
	const ds = "data.conference_portsip_meetings"
	acctest.Test(t, resource.TestStep{
		Config: aliceConfig(emu, `
data "conference_portsip_meetings" "video" {
  provider = conference.alice
  filter   = "mode eq 'VIDEO'"
  orderby  = "subject desc"
}

data "conference_portsip_meetings" "sales" {
  provider = conference.alice
  search   = "sales"
}

data "conference_portsip_meetings" "none" {
  provider = conference.alice
  filter   = "extension_number eq '1'"
}
`),
		ConfigStateChecks: []statecheck.StateCheck{
			// The list's summary of a meeting: its caller IDs included, but
			// not where WebRTC participants connect.
			acctest.Attr(ds+".video", "meetings.1.outbound_caller_ids.0.caller_id", knownvalue.StringExact("+15550100")),
			acctest.Attr(ds+".video", "meetings.1.close_on_nobody", knownvalue.Bool(true)),
			acctest.Attr(ds+".video", "meetings.0.outbound_caller_ids", knownvalue.Null()),
			acctest.Attr(ds+".sales", "meetings.0.id", knownvalue.StringExact(standup)),
			acctest.Attr(ds+".sales", "meetings.0.ownership", knownvalue.Bool(true)),
			acctest.Attr(ds+".sales", "meetings.0.created_at", knownvalue.StringExact("2030-07-21T17:00:00Z")),
			acctest.Attr(ds+".none", "meetings", knownvalue.ListSizeExact(0)),
		},
		Check: resource.ComposeAggregateTestCheckFunc(
			acctest.CheckListOrder(ds+".video", "meetings", "subject", "Support review", "Board meeting"),
			resource.TestCheckNoResourceAttr(ds+".video", "meetings.0.domain"),
		),
	})
}
