package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
)

// NewPortSIPServers is the conference_portsip_servers data source.
func NewPortSIPServers() datasource.DataSource {
	return newPortSIPListing[portsipmap.Server](portsipList{
		typ: &managed.PortSIPServer, what: "server",
		examples:    [3]string{"enabled eq true and type eq 'EXTERNAL'", "east", "name asc, max_rooms desc"},
		description: "Lists the PortSIP PBX conference servers, including the built-in `INTERNAL` one, optionally filtered, searched and sorted by the PBX.",
		items:       "The matching conference servers", attrs: portsipmap.ServerAttrs(),
	}, managed.PortSIPServers)
}
