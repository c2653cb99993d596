package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewPortSIPMeetingParticipants is the conference_portsip_meeting_participants
// data source.
func NewPortSIPMeetingParticipants() datasource.DataSource {
	return &portsipParticipants{base: newBase[*portsip.Client]("portsip_meeting_participants", &platforms.PortSIP, "meeting"),
		kind: portsipMeetingKind}
}
