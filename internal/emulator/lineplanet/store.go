package lineplanet

import "time"

// Limits and lifetimes from line-planet-meeting-id.txt.
const (
	// Title: "Maximum length is 128 in UTF-16".
	MaxTitleUnits = 128
	// Data: "Maximum length is 1024 in UTF-16".
	MaxDataUnits = 1024
	// "Passcode. 6 digits".
	PasscodeDigits = 6
	// "ID value. At least 11 digits".
	minID = 10_000_000_000
	maxID = 99_999_999_999
)

// Lifetimes of each meeting type: "Default expiration period" in the type table.
var lifetimes = map[string]time.Duration{
	"I": 24 * time.Hour,
	"S": 30 * 24 * time.Hour,
	"R": 365 * 24 * time.Hour,
}

// allowedTransitions are the in-place type changes: "Available change case: S -> R".
var allowedTransitions = map[[2]string]bool{{"S", "R"}: true}

// Meeting is the document's MeetingObject, as stored and as sent. It is
// declared apart from the client's lineplanet.Meeting on purpose: the emulator
// answers from the document, so a mistake in the client's type cannot hide by
// being on both sides of the wire.
type Meeting struct {
	ID        int64   `json:"id"`
	Type      string  `json:"type"`
	Passcode  string  `json:"passcode"`
	ChatSvcID string  `json:"chatSvcId"`
	ChatID    string  `json:"chatId"`
	Created   int64   `json:"created"`
	ExpireAt  int64   `json:"expireAt"`
	Title     *string `json:"title"`
	Data      *string `json:"data"`
}

// roomKey is a room: its room service ID and room ID, the path's {svc}/{room}.
type roomKey struct{ svc, room string }

// liveLocked returns the room's meeting unless it has expired, in which case it is
// dropped: "This meeting will become invalid after expireAt." Dropping it rather
// than only hiding it means a meeting once seen gone stays gone even if the
// emulated clock is moved back; that is why every route, the list included,
// takes the write lock.
func (a *API) liveLocked(k roomKey) *Meeting {
	m := a.meetings[k]
	if m == nil {
		return nil
	}
	if a.clock.Now().UnixMilli() > m.ExpireAt {
		delete(a.meetings, k)
		return nil
	}
	return m
}

func (a *API) purgeLocked() {
	for k := range a.meetings {
		a.liveLocked(k)
	}
}

// uniqueIDLocked draws meeting IDs until one is not in use.
func (a *API) uniqueIDLocked() int64 {
	for {
		id := a.newID()
		taken := false
		for _, m := range a.meetings {
			if m.ID == id {
				taken = true
				break
			}
		}
		if !taken {
			return id
		}
	}
}

// Meeting returns a copy of the room's live meeting, for tests.
func (a *API) Meeting(svc, room string) (Meeting, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	m := a.liveLocked(roomKey{svc, room})
	if m == nil {
		return Meeting{}, false
	}
	return *m, true
}

// MutateMeeting changes the room's live meeting behind the API's back, to let
// in-process tests simulate drift. The room (chatSvcId, chatId) cannot be changed.
// It reports whether the room had a live meeting.
func (a *API) MutateMeeting(svc, room string, f func(*Meeting)) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	m := a.liveLocked(roomKey{svc, room})
	if m == nil {
		return false
	}
	f(m)
	m.ChatSvcID, m.ChatID = svc, room
	return true
}

// DeleteMeeting removes the room's meeting behind the API's back and reports
// whether there was a live one.
func (a *API) DeleteMeeting(svc, room string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	k := roomKey{svc, room}
	if a.liveLocked(k) == nil {
		return false
	}
	delete(a.meetings, k)
	return true
}
