// Package sqmeetingmap maps SQMeeting (FRTC) API objects to Terraform values
// and back, for the resource and the data sources of each object alike: a
// meeting, a recurring meeting (a series and its occurrences), the personal
// meeting rooms, the public user search and the system information.
package sqmeetingmap

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/validators"
)

// Value sets and limits. sqmeeting-frtc.txt shows one example of each; the
// lists and limits are the vendor's clients' (NOTES.md: they are the better
// guide), which the emulator enforces too.
// CallRate is a meeting's call rate (CallRates).
type CallRate string

var (
	// CallRates are the vendor clients' rate menu (Android MeetingCallRate,
	// the macOS rate menu).
	CallRates = mapping.Enum[CallRate]{"128K", "512K", "1024K", "2048K", "2560K", "3072K", "4096K", "6144K", "8192K"}
	// watermarkTypes: the document's "single", and "" that the macOS client
	// sends for a meeting without a watermark.
	watermarkTypes = []string{sqmeeting.WatermarkSingle, ""}
)

const (
	// maxNameLength is the clients' limit on meeting_name
	// (android:maxLength="48").
	maxNameLength = 48
	// defaultCallRate is the document's example and the macOS client's default.
	defaultCallRate = "2048K"
)

// Settings are what a meeting and a series share: the fields a meeting's
// body and a recurrence's body both take, and the number and URL the server
// gives either.
type Settings struct {
	Name           types.String `tfsdk:"name"`
	Description    types.String `tfsdk:"description"`
	CallRateType   types.String `tfsdk:"call_rate_type"`
	Password       types.String `tfsdk:"password"`
	InvitedUserIDs types.Set    `tfsdk:"invited_user_ids"`
	MuteUponEntry  types.Bool   `tfsdk:"mute_upon_entry"`
	GuestDialIn    types.Bool   `tfsdk:"guest_dial_in"`
	Watermark      types.Bool   `tfsdk:"watermark"`
	WatermarkType  types.String `tfsdk:"watermark_type"`
	MeetingRoomID  types.String `tfsdk:"meeting_room_id"`
	MeetingNumber  types.String `tfsdk:"meeting_number"`
	MeetingURL     types.String `tfsdk:"meeting_url"`
}

// SettingsAttrs are the shared attributes; noun ("meeting", "series") is what
// the descriptions call the object.
func SettingsAttrs(noun string) mapping.Attrs {
	whose := noun + "'s"
	if strings.HasSuffix(noun, "s") {
		whose = noun + "'"
	}
	optionalBool := func(doc string, def bool, defText string) mapping.Attr {
		return mapping.Attr{Doc: doc, Config: "Defaults to `" + defText + "`, the server's default.", Resource: schema.BoolAttribute{
			Optional: true, Computed: true, Default: booldefault.StaticBool(def),
		}}
	}
	return mapping.Attrs{
		"name": {
			Doc: "The " + whose + " name.", Config: "1 to 48 characters, not all white space (the vendor's clients' limit).",
			Resource: schema.StringAttribute{Required: true, Validators: []validator.String{validators.Characters(1, maxNameLength)}},
		},
		"description": {
			Doc: "The " + whose + " description; null when it has none.", Config: "Removing it clears the description.",
			Resource: schema.StringAttribute{Optional: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}},
		},
		"call_rate_type": {
			Doc:    "The call rate: " + CallRates.Doc() + ".",
			Config: "Defaults to `2048K`, the server's default.",
			Resource: schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(defaultCallRate),
				Validators: []validator.String{CallRates.Validator()},
			},
		},
		"password": {
			Doc: "The password participants enter to join; `\"\"` when the " + noun + " has none.",
			Config: "Set it to `\"\"` for no password. When not set, the server chooses one (in a meeting room, the room's password; " +
				"otherwise a generated one), and the " + noun + " keeps it until `password` or `meeting_room_id` is changed.",
			Resource: schema.StringAttribute{
				Optional: true, Computed: true, Sensitive: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
		"invited_user_ids": {
			Doc: "IDs of the SQMeeting users invited to the " + noun + "; null when there are none. " +
				"Look them up by name with the `conference_sqmeeting_users` data source.",
			Config:   "An empty set means none, as leaving it out does.",
			Resource: schema.SetAttribute{ElementType: types.StringType, Optional: true},
		},
		"mute_upon_entry": optionalBool("Whether participants are muted when they join.", false, "false"),
		"guest_dial_in":   optionalBool("Whether guests (people without an SQMeeting account) may join.", true, "true"),
		"watermark":       optionalBool("Whether the video carries a watermark.", false, "false"),
		"watermark_type": {
			Doc:    "The watermark type: `single`, or `\"\"`, which the vendor's clients send for a meeting without a watermark.",
			Config: "Defaults to `single`, the server's default.",
			Resource: schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(sqmeeting.WatermarkSingle),
				Validators: []validator.String{validators.OneOf(watermarkTypes...)},
			},
		},
		"meeting_room_id": {
			Doc: "The personal meeting room the " + noun + " is held in, whose number it takes; null when it has a number of its own. " +
				"The signed-in user's rooms are listed by the `conference_sqmeeting_meeting_rooms` data source.",
			Config: "Changing it changes `meeting_number`, and `password` when that is not set.",
			Resource: schema.StringAttribute{Optional: true, Validators: []validator.String{
				stringvalidator.RegexMatches(regexp.MustCompile(`^\S+$`), "must be a meeting room ID, without white space"),
			}},
		},
		"meeting_number": mapping.Assigned("The number participants dial or enter to join: the meeting room's when `meeting_room_id` is set."),
		"meeting_url":    mapping.Assigned("The link that joins the " + noun + "."),
	}
}

// args are the shared arguments, for telling a change of them from
// a change of anything else.
func (s *Settings) args() []attr.Value {
	return []attr.Value{s.Name, s.Description, s.CallRateType, s.Password, s.InvitedUserIDs, s.MuteUponEntry,
		s.GuestDialIn, s.Watermark, s.WatermarkType, s.MeetingRoomID}
}

// equalValues reports whether a and b hold equal values, pairwise.
func equalValues(a, b []attr.Value) bool {
	return slices.EqualFunc(a, b, func(x, y attr.Value) bool { return x.Equal(y) })
}

// fromAPI refreshes the shared settings from a meeting or an occurrence. The
// password stays "" when there is none: `password = ""` is how a
// configuration says so. An invitees set configured as `[]` stays `[]`.
func (s *Settings) fromAPI(ctx context.Context, m *sqmeeting.Meeting, diags *diag.Diagnostics) {
	s.Name = types.StringValue(m.MeetingName)
	s.Description = mapping.String(m.MeetingDescription)
	s.CallRateType = types.StringValue(m.CallRateType)
	s.Password = types.StringValue(m.MeetingPassword)
	ids := make([]string, 0, len(m.InvitedUsersDetail))
	for _, u := range m.InvitedUsersDetail {
		ids = append(ids, u.UserID)
	}
	s.InvitedUserIDs = mapping.KeepEmpty(s.InvitedUserIDs, mapping.StringSet(ctx, ids, diags))
	s.MuteUponEntry = types.BoolValue(m.MuteUponEntry == sqmeeting.MuteUponEntryEnable)
	s.GuestDialIn = types.BoolValue(m.GuestDialIn)
	s.Watermark = types.BoolValue(m.Watermark)
	s.WatermarkType = types.StringValue(m.WatermarkType)
	s.MeetingRoomID = mapping.String(m.MeetingRoomID)
	s.MeetingNumber = mapping.String(m.MeetingNumber)
	s.MeetingURL = mapping.String(m.MeetingURL)
}

// input fills in the shared fields of a create (prior nil) or update body.
// Every value is sent, so that the server holds what the plan says whatever
// its own defaults; the exceptions are a password not known yet (the server
// chooses it) and a meeting room, which a create leaves out when there is
// none and an update clears with "" only when there was one.
func (s *Settings) input(ctx context.Context, prior *Settings, in *sqmeeting.MeetingInput, diags *diag.Diagnostics) {
	in.MeetingName = s.Name.ValueString()
	desc := s.Description.ValueString()
	in.MeetingDescription = &desc
	in.CallRateType = s.CallRateType.ValueString()
	if !s.Password.IsUnknown() && !s.Password.IsNull() {
		in.MeetingPassword = s.Password.ValueStringPointer()
	}
	in.InvitedUsers = mapping.Strings(ctx, s.InvitedUserIDs, diags)
	in.MuteUponEntry = sqmeeting.MuteUponEntryDisable
	if s.MuteUponEntry.ValueBool() {
		in.MuteUponEntry = sqmeeting.MuteUponEntryEnable
	}
	in.GuestDialIn = s.GuestDialIn.ValueBoolPointer()
	in.Watermark = s.Watermark.ValueBoolPointer()
	in.WatermarkType = s.WatermarkType.ValueStringPointer()
	switch {
	case !s.MeetingRoomID.IsNull():
		in.MeetingRoomID = s.MeetingRoomID.ValueStringPointer()
	case prior != nil && !prior.MeetingRoomID.IsNull():
		none := ""
		in.MeetingRoomID = &none
	}
}

// planRoom marks what the server assigns anew when the meeting room
// changes: the number (the room's, or one of the meeting's own), and the
// password when the configuration leaves it to the server (NOTES.md:
// omitted means the server chooses).
func (s *Settings) planRoom(prior *Settings, configPassword types.String) {
	if s.MeetingRoomID.Equal(prior.MeetingRoomID) {
		return
	}
	s.MeetingNumber = types.StringUnknown()
	if configPassword.IsNull() {
		s.Password = types.StringUnknown()
	}
}
