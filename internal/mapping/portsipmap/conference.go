package portsipmap

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
	"github.com/confkit/terraform-provider-conference/internal/validators"
)

// Conference is the settings a conference room and a user meeting share
// (portsip-conference.txt, portsip-openapi-conference.json: the same fields
// with the same limits), as far as both list items carry them: each adds its
// own identity and fields, a meeting list item and a single read
// outbound_caller_ids (CallerIDs), a single read Hosting.
type Conference struct {
	Mode             types.String         `tfsdk:"mode"`
	Control          types.String         `tfsdk:"control"`
	Height           types.Int64          `tfsdk:"height"`
	Width            types.Int64          `tfsdk:"width"`
	Bitrate          types.Int64          `tfsdk:"bitrate"`
	Framerate        types.Int64          `tfsdk:"framerate"`
	Layout           types.String         `tfsdk:"layout"`
	Subject          types.String         `tfsdk:"subject"`
	Language         types.String         `tfsdk:"language"`
	Capacity         types.Int64          `tfsdk:"capacity"`
	AdminPIN         types.String         `tfsdk:"admin_pin"`
	RoomPIN          types.String         `tfsdk:"room_pin"`
	EnableRecording  types.Bool           `tfsdk:"enable_recording"`
	EnablePrompt     types.Bool           `tfsdk:"enable_prompt"`
	Timezone         types.String         `tfsdk:"timezone"`
	ScheduledStartAt timetype.RFC3339     `tfsdk:"scheduled_start_at"`
	ScheduledEndAt   timetype.RFC3339     `tfsdk:"scheduled_end_at"`
	InternalInvitees types.Set            `tfsdk:"internal_invitees"`
	ExternalInvitees types.String         `tfsdk:"external_invitees"`
	CustomOptions    jsontypes.Normalized `tfsdk:"custom_options"`
}

// conferenceAPI is where the PBX's API treats the settings of a room and of
// a user meeting differently (portsip-conference.txt,
// portsip-openapi-conference.json: createConferenceRoom,
// updateConferenceRoom, createMeeting, updateMeeting): the one schema
// follows it for both.
type conferenceAPI struct {
	// noun is what the descriptions call the object: "room", "meeting".
	noun string
	// recordingAtCreateOnly: the update body has no enable_recording, so
	// changing it replaces the object (rooms).
	recordingAtCreateOnly bool
	// capacityAtUpdateOnly: the create body has no capacity and the object
	// starts with 9 (meetings), so the provider sets another capacity with an
	// update right after the create.
	capacityAtUpdateOnly bool
	// timezoneRequired: the create body requires timezone, and nothing
	// clears it afterwards (meetings).
	timezoneRequired bool
}

var (
	roomAPI    = conferenceAPI{noun: "room", recordingAtCreateOnly: true}
	meetingAPI = conferenceAPI{noun: "meeting", capacityAtUpdateOnly: true, timezoneRequired: true}
)

// conferenceAttrs are the attributes of the settings a room and a user
// meeting share, outbound_caller_ids included, as api allows them. The
// caller adds the object's own attributes.
func conferenceAttrs(api conferenceAPI) mapping.Attrs {
	noun := api.noun
	// portsip-conference.txt, portsip-openapi-conference.json: neither
	// update body has mode.
	modeImmutable := fmt.Sprintf("PortSIP cannot change a %s's mode in place (the update API does not take it), so a new %s is created.", noun, noun)
	video := func(doc string, lo, hi, def int64) mapping.Attr {
		return mapping.Attr{
			Doc:    fmt.Sprintf("%s; null for AUDIO %ss.", doc, noun),
			Config: fmt.Sprintf("%d to %d. Only valid when `mode` is `VIDEO`; the PBX defaults it to %d.", lo, hi, def),
			Resource: schema.Int64Attribute{
				Optional:      true,
				Computed:      true,
				Validators:    []validator.Int64{int64validator.Between(lo, hi)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
		}
	}
	return mapping.Attrs{
		"mode": {
			Doc: Modes.Doc() + ".", Config: "Changing it replaces the " + noun + ".",
			Resource: schema.StringAttribute{
				Required:      true,
				Validators:    []validator.String{Modes.Validator()},
				PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceBecause(modeImmutable)},
			},
		},
		"control": {
			Doc: "Conference control: `FREE` (anyone may speak) or `MASTER` (the chairman controls the floor).", Config: "Defaults to `FREE`.",
			Resource: schema.StringAttribute{
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString("FREE"),
				Validators: []validator.String{Controls.Validator()},
			},
		},
		"height":    video("Video height in pixels", 144, 1920, 720),
		"width":     video("Video width in pixels", 144, 1920, 1280),
		"bitrate":   video("Video bitrate in kbit/s", 128, 10240, 1024),
		"framerate": video("Video frames per second", 5, 30, 15),
		"layout": {
			Doc:    "The video grid layout: " + Layouts.Doc() + "; null for AUDIO " + noun + "s.",
			Config: "Only valid when `mode` is `VIDEO`; the PBX defaults it to `LAYOUT0`.",
			Resource: schema.StringAttribute{
				Optional:      true,
				Computed:      true,
				Validators:    []validator.String{Layouts.Validator()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
		"subject": {
			Doc: "The " + noun + "'s subject.", Config: "1 to 64 characters.",
			Resource: schema.StringAttribute{Required: true, Validators: []validator.String{stringvalidator.LengthBetween(1, 64)}},
		},
		"language": {
			Doc:      "The voice prompts' language as a BCP 47 tag, such as `en-US`; null when not set.",
			Resource: schema.StringAttribute{Optional: true, Validators: []validator.String{validators.BCP47()}},
		},
		"capacity": {
			Doc: "The maximum number of participants.", Config: "1 to 200. Defaults to 9." + capacityConfig(api),
			Resource: schema.Int64Attribute{
				Optional:   true,
				Computed:   true,
				Default:    int64default.StaticInt64(9),
				Validators: []validator.Int64{int64validator.Between(1, 200)},
			},
		},
		"admin_pin": {
			Doc: "The PIN that makes a caller the " + noun + "'s admin; null when not set.", Config: "3 to 6 digits.",
			Resource: schema.StringAttribute{Optional: true, Sensitive: true, Validators: []validator.String{validators.DigitsOnly(3, 6)}},
		},
		"room_pin": {
			Doc: "The PIN callers enter to join; null when not set.", Config: "3 to 6 digits.",
			Resource: schema.StringAttribute{Optional: true, Sensitive: true, Validators: []validator.String{validators.DigitsOnly(3, 6)}},
		},
		"enable_recording": enableRecording(api),
		"enable_prompt": {
			Doc: "Whether callers hear the voice menu.", Config: "Defaults to `true`.",
			Resource: schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true)},
		},
		"timezone": timezone(api),
		"scheduled_start_at": {
			Doc:      "When the scheduled conference starts, in RFC 3339 such as `2030-07-21T17:32:28Z`; null when not scheduled.",
			Config:   "Any offset is accepted; the same instant written another way is not a change.",
			Resource: scheduleTime(),
		},
		"scheduled_end_at": {
			Doc:      "When the scheduled conference ends, in RFC 3339; null when not scheduled.",
			Config:   "Must be after `scheduled_start_at`. Any offset is accepted; the same instant written another way is not a change.",
			Resource: scheduleTime(),
		},
		"internal_invitees": {
			Doc:      "IDs of the PBX extensions (users) to send invitation emails to; null when there are none.",
			Config:   "An empty set means none, as leaving it out does.",
			Resource: schema.SetAttribute{ElementType: types.StringType, Optional: true},
		},
		"external_invitees": {
			Doc:      "Email addresses of outside invitees, as the PBX takes them (a comma-separated list); null when not set.",
			Resource: schema.StringAttribute{Optional: true},
		},
		"outbound_caller_ids": {
			Doc:      "Caller IDs the " + noun + " presents when it calls out, one per trunk; null when there are none.",
			Config:   "An empty list means none, as leaving it out does.",
			Resource: callerIDsAttribute(),
		},
		"custom_options": {
			Doc:    "Custom options as a JSON document; decode it with `jsondecode()`. Null when not set.",
			Config: "Write it with `jsonencode()`, e.g. `jsonencode({ moh = true })`; whitespace and key order are not changes.",
			Resource: schema.StringAttribute{
				CustomType:    jsontypes.NormalizedType{},
				Optional:      true,
				PlanModifiers: []planmodifier.String{planmodifiers.KeepEquivalent(jsontypes.NormalizedType{})},
			},
		},
	}
}

func scheduleTime() schema.StringAttribute {
	return schema.StringAttribute{
		CustomType:    timetype.RFC3339Type{},
		Optional:      true,
		PlanModifiers: []planmodifier.String{planmodifiers.KeepEquivalent(timetype.RFC3339Type{})},
	}
}

// capacityConfig says how the provider sets a capacity the create body
// cannot carry.
func capacityConfig(api conferenceAPI) string {
	if !api.capacityAtUpdateOnly {
		return ""
	}
	return fmt.Sprintf(" PortSIP creates every %s with 9 (its create API takes no capacity), so the provider sets any other value with an update right after the create.", api.noun)
}

func enableRecording(api conferenceAPI) mapping.Attr {
	config := "Defaults to `false`."
	var modifiers []planmodifier.Bool
	if api.recordingAtCreateOnly {
		config += " The PBX sets it only at creation, so changing it replaces the " + api.noun + "."
		modifiers = []planmodifier.Bool{planmodifiers.BoolRequiresReplaceBecause(fmt.Sprintf(
			"PortSIP sets enable_recording only when a %s is created (the update API does not take it), so a new %s is created.", api.noun, api.noun))}
	}
	return mapping.Attr{
		Doc:    "Whether conferences in the " + api.noun + " are recorded.",
		Config: config,
		Resource: schema.BoolAttribute{
			Optional:      true,
			Computed:      true,
			Default:       booldefault.StaticBool(false),
			PlanModifiers: modifiers,
		},
	}
}

func timezone(api conferenceAPI) mapping.Attr {
	if api.timezoneRequired {
		return mapping.Attr{
			Doc:      "The " + api.noun + "'s time zone as an IANA name, such as `Asia/Shanghai`.",
			Config:   "PortSIP requires it.",
			Resource: schema.StringAttribute{Required: true, Validators: []validator.String{validators.IANATimezone()}},
		}
	}
	return mapping.Attr{
		Doc:      "The " + api.noun + "'s time zone as an IANA name, such as `Asia/Shanghai`; null when not set.",
		Resource: schema.StringAttribute{Optional: true, Validators: []validator.String{validators.IANATimezone()}},
	}
}
