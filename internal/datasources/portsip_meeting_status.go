package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewPortSIPMeetingStatus is the conference_portsip_meeting_status data
// source.
func NewPortSIPMeetingStatus() datasource.DataSource {
	return &portsipStatus{base: newBase[*portsip.Client]("portsip_meeting_status", &platforms.PortSIP, "meeting"),
		kind:    portsipMeetingKind,
		offline: "`OFFLINE` that the meeting is not running: it was not started, or no enabled conference server hosts it."}
}
