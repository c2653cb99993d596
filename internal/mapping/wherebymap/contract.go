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
)
