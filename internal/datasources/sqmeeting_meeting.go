package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewSQMeetingMeeting is the conference_sqmeeting_meeting data source: one
// meeting, or one occurrence of a series, by reservation ID.
func NewSQMeetingMeeting() datasource.DataSource {
	return &sqmeetingMeeting{newBase[*sqmeeting.Client]("sqmeeting_meeting", &platforms.SQMeeting, "meeting")}
}

type sqmeetingMeeting struct {
	base[*sqmeeting.Client]
}

func (d *sqmeetingMeeting) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := sqmeetingmap.ListedAttrs().DataSource()
	attrs["id"] = schema.StringAttribute{
		Required:    true,
		Description: "The reservation ID of the meeting, or of one occurrence of a series (a `conference_sqmeeting_recurring_meeting`'s `occurrences[*].reservation_id`).",
		Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	resp.Schema = schema.Schema{
		Description: "An SQMeeting meeting that the signed-in user owns or is invited to: an instant or reservation meeting, " +
			"or one occurrence of a series. Reading an ID that does not exist is an error.",
		Attributes: attrs,
	}
}

func (d *sqmeetingMeeting) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg sqmeetingmap.Listed
	lookup(ctx, &d.base, req, resp, &cfg, &cfg.ID, d.client.GetMeeting, "")
}
