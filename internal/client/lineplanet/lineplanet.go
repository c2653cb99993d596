// Package lineplanet is the typed client of the LINE Planet server API v2 meeting
// IDs (../shared/api/line-planet-meeting-id.txt, NOTES.md).
package lineplanet

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Config is what the provider's line_planet block gives.
type Config struct {
	// Endpoint is the API's base URL without /tas/v2.
	Endpoint  string
	APIKey    string
	APISecret string
	HTTP      client.Config
}

// Client talks to one LINE Planet service.
type Client struct {
	http *client.Client
}

// New returns a client.
func New(cfg Config) (*Client, error) {
	if cfg.APIKey == "" || cfg.APISecret == "" {
		return nil, errors.New("LINE Planet needs an api_key and an api_secret")
	}
	hc := cfg.HTTP
	hc.Platform = "LINE Planet"
	base, err := platforms.LinePlanet.BaseURL(cfg.Endpoint)
	if err != nil {
		return nil, err
	}
	hc.BaseURL = base
	hc.DecodeError = decodeError
	hc.CheckSuccess = checkEnvelope
	hc.Auth = basicAuth{key: cfg.APIKey, secret: cfg.APISecret}
	c, err := client.New(hc)
	if err != nil {
		return nil, err
	}
	return &Client{http: c}, nil
}

// basicAuth sends "Authorization: Basic base64(api_key:api_secret)" (NOTES.md).
// There is no token to drop after a 401, so Invalidate does nothing.
type basicAuth struct{ key, secret string }

func (a basicAuth) Authenticate(_ context.Context, req *http.Request) error {
	req.SetBasicAuth(a.key, a.secret)
	return nil
}

func (basicAuth) Invalidate() {}

// Fixed: a 401 refuses the key and secret for good.
func (basicAuth) Fixed() bool { return true }

// CheckCredentials proves the API key and secret once per provider process
// with the cheapest documented call, the list of the meetings of the room
// svc/room (the API has no call without a room), and returns their refusal,
// if any. A nil client (the provider is not configured yet) checks nothing.
func (c *Client) CheckCredentials(ctx context.Context, svc, room string) error {
	if c == nil {
		return nil
	}
	return c.http.CheckCredentials(ctx, func(ctx context.Context) error {
		_, err := c.ListMeetings(ctx, svc, room)
		return err
	})
}

// Error codes of "API v2 - Error handling" that callers act on.
const (
	// CodeMeetingExists answers a create in a room that has a meeting: "405
	// (meeting already exists)".
	CodeMeetingExists = "405"
	// CodeTypeNotConvertible answers a disallowed type change: "435 (current type
	// cannot be converted to the requested type)".
	CodeTypeNotConvertible = "435"
)

// Meeting is the document's MeetingObject.
type Meeting struct {
	// ID is "at least 11 digits".
	ID int64 `json:"id"`
	// Type is I (instant), S (schedule) or R (schedule for recurring).
	Type string `json:"type"`
	// Passcode is 6 digits.
	Passcode  string `json:"passcode"`
	ChatSvcID string `json:"chatSvcId"`
	ChatID    string `json:"chatId"`
	// Created and ExpireAt are epoch milliseconds.
	Created  int64   `json:"created"`
	ExpireAt int64   `json:"expireAt"`
	Title    *string `json:"title"`
	Data     *string `json:"data"`
}

// CreatedAt is Created as a UTC time.
func (m *Meeting) CreatedAt() time.Time { return time.UnixMilli(m.Created).UTC() }

// ExpiresAt is ExpireAt as a UTC time.
func (m *Meeting) ExpiresAt() time.Time { return time.UnixMilli(m.ExpireAt).UTC() }

// CreatedMeeting is the create response: the meeting and the SIP proxy that SIP
// terminals dial. The list and the update responses do not carry the proxy.
type CreatedMeeting struct {
	Meeting      Meeting `json:"mtg"`
	SIPProxy     string  `json:"sipProxy"`
	SIPProxyPort int64   `json:"sipProxyPort"`
}

// MeetingInput is the body of a create or an update. Type and Passcode are left
// out when empty: a create then gets the server's defaults (a random passcode),
// an update keeps the current values. Title and Data are always sent, null when
// nil, so that an update clears them; in a create null is their default.
type MeetingInput struct {
	Type     string  `json:"type,omitempty"`
	Passcode string  `json:"passcode,omitempty"`
	Title    *string `json:"title"`
	Data     *string `json:"data"`
}

// envelope is what do reads of every response: success
// {"status":"success","data":...,"timestamp"}. Errors,
// {"status":"error","message","code":"NNN","data":{},"timestamp"}, are read by
// checkEnvelope before do sees them.
type envelope struct {
	Status string          `json:"status"`
	Data   json.RawMessage `json:"data"`
}

// decodeError reads the error envelope of a non-2xx answer. The HTTP core then
// sets StatusCode to the HTTP status.
func decodeError(status int, h http.Header, body []byte) *client.APIError {
	if apiErr := checkEnvelope(body); apiErr != nil && (apiErr.Code != "" || apiErr.Message != "") {
		return apiErr
	}
	return client.DecodePlainError(status, h, body)
}

// do sends one call and returns the envelope's data. NOTES.md: "The client decides
// on status, not on the HTTP status": checkEnvelope makes an HTTP 200 that
// carries status "error" an error too.
func (c *Client) do(ctx context.Context, method, path string, body any) (json.RawMessage, error) {
	resp, err := c.http.Do(ctx, client.Request{Method: method, Path: path, Body: body})
	if err != nil {
		return nil, err
	}
	var env envelope
	if err := json.Unmarshal(resp.Body, &env); err != nil {
		return nil, fmt.Errorf("LINE Planet answered %s %s with a body that is not its JSON envelope: %w", method, path, err)
	}
	if env.Status != "success" {
		return nil, fmt.Errorf("LINE Planet answered %s %s with envelope status %q, neither success nor error", method, path, env.Status)
	}
	return env.Data, nil
}

// checkEnvelope turns an HTTP 2xx that carries status "error" into an error whose
// StatusCode is the envelope's code, so that the HTTP core retries a 429 or 503
// and client.IsNotFound holds for 404 however the HTTP status was set.
func checkEnvelope(body []byte) *client.APIError {
	// Only the error fields: the data of a successful answer is decoded once,
	// by do.
	var env struct {
		Status  string `json:"status"`
		Code    string `json:"code"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return nil //nolint:nilerr // a body that is not JSON carries no error envelope; do or decodeError reports it
	}
	if env.Status != "error" {
		return nil
	}
	apiErr := &client.APIError{Code: env.Code, Message: env.Message}
	if n, err := strconv.Atoi(env.Code); err == nil {
		apiErr.StatusCode = n
	}
	return apiErr
}

// roomPath is /gcall/{roomServiceId}/{roomId}. The HTTP core escapes the path, so
// the IDs go in raw; a "/" in one would change the route, so it is refused.
func roomPath(svc, room string) (string, error) {
	for _, f := range [][2]string{{"room service ID", svc}, {"room ID", room}} {
		if f[1] == "" {
			return "", fmt.Errorf("LINE Planet %s is empty", f[0])
		}
		if strings.Contains(f[1], "/") {
			return "", fmt.Errorf("LINE Planet %s %q contains a slash", f[0], f[1])
		}
	}
	return "/gcall/" + svc + "/" + room, nil
}

// CreateMeeting requests a meeting ID in the room: POST .../mtg. A room that has
// one answers code 405 (see IsMeetingExists).
//
// A room has one meeting ID at most, which is the natural key: when the
// answer to a create is lost, the room's meeting is adopted if it has the
// type, title, data and passcode sent and was made during the create
// (client.Adopt), and created again if there is none. A 405 right after a
// lost answer is that lost create's meeting, and is adopted the same way; a
// 405 to a first try is returned. An adopted meeting lacks the SIP proxy,
// which LINE Planet returns with a create only.
func (c *Client) CreateMeeting(ctx context.Context, svc, room string, in MeetingInput) (*CreatedMeeting, error) {
	p, err := roomPath(svc, room)
	if err != nil {
		return nil, err
	}
	return client.Adopt(ctx, c.http, client.Adoption[*CreatedMeeting]{
		Object: "meeting ID", Key: fmt.Sprintf("the one meeting ID of room %s/%s", svc, room),
		Create: func(ctx context.Context) (*CreatedMeeting, error) { return c.createMeeting(ctx, p, in) },
		Find: func(ctx context.Context, w client.Window) ([]*CreatedMeeting, error) {
			mtgs, err := c.ListMeetings(ctx, svc, room)
			if err != nil {
				return nil, err
			}
			var out []*CreatedMeeting
			for _, m := range mtgs {
				if in.madeAs(&m, w) {
					out = append(out, &CreatedMeeting{Meeting: m})
				}
			}
			return out, nil
		},
		ID:     func(m *CreatedMeeting) string { return strconv.FormatInt(m.Meeting.ID, 10) },
		Exists: IsMeetingExists,
	})
}

// madeAs reports whether m is what a create of in made within w: a create
// that leaves type or passcode out gets the server's.
func (in *MeetingInput) madeAs(m *Meeting, w client.Window) bool {
	return (in.Type == "" || m.Type == in.Type) && (in.Passcode == "" || m.Passcode == in.Passcode) &&
		sameText(in.Title, m.Title) && sameText(in.Data, m.Data) && w.Contains(m.CreatedAt())
}

func sameText(a, b *string) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

// createMeeting sends one create to the room at p.
func (c *Client) createMeeting(ctx context.Context, p string, in MeetingInput) (*CreatedMeeting, error) {
	data, err := c.do(ctx, http.MethodPost, p+"/mtg", in)
	if err != nil {
		return nil, err
	}
	var out CreatedMeeting
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, fmt.Errorf("decoding LINE Planet create response: %w", err)
	}
	if out.Meeting.ID == 0 {
		return nil, fmt.Errorf("LINE Planet create response has no mtg.id: %s", data)
	}
	return &out, nil
}

// ListMeetings returns the room's meetings: GET .../mtgs. "Only one MeetingObject
// is returned currently." Expired meetings are not listed.
func (c *Client) ListMeetings(ctx context.Context, svc, room string) ([]Meeting, error) {
	p, err := roomPath(svc, room)
	if err != nil {
		return nil, err
	}
	data, err := c.do(ctx, http.MethodGet, p+"/mtgs", nil)
	if err != nil {
		return nil, err
	}
	var out struct {
		Mtgs []Meeting `json:"mtgs"`
	}
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, fmt.Errorf("decoding LINE Planet meeting list: %w", err)
	}
	if out.Mtgs == nil {
		out.Mtgs = []Meeting{}
	}
	return out.Mtgs, nil
}

// GetMeeting finds one meeting in the room's list: the API has no GET of one
// meeting (NOTES.md). A meeting that is not listed (deleted or expired) is an
// error for which client.IsNotFound holds.
func (c *Client) GetMeeting(ctx context.Context, svc, room string, id int64) (*Meeting, error) {
	mtgs, err := c.ListMeetings(ctx, svc, room)
	if err != nil {
		return nil, err
	}
	for i := range mtgs {
		if mtgs[i].ID == id {
			return &mtgs[i], nil
		}
	}
	return nil, &client.APIError{
		Platform: c.http.Platform(), StatusCode: http.StatusNotFound, Code: "404",
		Message: fmt.Sprintf("meeting %d is not in room %s/%s (deleted or expired)", id, svc, room),
	}
}

// UpdateMeeting overwrites the meeting's properties: PUT .../mtgs/{mtgId}, the
// endpoint table's path (NOTES.md). Only S -> R is a valid type change; others
// answer code 435 (see IsTypeNotConvertible).
func (c *Client) UpdateMeeting(ctx context.Context, svc, room string, id int64, in MeetingInput) (*Meeting, error) {
	p, err := roomPath(svc, room)
	if err != nil {
		return nil, err
	}
	data, err := c.do(ctx, http.MethodPut, p+"/mtgs/"+strconv.FormatInt(id, 10), in)
	if err != nil {
		return nil, err
	}
	// Example 1 answers the MeetingObject itself while the response table names a
	// property mtg: accept both.
	var wrapped struct {
		Mtg *Meeting `json:"mtg"`
	}
	if err := json.Unmarshal(data, &wrapped); err == nil && wrapped.Mtg != nil {
		return wrapped.Mtg, nil
	}
	var out Meeting
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, fmt.Errorf("decoding LINE Planet update response: %w", err)
	}
	if out.ID == 0 {
		return nil, fmt.Errorf("LINE Planet update response has no meeting: %s", data)
	}
	return &out, nil
}

// DeleteMeeting deletes the meeting: DELETE .../mtgs/{mtgId}.
func (c *Client) DeleteMeeting(ctx context.Context, svc, room string, id int64) error {
	p, err := roomPath(svc, room)
	if err != nil {
		return err
	}
	_, err = c.do(ctx, http.MethodDelete, p+"/mtgs/"+strconv.FormatInt(id, 10), nil)
	return err
}

// IsMeetingExists reports whether err is code 405 "meeting already exists".
func IsMeetingExists(err error) bool { return hasCode(err, CodeMeetingExists) }

// IsTypeNotConvertible reports whether err is code 435, a disallowed type change.
func IsTypeNotConvertible(err error) bool { return hasCode(err, CodeTypeNotConvertible) }

func hasCode(err error, code string) bool {
	var apiErr *client.APIError
	return errors.As(err, &apiErr) && apiErr.Code == code
}
