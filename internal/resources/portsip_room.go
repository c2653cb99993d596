package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/errdiag"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
)

// NewPortSIPRoom is the conference_portsip_room resource.
func NewPortSIPRoom(k Kind) resource.Resource {
	return &portsipRoom{newBase[*portsip.Client, portsipRoomModel](k)}
}

type portsipRoom struct {
	base[*portsip.Client, portsipRoomModel, *portsipRoomModel]
}

type portsipRoomModel struct {
	withTimeouts
	portsipmap.Room
	portsipmap.PINTwins
}

func (m *portsipRoomModel) get(ctx context.Context, c *portsip.Client, diags *diag.Diagnostics) error {
	err := read(ctx, c, (*portsip.Client).GetRoom, m.ID.ValueString(), &m.Room, diags)
	m.Hide(&m.Conference)
	return err
}

func (m *portsipRoomModel) remove(ctx context.Context, c *portsip.Client, _ *diag.Diagnostics) error {
	return c.DeleteRoom(ctx, m.ID.ValueString())
}

func (r *portsipRoom) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema(ctx, portsipmap.WithPINTwins(portsipmap.RoomAttrs()), "A PortSIP PBX conference room: an extension that callers dial to join an audio or video conference. "+
		"Changing `mode`, `extension_number` or `enable_recording` replaces the room, since the PBX cannot update them; the other arguments update in place. "+
		"The video settings (`height`, `width`, `bitrate`, `framerate`, `layout`) are only valid in VIDEO mode, and are rejected at plan time for AUDIO rooms. ",
		"room")
}

func (r *portsipRoom) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan portsipRoomModel
	ctx, cancel := r.begin(ctx, errdiag.Create, &req.Plan, nil, &plan, nil, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	plan.FromConfig(ctx, req.Config, &resp.Diagnostics)
	in := plan.CreateBody(ctx, &resp.Diagnostics)
	plan.Apply(&plan.Conference, nil, &in.ConferenceInput)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := r.client.CreateRoom(ctx, in)
	if err != nil {
		r.errs.Add(&resp.Diagnostics, errdiag.Create, err)
		return
	}
	plan.ID = r.created(ctx, &resp.State, id, &resp.Diagnostics)
	r.finish(ctx, &plan, &resp.State, &resp.Diagnostics)
}

func (r *portsipRoom) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state portsipRoomModel
	ctx, cancel := r.begin(ctx, errdiag.Update, &req.Plan, &req.State, &plan, &state, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	plan.FromConfig(ctx, req.Config, &resp.Diagnostics)
	in := plan.UpdateBody(ctx, &state.Room, &resp.Diagnostics)
	plan.Apply(&plan.Conference, &state.PINTwins, &in.ConferenceInput)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.UpdateRoom(ctx, state.ID.ValueString(), in); err != nil {
		r.errs.Add(&resp.Diagnostics, errdiag.Update, err)
		return
	}
	plan.ID = state.ID
	r.finish(ctx, &plan, &resp.State, &resp.Diagnostics)
}
