package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
)

// NewWherebyRoomSessionInsights is the
// conference_whereby_room_session_insights data source: GET
// /insights/room-sessions, every page.
func NewWherebyRoomSessionInsights() datasource.DataSource {
	return newWherebyInsightList("room_session_insights", "room session insights", wherebyInsightList[wherebyRoomSessionInsightsModel, whereby.RoomSessionInsight, wherebymap.RoomSessionInsight, *wherebymap.RoomSessionInsight]{
		description: "Lists the sessions held in one room, with each one's usage (participant, recorder and streamer minutes, " +
			"distinct participants, its rating), as Whereby's room session insights give it. Every page is read (following the cursor), " +
			"so the list is complete; empty when the room held none.",
		args: map[string]schema.Attribute{
			"room_name": wherebymap.RoomNameArg("The room whose sessions to list", true),
			"room_session_id": schema.StringAttribute{Optional: true,
				Description: "Only this session (a `room_session_id` of a recording, a transcription or this list).",
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)}},
			"sort_by": wherebymap.SortBy("startedAt", "endedAt", "totalParticipantMinutes", "totalRecorderMinutes", "totalStreamerMinutes",
				"totalUniqueParticipants", "totalUniqueRecorders", "totalUniqueStreamers"),
		},
		items: "sessions", itemsDoc: "The room's sessions with their insights.", attrs: wherebymap.RoomSessionInsightAttrs(),
		list: func(cfg *wherebyRoomSessionInsightsModel) *[]wherebymap.RoomSessionInsight { return &cfg.Sessions },
		fetch: func(ctx context.Context, c *whereby.Client, cfg *wherebyRoomSessionInsightsModel) ([]whereby.RoomSessionInsight, error) {
			return c.ListRoomSessionInsights(ctx, cfg.RoomName.ValueString(), cfg.RoomSessionID.ValueString(), cfg.SortBy.ValueString())
		},
	})
}

type wherebyRoomSessionInsightsModel struct {
	RoomName      types.String                    `tfsdk:"room_name"`
	RoomSessionID types.String                    `tfsdk:"room_session_id"`
	SortBy        types.String                    `tfsdk:"sort_by"`
	Sessions      []wherebymap.RoomSessionInsight `tfsdk:"sessions"`
}
