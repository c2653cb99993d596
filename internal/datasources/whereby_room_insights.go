package datasources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// NewWherebyRoomInsights is the conference_whereby_room_insights data
// source: GET /insights/rooms, every page.
func NewWherebyRoomInsights() datasource.DataSource {
	return newWherebyInsightList("room_insights", "room insights", wherebyInsightList[wherebyRoomInsightsModel, whereby.RoomInsight, wherebymap.RoomInsight, *wherebymap.RoomInsight]{
		description: "Lists the organization's rooms that held sessions, with their usage (sessions, participant, recorder and streamer " +
			"minutes, distinct participants, the last session's rating), as Whereby's room insights give it. The filters combine. " +
			"Every page is read (following the cursor), so the list is complete; empty when no room matches.",
		args: map[string]schema.Attribute{
			"room_name":        wherebymap.RoomNameArg("Only this room", false),
			"room_name_prefix": wherebymap.RoomNamePrefixFilter(),
			"room_name_contains": schema.StringAttribute{Optional: true,
				Description: "Only the rooms whose name contains this text.",
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)}},
			"created_from": schema.StringAttribute{Optional: true, CustomType: timetype.RFC3339Type{},
				Description: "Only the rooms created at or after this time (RFC 3339)."},
			"created_to": schema.StringAttribute{Optional: true, CustomType: timetype.RFC3339Type{},
				Description: "Only the rooms created at or before this time (RFC 3339); not before `created_from`."},
			"sort_by": wherebymap.SortBy("roomName", "createdAt", "endAt", "firstSessionStartedAt", "lastSessionStartedAt", "totalSessions",
				"totalParticipantMinutes", "totalRecorderMinutes", "totalStreamerMinutes",
				"totalUniqueParticipants", "totalUniqueRecorders", "totalUniqueStreamers"),
		},
		items: "rooms", itemsDoc: "The rooms with their insights.", attrs: wherebymap.RoomInsightAttrs(),
		list: func(cfg *wherebyRoomInsightsModel) *[]wherebymap.RoomInsight { return &cfg.Rooms },
		fetch: func(ctx context.Context, c *whereby.Client, cfg *wherebyRoomInsightsModel) ([]whereby.RoomInsight, error) {
			from, _ := cfg.CreatedFrom.Time()
			to, _ := cfg.CreatedTo.Time()
			return c.ListRoomInsights(ctx, whereby.RoomInsightFilter{
				RoomName: cfg.RoomName.ValueString(), RoomNamePrefix: cfg.RoomNamePrefix.ValueString(),
				RoomNameContains: cfg.RoomNameContains.ValueString(), CreatedFrom: from, CreatedTo: to, SortBy: cfg.SortBy.ValueString(),
			})
		},
		validators: []datasource.ConfigValidator{timeOrder{from: "created_from", to: "created_to"}},
	})
}

type wherebyRoomInsightsModel struct {
	RoomName         types.String             `tfsdk:"room_name"`
	RoomNamePrefix   types.String             `tfsdk:"room_name_prefix"`
	RoomNameContains types.String             `tfsdk:"room_name_contains"`
	CreatedFrom      timetype.RFC3339         `tfsdk:"created_from"`
	CreatedTo        timetype.RFC3339         `tfsdk:"created_to"`
	SortBy           types.String             `tfsdk:"sort_by"`
	Rooms            []wherebymap.RoomInsight `tfsdk:"rooms"`
}

// timeOrder is a configuration whose time argument from must not be after
// to (both RFC 3339; either may be unset).
type timeOrder struct{ from, to string }

func (v timeOrder) Description(context.Context) string {
	return fmt.Sprintf("%s must not be after %s", v.from, v.to)
}

func (v timeOrder) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v timeOrder) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var from, to timetype.RFC3339
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(v.from), &from)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(v.to), &to)...)
	f, errF := from.Time()
	t, errT := to.Time()
	if from.IsNull() || from.IsUnknown() || to.IsNull() || to.IsUnknown() || errF != nil || errT != nil || !f.After(t) {
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root(v.to), "Invalid time range",
		fmt.Sprintf("%s (%s) is before %s (%s), so nothing could match: set %s to %s or later, or swap the two.",
			v.to, to.ValueString(), v.from, from.ValueString(), v.to, v.from))
}
