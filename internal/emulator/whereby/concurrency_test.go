package whereby_test

import (
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
)

// TestConcurrentRequests drives every route from many goroutines at once,
// with the budget on and the clock moving; run with -race.
func TestConcurrentRequests(t *testing.T) {
	h := newHarness(t, func(o *whereby.Options) { o.PointsPerMinute = 1_000_000 })
	const workers, perWorker = 8, 10
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range perWorker {
				r := h.do("POST", "/v1/meetings", meetingEnding(t0.Add(24*time.Hour)))
				if r.Status != 201 {
					t.Errorf("create: %d %s", r.Status, r.Body)
					return
				}
				var m whereby.Meeting
				if err := json.Unmarshal(r.Body, &m); err != nil {
					t.Error(err)
					return
				}
				for _, c := range []struct {
					method, path string
					want         int
				}{
					{"GET", "/v1/meetings/" + m.MeetingID + "?fields=hostRoomUrl", 200},
					{"GET", "/v1/meetings?limit=5", 200},
					{"DELETE", "/v1/meetings/" + m.MeetingID, 204},
					{"GET", "/v1/meetings/" + m.MeetingID, 404},
				} {
					if r := h.do(c.method, c.path, nil); r.Status != c.want {
						t.Errorf("%s %s: %d %s", c.method, c.path, r.Status, r.Body)
					}
				}
				h.clock.Advance(time.Millisecond)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range 20 {
			if _, err := h.api.Snapshot(); err != nil {
				t.Error(err)
			}
		}
	}()
	wg.Wait()
	if l := h.page(""); len(l.Results) != 0 {
		t.Errorf("%d meetings left", len(l.Results))
	}
}
