package resources

import (
	"context"
	"fmt"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
	"github.com/confkit/terraform-provider-conference/internal/validators"
)

var (
	_ resource.ResourceWithConfigure   = (*lineMeetingID)(nil)
	_ resource.ResourceWithImportState = (*lineMeetingID)(nil)
	_ resource.ResourceWithModifyPlan  = (*lineMeetingID)(nil)
)

// NewLineMeetingID is the conference_line_meeting_id resource.
func NewLineMeetingID() resource.Resource { return &lineMeetingID{} }

type lineMeetingID struct {
	client *lineplanet.Client
}

type lineMeetingIDModel struct {
	Timeouts      timeouts.Value    `tfsdk:"timeouts"`
	ID            types.String      `tfsdk:"id"`
	RoomServiceID types.String      `tfsdk:"room_service_id"`
	RoomID        types.String      `tfsdk:"room_id"`
	Type          types.String      `tfsdk:"type"`
	Passcode      types.String      `tfsdk:"passcode"`
	Title         types.String      `tfsdk:"title"`
	Data          types.String      `tfsdk:"data"`
	MeetingID     types.String      `tfsdk:"meeting_id"`
	CreatedAt     timetypes.RFC3339 `tfsdk:"created_at"`
	ExpireAt      timetypes.RFC3339 `tfsdk:"expire_at"`
	SIPProxy      types.String      `tfsdk:"sip_proxy"`
	SIPProxyPort  types.Int64       `tfsdk:"sip_proxy_port"`
}

// lineTypeTransitions is line-planet-meeting-id.txt's "Available change case:
// S -> R"; the API answers every other change with code 435 (NOTES.md).
var lineTypeTransitions = planmodifiers.Transitions{"S": {"R"}}

const lineTypeRule = "LINE Planet allows only S -> R in place"

func lineTypeReason(from, to string) string {
	return fmt.Sprintf("%s; %s -> %s requires a new meeting ID, so Terraform deletes the meeting ID and creates another one "+
		"(with a new meeting_id, and a new passcode unless passcode is set).", lineTypeRule, from, to)
}

// lineRoomPart is a room service ID or room ID: the import ID joins them with "/".
var lineRoomPart = regexp.MustCompile(`^[^/]+$`)

func (r *lineMeetingID) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_line_meeting_id"
}

// lineRoomImmutable: a meeting ID belongs to one room; the API's paths name
// the room, and there is no call that moves a meeting ID to another
// (line-planet-meeting-id.txt).
const lineRoomImmutable = "A LINE Planet meeting ID belongs to the room in its path and cannot move to another room, so a meeting ID is created in the new room and the old one deleted."

func lineRoomAttr(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		Required:    true,
		Description: desc + " Changing it creates a meeting ID in the other room.",
		Validators: []validator.String{
			stringvalidator.LengthAtLeast(1),
			stringvalidator.RegexMatches(lineRoomPart, "must not contain a slash (/)"),
		},
		PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceBecause(lineRoomImmutable)},
	}
}

func (r *lineMeetingID) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A LINE Planet meeting ID: a numeric ID with which SIP phones and video conference equipment join a room's group call. " +
			"A room has at most one meeting ID, so creating one in a room that already has one fails with the command to import it; " +
			"for the same reason, do not use `create_before_destroy` with this resource. " +
			"A meeting ID expires (type I after 1 day, S after 30 days, R after 365 days); an expired one disappears from LINE Planet, " +
			"and the next plan creates a new one. " + lineTypeRule + "; every other type change replaces the meeting ID.",
		Attributes: map[string]schema.Attribute{
			"timeouts": timeoutsAttribute(ctx),
			"id": schema.StringAttribute{
				Computed:      true,
				Description:   "`room_service_id/room_id/meeting_id`, the ID to import the resource with.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"room_service_id": lineRoomAttr("The service ID of the room (`roomServiceId`)."),
			"room_id":         lineRoomAttr("The room ID (`roomId`)."),
			"type": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString("I"),
				Description: "The meeting ID type: `I` (instant, expires after 1 day), `S` (scheduled, 30 days) or `R` (scheduled for recurring meetings, 365 days). " +
					"Defaults to `I`. " + lineTypeRule + " (which moves `expire_at` to the update time plus 365 days); " +
					"R -> S and every other change requires a new meeting ID, so the resource is replaced.",
				Validators: []validator.String{stringvalidator.OneOf("I", "S", "R")},
				PlanModifiers: []planmodifier.String{
					planmodifiers.RequiresReplaceUnlessAllowed(lineTypeTransitions, lineTypeReason),
				},
			},
			"passcode": schema.StringAttribute{
				Optional:  true,
				Computed:  true,
				Sensitive: true,
				Description: "The passcode, exactly 6 digits. When not set, LINE Planet picks a random one; " +
					"removing it from the configuration later keeps the current passcode.",
				Validators:    []validator.String{validators.DigitsOnly(6, 6)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"title": schema.StringAttribute{
				Optional: true,
				// line-planet-meeting-id.txt: "Maximum length is 128 in UTF-16."
				Description: "The meeting's title, at most 128 UTF-16 code units (a character outside the Basic Multilingual Plane, such as most emoji, counts as two).",
				Validators:  []validator.String{validators.UTF16LengthAtMost(128)},
			},
			"data": schema.StringAttribute{
				Optional: true,
				// line-planet-meeting-id.txt: "Maximum length is 1024 in UTF-16."
				Description: "Application data stored with the meeting, at most 1024 UTF-16 code units (a character outside the Basic Multilingual Plane counts as two).",
				Validators:  []validator.String{validators.UTF16LengthAtMost(1024)},
			},
			"meeting_id": schema.StringAttribute{
				Computed:      true,
				Description:   "The meeting ID that SIP terminals dial, at least 11 digits.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"created_at": schema.StringAttribute{
				Computed:      true,
				CustomType:    timetypes.RFC3339Type{},
				Description:   "When the meeting ID was created (RFC 3339, UTC).",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"expire_at": schema.StringAttribute{
				Computed:   true,
				CustomType: timetypes.RFC3339Type{},
				Description: "When the meeting ID expires (RFC 3339, UTC): creation plus 1, 30 or 365 days by type, " +
					"or the time of an S -> R change plus 365 days. LINE Planet may extend it when a meeting is held with the ID.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"sip_proxy": schema.StringAttribute{
				Computed: true,
				Description: "The group call proxy address that SIP terminals call. LINE Planet returns it only when the meeting ID is created, " +
					"so it is null after an import.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"sip_proxy_port": schema.Int64Attribute{
				Computed:      true,
				Description:   "The group call proxy port. Like `sip_proxy`, only known for meeting IDs this resource created.",
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
		},
	}
}

func (r *lineMeetingID) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = providerdata.Client[*lineplanet.Client](req.ProviderData, &platforms.LinePlanet, &resp.Diagnostics)
}

// ModifyPlan marks expire_at unknown for an in-place type change: the API moves
// it to the update time plus the new type's lifetime (NOTES.md: S -> R sets
// expireAt to update time + 365 days). Every other update keeps it, through
// UseStateForUnknown.
func (r *lineMeetingID) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var from, to types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("type"), &from)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("type"), &to)...)
	if resp.Diagnostics.HasError() || from.IsNull() || to.IsUnknown() {
		return
	}
	if from.ValueString() != to.ValueString() && lineTypeTransitions.Allows(from.ValueString(), to.ValueString()) {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("expire_at"), timetypes.NewRFC3339Unknown())...)
	}
}

// input is the create or update body. passcode is left out when unknown, so that
// LINE Planet picks a random one.
func (m *lineMeetingIDModel) input() lineplanet.MeetingInput {
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

func lineTime(t time.Time) timetypes.RFC3339 {
	return timetypes.NewRFC3339ValueMust(t.UTC().Format(time.RFC3339Nano))
}

// fromAPI copies what the API returns. sip_proxy and sip_proxy_port come only
// with a create and are left alone here.
func (m *lineMeetingIDModel) fromAPI(mtg *lineplanet.Meeting) {
	id := strconv.FormatInt(mtg.ID, 10)
	m.ID = types.StringValue(m.RoomServiceID.ValueString() + "/" + m.RoomID.ValueString() + "/" + id)
	m.MeetingID = types.StringValue(id)
	m.Type = types.StringValue(mtg.Type)
	m.Passcode = types.StringValue(mtg.Passcode)
	m.Title = types.StringPointerValue(mtg.Title)
	m.Data = types.StringPointerValue(mtg.Data)
	m.CreatedAt = lineTime(mtg.CreatedAt())
	m.ExpireAt = lineTime(mtg.ExpiresAt())
}

func (m *lineMeetingIDModel) meetingID() (int64, error) {
	id, err := strconv.ParseInt(m.MeetingID.ValueString(), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("meeting_id %q in the state is not a number: %w", m.MeetingID.ValueString(), err)
	}
	return id, nil
}

func (r *lineMeetingID) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan lineMeetingIDModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	svc, room := plan.RoomServiceID.ValueString(), plan.RoomID.ValueString()
	created, err := r.client.CreateMeeting(ctx, svc, room, plan.input())
	if lineplanet.IsMeetingExists(err) {
		resp.Diagnostics.AddError("LINE Planet room already has a meeting ID", r.existsDetail(ctx, svc, room))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("LINE Planet rejected meeting ID", err.Error())
		return
	}
	plan.fromAPI(&created.Meeting)
	plan.SIPProxy = types.StringValue(created.SIPProxy)
	plan.SIPProxyPort = types.Int64Value(created.SIPProxyPort)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// existsDetail explains code 405 with the import command for the room's meeting.
func (r *lineMeetingID) existsDetail(ctx context.Context, svc, room string) string {
	id := "<meeting_id>"
	found := ""
	if mtgs, err := r.client.ListMeetings(ctx, svc, room); err == nil && len(mtgs) > 0 {
		m := mtgs[0]
		id = strconv.FormatInt(m.ID, 10)
		found = fmt.Sprintf(" Its meeting ID is %s (type %s, expires %s).", id, m.Type, m.ExpiresAt().Format(time.RFC3339))
	}
	return fmt.Sprintf("Room %s/%s already has a meeting ID, and LINE Planet allows one per room (code 405, meeting already exists).%s\n\n"+
		"To manage it with Terraform, import it:\n\n  terraform import conference_line_meeting_id.<name> %s/%s/%s\n\n"+
		"or delete it in LINE Planet and apply again.", svc, room, found, svc, room, id)
}

func (r *lineMeetingID) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state lineMeetingIDModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Read, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	id, err := state.meetingID()
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("meeting_id"), "Invalid LINE Planet meeting ID", err.Error())
		return
	}
	mtg, err := r.client.GetMeeting(ctx, state.RoomServiceID.ValueString(), state.RoomID.ValueString(), id)
	if client.IsNotFound(err) {
		// Expired or deleted: the next plan creates a new meeting ID.
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Reading LINE Planet meeting ID failed", err.Error())
		return
	}
	state.fromAPI(mtg)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *lineMeetingID) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state lineMeetingIDModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	id, err := state.meetingID()
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("meeting_id"), "Invalid LINE Planet meeting ID", err.Error())
		return
	}
	in := plan.input()
	if plan.Type.Equal(state.Type) {
		// Send only a real change: the document lists S -> R as the one change
		// case, and says nothing of "changing" a type to itself.
		in.Type = ""
	}
	mtg, err := r.client.UpdateMeeting(ctx, plan.RoomServiceID.ValueString(), plan.RoomID.ValueString(), id, in)
	if err != nil {
		resp.Diagnostics.AddError("LINE Planet rejected meeting ID update", err.Error())
		return
	}
	plan.fromAPI(mtg)
	plan.SIPProxy, plan.SIPProxyPort = state.SIPProxy, state.SIPProxyPort
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *lineMeetingID) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state lineMeetingIDModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Delete, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	id, err := state.meetingID()
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("meeting_id"), "Invalid LINE Planet meeting ID", err.Error())
		return
	}
	err = r.client.DeleteMeeting(ctx, state.RoomServiceID.ValueString(), state.RoomID.ValueString(), id)
	if err != nil && !client.IsNotFound(err) {
		resp.Diagnostics.AddError("Deleting LINE Planet meeting ID failed", err.Error())
	}
}

// ImportState takes room_service_id/room_id/meeting_id, e.g.
// ex-service/ex-room/73051667563; Read fills in the rest.
func (r *lineMeetingID) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts := strings.Split(req.ID, "/")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" || !lineDigits(parts[2]) {
		resp.Diagnostics.AddError("Invalid import ID for conference_line_meeting_id",
			fmt.Sprintf("Expected room_service_id/room_id/meeting_id, where meeting_id is the numeric meeting ID, "+
				"such as ex-service/ex-room/73051667563; got %q.", req.ID))
		return
	}
	for attr, v := range map[string]string{"id": req.ID, "room_service_id": parts[0], "room_id": parts[1], "meeting_id": parts[2]} {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(attr), v)...)
	}
}

func lineDigits(s string) bool {
	if s == "" || len(s) > 18 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
