package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

var (
	_ resource.ResourceWithConfigure      = (*sqmeetingMeeting)(nil)
	_ resource.ResourceWithImportState    = (*sqmeetingMeeting)(nil)
	_ resource.ResourceWithValidateConfig = (*sqmeetingMeeting)(nil)
	_ resource.ResourceWithModifyPlan     = (*sqmeetingMeeting)(nil)
)

// NewSQMeetingMeeting is the conference_sqmeeting_meeting resource.
func NewSQMeetingMeeting() resource.Resource { return &sqmeetingMeeting{} }

type sqmeetingMeeting struct {
	client *sqmeeting.Client
}

type sqmeetingMeetingModel struct {
	Timeouts timeouts.Value `tfsdk:"timeouts"`
	sqmeetingmap.Meeting
}

func (r *sqmeetingMeeting) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_sqmeeting_meeting"
}

func (r *sqmeetingMeeting) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := sqmeetingmap.MeetingAttrs().Resource()
	attrs["timeouts"] = timeoutsAttribute(ctx)
	resp.Schema = schema.Schema{
		Description: "An SQMeeting (FRTC) meeting of the user the provider signs in as: a reservation meeting scheduled from `start_time` to `end_time`, " +
			"or an instant meeting that starts when it is created. " +
			"Changing `type` replaces the meeting, and so does any change of an instant meeting, which SQMeeting cannot update; " +
			"a reservation meeting's other arguments update in place. The plan says why a meeting is replaced. " +
			"For a meeting that repeats, use `conference_sqmeeting_recurring_meeting`. " +
			reconciliation("meeting"),
		Attributes: attrs,
	}
}

func (r *sqmeetingMeeting) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = providerdata.Client[*sqmeeting.Client](req.ProviderData, &platforms.SQMeeting, &resp.Diagnostics)
}

func (r *sqmeetingMeeting) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg sqmeetingMeetingModel
	resp.Diagnostics.Append(tfmodel.FromConfig(ctx, req.Config, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cfg.Validate(&resp.Diagnostics)
}

// ModifyPlan replaces an instant meeting on any change, with the reason,
// checks the times an instant meeting's configuration names (which only
// the state tells apart from a new meeting's), and plans what the server
// changes besides the arguments (Meeting.Plan).
func (r *sqmeetingMeeting) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	defer providerdata.CheckCredentials(ctx, req, &resp.Diagnostics, r.client.CheckCredentials)
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan, config sqmeetingMeetingModel
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, &plan)...)
	resp.Diagnostics.Append(tfmodel.FromConfig(ctx, req.Config, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if req.State.Raw.IsNull() {
		config.CheckInstantTimes(nil, false, &resp.Diagnostics)
		return
	}
	var state sqmeetingMeetingModel
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if state.Type.ValueString() == sqmeeting.MeetingTypeInstant && plan.Type.Equal(state.Type) {
		for _, name := range plan.Changed(&state.Meeting, &config.Meeting) {
			resp.RequiresReplace = append(resp.RequiresReplace, path.Root(name))
			planmodifiers.WarnReplace(&resp.Diagnostics, path.Root(name), sqmeetingmap.InstantImmutable)
		}
	}
	config.CheckInstantTimes(&state.Meeting, len(resp.RequiresReplace) > 0 || !plan.Type.Equal(state.Type), &resp.Diagnostics)
	plan.Plan(&state.Meeting, &config.Meeting)
	resp.Diagnostics.Append(tfmodel.ToPlan(ctx, &resp.Plan, &plan)...)
}

func (r *sqmeetingMeeting) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan sqmeetingMeetingModel
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	in := plan.Input(ctx, nil, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	m, err := r.client.CreateMeeting(ctx, in)
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.SQMeeting.Name, client.Create, "meeting"))
		return
	}
	plan.FromAPI(ctx, m, &resp.Diagnostics)
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

func (r *sqmeetingMeeting) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state sqmeetingMeetingModel
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
		resp.Diagnostics.AddError(client.Describe(err, platforms.SQMeeting.Name, client.Read, "meeting"))
		return
	}
	if m.MeetingType == sqmeeting.MeetingTypeRecurrence {
		resp.Diagnostics.AddError("SQMeeting meeting is an occurrence of a series",
			fmt.Sprintf("Reservation %s is an occurrence of the recurring meeting %s. Manage the series with conference_sqmeeting_recurring_meeting "+
				"(terraform import conference_sqmeeting_recurring_meeting.<name> %s).", m.ReservationID, m.RecurrenceGID, m.RecurrenceGID))
		return
	}
	state.FromAPI(ctx, m, &resp.Diagnostics)
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &state)...)
}

func (r *sqmeetingMeeting) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state sqmeetingMeetingModel
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, &plan)...)
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	in := plan.Input(ctx, &state.Meeting, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if err := r.client.UpdateMeeting(ctx, id, in); err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.SQMeeting.Name, client.Update, "meeting"))
		return
	}
	m, err := r.client.GetMeeting(ctx, id)
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.SQMeeting.Name, client.Read, "meeting"))
		return
	}
	plan.FromAPI(ctx, m, &resp.Diagnostics)
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

func (r *sqmeetingMeeting) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state sqmeetingMeetingModel
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Delete, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	err := r.client.DeleteMeeting(ctx, state.ID.ValueString())
	if err != nil && !client.IsNotFound(err) {
		resp.Diagnostics.AddError(client.Describe(err, platforms.SQMeeting.Name, client.Delete, "meeting"))
	}
}

func (r *sqmeetingMeeting) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID == "" {
		resp.Diagnostics.AddError("Invalid import ID", "Import an SQMeeting meeting by its reservation ID, e.g. "+
			"`terraform import conference_sqmeeting_meeting.standup 1f0c6a55-8d8e-4b43-9c1e-3e7f0b6f2a10`.")
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
