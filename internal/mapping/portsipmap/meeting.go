package portsipmap

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// MeetingSummary is what a meeting list item carries
// (portsip-openapi-conference.json, GET /user/meetings): every meeting field
// except Hosting's and the token. Unlike a room list item, it has
// outbound_caller_ids.
type MeetingSummary struct {
	ID              types.String `tfsdk:"id"`
	ExtensionNumber types.String `tfsdk:"extension_number"`
	Conference
	CloseOnNobody     types.Bool       `tfsdk:"close_on_nobody"`
	OutboundCallerIDs types.List       `tfsdk:"outbound_caller_ids"`
	Ownership         types.Bool       `tfsdk:"ownership"`
	CreatedAt         timetype.RFC3339 `tfsdk:"created_at"`
}

// Meeting is one of the signed-in user's meetings as GET /user/meetings/{id}
// returns it, the token left out as for a room.
type Meeting struct {
	MeetingSummary
	Hosting
}

// MeetingAttrs are a user meeting's attributes: the conference settings, as
// createMeeting and updateMeeting take them, and the meeting's own.
func MeetingAttrs() mapping.Attrs {
	attrs := conferenceAttrs(meetingAPI)
	maps.Copy(attrs, assignedAttrs("meeting"))
	// createMeeting takes no extension_number: the PBX gives one.
	attrs["extension_number"] = mapping.Assigned("The extension callers dial to join the meeting, assigned by the PBX.")
	attrs["close_on_nobody"] = mapping.Attr{
		Doc: "Whether the PBX closes the meeting when the last participant leaves.", Config: "Defaults to `false`.",
		Resource: schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false)},
	}
	attrs["ownership"] = mapping.Attr{
		Doc: "Whether the signed-in user owns the meeting.",
		Resource: schema.BoolAttribute{
			Computed: true, PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
		},
	}
	return attrs
}

// MeetingSummaryAttrs are the attributes of a meeting list item.
func MeetingSummaryAttrs() mapping.Attrs {
	return MeetingAttrs().Without(hostingNames...)
}

// FromAPI refreshes the attributes a list item carries. As with
// internal_invitees, an outbound_caller_ids configured as `[]` stays `[]`.
func (m *MeetingSummary) FromAPI(ctx context.Context, r *portsip.Meeting, diags *diag.Diagnostics) {
	m.ID = types.StringValue(r.ID)
	m.ExtensionNumber = types.StringValue(r.ExtensionNumber)
	m.settingsFromAPI(ctx, &r.Conference, diags)
	m.CloseOnNobody = types.BoolValue(r.CloseOnNobody)
	m.OutboundCallerIDs = mapping.KeepEmpty(m.OutboundCallerIDs, callerIDs(ctx, r.OutboundCallerIDs, diags))
	m.Ownership = types.BoolValue(r.Ownership)
	m.CreatedAt = mapping.Time(platform, "created_at", r.CreatedAt, diags)
}

// FromAPI refreshes every attribute.
func (m *Meeting) FromAPI(ctx context.Context, r *portsip.Meeting, diags *diag.Diagnostics) {
	m.MeetingSummary.FromAPI(ctx, r, diags)
	m.hostingFromAPI(&r.Conference)
}

// CreateBody is the create body: every setting the configuration sets, and mode,
// which only a create takes, but no capacity, which createMeeting does not
// take (AfterCreate sets it).
func (m *Meeting) CreateBody(ctx context.Context, diags *diag.Diagnostics) portsip.MeetingInput {
	in := portsip.MeetingInput{Mode: m.Mode.ValueStringPointer()}
	m.input(ctx, delta{}, &Meeting{}, &in, diags)
	in.Capacity = nil
	return in
}

// AfterCreate is the update that gives a meeting just created, as the PBX
// reads it back (created), what the create body could not carry: the
// configured capacity, when it is not the one the meeting started with. ok
// is false when no update is needed.
func (m *Meeting) AfterCreate(created *Meeting) (in portsip.MeetingInput, ok bool) {
	if m.Capacity.IsNull() || m.Capacity.IsUnknown() || m.Capacity.Equal(created.Capacity) {
		return in, false
	}
	in.Capacity = m.Capacity.ValueInt64Pointer()
	return in, true
}

// UpdateBody is the update body: only what changed since prior, and what the
// configuration no longer sets as empty, so that the PBX clears it. Unlike a
// room's, it may change enable_recording (updateMeeting takes it).
func (m *Meeting) UpdateBody(ctx context.Context, prior *Meeting, diags *diag.Diagnostics) portsip.MeetingInput {
	var in portsip.MeetingInput
	m.input(ctx, delta{update: true}, prior, &in, diags)
	return in
}

func (m *Meeting) input(ctx context.Context, d delta, prior *Meeting, in *portsip.MeetingInput, diags *diag.Diagnostics) {
	m.Conference.input(ctx, d, &prior.Conference, &in.ConferenceInput, diags)
	in.EnableRecording = d.bool(m.EnableRecording, prior.EnableRecording)
	in.CloseOnNobody = d.bool(m.CloseOnNobody, prior.CloseOnNobody)
	in.OutboundCallerIDs = d.callerIDs(ctx, m.OutboundCallerIDs, prior.OutboundCallerIDs, diags)
}

// MeetingNotFound explains to whoever reads or imports a meeting (verb:
// "read", "import") that no meeting with field ("ID", "extension number")
// value was found. /user/meetings are the signed-in user's: the PBX answers
// another user's meeting as one that does not exist, so the message names
// both causes, and user, the signed-in user, when the client knows the name
// ("" when it signs in with a token).
func MeetingNotFound(field, value, user, verb string) string {
	who := "the signed-in user"
	if user != "" {
		who = fmt.Sprintf("%q, the signed-in user", user)
	}
	return fmt.Sprintf("No PortSIP meeting with %s %q belongs to %s: it does not exist, or it is another user's. "+
		"A user's meetings are reached only by signing in as that user: %s it with a provider configuration "+
		"(such as a provider alias) that signs in as the meeting's owner.", field, value, who, verb)
}

// Key is what a lookup finds the object by: its ID, else its extension
// number.
func (m *MeetingSummary) Key() (id, extensionNumber types.String) { return m.ID, m.ExtensionNumber }
