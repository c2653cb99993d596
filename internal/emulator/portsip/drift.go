package portsip

import "slices"

// The functions below reach behind the API, for in-process tests that simulate
// what another administrator (or the PBX itself) does: change or delete an
// object without Terraform knowing. They bypass validation on purpose.

// Server returns a copy of the conference server id.
func (a *API) Server(id string) (Server, bool) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	s := a.servers[id]
	if s == nil {
		return Server{}, false
	}
	return *s, true
}

// Servers returns copies of every conference server, in creation order (the
// built-in INTERNAL server first).
func (a *API) Servers() []Server {
	a.mu.RLock()
	defer a.mu.RUnlock()
	out := make([]Server, 0, len(a.serverOrder))
	for _, id := range a.serverOrder {
		out = append(out, *a.servers[id])
	}
	return out
}

// MutateServer calls f with the stored server id under the lock and reports
// whether the server exists. f cannot change the ID.
func (a *API) MutateServer(id string, f func(*Server)) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	s := a.servers[id]
	if s == nil {
		return false
	}
	f(s)
	s.ID = id
	a.placeConferences()
	return true
}

// DeleteServer removes server id, whatever its type; its rooms move to another
// server.
func (a *API) DeleteServer(id string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.servers[id] == nil {
		return false
	}
	a.removeServer(id)
	return true
}

// Room returns a copy of conference room id.
func (a *API) Room(id string) (Room, bool) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	rr := a.rooms[id]
	if rr == nil {
		return Room{}, false
	}
	return rr.Room.clone(), true
}

// Rooms returns copies of every conference room, in creation order.
func (a *API) Rooms() []Room {
	a.mu.RLock()
	defer a.mu.RUnlock()
	out := make([]Room, 0, len(a.roomOrder))
	for _, id := range a.roomOrder {
		out = append(out, a.rooms[id].Room.clone())
	}
	return out
}

// MutateRoom calls f with the stored room id under the lock and reports whether
// the room exists. f cannot change the ID.
func (a *API) MutateRoom(id string, f func(*Room)) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	rr := a.rooms[id]
	if rr == nil {
		return false
	}
	f(rr.Room)
	rr.Room.ID = id
	return true
}

// DeleteRoom removes room id with its participants and recordings.
func (a *API) DeleteRoom(id string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.rooms[id] == nil {
		return false
	}
	a.removeRoom(id)
	return true
}

// Participants returns copies of the participants of room id, in joining order.
func (a *API) Participants(roomID string) ([]Participant, bool) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	rr := a.rooms[roomID]
	if rr == nil {
		return nil, false
	}
	out := make([]Participant, 0, len(rr.Participants))
	for _, p := range rr.Participants {
		out = append(out, p.Participant)
	}
	return out, true
}

// Recordings returns the recordings of room id as the API shows them now.
func (a *API) Recordings(roomID string) ([]Recording, bool) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	rr := a.rooms[roomID]
	if rr == nil {
		return nil, false
	}
	out := make([]Recording, 0, len(rr.Recordings))
	for _, rec := range rr.Recordings {
		out = append(out, a.recordingView(rec, &rr.liveConference))
	}
	return out, true
}

// RecordingRead reports whether a recording was marked read (set_read), which
// the API itself never shows.
func (a *API) RecordingRead(roomID, recordingID string) (read, found bool) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	rr := a.rooms[roomID]
	if rr == nil {
		return false, false
	}
	i := slices.IndexFunc(rr.Recordings, func(r *recordingRec) bool { return r.ID == recordingID })
	if i < 0 {
		return false, false
	}
	return rr.Recordings[i].Read, true
}

// IssuedTokens returns every live access and refresh token, so that tests can
// search logs for them.
func (a *API) IssuedTokens() []string {
	a.mu.RLock()
	defer a.mu.RUnlock()
	out := make([]string, 0, 2*len(a.sessions))
	for _, s := range a.sessions {
		out = append(out, s.AccessToken)
		if s.RefreshToken != "" {
			out = append(out, s.RefreshToken)
		}
	}
	return out
}

// Meeting returns a copy of meeting id, whoever's it is.
func (a *API) Meeting(id string) (Meeting, bool) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	mr := a.meetings[id]
	if mr == nil {
		return Meeting{}, false
	}
	return mr.Meeting.clone(), true
}

// Meetings returns copies of username's meetings, in creation order.
func (a *API) Meetings(username string) []Meeting {
	a.mu.RLock()
	defer a.mu.RUnlock()
	var out []Meeting
	for _, id := range a.meetingOrder {
		if mr := a.meetings[id]; mr.Owner == username {
			out = append(out, mr.Meeting.clone())
		}
	}
	return out
}

// MutateMeeting calls f with the stored meeting id under the lock and reports
// whether the meeting exists. f cannot change the ID.
func (a *API) MutateMeeting(id string, f func(*Meeting)) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	mr := a.meetings[id]
	if mr == nil {
		return false
	}
	f(mr.Meeting)
	mr.Meeting.ID = id
	return true
}

// DeleteMeeting removes meeting id, ending its conference.
func (a *API) DeleteMeeting(id string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.meetings[id] == nil {
		return false
	}
	a.removeMeeting(id)
	return true
}
