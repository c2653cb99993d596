package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewPortSIPRoomStatus is the conference_portsip_room_status data source.
func NewPortSIPRoomStatus() datasource.DataSource {
	return &portsipStatus{base: newBase[*portsip.Client]("portsip_room_status", &platforms.PortSIP, "conference room"),
		kind: portsipRoomKind, offline: "`OFFLINE` that no enabled conference server hosts the room."}
}
