package sqmeetingmap

import (
	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
)

// System reads two answers (the version and the capacity) and has its own
// FromAPI.
var (
	_ mapping.Manages[Meeting, sqmeeting.Meeting, sqmeeting.MeetingInput, sqmeeting.MeetingInput]                   = (*Meeting)(nil)
	_ mapping.Manages[RecurringMeeting, sqmeeting.Recurrence, sqmeeting.RecurrenceInput, sqmeeting.RecurrenceInput] = (*RecurringMeeting)(nil)
	_ mapping.Reads[sqmeeting.Meeting]                                                                              = (*Listed)(nil)
	_ mapping.Reads[sqmeeting.MeetingRoom]                                                                          = (*MeetingRoom)(nil)
	_ mapping.Manages[Account, sqmeeting.PublicUser, sqmeeting.UserInput, sqmeeting.UserInput]                      = (*Account)(nil)
	_ mapping.Reads[sqmeeting.PublicUser]                                                                           = (*User)(nil)
)
