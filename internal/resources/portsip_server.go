package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
)

// NewPortSIPServer is the conference_portsip_server resource.
func NewPortSIPServer(k Kind) resource.Resource {
	return &portsipServer{newBase(k, byID[portsipServerModel]((*portsip.Client).GetServer, (*portsip.Client).DeleteServer))}
}

type portsipServer struct {
	base[*portsip.Client, portsipServerModel, *portsipServerModel]
}

type portsipServerModel struct {
	withTimeouts
	portsipmap.Server
}

func (r *portsipServer) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema(ctx, portsipmap.ServerAttrs(), "A PortSIP PBX conference server: a media server that hosts conference rooms. "+
		"Changing `name`, `ipv4` or `ipv6` replaces the server, since the PBX cannot update them; the other arguments update in place. "+
		"At least one of `ipv4` and `ipv6` is required. ",
		"server")
}

func (r *portsipServer) ConfigValidators(context.Context) []resource.ConfigValidator {
	// portsip-conference.txt: "at least one of ipv4 or ipv6 must be specified."
	return []resource.ConfigValidator{
		resourcevalidator.AtLeastOneOf(path.MatchRoot("ipv4"), path.MatchRoot("ipv6")),
	}
}

func (r *portsipServer) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.create(ctx, req, resp, func(ctx context.Context, m *portsipServerModel, diags *diag.Diagnostics) func() (string, error) {
		in := m.CreateBody(ctx, diags)
		return func() (string, error) { return r.client.CreateServer(ctx, in) }
	}, r.readBack)
}

func (r *portsipServer) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.update(ctx, req, resp, func(ctx context.Context, m, prior *portsipServerModel, diags *diag.Diagnostics) func() error {
		in := m.UpdateBody(ctx, &prior.Server, diags)
		return func() error { return r.client.UpdateServer(ctx, prior.ID.ValueString(), in) }
	}, r.readBack)
}
