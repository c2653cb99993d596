package resources

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/errdiag"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

// NewSQMeetingRecurringMeeting is the conference_sqmeeting_recurring_meeting
// resource.
func NewSQMeetingRecurringMeeting(k Kind) resource.Resource {
	return &sqmeetingRecurring{newBase[*sqmeeting.Client, sqmeetingRecurringModel](k)}
}

type sqmeetingRecurring struct {
	base[*sqmeeting.Client, sqmeetingRecurringModel, *sqmeetingRecurringModel]
}

type sqmeetingRecurringModel struct {
	withTimeouts
	sqmeetingmap.RecurringMeeting
	sqmeetingmap.PasswordTwin
}

func (m *sqmeetingRecurringModel) get(ctx context.Context, c *sqmeeting.Client, diags *diag.Diagnostics) error {
	err := read(ctx, c, (*sqmeeting.Client).GetRecurrence, m.ID.ValueString(), &m.RecurringMeeting, diags)
	m.HidePassword(&m.Settings)
	return err
}

func (m *sqmeetingRecurringModel) remove(ctx context.Context, c *sqmeeting.Client, _ *diag.Diagnostics) error {
	return c.DeleteRecurrence(ctx, m.ID.ValueString())
}

func (r *sqmeetingRecurring) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema(ctx, sqmeetingmap.WithPasswordTwin(sqmeetingmap.RecurringMeetingAttrs()), "An SQMeeting (FRTC) recurring meeting: a series of occurrences that repeat DAILY, WEEKLY or MONTHLY "+
		"from a first occurrence (`start_time`, `end_time`) to `last_day`, managed as one resource. "+
		"A change of a setting or of the rule updates the series in place through the recurrence update API, which makes every occurrence anew; "+
		"the provider then cancels the occurrences on `skip_dates`, and a date added to `skip_dates` alone cancels just its occurrence. "+
		"The plan lists the occurrences each change adds and removes. An occurrence canceled or moved outside Terraform shows as drift, "+
		"and the next apply restores it. Destroying the resource deletes the whole series. "+sqmeetingmap.RuleDoc+" ",
		"series")
}

// ModifyPlan plans the occurrences from the rule
// (RecurringMeeting.PlanOccurrences) and what a change of meeting room
// changes.
func (r *sqmeetingRecurring) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	defer r.checkCredentials(ctx, req, &resp.Diagnostics)
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var plan, state, config sqmeetingRecurringModel
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, &plan)...)
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
	resp.Diagnostics.Append(tfmodel.FromConfig(ctx, req.Config, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.PlanSettings(&state.RecurringMeeting, &config.RecurringMeeting)
	plan.HidePassword(&plan.Settings)
	plan.PlanOccurrences(ctx, &state.RecurringMeeting, &resp.Diagnostics)
	resp.Diagnostics.Append(tfmodel.ToPlan(ctx, &resp.Plan, &plan)...)
}

func (r *sqmeetingRecurring) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan sqmeetingRecurringModel
	ctx, cancel := r.begin(ctx, errdiag.Create, &req.Plan, nil, &plan, nil, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	plan.FromConfig(ctx, req.Config, &resp.Diagnostics)
	in := plan.CreateBody(ctx, &resp.Diagnostics)
	plan.ApplyPassword(&plan.Settings, nil, nil, &in.MeetingInput)
	if resp.Diagnostics.HasError() {
		return
	}
	first, err := r.client.CreateRecurrence(ctx, in)
	if err != nil {
		r.errs.Add(&resp.Diagnostics, errdiag.Create, err)
		return
	}
	// From here on the series exists: should putting its occurrences in
	// place fail, the state holds its ID, so the next apply replaces it
	// rather than leaving it behind.
	plan.ID = r.created(ctx, &resp.State, first.RecurrenceGID, &resp.Diagnostics)
	if r.settle(ctx, &plan, &resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

// settle puts the series' occurrences where its rule, skip_dates and the
// planned occurrences say (RecurringMeeting.Reconcile: nothing moves when the
// server's expansion is the rule's) and reads the series into m.
func (r *sqmeetingRecurring) settle(ctx context.Context, m *sqmeetingRecurringModel, diags *diag.Diagnostics) {
	gid := m.ID.ValueString()
	rec, err := r.client.GetRecurrence(ctx, gid)
	if err != nil {
		r.errs.Add(diags, errdiag.Read, err)
		return
	}
	moves, cancels, err := m.Reconcile(ctx, rec)
	if err != nil {
		diags.AddError("SQMeeting recurring meeting does not match its rule", err.Error())
		return
	}
	occurrence := errdiag.Object{Platform: r.errs.Platform, Noun: "occurrence"}
	for _, mv := range moves {
		in := sqmeeting.MeetingInput{ScheduleStartTime: sqmeeting.At(mv.Start), ScheduleEndTime: sqmeeting.At(mv.End)}
		if err := r.client.UpdateMeeting(ctx, mv.ReservationID, in); err != nil {
			occurrence.AddAfter(diags, errdiag.Update, err,
				fmt.Sprintf("Moving occurrence %s of series %s to %s: ", mv.ReservationID, gid, mv.Start.Format(time.RFC3339)))
			return
		}
	}
	for _, id := range cancels {
		if err := r.client.DeleteOccurrence(ctx, id); err != nil && !client.IsNotFound(err) {
			occurrence.AddAfter(diags, errdiag.Delete, err, fmt.Sprintf("Canceling occurrence %s of series %s: ", id, gid))
			return
		}
	}
	if len(moves)+len(cancels) > 0 {
		r.readBack(ctx, m, diags)
		return
	}
	m.FromAPI(ctx, rec, diags)
	m.HidePassword(&m.Settings)
}

func (r *sqmeetingRecurring) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state sqmeetingRecurringModel
	ctx, cancel := r.begin(ctx, errdiag.Update, &req.Plan, &req.State, &plan, &state, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	plan.FromConfig(ctx, req.Config, &resp.Diagnostics)
	in := plan.UpdateBody(ctx, &state.RecurringMeeting, &resp.Diagnostics)
	plan.ApplyPassword(&plan.Settings, &state.PasswordTwin, &state.Settings, &in.MeetingInput)
	if resp.Diagnostics.HasError() {
		return
	}
	// Only what the recurrence update can do goes through it: it makes every
	// occurrence anew, where canceling the ones added to skip_dates keeps
	// the others as they are.
	if plan.NeedsSeriesUpdate(ctx, &state.RecurringMeeting, &resp.Diagnostics) || plan.PasswordBumped(&state.PasswordTwin) {
		if err := r.client.UpdateRecurrence(ctx, state.ID.ValueString(), in); err != nil {
			r.errs.Add(&resp.Diagnostics, errdiag.Update, err)
			return
		}
	}
	plan.ID = state.ID
	planned := plan.Occurrences
	if r.settle(ctx, &plan, &resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
	plan.CheckOccurrences(ctx, planned, &resp.Diagnostics)
}
