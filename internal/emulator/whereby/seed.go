package whereby

import (
	"encoding/json"
	"fmt"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// seedDoc is the platform's section of a seed document:
//
//	{"meetings": [{"endDate": "2030-01-01T00:00:00Z", "roomMode": "group"}]}
//
// Each meeting is the body of POST /v1/meetings. "recordings" make
// recordings appear as finished meetings leave them (seedRecording:
// roomName, startDate, endDate, sizeInMegaBytes, and transcribed for a live
// transcription beside it); each recording's session, which its recorder
// joined, appears with it. "roomSessions" make room sessions and their
// participants appear (addSession), which the insights count. The rate
// budget is not spent: seeding is not an API client.
type seedDoc struct {
	Meetings     []json.RawMessage `json:"meetings"`
	Recordings   []seedRecording   `json:"recordings"`
	RoomSessions []roomSession     `json:"roomSessions"`
}

// Seed implements platform.API.
func (a *API) Seed(raw json.RawMessage) error {
	return platform.Seed(raw, &a.mu, func(doc *seedDoc) error {
		if err := platform.CreateAll("meetings", doc.Meetings, a.createMeeting, "/v1/meetings", "organization"); err != nil {
			return err
		}
		for i, r := range doc.Recordings {
			if err := a.addRecording(r); err != nil {
				return fmt.Errorf("recordings[%d]: %w", i, err)
			}
		}
		for i, rs := range doc.RoomSessions {
			if err := a.addSession(rs); err != nil {
				return fmt.Errorf("roomSessions[%d]: %w", i, err)
			}
		}
		return nil
	})
}
