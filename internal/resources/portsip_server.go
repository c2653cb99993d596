package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

var (
	_ resource.ResourceWithConfigure        = (*portsipServer)(nil)
	_ resource.ResourceWithImportState      = (*portsipServer)(nil)
	_ resource.ResourceWithConfigValidators = (*portsipServer)(nil)
	_ resource.ResourceWithModifyPlan       = (*portsipServer)(nil)
)

// NewPortSIPServer is the conference_portsip_server resource.
func NewPortSIPServer() resource.Resource { return &portsipServer{} }

type portsipServer struct {
	client *portsip.Client
}

type portsipServerModel struct {
	Timeouts timeouts.Value `tfsdk:"timeouts"`
	portsipmap.Server
}

func (r *portsipServer) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_portsip_server"
}

func (r *portsipServer) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := portsipmap.ServerAttrs().Resource()
	attrs["timeouts"] = timeoutsAttribute(ctx)
	resp.Schema = schema.Schema{
		Description: "A PortSIP PBX conference server: a media server that hosts conference rooms. " +
			"Changing `name`, `ipv4` or `ipv6` replaces the server, since the PBX cannot update them; the other arguments update in place. " +
			"At least one of `ipv4` and `ipv6` is required. " +
			reconciliation("server"),
		Attributes: attrs,
	}
}

func (r *portsipServer) ConfigValidators(context.Context) []resource.ConfigValidator {
	// portsip-conference.txt: "at least one of ipv4 or ipv6 must be specified."
	return []resource.ConfigValidator{
		resourcevalidator.AtLeastOneOf(path.MatchRoot("ipv4"), path.MatchRoot("ipv6")),
	}
}

func (r *portsipServer) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = providerdata.Client[*portsip.Client](req.ProviderData, &platforms.PortSIP, &resp.Diagnostics)
}

// ModifyPlan makes wrong credentials fail the plan of a create or an update.
func (r *portsipServer) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	defer providerdata.CheckCredentials(ctx, req, &resp.Diagnostics, r.client.CheckCredentials)
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
		resp.Diagnostics.AddError(client.Describe(err, platforms.PortSIP.Name, client.Create, "conference server"))
		return
	}
	// Save the ID first: if the read-back fails, the server still exists and
	// Terraform must know about it to manage or destroy it.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	s, err := r.client.GetServer(ctx, id)
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.PortSIP.Name, client.Read, "conference server"))
		return
	}
	plan.FromAPI(s)
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

func (r *portsipServer) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state portsipServerModel
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Read, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	s, err := r.client.GetServer(ctx, state.ID.ValueString())
	if client.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.PortSIP.Name, client.Read, "conference server"))
		return
	}
	state.FromAPI(s)
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &state)...)
}

func (r *portsipServer) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan portsipServerModel
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	err := r.client.UpdateServer(ctx, plan.ID.ValueString(), plan.Update())
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.PortSIP.Name, client.Update, "conference server"))
		return
	}
	s, err := r.client.GetServer(ctx, plan.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.PortSIP.Name, client.Read, "conference server"))
		return
	}
	plan.FromAPI(s)
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

func (r *portsipServer) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state portsipServerModel
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Delete, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	err := r.client.DeleteServer(ctx, state.ID.ValueString())
	if err != nil && !client.IsNotFound(err) {
		resp.Diagnostics.AddError(client.Describe(err, platforms.PortSIP.Name, client.Delete, "conference server"))
	}
}

func (r *portsipServer) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID == "" {
		resp.Diagnostics.AddError("Invalid import ID", "Import a conference server by its PortSIP ID, e.g. `terraform import conference_portsip_server.main NzAwNTUxOTA5NzczMTQ4MTYw`.")
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
