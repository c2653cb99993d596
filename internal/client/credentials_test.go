package client

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// signInServer answers POST /api/sign_in with 401 unless the password is
// "right", and counts the sign-ins.
func signInServer(t *testing.T, signIns *atomic.Int32) func(*Config) *Client {
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/sign_in" {
			signIns.Add(1)
			if r.Header.Get("X-Password") != "right" {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
		}
		w.WriteHeader(http.StatusNoContent)
	}, nil)
	return func(cfg *Config) *Client {
		cfg.Platform, cfg.BaseURL = "Test", c.cfg.BaseURL
		out, err := New(*cfg)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
}

func signIn(c *Client, password string) error {
	_, err := c.Do(context.Background(), Request{
		Method: http.MethodPost, Path: "/sign_in", Header: http.Header{"X-Password": {password}},
		NoAuth: true, Idempotent: true, SignIn: true,
	})
	return err
}

func TestRefusedSignInIsSentOnce(t *testing.T) {
	var signIns atomic.Int32
	build := signInServer(t, &signIns)
	reg := NewRegistry()
	c := build(&Config{Credentials: reg.Remembered("Test", "test.password (set by TEST_PASSWORD)", t.Name(), "password=wrong")})
	first := signIn(c, "wrong")
	if !IsRefused(first) || !strings.Contains(first.Error(), "Correct test.password (set by TEST_PASSWORD)") || !strings.Contains(first.Error(), "HTTP 401") {
		t.Fatalf("first sign-in: %v", first)
	}
	// A second client with the same credentials (another alias) shares the memory.
	again := build(&Config{Credentials: reg.Remembered("Test", "test.password (set by TEST_PASSWORD)", t.Name(), "password=wrong")})
	for _, cl := range []*Client{c, again} {
		if err := signIn(cl, "wrong"); err == nil || err.Error() != first.Error() {
			t.Errorf("later sign-in: %v, want the first refusal again", err)
		}
	}
	if n := signIns.Load(); n != 1 {
		t.Errorf("%d sign-ins reached the server, want 1 (a 401 is never retried nor repeated)", n)
	}
	// Other credentials are independent.
	other := build(&Config{Credentials: reg.Remembered("Test", "", t.Name(), "password=right")})
	if err := signIn(other, "right"); err != nil {
		t.Errorf("sign-in with other credentials: %v", err)
	}
	if n := signIns.Load(); n != 2 {
		t.Errorf("%d sign-ins, want 2", n)
	}
}

type fixedAuth struct{}

func (fixedAuth) Authenticate(_ context.Context, r *http.Request) error {
	r.Header.Set("Authorization", "Bearer wrong")
	return nil
}
func (fixedAuth) Invalidate() {}
func (fixedAuth) Fixed() bool { return true }

func TestRefusedFixedCredentialsAreSentOnce(t *testing.T) {
	var calls atomic.Int32
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusUnauthorized)
	}, func(c *Config) { c.Auth = fixedAuth{}; c.Credentials = NewCredentials("Test", "test.api_key") })
	for range 3 {
		_, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/things"})
		if !IsRefused(err) || !strings.Contains(err.Error(), "Correct test.api_key") {
			t.Fatalf("err = %v", err)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("%d requests, want 1: a 401 to a fixed key is neither retried nor repeated", n)
	}
}

func TestForbiddenToFixedCredentialsIsNotARefusal(t *testing.T) {
	var calls atomic.Int32
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusForbidden)
	}, func(c *Config) { c.Auth = fixedAuth{} })
	for range 2 {
		if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/things"}); IsRefused(err) || StatusCode(err) != http.StatusForbidden {
			t.Fatalf("err = %v, want a plain 403: one object may be forbidden and the next allowed", err)
		}
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestCheckOnceSharesOneProbe(t *testing.T) {
	var signIns atomic.Int32
	build := signInServer(t, &signIns)
	reg := NewRegistry()
	c := build(&Config{Credentials: reg.Remembered("Test", "test.password", t.Name(), "password=wrong")})
	release := make(chan struct{})
	var probes atomic.Int32
	probe := func(context.Context) error {
		probes.Add(1)
		<-release
		return signIn(c, "wrong")
	}
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = c.CheckCredentials(context.Background(), probe)
		}()
	}
	close(release)
	wg.Wait()
	for i, err := range errs {
		if !IsRefused(err) {
			t.Errorf("caller %d: %v, want the refusal", i, err)
		}
	}
	if err := c.CheckCredentials(context.Background(), probe); !IsRefused(err) {
		t.Errorf("a later check: %v", err)
	}
	if p, n := probes.Load(), signIns.Load(); p != 1 || n != 1 {
		t.Errorf("%d probes and %d sign-ins, want 1 each", p, n)
	}

	// Accepted credentials are checked once as well.
	ok := build(&Config{Credentials: reg.Remembered("Test", "", t.Name(), "password=right")})
	for range 3 {
		if err := ok.CheckCredentials(context.Background(), func(context.Context) error { return signIn(ok, "right") }); err != nil {
			t.Fatal(err)
		}
	}
	if n := signIns.Load(); n != 2 {
		t.Errorf("%d sign-ins in all, want 2", n)
	}
}

func TestConcurrentRequestsSendARefusedKeyOnce(t *testing.T) {
	var calls atomic.Int32
	release := make(chan struct{})
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		<-release
		w.WriteHeader(http.StatusUnauthorized)
	}, func(c *Config) { c.Auth = fixedAuth{} })
	var wg sync.WaitGroup
	errs := make([]error, 10)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/things"})
		}()
	}
	// Let every request reach the client before the first answer.
	for calls.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	close(release)
	wg.Wait()
	for i, err := range errs {
		if !IsRefused(err) {
			t.Errorf("request %d: %v", i, err)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("the key was sent %d times, want 1", n)
	}
}

func TestAcceptedKeyLetsRequestsGoTogether(t *testing.T) {
	var inFlight, most atomic.Int32
	c, _ := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		w.WriteHeader(http.StatusNotFound)
	}, func(c *Config) { c.Auth = fixedAuth{} })
	// A 404 is an answer that accepted the key.
	if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/first"}); !IsNotFound(err) {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/things"})
		}()
	}
	wg.Wait()
	if most.Load() < 2 {
		t.Errorf("at most %d requests in flight once the key was accepted, want them together", most.Load())
	}
}

// A plan-time check whose handshake no retry mends (https:// against plain
// HTTP) fails, and later checks in the process fail the same way without
// another connection; a failure a retry may mend leaves the check open.
func TestCheckOnceKeepsAFailureNoRetryMends(t *testing.T) {
	var connections atomic.Int32
	plain, _ := newTestClient(t, func(w http.ResponseWriter, _ *http.Request) {
		connections.Add(1)
		w.WriteHeader(http.StatusNoContent)
	}, nil)
	c, err := New(Config{Platform: "Test", BaseURL: strings.Replace(plain.cfg.BaseURL, "http://", "https://", 1), MaxRetries: 3,
		Credentials: NewRegistry().Remembered("Test", "", t.Name(), "key")})
	if err != nil {
		t.Fatal(err)
	}
	var probes atomic.Int32
	probe := func(ctx context.Context) error {
		probes.Add(1)
		_, err := c.Do(ctx, Request{Method: http.MethodGet, Path: "/probe", Idempotent: true})
		return err
	}
	for i := range 3 {
		err := c.CheckCredentials(context.Background(), probe)
		var tlsErr *TLSError
		if !errors.As(err, &tlsErr) || tlsErr.Platform != "Test" {
			t.Fatalf("check %d: %v, want the TLS failure of platform Test", i, err)
		}
	}
	if n := probes.Load(); n != 1 {
		t.Errorf("%d probes, want 1", n)
	}
	if n := connections.Load(); n != 0 {
		t.Errorf("the plain server answered %d requests, want none", n)
	}
}
