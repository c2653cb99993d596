// Package wherebymap maps Whereby meetings to Terraform values and back, for
// the resource and the data sources alike (../shared/api/whereby-meetings.txt,
// whereby-openapi.json, NOTES.md).
//
// Whereby answers with a meeting's identity, room and dates only
// (whereby-openapi.json, Meeting). What the meeting was created with — the
// lock, the room mode, the room name's prefix and pattern, the template, the
// recording, streaming and transcription settings, the optional fields asked
// for — appears in no answer: those are Settings, which the resource keeps
// from its state and the data sources do not have.
package wherebymap

import (
	"context"
	"regexp"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// NoUpdate is the reason every argument's change replaces the meeting
// (whereby-meetings.txt: a meeting is created, read and deleted, never
// changed). Users read it in plans: it cites the public reference by title.
const NoUpdate = "Whereby has no update API (Whereby's REST API reference, Meetings, has calls to create, read and delete a meeting, none to change one), " +
	"so Terraform deletes the meeting and creates a new one, with a new ID and new room URLs."

// Meeting is what Whereby returns about a meeting: the data sources' model,
// and the part of the resource's that a refresh reads back.
type Meeting struct {
	ID            types.String     `tfsdk:"id"`
	RoomName      types.String     `tfsdk:"room_name"`
	RoomURL       types.String     `tfsdk:"room_url"`
	StartDate     timetype.RFC3339 `tfsdk:"start_date"`
	EndDate       timetype.RFC3339 `tfsdk:"end_date"`
	HostRoomURL   types.String     `tfsdk:"host_room_url"`
	ViewerRoomURL types.String     `tfsdk:"viewer_room_url"`
}

// ManagedMeeting is a meeting as the resource manages it: what Whereby
// returns, and the settings it was created with.
type ManagedMeeting struct {
	Meeting
	Settings
}

// MeetingAttrs are every attribute of a managed meeting.
func MeetingAttrs() mapping.Attrs {
	attrs := settingsAttrs()
	attrs["id"] = mapping.Assigned("The meeting ID (`meetingId`), which also imports the meeting.")
	attrs["room_name"] = mapping.Assigned("The room's name: `/`, then `room_name_prefix` and a generated part in `room_name_pattern`, " +
		"e.g. `/team-4b3bd908-cb88-11ec-9d64-0242ac120002`.")
	attrs["room_url"] = mapping.Assigned("The URL of the room, for participants.")
	attrs["start_date"] = mapping.Attr{
		Doc: "When the meeting starts (RFC 3339, UTC): when it was created, as Whereby ignores any other start.",
		Resource: schema.StringAttribute{
			CustomType: timetype.RFC3339Type{}, Computed: true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
	}
	attrs["end_date"] = mapping.Attr{
		Doc: "When the meeting ends (RFC 3339). The room is available until an hour after it, and then gone.",
		Config: "Any offset may be written; Whereby answers in UTC and the two are compared as instants, so " +
			"`2030-05-07T19:00:00+02:00` and `2030-05-07T17:00:00Z` are the same value. It must not be in the past when the " +
			"meeting is created (checked at plan time against this machine's clock); a meeting that already exists is never " +
			"refused for it. Changing it replaces the meeting.",
		Resource: schema.StringAttribute{
			CustomType: timetype.RFC3339Type{},
			Required:   true,
			// KeepEquivalent first: the replacement then compares the planned
			// value, which is the state's when both are the same instant.
			PlanModifiers: []planmodifier.String{
				planmodifiers.KeepEquivalent(timetype.RFC3339Type{}),
				planmodifiers.RequiresReplaceBecause(NoUpdate),
			},
		},
	}
	// The resource plans the optional URLs unknown when an update may change
	// which are asked for (after an import, see planmodifiers.MarkUnread).
	attrs["host_room_url"] = mapping.Attr{
		Doc: "The room's URL for hosts, who can lock the room and remove and mute participants: share it with care. " +
			"Null unless `fields` has `hostRoomUrl` or `template_type` is `viewerMode`.",
		Resource: schema.StringAttribute{
			Computed: true, Sensitive: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
	}
	attrs["viewer_room_url"] = mapping.Attr{
		Doc: "The room's URL for viewers, who can watch but not turn on a camera or microphone. Only a `viewerMode` room has one; " +
			"null unless `fields` has `viewerRoomUrl` or `template_type` is `viewerMode`.",
		Resource: schema.StringAttribute{
			Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
	}
	return attrs
}

// ReadableAttrs are the attributes Whereby returns: a data source's.
func ReadableAttrs() mapping.Attrs { return MeetingAttrs().Without(SettingNames...) }

// FieldsArgument is a data source's `fields` argument.
func FieldsArgument() dschema.SetAttribute {
	a := fieldsAttribute()
	return dschema.SetAttribute{
		ElementType: a.ElementType, Optional: true, Validators: a.Validators,
		Description: "The optional URLs to read: `hostRoomUrl`, `viewerRoomUrl` (only `viewerMode` rooms have one). " +
			"The others are null.",
	}
}

// meetingIDPattern: the ID goes into the path /meetings/{meetingId}, where a
// slash would change the route.
var meetingIDPattern = regexp.MustCompile(`^[^/]+$`)

// ValidMeetingID reports whether id can be a meeting ID.
func ValidMeetingID(id string) bool { return meetingIDPattern.MatchString(id) }

// MeetingID validates a meeting ID argument.
func MeetingID() validator.String {
	return stringvalidator.RegexMatches(meetingIDPattern, "must be a Whereby meeting ID, which has no slash (/)")
}

// FromAPI copies what Whereby returns. A URL that was not asked for is null.
func (m *Meeting) FromAPI(_ context.Context, mtg *whereby.Meeting, _ *diag.Diagnostics) {
	m.ID = types.StringValue(mtg.MeetingID)
	m.RoomName = mapping.String(mtg.RoomName)
	m.RoomURL = mapping.String(mtg.RoomURL)
	m.StartDate = mapping.TimeOf(mtg.StartDate)
	m.EndDate = mapping.TimeOf(mtg.EndDate)
	m.HostRoomURL = mapping.String(mtg.HostRoomURL)
	m.ViewerRoomURL = mapping.String(mtg.ViewerRoomURL)
}

// WantedFields are the optional URLs a read asks for, so that the state keeps
// what the create answered: those in `fields`, and both for a viewerMode room,
// whose create answer has both ("fields like hostRoomUrl and viewerRoomUrl
// will be added to the response"). After an import, fields and template_type
// are unknown (null) and so are the URLs, until the first apply records the
// configured ones and reads the URLs they ask for.
func (m *ManagedMeeting) WantedFields(ctx context.Context, diags *diag.Diagnostics) []string {
	if m.TemplateType.ValueString() == whereby.TemplateTypeViewerMode {
		return allFields()
	}
	return Fields(ctx, m.Fields, diags)
}

func allFields() []string { return []string{whereby.FieldHostRoomURL, whereby.FieldViewerRoomURL} }

// Fields reads a `fields` set, in a fixed order whatever the set's: the same
// fields make the same request.
func Fields(ctx context.Context, set types.Set, diags *diag.Diagnostics) []string {
	fields := mapping.Strings(ctx, set, diags)
	return slices.DeleteFunc(allFields(), func(f string) bool { return !slices.Contains(fields, f) })
}
