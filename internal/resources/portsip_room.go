package resources

import (
	"context"
	"fmt"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"regexp"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/timetype"
	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
	"github.com/confkit/terraform-provider-conference/internal/validators"
)

var (
	_ resource.ResourceWithConfigure      = (*portsipRoom)(nil)
	_ resource.ResourceWithImportState    = (*portsipRoom)(nil)
	_ resource.ResourceWithValidateConfig = (*portsipRoom)(nil)
)

// NewPortSIPRoom is the conference_portsip_room resource.
func NewPortSIPRoom() resource.Resource { return &portsipRoom{} }

type portsipRoom struct {
	client *portsip.Client
}

type portsipRoomModel struct {
	Timeouts          timeouts.Value       `tfsdk:"timeouts"`
	ID                types.String         `tfsdk:"id"`
	ExtensionNumber   types.String         `tfsdk:"extension_number"`
	Mode              types.String         `tfsdk:"mode"`
	Control           types.String         `tfsdk:"control"`
	Height            types.Int64          `tfsdk:"height"`
	Width             types.Int64          `tfsdk:"width"`
	Bitrate           types.Int64          `tfsdk:"bitrate"`
	Framerate         types.Int64          `tfsdk:"framerate"`
	Layout            types.String         `tfsdk:"layout"`
	Subject           types.String         `tfsdk:"subject"`
	Language          types.String         `tfsdk:"language"`
	Capacity          types.Int64          `tfsdk:"capacity"`
	AdminPIN          types.String         `tfsdk:"admin_pin"`
	RoomPIN           types.String         `tfsdk:"room_pin"`
	EnableRecording   types.Bool           `tfsdk:"enable_recording"`
	EnablePrompt      types.Bool           `tfsdk:"enable_prompt"`
	Timezone          types.String         `tfsdk:"timezone"`
	ScheduledStartAt  timetype.RFC3339     `tfsdk:"scheduled_start_at"`
	ScheduledEndAt    timetype.RFC3339     `tfsdk:"scheduled_end_at"`
	Numbers           types.String         `tfsdk:"numbers"`
	InternalInvitees  types.Set            `tfsdk:"internal_invitees"`
	ExternalInvitees  types.String         `tfsdk:"external_invitees"`
	OutboundCallerIDs types.List           `tfsdk:"outbound_caller_ids"`
	CustomOptions     jsontypes.Normalized `tfsdk:"custom_options"`
	Domain            types.String         `tfsdk:"domain"`
	SBCHost           types.String         `tfsdk:"sbc_host"`
	SBCPort           types.Int64          `tfsdk:"sbc_port"`
	CreatedAt         timetype.RFC3339     `tfsdk:"created_at"`
}

type callerIDModel struct {
	ProviderID  types.String `tfsdk:"provider_id"`
	CallerID    types.String `tfsdk:"caller_id"`
	Description types.String `tfsdk:"description"`
}

var callerIDAttrTypes = map[string]attr.Type{
	"provider_id": types.StringType,
	"caller_id":   types.StringType,
	"description": types.StringType,
}

const (
	// portsip-conference.txt: the update body has no mode, extension_number or
	// enable_recording.
	roomModeImmutable      = "PortSIP cannot change a conference room's mode in place (the update API does not take it), so a new room is created."
	roomExtensionImmutable = "PortSIP cannot change a conference room's extension_number in place (the update API does not take it), so a new room is created."
	roomRecordingImmutable = "PortSIP sets enable_recording only when a room is created (the update API does not take it), so a new room is created."
)

// videoOnly are the attributes that portsip-conference.txt marks "Only valid in
// VIDEO mode".
var videoOnly = []string{"height", "width", "bitrate", "framerate", "layout"}

var extensionPattern = regexp.MustCompile(`^[0-9]{3,64}$`)

func (r *portsipRoom) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_portsip_room"
}

func videoInt(desc string, lo, hi, def int64) schema.Int64Attribute {
	return schema.Int64Attribute{
		Optional: true,
		Computed: true,
		Description: fmt.Sprintf("%s, %d to %d. Only valid when `mode` is `VIDEO`; the PBX defaults it to %d. Null for AUDIO rooms.",
			desc, lo, hi, def),
		Validators:    []validator.Int64{int64validator.Between(lo, hi)},
		PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
	}
}

func (r *portsipRoom) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A PortSIP PBX conference room: an extension that callers dial to join an audio or video conference. " +
			"`mode`, `extension_number` and `enable_recording` cannot change in place; changing them replaces the room. " +
			"The video settings (`height`, `width`, `bitrate`, `framerate`, `layout`) are only valid in VIDEO mode and are rejected at plan time for AUDIO rooms.",
		Attributes: map[string]schema.Attribute{
			"timeouts": timeoutsAttribute(ctx),
			"id": schema.StringAttribute{
				Computed:      true,
				Description:   "The room's unique ID, assigned by the PBX.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"extension_number": schema.StringAttribute{
				Required:    true,
				Description: "The extension callers dial, 3 to 64 digits. Changing it replaces the room.",
				Validators: []validator.String{stringvalidator.RegexMatches(extensionPattern,
					"must be 3 to 64 digits (0-9)")},
				PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceBecause(roomExtensionImmutable)},
			},
			"mode": schema.StringAttribute{
				Required:      true,
				Description:   "`AUDIO` or `VIDEO`. Changing it replaces the room.",
				Validators:    []validator.String{stringvalidator.OneOf("AUDIO", "VIDEO")},
				PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceBecause(roomModeImmutable)},
			},
			"control": schema.StringAttribute{
				Optional:    true,
				Computed:    true,
				Default:     stringdefault.StaticString("FREE"),
				Description: "Conference control: `FREE` (anyone may speak) or `MASTER` (the chairman controls the floor). Defaults to `FREE`.",
				Validators:  []validator.String{stringvalidator.OneOf("FREE", "MASTER")},
			},
			"height":    videoInt("Video height in pixels", 144, 1920, 720),
			"width":     videoInt("Video width in pixels", 144, 1920, 1280),
			"bitrate":   videoInt("Video bitrate in kbit/s", 128, 10240, 1024),
			"framerate": videoInt("Video frames per second", 5, 30, 15),
			"layout": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Description: "The video grid layout: one of `LAYOUT0`, `LAYOUT1`, `LAYOUT2`, `LAYOUT3`, `LAYOUT4`, `LAYOUT6`, `LAYOUT9`. " +
					"Only valid when `mode` is `VIDEO`; the PBX defaults it to `LAYOUT0`. Null for AUDIO rooms.",
				Validators: []validator.String{stringvalidator.OneOf(
					"LAYOUT0", "LAYOUT1", "LAYOUT2", "LAYOUT3", "LAYOUT4", "LAYOUT6", "LAYOUT9")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"subject": schema.StringAttribute{
				Required:    true,
				Description: "The room's subject, 1 to 64 characters.",
				Validators:  []validator.String{stringvalidator.LengthBetween(1, 64)},
			},
			"language": schema.StringAttribute{
				Optional:    true,
				Description: "The voice prompts' language as a BCP 47 tag, such as `en-US`.",
				Validators:  []validator.String{validators.BCP47()},
			},
			"capacity": schema.Int64Attribute{
				Optional:    true,
				Computed:    true,
				Default:     int64default.StaticInt64(9),
				Description: "The maximum number of participants, 1 to 200. Defaults to 9.",
				Validators:  []validator.Int64{int64validator.Between(1, 200)},
			},
			"admin_pin": schema.StringAttribute{
				Optional:    true,
				Sensitive:   true,
				Description: "The PIN that makes a caller the room's admin, 3 to 6 digits.",
				Validators:  []validator.String{validators.DigitsOnly(3, 6)},
			},
			"room_pin": schema.StringAttribute{
				Optional:    true,
				Sensitive:   true,
				Description: "The PIN callers enter to join, 3 to 6 digits.",
				Validators:  []validator.String{validators.DigitsOnly(3, 6)},
			},
			"enable_recording": schema.BoolAttribute{
				Optional:      true,
				Computed:      true,
				Default:       booldefault.StaticBool(false),
				Description:   "Whether conferences in the room are recorded. Defaults to `false`. The PBX sets it only at creation, so changing it replaces the room.",
				PlanModifiers: []planmodifier.Bool{planmodifiers.BoolRequiresReplaceBecause(roomRecordingImmutable)},
			},
			"enable_prompt": schema.BoolAttribute{
				Optional:    true,
				Computed:    true,
				Default:     booldefault.StaticBool(true),
				Description: "Whether callers hear the voice menu. Defaults to `true`.",
			},
			"timezone": schema.StringAttribute{
				Optional:    true,
				Description: "The room's time zone as an IANA name, such as `Asia/Shanghai`.",
				Validators:  []validator.String{validators.IANATimezone()},
			},
			"scheduled_start_at": schema.StringAttribute{
				CustomType:    timetype.RFC3339Type{},
				Optional:      true,
				PlanModifiers: []planmodifier.String{planmodifiers.KeepEquivalent(timetype.RFC3339Type{})},
				Description: "When the scheduled conference starts, in RFC 3339 such as `2030-07-21T17:32:28Z`. " +
					"Any offset is accepted; the same instant written another way is not a change.",
			},
			"scheduled_end_at": schema.StringAttribute{
				CustomType:    timetype.RFC3339Type{},
				Optional:      true,
				PlanModifiers: []planmodifier.String{planmodifiers.KeepEquivalent(timetype.RFC3339Type{})},
				Description:   "When the scheduled conference ends, in RFC 3339. Must be after `scheduled_start_at`.",
			},
			"numbers": schema.StringAttribute{
				Optional:    true,
				Description: "Numbers to dial from a landline or mobile phone to reach the room, at most 128 characters.",
				Validators:  []validator.String{stringvalidator.LengthAtMost(128)},
			},
			"internal_invitees": schema.SetAttribute{
				ElementType: types.StringType,
				Optional:    true,
				Description: "IDs of the PBX extensions (users) to send invitation emails to.",
			},
			"external_invitees": schema.StringAttribute{
				Optional:    true,
				Description: "Email addresses of outside invitees, as the PBX takes them (a comma-separated list).",
			},
			"outbound_caller_ids": schema.ListNestedAttribute{
				Optional:    true,
				Description: "Caller IDs the room presents when it calls out, one per trunk.",
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"provider_id": schema.StringAttribute{
							Required:    true,
							Description: "The ID of the trunk (provider) the caller ID is used on.",
							Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
						},
						"caller_id": schema.StringAttribute{
							Required:    true,
							Description: "The caller ID, 1 to 64 characters.",
							Validators:  []validator.String{stringvalidator.LengthBetween(1, 64)},
						},
						"description": schema.StringAttribute{
							Optional:    true,
							Description: "What the caller ID is for, at most 1024 characters.",
							Validators:  []validator.String{stringvalidator.LengthAtMost(1024)},
						},
					},
				},
			},
			"custom_options": schema.StringAttribute{
				CustomType:    jsontypes.NormalizedType{},
				Optional:      true,
				PlanModifiers: []planmodifier.String{planmodifiers.KeepEquivalent(jsontypes.NormalizedType{})},
				Description:   "Custom options as a JSON document, e.g. `jsonencode({ moh = true })`. Whitespace and key order are not changes.",
			},
			"domain": schema.StringAttribute{
				Computed:      true,
				Description:   "The tenant's SIP domain the room belongs to.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"sbc_host": schema.StringAttribute{
				Computed:      true,
				Description:   "Host of the session border controller that WebRTC participants connect through.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"sbc_port": schema.Int64Attribute{
				Computed:      true,
				Description:   "Port of the session border controller.",
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"created_at": schema.StringAttribute{
				CustomType:    timetype.RFC3339Type{},
				Computed:      true,
				Description:   "When the room was created, in RFC 3339 (UTC).",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
}

func (r *portsipRoom) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg portsipRoomModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if cfg.Mode.ValueString() == "AUDIO" {
		set := map[string]bool{
			"height": !cfg.Height.IsNull(), "width": !cfg.Width.IsNull(), "bitrate": !cfg.Bitrate.IsNull(),
			"framerate": !cfg.Framerate.IsNull(), "layout": !cfg.Layout.IsNull(),
		}
		for _, name := range videoOnly {
			if set[name] {
				resp.Diagnostics.AddAttributeError(path.Root(name), "Attribute only valid in VIDEO mode",
					fmt.Sprintf("%s is only valid when mode is \"VIDEO\"; this room's mode is \"AUDIO\". Remove %s, or set mode = \"VIDEO\".", name, name))
			}
		}
	}
	start, okStart := knownTime(cfg.ScheduledStartAt)
	end, okEnd := knownTime(cfg.ScheduledEndAt)
	if okStart && okEnd && !end.After(start) {
		resp.Diagnostics.AddAttributeError(path.Root("scheduled_end_at"), "Invalid scheduled_end_at",
			fmt.Sprintf("scheduled_end_at (%s) must be after scheduled_start_at (%s).",
				cfg.ScheduledEndAt.ValueString(), cfg.ScheduledStartAt.ValueString()))
	}
}

func knownTime(v timetype.RFC3339) (time.Time, bool) {
	if v.IsNull() || v.IsUnknown() {
		return time.Time{}, false
	}
	t, err := v.Time()
	return t, err == nil
}

func (r *portsipRoom) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = providerdata.Client[*portsip.Client](req.ProviderData, &platforms.PortSIP, &resp.Diagnostics)
}

func (r *portsipRoom) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan portsipRoomModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	in := portsip.RoomInput{
		ExtensionNumber: plan.ExtensionNumber.ValueStringPointer(),
		Mode:            plan.Mode.ValueStringPointer(),
		EnableRecording: plan.EnableRecording.ValueBoolPointer(),
	}
	resp.Diagnostics.Append(plan.updatable(ctx, nil, &in)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := r.client.CreateRoom(ctx, in)
	if err != nil {
		resp.Diagnostics.AddError("PortSIP rejected conference room", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	r.readInto(ctx, id, &plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *portsipRoom) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state portsipRoomModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Read, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	room, err := r.client.GetRoom(ctx, state.ID.ValueString())
	if client.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Reading PortSIP conference room failed", err.Error())
		return
	}
	resp.Diagnostics.Append(state.fromAPI(ctx, room)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *portsipRoom) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state portsipRoomModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	var in portsip.RoomInput
	resp.Diagnostics.Append(plan.updatable(ctx, &state, &in)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.UpdateRoom(ctx, state.ID.ValueString(), in); err != nil {
		resp.Diagnostics.AddError("PortSIP rejected conference room update", err.Error())
		return
	}
	r.readInto(ctx, state.ID.ValueString(), &plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *portsipRoom) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state portsipRoomModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Delete, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	err := r.client.DeleteRoom(ctx, state.ID.ValueString())
	if err != nil && !client.IsNotFound(err) {
		resp.Diagnostics.AddError("Deleting PortSIP conference room failed", err.Error())
	}
}

func (r *portsipRoom) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID == "" {
		resp.Diagnostics.AddError("Invalid import ID", "Import a conference room by its PortSIP ID, e.g. `terraform import conference_portsip_room.sales NzAwNTUxOTA5NzczMTQ4MTYw`.")
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

func (r *portsipRoom) readInto(ctx context.Context, id string, m *portsipRoomModel, diags *diag.Diagnostics) {
	room, err := r.client.GetRoom(ctx, id)
	if err != nil {
		diags.AddError("Reading PortSIP conference room failed", err.Error())
		return
	}
	diags.Append(m.fromAPI(ctx, room)...)
}

// updatable fills in the fields that both create and update take. With a prior
// state (update) only the changed ones are sent, and an attribute removed from
// the configuration is sent empty so that the PBX clears it.
func (m *portsipRoomModel) updatable(ctx context.Context, prior *portsipRoomModel, in *portsip.RoomInput) diag.Diagnostics {
	var diags diag.Diagnostics
	changed := func(plan, state attr.Value) bool {
		if prior == nil {
			return !plan.IsNull() && !plan.IsUnknown()
		}
		return !plan.IsUnknown() && !plan.Equal(state)
	}
	str := func(plan types.String, state types.String, dst **string) {
		if changed(plan, state) {
			v := plan.ValueString()
			*dst = &v
		}
	}
	i64 := func(plan, state types.Int64, dst **int64) {
		if changed(plan, state) && !plan.IsNull() {
			v := plan.ValueInt64()
			*dst = &v
		}
	}
	var p portsipRoomModel
	if prior != nil {
		p = *prior
	}
	str(m.Control, p.Control, &in.Control)
	if m.Mode.ValueString() == "VIDEO" {
		i64(m.Height, p.Height, &in.Height)
		i64(m.Width, p.Width, &in.Width)
		i64(m.Bitrate, p.Bitrate, &in.Bitrate)
		i64(m.Framerate, p.Framerate, &in.Framerate)
		str(m.Layout, p.Layout, &in.Layout)
	}
	str(m.Subject, p.Subject, &in.Subject)
	str(m.Language, p.Language, &in.Language)
	i64(m.Capacity, p.Capacity, &in.Capacity)
	str(m.AdminPIN, p.AdminPIN, &in.AdminPIN)
	str(m.RoomPIN, p.RoomPIN, &in.RoomPIN)
	if changed(m.EnablePrompt, p.EnablePrompt) {
		in.EnablePrompt = m.EnablePrompt.ValueBoolPointer()
	}
	str(m.Timezone, p.Timezone, &in.Timezone)
	if changed(m.ScheduledStartAt, p.ScheduledStartAt) {
		v := normalizeTime(m.ScheduledStartAt)
		in.ScheduledStartAt = &v
	}
	if changed(m.ScheduledEndAt, p.ScheduledEndAt) {
		v := normalizeTime(m.ScheduledEndAt)
		in.ScheduledEndAt = &v
	}
	str(m.Numbers, p.Numbers, &in.Numbers)
	if changed(m.InternalInvitees, p.InternalInvitees) {
		ids := []string{}
		if !m.InternalInvitees.IsNull() {
			diags.Append(m.InternalInvitees.ElementsAs(ctx, &ids, false)...)
		}
		in.InternalInvitees = &ids
	}
	str(m.ExternalInvitees, p.ExternalInvitees, &in.ExternalInvitees)
	if changed(m.OutboundCallerIDs, p.OutboundCallerIDs) {
		var rows []callerIDModel
		if !m.OutboundCallerIDs.IsNull() {
			diags.Append(m.OutboundCallerIDs.ElementsAs(ctx, &rows, false)...)
		}
		out := make([]portsip.OutboundCallerID, 0, len(rows))
		for _, r := range rows {
			out = append(out, portsip.OutboundCallerID{
				ProviderID: r.ProviderID.ValueString(), CallerID: r.CallerID.ValueString(), Description: r.Description.ValueString(),
			})
		}
		in.OutboundCallerIDs = &out
	}
	if changed(m.CustomOptions, p.CustomOptions) {
		v := m.CustomOptions.ValueString()
		in.CustomOptions = &v
	}
	return diags
}

// normalizeTime sends times in UTC, as the API returns them; null clears.
func normalizeTime(v timetype.RFC3339) string {
	if v.IsNull() {
		return ""
	}
	t, err := v.Time()
	if err != nil {
		return v.ValueString()
	}
	return t.UTC().Format(time.RFC3339)
}

func optString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

func optInt64(p *int64) types.Int64 {
	if p == nil {
		return types.Int64Null()
	}
	return types.Int64Value(*p)
}

// optTime reports an API time that is not RFC 3339 as an error rather than
// storing something the next plan cannot compare.
func optTime(s string, diags *diag.Diagnostics) timetype.RFC3339 {
	if s == "" {
		return timetype.NewNull()
	}
	v := timetype.NewValue(s)
	if _, err := v.Time(); err != nil {
		diags.AddError("PortSIP returned a time that is not RFC 3339", fmt.Sprintf("%q: %v", s, err))
	}
	return v
}

// fromAPI refreshes every attribute from the PBX's answer. The framework keeps
// the configured spelling of a time or JSON value when the API's is semantically
// equal, so a normalised answer causes no diff.
func (m *portsipRoomModel) fromAPI(ctx context.Context, r *portsip.Room) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID = types.StringValue(r.ID)
	m.ExtensionNumber = types.StringValue(r.ExtensionNumber)
	m.Mode = types.StringValue(r.Mode)
	m.Control = types.StringValue(r.Control)
	m.Height = optInt64(r.Height)
	m.Width = optInt64(r.Width)
	m.Bitrate = optInt64(r.Bitrate)
	m.Framerate = optInt64(r.Framerate)
	m.Layout = optString(r.Layout)
	m.Subject = types.StringValue(r.Subject)
	m.Language = optString(r.Language)
	m.Capacity = types.Int64Value(r.Capacity)
	m.AdminPIN = optString(r.AdminPIN)
	m.RoomPIN = optString(r.RoomPIN)
	m.EnableRecording = types.BoolValue(r.EnableRecording)
	m.EnablePrompt = types.BoolValue(r.EnablePrompt)
	m.Timezone = optString(r.Timezone)
	m.ScheduledStartAt = optTime(r.ScheduledStartAt, &diags)
	m.ScheduledEndAt = optTime(r.ScheduledEndAt, &diags)
	m.Numbers = optString(r.Numbers)
	if len(r.InternalInvitees) == 0 {
		m.InternalInvitees = types.SetNull(types.StringType)
	} else {
		v, d := types.SetValueFrom(ctx, types.StringType, r.InternalInvitees)
		diags.Append(d...)
		m.InternalInvitees = v
	}
	m.ExternalInvitees = optString(r.ExternalInvitees)
	objType := types.ObjectType{AttrTypes: callerIDAttrTypes}
	if len(r.OutboundCallerIDs) == 0 {
		m.OutboundCallerIDs = types.ListNull(objType)
	} else {
		rows := make([]callerIDModel, 0, len(r.OutboundCallerIDs))
		for _, c := range r.OutboundCallerIDs {
			rows = append(rows, callerIDModel{
				ProviderID: types.StringValue(c.ProviderID), CallerID: types.StringValue(c.CallerID), Description: optString(c.Description),
			})
		}
		v, d := types.ListValueFrom(ctx, objType, rows)
		diags.Append(d...)
		m.OutboundCallerIDs = v
	}
	if r.CustomOptions == "" {
		m.CustomOptions = jsontypes.NewNormalizedNull()
	} else {
		m.CustomOptions = jsontypes.NewNormalizedValue(r.CustomOptions)
	}
	m.Domain = optString(r.Domain)
	m.SBCHost = optString(r.SBCHost)
	if r.SBCPort == 0 {
		m.SBCPort = types.Int64Null()
	} else {
		m.SBCPort = types.Int64Value(r.SBCPort)
	}
	m.CreatedAt = optTime(r.CreatedAt, &diags)
	return diags
}
