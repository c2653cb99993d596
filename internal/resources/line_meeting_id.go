package resources

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/mapping/linemap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
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
	Timeouts timeouts.Value `tfsdk:"timeouts"`
	linemap.RoomMeetingID
}

func (r *lineMeetingID) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_line_meeting_id"
}

func (r *lineMeetingID) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := linemap.RoomMeetingIDAttrs().Resource()
	attrs["timeouts"] = timeoutsAttribute(ctx)
	resp.Schema = schema.Schema{
		Description: "A LINE Planet meeting ID: a numeric ID with which SIP phones and video conference equipment join a room's group call. " +
			"Changing `room_service_id` or `room_id` replaces it, and so does changing `type`, except from S to R (" + linemap.TypeRule + "); " +
			"the other arguments update in place. " +
			"A room has at most one meeting ID, so creating one in a room that already has one fails with the command to import it; " +
			"for the same reason, do not use `create_before_destroy` with this resource. " +
			"A meeting ID expires (type I after 1 day, S after 30 days, R after 365 days); an expired one disappears from LINE Planet, " +
			"and the next plan creates a new one. " +
			reconciliation("meeting ID"),
		Attributes: attrs,
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
	defer providerdata.CheckCredentials(ctx, req, &resp.Diagnostics, func(ctx context.Context) error {
		// The API's one call without side effects lists a room's meetings.
		var svc, room types.String
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("room_service_id"), &svc)...)
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("room_id"), &room)...)
		if svc.ValueString() == "" || room.ValueString() == "" {
			return nil
		}
		return r.client.CheckCredentials(ctx, svc.ValueString(), room.ValueString())
	})
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var from, to types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("type"), &from)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("type"), &to)...)
	if resp.Diagnostics.HasError() || from.IsNull() || to.IsUnknown() {
		return
	}
	if from.ValueString() != to.ValueString() && linemap.TypeTransitions.Allows(from.ValueString(), to.ValueString()) {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("expire_at"), timetype.NewUnknown())...)
	}
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
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	svc, room := plan.RoomServiceID.ValueString(), plan.RoomID.ValueString()
	created, err := r.client.CreateMeeting(ctx, svc, room, plan.Input())
	if lineplanet.IsMeetingExists(err) {
		resp.Diagnostics.AddError("LINE Planet room already has a meeting ID", r.existsDetail(ctx, svc, room))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.LinePlanet.Name, client.Create, "meeting ID"))
		return
	}
	plan.FromCreated(created)
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
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
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
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
		resp.Diagnostics.AddError(client.Describe(err, platforms.LinePlanet.Name, client.Read, "meeting ID"))
		return
	}
	state.FromAPI(mtg)
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &state)...)
}

func (r *lineMeetingID) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state lineMeetingIDModel
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, &plan)...)
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
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
	in := plan.Input()
	if plan.Type.Equal(state.Type) {
		// Send only a real change: the document lists S -> R as the one change
		// case, and says nothing of "changing" a type to itself.
		in.Type = ""
	}
	mtg, err := r.client.UpdateMeeting(ctx, plan.RoomServiceID.ValueString(), plan.RoomID.ValueString(), id, in)
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.LinePlanet.Name, client.Update, "meeting ID"))
		return
	}
	plan.FromAPI(mtg)
	plan.SIPProxy, plan.SIPProxyPort = state.SIPProxy, state.SIPProxyPort
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

func (r *lineMeetingID) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state lineMeetingIDModel
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
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
		resp.Diagnostics.AddError(client.Describe(err, platforms.LinePlanet.Name, client.Delete, "meeting ID"))
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
