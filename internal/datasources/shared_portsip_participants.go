package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
)

// portsipParticipants is who is in a room's or a meeting's (kind) live
// conference: the conference_portsip_room_participants and
// conference_portsip_meeting_participants data sources.
type portsipParticipants struct {
	kind portsipConference
	base[*portsip.Client]
}

type portsipParticipantsModel struct {
	ID           types.String              `tfsdk:"id"`
	Participants []portsipParticipantModel `tfsdk:"participants"`
}

type portsipParticipantModel struct {
	ID          types.String `tfsdk:"id"`
	DisplayName types.String `tfsdk:"display_name"`
	Muted       types.Bool   `tfsdk:"muted"`
	Chairman    types.Bool   `tfsdk:"chairman"`
	Position    types.Int64  `tfsdk:"position"`
}

func (d *portsipParticipants) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists who is in the live conference of " + d.kind.lead + " right now. " +
			"The list is a snapshot taken when Terraform reads the data source; it is empty when no conference is in progress." + d.kind.owned(),
		Attributes: map[string]schema.Attribute{
			"id": d.kind.idArgument(),
			"participants": schema.ListNestedAttribute{
				Computed:    true,
				Description: "The participants, in the order the PBX returns them.",
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"id": schema.StringAttribute{
							Computed:    true,
							Description: "The participant's ID within the conference.",
						},
						"display_name": schema.StringAttribute{
							Computed:    true,
							Description: "The participant's display name, such as `\"Alice\"<sip:1001@pbx.example.com>`.",
						},
						"muted": schema.BoolAttribute{
							Computed:    true,
							Description: "Whether the participant is muted.",
						},
						"chairman": schema.BoolAttribute{
							Computed:    true,
							Description: "Whether the participant is the " + d.kind.noun + "'s chairman.",
						},
						"position": schema.Int64Attribute{
							Computed:    true,
							Description: "The participant's tile in the video layout, 0 to 8; -1 when not shown.",
						},
					},
				},
			},
		},
	}
}

func (d *portsipParticipants) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg portsipParticipantsModel
	readByID(ctx, req, resp, &cfg, &cfg.ID, func(ctx context.Context, id string) ([]portsip.Participant, error) {
		return d.kind.participants(d.client, ctx, id)
	}, func(ps []portsip.Participant) {
		cfg.Participants = make([]portsipParticipantModel, 0, len(ps))
		for _, p := range ps {
			cfg.Participants = append(cfg.Participants, portsipParticipantModel{
				ID:          types.StringValue(p.ID),
				DisplayName: types.StringValue(p.DisplayName),
				Muted:       types.BoolValue(p.Muted),
				Chairman:    types.BoolValue(p.Chairman),
				Position:    types.Int64Value(p.Position),
			})
		}
	}, func(diags *diag.Diagnostics, err error, id string) { d.kind.readError(&d.base, diags, err, id) })
}
