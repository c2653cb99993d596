package lineplanet

import (
	"encoding/json"
	"fmt"
	"sort"
)

// snapshot is the platform's part of the state file.
type snapshot struct {
	Meetings []Meeting `json:"meetings"`
}

// Snapshot implements platform.API. Expired meetings are left out: they are
// gone.
func (a *API) Snapshot() (json.RawMessage, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.purgeLocked()
	s := snapshot{Meetings: make([]Meeting, 0, len(a.meetings))}
	for _, m := range a.meetings {
		s.Meetings = append(s.Meetings, *m)
	}
	sort.Slice(s.Meetings, func(i, j int) bool {
		if s.Meetings[i].ChatSvcID != s.Meetings[j].ChatSvcID {
			return s.Meetings[i].ChatSvcID < s.Meetings[j].ChatSvcID
		}
		return s.Meetings[i].ChatID < s.Meetings[j].ChatID
	})
	return json.Marshal(s)
}

// Restore implements platform.API, replacing every meeting.
func (a *API) Restore(raw json.RawMessage) error {
	var s snapshot
	if err := json.Unmarshal(raw, &s); err != nil {
		return err
	}
	meetings := make(map[roomKey]*Meeting, len(s.Meetings))
	ids := map[int64]bool{}
	for i := range s.Meetings {
		m := s.Meetings[i]
		k := roomKey{m.ChatSvcID, m.ChatID}
		if k.svc == "" || k.room == "" {
			return fmt.Errorf("meeting %d has no chatSvcId or chatId", m.ID)
		}
		if _, dup := meetings[k]; dup {
			return fmt.Errorf("room %s/%s has more than one meeting", k.svc, k.room)
		}
		if ids[m.ID] {
			return fmt.Errorf("meeting ID %d appears twice", m.ID)
		}
		if _, ok := lifetimes[m.Type]; !ok {
			return fmt.Errorf("meeting %d has unknown type %q", m.ID, m.Type)
		}
		ids[m.ID] = true
		meetings[k] = &m
	}
	a.mu.Lock()
	a.meetings = meetings
	a.mu.Unlock()
	return nil
}
