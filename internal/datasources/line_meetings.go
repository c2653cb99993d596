package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/linemap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewLineMeetings is the conference_line_meetings data source: LINE Planet's
// "List meetings" of a room (GET .../mtgs).
func NewLineMeetings() datasource.DataSource {
	arguments := linemap.RoomArguments()
	arguments["id"] = schema.StringAttribute{Computed: true, Description: "`room_service_id/room_id`."}
	return newListing[linemap.Meeting](newBase[*lineplanet.Client]("line_meetings", &platforms.LinePlanet, "meeting IDs"), listingDecl{
		description: "Lists the meeting IDs of a LINE Planet room. Unlike the `conference_line_meeting_id` data source, " +
			"a room without a meeting ID is not an error: the list is empty.",
		arguments: arguments,
		items:     "meetings",
		// line-planet-meeting-id.txt: "Only one MeetingObject is returned currently."
		itemsDoc: "The room's live meeting IDs, as LINE Planet lists them: currently at most one. " +
			"Empty when the room has none (never created, deleted or expired). `passcode` is sensitive.",
		attrs: linemap.MeetingAttrs(),
	}, func(ctx context.Context, c *lineplanet.Client, q *lineMeetingsQuery, _ *diag.Diagnostics) ([]lineplanet.Meeting, error) {
		svc, room := q.RoomServiceID.ValueString(), q.RoomID.ValueString()
		q.ID = types.StringValue(linemap.RoomRef(svc, room))
		return managed.Every(ctx, managed.LineMeetings(c, svc, room))
	})
}

// lineMeetingsQuery is the room, and its reference (id), which Read sets.
type lineMeetingsQuery struct {
	ID            types.String `tfsdk:"id"`
	RoomServiceID types.String `tfsdk:"room_service_id"`
	RoomID        types.String `tfsdk:"room_id"`
}
