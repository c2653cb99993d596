package datasources

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
)

var (
	_ datasource.DataSourceWithConfigure        = (*portsipRoom)(nil)
	_ datasource.DataSourceWithConfigValidators = (*portsipRoom)(nil)
)

// NewPortSIPRoom is the conference_portsip_room data source.
func NewPortSIPRoom() datasource.DataSource { return &portsipRoom{} }

type portsipRoom struct {
	client *portsip.Client
}

// portsipRoomSummaryModel is what a PortSIP room list item carries
// (portsip-openapi-conference.json, GET /conference_rooms): every room field
// except domain, sbc_host, sbc_port, token and outbound_caller_ids. Attribute
// names are the conference_portsip_room resource's.
type portsipRoomSummaryModel struct {
	ID               types.String         `tfsdk:"id"`
	ExtensionNumber  types.String         `tfsdk:"extension_number"`
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
	ScheduledStartAt timetypes.RFC3339    `tfsdk:"scheduled_start_at"`
	ScheduledEndAt   timetypes.RFC3339    `tfsdk:"scheduled_end_at"`
	Numbers          types.String         `tfsdk:"numbers"`
	InternalInvitees types.Set            `tfsdk:"internal_invitees"`
	ExternalInvitees types.String         `tfsdk:"external_invitees"`
	CustomOptions    jsontypes.Normalized `tfsdk:"custom_options"`
	CreatedAt        timetypes.RFC3339    `tfsdk:"created_at"`
}

// portsipRoomModel is a room as GET /conference_rooms/{id} returns it. The
// room's token is left out, as the resource leaves it out: it is a credential
// the provider has no use for.
type portsipRoomModel struct {
	portsipRoomSummaryModel
	OutboundCallerIDs []portsipCallerIDModel `tfsdk:"outbound_caller_ids"`
	Domain            types.String           `tfsdk:"domain"`
	SBCHost           types.String           `tfsdk:"sbc_host"`
	SBCPort           types.Int64            `tfsdk:"sbc_port"`
}

type portsipCallerIDModel struct {
	ProviderID  types.String `tfsdk:"provider_id"`
	CallerID    types.String `tfsdk:"caller_id"`
	Description types.String `tfsdk:"description"`
}

// portsipExtensionPattern is the API's extension_number pattern; checking it at
// plan time also keeps arbitrary text out of the OData filter.
var portsipExtensionPattern = regexp.MustCompile(`^[0-9]{3,64}$`)

func (d *portsipRoom) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_portsip_room"
}

func (d *portsipRoom) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := portsipRoomSummaryAttributes()
	attrs["id"] = schema.StringAttribute{
		Optional:    true,
		Computed:    true,
		Description: "The ID of the room to read. Exactly one of `id` and `extension_number` must be set.",
		Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["extension_number"] = schema.StringAttribute{
		Optional: true,
		Computed: true,
		Description: "The extension number of the room to read, 3 to 64 digits. Exactly one of `id` and `extension_number` must be set; " +
			"when `id` is set, this is the room's extension.",
		Validators: []validator.String{stringvalidator.RegexMatches(portsipExtensionPattern, "must be 3 to 64 digits (0-9)")},
	}
	attrs["outbound_caller_ids"] = schema.ListNestedAttribute{
		Computed:    true,
		Description: "Caller IDs the room presents when it calls out, one per trunk. Empty when there are none.",
		NestedObject: schema.NestedAttributeObject{
			Attributes: map[string]schema.Attribute{
				"provider_id": schema.StringAttribute{
					Computed:    true,
					Description: "The ID of the trunk (provider) the caller ID is used on.",
				},
				"caller_id": schema.StringAttribute{
					Computed:    true,
					Description: "The caller ID.",
				},
				"description": schema.StringAttribute{
					Computed:    true,
					Description: "What the caller ID is for; null when not set.",
				},
			},
		},
	}
	attrs["domain"] = schema.StringAttribute{
		Computed:    true,
		Description: "The tenant's SIP domain the room belongs to.",
	}
	attrs["sbc_host"] = schema.StringAttribute{
		Computed:    true,
		Description: "Host of the session border controller that WebRTC participants connect through.",
	}
	attrs["sbc_port"] = schema.Int64Attribute{
		Computed:    true,
		Description: "Port of the session border controller.",
	}
	resp.Schema = schema.Schema{
		Description: "Reads one PortSIP PBX conference room, by its ID or by its extension number. " +
			"A room that does not exist is an error. `admin_pin` and `room_pin` are sensitive.",
		Attributes: attrs,
	}
}

// portsipRoomSummaryAttributes are the attributes a room list item has, all
// computed: the list data source nests them as they are, the singular one adds
// the fields only a single room read returns.
func portsipRoomSummaryAttributes() map[string]schema.Attribute {
	videoInt := func(desc string) schema.Int64Attribute {
		return schema.Int64Attribute{
			Computed:    true,
			Description: desc + ". Null for AUDIO rooms.",
		}
	}
	return map[string]schema.Attribute{
		"id": schema.StringAttribute{
			Computed:    true,
			Description: "The room's unique ID, assigned by the PBX.",
		},
		"extension_number": schema.StringAttribute{
			Computed:    true,
			Description: "The extension callers dial to join the room.",
		},
		"mode": schema.StringAttribute{
			Computed:    true,
			Description: "`AUDIO` or `VIDEO`.",
		},
		"control": schema.StringAttribute{
			Computed:    true,
			Description: "Conference control: `FREE` (anyone may speak) or `MASTER` (the chairman controls the floor).",
		},
		"height":    videoInt("Video height in pixels"),
		"width":     videoInt("Video width in pixels"),
		"bitrate":   videoInt("Video bitrate in kbit/s"),
		"framerate": videoInt("Video frames per second"),
		"layout": schema.StringAttribute{
			Computed:    true,
			Description: "The video grid layout, `LAYOUT0` to `LAYOUT9`. Null for AUDIO rooms.",
		},
		"subject": schema.StringAttribute{
			Computed:    true,
			Description: "The room's subject.",
		},
		"language": schema.StringAttribute{
			Computed:    true,
			Description: "The voice prompts' language as a BCP 47 tag, such as `en-US`; null when not set.",
		},
		"capacity": schema.Int64Attribute{
			Computed:    true,
			Description: "The maximum number of participants.",
		},
		"admin_pin": schema.StringAttribute{
			Computed:    true,
			Sensitive:   true,
			Description: "The PIN that makes a caller the room's admin; null when not set.",
		},
		"room_pin": schema.StringAttribute{
			Computed:    true,
			Sensitive:   true,
			Description: "The PIN callers enter to join; null when not set.",
		},
		"enable_recording": schema.BoolAttribute{
			Computed:    true,
			Description: "Whether conferences in the room are recorded.",
		},
		"enable_prompt": schema.BoolAttribute{
			Computed:    true,
			Description: "Whether callers hear the voice menu.",
		},
		"timezone": schema.StringAttribute{
			Computed:    true,
			Description: "The room's time zone as an IANA name, such as `Asia/Shanghai`; null when not set.",
		},
		"scheduled_start_at": schema.StringAttribute{
			CustomType:  timetypes.RFC3339Type{},
			Computed:    true,
			Description: "When the scheduled conference starts, in RFC 3339 (UTC); null when not scheduled.",
		},
		"scheduled_end_at": schema.StringAttribute{
			CustomType:  timetypes.RFC3339Type{},
			Computed:    true,
			Description: "When the scheduled conference ends, in RFC 3339 (UTC); null when not scheduled.",
		},
		"numbers": schema.StringAttribute{
			Computed:    true,
			Description: "Numbers to dial from a landline or mobile phone to reach the room; null when not set.",
		},
		"internal_invitees": schema.SetAttribute{
			ElementType: types.StringType,
			Computed:    true,
			Description: "IDs of the PBX extensions (users) invitation emails go to. Empty when there are none.",
		},
		"external_invitees": schema.StringAttribute{
			Computed:    true,
			Description: "Email addresses of outside invitees, as the PBX holds them (a comma-separated list); null when not set.",
		},
		"custom_options": schema.StringAttribute{
			CustomType:  jsontypes.NormalizedType{},
			Computed:    true,
			Description: "Custom options as a JSON document; decode it with `jsondecode()`. Null when not set.",
		},
		"created_at": schema.StringAttribute{
			CustomType:  timetypes.RFC3339Type{},
			Computed:    true,
			Description: "When the room was created, in RFC 3339 (UTC).",
		},
	}
}

func (d *portsipRoom) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("extension_number")),
	}
}

func (d *portsipRoom) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = providerdata.Client[*portsip.Client](req.ProviderData, &platforms.PortSIP, &resp.Diagnostics)
}

func (d *portsipRoom) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg portsipRoomModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := cfg.ID.ValueString()
	if cfg.ID.IsNull() {
		id = d.idByExtension(ctx, cfg.ExtensionNumber.ValueString(), &resp.Diagnostics)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	room, err := d.client.GetRoom(ctx, id)
	if err != nil {
		portsipReadError(&resp.Diagnostics, err, "conference room", id)
		return
	}
	var m portsipRoomModel
	resp.Diagnostics.Append(portsipRoomFromAPI(ctx, room, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// idByExtension finds a room's ID from its extension number. The list gives
// only a summary of each room, so the caller then reads the room itself.
func (d *portsipRoom) idByExtension(ctx context.Context, ext string, diags *diag.Diagnostics) string {
	rooms, err := d.client.ListRooms(ctx, portsip.ListOptions{
		Filter: "extension_number eq " + portsipODataString(ext),
	})
	if err != nil {
		diags.AddError(fmt.Sprintf("Looking up PortSIP conference room with extension number %q failed", ext), err.Error())
		return ""
	}
	// Compare again here rather than trust the PBX's filter alone: a lax
	// filter must not hand back some other room.
	var ids []string
	for _, r := range rooms {
		if r.ExtensionNumber == ext {
			ids = append(ids, r.ID)
		}
	}
	switch len(ids) {
	case 0:
		diags.AddAttributeError(path.Root("extension_number"), "PortSIP conference room not found",
			fmt.Sprintf("There is no PortSIP conference room with extension number %q.", ext))
		return ""
	case 1:
		return ids[0]
	default:
		diags.AddAttributeError(path.Root("extension_number"), "Ambiguous PortSIP extension number",
			fmt.Sprintf("%d PortSIP conference rooms have extension number %q (IDs %s); look the room up by id instead.",
				len(ids), ext, strings.Join(ids, ", ")))
		return ""
	}
}

// portsipODataString quotes s as an OData string literal: single quotes, with
// a quote inside doubled.
func portsipODataString(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// portsipRoomFromAPI fills every attribute of a full room read.
func portsipRoomFromAPI(ctx context.Context, r *portsip.Room, m *portsipRoomModel) diag.Diagnostics {
	diags := portsipRoomSummaryFromAPI(ctx, r, &m.portsipRoomSummaryModel)
	m.OutboundCallerIDs = make([]portsipCallerIDModel, 0, len(r.OutboundCallerIDs))
	for _, c := range r.OutboundCallerIDs {
		m.OutboundCallerIDs = append(m.OutboundCallerIDs, portsipCallerIDModel{
			ProviderID:  types.StringValue(c.ProviderID),
			CallerID:    types.StringValue(c.CallerID),
			Description: portsipOptString(c.Description),
		})
	}
	m.Domain = portsipOptString(r.Domain)
	m.SBCHost = portsipOptString(r.SBCHost)
	m.SBCPort = types.Int64Null()
	if r.SBCPort != 0 {
		m.SBCPort = types.Int64Value(r.SBCPort)
	}
	return diags
}

// portsipRoomSummaryFromAPI fills the attributes a list item carries. Absent
// optional fields are null, as in the resource; collections are empty rather
// than null so that length() and for_each work without a null check.
func portsipRoomSummaryFromAPI(ctx context.Context, r *portsip.Room, m *portsipRoomSummaryModel) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID = types.StringValue(r.ID)
	m.ExtensionNumber = types.StringValue(r.ExtensionNumber)
	m.Mode = types.StringValue(r.Mode)
	m.Control = types.StringValue(r.Control)
	m.Height = types.Int64PointerValue(r.Height)
	m.Width = types.Int64PointerValue(r.Width)
	m.Bitrate = types.Int64PointerValue(r.Bitrate)
	m.Framerate = types.Int64PointerValue(r.Framerate)
	m.Layout = portsipOptString(r.Layout)
	m.Subject = types.StringValue(r.Subject)
	m.Language = portsipOptString(r.Language)
	m.Capacity = types.Int64Value(r.Capacity)
	m.AdminPIN = portsipOptString(r.AdminPIN)
	m.RoomPIN = portsipOptString(r.RoomPIN)
	m.EnableRecording = types.BoolValue(r.EnableRecording)
	m.EnablePrompt = types.BoolValue(r.EnablePrompt)
	m.Timezone = portsipOptString(r.Timezone)
	m.ScheduledStartAt = portsipTime(r.ScheduledStartAt, "scheduled_start_at", &diags)
	m.ScheduledEndAt = portsipTime(r.ScheduledEndAt, "scheduled_end_at", &diags)
	m.Numbers = portsipOptString(r.Numbers)
	invitees := r.InternalInvitees
	if invitees == nil {
		invitees = []string{}
	}
	set, d := types.SetValueFrom(ctx, types.StringType, invitees)
	diags.Append(d...)
	m.InternalInvitees = set
	m.ExternalInvitees = portsipOptString(r.ExternalInvitees)
	m.CustomOptions = jsontypes.NewNormalizedNull()
	if r.CustomOptions != "" {
		m.CustomOptions = jsontypes.NewNormalizedValue(r.CustomOptions)
	}
	m.CreatedAt = portsipTime(r.CreatedAt, "created_at", &diags)
	return diags
}

// portsipTime turns an API time into an RFC 3339 value; empty is null. A time
// the PBX sends in another format is an error naming the field, rather than a
// value that later comparisons would choke on.
func portsipTime(s, field string, diags *diag.Diagnostics) timetypes.RFC3339 {
	if s == "" {
		return timetypes.NewRFC3339Null()
	}
	v, d := timetypes.NewRFC3339Value(s)
	if d.HasError() {
		diags.AddError("PortSIP returned an invalid time",
			fmt.Sprintf("The PBX returned %s = %q, which is not an RFC 3339 time.", field, s))
	}
	return v
}
