package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewPortSIPServerStatus is the conference_portsip_server_status data source.
func NewPortSIPServerStatus() datasource.DataSource {
	return &portsipServerStatus{newBase[*portsip.Client]("portsip_server_status", &platforms.PortSIP, "conference server")}
}

type portsipServerStatus struct {
	base[*portsip.Client]
}

type portsipServerStatusModel struct {
	ID                types.String `tfsdk:"id"`
	RoomsCount        types.Int64  `tfsdk:"rooms_count"`
	ParticipantsCount types.Int64  `tfsdk:"participants_count"`
	CPUUsage          types.Int64  `tfsdk:"cpu_usage"`
	MemoryUsage       types.Int64  `tfsdk:"memory_usage"`
	Status            types.String `tfsdk:"status"`
}

func (d *portsipServerStatus) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Reads the live status of a PortSIP PBX conference server: its load and whether it is online. " +
			"The values are a snapshot taken when Terraform reads the data source.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Required:    true,
				Description: "The ID of the conference server.",
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"rooms_count": schema.Int64Attribute{
				Computed:    true,
				Description: "The number of rooms on the server.",
			},
			"participants_count": schema.Int64Attribute{
				Computed:    true,
				Description: "The number of participants currently in conferences on the server.",
			},
			"cpu_usage": schema.Int64Attribute{
				Computed:    true,
				Description: "The server's CPU usage as the PBX reports it (percent).",
			},
			"memory_usage": schema.Int64Attribute{
				Computed:    true,
				Description: "The server's memory usage as the PBX reports it (percent).",
			},
			"status": schema.StringAttribute{
				Computed:    true,
				Description: "`ONLINE` or `OFFLINE`.",
			},
		},
	}
}

func (d *portsipServerStatus) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg portsipServerStatusModel
	readByID(ctx, req, resp, &cfg, &cfg.ID, d.client.GetServerStatus, func(s *portsip.ServerStatus) {
		cfg.RoomsCount = types.Int64Value(s.RoomsCount)
		cfg.ParticipantsCount = types.Int64Value(s.ParticipantsCount)
		cfg.CPUUsage = types.Int64Value(s.CPUUsage)
		cfg.MemoryUsage = types.Int64Value(s.MemoryUsage)
		cfg.Status = types.StringValue(s.Status)
	}, d.failedByID)
}
