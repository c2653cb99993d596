package resources

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/confkit/terraform-provider-conference/internal/client/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/mapping/linemap"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// NewLineMeetingID is the conference_line_meeting_id resource.
func NewLineMeetingID(k Kind) resource.Resource {
	return &lineMeetingID{newBase(k, ops[*lineplanet.Client, lineMeetingIDModel]{get: getLineMeetingID, remove: deleteLineMeetingID})}
}

type lineMeetingID struct {
	base[*lineplanet.Client, lineMeetingIDModel, *lineMeetingIDModel]
}

type lineMeetingIDModel struct {
	withTimeouts
	linemap.RoomMeetingID
	linemap.PasscodeTwin
}

// hideWriteOnly keeps out the passcode that the configuration gives
// write-only.
func (m *lineMeetingIDModel) hideWriteOnly() { m.Hide(&m.Meeting) }

// ref is where the meeting ID lives, or an error on meeting_id.
func (m *lineMeetingIDModel) ref(diags *diag.Diagnostics) (linemap.MeetingRef, bool) {
	ref, err := m.Ref()
	if err != nil {
		diags.AddAttributeError(path.Root("meeting_id"), "Invalid LINE Planet meeting ID", err.Error())
		return ref, false
	}
	return ref, true
}

// getLineMeetingID reads the meeting ID from where m's attributes say it
// lives. One that expired is gone (404) as a deleted one is: the next plan
// creates a new meeting ID.
func getLineMeetingID(ctx context.Context, c *lineplanet.Client, _ string, m *lineMeetingIDModel, diags *diag.Diagnostics) error {
	ref, ok := m.ref(diags)
	if !ok {
		return nil
	}
	mtg, err := c.GetMeeting(ctx, ref.Service, ref.Room, ref.Meeting)
	return fill(ctx, m, mtg, err, diags)
}

func deleteLineMeetingID(ctx context.Context, c *lineplanet.Client, _ string, m *lineMeetingIDModel, diags *diag.Diagnostics) error {
	ref, ok := m.ref(diags)
	if !ok {
		return nil
	}
	return c.DeleteMeeting(ctx, ref.Service, ref.Room, ref.Meeting)
}

func (r *lineMeetingID) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema(ctx, linemap.WithPasscodeTwin(linemap.RoomMeetingIDAttrs()), "A LINE Planet meeting ID: a numeric ID with which SIP phones and video conference equipment join a room's group call. "+
		"Changing `room_service_id` or `room_id` replaces it, and so does changing `type`, except from S to R ("+linemap.TypeRule+"); "+
		"the other arguments update in place. "+
		"A room has at most one meeting ID, so creating one in a room that already has one fails with the command to import it; "+
		"for the same reason, do not use `create_before_destroy` with this resource. "+
		"A meeting ID expires (type I after 1 day, S after 30 days, R after 365 days); an expired one disappears from LINE Planet, "+
		"and the next plan creates a new one. ",
		"meeting ID")
}

// checkCredentials lists the planned room's meetings: the API's one call
// without side effects.
func (m *lineMeetingIDModel) checkCredentials(ctx context.Context, c *lineplanet.Client) error {
	svc, room := m.RoomServiceID.ValueString(), m.RoomID.ValueString()
	if svc == "" || room == "" {
		return nil
	}
	return c.CheckCredentials(ctx, svc, room)
}

// planUpdate marks expire_at unknown for an in-place type change: the API
// moves it to the update time plus the new type's lifetime (NOTES.md: S -> R
// sets expireAt to update time + 365 days). Every other update keeps it,
// through UseStateForUnknown.
func (m *lineMeetingIDModel) planUpdate(_ context.Context, prior, _ *lineMeetingIDModel, _ *resource.ModifyPlanResponse) {
	if prior.Type.IsNull() || m.Type.IsUnknown() {
		return
	}
	if from, to := prior.Type.ValueString(), m.Type.ValueString(); from != to && linemap.TypeTransitions.Allows(from, to) {
		m.ExpireAt = timetype.NewUnknown()
	}
}

func (r *lineMeetingID) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.create(ctx, req, resp, func(ctx context.Context, m *lineMeetingIDModel, diags *diag.Diagnostics) func() (string, error) {
		svc, room := m.RoomServiceID.ValueString(), m.RoomID.ValueString()
		in := m.CreateBody(ctx, diags)
		m.Apply(nil, &in)
		return func() (string, error) {
			created, err := r.client.CreateMeeting(ctx, svc, room, in)
			if lineplanet.IsMeetingExists(err) {
				diags.AddError("LINE Planet room already has a meeting ID", r.existsDetail(ctx, svc, room))
				return "", errSaid
			}
			if err == nil {
				m.FromCreated(ctx, created, diags)
			}
			return "", err
		}
	}, nil)
}

// existsDetail explains code 405 with the import command for the room's meeting.
func (r *lineMeetingID) existsDetail(ctx context.Context, svc, room string) string {
	id := linemap.RoomRef(svc, room) + "/<meeting_id>"
	found := ""
	if mtgs, err := r.client.ListMeetings(ctx, svc, room); err == nil && len(mtgs) > 0 {
		m := mtgs[0]
		id = linemap.MeetingRef{Service: svc, Room: room, Meeting: m.ID}.String()
		found = fmt.Sprintf(" Its meeting ID is %d (type %s, expires %s).", m.ID, m.Type, m.ExpiresAt().Format(time.RFC3339))
	}
	return fmt.Sprintf("Room %s already has a meeting ID, and LINE Planet allows one per room (code 405, meeting already exists).%s\n\n"+
		"To manage it with Terraform, import it:\n\n  terraform import %s.<name> %s\n\n"+
		"or delete it in LINE Planet and apply again.", linemap.RoomRef(svc, room), found, r.kind.Name, id)
}

func (r *lineMeetingID) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.update(ctx, req, resp, func(ctx context.Context, m, prior *lineMeetingIDModel, diags *diag.Diagnostics) func() error {
		ref, _ := prior.ref(diags)
		in := m.UpdateBody(ctx, &prior.RoomMeetingID, diags)
		m.Apply(&prior.PasscodeTwin, &in)
		return func() error {
			mtg, err := r.client.UpdateMeeting(ctx, ref.Service, ref.Room, ref.Meeting, in)
			err = fill(ctx, m, mtg, err, diags)
			// Only the create answers with the SIP proxy: it stays as the state has it.
			m.SIPProxy, m.SIPProxyPort = prior.SIPProxy, prior.SIPProxyPort
			return err
		}
	}, nil)
}
