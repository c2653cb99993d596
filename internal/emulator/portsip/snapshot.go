package portsip

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// snapshot is the platform's part of the state file: every object in creation
// order, and the sessions, so that a provider's token survives an emulator
// restart.
type snapshot struct {
	Servers  []*Server  `json:"servers"`
	Rooms    []*roomRec `json:"rooms"`
	Sessions []*session `json:"sessions"`
}

// Snapshot implements platform.Platform.
func (a *API) Snapshot() (json.RawMessage, error) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	snap := snapshot{
		Servers:  make([]*Server, 0, len(a.serverOrder)),
		Rooms:    make([]*roomRec, 0, len(a.roomOrder)),
		Sessions: make([]*session, 0, len(a.sessions)),
	}
	for _, id := range a.serverOrder {
		snap.Servers = append(snap.Servers, a.servers[id])
	}
	for _, id := range a.roomOrder {
		snap.Rooms = append(snap.Rooms, a.rooms[id])
	}
	for _, s := range a.sessions {
		snap.Sessions = append(snap.Sessions, s)
	}
	slices.SortFunc(snap.Sessions, func(x, y *session) int { return strings.Compare(x.AccessToken, y.AccessToken) })
	data, err := json.Marshal(snap)
	return json.RawMessage(data), err
}

// Restore implements platform.Platform. An empty snapshot ("", null, {}) is a
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
	if snap.Servers == nil && snap.Rooms == nil && snap.Sessions == nil {
		a.Reset()
		return nil
	}
	servers := map[string]*Server{}
	var serverOrder []string
	for i, s := range snap.Servers {
		if s == nil || s.ID == "" || servers[s.ID] != nil {
			return fmt.Errorf("portsip snapshot: server %d has no ID or a duplicate one", i)
		}
		servers[s.ID] = s
		serverOrder = append(serverOrder, s.ID)
	}
	rooms := map[string]*roomRec{}
	var roomOrder []string
	for i, rr := range snap.Rooms {
		if rr == nil || rr.Room == nil || rr.Room.ID == "" || rooms[rr.Room.ID] != nil || servers[rr.Room.ID] != nil {
			return fmt.Errorf("portsip snapshot: room %d has no ID or a duplicate one", i)
		}
		if rr.Participants == nil {
			rr.Participants = []*participantRec{}
		}
		if rr.Recordings == nil {
			rr.Recordings = []*recordingRec{}
		}
		if slices.Contains(rr.Participants, nil) || slices.Contains(rr.Recordings, nil) {
			return fmt.Errorf("portsip snapshot: room %s holds a null participant or recording", rr.Room.ID)
		}
		rooms[rr.Room.ID] = rr
		roomOrder = append(roomOrder, rr.Room.ID)
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
	a.mu.Lock()
	defer a.mu.Unlock()
	a.servers, a.serverOrder = servers, serverOrder
	a.rooms, a.roomOrder = rooms, roomOrder
	a.sessions, a.refreshes = sessions, refreshes
	a.placeRooms()
	return nil
}
