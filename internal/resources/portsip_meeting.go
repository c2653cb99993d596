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
	_ resource.ResourceWithConfigure      = (*portsipMeeting)(nil)
	_ resource.ResourceWithImportState    = (*portsipMeeting)(nil)
	_ resource.ResourceWithValidateConfig = (*portsipMeeting)(nil)
	_ resource.ResourceWithModifyPlan     = (*portsipMeeting)(nil)
)

// NewPortSIPMeeting is the conference_portsip_meeting resource.
func NewPortSIPMeeting() resource.Resource { return &portsipMeeting{} }

type portsipMeeting struct {
	client *portsip.Client
}

type portsipMeetingModel struct {
	Timeouts timeouts.Value `tfsdk:"timeouts"`
	portsipmap.Meeting
}

func (r *portsipMeeting) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_portsip_meeting"
}

func (r *portsipMeeting) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := portsipmap.MeetingAttrs().Resource()
	attrs["timeouts"] = timeoutsAttribute(ctx)
	resp.Schema = schema.Schema{
		Description: "A PortSIP PBX user's meeting: an audio or video conference, on an extension the PBX assigns, that belongs to the user who creates it. " +
			"Changing `mode` replaces the meeting, since the PBX cannot update it; the other arguments update in place. " +
			"The PBX shows a user's meetings to that user alone, so a meeting belongs to the user the provider configuration signs in as: " +
			"manage each user's meetings through a provider alias that signs in as that user, selected with `provider` on the resource. " +
			"The video settings (`height`, `width`, `bitrate`, `framerate`, `layout`) are only valid in VIDEO mode, and are rejected at plan time for AUDIO meetings. " +
			reconciliation("meeting"),
		Attributes: attrs,
	}
}

func (r *portsipMeeting) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg portsipMeetingModel
	resp.Diagnostics.Append(tfmodel.FromConfig(ctx, req.Config, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cfg.Validate(&resp.Diagnostics)
}

func (r *portsipMeeting) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = providerdata.Client[*portsip.Client](req.ProviderData, &platforms.PortSIP, &resp.Diagnostics)
}

// ModifyPlan makes wrong credentials fail the plan of a create or an update.
func (r *portsipMeeting) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	defer providerdata.CheckCredentials(ctx, req, &resp.Diagnostics, r.client.CheckCredentials)
}

func (r *portsipMeeting) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan portsipMeetingModel
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
	created, err := r.client.CreateMeeting(ctx, in)
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.PortSIP.Name, client.Create, "meeting"))
		return
	}
	// From here on the meeting exists: with its ID in state, a failure below
	// leaves it tainted, to be replaced, rather than forgotten.
	id := created.ID
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	want := plan
	got := r.readInto(ctx, id, &plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if up, ok := want.AfterCreate(got); ok {
		if err := r.client.UpdateMeeting(ctx, id, up); err != nil {
			summary, detail := client.Describe(err, platforms.PortSIP.Name, client.Update, "meeting")
			resp.Diagnostics.AddError(summary, "PortSIP creates a meeting with its own capacity, so the provider sets capacity "+
				"with an update right after the create, and that update failed. The meeting exists, and the next apply replaces it.\n\n"+detail)
			return
		}
		if r.readInto(ctx, id, &plan, &resp.Diagnostics); resp.Diagnostics.HasError() {
			return
		}
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

func (r *portsipMeeting) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state portsipMeetingModel
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Read, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	m, err := r.client.GetMeeting(ctx, state.ID.ValueString())
	if client.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.PortSIP.Name, client.Read, "meeting"))
		return
	}
	state.FromAPI(ctx, m, &resp.Diagnostics)
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &state)...)
}

func (r *portsipMeeting) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state portsipMeetingModel
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, &plan)...)
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	in := plan.Update(ctx, &state.Meeting, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if err := r.client.UpdateMeeting(ctx, id, in); err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.PortSIP.Name, client.Update, "meeting"))
		return
	}
	if r.readInto(ctx, id, &plan, &resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

func (r *portsipMeeting) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state portsipMeetingModel
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Delete, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	err := r.client.DeleteMeeting(ctx, state.ID.ValueString())
	if err != nil && !client.IsNotFound(err) {
		resp.Diagnostics.AddError(client.Describe(err, platforms.PortSIP.Name, client.Delete, "meeting"))
	}
}

// ImportState checks that the meeting is the signed-in user's before taking
// its ID. Read drops a meeting it cannot find, and the CLI would then say no
// more than "Cannot import non-existent remote object"; the PBX answers 404
// for another user's meeting too, and the user must hear that, and which
// provider configuration to import with.
func (r *portsipMeeting) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID == "" {
		resp.Diagnostics.AddError("Invalid import ID", "Import a meeting by its PortSIP ID, signed in as its owner, e.g. `terraform import conference_portsip_meeting.review NzAwNTUxOTA5NzczMTQ4MTYw`.")
		return
	}
	_, err := r.client.GetMeeting(ctx, req.ID)
	if client.IsNotFound(err) {
		resp.Diagnostics.AddError("PortSIP meeting not found for the signed-in user", portsipmap.MeetingNotFound("ID", req.ID, r.client.Username(), "import"))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.PortSIP.Name, client.Read, "meeting"))
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// readInto reads meeting id into m and returns what the PBX answered.
func (r *portsipMeeting) readInto(ctx context.Context, id string, m *portsipMeetingModel, diags *diag.Diagnostics) *portsip.Meeting {
	got, err := r.client.GetMeeting(ctx, id)
	if err != nil {
		diags.AddError(client.Describe(err, platforms.PortSIP.Name, client.Read, "meeting"))
		return nil
	}
	m.FromAPI(ctx, got, diags)
	return got
}
