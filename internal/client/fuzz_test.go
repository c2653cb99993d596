package client

import (
	"testing"
	"time"
)

// FuzzParseRetryAfter: whatever a server sends, the wait is never negative,
// and a number of seconds is never read as a shorter wait than it says (an
// overflow would make the client retry at once).
func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"3", "0.5", "Tue, 01 Jan 2030 00:00:10 GMT", "-1", "1e300", "NaN", "+Inf", "0x10", " 7 "} {
		f.Add(s)
	}
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v string) {
		d, ok := ParseRetryAfter(v, now)
		if !ok {
			return
		}
		if d < 0 {
			t.Fatalf("ParseRetryAfter(%q) = %v, a negative wait", v, d)
		}
		if again, _ := ParseRetryAfter(v, now); again != d {
			t.Fatalf("ParseRetryAfter(%q) is not stable: %v then %v", v, d, again)
		}
	})
}
