package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
)

// NewWherebyMeeting is the conference_whereby_meeting data source: GET
// /meetings/{meetingId}, with the URLs that fields asks for.
func NewWherebyMeeting() datasource.DataSource {
	return newLookupWith(baseOf[*whereby.Client](&managed.WherebyMeeting), lookupDecl{
		description: "Reads one Whereby meeting by its ID: its room and dates, and the optional URLs asked for in `fields`. " +
			"A meeting that does not exist (deleted, or an hour past its end) is an error. Whereby does not return the " +
			"settings a meeting was created with, so this data source has none of them.",
		attrs: wherebymap.ReadableAttrs(),
		arguments: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Required:    true,
				Description: "The meeting ID (`meetingId`) of the meeting to read.",
				Validators:  []validator.String{wherebymap.MeetingID()},
			},
			"fields": wherebymap.FieldsArgument(),
		},
		why: ": it was deleted, or it ended more than an hour ago.",
	}, func(ctx context.Context, c *whereby.Client, m *wherebyMeetingModel, id string, diags *diag.Diagnostics) (*whereby.Meeting, error) {
		fields := wherebymap.Fields(ctx, m.Fields, diags)
		if diags.HasError() {
			return nil, nil
		}
		return c.GetMeeting(ctx, id, fields...)
	})
}

type wherebyMeetingModel struct {
	wherebymap.Meeting
	wherebyFields
}
