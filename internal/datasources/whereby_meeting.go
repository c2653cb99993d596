package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewWherebyMeeting is the conference_whereby_meeting data source: GET
// /meetings/{meetingId}.
func NewWherebyMeeting() datasource.DataSource {
	return &wherebyMeeting{newBase[*whereby.Client]("whereby_meeting", &platforms.Whereby, "meeting")}
}

type wherebyMeeting struct {
	base[*whereby.Client]
}

type wherebyMeetingModel struct {
	wherebymap.Meeting
	Fields types.Set `tfsdk:"fields"`
}

func (d *wherebyMeeting) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := wherebymap.ReadableAttrs().DataSource()
	attrs["id"] = schema.StringAttribute{
		Required:    true,
		Description: "The meeting ID (`meetingId`) of the meeting to read.",
		Validators:  []validator.String{wherebymap.MeetingID()},
	}
	attrs["fields"] = wherebymap.FieldsArgument()
	resp.Schema = schema.Schema{
		Description: "Reads one Whereby meeting by its ID: its room and dates, and the optional URLs asked for in `fields`. " +
			"A meeting that does not exist (deleted, or an hour past its end) is an error. Whereby does not return the " +
			"settings a meeting was created with, so this data source has none of them.",
		Attributes: attrs,
	}
}

func (d *wherebyMeeting) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg wherebyMeetingModel
	lookup(ctx, &d.base, req, resp, &cfg, &cfg.ID,
		func(ctx context.Context, id string) (*whereby.Meeting, error) {
			fields := wherebymap.Fields(ctx, cfg.Fields, &resp.Diagnostics)
			if resp.Diagnostics.HasError() {
				return nil, nil
			}
			return d.client.GetMeeting(ctx, id, fields...)
		}, ": it was deleted, or it ended more than an hour ago.")
}
