package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
)

// NewPortSIPRooms is the conference_portsip_rooms data source.
func NewPortSIPRooms() datasource.DataSource {
	return newPortSIPConferenceList[portsipmap.RoomSummary](portsipRoomKind, portsipRoomCalls, portsipList{
		examples: [3]string{"mode eq 'VIDEO' and capacity ge 50", "sales", "extension_number asc"},
		description: "Lists the PortSIP PBX conference rooms, optionally filtered, searched and sorted by the PBX. " +
			"Each item has the fields the PBX's room list returns, which are all of a room's attributes except " +
			"`outbound_caller_ids`, `domain`, `sbc_host` and `sbc_port`; read those with the `conference_portsip_room` data source.",
		items: "The matching conference rooms", attrs: portsipmap.RoomSummaryAttrs(),
	})
}
