package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/errdiag"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

var (
	_ resource.ResourceWithConfigure        = (*portsipServer)(nil)
	_ resource.ResourceWithImportState      = (*portsipServer)(nil)
	_ resource.ResourceWithConfigValidators = (*portsipServer)(nil)
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
	s, err := c.GetServer(ctx, m.ID.ValueString())
	if err == nil {
		m.FromAPI(s)
	}
	return err
}

func (m *portsipServerModel) remove(ctx context.Context, c *portsip.Client, _ *diag.Diagnostics) error {
	return c.DeleteServer(ctx, m.ID.ValueString())
}

func (r *portsipServer) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema(ctx, portsipmap.ServerAttrs(), "A PortSIP PBX conference server: a media server that hosts conference rooms. "+
		"`name`, `ipv4` and `ipv6` cannot change in place; changing them replaces the server. At least one of `ipv4` and `ipv6` is required. ",
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
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	id, err := r.client.CreateServer(ctx, plan.Create())
	if err != nil {
		r.errs.Add(&resp.Diagnostics, errdiag.Create, err)
		return
	}
	// Save the ID first: if the read-back fails, the server still exists and
	// Terraform must know about it to manage or destroy it.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	plan.ID = types.StringValue(id)
	if r.readBack(ctx, &plan, &resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

func (r *portsipServer) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan portsipServerModel
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	if err := r.client.UpdateServer(ctx, plan.ID.ValueString(), plan.Update()); err != nil {
		r.errs.Add(&resp.Diagnostics, errdiag.Update, err)
		return
	}
	if r.readBack(ctx, &plan, &resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}
