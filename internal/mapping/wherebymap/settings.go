package wherebymap

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
	"github.com/confkit/terraform-provider-conference/internal/validators"
)

// Settings are the arguments Whereby takes when it creates a meeting and
// never returns. A null setting is left out of the create body, so that
// Whereby's default applies.
type Settings struct {
	IsLocked          types.Bool   `tfsdk:"is_locked"`
	RoomMode          types.String `tfsdk:"room_mode"`
	RoomNamePrefix    types.String `tfsdk:"room_name_prefix"`
	RoomNamePattern   types.String `tfsdk:"room_name_pattern"`
	TemplateType      types.String `tfsdk:"template_type"`
	Fields            types.Set    `tfsdk:"fields"`
	Recording         types.Object `tfsdk:"recording"`
	Streaming         types.Object `tfsdk:"streaming"`
	LiveTranscription types.Object `tfsdk:"live_transcription"`
}

// SettingNames are the Settings' attributes: what an import cannot read.
var SettingNames = []string{
	"is_locked", "room_mode", "room_name_prefix", "room_name_pattern", "template_type", "fields",
	"recording", "streaming", "live_transcription",
}

// WithWriteOnly returns the settings with the objects that may hold
// write-only values (a destination's access_key_secret_wo) as config has
// them: the plan holds those values as null. The objects are optional and
// not computed, so the configuration has them as planned otherwise.
func (s Settings) WithWriteOnly(config *Settings) Settings {
	s.Recording, s.LiveTranscription = config.Recording, config.LiveTranscription
	return s
}

// unreadNote ends every setting's description.
const unreadNote = "Whereby does not return it, so an import cannot read it (see the resource's description). Changing it replaces the meeting."

// roomNamePrefix is NOTES.md's reading of the prefix: the schema says
// [a-z0-9]{0,39}, the page's example "example-prefix" has a dash. Whereby
// removes spaces; the provider refuses them rather than plan a value that is
// not the one used. An empty prefix is no prefix: leave the argument out.
var roomNamePrefix = regexp.MustCompile(`^[a-z0-9-]{1,39}$`)

func fieldsAttribute() schema.SetAttribute {
	return schema.SetAttribute{
		ElementType: types.StringType,
		Optional:    true,
		Validators: []validator.Set{setvalidator.ValueStringsAre(
			validators.OneOf(whereby.FieldHostRoomURL, whereby.FieldViewerRoomURL))},
		PlanModifiers: []planmodifier.Set{planmodifiers.SetRequiresReplaceBecause(NoUpdate)},
	}
}

func settingsAttrs() mapping.Attrs {
	enum := func(doc, config string, values ...string) mapping.Attr {
		return mapping.Attr{Doc: doc, Config: config + " " + unreadNote, Resource: schema.StringAttribute{
			Optional:      true,
			Validators:    []validator.String{validators.OneOf(values...)},
			PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceBecauseChecked(NoUpdate, ImportContradiction)},
		}}
	}
	return mapping.Attrs{
		"is_locked": {
			Doc:    "Whether the room starts locked: only hosts let other participants in and change the lock.",
			Config: "Whereby's default, when not set, is an unlocked room; a `viewerMode` room is always locked. " + unreadNote,
			Resource: schema.BoolAttribute{
				Optional:      true,
				PlanModifiers: []planmodifier.Bool{planmodifiers.BoolRequiresReplaceBecauseChecked(NoUpdate, ImportContradiction)},
			},
		},
		"room_mode": enum("The room's mode and size: `normal` for up to 4 participants, `group` for more.",
			"Whereby's default, when not set, is `normal`; a `viewerMode` room is always `group`.",
			whereby.RoomModeNormal, whereby.RoomModeGroup),
		"room_name_prefix": {
			Doc: "The prefix of the generated room name.",
			Config: "1 to 39 lowercase letters, digits and dashes. It is put in front of the generated part as written: " +
				"write `team-` to get `/team-<generated>`. " + unreadNote,
			Resource: schema.StringAttribute{
				Optional: true,
				Validators: []validator.String{stringvalidator.RegexMatches(roomNamePrefix,
					"must be 1 to 39 lowercase letters (a-z), digits and dashes")},
				PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceBecauseChecked(NoUpdate, ImportContradiction)},
			},
		},
		"room_name_pattern": enum("The format of the generated part of the room name: `uuid` (8-4-4-4-12 hexadecimal) "+
			"or `human-short` (six distinguishable characters).", "Whereby's default, when not set, is `uuid`.",
			whereby.RoomNamePatternUUID, whereby.RoomNamePatternHumanShort),
		"template_type": enum("The room template: `viewerMode`, the only one, makes a locked `group` room with a host URL and "+
			"a viewer URL.", "It cannot be combined with `is_locked = false` or `room_mode = \"normal\"`.",
			whereby.TemplateTypeViewerMode),
		"fields": {
			Doc: "The optional URLs to return: `hostRoomUrl` (`host_room_url`) and `viewerRoomUrl` (`viewer_room_url`, " +
				"which only `viewerMode` rooms have). A `viewerMode` room returns both anyway.",
			Config:   unreadNote,
			Resource: fieldsAttribute(),
		},
		"recording":          recordingAttr(),
		"streaming":          streamingAttr(),
		"live_transcription": liveTranscriptionAttr(),
	}
}

// Validate checks what spans attributes: the viewerMode template "will set up
// a room ... locked, roomMode set to "group"" (whereby-openapi.json), which
// an explicit unlocked or normal room contradicts. Unknown values pass.
func (s *Settings) Validate(_ context.Context, diags *diag.Diagnostics) {
	if s.TemplateType.ValueString() != whereby.TemplateTypeViewerMode {
		return
	}
	if !s.IsLocked.IsNull() && !s.IsLocked.IsUnknown() && !s.IsLocked.ValueBool() {
		diags.AddAttributeError(path.Root("is_locked"), "is_locked conflicts with template_type",
			`template_type = "viewerMode" makes a locked room; is_locked = false contradicts it. Remove is_locked, or set it to true.`)
	}
	if s.RoomMode.ValueString() == whereby.RoomModeNormal {
		diags.AddAttributeError(path.Root("room_mode"), "room_mode conflicts with template_type",
			`template_type = "viewerMode" makes a "group" room; room_mode = "normal" contradicts it. Remove room_mode, or set it to "group".`)
	}
}

// CreateBody is the create body: every setting that is set, and end_date.
// Whereby has no update.
func (m *ManagedMeeting) CreateBody(ctx context.Context, diags *diag.Diagnostics) whereby.CreateMeetingInput {
	end, ok := m.EndDate.Known()
	if !ok {
		diags.AddAttributeError(path.Root("end_date"), "Invalid end_date", "end_date must be a known RFC 3339 time.")
	}
	in := whereby.CreateMeetingInput{
		EndDate:         end,
		IsLocked:        m.IsLocked.ValueBoolPointer(),
		RoomMode:        m.RoomMode.ValueString(),
		RoomNamePrefix:  m.RoomNamePrefix.ValueString(),
		RoomNamePattern: m.RoomNamePattern.ValueString(),
		TemplateType:    m.TemplateType.ValueString(),
		Fields:          Fields(ctx, m.Fields, diags),
	}
	in.Recording = fromObject(ctx, m.Recording, diags, (*recording).input)
	in.Streaming = fromObject(ctx, m.Streaming, diags, (*streaming).input)
	in.LiveTranscription = fromObject(ctx, m.LiveTranscription, diags, (*liveTranscription).input)
	return in
}
