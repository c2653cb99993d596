package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
)

// portsipStatus is the live status of a room or a meeting (kind): the
// conference_portsip_room_status and conference_portsip_meeting_status data
// sources.
type portsipStatus struct {
	kind portsipConference
	// offline says what OFFLINE means for kind.
	offline string
	base[*portsip.Client]
}

type portsipStatusModel struct {
	ID        types.String `tfsdk:"id"`
	Status    types.String `tfsdk:"status"`
	Locked    types.Bool   `tfsdk:"locked"`
	Muted     types.Bool   `tfsdk:"muted"`
	Recording types.Bool   `tfsdk:"recording"`
}

func (d *portsipStatus) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	noun := d.kind.noun
	resp.Schema = schema.Schema{
		Description: "Reads the live status of " + d.kind.lead + ": whether a conference is on, and whether it is locked, muted or being recorded. " +
			"The values are a snapshot taken when Terraform reads the data source." + d.kind.owned(),
		Attributes: map[string]schema.Attribute{
			"id": d.kind.idArgument(),
			"status": schema.StringAttribute{
				Computed:    true,
				Description: "`ONLINE`, `ON_CALL` or `OFFLINE`, as the PBX reports it. `ON_CALL` means a conference is in progress; " + d.offline,
			},
			"locked": schema.BoolAttribute{
				Computed:    true,
				Description: "Whether the " + noun + " is locked, so that nobody else can join.",
			},
			"muted": schema.BoolAttribute{
				Computed:    true,
				Description: "Whether the whole " + noun + " is muted.",
			},
			"recording": schema.BoolAttribute{
				Computed:    true,
				Description: "Whether the conference is being recorded right now.",
			},
		},
	}
}

func (d *portsipStatus) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg portsipStatusModel
	readByID(ctx, req, resp, &cfg, &cfg.ID, func(ctx context.Context, id string) (*portsip.ConferenceStatus, error) {
		return d.kind.status(d.client, ctx, id)
	}, func(s *portsip.ConferenceStatus) {
		cfg.Status = types.StringValue(s.Status)
		cfg.Locked = types.BoolValue(s.Locked)
		cfg.Muted = types.BoolValue(s.Muted)
		cfg.Recording = types.BoolValue(s.Recording)
	}, func(diags *diag.Diagnostics, err error, id string) { d.kind.readError(&d.base, diags, err, id) })
}
