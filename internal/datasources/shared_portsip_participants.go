package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
)

// newPortSIPParticipants is who is in a room's or a meeting's (k) live
// conference: the conference_portsip_room_participants and
// conference_portsip_meeting_participants data sources.
func newPortSIPParticipants(k portsipConference) datasource.DataSource {
	return newPortSIPOfConference[portsipmap.Participant](k, "participants", listingDecl{
		description: "Lists who is in the live conference of " + k.lead + " right now. " +
			"The list is a snapshot taken when Terraform reads the data source; it is empty when no conference is in progress." + k.owned(),
		itemsDoc: "The participants, in the order the PBX returns them.", attrs: portsipmap.ParticipantAttrs(k.noun),
	}, k.participants)
}
