package whereby_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/emulator"
	emuwhereby "github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// TestAccMeetingRefreshByThePage refreshes 500 meetings, as a no-op plan
// does (-parallelism=10), in an organization whose budget is 100 points a
// minute, with the client's default pacing to it: 5 pages of the list
// instead of 500 GETs, so no 429 and no wait for the budget.
func TestAccMeetingRefreshByThePage(t *testing.T) {
	e := acctest.NewEmulatorWith(t, emulator.Options{Whereby: emuwhereby.Options{PointsPerMinute: 100}})
	const n = 500
	end := time.Now().UTC().AddDate(1, 0, 0).Truncate(time.Second).Format(time.RFC3339)
	ids := make([]string, n)
	for i := range ids {
		// 3 points a create: two seconds of the emulator's clock apart
		// keeps the seeding inside the budget.
		ids[i] = e.WherebyCreate(t, map[string]any{"endDate": end, "fields": []string{"hostRoomUrl"}})
		e.AdvanceClock(t, 2*time.Second)
	}
	e.AdvanceClock(t, time.Minute)
	e.Admin(t, http.MethodDelete, "journal", nil)

	c, err := whereby.New(whereby.Config{Endpoint: e.URL, APIKey: emulator.DefaultCredential(&platforms.Whereby, "api_key")})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	errs := map[string]error{}
	hosts := 0
	acctest.ReadAll(ids, 10, func(id string) {
		m, err := c.GetMeeting(context.Background(), id, whereby.FieldHostRoomURL)
		mu.Lock()
		errs[id] = err
		if err == nil && m.MeetingID == id && m.HostRoomURL != "" {
			hosts++
		}
		mu.Unlock()
	})
	for id, err := range errs {
		if err != nil {
			t.Fatalf("read %s: %v", id, err)
		}
	}
	if hosts != n {
		t.Errorf("%d of %d reads answered the meeting with the host room URL asked for", hosts, n)
	}
	journal := e.Journal(t)
	for _, j := range journal {
		if j.Method != http.MethodGet || j.Status == http.StatusTooManyRequests {
			t.Errorf("the refresh sent %s %s and got %d", j.Method, j.Path, j.Status)
		}
	}
	// ceil(N/100) pages, and at most one GET by the first read.
	if len(journal) > n/100+2 {
		t.Errorf("refreshing %d meetings sent %d requests, want at most %d", n, len(journal), n/100+2)
	}
	t.Logf("refreshing %d meetings: %d requests, %d points", n, len(journal), len(journal))
}

// TestRefreshAfterALargeApplyWaitsOnce: a fresh process (a new client, whose
// pacer knows nothing of what was spent) refreshes 500 meetings right after
// an apply spent the organization's budget: the listing's first page meets
// the 429, every read waits for it, and the refresh waits once.
func TestRefreshAfterALargeApplyWaitsOnce(t *testing.T) {
	s := startEmulator(t, emuwhereby.Options{PointsPerMinute: 100})
	apply := s.newClient(t, 100)
	ctx := context.Background()
	const n = 500
	ids := make([]string, n)
	for i := range ids {
		m, err := apply.CreateMeeting(ctx, whereby.CreateMeetingInput{EndDate: t0.Add(24 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = m.MeetingID
	}
	s.mu.Lock()
	s.waits, s.statuses = nil, map[int]int{}
	s.mu.Unlock()

	refresh := s.newClient(t, 100)
	var mu sync.Mutex
	var errs []error
	acctest.ReadAll(ids, 10, func(id string) {
		if _, err := refresh.GetMeeting(ctx, id); err != nil {
			mu.Lock()
			errs = append(errs, err)
			mu.Unlock()
		}
	})
	for _, err := range errs {
		t.Fatal(err)
	}
	if got := s.count(http.StatusTooManyRequests); got > 1 {
		t.Errorf("the refresh met %d 429s, want at most one", got)
	}
	if len(s.waits) > 1 {
		t.Errorf("the refresh waited %d times (%v), want once", len(s.waits), s.waits)
	}
	if got := s.count(http.StatusOK); got > n/100+1 {
		t.Errorf("the refresh was answered %d times, want at most %d", got, n/100+1)
	}
}
