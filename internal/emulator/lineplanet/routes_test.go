package lineplanet

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// The rate limit runs after auth and before the body is read: a limited
// request answers 429 whatever its body, and requests with bad credentials
// spend none of the service's budget.
func TestRateLimitOrder(t *testing.T) {
	h := newHarness(t)
	now := time.Unix(1_900_000_000, 0)
	h.api.limiter.now = func() time.Time { return now }
	for range 3 * DefaultRequestsPerSecond {
		if st, _ := h.do(http.MethodGet, "/tas/v2/gcall/busy/r/mtgs", "", ""); st != http.StatusUnauthorized {
			t.Fatalf("unauthenticated: HTTP %d", st)
		}
	}
	for i := range DefaultRequestsPerSecond {
		if st, out := h.do(http.MethodGet, "/tas/v2/gcall/busy/r/mtgs", docAuth, ""); st != http.StatusOK {
			t.Fatalf("request %d: HTTP %d %s", i+1, st, out)
		}
	}
	status, out := h.do(http.MethodPost, "/tas/v2/gcall/busy/r/mtg", docAuth, `{"type":`)
	if e := parseEnvelope(t, out); status != http.StatusTooManyRequests || e.Code != "429" {
		t.Fatalf("limited create with a bad body: HTTP %d %s", status, out)
	}
	// Unknown routes are not limited.
	h.expectError(http.MethodGet, "/tas/v2/gcall/busy/r/nothing", "", http.StatusNotFound, "404", "no such API")
}

// A body over the limit is code 400 in the envelope, not the mux's plain text.
func TestBodyTooLarge(t *testing.T) {
	h := newHarness(t)
	body := `{"title":"` + strings.Repeat(" ", maxBody) + `"}`
	h.expectError(http.MethodPost, "/tas/v2/gcall/ex-service/r/mtg", body, http.StatusBadRequest, "400",
		fmt.Sprintf("request body must be at most %d bytes", maxBody))
}

// A meeting seen expired is dropped, not hidden: moving the emulated clock back
// does not bring it back.
func TestExpiredMeetingStaysGone(t *testing.T) {
	const t0 = 1_900_000_000_000
	h := newHarness(t)
	h.at(t0)
	h.createMeeting("r", `{"type":"I"}`)
	h.at(t0 + 2*24*time.Hour.Milliseconds())
	if got := h.listMeetings("r"); len(got) != 0 {
		t.Fatalf("listed after expireAt: %+v", got)
	}
	h.at(t0)
	if got := h.listMeetings("r"); len(got) != 0 {
		t.Fatalf("an expired meeting came back: %+v", got)
	}
}

// Lists that drop expired meetings run beside each other and beside creates;
// with -race this checks that the list holds the write lock.
func TestConcurrentListsExpire(t *testing.T) {
	const t0 = 1_900_000_000_000
	h := newHarness(t)
	h.api.limiter.rate = -1
	h.at(t0)
	const rooms = 8
	for i := range rooms {
		h.createMeeting(fmt.Sprintf("r%d", i), `{"type":"I"}`)
	}
	h.at(t0 + 2*24*time.Hour.Milliseconds())
	var wg sync.WaitGroup
	for i := range rooms {
		wg.Add(3)
		for range 2 {
			go func() {
				defer wg.Done()
				h.do(http.MethodGet, fmt.Sprintf("/tas/v2/gcall/ex-service/r%d/mtgs", i), docAuth, "")
			}()
		}
		go func() {
			defer wg.Done()
			h.do(http.MethodPost, fmt.Sprintf("/tas/v2/gcall/ex-service/r%d/mtg", (i+1)%rooms), docAuth, `{"type":"S"}`)
		}()
	}
	wg.Wait()
	for i := range rooms {
		if got := h.listMeetings(fmt.Sprintf("r%d", i)); len(got) != 1 || got[0].Type != "S" {
			t.Fatalf("room r%d: %+v", i, got)
		}
	}
}
