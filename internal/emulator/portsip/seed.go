package portsip

import (
	"encoding/json"
	"fmt"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// seedDoc is the platform's section of a seed document:
//
//	{"users":    [{"username": "carol", "password": "carol-password"}],
//	 "servers":  [{"name": "media-1", "ipv4": "192.0.2.10", "max_rooms": 10, "max_participants": 100}],
//	 "rooms":    [{"extension_number": "700", "mode": "AUDIO", "subject": "Sales", "capacity": 10}],
//	 "meetings": {"alice": [{"subject": "Weekly", "mode": "VIDEO", ...}]}}
//
// Users come first, so that meetings can belong to them. Servers and rooms
// are created as the administrator; meetings by owner, as that user. Each
// object is the body its create call takes.
type seedDoc struct {
	Users    []seedUser                   `json:"users"`
	Servers  []json.RawMessage            `json:"servers"`
	Rooms    []json.RawMessage            `json:"rooms"`
	Meetings map[string][]json.RawMessage `json:"meetings"`
}

// seedUser is a standard user a seed adds.
type seedUser struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// check applies the sign-in body's rules (portsip-openapi-conference.json,
// signInWithCredentials: username 1..64 characters, a password) and refuses a
// user the PBX already has, the administrator included: a seed adds users, it
// does not change passwords.
func (u seedUser) check(users map[string]string) error {
	switch n := len([]rune(u.Username)); {
	case n < 1 || n > 64:
		return fmt.Errorf("user %q: username must be 1 to 64 characters", u.Username)
	case u.Password == "":
		return fmt.Errorf("user %q: password is required", u.Username)
	}
	if _, taken := users[u.Username]; taken {
		return fmt.Errorf("user %q: the PBX already has this user", u.Username)
	}
	return nil
}

// Seed implements platform.API.
func (a *API) Seed(raw json.RawMessage) error {
	return platform.Seed(raw, &a.mu, func(doc *seedDoc) error {
		for _, u := range doc.Users {
			if err := u.check(a.users); err != nil {
				return err
			}
			a.users[u.Username], a.seeded[u.Username] = u.Password, u.Password
		}
		if err := platform.CreateAll("servers", doc.Servers, a.createServer, "/api/conference_servers", a.opts.Username); err != nil {
			return err
		}
		if err := platform.CreateAll("rooms", doc.Rooms, a.createRoom, "/api/conference_rooms", a.opts.Username); err != nil {
			return err
		}
		// A meeting's principal is its owner's username.
		return platform.CreateByOwner("meetings", doc.Meetings, a.createMeeting, "/api/user/meetings",
			func(owner string) (string, bool) { return owner, a.known(owner) })
	})
}
