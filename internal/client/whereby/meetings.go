package whereby

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client"
)

// Optional fields of a meeting, asked for with CreateMeetingInput.Fields and
// GetMeeting's fields (whereby-openapi.json, Fields).
const (
	FieldHostRoomURL   = "hostRoomUrl"
	FieldViewerRoomURL = "viewerRoomUrl"
)

// Values of CreateMeetingInput's enums.
const (
	RoomModeNormal = "normal"
	RoomModeGroup  = "group"

	RoomNamePatternUUID       = "uuid"
	RoomNamePatternHumanShort = "human-short"

	TemplateTypeViewerMode = "viewerMode"
)

// Meeting is the document's Meeting: a transient room, available until an
// hour after EndDate. Dates are in UTC.
type Meeting struct {
	MeetingID string `json:"meetingId"`
	// RoomName starts with "/".
	RoomName  string    `json:"roomName"`
	RoomURL   string    `json:"roomUrl"`
	StartDate time.Time `json:"startDate"`
	EndDate   time.Time `json:"endDate"`
	// HostRoomURL is set only when asked for (FieldHostRoomURL) or for a
	// viewer mode room on create. It makes its user a host: a secret.
	HostRoomURL string `json:"hostRoomUrl,omitempty"`
	// ViewerRoomURL exists only for a viewer mode room, and is set only when
	// asked for (FieldViewerRoomURL) or on create.
	ViewerRoomURL string `json:"viewerRoomUrl,omitempty"`
}

// utc puts the dates in UTC, whatever zone the answer wrote them in.
func (m *Meeting) utc() {
	m.StartDate, m.EndDate = m.StartDate.UTC(), m.EndDate.UTC()
}

// CreateMeetingInput is the body of POST /meetings. Zero values are left out,
// so the server's defaults apply (roomMode normal, roomNamePattern uuid).
type CreateMeetingInput struct {
	// EndDate is required and must not be in the past; it is sent in UTC.
	EndDate  time.Time `json:"endDate"`
	IsLocked *bool     `json:"isLocked,omitempty"`
	// RoomMode is RoomModeNormal (up to 4 participants) or RoomModeGroup.
	RoomMode string `json:"roomMode,omitempty"`
	// RoomNamePrefix is lowercase letters, digits and dashes, at most 39.
	RoomNamePrefix string `json:"roomNamePrefix,omitempty"`
	// RoomNamePattern is RoomNamePatternUUID or RoomNamePatternHumanShort.
	RoomNamePattern string `json:"roomNamePattern,omitempty"`
	// TemplateType TemplateTypeViewerMode locks the room, makes it a group
	// room and adds both optional URLs to the answer.
	TemplateType      string             `json:"templateType,omitempty"`
	Recording         *Recording         `json:"recording,omitempty"`
	LiveTranscription *LiveTranscription `json:"liveTranscription,omitempty"`
	Streaming         *Streaming         `json:"streaming,omitempty"`
	// Fields are FieldHostRoomURL and FieldViewerRoomURL, to have them in
	// the answer.
	Fields []string `json:"fields,omitempty"`
}

// Recording is "Options for how a meeting should be recorded". A nil pointer
// is sent as null, which the document gives a meaning: inherit the
// organization's setting.
type Recording struct {
	// Type is "none", "local" or "cloud".
	Type        string              `json:"type"`
	Destination *StorageDestination `json:"destination"`
	// StartTrigger is "none", "prompt", "automatic" or
	// "automatic-2nd-participant".
	StartTrigger *string `json:"startTrigger"`
}

// LiveTranscription is "A configuration object for Session Transcription".
// Nil pointers are sent as null: the organization's setting.
type LiveTranscription struct {
	Destination *StorageDestination `json:"destination"`
	// StartTrigger is "none", "manual", "automatic" or
	// "automatic-2nd-participant".
	StartTrigger *string `json:"startTrigger"`
	// Language is a code such as "en" or "pt-BR".
	Language     *string `json:"language,omitempty"`
	LiveCaptions *bool   `json:"liveCaptions,omitempty"`
}

// StorageDestination is where recordings or transcriptions are stored.
// Provider "s3" with access keys needs Bucket, Region, AccessKeyID and
// AccessKeySecret; with AuthenticationType "roleBased", Bucket and
// OIDCRoleARN. Provider "whereby" needs none of them.
type StorageDestination struct {
	Provider           string `json:"provider"`
	AuthenticationType string `json:"authenticationType,omitempty"`
	Bucket             string `json:"bucket,omitempty"`
	Region             string `json:"region,omitempty"`
	AccessKeyID        string `json:"accessKeyId,omitempty"`
	AccessKeySecret    string `json:"accessKeySecret,omitempty"`
	// FileFormat ("mkv" or "mp4") is for recordings only.
	FileFormat  string `json:"fileFormat,omitempty"`
	OIDCRoleARN string `json:"oidcRoleArn,omitempty"`
}

// Streaming is "A configuration object for live RTMP streaming of the
// meeting".
type Streaming struct {
	Destination StreamingDestination `json:"destination"`
	// StartTrigger is "none", "prompt" or "automatic"; nil is null, the
	// organization's setting.
	StartTrigger *string `json:"startTrigger"`
}

// StreamingDestination is the stream's RTMP URL, stream key included: a
// secret.
type StreamingDestination struct {
	URL string `json:"url"`
}

// CreateMeeting creates a transient room: POST /meetings, 201.
//
// Whereby takes no name for a meeting, so when the answer is lost the
// meeting it may have made is known by what the create sends and Whereby
// shows (client.Adopt): the end date, the room name's prefix, and a start
// date (which Whereby sets to the time of the request) within the create's
// window. Two such meetings made within minutes of each other by another
// run or program are ambiguous.
func (c *Client) CreateMeeting(ctx context.Context, in CreateMeetingInput) (*Meeting, error) {
	c.wrote()
	in.EndDate = in.EndDate.UTC()
	prefix := "/" + in.RoomNamePrefix
	fields := in.Fields
	if in.TemplateType == TemplateTypeViewerMode {
		// A viewer mode room's create answers both URLs unasked.
		fields = []string{FieldHostRoomURL, FieldViewerRoomURL}
	}
	a := client.Adoption[*Meeting]{
		Object: "meeting",
		Key: fmt.Sprintf("end date %s and room name prefix %q, started during this create",
			in.EndDate.Format(time.RFC3339), in.RoomNamePrefix),
		Create: func(ctx context.Context) (*Meeting, error) { return c.createMeeting(ctx, in) },
		Find: func(ctx context.Context, w client.Window) ([]*Meeting, error) {
			all, err := c.ListMeetings(ctx)
			if err != nil {
				return nil, err
			}
			var out []*Meeting
			for i := range all {
				m := &all[i]
				if m.EndDate.Equal(in.EndDate) && strings.HasPrefix(m.RoomName, prefix) && w.Contains(m.StartDate) {
					out = append(out, m)
				}
			}
			return out, nil
		},
		ID: func(m *Meeting) string { return m.MeetingID },
	}
	if len(fields) > 0 {
		// The list gives no host or viewer URL unless asked: read them as the
		// create would have answered them.
		a.Read = func(ctx context.Context, m *Meeting) (*Meeting, error) {
			return c.GetMeeting(ctx, m.MeetingID, fields...)
		}
	}
	return client.Adopt(ctx, c.http, a)
}

// createMeeting sends one create.
func (c *Client) createMeeting(ctx context.Context, in CreateMeetingInput) (*Meeting, error) {
	var m Meeting
	if err := c.do(ctx, client.Request{Method: http.MethodPost, Path: "/meetings", Body: in}, &m); err != nil {
		return nil, err
	}
	m.utc()
	if m.MeetingID == "" {
		return nil, errors.New("the Whereby create response has no meetingId")
	}
	return &m, nil
}

// GetMeeting reads one meeting: GET /meetings/{meetingId}, or the process's
// listing of meetings with the same fields where that is cheaper
// (client.Listing: a list item is the whole Meeting, as GET's answer is,
// and the list takes the same fields). A meeting that is deleted or past
// its hour after EndDate is an error for which client.IsNotFound holds.
// fields asks for the optional URLs.
func (c *Client) GetMeeting(ctx context.Context, id string, fields ...string) (*Meeting, error) {
	return c.listing(fields).Get(ctx, id, func(ctx context.Context) (*Meeting, error) {
		return c.getMeeting(ctx, id, fields)
	})
}

// getMeeting sends the GET.
func (c *Client) getMeeting(ctx context.Context, id string, fields []string) (*Meeting, error) {
	p, err := meetingPath(id)
	if err != nil {
		return nil, err
	}
	var m Meeting
	if err := c.do(ctx, client.Request{Method: http.MethodGet, Path: p, Query: fieldsQuery(fields)}, &m); err != nil {
		return nil, err
	}
	m.utc()
	return &m, nil
}

// ListMeetings returns every live meeting, following the cursor through all
// pages: GET /meetings?limit=&cursor=. fields asks for the optional URLs.
func (c *Client) ListMeetings(ctx context.Context, fields ...string) ([]Meeting, error) {
	return listAll(ctx, func(ctx context.Context, cursor string) ([]Meeting, string, bool, error) {
		return c.listPage(ctx, fields, cursor)
	})
}

// ListMeetingPages hands the live meetings to page a page at a time,
// following the cursor until page returns false or the last page.
func (c *Client) ListMeetingPages(ctx context.Context, page func([]Meeting) bool, fields ...string) error {
	return eachPage(ctx, func(ctx context.Context, cursor string) ([]Meeting, string, bool, error) {
		return c.listPage(ctx, fields, cursor)
	}, page)
}

// listPage reads the meetings' page at cursor ("" for the first).
func (c *Client) listPage(ctx context.Context, fields []string, cursor string) ([]Meeting, string, bool, error) {
	items, next, last, err := page[Meeting](ctx, c, "/meetings", fieldsQuery(fields), cursor)
	for i := range items {
		items[i].utc()
	}
	return items, next, last, err
}

// listing is the process's listing of meetings read with fields: one per
// set of fields, since a list item carries the optional URLs only when
// asked for.
func (c *Client) listing(fields []string) *client.Listing[Meeting] {
	key := strings.Join(fields, ",")
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.written {
		return nil
	}
	l := c.listings[key]
	if l == nil {
		l = &client.Listing[Meeting]{
			ID: func(m *Meeting) string { return m.MeetingID },
			Page: func(ctx context.Context, cursor string) ([]Meeting, string, bool, error) {
				return c.listPage(ctx, fields, cursor)
			},
		}
		if c.listings == nil {
			c.listings = map[string]*client.Listing[Meeting]{}
		}
		c.listings[key] = l
	}
	return l
}

// wrote records a create or delete of a meeting: every later read sends
// its own GET (client.Listing.Wrote).
func (c *Client) wrote() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.written = true
	for _, l := range c.listings {
		l.Wrote()
	}
}

// DeleteMeeting deletes a meeting: DELETE /meetings/{meetingId}, 204. The
// API answers 204 for a meeting that is already gone too ("The endpoint is
// idempotent"); a 404 from anything in between counts as success as well.
func (c *Client) DeleteMeeting(ctx context.Context, id string) error {
	c.wrote()
	p, err := meetingPath(id)
	if err != nil {
		return err
	}
	_, err = c.http.Do(ctx, client.Request{Method: http.MethodDelete, Path: p})
	if client.IsNotFound(err) {
		return nil
	}
	return err
}

// do sends req and decodes the answer into out.
func (c *Client) do(ctx context.Context, req client.Request, out any) error {
	resp, err := c.http.Do(ctx, req)
	if err != nil {
		return err
	}
	if err := resp.Decode(out); err != nil {
		return fmt.Errorf("decoding the Whereby answer to %s %s: %w", req.Method, req.Path, err)
	}
	return nil
}

// meetingPath is /meetings/{id}. The HTTP core escapes the path, so the ID
// goes in raw; a "/" in it would change the route, so it is refused.
func meetingPath(id string) (string, error) {
	if id == "" {
		return "", errors.New("the Whereby meeting ID is empty")
	}
	if strings.Contains(id, "/") {
		return "", fmt.Errorf("the Whereby meeting ID %q contains a slash", id)
	}
	return "/meetings/" + id, nil
}

// fieldsQuery is fields=a,b ("style: form, explode: false").
func fieldsQuery(fields []string) url.Values {
	if len(fields) == 0 {
		return nil
	}
	return url.Values{"fields": {strings.Join(fields, ",")}}
}
