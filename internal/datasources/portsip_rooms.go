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

var _ datasource.DataSourceWithConfigure = (*portsipRooms)(nil)

// NewPortSIPRooms is the conference_portsip_rooms data source.
func NewPortSIPRooms() datasource.DataSource { return &portsipRooms{} }

type portsipRooms struct {
	client *portsip.Client
}

type portsipRoomsModel struct {
	portsipListQuery
	Rooms []portsipmap.RoomSummary `tfsdk:"rooms"`
}

func (d *portsipRooms) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_portsip_rooms"
}

func (d *portsipRooms) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := portsipListArguments("room", "mode eq 'VIDEO' and capacity ge 50", "sales", "extension_number asc")
	attrs["rooms"] = schema.ListNestedAttribute{
		Computed: true,
		Description: "The matching conference rooms, in the order the PBX returns them (`orderby`, else the PBX's own order). " +
			"Empty when none match. `admin_pin` and `room_pin` are sensitive.",
		NestedObject: schema.NestedAttributeObject{Attributes: portsipmap.RoomSummaryAttrs().DataSource()},
	}
	resp.Schema = schema.Schema{
		// The list's own fields, not a read of each room: one request per 100
		// rooms instead of one per room, which matters on a PBX with thousands.
		Description: "Lists the PortSIP PBX conference rooms, optionally filtered, searched and sorted by the PBX. " +
			"Every page is read, so the list is complete however many rooms there are. " +
			"Each item has the fields the PBX's room list returns, which are all of a room's attributes except " +
			"`outbound_caller_ids`, `domain`, `sbc_host` and `sbc_port`; read those with the `conference_portsip_room` data source.",
		Attributes: attrs,
	}
}

func (d *portsipRooms) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = providerdata.Client[*portsip.Client](req.ProviderData, &platforms.PortSIP, &resp.Diagnostics)
}

func (d *portsipRooms) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg portsipRoomsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	rooms, err := d.client.ListRooms(ctx, cfg.options())
	if err != nil {
		resp.Diagnostics.AddError("Listing PortSIP conference rooms failed", err.Error())
		return
	}
	cfg.Rooms = make([]portsipmap.RoomSummary, len(rooms))
	for i := range rooms {
		cfg.Rooms[i].FromAPI(ctx, &rooms[i], &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
