package whereby

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// snapshot is the platform's part of the state file: the meetings in
// creation order and the next creation number, so that a list cursor handed
// out before a restart still works after it. The budget is not kept: it is a
// minute's worth of state.
type snapshot struct {
	NextSeq        uint64           `json:"nextSeq"`
	Meetings       []*meeting       `json:"meetings"`
	Recordings     []*recording     `json:"recordings,omitempty"`
	Transcriptions []*Transcription `json:"transcriptions,omitempty"`
	Summaries      []*Summary       `json:"summaries,omitempty"`
	RoomSessions   []*roomSession   `json:"roomSessions,omitempty"`
	// Themes are the rooms' themes that are not the default.
	Themes []*Theme `json:"themes,omitempty"`
}

// Snapshot implements platform.API.
func (a *API) Snapshot() (json.RawMessage, error) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	snap := snapshot{NextSeq: a.nextSeq, Meetings: make([]*meeting, 0, len(a.order)), Recordings: a.recordings, Transcriptions: a.transcriptions, Summaries: a.summaries, RoomSessions: a.sessions, Themes: a.sortedThemes()}
	for _, id := range a.order {
		snap.Meetings = append(snap.Meetings, a.meetings[id])
	}
	data, err := json.Marshal(snap)
	return data, err
}

// Restore implements platform.API. An empty snapshot ("", null, {}) is
// a fresh organization; anything else replaces the whole state, or nothing
// when it is inconsistent.
func (a *API) Restore(raw json.RawMessage) error {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		a.Reset()
		return nil
	}
	var snap snapshot
	if err := json.Unmarshal(raw, &snap); err != nil {
		return fmt.Errorf("whereby snapshot: %w", err)
	}
	meetings := map[string]*meeting{}
	order := make([]string, 0, len(snap.Meetings))
	next := max(snap.NextSeq, 1)
	var lastSeq uint64
	for i, m := range snap.Meetings {
		switch {
		case m == nil || m.MeetingID == "" || meetings[m.MeetingID] != nil:
			return fmt.Errorf("whereby snapshot: meeting %d has no ID or a duplicate one", i)
		case m.Seq <= lastSeq:
			return fmt.Errorf("whereby snapshot: meeting %s is out of creation order", m.MeetingID)
		}
		lastSeq = m.Seq
		next = max(next, m.Seq+1)
		meetings[m.MeetingID] = m
		order = append(order, m.MeetingID)
	}
	themes := map[string]*Theme{}
	for i, t := range snap.Themes {
		if t == nil || !strings.HasPrefix(t.RoomName, "/") || themes[t.RoomName] != nil {
			return fmt.Errorf("whereby snapshot: theme %d has no room name or a duplicate one", i)
		}
		themes[t.RoomName] = t
	}
	for i, rs := range snap.RoomSessions {
		if rs == nil || rs.RoomSessionID == "" || slices.Contains(rs.Participants, nil) {
			return fmt.Errorf("whereby snapshot: room session %d has no ID or an empty participant", i)
		}
	}
	a.mu.Lock()
	a.meetings, a.order, a.nextSeq, a.themes = meetings, order, next, themes
	a.recordings, a.transcriptions, a.summaries, a.sessions = snap.Recordings, snap.Transcriptions, snap.Summaries, snap.RoomSessions
	a.mu.Unlock()
	a.budget.reset()
	return nil
}
