package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// The status follows what happens in the room between two reads.
func TestAccPortSIPRoomStatusDataSource_basic(t *testing.T) {
	emu := acctest.NewEmulator(t)
	api := newPortSIPAPI(t, emu)
	room := api.audioRoom("8600", "Incident bridge")
	const ds = "data.conference_portsip_room_status.bridge"
	config := emu.Config(fmt.Sprintf(`
data "conference_portsip_room_status" "bridge" {
  id = %q
}
`, room))
	acctest.Test(t,
		resource.TestStep{
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds, "id", room),
				resource.TestCheckResourceAttr(ds, "status", "ONLINE"),
				resource.TestCheckResourceAttr(ds, "locked", "false"),
				resource.TestCheckResourceAttr(ds, "muted", "false"),
				resource.TestCheckResourceAttr(ds, "recording", "false"),
			),
		},
		resource.TestStep{
			PreConfig: func() {
				api.invite(room, "1001")
				api.roomAction(room, "lock")
				api.roomAction(room, "mute")
				api.roomAction(room, "start_recording")
			},
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds, "status", "ON_CALL"),
				resource.TestCheckResourceAttr(ds, "locked", "true"),
				resource.TestCheckResourceAttr(ds, "muted", "true"),
				resource.TestCheckResourceAttr(ds, "recording", "true"),
			),
		},
		resource.TestStep{
			// No enabled server hosts the room any more.
			PreConfig: func() { api.updateServer(api.builtinServerID(), map[string]any{"enabled": false}) },
			Config:    config,
			Check:     resource.TestCheckResourceAttr(ds, "status", "OFFLINE"),
		},
	)
}

func TestAccPortSIPRoomStatusDataSource_notFound(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(`
data "conference_portsip_room_status" "gone" {
  id = "NzAwNTUxOTA5NzczMTQ4MTYw"
}
`),
		ExpectError: acctest.ErrorMatching(`There is no PortSIP conference room with id "NzAwNTUxOTA5NzczMTQ4MTYw"`),
	})
}
