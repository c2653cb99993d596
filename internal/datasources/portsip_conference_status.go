package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
)

var _ datasource.DataSourceWithConfigure = (*portsipRoomStatus)(nil)

// NewPortSIPRoomStatus is the conference_portsip_room_status data source.
func NewPortSIPRoomStatus() datasource.DataSource { return &portsipRoomStatus{} }

type portsipRoomStatus struct {
	client *portsip.Client
}

type portsipRoomStatusModel struct {
	ID        types.String `tfsdk:"id"`
	Status    types.String `tfsdk:"status"`
	Locked    types.Bool   `tfsdk:"locked"`
	Muted     types.Bool   `tfsdk:"muted"`
	Recording types.Bool   `tfsdk:"recording"`
}

func (d *portsipRoomStatus) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_portsip_room_status"
}

func (d *portsipRoomStatus) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Reads the live status of a PortSIP PBX conference room: whether a conference is on, and whether it is locked, muted or being recorded. " +
			"The values are a snapshot taken when Terraform reads the data source.",
		Attributes: map[string]schema.Attribute{
			"id": portsipRoomIDArgument(),
			"status": schema.StringAttribute{
				Computed:    true,
				Description: "`ONLINE`, `ON_CALL` or `OFFLINE`, as the PBX reports it. `ON_CALL` means a conference is in progress; `OFFLINE` that no enabled conference server hosts the room.",
			},
			"locked": schema.BoolAttribute{
				Computed:    true,
				Description: "Whether the room is locked, so that nobody else can join.",
			},
			"muted": schema.BoolAttribute{
				Computed:    true,
				Description: "Whether the whole room is muted.",
			},
			"recording": schema.BoolAttribute{
				Computed:    true,
				Description: "Whether the conference is being recorded right now.",
			},
		},
	}
}

func (d *portsipRoomStatus) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = providerdata.Client[*portsip.Client](req.ProviderData, &platforms.PortSIP, &resp.Diagnostics)
}

func (d *portsipRoomStatus) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg portsipRoomStatusModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := cfg.ID.ValueString()
	s, err := d.client.GetRoomStatus(ctx, id)
	if err != nil {
		portsipReadError(&resp.Diagnostics, err, "conference room", id)
		return
	}
	cfg.Status = types.StringValue(s.Status)
	cfg.Locked = types.BoolValue(s.Locked)
	cfg.Muted = types.BoolValue(s.Muted)
	cfg.Recording = types.BoolValue(s.Recording)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
