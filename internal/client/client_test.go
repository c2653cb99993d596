package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	neturl "net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// recordSleep replaces waiting so that tests see each backoff without taking it.
type recordSleep struct{ waits []time.Duration }

func (r *recordSleep) sleep(ctx context.Context, d time.Duration) error {
	r.waits = append(r.waits, d)
	return ctx.Err()
}

func newTestClient(t *testing.T, h http.HandlerFunc, mod func(*Config)) (*Client, *recordSleep) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	rs := &recordSleep{}
	cfg := Config{Platform: "Test", BaseURL: srv.URL + "/api", MaxRetries: 3, Sleep: rs.sleep,
		MinBackoff: 100 * time.Millisecond, MaxBackoff: time.Second}
	if mod != nil {
		mod(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c, rs
}

func TestRetriesRateLimitHonoringRetryAfter(t *testing.T) {
	var calls atomic.Int32
	c, rs := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) < 3 {
			w.Header().Set("Retry-After", "7")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		_, _ = io.WriteString(w, `{"ok":true}`)
	}, nil)
	// A create (POST) is retried after a 429: the server did not process it.
	resp, err := c.Do(context.Background(), Request{Method: http.MethodPost, Path: "/things", Body: map[string]int{"a": 1}})
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != `{"ok":true}` || calls.Load() != 3 {
		t.Fatalf("body %s after %d calls", resp.Body, calls.Load())
	}
	if len(rs.waits) != 2 || rs.waits[0] != 7*time.Second || rs.waits[1] != 7*time.Second {
		t.Fatalf("waits = %v, want two of 7s from Retry-After", rs.waits)
	}
}

// Answered counts the calls that succeed, once each however many attempts
// they took, and none that failed.
func TestAnsweredCountsSuccessfulCalls(t *testing.T) {
	var calls, answered atomic.Int32
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/api/missing":
			w.WriteHeader(http.StatusNotFound)
		case calls.Add(1) == 1:
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			_, _ = io.WriteString(w, `{}`)
		}
	}, func(cfg *Config) { cfg.Answered = func() { answered.Add(1) } })
	for _, path := range []string{"/page/1", "/page/2", "/missing"} {
		_, _ = c.Do(context.Background(), Request{Method: http.MethodGet, Path: path})
	}
	if answered.Load() != 2 {
		t.Errorf("Answered was called %d times, want 2", answered.Load())
	}
}

func TestRetryAfterIsCapped(t *testing.T) {
	var calls atomic.Int32
	c, rs := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After", "86400")
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}, func(c *Config) { c.MaxRetryAfter = 5 * time.Second })
	if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"}); err != nil {
		t.Fatal(err)
	}
	if len(rs.waits) != 1 || rs.waits[0] != 5*time.Second {
		t.Fatalf("waits = %v, want [5s]", rs.waits)
	}
}

func TestServerErrorRetriedOnlyWhenIdempotent(t *testing.T) {
	for _, tc := range []struct {
		name      string
		req       Request
		status    int
		wantCalls int32
	}{
		{"GET retried", Request{Method: http.MethodGet, Path: "/x"}, http.StatusBadGateway, 4},
		{"POST create not retried", Request{Method: http.MethodPost, Path: "/x"}, http.StatusBadGateway, 1},
		{"POST marked idempotent retried", Request{Method: http.MethodPost, Path: "/x", Idempotent: true}, http.StatusBadGateway, 4},
		{"DELETE retried", Request{Method: http.MethodDelete, Path: "/x"}, http.StatusBadGateway, 4},
		// A proxy answers 503 for a request the server may have acted on.
		{"POST create not retried after 503", Request{Method: http.MethodPost, Path: "/x"}, http.StatusServiceUnavailable, 1},
		{"GET retried after 503", Request{Method: http.MethodGet, Path: "/x"}, http.StatusServiceUnavailable, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int32
			c, rs := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
				calls.Add(1)
				w.WriteHeader(tc.status)
			}, nil)
			_, err := c.Do(context.Background(), tc.req)
			if StatusCode(err) != tc.status {
				t.Fatalf("err = %v, want HTTP %d", err, tc.status)
			}
			if !OutcomeUnknown(err) {
				t.Errorf("OutcomeUnknown(%v) = false after a %d", err, tc.status)
			}
			if calls.Load() != tc.wantCalls {
				t.Fatalf("calls = %d, want %d", calls.Load(), tc.wantCalls)
			}
			for i, w := range rs.waits {
				if w < 100*time.Millisecond || w > time.Second {
					t.Errorf("wait %d = %v, outside [MinBackoff, MaxBackoff]", i, w)
				}
			}
		})
	}
}

func TestClientErrorsAreNotRetriedAndCarryTheEnvelope(t *testing.T) {
	var calls atomic.Int32
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusBadRequest)
		_, _ = io.WriteString(w, `{"code":"VALIDATE_FAILED","msg":"capacity must be between 1 and 200"}`)
	}, func(c *Config) {
		c.DecodeError = func(status int, _ http.Header, body []byte) *APIError {
			var e struct{ Code, Msg string }
			_ = json.Unmarshal(body, &e)
			return &APIError{Code: e.Code, Message: e.Msg}
		}
	})
	_, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"})
	want := "VALIDATE_FAILED: capacity must be between 1 and 200 (HTTP 400)"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Platform != "Test" || apiErr.StatusCode != http.StatusBadRequest {
		t.Fatalf("errors.As APIError = %+v", apiErr)
	}
	if calls.Load() != 1 {
		t.Fatalf("a 400 was retried: %d calls", calls.Load())
	}
}

func TestNotFound(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNotFound) }, nil)
	_, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"})
	if !IsNotFound(err) {
		t.Fatalf("IsNotFound(%v) = false", err)
	}
}

// A request that never left (nothing listens) is retried whatever its
// method, and the error says how many tries and how long it took.
func TestUnreachableRetriedForEveryMethod(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		rs := &recordSleep{}
		c, err := New(Config{Platform: "Test", BaseURL: url + "/api", MaxRetries: 2, Sleep: rs.sleep})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Do(context.Background(), Request{Method: m, Path: "/x", Query: neturl.Values{"token": {"secret"}}})
		if len(rs.waits) != 2 {
			t.Errorf("%s: %d retries, want 2", m, len(rs.waits))
		}
		var u *UnreachableError
		if !errors.As(err, &u) || u.Attempts != 3 || !IsUnreachable(err) || IsTimeout(err) || OutcomeUnknown(err) {
			t.Fatalf("%s: err = %v, want an UnreachableError after 3 tries", m, err)
		}
		if msg := err.Error(); !strings.Contains(msg, "Test could not be reached at "+url+"/api after 3 tries") ||
			!strings.Contains(msg, "connection refused") || strings.Contains(msg, "secret") {
			t.Errorf("%s: message %q", m, msg)
		}
	}
}

// A request the server received and then lost the connection on may have
// been acted on: a POST is not repeated, a GET is.
func TestBrokenConnectionRetriedForIdempotentOnly(t *testing.T) {
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		var calls atomic.Int32
		c, rs := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
			calls.Add(1)
			conn, _, err := http.NewResponseController(w).Hijack()
			if err == nil {
				conn.Close()
			}
		}, nil)
		_, err := c.Do(context.Background(), Request{Method: m, Path: "/x", Body: map[string]int{"a": 1}})
		want := 3
		if m == http.MethodPost {
			want = 0
		}
		if err == nil || IsUnreachable(err) || len(rs.waits) != want {
			t.Errorf("%s: %d retries (want %d), err %v (must not be unreachable: the server got it)", m, len(rs.waits), want, err)
		}
		if !OutcomeUnknown(err) {
			t.Errorf("%s: OutcomeUnknown(%v) = false for a request the server got and never answered", m, err)
		}
	}
}

func TestPerAttemptTimeout(t *testing.T) {
	var calls atomic.Int32
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			<-r.Context().Done() // hang until the client gives up
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}, func(c *Config) { c.Timeout = 50 * time.Millisecond })
	if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/slow"}); err != nil {
		t.Fatalf("second attempt should succeed: %v", err)
	}
	if calls.Load() != 2 {
		t.Fatalf("calls = %d, want 2", calls.Load())
	}
}

func TestContextCancellationStopsRetrying(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		cancel()
		w.WriteHeader(http.StatusServiceUnavailable)
	}, func(c *Config) { c.Sleep = sleepContext })
	_, err := c.Do(ctx, Request{Method: http.MethodGet, Path: "/x"})
	if err == nil {
		t.Fatal("want an error after cancellation")
	}
}

// An error from the wait between attempts must stay visible next to the
// vendor's answer, so callers can tell a canceled wait from a vendor failure.
func TestFailedWaitWrapsBothErrors(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) }, func(c *Config) {
		c.Sleep = func(context.Context, time.Duration) error { return context.Canceled }
	})
	_, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"})
	var apiErr *APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want one that wraps the APIError and context.Canceled", err)
	}
}

type fakeAuth struct {
	token       atomic.Pointer[string]
	invalidated atomic.Int32
}

func newFakeAuth(token string) *fakeAuth {
	f := &fakeAuth{}
	f.token.Store(&token)
	return f
}

func (f *fakeAuth) Authenticate(_ context.Context, r *http.Request) error {
	r.Header.Set("Authorization", "Bearer "+*f.token.Load())
	return nil
}

func (f *fakeAuth) Invalidate() {
	f.invalidated.Add(1)
	fresh := "fresh"
	f.token.Store(&fresh)
}

func TestUnauthorizedReauthenticatesOnce(t *testing.T) {
	auth := newFakeAuth("stale")
	var calls atomic.Int32
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if r.Header.Get("Authorization") != "Bearer fresh" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}, func(c *Config) { c.Auth = auth })
	if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"}); err != nil {
		t.Fatal(err)
	}
	if auth.invalidated.Load() != 1 || calls.Load() != 2 {
		t.Fatalf("invalidated %d times over %d calls", auth.invalidated.Load(), calls.Load())
	}
}

func TestLogsNeverContainSecrets(t *testing.T) {
	const (
		password = "s3cr3t-Passw0rd"
		token    = "tok-abcdef-123456"
		pin      = "918273"
	)
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Set-Cookie", "session="+token)
		_, _ = io.WriteString(w, `{"access_token":"`+token+`","room":{"admin_pin":"`+pin+`","subject":"weekly"}}`)
	}, func(c *Config) { c.Auth = newFakeAuth(token) })
	q := map[string][]string{"token": {token}, "client_id": {"abc"}}
	_, err := c.Do(ctx, Request{Method: http.MethodPost, Path: "/auth/sign_in", Query: q,
		Body: map[string]any{"username": "admin", "password": password, "nested": []any{map[string]string{"room_pin": pin}}}})
	if err != nil {
		t.Fatal(err)
	}
	out := logs.String()
	if !strings.Contains(out, "weekly") || !strings.Contains(out, "admin") {
		t.Fatalf("TRACE logs should show non-secret fields; got:\n%s", out)
	}
	for _, secret := range []string{password, token, pin} {
		if strings.Contains(out, secret) {
			t.Errorf("secret %q appears in logs:\n%s", secret, out)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Duration{
		"3":                             3 * time.Second,
		"0.5":                           500 * time.Millisecond,
		"Tue, 01 Jan 2030 00:00:10 GMT": 10 * time.Second,
		"Mon, 31 Dec 2029 23:00:00 GMT": 0,
	} {
		got, ok := ParseRetryAfter(in, now)
		if !ok || got != want {
			t.Errorf("ParseRetryAfter(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "soon", "-1"} {
		if _, ok := ParseRetryAfter(bad, now); ok {
			t.Errorf("ParseRetryAfter(%q) accepted", bad)
		}
	}
}

func TestNewRejectsBadEndpoints(t *testing.T) {
	for _, u := range []string{"", "pbx.example.com", "ftp://pbx.example.com", "http://"} {
		if _, err := New(Config{Platform: "Test", BaseURL: u}); err == nil {
			t.Errorf("New accepted endpoint %q", u)
		}
	}
}

func TestInsecureSkipVerifyIsOptIn(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) }))
	defer srv.Close()
	for _, insecure := range []bool{false, true} {
		c, err := New(Config{Platform: "Test", BaseURL: srv.URL, MaxRetries: -1, InsecureSkipVerify: insecure})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"})
		if insecure && err != nil {
			t.Fatalf("insecure_skip_verify: %v", err)
		}
		if !insecure && (err == nil || !strings.Contains(err.Error(), "certificate")) {
			t.Fatalf("a self-signed certificate was accepted by default: %v", err)
		}
	}
}

type unreachableAuth struct{ calls atomic.Int32 }

func (a *unreachableAuth) Authenticate(context.Context, *http.Request) error {
	a.calls.Add(1)
	return fmt.Errorf("signing in: %w", &UnreachableError{Platform: "Test", Attempts: 4,
		Err: &transportError{err: errors.New("connection refused"), unsent: true}})
}

func (a *unreachableAuth) Invalidate() {}

// A sign-in that gave up on the platform is not tried again for the request
// it was for: its own retries were the tries.
func TestUnreachableSignInIsNotRetriedAgain(t *testing.T) {
	auth := &unreachableAuth{}
	c, rs := newTestClient(t, func(http.ResponseWriter, *http.Request) { t.Error("the request went out") },
		func(c *Config) { c.Auth = auth })
	_, err := c.Do(context.Background(), Request{Method: http.MethodPost, Path: "/x"})
	if !IsUnreachable(err) || auth.calls.Load() != 1 || len(rs.waits) != 0 {
		t.Fatalf("err %v after %d sign-ins and %d waits; want the sign-in's error at once", err, auth.calls.Load(), len(rs.waits))
	}
}

// A server that takes the request and never answers: the operation times
// out, and the platform was reached.
func TestHangingServerTimesOut(t *testing.T) {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() },
		func(c *Config) { c.Sleep = sleepContext })
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := c.Do(ctx, Request{Method: http.MethodPost, Path: "/x"})
	if !IsTimeout(err) || IsUnreachable(err) {
		t.Fatalf("err = %v, want a timeout of a reached platform", err)
	}
}
