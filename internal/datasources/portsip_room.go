package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
)

// NewPortSIPRoom is the conference_portsip_room data source.
func NewPortSIPRoom() datasource.DataSource {
	return newPortSIPLookup[portsip.Room, portsipmap.Room](portsipRoomKind, portsipRoomCalls, portsipmap.RoomAttrs(),
		"Reads one PortSIP PBX conference room, by its ID or by its extension number. "+
			"A room that does not exist is an error. `admin_pin` and `room_pin` are sensitive.")
}
