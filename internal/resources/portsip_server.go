package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/errdiag"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
)

// NewPortSIPServer is the conference_portsip_server resource.
func NewPortSIPServer(k Kind) resource.Resource {
	return &portsipServer{newBase[*portsip.Client, portsipServerModel](k)}
}

type portsipServer struct {
	base[*portsip.Client, portsipServerModel, *portsipServerModel]
}

type portsipServerModel struct {
	withTimeouts
	portsipmap.Server
}

func (m *portsipServerModel) get(ctx context.Context, c *portsip.Client, diags *diag.Diagnostics) error {
	return read(ctx, c, (*portsip.Client).GetServer, m.ID.ValueString(), &m.Server, diags)
}

func (m *portsipServerModel) remove(ctx context.Context, c *portsip.Client, _ *diag.Diagnostics) error {
	return c.DeleteServer(ctx, m.ID.ValueString())
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
	var plan portsipServerModel
	ctx, cancel := r.begin(ctx, errdiag.Create, &req.Plan, nil, &plan, nil, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := r.client.CreateServer(ctx, plan.CreateBody(ctx, &resp.Diagnostics))
	if err != nil {
		r.errs.Add(&resp.Diagnostics, errdiag.Create, err)
		return
	}
	plan.ID = r.created(ctx, &resp.State, id, &resp.Diagnostics)
	r.finish(ctx, &plan, &resp.State, &resp.Diagnostics)
}

func (r *portsipServer) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state portsipServerModel
	ctx, cancel := r.begin(ctx, errdiag.Update, &req.Plan, &req.State, &plan, &state, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.UpdateServer(ctx, plan.ID.ValueString(), plan.UpdateBody(ctx, &state.Server, &resp.Diagnostics)); err != nil {
		r.errs.Add(&resp.Diagnostics, errdiag.Update, err)
		return
	}
	r.finish(ctx, &plan, &resp.State, &resp.Diagnostics)
}
