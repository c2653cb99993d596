// Package linemap maps LINE Planet API objects to Terraform values and back,
// for the resource and the data sources of each object alike.
package linemap

import (
	"context"
	"fmt"
	"regexp"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
	"github.com/confkit/terraform-provider-conference/internal/validators"
)

// Meeting is one MeetingObject, as LINE Planet lists it.
type Meeting struct {
	MeetingID types.String     `tfsdk:"meeting_id"`
	Type      types.String     `tfsdk:"type"`
	Passcode  types.String     `tfsdk:"passcode"`
	Title     types.String     `tfsdk:"title"`
	Data      types.String     `tfsdk:"data"`
	CreatedAt timetype.RFC3339 `tfsdk:"created_at"`
	ExpireAt  timetype.RFC3339 `tfsdk:"expire_at"`
}

// RoomMeetingID is a room's meeting ID: the meeting, the room it belongs to, and
// the SIP proxy that terminals dial it through.
type RoomMeetingID struct {
	ID            types.String `tfsdk:"id"`
	RoomServiceID types.String `tfsdk:"room_service_id"`
	RoomID        types.String `tfsdk:"room_id"`
	Meeting
	SIPProxy     types.String `tfsdk:"sip_proxy"`
	SIPProxyPort types.Int64  `tfsdk:"sip_proxy_port"`
}

// Type is a meeting ID's type: I (instant), S (scheduled) or R (scheduled
// for recurring meetings).
type Type string

// Types are the meeting ID types.
var Types = mapping.Enum[Type]{"I", "S", "R"}

// TypeTransitions is line-planet-meeting-id.txt's "Available change case:
// S -> R"; the API answers every other change with code 435 (NOTES.md).
var TypeTransitions = planmodifiers.Transitions{"S": {"R"}}

// TypeRule says which type change is made in place.
const TypeRule = "LINE Planet allows only S -> R in place"

func typeReason(from, to string) string {
	return fmt.Sprintf("%s; %s -> %s requires a new meeting ID, so Terraform deletes the meeting ID and creates another one "+
		"(with a new meeting_id, and a new passcode unless passcode is set).", TypeRule, from, to)
}

// roomImmutable: a meeting ID belongs to one room; the API's paths name the
// room, and there is no call that moves a meeting ID to another
// (line-planet-meeting-id.txt).
const roomImmutable = "A LINE Planet meeting ID belongs to the room in its path and cannot move to another room, so a meeting ID is created in the new room and the old one deleted."

// roomPart is a room service ID or room ID: the import ID joins them with "/".
var roomPart = []validator.String{
	stringvalidator.LengthAtLeast(1),
	stringvalidator.RegexMatches(regexp.MustCompile(`^[^/]+$`), "must not contain a slash (/)"),
}

// RoomMeetingIDAttrs are a meeting ID's attributes.
func RoomMeetingIDAttrs() mapping.Attrs {
	room := func(doc string) mapping.Attr {
		return mapping.Attr{
			Doc: doc, Config: "Changing it creates a meeting ID in the other room.",
			Resource: schema.StringAttribute{
				Required:      true,
				Validators:    roomPart,
				PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceBecause(roomImmutable)},
			},
		}
	}
	return mapping.Attrs{
		"id":              mapping.Assigned("`room_service_id/room_id/meeting_id`, the ID that imports the meeting ID into a `conference_line_meeting_id` resource."),
		"room_service_id": room("The service ID of the room (`roomServiceId`)."),
		"room_id":         room("The room ID (`roomId`)."),
		"type": {
			Doc: "The meeting ID type: `I` (instant, expires after 1 day), `S` (scheduled, 30 days) or `R` (scheduled for recurring meetings, 365 days).",
			Config: "Defaults to `I`. " + TypeRule + " (which moves `expire_at` to the update time plus 365 days); " +
				"R -> S and every other change requires a new meeting ID, so the resource is replaced.",
			Resource: schema.StringAttribute{
				Optional:      true,
				Computed:      true,
				Default:       stringdefault.StaticString("I"),
				Validators:    []validator.String{Types.Validator()},
				PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceUnlessAllowed(TypeTransitions, typeReason)},
			},
		},
		"passcode": {
			Doc: "The 6-digit passcode.",
			Config: "When not set, LINE Planet picks a random one; " +
				"removing it from the configuration later keeps the current passcode.",
			Resource: schema.StringAttribute{
				Optional:      true,
				Computed:      true,
				Sensitive:     true,
				Validators:    []validator.String{validators.DigitsOnly(6, 6)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
		"title": {
			Doc: "The meeting's title; null when it has none.",
			// line-planet-meeting-id.txt: "Maximum length is 128 in UTF-16."
			Config:   "At most 128 UTF-16 code units (a character outside the Basic Multilingual Plane, such as most emoji, counts as two).",
			Resource: schema.StringAttribute{Optional: true, Validators: []validator.String{validators.UTF16LengthAtMost(128)}},
		},
		"data": {
			Doc: "The application data stored with the meeting; null when it has none.",
			// line-planet-meeting-id.txt: "Maximum length is 1024 in UTF-16."
			Config:   "At most 1024 UTF-16 code units (a character outside the Basic Multilingual Plane counts as two).",
			Resource: schema.StringAttribute{Optional: true, Validators: []validator.String{validators.UTF16LengthAtMost(1024)}},
		},
		"meeting_id": mapping.Assigned("The meeting ID that SIP terminals dial, at least 11 digits."),
		"created_at": mapping.AssignedTime("When the meeting ID was created (RFC 3339, UTC)."),
		"expire_at": mapping.AssignedTime("When the meeting ID expires (RFC 3339, UTC): creation plus 1, 30 or 365 days by type, " +
			"or the time of an S -> R change plus 365 days. LINE Planet may extend it when a meeting is held with the ID."),
		"sip_proxy": mapping.Assigned("The group call proxy address that SIP terminals call. LINE Planet returns it only when the meeting ID is created, " +
			"so it is null after an import, and after a create whose answer was lost (the provider then adopts the meeting ID it finds in the room)."),
		"sip_proxy_port": {
			Doc: "The group call proxy port. Like `sip_proxy`, only known when this resource created the meeting ID and got the answer.",
			Resource: schema.Int64Attribute{
				Computed: true, PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
		},
	}
}

// MeetingAttrs are the attributes of a meeting in a room's list.
func MeetingAttrs() mapping.Attrs {
	return RoomMeetingIDAttrs().Without("id", "room_service_id", "room_id", "sip_proxy", "sip_proxy_port")
}

// RoomArguments are the data sources' arguments that name a room.
func RoomArguments() map[string]dschema.Attribute {
	attrs := RoomMeetingIDAttrs()
	out := map[string]dschema.Attribute{}
	for _, name := range []string{"room_service_id", "room_id"} {
		out[name] = dschema.StringAttribute{Required: true, Description: attrs[name].Doc, Validators: roomPart}
	}
	return out
}

// FromAPI copies what the API returns.
func (m *Meeting) FromAPI(_ context.Context, mtg *lineplanet.Meeting, _ *diag.Diagnostics) {
	m.MeetingID = types.StringValue(strconv.FormatInt(mtg.ID, 10))
	m.Type = types.StringValue(mtg.Type)
	m.Passcode = types.StringValue(mtg.Passcode)
	// LINE Planet tells an absent title from an empty one (null is how an
	// update clears it), so "" stays "".
	m.Title = types.StringPointerValue(mtg.Title)
	m.Data = types.StringPointerValue(mtg.Data)
	m.CreatedAt = mapping.TimeOf(mtg.CreatedAt())
	m.ExpireAt = mapping.TimeOf(mtg.ExpiresAt())
}

// FromAPI copies what the API returns, and the ID the room and the meeting
// make. sip_proxy and sip_proxy_port come only with a create (FromCreated)
// and are left alone here.
func (m *RoomMeetingID) FromAPI(ctx context.Context, mtg *lineplanet.Meeting, diags *diag.Diagnostics) {
	m.Meeting.FromAPI(ctx, mtg, diags)
	m.ID = types.StringValue(MeetingRef{Service: m.RoomServiceID.ValueString(), Room: m.RoomID.ValueString(), Meeting: mtg.ID}.String())
}

// FromCreated copies the create response, which is more than a read's:
// the meeting and its SIP proxy.
func (m *RoomMeetingID) FromCreated(ctx context.Context, c *lineplanet.CreatedMeeting, diags *diag.Diagnostics) {
	m.FromAPI(ctx, &c.Meeting, diags)
	m.SIPProxy = mapping.String(c.SIPProxy)
	m.SIPProxyPort = mapping.NonZeroInt64(c.SIPProxyPort)
}

// CreateBody is the create body. passcode is left out when unknown, so
// that LINE Planet picks a random one.
func (m *RoomMeetingID) CreateBody(context.Context, *diag.Diagnostics) lineplanet.MeetingInput {
	in := lineplanet.MeetingInput{
		Type:  m.Type.ValueString(),
		Title: m.Title.ValueStringPointer(),
		Data:  m.Data.ValueStringPointer(),
	}
	if !m.Passcode.IsUnknown() {
		in.Passcode = m.Passcode.ValueString()
	}
	return in
}

// UpdateBody is the update body: the create's, with the type only when it
// changes. The document lists S -> R as the one change case, and says
// nothing of "changing" a type to itself.
func (m *RoomMeetingID) UpdateBody(ctx context.Context, prior *RoomMeetingID, diags *diag.Diagnostics) lineplanet.MeetingInput {
	in := m.CreateBody(ctx, diags)
	if m.Type.Equal(prior.Type) {
		in.Type = ""
	}
	return in
}
