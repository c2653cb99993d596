// Package sqmeeting is the typed client of the SQMeeting (FRTC) server REST
// API: scheduled meetings, recurrences, users, meeting rooms and system
// information (../shared/api/sqmeeting-frtc.txt, NOTES.md).
//
// Every call carries ?client_id=<uuid> and, once signed in, &token=<user_token>.
// The client signs in on its first call with the vendor's salted SHA-1 secret,
// reuses the token, and signs in again once when the server rejects it.
package sqmeeting

import (
	"context"
	"crypto/rand"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Salt is what the vendor's clients append to the password before hashing it
// into the sign-in secret (sqmeeting_linux FrtcApiManager.cpp).
const Salt = "49d88eb34f77fc9e81cbdc5190c7efdc"

// Secret is the sign-in secret for password: the lower-case hex SHA-1 of
// password+Salt, as the vendor's clients compute it.
func Secret(password string) string {
	sum := sha1.Sum([]byte(password + Salt)) //nolint:gosec // the vendor's scheme
	return hex.EncodeToString(sum[:])
}

// Error codes the client explains (the vendor clients' sign-in codes).
const (
	CodeSignInFailed  = "0x00003000"
	CodeLocked        = "0x00003001"
	CodeDisabled      = "0x00003002"
	CodeWrongPassword = "0x00003003"
)

// lockDuration is how long repeated failed sign-ins lock an account
// (NOTES.md; "please retry after 5 minutes" in the vendor's clients).
const lockDuration = 5 * time.Minute

// Config is what the provider's sqmeeting block gives.
type Config struct {
	// Endpoint is the server's base URL without /api/v1.
	Endpoint string
	// ClientID identifies this client to the server: a UUID. Empty makes a
	// random one for the client's lifetime.
	ClientID string
	Username string
	Password string
	// HTTP carries the shared settings: timeout, retries, TLS, user agent.
	HTTP client.Config
	// Now is the clock the lock's end is reckoned on; nil is time.Now.
	Now func() time.Time
}

// Client talks to one SQMeeting server.
type Client struct {
	http     *client.Client
	auth     *tokenAuth
	clientID string
}

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// New returns a client. It does not sign in until the first request.
func New(cfg Config) (*Client, error) {
	if cfg.Username == "" || cfg.Password == "" {
		return nil, errors.New("SQMeeting needs a username and a password")
	}
	if cfg.ClientID == "" {
		cfg.ClientID = newClientID()
	} else if !uuidPattern.MatchString(cfg.ClientID) {
		return nil, fmt.Errorf("SQMeeting client_id must be a UUID such as 0b8f3c2e-2f5c-4a53-9d3e-6c1d8f1e2a4b")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	hc := cfg.HTTP
	hc.Platform = "SQMeeting"
	base, err := platforms.SQMeeting.BaseURL(cfg.Endpoint)
	if err != nil {
		return nil, err
	}
	hc.BaseURL = base
	hc.DecodeError = errorDecoder(cfg.Now)
	hc.IsRefusal = isCredentialError
	if hc.Credentials == nil {
		// The sign-in's client and the signed-in one share one memory.
		hc.Credentials = client.NewCredentials(hc.Platform, "")
	}
	noAuth, err := client.New(hc)
	if err != nil {
		return nil, err
	}
	auth := &tokenAuth{http: noAuth, clientID: cfg.ClientID, username: cfg.Username, password: cfg.Password}
	hc.Auth = auth
	c, err := client.New(hc)
	if err != nil {
		return nil, err
	}
	return &Client{http: c, auth: auth, clientID: cfg.ClientID}, nil
}

// ClientID is the client_id the client sends.
func (c *Client) ClientID() string { return c.clientID }

func newClientID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// errorDecoder reads the envelope {"error": "...", "errorCode": "0x..."} and
// words the sign-in failures for a person.
func errorDecoder(now func() time.Time) client.ErrorDecoder {
	return func(status int, h http.Header, body []byte) *client.APIError {
		var env struct {
			Error     string `json:"error"`
			ErrorCode string `json:"errorCode"`
		}
		if json.Unmarshal(body, &env) != nil || (env.Error == "" && env.ErrorCode == "") {
			return client.DecodePlainError(status, h, body)
		}
		e := &client.APIError{Code: env.ErrorCode, Message: env.Error}
		switch env.ErrorCode {
		case CodeSignInFailed, CodeWrongPassword:
			e.Message = "wrong username or password"
			e.Detail = "SQMeeting: " + env.Error
		case CodeLocked:
			// The document gives no unlock time; Retry-After, when a server
			// sends it, is more exact than five minutes from now.
			wait, ok := client.ParseRetryAfter(h.Get("Retry-After"), now())
			if !ok {
				wait = lockDuration
			}
			until := now().Add(wait).Truncate(time.Second)
			e.Message = "account locked for five minutes after repeated failed sign-ins, until " + until.Format(time.RFC3339)
		case CodeDisabled:
			e.Message = "account locked by an administrator; ask an SQMeeting administrator to unlock it"
		}
		return e
	}
}

// isCredentialError reports whether err is one of the sign-in refusals that
// asking again cannot cure within one run.
func isCredentialError(err error) bool {
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	switch apiErr.Code {
	case CodeSignInFailed, CodeLocked, CodeDisabled, CodeWrongPassword:
		return true
	}
	return false
}

// call sends one request with the client_id every call carries.
func (c *Client) call(ctx context.Context, method, path string, q url.Values, body, out any, idempotent bool) error {
	resp, err := c.http.Do(ctx, client.Request{
		Method: method, Path: path, Query: withClientID(q, c.clientID), Body: body, Idempotent: idempotent,
	})
	if err != nil {
		return err
	}
	return resp.Decode(out)
}

func withClientID(q url.Values, id string) url.Values {
	if q == nil {
		q = url.Values{}
	}
	q.Set("client_id", id)
	return q
}

// idPath appends an ID as one path segment, refusing IDs that would name
// another resource.
func idPath(prefix, id string) (string, error) {
	if id == "" || strings.ContainsAny(id, "/?#") {
		return "", fmt.Errorf("SQMeeting ID %q is empty or not a single path segment", id)
	}
	return prefix + "/" + id, nil
}
