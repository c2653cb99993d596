package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewPortSIPRoomParticipants is the conference_portsip_room_participants data
// source.
func NewPortSIPRoomParticipants() datasource.DataSource {
	return &portsipParticipants{base: newBase[*portsip.Client]("portsip_room_participants", &platforms.PortSIP, "conference room"),
		kind: portsipRoomKind}
}
