package emulator

import (
	"net/url"
	"sync"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client"
)

// JournalEntry is one request the emulator served.
type JournalEntry struct {
	Time   time.Time `json:"time"`
	Method string    `json:"method"`
	Path   string    `json:"path"`
	Query  string    `json:"query,omitempty"`
	// Status is what the client got: 0 when it got no answer.
	Status int `json:"status"`
	// Served is the platform's own status when an after_write fault replaced
	// it: the request changed state although the client was told otherwise.
	Served     int   `json:"served,omitempty"`
	DurationMS int64 `json:"duration_ms"`
	Fault      bool  `json:"fault,omitempty"`
	Dropped    bool  `json:"dropped,omitempty"`
}

const journalSize = 2000

// journal keeps the last journalSize entries in a ring, so that adding one
// costs the same when it is full.
type journal struct {
	mu      sync.Mutex
	entries []JournalEntry
	// next is where the next entry goes once the ring is full: the oldest.
	next int
}

func (j *journal) add(e JournalEntry) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.entries) < journalSize {
		j.entries = append(j.entries, e)
		return
	}
	j.entries[j.next] = e
	j.next = (j.next + 1) % journalSize
}

// list returns the entries oldest first.
func (j *journal) list() []JournalEntry {
	j.mu.Lock()
	defer j.mu.Unlock()
	return append(append(make([]JournalEntry, 0, len(j.entries)), j.entries[j.next:]...), j.entries[:j.next]...)
}

func (j *journal) clear() {
	j.mu.Lock()
	j.entries, j.next = nil, 0
	j.mu.Unlock()
}

// redactedQuery hides tokens carried in the query string (SQMeeting does that).
func redactedQuery(u *url.URL) string {
	if u.RawQuery == "" {
		return ""
	}
	r := client.RedactURL(&url.URL{RawQuery: u.RawQuery})
	if len(r) > 0 && r[0] == '?' {
		return r[1:]
	}
	return r
}

// JournalEntries returns the requests served so far, oldest first.
func (e *Emulator) JournalEntries() []JournalEntry { return e.journal.list() }
