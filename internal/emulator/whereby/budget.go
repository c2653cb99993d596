package whereby

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// Costs in points (whereby-openapi.json, "Rate limiting": "A read request
// consumes 1 point, a delete consumes 2 points and a write request consumes 3
// points").
func cost(method string) int {
	switch method {
	case http.MethodGet, http.MethodHead:
		return 1
	case http.MethodDelete:
		return 2
	default:
		return 3
	}
}

// budgetWindow is the budget's period: the document's examples spend the
// budget "within 1 minute".
const budgetWindow = time.Minute

// budget is the organization's points per minute. The document does not say
// how the minute is counted; the emulator uses a fixed window that opens with
// the first request after the previous window closed, and lasts one minute on
// the emulator's clock (so that tests can advance past it). msLeft is then
// exactly the time until the window closes, which is what the document's
// example message, "Rate limit active for throttle key: organization:1",
// suggests: one key per organization, active until its window ends. A
// throttled request consumes nothing.
type budget struct {
	mu     sync.Mutex
	points int // 0: no limit
	start  time.Time
	used   int
}

func (b *budget) reset() {
	b.mu.Lock()
	b.start, b.used = time.Time{}, 0
	b.mu.Unlock()
}

// charge spends cost points at now. It returns the window's end and the
// points left, and whether the request may go ahead.
func (b *budget) charge(now time.Time, cost int) (end time.Time, left int, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	// A clock moved back before the window opened starts a new one, as a
	// window that has closed does.
	if b.start.IsZero() || now.Before(b.start) || !now.Before(b.start.Add(budgetWindow)) {
		b.start, b.used = now, 0
	}
	end = b.start.Add(budgetWindow)
	if b.used+cost > b.points {
		return end, b.points - b.used, false
	}
	b.used += cost
	return end, b.points - b.used, true
}

// metered charges each request to the budget before h runs. The reply, and a
// 429 in its place, carry the headers the document names: "You may read the
// Retry-After (seconds) or X-RateLimit-Reset (date) response headers ... the
// X-RateLimit-Limit header includes the total number of points for your
// organization, and the X-RateLimit-Remaining header displays the remaining
// available points".
func (a *API) metered(h handlerFunc) handlerFunc {
	return func(req *request) reply {
		if a.budget.points <= 0 {
			return h(req)
		}
		now := a.clock.Now()
		end, left, ok := a.budget.charge(now, cost(req.Method))
		var rep reply
		if ok {
			rep = h(req)
		} else {
			wait := end.Sub(now)
			ms := wait.Milliseconds()
			if wait%time.Millisecond != 0 {
				ms++ // rounded up: waiting msLeft must be enough
			}
			rep = platform.JSON(http.StatusTooManyRequests, Error{
				Error: "Rate limit active for throttle key: organization:1",
				Data:  &ErrorData{MSLeft: ms},
			}).WithHeader("Retry-After", strconv.FormatInt((ms+999)/1000, 10))
		}
		// An HTTP date has whole seconds: round the reset up to the next one.
		reset := end.Add(time.Second - time.Nanosecond).Truncate(time.Second)
		return rep.
			WithHeader("X-RateLimit-Limit", strconv.Itoa(a.budget.points)).
			WithHeader("X-RateLimit-Remaining", strconv.Itoa(left)).
			WithHeader("X-RateLimit-Reset", reset.UTC().Format(http.TimeFormat))
	}
}
