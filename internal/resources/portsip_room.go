package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
)

// NewPortSIPRoom is the conference_portsip_room resource.
func NewPortSIPRoom(k Kind) resource.Resource {
	return &portsipRoom{newBase(k, byID[portsipRoomModel]((*portsip.Client).GetRoom, (*portsip.Client).DeleteRoom))}
}

type portsipRoom struct {
	base[*portsip.Client, portsipRoomModel, *portsipRoomModel]
}

type portsipRoomModel struct {
	withTimeouts
	portsipmap.Room
	portsipmap.PINTwins
}

// hideWriteOnly keeps out the PINs that the configuration gives write-only.
func (m *portsipRoomModel) hideWriteOnly() { m.Hide(&m.Conference) }

func (r *portsipRoom) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema(ctx, portsipmap.WithPINTwins(portsipmap.RoomAttrs()), "A PortSIP PBX conference room: an extension that callers dial to join an audio or video conference. "+
		"Changing `mode`, `extension_number` or `enable_recording` replaces the room, since the PBX cannot update them; the other arguments update in place. "+
		"The video settings (`height`, `width`, `bitrate`, `framerate`, `layout`) are only valid in VIDEO mode, and are rejected at plan time for AUDIO rooms. ",
		"room")
}

func (r *portsipRoom) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.create(ctx, req, resp, func(ctx context.Context, m *portsipRoomModel, diags *diag.Diagnostics) func() (string, error) {
		in := m.CreateBody(ctx, diags)
		m.Apply(&m.Conference, nil, &in.ConferenceInput)
		return func() (string, error) { return r.client.CreateRoom(ctx, in) }
	}, r.readBack)
}

func (r *portsipRoom) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.update(ctx, req, resp, func(ctx context.Context, m, prior *portsipRoomModel, diags *diag.Diagnostics) func() error {
		in := m.UpdateBody(ctx, &prior.Room, diags)
		m.Apply(&m.Conference, &prior.PINTwins, &in.ConferenceInput)
		return func() error { return r.client.UpdateRoom(ctx, prior.ID.ValueString(), in) }
	}, r.readBack)
}
