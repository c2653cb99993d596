package sqmeeting

import (
	"encoding/json"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// seedDoc is the platform's section of a seed document:
//
//	{"users":       [{"username": "dave", "password": "dave-password", "real_name": "Dave Example"}],
//	 "meetings":    {"alice": [{"meeting_type": "reservation", "meeting_name": "Review", ...}]},
//	 "recurrences": {"alice": [{"meeting_type": "recurrence", "recurrence_type": "RECURRENCE_WEEKLY", ...}]}}
//
// Users come first, so that meetings can belong to them (and invite them);
// with the default rooms, each gets a personal room as the configured users
// do. Meetings and recurrences are by owner's username, each the body its
// create call takes (POST /api/v1/meeting_schedule and
// /api/v1/meeting_schedule/recurrence).
type seedDoc struct {
	Users       []User                       `json:"users"`
	Meetings    map[string][]json.RawMessage `json:"meetings"`
	Recurrences map[string][]json.RawMessage `json:"recurrences"`
}

// Seed implements platform.API.
func (a *API) Seed(raw json.RawMessage) error {
	return platform.Seed(raw, &a.mu, func(doc *seedDoc) error {
		for _, u := range doc.Users {
			if err := a.addSeeded(u); err != nil {
				return err
			}
		}
		for _, r := range a.rooms {
			a.numbers[r.Number] = true
		}
		// A meeting's principal is its owner's user ID.
		owner := func(name string) (string, bool) {
			acc := a.byName[name]
			if acc == nil {
				return "", false
			}
			return acc.ID, true
		}
		const schedule = "/api/v1/meeting_schedule"
		if err := platform.CreateByOwner("meetings", doc.Meetings, a.createSchedule, schedule, owner); err != nil {
			return err
		}
		return platform.CreateByOwner("recurrences", doc.Recurrences, a.createRecurrence, schedule+"/recurrence", owner)
	})
}
