package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
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
	_ resource.ResourceWithConfigure      = (*portsipRoom)(nil)
	_ resource.ResourceWithImportState    = (*portsipRoom)(nil)
	_ resource.ResourceWithValidateConfig = (*portsipRoom)(nil)
	_ resource.ResourceWithModifyPlan     = (*portsipRoom)(nil)
)

// NewPortSIPRoom is the conference_portsip_room resource.
func NewPortSIPRoom() resource.Resource { return &portsipRoom{} }

type portsipRoom struct {
	client *portsip.Client
}

type portsipRoomModel struct {
	Timeouts timeouts.Value `tfsdk:"timeouts"`
	portsipmap.Room
}

func (r *portsipRoom) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_portsip_room"
}

func (r *portsipRoom) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := portsipmap.RoomAttrs().Resource()
	attrs["timeouts"] = timeoutsAttribute(ctx)
	resp.Schema = schema.Schema{
		Description: "A PortSIP PBX conference room: an extension that callers dial to join an audio or video conference. " +
			"Changing `mode`, `extension_number` or `enable_recording` replaces the room, since the PBX cannot update them; the other arguments update in place. " +
			"The video settings (`height`, `width`, `bitrate`, `framerate`, `layout`) are only valid in VIDEO mode, and are rejected at plan time for AUDIO rooms. " +
			reconciliation("room"),
		Attributes: attrs,
	}
}

func (r *portsipRoom) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg portsipRoomModel
	resp.Diagnostics.Append(tfmodel.FromConfig(ctx, req.Config, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cfg.Validate(&resp.Diagnostics)
}

func (r *portsipRoom) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = providerdata.Client[*portsip.Client](req.ProviderData, &platforms.PortSIP, &resp.Diagnostics)
}

// ModifyPlan makes wrong credentials fail the plan of a create or an update.
func (r *portsipRoom) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	defer providerdata.CheckCredentials(ctx, req, &resp.Diagnostics, r.client.CheckCredentials)
}

func (r *portsipRoom) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan portsipRoomModel
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	in := plan.Create(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := r.client.CreateRoom(ctx, in)
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.PortSIP.Name, client.Create, "conference room"))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	r.readInto(ctx, id, &plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

func (r *portsipRoom) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state portsipRoomModel
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Read, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	room, err := r.client.GetRoom(ctx, state.ID.ValueString())
	if client.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.PortSIP.Name, client.Read, "conference room"))
		return
	}
	state.FromAPI(ctx, room, &resp.Diagnostics)
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &state)...)
}

func (r *portsipRoom) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state portsipRoomModel
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, &plan)...)
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	in := plan.Update(ctx, &state.Room, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.UpdateRoom(ctx, state.ID.ValueString(), in); err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.PortSIP.Name, client.Update, "conference room"))
		return
	}
	r.readInto(ctx, state.ID.ValueString(), &plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

func (r *portsipRoom) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state portsipRoomModel
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Delete, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	err := r.client.DeleteRoom(ctx, state.ID.ValueString())
	if err != nil && !client.IsNotFound(err) {
		resp.Diagnostics.AddError(client.Describe(err, platforms.PortSIP.Name, client.Delete, "conference room"))
	}
}

func (r *portsipRoom) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID == "" {
		resp.Diagnostics.AddError("Invalid import ID", "Import a conference room by its PortSIP ID, e.g. `terraform import conference_portsip_room.sales NzAwNTUxOTA5NzczMTQ4MTYw`.")
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

func (r *portsipRoom) readInto(ctx context.Context, id string, m *portsipRoomModel, diags *diag.Diagnostics) {
	room, err := r.client.GetRoom(ctx, id)
	if err != nil {
		diags.AddError(client.Describe(err, platforms.PortSIP.Name, client.Read, "conference room"))
		return
	}
	m.FromAPI(ctx, room, diags)
}
