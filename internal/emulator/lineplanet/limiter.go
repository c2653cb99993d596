package lineplanet

import (
	"fmt"
	"sync"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// admit is the Router's admission rule: NOTES.md "100 requests per second per
// service", where the service is the path's room service ID.
func (a *API) admit(req *platform.Request) (platform.Reply, bool) {
	if a.limiter.allow(req.PathValue("svc")) {
		return platform.Reply{}, true
	}
	// The document names no header; Retry-After tells a client how long one
	// token takes at most.
	rep := a.failure(codeTooManyRequests,
		fmt.Sprintf("too many requests: at most %d requests per second per service", a.opts.RequestsPerSecond))
	return rep.WithHeader("Retry-After", "1"), false
}

// limiter is a token bucket per service. It runs on the wall clock, not the
// emulator's: a frozen emulated clock must not starve the bucket, nor a jump
// forward refill it.
type limiter struct {
	mu      sync.Mutex
	rate    int
	now     func() time.Time
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLimiter(rate int, now func() time.Time) *limiter {
	return &limiter{rate: rate, now: now, buckets: map[string]*bucket{}}
}

func (l *limiter) allow(svc string) bool {
	if l.rate < 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.buckets[svc]
	if b == nil {
		b = &bucket{tokens: float64(l.rate), last: now}
		l.buckets[svc] = b
	}
	if d := now.Sub(b.last); d > 0 {
		b.tokens = min(float64(l.rate), b.tokens+d.Seconds()*float64(l.rate))
		b.last = now
	}
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

func (l *limiter) reset() {
	l.mu.Lock()
	l.buckets = map[string]*bucket{}
	l.mu.Unlock()
}
