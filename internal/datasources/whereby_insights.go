package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// The insights data sources: three of Whereby's collections, and the one
// participant's details; each is followed by its query.

// NewWherebyRoomInsights is the conference_whereby_room_insights data
// source: GET /insights/rooms, every page.
func NewWherebyRoomInsights() datasource.DataSource {
	return newWherebyCollection[wherebymap.RoomInsight](wherebyCollection{
		name: "room_insights", items: "rooms", itemsDoc: "The rooms with their insights.",
		about: "Lists the organization's rooms that held sessions, with their usage (sessions, participant, recorder and streamer " +
			"minutes, distinct participants, the last session's rating), as Whereby's room insights give it. The filters combine.",
		empty: "when no room matches",
		arguments: map[string]schema.Attribute{
			"room_name":          wherebymap.RoomNameArg("Only this room", false),
			"room_name_prefix":   wherebymap.RoomNamePrefixFilter(),
			"room_name_contains": optionalText("Only the rooms whose name contains this text."),
			"created_from":       timeArg("Only the rooms created at or after this time (RFC 3339)."),
			"created_to":         timeArg("Only the rooms created at or before this time (RFC 3339); not before `created_from`."),
			"sort_by": wherebymap.SortBy("roomName", "createdAt", "endAt", "firstSessionStartedAt", "lastSessionStartedAt", "totalSessions",
				"totalParticipantMinutes", "totalRecorderMinutes", "totalStreamerMinutes",
				"totalUniqueParticipants", "totalUniqueRecorders", "totalUniqueStreamers"),
		},
		attrs:      wherebymap.RoomInsightAttrs(),
		validators: []datasource.ConfigValidator{timeOrder{from: "created_from", to: "created_to"}},
	}, (*whereby.Client).ListRoomInsights, (*wherebyRoomInsightQuery).filter)
}

type wherebyRoomInsightQuery struct {
	RoomName         types.String     `tfsdk:"room_name"`
	RoomNamePrefix   types.String     `tfsdk:"room_name_prefix"`
	RoomNameContains types.String     `tfsdk:"room_name_contains"`
	CreatedFrom      timetype.RFC3339 `tfsdk:"created_from"`
	CreatedTo        timetype.RFC3339 `tfsdk:"created_to"`
	SortBy           types.String     `tfsdk:"sort_by"`
}

func (q *wherebyRoomInsightQuery) filter() whereby.RoomInsightFilter {
	// The times were checked when read (timetype.RFC3339); unset is zero.
	from, _ := q.CreatedFrom.Time()
	to, _ := q.CreatedTo.Time()
	return whereby.RoomInsightFilter{
		RoomName: q.RoomName.ValueString(), RoomNamePrefix: q.RoomNamePrefix.ValueString(),
		RoomNameContains: q.RoomNameContains.ValueString(), CreatedFrom: from, CreatedTo: to, SortBy: q.SortBy.ValueString(),
	}
}

// NewWherebyRoomSessionInsights is the
// conference_whereby_room_session_insights data source: GET
// /insights/room-sessions, every page.
func NewWherebyRoomSessionInsights() datasource.DataSource {
	return newWherebyCollection[wherebymap.RoomSessionInsight](wherebyCollection{
		name: "room_session_insights", items: "sessions", itemsDoc: "The room's sessions with their insights.",
		about: "Lists the sessions held in one room, with each one's usage (participant, recorder and streamer minutes, " +
			"distinct participants, its rating), as Whereby's room session insights give it.",
		empty: "when the room held none",
		arguments: map[string]schema.Attribute{
			"room_name":       wherebymap.RoomNameArg("The room whose sessions to list", true),
			"room_session_id": optionalText("Only this session (a `room_session_id` of a recording, a transcription or this list)."),
			"sort_by": wherebymap.SortBy("startedAt", "endedAt", "totalParticipantMinutes", "totalRecorderMinutes", "totalStreamerMinutes",
				"totalUniqueParticipants", "totalUniqueRecorders", "totalUniqueStreamers"),
		},
		attrs: wherebymap.RoomSessionInsightAttrs(),
	}, (*whereby.Client).ListRoomSessionInsights, (*wherebyRoomSessionInsightQuery).filter)
}

type wherebyRoomSessionInsightQuery struct {
	RoomName      types.String `tfsdk:"room_name"`
	RoomSessionID types.String `tfsdk:"room_session_id"`
	SortBy        types.String `tfsdk:"sort_by"`
}

func (q *wherebyRoomSessionInsightQuery) filter() whereby.RoomSessionInsightFilter {
	return whereby.RoomSessionInsightFilter{
		RoomName: q.RoomName.ValueString(), RoomSessionID: q.RoomSessionID.ValueString(), SortBy: q.SortBy.ValueString(),
	}
}

// NewWherebyParticipantInsights is the
// conference_whereby_participant_insights data source: GET
// /insights/participants, every page.
func NewWherebyParticipantInsights() datasource.DataSource {
	return newWherebyCollection[wherebymap.ParticipantInsight](wherebyCollection{
		name: "participant_insights", items: "participants",
		about: "Lists the participants of a session, or those who joined with an external ID, with when they joined and left " +
			"and their ratings, as Whereby's participant insights give them. Set `room_session_id`, `external_id` or both.",
		empty: "when nobody matches",
		arguments: map[string]schema.Attribute{
			"room_session_id": optionalText("The session whose participants to list (a `room_session_id` of the room session insights, a recording or a transcription)."),
			"external_id":     optionalText("Only the participants who joined with this `externalId` in the room URL's query."),
			"sort_by":         wherebymap.SortBy("joinedAt", "leftAt"),
		},
		attrs: wherebymap.ParticipantInsightAttrs(),
		// "Either roomSessionId or externalId is required."
		validators: []datasource.ConfigValidator{
			datasourcevalidator.AtLeastOneOf(path.MatchRoot("room_session_id"), path.MatchRoot("external_id")),
		},
	}, (*whereby.Client).ListParticipantInsights, (*wherebyParticipantInsightQuery).filter)
}

type wherebyParticipantInsightQuery struct {
	RoomSessionID types.String `tfsdk:"room_session_id"`
	ExternalID    types.String `tfsdk:"external_id"`
	SortBy        types.String `tfsdk:"sort_by"`
}

func (q *wherebyParticipantInsightQuery) filter() whereby.ParticipantInsightFilter {
	return whereby.ParticipantInsightFilter{
		RoomSessionID: q.RoomSessionID.ValueString(), ExternalID: q.ExternalID.ValueString(), SortBy: q.SortBy.ValueString(),
	}
}

// NewWherebyParticipantInsight is the conference_whereby_participant_insight
// data source: GET /insights/participant, one answer.
func NewWherebyParticipantInsight() datasource.DataSource {
	return newListing[wherebymap.ParticipantDetail](newBase[*whereby.Client]("whereby_participant_insight", &platforms.Whereby, "participant insight"), listingDecl{
		description: "Reads one participant's connections to a session with their network data (user agent, packet loss and bitrate samples, " +
			"events), as Whereby's participant details give them. Empty when the session has no such participant.",
		arguments: map[string]schema.Attribute{
			"room_session_id": requiredID("The session (a `room_session_id` of the participant insights)."),
			"participant_id":  requiredID("The participant: a `participant_id` (or `user_id`) of the participant insights."),
		},
		items: "connections", itemsDoc: "The participant's connections to the session, each with its samples.", attrs: wherebymap.ParticipantDetailAttrs(),
	}, func(ctx context.Context, c *whereby.Client, q *wherebyParticipantQuery, _ *diag.Diagnostics) ([]whereby.ParticipantDetail, error) {
		return c.ParticipantInsight(ctx, q.RoomSessionID.ValueString(), q.ParticipantID.ValueString())
	})
}

type wherebyParticipantQuery struct {
	RoomSessionID types.String `tfsdk:"room_session_id"`
	ParticipantID types.String `tfsdk:"participant_id"`
}

// timeArg is an optional time argument (RFC 3339, checked at plan time),
// described by doc.
func timeArg(doc string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, CustomType: timetype.RFC3339Type{}, Description: doc}
}
