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

type journal struct {
	mu      sync.Mutex
	entries []JournalEntry
}

func (j *journal) add(e JournalEntry) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.entries) >= journalSize {
		copy(j.entries, j.entries[1:])
		j.entries = j.entries[:len(j.entries)-1]
	}
	j.entries = append(j.entries, e)
}

func (j *journal) list() []JournalEntry {
	j.mu.Lock()
	defer j.mu.Unlock()
	return append([]JournalEntry(nil), j.entries...)
}

func (j *journal) clear() {
	j.mu.Lock()
	j.entries = nil
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
