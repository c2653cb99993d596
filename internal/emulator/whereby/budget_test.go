package whereby_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
)

func TestPointsBudget(t *testing.T) {
	h := newHarness(t, func(o *whereby.Options) { o.PointsPerMinute = 10 })
	// POST 3 + DELETE 2 + GET 1 + GET 1 + POST 3 = 10 points.
	m := h.create(meetingEnding(t0.Add(time.Hour)))
	h.ok(204, "DELETE", "/v1/meetings/"+m.MeetingID, nil, nil)
	h.ok(200, "GET", "/v1/meetings", nil, nil)
	r := h.ok(404, "GET", "/v1/meetings/"+m.MeetingID, nil, nil) // errors cost too
	if r.Header.Get("X-RateLimit-Limit") != "10" || r.Header.Get("X-RateLimit-Remaining") != "3" {
		t.Errorf("headers after 7 points: limit %q remaining %q", r.Header.Get("X-RateLimit-Limit"), r.Header.Get("X-RateLimit-Remaining"))
	}
	h.clock.Advance(20*time.Second + 250*time.Millisecond)
	h.create(meetingEnding(t0.Add(time.Hour)))
	// The budget is spent: the next request is throttled until the window
	// that opened at t0 closes, 39.75 s from now.
	r = h.do("GET", "/v1/meetings", nil)
	expectError(t, r, http.StatusTooManyRequests)
	var env whereby.Error
	mustJSON(t, r.Body, &env)
	if env.Data == nil || env.Data.MSLeft != 39750 {
		t.Fatalf("429 body %s: want data.msLeft 39750", r.Body)
	}
	if got := r.Header.Get("Retry-After"); got != "40" {
		t.Errorf("Retry-After %q, want 40 (seconds, rounded up)", got)
	}
	if got := r.Header.Get("X-RateLimit-Reset"); got != t0.Add(time.Minute).Format(http.TimeFormat) {
		t.Errorf("X-RateLimit-Reset %q", got)
	}
	if r.Header.Get("X-RateLimit-Remaining") != "0" {
		t.Errorf("remaining %q", r.Header.Get("X-RateLimit-Remaining"))
	}
	// A throttled request costs nothing, nor does one without the key.
	expectError(t, h.doWith("GET", "/v1/meetings", "", nil), 401)
	h.clock.Advance(39749 * time.Millisecond)
	expectError(t, h.do("DELETE", "/v1/meetings/x", nil), 429)
	h.clock.Advance(time.Millisecond)
	// A new window: 10 points again.
	for range 3 {
		h.create(meetingEnding(t0.Add(2 * time.Hour)))
	}
	r = h.ok(200, "GET", "/v1/meetings", nil, nil)
	if r.Header.Get("X-RateLimit-Remaining") != "0" {
		t.Errorf("remaining %q after 10 points", r.Header.Get("X-RateLimit-Remaining"))
	}
	// Rounding: 1 ms left is 1 msLeft and 1 second of Retry-After.
	h.clock.Advance(time.Minute - time.Millisecond)
	r = h.do("GET", "/v1/meetings", nil)
	mustJSON(t, r.Body, &env)
	if env.Data.MSLeft != 1 || r.Header.Get("Retry-After") != "1" {
		t.Errorf("msLeft %d Retry-After %q, want 1 and 1", env.Data.MSLeft, r.Header.Get("Retry-After"))
	}
	// Reset drops the budget's window with everything else.
	h.api.Reset()
	h.ok(200, "GET", "/v1/meetings", nil, nil)
}

func TestNoBudgetByDefault(t *testing.T) {
	h := newHarness(t)
	for range 400 {
		r := h.do("GET", "/v1/meetings", nil)
		if r.Status != 200 || r.Header.Get("X-RateLimit-Limit") != "" {
			t.Fatalf("%d %v", r.Status, r.Header)
		}
	}
}

func TestInjectedThrottleCarriesMsLeft(t *testing.T) {
	api := whereby.New(nil, whereby.Options{})
	w := httptest.NewRecorder()
	w.Header().Set("Retry-After", "7")
	api.WriteError(w, http.StatusTooManyRequests, "injected")
	var env whereby.Error
	mustJSON(t, w.Body.Bytes(), &env)
	if w.Code != 429 || env.Error != "injected" || env.Data == nil || env.Data.MSLeft != 7000 {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	w = httptest.NewRecorder()
	api.WriteError(w, http.StatusServiceUnavailable, "down")
	if w.Code != 503 || w.Body.String() != `{"error":"down"}`+"\n" {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
}
