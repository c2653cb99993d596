package resources

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

var (
	_ resource.ResourceWithConfigure      = (*wherebyMeeting)(nil)
	_ resource.ResourceWithImportState    = (*wherebyMeeting)(nil)
	_ resource.ResourceWithModifyPlan     = (*wherebyMeeting)(nil)
	_ resource.ResourceWithValidateConfig = (*wherebyMeeting)(nil)
)

// NewWherebyMeeting is the conference_whereby_meeting resource.
func NewWherebyMeeting() resource.Resource { return &wherebyMeeting{} }

type wherebyMeeting struct {
	client *whereby.Client
}

type wherebyMeetingModel struct {
	Timeouts timeouts.Value `tfsdk:"timeouts"`
	wherebymap.ManagedMeeting
}

func (r *wherebyMeeting) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_whereby_meeting"
}

func (r *wherebyMeeting) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := wherebymap.MeetingAttrs().Resource()
	attrs["timeouts"] = timeoutsAttribute(ctx)
	resp.Schema = schema.Schema{
		Description: "A Whereby meeting: a transient room, available from its creation until an hour after `end_date`. " +
			"Changing any argument replaces it: Whereby has no update API, so the provider deletes the meeting and creates a new one, with new URLs. " +
			"An hour after `end_date` Whereby deletes the room, and the next plan creates it again " +
			"(with a new `end_date`: one in the past is refused at plan time). " +
			"Whereby does not return the settings a meeting was created with (`is_locked`, " +
			"`room_mode`, `room_name_prefix`, `room_name_pattern`, `template_type`, `fields`, `recording`, `streaming`, " +
			"`live_transcription`), so an import cannot read them: until the first apply after an import, setting them records " +
			"the configured values without replacing the meeting, trusting that they are the ones it was created with, " +
			"unless the meeting shows otherwise: a `room_name` without the configured `room_name_prefix` or in another " +
			"`room_name_pattern`, or a viewer room URL (which only a `viewerMode` room has) that `template_type`, `room_mode` or " +
			"`is_locked` contradicts, plans a replacement that says which value contradicts which (settings left out are not compared). " +
			reconciliation("meeting"),
		Attributes: attrs,
	}
}

func (r *wherebyMeeting) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = providerdata.Client[*whereby.Client](req.ProviderData, &platforms.Whereby, &resp.Diagnostics)
}

func (r *wherebyMeeting) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg wherebyMeetingModel
	resp.Diagnostics.Append(tfmodel.FromConfig(ctx, req.Config, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cfg.Validate(&resp.Diagnostics)
}

// ModifyPlan checks end_date for a meeting about to be created, and plans
// the optional URLs unknown for an update that changes which are asked for.
func (r *wherebyMeeting) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	defer providerdata.CheckCredentials(ctx, req, &resp.Diagnostics, r.client.CheckCredentials)
	switch {
	case req.Plan.Raw.IsNull():
	case req.State.Raw.IsNull():
		checkEndDate(ctx, req.Plan, &resp.Diagnostics)
	default:
		r.planURLs(ctx, req, resp)
	}
}

// checkEndDate refuses an end_date in the past, as Whereby would ("This has
// to be the same or after the current date"), but at plan time. Only for a
// create: a meeting that exists is never refused for it, its end passing is
// Whereby's business. A replacement is a create, which Terraform plans again
// without the prior state. The clock is this machine's: the provider cannot
// see Whereby's, so a clock that is off leaves Whereby the last word at apply.
func checkEndDate(ctx context.Context, plan tfsdk.Plan, diags *diag.Diagnostics) {
	var end timetype.RFC3339
	diags.Append(plan.GetAttribute(ctx, path.Root("end_date"), &end)...)
	t, ok := end.Known()
	if now := time.Now(); ok && t.Before(now) {
		diags.AddAttributeError(path.Root("end_date"), "end_date is in the past",
			fmt.Sprintf("Whereby creates a meeting only with an end_date that is not in the past; end_date is %s, and it is now %s. "+
				"Set a later end_date. (A meeting that existed is gone an hour after its end_date, so Terraform plans to create it again.)",
				end.ValueString(), now.UTC().Format(time.RFC3339)))
	}
}

// planURLs: the only update that is not a replacement and changes fields or
// template_type is the first apply after an import, which records them and
// reads the URLs they ask for. Otherwise the URLs stay (UseStateForUnknown).
func (r *wherebyMeeting) planURLs(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	for _, name := range []string{"fields", "template_type"} {
		var planned, prior attr.Value
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root(name), &planned)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root(name), &prior)...)
		if resp.Diagnostics.HasError() {
			return
		}
		if !planned.Equal(prior) {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("host_room_url"), types.StringUnknown())...)
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("viewer_room_url"), types.StringUnknown())...)
			return
		}
	}
}

func (r *wherebyMeeting) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan wherebyMeetingModel
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	in := plan.Input(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	mtg, err := r.client.CreateMeeting(ctx, in)
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.Whereby.Name, client.Create, "meeting"))
		return
	}
	plan.FromAPI(mtg)
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

func (r *wherebyMeeting) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state wherebyMeetingModel
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Read, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	// Until the first apply after an import records the settings, reads ask
	// for the viewer URL too: only a viewerMode room has one, which the
	// first plan compares with template_type, room_mode and is_locked.
	var also []string
	if planmodifiers.Unread(ctx, req.Private) {
		also = append(also, whereby.FieldViewerRoomURL)
	}
	mtg, err := r.get(ctx, &state, &resp.Diagnostics, also...)
	if client.IsNotFound(err) {
		// Deleted, or an hour past its end_date: the next plan creates it.
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.Whereby.Name, client.Read, "meeting"))
		return
	}
	if mtg == nil {
		return
	}
	// The settings are Whereby's to keep and not to tell: they stay as
	// they are in the state.
	state.FromAPI(mtg)
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &state)...)
}

// Update changes nothing at Whereby, which cannot: every change to the
// meeting replaces it. What is left to update is what only Terraform holds —
// the timeouts, and after an import the settings Whereby does not return
// (planmodifiers.MarkUnread) — and the optional URLs that those settings ask
// for, which it reads again.
func (r *wherebyMeeting) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan wherebyMeetingModel
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	mtg, err := r.get(ctx, &plan, &resp.Diagnostics)
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.Whereby.Name, client.Read, "meeting"))
		return
	}
	if mtg == nil {
		return
	}
	plan.FromAPI(mtg)
	resp.Diagnostics.Append(planmodifiers.ClearUnread(ctx, resp.Private)...)
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

// get reads the meeting with the optional URLs m asks for, those m already
// holds (an import's first reads ask for the viewer URL), and also; nil
// without an error when the diagnostics have one.
func (r *wherebyMeeting) get(ctx context.Context, m *wherebyMeetingModel, diags *diag.Diagnostics, also ...string) (*whereby.Meeting, error) {
	fields := m.WantedFields(ctx, diags)
	if diags.HasError() {
		return nil, nil
	}
	if held := m.ViewerRoomURL; !held.IsNull() && !held.IsUnknown() {
		also = append(also, whereby.FieldViewerRoomURL)
	}
	if held := m.HostRoomURL; !held.IsNull() && !held.IsUnknown() {
		also = append(also, whereby.FieldHostRoomURL)
	}
	// One order (hostRoomUrl, viewerRoomUrl, as WantedFields'), so that the
	// same fields make the same request.
	fields = slices.Compact(slices.Sorted(slices.Values(append(fields, also...))))
	return r.client.GetMeeting(ctx, m.ID.ValueString(), fields...)
}

func (r *wherebyMeeting) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state wherebyMeetingModel
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Delete, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	// Idempotent: a meeting already gone is deleted.
	if err := r.client.DeleteMeeting(ctx, state.ID.ValueString()); err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.Whereby.Name, client.Delete, "meeting"))
	}
}

// ImportState takes the meeting ID. The settings Whereby does not return are
// marked unread, so that the first plan records the configured ones instead
// of replacing the meeting over them.
func (r *wherebyMeeting) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !wherebymap.ValidMeetingID(req.ID) {
		resp.Diagnostics.AddError("Invalid import ID for conference_whereby_meeting",
			fmt.Sprintf("Expected a Whereby meeting ID (meetingId), such as 9cf691bf-f2d5-4420-bda9-ee8607bb558b; got %q.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(planmodifiers.MarkUnread(ctx, resp.Private)...)
}
