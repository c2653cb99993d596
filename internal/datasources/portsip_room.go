package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
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

func (d *portsipRoom) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_portsip_room"
}

func (d *portsipRoom) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := portsipmap.RoomAttrs().DataSource()
	portsipRoomKind.lookupArguments(attrs)
	resp.Schema = schema.Schema{
		Description: "Reads one PortSIP PBX conference room, by its ID or by its extension number. " +
			"A room that does not exist is an error. `admin_pin` and `room_pin` are sensitive.",
		Attributes: attrs,
	}
}

func (d *portsipRoom) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return portsipLookupValidators()
}

func (d *portsipRoom) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = providerdata.Client[*portsip.Client](req.ProviderData, &platforms.PortSIP, &resp.Diagnostics)
}

func (d *portsipRoom) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg portsipmap.Room
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := cfg.ID.ValueString()
	if cfg.ID.IsNull() {
		id = portsipIDByExtension(ctx, d.client, portsipRoomKind, cfg.ExtensionNumber.ValueString(), (*portsip.Client).ListRooms,
			func(r *portsip.Room) *portsip.Conference { return &r.Conference }, &resp.Diagnostics)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	room, err := d.client.GetRoom(ctx, id)
	if err != nil {
		portsipRoomKind.readError(d.client, &resp.Diagnostics, err, id)
		return
	}
	var m portsipmap.Room
	m.FromAPI(ctx, room, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
