package datasources

import "github.com/hashicorp/terraform-plugin-framework/datasource"

// NewPortSIPRoomParticipants is the conference_portsip_room_participants data
// source.
func NewPortSIPRoomParticipants() datasource.DataSource {
	return newPortSIPParticipants(portsipRoomKind)
}
