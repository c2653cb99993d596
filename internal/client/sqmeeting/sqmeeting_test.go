package sqmeeting_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	emu "github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

var start = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

const clientID = "0b8f3c2e-2f5c-4a53-9d3e-6c1d8f1e2a4b"

// server is the emulated SQMeeting with a log of the calls it answered.
type server struct {
	clock *platform.Clock
	api   *emu.API
	url   string
	mu    sync.Mutex
	calls []string
}

func newServer(t *testing.T, opts emu.Options) *server {
	t.Helper()
	s := &server{clock: platform.NewClock()}
	s.clock.Freeze(start)
	s.api = emu.New(s.clock, opts)
	mux := http.NewServeMux()
	s.api.Register(mux)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.calls = append(s.calls, r.Method+" "+r.URL.Path)
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	s.url = srv.URL
	return s
}

func (s *server) count(call string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, c := range s.calls {
		if c == call {
			n++
		}
	}
	return n
}

func newClient(t *testing.T, s *server, username, password string) *sqmeeting.Client {
	t.Helper()
	c, err := sqmeeting.New(sqmeeting.Config{
		Endpoint: s.url, ClientID: clientID, Username: username, Password: password,
		HTTP: client.Config{MaxRetries: -1},
		Now:  s.clock.Now,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func adminClient(t *testing.T, s *server) *sqmeeting.Client {
	t.Helper()
	return newClient(t, s, emu.DefaultUsername, emu.DefaultPassword)
}

const signIn = "POST /api/v1/user/sign_in"

// TestSecret checks the client's secret against a value computed outside Go
// (sha1sum of "emulator-password" followed by the salt).
func TestSecret(t *testing.T) {
	if got := sqmeeting.Secret("emulator-password"); got != "77f34d7ee69e71d1477625b41b86a6096331ac5a" {
		t.Errorf("Secret = %s", got)
	}
}

func TestNewChecksConfig(t *testing.T) {
	for _, cfg := range []sqmeeting.Config{
		{Endpoint: "http://x", Username: "a"},
		{Endpoint: "http://x", Password: "a"},
		{Endpoint: "http://x", Username: "a", Password: "b", ClientID: "not-a-uuid"},
		{Endpoint: "not a url", Username: "a", Password: "b"},
	} {
		if _, err := sqmeeting.New(cfg); err == nil {
			t.Errorf("New(%+v) succeeded", cfg)
		}
	}
	c, err := sqmeeting.New(sqmeeting.Config{Endpoint: "http://x", Username: "a", Password: "b"})
	if err != nil || len(c.ClientID()) != 36 {
		t.Errorf("a client without client_id: %v %q", err, c.ClientID())
	}
}

func TestSignsInOnceAndAgainAfterExpiry(t *testing.T) {
	s := newServer(t, emu.Options{})
	c := adminClient(t, s)
	ctx := context.Background()
	for range 3 {
		u, err := c.CurrentUser(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if u.Username != "admin" || u.UserID == "" {
			t.Errorf("user %+v", u)
		}
	}
	if n := s.count(signIn); n != 1 {
		t.Errorf("signed in %d times for three calls", n)
	}
	// The token expires: one 401, one new sign-in, and the call succeeds.
	s.clock.Advance(emu.DefaultTokenTTL)
	if _, err := c.CurrentUser(ctx); err != nil {
		t.Fatal(err)
	}
	if n := s.count(signIn); n != 2 {
		t.Errorf("signed in %d times after expiry, want 2", n)
	}
	// Revoked behind the client's back: the same.
	s.api.Reset()
	if _, err := c.SystemVersion(ctx); err != nil {
		t.Fatal(err)
	}
	if n := s.count(signIn); n != 3 {
		t.Errorf("signed in %d times after a reset, want 3", n)
	}
	if err := c.SignOut(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SystemVersion(ctx); err != nil || s.count(signIn) != 4 {
		t.Errorf("after sign-out: %v, %d sign-ins", err, s.count(signIn))
	}
	u, err := c.SignIn(ctx)
	if err != nil || u.Username != "admin" || s.count(signIn) != 5 {
		t.Errorf("SignIn: %+v %v", u, err)
	}
}

func TestWrongPassword(t *testing.T) {
	s := newServer(t, emu.Options{})
	c := newClient(t, s, "alice", "wrong")
	ctx := context.Background()
	_, err := c.ListMeetings(ctx, "")
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != sqmeeting.CodeWrongPassword || apiErr.StatusCode != http.StatusUnauthorized {
		t.Fatalf("error %v", err)
	}
	if msg := err.Error(); !client.IsRefused(err) || !strings.Contains(msg, "SQMeeting refused the credentials") || !strings.Contains(msg, "wrong username or password") {
		t.Errorf("message %q", msg)
	}
	// Asked again, the client does not spend another attempt toward the lock.
	if _, err := c.MeetingRooms(ctx); err == nil {
		t.Fatal("second call succeeded")
	}
	if n := s.count(signIn); n != 1 {
		t.Errorf("%d sign-in attempts, want 1", n)
	}
	if _, err := newClient(t, s, "nobody", "x").MeetingRooms(ctx); !errors.As(err, &apiErr) || apiErr.Code != sqmeeting.CodeSignInFailed {
		t.Errorf("unknown user: %v", err)
	}
}

func TestLockedAccount(t *testing.T) {
	s := newServer(t, emu.Options{LockoutAttempts: 1})
	ctx := context.Background()
	_, err := newClient(t, s, "alice", "wrong").CurrentUser(ctx)
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != sqmeeting.CodeLocked {
		t.Fatalf("error %v", err)
	}
	// The emulator's clock stands at 09:00: locked until 09:05.
	if !strings.Contains(err.Error(), "account locked for five minutes after repeated failed sign-ins, until 2025-03-01T09:05:00Z") {
		t.Errorf("message %q", err)
	}
	// Even the right password, for now.
	if _, err := newClient(t, s, "alice", "alice-password").CurrentUser(ctx); !errors.As(err, &apiErr) || apiErr.Code != sqmeeting.CodeLocked {
		t.Errorf("during the lock: %v", err)
	}
	s.clock.Advance(5 * time.Minute)
	if _, err := newClient(t, s, "alice", "alice-password").CurrentUser(ctx); err != nil {
		t.Errorf("after the lock: %v", err)
	}

	disabled := newServer(t, emu.Options{Users: []emu.User{{Username: "eve", Password: "x", Disabled: true}}})
	if _, err := newClient(t, disabled, "eve", "x").CurrentUser(ctx); err == nil || !strings.Contains(err.Error(), "locked by an administrator") {
		t.Errorf("disabled: %v", err)
	}
}

// TestLockedWithoutRetryAfter: a server that does not say when the lock
// ends (the document promises nothing) gets five minutes from now.
func TestLockedWithoutRetryAfter(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"error":"User has been locked, please retry after 5 minutes","errorCode":"0x00003001"}`))
	}))
	t.Cleanup(srv.Close)
	now := time.Date(2031, 7, 1, 12, 0, 30, 0, time.UTC)
	c, err := sqmeeting.New(sqmeeting.Config{Endpoint: srv.URL, Username: "a", Password: "b", Now: func() time.Time { return now }, HTTP: client.Config{MaxRetries: -1}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.SystemVersion(context.Background())
	if err == nil || !strings.Contains(err.Error(), "until 2031-07-01T12:05:30Z") {
		t.Errorf("error %v", err)
	}
}

// TestLogsNeverShowCredentials runs calls with TRACE logging and looks for
// the password, its secret, the token and the client_id in the log.
func TestLogsNeverShowCredentials(t *testing.T) {
	s := newServer(t, emu.Options{})
	c := adminClient(t, s)
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	u, err := c.SignIn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.CurrentUser(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateMeeting(ctx, sqmeeting.MeetingInput{MeetingType: "instant", MeetingName: "Logged", MeetingPassword: ptr("424242")}); err != nil {
		t.Fatal(err)
	}
	out := logs.String()
	if !strings.Contains(out, "/api/v1/user/info") || !strings.Contains(out, u.UserID) {
		t.Fatalf("the log should show the calls:\n%s", out)
	}
	for _, secret := range []string{emu.DefaultPassword, sqmeeting.Secret(emu.DefaultPassword), clientID, "424242"} {
		if strings.Contains(out, secret) {
			t.Errorf("%q appears in the log", secret)
		}
	}
	// The token: the one the server holds for this client.
	for _, tok := range tokens(t, s) {
		if strings.Contains(out, tok) {
			t.Errorf("a token appears in the log")
		}
	}
}

func ptr[T any](v T) *T { return &v }

// tokens are the tokens the emulator has handed out.
func tokens(t *testing.T, s *server) []string {
	t.Helper()
	raw, err := s.api.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	var snap struct {
		Sessions []struct {
			Token string `json:"token"`
		} `json:"sessions"`
	}
	if err := json.Unmarshal(raw, &snap); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range snap.Sessions {
		out = append(out, s.Token)
	}
	if len(out) == 0 {
		t.Fatal("the emulator holds no token")
	}
	return out
}
