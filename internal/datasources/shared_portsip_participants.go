package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// portsipParticipantsModel is who is in the live conference of the room or
// meeting that id names.
type portsipParticipantsModel struct {
	idArgument
	Participants []portsipmap.Participant `tfsdk:"participants"`
}

func (m *portsipParticipantsModel) into() *[]portsipmap.Participant { return &m.Participants }

// newPortSIPParticipants is who is in a room's or a meeting's (k) live
// conference: the conference_portsip_room_participants and
// conference_portsip_meeting_participants data sources.
func newPortSIPParticipants(k portsipConference) datasource.DataSource {
	d := newListing(newBase[*portsip.Client]("portsip_"+k.noun+"_participants", &platforms.PortSIP, k.what), listingDecl{
		description: "Lists who is in the live conference of " + k.lead + " right now. " +
			"The list is a snapshot taken when Terraform reads the data source; it is empty when no conference is in progress." + k.owned(),
		arguments: map[string]schema.Attribute{"id": k.idArgument()},
		items:     "participants", itemsDoc: "The participants, in the order the PBX returns them.", attrs: portsipmap.ParticipantAttrs(k.noun),
	}, func(ctx context.Context, c *portsip.Client, cfg *portsipParticipantsModel, _ *diag.Diagnostics) ([]portsip.Participant, error) {
		return k.participants(c, ctx, cfg.ID.ValueString())
	}, (*portsipParticipantsModel).into)
	d.failed = func(b *base[*portsip.Client], diags *diag.Diagnostics, err error, cfg *portsipParticipantsModel) {
		k.readError(b, diags, err, cfg.ID.ValueString())
	}
	return d
}
