package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
)

// NewPortSIPRoom is the conference_portsip_room data source.
func NewPortSIPRoom() datasource.DataSource {
	return newPortSIPLookup[portsip.Room, portsipmap.Room](portsipRoomKind, portsipRoomCalls, portsipmap.RoomAttrs())
}
