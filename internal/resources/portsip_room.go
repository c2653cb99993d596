package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/errdiag"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

var (
	_ resource.ResourceWithConfigure      = (*portsipRoom)(nil)
	_ resource.ResourceWithImportState    = (*portsipRoom)(nil)
	_ resource.ResourceWithValidateConfig = (*portsipRoom)(nil)
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
}

func (m *portsipRoomModel) get(ctx context.Context, c *portsip.Client, diags *diag.Diagnostics) error {
	room, err := c.GetRoom(ctx, m.ID.ValueString())
	if err == nil {
		m.FromAPI(ctx, room, diags)
	}
	return err
}

func (m *portsipRoomModel) remove(ctx context.Context, c *portsip.Client, _ *diag.Diagnostics) error {
	return c.DeleteRoom(ctx, m.ID.ValueString())
}

func (r *portsipRoom) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema(ctx, portsipmap.RoomAttrs(), "A PortSIP PBX conference room: an extension that callers dial to join an audio or video conference. "+
		"`mode`, `extension_number` and `enable_recording` cannot change in place; changing them replaces the room. "+
		"The video settings (`height`, `width`, `bitrate`, `framerate`, `layout`) are only valid in VIDEO mode and are rejected at plan time for AUDIO rooms. ",
		"room")
}

func (r *portsipRoom) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan portsipRoomModel
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	in := plan.Create(ctx, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := r.client.CreateRoom(ctx, in)
	if err != nil {
		r.errs.Add(&resp.Diagnostics, errdiag.Create, err)
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	plan.ID = types.StringValue(id)
	if r.readBack(ctx, &plan, &resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

func (r *portsipRoom) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state portsipRoomModel
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, &plan)...)
	resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	in := plan.Update(ctx, &state.Room, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.UpdateRoom(ctx, state.ID.ValueString(), in); err != nil {
		r.errs.Add(&resp.Diagnostics, errdiag.Update, err)
		return
	}
	plan.ID = state.ID
	if r.readBack(ctx, &plan, &resp.Diagnostics); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}
