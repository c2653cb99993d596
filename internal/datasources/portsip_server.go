package datasources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
)

var _ datasource.DataSourceWithConfigure = (*portsipServer)(nil)

// NewPortSIPServer is the conference_portsip_server data source.
func NewPortSIPServer() datasource.DataSource { return &portsipServer{} }

type portsipServer struct {
	client *portsip.Client
}

// portsipServerModel is one conference server, with the attribute names of the
// conference_portsip_server resource so that a data source can stand in for it.
type portsipServerModel = portsipmap.Server

func (d *portsipServer) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_portsip_server"
}

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

func (d *portsipServer) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = providerdata.Client[*portsip.Client](req.ProviderData, &platforms.PortSIP, &resp.Diagnostics)
}

func (d *portsipServer) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg portsipServerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := cfg.ID.ValueString()
	s, err := d.client.GetServer(ctx, id)
	if err != nil {
		portsipReadError(&resp.Diagnostics, err, "conference server", id)
		return
	}
	var m portsipServerModel
	m.FromAPI(s)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// portsipReadError reports a failed read of one object. Unlike a resource, a
// data source has nothing to drop from state when the object is gone: a 404
// means the configuration names something that does not exist, which the user
// must hear about by name.
func portsipReadError(diags *diag.Diagnostics, err error, what, id string) {
	if client.IsNotFound(err) {
		diags.AddAttributeError(path.Root("id"), "PortSIP "+what+" not found",
			fmt.Sprintf("There is no PortSIP %s with id %q. Check the ID, or whether the %s was deleted.", what, id, what))
		return
	}
	summary, detail := client.Describe(err, platforms.PortSIP.Name, client.Read, what)
	diags.AddError(summary, fmt.Sprintf("Reading the %s with id %q: %s", what, id, detail))
}
