package whereby

import (
	"encoding/json"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// seedDoc is the platform's section of a seed document:
//
//	{"meetings": [{"endDate": "2030-01-01T00:00:00Z", "roomMode": "group"}]}
//
// Each meeting is the body of POST /v1/meetings. The rate budget is not
// spent: seeding is not an API client.
type seedDoc struct {
	Meetings []json.RawMessage `json:"meetings"`
}

// Seed implements platform.API.
func (a *API) Seed(raw json.RawMessage) error {
	return platform.Seed(raw, &a.mu, func(doc *seedDoc) error {
		return platform.CreateAll("meetings", doc.Meetings, a.createMeeting, "/v1/meetings", "organization")
	})
}
