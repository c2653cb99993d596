package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// A server's status follows the rooms it hosts and the people in them.
func TestAccPortSIPServerStatusDataSource_basic(t *testing.T) {
	emu := acctest.NewEmulator(t)
	api := newPortSIPAPI(t, emu)
	// With the built-in server disabled, the rooms below land on this one.
	api.updateServer(api.builtinServerID(), map[string]any{"enabled": false})
	id := api.createServer(map[string]any{"name": "media-1", "ipv4": "192.0.2.10", "max_rooms": 4, "max_participants": 10})
	room := api.audioRoom("8500", "All hands")
	api.audioRoom("8501", "Spare")
	const ds = "data.conference_portsip_server_status.media"
	config := emu.Config(fmt.Sprintf(`
data "conference_portsip_server_status" "media" {
  id = %q
}
`, id))
	acctest.Test(t,
		resource.TestStep{
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds, "id", id),
				resource.TestCheckResourceAttr(ds, "status", "ONLINE"),
				resource.TestCheckResourceAttr(ds, "rooms_count", "2"),
				resource.TestCheckResourceAttr(ds, "participants_count", "0"),
				resource.TestCheckResourceAttr(ds, "cpu_usage", "0"),
				// The emulator reports memory as the share of max_rooms in use.
				resource.TestCheckResourceAttr(ds, "memory_usage", "50"),
			),
		},
		resource.TestStep{
			PreConfig: func() {
				api.invite(room, "1001")
				api.invite(room, "1002")
			},
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds, "participants_count", "2"),
				// ... and CPU as the share of max_participants.
				resource.TestCheckResourceAttr(ds, "cpu_usage", "20"),
			),
		},
		resource.TestStep{
			PreConfig: func() { api.updateServer(id, map[string]any{"enabled": false}) },
			Config:    config,
			Check:     resource.TestCheckResourceAttr(ds, "status", "OFFLINE"),
		},
	)
}

func TestAccPortSIPServerStatusDataSource_notFound(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(`
data "conference_portsip_server_status" "gone" {
  id = "NzAwNTUxOTA5NzczMTQ4MTYw"
}
`),
		ExpectError: acctest.ErrorMatching(`There is no PortSIP conference server with id "NzAwNTUxOTA5NzczMTQ4MTYw"`),
	})
}
