package resources

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/errdiag"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
)

// NewSQMeetingRecurringMeeting is the conference_sqmeeting_recurring_meeting
// resource.
func NewSQMeetingRecurringMeeting(k Kind) resource.Resource {
	return &sqmeetingRecurring{newBase(k, byID[sqmeetingRecurringModel]((*sqmeeting.Client).GetRecurrence, (*sqmeeting.Client).DeleteRecurrence))}
}

type sqmeetingRecurring struct {
	base[*sqmeeting.Client, sqmeetingRecurringModel, *sqmeetingRecurringModel]
}

type sqmeetingRecurringModel struct {
	withTimeouts
	sqmeetingmap.RecurringMeeting
	sqmeetingmap.PasswordTwin
}

// hideWriteOnly keeps out the password that the configuration gives
// write-only.
func (m *sqmeetingRecurringModel) hideWriteOnly() { m.HidePassword(&m.Settings) }

func (r *sqmeetingRecurring) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema(ctx, sqmeetingmap.WithPasswordTwin(sqmeetingmap.RecurringMeetingAttrs()), "An SQMeeting (FRTC) recurring meeting: a series of occurrences that repeat DAILY, WEEKLY or MONTHLY "+
		"from a first occurrence (`start_time`, `end_time`) to `last_day`, managed as one resource. "+
		"A change of a setting or of the rule updates the series in place through the recurrence update API, which makes every occurrence anew; "+
		"the provider then cancels the occurrences on `skip_dates`, and a date added to `skip_dates` alone cancels just its occurrence. "+
		"The plan lists the occurrences each change adds and removes. An occurrence canceled or moved outside Terraform shows as drift, "+
		"and the next apply restores it. Destroying the resource deletes the whole series. "+sqmeetingmap.RuleDoc+" ",
		"series")
}

// planUpdate plans the occurrences from the rule
// (RecurringMeeting.PlanOccurrences) and what a change of meeting room
// changes.
func (m *sqmeetingRecurringModel) planUpdate(ctx context.Context, prior, config *sqmeetingRecurringModel, resp *resource.ModifyPlanResponse) {
	m.PlanSettings(&prior.RecurringMeeting, &config.RecurringMeeting)
	m.PlanOccurrences(ctx, &prior.RecurringMeeting, &resp.Diagnostics)
}

func (r *sqmeetingRecurring) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.create(ctx, req, resp, func(ctx context.Context, m *sqmeetingRecurringModel, diags *diag.Diagnostics) func() (string, error) {
		in := m.CreateBody(ctx, diags)
		m.ApplyPassword(&m.Settings, nil, nil, &in.MeetingInput)
		return func() (string, error) {
			first, err := r.client.CreateRecurrence(ctx, in)
			if err != nil {
				return "", err
			}
			return first.RecurrenceGID, nil
		}
	}, r.settle)
}

// settle puts the series' occurrences where its rule, skip_dates and the
// planned occurrences say (RecurringMeeting.Reconcile: nothing moves when the
// server's expansion is the rule's) and reads the series gid into m.
func (r *sqmeetingRecurring) settle(ctx context.Context, gid string, m *sqmeetingRecurringModel, diags *diag.Diagnostics) {
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
		r.readBack(ctx, gid, m, diags)
		return
	}
	m.FromAPI(ctx, rec, diags)
}

// Update sends through the recurrence update only what it can do: it makes
// every occurrence anew, where canceling the ones added to skip_dates keeps
// the others as they are. The occurrences it leaves are checked against the
// plan's once they are saved.
func (r *sqmeetingRecurring) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var planned types.List
	saved := r.update(ctx, req, resp, func(ctx context.Context, m, prior *sqmeetingRecurringModel, diags *diag.Diagnostics) func() error {
		in := m.UpdateBody(ctx, &prior.RecurringMeeting, diags)
		m.ApplyPassword(&m.Settings, &prior.PasswordTwin, &prior.Settings, &in.MeetingInput)
		planned = m.Occurrences
		return func() error {
			if !m.NeedsSeriesUpdate(ctx, &prior.RecurringMeeting, diags) && !m.PasswordBumped(&prior.PasswordTwin) {
				return nil
			}
			return r.client.UpdateRecurrence(ctx, prior.ID.ValueString(), in)
		}
	}, r.settle)
	if saved != nil {
		saved.CheckOccurrences(ctx, planned, &resp.Diagnostics)
	}
}
