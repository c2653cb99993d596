package portsip_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	emu "github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

// pbx is the emulated PBX with a log of the paths it was asked for.
type pbx struct {
	clock *platform.Clock
	api   *emu.API
	url   string
	mu    sync.Mutex
	paths []string
}

func newPBX(t *testing.T) *pbx {
	t.Helper()
	p := &pbx{clock: platform.NewClock()}
	p.clock.Freeze(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	p.api = emu.New(p.clock, emu.Options{})
	mux := http.NewServeMux()
	p.api.Register(mux)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.paths = append(p.paths, r.Method+" "+r.URL.Path)
		p.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	p.url = srv.URL
	return p
}

func (p *pbx) count(call string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, c := range p.paths {
		if c == call {
			n++
		}
	}
	return n
}

func newClient(t *testing.T, p *pbx, password string) *portsip.Client {
	t.Helper()
	return newClientAs(t, p, emu.DefaultUsername, password)
}

// newClientAs is a client that signs in as user.
func newClientAs(t *testing.T, p *pbx, user, password string) *portsip.Client {
	t.Helper()
	c, err := portsip.New(portsip.Config{
		Endpoint: p.url, Username: user, Password: password,
		Now:  p.clock.Now,
		HTTP: client.Config{MaxRetries: -1},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSignsInOnceAndRefreshesBeforeExpiry(t *testing.T) {
	p := newPBX(t)
	c := newClient(t, p, emu.DefaultPassword)
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if _, err := c.ListServers(ctx, portsip.ListOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if n := p.count("POST /api/auth/sign_in"); n != 1 {
		t.Fatalf("signed in %d times for three calls, want once", n)
	}
	// 59 minutes into a one-hour token: renew with the refresh token, not a
	// new sign-in, and never send the old token past its expiry.
	p.clock.Advance(59 * time.Minute)
	if _, err := c.ListServers(ctx, portsip.ListOptions{}); err != nil {
		t.Fatal(err)
	}
	if p.count("POST /api/auth/refresh_token") != 1 || p.count("POST /api/auth/sign_in") != 1 {
		t.Fatalf("calls: %v", p.paths)
	}
}

func TestSignsInAgainWhenTheRefreshTokenIsGone(t *testing.T) {
	p := newPBX(t)
	c := newClient(t, p, emu.DefaultPassword)
	ctx := context.Background()
	if _, err := c.ListServers(ctx, portsip.ListOptions{}); err != nil {
		t.Fatal(err)
	}
	// Past both the access and the refresh token's lifetime.
	p.clock.Advance(30 * 24 * time.Hour)
	if _, err := c.ListServers(ctx, portsip.ListOptions{}); err != nil {
		t.Fatal(err)
	}
	if p.count("POST /api/auth/sign_in") != 2 {
		t.Fatalf("calls: %v", p.paths)
	}
}

func TestWrongPasswordIsAnAPIError(t *testing.T) {
	p := newPBX(t)
	c := newClient(t, p, "wrong")
	_, err := c.ListServers(context.Background(), portsip.ListOptions{})
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusUnauthorized || apiErr.Code != "UNAUTHORIZED" {
		t.Fatalf("err = %v", err)
	}
	if !client.IsRefused(err) || !strings.Contains(err.Error(), "PortSIP refused the credentials: UNAUTHORIZED") {
		t.Fatalf("err = %v", err)
	}
	// Every later call fails at once with the same message: a PBX with a
	// lockout policy sees one wrong password.
	for range 3 {
		if _, again := c.ListRooms(context.Background(), portsip.ListOptions{}); again == nil || again.Error() != err.Error() {
			t.Fatalf("later call: %v", again)
		}
	}
	if n := p.count("POST /api/auth/sign_in"); n != 1 {
		t.Errorf("%d sign-ins, want 1", n)
	}
}

func TestStaticToken(t *testing.T) {
	p := newPBX(t)
	c, err := portsip.New(portsip.Config{Endpoint: p.url, Token: p.api.IssueToken()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListServers(context.Background(), portsip.ListOptions{}); err != nil {
		t.Fatal(err)
	}
	if p.count("POST /api/auth/sign_in") != 0 {
		t.Fatal("signed in although a token was given")
	}
}

// The client knows whose meetings it reaches only when it signs in itself.
func TestUsername(t *testing.T) {
	p := newPBX(t)
	if got := newClientAs(t, p, emu.AliceUsername, emu.AlicePassword).Username(); got != emu.AliceUsername {
		t.Errorf("signed in as alice: Username() = %q", got)
	}
	c, err := portsip.New(portsip.Config{Endpoint: p.url, Token: "t", Username: "alice"})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Username(); got != "" {
		t.Errorf("with a token: Username() = %q, want empty: the token decides who signs in", got)
	}
}

func TestListPagesThroughEveryItem(t *testing.T) {
	p := newPBX(t)
	c := newClient(t, p, emu.DefaultPassword)
	ctx := context.Background()
	for i := 0; i < 45; i++ {
		_, err := c.CreateRoom(ctx, portsip.RoomInput{
			ExtensionNumber: ptr(fmt.Sprintf("%d", 7000+i)), Mode: ptr("AUDIO"),
			ConferenceInput: portsip.ConferenceInput{Subject: ptr("r"), Capacity: i64(5)},
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	rooms, err := c.ListRooms(ctx, portsip.ListOptions{PageSize: 10, OrderBy: "extension_number desc"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rooms) != 45 || rooms[0].ExtensionNumber != "7044" || rooms[44].ExtensionNumber != "7000" {
		t.Fatalf("got %d rooms, first %q", len(rooms), rooms[0].ExtensionNumber)
	}
	if n := p.count("GET /api/conference_rooms"); n != 5 {
		t.Fatalf("%d pages fetched for 45 items of 10, want 5", n)
	}
	filtered, err := c.ListRooms(ctx, portsip.ListOptions{Filter: "extension_number ge '7040'"})
	if err != nil || len(filtered) != 5 {
		t.Fatalf("filtered: %d, %v", len(filtered), err)
	}
}

func TestValidationErrorReadsLikeTheEnvelope(t *testing.T) {
	p := newPBX(t)
	c := newClient(t, p, emu.DefaultPassword)
	_, err := c.CreateRoom(context.Background(), portsip.RoomInput{
		ExtensionNumber: ptr("7100"), Mode: ptr("AUDIO"),
		ConferenceInput: portsip.ConferenceInput{Subject: ptr("r"), Capacity: i64(500)},
	})
	if err == nil || err.Error() != "VALIDATE_FAILED: capacity must be between 1 and 200 (HTTP 400)" {
		t.Fatalf("err = %v", err)
	}
	_, err = c.GetRoom(context.Background(), "no-such-room")
	if !client.IsNotFound(err) {
		t.Fatalf("unknown room: %v", err)
	}
}

func ptr[T any](v T) *T  { return &v }
func i64(v int64) *int64 { return &v }
