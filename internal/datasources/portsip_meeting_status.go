package datasources

import "github.com/hashicorp/terraform-plugin-framework/datasource"

// NewPortSIPMeetingStatus is the conference_portsip_meeting_status data
// source.
func NewPortSIPMeetingStatus() datasource.DataSource {
	return newPortSIPStatus(portsipMeetingKind,
		"`OFFLINE` that the meeting is not running: it was not started, or no enabled conference server hosts it.")
}
