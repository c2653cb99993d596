package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
)

// NewPortSIPMeeting is the conference_portsip_meeting data source.
func NewPortSIPMeeting() datasource.DataSource {
	return newPortSIPLookup[portsip.Meeting, portsipmap.Meeting](portsipMeetingKind, portsipMeetingCalls, portsipmap.MeetingAttrs())
}
