package portsip_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

func TestSignIn(t *testing.T) {
	h := newHarness(t)
	tr := h.signIn(portsip.DefaultUsername, portsip.DefaultPassword)
	if tr.TokenType != "Bearer" || tr.AccessToken == "" || tr.RefreshToken == "" || tr.AccessToken == tr.RefreshToken {
		t.Fatalf("token response %+v", tr)
	}
	if tr.ExpiresIn != int64(portsip.DefaultTokenTTL/time.Second) {
		t.Errorf("expires_in %d, want %d", tr.ExpiresIn, int64(portsip.DefaultTokenTTL/time.Second))
	}
	if other := h.signIn(portsip.DefaultUsername, portsip.DefaultPassword); other.AccessToken == tr.AccessToken {
		t.Error("two sign-ins returned the same token; tokens must be random")
	}
	r := h.doWith("GET", "/api/conference_servers", "Bearer "+tr.AccessToken, nil)
	if r.status != http.StatusOK {
		t.Fatalf("request with the new token: %d %s", r.status, r.body)
	}
}

func TestSignInErrors(t *testing.T) {
	h := newHarness(t)
	cases := []struct {
		name   string
		body   any
		status int
		code   string
		msgs   []string
	}{
		{"wrong password", map[string]string{"username": "admin", "password": "nope"}, 401, "UNAUTHORIZED", []string{"invalid username or password"}},
		{"wrong user", map[string]string{"username": "root", "password": portsip.DefaultPassword}, 401, "UNAUTHORIZED", nil},
		{"missing both", map[string]string{}, 400, "VALIDATE_FAILED", []string{"username is required", "password is required"}},
		{"username too long", map[string]any{"username": string(make([]byte, 65)), "password": "x"}, 400, "VALIDATE_FAILED", []string{"username must be 1 to 64 characters"}},
		{"wrong type", map[string]any{"username": 5, "password": "x"}, 400, "VALIDATE_FAILED", []string{"username must be a string"}},
		{"unknown field", map[string]any{"username": "admin", "password": "x", "otp": "1"}, 400, "VALIDATE_FAILED", []string{`unknown field "otp"`}},
		{"not JSON", "{", 400, "VALIDATE_FAILED", []string{"not valid JSON"}},
		{"not an object", "[1]", 400, "VALIDATE_FAILED", []string{"must be a JSON object"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := h.doWith("POST", "/api/auth/sign_in", "", c.body)
			msgs := h.expectError(r, c.status, c.code, "POST", "/api/auth/sign_in")
			for _, m := range c.msgs {
				hasMessage(t, msgs, m)
			}
		})
	}
}

func TestSignInDomain(t *testing.T) {
	h := newHarness(t, func(o *portsip.Options) { o.Domain = "pbx.example.com" })
	ok := h.doWith("POST", "/api/auth/sign_in", "", map[string]string{"username": "admin", "password": portsip.DefaultPassword, "domain": "PBX.example.com"})
	if ok.status != http.StatusOK {
		t.Fatalf("matching domain: %d %s", ok.status, ok.body)
	}
	bad := h.doWith("POST", "/api/auth/sign_in", "", map[string]string{"username": "admin", "password": portsip.DefaultPassword, "domain": "other.example.com"})
	h.expectError(bad, 401, "UNAUTHORIZED", "POST", "/api/auth/sign_in")
	// Rooms report the configured domain.
	id := h.createRoom(audioRoom("100"))
	if got := h.getMap("/api/conference_rooms/" + id)["domain"]; got != "pbx.example.com" {
		t.Errorf("room domain %v", got)
	}
}

func TestCustomCredentialsAndTTL(t *testing.T) {
	h := newHarness(t, func(o *portsip.Options) {
		o.Username, o.Password, o.TokenTTL = "ops", "s3cret", 10*time.Minute
	})
	tr := h.signIn("ops", "s3cret")
	if tr.ExpiresIn != 600 {
		t.Errorf("expires_in %d, want 600", tr.ExpiresIn)
	}
	r := h.doWith("POST", "/api/auth/sign_in", "", map[string]string{"username": portsip.DefaultUsername, "password": portsip.DefaultPassword})
	h.expectError(r, 401, "UNAUTHORIZED", "POST", "/api/auth/sign_in")
}

func TestBearerRequired(t *testing.T) {
	h := newHarness(t)
	for _, auth := range []string{"", "Bearer", "Bearer ", "Basic YWRtaW46eA==", "Bearer not-a-token"} {
		r := h.doWith("GET", "/api/conference_servers", auth, nil)
		msgs := h.expectError(r, 401, "UNAUTHORIZED", "GET", "/api/conference_servers")
		if len(msgs) != 1 {
			t.Errorf("auth %q: %d errors", auth, len(msgs))
		}
		if r.header.Get("WWW-Authenticate") == "" {
			t.Errorf("auth %q: no WWW-Authenticate header", auth)
		}
	}
	// Lower-case scheme is fine (RFC 7235: the scheme is case-insensitive).
	if r := h.doWith("GET", "/api/conference_servers", "bearer "+h.token, nil); r.status != 200 {
		t.Errorf("lower-case scheme: %d", r.status)
	}
	// Every route but sign-in and refresh needs the token, including POSTs.
	r := h.doWith("POST", "/api/conference_rooms", "", audioRoom("100"))
	h.expectError(r, 401, "UNAUTHORIZED", "POST", "/api/conference_rooms")
	if len(h.api.Rooms()) != 0 {
		t.Error("an unauthenticated create created a room")
	}
}

func TestTokenExpiryAndRefresh(t *testing.T) {
	h := newHarness(t)
	tr := h.signIn(portsip.DefaultUsername, portsip.DefaultPassword)
	auth := "Bearer " + tr.AccessToken

	h.clock.Advance(portsip.DefaultTokenTTL - time.Second)
	if r := h.doWith("GET", "/api/conference_rooms", auth, nil); r.status != 200 {
		t.Fatalf("token before expiry: %d", r.status)
	}
	h.clock.Advance(time.Second)
	r := h.doWith("GET", "/api/conference_rooms", auth, nil)
	hasMessage(t, h.expectError(r, 401, "UNAUTHORIZED", "GET", "/api/conference_rooms"), "expired")

	r = h.doWith("POST", "/api/auth/refresh_token", "", map[string]string{"refresh_token": tr.RefreshToken})
	if r.status != http.StatusOK {
		t.Fatalf("refresh: %d %s", r.status, r.body)
	}
	var renewed portsip.TokenResponse
	mustJSON(t, r.body, &renewed)
	if renewed.AccessToken == "" || renewed.AccessToken == tr.AccessToken || renewed.RefreshToken == tr.RefreshToken || renewed.TokenType != "Bearer" {
		t.Fatalf("renewed %+v", renewed)
	}
	if r := h.doWith("GET", "/api/conference_rooms", "Bearer "+renewed.AccessToken, nil); r.status != 200 {
		t.Fatalf("renewed token: %d", r.status)
	}
	// Refresh tokens rotate: the old one is spent.
	r = h.doWith("POST", "/api/auth/refresh_token", "", map[string]string{"refresh_token": tr.RefreshToken})
	h.expectError(r, 401, "UNAUTHORIZED", "POST", "/api/auth/refresh_token")
	// An access token is no refresh token.
	r = h.doWith("POST", "/api/auth/refresh_token", "", map[string]string{"refresh_token": renewed.AccessToken})
	h.expectError(r, 401, "UNAUTHORIZED", "POST", "/api/auth/refresh_token")
	r = h.doWith("POST", "/api/auth/refresh_token", "", map[string]string{})
	hasMessage(t, h.expectError(r, 400, "VALIDATE_FAILED", "POST", "/api/auth/refresh_token"), "refresh_token is required")

	// Refresh tokens expire too.
	h.clock.Advance(portsip.DefaultRefreshTokenTTL)
	r = h.doWith("POST", "/api/auth/refresh_token", "", map[string]string{"refresh_token": renewed.RefreshToken})
	h.expectError(r, 401, "UNAUTHORIZED", "POST", "/api/auth/refresh_token")
}

func TestSignOutAndAuthUser(t *testing.T) {
	h := newHarness(t)
	var user portsip.AuthUser
	h.ok(200, "GET", "/api/auth/user", nil, &user)
	if user.Role != "SystemAdmin" || !user.PasswordVerified {
		t.Errorf("auth user %+v", user)
	}
	h.ok(200, "POST", "/api/auth/sign_out", nil, nil)
	h.fails(401, "UNAUTHORIZED", "GET", "/api/conference_servers", nil)
}

func TestIssueToken(t *testing.T) {
	h := newHarness(t)
	tok := h.api.IssueToken()
	if r := h.doWith("GET", "/api/conference_servers", "Bearer "+tok, nil); r.status != 200 {
		t.Fatalf("issued token: %d %s", r.status, r.body)
	}
}

func TestWriteError(t *testing.T) {
	api := portsip.New(nil, portsip.Options{})
	for status, code := range map[int]string{
		400: "VALIDATE_FAILED", 401: "UNAUTHORIZED", 404: "NOT_FOUND", 429: "TOO_MANY_REQUESTS",
		500: "INTERNAL_SERVER_ERROR", 503: "SERVICE_UNAVAILABLE", 599: "UNKNOWN",
	} {
		rec := httptest.NewRecorder()
		api.WriteError(rec, status, "injected")
		var env portsip.ErrorEnvelope
		if err := strictUnmarshal(rec.Body.Bytes(), &env); err != nil {
			t.Fatalf("%d: %v", status, err)
		}
		if rec.Code != status || len(env.Errors) != 1 || env.Errors[0].Code != code || env.Errors[0].Message != "injected" {
			t.Errorf("%d: got %d %+v", status, rec.Code, env)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
			t.Errorf("%d: content type %q", status, ct)
		}
	}
}

func TestPlatformIdentity(t *testing.T) {
	api := portsip.New(nil, portsip.Options{})
	if api.Key() != "portsip" || len(api.Prefixes()) != 1 || api.Prefixes()[0] != "/api/" {
		t.Errorf("name %q prefixes %v", api.Key(), api.Prefixes())
	}
}
