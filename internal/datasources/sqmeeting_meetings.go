package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewSQMeetingMeetings is the conference_sqmeeting_meetings data source: the
// scheduled meetings list (GET /api/v1/meeting_schedule), every page.
func NewSQMeetingMeetings() datasource.DataSource {
	return &sqmeetingMeetings{newBase[*sqmeeting.Client]("sqmeeting_meetings", &platforms.SQMeeting, "meetings")}
}

type sqmeetingMeetings struct {
	base[*sqmeeting.Client]
}

type sqmeetingMeetingsModel struct {
	Filter   types.String          `tfsdk:"filter"`
	Meetings []sqmeetingmap.Listed `tfsdk:"meetings"`
}

func (d *sqmeetingMeetings) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the SQMeeting meetings the signed-in user owns or is invited to, every page of them, ordered as the server lists them. " +
			"A series is one item, its first occurrence (`type` `recurrence`, with its `recurrence_gid`); " +
			"the `conference_sqmeeting_recurring_meeting` data source lists its occurrences.",
		Attributes: map[string]schema.Attribute{
			"filter": schema.StringAttribute{
				Optional:    true,
				Description: sqmeetingmap.MeetingFilterDoc,
			},
			"meetings": listOf("The meetings. `password` and `live_passcode` are sensitive.", sqmeetingmap.ListedAttrs()),
		},
	}
}

func (d *sqmeetingMeetings) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg sqmeetingMeetingsModel
	list(ctx, &d.base, req, resp, &cfg, &cfg.Meetings, func(ctx context.Context) ([]sqmeeting.Meeting, error) {
		return managed.Every(ctx, managed.SQMeetingMeetings(d.client, &managed.Listing{SQMeetingFilter: cfg.Filter.ValueString()}))
	})
}
