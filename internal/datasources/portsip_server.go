package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
)

// NewPortSIPServer is the conference_portsip_server data source, with the
// attribute names of the conference_portsip_server resource so that it can
// stand in for one.
func NewPortSIPServer() datasource.DataSource {
	return newLookup[portsipmap.Server](baseOf[*portsip.Client](&managed.PortSIPServer), lookupDecl{
		description: "Reads one PortSIP PBX conference server by its ID. A server that does not exist is an error.",
		attrs:       portsipmap.ServerAttrs(),
		arguments:   map[string]schema.Attribute{"id": requiredID("The ID of the conference server to read.")},
	}, (*portsip.Client).GetServer)
}
