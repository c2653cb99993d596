package portsip

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// snapshot is the platform's part of the state file: every object in creation
// order, the sessions, so that a provider's token survives an emulator
// restart, and the users a seed added (configured users are configuration).
type snapshot struct {
	Servers  []*Server     `json:"servers"`
	Rooms    []*roomRec    `json:"rooms"`
	Meetings []*meetingRec `json:"meetings"`
	Sessions []*session    `json:"sessions"`
	Users    []seedUser    `json:"users,omitempty"`
}

// Snapshot implements platform.API.
func (a *API) Snapshot() (json.RawMessage, error) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	snap := snapshot{
		Servers:  make([]*Server, 0, len(a.serverOrder)),
		Rooms:    make([]*roomRec, 0, len(a.roomOrder)),
		Meetings: make([]*meetingRec, 0, len(a.meetingOrder)),
		Sessions: make([]*session, 0, len(a.sessions)),
	}
	for _, id := range a.serverOrder {
		snap.Servers = append(snap.Servers, a.servers[id])
	}
	for _, id := range a.roomOrder {
		snap.Rooms = append(snap.Rooms, a.rooms[id])
	}
	for _, id := range a.meetingOrder {
		snap.Meetings = append(snap.Meetings, a.meetings[id])
	}
	for _, s := range a.sessions {
		snap.Sessions = append(snap.Sessions, s)
	}
	slices.SortFunc(snap.Sessions, func(x, y *session) int { return strings.Compare(x.AccessToken, y.AccessToken) })
	for _, name := range slices.Sorted(maps.Keys(a.seeded)) {
		snap.Users = append(snap.Users, seedUser{Username: name, Password: a.seeded[name]})
	}
	data, err := json.Marshal(snap)
	return json.RawMessage(data), err
}

// Restore implements platform.API. An empty snapshot ("", null, {}) is a
// freshly started PBX; anything else replaces the whole state, or nothing when
// it is inconsistent.
func (a *API) Restore(raw json.RawMessage) error {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || string(trimmed) == "null" {
		a.Reset()
		return nil
	}
	var snap snapshot
	if err := json.Unmarshal(trimmed, &snap); err != nil {
		return fmt.Errorf("portsip snapshot: %w", err)
	}
	if snap.Servers == nil && snap.Rooms == nil && snap.Meetings == nil && snap.Sessions == nil && snap.Users == nil {
		a.Reset()
		return nil
	}
	servers := map[string]*Server{}
	rooms := map[string]*roomRec{}
	meetings := map[string]*meetingRec{}
	var serverOrder, roomOrder, meetingOrder []string
	// IDs are unique across servers, rooms and meetings (unusedID).
	taken := func(id string) bool { return id == "" || servers[id] != nil || rooms[id] != nil || meetings[id] != nil }
	for i, s := range snap.Servers {
		if s == nil || taken(s.ID) {
			return fmt.Errorf("portsip snapshot: server %d has no ID or a duplicate one", i)
		}
		servers[s.ID] = s
		serverOrder = append(serverOrder, s.ID)
	}
	for i, rr := range snap.Rooms {
		if rr == nil || rr.Room == nil || taken(rr.Room.ID) {
			return fmt.Errorf("portsip snapshot: room %d has no ID or a duplicate one", i)
		}
		if err := rr.restored("room " + rr.Room.ID); err != nil {
			return err
		}
		rooms[rr.Room.ID] = rr
		roomOrder = append(roomOrder, rr.Room.ID)
	}
	for i, mr := range snap.Meetings {
		if mr == nil || mr.Meeting == nil || taken(mr.Meeting.ID) {
			return fmt.Errorf("portsip snapshot: meeting %d has no ID or a duplicate one", i)
		}
		if mr.Owner == "" {
			return fmt.Errorf("portsip snapshot: meeting %s has no owner", mr.Meeting.ID)
		}
		if err := mr.restored("meeting " + mr.Meeting.ID); err != nil {
			return err
		}
		if !mr.Started {
			mr.ServerID = ""
		}
		meetings[mr.Meeting.ID] = mr
		meetingOrder = append(meetingOrder, mr.Meeting.ID)
	}
	sessions := map[string]*session{}
	refreshes := map[string]*session{}
	for _, s := range snap.Sessions {
		if s == nil || s.AccessToken == "" {
			continue
		}
		sessions[s.AccessToken] = s
		if s.RefreshToken != "" {
			refreshes[s.RefreshToken] = s
		}
	}
	users, seeded := userTable(a.opts), map[string]string{}
	for _, u := range snap.Users {
		if _, configured := users[u.Username]; configured {
			// Configured since the seed: the configuration's password wins.
			continue
		}
		if err := u.check(users); err != nil {
			return fmt.Errorf("portsip snapshot: %w", err)
		}
		users[u.Username], seeded[u.Username] = u.Password, u.Password
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.users, a.seeded = users, seeded
	a.servers, a.serverOrder = servers, serverOrder
	a.rooms, a.roomOrder = rooms, roomOrder
	a.meetings, a.meetingOrder = meetings, meetingOrder
	a.sessions, a.refreshes = sessions, refreshes
	a.placeConferences()
	return nil
}
