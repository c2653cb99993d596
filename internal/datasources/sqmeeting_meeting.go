package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
)

// NewSQMeetingMeeting is the conference_sqmeeting_meeting data source: one
// meeting, or one occurrence of a series, by reservation ID.
func NewSQMeetingMeeting() datasource.DataSource {
	return newLookup[sqmeetingmap.Listed](baseOf[*sqmeeting.Client](&managed.SQMeetingMeeting), lookupDecl{
		description: "An SQMeeting meeting that the signed-in user owns or is invited to: an instant or reservation meeting, " +
			"or one occurrence of a series. Reading an ID that does not exist is an error.",
		attrs: sqmeetingmap.ListedAttrs(),
		arguments: map[string]schema.Attribute{"id": requiredID("The reservation ID of the meeting, or of one occurrence of a series " +
			"(a `conference_sqmeeting_recurring_meeting`'s `occurrences[*].reservation_id`).")},
	}, (*sqmeeting.Client).GetMeeting)
}
