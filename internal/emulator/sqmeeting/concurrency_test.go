package sqmeeting_test

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

// TestConcurrentRequests drives every kind of request from many goroutines
// at once; run with -race.
func TestConcurrentRequests(t *testing.T) {
	h := newHarness(t)
	const workers, perWorker = 8, 4
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWorker {
				name := fmt.Sprintf("w%d-%d", w, i)
				r := h.do("POST", "/api/v1/meeting_schedule", reservation(name, time.Duration(i)*time.Hour))
				var m sqmeeting.MeetingView
				if r.status != 200 || json.Unmarshal(r.body, &m) != nil {
					t.Errorf("create %s: %d %s", name, r.status, r.body)
					return
				}
				r = h.do("POST", "/api/v1/meeting_schedule/recurrence", series("DAILY", 1, utc("2025-03-03 10:00"), time.Hour, "2025-03-06", time.UTC))
				var s sqmeeting.MeetingView
				if r.status != 200 || json.Unmarshal(r.body, &s) != nil {
					t.Errorf("create series: %d %s", r.status, r.body)
					return
				}
				for _, req := range []struct {
					method, path string
					body         any
				}{
					{"POST", "/api/v1/meeting_schedule/" + m.ReservationID, map[string]any{"meeting_name": name + "!"}},
					{"GET", "/api/v1/meeting_schedule?page_size=5", nil},
					{"GET", "/api/v1/meeting_schedule/" + m.ReservationID, nil},
					{"POST", "/api/v1/meeting_schedule/recurrence/" + s.RecurrenceGID, map[string]any{"recurrenceInterval": 2}},
					{"GET", "/api/v1/meeting_schedule/recurrence/" + s.RecurrenceGID, nil},
					{"DELETE", "/api/v1/meeting_schedule/" + s.ReservationID, nil},
					{"GET", "/api/v1/user/public/users", nil},
					{"POST", "/api/v1/system/capacity", nil},
					{"DELETE", "/api/v1/meeting_schedule/" + m.ReservationID, nil},
				} {
					if r := h.do(req.method, req.path, req.body); r.status >= 300 {
						t.Errorf("%s %s: %d %s", req.method, req.path, r.status, r.body)
					}
				}
				h.signInAs("bob", "bob-password")
				if _, err := h.api.Snapshot(); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	var list sqmeeting.MeetingList
	h.ok(200, "GET", "/api/v1/meeting_schedule", nil, &list)
	// Every reservation was deleted; every series is left with one of its
	// two occurrences (interval 2 over four days, the first cancelled).
	if list.TotalSize != workers*perWorker {
		t.Errorf("%d meetings left, want %d", list.TotalSize, workers*perWorker)
	}
}
