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

func TestAccPortSIPRoomParticipantsDataSource_basic(t *testing.T) {
	emu := acctest.NewEmulator(t)
	api := newPortSIPAPI(t, emu)
	room := api.createRoom(map[string]any{"extension_number": "8700", "mode": "VIDEO", "subject": "Design review", "capacity": 9})
	const ds = "data.conference_portsip_room_participants.review"
	config := emu.Config(fmt.Sprintf(`
data "conference_portsip_room_participants" "review" {
  id = %q
}

output "names" {
  value = data.conference_portsip_room_participants.review.participants[*].display_name
}
`, room))
	acctest.Test(t,
		resource.TestStep{
			// Nobody is in the room yet: an empty list, not null.
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds, "id", room),
				resource.TestCheckResourceAttr(ds, "participants.#", "0"),
			),
		},
		resource.TestStep{
			PreConfig: func() {
				api.invite(room, "1001")
				api.invite(room, "+15550123")
			},
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds, "participants.#", "2"),
				resource.TestCheckResourceAttrSet(ds, "participants.0.id"),
				resource.TestCheckResourceAttr(ds, "participants.0.display_name", `"1001"<sip:1001@`+emuportsip.DefaultDomain+`>`),
				// The first to join chairs the conference and takes the first tile.
				resource.TestCheckResourceAttr(ds, "participants.0.chairman", "true"),
				resource.TestCheckResourceAttr(ds, "participants.0.position", "0"),
				resource.TestCheckResourceAttr(ds, "participants.0.muted", "false"),
				resource.TestCheckResourceAttrSet(ds, "participants.1.id"),
				resource.TestCheckResourceAttr(ds, "participants.1.display_name", `"+15550123"<sip:+15550123@`+emuportsip.DefaultDomain+`>`),
				resource.TestCheckResourceAttr(ds, "participants.1.chairman", "false"),
				resource.TestCheckResourceAttr(ds, "participants.1.position", "1"),
				resource.TestCheckResourceAttr(ds, "participants.1.muted", "false"),
			),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("names", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact(`"1001"<sip:1001@` + emuportsip.DefaultDomain + `>`),
					knownvalue.StringExact(`"+15550123"<sip:+15550123@` + emuportsip.DefaultDomain + `>`),
				})),
			},
		},
		resource.TestStep{
			// Muting the room mutes everyone in it.
			PreConfig: func() { api.roomAction(room, "mute") },
			Config:    config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds, "participants.0.muted", "true"),
				resource.TestCheckResourceAttr(ds, "participants.1.muted", "true"),
			),
		},
	)
}

func TestAccPortSIPRoomParticipantsDataSource_notFound(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(`
data "conference_portsip_room_participants" "gone" {
  id = "NzAwNTUxOTA5NzczMTQ4MTYw"
}
`),
		ExpectError: acctest.ErrorMatching(`There is no PortSIP conference room with id "NzAwNTUxOTA5NzczMTQ4MTYw"`),
	})
}
