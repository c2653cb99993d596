package datasources

import "github.com/hashicorp/terraform-plugin-framework/datasource"

// NewPortSIPMeetingParticipants is the conference_portsip_meeting_participants
// data source.
func NewPortSIPMeetingParticipants() datasource.DataSource {
	return newPortSIPParticipants(portsipMeetingKind)
}
