package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewPortSIPMeeting is the conference_portsip_meeting data source.
func NewPortSIPMeeting() datasource.DataSource {
	return &portsipLookup[portsip.Meeting, portsipmap.Meeting, *portsipmap.Meeting]{
		base: newBase[*portsip.Client]("portsip_meeting", &platforms.PortSIP, "meeting"),
		kind: portsipMeetingKind, calls: portsipMeetingCalls, attrs: portsipmap.MeetingAttrs(),
		description: "Reads one of the signed-in PortSIP user's meetings, by its ID or by its extension number. " +
			"A meeting that does not exist, or is another user's, is an error. `admin_pin` and `room_pin` are sensitive.",
	}
}
