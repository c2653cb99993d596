// Package portsip is the typed client of the PortSIP PBX v22 REST API: conference
// servers, conference rooms and the signed-in user's meetings
// (../shared/api/portsip-conference.txt, portsip-v22-user-meetings.txt,
// NOTES.md).
package portsip

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Config is what the provider's portsip block gives.
type Config struct {
	// Endpoint is the PBX's base URL without /api, e.g. https://pbx.example.com:8900.
	Endpoint string
	Token    string
	Username string
	Password string
	Domain   string
	// HTTP carries the shared settings: timeout, retries, TLS, user agent.
	HTTP client.Config
	// Now replaces the clock that decides when a token is renewed, for tests.
	Now func() time.Time
}

// Client talks to one PBX.
type Client struct {
	http     *client.Client
	auth     *tokenAuth
	username string
	// servers answers refreshes of servers from a listing. Rooms and
	// meetings have none: their list items lack domain, sbc_host, sbc_port
	// and token (and a room's, outbound_caller_ids), which their reads need
	// (the spec's listConferenceRooms and listUserMeetings item schemas).
	servers *client.Listing[Server]
}

// CheckCredentials proves the credentials once per provider process: a
// sign-in, or with a token, GET /auth/user, the cheapest authenticated call.
// It returns their refusal, if any. A nil client (the provider is not
// configured yet) checks nothing.
func (c *Client) CheckCredentials(ctx context.Context) error {
	if c == nil {
		return nil
	}
	return c.http.CheckCredentials(ctx, func(ctx context.Context) error {
		if c.auth.Fixed() {
			return c.get(ctx, "/auth/user", nil, nil)
		}
		return c.auth.ensure(ctx)
	})
}

// New returns a client. It does not sign in until the first request.
func New(cfg Config) (*Client, error) {
	if cfg.Token == "" && (cfg.Username == "" || cfg.Password == "") {
		return nil, errors.New("PortSIP needs either a token or both a username and a password")
	}
	hc := cfg.HTTP
	hc.Platform = "PortSIP"
	base, err := platforms.PortSIP.BaseURL(cfg.Endpoint)
	if err != nil {
		return nil, err
	}
	hc.BaseURL = base
	hc.DecodeError = decodeError
	if hc.Credentials == nil {
		// The sign-in's client and the signed-in one share one memory.
		hc.Credentials = client.NewCredentials(hc.Platform, "")
	}
	noAuth, err := client.New(hc)
	if err != nil {
		return nil, err
	}
	auth := &tokenAuth{
		http: noAuth, static: cfg.Token, username: cfg.Username, password: cfg.Password,
		domain: cfg.Domain, now: cfg.Now,
	}
	if cfg.Now == nil {
		auth.now = time.Now
	}
	hc.Auth = auth
	c, err := client.New(hc)
	if err != nil {
		return nil, err
	}
	out := &Client{http: c, auth: auth}
	out.servers = listing(out, "/conference_servers", func(s *Server) string { return s.ID })
	if cfg.Token == "" {
		out.username = cfg.Username
	}
	return out, nil
}

// Username is the user the client signs in as, whose meetings /user/meetings
// are; empty when the client was given a token, whose user it cannot tell
// (GET /auth/user answers a role, not a name).
func (c *Client) Username() string { return c.username }

// decodeError reads PortSIP's envelope: {"errors":[{"code","message","detail"}]}.
func decodeError(status int, h http.Header, body []byte) *client.APIError {
	var env struct {
		Errors []struct {
			Code    string          `json:"code"`
			Message string          `json:"message"`
			Detail  json.RawMessage `json:"detail"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(body, &env); err != nil || len(env.Errors) == 0 {
		return client.DecodePlainError(status, h, body)
	}
	first := env.Errors[0]
	msgs := make([]string, 0, len(env.Errors))
	for _, e := range env.Errors {
		msgs = append(msgs, e.Message)
	}
	apiErr := &client.APIError{Code: first.Code, Message: strings.Join(msgs, "; ")}
	apiErr.Detail = detailText(first.Detail)
	return apiErr
}

// detailText renders an error's detail: a string as it is; an object that only
// names the field is dropped, since the message names it already.
func detailText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var obj map[string]any
	if json.Unmarshal(raw, &obj) == nil {
		delete(obj, "field")
		if len(obj) == 0 {
			return ""
		}
		b, _ := json.Marshal(obj)
		return string(b)
	}
	d := strings.TrimSpace(string(raw))
	if d == "null" {
		return ""
	}
	return d
}

func (c *Client) get(ctx context.Context, path string, q url.Values, out any) error {
	resp, err := c.http.Do(ctx, client.Request{Method: http.MethodGet, Path: path, Query: q})
	if err != nil {
		return err
	}
	return resp.Decode(out)
}

// post sends a POST. PortSIP updates and deletes are POSTs that are safe to
// repeat; creates are not, so only they are sent without Idempotent.
func (c *Client) post(ctx context.Context, path string, body any, idempotent bool, out any) error {
	resp, err := c.http.Do(ctx, client.Request{Method: http.MethodPost, Path: path, Body: body, Idempotent: idempotent})
	if err != nil {
		return err
	}
	return resp.Decode(out)
}

// ListOptions are the query parameters every PortSIP list takes.
type ListOptions struct {
	// Filter is an OData expression, e.g. "enabled eq true and name eq 'east'".
	Filter  string
	Search  string
	OrderBy string
	// PageSize is the top parameter, 1..100; 0 means 100.
	PageSize int
}

const maxPageSize = 100

// ODataString quotes s as an OData string literal for a Filter: single
// quotes, with a quote inside doubled.
func ODataString(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// listAll pages through a collection with skip/top until count items have come
// back (NOTES.md: skip is 0-based).
func listAll[T any](ctx context.Context, c *Client, path string, opts ListOptions) ([]T, error) {
	var all []T
	err := eachPage(ctx, c, path, opts, func(items []T) bool {
		all = append(all, items...)
		return true
	})
	if err != nil {
		return nil, err
	}
	return all, nil
}

// eachPage pages through a collection like listAll, handing each page to
// page; it requests no further page once page returns false (a caller that
// has all it wants).
func eachPage[T any](ctx context.Context, c *Client, path string, opts ListOptions, page func([]T) bool) error {
	for skip := 0; ; {
		items, last, err := listPage[T](ctx, c, path, opts, skip)
		if err != nil {
			return err
		}
		skip += len(items)
		if !page(items) || last {
			return nil
		}
	}
}

// listPage reads the page of a collection that starts at skip, and whether
// it is the last one.
func listPage[T any](ctx context.Context, c *Client, path string, opts ListOptions, skip int) ([]T, bool, error) {
	top := opts.PageSize
	if top <= 0 || top > maxPageSize {
		top = maxPageSize
	}
	q := url.Values{}
	if opts.Filter != "" {
		q.Set("filter", opts.Filter)
	}
	if opts.Search != "" {
		q.Set("search", opts.Search)
	}
	if opts.OrderBy != "" {
		q.Set("orderby", opts.OrderBy)
	}
	q.Set("skip", strconv.Itoa(skip))
	q.Set("top", strconv.Itoa(top))
	q.Set("count", "true")
	var page struct {
		Count int64 `json:"count"`
		Items []T   `json:"items"`
	}
	if err := c.get(ctx, path, q, &page); err != nil {
		return nil, false, err
	}
	// Stop on a short page too, in case the server does not count.
	n := len(page.Items)
	return page.Items, n == 0 || int64(skip+n) >= page.Count || n < top, nil
}

// listing is a Listing of a whole collection, read 100 to a page in the
// PBX's own order (client.Listing).
func listing[T any](c *Client, path string, id func(*T) string) *client.Listing[T] {
	return &client.Listing[T]{
		ID: id,
		Page: func(ctx context.Context, cursor string) ([]T, string, bool, error) {
			skip, _ := strconv.Atoi(cursor)
			items, last, err := listPage[T](ctx, c, path, ListOptions{}, skip)
			return items, strconv.Itoa(skip + len(items)), last, err
		},
	}
}

func objPath(collection, id string, rest ...string) string {
	p := "/" + collection + "/" + id
	for _, r := range rest {
		p += "/" + r
	}
	return p
}

// createServer sends one create of a conference server and returns its ID
// (CreateServer adopts what a lost one made).
func (c *Client) createServer(ctx context.Context, in ServerCreate) (string, error) {
	var out struct {
		ID string `json:"id"`
	}
	if err := c.post(ctx, "/conference_servers", in, false, &out); err != nil {
		return "", err
	}
	if out.ID == "" {
		return "", fmt.Errorf("PortSIP created a conference server but returned no id")
	}
	return out.ID, nil
}

// GetServer reads one conference server: from the process's listing of
// servers where that is cheaper (client.Listing; a list item is the whole
// server, as GET's answer is), otherwise with GET.
func (c *Client) GetServer(ctx context.Context, id string) (*Server, error) {
	return c.servers.Get(ctx, id, func(ctx context.Context) (*Server, error) { return c.getServer(ctx, id) })
}

// getServer is GET /conference_servers/{id}.
func (c *Client) getServer(ctx context.Context, id string) (*Server, error) {
	var s Server
	if err := c.get(ctx, objPath("conference_servers", id), nil, &s); err != nil {
		return nil, err
	}
	return &s, nil
}

// UpdateServer changes what the API lets change.
func (c *Client) UpdateServer(ctx context.Context, id string, in ServerUpdate) error {
	c.servers.Wrote()
	return c.post(ctx, objPath("conference_servers", id), in, true, nil)
}

// DeleteServer destroys a conference server.
func (c *Client) DeleteServer(ctx context.Context, id string) error {
	c.servers.Wrote()
	return c.post(ctx, objPath("conference_servers", id, "destroy"), nil, true, nil)
}

// GetServerStatus reads a server's live status.
func (c *Client) GetServerStatus(ctx context.Context, id string) (*ServerStatus, error) {
	var s ServerStatus
	if err := c.get(ctx, objPath("conference_servers", id, "status"), nil, &s); err != nil {
		return nil, err
	}
	return &s, nil
}

// ListServers returns every server that matches opts, across all pages.
func (c *Client) ListServers(ctx context.Context, opts ListOptions) ([]Server, error) {
	return listAll[Server](ctx, c, "/conference_servers", opts)
}

// ListServerPages hands the servers that match opts to page a page at a
// time, until page returns false or the last page.
func (c *Client) ListServerPages(ctx context.Context, opts ListOptions, page func([]Server) bool) error {
	return eachPage(ctx, c, "/conference_servers", opts, page)
}
