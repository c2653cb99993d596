package whereby

import (
	"encoding/json"
	"fmt"
	"slices"

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
// participants appear (addSession), which the insights count. "themes"
// are rooms' themes as the state file holds them (Theme: roomName, colors, logo,
// roomBackground, knockPageBackground, an image given by its sha256, size
// and contentType), for rooms that exist. The rate budget is not spent:
// seeding is not an API client.
type seedDoc struct {
	Meetings     []json.RawMessage `json:"meetings"`
	Recordings   []seedRecording   `json:"recordings"`
	RoomSessions []roomSession     `json:"roomSessions"`
	Themes       []*Theme          `json:"themes"`
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
		for i, t := range doc.Themes {
			if err := a.seedTheme(t); err != nil {
				return fmt.Errorf("themes[%d]: %w", i, err)
			}
		}
		return nil
	})
}

// seedTheme sets a room's theme as a seed document gives it.
func (a *API) seedTheme(t *Theme) error {
	if t == nil {
		return fmt.Errorf("a theme needs a roomName")
	}
	if !a.roomExists(t.RoomName) {
		return fmt.Errorf("room %q does not exist", t.RoomName)
	}
	for name, c := range t.Colors {
		if !slices.Contains(colorNames, name) || !colorRE.MatchString(c) {
			return fmt.Errorf("colors.%s: %q is not a color of the theme's or not a HEX color code", name, c)
		}
	}
	if t.IsDefault() {
		delete(a.themes, t.RoomName)
		return nil
	}
	a.themes[t.RoomName] = t
	return nil
}
