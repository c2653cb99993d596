package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
)

// NewSQMeetingMeeting is the conference_sqmeeting_meeting resource.
func NewSQMeetingMeeting(k Kind) resource.Resource {
	return &sqmeetingMeeting{newBase(k, ops[*sqmeeting.Client, sqmeetingMeetingModel]{
		get:    getSQMeetingMeeting,
		remove: deleteByID[sqmeetingMeetingModel]((*sqmeeting.Client).DeleteMeeting),
	})}
}

type sqmeetingMeeting struct {
	base[*sqmeeting.Client, sqmeetingMeetingModel, *sqmeetingMeetingModel]
}

type sqmeetingMeetingModel struct {
	withTimeouts
	sqmeetingmap.Meeting
	sqmeetingmap.MeetingTwins
}

// Validate checks the meeting's arguments and its twins'.
func (m *sqmeetingMeetingModel) Validate(ctx context.Context, diags *diag.Diagnostics) {
	m.Meeting.Validate(ctx, diags)
	m.MeetingTwins.Validate(&m.Meeting, diags)
}

// hideWriteOnly keeps out what the configuration gives write-only.
func (m *sqmeetingMeetingModel) hideWriteOnly() { m.Hide(&m.Meeting) }

// getSQMeetingMeeting refuses an occurrence of a series, which is the
// series' resource's.
func getSQMeetingMeeting(ctx context.Context, c *sqmeeting.Client, id string, m *sqmeetingMeetingModel, diags *diag.Diagnostics) error {
	got, err := c.GetMeeting(ctx, id)
	if err != nil {
		return err
	}
	if got.MeetingType == sqmeeting.MeetingTypeRecurrence {
		diags.AddError("SQMeeting meeting is an occurrence of a series",
			fmt.Sprintf("Reservation %s is an occurrence of the recurring meeting %s. Manage the series with conference_sqmeeting_recurring_meeting "+
				"(terraform import conference_sqmeeting_recurring_meeting.<name> %s).", got.ReservationID, got.RecurrenceGID, got.RecurrenceGID))
		return nil
	}
	m.FromAPI(ctx, got, diags)
	return nil
}

func (r *sqmeetingMeeting) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema(ctx, sqmeetingmap.WithMeetingTwins(sqmeetingmap.MeetingAttrs()), "An SQMeeting (FRTC) meeting of the user the provider signs in as: a reservation meeting scheduled from `start_time` to `end_time`, "+
		"or an instant meeting that starts when it is created. "+
		"Changing `type` replaces the meeting, and so does any change of an instant meeting, which SQMeeting cannot update; "+
		"a reservation meeting's other arguments update in place. The plan says why a meeting is replaced. "+
		"For a meeting that repeats, use `conference_sqmeeting_recurring_meeting`. ",
		"meeting")
}

// planCreate checks the times an instant meeting's configuration names.
func (m *sqmeetingMeetingModel) planCreate(_ context.Context, config *sqmeetingMeetingModel, resp *resource.ModifyPlanResponse) {
	config.CheckInstantTimes(nil, false, &resp.Diagnostics)
}

// planUpdate replaces an instant meeting on any change, with the reason,
// checks the times an instant meeting's configuration names (which only
// the state tells apart from a new meeting's), and plans what the server
// changes besides the arguments (Meeting.Plan).
func (m *sqmeetingMeetingModel) planUpdate(_ context.Context, prior, config *sqmeetingMeetingModel, resp *resource.ModifyPlanResponse) {
	if prior.Type.ValueString() == sqmeeting.MeetingTypeInstant && m.Type.Equal(prior.Type) {
		for _, name := range m.Changed(&prior.Meeting, &config.Meeting) {
			resp.RequiresReplace = append(resp.RequiresReplace, path.Root(name))
			planmodifiers.WarnReplace(&resp.Diagnostics, path.Root(name), sqmeetingmap.InstantImmutable)
		}
		for _, name := range m.Bumped(&prior.MeetingTwins) {
			resp.RequiresReplace = append(resp.RequiresReplace, path.Root(name))
			planmodifiers.WarnReplace(&resp.Diagnostics, path.Root(name), sqmeetingmap.InstantImmutable)
		}
	}
	config.CheckInstantTimes(&prior.Meeting, len(resp.RequiresReplace) > 0 || !m.Type.Equal(prior.Type), &resp.Diagnostics)
	m.Plan(&prior.Meeting, &config.Meeting)
}

func (r *sqmeetingMeeting) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.create(ctx, req, resp, func(ctx context.Context, m *sqmeetingMeetingModel, diags *diag.Diagnostics) func() (string, error) {
		in := m.CreateBody(ctx, diags)
		m.Apply(&m.Meeting, nil, nil, &in)
		return func() (string, error) {
			created, err := r.client.CreateMeeting(ctx, in)
			return "", fill(ctx, m, created, err, diags)
		}
	}, nil)
}

func (r *sqmeetingMeeting) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.update(ctx, req, resp, func(ctx context.Context, m, prior *sqmeetingMeetingModel, diags *diag.Diagnostics) func() error {
		in := m.UpdateBody(ctx, &prior.Meeting, diags)
		m.Apply(&m.Meeting, &prior.MeetingTwins, &prior.Meeting, &in)
		return func() error { return r.client.UpdateMeeting(ctx, prior.ID.ValueString(), in) }
	}, r.readBack)
}
