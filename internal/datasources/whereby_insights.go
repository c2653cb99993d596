package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// The four insights data sources are each a wherebyInsightList, with their
// arguments and their call; their models follow them.

// wherebyInsightList is what an insights data source says of itself: the
// listing's declaration, where Cfg (the model, its arguments then its list)
// holds the list, and the call that reads every page.
type wherebyInsightList[Cfg, A, M any] struct {
	listingDecl
	list  func(cfg *Cfg) *[]M
	fetch func(ctx context.Context, c *whereby.Client, cfg *Cfg) ([]A, error)
}

// newWherebyInsightList names the data source "whereby_" + name, reading
// noun, a listing of d.
func newWherebyInsightList[Cfg, A, M any, P object[A, M]](name, noun string, d wherebyInsightList[Cfg, A, M]) datasource.DataSource {
	return newListing[*whereby.Client, A, M, P](newBase[*whereby.Client]("whereby_"+name, &platforms.Whereby, noun), d.listingDecl,
		func(ctx context.Context, c *whereby.Client, cfg *Cfg, _ *diag.Diagnostics) ([]A, error) {
			return d.fetch(ctx, c, cfg)
		}, d.list)
}

// textArg is a string argument that must not be empty, described by doc.
func textArg(doc string, required bool) schema.StringAttribute {
	return schema.StringAttribute{Optional: !required, Required: required, Description: doc,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)}}
}

// timeArg is an optional time argument (RFC 3339, checked at plan time),
// described by doc.
func timeArg(doc string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, CustomType: timetype.RFC3339Type{}, Description: doc}
}

// The insights data sources' models: their arguments, then their list.
type (
	wherebyRoomInsightsModel struct {
		RoomName         types.String             `tfsdk:"room_name"`
		RoomNamePrefix   types.String             `tfsdk:"room_name_prefix"`
		RoomNameContains types.String             `tfsdk:"room_name_contains"`
		CreatedFrom      timetype.RFC3339         `tfsdk:"created_from"`
		CreatedTo        timetype.RFC3339         `tfsdk:"created_to"`
		SortBy           types.String             `tfsdk:"sort_by"`
		Rooms            []wherebymap.RoomInsight `tfsdk:"rooms"`
	}

	wherebyRoomSessionInsightsModel struct {
		RoomName      types.String                    `tfsdk:"room_name"`
		RoomSessionID types.String                    `tfsdk:"room_session_id"`
		SortBy        types.String                    `tfsdk:"sort_by"`
		Sessions      []wherebymap.RoomSessionInsight `tfsdk:"sessions"`
	}

	wherebyParticipantInsightsModel struct {
		RoomSessionID types.String                    `tfsdk:"room_session_id"`
		ExternalID    types.String                    `tfsdk:"external_id"`
		SortBy        types.String                    `tfsdk:"sort_by"`
		Participants  []wherebymap.ParticipantInsight `tfsdk:"participants"`
	}

	wherebyParticipantInsightModel struct {
		RoomSessionID types.String                   `tfsdk:"room_session_id"`
		ParticipantID types.String                   `tfsdk:"participant_id"`
		Connections   []wherebymap.ParticipantDetail `tfsdk:"connections"`
	}
)

// NewWherebyRoomInsights is the conference_whereby_room_insights data
// source: GET /insights/rooms, every page.
func NewWherebyRoomInsights() datasource.DataSource {
	return newWherebyInsightList("room_insights", "room insights", wherebyInsightList[wherebyRoomInsightsModel, whereby.RoomInsight, wherebymap.RoomInsight]{
		listingDecl: listingDecl{
			description: "Lists the organization's rooms that held sessions, with their usage (sessions, participant, recorder and streamer " +
				"minutes, distinct participants, the last session's rating), as Whereby's room insights give it. The filters combine. " +
				"Every page is read (following the cursor), so the list is complete; empty when no room matches.",
			arguments: map[string]schema.Attribute{
				"room_name":          wherebymap.RoomNameArg("Only this room", false),
				"room_name_prefix":   wherebymap.RoomNamePrefixFilter(),
				"room_name_contains": textArg("Only the rooms whose name contains this text.", false),
				"created_from":       timeArg("Only the rooms created at or after this time (RFC 3339)."),
				"created_to":         timeArg("Only the rooms created at or before this time (RFC 3339); not before `created_from`."),
				"sort_by": wherebymap.SortBy("roomName", "createdAt", "endAt", "firstSessionStartedAt", "lastSessionStartedAt", "totalSessions",
					"totalParticipantMinutes", "totalRecorderMinutes", "totalStreamerMinutes",
					"totalUniqueParticipants", "totalUniqueRecorders", "totalUniqueStreamers"),
			},
			items: "rooms", itemsDoc: "The rooms with their insights.", attrs: wherebymap.RoomInsightAttrs(),
			validators: []datasource.ConfigValidator{timeOrder{from: "created_from", to: "created_to"}},
		},
		list: func(cfg *wherebyRoomInsightsModel) *[]wherebymap.RoomInsight { return &cfg.Rooms },
		fetch: func(ctx context.Context, c *whereby.Client, cfg *wherebyRoomInsightsModel) ([]whereby.RoomInsight, error) {
			from, _ := cfg.CreatedFrom.Time()
			to, _ := cfg.CreatedTo.Time()
			return c.ListRoomInsights(ctx, whereby.RoomInsightFilter{
				RoomName: cfg.RoomName.ValueString(), RoomNamePrefix: cfg.RoomNamePrefix.ValueString(),
				RoomNameContains: cfg.RoomNameContains.ValueString(), CreatedFrom: from, CreatedTo: to, SortBy: cfg.SortBy.ValueString(),
			})
		},
	})
}

// NewWherebyRoomSessionInsights is the
// conference_whereby_room_session_insights data source: GET
// /insights/room-sessions, every page.
func NewWherebyRoomSessionInsights() datasource.DataSource {
	return newWherebyInsightList("room_session_insights", "room session insights", wherebyInsightList[wherebyRoomSessionInsightsModel, whereby.RoomSessionInsight, wherebymap.RoomSessionInsight]{
		listingDecl: listingDecl{
			description: "Lists the sessions held in one room, with each one's usage (participant, recorder and streamer minutes, " +
				"distinct participants, its rating), as Whereby's room session insights give it. Every page is read (following the cursor), " +
				"so the list is complete; empty when the room held none.",
			arguments: map[string]schema.Attribute{
				"room_name":       wherebymap.RoomNameArg("The room whose sessions to list", true),
				"room_session_id": textArg("Only this session (a `room_session_id` of a recording, a transcription or this list).", false),
				"sort_by": wherebymap.SortBy("startedAt", "endedAt", "totalParticipantMinutes", "totalRecorderMinutes", "totalStreamerMinutes",
					"totalUniqueParticipants", "totalUniqueRecorders", "totalUniqueStreamers"),
			},
			items: "sessions", itemsDoc: "The room's sessions with their insights.", attrs: wherebymap.RoomSessionInsightAttrs(),
		},
		list: func(cfg *wherebyRoomSessionInsightsModel) *[]wherebymap.RoomSessionInsight { return &cfg.Sessions },
		fetch: func(ctx context.Context, c *whereby.Client, cfg *wherebyRoomSessionInsightsModel) ([]whereby.RoomSessionInsight, error) {
			return c.ListRoomSessionInsights(ctx, cfg.RoomName.ValueString(), cfg.RoomSessionID.ValueString(), cfg.SortBy.ValueString())
		},
	})
}

// NewWherebyParticipantInsights is the
// conference_whereby_participant_insights data source: GET
// /insights/participants, every page.
func NewWherebyParticipantInsights() datasource.DataSource {
	return newWherebyInsightList("participant_insights", "participant insights", wherebyInsightList[wherebyParticipantInsightsModel, whereby.ParticipantInsight, wherebymap.ParticipantInsight]{
		listingDecl: listingDecl{
			description: "Lists the participants of a session, or those who joined with an external ID, with when they joined and left " +
				"and their ratings, as Whereby's participant insights give them. Set `room_session_id`, `external_id` or both. " +
				"Every page is read (following the cursor), so the list is complete; empty when nobody matches.",
			arguments: map[string]schema.Attribute{
				"room_session_id": textArg("The session whose participants to list (a `room_session_id` of the room session insights, a recording or a transcription).", false),
				"external_id":     textArg("Only the participants who joined with this `externalId` in the room URL's query.", false),
				"sort_by":         wherebymap.SortBy("joinedAt", "leftAt"),
			},
			items: "participants", itemsDoc: "The participants.", attrs: wherebymap.ParticipantInsightAttrs(),
			// "Either roomSessionId or externalId is required."
			validators: []datasource.ConfigValidator{
				datasourcevalidator.AtLeastOneOf(path.MatchRoot("room_session_id"), path.MatchRoot("external_id")),
			},
		},
		list: func(cfg *wherebyParticipantInsightsModel) *[]wherebymap.ParticipantInsight { return &cfg.Participants },
		fetch: func(ctx context.Context, c *whereby.Client, cfg *wherebyParticipantInsightsModel) ([]whereby.ParticipantInsight, error) {
			return c.ListParticipantInsights(ctx, cfg.RoomSessionID.ValueString(), cfg.ExternalID.ValueString(), cfg.SortBy.ValueString())
		},
	})
}

// NewWherebyParticipantInsight is the conference_whereby_participant_insight
// data source: GET /insights/participant, one answer.
func NewWherebyParticipantInsight() datasource.DataSource {
	return newWherebyInsightList("participant_insight", "participant insight", wherebyInsightList[wherebyParticipantInsightModel, whereby.ParticipantDetail, wherebymap.ParticipantDetail]{
		listingDecl: listingDecl{
			description: "Reads one participant's connections to a session with their network data (user agent, packet loss and bitrate samples, " +
				"events), as Whereby's participant details give them. Empty when the session has no such participant.",
			arguments: map[string]schema.Attribute{
				"room_session_id": textArg("The session (a `room_session_id` of the participant insights).", true),
				"participant_id":  textArg("The participant: a `participant_id` (or `user_id`) of the participant insights.", true),
			},
			items: "connections", itemsDoc: "The participant's connections to the session, each with its samples.", attrs: wherebymap.ParticipantDetailAttrs(),
		},
		list: func(cfg *wherebyParticipantInsightModel) *[]wherebymap.ParticipantDetail { return &cfg.Connections },
		fetch: func(ctx context.Context, c *whereby.Client, cfg *wherebyParticipantInsightModel) ([]whereby.ParticipantDetail, error) {
			return c.ParticipantInsight(ctx, cfg.RoomSessionID.ValueString(), cfg.ParticipantID.ValueString())
		},
	})
}
