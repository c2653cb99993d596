package platform

import (
	"sync"
	"time"
)

// Clock is the emulator's notion of now. Tests and users move it forward through
// the admin API to expire LINE meeting IDs or Whereby rooms without waiting.
type Clock struct {
	mu     sync.RWMutex
	offset time.Duration
	fixed  *time.Time
	base   func() time.Time
}

// NewClock returns a clock that follows the wall clock.
func NewClock() *Clock { return &Clock{base: time.Now} }

// Now returns the emulated time.
func (c *Clock) Now() time.Time {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.fixed != nil {
		return c.fixed.Add(c.offset)
	}
	return c.base().Add(c.offset)
}

// Advance moves the clock forward by d (backward if negative).
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.offset += d
	c.mu.Unlock()
}

// Set makes Now return t from this instant on, still ticking with the wall clock.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	c.offset = t.Sub(c.base())
	c.mu.Unlock()
}

// Freeze stops the clock at its current time (or t when non-zero), so that tests
// can assert exact timestamps. Advance still moves it.
func (c *Clock) Freeze(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t.IsZero() {
		if c.fixed != nil {
			t = c.fixed.Add(c.offset)
		} else {
			t = c.base().Add(c.offset)
		}
	}
	c.fixed = &t
	c.offset = 0
}

// Reset returns the clock to the wall clock.
func (c *Clock) Reset() {
	c.mu.Lock()
	c.offset = 0
	c.fixed = nil
	c.mu.Unlock()
}

// Offset reports how far the clock is from the wall clock, for the admin API.
func (c *Clock) Offset() time.Duration {
	return c.Now().Sub(c.base())
}
