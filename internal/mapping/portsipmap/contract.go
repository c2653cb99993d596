package portsipmap

import (
	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
)

var (
	_ mapping.Manages[Server, portsip.Server, portsip.ServerCreate, portsip.ServerUpdate]   = (*Server)(nil)
	_ mapping.Manages[Room, portsip.Room, portsip.RoomInput, portsip.RoomInput]             = (*Room)(nil)
	_ mapping.Manages[Meeting, portsip.Meeting, portsip.MeetingInput, portsip.MeetingInput] = (*Meeting)(nil)
	_ mapping.Reads[portsip.Room]                                                           = (*RoomSummary)(nil)
	_ mapping.Reads[portsip.Meeting]                                                        = (*MeetingSummary)(nil)
	_ mapping.Reads[portsip.ServerStatus]                                                   = (*ServerStatus)(nil)
	_ mapping.Reads[portsip.ConferenceStatus]                                               = (*ConferenceStatus)(nil)
	_ mapping.Reads[portsip.Participant]                                                    = (*Participant)(nil)
	_ mapping.Reads[portsip.Recording]                                                      = (*Recording)(nil)
)
