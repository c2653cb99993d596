package datasources

import "github.com/hashicorp/terraform-plugin-framework/datasource"

// NewPortSIPRoomStatus is the conference_portsip_room_status data source.
func NewPortSIPRoomStatus() datasource.DataSource {
	return newPortSIPStatus(portsipRoomKind, "`OFFLINE` that no enabled conference server hosts the room.")
}
