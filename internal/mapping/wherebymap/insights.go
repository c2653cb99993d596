package wherebymap

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// Usage is what a room's and a session's insights count (embedded in
// RoomInsight and RoomSessionInsight).
type Usage struct {
	TotalParticipantMinutes types.Int64   `tfsdk:"total_participant_minutes"`
	TotalRecorderMinutes    types.Int64   `tfsdk:"total_recorder_minutes"`
	TotalStreamerMinutes    types.Int64   `tfsdk:"total_streamer_minutes"`
	TotalUniqueParticipants types.Int64   `tfsdk:"total_unique_participants"`
	TotalUniqueRecorders    types.Int64   `tfsdk:"total_unique_recorders"`
	TotalUniqueStreamers    types.Int64   `tfsdk:"total_unique_streamers"`
	Rating                  types.Float64 `tfsdk:"rating"`
	TotalRatings            types.Float64 `tfsdk:"total_ratings"`
}

// usageAttrs are Usage's attributes; of is "room" or "session", and rated
// says whose rating it is.
func usageAttrs(of, rated string) mapping.Attrs {
	return mapping.Attrs{
		"total_participant_minutes": mapping.ReadOnlyInt64("The minutes participants spent in the " + of + ", each connection rounded up to a whole minute."),
		"total_recorder_minutes":    mapping.ReadOnlyInt64("The minutes the " + of + " was recorded."),
		"total_streamer_minutes":    mapping.ReadOnlyInt64("The minutes the " + of + " was streamed."),
		"total_unique_participants": mapping.ReadOnlyInt64("The number of distinct participants in the " + of + "."),
		"total_unique_recorders":    mapping.ReadOnlyInt64("The number of distinct recorders in the " + of + "."),
		"total_unique_streamers":    mapping.ReadOnlyInt64("The number of distinct streamers in the " + of + "."),
		"rating": mapping.ReadOnlyFloat64("The average quality rating of " + rated +
			"; null unless session ratings are enabled for the organization and someone rated it."),
		"total_ratings": mapping.ReadOnlyFloat64("The number of ratings of " + rated + "; null unless session ratings are enabled for the organization."),
	}
}

func (m *Usage) readUsage(u *whereby.Usage) {
	m.TotalParticipantMinutes = types.Int64Value(u.TotalParticipantMinutes)
	m.TotalRecorderMinutes = types.Int64Value(u.TotalRecorderMinutes)
	m.TotalStreamerMinutes = types.Int64Value(u.TotalStreamerMinutes)
	m.TotalUniqueParticipants = types.Int64Value(u.TotalUniqueParticipants)
	m.TotalUniqueRecorders = types.Int64Value(u.TotalUniqueRecorders)
	m.TotalUniqueStreamers = types.Int64Value(u.TotalUniqueStreamers)
	m.Rating = types.Float64PointerValue(u.Rating)
	m.TotalRatings = types.Float64PointerValue(u.TotalRatings)
}

// Room is what a room's and a session's insights say of the room
// (embedded in RoomInsight and RoomSessionInsight).
type Room struct {
	RoomName  types.String     `tfsdk:"room_name"`
	CreatedAt timetype.RFC3339 `tfsdk:"created_at"`
	EndAt     timetype.RFC3339 `tfsdk:"end_at"`
}

// roomAttrs are Room's attributes, as the insights of what (a room, a
// session) give them.
func roomAttrs(what string) mapping.Attrs {
	return mapping.Attrs{
		"room_name":  mapping.ReadOnlyString("The room's name, starting with `/`."),
		"created_at": when("When the room was created, as Whereby gives it with " + what),
		"end_at":     when("When the room was set to expire, as Whereby gives it with " + what),
	}
}

func (m *Room) readRoom(r *whereby.Room) {
	m.RoomName = types.StringValue(r.RoomName)
	m.CreatedAt = mapping.TimeOf(r.CreatedAt)
	m.EndAt = mapping.TimeOf(r.EndAt)
}

// RoomInsight is a room's usage (GET /insights/rooms).
type RoomInsight struct {
	Room
	FirstSessionStartedAt timetype.RFC3339 `tfsdk:"first_session_started_at"`
	LastSessionStartedAt  timetype.RFC3339 `tfsdk:"last_session_started_at"`
	TotalSessions         types.Int64      `tfsdk:"total_sessions"`
	Usage
}

// RoomInsightAttrs are a room insight's attributes.
func RoomInsightAttrs() mapping.Attrs {
	a := mapping.Attrs{
		"first_session_started_at": when("When the room's first session started"),
		"last_session_started_at":  when("When the room's last session started"),
		"total_sessions":           mapping.ReadOnlyInt64("The number of sessions held in the room."),
	}
	maps.Copy(a, roomAttrs("the room"))
	maps.Copy(a, usageAttrs("room", "the room's last session"))
	return a
}

// FromAPI reads a room insight.
func (m *RoomInsight) FromAPI(_ context.Context, r *whereby.RoomInsight, _ *diag.Diagnostics) {
	m.readRoom(&r.Room)
	m.FirstSessionStartedAt = mapping.TimeOf(r.FirstSessionStartedAt)
	m.LastSessionStartedAt = mapping.TimeOf(r.LastSessionStartedAt)
	m.TotalSessions = types.Int64Value(r.TotalSessions)
	m.readUsage(&r.Usage)
}

// RoomSessionInsight is a session's usage (GET /insights/room-sessions).
type RoomSessionInsight struct {
	RoomSessionID types.String `tfsdk:"room_session_id"`
	Room
	StartedAt timetype.RFC3339 `tfsdk:"started_at"`
	EndedAt   timetype.RFC3339 `tfsdk:"ended_at"`
	Usage
}

// RoomSessionInsightAttrs are a room session insight's attributes.
func RoomSessionInsightAttrs() mapping.Attrs {
	a := mapping.Attrs{
		"room_session_id": mapping.ReadOnlyString("The session's ID (`roomSessionId`), as recordings and transcriptions name it."),
		"started_at":      when("When the session started; null when Whereby does not say"),
		"ended_at":        when("When the session ended; null while it goes on"),
	}
	maps.Copy(a, roomAttrs("the session"))
	maps.Copy(a, usageAttrs("session", "the session"))
	return a
}

// FromAPI reads a room session insight.
func (m *RoomSessionInsight) FromAPI(_ context.Context, r *whereby.RoomSessionInsight, _ *diag.Diagnostics) {
	m.RoomSessionID = types.StringValue(r.RoomSessionID)
	m.readRoom(&r.Room)
	m.StartedAt = mapping.TimeOf(r.StartedAt)
	m.EndedAt = mapping.TimeOf(r.EndedAt)
	m.readUsage(&r.Usage)
}

// ParticipantInsight is a participant of a session (GET
// /insights/participants).
type ParticipantInsight struct {
	RoomSessionID types.String     `tfsdk:"room_session_id"`
	ParticipantID types.String     `tfsdk:"participant_id"`
	DeviceID      types.String     `tfsdk:"device_id"`
	UserID        types.String     `tfsdk:"user_id"`
	RoleName      types.String     `tfsdk:"role_name"`
	DisplayName   types.String     `tfsdk:"display_name"`
	JoinedAt      timetype.RFC3339 `tfsdk:"joined_at"`
	LeftAt        timetype.RFC3339 `tfsdk:"left_at"`
	ExternalID    types.String     `tfsdk:"external_id"`
	Rating        types.Float64    `tfsdk:"rating"`
	Tags          types.List       `tfsdk:"tags"`
	Comment       types.String     `tfsdk:"comment"`
}

// ParticipantInsightAttrs are a participant insight's attributes.
func ParticipantInsightAttrs() mapping.Attrs {
	return mapping.Attrs{
		"room_session_id": mapping.ReadOnlyString("The session's ID."),
		"participant_id":  mapping.ReadOnlyString("The participant's ID in the session (`participantId`), which `conference_whereby_participant_insight` takes."),
		"device_id":       mapping.ReadOnlyString("The ID of the participant's device; null when Whereby does not say."),
		"user_id":         mapping.ReadOnlyString("The ID of the user; null when Whereby does not say."),
		"role_name":       mapping.ReadOnlyString("The participant's role, such as `host`, `granted_visitor`, `recorder` or `streamer`."),
		"display_name":    mapping.ReadOnlyString("The name the participant showed."),
		"joined_at":       when("When the participant joined the session"),
		"left_at":         when("When the participant left the session"),
		"external_id":     mapping.ReadOnlyString("The `externalId` the participant joined with; null when none."),
		"rating":          mapping.ReadOnlyFloat64("The quality rating the participant gave; null unless session ratings are enabled for the organization and they rated."),
		"tags": {Doc: "The tags the participant chose with the rating (issue categories such as `audio-quality`); null when none.",
			Resource: schema.ListAttribute{Computed: true, ElementType: types.StringType}},
		"comment": mapping.ReadOnlyString("The participant's comment with the rating; null when none."),
	}
}

// FromAPI reads a participant insight.
func (m *ParticipantInsight) FromAPI(ctx context.Context, p *whereby.ParticipantInsight, diags *diag.Diagnostics) {
	m.RoomSessionID = types.StringValue(p.RoomSessionID)
	m.ParticipantID = types.StringValue(p.ParticipantID)
	m.DeviceID = mapping.String(p.DeviceID)
	m.UserID = mapping.String(p.UserID)
	m.RoleName = mapping.String(p.RoleName)
	m.DisplayName = types.StringValue(p.DisplayName)
	m.JoinedAt = mapping.TimeOf(p.JoinedAt)
	m.LeftAt = mapping.TimeOf(p.LeftAt)
	m.ExternalID = mapping.String(p.ExternalID)
	m.Rating = types.Float64PointerValue(p.Rating)
	m.Tags = types.ListNull(types.StringType)
	if len(p.Tags) > 0 {
		v, d := types.ListValueFrom(ctx, types.StringType, p.Tags)
		diags.Append(d...)
		m.Tags = v
	}
	m.Comment = types.StringPointerValue(p.Comment)
}

// ParticipantDetail is one of a participant's connections to a session
// with its network samples (GET /insights/participant).
type ParticipantDetail struct {
	DisplayName  types.String         `tfsdk:"display_name"`
	UserRole     types.String         `tfsdk:"user_role"`
	UserAgent    types.String         `tfsdk:"user_agent"`
	TimeStamp    timetype.RFC3339     `tfsdk:"time_stamp"`
	SampleRateMs types.Float64        `tfsdk:"sample_rate_ms"`
	Samples      jsontypes.Normalized `tfsdk:"samples_json"`
	Events       jsontypes.Normalized `tfsdk:"events_json"`
}

func jsonAttr(doc string) mapping.Attr {
	return mapping.Attr{Doc: doc, Resource: schema.StringAttribute{Computed: true, CustomType: jsontypes.NormalizedType{}}}
}

// ParticipantDetailAttrs are a participant detail's attributes.
func ParticipantDetailAttrs() mapping.Attrs {
	return mapping.Attrs{
		"display_name":   mapping.ReadOnlyString("The name the participant showed."),
		"user_role":      mapping.ReadOnlyString("The participant's role, such as `host`."),
		"user_agent":     mapping.ReadOnlyString("The participant's browser (its user agent string)."),
		"time_stamp":     when("When the participant joined the session"),
		"sample_rate_ms": mapping.ReadOnlyFloat64("The interval, in milliseconds, between two network samples."),
		"samples_json": jsonAttr("The network samples as Whereby gives them, a JSON object of arrays (`packetLossSend`, `packetLossRecv`, " +
			"`bitrateSend`, `bitrateRecv`): read it with `jsondecode()`."),
		"events_json": jsonAttr("The connection's events as Whereby gives them, a JSON array: read it with `jsondecode()`."),
	}
}

// FromAPI reads a participant detail.
func (m *ParticipantDetail) FromAPI(_ context.Context, d *whereby.ParticipantDetail, _ *diag.Diagnostics) {
	m.DisplayName = types.StringValue(d.DisplayName)
	m.UserRole = mapping.String(d.UserRole)
	m.UserAgent = mapping.String(d.UserAgent)
	m.TimeStamp = mapping.TimeOf(d.TimeStamp)
	m.SampleRateMs = types.Float64PointerValue(d.SampleRateMs)
	m.Samples = mapping.JSON(rawOrEmpty(d.Samples))
	m.Events = mapping.JSON(rawOrEmpty(d.Events))
}

// rawOrEmpty is raw as a string, "" (null) for an absent or null value.
func rawOrEmpty(raw []byte) string {
	if s := string(raw); s != "null" {
		return s
	}
	return ""
}
