package portsipmap

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// RoomSummary is what a room list item carries (portsip-openapi-conference.json,
// GET /conference_rooms): every room field except outbound_caller_ids,
// domain, sbc_host, sbc_port and token.
type RoomSummary struct {
	ID              types.String `tfsdk:"id"`
	ExtensionNumber types.String `tfsdk:"extension_number"`
	Conference
	Numbers   types.String     `tfsdk:"numbers"`
	CreatedAt timetype.RFC3339 `tfsdk:"created_at"`
}

// Room is a room as GET /conference_rooms/{id} returns it. The room's token
// is left out: it is a credential the provider has no use for.
type Room struct {
	RoomSummary
	OutboundCallerIDs types.List `tfsdk:"outbound_caller_ids"`
	Hosting
}

// roomExtensionImmutable: portsip-conference.txt's update body has no
// extension_number.
const roomExtensionImmutable = "PortSIP cannot change a conference room's extension_number in place (the update API does not take it), so a new room is created."

// RoomAttrs are a conference room's attributes: the conference settings and
// the room's own.
func RoomAttrs() mapping.Attrs {
	attrs := conferenceAttrs(roomAPI)
	maps.Copy(attrs, assignedAttrs("room"))
	attrs["extension_number"] = mapping.Attr{
		Doc: "The extension callers dial to join the room.", Config: "3 to 64 digits. Changing it replaces the room.",
		Resource: schema.StringAttribute{
			Required:      true,
			Validators:    []validator.String{ExtensionNumber()},
			PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceBecause(roomExtensionImmutable)},
		},
	}
	attrs["numbers"] = mapping.Attr{
		Doc: "Numbers to dial from a landline or mobile phone to reach the room; null when not set.", Config: "At most 128 characters.",
		Resource: schema.StringAttribute{Optional: true, Validators: []validator.String{stringvalidator.LengthAtMost(128)}},
	}
	return attrs
}

// RoomSummaryAttrs are the attributes of a room list item.
func RoomSummaryAttrs() mapping.Attrs {
	return RoomAttrs().Without(append([]string{"outbound_caller_ids"}, hostingNames...)...)
}

// FromAPI refreshes the attributes a list item carries.
func (m *RoomSummary) FromAPI(ctx context.Context, r *portsip.Room, diags *diag.Diagnostics) {
	m.ID = types.StringValue(r.ID)
	m.ExtensionNumber = types.StringValue(r.ExtensionNumber)
	m.settingsFromAPI(ctx, &r.Conference, diags)
	m.Numbers = mapping.String(r.Numbers)
	m.CreatedAt = mapping.Time(platform, "created_at", r.CreatedAt, diags)
}

// FromAPI refreshes every attribute. As with internal_invitees, an
// outbound_caller_ids configured as `[]` stays `[]`.
func (m *Room) FromAPI(ctx context.Context, r *portsip.Room, diags *diag.Diagnostics) {
	m.RoomSummary.FromAPI(ctx, r, diags)
	m.OutboundCallerIDs = mapping.KeepEmpty(m.OutboundCallerIDs, callerIDs(ctx, r.OutboundCallerIDs, diags))
	m.hostingFromAPI(&r.Conference)
}

// CreateBody is the create body: every setting the configuration sets, and the
// three that only a create takes.
func (m *Room) CreateBody(ctx context.Context, diags *diag.Diagnostics) portsip.RoomInput {
	in := portsip.RoomInput{
		ExtensionNumber: m.ExtensionNumber.ValueStringPointer(),
		Mode:            m.Mode.ValueStringPointer(),
		EnableRecording: m.EnableRecording.ValueBoolPointer(),
	}
	m.input(ctx, delta{}, &Room{}, &in, diags)
	return in
}

// UpdateBody is the update body: only what changed since prior, and what the
// configuration no longer sets as empty, so that the PBX clears it.
func (m *Room) UpdateBody(ctx context.Context, prior *Room, diags *diag.Diagnostics) portsip.RoomInput {
	var in portsip.RoomInput
	m.input(ctx, delta{update: true}, prior, &in, diags)
	return in
}

func (m *Room) input(ctx context.Context, d delta, prior *Room, in *portsip.RoomInput, diags *diag.Diagnostics) {
	m.Conference.input(ctx, d, &prior.Conference, &in.ConferenceInput, diags)
	in.Numbers = d.str(m.Numbers, prior.Numbers)
	in.OutboundCallerIDs = d.callerIDs(ctx, m.OutboundCallerIDs, prior.OutboundCallerIDs, diags)
}

// Key is what a lookup finds the object by: its ID, else its extension
// number.
func (m *RoomSummary) Key() (id, extensionNumber types.String) { return m.ID, m.ExtensionNumber }
