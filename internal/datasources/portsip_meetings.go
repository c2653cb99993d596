package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
)

// NewPortSIPMeetings is the conference_portsip_meetings data source.
func NewPortSIPMeetings() datasource.DataSource {
	return newPortSIPConferenceList[portsipmap.MeetingSummary](portsipMeetingKind, portsipMeetingCalls, portsipList{
		examples: [3]string{"mode eq 'VIDEO' and scheduled_start_at ge '2030-01-01T00:00:00Z'", "review", "scheduled_start_at desc"},
		description: "Lists the signed-in PortSIP user's meetings, optionally filtered, searched and sorted by the PBX. " +
			"Each item has the fields the PBX's meeting list returns, which are all of a meeting's attributes except " +
			"`domain`, `sbc_host` and `sbc_port`; read those with the `conference_portsip_meeting` data source.",
		items: "The signed-in user's matching meetings", attrs: portsipmap.MeetingSummaryAttrs(),
	})
}
