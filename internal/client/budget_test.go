package client

import (
	"bytes"
	"context"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// fakeClock is a clock that sleeping moves forward, so that a test runs a
// long paced sequence at once.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	waits []time.Duration
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)} }

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.waits = append(f.waits, d)
	f.now = f.now.Add(d)
	return ctx.Err()
}

// wherebyCost is Whereby's price list, the budget's first user.
func wherebyCost(method string) int {
	switch method {
	case http.MethodGet:
		return 1
	case http.MethodDelete:
		return 2
	}
	return 3
}

// maxInWindow is the most points any window of length w holds.
func maxInWindow(spends []spend, w time.Duration) int {
	most := 0
	for i := range spends {
		sum := 0
		for _, s := range spends[i:] {
			if s.at.Sub(spends[i].at) < w {
				sum += s.points
			}
		}
		most = max(most, sum)
	}
	return most
}

func TestPacerNeverExceedsTheBudgetInAnyWindow(t *testing.T) {
	b := Budget{Points: 100, Window: time.Minute, Cost: wherebyCost}
	p := newPacer(b)
	clock := newFakeClock()
	methods := []string{http.MethodGet, http.MethodDelete, http.MethodPost}
	var log []spend
	for range 2000 {
		m := methods[rand.IntN(len(methods))]
		_ = clock.Sleep(context.Background(), p.reserve(clock.Now(), m))
		log = append(log, spend{at: clock.Now(), points: wherebyCost(m)})
		if rand.IntN(50) == 0 {
			_ = clock.Sleep(context.Background(), time.Duration(rand.IntN(90))*time.Second)
		}
	}
	if got := maxInWindow(log, time.Minute); got > 100 {
		t.Fatalf("a minute held %d points, the budget is 100", got)
	}
}

func TestPacerSpendsTheWholeBudget(t *testing.T) {
	// 150 creates at 3 points under 100 points a minute: 33 a window, so
	// the last starts in the fifth window, four windows (with slack) in.
	p := newPacer(Budget{Points: 100, Window: time.Minute, Cost: wherebyCost})
	clock := newFakeClock()
	start := clock.Now()
	for range 150 {
		_ = clock.Sleep(context.Background(), p.reserve(clock.Now(), http.MethodPost))
	}
	want := 4 * (time.Minute + time.Minute/windowSlack)
	if got := clock.Now().Sub(start); got != want {
		t.Fatalf("150 creates took %v, want %v", got, want)
	}
}

func TestPacerConcurrentRequestsTakeTurns(t *testing.T) {
	p := newPacer(Budget{Points: 10, Window: time.Second, Cost: func(string) int { return 1 }})
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	var log []spend
	var wg sync.WaitGroup
	for range 35 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			at := now.Add(p.reserve(now, http.MethodGet))
			mu.Lock()
			log = append(log, spend{at: at, points: 1})
			mu.Unlock()
		}()
	}
	wg.Wait()
	counts := map[time.Duration]int{}
	for _, s := range log {
		counts[s.at.Sub(now)]++
	}
	slot := time.Second + time.Second/windowSlack
	for i, want := range []int{10, 10, 10, 5} {
		if counts[time.Duration(i)*slot] != want {
			t.Fatalf("reservations by start time %v; want 10, 10, 10, 5 a window of %v", counts, slot)
		}
	}
}

func TestPacerChargesAnOversizedRequestTheWholeBudget(t *testing.T) {
	p := newPacer(Budget{Points: 2, Window: time.Second, Cost: wherebyCost})
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	if d := p.reserve(now, http.MethodPost); d != 0 {
		t.Fatalf("first POST waits %v", d)
	}
	if d := p.reserve(now, http.MethodGet); d <= 0 {
		t.Fatalf("a GET after a POST that took the whole budget did not wait")
	}
}

func TestBudgetPacesRequestsAndA429BlocksEveryone(t *testing.T) {
	clock := newFakeClock()
	var calls atomic.Int32
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 3 {
			// Another client spent the shared budget.
			w.Header().Set("Retry-After", "40")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = io.WriteString(w, `{"data":{"msLeft":39750}}`)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}, func(cfg *Config) {
		cfg.Now, cfg.Sleep = clock.Now, clock.Sleep
		cfg.Budget = &Budget{Points: 6, Window: time.Minute, Cost: wherebyCost}
		cfg.RetryAfterFromBody = func(body []byte) (time.Duration, bool) {
			if bytes.Contains(body, []byte(`"msLeft":39750`)) {
				return 39750 * time.Millisecond, true
			}
			return 0, false
		}
	})
	ctx := context.Background()
	for range 2 { // 3 + 3 points: the budget
		if _, err := c.Do(ctx, Request{Method: http.MethodPost, Path: "/m"}); err != nil {
			t.Fatal(err)
		}
	}
	if len(clock.waits) != 0 {
		t.Fatalf("waited %v inside the budget", clock.waits)
	}
	// The third POST waits for the budget (a minute and its slack), is
	// throttled anyway, and waits msLeft, not Retry-After's rounded 40 s.
	if _, err := c.Do(ctx, Request{Method: http.MethodPost, Path: "/m"}); err != nil {
		t.Fatal(err)
	}
	slot := time.Minute + time.Minute/windowSlack
	if len(clock.waits) != 2 || clock.waits[0] != slot || clock.waits[1] != 39750*time.Millisecond {
		t.Fatalf("waits %v, want [%v 39.75s]", clock.waits, slot)
	}
	// The block applies to every request: one sent now (clock moved back to
	// when the 429 came) would wait out the rest of it.
	p := c.pacer
	if d := p.reserve(clock.Now().Add(-10*time.Second), http.MethodGet); d < 10*time.Second {
		t.Fatalf("a request during the block would wait %v", d)
	}
}

func TestRetryAfterFromBodyFallsBackToTheHeader(t *testing.T) {
	var calls atomic.Int32
	c, rs := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After", "2")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = io.WriteString(w, `{"error":"slow down"}`)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}, func(cfg *Config) {
		cfg.RetryAfterFromBody = func([]byte) (time.Duration, bool) { return 0, false }
	})
	if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"}); err != nil {
		t.Fatal(err)
	}
	if len(rs.waits) != 1 || rs.waits[0] != 2*time.Second {
		t.Fatalf("waits %v, want [2s]", rs.waits)
	}
}

func TestNewRejectsAnIncompleteBudget(t *testing.T) {
	for _, b := range []Budget{{Window: time.Minute, Cost: wherebyCost}, {Points: 1, Cost: wherebyCost}, {Points: 1, Window: time.Minute}} {
		if _, err := New(Config{Platform: "Test", BaseURL: "http://x", Budget: &b}); err == nil {
			t.Errorf("budget %+v accepted", b)
		}
	}
}

func TestPlatformSecretFieldsAreRedacted(t *testing.T) {
	const streamKey, s3Secret = "live-stream-key-123", "aws-secret-456"
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"roomUrl":"https://x.test/room"}`)
	}, func(cfg *Config) { cfg.SecretFields = []string{"url"} })
	body := map[string]any{
		"streaming": map[string]any{"destination": map[string]any{"url": "rtmp://a.rtmp.youtube.com/live2/" + streamKey}},
		"recording": map[string]any{"destination": map[string]any{"accessKeySecret": s3Secret, "bucket": "visible-bucket"}},
	}
	if _, err := c.Do(ctx, Request{Method: http.MethodPost, Path: "/meetings", Body: body}); err != nil {
		t.Fatal(err)
	}
	out := logs.String()
	if !strings.Contains(out, "visible-bucket") || !strings.Contains(out, "https://x.test/room") {
		t.Fatalf("TRACE logs should show the other fields; got:\n%s", out)
	}
	for _, secret := range []string{streamKey, s3Secret} {
		if strings.Contains(out, secret) {
			t.Errorf("secret %q appears in logs:\n%s", secret, out)
		}
	}
}
