package portsip

import (
	"net/http"
	"strings"
	"time"
)

// session is one sign-in: an access token and the refresh token that renews it.
// Refreshing rotates both: the old refresh token stops working at once, the old
// access token lives on until it expires, so that requests already in flight
// with it still succeed.
type session struct {
	AccessToken      string    `json:"access_token"`
	RefreshToken     string    `json:"refresh_token,omitempty"`
	Username         string    `json:"username"`
	ExpiresAt        time.Time `json:"expires_at"`
	RefreshExpiresAt time.Time `json:"refresh_expires_at"`
}

// TokenResponse is the body of sign_in and refresh_token
// (portsip-openapi-conference.json, signInWithCredentials' second oneOf branch,
// and refreshToken).
type TokenResponse struct {
	TokenType    string `json:"token_type"`
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	ExpiresIn    int64  `json:"expires_in"`
}

// AuthUser is GET /auth/user.
type AuthUser struct {
	Role               string `json:"role"`
	PasswordVerified   bool   `json:"password_verified"`
	PasswordForceReset bool   `json:"password_force_reset"`
}

func unauthorized(format string, args ...any) reply {
	return failure(http.StatusUnauthorized, CodeUnauthorized, format, args...)
}

// signIn is POST /auth/sign_in {username, password, domain?}, for the
// administrator and every standard user alike. The two-factor branch of the
// spec's oneOf is never answered: the emulated users have no second factor.
func (a *API) signIn(req *request) reply {
	var p problems
	b := decodeBody(req.Body, &p)
	if b == nil {
		return p.reply()
	}
	b.allow([]string{"username", "password", "domain"}, nil)
	// portsip-openapi-conference.json, signInWithCredentials: username 1..64 and
	// password are required, domain 1..280 is optional.
	username, hasUser := b.str("username")
	if hasUser {
		b.length("username", username, 64)
	} else if !b.present("username") || b.null("username") {
		p.add("username", "username is required")
	}
	password, hasPassword := b.str("password")
	if !hasPassword && (!b.present("password") || b.null("password")) {
		p.add("password", "password is required")
	}
	domain, hasDomain := b.str("domain")
	if hasDomain {
		b.length("domain", domain, 280)
	}
	if !p.ok() {
		return p.reply()
	}
	if !a.checkPassword(username, password) {
		return unauthorized("invalid username or password")
	}
	if hasDomain && a.opts.Domain != "" && !strings.EqualFold(domain, a.opts.Domain) {
		return unauthorized("user %q does not belong to domain %q", username, domain)
	}
	return jsonReply(http.StatusOK, a.issue(username))
}

// refreshToken is POST /auth/refresh_token {refresh_token}.
func (a *API) refreshToken(req *request) reply {
	var p problems
	b := decodeBody(req.Body, &p)
	if b == nil {
		return p.reply()
	}
	b.allow([]string{"refresh_token"}, nil)
	tok, has := b.str("refresh_token")
	if !has && (!b.present("refresh_token") || b.null("refresh_token")) {
		p.add("refresh_token", "refresh_token is required")
	}
	if !p.ok() {
		return p.reply()
	}
	s := a.refreshes[tok]
	if s == nil || !a.known(s.Username) || !a.clock.Now().Before(s.RefreshExpiresAt) {
		return unauthorized("refresh token is invalid or expired")
	}
	delete(a.refreshes, tok)
	s.RefreshToken = ""
	return jsonReply(http.StatusOK, a.issue(s.Username))
}

// signOut is POST /auth/sign_out: the caller's access token and its refresh
// token stop working.
func (a *API) signOut(req *request) reply {
	tok, _ := bearer(req.Request)
	if s := a.sessions[tok]; s != nil {
		delete(a.sessions, tok)
		delete(a.refreshes, s.RefreshToken)
	}
	return empty(http.StatusOK)
}

// authUser is GET /auth/user: the signed-in user's role.
func (a *API) authUser(req *request) reply {
	return jsonReply(http.StatusOK, AuthUser{Role: a.role(req.Principal), PasswordVerified: true})
}

// issue starts a session; the caller holds the write lock.
func (a *API) issue(username string) TokenResponse {
	a.purgeSessions()
	now := a.clock.Now()
	s := &session{
		AccessToken:      newToken(),
		RefreshToken:     newToken(),
		Username:         username,
		ExpiresAt:        now.Add(a.opts.TokenTTL),
		RefreshExpiresAt: now.Add(a.opts.RefreshTokenTTL),
	}
	a.sessions[s.AccessToken] = s
	a.refreshes[s.RefreshToken] = s
	return TokenResponse{
		TokenType:    "Bearer",
		AccessToken:  s.AccessToken,
		RefreshToken: s.RefreshToken,
		ExpiresIn:    int64(a.opts.TokenTTL / time.Second),
	}
}

// purgeSessions forgets sessions that can no longer be used, so that a
// long-running emulator does not grow without bound.
func (a *API) purgeSessions() {
	now := a.clock.Now()
	for tok, s := range a.sessions {
		if !now.Before(s.ExpiresAt) && (s.RefreshToken == "" || !now.Before(s.RefreshExpiresAt)) {
			delete(a.sessions, tok)
			delete(a.refreshes, s.RefreshToken)
		}
	}
}

// authenticate checks "Authorization: Bearer <access_token>" (NOTES.md, PortSIP
// auth) against an unexpired session of a user the PBX still has (a state
// file may hold sessions of users since dropped from the configuration). The
// principal is the username.
func (a *API) authenticate(r *http.Request) (string, reply, bool) {
	tok, found := bearer(r)
	if !found {
		return "", unauthorized("missing bearer token: send Authorization: Bearer <access_token> from POST /api/auth/sign_in"), false
	}
	a.mu.RLock()
	s := a.sessions[tok]
	valid := s != nil && a.clock.Now().Before(s.ExpiresAt)
	if valid {
		valid = a.known(s.Username)
	}
	var user string
	if valid {
		user = s.Username
	}
	a.mu.RUnlock()
	if !valid {
		return "", unauthorized("access token is invalid or expired"), false
	}
	return user, reply{}, true
}

func bearer(r *http.Request) (string, bool) {
	scheme, tok, found := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	tok = strings.TrimSpace(tok)
	if !found || !strings.EqualFold(scheme, "Bearer") || tok == "" {
		return "", false
	}
	return tok, true
}

// IssueToken signs the administrator in behind the API and returns the access
// token, for tests and users that configure the provider with a fixed token
// (PORTSIP_TOKEN).
func (a *API) IssueToken() string {
	tok, _ := a.IssueTokenFor(a.opts.Username)
	return tok
}
