package whereby

import (
	"encoding/json"
	"fmt"
	"net/http"

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

// Seed implements platform.Platform.
func (a *API) Seed(raw json.RawMessage) error {
	var doc seedDoc
	if err := platform.DecodeSeed(raw, &doc); err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for i, body := range doc.Meetings {
		what := fmt.Sprintf("meetings[%d]", i)
		if _, err := platform.Call(a.createMeeting, http.MethodPost, "/v1/meetings", nil, "organization", body, what); err != nil {
			return err
		}
	}
	return nil
}
