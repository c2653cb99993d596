package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
)

// NewPortSIPMeeting is the conference_portsip_meeting data source.
func NewPortSIPMeeting() datasource.DataSource {
	return newPortSIPLookup[portsip.Meeting, portsipmap.Meeting](portsipMeetingKind, portsipMeetingCalls, portsipmap.MeetingAttrs(),
		"Reads one of the signed-in PortSIP user's meetings, by its ID or by its extension number. "+
			"A meeting that does not exist, or is another user's, is an error. `admin_pin` and `room_pin` are sensitive.")
}
