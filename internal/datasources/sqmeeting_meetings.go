package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
)

// NewSQMeetingMeetings is the conference_sqmeeting_meetings data source: the
// scheduled meetings list (GET /api/v1/meeting_schedule), every page.
func NewSQMeetingMeetings() datasource.DataSource {
	return newTypeListing[sqmeetingmap.Listed](&managed.SQMeetingMeeting, listingDecl{
		description: "Lists the SQMeeting meetings the signed-in user owns or is invited to, every page of them, ordered as the server lists them. " +
			"A series is one item, its first occurrence (`type` `recurrence`, with its `recurrence_gid`); " +
			"the `conference_sqmeeting_recurring_meeting` data source lists its occurrences.",
		arguments: map[string]schema.Attribute{"filter": optionalString(sqmeetingmap.MeetingFilterDoc)},
		items:     "meetings", itemsDoc: "The meetings. `password` and `live_passcode` are sensitive.", attrs: sqmeetingmap.ListedAttrs(),
	}, managed.SQMeetingMeetings, (*sqmeetingFilter).listing)
}

// sqmeetingFilter is the query of a list that takes SQMeeting's search key.
type sqmeetingFilter struct {
	Filter types.String `tfsdk:"filter"`
}

func (q *sqmeetingFilter) listing(context.Context, *diag.Diagnostics) *managed.Listing {
	return &managed.Listing{SQMeetingFilter: q.Filter.ValueString()}
}
