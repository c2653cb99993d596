package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewPortSIPServerStatus is the conference_portsip_server_status data source.
func NewPortSIPServerStatus() datasource.DataSource {
	return newLookup[portsipServerStatusModel](newBase[*portsip.Client]("portsip_server_status", &platforms.PortSIP, "conference server"), lookupDecl{
		description: "Reads the live status of a PortSIP PBX conference server: its load and whether it is online. " +
			"The values are a snapshot taken when Terraform reads the data source.",
		attrs:     portsipmap.ServerStatusAttrs(),
		arguments: map[string]schema.Attribute{"id": requiredID("The ID of the conference server.")},
	}, (*portsip.Client).GetServerStatus)
}

// portsipServerStatusModel is the status of the server that id names.
type portsipServerStatusModel struct {
	idArgument
	portsipmap.ServerStatus
}
