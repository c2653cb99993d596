package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

type portsipStatusModel struct {
	idArgument
	Status    types.String `tfsdk:"status"`
	Locked    types.Bool   `tfsdk:"locked"`
	Muted     types.Bool   `tfsdk:"muted"`
	Recording types.Bool   `tfsdk:"recording"`
}

// newPortSIPStatus is the live status of a room or a meeting (k): the
// conference_portsip_room_status and conference_portsip_meeting_status data
// sources. offline says what OFFLINE means for k.
func newPortSIPStatus(k portsipConference, offline string) datasource.DataSource {
	d := newView(newBase[*portsip.Client]("portsip_"+k.noun+"_status", &platforms.PortSIP, k.what),
		"Reads the live status of "+k.lead+": whether a conference is on, and whether it is locked, muted or being recorded. "+
			"The values are a snapshot taken when Terraform reads the data source."+k.owned(),
		map[string]schema.Attribute{
			"id": k.idArgument(),
			"status": schema.StringAttribute{
				Computed:    true,
				Description: "`ONLINE`, `ON_CALL` or `OFFLINE`, as the PBX reports it. `ON_CALL` means a conference is in progress; " + offline,
			},
			"locked": schema.BoolAttribute{
				Computed:    true,
				Description: "Whether the " + k.noun + " is locked, so that nobody else can join.",
			},
			"muted": schema.BoolAttribute{
				Computed:    true,
				Description: "Whether the whole " + k.noun + " is muted.",
			},
			"recording": schema.BoolAttribute{
				Computed:    true,
				Description: "Whether the conference is being recorded right now.",
			},
		}, k.status, (*portsipStatusModel).fill)
	d.failed = k.readError
	return d
}

func (m *portsipStatusModel) fill(s *portsip.ConferenceStatus, _ *diag.Diagnostics) {
	m.Status = types.StringValue(s.Status)
	m.Locked = types.BoolValue(s.Locked)
	m.Muted = types.BoolValue(s.Muted)
	m.Recording = types.BoolValue(s.Recording)
}
