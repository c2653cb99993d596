package portsip

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client"
)

// tokenAuth holds either a fixed access token given by the user, or the
// credentials to sign in and the tokens that came back. Tokens are renewed with
// the refresh token shortly before they expire (NOTES.md, PortSIP auth), and a
// 401 makes the next request sign in again.
type tokenAuth struct {
	mu       sync.Mutex
	http     *client.Client
	static   string
	username string
	password string
	domain   string
	now      func() time.Time

	access  string
	refresh string
	expiry  time.Time
}

type tokenResponse struct {
	TokenType    string `json:"token_type"`
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	ExpiresIn    int64  `json:"expires_in"`
}

func (a *tokenAuth) Authenticate(ctx context.Context, req *http.Request) error {
	if a.static != "" {
		req.Header.Set("Authorization", "Bearer "+a.static)
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.access == "" || !a.now().Before(a.expiry) {
		if err := a.renew(ctx); err != nil {
			return err
		}
	}
	req.Header.Set("Authorization", "Bearer "+a.access)
	return nil
}

// Fixed reports whether the user gave a token, which a 401 refuses for good.
func (a *tokenAuth) Fixed() bool { return a.static != "" }

// ensure signs in unless the client holds a token that is still valid.
func (a *tokenAuth) ensure(ctx context.Context) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.access == "" || !a.now().Before(a.expiry) {
		return a.renew(ctx)
	}
	return nil
}

func (a *tokenAuth) Invalidate() {
	a.mu.Lock()
	a.access = ""
	a.mu.Unlock()
}

// renew uses the refresh token when there is one and falls back to signing in,
// since a refresh token can expire or be revoked too.
func (a *tokenAuth) renew(ctx context.Context) error {
	if a.refresh != "" {
		var tr tokenResponse
		err := a.call(ctx, "/auth/refresh_token", map[string]string{"refresh_token": a.refresh}, &tr, false)
		if err == nil && tr.AccessToken != "" {
			a.store(tr)
			return nil
		}
		a.refresh = ""
	}
	body := map[string]string{"username": a.username, "password": a.password}
	if a.domain != "" {
		body["domain"] = a.domain
	}
	var tr tokenResponse
	if err := a.call(ctx, "/auth/sign_in", body, &tr, true); err != nil {
		if client.IsRefused(err) {
			// Every call gives the same message, which says what to fix.
			return err
		}
		return fmt.Errorf("signing in to PortSIP as %q: %w", a.username, err)
	}
	if tr.AccessToken == "" {
		// The spec's other sign-in answer is a two-factor challenge, which a
		// provider cannot complete without a person.
		return fmt.Errorf("signing in to PortSIP as %q: no access token in the answer; two-factor authentication is not supported, use an API token (portsip.token) instead", a.username)
	}
	a.store(tr)
	return nil
}

func (a *tokenAuth) store(tr tokenResponse) {
	a.access = tr.AccessToken
	if tr.RefreshToken != "" {
		a.refresh = tr.RefreshToken
	}
	ttl := time.Duration(tr.ExpiresIn) * time.Second
	if ttl <= 0 {
		ttl = time.Hour
	}
	// Renew a little early so that a long apply never sends an expired token.
	a.expiry = a.now().Add(ttl - min(time.Minute, ttl/10))
}

func (a *tokenAuth) call(ctx context.Context, path string, body any, out any, signIn bool) error {
	// Repeating a sign-in or a refresh whose answer was lost costs one more
	// token; a refresh token used up by the lost try fails the refresh, and
	// renew signs in instead. A refused sign-in is never repeated (SignIn).
	resp, err := a.http.Do(ctx, client.Request{Method: http.MethodPost, Path: path, Body: body, NoAuth: true, Idempotent: true, SignIn: signIn})
	if err != nil {
		return err
	}
	return resp.Decode(out)
}
