package sqmeeting

import (
	"context"
	"fmt"
	"net/http"
	"sync"

	"github.com/confkit/terraform-provider-conference/internal/client"
)

// tokenAuth signs in once, lazily, and puts the token in every request's
// query (the document: "client_id=$client_id&token=$user_token"). After a
// 401 the HTTP core calls Invalidate and retries once, which signs in again.
//
// A refused sign-in (wrong password, locked account) is remembered by the
// HTTP core (client.Credentials) and answered again without asking the
// server: each attempt would count toward the lock.
type tokenAuth struct {
	http     *client.Client
	clientID string
	username string
	password string

	mu    sync.Mutex
	token string
	// userID is the signed-in user's, from the sign-in's answer.
	userID string
}

// user is the signed-in user's ID; empty before the first sign-in.
func (a *tokenAuth) user() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.userID
}

func (a *tokenAuth) Authenticate(ctx context.Context, req *http.Request) error {
	tok, err := a.current(ctx)
	if err != nil {
		return err
	}
	q := req.URL.Query()
	q.Set("token", tok)
	req.URL.RawQuery = q.Encode()
	return nil
}

func (a *tokenAuth) Invalidate() {
	a.mu.Lock()
	a.token = ""
	a.mu.Unlock()
}

// current is the token, signing in first when there is none.
func (a *tokenAuth) current(ctx context.Context) (string, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.token == "" {
		if _, err := a.signIn(ctx); err != nil {
			return "", err
		}
	}
	return a.token, nil
}

// signIn is POST /api/v1/user/sign_in {username, secret}; the caller holds mu.
func (a *tokenAuth) signIn(ctx context.Context) (*User, error) {
	var out struct {
		User
		UserToken string `json:"user_token"`
	}
	resp, err := a.http.Do(ctx, client.Request{
		Method: http.MethodPost, Path: "/user/sign_in", Query: withClientID(nil, a.clientID),
		Body:   map[string]string{"username": a.username, "secret": Secret(a.password)},
		NoAuth: true, SignIn: true,
		// Repeating a sign-in whose answer was lost costs one more token.
		Idempotent: true,
	})
	if err == nil {
		err = resp.Decode(&out)
	}
	if err == nil && out.UserToken == "" {
		err = fmt.Errorf("the answer carries no user_token")
	}
	if err != nil {
		if client.IsRefused(err) {
			// Every call gives the same message, which says what to fix.
			return nil, err
		}
		return nil, fmt.Errorf("signing in to SQMeeting as %q: %w", a.username, err)
	}
	a.token, a.userID = out.UserToken, out.UserID
	return &out.User, nil
}

// CheckCredentials proves the credentials once per provider process, by
// signing in unless the client holds a token, and returns their refusal, if
// any. A nil client (the provider is not configured yet) checks nothing.
func (c *Client) CheckCredentials(ctx context.Context) error {
	if c == nil {
		return nil
	}
	return c.http.CheckCredentials(ctx, func(ctx context.Context) error {
		_, err := c.auth.current(ctx)
		return err
	})
}

// SignIn signs in now, even when the client holds a token, and returns the
// signed-in user.
func (c *Client) SignIn(ctx context.Context) (*User, error) {
	c.auth.mu.Lock()
	defer c.auth.mu.Unlock()
	c.auth.token = ""
	return c.auth.signIn(ctx)
}

// SignOut ends the session (POST /api/v1/user/sign_out); the next call signs
// in again.
func (c *Client) SignOut(ctx context.Context) error {
	err := c.call(ctx, http.MethodPost, "/user/sign_out", nil, nil, nil, true)
	c.auth.Invalidate()
	return err
}

// CurrentUser is the signed-in user (GET /api/v1/user/info).
func (c *Client) CurrentUser(ctx context.Context) (*User, error) {
	var u User
	if err := c.call(ctx, http.MethodGet, "/user/info", nil, nil, &u, true); err != nil {
		return nil, err
	}
	return &u, nil
}
