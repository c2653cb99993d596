package client

import (
	"sync"
	"time"
)

// Budget is a rate limit a platform publishes as points per period, each
// request costing points by its kind (Whereby: 100 or 1000 points a minute;
// GET 1, DELETE 2, POST 3). A client with a Budget spaces its own requests so
// that a large apply stays inside it instead of running into 429s, and waits
// out a 429 for every request, not just the one that got it.
type Budget struct {
	// Points may be spent in any Window.
	Points int
	Window time.Duration
	// Cost is the price of one request with this method, at least 1. A cost
	// above Points is charged as Points, so that such a request still goes
	// out, alone in its window.
	Cost func(method string) int
}

// windowSlack widens the window the client counts in, as a share of the
// Window: a request reaches the server a little after it leaves, and two
// requests a window apart must not land in one of the server's windows.
const windowSlack = 50 // 1/50 = 2%, 1.2 s of a minute

// pacer keeps a Budget. It counts spending in a sliding window: whatever
// window the server counts in (fixed or sliding, aligned however), none can
// then hold more than Points. A token bucket of Points, refilled at
// Points/Window, could not promise that: it can spend its full bucket and
// then its refill within one window, twice the budget.
//
// Requests take their turn in order: each reserves the earliest time at
// which its cost fits, not before the reservation ahead of it, and waits
// until then. The reservations are the record of what was spent.
type pacer struct {
	budget Budget
	window time.Duration

	mu    sync.Mutex
	spent []spend // in time order; older than a window are dropped
	// blocked is when a 429 said the server would take requests again.
	blocked time.Time
}

type spend struct {
	at     time.Time
	points int
}

func newPacer(b Budget) *pacer {
	return &pacer{budget: b, window: b.Window + b.Window/windowSlack}
}

// reserve books a request with method at the earliest time its cost fits the
// budget, and returns how long to wait from now until then.
func (p *pacer) reserve(now time.Time, method string) time.Duration {
	cost := min(max(p.budget.Cost(method), 1), p.budget.Points)
	p.mu.Lock()
	defer p.mu.Unlock()

	// Spending a window or more ago counts for no future reservation.
	drop := 0
	for drop < len(p.spent) && !p.spent[drop].at.After(now.Add(-p.window)) {
		drop++
	}
	p.spent = p.spent[drop:]

	at := now
	if p.blocked.After(at) {
		at = p.blocked
	}
	if n := len(p.spent); n > 0 && p.spent[n-1].at.After(at) {
		at = p.spent[n-1].at
	}
	// Points spent in the window that ends at at: (at-window, at].
	first := 0
	for first < len(p.spent) && !p.spent[first].at.After(at.Add(-p.window)) {
		first++
	}
	used := 0
	for _, s := range p.spent[first:] {
		used += s.points
	}
	// Until the cost fits, move at to when the oldest spending in the
	// window leaves it.
	for ; used+cost > p.budget.Points; first++ {
		at = p.spent[first].at.Add(p.window)
		used -= p.spent[first].points
	}
	p.spent = append(p.spent, spend{at: at, points: cost})
	return at.Sub(now)
}

// throttled records that the server refused a request until now+wait: no
// request goes out before then, whatever the budget's own count says (the
// budget may be shared with other clients, as Whereby's is across an
// organization's API keys).
func (p *pacer) throttled(now time.Time, wait time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if until := now.Add(wait); until.After(p.blocked) {
		p.blocked = until
	}
}
