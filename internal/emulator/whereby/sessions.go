package whereby

import (
	"fmt"
	"strings"
	"time"
)

// roomSession is a session held in a room: the state the insights are
// derived from (insights.go). Finished meetings leave them: a seed
// document's "roomSessions", and each seeded recording's session with its
// recorder.
type roomSession struct {
	RoomSessionID string `json:"roomSessionId"`
	RoomName      string `json:"roomName"`
	// RoomCreatedAt and RoomEndAt are the room's createdAt and endAt (the
	// date it was set to expire), copied onto each of its sessions.
	RoomCreatedAt time.Time      `json:"roomCreatedAt"`
	RoomEndAt     time.Time      `json:"roomEndAt"`
	StartedAt     time.Time      `json:"startedAt"`
	EndedAt       time.Time      `json:"endedAt"`
	Participants  []*participant `json:"participants"`
}

// participant is one connection to a session: its row of GET
// /insights/participants, and what GET /insights/participant adds.
type participant struct {
	ParticipantInsight
	UserAgent string `json:"userAgent,omitempty"`
	// Samples are the network samples of GET /insights/participant ("Data
	// object arrays with network data. packetLossSend, packetLossRecv,
	// bitrateSend and bitrateRecv"), as the seed gave them.
	Samples map[string][]float64 `json:"samples,omitempty"`
}

// The role names of the bots Whereby sends into a session, which the
// insights count apart from the participants ("totalUniqueRecorders",
// "totalStreamerMinutes").
const (
	roleRecorder = "recorder"
	roleStreamer = "streamer"
)

// defaultRole is a seeded participant's role when the seed names none: the
// document's example roleName.
const defaultRole = "granted_visitor"

// addSession makes a room session a seed document names appear (the seed's
// "roomSessions" are roomSessions), as a finished meeting leaves one:
// roomName, startedAt and endedAt, and the participants who joined
// (joinedAt and leftAt default to the session's; displayName is required).
// roomCreatedAt and roomEndAt default to the room's earlier sessions', else
// to the live meeting of that room, else to the session's start and end.
func (a *API) addSession(s roomSession) error {
	if !strings.HasPrefix(s.RoomName, "/") || s.StartedAt.IsZero() || !s.EndedAt.After(s.StartedAt) {
		return fmt.Errorf("a room session needs a roomName starting with \"/\" and a startedAt before its endedAt")
	}
	start, end := s.StartedAt.UTC().Truncate(time.Millisecond), s.EndedAt.UTC().Truncate(time.Millisecond)
	// Every participant is checked before anything changes: a bad seed
	// leaves the state as it was.
	for i, p := range s.Participants {
		if p == nil {
			return fmt.Errorf("participants[%d] is null", i)
		}
		if p.JoinedAt.IsZero() {
			p.JoinedAt = start
		}
		if p.LeftAt.IsZero() {
			p.LeftAt = end
		}
		p.JoinedAt, p.LeftAt = p.JoinedAt.UTC().Truncate(time.Millisecond), p.LeftAt.UTC().Truncate(time.Millisecond)
		if p.JoinedAt.Before(start) || p.LeftAt.After(end) || !p.LeftAt.After(p.JoinedAt) {
			return fmt.Errorf("participants[%d] must join and leave within the session, leaving after joining", i)
		}
		if p.DisplayName == "" {
			return fmt.Errorf("participants[%d] needs a displayName", i)
		}
		if p.RoleName == "" {
			p.RoleName = defaultRole
		}
	}
	rs, err := a.session(s.RoomName, s.RoomSessionID, start, end)
	if err != nil {
		return err
	}
	// The room's dates are the room's: every session of it has them.
	for _, other := range a.sessions {
		if other.RoomName != rs.RoomName {
			continue
		}
		if !s.RoomCreatedAt.IsZero() {
			other.RoomCreatedAt = s.RoomCreatedAt.UTC().Truncate(time.Millisecond)
		}
		if !s.RoomEndAt.IsZero() {
			other.RoomEndAt = s.RoomEndAt.UTC().Truncate(time.Millisecond)
		}
	}
	for _, p := range s.Participants {
		a.join(rs, p)
	}
	return nil
}

// join adds p to rs, with the identifiers Whereby gives every connection.
func (a *API) join(rs *roomSession, p *participant) {
	p.RoomSessionID = rs.RoomSessionID
	if p.ParticipantID == "" {
		p.ParticipantID = "/" + newUUID()
	}
	if p.UserID == "" {
		p.UserID = newUUID()
	}
	if p.DeviceID == "" {
		p.DeviceID = newUUID()
	}
	rs.Participants = append(rs.Participants, p)
}

// session is the session id of room (a new one when id is empty or
// unknown), stretched to cover start..end.
func (a *API) session(room, id string, start, end time.Time) (*roomSession, error) {
	if id != "" {
		for _, rs := range a.sessions {
			if rs.RoomSessionID != id {
				continue
			}
			if rs.RoomName != room {
				return nil, fmt.Errorf("room session %s is in %s, not %s", id, rs.RoomName, room)
			}
			if start.Before(rs.StartedAt) {
				rs.StartedAt = start
			}
			if end.After(rs.EndedAt) {
				rs.EndedAt = end
			}
			return rs, nil
		}
	} else {
		id = newUUID()
	}
	rs := &roomSession{RoomSessionID: id, RoomName: room, StartedAt: start, EndedAt: end, RoomCreatedAt: start, RoomEndAt: end}
	switch {
	case a.roomOf(room) != nil:
		prior := a.roomOf(room)
		rs.RoomCreatedAt, rs.RoomEndAt = prior.RoomCreatedAt, prior.RoomEndAt
	case a.liveMeeting(room) != nil:
		m := a.liveMeeting(room)
		rs.RoomCreatedAt, rs.RoomEndAt = m.StartDate, m.EndDate
	}
	a.sessions = append(a.sessions, rs)
	return rs, nil
}

// roomOf is the first session of room, nil when it has none.
func (a *API) roomOf(room string) *roomSession {
	for _, rs := range a.sessions {
		if rs.RoomName == room {
			return rs
		}
	}
	return nil
}

// liveMeeting is the meeting of room, nil when there is none.
func (a *API) liveMeeting(room string) *meeting {
	for _, id := range a.order {
		if m := a.meetings[id]; m.RoomName == room {
			return m
		}
	}
	return nil
}
