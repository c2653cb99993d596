package portsip_test

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

// TestConcurrentRequests drives every kind of request from many goroutines at
// once; run with -race. Extension numbers are unique per goroutine, and a
// shared one must be created exactly once.
func TestConcurrentRequests(t *testing.T) {
	h := newHarness(t)
	const workers, perWorker = 8, 6
	var wg sync.WaitGroup
	var mu sync.Mutex
	sharedWins := 0
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWorker {
				ext := fmt.Sprintf("%d%03d", w+1, i)
				r := h.do("POST", "/api/conference_rooms", videoRoom(ext))
				if r.status != 201 {
					t.Errorf("create %s: %d %s", ext, r.status, r.body)
					return
				}
				var out portsip.IDResponse
				if err := json.Unmarshal(r.body, &out); err != nil {
					t.Error(err)
					return
				}
				for _, req := range []struct {
					method, path string
					body         any
				}{
					{"POST", "/api/conference_rooms/" + out.ID, map[string]any{"subject": "updated " + ext}},
					{"POST", "/api/conference_rooms/" + out.ID + "/participants/invite", map[string]any{"number": "9" + ext}},
					{"POST", "/api/conference_rooms/" + out.ID + "/start_recording", nil},
					{"GET", "/api/conference_rooms?top=5&orderby=subject+desc", nil},
					{"GET", "/api/conference_rooms/" + out.ID + "/status", nil},
					{"GET", "/api/conference_servers", nil},
				} {
					if r := h.do(req.method, req.path, req.body); r.status >= 300 {
						t.Errorf("%s %s: %d %s", req.method, req.path, r.status, r.body)
					}
				}
				if _, err := h.api.Snapshot(); err != nil {
					t.Error(err)
				}
				h.api.MutateRoom(out.ID, func(r *portsip.Room) { r.Subject = "drift" })
			}
			if r := h.do("POST", "/api/conference_rooms", audioRoom("999")); r.status == 201 {
				mu.Lock()
				sharedWins++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if sharedWins != 1 {
		t.Errorf("extension 999 was created %d times", sharedWins)
	}
	var l page[map[string]any]
	h.ok(200, "GET", "/api/conference_rooms?top=1", nil, &l)
	if want := workers*perWorker + 1; l.Count != want {
		t.Errorf("count %d, want %d", l.Count, want)
	}
}
