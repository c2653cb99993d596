package linemap

import (
	"github.com/confkit/terraform-provider-conference/internal/client/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
)

// A create answers more than a read (the SIP proxy): RoomMeetingID reads
// it with FromCreated.
var (
	_ mapping.Manages[RoomMeetingID, lineplanet.Meeting, lineplanet.MeetingInput, lineplanet.MeetingInput] = (*RoomMeetingID)(nil)
	_ mapping.Reads[lineplanet.Meeting]                                                                    = (*Meeting)(nil)
)
