// Package whereby is the typed client of the Whereby REST API v1 meetings
// (../shared/api/whereby-meetings.txt, whereby-openapi.json, NOTES.md).
package whereby

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

const (
	// DefaultEndpoint is the API's host (whereby-openapi.json, servers:
	// https://api.whereby.dev/v1).
	DefaultEndpoint = "https://api.whereby.dev"
	// DefaultPointsPerMinute is the smaller of the two documented budgets
	// ("Grow plans have 1000 points in total per minute, and Build plans have
	// 100"): a client that does not know its plan must not exceed either.
	// Grow organizations raise it with Config.PointsPerMinute.
	DefaultPointsPerMinute = 100
)

// Config is what the provider's whereby block gives.
type Config struct {
	// Endpoint is the API's base URL without /v1; DefaultEndpoint when empty.
	Endpoint string
	// APIKey is sent as the bearer token.
	APIKey string
	// PointsPerMinute is the organization's rate budget the client paces
	// itself to: 0 means DefaultPointsPerMinute, a negative value turns
	// pacing off (a 429 is then still waited out and retried). The budget is
	// shared by all of an organization's API keys, so a lower value leaves
	// room for other users of the key.
	PointsPerMinute int
	HTTP            client.Config
}

// Client talks to one Whereby organization.
type Client struct {
	http *client.Client
}

// New returns a client.
func New(cfg Config) (*Client, error) {
	if cfg.APIKey == "" {
		return nil, errors.New("the Whereby configuration needs an api_key")
	}
	if cfg.Endpoint == "" {
		cfg.Endpoint = DefaultEndpoint
	}
	points := cfg.PointsPerMinute
	if points == 0 {
		points = DefaultPointsPerMinute
	}
	if points > 0 && points < cost(http.MethodPost) {
		return nil, fmt.Errorf("the Whereby points_per_minute must be at least %d, the cost of creating a meeting; got %d", cost(http.MethodPost), points)
	}
	hc := cfg.HTTP
	hc.Platform = "Whereby"
	base, err := platforms.Whereby.BaseURL(cfg.Endpoint)
	if err != nil {
		return nil, err
	}
	hc.BaseURL = base
	hc.Auth = bearer(cfg.APIKey)
	hc.DecodeError = decodeError
	hc.RetryAfterFromBody = msLeft
	// "url" is only ever streaming.destination.url, an RTMP URL with the
	// stream key in it.
	hc.SecretFields = append(slices.Clip(hc.SecretFields), "url")
	if points > 0 {
		hc.Budget = &client.Budget{Points: points, Window: time.Minute, Cost: cost}
	}
	c, err := client.New(hc)
	if err != nil {
		return nil, err
	}
	return &Client{http: c}, nil
}

// cost is a request's price in points (whereby-openapi.json, "Rate
// limiting": "A read request consumes 1 point, a delete consumes 2 points and
// a write request consumes 3 points").
func cost(method string) int {
	switch method {
	case http.MethodGet, http.MethodHead:
		return 1
	case http.MethodDelete:
		return 2
	default:
		return 3
	}
}

// bearer sends "Authorization: Bearer <api key>" (NOTES.md). There is no
// token to drop after a 401, so Invalidate does nothing.
type bearer string

func (b bearer) Authenticate(_ context.Context, req *http.Request) error {
	req.Header.Set("Authorization", "Bearer "+string(b))
	return nil
}

func (bearer) Invalidate() {}

// Fixed: a 401 refuses the API key for good.
func (bearer) Fixed() bool { return true }

// CheckCredentials proves the API key once per provider process with the
// cheapest call, GET /meetings?limit=1 (one point of the budget), and
// returns its refusal, if any. A nil client (the provider is not configured
// yet) checks nothing.
func (c *Client) CheckCredentials(ctx context.Context) error {
	if c == nil {
		return nil
	}
	return c.http.CheckCredentials(ctx, func(ctx context.Context) error {
		return c.do(ctx, client.Request{Method: http.MethodGet, Path: "/meetings", Query: url.Values{"limit": {"1"}}}, nil)
	})
}

// errorBody is every error answer: {"error":"...","data":{"msLeft":N}}, the
// document's ThrottleError (data on 429 only).
type errorBody struct {
	Error string `json:"error"`
	Data  struct {
		MSLeft *int64 `json:"msLeft"`
	} `json:"data"`
}

func decodeError(status int, h http.Header, body []byte) *client.APIError {
	var e errorBody
	if json.Unmarshal(body, &e) == nil && e.Error != "" {
		return &client.APIError{StatusCode: status, Message: e.Error}
	}
	return client.DecodePlainError(status, h, body)
}

// msLeft reads a 429's data.msLeft: "Milliseconds left until rate limit is
// finished. Wait this long until trying again." It is the precise form of
// the Retry-After header's whole seconds, so it wins when present.
func msLeft(body []byte) (time.Duration, bool) {
	var e errorBody
	if json.Unmarshal(body, &e) != nil || e.Data.MSLeft == nil || *e.Data.MSLeft < 0 {
		return 0, false
	}
	if *e.Data.MSLeft > int64(math.MaxInt64/time.Millisecond) {
		// Too long to represent: the longest wait, not a wrapped-around one.
		return time.Duration(math.MaxInt64), true
	}
	return time.Duration(*e.Data.MSLeft) * time.Millisecond, true
}
