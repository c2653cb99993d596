package sqmeeting

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"

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
	Users       []seedUser                   `json:"users"`
	Meetings    map[string][]json.RawMessage `json:"meetings"`
	Recurrences map[string][]json.RawMessage `json:"recurrences"`
}

// seedUser is a user in the document's "Create User" form, plus the password
// to sign in with (the API never sees it: it signs in with a salted hash).
type seedUser struct {
	Username   string `json:"username"`
	Password   string `json:"password"`
	RealName   string `json:"real_name"`
	Email      string `json:"email"`
	Department string `json:"department"`
	Mobile     string `json:"mobile"`
	Role       string `json:"role"`
	Disabled   bool   `json:"disabled"`
}

func (u seedUser) user() User {
	return User{
		Username: u.Username, Password: u.Password, RealName: u.RealName, Email: u.Email,
		Department: u.Department, Mobile: u.Mobile, Role: u.Role, Disabled: u.Disabled,
	}
}

func fromUser(u User) seedUser {
	return seedUser{
		Username: u.Username, Password: u.Password, RealName: u.RealName, Email: u.Email,
		Department: u.Department, Mobile: u.Mobile, Role: u.Role, Disabled: u.Disabled,
	}
}

// Seed implements platform.Platform.
func (a *API) Seed(raw json.RawMessage) error {
	var doc seedDoc
	if err := platform.DecodeSeed(raw, &doc); err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, u := range doc.Users {
		if err := a.addSeeded(u.user()); err != nil {
			return err
		}
	}
	for _, r := range a.rooms {
		a.numbers[r.Number] = true
	}
	const schedule = "/api/v1/meeting_schedule"
	if err := a.seedCreates(doc.Meetings, "meetings", schedule, a.createSchedule); err != nil {
		return err
	}
	return a.seedCreates(doc.Recurrences, "recurrences", schedule+"/recurrence", a.createRecurrence)
}

// seedCreates posts each owner's bodies to create, as that owner. The caller
// holds the write lock.
func (a *API) seedCreates(byOwner map[string][]json.RawMessage, kind, path string, create handler) error {
	for _, owner := range slices.Sorted(maps.Keys(byOwner)) {
		acc := a.byName[owner]
		if acc == nil {
			return fmt.Errorf("%s of %q: the server has no such user; add it under users", kind, owner)
		}
		for i, body := range byOwner[owner] {
			what := fmt.Sprintf("%s[%q][%d]", kind, owner, i)
			if _, err := platform.Call(create, http.MethodPost, path, nil, acc.ID, body, what); err != nil {
				return err
			}
		}
	}
	return nil
}
