package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewSQMeetingMeetingRooms is the conference_sqmeeting_meeting_rooms data
// source: the signed-in user's personal meeting rooms.
func NewSQMeetingMeetingRooms() datasource.DataSource {
	return &sqmeetingMeetingRooms{newBase[*sqmeeting.Client]("sqmeeting_meeting_rooms", &platforms.SQMeeting, "meeting rooms")}
}

type sqmeetingMeetingRooms struct {
	base[*sqmeeting.Client]
}

type sqmeetingMeetingRoomsModel struct {
	MeetingRooms []sqmeetingmap.MeetingRoom `tfsdk:"meeting_rooms"`
}

func (d *sqmeetingMeetingRooms) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the personal meeting rooms of the user the provider signs in as. A meeting held in a room " +
			"(`meeting_room_id`) takes the room's meeting number. SQMeeting's API cannot create rooms, so there is no resource for them.",
		Attributes: map[string]schema.Attribute{
			"meeting_rooms": listOf("The rooms, in the server's order. `password` is sensitive.", sqmeetingmap.MeetingRoomAttrs()),
		},
	}
}

func (d *sqmeetingMeetingRooms) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg sqmeetingMeetingRoomsModel
	list(ctx, &d.base, req, resp, &cfg, &cfg.MeetingRooms, d.client.MeetingRooms)
}
