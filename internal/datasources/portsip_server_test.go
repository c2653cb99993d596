package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// A server the configuration creates is read back with every attribute, and
// the data source waits for the resource's ID (unknown at plan time).
func TestAccPortSIPServerDataSource_fromResource(t *testing.T) {
	emu := acctest.NewEmulator(t)
	const ds = "data.conference_portsip_server.east"
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(`
resource "conference_portsip_server" "east" {
  name             = "media-east-1"
  enabled          = false
  ipv4             = "192.0.2.10"
  ipv6             = "2001:db8::10"
  max_rooms        = 40
  max_participants = 400
}

data "conference_portsip_server" "east" {
  id = conference_portsip_server.east.id
}
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttrPair(ds, "id", "conference_portsip_server.east", "id"),
			resource.TestCheckResourceAttr(ds, "name", "media-east-1"),
			resource.TestCheckResourceAttr(ds, "enabled", "false"),
			resource.TestCheckResourceAttr(ds, "type", "EXTERNAL"),
			resource.TestCheckResourceAttr(ds, "ipv4", "192.0.2.10"),
			resource.TestCheckResourceAttr(ds, "ipv6", "2001:db8::10"),
			resource.TestCheckResourceAttr(ds, "max_rooms", "40"),
			resource.TestCheckResourceAttr(ds, "max_participants", "400"),
		),
	})
}

// A server made outside Terraform, with only an IPv6 address, and the PBX's
// built-in server.
func TestAccPortSIPServerDataSource_fromAPI(t *testing.T) {
	emu := acctest.NewEmulator(t)
	api := newPortSIPAPI(t, emu)
	id := api.createServer(map[string]any{"name": "media-v6", "ipv6": "2001:db8::20", "max_rooms": 5, "max_participants": 50})
	builtin := api.builtinServerID()
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(fmt.Sprintf(`
data "conference_portsip_server" "v6" {
  id = %q
}

data "conference_portsip_server" "builtin" {
  id = %q
}
`, id, builtin)),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr("data.conference_portsip_server.v6", "id", id),
			resource.TestCheckResourceAttr("data.conference_portsip_server.v6", "name", "media-v6"),
			resource.TestCheckResourceAttr("data.conference_portsip_server.v6", "enabled", "true"),
			resource.TestCheckResourceAttr("data.conference_portsip_server.v6", "type", "EXTERNAL"),
			resource.TestCheckNoResourceAttr("data.conference_portsip_server.v6", "ipv4"),
			resource.TestCheckResourceAttr("data.conference_portsip_server.v6", "ipv6", "2001:db8::20"),
			resource.TestCheckResourceAttr("data.conference_portsip_server.v6", "max_rooms", "5"),
			resource.TestCheckResourceAttr("data.conference_portsip_server.v6", "max_participants", "50"),

			resource.TestCheckResourceAttr("data.conference_portsip_server.builtin", "type", "INTERNAL"),
			resource.TestCheckResourceAttr("data.conference_portsip_server.builtin", "name", "Built-in conference server"),
			resource.TestCheckResourceAttr("data.conference_portsip_server.builtin", "enabled", "true"),
		),
	})
}

func TestAccPortSIPServerDataSource_notFound(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(`
data "conference_portsip_server" "gone" {
  id = "NzAwNTUxOTA5NzczMTQ4MTYw"
}
`),
		ExpectError: acctest.ErrorMatching(`There is no PortSIP conference server with id "NzAwNTUxOTA5NzczMTQ4MTYw"`),
	})
}
