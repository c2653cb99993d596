package sqmeeting

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// snapshot is the platform's part of the state file: what the API created
// (meetings, series), the sessions, so that a provider's token survives a
// restart, the failed sign-in counts, so that a restart does not lift a
// lock, and the users a seed or the API added or the API changed.
// Configured users and rooms come from Options and keep their IDs across
// restarts; users' IDs derive from their usernames.
type snapshot struct {
	Meetings []*meeting          `json:"meetings"`
	Series   []*series           `json:"series"`
	Sessions []*session          `json:"sessions"`
	Lockouts map[string]*lockout `json:"lockouts,omitempty"`
	Users    []savedUser         `json:"users,omitempty"`
}

// savedUser is a user in the state file, with its ID for those who read the
// file (the ID derives from the username and is not read back).
type savedUser struct {
	User
	UserID string `json:"user_id,omitempty"`
}

// Snapshot implements platform.API.
func (a *API) Snapshot() (json.RawMessage, error) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	snap := snapshot{Meetings: []*meeting{}, Series: []*series{}, Sessions: []*session{}, Lockouts: a.lockouts}
	for _, m := range a.meetings {
		snap.Meetings = append(snap.Meetings, m)
	}
	for _, s := range a.series {
		snap.Series = append(snap.Series, s)
	}
	for _, s := range a.sessions {
		snap.Sessions = append(snap.Sessions, s)
	}
	// Map order is random: sort, so that an unchanged state writes the same file.
	slices.SortFunc(snap.Meetings, func(x, y *meeting) int { return strings.Compare(x.ReservationID, y.ReservationID) })
	slices.SortFunc(snap.Series, func(x, y *series) int { return strings.Compare(x.GID, y.GID) })
	slices.SortFunc(snap.Sessions, func(x, y *session) int { return strings.Compare(x.Token, y.Token) })
	for _, name := range a.saved {
		acc := a.byName[name]
		snap.Users = append(snap.Users, savedUser{User: acc.User, UserID: acc.ID})
	}
	data, err := json.Marshal(snap)
	return json.RawMessage(data), err
}

// Restore implements platform.API. An empty snapshot ("", null) is a
// freshly started server; anything else replaces the whole state, or nothing
// when it is inconsistent.
func (a *API) Restore(raw json.RawMessage) error {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || string(trimmed) == "null" {
		a.Reset()
		return nil
	}
	var snap snapshot
	if err := json.Unmarshal(trimmed, &snap); err != nil {
		return fmt.Errorf("sqmeeting snapshot: %w", err)
	}
	dir := newDirectory(a.opts)
	for _, su := range snap.Users {
		u := su.User
		if acc := dir.byName[u.Username]; acc != nil {
			// A configured user the API changed: the changes are state.
			if !slices.Contains(dir.saved, u.Username) {
				acc.User = u
				if acc.Role == "" {
					acc.Role = RoleNormal
				}
				dir.saved = append(dir.saved, u.Username)
			}
			continue
		}
		if err := dir.addSeeded(u); err != nil {
			return fmt.Errorf("sqmeeting snapshot: %w", err)
		}
	}
	meetings := map[string]*meeting{}
	numbers := map[string]bool{}
	for _, r := range dir.rooms {
		numbers[r.Number] = true
	}
	for i, m := range snap.Meetings {
		if m == nil || m.ReservationID == "" || meetings[m.ReservationID] != nil || dir.users[m.OwnerID] == nil {
			return fmt.Errorf("sqmeeting snapshot: meeting %d has no ID, a duplicate one or an unknown owner", i)
		}
		if m.Invited == nil {
			m.Invited = []string{}
		}
		meetings[m.ReservationID] = m
		numbers[m.Number] = true
	}
	series := map[string]*series{}
	for i, s := range snap.Series {
		if s == nil || s.GID == "" || series[s.GID] != nil || dir.users[s.OwnerID] == nil || len(s.Occurrences) == 0 {
			return fmt.Errorf("sqmeeting snapshot: series %d has no ID, a duplicate one, an unknown owner or no occurrences", i)
		}
		for _, id := range s.Occurrences {
			if m := meetings[id]; m == nil || m.GroupID != s.GID {
				return fmt.Errorf("sqmeeting snapshot: series %s lists occurrence %s, which is not its own", s.GID, id)
			}
		}
		series[s.GID] = s
	}
	sessions := map[string]*session{}
	for _, s := range snap.Sessions {
		if s != nil && s.Token != "" && dir.users[s.UserID] != nil {
			sessions[s.Token] = s
		}
	}
	lockouts := map[string]*lockout{}
	for name, lo := range snap.Lockouts {
		if lo != nil && dir.byName[name] != nil {
			lockouts[name] = lo
		}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.directory = dir
	a.meetings, a.series, a.sessions, a.lockouts, a.numbers = meetings, series, sessions, lockouts, numbers
	return nil
}
