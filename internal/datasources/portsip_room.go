package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewPortSIPRoom is the conference_portsip_room data source.
func NewPortSIPRoom() datasource.DataSource {
	return &portsipLookup[portsip.Room, portsipmap.Room, *portsipmap.Room]{
		base: newBase[*portsip.Client]("portsip_room", &platforms.PortSIP, "conference room"),
		kind: portsipRoomKind, calls: portsipRoomCalls, attrs: portsipmap.RoomAttrs(),
		description: "Reads one PortSIP PBX conference room, by its ID or by its extension number. " +
			"A room that does not exist is an error. `admin_pin` and `room_pin` are sensitive.",
	}
}
