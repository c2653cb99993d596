package emulator

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Fault is an injected failure. A request matches when its method (if set) and
// path prefix match; the emulator then waits LatencyMS and, if Status is set,
// answers with that status in the owning platform's error envelope instead of
// serving the request. Count limits how many requests it hits (0: all of them).
type Fault struct {
	ID         int    `json:"id"`
	Method     string `json:"method,omitempty"`
	PathPrefix string `json:"path_prefix"`
	Status     int    `json:"status,omitempty"`
	// RetryAfter is sent as the Retry-After header, in seconds, with the status.
	RetryAfter int    `json:"retry_after,omitempty"`
	LatencyMS  int    `json:"latency_ms,omitempty"`
	Message    string `json:"message,omitempty"`
	Count      int    `json:"count,omitempty"`
	Hits       int    `json:"hits"`
}

func (f *Fault) validate() error {
	if !strings.HasPrefix(f.PathPrefix, "/") {
		return fmt.Errorf("path_prefix must start with /")
	}
	if f.Status != 0 && (f.Status < 400 || f.Status > 599) {
		return fmt.Errorf("status must be between 400 and 599")
	}
	if f.LatencyMS < 0 || f.LatencyMS > 60_000 {
		return fmt.Errorf("latency_ms must be between 0 and 60000")
	}
	if f.Count < 0 || f.RetryAfter < 0 {
		return fmt.Errorf("count and retry_after must not be negative")
	}
	if f.Status == 0 && f.LatencyMS == 0 {
		return fmt.Errorf("a fault needs a status, a latency_ms, or both")
	}
	f.Method = strings.ToUpper(f.Method)
	return nil
}

type faults struct {
	mu     sync.Mutex
	next   int
	active []*Fault
}

func (fs *faults) add(f Fault) (Fault, error) {
	if err := f.validate(); err != nil {
		return Fault{}, err
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.next++
	f.ID = fs.next
	f.Hits = 0
	fs.active = append(fs.active, &f)
	return f, nil
}

func (fs *faults) list() []Fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	out := make([]Fault, 0, len(fs.active))
	for _, f := range fs.active {
		out = append(out, *f)
	}
	return out
}

func (fs *faults) clear() {
	fs.mu.Lock()
	fs.active = nil
	fs.mu.Unlock()
}

// match consumes one hit of the first matching fault, and drops faults whose
// count is used up.
func (fs *faults) match(r *http.Request) (Fault, bool) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for i, f := range fs.active {
		if f.Method != "" && f.Method != r.Method {
			continue
		}
		if !strings.HasPrefix(r.URL.Path, f.PathPrefix) {
			continue
		}
		f.Hits++
		hit := *f
		if f.Count > 0 && f.Hits >= f.Count {
			fs.active = append(fs.active[:i], fs.active[i+1:]...)
		}
		return hit, true
	}
	return Fault{}, false
}

func (e *Emulator) applyFault(w http.ResponseWriter, r *http.Request) bool {
	f, ok := e.faults.match(r)
	if !ok {
		return false
	}
	if f.LatencyMS > 0 {
		select {
		case <-time.After(time.Duration(f.LatencyMS) * time.Millisecond):
		case <-r.Context().Done():
			return true
		}
	}
	if f.Status == 0 {
		return false
	}
	if f.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(f.RetryAfter))
	}
	msg := f.Message
	if msg == "" {
		msg = "injected fault: " + http.StatusText(f.Status)
	}
	if p := e.platformFor(r.URL.Path); p != nil {
		p.WriteError(w, f.Status, msg)
	} else {
		http.Error(w, msg, f.Status)
	}
	return true
}
