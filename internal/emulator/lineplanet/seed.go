package lineplanet

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// seedDoc is the platform's section of a seed document: meeting IDs by room.
//
//	{"meetings": [{"room_service_id": "svc", "room_id": "sales",
//	               "meeting": {"type": "R", "passcode": "123456"}}]}
//
// meeting is the body of POST .../{roomServiceId}/{roomId}/mtg (absent: the
// defaults, as an empty body). The rate limit is not spent: seeding is not an
// API client.
type seedDoc struct {
	Meetings []seedMeeting `json:"meetings"`
}

type seedMeeting struct {
	RoomServiceID string          `json:"room_service_id"`
	RoomID        string          `json:"room_id"`
	Meeting       json.RawMessage `json:"meeting"`
}

// Seed implements platform.API.
func (a *API) Seed(raw json.RawMessage) error {
	return platform.Seed(raw, &a.mu, func(doc *seedDoc) error {
		for i, s := range doc.Meetings {
			what := fmt.Sprintf("meetings[%d] (room %s/%s)", i, s.RoomServiceID, s.RoomID)
			if s.RoomServiceID == "" || s.RoomID == "" {
				return fmt.Errorf("%s: room_service_id and room_id are required", what)
			}
			path := "/tas/v2/gcall/" + url.PathEscape(s.RoomServiceID) + "/" + url.PathEscape(s.RoomID) + "/mtg"
			params := map[string]string{"svc": s.RoomServiceID, "room": s.RoomID}
			if _, err := platform.Call(a.create, http.MethodPost, path, params, "", s.Meeting, what); err != nil {
				return err
			}
		}
		return nil
	})
}
