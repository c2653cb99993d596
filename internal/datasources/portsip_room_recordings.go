package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
)

// NewPortSIPRoomRecordings is the conference_portsip_room_recordings data source.
func NewPortSIPRoomRecordings() datasource.DataSource {
	return newPortSIPOfConference[portsipmap.Recording](portsipRoomKind, "recordings", listingDecl{
		description: "Lists the recordings of a PortSIP PBX conference room. Every page is read, so the list is complete.",
		itemsDoc:    "The room's recordings, in the order the PBX returns them. Empty when there are none.",
		attrs:       portsipmap.RecordingAttrs(),
	}, (*portsip.Client).ListRoomRecordings)
}
