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

// TestConcurrentMeetings has several users work on their meetings at once
// while the administrator creates rooms; run with -race. Every meeting and
// room ends with its own extension number, and each user sees exactly their
// own meetings.
func TestConcurrentMeetings(t *testing.T) {
	users := map[string]string{"u1": "p1", "u2": "p2", "u3": "p3", "u4": "p4"}
	h := newHarness(t, func(o *portsip.Options) { o.Users = users })
	const perUser = 6
	var wg sync.WaitGroup
	for user, password := range users {
		u := h.as(user, password)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perUser {
				var created portsip.MeetingCreated
				r := u.do("POST", "/api/user/meetings", audioMeeting(fmt.Sprintf("%s %d", user, i)))
				if r.status != 201 || json.Unmarshal(r.body, &created) != nil {
					t.Errorf("%s create: %d %s", user, r.status, r.body)
					return
				}
				base := "/api/user/meetings/" + created.ID
				for _, req := range []struct {
					method, path string
					body         any
				}{
					{"POST", base, map[string]any{"subject": "updated", "capacity": 5}},
					{"POST", base + "/start", nil},
					{"POST", base + "/participants/invite", map[string]any{"number": "1" + created.ExtensionNumber}},
					{"POST", base + "/lock", nil},
					{"GET", base + "/status", nil},
					{"GET", base + "/participants", nil},
					{"GET", "/api/user/meetings?orderby=extension_number+desc&top=3", nil},
					{"POST", base + "/stop", nil},
				} {
					if r := u.do(req.method, req.path, req.body); r.status >= 300 {
						t.Errorf("%s %s %s: %d %s", user, req.method, req.path, r.status, r.body)
					}
				}
				if i%2 == 1 {
					u.do("POST", base+"/destroy", nil)
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range perUser {
			// Rooms take numbers in the meetings' range too; neither may
			// take the other's.
			h.do("POST", "/api/conference_rooms", audioRoom(fmt.Sprintf("%d", portsip.MeetingExtensionBase+3*i)))
			if _, err := h.api.Snapshot(); err != nil {
				t.Error(err)
			}
		}
	}()
	wg.Wait()

	seen := map[string]string{}
	claim := func(ext, what string) {
		if other, dup := seen[ext]; dup {
			t.Errorf("extension %s held by %s and %s", ext, other, what)
		}
		seen[ext] = what
	}
	for _, r := range h.api.Rooms() {
		claim(r.ExtensionNumber, "room "+r.ID)
	}
	for user, password := range users {
		ms := h.api.Meetings(user)
		for _, m := range ms {
			claim(m.ExtensionNumber, "meeting "+m.ID)
		}
		var l page[map[string]any]
		h.as(user, password).ok(200, "GET", "/api/user/meetings", nil, &l)
		if l.Count != perUser/2 || len(ms) != perUser/2 {
			t.Errorf("%s lists %d meetings and has %d, want %d", user, l.Count, len(ms), perUser/2)
		}
	}
}
