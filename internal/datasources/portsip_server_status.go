package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewPortSIPServerStatus is the conference_portsip_server_status data source.
func NewPortSIPServerStatus() datasource.DataSource {
	return newView(newBase[*portsip.Client]("portsip_server_status", &platforms.PortSIP, "conference server"),
		"Reads the live status of a PortSIP PBX conference server: its load and whether it is online. "+
			"The values are a snapshot taken when Terraform reads the data source.",
		map[string]schema.Attribute{
			"id": requiredID("The ID of the conference server."),
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
		}, (*portsip.Client).GetServerStatus, (*portsipServerStatusModel).fill)
}

type portsipServerStatusModel struct {
	idArgument
	RoomsCount        types.Int64  `tfsdk:"rooms_count"`
	ParticipantsCount types.Int64  `tfsdk:"participants_count"`
	CPUUsage          types.Int64  `tfsdk:"cpu_usage"`
	MemoryUsage       types.Int64  `tfsdk:"memory_usage"`
	Status            types.String `tfsdk:"status"`
}

func (m *portsipServerStatusModel) fill(s *portsip.ServerStatus, _ *diag.Diagnostics) {
	m.RoomsCount = types.Int64Value(s.RoomsCount)
	m.ParticipantsCount = types.Int64Value(s.ParticipantsCount)
	m.CPUUsage = types.Int64Value(s.CPUUsage)
	m.MemoryUsage = types.Int64Value(s.MemoryUsage)
	m.Status = types.StringValue(s.Status)
}
