package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

type portsipParticipantsModel struct {
	idArgument
	Participants []portsipParticipantModel `tfsdk:"participants"`
}

type portsipParticipantModel struct {
	ID          types.String `tfsdk:"id"`
	DisplayName types.String `tfsdk:"display_name"`
	Muted       types.Bool   `tfsdk:"muted"`
	Chairman    types.Bool   `tfsdk:"chairman"`
	Position    types.Int64  `tfsdk:"position"`
}

// newPortSIPParticipants is who is in a room's or a meeting's (k) live
// conference: the conference_portsip_room_participants and
// conference_portsip_meeting_participants data sources.
func newPortSIPParticipants(k portsipConference) datasource.DataSource {
	d := newView(newBase[*portsip.Client]("portsip_"+k.noun+"_participants", &platforms.PortSIP, k.what),
		"Lists who is in the live conference of "+k.lead+" right now. "+
			"The list is a snapshot taken when Terraform reads the data source; it is empty when no conference is in progress."+k.owned(),
		map[string]schema.Attribute{
			"id": k.idArgument(),
			"participants": listOfAttributes("The participants, in the order the PBX returns them.", map[string]schema.Attribute{
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
					Description: "Whether the participant is the " + k.noun + "'s chairman.",
				},
				"position": schema.Int64Attribute{
					Computed:    true,
					Description: "The participant's tile in the video layout, 0 to 8; -1 when not shown.",
				},
			}),
		}, k.participants, (*portsipParticipantsModel).fill)
	d.failed = k.readError
	return d
}

func (m *portsipParticipantsModel) fill(ps []portsip.Participant, _ *diag.Diagnostics) {
	m.Participants = make([]portsipParticipantModel, 0, len(ps))
	for _, p := range ps {
		m.Participants = append(m.Participants, portsipParticipantModel{
			ID:          types.StringValue(p.ID),
			DisplayName: types.StringValue(p.DisplayName),
			Muted:       types.BoolValue(p.Muted),
			Chairman:    types.BoolValue(p.Chairman),
			Position:    types.Int64Value(p.Position),
		})
	}
}
