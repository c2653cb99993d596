package datasources_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// 130 servers take two pages of 100: the data source must return every one,
// once.
func TestAccPortSIPServersDataSource_allPages(t *testing.T) {
	emu := acctest.NewEmulator(t)
	api := newPortSIPAPI(t, emu)
	names := make([]string, 0, 130)
	for i := range 130 {
		name := fmt.Sprintf("media-%03d", i)
		api.createServer(map[string]any{
			"name": name, "ipv4": fmt.Sprintf("198.51.100.%d", i+1), "max_rooms": 10, "max_participants": 100,
		})
		names = append(names, name)
	}
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(`
data "conference_portsip_servers" "all" {}

data "conference_portsip_servers" "added" {
  filter = "type eq 'EXTERNAL'"
}
`),
		ConfigStateChecks: []statecheck.StateCheck{
			// The 130 added and the built-in one.
			statecheck.ExpectKnownValue("data.conference_portsip_servers.all", tfjsonpath.New("servers"), knownvalue.ListSizeExact(131)),
			statecheck.ExpectKnownValue("data.conference_portsip_servers.added", tfjsonpath.New("servers"), knownvalue.ListSizeExact(130)),
		},
		Check: resource.ComposeAggregateTestCheckFunc(
			acctest.CheckListValues("data.conference_portsip_servers.added", "servers", "name", names),
			// Items come in the PBX's order (creation), and whole.
			resource.TestCheckResourceAttr("data.conference_portsip_servers.added", "servers.129.name", "media-129"),
			resource.TestCheckResourceAttr("data.conference_portsip_servers.added", "servers.129.ipv4", "198.51.100.130"),
			resource.TestCheckResourceAttr("data.conference_portsip_servers.added", "servers.129.max_rooms", "10"),
			resource.TestCheckResourceAttr("data.conference_portsip_servers.added", "servers.129.max_participants", "100"),
			resource.TestCheckResourceAttr("data.conference_portsip_servers.added", "servers.129.enabled", "true"),
			resource.TestCheckResourceAttr("data.conference_portsip_servers.added", "servers.129.type", "EXTERNAL"),
			resource.TestCheckNoResourceAttr("data.conference_portsip_servers.added", "servers.129.ipv6"),
		),
	})
}

func TestAccPortSIPServersDataSource_query(t *testing.T) {
	emu := acctest.NewEmulator(t)
	api := newPortSIPAPI(t, emu)
	east1 := api.createServer(map[string]any{"name": "east-1", "ipv4": "192.0.2.1", "max_rooms": 10, "max_participants": 100})
	api.createServer(map[string]any{"name": "east-2", "ipv4": "192.0.2.2", "ipv6": "2001:db8::2", "max_rooms": 30, "max_participants": 300})
	api.createServer(map[string]any{"name": "west-1", "ipv6": "2001:db8::3", "max_rooms": 20, "max_participants": 200, "enabled": false})
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(`
data "conference_portsip_servers" "east" {
  filter = "startswith(name, 'east')"
}

data "conference_portsip_servers" "disabled" {
  filter = "enabled eq false"
}

data "conference_portsip_servers" "search" {
  search = "west"
}

data "conference_portsip_servers" "by_size" {
  filter  = "type eq 'EXTERNAL'"
  orderby = "max_rooms desc"
}

data "conference_portsip_servers" "none" {
  filter = "name eq 'nowhere'"
}
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			acctest.CheckListOrder("data.conference_portsip_servers.east", "servers", "name", "east-1", "east-2"),
			resource.TestCheckResourceAttr("data.conference_portsip_servers.east", "servers.0.id", east1),
			resource.TestCheckResourceAttr("data.conference_portsip_servers.east", "servers.0.ipv4", "192.0.2.1"),
			resource.TestCheckNoResourceAttr("data.conference_portsip_servers.east", "servers.0.ipv6"),
			resource.TestCheckResourceAttr("data.conference_portsip_servers.east", "servers.1.ipv6", "2001:db8::2"),
			resource.TestCheckResourceAttr("data.conference_portsip_servers.east", "servers.1.max_participants", "300"),

			acctest.CheckListOrder("data.conference_portsip_servers.disabled", "servers", "name", "west-1"),
			resource.TestCheckResourceAttr("data.conference_portsip_servers.disabled", "servers.0.enabled", "false"),

			acctest.CheckListOrder("data.conference_portsip_servers.search", "servers", "name", "west-1"),

			acctest.CheckListOrder("data.conference_portsip_servers.by_size", "servers", "name", "east-2", "west-1", "east-1"),

			// No match is an empty list, not null, so length() works on it.
			resource.TestCheckResourceAttr("data.conference_portsip_servers.none", "servers.#", "0"),
		),
	})
}

// A filter the PBX cannot parse fails with the PBX's own explanation.
func TestAccPortSIPServersDataSource_badFilter(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(`
data "conference_portsip_servers" "bad" {
  filter = "shape eq 'round'"
}
`),
		ExpectError: regexp.MustCompile(`(?s)PortSIP rejected reading conference servers.*VALIDATE_FAILED.*shape`),
	})
}
