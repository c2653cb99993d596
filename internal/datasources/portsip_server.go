package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewPortSIPServer is the conference_portsip_server data source.
func NewPortSIPServer() datasource.DataSource {
	return &portsipServer{newBase[*portsip.Client]("portsip_server", &platforms.PortSIP, "conference server")}
}

type portsipServer struct {
	base[*portsip.Client]
}

// portsipServerModel is one conference server, with the attribute names of the
// conference_portsip_server resource so that a data source can stand in for it.
type portsipServerModel = portsipmap.Server

func (d *portsipServer) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := portsipmap.ServerAttrs().DataSource()
	attrs["id"] = schema.StringAttribute{
		Required:    true,
		Description: "The ID of the conference server to read.",
		Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	resp.Schema = schema.Schema{
		Description: "Reads one PortSIP PBX conference server by its ID. A server that does not exist is an error.",
		Attributes:  attrs,
	}
}

func (d *portsipServer) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg portsipServerModel
	lookup(ctx, &d.base, req, resp, &cfg, &cfg.ID, d.client.GetServer, "")
}
