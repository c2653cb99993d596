package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewSQMeetingMeetingRooms is the conference_sqmeeting_meeting_rooms data
// source: the signed-in user's personal meeting rooms.
func NewSQMeetingMeetingRooms() datasource.DataSource {
	return newListing[sqmeetingmap.MeetingRoom](newBase[*sqmeeting.Client]("sqmeeting_meeting_rooms", &platforms.SQMeeting, "meeting rooms"), listingDecl{
		description: "Lists the personal meeting rooms of the user the provider signs in as. A meeting held in a room " +
			"(`meeting_room_id`) takes the room's meeting number. SQMeeting's API cannot create rooms, so there is no resource for them.",
		items: "meeting_rooms", itemsDoc: "The rooms, in the server's order. `password` is sensitive.", attrs: sqmeetingmap.MeetingRoomAttrs(),
	}, func(ctx context.Context, c *sqmeeting.Client, _ *struct{}, _ *diag.Diagnostics) ([]sqmeeting.MeetingRoom, error) {
		return c.MeetingRooms(ctx)
	})
}
