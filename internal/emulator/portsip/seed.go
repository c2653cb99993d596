package portsip

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

// Seed implements platform.Platform.
func (a *API) Seed(raw json.RawMessage) error {
	var doc seedDoc
	if err := platform.DecodeSeed(raw, &doc); err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, u := range doc.Users {
		if err := u.check(a.users); err != nil {
			return err
		}
		a.users[u.Username], a.seeded[u.Username] = u.Password, u.Password
	}
	for i, body := range doc.Servers {
		if _, err := platform.Call(a.createServer, http.MethodPost, "/api/conference_servers", nil, a.opts.Username, body, fmt.Sprintf("servers[%d]", i)); err != nil {
			return err
		}
	}
	for i, body := range doc.Rooms {
		if _, err := platform.Call(a.createRoom, http.MethodPost, "/api/conference_rooms", nil, a.opts.Username, body, fmt.Sprintf("rooms[%d]", i)); err != nil {
			return err
		}
	}
	for _, owner := range slices.Sorted(maps.Keys(doc.Meetings)) {
		if !a.known(owner) {
			return fmt.Errorf("meetings of %q: the PBX has no such user; add it under users", owner)
		}
		for i, body := range doc.Meetings[owner] {
			what := fmt.Sprintf("meetings[%q][%d]", owner, i)
			if _, err := platform.Call(a.createMeeting, http.MethodPost, "/api/user/meetings", nil, owner, body, what); err != nil {
				return err
			}
		}
	}
	return nil
}
