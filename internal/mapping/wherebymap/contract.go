package wherebymap

import (
	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
)

// Whereby has no update API: a managed meeting is created and read only.
var (
	_ mapping.Creates[whereby.Meeting, whereby.CreateMeetingInput] = (*ManagedMeeting)(nil)
	_ mapping.Reads[whereby.Meeting]                               = (*Meeting)(nil)
	_ mapping.Reads[whereby.RecordingFile]                         = (*Recording)(nil)
	_ mapping.Reads[whereby.Transcription]                         = (*Transcription)(nil)
	_ mapping.Reads[whereby.Summary]                               = (*Summary)(nil)
	// A theme reads the meeting whose room it is; its update is the colors
	// (the images are uploads, which the resource reads from files).
	_ mapping.Manages[RoomTheme, whereby.Meeting, whereby.ThemeColors, *whereby.ThemeColors] = (*RoomTheme)(nil)
)
