package resources

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
	"github.com/confkit/terraform-provider-conference/internal/recurrence"
)

var (
	_ resource.ResourceWithConfigure      = (*sqmeetingRecurring)(nil)
	_ resource.ResourceWithImportState    = (*sqmeetingRecurring)(nil)
	_ resource.ResourceWithValidateConfig = (*sqmeetingRecurring)(nil)
	_ resource.ResourceWithModifyPlan     = (*sqmeetingRecurring)(nil)
)

// NewSQMeetingRecurringMeeting is the conference_sqmeeting_recurring_meeting
// resource.
func NewSQMeetingRecurringMeeting() resource.Resource { return &sqmeetingRecurring{} }

type sqmeetingRecurring struct {
	client *sqmeeting.Client
}

type sqmeetingRecurringModel struct {
	Timeouts timeouts.Value `tfsdk:"timeouts"`
	sqmeetingmap.RecurringMeeting
}

func (r *sqmeetingRecurring) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_sqmeeting_recurring_meeting"
}

func (r *sqmeetingRecurring) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := sqmeetingmap.RecurringMeetingAttrs().Resource()
	attrs["timeouts"] = timeoutsAttribute(ctx)
	resp.Schema = schema.Schema{
		Description: "An SQMeeting (FRTC) recurring meeting: a series of occurrences that repeat DAILY, WEEKLY or MONTHLY " +
			"from a first occurrence (`start_time`, `end_time`) to `last_day`, managed as one resource. " +
			"A change of a setting or of the rule updates the series in place through the recurrence update API, which makes every occurrence anew; " +
			"the provider then cancels the occurrences on `skip_dates`, and a date added to `skip_dates` alone cancels just its occurrence. " +
			"The plan lists the occurrences each change adds and removes. An occurrence canceled or moved outside Terraform shows as drift, " +
			"and the next apply restores it. Destroying the resource deletes the whole series. " + sqmeetingmap.RuleDoc + " " +
			reconciliation("series"),
		Attributes: attrs,
	}
}

func (r *sqmeetingRecurring) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = providerdata.Client[*sqmeeting.Client](req.ProviderData, &platforms.SQMeeting, &resp.Diagnostics)
}

func (r *sqmeetingRecurring) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg sqmeetingRecurringModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cfg.Validate(ctx, &resp.Diagnostics)
}

// ModifyPlan plans the occurrences from the rule
// (RecurringMeeting.PlanOccurrences) and what a change of meeting room
// changes.
func (r *sqmeetingRecurring) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	defer providerdata.CheckCredentials(ctx, req, &resp.Diagnostics, r.client.CheckCredentials)
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var plan, state, config sqmeetingRecurringModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.PlanSettings(&state.RecurringMeeting, &config.RecurringMeeting)
	plan.PlanOccurrences(ctx, &state.RecurringMeeting, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

func (r *sqmeetingRecurring) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan sqmeetingRecurringModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	in := plan.Input(ctx, nil, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	first, err := r.client.CreateRecurrence(ctx, in)
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.SQMeeting.Name, client.Create, "recurring meeting"))
		return
	}
	// From here on the series exists: should putting its occurrences in
	// place fail, the state holds its ID, so the next apply replaces it
	// rather than leaving it behind.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), first.RecurrenceGID)...)
	r.settle(ctx, first.RecurrenceGID, &plan.RecurringMeeting, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// settle puts the series' occurrences where its rule, skip_dates and the
// planned occurrences say (RecurringMeeting.Reconcile: nothing moves when the
// server's expansion is the rule's) and reads the series into m.
func (r *sqmeetingRecurring) settle(ctx context.Context, gid string, m *sqmeetingmap.RecurringMeeting, diags *diag.Diagnostics) {
	rec, err := r.client.GetRecurrence(ctx, gid)
	if err != nil {
		diags.AddError(client.Describe(err, platforms.SQMeeting.Name, client.Read, "recurring meeting"))
		return
	}
	moves, cancels, err := m.Reconcile(ctx, rec)
	if err != nil {
		diags.AddError("SQMeeting recurring meeting does not match its rule", err.Error())
		return
	}
	for _, mv := range moves {
		in := sqmeeting.MeetingInput{ScheduleStartTime: sqmeeting.At(mv.Start), ScheduleEndTime: sqmeeting.At(mv.End)}
		if err := r.client.UpdateMeeting(ctx, mv.ReservationID, in); err != nil {
			summary, detail := client.Describe(err, platforms.SQMeeting.Name, client.Update, "occurrence")
			diags.AddError(summary, fmt.Sprintf("Moving occurrence %s of series %s to %s: %s", mv.ReservationID, gid, mv.Start.Format(time.RFC3339), detail))
			return
		}
	}
	for _, id := range cancels {
		if err := r.client.DeleteOccurrence(ctx, id); err != nil && !client.IsNotFound(err) {
			summary, detail := client.Describe(err, platforms.SQMeeting.Name, client.Delete, "occurrence")
			diags.AddError(summary, fmt.Sprintf("Canceling occurrence %s of series %s: %s", id, gid, detail))
			return
		}
	}
	if len(moves)+len(cancels) > 0 {
		if rec, err = r.client.GetRecurrence(ctx, gid); err != nil {
			diags.AddError(client.Describe(err, platforms.SQMeeting.Name, client.Read, "recurring meeting"))
			return
		}
	}
	m.FromAPI(ctx, rec, diags)
}

func (r *sqmeetingRecurring) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state sqmeetingRecurringModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Read, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	rec, err := r.client.GetRecurrence(ctx, state.ID.ValueString())
	if client.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.SQMeeting.Name, client.Read, "recurring meeting"))
		return
	}
	state.FromAPI(ctx, rec, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *sqmeetingRecurring) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state sqmeetingRecurringModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	in := plan.Input(ctx, &state.RecurringMeeting, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	gid := state.ID.ValueString()
	// Only what the recurrence update can do goes through it: it makes every
	// occurrence anew, where canceling the ones added to skip_dates keeps
	// the others as they are.
	if plan.NeedsSeriesUpdate(ctx, &state.RecurringMeeting, &resp.Diagnostics) {
		if err := r.client.UpdateRecurrence(ctx, gid, in); err != nil {
			resp.Diagnostics.AddError(client.Describe(err, platforms.SQMeeting.Name, client.Update, "recurring meeting"))
			return
		}
	}
	planned := plan.Occurrences
	r.settle(ctx, gid, &plan.RecurringMeeting, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	plan.CheckOccurrences(ctx, planned, &resp.Diagnostics)
}

func (r *sqmeetingRecurring) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state sqmeetingRecurringModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Delete, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	err := r.client.DeleteRecurrence(ctx, state.ID.ValueString())
	if err != nil && !client.IsNotFound(err) {
		resp.Diagnostics.AddError(client.Describe(err, platforms.SQMeeting.Name, client.Delete, "recurring meeting"))
	}
}

// ImportState takes the recurrence group ID, optionally followed by a comma
// and the time zone the series' days and times are meant in (SQMeeting does
// not store it): 8c4e...,Europe/Berlin. Without one, the zone is UTC.
func (r *sqmeetingRecurring) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	gid, zone, hasZone := strings.Cut(req.ID, ",")
	if !hasZone {
		zone = sqmeetingmap.DefaultTimezone
	}
	if gid == "" || strings.ContainsAny(gid, "/?# ") {
		resp.Diagnostics.AddError("Invalid import ID for conference_sqmeeting_recurring_meeting",
			fmt.Sprintf("Expected the recurrence group ID, optionally followed by a comma and the series' IANA time zone, "+
				"such as 8c4e2b7a-5f0e-4c1b-9a3d-2e6f7b8c9d01,Europe/Berlin; got %q.", req.ID))
		return
	}
	if _, err := recurrence.LoadZone(zone); err != nil {
		resp.Diagnostics.AddError("Invalid import ID for conference_sqmeeting_recurring_meeting",
			fmt.Sprintf("%q after the comma is not an IANA time zone such as Europe/Berlin or UTC.", zone))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), gid)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("timezone"), zone)...)
}
